"""The ledger's text: JSON with one entry per line, read straight into compact tuples.

    {
    "about": "Written by `timeline extract`; do not edit. …",
    "articles": {
    "content/articles/uk/2023/….md": {"events": ["2023-06-18-…"], "sha256": "842d…"},
    …
    },
    "events": {
    "2023-06-18-…": {"china": ["qin-gang"], "date": "2023-06-18", "kind": "talks", "us": […]},
    …
    },
    "people": "004e…"
    }

Keys are sorted everywhere, so the same ledger is always the same bytes, a changed article is
a one-line diff and a merge conflict lands on whole lines. Reading builds each entry as a tuple
the moment the JSON parser closes its object (no dict per entry is ever held), with repeated
strings (dates, kinds, people, event ids) shared, so a large ledger stays small in memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

ABOUT = (
    "Written by `timeline extract`; do not edit. Which article (by content hash) gave which "
    "events, so unchanged articles are skipped and deleted events stay deleted. "
    "See docs/editors.md, 'The ledger'."
)
SECTIONS = ("articles", "events")
TOP_KEYS = frozenset({"about", "people", *SECTIONS})
ARTICLE_KEYS = frozenset({"sha256", "events"})
ARTICLE_ALL_KEYS = ARTICLE_KEYS | {"claims"}
CONTACT_REQUIRED = frozenset({"date", "kind", "us", "china"})
CONTACT_KEYS = CONTACT_REQUIRED | {"end_date"}
ARTICLE_SHAPE = "events, sha256 (and claims)"
CONTACT_SHAPE = "china, date, kind, us (and end_date)"
SHA256 = re.compile(r"[0-9a-f]{64}")


class Article(NamedTuple):
    """An article as last read: the SHA-256 of its bytes and the ids of the events it gave."""

    sha256: bytes  # the 32 bytes (written as 64 hex digits)
    events: tuple[str, ...]
    claims: tuple[tuple[str, str], ...] = ()  # (claim, event id) pairs, sorted


class Contact(NamedTuple):
    """What an event looked like when written, to recognise it once an editor deleted it."""

    date: str
    end_date: str | None
    kind: str
    us: tuple[str, ...]
    china: tuple[str, ...]


@dataclass(frozen=True)
class Malformed:
    """An entry that is not what `timeline extract` writes, and why."""

    message: str


@dataclass(frozen=True)
class Wrong:
    """Where the ledger's data is not a ledger: the entry (section, key) or None, and why."""

    section: str | None
    key: str | None
    message: str


def found(value: object) -> str:
    """A short JSON rendering of what was found instead."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


def _line(key: str, value: object) -> str:
    return json.dumps(key, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False)


def _article_json(article: Article) -> dict[str, Any]:
    entry: dict[str, Any] = {"claims": dict(article.claims)} if article.claims else {}
    return {**entry, "events": list(article.events), "sha256": article.sha256.hex()}


def _contact_json(contact: Contact) -> dict[str, Any]:
    entry: dict[str, Any] = {"china": list(contact.china), "date": contact.date}
    if contact.end_date is not None:
        entry["end_date"] = contact.end_date
    return {**entry, "kind": contact.kind, "us": list(contact.us)}  # keys in sorted order


def _section(name: str, lines: Iterable[str]) -> Iterator[str]:
    """`"name": {`, the entries' lines joined by commas, `},` (one string per entry)."""
    yield f'"{name}": {{'
    separator = "\n"
    for line in lines:
        yield separator + line
        separator = ",\n"
    yield "},\n" if separator == "\n" else "\n},\n"


def to_chunks(
    people: str, articles: dict[str, Article], events: dict[str, Contact]
) -> Iterator[str]:
    """The whole ledger a line at a time: one entry per line, keys sorted, newline at the end."""
    yield "{\n"
    yield _line("about", ABOUT) + ",\n"
    yield from _section(
        "articles", (_line(k, _article_json(articles[k])) for k in sorted(articles))
    )
    yield from _section("events", (_line(k, _contact_json(events[k])) for k in sorted(events)))
    yield _line("people", people) + "\n}\n"


def to_text(people: str, articles: dict[str, Article], events: dict[str, Contact]) -> str:
    """The whole ledger as one text (what `to_chunks` writes)."""
    return "".join(to_chunks(people, articles, events))


