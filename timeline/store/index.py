"""What merging needs to know of the whole store, kept small: each event's contact, not its file.

At 10,000 events the index holds a few hundred bytes an event (people, first and last day,
kind, id, file): `timeline extract` reads the store once, finds for each batch of new events
the stored ones that may be the same contact, and reads only those files in full.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.model import Event, Problem
from timeline.naming import event_path
from timeline.store.claims import Held
from timeline.store.files import iter_store, read_event_file
from timeline.store.merge import event_span

Contact = tuple[int, int, str]  # first day and last day (ordinals), event id


def _people(event: Event) -> str:
    """The people of both sides as one short text (two frozensets would cost 500 bytes).
    Odd ids may make two groups share a text: that only offers `merge` more to check."""
    return sys.intern(",".join(sorted(set(event.us))) + "|" + ",".join(sorted(set(event.china))))


def _days(event: Event) -> tuple[int, int] | None:
    """The event's first and last day as ordinals (`merge.event_span`, smaller to keep)."""
    span = event_span(event)
    return None if span is None else (span[0].toordinal(), span[1].toordinal())


@dataclass
class StoreIndex:
    """The store's events by their people, the files they are in, and what cannot be read."""

    events_dir: Path
    contacts: dict[str, list[Contact]] = field(default_factory=lambda: defaultdict(list))
    files: dict[str, str | None] = field(default_factory=dict)  # id -> its file, None: usual
    blocked: set[str] = field(default_factory=set)  # names of files that cannot be read
    others: set[str] = field(default_factory=set)  # names of files that differ from their id
    held: Held = field(default_factory=Held)  # the claims and citations of every event
    kinds: dict[str, str] = field(default_factory=dict)  # id -> kind (interned)

    def add(self, event: Event, path: Path) -> None:
        event_id = sys.intern(event.id)  # one string for the id in every place
        usual = path == self.events_dir / event_path(event_id)
        self.files[event_id] = None if usual else str(path)
        if path.stem != event_id:
            self.others.add(path.stem)
        self.held.add(event_id, event.sources)
        self.kinds[event_id] = sys.intern(event.kind)
        days = _days(event)
        if days is not None:
            self.contacts[_people(event)].append((*days, event_id))

    def __contains__(self, name: object) -> bool:
        """An id or file name in the store (read or not)."""
        return name in self.files or name in self.others or name in self.blocked

    def holds_contact(self, event: Event) -> bool:
        """The store's event with this id has these people, days and kind (an editor has
        changed none of them since `event` was recorded)."""
        days = _days(event)
        entry = None if days is None else (*days, event.id)
        found = entry in self.contacts.get(_people(event), ())
        return found and self.kinds.get(event.id) == event.kind

    def path_of(self, event_id: str) -> Path:
        return Path(self.files[event_id] or self.events_dir / event_path(event_id))

    def candidates(self, found: Iterable[Event]) -> list[str]:
        """Ids of stored events with the same people as a found one and days within a day
        of its days: the only ones `merge.same_contact` can accept. Sorted, without repeats."""
        ids: set[str] = set()
        for event in found:
            days = _days(event)
            if days is None:
                continue
            for first, last, event_id in self.contacts.get(_people(event), ()):
                if days[0] <= last + 1 and first - 1 <= days[1]:
                    ids.add(event_id)
        return sorted(ids)

    def load(self, ids: Iterable[str], content: Path) -> list[Event]:
        """The stored events with these ids, read again from their files."""
        events = []
        for event_id in ids:
            event = read_event_file(self.path_of(event_id), content).event
            if event is not None and event.id == event_id:
                events.append(event)
        return events


def read_index(content: Path, problems: list[Problem]) -> StoreIndex:
    """Index every file of the store; each file's problems are added to `problems`."""
    index = StoreIndex(content / "events")
    for file in iter_store(content, problems):
        problems.extend(file.problems)
        event = file.event
        if event is None:
            index.blocked.add(file.path.stem)
        else:
            index.add(event, file.path)
    return index
