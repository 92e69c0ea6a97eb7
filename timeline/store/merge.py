"""Merging newly extracted events into the store: add sources, never clobber. Pure functions.

A found event is the *same contact* as a stored one when both sides have the same people,
the kinds are compatible and the dates are within a day (or inside the stored range). Then
only its source is added. Found events that match nothing are grouped (each joins the first
group whose lead event is the same contact) and each group becomes one new event citing all
its sources. Every choice is made in a fixed order, so the result does not depend on the
order articles were read in.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Container, Mapping
from dataclasses import dataclass, field

from timeline.model import Event, Source, date_span
from timeline.store.claims import claim_of

DAY = dt.timedelta(days=1)
MEETING_KINDS = frozenset({"summit", "talks", "meeting"})
BASIS_RANK = {"explicit": 0, "imported": 1, "relative": 2, "publication": 3}


def citation(source: Source) -> tuple[str, str]:
    """What makes two sources the same citation: one per article, else per link and quote."""
    if source.article:
        return (source.article, "")
    return (source.record or source.url or "", source.quote or "")


def source_order(source: Source) -> tuple[str, str, str]:
    """Sources are kept in this order, so the same sources give the same file."""
    return (
        source.published or "",
        source.article or source.record or source.url or "",
        source.quote or "",
    )


def people_key(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(event.us), frozenset(event.china)


def event_span(event: Event) -> tuple[dt.date, dt.date] | None:
    """The first and last day the event covers (its date to its end date), or None."""
    start = date_span(event.date)
    if start is None:
        return None
    end = date_span(event.end_date) if event.end_date else None
    return start[0], max(start[1], end[1]) if end else start[1]


def kinds_compatible(one: str, other: str) -> bool:
    return one == other or {one, other} <= MEETING_KINDS


def same_contact(stored: Event, found: Event) -> bool:
    """Same people on both sides, compatible kinds, dates within a day or the stored range."""
    if people_key(stored) != people_key(found) or not kinds_compatible(stored.kind, found.kind):
        return False
    near, new = event_span(stored), event_span(found)
    if near is None or new is None:
        return False
    return new[0] <= near[1] + DAY and near[0] - DAY <= new[1]


@dataclass
class Plan:
    """What a run changes: new files, sources added to stored events, and the ledger's record."""

    new: list[Event] = field(default_factory=list)
    additions: dict[str, list[Source]] = field(default_factory=dict)
    produced: dict[str, list[str]] = field(default_factory=dict)
    deferred: set[str] = field(default_factory=set)
    dropped: int = 0
    claimed: dict[str, dict[str, str]] = field(default_factory=dict)  # article -> claim -> id
    moved: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> old -> new article
    copies: dict[str, str] = field(default_factory=dict)  # article -> the one cited instead
    cited: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # id -> citations
    claims_of: dict[str, dict] = field(default_factory=dict)  # id -> claim -> its sources

    def claim(self, event: Event, event_id: str) -> None:
        """Record that the claim `event` was found from is held by `event_id`."""
        claim = _claim(event)
        if claim is not None:
            self.claimed.setdefault(_article(event), {})[claim] = event_id


def _found_order(event: Event) -> tuple:
    source = event.sources[0] if event.sources else Source(outlet="")
    rank = BASIS_RANK.get(source.date_basis or "", 9)
    return (rank, -(source.confidence or 0), source_order(source), event.date, event.id, event.kind)


def _article(event: Event) -> str:
    return event.sources[0].article or "" if event.sources else ""


def _claim(event: Event) -> str | None:
    return event.sources[0].claim if event.sources else None


WIDE_DAYS = 400  # spans longer than this are not indexed day by day, only checked


class _Index:
    """Events by their people and the days they could match, in a fixed order (by `rank`).

    `match` returns the first indexed event (lowest rank) that is the same contact, looking
    only at events of the same people whose span (widened by a day) covers one of its days.
    """

    def __init__(self) -> None:
        self.by_day: dict[tuple, list[tuple]] = defaultdict(list)
        self.wide: dict[tuple, list[tuple]] = defaultdict(list)

    def add(self, event: Event, rank: tuple, payload: object) -> None:
        span, key = event_span(event), people_key(event)
        if span is None:
            return  # a date that is no date never matches
        entry = (rank, event, payload)
        if (span[1] - span[0]).days > WIDE_DAYS:
            self.wide[key].append(entry)
            return
        day = span[0] - DAY
        while day <= span[1] + DAY:
            self.by_day[(key, day)].append(entry)
            day += DAY

    def match(self, found: Event) -> object | None:
        span, key = event_span(found), people_key(found)
        if span is None:
            return None
        seen = list(self.wide.get(key, []))
        if (span[1] - span[0]).days > WIDE_DAYS:
            seen += [e for (k, _), es in self.by_day.items() if k == key for e in es]
        else:
            day = span[0]
            while day <= span[1]:
                seen += self.by_day.get((key, day), [])
                day += DAY
        hits = [entry for entry in seen if same_contact(entry[1], found)]
        return min(hits, key=lambda entry: entry[0])[2] if hits else None


