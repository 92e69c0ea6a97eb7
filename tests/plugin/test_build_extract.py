"""The plugin runs `timeline extract` before it renders: a dropped article shows up in
`mkdocs serve` as a draft (and on the Drafts page, which `mkdocs build` never writes), and
`extract: false` makes a build that writes nothing to content/."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from buildkit import mkdocs_build, served_path
from storekit import snapshot
from test_build_serve import fetch, free_port, wait_for

pytestmark = pytest.mark.build
QUOTE = "Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Thursday"
ARTICLE = "content/articles/en/2024/2024-05-02-test-wire-blinken-wang-yi.md"
TEXT = """---
title: Blinken and Wang Yi talk in Beijing
outlet: Test Wire
published: 2024-05-02
language: en
---

US Secretary of State {QUOTE}, the two sides said.
"""


def test_serve_shows_a_dropped_article_as_a_draft_within_seconds(project: Path):
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
        assert wait_for(base + "drafts/", "Drafts"), "serve did not start"
        assert QUOTE not in (fetch(base + "drafts/") or "")
        path = project / ARTICLE
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        path.write_text(TEXT.format(QUOTE=QUOTE), encoding="utf-8")
        assert wait_for(base + "drafts/", QUOTE, seconds=60), "the new article's draft"
        seconds = time.monotonic() - started
        assert any((project / "content/events/2024").glob("2024-05-02-blinken-wang-yi*.yml"))
    finally:
        server.terminate()
        server.communicate(timeout=20)
    print(f"dropped article to draft page: {seconds:.1f} s")


def test_build_extracts_writes_no_drafts_page_and_extract_false_writes_nothing(project: Path):
    (project / ARTICLE).parent.mkdir(parents=True, exist_ok=True)
    (project / ARTICLE).write_text(TEXT.format(QUOTE=QUOTE), encoding="utf-8")
    config = project / "mkdocs.yml"
    original = config.read_text("utf-8")
    config.write_text(
        original.replace("content_dir: content", "content_dir: content\n      extract: false")
    )
    before = snapshot(project / "content")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert snapshot(project / "content") == before
    config.write_text(original, "utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert (
        "timeline extract: created content/events/2024/2024-05-02-blinken-wang-yi" in result.stderr
    )
    assert not (project / "site/drafts").exists()
