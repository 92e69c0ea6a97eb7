"""The extraction ledger, `content/ledger.json`: which article (by content hash) gave which events.

It makes runs cheap (an unchanged article is skipped) and deletions stick: an event the ledger
knows but the store no longer has was deleted by an editor, and the same contact is not
written again. Written sorted and atomically, one entry per line (timeline/store/ledger_json.py), so
it only changes when something did. A project whose ledger is still the older
`content/ledger.yml` is read from that, and the next write moves it to `ledger.json`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

from timeline.contentfs import display, read_text
from timeline.model import Event, Problem
from timeline.store.ledger_json import (
    Article,
    Builder,
    Contact,
    position,
    to_chunks,
    to_text,
    wrong_shapes,
)
from timeline.yamlio import YamlError, parse_text, write_chunks_atomic

LEDGER_NAME = "ledger.json"
OLD_LEDGER_NAME = "ledger.yml"  # read when there is no ledger.json; removed by the next write
MAX_LEDGER_BYTES = 200_000_000
CONFLICT_HINT = "(a merge conflict? see docs/editors.md, 'The ledger')"
UNREAD = object()  # what a file that does not parse holds


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Ledger:
    """Articles read (path -> hash and event ids) and what each produced event looked like."""

    people: str = ""
    articles: dict[str, Article] = field(default_factory=dict)
    events: dict[str, Contact] = field(default_factory=dict)
    changed: bool = field(default=True, compare=False)
    moved_from: str | None = field(default=None, compare=False)  # read from ledger.yml

    def unchanged(self, article: str, digest: str) -> bool:
        entry = self.articles.get(article)
        return entry is not None and entry.sha256.hex() == digest

    def record(
        self, article: str, digest: str, event_ids: list[str], claims: dict[str, str] | None = None
    ) -> None:
        pairs = tuple(sorted((claims or {}).items()))
        entry = Article(bytes.fromhex(digest), tuple(sorted(set(event_ids))), pairs)
        self.changed |= self.articles.get(article) != entry
        self.articles[article] = entry

    def keep_only(self, present: set[str]) -> None:
        """Forget articles that are gone (their events stay remembered)."""
        kept = {k: v for k, v in self.articles.items() if k in present}
        self.changed |= len(kept) != len(self.articles)
        self.articles = kept

    def set_people(self, digest: str) -> None:
        self.changed |= self.people != digest
        self.people = digest

    def remember(self, event: Event) -> None:
        """Keep the event's contact (date, kind, people) to recognise it after a deletion."""
        entry = Contact(event.date, event.end_date, event.kind, tuple(event.us), tuple(event.china))
        self.changed |= self.events.get(event.id) != entry
        self.events[event.id] = entry

    def deleted(self, present: Container[str]) -> list[Event]:
        """Events the ledger knows that the store no longer has, as contacts to match."""
        return [
            Event(
                id=event_id,
                title="",
                date=contact.date,
                end_date=contact.end_date,
                kind=contact.kind,
                us=list(contact.us),
                china=list(contact.china),
            )
            for event_id, contact in self.events.items()
            if event_id not in present
        ]

    def to_text(self) -> str:
        """The JSON text of the ledger: one entry per line, keys sorted."""
        return to_text(self.people, self.articles, self.events)


def _json_data(text: str, rel: str) -> tuple[object, list[Problem]]:
    builder = Builder()
    try:
        data = json.loads(text, object_pairs_hook=builder)
    except json.JSONDecodeError as err:
        rest = text[err.pos :].split("\n", 1)[0][:40]
        what = repr(rest) if rest else "the end of the line"
        what = "the end of the file" if err.pos >= len(text) else what
        message = f"expected valid JSON ({err.msg[0].lower()}{err.msg[1:]}), found {what}"
        return UNREAD, [
            Problem(rel, f"{message} {CONFLICT_HINT}", line=err.lineno, column=err.colno)
        ]
    except RecursionError:
        return UNREAD, [Problem(rel, "expected a ledger, found JSON nested too deep to read")]
    problems = []
    for key in builder.duplicates:
        line, column = position(text, key, nth=2)
        message = f"expected each key once, found {json.dumps(key)} again {CONFLICT_HINT}"
        problems.append(Problem(rel, message, line=line or None, column=column or None))
    return data, problems


def _yaml_data(text: str, rel: str) -> tuple[object, list[Problem]]:
    try:
        data = parse_text(text, limit=50_000_000)
    except YamlError as err:
        return UNREAD, [
            Problem(rel, f"{err.message} {CONFLICT_HINT}", line=err.line, column=err.column)
        ]
    builder = Builder()
    for section in ("articles", "events"):
        entries = data.get(section) if isinstance(data, dict) else None
        if isinstance(entries, dict):
            make = builder.article if section == "articles" else builder.contact
            data[section] = {k: make(v) if isinstance(v, dict) else v for k, v in entries.items()}
    return data, []


def _shape_problems(data: object, text: str, rel: str, located: bool) -> list[Problem]:
    problems = []
    for wrong in wrong_shapes(data):
        name = wrong.key if wrong.section is None else f"{wrong.section}[{json.dumps(wrong.key)}]"
        line, column = (0, 0) if not located else (1, 1)
        if located and wrong.key is not None:
            line, column = position(text, wrong.key, wrong.section)
        problems.append(Problem(rel, wrong.message, name, line or None, column or None))
    return problems


def read_ledger(content: Path) -> tuple[Ledger | None, list[Problem]]:
    """The ledger (empty when there is none yet), or None and why it cannot be trusted.

    `ledger.json` when it exists, else the older `ledger.yml`; a `ledger.yml` beside a
    `ledger.json` is not read, and is reported (a warning) until `timeline extract` removes it.
    """
    path, old = content / LEDGER_NAME, content / OLD_LEDGER_NAME
    notes = []
    if path.exists() and old.exists():
        message = (
            f"expected only {display(path, content)}, found this older ledger beside it: "
            "it is not read; `timeline extract` removes it"
        )
        notes.append(Problem(display(old, content), message, warning=True))
    elif not path.exists():
        if not old.exists():
            return Ledger(), []
        path = old
    rel = display(path, content)
    text, problems = read_text(path, rel, MAX_LEDGER_BYTES)
    if text is None:
        return None, problems + notes
    is_json = path.name == LEDGER_NAME
    data, problems = (_json_data if is_json else _yaml_data)(text, rel)
    if data is not UNREAD:
        problems += _shape_problems(data, text, rel, is_json)
    if problems:
        return None, problems + notes
    assert isinstance(data, dict)
    ledger = Ledger(data["people"], data["articles"], data["events"], changed=not is_json)
    ledger.moved_from = None if is_json else rel
    return ledger, notes


def write_ledger(content: Path, ledger: Ledger) -> bool:
    """Write the ledger when it changed, and remove an older `ledger.yml`; True when either
    happened."""
    path, old = content / LEDGER_NAME, content / OLD_LEDGER_NAME
    written = (ledger.changed or not path.exists()) and write_chunks_atomic(
        path, to_chunks(ledger.people, ledger.articles, ledger.events)
    )
    if old.exists():
        old.unlink()
        return True
    return written
