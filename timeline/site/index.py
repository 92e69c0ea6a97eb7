"""The site as the renderers see it: events and people, plus the indexes every page needs.

Indexes are built once, in linear time, so that no page has to scan all events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from timeline.model import Event, Person

SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,150}$")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def page_slug(value: str) -> str:
    """The path segment for an id: the id itself when it is a plain slug, else a safe stand-in.

    Ids are validated on load; this keeps a bad one from ever naming a path outside its folder.
    """
    if SAFE_SLUG.match(value):
        return value
    ascii_part = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:60] or "item"
    return f"{ascii_part}-{hashlib.sha1(value.encode('utf-8')).hexdigest()[:10]}"


def is_iso_date(text: str | None) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day."""
    if not isinstance(text, str) or not ISO_DATE.match(text):
        return False
    parts = [*map(int, text.split("-")), 1, 1][:3]
    try:
        dt.date(*parts)
    except ValueError:
        return False
    return True


def renderable(event: Event) -> bool:
    """Dates the pages and exports can write (the store's validation reports the rest)."""
    day_end = event.end_date is None or (len(event.end_date) == 10 and is_iso_date(event.end_date))
    return is_iso_date(event.date) and day_end


def sort_key(event: Event) -> tuple[str, str]:
    return (event.date, event.id)


@dataclass
class Site:
    """Everything the renderers need, collected before anything is rendered."""

    events: list[Event]
    people: dict[str, Person]
    include_drafts: bool = True
    shown: list[Event] = field(init=False)
    unrenderable: list[Event] = field(init=False)

    def __post_init__(self) -> None:
        # Rejected events stay in the store but are not published; drafts only when asked.
        allowed = {"reviewed", "draft"} if self.include_drafts else {"reviewed"}
        published = [e for e in self.events if e.review in allowed]
        self.unrenderable = [e for e in published if not renderable(e)]
        self.shown = sorted((e for e in published if renderable(e)), key=sort_key)

    def by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def index(self) -> dict[str, Event]:
        return {e.id: e for e in self.shown}

    @cached_property
    def children(self) -> dict[str, list[Event]]:
        """Events that are part of a trip or summit, by the id of that trip."""
        found: dict[str, list[Event]] = defaultdict(list)
        for event in self.shown:
            if event.part_of:
                found[event.part_of].append(event)
        return found

    @cached_property
    def by_person(self) -> dict[str, list[Event]]:
        found: dict[str, list[Event]] = defaultdict(list)
        for event in self.shown:
            for pid in dict.fromkeys(event.people):
                found[pid].append(event)
        return found

    @cached_property
    def by_year(self) -> dict[str, list[Event]]:
        found: dict[str, list[Event]] = defaultdict(list)
        for event in self.shown:
            found[event.year].append(event)
        return dict(sorted(found.items()))

    @cached_property
    def by_kind(self) -> dict[str, list[Event]]:
        found: dict[str, list[Event]] = defaultdict(list)
        for event in self.shown:
            found[event.kind].append(event)
        return found

    @cached_property
    def neighbours(self) -> dict[str, tuple[Event | None, Event | None]]:
        """For each event, the previous and next contacts between exactly the same people."""
        groups: dict[frozenset[str], list[Event]] = defaultdict(list)
        for event in self.shown:
            if event.people:
                groups[frozenset(event.people)].append(event)
        found: dict[str, tuple[Event | None, Event | None]] = {}
        for members in groups.values():
            for i, event in enumerate(members):
                before = members[i - 1] if i > 0 else None
                after = members[i + 1] if i + 1 < len(members) else None
                found[event.id] = (before, after)
        return found

    @cached_property
    def top_level(self) -> list[Event]:
        """Shown events that are not part of another shown event: a trip and the meetings
        held during it count once."""
        return [e for e in self.shown if not (e.part_of and e.part_of in self.index)]

    def side_level(self, ids: list[str]) -> str:
        levels = {self.people[p].level for p in ids if p in self.people}
        return next((lv for lv in ("leader", "minister") if lv in levels), "other")

    def level_of(self, event: Event) -> str:
        """The level both sides reach: leader only when each named side has a leader (a
        minister received by a president is a minister-level contact); other when no one
        is named."""
        sides = [ids for ids in (event.us, event.china) if ids]
        if not sides:
            return "other"
        order = ("leader", "minister", "other")
        return max((self.side_level(ids) for ids in sides), key=order.index)
