"""Safe, fast, deterministic YAML: libyaml when present, positions, atomic writes, stable output.

Every document is composed first (libyaml), its node graph is counted with aliases expanded
(an alias bomb is refused before anything walks it), and only then constructed with the safe
constructor. `parse_positioned` keeps dates as text, as an editor's IDE sees them, and returns
the line and column of every key and value so problems can point at them.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import yaml

Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAX_NODES = 200_000
MAX_DEPTH = 64  # nothing the project reads nests deeper than a handful of levels


class TextLoader(Loader):  # type: ignore[misc, valid-type]
    """The safe loader without implicit timestamps: `2023-06-18` stays the text it is."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != TIMESTAMP]
        for first, resolvers in Loader.yaml_implicit_resolvers.items()
    }


class YamlError(Exception):
    """A YAML document that cannot be read; carries the 1-based line and column when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Positions:
    """1-based (line, column) of each value and each mapping key, by path into the document."""

    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: tuple) -> tuple[int, int] | None:
        """Where the value at `path` is, or its nearest enclosing value."""
        for end in range(len(path), -1, -1):
            found = self.values.get(tuple(path[:end]))
            if found is not None:
                return found
        return None

    def of_key(self, path: tuple) -> tuple[int, int] | None:
        return self.keys.get(tuple(path)) or self.of_value(path)


class LazyPositions(Positions):
    """Positions found only when first asked for (most documents never need them)."""

    def __init__(self, find: Callable[[], Positions]) -> None:
        super().__init__()
        self._find: Callable[[], Positions] | None = find

    def _ensure(self) -> None:
        if self._find is not None:
            found, self._find = self._find(), None
            self.values, self.keys = found.values, found.keys

    def of_value(self, path: tuple) -> tuple[int, int] | None:
        self._ensure()
        return super().of_value(path)

    def of_key(self, path: tuple) -> tuple[int, int] | None:
        self._ensure()
        return super().of_key(path)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node: yaml.Node, limit: int, positions: Positions | None) -> None:
    """Visit the node graph with aliases expanded; refuse more than `limit` visits."""
    stack: list[tuple[yaml.Node, tuple]] = [(node, ())]
    seen = 0
    while stack:
        current, path = stack.pop()
        seen += 1
        if seen > limit:
            raise YamlError(f"expected at most {limit} YAML nodes, found more (an alias bomb?)")
        if len(path) > MAX_DEPTH:
            line, column = _mark(current)
            raise YamlError(
                f"expected at most {MAX_DEPTH} levels of nesting, found more", line, column
            )
        if positions is not None:
            positions.values.setdefault(path, _mark(current))
        if isinstance(current, yaml.MappingNode):
            names: set[str] = set()
            for key, value in current.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else f"<{key.id}>"
                if name in names and name != "<<":
                    line, column = _mark(key)
                    raise YamlError(f"expected each key once, found {name!r} again", line, column)
                names.add(name)
                seen += 1  # the key itself; a key is never a collection (unhashable)
                if positions is not None:
                    positions.keys.setdefault((*path, name), _mark(key))
                stack.append((value, (*path, name)))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                stack.append((item, (*path, index)))


def _load(
    text: str, loader_cls: type, limit: int, positions: Positions | None
) -> tuple[Any, Positions | None]:
    try:
        loader = loader_cls(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, positions
            _walk(node, limit, positions)
            return loader.construct_document(node), positions
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = _explain(err.problem or err.context or "an error")
        if mark is None:
            raise YamlError(problem) from None
        lines = text.split("\n")
        if mark.line < len(lines) and "\t" in lines[mark.line] and "tab?" not in problem:
            problem += " (a tab? YAML indents with spaces only)"
        raise YamlError(problem, mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as err:
        first = str(err).splitlines()[0] if str(err) else "an error"
        raise YamlError(f"expected valid YAML, found {first}") from None
    except RecursionError:
        raise YamlError("expected valid YAML, found nesting too deep to read") from None


def _explain(problem: str) -> str:
    if problem.startswith("could not determine a constructor for the tag"):
        tag = problem.split("tag", 1)[1].strip().strip("'")
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return f"expected plain YAML, found the tag {tag!r}"
    if "another document" in problem:
        return "expected one YAML document, found another after '---'"
    return f"expected valid YAML, found {problem}{_hint(problem)}"


def _hint(problem: str) -> str:
    """The common causes of the errors editors meet most."""
    if problem.startswith("mapping values are not allowed"):
        return " (a ': ' inside a value? put the value in quotes: title: \"Talks: day two\")"
    return ""


def parse_yaml(text: str, limit: int = MAX_NODES) -> Any:
    """Safe-load one YAML document (timestamps as dates); every failure is a `YamlError`."""
    return _load(text, Loader, limit, None)[0]


def parse_text(text: str, limit: int = MAX_NODES) -> Any:
    """Safe-load one document with dates kept as text (no positions: faster)."""
    return _load(text, TextLoader, limit, None)[0]


def parse_positioned(text: str, limit: int = MAX_NODES) -> tuple[Any, Positions]:
    """Safe-load one document with dates kept as text, and the position of every node."""
    data, positions = _load(text, TextLoader, limit, Positions())
    assert positions is not None
    return data, positions


def dump_yaml(data: Any) -> str:
    """Dump with fixed key order (as given), original scripts kept, wide lines."""
    return yaml.dump(
        data,
        Dumper=Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**30,  # never wrap: a long quote stays one line, diffs stay small
        indent=2,
    )


def as_day(value: str) -> dt.date | str:
    """An ISO day as a `date` so it is written unquoted; anything else unchanged."""
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else value
    except ValueError:
        return value


def _mode(path: Path) -> int:
    """The permissions a rewrite of `path` gets: those it has, or what the umask gives a new
    file (a temporary file is created 0600, which another user or a deploy job cannot read)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _replace(path: Path, write: Callable[[BinaryIO], None]) -> str:
    """Write a temporary file beside `path` with `write`, flushed to disk; return its name.
    The caller renames it over `path` (or drops it); on any failure it is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_chunks_atomic(path: Path, chunks: Iterable[str]) -> bool:
    """`write_atomic` for a text given in pieces, never held whole: written to a temporary
    file, compared with the old file, then renamed over it (or dropped when the same)."""

    def write(handle: BinaryIO) -> None:
        handle.writelines(chunk.encode("utf-8") for chunk in chunks)

    tmp = _replace(path, write)
    try:
        if path.is_file() and filecmp.cmp(tmp, path, shallow=False):
            Path(tmp).unlink()
            return False
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_atomic(path: Path, text: str) -> bool:
    """Write through a temporary file and rename; return False when the content is unchanged."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    tmp = _replace(path, lambda handle: handle.write(data))
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
