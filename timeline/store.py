"""The event store: one YAML file per event under `content/events/<year>/<id>.yml`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model import EVENT_KEYS, SOURCE_KEYS, Event, Problem, Source
from .naming import event_path
from .yamlio import YamlError, as_day, dump_yaml, parse_yaml, write_atomic

SCHEMA_LINE = "# yaml-language-server: $schema={schema}\n"
MAX_EVENT_BYTES = 1_000_000


def _iso(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


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
    values["published"] = _iso(values["published"])
    for key in ("article", "outlet", "url", "language", "record", "quote", "date_text"):
        if values[key] is not None:
            values[key] = str(values[key])
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


def event_from_dict(data: dict, path: str | None = None) -> Event:
    """Build an `Event` from a mapping that has passed validation."""
    participants = data.get("participants") or {}
    return Event(
        id=str(data["id"]),
        title=str(data.get("title") or ""),
        date=_iso(data["date"]) or "",
        end_date=_iso(data.get("end_date")),
        precision=str(data.get("precision") or "day"),
        kind=str(data.get("kind") or "other"),
        status=str(data.get("status") or "happened"),
        review=str(data.get("review") or "draft"),
        us=[str(p) for p in participants.get("us") or []],
        china=[str(p) for p in participants.get("china") or []],
        location=data.get("location"),
        summary=str(data.get("summary") or ""),
        sources=[source_from_dict(s) for s in data.get("sources") or [] if isinstance(s, dict)],
        part_of=data.get("part_of"),
        tags=[str(t) for t in data.get("tags") or []],
        notes=data.get("notes"),
        path=path,
    )


def render_event(event: Event, schema: str | None = None) -> str:
    """The exact text of an event file (deterministic: same event, same bytes)."""
    head = SCHEMA_LINE.format(schema=schema) if schema else ""
    return head + dump_yaml(event_to_dict(event))


def write_event(event: Event, events_dir: Path, schema: str | None = None) -> Path:
    """Write the event atomically at its path (its own if it has one, else from its id)."""
    path = events_dir / (event.path or event_path(event.id))
    write_atomic(path, render_event(event, schema))
    return path


def event_files(events_dir: Path) -> list[Path]:
    return sorted(p for p in events_dir.rglob("*.yml") if p.is_file())


def read_event_file(path: Path, events_dir: Path) -> tuple[dict | None, list[Problem]]:
    """Safe-load one event file into a mapping, or say why it cannot be read."""
    rel = path.as_posix()
    try:
        if path.stat().st_size > MAX_EVENT_BYTES:
            return None, [Problem(rel, f"expected at most {MAX_EVENT_BYTES} bytes, found larger")]
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(rel, f"expected UTF-8 text, found byte {err.object[err.start]:#x}")]
    except OSError as err:
        return None, [Problem(rel, f"cannot read: {err.strerror}")]
    try:
        data = parse_yaml(text)
    except YamlError as err:
        return None, [Problem(rel, err.message, line=err.line, column=err.column)]
    if not isinstance(data, dict):
        return None, [Problem(rel, f"expected a mapping, found {type(data).__name__}")]
    return data, []


def load_events(events_dir: Path) -> tuple[list[Event], list[Problem]]:
    """Every event in the store; unreadable files are reported and skipped."""
    events, problems = [], []
    for path in event_files(events_dir):
        data, found = read_event_file(path, events_dir)
        problems.extend(found)
        if data is None:
            continue
        try:
            events.append(event_from_dict(data, path.relative_to(events_dir).as_posix()))
        except (KeyError, TypeError, ValueError) as err:
            problems.append(Problem(path.as_posix(), f"cannot read event: {err}"))
    return events, problems
