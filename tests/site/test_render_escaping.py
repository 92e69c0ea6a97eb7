"""Hostile text in every field is shown as text on every generated page and stays inert in
every export (issue 7). Pure rendering: no MkDocs here; tests/plugin/test_build_hostile.py checks
the built site."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hostile import (
    BIDI,
    END_SCRIPT,
    FORMULA,
    IMG,
    MARKDOWN,
    SCRIPT,
    TEMPLATE,
    check_inert,
    hostile_events,
    hostile_people,
)

from timeline.site.index import Site
from timeline.site.markup import esc, is_web_url, link, script_json
from timeline.site.render import RenderOptions, render_files, render_pages

OPTIONS = RenderOptions(today="2024-01-01", edit_base="https://example.org/r/edit/main/content/")


@pytest.fixture
def site() -> Site:
    return Site(hostile_events(), {p.id: p for p in hostile_people()})


def test_every_generated_page_shows_hostile_text_as_text(site: Site):
    pages = list(render_pages(site, OPTIONS))
    kinds = {spec.src_uri.split("/")[0] for spec in pages}
    assert {"index.md", "years", "events", "people", "kinds"} <= kinds
    for spec in pages:
        checker = check_inert(spec.html)
        text = "".join(checker.text)
        assert "<img" not in spec.html.replace("&lt;img", ""), spec.src_uri
        if spec.src_uri.startswith("events/2023-06-18"):
            for needle in (SCRIPT, IMG, TEMPLATE, MARKDOWN, END_SCRIPT.split("<!--")[0]):
                assert needle in text, (spec.src_uri, needle)
            assert "abc[U+202E]evil[U+2066]x" in text


def test_only_http_links_become_anchors(site: Site):
    event_page = next(s for s in render_pages(site, OPTIONS) if "hostile-call" in s.src_uri)
    assert "javascript:" not in event_page.html.replace("[click me](javascript:", "")
    assert 'href="javascript' not in event_page.html
    assert link("javascript:alert(1)", "x") == "x"
    assert link("data:text/html,<b>", "x") == "x"
    assert link("/relative/path", "x") == "x"
    assert link("//evil.example/x", "x") == "x"
    assert link("https:///nohost", "x") == "x"
    assert link('https://ok.example/a?b=1&c="', "ok").startswith(
        '<a href="https://ok.example/a?b=1&amp;c=&quot;"'
    )
    assert not is_web_url(" https://x.example") and not is_web_url("https://x.example/\n")


def test_page_titles_are_plain_text_for_the_plugin_to_escape(site: Site):
    spec = next(s for s in render_pages(site, OPTIONS) if s.src_uri.startswith("events/2023-06"))
    assert spec.title.startswith(SCRIPT)  # the plugin escapes it once, in page.meta


def test_embedded_json_cannot_end_its_script_element():
    text = script_json({"a": END_SCRIPT, "b": "\u2028"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": END_SCRIPT, "b": "\u2028"}


def test_esc_makes_bidi_controls_visible():
    assert esc(BIDI) == "abc[U+202E]evil[U+2066]x"
    assert esc("\"<&>'") == "&quot;&lt;&amp;&gt;&#x27;"


def test_json_exports_read_back_exactly(site: Site):
    files = render_files(site, OPTIONS, None)
    data = json.loads(files["data/events.json"])
    titles = {e["id"]: e["title"] for e in data["events"]}
    assert titles["2023-06-18-hostile-talks"] == f"{SCRIPT} {IMG} {TEMPLATE}"
    compact = json.loads(files["data/timeline.json"])
    assert compact["events"][0][compact["fields"].index("title")] == f"{SCRIPT} {IMG} {TEMPLATE}"


def test_timelinejs_html_fields_are_escaped(site: Site):
    data = json.loads(render_files(site, OPTIONS, None)["data/timelinejs.json"])
    for event in data["events"]:
        for field in ("headline", "text"):
            value = event["text"][field]
            assert "<script" not in value and "<img" not in value, value
    assert data["events"][0]["text"]["headline"].startswith("&lt;script&gt;")
    assert [e["unique_id"] for e in data["events"]] == [e.id for e in site.shown]


def test_csv_guards_formula_cells(site: Site):
    raw = render_files(site, OPTIONS, None)["data/events.csv"].decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert len(rows) == 2
    for row in rows:
        for name, value in row.items():
            assert not value.startswith(("=", "+", "-", "@")), (name, value)
    first, second = rows
    assert first["summary"] == "'" + f"{FORMULA} {MARKDOWN} {END_SCRIPT}"
    assert second["title"].startswith("'+")
    assert second["summary"] == "'@" + TEMPLATE + "\nsecond line; with, commas\\"
    assert first["date"] == "2023-06-18"  # ordinary values are left alone
