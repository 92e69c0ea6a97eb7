"""Merging is a pure function: same inputs in any order give the same plan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import Event, Source
from timeline.store.merge import plan_merge, same_contact

US = ["antony-blinken", "joe-biden"]
CHINA = ["qin-gang", "wang-yi"]


def found(day: int, kind: str, us: str, china: str, article: str) -> Event:
    date = f"2023-06-{day:02d}"
    return Event(
        id=f"{date}-{us.split('-')[-1]}-{china}",
        title="t",
        date=date,
        kind=kind,
        us=[us],
        china=[china],
        sources=[Source(outlet="O", article=f"content/articles/{article}.md", quote=article)],
    )


events = st.builds(
    found,
    st.integers(10, 14),
    st.sampled_from(["talks", "meeting", "call"]),
    st.sampled_from(US),
    st.sampled_from(CHINA),
    st.sampled_from("abcdefgh"),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(events, max_size=8), st.lists(events, max_size=3), st.randoms())
def test_merging_is_order_independent(new, stored, rnd):
    stored = list({e.id: e for e in stored}.values())
    first = plan_merge(stored, [], new, set())
    shuffled = list(new)
    rnd.shuffle(shuffled)
    second = plan_merge(list(reversed(stored)), [], shuffled, set())
    assert first == second


@settings(max_examples=60, deadline=None)
@given(st.lists(events, min_size=1, max_size=8))
def test_every_found_source_lands_somewhere_exactly_once(new):
    plan = plan_merge([], [], new, set())
    for event in plan.new:
        articles = [s.article for s in event.sources]
        assert sorted(articles) == sorted(set(articles)) == articles
    cited = {s.article for e in plan.new for s in e.sources}
    assert cited == {e.sources[0].article for e in new}
    for event in new:  # each found event went into a new event of the same contact
        assert any(same_contact(target, event) for target in plan.new)
    assert len({e.id for e in plan.new}) == len(plan.new)


def test_same_contact_rule():
    talks = found(18, "talks", US[0], CHINA[0], "a")
    assert same_contact(talks, found(19, "meeting", US[0], CHINA[0], "b"))
    assert not same_contact(talks, found(20, "talks", US[0], CHINA[0], "b"))
    assert not same_contact(talks, found(18, "call", US[0], CHINA[0], "b"))
    assert not same_contact(talks, found(18, "talks", US[1], CHINA[0], "b"))
    month = found(18, "talks", US[0], CHINA[0], "a")
    month.date = "2023-06"
    assert same_contact(month, found(30, "talks", US[0], CHINA[0], "b"))


def test_a_blocked_id_is_not_written_and_its_article_is_deferred():
    plan = plan_merge(
        [], [], [found(18, "talks", US[0], CHINA[0], "a")], {"2023-06-18-blinken-qin-gang"}
    )
    assert plan.new == [] and plan.deferred == {"content/articles/a.md"}


dates = st.sampled_from(["2023", "2023-06", "2023-07", "2022-12"]) | st.integers(1, 30).map(
    lambda d: f"2023-06-{d:02d}"
)


@st.composite
def stored_events(draw):
    event = found(
        1, draw(st.sampled_from(["talks", "call"])), draw(st.sampled_from(US)), CHINA[0], "s"
    )
    event.date = draw(dates)
    if len(event.date) == 10 and draw(st.booleans()):
        event.end_date = (
            f"2023-{draw(st.sampled_from(['06', '07', '08']))}-{draw(st.integers(1, 28)):02d}"
        )
    event.id = draw(st.from_regex(r"[a-z]{1,6}", fullmatch=True))
    return event


@settings(max_examples=300, deadline=None)
@given(st.lists(stored_events(), max_size=12), stored_events())
def test_the_day_index_finds_what_a_full_scan_finds(stored, probe):
    from timeline.store.merge import _stored_index

    stored = list({s.id: s for s in stored}.values())  # ids are file names: unique
    hits = [s for s in stored if same_contact(s, probe)]
    expected = min(hits, key=lambda s: s.id) if hits else None
    assert _stored_index(stored).match(probe) is expected


@settings(max_examples=300, deadline=None)
@given(st.lists(stored_events(), max_size=12), st.lists(stored_events(), min_size=1, max_size=3))
def test_the_store_index_offers_every_stored_event_a_found_one_can_match(stored, probes):
    from pathlib import Path

    from timeline.store.index import StoreIndex

    stored = list({s.id: s for s in stored}.values())
    index = StoreIndex(Path("events"))
    for event in stored:
        index.add(event, Path(f"events/{event.id}.yml"))
    offered = set(index.candidates(probes))
    assert {s.id for s in stored for p in probes if same_contact(s, p)} <= offered
    for event_id in offered:  # and nothing with other people or far-off days
        event = next(s for s in stored if s.id == event_id)
        assert any(sorted(event.people) == sorted(p.people) for p in probes)
