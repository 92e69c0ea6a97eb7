"""Sentence level: the contact mentions of one sentence, with sides, status, kind and date.

A sentence is looked at only when it holds a contact word (cheap check first). Its sides
come from registry names, office phrases resolved on the event date, group phrases
("U.S. officials"), both-side phrases ("the two leaders", taking the people last named in
the article), or, for a visit or arrival, the other country or one of its cities.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.extract.context import (
    Context,
)
from timeline.extract.dates.finder import Anchor, DateHit, unread_weekday
from timeline.extract.dates.pick import (
    BACK_REFERENCE,
    VAGUE_DATE,
    announced_before,
    pick_date,
    with_duration,
)
from timeline.extract.names import Mention, NameMatcher
from timeline.extract.offices import (
    both_sides_meant,
    both_sides_named,
    leaders_meant,
    sides_named,
)
from timeline.extract.places import PlaceMatcher
from timeline.extract.sentences import reading_language
from timeline.extract.sides import Found, SidesReader
from timeline.extract.stretches import (
    Piece,
    by_own_date,
    by_status,
    nearest_dates,
    sentence_dates,
    stretches,
)
from timeline.extract.tense import Clauses, Tense
from timeline.extract.triggers import Trigger, best_kind, find_triggers
from timeline.model import Person


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
    background: bool = False  # dated only vaguely ("last year"): never given another date
    lead: bool = False  # among the article's first sentences (boilerplate lines not counted)
    written: str = ""  # the sentence as the article has it (before script conversion)
    named: bool = True  # names someone itself (not only "US and Chinese officials")
    at: int = 0  # where its first contact word is in the sentence

    @property
    def full(self) -> bool:
        return self.sides >= {"us", "cn"}


class SentenceReader(SidesReader):
    """Reads contact candidates out of sentences, with the registry compiled once."""

    def __init__(self, people: list[Person], places: PlaceMatcher, names: NameMatcher):
        self.people = people
        self.by_id = {p.id: p for p in people}
        self.names = names
        self.places = places

    def people_in(self, sentence: str, language: str) -> tuple[list[str], list[str]]:
        mentions = self.names.find(sentence, reading_language(sentence, language))
        us = _unique(m.person for m in mentions if self.by_id[m.person].country == "us")
        china = _unique(m.person for m in mentions if self.by_id[m.person].country == "cn")
        return us, china

    def read(
        self,
        sentence: str,
        index: int,
        language: str,
        anchor: Anchor,
        context: Context,
        named: tuple[list[str], list[str]] | None = None,
    ) -> list[Candidate]:
        """The candidates of one sentence (none when it has no contact word)."""
        us, china = named if named is not None else self.people_in(sentence, language)
        language = reading_language(sentence, language)
        # a contact word is never inside a name: "何立峰会面" holds 会面, not 峰会
        mentions = self.names.find(sentence, language) if us or china else []
        triggers = find_triggers(_without_names(sentence, mentions), language)
        out = []
        if not triggers:  # most sentences: nothing more to read
            found_here: list[Found] = []
        else:
            found_here = self._found(sentence, index, language, anchor, triggers, (us, china))
        for found in found_here:
            cand = self._candidate(found, anchor, context)
            if cand is not None:
                out.append(cand)
        context.remember(us, china, {p for p in us + china if self.by_id[p].level == "leader"})
        context.previous = (sentence, language)
        return out

    def _found(
        self,
        sentence: str,
        index: int,
        language: str,
        anchor: Anchor,
        triggers: list[Trigger],
        named: tuple[list[str], list[str]],
    ) -> list[Found]:
        """The sentence's contacts: its contact words grouped by status, own date and own
        people, each group with the stretch its people and dates are read from."""
        us, china = named
        mentions = self.names.find(sentence, language) if len(triggers) > 1 else []
        parts = [
            (status, part, window)
            for status, group in by_status(sentence, triggers, language).items()
            for part, window in by_own_date(sentence, group, language, anchor, status)
        ]
        pieces = [
            (status, piece, window, people, part)
            for status, part, window in parts
            for piece, people in (
                self._by_own_people(mentions, part) if us and china else [(part, None)]
            )
        ]
        hits = sentence_dates(sentence, language, anchor, Tense.PAST) if len(pieces) > 1 else ()
        spans = (
            stretches(sentence, [(p, w) for _, p, w, _, _ in pieces], hits)
            if len(pieces) > 1
            else {}
        )
        whole = [part for _, part, _ in parts]
        out = []
        for status, part, window, people, of in pieces:
            found = Found(sentence, index, language, status, part, list(us), list(china))
            found.window = window
            if spans:
                found.span = spans[id(part)]
                if window is None and len(whole) > 1:  # set apart by status: nearest dates
                    found.dates_at = nearest_dates(sentence, of, whole, hits)
                found.us, found.china = people or self._people_of_span(found, mentions)
            out.append(found)
        return out

    def _by_own_people(self, mentions: list[Mention], part: list[Trigger]) -> list[Piece]:
        """Contact words each nearest to other people of both sides are different contacts
        of one day ("沙利文与王毅的会谈是在拜登会见王毅后举行的"); a name goes with the
        contact word nearest to it. Otherwise the part stays whole (people: None)."""
        if len(part) < 2:
            return [(part, None)]
        named: dict[int, dict[str, list[str]]] = {id(t): {"us": [], "cn": []} for t in part}
        for m in mentions:
            nearest = min(part, key=lambda t: max(t.start - m.end, m.start - t.end))
            named[id(nearest)][self.by_id[m.person].country].append(m.person)
        pieces: list[tuple[list[Trigger], list[str], list[str]]] = []
        for trigger in part:
            us, cn = named[id(trigger)]["us"], named[id(trigger)]["cn"]
            if not (us and cn) or (
                pieces and set(us) == set(pieces[-1][1]) and set(cn) == set(pieces[-1][2])
            ):
                if not pieces:
                    return [(part, None)]
                pieces[-1][0].append(trigger)
            else:
                pieces.append(([trigger], _unique(us), _unique(cn)))
        if len(pieces) < 2:
            return [(part, None)]
        return [(triggers, (us, cn)) for triggers, us, cn in pieces]

    def _people_of_span(self, f: Found, mentions: list[Mention]) -> tuple[list[str], list[str]]:
        """A sentence reporting several contacts: each takes the people named in its own
        stretch; a side it does not name comes from before the stretch (the subject), never
        from another contact's stretch after it."""
        assert f.span is not None
        start, end = f.span
        sides: dict[str, dict[str, list[str]]] = {"in": {}, "before": {}}
        for m in mentions:
            where = "in" if start <= m.start < end else "before" if m.start < start else ""
            if where:
                sides[where].setdefault(self.by_id[m.person].country, []).append(m.person)
        own, before = sides["in"], sides["before"]
        return _unique(own.get("us") or before.get("us") or []), _unique(
            own.get("cn") or before.get("cn") or []
        )

    def _candidate(self, f: Found, anchor: Anchor, context: Context) -> Candidate | None:
        tense = Tense.FUTURE if f.status == "planned" else Tense.PAST
        hits = list(sentence_dates(f.sentence, f.language, anchor, tense))
        if f.window is not None:
            hits = [h for h in hits if f.window[0] <= h.start < f.window[1]]
        if f.dates_at is not None:
            hits = [h for h in hits if h.start in f.dates_at]
        picked = pick_date(f.sentence, f.group, hits, planned=f.status == "planned")
        if picked is None and _weekday_unread(f, anchor):
            picked = VAGUE_DATE  # its own day is unknown: never another sentence's
        date = with_duration(f.sentence, picked) if isinstance(picked, DateHit) else None
        if picked is None and f.status == "happened" and THEN.get(f.language):
            date = _then(f, anchor, context)
        if f.status == "happened" and date is not None and announced_before(f.sentence, hits, date):
            f.status = "planned"  # "the White House said on the 25th that they meet on the 27th"
        day = date.date if date else anchor.date
        sides = {s for s, people in (("us", f.us), ("cn", f.china)) if people}
        self._add_roles(f, day, sides)
        named = bool(f.us or f.china)  # by name or office, before any group phrase is filled
        sides |= sides_named(f.scope, f.language)
        if day is not None and any(
            leaders_meant(f.scope, f.language, (t.start, t.end)) for t in f.group
        ):
            tight = any(leaders_meant(f.scope, f.language, (t.start, t.end), 12) for t in f.group)
            if tight and both_sides_named(f.scope, f.language):
                # "中美双方…以两国元首6月5日通话为指引": the heads of state, not the speaker
                f.us[:] = [p for p in f.us if self.by_id[p].level == "leader"]
                f.china[:] = [p for p in f.china if self.by_id[p].level == "leader"]
            self._leaders(f, sides, day, context)
        if both_sides_named(f.scope, f.language):
            sides |= {"us", "cn"}
        elif (
            both_sides_meant(f.scope, f.language)
            and day is not None
            and not leaders_meant(f.scope, f.language)  # whose leaders: _leaders decided
        ):
            us = f.us or context.fill("us")
            china = f.china or context.fill("cn")
            if us and china:  # "the two leaders" with no one named nearby means nothing here
                f.us[:], f.china[:] = us, china
                sides |= {"us", "cn"}
        places = self._places_of_sides(f.sentence, f.language)
        kinds = [t.kind for t in f.group]
        if "arrival" in kinds and not places:
            kinds = [k for k in kinds if k != "arrival"]  # arriving at a third country
        if not kinds:
            return None
        if {"visit", "arrival"} & set(kinds) and len(sides) == 1:
            sides |= places - sides
        self._pronoun(f, sides, context)
        self._fill(f, sides, day, context, kinds)
        if not sides and not (date and BACK_REFERENCE.search(f.sentence)):
            return None  # "The talks took place on Friday" only carries a date (extract.py)
        return Candidate(
            sentence=f.sentence,
            index=f.index,
            kind=best_kind(kinds),
            status=f.status,
            us=f.us,
            china=f.china,
            sides=sides,
            location=self.places.find(
                f.sentence, f.language, near=date.start if date else f.group[0].start
            ),
            date=date,
            kinds=kinds,
            named=named,
            at=f.group[0].start,
            background=picked is VAGUE_DATE,
        )


