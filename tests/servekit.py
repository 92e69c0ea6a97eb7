"""Run a real `mkdocs serve` in a project folder (shared by the serve tests and bench).

The server's temporary site folder is made under a folder of the caller's (`TMPDIR`), so a
test can read exactly what is served; its log goes to a file, so a test can wait for the
end of a rebuild ("Reloading browsers").
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REBUILT = "Reloading browsers"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


class Server:
    """`mkdocs serve` on 127.0.0.1:`port` in `project`, its site folder under `tmp`."""

    def __init__(self, project: Path, tmp: Path, port: int, path: str = "/", **env: str) -> None:
        self.project, self.tmp, self.port = project, tmp, port
        self.base = f"http://127.0.0.1:{port}{path}"
        tmp.mkdir(parents=True, exist_ok=True)
        self.log_path = tmp / "serve.log"
        self.log = self.log_path.open("w", encoding="utf-8")
        variables = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp), **env}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=variables,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
            text=True,
        )

    def text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def rebuilds(self) -> int:
        return self.text().count(REBUILT)

    def wait_serving(self, seconds: float = 600) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if "Serving on" in self.text() and fetch(self.base) is not None:
                return
            if self.process.poll() is not None:
                raise AssertionError(f"mkdocs serve stopped:\n{self.text()[-3000:]}")
            time.sleep(0.2)
        raise AssertionError("mkdocs serve did not start")

    def wait_rebuilt(self, before: int, seconds: float = 300) -> None:
        """Until a rebuild after the `before`-th has ended and no other is under way."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            text = self.text()
            done = text.count(REBUILT)
            if done > before and text.count("Detected file changes") <= done:
                time.sleep(0.3)  # an event that arrives late starts another rebuild
                if self.text().count("Detected file changes") <= done:
                    return
            time.sleep(0.1)
        raise AssertionError(f"no rebuild ended:\n{self.text()[-3000:]}")

    def site_dir(self) -> Path:
        found = [p for p in self.tmp.glob("mkdocs_*") if not p.name.startswith("mkdocs_served_")]
        assert len(found) == 1, found
        return found[0]

    def stop(self) -> str:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        return self.text()


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root`, by its relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
