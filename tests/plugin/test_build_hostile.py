"""A real `mkdocs build --strict` of hostile content: every built page shows it as text,
the search index holds it as text, exports stay inert (issue 7)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from buildkit import search_docs, site_config
from hostile import BIDI_CHARS, SCRIPT, check_inert, write_hostile_content
from test_build import build

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import ROOT

    project = tmp_path_factory.mktemp("hostile")
    (project / "mkdocs.yml").write_text(site_config(ROOT), encoding="utf-8")
    for folder in ("site_src", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    write_hostile_content(project / "content")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_every_built_page_is_inert(built: Path):
    pages = sorted(built.rglob("*.html"))
    uris = {p.relative_to(built).as_posix() for p in pages}
    for expected in (
        "index.html",
        "years/2023/index.html",
        "people/us-hostile/index.html",
        "kinds/talks/index.html",
        "events/2023-06-18-hostile-talks/index.html",
    ):
        assert expected in uris
    for page in pages:
        check_inert(page.read_text(encoding="utf-8"))


def test_titles_are_escaped_in_head_and_header(built: Path):
    page = (built / "events/2023-06-18-hostile-talks/index.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    assert "<title>&lt;script&gt;alert(" in head
    assert "<script>alert(" not in page
    assert page.count("{{ config.site_name }} {% raw %}") >= 2  # template syntax left as text


def test_search_index_holds_hostile_text_as_text(built: Path):
    # Plain text, made from the data: the worker escapes it when it shows it (the browser
    # test test_text_from_the_data_is_escaped_in_results); bidi controls shown as markers.
    index = search_docs(built)
    docs = [d for d in index if "hostile-talks" in d["location"]]
    assert docs, "the event page is not in the search index"
    for doc in index:
        for field in ("title", "text"):
            assert not any(c in doc[field] for c in BIDI_CHARS), doc
    assert any("<script>" in d["title"] for d in docs)
    # Year and kind pages repeat the events: kept out of the index, each event found once.
    assert not any(d["location"].startswith(("years/2023/", "kinds/talks/")) for d in index)
    people = [d for d in index if d["location"].startswith("people/us-hostile")]
    assert people and "Ann" in people[0]["title"]


def test_exports_built_and_json_intact(built: Path):
    data = json.loads((built / "data/events.json").read_text(encoding="utf-8"))
    assert any(e["title"].startswith(SCRIPT) for e in data["events"])
    for name in ("events.csv", "events.ics", "timelinejs.json", "timeline.json"):
        assert (built / "data" / name).stat().st_size > 0
    assert (built / "feed.xml").is_file()
