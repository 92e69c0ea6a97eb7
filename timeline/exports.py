"""Data exports: the store as JSON, the home timeline's compact data, TimelineJS 3, CSV.

JSON is data: consumers escape it. TimelineJS renders `headline` and `text` as HTML, so
those are escaped here. CSV cells that a spreadsheet would run as a formula are guarded.
"""

from __future__ import annotations

import csv
import io
import json

from .markup import esc
from .model import Event
from .site import Site, page_slug
from .store import event_to_dict

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_FIELDS = (
    "id", "date", "end_date", "precision", "kind", "status", "review", "us", "china",
    "location", "title", "summary", "tags", "sources", "source_urls", "permalink",
)  # fmt: skip


def to_json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def events_json(site: Site) -> bytes:
    """Every published event with every field, in the store's key order."""
    return to_json({"events": [event_to_dict(e) for e in site.shown]})


def timeline_row(e: Event, site: Site) -> list:
    first = [page_slug(e.id), e.date, e.end_date, e.kind, e.title, e.people, e.location]
    return [*first, site.level_of(e), e.review]


def timeline_json(site: Site) -> bytes:
    """What the home page's timeline loads: one short row per event, plus the people.

    No summaries: they repeat the title, the people and the place, and would double the size.
    """
    people = {
        p.id: [p.name, p.country, p.level or "other"]
        for p in site.people.values()
        if p.id in site.by_person
    }
    rows = [timeline_row(e, site) for e in site.shown]
    fields = "slug date end_date kind title people place level review".split()
    text = json.dumps(
        {"fields": fields, "people": people, "events": rows},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return text.encode("utf-8")


def tl_date(date: str) -> dict[str, str]:
    parts = date.split("-")
    names = ("year", "month", "day")
    return {name: str(int(part)) for name, part in zip(names, parts, strict=False)}


def timelinejs_event(event: Event, site: Site) -> dict:
    names = [site.people[p].name if p in site.people else p for p in event.people]
    text = esc(event.summary)
    if names:
        text += "<br>" + esc(", ".join(names))
    item = {
        "unique_id": page_slug(event.id),
        "start_date": tl_date(event.date),
        "text": {"headline": esc(event.title), "text": text},
        "group": event.kind,
    }
    if event.end_date and event.end_date != event.date:
        item["end_date"] = tl_date(event.end_date)
    return item


def timelinejs_json(site: Site) -> bytes:
    """The TimelineJS 3 JSON format; HTML fields escaped because TimelineJS renders HTML."""
    data = {
        "title": {
            "text": {
                "headline": "US–China diplomatic contacts",
                "text": "Contacts between US and Chinese officials, from news articles.",
            }
        },
        "events": [timelinejs_event(e, site) for e in site.shown],
    }
    return to_json(data)


def guard_cell(value: str) -> str:
    """Prefix a cell a spreadsheet would read as a formula with an apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_row(event: Event, site: Site) -> list[str]:
    def names(ids: list[str]) -> str:
        return "; ".join(site.people[i].name if i in site.people else i for i in ids)

    return [
        event.id, event.date, event.end_date or "", event.precision, event.kind, event.status,
        event.review, names(event.us), names(event.china), event.location or "", event.title,
        event.summary, "; ".join(event.tags), "; ".join(s.outlet for s in event.sources),
        " ".join(s.url for s in event.sources if s.url), f"events/{page_slug(event.id)}/",
    ]  # fmt: skip


def events_csv(site: Site) -> bytes:
    """One row per event; UTF-8 with a byte order mark so spreadsheets read the scripts."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for event in site.shown:
        writer.writerow([guard_cell(str(cell)) for cell in csv_row(event, site)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
