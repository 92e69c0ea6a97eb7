"""The 'Drafts' page for editors: the review queue as `timeline review` lists it.

Generated only by `mkdocs serve`: `mkdocs build` never writes it, whatever `publish_drafts`
says. Every value is untrusted and goes through `markup`.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.site.index import page_slug
from timeline.site.markup import esc, rel

SRC_URI = "drafts.md"


@dataclass(frozen=True)
class Waiting:
    """One event waiting for review, as plain text."""

    id: str
    date: str
    title: str
    people: str
    state: str  # "draft", or "reviewed, 1 new source(s)"
    quote: str
    outlet: str
    file: str


def drafts_html(waiting: list[Waiting], src_uri: str = SRC_URI) -> str:
    if not waiting:
        return "<p>Nothing waits for review.</p>"
    intro = (
        f"<p>{len(waiting)} event(s) wait for review. Decide with "
        "<code>timeline review ID --accept</code>, <code>--reject</code> or "
        "<code>--edit</code>; this page is shown by <code>mkdocs serve</code> only.</p>"
    )
    items = []
    for item in waiting:
        link = rel(src_uri, f"events/{page_slug(item.id)}/")
        quote = f"<blockquote>{esc(item.quote)}</blockquote>" if item.quote else ""
        items.append(
            f'<li class="timeline-draft"><p><a href="{esc(link)}">{esc(item.title)}</a> '
            f"<small>{esc(item.date)} · {esc(item.state)}</small></p>"
            f"<p>{esc(item.people)}</p>{quote}"
            f"<p><small>{esc(item.outlet)} · <code>{esc(item.file)}</code> · "
            f"<code>{esc(item.id)}</code></small></p></li>"
        )
    return intro + '<ul class="timeline-drafts">' + "".join(items) + "</ul>"
