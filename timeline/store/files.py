"""The event store: one YAML file per event under `content/events/<year>/<id>.yml`."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.contentfs import display, inside, read_text, walk
from timeline.model import EVENT_KEYS, SOURCE_KEYS, Event, Problem, Source
from timeline.naming import event_path
from timeline.yamlio import (
    LazyPositions,
    Positions,
    YamlError,
    as_day,
    dump_yaml,
    parse_positioned,
    parse_text,
    write_atomic,
)

# Event files live in content/events/<year>/: this reaches the schema shipped in the
# repository's package folder, so an editor's IDE finds it without a network or a copy.
SCHEMA_REF = "../../../timeline/schema/event.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema={schema}\n"
# A contact reported by 10,000 articles is one file of 3-5 MB and ~200,000 YAML nodes: the
# limits leave room for 50,000 sources, and still refuse an alias bomb before it is walked.
MAX_EVENT_BYTES = 32_000_000
MAX_EVENT_NODES = 1_000_000
ID_PATTERN = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}(-[a-z0-9]+)+$")


class UnsafePathError(ValueError):
    """An event id that would put its file outside `content/events/<year>/`."""


def _iso(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _shared(value: str | None) -> str | None:
    """One string object for a value many events repeat (kinds, days, people, outlets):
    the YAML reader makes a new one in every file, about 55 bytes each at 10,000 events."""
    return None if value is None else sys.intern(value)


def source_to_dict(source: Source) -> dict:
    data = {}
    for key in SOURCE_KEYS:
        value = getattr(source, key)
        if value is None:
            continue
        data[key] = as_day(value) if key == "published" else value
    return data


def source_from_dict(data: dict) -> Source:
    values = {k: data.get(k) for k in SOURCE_KEYS}
    values["published"] = _shared(_iso(values["published"]))
    for key in ("article", "url", "record", "quote", "date_text", "claim"):
        values[key] = _text(values[key])
    for key in ("outlet", "language", "date_basis"):
        values[key] = _shared(_text(values[key]))
    confidence = values["confidence"]
    values["confidence"] = confidence if isinstance(confidence, (int, float)) else None
    values["outlet"] = values["outlet"] or ""
    return Source(**values)


def event_to_dict(event: Event) -> dict:
    """The event as the ordered mapping written to YAML (the documented key order)."""
    data = {
        "id": event.id,
        "title": event.title,
        "date": as_day(event.date),
        "end_date": as_day(event.end_date) if event.end_date else None,
        "precision": event.precision,
        "kind": event.kind,
        "status": event.status,
        "review": event.review,
        "participants": {"us": list(event.us), "china": list(event.china)},
        "location": event.location,
        "summary": event.summary,
        "sources": [source_to_dict(s) for s in event.sources],
        "part_of": event.part_of,
        "tags": list(event.tags),
        "notes": event.notes,
    }
    assert tuple(data) == EVENT_KEYS
    return data


def _strings(value: object) -> list[str]:
    return [sys.intern(str(v)) for v in value] if isinstance(value, list) else []


def event_from_dict(data: dict, path: str | None = None) -> Event:
    """Build an `Event` from a mapping; lenient, so that a half-valid file can still be merged."""
    participants = data.get("participants")
    participants = participants if isinstance(participants, dict) else {}
    sources = data.get("sources")
    return Event(
        id=str(data["id"]),
        title=str(data.get("title") or ""),
        date=sys.intern(_iso(data.get("date")) or ""),
        end_date=_shared(_iso(data.get("end_date"))),
        precision=sys.intern(str(data.get("precision") or "day")),
        kind=sys.intern(str(data.get("kind") or "other")),
        status=sys.intern(str(data.get("status") or "happened")),
        review=sys.intern(str(data.get("review") or "draft")),
        us=_strings(participants.get("us")),
        china=_strings(participants.get("china")),
        location=_shared(_text(data.get("location"))),
        summary=str(data.get("summary") or ""),
        sources=[source_from_dict(s) for s in sources if isinstance(s, dict)]
        if isinstance(sources, list)
        else [],
        part_of=_text(data.get("part_of")),
        tags=_strings(data.get("tags")),
        notes=_text(data.get("notes")),
        path=path,
    )


def render_event(event: Event, schema: str | None = SCHEMA_REF) -> str:
    """The exact text of an event file (deterministic: same event, same bytes)."""
    head = SCHEMA_LINE.format(schema=schema) if schema else ""
    return head + dump_yaml(event_to_dict(event))


def safe_event_path(event: Event, events_dir: Path) -> Path:
    """Where the event's file goes; refuses ids and paths that would leave `events_dir`."""
    if not ID_PATTERN.match(event.id) or len(event.id) > 120:
        raise UnsafePathError(f"id: expected a safe event id, found {event.id!r}")
    path = events_dir / (event.path or event_path(event.id))
    if not inside(path.parent, events_dir) or path.suffix != ".yml":
        raise UnsafePathError(f"path: expected a file inside {events_dir}, found {event.path!r}")
    return path


