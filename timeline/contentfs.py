"""Walking and reading `content/` safely: no escaping it, no names that break elsewhere.

Every file is named relative to the project folder (`content/events/2023/x.yml`), the way
sources cite articles. Symlinks that lead out of `content/`, Windows reserved names and names
that differ only in case are refused with a clear line; a bad file costs only itself.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from timeline.model import Problem

WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{i}" for i in range(1, 10)]
    + [f"LPT{i}" for i in range(1, 10)]
)
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


def _entry_problems(entry: os.DirEntry[str], content: Path, seen: dict[str, str]) -> list[Problem]:
    rel = display(Path(entry.path), content)
    problems = []
    bad_name = name_problem(entry.name)
    if bad_name:
        problems.append(Problem(rel, bad_name))
    folded = entry.name.casefold()
    if folded in seen:
        problems.append(
            Problem(
                rel,
                f"expected a name unique regardless of case, found {entry.name!r} "
                f"and {seen[folded]!r} in the same folder",
            )
        )
    else:
        seen[folded] = entry.name
    if entry.is_symlink() and not inside(Path(entry.path), content):
        target = os.readlink(entry.path)
        problems.append(
            Problem(rel, f"expected a file inside content/, found a symlink to {target!r}")
        )
    return problems


def walk(root: Path, content: Path, suffix: str) -> tuple[list[Path], list[Problem]]:
    """Files below `root` ending in `suffix`, sorted; refused entries are reported, not listed.

    Hidden entries (`.name`, e.g. temporary files of an interrupted write) are skipped.
    Symlinked folders are not followed. The folder listing says what each entry is, so a
    plain file or folder costs no `stat` (only symlinks are looked at further).
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
        for entry in entries:
            if entry.name.startswith("."):
                continue
            wrong = _entry_problems(entry, content, seen)
            problems.extend(wrong)
            if wrong:
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(folder / entry.name)
            elif _is_file(entry) and entry.name.endswith(suffix):
                found.append(folder / entry.name)
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