def _stored_index(events: list[Event]) -> _Index:
    index = _Index()
    for event in events:
        index.add(event, (event.id, event.path or ""), event)
    return index


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def _clusters(found: list[Event]) -> list[list[Event]]:
    """Each event joins the first group whose lead event is the same contact, in fixed order."""
    groups: list[list[Event]] = []
    leads = _Index()
    for event in sorted(found, key=_found_order):
        group = leads.match(event)
        if isinstance(group, list):
            group.append(event)
        else:
            groups.append([event])
            leads.add(event, (len(groups),), groups[-1])
    return groups


MAX_ID = 120  # the schema's maxLength


def _suffixed(wanted: str, number: int) -> str:
    """`wanted-number`, the base shortened so the whole stays within `MAX_ID` characters."""
    suffix = f"-{number}"
    return wanted[: MAX_ID - len(suffix)].rstrip("-") + suffix


def _unique_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while _suffixed(wanted, number) in taken:
        number += 1
    return _suffixed(wanted, number)


def _add_source(plan: Plan, stored: Event, source: Source) -> None:
    have = plan.cited.get(stored.id)
    if have is None:  # kept per event: a contact with 10,000 sources is checked once each
        have = plan.cited[stored.id] = {citation(s) for s in stored.sources}
    if citation(source) not in have:
        have.add(citation(source))
        plan.additions.setdefault(stored.id, []).append(source)


def _same_report(plan: Plan, holder: Event, found: Event, articles: Container[str]) -> bool:
    """Whether `found` is a source `holder` already has under another name: the article was
    moved (its old path is gone: the source is pointed at the new one) or copied (the same
    outlet, day and sentence under two names: cited once)."""
    source = found.sources[0]
    claims = plan.claims_of.get(holder.id)
    if claims is None:  # kept per event, as `cited`
        claims = plan.claims_of[holder.id] = defaultdict(list)
        for held in holder.sources:
            claims[claim_of(held)].append(held)
    for held in claims.get(source.claim, ()):
        if not held.article or held.article == source.article:
            return True
        if held.article not in articles:
            plan.moved.setdefault(holder.id, {})[held.article] = source.article or ""
            return True
        if held.outlet == source.outlet:
            plan.copies[source.article or ""] = held.article
            return True
    return False


def _new_event(cluster: list[Event], taken: set[str]) -> Event:
    event = copy.deepcopy(cluster[0])
    sources: dict[tuple, Source] = {}
    for member in cluster:
        for source in member.sources:
            sources.setdefault(citation(source), source)
    event.sources = sorted(sources.values(), key=source_order)
    event.id = _unique_id(event.id, taken)
    event.path = None
    event.review = "draft"
    return event


def plan_merge(
    stored: list[Event],
    deleted: list[Event],
    found: list[Event],
    blocked: set[str],
    taken: set[str] | frozenset[str] = frozenset(),
    claims: Mapping[str, str] | None = None,
    buried: Container[str] = frozenset(),
    articles: Container[str] | None = None,
) -> Plan:
    """Decide what a run writes. `blocked`: ids of files that exist but cannot be read;
    `taken`: ids in use besides those of `stored` (when only part of the store is given);
    `claims`: claim -> id of the stored event holding it (each one in `stored`); `buried`:
    the claims of tombstones; `articles`: the articles that exist (None: all cited do). A
    claim seen before goes to the event holding it, whatever it says now (an article moved
    or copied under another name is not cited twice); a buried one is dropped; only a claim
    never seen is matched by its contact."""
    plan = Plan()
    store, tombs = _stored_index(stored), _stored_index(deleted)
    by_id, claims = {e.id: e for e in stored}, claims or {}
    unmatched = []
    for event in sorted(found, key=_found_order):
        article = _article(event)
        plan.produced.setdefault(article, [])
        claim = _claim(event)
        holder = by_id.get(claims.get(claim, "")) if claim else None
        if holder is None and claim is not None and claim in buried:
            plan.dropped += 1
            continue
        target = holder if holder is not None else store.match(event)
        if target is not None:
            known = _Everything() if articles is None else articles
            if holder is None or not _same_report(plan, holder, event, known):
                for source in event.sources:
                    _add_source(plan, target, source)
            plan.produced[article].append(target.id)
            if article not in plan.copies:  # a copy's claim is the original's, cited there
                plan.claim(event, target.id)
        elif tombs.match(event) is not None:
            plan.dropped += 1
        else:
            unmatched.append(event)
    taken = set(taken) | {e.id for e in stored} | {e.id for e in deleted}
    for cluster in _clusters(unmatched):
        if cluster[0].id in blocked:
            plan.deferred.update(_article(e) for e in cluster)
            continue
        event = _new_event(cluster, taken | blocked)
        taken.add(event.id)
        plan.new.append(event)
        for member in cluster:
            plan.produced[_article(member)].append(event.id)
            plan.claim(member, event.id)
    for article, ids in plan.produced.items():
        plan.produced[article] = sorted(set(ids))
    for sources in plan.additions.values():
        sources.sort(key=source_order)
    return plan
