"""The published site in a real browser: the timeline, its filters, permalinks, search,
keyboard use, console and network hygiene, accessibility (axe-core) and TimelineJS."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser
PERMALINK = re.compile(r"/events/[a-z0-9-]+/(\?[^#]*)?$")


def timeline_data(site_dir: Path) -> dict:
    return json.loads((site_dir / "data/timeline.json").read_text(encoding="utf-8"))


def open_home(page, server: str, query: str = "") -> None:
    page.goto(server + query)
    page.wait_for_selector("#tl-filters:not([hidden])")
    page.wait_for_function("window.timelineApp && window.timelineApp.lastRender !== undefined")


def status_count(page) -> int:
    return int(page.inner_text("#tl-status").split()[0])


def test_home_timeline_shows_events_and_filters_change_list_and_url(page, server, site_dir):
    data = timeline_data(site_dir)
    kind_at = data["fields"].index("kind")
    open_home(page, server)
    assert status_count(page) == len(data["events"])
    assert page.locator("#tl-results li.tl-card").count() == 100  # first page of results
    page.select_option("select[name=kind]", "call")
    calls = sum(1 for row in data["events"] if row[kind_at] == "call")
    page.wait_for_function(
        f"document.querySelector('#tl-status').textContent.startsWith('{calls} ')"
    )
    badges = page.locator("#tl-results .tl-kind").all_inner_texts()
    assert badges and set(badges) == {"Call"}
    assert parse_qs(urlsplit(page.url).query) == {"kind": ["call"]}
    page.fill("input[name=q]", "Person036")
    page.wait_for_function("location.search.includes('q=Person036')")
    people = page.locator("#tl-results .tl-people").all_inner_texts()
    assert people and all("Person036" in text for text in people)
    page.click("#tl-filters button[type=reset]")
    page.wait_for_function("location.search === ''")
    assert status_count(page) == len(data["events"])
    page.watch.assert_clean()


def test_filter_state_in_url_is_restored(page, server, site_dir):
    data = timeline_data(site_dir)
    date_at, level_at = data["fields"].index("date"), data["fields"].index("level")
    expected = [r for r in data["events"] if "1990" <= r[date_at][:4] <= "1999"]
    leaders = [r for r in expected if r[level_at] == "minister"]
    assert leaders  # else the test below proves nothing
    open_home(page, server, "?from=1990&to=1999&level=minister")
    assert page.input_value("input[name=from]") == "1990"
    assert page.input_value("select[name=level]") == "minister"
    assert status_count(page) == len(leaders)
    page.watch.assert_clean()


def test_permalink_from_timeline_and_from_year_page(page, server):
    open_home(page, server)
    first = page.locator("#tl-results li.tl-card .tl-title a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(PERMALINK)
    assert page.inner_text("article h1") == title
    page.goto(server + "years/1990/")
    card = page.locator("article.tl-card h3 a").first
    title = card.inner_text()
    card.click()
    page.wait_for_url(PERMALINK)
    assert page.inner_text("article h1") == title
    editors = page.locator("details.tl-editors")
    assert editors.count() == 1 and not page.is_visible("text=Edit this entry")
    editors.locator("summary").click()  # collapsed until an editor opens it
    assert page.is_visible("text=Edit this entry")
    page.watch.assert_clean()


def test_search_finds_an_event_by_participant_name(page, server, site_dir):
    with page.expect_response("**/search/search_index.json"):
        page.goto(server)
    page.wait_for_load_state("networkidle")
    page.click("input.md-search__input")
    page.keyboard.type("Person036", delay=20)  # key by key, as a person types
    result = page.locator(".md-search-result__item a[href*='events/']").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url(PERMALINK)
    assert "Person036" in page.inner_text("article")
    page.watch.assert_clean()


def focused(page) -> str:
    return page.evaluate(
        """() => { const e = document.activeElement;
        const title = e.closest('#tl-results .tl-title') ? 'result' : '';
        return e.tagName + '|' + (e.name || '') + '|' + title
        + '|' + (e.getAttribute('class') || ''); }"""
    )


def test_keyboard_alone_reaches_filters_time_view_and_events(page, server):
    open_home(page, server)
    seen = []
    for _ in range(150):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if seen[-1].split("|")[2] == "result":  # a contact's title link in the list
            break
    names = {entry.split("|")[1] for entry in seen}
    assert {"q", "kind", "person", "level", "channel", "from", "to", "lanes"} <= names, seen
    assert any("tl-view-svg" in entry for entry in seen), seen
    assert any("tl-legend-item" in entry for entry in seen), seen
    assert seen[-1].split("|")[2] == "result", seen
    page.keyboard.press("Enter")
    page.wait_for_url(PERMALINK)
    page.watch.assert_clean()


def test_no_console_errors_and_nothing_from_other_hosts(page, server, site_dir):
    for path in ("", "years/", "years/2023/", "events/2023-06-18-hostile-talks/",
                 "people/", "people/us-hostile/", "kinds/call/", "data/", "about/",
                 "methodology/", "channels/"):  # fmt: skip
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    # 404.html finds its files under the site's sub-path: test_404_under_the_site_sub_path
    page.watch.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path", ["", "years/2023/", "events/2023-06-18-hostile-talks/", "channels/", "people/"]
)
def test_axe_finds_no_serious_violations(browser, server, node_modules, path, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + path)
    if not path:
        page.wait_for_selector("#tl-results li.tl-card")
    page.add_script_tag(path=str(node_modules / "axe-core/axe.min.js"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, bad


HARNESS = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>TimelineJS check</title>
<link rel="stylesheet" href="/__node_modules__/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="/__node_modules__/@knight-lab/timelinejs/dist/js/timeline.js"></script>
</head><body><div id="timeline-embed" style="width:100%;height:600px"></div>
<script>
window.timeline = new TL.Timeline("timeline-embed", location.origin + "/data/timelinejs.json",
  {script_path: location.origin + "/__node_modules__/@knight-lab/timelinejs/dist/js/",
   language: "en"});
</script></body></html>"""


def test_timelinejs_renders_the_export(browser, server, site_dir, node_modules):
    (site_dir / "__timelinejs_check.html").write_text(HARNESS, encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # TimelineJS may ask other hosts for fonts or analytics: refuse, the test is offline.
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else r.abort())
    page.goto(server + "__timelinejs_check.html")
    page.wait_for_selector(".tl-slide", state="attached", timeout=20_000)
    data = json.loads((site_dir / "data/timelinejs.json").read_text(encoding="utf-8"))
    slides = page.locator(".tl-slide").count()
    assert slides == len(data["events"]) + 1  # plus the title slide
    ids = page.evaluate("window.timeline.config.events.map(e => e.unique_id)")
    assert sorted(ids) == sorted(e["unique_id"] for e in data["events"])
    headlines = page.evaluate(
        "[...document.querySelectorAll('.tl-slide .tl-headline')].map(e => e.textContent)"
    )
    assert any(text.startswith("<script>alert(") for text in headlines)  # shown as text
    assert not dialogs
    context.close()


def test_without_javascript_the_home_page_lists_contacts(browser, server, site_dir):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server)
    cards = page.locator("#tl-results article.tl-card")
    assert cards.count() == 25
    assert not page.is_visible("#tl-filters")  # the filters need the script
    assert page.locator("#tl-status a[href='years/']").count() == 1
    context.close()
