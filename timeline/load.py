"""Collect everything the site needs from `content/` before anything is rendered."""

from __future__ import annotations

from pathlib import Path

from .check import check_content
from .model import Problem
from .site import Site


def load_site(content: Path) -> tuple[Site, list[Problem]]:
    """Load people and events, validated exactly as `timeline check` does.

    Errors and warnings are returned, not raised: the caller logs each (`str(problem)` is the
    line `timeline check` prints) and stops the build when there is an error.
    """
    checked = check_content(content)
    people = {p.id: p for p in checked.people}
    return Site(events=checked.events, people=people), checked.problems
