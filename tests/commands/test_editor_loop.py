"""The README's editor loop, end to end, with the real extractor and a real build:
add (a page served from 127.0.0.1) → extract → review → accept → a second report merged and
flagged → review again → cite → new → check → mkdocs build (which has nothing left to write)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from buildkit import mkdocs_build
from storekit import ROOT, make_content, snapshot
from webkit import Routes, page, serve

from timeline.cli import main

pytestmark = pytest.mark.build
EVENT_ID = "2023-06-18-blinken-qin-gang-beijing"
EVENT = f"content/events/2023/{EVENT_ID}.yml"
SECOND = [
    "Antony Blinken met Qin Gang in Beijing on June 18, 2023, in the first visit of a US "
    "Secretary of State to China in five years.",
    "Officials of both countries described the meeting as frank and said more talks would follow.",
]


def timeline(content: Path, *args: str) -> int:
    return main(["--content", str(content), *args])


def test_the_editor_loop(tmp_path: Path, capsys):
    content = make_content(tmp_path)
    for name in ("site_src", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    routes = Routes()
    routes.add("/first", page())
    routes.add("/second", page(title="Blinken meets Qin Gang", paragraphs=SECOND))
    with serve(routes) as base:
        # 1-2. add an article and extract it
        assert timeline(content, "add", "--no-input", f"{base}/first", "--extract") == 0
        out = capsys.readouterr().out.splitlines()
        assert out[0].startswith("added content/articles/en/2023/2023-06-18-the-harbour-ledger-")
        assert f"created {EVENT}" in out
        # 3. the review queue lists the draft; accept it
        assert timeline(content, "review") == 0
        queue = capsys.readouterr().out.splitlines()
        assert queue[:2] == [
            f"{EVENT_ID}  [draft]",
            "  2023-06-18  Antony Blinken holds talks with Qin Gang in Beijing",
        ]
        assert timeline(content, "review", EVENT_ID, "--accept") == 0
        assert capsys.readouterr().out == f"reviewed {EVENT}\n"
        # a second report of the same contact: previewed, then merged and flagged
        assert timeline(content, "add", "--no-input", f"{base}/second") == 0
        capsys.readouterr()
    before = snapshot(content)
    assert timeline(content, "extract", "--dry-run") == 0
    preview = capsys.readouterr().out
    assert f"would change {EVENT} (+1 source(s), 1 flagged unreviewed)" in preview
    assert snapshot(content) == before
    assert timeline(content, "extract") == 0
    assert f"changed {EVENT} (+1 source(s), 1 flagged unreviewed)" in capsys.readouterr().out
    assert timeline(content, "review") == 0
    assert capsys.readouterr().out.startswith(f"{EVENT_ID}  [reviewed, 1 new source(s)]\n")
    assert timeline(content, "review", EVENT_ID, "--accept") == 0
    # 4. fill gaps: cite a report without an article, add a one-sided visit
    cite = ["cite", EVENT_ID, "--outlet", "Wire", "--url", "https://example.org/w"]
    assert timeline(content, *cite) == 0
    new = ["new", "--date", "2023-06-17", "--kind", "visit", "--us", "antony-blinken"]
    new += ["--place", "Beijing", "--outlet", "Wire", "--url", "https://example.org/v"]
    assert timeline(content, *new) == 0
    capsys.readouterr()
    assert timeline(content, "check", "--strict") == 0
    assert timeline(content, "review") == 0
    assert capsys.readouterr().out.startswith("2023-06-17-blinken-beijing  [draft]\n")
    # 5. the build runs the extraction too: nothing is left to write
    before = snapshot(content)
    result = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert snapshot(content) == before
    assert (tmp_path / f"site/events/{EVENT_ID}/index.html").is_file()
    assert not (tmp_path / "site/drafts").exists()
