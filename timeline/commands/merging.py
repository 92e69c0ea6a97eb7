"""Merging a run's results into the store, a batch at a time, each file written once.

New events are written as their batch is merged. Sources added to stored events are kept
until the run ends and then written once per file (`Merger.finish`), and the events they go to
stay in memory in between with those sources, so that a contact reported by 10,000 articles
is read and written once, not once a batch (time linear in the number of articles). The
ledger records an article only once everything it gave is written; a run stopped half-way
leaves whole files, and the next run reads again what the ledger did not record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from timeline.contentfs import display
from timeline.model import Event, Problem, Source
from timeline.store.claims import stamp
from timeline.store.edit import add_sources, move_articles
from timeline.store.files import UnsafePathError, safe_event_path, write_event
from timeline.store.index import StoreIndex, read_index
from timeline.store.ledger import Ledger
from timeline.store.merge import Plan, plan_merge
from timeline.yamlio import YamlError

KEEP_LOADED = 200  # stored events with this many sources stay in memory between batches


@dataclass
class Summary:
    """What a run did, for the closing line."""

    read: int = 0
    skipped: int = 0
    failed: int = 0
    new: int = 0
    merged: int = 0
    sources_added: int = 0
    problems: list[Problem] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"articles: {self.read} read, {self.skipped} skipped (unchanged), "
            f"{self.failed} failed; events: {self.new} new, {self.merged} merged; "
            f"sources added: {self.sources_added}"
        )

    @property
    def ok(self) -> bool:
        return not any(not p.warning for p in self.problems)


@dataclass(frozen=True)
class Extracted:
    rel: str
    events: list[Event] | None
    problems: list[Problem]


Record = tuple[str, str, list[str], dict[str, str]]  # article, hash, event ids, claims


@dataclass
class Merger:
    """Merges the results of a run into the store a batch at a time (`commands.extract`)."""

    content: Path
    ledger: Ledger
    summary: Summary
    index: StoreIndex | None = None
    buried: set[str] = field(default_factory=set)  # the claims of tombstones
    graves: list[Event] = field(default_factory=list)  # the contacts of tombstones
    articles: set[str] | None = None  # the articles that exist (cited as content/...)
    pending: dict[str, list[Source]] = field(default_factory=dict)  # id -> sources to add
    loaded: dict[str, Event] = field(default_factory=dict)  # stored events, pending included
    records: list[Record] = field(default_factory=list)  # ledger entries to make at the end

    def merge(self, results: list[Extracted], todo: dict[str, str]) -> None:
        found = [e for r in results if r.events for e in r.events]
        stamp(found)
        plan, stored = self.plan(found) if found else (Plan(), [])
        failed = set(plan.deferred)  # a copy: only deferred articles get the message below
        if found:
            failed |= self._write(plan)
        for article in sorted(plan.deferred):
            message = "not recorded: an event file it maps to cannot be read; fix it and run again"
            self.summary.problems.append(Problem(article, message))
        for article, cited in sorted(plan.copies.items()):
            message = f"the same report as {cited} (outlet, date and sentence): cited once"
            self.summary.problems.append(Problem(article, message, warning=True))
        known = {e.id: e for e in [*stored, *plan.new]}
        for result in results:
            if result.events is None or result.rel in failed:
                continue
            ids = plan.produced.get(result.rel, [])
            claims = plan.claimed.get(result.rel, {})
            self._flag_stale(result.rel, claims)
            self.records.append((result.rel, todo[result.rel], ids, claims))
            for event_id in ids:
                if event_id in known:
                    self.ledger.remember(known[event_id])
        self.loaded = {k: e for k, e in self.loaded.items() if len(e.sources) >= KEEP_LOADED}

    def _flag_stale(self, article: str, claims: dict[str, str]) -> None:
        """A claim the article gave before and gives no more (its sentence or its date was
        edited, or the extractor no longer reads a contact there): the source citing it is
        said to be out of date, once, at the event file that holds it."""
        assert self.index is not None
        before = self.ledger.articles.get(article)
        for claim, _ in before.claims if before is not None else ():
            holder = self.index.held.claims.get(claim)
            if claim in claims or holder is None:
                continue
            rel = display(self.index.path_of(holder), self.content)
            message = (
                f"source {article}: its sentence (claim {claim}) is no longer what the article "
                "says (the article or its date was edited?): check the source and the date"
            )
            self.summary.problems.append(Problem(rel, message, warning=True))

    def plan(self, found: list[Event]) -> tuple[Plan, list[Event]]:
        """The merge of `found` into the store, and the stored events it looked at: those that
        may be the same contact, and those holding a claim of `found`."""
        if self.index is None:
            self.index = read_index(self.content, self.summary.problems)
        index = self.index
        held = index.held.claims
        claims = {c: held[c] for e in found for s in e.sources if (c := s.claim) in held}
        ids = sorted(set(index.candidates(found)) | set(claims.values()))
        stored = self._load(ids)
        deleted = self.ledger.deleted(index)
        known = {e.id for e in deleted}
        deleted += [e for e in self.graves if e.id not in known and e.id not in index]
        taken = set(index.files) | index.blocked
        plan = plan_merge(
            stored, deleted, found, index.blocked, taken, claims, self.buried, self.articles
        )
        return plan, stored

    def _load(self, ids: list[str]) -> list[Event]:
        """The stored events with these ids, with the sources this run is yet to write."""
        assert self.index is not None
        missing = [i for i in ids if i not in self.loaded]
        for event in self.index.load(missing, self.content):
            event.sources.extend(self.pending.get(event.id, []))
            self.loaded[event.id] = event
        return [self.loaded[i] for i in ids if i in self.loaded]

    def _write(self, plan: Plan) -> set[str]:
        """Write the new events and moved sources; queue the added sources. The articles
        whose events could not all be written."""
        assert self.index is not None
        failed_ids = self._write_new(plan.new)
        for event_id, sources in plan.additions.items():
            self.pending.setdefault(event_id, []).extend(sources)
            if event_id in self.loaded:
                self.loaded[event_id].sources.extend(sources)
            self.index.held.add(event_id, sources)
        for event_id, moves in sorted(plan.moved.items()):
            path = self.index.path_of(event_id)
            rel = display(path, self.content)
            try:
                move_articles(path, rel, moves)
            except (YamlError, OSError) as err:
                self.summary.problems.append(Problem(rel, f"source not moved: {err}"))
                failed_ids.add(event_id)
        return {a for a, ids in plan.produced.items() if failed_ids & set(ids)}

    def _write_new(self, events: list[Event]) -> set[str]:
        assert self.index is not None
        events_dir, failed = self.content / "events", set()
        for event in events:
            try:
                path = safe_event_path(event, events_dir)
                if path.exists():
                    message = f"id: expected a new file, found {event.id!r} already there"
                    raise UnsafePathError(message)
                write_event(event, events_dir)
            except (UnsafePathError, OSError) as err:
                self.summary.problems.append(Problem(f"content/events/{event.id}", str(err)))
                failed.add(event.id)
                continue
            self.index.add(event, path)
            self.summary.new += 1
            self.summary.sources_added += len(event.sources)
        return failed

    def finish(self) -> None:
        """Write the queued sources (each file once), then record what was written."""
        failed: set[str] = set()
        for event_id, sources in sorted(self.pending.items()):
            assert self.index is not None
            path = self.index.path_of(event_id)
            rel = display(path, self.content)
            try:
                add_sources(path, rel, sources)
            except (YamlError, OSError) as err:
                self.summary.problems.append(Problem(rel, f"sources not added: {err}"))
                failed.add(event_id)
                continue
            self.summary.merged += 1
            self.summary.sources_added += len(sources)
        for article, digest, ids, claims in self.records:
            if not failed & set(ids):
                self.ledger.record(article, digest, ids, claims)
        self.pending, self.records, self.loaded = {}, [], {}
