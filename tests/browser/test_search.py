"""The site search in a real browser: Material's search box driven by the site's own worker
(site_src/assets/search.js) over the index made from the data (timeline/site/search.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def an_event(site_dir: Path) -> dict:
    """One event of the built site, by field name (from its timeline data)."""
    data = json.loads((site_dir / "data/timeline.json").read_text(encoding="utf-8"))
    fields = data["fields"]
    rows = [r for r in data["events"] if r[fields.index("place")]]
    row = dict(zip(fields, rows[len(rows) // 2], strict=True))
    row["names"] = [data["people"][p][0] for p in row["us"] + row["china"]]
    return row


def index_requests(page) -> list[str]:
    found: list[str] = []
    page.on("request", lambda r: found.append(r.url) if "/search/index." in r.url else None)
    return found


def search(page, text: str) -> None:
    page.click("input.md-search__input")
    page.keyboard.type(text, delay=10)


def result_titles(page) -> list[str]:
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # the last keystroke's answer
    return page.locator(".md-search-result__item h1").all_inner_texts()


@pytest.mark.parametrize("path", ["", "years/", "people/"])
def test_no_index_is_fetched_before_the_reader_types(page, server, path):
    asked = index_requests(page)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.click("input.md-search__input")  # focus alone loads nothing either
    page.wait_for_timeout(500)
    assert asked == []
    page.keyboard.type("a")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert len(asked) == 1
    page.watch.assert_clean()


def test_finds_an_event_by_participants_place_and_kind(page, server, site_dir):
    event = an_event(site_dir)
    page.goto(server)
    queries = [
        " ".join(event["names"]),  # participants
        f"{event['names'][0]} {event['place']}",  # a participant and the place
        f"{event['names'][-1]} {event['kind']}",  # a participant and the kind word
    ]
    for query in queries:
        page.fill("input.md-search__input", "")
        search(page, query)
        titles = result_titles(page)
        assert event["title"] in titles or len(titles) == 100, (query, titles[:5])
    page.fill("input.md-search__input", "")
    search(page, " ".join([*event["names"], event["place"], event["kind"]]))
    assert event["title"] in result_titles(page)
    page.watch.assert_clean()


def test_a_result_in_a_sub_folder_page_navigates_to_the_event(page, server, site_dir):
    event = an_event(site_dir)
    page.goto(server + "people/")  # relative URLs from a sub-folder
    search(page, " ".join([*event["names"], event["place"]]))
    link = page.locator(".md-search-result__item a", has_text=event["title"]).first
    link.wait_for(timeout=10_000)
    link.click()
    page.wait_for_url(f"**/events/{event['slug']}/**")
    assert event["title"] in page.inner_text("article h1")
    page.watch.assert_clean()


def test_hand_written_pages_stay_searchable(page, server):
    page.goto(server)
    search(page, "Methodology")
    assert "Methodology" in " ".join(result_titles(page))
    page.watch.assert_clean()


def test_text_from_the_data_is_escaped_in_results(page, server):
    page.goto(server)
    search(page, "Ann")  # the hostile person's name holds a script tag
    result_titles(page)
    assert page.locator(".md-search-result script").count() == 0
    page.watch.assert_clean()
