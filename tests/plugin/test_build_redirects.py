"""A renamed event's old address redirects to its new page (`timeline rename`, issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import mkdocs_build

from timeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
OLD = "2013-03-14-obama-xi"
NEW = "2013-03-14-obama-xi-call"


@pytest.mark.build
def test_the_old_address_of_a_renamed_event_redirects(project: Path):
    assert main(["--content", str(project / "content"), "rename", OLD, NEW]) == 0
    done = mkdocs_build(project, PYTHONPATH=str(ROOT))
    assert done.returncode == 0, done.stderr
    assert (project / f"site/events/{NEW}/index.html").is_file()
    page = (project / f"site/events/{OLD}/index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=../{NEW}/">' in page
    assert f'<link rel="canonical" href="../{NEW}/">' in page
