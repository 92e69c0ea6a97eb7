"""`mkdocs build` runs the same validation as `timeline check`, with the same lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import mkdocs_build

from timeline.check.content import check_content

pytestmark = pytest.mark.build
EVENT = "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml"


build = mkdocs_build


def test_build_stops_on_the_lines_check_prints(project: Path):
    path = project / EVENT
    text = path.read_text(encoding="utf-8").replace("kind: talks", "kind: chat")
    path.write_text(text.replace("- qin-gang", "- nobody"), encoding="utf-8")
    lines = [str(p) for p in check_content(project / "content").problems]
    assert len(lines) == 2
    result = build(project)
    assert result.returncode != 0
    for line in lines:
        assert line in result.stderr


def test_a_warning_fails_a_strict_build(project: Path):
    path = project / EVENT
    path.write_text(path.read_text("utf-8").replace("end_date: null", "end_date: 2023-12-31"))
    result = build(project)
    assert result.returncode != 0
    assert "end_date: expected an event of at most 60 days, found '2023-12-31'" in result.stderr
