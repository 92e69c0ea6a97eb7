"""`timeline import-hsg DIR`: the historian's China records into the event store.

Idempotent: a record already in the store (recognised by its collection and record id, even
when an editor has since changed the event's dates, title, id or file) is left untouched.
After the import, contacts that took place during an imported trip get `part_of` that trip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from timeline.model import Event, Person, Problem
from timeline.sources.hsg.events import Built, EventBuilder, collection_of
from timeline.sources.hsg.parse import read_china_records
from timeline.store.files import load_events, render_event, write_event
from timeline.store.nesting import Link, link_to_trips
from timeline.yamlio import write_atomic

PART_OF_LINE = re.compile(r"^part_of:[ \t]*(?:null|~)?[ \t]*$", re.MULTILINE)


@dataclass
class ImportReport:
    """What an import did, for the command's summary line."""

    files: int = 0
    records: int = 0
    travels: int = 0
    visits: int = 0
    taiwan: int = 0
    new: int = 0
    known: int = 0
    linked: int = 0
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        warnings = sum(p.warning for p in self.problems)
        return (
            f"files read: {self.files}; China records: {self.records} "
            f"(trips: {self.travels}, visits to the US: {self.visits}); "
            f"Taiwan (Republic of China) records skipped: {self.taiwan}; "
            f"events new: {self.new}, already imported: {self.known}; "
            f"contacts linked to trips: {self.linked}; "
            f"warnings: {warnings}, errors: {len(self.problems) - warnings}"
        )


def imported_keys(events: list[Event]) -> set[tuple[str, str]]:
    """(collection, record id) of every imported source in the store; collection '' if unknown."""
    return {(collection_of(s), s.record) for e in events for s in e.sources if s.record}


def already_imported(keys: set[tuple[str, str]], collection: str, record_id: str) -> bool:
    return (collection, record_id) in keys or ("", record_id) in keys


def _unique_id(event: Event, record_id: str, taken: set[str]) -> str:
    return event.id if event.id not in taken else f"{event.id}-{record_id}"


def _overlap(one: Event, other: Event) -> bool:
    return one.date <= (other.end_date or other.date) and other.date <= (one.end_date or one.date)


def _inside(one: Event, other: Event) -> bool:
    last, other_last = one.end_date or one.date, other.end_date or other.date
    return (
        other.date <= one.date
        and last <= other_last
        and (one.date, last) != (other.date, other_last)
    )


def link_new_trips(built: list[Built]) -> None:
    """Nest new trips in new trips: a Secretary's trip made with the President ("Accompanied
    President Ford") in the President's trip; a shorter visit within a longer one of the
    same traveller (a side meeting during a summit visit) in the longer one."""
    for item in built:
        if item.event.part_of:
            continue
        for other in built:
            if other is item or other.event.part_of:
                continue
            along = other.traveller in item.companions and _overlap(item.event, other.event)
            nested = other.traveller == item.traveller is not None and _inside(
                item.event, other.event
            )
            if along or nested:
                item.event.part_of = other.event.id
                break


def set_part_of(event: Event, trip_id: str, events_dir: Path) -> None:
    """Write `part_of` into an existing file, keeping the editor's formatting and comments."""
    path = events_dir / (event.path or "")
    event.part_of = trip_id
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    if event.path and PART_OF_LINE.search(text):
        write_atomic(path, PART_OF_LINE.sub(f"part_of: {trip_id}", text, count=1))
    else:
        write_atomic(
            events_dir / (event.path or f"{event.id[:4]}/{event.id}.yml"), render_event(event)
        )


def import_hsg(folder: Path, people: list[Person], events_dir: Path) -> ImportReport:
    """Import every China record below `folder` into `events_dir`; report what happened."""
    read = read_china_records(folder)
    report = ImportReport(files=read.files, taiwan=read.taiwan, problems=list(read.problems))
    report.records = len(read.records)
    report.travels = sum(r.collection == "travels" for r in read.records)
    report.visits = report.records - report.travels
    stored, store_problems = load_events(events_dir)
    report.problems += store_problems
    keys = imported_keys(stored)
    taken = {e.id for e in stored}
    builder = EventBuilder(people)
    built: list[Built] = []
    seen: dict[tuple[str, str], str] = {}
    for record in read.records:
        first = seen.setdefault((record.collection, record.id), record.where())
        if first != record.where():
            message = f"expected a record id used once, found it also at {first}; not imported"
            report.problems.append(
                Problem(record.path, message, f"record {record.id}: id", record.line)
            )
            continue
        if already_imported(keys, record.collection, record.id):
            report.known += 1
            continue
        item = builder.build(record)
        item.event.id = _unique_id(item.event, record.id, taken)
        taken.add(item.event.id)
        keys.add((record.collection, record.id))
        report.problems += item.warnings
        built.append(item)
    link_new_trips(built)
    for item in built:
        write_event(item.event, events_dir)
    report.new = len(built)
    report.linked = apply_links(
        link_to_trips([*stored, *(b.event for b in built)]), stored, events_dir
    )
    return report


def apply_links(links: list[Link], stored: list[Event], events_dir: Path) -> int:
    """Write the links into the stored events they concern; return how many were written."""
    by_id = {e.id: e for e in stored}
    written = 0
    for link in links:
        event = by_id.get(link.event_id)
        if event is not None and event.part_of is None:
            set_part_of(event, link.trip_id, events_dir)
            written += 1
    return written
