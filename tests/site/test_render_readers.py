"""What a reader sees: drafts left out, sources with links and languages, the editors' part
collapsed, levels both sides reach, channels and their gaps, per-page descriptions."""

from __future__ import annotations

import re

from timeline.model import Event, Person, Role, Source
from timeline.site.channels import by_channel, channel_of, channels_html, longest_gaps
from timeline.site.index import Site
from timeline.site.render import RenderOptions, render_pages

EDIT = "https://example.org/r/edit/main/content/"
OPTIONS = RenderOptions(today="2024-12-31", edit_base=EDIT)


def person(pid: str, country: str, level: str, title: str) -> Person:
    return Person(pid, pid.title(), country, [Role(title, "2000-01-01")], level=level)


PEOPLE = {
    p.id: p
    for p in (
        person("pres-us", "us", "leader", "President"),
        person("pres-cn", "cn", "leader", "President"),
        person("sec-state", "us", "minister", "Secretary of State"),
        person("sec-def", "us", "minister", "Secretary of Defense"),
        person("min-def", "cn", "minister", "Minister of National Defense"),
        person("min-fa", "cn", "minister", "Minister of Foreign Affairs"),
    )
}


def event(eid: str, date: str, us: list[str], china: list[str], **kw) -> Event:
    kind = kw.pop("kind", "meeting")
    review = kw.pop("review", "reviewed")
    return Event(eid, f"Title {eid}", date, kind, us=us, china=china, review=review, **kw)


def test_drafts_are_left_out_unless_asked_for():
    events = [event("a", "2023-01-01", [], [], review="draft"), event("b", "2023-02-01", [], [])]
    assert [e.id for e in Site(events, {}, include_drafts=False).shown] == ["b"]
    assert [e.id for e in Site(events, {}, include_drafts=True).shown] == ["a", "b"]


def test_draft_page_has_a_banner_and_a_reviewed_page_none():
    events = [event("d", "2023-01-01", [], [], review="draft"), event("r", "2023-02-01", [], [])]
    found = {s.src_uri: s.html for s in render_pages(Site(events, {}), OPTIONS)}
    assert "tl-draft-banner" in found["events/d.md"]
    assert "tl-draft-banner" not in found["events/r.md"]


def test_leader_level_needs_a_leader_on_each_side():
    site = Site([], PEOPLE)
    assert site.level_of(event("x", "2023", ["pres-us"], ["pres-cn"])) == "leader"
    assert site.level_of(event("x", "2023", ["sec-state"], ["pres-cn"])) == "minister"
    assert site.level_of(event("x", "2023", ["pres-us"], [])) == "leader"


def test_channel_from_offices_held():
    site = Site([], PEOPLE)
    assert channel_of(event("x", "2023", ["pres-us"], ["pres-cn"]), site) == "leaders"
    assert channel_of(event("x", "2023", ["sec-def"], ["min-def"]), site) == "defense"
    assert channel_of(event("x", "2023", ["sec-state"], ["pres-cn"]), site) == "foreign"
    assert channel_of(event("x", "2023", ["sec-state", "sec-def"], ["min-fa"]), site) == "foreign"
    assert channel_of(event("x", "2023", [], []), site) == "others"


def test_a_suspended_channel_shows_as_its_longest_gap_and_counts_trips_once():
    events = [
        event("d1", "2022-06-10", ["sec-def"], ["min-def"]),
        event("d2", "2023-11-15", ["sec-def"], ["min-def"]),
        event("d3", "2024-01-05", ["sec-def"], ["min-def"]),
        event("trip", "2024-04-01", ["sec-def"], ["min-def"], kind="visit"),
        event("inner", "2024-04-02", ["sec-def"], ["min-def"], part_of="trip"),
    ]
    site = Site(events, PEOPLE)
    found = by_channel(site, "2024-12-31")
    assert [e.id for e in found["defense"]] == ["d1", "d2", "d3", "trip"]
    days, before, after = longest_gaps(found["defense"], "2024-12-31")[0]
    assert (days, before.id, after.id) == (523, "d1", "d2")
    html = channels_html(site, "2024-12-31")
    assert "17 months" in html and "and counting" in html
    assert re.search(r'<h2 id="defense">Defense <span class="tl-count">4 contacts', html)


def test_sources_for_readers_and_editors_part_collapsed():
    article = Source(
        outlet="Wire", url="https://w.example/1", published="2023-06-19", language="uk",
        quote="Вони зустрілися у неділю.", date_text="неділю", article="content/articles/x.md",
    )  # fmt: skip
    record = Source(outlet="Office of the Historian", record="4145", language="en")
    bad = Source(outlet="Odd", url="javascript:alert(1)", language="ru", quote="Текст")
    e = event("e", "2023-06-18", [], [], sources=[article, record, bad], path="2023/e.yml")
    e.summary = "They met on Sunday."
    spec = next(s for s in render_pages(Site([e], {}), OPTIONS) if s.src_uri == "events/e.md")
    html = spec.html
    assert '<a href="https://w.example/1" rel="noopener nofollow">Read the original</a>' in html
    assert 'href="https://history.state.gov/departmenthistory/"' in html
    assert "javascript:" not in html and "no link to the original" in html
    assert ">Ukrainian<" in html and "<mark>неділю</mark>" in html
    assert '<p class="tl-lang">English summary</p><p lang="en">They met on Sunday.</p>' in html
    editors = html.split('<details class="tl-editors"', 1)[1]
    assert "<summary>For editors</summary>" in editors
    assert f'href="{EDIT}events/2023/e.yml"' in editors
    assert (
        "content/articles/x.md" in editors
        and "content/articles/x.md" not in html.split('<details class="tl-editors"')[0]
    )
    assert "Permalink id" not in html
    assert spec.description == "They met on Sunday." and spec.boost == 2
