"""`timeline import FILE`: curated contacts into the event store, merged, never duplicated.

The rows of one contact become one event (`review: reviewed`, a source per row). A contact
already in the store is found first by its import key (kept in each source's `record`, so
an editor's later changes to the event do not hide it), then by its facts: the same status,
compatible kinds, overlapping dates and the same people where both name them. A found event
gains the people and sources it lacks; nothing else of it changes. Idempotent: importing the
same file again changes nothing. Afterwards contacts inside a trip get `part_of` the trip.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from timeline.model import Event, Person, Problem, Source
from timeline.naming import event_id, event_path, event_summary, event_title
from timeline.sources.curated.rows import Row, read_rows
from timeline.sources.hsg.importer import apply_links
from timeline.store.edit import add_sources
from timeline.store.files import load_events, render_event, write_event
from timeline.store.nesting import Link, link_to_trips
from timeline.yamlio import write_atomic

MEETING_KINDS = frozenset({"meeting", "talks", "summit", "other"})
RECORD_PREFIX = "curated:"


@dataclass
class CuratedReport:
    rows: int = 0
    contacts: int = 0
    new: int = 0
    merged: int = 0
    unchanged: int = 0
    linked: int = 0
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def summary(self, dry_run: bool = False) -> str:
        head = "would change (dry run)" if dry_run else "changed"
        return (
            f"rows: {self.rows}; contacts: {self.contacts}; {head}: {self.new} new, "
            f"{self.merged} merged, {self.unchanged} already there; contacts linked to trips: "
            f"{self.linked}; problems: {len(self.problems)}"
        )


def contact_key(row: Row) -> str:
    """A stable key of a contact's facts, written into each of its sources' `record`."""
    text = "|".join(str(part) for part in row.contact())
    return RECORD_PREFIX + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _kinds_match(one: str, other: str) -> bool:
    return one == other or (one in MEETING_KINDS and other in MEETING_KINDS)


def _overlap(one: Event, other: Event) -> bool:
    first, last = one.date, one.end_date or one.date
    o_first, o_last = other.date, other.end_date or other.date
    return first[: len(o_last)] <= o_last and o_first[: len(last)] <= last


def same_contact(one: Event, other: Event) -> bool:
    """Whether two events report the same contact (status, kind, dates, people)."""
    if one.status != other.status or not _kinds_match(one.kind, other.kind):
        return False
    if not _overlap(one, other):
        return False
    for mine, theirs in ((one.us, other.us), (one.china, other.china)):
        if mine and theirs and not set(mine) & set(theirs):
            return False
    return bool(set(one.people) & set(other.people))


def _event(rows: list[Row], people: dict[str, Person]) -> Event:
    first = rows[0]
    notes = list(dict.fromkeys(r.notes for r in rows if r.notes))
    event = Event(
        id="", title="", date=first.date, kind=first.kind, end_date=first.end_date,
        status=first.status, review="reviewed", us=list(first.us), china=list(first.china),
        location=first.place, notes="; ".join(notes) or None,
    )  # fmt: skip
    key = contact_key(first)
    event.sources = [
        Source(outlet=r.outlet, published=r.published, url=r.url, record=key, date_basis="imported")
        for r in rows
    ]
    event.id = event_id(event, people)
    event.title = event_title(event, people)
    event.summary = event_summary(event, people)
    return event


def _home(event: Event, stored: list[Event]) -> Event | None:
    key = event.sources[0].record
    keyed = next((e for e in stored if any(s.record == key for s in e.sources)), None)
    return keyed or next((e for e in stored if same_contact(event, e)), None)


def _free_id(event: Event, taken: set[str]) -> str:
    base, number = event.id, 2
    candidate = base if base not in taken else f"{base}-{event.kind}"
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


@dataclass
class Importer:
    people: dict[str, Person]
    events_dir: Path
    dry_run: bool
    report: CuratedReport
    stored: list[Event]

    def merge(self, found: Event, home: Event) -> None:
        urls = {s.url for s in home.sources}
        fresh = [s for s in found.sources if s.url not in urls]
        added = [p for p in found.us if p not in home.us] + [
            p for p in found.china if p not in home.china
        ]
        if not fresh and not added:
            self.report.unchanged += 1
            return
        self.report.merged += 1
        what = f"{len(fresh)} source(s)" + (f", people {', '.join(added)}" if added else "")
        self.report.changes.append(f"merge into {home.path}: {what}")
        if self.dry_run:
            return
        if added:
            home.us += [p for p in found.us if p not in home.us]
            home.china += [p for p in found.china if p not in home.china]
            home.sources += fresh
            home.summary = event_summary(home, self.people)
            write_atomic(self.events_dir / (home.path or event_path(home.id)), render_event(home))
        elif home.path:
            add_sources(self.events_dir / home.path, home.path, fresh)

    def create(self, event: Event) -> None:
        event.id = _free_id(event, {e.id for e in self.stored})
        event.path = event_path(event.id)
        self.report.new += 1
        self.report.changes.append(f"create {event.path}")
        self.stored.append(event)
        if not self.dry_run:
            write_event(event, self.events_dir)


def curated_trip_links(events: list[Event]) -> list[Link]:
    """Contacts inside a curated visit: a shared person, the day within, and the same place
    (or only people the trip names)."""
    trips = [
        e for e in events
        if e.kind == "visit" and any((s.record or "").startswith(RECORD_PREFIX) for s in e.sources)
    ]  # fmt: skip
    links = []
    for event in events:
        if event.kind == "visit" or event.part_of or len(event.date) != 10:
            continue
        for trip in trips:
            inside = trip.date <= event.date <= (trip.end_date or trip.date)
            place = (
                event.location is None
                or event.location == trip.location
                or set(event.people) <= set(trip.people)  # Woodside during a San Francisco trip
            )
            if inside and place and set(event.people) & set(trip.people):
                links.append(Link(event.id, trip.id))
                break
    return links


def import_curated(
    path: Path, people: list[Person], events_dir: Path, dry_run: bool = False
) -> CuratedReport:
    """Import the rows of `path`; with `dry_run`, only report what would change."""
    by_id = {p.id: p for p in people}
    rows, problems = read_rows(path, set(by_id))
    stored, store_problems = load_events(events_dir)
    report = CuratedReport(rows=len(rows), problems=problems + store_problems)
    groups: dict[tuple, list[Row]] = {}  # type: ignore[type-arg]
    for row in rows:
        groups.setdefault(row.contact(), []).append(row)
    report.contacts = len(groups)
    importer = Importer(by_id, events_dir, dry_run, report, stored)
    for group in groups.values():
        found = _event(group, by_id)
        home = _home(found, stored)
        if home is not None:
            importer.merge(found, home)
        else:
            importer.create(found)
    links = link_to_trips(stored) + curated_trip_links(stored)
    links = list({link.event_id: link for link in reversed(links)}.values())
    report.changes += [f"link {link.event_id} to trip {link.trip_id}" for link in links]
    if dry_run:
        report.linked = sum(_unlinked(link, stored) for link in links)
    else:
        report.linked = apply_links(links, stored, events_dir)
    for trip, added in trip_hosts(stored):
        report.changes.append(f"name {', '.join(added)} in {trip.path} (met during the trip)")
        if not dry_run:
            trip.summary = event_summary(trip, by_id)
            write_atomic(events_dir / (trip.path or event_path(trip.id)), render_event(trip))
    return report


def trip_hosts(events: list[Event]) -> list[tuple[Event, list[str]]]:
    """A trip whose record names one side only gains the other side's people it met: the
    people of that side in the contacts held during it (`part_of` the trip)."""
    changed = []
    for trip in events:
        if trip.kind != "visit" or (trip.us and trip.china) or not (trip.us or trip.china):
            continue
        side = "china" if trip.us else "us"
        met = [p for e in events if e.part_of == trip.id for p in getattr(e, side)]
        added = list(dict.fromkeys(met))
        if added:
            getattr(trip, side).extend(added)
            changed.append((trip, added))
    return changed


def _unlinked(link: Link, stored: list[Event]) -> bool:
    return any(e.id == link.event_id and e.part_of is None for e in stored)
