"""`deps.affected_pages` names every page an edit changes (checked against the pages whose
text really changes, for edits of each field), and `plan_rebuild` renders only those."""

from __future__ import annotations

import dataclasses
import random

import pytest

from timeline.model import Event
from timeline.site.deps import affected_pages, changed_events, page_digest, plan_rebuild
from timeline.site.index import Site
from timeline.site.page import PageSpec
from timeline.site.render import RenderOptions, render_pages
from timeline.store.synthetic import synthetic_events, synthetic_people

OPTIONS = RenderOptions(today="2026-01-01", drafts_shown=True)
PEOPLE = synthetic_people()
EVENTS = synthetic_events(240, PEOPLE, seed=7)


def bodies(site: Site) -> dict[str, str]:
    return {s.src_uri: page_digest(s) for s in render_pages(site, OPTIONS)}


def really_changed(old: Site, new: Site) -> set[str]:
    before, after = bodies(old), bodies(new)
    return {u for u in before.keys() | after.keys() if before.get(u) != after.get(u)}


def site_of(events: list[Event]) -> Site:
    return Site(events=events, people={p.id: p for p in PEOPLE})


def edits(rng: random.Random) -> list[tuple[str, dict]]:
    """One edit of each field that pages show, on random events."""
    cn = [p.id for p in PEOPLE if p.country == "cn"]
    trips = [e.id for e in EVENTS if e.kind == "visit"]
    return [
        ("title", {"title": "An edited title"}),
        ("summary", {"summary": "An edited summary"}),
        ("date", {"date": f"{rng.randint(1972, 2025)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}),
        ("year", {"date": "1971-05-05"}),  # a new first year: every year page's pager
        ("kind", {"kind": "call"}),
        ("people", {"china": [rng.choice(cn)]}),
        ("place", {"location": "Nowhere"}),
        ("part_of", {"part_of": rng.choice(trips)}),
        ("review", {"review": "rejected"}),
        ("status", {"status": "planned"}),
        ("tags", {"tags": ["edited"]}),
    ]


@pytest.mark.parametrize("seed", range(6))
def test_affected_pages_cover_every_page_an_edit_changes(seed: int):
    rng = random.Random(seed)
    old = site_of(EVENTS)
    for name, change in edits(rng):
        index = rng.randrange(len(EVENTS))
        events = list(EVENTS)
        events[index] = dataclasses.replace(events[index], **change)
        new = site_of(events)
        ids = changed_events(old, new)
        affected = affected_pages(old, new, ids)
        assert affected is not None
        missed = really_changed(old, new) - affected
        assert not missed, f"edit of {name} on {EVENTS[index].id} changes {missed}"


@pytest.mark.parametrize("seed", range(4))
def test_affected_pages_cover_an_added_and_a_deleted_event(seed: int):
    rng = random.Random(seed)
    old = site_of(EVENTS)
    gone = rng.randrange(len(EVENTS))
    deleted = site_of(EVENTS[:gone] + EVENTS[gone + 1 :])
    ids = changed_events(old, deleted)
    assert ids == {EVENTS[gone].id}
    assert not really_changed(old, deleted) - (affected_pages(old, deleted, ids) or set())
    twin = dataclasses.replace(EVENTS[gone], id=EVENTS[gone].id + "-again", title="New one")
    added = site_of([*EVENTS, twin])
    ids = changed_events(old, added)
    assert ids == {twin.id}
    assert not really_changed(old, added) - (affected_pages(old, added, ids) or set())


def test_a_changed_registry_affects_every_page():
    people = {p.id: p for p in PEOPLE}
    first = next(iter(people))
    renamed = {**people, first: dataclasses.replace(people[first], name="Someone Else")}
    old, new = site_of(EVENTS), Site(events=EVENTS, people=renamed)
    assert affected_pages(old, new, changed_events(old, new)) is None


def spec(uri: str, body: str) -> PageSpec:
    return PageSpec(uri, uri.title(), lambda: body)


def test_plan_renders_new_and_changed_pages_and_deletes_removed_ones():
    before = [spec("a.md", "A"), spec("b.md", "B"), spec("c.md", "C")]
    digests = {s.src_uri: page_digest(s) for s in before}
    after = [spec("a.md", "A"), spec("b.md", "B2"), spec("d.md", "D")]
    plan = plan_rebuild(after, digests, affected={"a.md", "b.md"})
    assert plan.render == ["b.md", "d.md"]
    assert plan.removed == ["c.md"]
    assert set(plan.digests) == {"a.md", "b.md", "d.md"}
    assert plan.digests["b.md"] == page_digest(after[1])


def test_plan_keeps_unaffected_pages_without_rendering_them():
    def fail() -> str:
        raise AssertionError("an unaffected page was rendered")

    digests = {"a.md": page_digest(spec("a.md", "A")), "b.md": "kept"}
    plan = plan_rebuild([spec("a.md", "A2"), PageSpec("b.md", "B", fail)], digests, {"a.md"})
    assert plan.render == ["a.md"]
    assert plan.digests["b.md"] == "kept"


def test_plan_with_a_new_banner_renders_every_page():
    before = [spec("a.md", "A"), spec("b.md", "B")]
    digests = {s.src_uri: page_digest(s) for s in before}
    plan = plan_rebuild(before, digests, affected=None, banner="<div>1 problem</div>")
    assert plan.render == ["a.md", "b.md"]
    assert plan_rebuild(before, digests, affected=None).render == []
