"""Data exports: the store as JSON, the home timeline's compact data, TimelineJS 3, CSV.

Each is written to a text stream one event at a time (`write_*`), so that no export is ever
held whole in memory, nor a second copy of every event as dicts; the bytes are the same as
dumping the whole document at once (tests/site/test_render_stream.py).

JSON is data: consumers escape it. TimelineJS renders `headline` and `text` as HTML, so
those are escaped here. CSV cells that a spreadsheet would run as a formula are guarded.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from timeline.model import Event
from timeline.site.channels import channel_of
from timeline.site.index import Site, page_slug
from timeline.site.markup import esc
from timeline.store.files import event_to_dict

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_FIELDS = (
    "id", "date", "end_date", "precision", "kind", "status", "review", "us", "china",
    "location", "title", "summary", "tags", "sources", "source_urls", "permalink",
)  # fmt: skip


def to_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


def write_json_list(out: TextIO, fixed: dict, key: str, items: Iterable[object]) -> None:
    """`to_json({**fixed, key: [*items]})`, written one item at a time.

    The list is the document's last key, at depth 1: each item is dumped on its own and
    indented two more spaces (JSON strings hold no raw newline, so every newline in an item's
    text is one of its own line breaks).
    """
    head = to_json({**fixed, key: []})
    out.write(head[: -len("[]\n}")])
    opening = "[\n  "
    for item in items:
        out.write(opening + to_json(item).replace("\n", "\n  "))
        opening = ",\n  "
    out.write("[]\n}" if opening == "[\n  " else "\n ]\n}")


def write_events_json(site: Site, out: TextIO) -> None:
    """Every published event with every field, in the store's key order."""
    write_json_list(out, {}, "events", (event_to_dict(e) for e in site.shown))


TIMELINE_FIELDS = (
    "slug date end_date kind title place level review us china summary channel part_of"
).split()
BAND_TITLES = {"us": "President", "cn": "President"}


def timeline_row(e: Event, site: Site) -> list:
    first = [page_slug(e.id), e.date, e.end_date, e.kind, e.title, e.location]  # people: us+china
    parent = page_slug(e.part_of) if e.part_of and e.part_of in site.index else None
    sides = [e.us, e.china, e.summary, channel_of(e, site), parent]
    return [*first, site.level_of(e), e.review, *sides]


def leader_bands(site: Site) -> list[list]:
    """Each country's presidents in office, as [country, name, from, to or None], by date:
    the administrations the time view draws as bands."""
    bands = []
    for person in site.people.values():
        for role in person.roles:
            if role.title == BAND_TITLES.get(person.country) and role.start:
                bands.append([person.country, person.name, role.start, role.end])
    return sorted(bands, key=lambda b: (b[0], b[2]))


def timeline_head(site: Site) -> dict:
    """Everything in `timeline.json` but its events: fields, people, administrations."""
    people = {
        p.id: [p.name, p.country, p.level or "other"]
        for p in site.people.values()
        if p.id in site.by_person
    }
    return {"fields": TIMELINE_FIELDS, "people": people, "bands": leader_bands(site)}


def compact_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_timeline_json(site: Site, out: TextIO) -> None:
    """What the home page's time view loads: one short row per event, the people and the
    administrations. One line, written a row at a time."""
    head = compact_json({**timeline_head(site), "events": []})
    out.write(head[: -len("]}")])
    for i, event in enumerate(site.shown):
        out.write(("," if i else "") + compact_json(timeline_row(event, site)))
    out.write("]}")


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


TIMELINEJS_TITLE = {
    "text": {
        "headline": "US–China diplomatic contacts",
        "text": "Contacts between US and Chinese officials, from news articles.",
    }
}


def write_timelinejs_json(site: Site, out: TextIO) -> None:
    """The TimelineJS 3 JSON format; HTML fields escaped because TimelineJS renders HTML."""
    events = (timelinejs_event(e, site) for e in site.shown)
    write_json_list(out, {"title": TIMELINEJS_TITLE}, "events", events)


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


def write_events_csv(site: Site, out: TextIO) -> None:
    """One row per event, with a byte order mark so spreadsheets read the scripts as UTF-8.

    Lines end in CRLF: `out` must not translate newlines (open it with `newline=""`).
    """
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for event in site.shown:
        writer.writerow([guard_cell(str(cell)) for cell in csv_row(event, site)])
