"""The time view and the reader's pages in a real browser: zoom, pan and keyboard; filters
driving the view, the counts, the list and the URL together; the legend as a filter; the
channels page; search ranking; no-JS parity; the phone layout; 404 under a sub-path; and
the filter-change time over 10,000 events (measured and printed, not asserted)."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from test_site import PERMALINK, open_home, status_count, timeline_data

pytestmark = pytest.mark.browser
DAY = 86_400_000


def view_span(page) -> float:
    return page.evaluate("window.timelineApp.view.t1 - window.timelineApp.view.t0")


def test_zoom_and_pan_with_the_mouse_buttons_and_keyboard(page, server):
    open_home(page, server)
    full = view_span(page)
    page.locator(".tl-view-svg").scroll_into_view_if_needed()
    box = page.locator(".tl-view-svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] / 2)
    for _ in range(6):
        page.mouse.wheel(0, -200)
    page.wait_for_function(f"window.timelineApp.view.t1 - window.timelineApp.view.t0 < {full / 3}")
    zoomed = view_span(page)
    assert "start=" in page.url and "end=" in page.url
    before = page.evaluate("window.timelineApp.view.t0")
    page.mouse.move(box["x"] + 200, box["y"] + 60)
    page.mouse.down()
    page.mouse.move(box["x"] + 400, box["y"] + 60, steps=5)
    page.mouse.up()
    assert page.evaluate("window.timelineApp.view.t0") < before  # dragged right: earlier
    assert abs(view_span(page) - zoomed) < DAY
    page.focus(".tl-view-svg")
    for _ in range(12):
        page.keyboard.press("+")
    assert view_span(page) <= 7 * DAY + 1  # down to a single week
    page.keyboard.press("0")
    assert view_span(page) == pytest.approx(full)
    t0 = page.evaluate("window.timelineApp.view.t0")
    page.click("text=Zoom in")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("window.timelineApp.view.t0") > t0
    page.watch.assert_clean()


def test_keyboard_steps_through_contacts_and_enter_opens_one(page, server):
    open_home(page, server)
    page.focus(".tl-view-svg")
    page.keyboard.press(".")
    card = page.locator(".tl-view-card")
    assert card.is_visible()
    title = page.evaluate("window.timelineApp.view.focused.title")
    assert title in card.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(PERMALINK)
    assert page.inner_text("article h1") == title
    page.watch.assert_clean()


def test_hover_shows_the_card_and_a_click_opens_the_permalink(page, server):
    open_home(page, server)
    page.locator(".tl-view-svg").scroll_into_view_if_needed()
    spot = page.evaluate(
        """() => { const v = window.timelineApp.view, b = v.svg.getBoundingClientRect();
        const e = v.visible.flat()[0]; return [b.x + e.x + e.w / 2, b.y + e.y + 3, e.title]; }"""
    )
    page.mouse.move(spot[0], spot[1])
    assert page.locator(".tl-view-card").is_visible()
    title = page.inner_text(".tl-view-card .tl-title")
    page.mouse.click(spot[0], spot[1])
    page.wait_for_url(PERMALINK)
    assert page.inner_text("article h1") == title
    page.watch.assert_clean()


def test_filters_drive_view_counts_list_and_url(page, server, site_dir):
    data = timeline_data(site_dir)
    f = {name: i for i, name in enumerate(data["fields"])}
    open_home(page, server)
    marks = "window.timelineApp.view.visible.reduce((n, lane) => n + lane.length, 0)"
    assert page.evaluate(marks) == len(data["events"])
    page.click(".tl-legend-item[data-kind='call']")  # the legend is a filter
    calls = [r for r in data["events"] if r[f["kind"]] == "call"]
    assert page.input_value("select[name=kind]") == "call"
    assert status_count(page) == len(calls) == page.evaluate(marks)
    assert page.get_attribute(".tl-legend-item[data-kind='call']", "aria-pressed") == "true"
    page.select_option("select[name=channel]", "defense")
    both = [r for r in calls if r[f["channel"]] == "defense"]
    assert 0 < len(both) < len(calls)
    assert status_count(page) == len(both) == page.evaluate(marks)
    assert page.locator("#tl-results li.tl-card").count() == min(len(both), 100)
    query = parse_qs(urlsplit(page.url).query)
    assert query["kind"] == ["call"] and query["channel"] == ["defense"]
    page.select_option("select[name=lanes]", "channel")
    labels = page.locator(".tl-lane-label").evaluate_all("ns => ns.map(n => n.textContent)")
    assert [label.split(" (")[0] for label in labels][:2] == ["Leaders", "Foreign policy"]
    page.fill("input[name=from]", "2000")
    page.fill("input[name=to]", "2005")
    page.wait_for_function("location.search.includes('to=2005')")
    years = page.evaluate("[new Date(window.timelineApp.view.t0).getUTCFullYear(), "
                          "new Date(window.timelineApp.view.t1 - 1).getUTCFullYear()]")  # fmt: skip
    assert years == [2000, 2005]  # the years zoom the view too
    page.reload()
    page.wait_for_selector("#tl-results li.tl-card, #tl-status")
    page.wait_for_function("window.timelineApp")
    assert page.input_value("select[name=lanes]") == "channel"
    assert page.input_value("select[name=channel]") == "defense"
    page.watch.assert_clean()


def card_texts(page) -> list[str]:
    return page.locator("#tl-results .tl-card").evaluate_all(
        "cards => cards.map(c => c.innerText.replace(/\\s+/g, ' ').trim())"
    )


def test_the_list_shows_what_the_page_without_javascript_shows(browser, server):
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(server)
    without = card_texts(plain)
    context.close()
    context = browser.new_context()
    page = context.new_page()
    open_home(page, server)
    with_js = card_texts(page)[: len(without)]
    context.close()
    assert len(without) == 25
    assert with_js == without  # date, kind, place, review, title, both sides, summary


def test_channels_page_lists_channels_gaps_and_years(page, server):
    page.goto(server + "channels/")
    headings = page.locator("article h2").all_inner_texts()
    for name in ("Leaders", "Foreign policy", "Defense", "Trade and economy", "Climate"):
        assert any(h.startswith(name) for h in headings), headings
    assert page.locator(".tl-gaps li").count() >= 3
    assert page.locator(".tl-channels-table tbody tr").count() >= 10
    page.goto(server + "events/2023-06-18-hostile-talks/")
    page.click(".tl-facts a[href*='channels/#']")
    page.wait_for_url(re.compile(r"/channels/#[a-z]+$"))
    page.watch.assert_clean()


def test_search_finds_events_before_people_and_skips_the_filter_form(page, server, site_dir):
    from buildkit import search_docs  # tests/ is on the path once the site is built

    home = [d for d in search_docs(site_dir) if d["location"] == ""]
    assert home and not any("All kinds" in d["text"] or "Anyone" in d["text"] for d in home)
    with page.expect_response("**/search/search_index.json"):
        page.goto(server)
    page.wait_for_load_state("networkidle")
    page.click("input.md-search__input")
    page.keyboard.type("Person036", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    links = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    first_person = next((i for i, href in enumerate(links) if "people/" in href), len(links))
    assert any("events/" in href for href in links[:first_person]), links
    texts = page.locator(".md-search-result__item").all_inner_texts()
    assert not [t for t in texts if re.search(r"(Date|Status|Place)[0-9A-Z]", t)], texts
    page.watch.assert_clean()


def test_phone_layout_has_no_sideways_scroll_and_a_readable_chart(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    for path in ("", "channels/", "events/2023-06-18-hostile-talks/", "years/2023/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    page.goto(server)
    page.wait_for_selector(".tl-view-svg")
    sizes = page.locator(".tl-bar-year").evaluate_all(
        "labels => labels.filter(l => getComputedStyle(l).visibility === 'visible')"
        ".map(l => parseFloat(getComputedStyle(l).fontSize))"
    )
    assert sizes and min(sizes) >= 10  # the chart's year labels stay readable
    assert page.locator(".tl-chart a.tl-bar").count() >= 5  # bars are links to years
    box = page.locator(".tl-view-svg").bounding_box()
    assert box["width"] <= 390
    context.close()


class SubPath(http.server.SimpleHTTPRequestHandler):
    """The site under /uschina-timeline/, answering 404.html for a missing page."""

    def translate_path(self, path: str) -> str:
        prefix = "/uschina-timeline/"
        clean = urlsplit(path).path
        inner = clean[len(prefix) :] if clean.startswith(prefix) else "missing"
        return super().translate_path("/" + inner)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_404_under_the_site_sub_path_finds_its_styles(browser, site_dir):
    handler = functools.partial(SubPath, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        page = context.new_page()
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        base = f"http://127.0.0.1:{httpd.server_address[1]}/uschina-timeline/"
        page.goto(base + "no/such/page/")
        assert "404" in page.inner_text("article")
        assert failed == [base + "no/such/page/"], failed  # styles and scripts all found
        color = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
        assert color in ("sticky", "fixed")  # Material's stylesheet applied
        context.close()
    finally:
        httpd.shutdown()
        httpd.server_close()


def synthetic_data(count: int) -> dict:
    kinds = ["meeting", "talks", "call", "visit", "summit", "message"]
    levels, channels = ["leader", "minister", "other"], ["leaders", "foreign", "defense", "economy"]
    events = []
    for i in range(count):
        year, month, day = 1972 + i % 54, 1 + i % 12, 1 + i % 28
        date = f"{year}-{month:02d}-{day:02d}"
        events.append([
            f"e{i}", date, None, kinds[i % 6], f"Contact {i}", "Place",
            levels[i % 3], "reviewed", ["p1"], ["p2"], f"Summary {i}", channels[i % 4], None,
        ])  # fmt: skip
    events.sort(key=lambda row: row[1])
    return {"people": {"p1": ["One", "us", "leader"], "p2": ["Two", "cn", "leader"]},
            "bands": [], "events": events}  # fmt: skip


def test_filter_change_time_over_ten_thousand_events(page, server, site_dir):
    """Measured and printed (see docs/benchmarks.md), not asserted: timing is not a test."""
    fields = timeline_data(site_dir)["fields"]
    big = {"fields": fields, **synthetic_data(10_000)}
    page.route(
        "**/data/timeline.json",
        lambda route: route.fulfill(body=json.dumps(big), content_type="application/json"),
    )
    open_home(page, server)
    assert status_count(page) == 10_000
    times = page.evaluate(
        """() => { const a = window.timelineApp, out = [];
        for (const kind of ['call', '', 'visit', 'meeting', '', 'talks', '']) {
          a.form.elements.kind.value = kind; a.update(); out.push(a.lastRender); }
        return out; }"""
    )
    times.sort()
    print(f"\n10,000 events, filter change: median {times[len(times) // 2]:.1f} ms, "
          f"max {times[-1]:.1f} ms over {len(times)} changes")  # fmt: skip
    assert status_count(page) == 10_000  # the last change cleared the filter
    page.watch.assert_clean()
