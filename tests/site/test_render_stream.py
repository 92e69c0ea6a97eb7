"""The streamed exports are byte for byte what dumping each whole document at once gave, and
pages are specs that render nothing until asked (the build's memory stays flat)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hostile import hostile_events, hostile_site

import timeline.site.pages
from timeline.model import Event
from timeline.site.exports import (
    CSV_FIELDS,
    TIMELINEJS_TITLE,
    csv_row,
    guard_cell,
    timeline_head,
    timeline_row,
)
from timeline.site.exports import timelinejs_event as tl_event
from timeline.site.feeds import ICS_HEAD, fold, ics_event, write_atom_feed
from timeline.site.index import Site
from timeline.site.render import (
    RenderOptions,
    export_writers,
    render_files,
    render_pages,
    write_export,
)
from timeline.store.files import event_to_dict
from timeline.store.synthetic import synthetic_events, synthetic_people

OPTIONS = RenderOptions(today="2024-03-05", edit_base="https://example.org/r/edit/main/content/")
BASE = "https://site.example.org/timeline/"


def whole(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def whole_documents(site: Site, base_url: str | None) -> dict[str, bytes]:
    """The exports as they were built before streaming: each document whole, then encoded."""
    rows = [timeline_row(e, site) for e in site.shown]
    compact = {**timeline_head(site), "events": rows}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for event in site.shown:
        writer.writerow([guard_cell(str(cell)) for cell in csv_row(event, site)])
    stamp = OPTIONS.today.replace("-", "") + "T000000Z"
    lines = list(ICS_HEAD)
    for event in site.shown:
        lines += ics_event(event, site, stamp, base_url)
    lines.append("END:VCALENDAR")
    feed = io.StringIO()
    write_atom_feed(site, feed, base_url=base_url)  # not streamed: 50 entries, one string
    return {
        "data/events.json": whole({"events": [event_to_dict(e) for e in site.shown]}),
        "data/timeline.json": json.dumps(compact, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8"
        ),
        "data/timelinejs.json": whole(
            {"title": TIMELINEJS_TITLE, "events": [tl_event(e, site) for e in site.shown]}
        ),
        "data/events.csv": ("\ufeff" + out.getvalue()).encode("utf-8"),
        "data/events.ics": "".join(fold(line) + "\r\n" for line in lines).encode("utf-8"),
        "feed.xml": feed.getvalue().encode("utf-8"),
    }


def stream_hostile_site() -> Site:
    return hostile_site('Line one\nline two, "quoted" ; and\r\n a tab\t' + "Ünïcödé " * 30)


def synthetic_site() -> Site:
    people = synthetic_people(40)
    return Site(synthetic_events(300, people), {p.id: p for p in people})


def one_event_site() -> Site:
    return Site(hostile_events()[:1], {})


SITES = {
    "hostile": stream_hostile_site,
    "synthetic": synthetic_site,
    "empty": lambda: Site([], {}),
    "one": one_event_site,
}


@pytest.mark.parametrize("name", SITES)
@pytest.mark.parametrize("base_url", [BASE, None])
def test_streamed_exports_equal_the_whole_documents(name: str, base_url: str | None):
    site = SITES[name]()
    streamed = render_files(site, OPTIONS, base_url)
    expected = whole_documents(site, base_url)
    assert list(streamed) == list(expected)
    for path, data in expected.items():
        assert streamed[path] == data, path
    json.loads(streamed["data/events.json"])  # and they still parse
    json.loads(streamed["data/timelinejs.json"])


def test_written_files_are_the_same_bytes(tmp_path: Path):
    """Files are written without newline translation: CRLF stays CRLF, nothing doubles."""
    site = stream_hostile_site()
    expected = render_files(site, OPTIONS, BASE)
    for path, writer in export_writers(OPTIONS, BASE).items():
        write_export(writer, site, tmp_path / path)
        assert (tmp_path / path).read_bytes() == expected[path], path
    assert b"\r\n" in expected["data/events.csv"] and b"\r\r" not in expected["data/events.csv"]


def test_pages_render_only_when_asked(monkeypatch: pytest.MonkeyPatch):
    site = synthetic_site()
    calls: list[str] = []
    real = timeline.site.pages.event_html

    def counting(event: Event, site_: Site, options: RenderOptions) -> str:
        calls.append(event.id)
        return real(event, site_, options)

    monkeypatch.setattr(timeline.site.pages, "event_html", counting)
    specs = {spec.src_uri: spec for spec in render_pages(site, OPTIONS)}
    assert calls == []  # declaring every page renders none
    first = site.shown[0]
    spec = specs[f"events/{first.id}.md"]
    assert spec.title == first.title and spec.edit_url is None  # no path: nothing to edit
    html = spec.html
    assert calls == [first.id]
    assert html == real(first, site, OPTIONS) and first.summary.split()[0] in html
    year_spec = specs[f"years/{first.year}.md"]
    assert year_spec.toc and not year_spec.searchable
    assert all(anchor in year_spec.html for anchor, _ in year_spec.toc)
