"""One `timeline extract` at a time per `content/`: a lock file, and what interrupted runs left.

The lock is `content/.extract.lock` (hidden: never walked, and removed when the run ends),
held with `flock`, so a run that is killed releases it with its process: there is no stale
lock to remove by hand. A second run waits, and says which process holds the lock. Where
`flock` does not exist (Windows) runs are not serialised.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".extract.lock"
STALE_SECONDS = 60  # a temporary file older than this belongs to no running write


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "another process"
    except OSError:
        return "another process"


def _acquire(path: Path, stream: TextIO) -> int:
    """Open and lock the lock file, waiting for a holder; the descriptor of the locked file."""
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not told:
                print(f"{path.name}: {_holder(path)} holds {path}; waiting", file=stream)
                told = True
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False  # the holder removed it as we got it: lock the new one
        if same:
            return fd
        os.close(fd)


@contextlib.contextmanager
def extract_lock(content: Path, stream: TextIO) -> Iterator[None]:
    """Hold `content/.extract.lock` for the run (no-op without `flock`)."""
    if fcntl is None or not content.is_dir():
        yield
        return
    path = content / LOCK_NAME
    fd = _acquire(path, stream)
    try:
        started = dt.datetime.now().strftime("%H:%M:%S")
        os.ftruncate(fd, 0)
        os.write(fd, f"process {os.getpid()} (timeline extract since {started})\n".encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)


def _temporaries(content: Path) -> Iterator[Path]:
    yield from content.glob(".*.tmp")
    for folder in (content / "events", content / "deleted"):
        if folder.is_dir():
            yield from folder.rglob(".*.tmp")


def remove_stale_temporaries(content: Path) -> list[Path]:
    """Remove the temporary files (`.name.xxxx.tmp`) that a killed write left, and return them.
    Run under the lock; a file younger than a minute is left alone (another command's)."""
    removed = []
    now = time.time()
    for path in list(_temporaries(content)):
        with contextlib.suppress(OSError):
            if path.is_file() and now - path.stat().st_mtime > STALE_SECONDS:
                path.unlink()
                removed.append(path)
    return sorted(removed)
