"""Trips contain meetings: link a contact to the imported visit it took place during.

A contact (talks, a meeting, a call...) belongs to a trip when the trip's traveller takes part
in it, its day falls within the trip, and it happened in one of the trip's places or its
place is not known. The contact then gets `part_of: <trip id>` instead of standing alone.
Pure functions over events; the caller decides what to write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline.model import Event

PLACE_SEPARATOR = ", "


@dataclass(frozen=True)
class Link:
    """Set `part_of` of event `event_id` to `trip_id`."""

    event_id: str
    trip_id: str


def is_trip(event: Event) -> bool:
    """An imported visit: kind `visit` with a source that is an imported record."""
    return event.kind == "visit" and any(
        s.record and s.date_basis == "imported" for s in event.sources
    )


def traveller(trip: Event) -> str | None:
    """Who made the trip: the US official for travels abroad, the Chinese one for visits to
    the US (the historian's visit pages live under `/visits/`); listed first on their side."""
    to_us = any(s.url and "/visits/" in s.url for s in trip.sources)
    side = trip.china if to_us else trip.us
    return side[0] if side else None


def trip_places(trip: Event) -> set[str]:
    """The places of a trip; a trip through several cities lists them comma-separated."""
    return {p.strip() for p in (trip.location or "").split(PLACE_SEPARATOR) if p.strip()}


def _day_within(event: Event, trip: Event) -> bool:
    if event.precision != "day" or len(event.date) != 10:
        return False
    last = trip.end_date or trip.date
    return trip.date <= event.date <= last and (event.end_date or event.date) <= last


def fits(event: Event, trip: Event) -> bool:
    """Whether `event` took place during `trip` (same traveller, day within, same place)."""
    who = traveller(trip)
    if who is None or who not in event.people:
        return False
    if not _day_within(event, trip):
        return False
    return event.location is None or event.location in trip_places(trip)


def _span(trip: Event) -> int:
    """Days from the first to the last day of a trip (0 when not day-precise)."""
    try:
        first = dt.date.fromisoformat(trip.date)
        return (dt.date.fromisoformat(trip.end_date or trip.date) - first).days
    except ValueError:
        return 0


def link_to_trips(events: list[Event]) -> list[Link]:
    """The `part_of` links to add: contacts without one that fall inside an imported trip.

    When several trips fit (a President and his Secretary of State travelling together),
    the outermost trip wins, then the shortest, then the first id.
    """
    trips = [e for e in events if is_trip(e)]
    links = []
    for event in events:
        if is_trip(event) or event.part_of or event.status == "cancelled":
            continue
        fitting = [t for t in trips if fits(event, t)]
        if fitting:
            best = min(fitting, key=lambda t: (t.part_of is not None, _span(t), t.id))
            links.append(Link(event.id, best.id))
    return links


def meetings_of(trip: Event, events: list[Event]) -> list[Event]:
    """The events that are part of `trip`, in date order (for the trip's page)."""
    return sorted((e for e in events if e.part_of == trip.id), key=lambda e: (e.date, e.id))
