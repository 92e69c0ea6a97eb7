"""Collect everything the site needs from `content/` before anything is rendered."""

from __future__ import annotations

from pathlib import Path

from .model import Problem
from .people import load_people
from .site import Site
from .store import load_events


def load_site(content: Path) -> tuple[Site, list[Problem]]:
    """Load people and events; every problem is collected, none stops the loading."""
    people, problems = load_people(content / "people.yml")
    events, event_problems = load_events(content / "events")
    problems += event_problems
    return Site(events=events, people={p.id: p for p in people}), problems
