"""What the MkDocs plugin runs from the commands: extraction before a build, the Drafts page.

`extract_before_build` is `timeline extract` exactly (the same run, the same files written,
the same `unreviewed` flags), so `mkdocs build` and `mkdocs serve` show a new article's
contacts without a separate step. The plugin's option `extract: false` turns it off.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path

from timeline.check.content import format_problem
from timeline.commands.extract_run import closing_line, extract_and_flag
from timeline.commands.review import people_line, queue
from timeline.site.drafts import SRC_URI, Waiting, drafts_html
from timeline.site.page import PageSpec
from timeline.store.files import EventFile


def extract_before_build(content: Path) -> list[str]:
    """Run the incremental extraction; the lines to log (nothing when nothing changed)."""
    summary, changes = extract_and_flag(content, stream=io.StringIO())
    lines = [f"timeline extract: {line}" for line in changes.lines(dry_run=False)]
    lines += [f"timeline extract: {format_problem(p)}" for p in summary.problems]
    if changes.created or changes.changed or changes.removed:
        lines.append(f"timeline extract: {closing_line(summary)}")
    return lines


def waiting(content: Path, files: Callable[[], Iterable[EventFile]] | None = None) -> list[Waiting]:
    """The review queue as the Drafts page shows it (of `files()` when given)."""
    items = []
    for entry in queue(content, files() if files else None)[0]:
        sources = entry.new_sources or [
            s for s in entry.data.get("sources") or [] if isinstance(s, dict)
        ]
        first = sources[0] if sources else {}
        items.append(
            Waiting(
                id=entry.id,
                date=str(entry.data.get("date")),
                title=str(entry.data.get("title")),
                people=people_line(entry.data),
                state=entry.waiting,
                quote=str(first.get("quote") or ""),
                outlet=str(first.get("outlet") or ""),
                file=entry.rel,
            )
        )
    return items


def drafts_page(content: Path, files: Callable[[], Iterable[EventFile]] | None = None) -> PageSpec:
    """The Drafts page; its list is read when the page is written (from `files()`, the
    store's files as last read, when given)."""
    return PageSpec(
        src_uri=SRC_URI,
        title="Drafts",
        render=lambda: drafts_html(waiting(content, files)),
        searchable=False,
        description="Events waiting for an editor's review (mkdocs serve only).",
    )
