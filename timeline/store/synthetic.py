"""Synthetic content for benchmarks and tests: a people registry and N events, with trips
that contain meetings (`part_of`), several sources per event and every date precision.

Deterministic for a given size and seed. The text is the project's own filler, not news.
"""

from __future__ import annotations

import random
from pathlib import Path

from timeline.model import KINDS, Event, Person, Role, Source
from timeline.naming import event_id, event_summary, event_title
from timeline.people import person_to_dict
from timeline.store.files import write_event
from timeline.yamlio import dump_yaml

PLACES = (
    "Beijing Washington Shanghai Bali Geneva Vienna Bangkok Munich Lima Osaka Rome Jakarta".split()
)
OUTLETS = ("Example Wire", "Daily Sample", "Test Gazette", "Placeholder News")
LEVELS = ("leader", "minister", "minister", "other", "other", "other")


def synthetic_people(count: int = 60) -> list[Person]:
    people = []
    for i in range(count):
        country = "us" if i % 2 == 0 else "cn"
        surname = f"Person{i:03d}"
        name = f"{'Alex' if country == 'us' else 'Li'} {surname}"
        people.append(
            Person(
                id=f"{country}-person-{i:03d}",
                name=name,
                country=country,
                short=surname,
                level=LEVELS[i % len(LEVELS)],
                roles=[Role(f"Office {i % 7}", "1970-01-01")],
                names={"en": [name]},
            )
        )
    return people


def _date(rng: random.Random, year: int) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.05:
        return str(year), "year"
    if roll < 0.15:
        return f"{year}-{rng.randint(1, 12):02d}", "month"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "day"


def synthetic_events(count: int, people: list[Person], seed: int = 1) -> list[Event]:
    """`count` events from 1972 on; about one in ten is a visit containing meetings."""
    rng = random.Random(seed)
    registry = {p.id: p for p in people}
    us = [p.id for p in people if p.country == "us"]
    cn = [p.id for p in people if p.country == "cn"]
    events: list[Event] = []
    seen: set[str] = set()
    trip: Event | None = None
    for i in range(count):
        year = 1972 + (i * 54) // max(count, 1)
        date, precision = _date(rng, year)
        kind = rng.choice(KINDS)
        event = Event(id="", title="", date=date, precision=precision, kind=kind)
        event.us = rng.sample(us, rng.randint(1, 2))
        event.china = rng.sample(cn, 1)
        event.location = rng.choice((*PLACES, None))
        event.review = "reviewed" if rng.random() < 0.6 else "draft"
        if (
            trip is not None
            and trip.year == str(year)
            and rng.random() < 0.6
            and precision == "day"
        ):
            event.part_of = trip.id
        if kind == "visit" and precision == "day":
            trip = event
        _name(event, registry, seen)
        event.sources = [_source(rng, event, n) for n in range(rng.randint(1, 3))]
        events.append(event)
    return events


def _name(event: Event, registry: dict[str, Person], seen: set[str]) -> None:
    base = event_id(event, registry)
    ident, n = base, 2
    while ident in seen:
        ident, n = f"{base}-{n}", n + 1
    seen.add(ident)
    event.id = ident
    event.title = event_title(event, registry)
    event.summary = event_summary(event, registry)


def _source(rng: random.Random, event: Event, n: int) -> Source:
    outlet = OUTLETS[(n + len(event.id)) % len(OUTLETS)]
    day = event.date if len(event.date) == 10 else None
    return Source(
        outlet=outlet,
        url=f"https://news.example.org/{event.id}/{n}",
        published=day,
        language="en",
        quote=f"Officials said the two sides met on {event.date} for talks on several issues.",
        date_text=event.date,
        date_basis="explicit",
        confidence=round(rng.uniform(0.6, 1.0), 2),
    )


def write_content(content: Path, count: int, seed: int = 1) -> tuple[list[Person], list[Event]]:
    """Write people.yml and the events under `content/`; return what was written."""
    people = synthetic_people()
    events = synthetic_events(count, people, seed)
    (content / "events").mkdir(parents=True, exist_ok=True)
    (content / "people.yml").write_text(
        dump_yaml([person_to_dict(p) for p in people]), encoding="utf-8"
    )
    for event in events:
        write_event(event, content / "events")
    return people, events
