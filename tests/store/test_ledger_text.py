"""The ledger's JSON text: what is written reads back the same, one entry per line, keys
sorted, the same bytes every time, whatever the paths, ids and names hold."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.store.ledger import LEDGER_NAME, Ledger, read_ledger, write_ledger
from timeline.store.ledger_json import ABOUT, Article, Contact

TEXT = st.text(max_size=30)
DIGEST = st.binary(min_size=32, max_size=32)
NAMES = st.lists(TEXT, max_size=3).map(tuple)
CLAIMS = st.dictionaries(st.text("0123456789abcdef", min_size=16, max_size=16), TEXT, max_size=3)
ARTICLE = st.builds(Article, DIGEST, NAMES, CLAIMS.map(lambda d: tuple(sorted(d.items()))))
CONTACT = st.builds(Contact, TEXT, st.none() | TEXT, TEXT, NAMES, NAMES)
PATHS = TEXT.map(lambda s: "content/articles/" + s)  # real keys: never `sha256` or `date`
IDS = TEXT.map(lambda s: "2023-06-18-" + s)
LEDGERS = st.builds(
    Ledger,
    st.text(alphabet="0123456789abcdef", max_size=64),
    st.dictionaries(PATHS, ARTICLE, max_size=4),
    st.dictionaries(IDS, CONTACT, max_size=4),
)
FIXTURE = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def plain(ledger: Ledger) -> dict:
    """The ledger as the JSON data a reader without our code should find in the file."""

    def contact(c: Contact) -> dict:
        entry = {"date": c.date, "kind": c.kind, "us": list(c.us), "china": list(c.china)}
        return entry if c.end_date is None else {**entry, "end_date": c.end_date}

    def article(a: Article) -> dict:
        entry = {"sha256": a.sha256.hex(), "events": list(a.events)}
        return {**entry, "claims": dict(a.claims)} if a.claims else entry

    return {
        "people": ledger.people,
        "articles": {k: article(a) for k, a in ledger.articles.items()},
        "events": {k: contact(c) for k, c in ledger.events.items()},
    }


@FIXTURE
@given(LEDGERS)
def test_what_is_written_reads_back_the_same(tmp_path: Path, ledger: Ledger):
    (tmp_path / LEDGER_NAME).unlink(missing_ok=True)
    assert write_ledger(tmp_path, ledger)
    text = (tmp_path / LEDGER_NAME).read_text(encoding="utf-8")
    data = json.loads(text)
    assert data.pop("about").startswith("Written by `timeline extract`; do not edit.")
    assert data == plain(ledger)
    again, problems = read_ledger(tmp_path)
    assert problems == [] and again == ledger and not again.changed
    assert again.to_text() == text  # byte-stable: rewriting what was read changes nothing
    again.changed = True
    assert not write_ledger(tmp_path, again)


@settings(max_examples=200, deadline=None)
@given(LEDGERS)
def test_one_line_per_entry_keys_sorted(ledger: Ledger):
    text = ledger.to_text()
    assert text.endswith("}\n") and "\n\n" not in text
    lines = text.split("\n")[:-1]  # JSON and git count "\n" only (not U+2028)
    structure = {"{", "}", "},", '"articles": {', '"events": {', '"articles": {},', '"events": {},'}
    entries = [
        line
        for line in lines
        if line not in structure and not line.startswith(('"about": ', '"people": '))
    ]
    assert len(entries) == len(ledger.articles) + len(ledger.events)
    for line in entries:
        ((key, value),) = json.loads("{" + line.removesuffix(",") + "}").items()
        assert list(value) == sorted(value)
        assert key in ledger.articles or key in ledger.events
    keys = [next(iter(json.loads("{" + e.removesuffix(",") + "}"))) for e in entries]
    assert keys == sorted(ledger.articles) + sorted(ledger.events)
    assert len(lines) == len(entries) + 8 - (not ledger.articles) - (not ledger.events)


def test_the_layout_is_exactly_this():
    article = Article(bytes(range(32)), ("2023-06-18-blinken-qin-gang",))
    contact = Contact("2023-06-18", None, "talks", ("antony-blinken",), ("qin-gang",))
    ledger = Ledger("ab12", {"content/articles/a.md": article}, {"2023-06-18-x": contact})
    digest = bytes(range(32)).hex()
    assert ledger.to_text().split("\n") == [
        "{",
        '"about": ' + json.dumps(ABOUT) + ",",
        '"articles": {',
        '"content/articles/a.md": {"events": ["2023-06-18-blinken-qin-gang"], '
        f'"sha256": "{digest}"}}',
        "},",
        '"events": {',
        '"2023-06-18-x": {"china": ["qin-gang"], "date": "2023-06-18", "kind": "talks", '
        '"us": ["antony-blinken"]}',
        "},",
        '"people": "ab12"',
        "}",
        "",
    ]
    assert Ledger("").to_text().split("\n")[2:] == [
        '"articles": {},',
        '"events": {},',
        '"people": ""',
        "}",
        "",
    ]


def test_scripts_are_written_as_they_are():
    contact = Contact("2023", None, "talks", ("王毅",), ("антоний",))
    text = Ledger("", {}, {"2023-x-\u2028": contact}).to_text()
    assert '"王毅"' in text and '"антоний"' in text and "\\u" not in text
    assert len(text.split("\n")) == 9  # U+2028 is written raw, still one line per entry
