"""The search index made from the data: words, documents, file format."""

from __future__ import annotations

import json

from timeline.model import Event, Person, Role
from timeline.site.index import Site
from timeline.site.page import PageSpec
from timeline.site.search import (
    event_doc,
    hand_written_docs,
    page_url,
    search_index_files,
)
from timeline.site.searchindex import SearchDoc, index_data, words

BLINKEN = Person(
    "antony-blinken", "Antony Blinken", "us", [Role("Secretary of State", "2021-01-26")],
    names={"en": ["Tony Blinken"], "ru": ["Энтони Блинкен"], "zh": ["安东尼·布林肯"]},
    short="Blinken", level="minister",
)  # fmt: skip
WANG = Person("wang-yi", "Wáng Yì", "cn", [Role("Minister of Foreign Affairs", "2013-03-16")])


def site() -> Site:
    event = Event(
        id="2023-06-18-blinken-wang-beijing", title="Blinken meets Wang Yi in Beijing",
        date="2023-06-18", kind="meeting", review="reviewed", us=["antony-blinken"],
        china=["wang-yi"], location="Beijing", summary="They met <b>at length</b>.",
    )  # fmt: skip
    return Site([event], {p.id: p for p in (BLINKEN, WANG)})


def test_words_fold_case_and_accents_and_index_cjk_suffixes():
    assert words("Wáng Yì, O'Brien-Smith 2023") == ["wang", "yi", "o", "brien", "smith", "2023"]
    assert words("安东尼·布林肯") == ["安东尼", "东尼", "尼", "布林肯", "林肯", "肯"]
    assert words("Энтони") == ["энтони"]


def test_page_url_follows_mkdocs():
    assert page_url("index.md") == ""
    assert page_url("people/index.md") == "people/"
    assert page_url("events/x.md") == "events/x/"
    assert page_url("events/x.md", directory_urls=False) == "events/x.html"


def test_an_event_is_found_by_every_name_form_place_and_kind():
    s = site()
    doc = event_doc(s.shown[0], s)
    found = set(words(f"{doc.title} {doc.text} {doc.keywords}"))
    for form in ("tony", "блинкен", "布林肯", "wang", "beijing", "meeting", "2023"):
        assert form in found, form
    assert doc.location == "events/2023-06-18-blinken-wang-beijing/"
    assert doc.text.startswith("18 June 2023. ")


def test_hand_written_entries_become_plain_text():
    [doc] = hand_written_docs([{"location": "data/#csv", "title": "<code>a.csv</code>",
                                "text": "<p>Columns &amp; <code>id</code></p>"}])  # fmt: skip
    assert (doc.title, doc.text) == ("a.csv", "Columns & id")


def test_postings_decode_to_documents_and_fields():
    docs = [SearchDoc("a/", "Bali", "", ""), SearchDoc("b/", "x", "in Bali", "bali")]
    data = index_data(docs)
    codes = data["postings"][data["terms"].index("bali")]
    decoded, number = [], 0
    for code in codes:
        number += code >> 3
        decoded.append((number, code & 7))
    assert decoded == [(0, 1), (1, 2 | 4)]


def test_the_manifest_holds_no_documents_and_names_the_index():
    s = site()
    specs = [PageSpec("events/2023-06-18-blinken-wang-beijing.md", "t", str, boost=2)]
    material = {"config": {"lang": ["en"]}, "docs": [{"location": "about/", "title": "About",
                                                      "text": "<p>Us</p>"}]}  # fmt: skip
    files = search_index_files(s, specs, material)
    manifest = json.loads(files["search/search_index.json"])
    assert manifest["docs"] == [] and manifest["config"]["lang"] == ["en"]
    index = json.loads(files[manifest["config"]["timeline_index"]])
    assert [d[0] for d in index["docs"]] == ["events/2023-06-18-blinken-wang-beijing/", "about/"]
    assert index["docs"][0][3] == 2
    assert "<b>" in index["docs"][0][2]  # plain text: the worker escapes it when shown