def _without_names(sentence: str, mentions: list[Mention]) -> str:
    """The sentence with each name blanked out, positions kept (not the presidents' initials
    of "川习会", which are the meeting's name)."""
    for m in (m for m in mentions if m.end - m.start > 1):
        sentence = sentence[: m.start] + " " * (m.end - m.start) + sentence[m.end :]
    return sentence


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# "Тогда они провели переговоры": the time the sentence before named.
THEN = {
    "en": re.compile(r"(?:Then|At that time|Back then|At the time),?\s"),
    "uk": re.compile(r"(?:Тоді|На той час)\s"),
    "ru": re.compile(r"(?:Тогда|В тот раз|В то время)\s"),
    "zh": re.compile(r"(?:当时|那时|彼时|那次)"),
}


def _then(f: Found, anchor: Anchor, context: Context) -> DateHit | None:
    """A sentence opening with "then" is dated by the last date of the sentence before."""
    pattern = THEN[f.language]
    if not pattern.match(f.sentence.lstrip()) or context.previous is None:
        return None
    sentence, language = context.previous
    hits = [
        h
        for h in sentence_dates(sentence, language, anchor, Tense.PAST)
        if h.precision in ("day", "month")
    ]
    return dataclasses.replace(hits[-1], rule="then: the sentence before") if hits else None


def _weekday_unread(f: Found, anchor: Anchor) -> bool:
    clauses = Clauses(f.sentence)
    return any(
        unread_weekday(f.sentence, f.language, anchor, *clauses.around(t.start)) for t in f.group
    )
