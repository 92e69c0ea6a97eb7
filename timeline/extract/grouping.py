"""Which contact mentions of one article are one contact: the same day and people, a
leader's day with the other side, a month-only mention of a contact dated to the day, an
undated mention near a dated one; and which are two (a call beside a meeting, talks during a
visit of several days, an announcement beside the report that it happened)."""

from __future__ import annotations

from timeline.extract.contacts import Candidate
from timeline.extract.dates.pick import BACK_REFERENCE
from timeline.model import Person

SEPARATE_KINDS = ("message", "call")  # a letter or a call is its own contact, never a meeting's
NEWS_DAYS = 7  # an undated lead mention is a contact of the last days, not a background one


def merge_mentions(cands: list[Candidate], people: dict[str, Person]) -> list[list[Candidate]]:
    strong = sorted(
        (c for c in cands if not c.inherited),
        key=lambda c: c.date.precision != "day",  # type: ignore[union-attr]
    )
    weak = [c for c in cands if c.inherited]
    groups: list[list[Candidate]] = []
    for cand in strong:
        for group in groups:
            if (
                _same_contact(group[0], cand)
                or _same_leader_day(group[0], cand, people)
                or _within_month(group[0], cand)
            ):
                group.append(cand)
                break
        else:
            groups.append([cand])
    for cand in sorted(weak, key=lambda c: c.date.basis == "publication"):  # type: ignore[union-attr]
        home = next((g for g in groups if _covers(g[0], cand, people)), None)
        if home is not None:
            home.append(cand)
        else:
            groups.append([cand])
    return groups


def without_plans_that_happened(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """An announcement the article also reports as done ("习近平将于16日上午同拜登举行视频
    会晤" above "会晤15日晚举行", across time zones) is that contact, not a second one."""
    done = [g[0] for g in groups if g[0].status == "happened"]
    return [
        g
        for g in groups
        if g[0].status != "planned" or not any(_same_across_zones(d, g[0]) for d in done)
    ]


def _same_across_zones(happened: Candidate, planned: Candidate) -> bool:
    assert happened.date is not None and planned.date is not None
    if happened.date.precision != "day" or planned.date.precision != "day":
        return False
    apart = abs((happened.date.date - planned.date.date).days)
    return apart <= 1 and _people_agree(happened, planned) and happened.full and planned.full


def _people_agree(a: Candidate, b: Candidate) -> bool:
    """On each side where both name people, they share one."""
    sides = ((a.us, b.us), (a.china, b.china))
    return all(not x or not y or set(x) & set(y) for x, y in sides)


def _same_contact(first: Candidate, other: Candidate) -> bool:
    if first.status != other.status or not _people_agree(first, other):
        return False
    assert first.date is not None and other.date is not None
    return first.date.iso == other.date.iso


def _within_month(first: Candidate, other: Candidate) -> bool:
    """ "The November summit" in an article that dates it to the day: the same contact."""
    assert first.date is not None and other.date is not None
    if other.date.precision != "month" or first.date.precision != "day":
        return False
    same_month = first.date.iso[:7] == other.date.iso
    return same_month and first.status == other.status and _people_agree(first, other)


def _same_leader_day(first: Candidate, other: Candidate, people: dict[str, Person]) -> bool:
    """A head of state's day with the other side is one event (the welcome, the talks...)."""
    assert first.date is not None and other.date is not None
    if first.status != other.status or first.date.iso != other.date.iso:
        return False
    return _kinds_join(first, other) and _shared_leader(first, other, people)


def _kinds_join(first: Candidate, other: Candidate) -> bool:
    """Mentions of different people join one event unless one is a letter or call."""
    separate = {first.kind, other.kind} & set(SEPARATE_KINDS)
    return not separate or first.kind == other.kind


def _shared_leader(first: Candidate, other: Candidate, people: dict[str, Person]) -> bool:
    shared = set(first.us + first.china) & set(other.us + other.china)
    return any(people[p].level == "leader" for p in shared if p in people)


def _covers(event: Candidate, cand: Candidate, people: dict[str, Person]) -> bool:
    if event.status != cand.status or _held_during_visit(event, cand):
        return False
    if not _people_agree(event, cand) and not (
        _kinds_join(event, cand) and _shared_leader(event, cand, people)
    ):
        return False
    assert event.date is not None and cand.date is not None
    if event.date.iso == cand.date.iso:
        return True
    if cand.date.basis == "publication":  # a guess: a dated mention of days before wins
        return abs((cand.date.date - event.date.date).days) <= NEWS_DAYS
    end = event.date.end_date or event.date.date
    return event.date.precision == "day" and event.date.date <= cand.date.date <= end


def _held_during_visit(visit: Candidate, cand: Candidate) -> bool:
    """Talks named with both sides during a visit of several days are a contact of their
    own (part of the visit), not another mention of the visit."""
    assert visit.date is not None
    multi_day = visit.date.end_date is not None
    talks = cand.kind in ("talks", "meeting") and cand.full and cand.status == "happened"
    own = talks and not BACK_REFERENCE.search(cand.sentence)  # not "during the visit"
    return visit.kind == "visit" and multi_day and own
