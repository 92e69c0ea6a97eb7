"""The serve-only Drafts page: every value escaped, each entry linked to its event page."""

from __future__ import annotations

from timeline.site.drafts import Waiting, drafts_html

HOSTILE = '<script>alert("x")</script>'


def test_every_value_is_escaped_and_the_event_is_linked():
    item = Waiting(
        id="2023-06-18-blinken-qin-gang-beijing",
        date="2023-06-18",
        title=HOSTILE,
        people=f"us: {HOSTILE}",
        state="reviewed, 1 new source(s)",
        quote=HOSTILE + "\u202e",
        outlet=HOSTILE,
        file="content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml",
    )
    html = drafts_html([item])
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") == 4
    assert "[U+202E]" in html  # a bidi control is shown, not obeyed
    assert 'href="../events/2023-06-18-blinken-qin-gang-beijing/"' in html
    assert "1 event(s) wait for review" in html


def test_an_empty_queue_says_so():
    assert drafts_html([]) == "<p>Nothing waits for review.</p>"
