"""Where an entry comes from: the historian's records, curated official records, or articles
read by the extractor (several at once when sources were merged), and the counts of each."""

from __future__ import annotations

from collections import Counter

from timeline.model import Event, Source
from timeline.site.markup import esc

ORIGINS = {
    "historian": "the Office of the Historian's records",
    "curated": "official readouts and reports compiled by an editor",
    "article": "news articles read by the extractor",
}


def origin_of(source: Source) -> str:
    if (source.record or "").startswith("curated:"):
        return "curated"
    if source.record and source.date_basis == "imported":
        return "historian"
    return "article"


def origins(event: Event) -> list[str]:
    """The kinds of source of an event, in the order of ORIGINS."""
    found = {origin_of(s) for s in event.sources}
    return [o for o in ORIGINS if o in found]


def provenance_row(event: Event) -> str:
    """The event page's "Provenance" line (a definition-list row)."""
    kinds = origins(event) or ["article"]
    text = "; ".join(ORIGINS[k] for k in kinds)
    review = "reviewed by an editor" if event.review == "reviewed" else "not yet reviewed"
    return f"<dt>Provenance</dt> <dd>{esc(text[0].upper() + text[1:])}; {esc(review)}</dd> "


def provenance_counts(events: list[Event]) -> Counter[str]:
    """How many shown events have at least one source of each kind, and how many in all."""
    counts: Counter[str] = Counter()
    for event in events:
        counts["all"] += 1
        counts["reviewed"] += event.review == "reviewed"
        for kind in origins(event):
            counts[kind] += 1
    return counts


def provenance_html(events: list[Event]) -> str:
    """The list of where the published entries come from, with counts (Methodology, About)."""
    counts = provenance_counts(events)
    items = "".join(
        f"<li><strong>{counts[k]}</strong> with a source from {esc(text)}</li>"
        for k, text in ORIGINS.items()
    )
    return (
        f'<ul class="tl-provenance">{items}</ul>'
        f"<p>{counts['all']} entries are published, {counts['reviewed']} of them reviewed by an "
        "editor; an entry merged from several kinds of source is counted under each.</p>"
    )
