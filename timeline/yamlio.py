"""Safe, fast, deterministic YAML: libyaml when present, atomic writes, stable output."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class YamlError(Exception):
    """A YAML document that cannot be read; carries the 1-based line and column when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def parse_yaml(text: str) -> Any:
    """Safe-load one YAML document, turning every parser failure into a `YamlError`."""
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        problem = err.problem or "invalid YAML"
        if mark is None:
            raise YamlError(problem) from None
        raise YamlError(problem, mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as err:
        raise YamlError(str(err).splitlines()[0] if str(err) else "invalid YAML") from None
    except RecursionError:
        raise YamlError("YAML nested too deeply") from None


def dump_yaml(data: Any) -> str:
    """Dump with fixed key order (as given), original scripts kept, wide lines."""
    return yaml.dump(
        data,
        Dumper=Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,
        indent=2,
    )


def as_day(value: str) -> dt.date | str:
    """An ISO day as a `date` so it is written unquoted; anything else unchanged."""
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else value
    except ValueError:
        return value


def write_atomic(path: Path, text: str) -> bool:
    """Write through a temporary file and rename; return False when the content is unchanged."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
