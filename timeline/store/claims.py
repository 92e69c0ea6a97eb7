"""Claims: what an extraction read, so that an editor's decision about it is final.

A *claim* is one contact as one article reported it: the key of the article's publication
date and the sentence read (`claim_key`), 16 hex digits. `timeline extract` writes it on every
source it adds (`claim:`), and routes a claim it has seen before to the event that holds it
now, whatever an editor changed there (date, kind, people, review); a claim held by a
tombstone is never written again.

A *tombstone* is `content/deleted/<year>/<id>.yml`: written by `timeline extract` when an event
the ledger knows has no file any more (an editor deleted it). It keeps the deleted event's
contact and claims, so a deletion survives a registry change, `--force`, a git merge and a
deleted ledger. Both facts live in files of their own event, so git merges them as it merges
events (two editors who delete the same event write the same bytes).

`unaccounted` finds the claims the ledger holds that no event and no tombstone accounts for
(a git merge that kept one side's event file): `timeline check` reports them and `timeline
extract` reads their articles again.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.contentfs import display, read_text, walk
from timeline.model import Event, Problem, Source
from timeline.store.ledger import Ledger
from timeline.yamlio import YamlError, as_day, dump_yaml, parse_text, write_atomic

DELETED_DIR = "deleted"
CLAIM_DIGITS = 16
MAX_TOMBSTONE_BYTES = 5_000_000
TOMBSTONE_HEAD = (
    "# Written by `timeline extract`: an editor deleted this event. The claims below are never\n"
    "# extracted again; delete this file (and commit) to let them come back. docs/editors.md\n"
)


def claim_key(published: str | None, quote: str) -> str:
    """The claim of a sentence read in an article published on `published`."""
    text = " ".join(unicodedata.normalize("NFC", quote).split())
    digest = hashlib.sha256(f"claim-1\n{published or ''}\n{text}".encode()).hexdigest()
    return digest[:CLAIM_DIGITS]


def claim_of(source: Source) -> str | None:
    """The claim a source records, or the one its sentence makes (sources written before
    claims were recorded); None for a source that is not a sentence of an article."""
    if source.claim:
        return source.claim
    if not source.article or not source.quote:
        return None
    return claim_key(source.published, source.quote)


def stamp(events: Iterable[Event]) -> None:
    """Record on each found event's sources the claim it came from."""
    for event in events:
        for source in event.sources:
            source.claim = claim_of(source)


@dataclass
class Held:
    """What the event files account for: claim -> the event holding it, (article, claim) and
    (article, event id) pairs cited."""

    claims: dict[str, str] = field(default_factory=dict)
    pairs: set[tuple[str, str]] = field(default_factory=set)
    cited: set[tuple[str, str]] = field(default_factory=set)

    def add(self, event_id: str, sources: Iterable[Source]) -> None:
        for source in sources:
            claim = claim_of(source)
            if claim is not None:
                self.claims.setdefault(claim, event_id)
                self.pairs.add((source.article or "", claim))
            if source.article:
                self.cited.add((source.article, event_id))

    def accounts_for(self, article: str, claim: str, event_id: str) -> bool:
        """The article's claim is cited, or the event the ledger gave it to cites the article
        (under a claim of its own: the article changed since)."""
        return (article, claim) in self.pairs or (article, event_id) in self.cited


@dataclass
class Tombstone:
    """A deleted event: its contact (to match) and its claims (claim -> article)."""

    contact: Event
    claims: dict[str, str] = field(default_factory=dict)


def tombstone_path(content: Path, event_id: str) -> Path:
    return content / DELETED_DIR / event_id[:4] / f"{event_id}.yml"


def tombstone_text(tomb: Tombstone) -> str:
    event = tomb.contact
    data = {
        "id": event.id,
        "date": as_day(event.date),
        "end_date": as_day(event.end_date) if event.end_date else None,
        "kind": event.kind,
        "participants": {"us": list(event.us), "china": list(event.china)},
        "claims": dict(sorted(tomb.claims.items())),
    }
    return TOMBSTONE_HEAD + dump_yaml(data)


def _tombstone(data: object) -> Tombstone | None:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None
    people = data.get("participants")
    people = people if isinstance(people, dict) else {}
    claims = data.get("claims")
    claims = claims if isinstance(claims, dict) else {}
    contact = Event(
        id=data["id"],
        title="",
        date=str(data.get("date") or ""),
        end_date=str(data["end_date"]) if data.get("end_date") else None,
        kind=str(data.get("kind") or "other"),
        us=[str(p) for p in people.get("us") or []],
        china=[str(p) for p in people.get("china") or []],
    )
    return Tombstone(contact, {str(k): str(v) for k, v in claims.items()})


def read_tombstones(content: Path, problems: list[Problem]) -> list[Tombstone]:
    """Every tombstone under `content/deleted/`; one that cannot be read is a problem."""
    root = content / DELETED_DIR
    if not root.is_dir():
        return []
    paths, refused = walk(root, content, ".yml")
    problems.extend(refused)
    tombs = []
    for path in paths:
        rel = display(path, content)
        text, found = read_text(path, rel, MAX_TOMBSTONE_BYTES)
        problems.extend(found)
        if text is None:
            continue
        try:
            tomb = _tombstone(parse_text(text))
        except YamlError as err:
            problems.append(Problem(rel, err.message, line=err.line, column=err.column))
            continue
        if tomb is None:
            problems.append(Problem(rel, "expected a tombstone with an id, found none", "id"))
            continue
        tombs.append(tomb)
    return tombs


def buried(tombs: Iterable[Tombstone]) -> set[str]:
    return {claim for tomb in tombs for claim in tomb.claims}


def unaccounted(
    ledger: Ledger, held: Held, present: Container[str], tombs: set[str]
) -> list[tuple[str, str, str]]:
    """(article, claim, event id) the ledger holds that nothing accounts for: the claim is in
    no event and no tombstone, and the event the ledger gave it to exists but does not cite
    the article. (A claim whose event has no file was deleted: `to_bury` buries it.)"""
    lost = []
    for article, entry in ledger.articles.items():
        for claim, event_id in entry.claims:
            if claim in tombs or held.accounts_for(article, claim, event_id):
                continue
            if event_id in present:
                lost.append((article, claim, event_id))
    return lost


def to_bury(
    ledger: Ledger, held: Held, present: Container[str], tombs: Iterable[Tombstone]
) -> list[Tombstone]:
    """Tombstones for the events the ledger knows that have no file (an editor deleted them):
    their contact, and the claims the ledger gave them that no event holds now."""
    known = {tomb.contact.id for tomb in tombs}
    graves: dict[str, Tombstone] = {}
    for contact in ledger.deleted(present):
        if contact.id not in known:
            graves[contact.id] = Tombstone(contact)
    for article, entry in ledger.articles.items():
        for claim, event_id in entry.claims:
            if claim in held.claims or event_id in present or event_id in known:
                continue
            if event_id not in graves:  # a contact the ledger did not keep: claims only
                graves[event_id] = Tombstone(Event(id=event_id, title="", date="", kind="other"))
            graves[event_id].claims[claim] = article
    return [graves[event_id] for event_id in sorted(graves)]


def write_tombstone(content: Path, tomb: Tombstone) -> Path:
    path = tombstone_path(content, tomb.contact.id)
    write_atomic(path, tombstone_text(tomb))
    return path
