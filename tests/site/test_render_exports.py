"""The iCalendar and Atom exports read back with real parsers, hostile text included."""

from __future__ import annotations

import datetime as dt

import feedparser
import icalendar
import pytest
from hostile import END_SCRIPT, SCRIPT, TEMPLATE, hostile_site

from timeline.site.feeds import fold, ics_text
from timeline.site.index import Site
from timeline.site.render import RenderOptions, render_files

OPTIONS = RenderOptions(today="2024-01-01")
BASE = "https://site.example.org/timeline/"


@pytest.fixture
def site() -> Site:
    return hostile_site()


def test_ics_reads_back_with_stable_uids_and_all_day_dates(site: Site):
    raw = render_files(site, OPTIONS, BASE)["data/events.ics"]
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"{e.id}@uschina-timeline" for e in site.shown}
    talks = events["2023-06-18-hostile-talks@uschina-timeline"]
    assert str(talks["SUMMARY"]) == site.index["2023-06-18-hostile-talks"].title
    assert talks["DTSTART"].dt == dt.date(2023, 6, 18)
    assert talks["DTEND"].dt == dt.date(2023, 6, 19)
    assert str(talks["URL"]) == BASE + "events/2023-06-18-hostile-talks/"
    month = events["2023-07-02-hostile-call@uschina-timeline"]
    assert (month["DTSTART"].dt, month["DTEND"].dt) == (dt.date(2023, 7, 1), dt.date(2023, 8, 1))
    assert str(month["DESCRIPTION"]).startswith(f"@{TEMPLATE}\nsecond line; with, commas\\")
    visit = events["2023-06-20-long-visit@uschina-timeline"]
    assert visit["DTEND"].dt == dt.date(2023, 6, 23)
    assert str(visit["SUMMARY"]) == "A visit " + "é" * 80


def test_ics_building_blocks():
    assert ics_text("a;b,c\\d\ne\r\nf\x00") == "a\\;b\\,c\\\\d\\ne\\nf"
    folded = fold("X:" + "語" * 40)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "X:" + "語" * 40
    emoji = "DESCRIPTION:" + "a😀" * 60
    parts = fold(emoji).split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts) and len(parts) > 3
    assert parts[0].encode() != emoji.encode()[:75]  # 75 octets would cut an emoji in half
    assert fold(emoji).replace("\r\n ", "") == emoji
    assert fold("SHORT:x") == "SHORT:x"


def test_atom_feed_parses_and_keeps_text_as_text(site: Site):
    raw = render_files(site, OPTIONS, BASE)["feed.xml"]
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert site.index["2023-06-18-hostile-talks"].title in titles
    assert feed.entries[0].link.startswith(BASE + "events/")
    assert len({entry.id for entry in feed.entries}) == len(site.shown)
    assert b"<script>" not in raw and END_SCRIPT.encode() not in raw
    assert SCRIPT in titles[-1]


def test_atom_feed_without_site_url_uses_relative_links(site: Site):
    feed = feedparser.parse(render_files(site, OPTIONS, None)["feed.xml"])
    assert not feed.bozo
    assert feed.entries[0].link.endswith("events/2023-07-02-hostile-call/")
