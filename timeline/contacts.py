"""Sentence level: the contact mentions of one sentence, with sides, status, kind and date.

A sentence is looked at only when it holds a contact word (cheap check first). Its sides
come from registry names, office phrases resolved on the event date, group phrases
("U.S. officials"), both-side phrases ("the two leaders", taking the people last named in
the article), or, for a visit or arrival, the other country or one of its cities.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import Anchor, DateHit, find_dates
from .model import Person
from .names import NameMatcher
from .people import office_holder
from .places import PlaceMatcher
from .roles import both_sides_named, countries_named, find_roles, sides_named
from .tense import Modality, Tense, clause_bounds, modality
from .triggers import Trigger, best_kind, find_triggers

MAX_SENTENCE = 3000  # longer "sentences" (tables, run-on junk) are cut to this many characters
SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"»”’)]*\s+|(?<=[。！？])|\n+")


@dataclass
class Candidate:
    """One reported contact in one sentence."""

    sentence: str
    index: int
    kind: str
    status: str
    us: list[str]
    china: list[str]
    sides: set[str]
    location: str | None
    date: DateHit | None
    inherited: bool = False
    kinds: list[str] = field(default_factory=list)

    @property
    def full(self) -> bool:
        return self.sides >= {"us", "cn"}


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, whitespace-trimmed, empty ones dropped, each at most MAX_SENTENCE."""
    return [s.strip()[:MAX_SENTENCE] for s in SENTENCE_END.split(text) if s and s.strip()]


@dataclass
class Context:
    """What the article has said so far: the people last named on each side."""

    us: list[str] = field(default_factory=list)
    china: list[str] = field(default_factory=list)

    def remember(self, us: list[str], china: list[str]) -> None:
        if us:
            self.us = us
        if china:
            self.china = china


class SentenceReader:
    """Reads contact candidates out of sentences, with the registry compiled once."""

    def __init__(self, people: list[Person], places: PlaceMatcher, names: NameMatcher):
        self.people = people
        self.by_id = {p.id: p for p in people}
        self.names = names
        self.places = places

    def people_in(self, sentence: str, language: str) -> tuple[list[str], list[str]]:
        mentions = self.names.find(sentence, language)
        us = _unique(m.person for m in mentions if self.by_id[m.person].country == "us")
        china = _unique(m.person for m in mentions if self.by_id[m.person].country == "cn")
        return us, china

    def read(
        self, sentence: str, index: int, language: str, anchor: Anchor, context: Context
    ) -> list[Candidate]:
        """The candidates of one sentence (none when it has no contact word)."""
        triggers = find_triggers(sentence, language)
        us, china = self.people_in(sentence, language)
        if not triggers:
            context.remember(us, china)
            return []
        out = []
        for status, group in _by_status(sentence, triggers, language).items():
            cand = self._candidate(sentence, index, language, anchor, context, status, group, us, china)
            if cand is not None:
                out.append(cand)
        context.remember(us, china)
        return out

    def _candidate(  # noqa: PLR0913 - one sentence's facts
        self,
        sentence: str,
        index: int,
        language: str,
        anchor: Anchor,
        context: Context,
        status: str,
        group: list[Trigger],
        us: list[str],
        china: list[str],
    ) -> Candidate | None:
        tense = Tense.FUTURE if status == "planned" else Tense.PAST
        date = _pick_date(sentence, group, find_dates(sentence, language, anchor, tense))
        day = (date.date if date else anchor.date) or None
        us, china = list(us), list(china)
        sides = {"us"} if us else set()
        sides |= {"cn"} if china else set()
        self._add_roles(sentence, language, day, us, china, sides)
        sides |= sides_named(sentence, language)
        if both_sides_named(sentence, language):
            sides |= {"us", "cn"}
            us = us or list(context.us)
            china = china or list(context.china)
        kinds = [t.kind for t in group]
        if "visit" in kinds and len(sides) == 1:
            sides |= self._destination(sentence, language, sides)
        if not sides:
            return None
        return Candidate(
            sentence=sentence,
            index=index,
            kind=best_kind(kinds),
            status=status,
            us=us,
            china=china,
            sides=sides,
            location=self.places.find(sentence, language),
            date=date,
            kinds=kinds,
        )

    def _add_roles(self, sentence, language, day, us, china, sides) -> None:  # type: ignore[no-untyped-def]
        if day is None:
            return
        named = {m.start for m in self.names.find(sentence, language)}
        for role in find_roles(sentence, language):
            if any(role.end <= s <= role.end + 3 for s in named):
                continue  # "Secretary of State Antony Blinken": the name says who
            holder = office_holder(self.people, role.title, role.country, day.isoformat())
            if holder is None:
                sides.add(role.country)
                continue
            side = us if holder.country == "us" else china
            if holder.id not in side:
                side.append(holder.id)
            sides.add(holder.country)

    def _destination(self, sentence: str, language: str, sides: set[str]) -> set[str]:
        """For a visit: the other country, named or through one of its cities."""
        other = "cn" if "us" in sides else "us"
        if other in countries_named(sentence, language):
            return {other}
        city = self.places.find(sentence, language)
        if city and self.places.country_of(city) == other:
            return {other}
        return set()


def _by_status(sentence: str, triggers: list[Trigger], language: str) -> dict[str, list[Trigger]]:
    groups: dict[str, list[Trigger]] = {}
    for trigger in triggers:
        clause = clause_bounds(sentence, trigger.start)
        how = modality(sentence, trigger.start, trigger.end, language, clause)
        if how is Modality.NONE:
            continue
        groups.setdefault(how.value, []).append(trigger)
    return groups


def _pick_date(sentence: str, group: list[Trigger], hits: list[DateHit]) -> DateHit | None:
    """The date of a contact: in the clause of one of its words, else the nearest one."""
    usable = [h for h in hits if h.precision in ("day", "month")]
    if not usable:
        return None
    for trigger in group:
        start, end = clause_bounds(sentence, trigger.start)
        same = [h for h in usable if start <= h.start < end]
        if same:
            return _closest(same, trigger.start)
    return _closest(usable, group[0].start)


def _closest(hits: list[DateHit], position: int) -> DateHit:
    day_first = sorted(hits, key=lambda h: (h.precision != "day", abs(h.start - position)))
    return day_first[0]


def _unique(items) -> list[str]:  # type: ignore[no-untyped-def]
    return list(dict.fromkeys(items))


def as_day(hit: DateHit | None) -> dt.date | None:
    return hit.date if hit else None
