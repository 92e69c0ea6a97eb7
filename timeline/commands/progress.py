"""Progress of a long run: a bar on a terminal, a plain line every tenth when not."""

from __future__ import annotations

import time
from typing import TextIO

BAR = 30


class Progress:
    """Counts finished items out of `total`; quiet when `total` is 0."""

    def __init__(self, total: int, stream: TextIO, label: str = "articles"):
        self.total, self.done, self.stream, self.label = total, 0, stream, label
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.step = max(1, total // 10)
        self.last = 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.tty:
            now = time.monotonic()
            if now - self.last >= 0.1 or self.done >= self.total:
                self.last = now
                filled = BAR * self.done // max(self.total, 1)
                bar = "#" * filled + "-" * (BAR - filled)
                self.stream.write(f"\r[{bar}] {self.done}/{self.total} {self.label}")
                self.stream.flush()
        elif self.done % self.step == 0 or self.done == self.total:
            self.stream.write(f"{self.done}/{self.total} {self.label}\n")
            self.stream.flush()

    def close(self) -> None:
        if self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()
