"""What the generated pages say: dates per precision, months, relations, figures, links."""

from __future__ import annotations

import json
import re

import pytest

from timeline.model import Event, Person, Role, Source
from timeline.site.chart import contacts_chart
from timeline.site.home import key_figures
from timeline.site.index import Site, page_slug
from timeline.site.markup import rel, root_of
from timeline.site.pages import month_groups
from timeline.site.render import RenderOptions, render_files, render_pages

EDIT = "https://example.org/r/edit/main/content/"
OPTIONS = RenderOptions(today="2023-12-31", edit_base=EDIT)


def person(pid: str, country: str, level: str) -> Person:
    name = pid.replace("-", " ").title()
    return Person(pid, name, country, [Role("Office", "2000-01-01")], level=level)


def event(eid: str, date: str, us: list[str], china: list[str], **kw) -> Event:
    return Event(
        id=eid,
        title=f"Title {eid}",
        date=date,
        kind=kw.pop("kind", "meeting"),
        us=us,
        china=china,
        path=f"{date[:4]}/{eid}.yml",
        **kw,
    )


@pytest.fixture
def site() -> Site:
    people = [
        person("ann-a", "us", "leader"),
        person("bo-b", "cn", "leader"),
        person("cy-c", "us", "minister"),
        person("di-d", "cn", "other"),
    ]
    quote = Source(
        outlet="Wire",
        url="https://w.example/1",
        published="2023-06-19",
        language="uk",
        quote="Вони зустрілися у неділю в Пекіні.",
        date_text="неділю",
    )
    events = [
        event(
            "2023-06-17-trip", "2023-06-17", ["cy-c"], ["di-d"], kind="visit", end_date="2023-06-19"
        ),
        event(
            "2023-06-18-a-b",
            "2023-06-18",
            ["ann-a"],
            ["bo-b"],
            part_of="2023-06-17-trip",
            sources=[quote],
        ),
        event("2023-06-x", "2023-06", ["ann-a"], ["bo-b"], precision="month"),
        event("2023-y", "2023", ["ann-a"], ["bo-b"], precision="year"),
        event("2023-09-01-a-b", "2023-09-01", ["ann-a"], ["bo-b"], review="reviewed"),
        event("2022-01-05-c-d", "2022-01-05", ["cy-c"], ["di-d"], kind="call"),
        event("2023-10-01-rejected", "2023-10-01", ["ann-a"], ["bo-b"], review="rejected"),
    ]
    return Site(events, {p.id: p for p in people})


def pages(site: Site) -> dict[str, str]:
    return {spec.src_uri: spec.html for spec in render_pages(site, OPTIONS)}


def test_page_set_and_rejected_events_left_out(site: Site):
    found = pages(site)
    assert {"index.md", "years/index.md", "years/2022.md", "years/2023.md"} <= set(found)
    assert "events/2023-06-18-a-b.md" in found and "people/ann-a.md" in found
    assert "kinds/index.md" in found and "kinds/call.md" in found
    assert not any("rejected" in uri for uri in found)
    assert "rejected" not in found["years/2023.md"]


def test_year_page_groups_by_month_and_writes_dates_for_their_precision(site: Site):
    html = pages(site)["years/2023.md"]
    headings = re.findall(r"<h2 id=\"([a-z-]+)\">", html)
    assert headings == ["june", "september", "month-unknown"]
    for text in ("17–19 June 2023", "18 June 2023", ">June 2023<", ">2023<"):
        assert text in html, text
    assert html.count('class="tl-card"') == 5
    assert 'href="../../people/ann-a/"' in html
    assert "<mark>неділю</mark>" in html and 'lang="uk"' in html
    assert 'href="https://w.example/1"' in html
    assert "tl-review-reviewed" in html and "tl-review-draft" in html