def write_event(event: Event, events_dir: Path, schema: str | None = SCHEMA_REF) -> Path:
    """Write the event atomically at its path (its own if it has one, else from its id)."""
    path = safe_event_path(event, events_dir)
    write_atomic(path, render_event(event, schema))
    return path


@dataclass
class EventFile:
    """One file of the store as read: its mapping, or why it cannot be read.

    The position of every key and value is found again from the file only when a problem
    needs one: kept for every file, positions cost about 13 KB an event (120 MB at 10,000).
    """

    path: Path
    rel: str
    data: dict | None = None
    known_positions: Positions | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def positions(self) -> Positions:
        if self.known_positions is None:
            path = self.path
            self.known_positions = LazyPositions(lambda: positions_of(path))
        return self.known_positions

    @property
    def has_event(self) -> bool:
        """The file holds a mapping with a text id (the least an event needs)."""
        return self.data is not None and isinstance(self.data.get("id"), str)

    @property
    def event(self) -> Event | None:
        """The event, when the file has one (`has_event`)."""
        if not self.has_event:
            return None
        rel = self.path.parent.name + "/" + self.path.name
        return event_from_dict(self.data, rel)


def positions_of(path: Path) -> Positions:
    """Where each key and value of the event file is (none when it cannot be read now)."""
    try:
        return parse_positioned(path.read_text("utf-8"), MAX_EVENT_NODES)[1]
    except (OSError, UnicodeDecodeError, YamlError):
        return Positions()


def _parse(rel: str, text: str, positioned: bool) -> tuple[Any, Positions | None, list[Problem]]:
    try:
        if positioned:
            data, positions = parse_positioned(text, MAX_EVENT_NODES)
        else:
            data, positions = parse_text(text, MAX_EVENT_NODES), None
    except YamlError as err:
        return None, Positions(), [Problem(rel, err.message, line=err.line, column=err.column)]
    if not isinstance(data, dict):
        found = "nothing" if data is None else type(data).__name__
        return None, positions, [Problem(rel, f"expected an event mapping, found {found}")]
    return data, positions, []


def parse_event_text(rel: str, text: str) -> tuple[Any, Positions, list[Problem]]:
    """Safe-load an event file's text with the position of every key and value."""
    data, positions, problems = _parse(rel, text, positioned=True)
    return data, positions or Positions(), problems


def read_event_file(path: Path, content: Path) -> EventFile:
    """Safe-load one event file, or say why it cannot be read."""
    rel = display(path, content)
    text, problems = read_text(path, rel, MAX_EVENT_BYTES)
    if text is None:
        return EventFile(path, rel, problems=problems)
    data, positions, problems = _parse(rel, text, positioned=False)
    return EventFile(path, rel, data, positions, problems)


def read_store(
    content: Path, events_dir: Path | None = None
) -> tuple[list[EventFile], list[Problem]]:
    """Every `.yml` file under `content/events/`, read; refused names are reported."""
    paths, problems = walk(events_dir or content / "events", content, ".yml")
    return [read_event_file(p, content) for p in paths], problems


def iter_store(content: Path, problems: list[Problem]) -> Iterator[EventFile]:
    """The store's files one at a time, so a caller keeps only what it needs of each;
    refused names are added to `problems` before the first file is given."""
    paths, refused = walk(content / "events", content, ".yml")
    problems.extend(refused)
    return (read_event_file(p, content) for p in paths)


def load_events(events_dir: Path) -> tuple[list[Event], list[Problem]]:
    """Every readable event in the store; unreadable files are reported and skipped."""
    files, problems = read_store(events_dir.parent, events_dir)
    events = []
    for file in files:
        problems.extend(file.problems)
        event = file.event
        if event is not None:
            events.append(event)
        elif not file.problems:
            problems.append(Problem(file.rel, "expected a value (required), found none", "id"))
    return events, problems
