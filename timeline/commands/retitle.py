"""Corrections flow through: an event's generated title and summary follow its fields.

The ledger keeps each extracted event's date, kind and people as written. When an editor has
changed them since, and the file's `title` (or `summary`) is still exactly what extraction
generated from the recorded values, it is generated again from the corrected ones (as text:
every other byte stays) and the ledger takes the corrected contact. A title or summary an
editor wrote by hand is never touched.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from timeline.contentfs import display, read_text
from timeline.model import Event, Person, Problem
from timeline.naming import event_summary, event_title
from timeline.store.edit import with_scalars
from timeline.store.files import MAX_EVENT_BYTES, read_event_file
from timeline.store.index import StoreIndex
from timeline.store.ledger import Ledger
from timeline.yamlio import YamlError, write_atomic


def _generated(event: Event, people: dict[str, Person]) -> dict[str, str]:
    return {"title": event_title(event, people), "summary": event_summary(event, people)}


def _follow(content: Path, path: Path, was: Event, people: dict[str, Person]) -> bool:
    """Regenerate what is still generated in the file at `path`; True when it changed."""
    rel = display(path, content)
    event = read_event_file(path, content).event
    text, _ = read_text(path, rel, MAX_EVENT_BYTES)
    if event is None or text is None:
        return False
    before = dataclasses.replace(
        event, date=was.date, end_date=was.end_date, kind=was.kind, us=was.us, china=was.china
    )
    old, new = _generated(before, people), _generated(event, people)
    current = {"title": event.title, "summary": event.summary}
    values = {k: new[k] for k in new if current[k] == old[k] and new[k] != old[k]}
    edited = with_scalars(text, values) if values else None
    return edited is not None and write_atomic(path, edited)


def follow_corrections(
    content: Path, ledger: Ledger, index: StoreIndex, people: list[Person]
) -> list[Problem]:
    """Regenerate the titles and summaries of corrected events; a line for each file."""
    by_id, notes = {p.id: p for p in people}, []
    for was in ledger.deleted(frozenset()):  # every contact the ledger keeps, as events
        if was.id not in index.files or index.holds_contact(was):
            continue
        path = index.path_of(was.id)
        rel = display(path, content)
        try:
            changed = _follow(content, path, was, by_id)
        except (YamlError, OSError) as err:
            notes.append(Problem(rel, f"title and summary not regenerated: {err}", warning=True))
            continue
        event = read_event_file(path, content).event
        if event is not None:
            ledger.remember(event)
        if changed:
            message = "title and summary regenerated from the corrected fields"
            notes.append(Problem(rel, message, warning=True))
    return notes