def test_event_page_links_trip_neighbours_and_edit(site: Site):
    found = pages(site)
    meeting = found["events/2023-06-18-a-b.md"]
    assert "Part of" in meeting and 'href="../../events/2023-06-17-trip/"' in meeting
    # A date known to the month or year sorts at the start of that month or year.
    assert re.search(r"Previous: <a href=\"../../events/2023-06-x/\"", meeting)
    assert re.search(r"Next: <a href=\"../../events/2023-09-01-a-b/\"", meeting)
    assert f'href="{EDIT}events/2023/2023-06-18-a-b.yml"' in meeting
    trip = found["events/2023-06-17-trip.md"]
    assert "Contacts during this visit" in trip and "2023-06-18-a-b/" in trip
    assert "Previous: " in trip and "2022-01-05-c-d" in trip and "Next: " not in trip


def test_people_index_by_country_and_level_and_counterparts(site: Site):
    found = pages(site)
    index = found["people/index.md"]
    assert index.index("United States") < index.index("Ann A") < index.index("China")
    assert "<h3>Leaders</h3>" in index and "<h3>Ministers</h3>" in index
    ann = found["people/ann-a.md"]
    assert "Bo B</a> (4)" in ann and "Contacts (4)" in ann


def test_key_figures_count_this_year_and_days_since_leaders(site: Site):
    html = key_figures(site, "2023-12-31")
    values = [re.sub(r"<[^>]+>", "", v) for v in re.findall(r"<dd>(.*?)</dd>", html)]
    # 2023: the trip (its meeting counts with it), June, the year-only one, 1 September;
    # 2023-09-01 → 2023-12-31 is 121 days; 6 published, one of them inside the trip.
    assert values == ["4", "121", "5"]
    assert 'href="years/2023/"' in html


def test_chart_bars_link_to_years_and_count_a_trip_once(site: Site):
    html = contacts_chart(site.top_level)
    bars = re.findall(r'<a class="tl-bar" href="([^"]+)" title="([^"]+)"', html)
    assert bars == [
        ("years/2022/", "2022: 1 contact (1 call)"),
        ("years/2023/", "2023: 4 contacts (3 meetings, 1 visit)"),
    ]
    assert "<th scope='row'>2023</th>" in html
    assert "<svg" not in html  # text labels at the page's size, also on a phone


def test_month_groups_orders_months_then_unknown():
    evs = [
        Event("a", "t", "2020-11-02", "call"),
        Event("b", "t", "2020", "call"),
        Event("c", "t", "2020-02", "call"),
    ]
    assert [g[0] for g in month_groups(evs)] == ["february", "november", "month-unknown"]


def test_relative_links_and_safe_slugs():
    assert root_of("index.md") == "" and rel("index.md", "") == "./"
    assert root_of("events/x.md") == "../../" and root_of("people/index.md") == "../"
    assert page_slug("2023-06-18-ok") == "2023-06-18-ok"
    for bad in ("../../etc/passwd", "/abs", "CON", "a/b", "x" * 300):
        slug = page_slug(bad)
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug), slug
    assert page_slug("CON") != page_slug("con-")


def test_home_lists_latest_contacts_without_javascript(site: Site):
    home = pages(site)["index.md"]
    assert home.count('class="tl-card"') == 6
    assert 'id="tl-filters"' in home and " hidden>" in home
    assert '"data":"data/timeline.json"' in home


def test_an_empty_store_still_renders_every_page_and_export():
    empty = Site([], {})
    uris = [spec.src_uri for spec in render_pages(empty, OPTIONS)]
    assert uris == [
        "index.md", "years/index.md", "people/index.md", "channels.md", "kinds/index.md",
    ]  # fmt: skip
    files = render_files(empty, OPTIONS, None)
    assert json.loads(files["data/events.json"]) == {"events": []}
    assert b"BEGIN:VCALENDAR" in files["data/events.ics"]


def test_events_with_dates_that_cannot_be_written_are_set_aside(site: Site):
    bad = [
        event("2023-13-01-x", "2023-13-01", [], []),
        event("2023-02-30-x", "2023-02-30", [], []),
        event("2023-x", "June 2023", [], []),
        event("2023-06-01-x", "2023-06-01", [], [], end_date="soon"),
    ]
    mixed = Site([*site.events, *bad], site.people)
    assert [e.id for e in mixed.unrenderable] == [e.id for e in bad]
    assert len(mixed.shown) == len(site.shown)
    assert len(list(render_pages(mixed, OPTIONS))) == len(list(render_pages(site, OPTIONS)))
