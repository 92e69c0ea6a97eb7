"""The ledger is dumped entry by entry (memory stays flat); its text must be exactly the
one-document dump of the same data, whatever the keys and values hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.ledger import HEADER, Ledger
from timeline.yamlio import dump_yaml, parse_text

TEXT = st.text(max_size=40)
ARTICLE = st.fixed_dictionaries({"sha256": TEXT, "events": st.lists(TEXT, max_size=3)})
EVENT = st.fixed_dictionaries(
    {"date": TEXT, "kind": TEXT, "us": st.lists(TEXT, max_size=2)},
    optional={"end_date": st.none() | TEXT, "china": st.lists(TEXT, max_size=2)},
)


def whole_document(ledger: Ledger) -> str:
    data = {
        "people": ledger.people,
        "articles": dict(sorted(ledger.articles.items())),
        "events": dict(sorted(ledger.events.items())),
    }
    return HEADER + dump_yaml(data)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.dictionaries(TEXT, ARTICLE, max_size=4), st.dictionaries(TEXT, EVENT, max_size=4))
def test_entry_by_entry_is_the_whole_document(people, articles, events):
    ledger = Ledger(people, articles, events)
    text = ledger.to_text()
    assert text == whole_document(ledger)
    assert parse_text(text)["articles"] == (articles or {})
