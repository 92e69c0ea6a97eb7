"""`mkdocs serve` watches content/: a YAML edit shows up, a broken file does not stop the
server, and fixing it recovers."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from buildkit import served_path

pytestmark = pytest.mark.build
EVENT = "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
PAGE = "events/2023-06-18-blinken-qin-gang-beijing/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = fetch(url)
        if text is not None and needle in text:
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_after_yaml_edit_and_survives_a_broken_file(project: Path):
    port = free_port()
    base = f"http://127.0.0.1:{port}{served_path(project)}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wait_for(base + PAGE, "Antony Blinken holds talks"), "serve did not start"
        path = project / EVENT
        original = path.read_text(encoding="utf-8")
        # A draft is left out of a build but shown while serving, under a draft banner.
        draft = original.replace("review: reviewed", "review: draft")
        path.write_text(draft.replace("holds talks with", "drafts talks with"), "utf-8")
        assert wait_for(base + PAGE, "Antony Blinken drafts talks"), "a draft is not served"
        assert "tl-draft-banner" in (fetch(base + PAGE) or "")
        path.write_text(original.replace("holds talks with", "edited talks with"), "utf-8")
        assert wait_for(base + PAGE, "Antony Blinken edited talks"), "no rebuild after an edit"
        # The exports are streamed into the served folder on every rebuild.
        assert wait_for(base + "data/events.json", "Antony Blinken edited talks"), "stale export"
        assert "Antony Blinken edited talks" in (fetch(base + "data/events.ics") or "")
        path.write_text("id: [unclosed\n", encoding="utf-8")
        assert wait_for(base, "problem(s) in content/"), "the error is not shown while serving"
        home = fetch(base) or ""
        assert re.search(r"blinken-qin-gang-beijing\.yml:\d+:\d+: ", home), "no file:line"
        path.write_text(original.replace("holds talks with", "fixed talks with"), "utf-8")
        assert wait_for(base + PAGE, "Antony Blinken fixed talks"), "no recovery after the fix"
        assert wait_for(base + "data/timeline.json", "Antony Blinken fixed talks"), "stale export"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert re.search(r"blinken-qin-gang-beijing\.yml:\d+:\d+: ", errors)
