"""The extraction ledger, `content/ledger.yml`: which article (by content hash) gave which events.

It makes runs cheap (an unchanged article is skipped) and deletions stick: an event the ledger
knows but the store no longer has was deleted by an editor, and the same contact is not
written again. Written sorted and atomically, so it only changes when something did.
"""

from __future__ import annotations

import hashlib
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from .contentfs import display, read_text
from .model import Event, Problem
from .yamlio import YamlError, dump_yaml, parse_text, write_atomic

LEDGER_NAME = "ledger.yml"
HEADER = (
    "# Written by `timeline extract`; do not edit. Which article (by content hash) gave which\n"
    "# events, so unchanged articles are skipped and deleted events stay deleted.\n"
)
MAX_LEDGER_BYTES = 200_000_000


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Ledger:
    """Articles read (path -> hash and event ids) and what each produced event looked like."""

    people: str = ""
    articles: dict[str, dict] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)
    changed: bool = field(default=True, compare=False)

    def unchanged(self, article: str, digest: str) -> bool:
        entry = self.articles.get(article)
        return entry is not None and entry.get("sha256") == digest

    def record(self, article: str, digest: str, event_ids: list[str]) -> None:
        entry = {"sha256": digest, "events": sorted(set(event_ids))}
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
        entry = {
            "date": event.date,
            "end_date": event.end_date,
            "kind": event.kind,
            "us": list(event.us),
            "china": list(event.china),
        }
        entry = {k: v for k, v in entry.items() if v is not None}
        self.changed |= self.events.get(event.id) != entry
        self.events[event.id] = entry

    def deleted(self, present: set[str]) -> list[Event]:
        """Events the ledger knows that the store no longer has, as contacts to match."""
        return [
            Event(
                id=event_id,
                title="",
                date=str(data.get("date") or ""),
                end_date=data.get("end_date"),
                kind=str(data.get("kind") or "other"),
                us=[str(p) for p in data.get("us") or []],
                china=[str(p) for p in data.get("china") or []],
            )
            for event_id, data in self.events.items()
            if event_id not in present
        ]

    def to_text(self) -> str:
        """The YAML of the whole ledger, dumped one entry at a time: the same text as one
        `dump_yaml` of it all, without a YAML node for every scalar of a large ledger at once
        (at 10,000 articles that was 60 MB on top of the run)."""
        return (
            HEADER
            + dump_yaml({"people": self.people})
            + _dump_section("articles", self.articles)
            + _dump_section("events", self.events)
        )


def _dump_section(name: str, entries: dict[str, dict]) -> str:
    """`name:` and its entries sorted by key, each dumped alone and indented as nested."""
    if not entries:
        return dump_yaml({name: {}})
    parts = [f"{name}:\n"]
    for key, value in sorted(entries.items()):
        parts.append(textwrap.indent(dump_yaml({key: value}), "  "))
    return "".join(parts)


def _valid(data: object) -> bool:
    if not isinstance(data, dict):
        return False
    articles, events = data.get("articles") or {}, data.get("events") or {}
    return (
        isinstance(articles, dict)
        and isinstance(events, dict)
        and all(isinstance(v, dict) and isinstance(v.get("sha256"), str) for v in articles.values())
        and all(isinstance(v, dict) for v in events.values())
    )


def read_ledger(content: Path) -> tuple[Ledger | None, list[Problem]]:
    """The ledger (empty when there is none yet), or None and why it cannot be trusted."""
    path = content / LEDGER_NAME
    if not path.exists():
        return Ledger(), []
    rel = display(path, content)
    text, problems = read_text(path, rel, MAX_LEDGER_BYTES)
    if text is None:
        return None, problems
    try:
        data = parse_text(text, limit=50_000_000)
    except YamlError as err:
        message = f"{err.message} (a merge conflict? see README, 'The ledger')"
        return None, [Problem(rel, message, line=err.line, column=err.column)]
    if not _valid(data):
        return None, [
            Problem(rel, "expected a ledger written by `timeline extract`, found other data")
        ]
    assert isinstance(data, dict)
    return Ledger(
        str(data.get("people") or ""),
        dict(data.get("articles") or {}),
        dict(data.get("events") or {}),
        changed=False,
    ), []


def write_ledger(content: Path, ledger: Ledger) -> bool:
    """Write the ledger when it changed; True when the file was written."""
    path = content / LEDGER_NAME
    if not ledger.changed and path.exists():
        return False
    return write_atomic(path, ledger.to_text())
