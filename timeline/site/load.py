"""Collect everything the site needs from `content/` before anything is rendered."""

from __future__ import annotations

from pathlib import Path

from timeline.check.content import KEEP_ALL, KEEP_UNLESS_ERRORS, check_content
from timeline.contentfs import StatMemo
from timeline.model import Problem
from timeline.site.index import Site


def load_site(
    content: Path,
    keep_when_failing: bool = True,
    include_drafts: bool = True,
    memo: StatMemo | None = None,
) -> tuple[Site, list[Problem]]:
    """Load people and events, validated exactly as `timeline check` does.

    With `keep_when_failing` False no event is kept once there is an error (for a build,
    which stops then), so a failing build does not hold the whole store.

    With `include_drafts` False only reviewed events are published.

    Errors and warnings are returned, not raised: the caller logs each (`str(problem)` is the
    line `timeline check` prints) and stops the build when there is an error.

    `memo` (kept by `mkdocs serve` between rebuilds) spares reading unchanged event files.
    """
    keep = KEEP_ALL if keep_when_failing else KEEP_UNLESS_ERRORS
    checked = check_content(content, keep=keep, memo=memo)
    people = {p.id: p for p in checked.people}
    site = Site(events=checked.events, people=people, include_drafts=include_drafts)
    return site, checked.problems