class Builder:
    """Makes entries out of parsed objects, sharing each repeated string and list of people.

    As `object_pairs_hook` it sees every JSON object as soon as it is closed: one with the keys
    of an article entry becomes an `Article`, one with those of an event a `Contact` (or either
    becomes `Malformed`); `wrong_shapes` then checks that each is where it belongs. (So an
    article path or event id may not be `sha256` or `date`: they start `content/` or a year.)
    """

    def __init__(self) -> None:
        self.pool: dict[Any, Any] = {}
        self.duplicates: list[str] = []

    def share(self, value: Any) -> Any:
        return self.pool.setdefault(value, value)

    def __call__(self, pairs: list[tuple[str, Any]]) -> Any:
        data = dict(pairs)
        if len(data) != len(pairs):
            self.duplicates += _repeated(k for k, _ in pairs)
        if ARTICLE_KEYS <= data.keys() <= ARTICLE_ALL_KEYS:
            return self.article(data)
        if CONTACT_REQUIRED <= data.keys() <= CONTACT_KEYS:
            return self.contact(data)
        return {self.pool.get(k, k): v for k, v in data.items()}  # event ids as the articles'

    def _names(self, data: dict, key: str) -> tuple[str, ...] | Malformed:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return Malformed(f"{key}: expected a list of texts, found {found(value)}")
        return self.share(tuple(self.share(v) for v in value))

    def article(self, data: dict) -> Article | Malformed:
        if not ARTICLE_KEYS <= data.keys() <= ARTICLE_ALL_KEYS:
            return Malformed(f"expected the keys {ARTICLE_SHAPE}, found {found(sorted(data))}")
        digest = data["sha256"]
        if not isinstance(digest, str) or not SHA256.fullmatch(digest):
            return Malformed(f"sha256: expected 64 lowercase hex digits, found {found(digest)}")
        events = self._names(data, "events")
        if isinstance(events, Malformed):
            return events
        claims = data.get("claims", {})
        if not isinstance(claims, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in claims.items()
        ):
            return Malformed(f"claims: expected claim keys to event ids, found {found(claims)}")
        pairs = tuple(sorted((self.share(k), self.share(v)) for k, v in claims.items()))
        return Article(bytes.fromhex(digest), events, pairs)

    def contact(self, data: dict) -> Contact | Malformed:
        if not CONTACT_REQUIRED <= data.keys() <= CONTACT_KEYS:
            return Malformed(f"expected the keys {CONTACT_SHAPE}, found {found(sorted(data))}")
        date, end_date, kind = data["date"], data.get("end_date"), data["kind"]
        for key, value in (("date", date), ("end_date", end_date), ("kind", kind)):
            if not isinstance(value, str) and not (key == "end_date" and value is None):
                return Malformed(f"{key}: expected text, found {found(value)}")
        us, china = self._names(data, "us"), self._names(data, "china")
        if isinstance(us, Malformed) or isinstance(china, Malformed):
            return us if isinstance(us, Malformed) else china
        return Contact(self.share(date), self.share(end_date), self.share(kind), us, china)


def _repeated(keys: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    again = []
    for key in keys:
        if key in seen:
            again.append(key)
        seen.add(key)
    return again


def wrong_shapes(data: object) -> list[Wrong]:
    """Everything in `data` that is not a ledger as `Builder` left it: one per wrong entry."""
    if not isinstance(data, dict) or not {"people", *SECTIONS} <= set(data) <= TOP_KEYS:
        shape = found(sorted(data)) if isinstance(data, dict) else found(data)
        expected = "an object with the keys articles, events, people (and about)"
        return [Wrong(None, None, f"expected {expected}, found {shape}")]
    wrong = []
    if not isinstance(data["people"], str):
        wrong.append(Wrong(None, "people", f"expected text, found {found(data['people'])}"))
    shapes = {"articles": (Article, f"an article ({ARTICLE_SHAPE})")}
    shapes["events"] = (Contact, f"an event ({CONTACT_SHAPE})")
    for section, (entry, what) in shapes.items():
        entries = data[section]
        if not isinstance(entries, dict):
            wrong.append(Wrong(None, section, f"expected an object, found {found(entries)}"))
            continue
        for key, value in entries.items():
            if isinstance(value, Malformed):
                wrong.append(Wrong(section, key, value.message))
            elif not isinstance(value, entry):
                wrong.append(Wrong(section, key, f"expected {what}, found {found(value)}"))
    return wrong


def position(text: str, key: str, section: str | None = None, nth: int = 1) -> tuple[int, int]:
    """Line and column of the `nth` `"key":` (after `"section":`), or (0, 0) when not found."""
    start = 0
    if section is not None:
        head = re.search(re.escape(json.dumps(section)) + r"\s*:", text)
        start = head.end() if head else 0
    pattern = re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:")
    for count, match in enumerate(pattern.finditer(text, start), 1):
        if count == nth:
            offset = match.start()
            line_start = text.rfind("\n", 0, offset) + 1
            return text.count("\n", 0, offset) + 1, offset - line_start + 1
    return 0, 0
