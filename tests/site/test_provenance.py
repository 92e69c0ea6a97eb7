"""Where an entry comes from: historian, curated, article; shown per event and counted."""

from __future__ import annotations

from timeline.model import Event, Source
from timeline.site.provenance import origins, provenance_counts, provenance_html, provenance_row

HISTORIAN = Source(outlet="Historian", record="3345", date_basis="imported")
CURATED = Source(
    outlet="Wire", url="https://example.org/a", record="curated:abc", date_basis="imported"
)
ARTICLE = Source(outlet="Ukrinform", article="articles/uk/a.md", date_basis="relative")


def event(*sources: Source, review: str = "reviewed") -> Event:
    return Event(
        id="x", title="t", date="2023-06-18", kind="visit", review=review, sources=list(sources)
    )


def test_each_kind_of_source_is_told_apart_and_merged_events_have_several():
    assert origins(event(HISTORIAN)) == ["historian"]
    assert origins(event(ARTICLE, CURATED)) == ["curated", "article"]
    assert origins(event(ARTICLE)) == ["article"]


def test_the_row_says_where_from_and_whether_reviewed_escaped():
    row = provenance_row(event(ARTICLE, review="draft"))
    assert row == (
        "<dt>Provenance</dt> <dd>News articles read by the extractor; not yet reviewed</dd> "
    )
    assert "&#x27;s records" in provenance_row(event(HISTORIAN))


def test_counts_cover_every_shown_event():
    events = [event(HISTORIAN, CURATED), event(CURATED), event(ARTICLE, review="draft")]
    counts = provenance_counts(events)
    assert (counts["all"], counts["reviewed"]) == (3, 2)
    assert (counts["historian"], counts["curated"], counts["article"]) == (1, 2, 1)
    assert "<strong>2</strong> with a source from official readouts" in provenance_html(events)
