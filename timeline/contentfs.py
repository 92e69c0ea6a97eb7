"""Walking and reading `content/` safely: no escaping it, no names that break elsewhere.

Every file is named relative to the project folder (`content/events/2023/x.yml`), the way
sources cite articles. Symlinks that lead out of `content/`, Windows reserved names and names
that differ only in case are refused with a clear line; a bad file costs only itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from timeline.model import Problem

WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{i}" for i in range(1, 10)]
    + [f"LPT{i}" for i in range(1, 10)]
)
T = TypeVar("T")
UNPORTABLE = re.compile(r'[<>:"\\|?*\x00-\x1f]')


def display(path: Path, content: Path) -> str:
    """`content/...` as cited in sources: the path relative to the project folder (a name
    that is not UTF-8 shows its bytes escaped, `caf\\xe9.md`, so it can be printed)."""
    try:
        text = path.relative_to(content.parent).as_posix()
    except ValueError:
        text = path.as_posix()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def name_problem(name: str) -> str | None:
    """Why a file or folder name cannot be used on every system, or None when it can."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 (e.g. Latin-1), as surrogates
        raw = os.fsencode(name)
        return f"expected a UTF-8 file name, found the bytes {raw!r}: rename the file"
    if UNPORTABLE.search(name):
        return f'expected a portable file name, found {name!r} (characters <>:"\\|?* or controls)'
    if name.endswith((".", " ")):
        return f"expected a portable file name, found {name!r} (ends with a dot or space)"
    if name.split(".")[0].upper() in WINDOWS_RESERVED:
        return f"expected a portable file name, found {name!r} (reserved on Windows)"
    return None


def inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _entry_problems(
    entry: Path, content: Path, seen: dict[str, str], symlink: bool
) -> list[Problem]:
    problems = []
    bad_name = name_problem(entry.name)
    if bad_name:
        problems.append(Problem(display(entry, content), bad_name))
    folded = entry.name.casefold()
    if folded in seen:
        problems.append(
            Problem(
                display(entry, content),
                f"expected a name unique regardless of case, found {entry.name!r} "
                f"and {seen[folded]!r} in the same folder",
            )
        )
    else:
        seen[folded] = entry.name
    if symlink and not inside(entry, content):
        target = os.readlink(entry)
        problems.append(
            Problem(
                display(entry, content),
                f"expected a file inside content/, found a symlink to {target!r}",
            )
        )
    return problems


def walk(root: Path, content: Path, suffix: str) -> tuple[list[Path], list[Problem]]:
    """Files below `root` ending in `suffix`, sorted; refused entries are reported, not listed.

    Hidden entries (`.name`, e.g. temporary files of an interrupted write) are skipped.
    Symlinked folders are not followed. One `scandir` per folder: what a name is (file,
    folder, link) comes with it, which keeps a walk of 10,000 files to a few hundredths of
    a second.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    if not root.is_dir():
        return found, problems
    stack = [root]
    while stack:
        folder = stack.pop()
        seen: dict[str, str] = {}
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as err:
            problems.append(Problem(display(folder, content), f"cannot read: {err.strerror}"))
            continue
        for item in entries:
            if item.name.startswith("."):
                continue
            entry = folder / item.name
            symlink = item.is_symlink()
            wrong = _entry_problems(entry, content, seen, symlink)
            problems.extend(wrong)
            if wrong:
                continue
            if item.is_dir() and not symlink:
                stack.append(entry)
            elif _is_file(item) and item.name.endswith(suffix):
                found.append(entry)
    return sorted(found), problems


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def read_text(path: Path, rel: str, max_bytes: int) -> tuple[str | None, list[Problem]]:
    """The file's text, or one clear line saying why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(rel, f"expected at most {max_bytes} bytes, found {size}")]
        data = path.read_bytes()
    except OSError as err:
        return None, [Problem(rel, f"cannot read: {err.strerror}")]
    return decode_text(data, rel, max_bytes)


def decode_text(data: bytes, rel: str, max_bytes: int) -> tuple[str | None, list[Problem]]:
    """The text of a file's bytes (already read), or one clear line saying why it cannot be
    used: the same checks and lines as `read_text`."""
    if len(data) > max_bytes:
        return None, [Problem(rel, f"expected at most {max_bytes} bytes, found {len(data)}")]
    if b"\x00" in data:
        return None, [Problem(rel, "expected text, found a binary file (NUL bytes)")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return None, [
            Problem(
                rel, f"expected UTF-8 text, found byte {data[err.start]:#04x} at offset {err.start}"
            )
        ]
    if not text.strip():
        return None, [Problem(rel, "expected content, found an empty file")]
    return text.removeprefix("\ufeff"), []


class StatMemo:
    """Results computed from files, kept while each file stays as it was: `mkdocs serve`
    reads and checks again only the files that changed since the last rebuild.

    A file counts as unchanged while its modification time (in nanoseconds), size and inode
    are; an edit that keeps all three (same size, within the file system's clock tick, in
    place) is not seen, which is the rule `make`, git's index and MkDocs' `--dirty` share.
    """

    def __init__(self) -> None:
        self.entries: dict[Path, tuple[tuple[int, int, int], object]] = {}
        self.seen: set[Path] = set()
        self.hits = 0
        self.misses = 0

    def get(self, path: Path, compute: Callable[[], T]) -> T:
        """The result for `path`: the one kept when the file is unchanged, else `compute()`."""
        self.seen.add(path)
        try:
            info = path.stat()
            key = (info.st_mtime_ns, info.st_size, info.st_ino)
        except OSError:
            self.entries.pop(path, None)
            self.misses += 1
            return compute()  # says why the file cannot be read
        kept = self.entries.get(path)
        if kept is not None and kept[0] == key:
            self.hits += 1
            return kept[1]  # type: ignore[return-value]
        self.misses += 1
        value = compute()
        self.entries[path] = (key, value)
        return value

    def values(self) -> list[object]:
        """What is kept, in the order of the files' paths."""
        return [self.entries[p][1] for p in sorted(self.entries)]

    def forget_unseen(self) -> None:
        """Drop what was kept for files not asked for since the last call (deleted ones)."""
        for path in set(self.entries) - self.seen:
            del self.entries[path]
        self.seen = set()
