"""The exports of a real build read back with real parsers: json, csv, icalendar, feedparser."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import feedparser
import icalendar
import pytest
from buildkit import site_config
from test_build import build

from timeline.site.load import load_site
from timeline.site.render import RenderOptions, render_files
from timeline.store.synthetic import write_content

pytestmark = pytest.mark.build
COUNT = 120
EPOCH = 1_700_000_000  # 2023-11-14: the build's "today"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    from conftest import ROOT

    project = tmp_path_factory.mktemp("exports")
    config = site_config(ROOT, site_url="https://timeline.example.org/")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("site_src", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    _, events = write_content(project / "content", COUNT)
    result = build(project, SOURCE_DATE_EPOCH=str(EPOCH))
    assert result.returncode == 0, result.stderr
    return project / "site", events


def test_json_exports(built):
    site, events = built
    data = json.loads((site / "data/events.json").read_text(encoding="utf-8"))
    expected = [e.id for e in sorted(events, key=lambda e: (e.date, e.id))]
    assert [e["id"] for e in data["events"]] == expected
    assert set(data["events"][0]) >= {"id", "date", "participants", "sources", "part_of"}
    timeline = json.loads((site / "data/timelinejs.json").read_text(encoding="utf-8"))
    assert len(timeline["events"]) == COUNT
    assert len({e["unique_id"] for e in timeline["events"]}) == COUNT


def test_csv_export(built):
    site, events = built
    text = (site / "data/events.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == COUNT
    assert {r["id"] for r in rows} == {e.id for e in events}


def test_icalendar_export(built):
    site, events = built
    calendar = icalendar.Calendar.from_ical((site / "data/events.ics").read_bytes())
    uids = [str(v["UID"]) for v in calendar.walk("VEVENT")]
    assert sorted(uids) == sorted(f"{e.id}@uschina-timeline" for e in events)
    urls = {str(v["URL"]) for v in calendar.walk("VEVENT")}
    assert all(u.startswith("https://timeline.example.org/events/") for u in urls)


def test_atom_feed(built):
    site, _ = built
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == 50
    assert feed.entries[0].link.startswith("https://timeline.example.org/events/")
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_built_exports_are_the_pure_functions_output(built):
    """The plugin streams each file to the site folder: the same bytes `render_files` gives."""
    site, _ = built
    loaded, problems = load_site(site.parent / "content")
    assert not [p for p in problems if not p.warning]
    expected = render_files(
        loaded, RenderOptions(today="2023-11-14"), "https://timeline.example.org/"
    )
    for path, data in expected.items():
        assert (site / path).read_bytes() == data, path
