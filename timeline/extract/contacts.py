"""Sentence level: the contact mentions of one sentence, with sides, status, kind and date.

A sentence is looked at only when it holds a contact word (cheap check first). Its sides
come from registry names, office phrases resolved on the event date, group phrases
("U.S. officials"), both-side phrases ("the two leaders", taking the people last named in
the article), or, for a visit or arrival, the other country or one of its cities.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.extract.dates.finder import Anchor, DateHit, find_dates
from timeline.extract.dates.pick import (
    BACK_REFERENCE,
    VAGUE_DATE,
    announced_before,
    pick_date,
    with_duration,
)
from timeline.extract.names import NameMatcher
from timeline.extract.offices import (
    both_sides_meant,
    both_sides_named,
    countries_named,
    find_roles,
    leaders_meant,
    sides_named,
)
from timeline.extract.places import PlaceMatcher
from timeline.extract.sentences import reading_language
from timeline.extract.tense import Modality, SentenceModality, Tense
from timeline.extract.triggers import Trigger, best_kind, find_triggers
from timeline.model import Person
from timeline.people import office_holder


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

    @property
    def full(self) -> bool:
        return self.sides >= {"us", "cn"}


@dataclass
class Context:
    """What the article has said so far: the people last named on each side, and next."""

    us: list[str] = field(default_factory=list)
    china: list[str] = field(default_factory=list)
    next_us: list[str] = field(default_factory=list)
    next_china: list[str] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)  # side -> sentence last named in
    index: int = 0

    def remember(self, us: list[str], china: list[str]) -> None:
        if us:
            self.us, self.seen["us"] = us, self.index
        if china:
            self.china, self.seen["cn"] = china, self.index

    def recent(self, side: str) -> list[str]:
        """The people last named on a side, if named within the reach."""
        if self.index - self.seen.get(side, -CONTEXT_REACH - 1) > CONTEXT_REACH:
            return []
        return list(self.us if side == "us" else self.china)

    def fill(self, side: str) -> list[str]:
        """People for a side named only as a group: named shortly before, else just after."""
        recent = self.index - self.seen.get(side, -CONTEXT_REACH - 1) <= CONTEXT_REACH
        before = (self.us if side == "us" else self.china) if recent else []
        return list(before or (self.next_us if side == "us" else self.next_china))


CONTEXT_REACH = 4  # sentences back a group phrase ("the two leaders") looks for its people
# A third-person pronoun as the subject, near the start of the sentence.
PRONOUN = {
    "en": re.compile(r"\b(?:he|she)\b", re.IGNORECASE),
    "uk": re.compile(r"(?<!\w)(?:він|вона)(?!\w)", re.IGNORECASE),
    "ru": re.compile(r"(?<!\w)(?:он|она)(?!\w)", re.IGNORECASE),
    "zh": re.compile(r"(?<![其])[他她](?![们們])"),
}
PLURAL_PRONOUN = {
    "en": re.compile(r"\bthey\b", re.IGNORECASE),
    "uk": re.compile(r"(?<!\w)вони(?!\w)", re.IGNORECASE),
    "ru": re.compile(r"(?<!\w)они(?!\w)", re.IGNORECASE),
    "zh": re.compile(r"他们|他們"),
}
PRONOUN_REACH = 40  # characters from the start of the sentence

# Which office on the other side is "his counterpart" of an office.
COUNTERPART = {
    "President": "President",
    "Vice President": "Vice President",
    "Secretary of State": "Minister of Foreign Affairs",
    "Minister of Foreign Affairs": "Secretary of State",
    "National Security Advisor": "Top Diplomat",
    "Top Diplomat": "National Security Advisor",
    "Secretary of Defense": "Minister of National Defense",
    "Minister of National Defense": "Secretary of Defense",
    "Secretary of Commerce": "Minister of Commerce",
    "Minister of Commerce": "Secretary of Commerce",
    "Secretary of the Treasury": "Chief Trade Negotiator",
    "Chief Trade Negotiator": "Secretary of the Treasury",
    "Special Presidential Envoy for Climate": "Special Envoy for Climate Change",
    "Special Envoy for Climate Change": "Special Presidential Envoy for Climate",
}
COUNTERPART_WORDS = re.compile(
    r"counterpart|колег|коллег|对口|同行|homolog|omolog|Amtskolleg", re.I
)


class SentenceReader:
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
        triggers = find_triggers(sentence, language)
        out = []
        if triggers:
            for status, group in _by_status(sentence, triggers, language).items():
                for part, window in _by_own_date(sentence, group, language, anchor, status):
                    found = Found(sentence, index, language, status, part, list(us), list(china))
                    found.window = window
                    cand = self._candidate(found, anchor, context)
                    if cand is not None:
                        out.append(cand)
        context.remember(us, china)
        return out

    def _candidate(self, f: Found, anchor: Anchor, context: Context) -> Candidate | None:
        tense = Tense.FUTURE if f.status == "planned" else Tense.PAST
        hits = list(_dates(f.sentence, f.language, anchor, tense))
        if f.window is not None:
            hits = [h for h in hits if f.window[0] <= h.start < f.window[1]]
        picked = pick_date(f.sentence, f.group, hits, planned=f.status == "planned")
        date = with_duration(f.sentence, picked) if isinstance(picked, DateHit) else None
        if f.status == "happened" and date is not None and announced_before(f.sentence, hits, date):
            f.status = "planned"  # "the White House said on the 25th that they meet on the 27th"
        day = date.date if date else anchor.date
        sides = {s for s, people in (("us", f.us), ("cn", f.china)) if people}
        self._add_roles(f, day, sides)
        sides |= sides_named(f.sentence, f.language)
        if day is not None and any(
            leaders_meant(f.sentence, f.language, (t.start, t.end)) for t in f.group
        ):
            tight = any(
                leaders_meant(f.sentence, f.language, (t.start, t.end), 12) for t in f.group
            )
            if tight and both_sides_named(f.sentence, f.language):
                # "中美双方…以两国元首6月5日通话为指引": the heads of state, not the speaker
                f.us[:] = [p for p in f.us if self.by_id[p].level == "leader"]
                f.china[:] = [p for p in f.china if self.by_id[p].level == "leader"]
            self._leaders(f, sides, day, context)
        if both_sides_named(f.sentence, f.language):
            sides |= {"us", "cn"}
        elif (
            both_sides_meant(f.sentence, f.language)
            and day is not None
            and not leaders_meant(f.sentence, f.language)  # whose leaders: _leaders decided
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
            background=picked is VAGUE_DATE,
        )

    def _fill(
        self, f: Found, sides: set[str], day: dt.date | None, context: Context, kinds: list[str]
    ) -> None:
        """Name the people of a side given only as a group, a counterpart or a host."""
        if sides < {"us", "cn"} or day is None:
            return
        for side, mine, theirs in (("us", f.us, f.china), ("cn", f.china, f.us)):
            if mine:
                continue
            found = self._counterparts(theirs, day) if COUNTERPART_WORDS.search(f.sentence) else []
            if not found and {"visit", "arrival"} & set(kinds):
                found = self._host(theirs, side, day)
            if not found:
                found = context.fill(side)
            mine.extend(p for p in found if p not in mine)

    def _leaders(self, f: Found, sides: set[str], day: dt.date, context: Context) -> None:
        """ "The two leaders", "两国元首": the leaders just named on both sides, or, when the
        sentence names the two countries ("中美双方 ... 两国元首"), their presidents of the
        day. With one side's leader named only ("Xi ... the two leaders met in the Kremlin")
        the other leader may be anyone's: nothing is filled."""
        named = {
            side: [p for p in context.fill(side) if self.by_id[p].level == "leader"]
            for side in ("us", "cn")
        }
        have = {"us": f.us or named["us"], "cn": f.china or named["cn"]}
        if bool(have["us"]) != bool(have["cn"]):
            return
        if not have["us"] and not both_sides_named(f.sentence, f.language):
            return  # "the two leaders" of which countries? Only "中美两国元首" says
        for side, mine in (("us", f.us), ("cn", f.china)):
            holder = office_holder(self.people, "President", side, day.isoformat())
            if not mine:
                mine.extend(have[side] or ([holder.id] if holder else []))
        if f.us and f.china:
            sides |= {"us", "cn"}

    def _pronoun(self, f: Found, sides: set[str], context: Context) -> None:
        """ "He last met Wang Yi in February": the side a pronoun stands for is the person
        named on that side in the sentences just before."""
        missing = {"us", "cn"} - sides
        head = f.sentence[:PRONOUN_REACH]
        plural = PLURAL_PRONOUN.get(f.language)
        if missing == {"us", "cn"} and plural is not None and plural.search(head):
            us, china = context.recent("us"), context.recent("cn")
            if us and china:  # "Востаннє вони розмовляли у квітні": the two just named
                f.us.extend(us)
                f.china.extend(china)
                sides |= missing
            return
        pattern = PRONOUN.get(f.language)
        if len(missing) != 1 or pattern is None or not pattern.search(head):
            return
        side = missing.pop()
        found = context.recent(side)
        if found:
            (f.us if side == "us" else f.china).extend(found)
            sides.add(side)

    def _counterparts(self, others: list[str], day: dt.date) -> list[str]:
        found = []
        for pid in others:
            person = self.by_id[pid]
            for role in person.roles:
                title = COUNTERPART.get(role.title)
                if title and role.held_on(day.isoformat()):
                    other = "cn" if person.country == "us" else "us"
                    holder = office_holder(self.people, title, other, day.isoformat())
                    if holder:
                        found.append(holder.id)
        return found

    def _host(self, visitors: list[str], side: str, day: dt.date) -> list[str]:
        """A head of state or government visiting is hosted by the other side's president."""
        iso = day.isoformat()
        in_office = [p for p in visitors if any(r.held_on(iso) for r in self.by_id[p].roles)]
        if not in_office or any(self.by_id[p].level != "leader" for p in in_office):
            return []  # an envoy's visit, or a former president's long ago, is no state visit
        holder = office_holder(self.people, "President", side, day.isoformat())
        return [holder.id] if holder else []

    def _add_roles(self, f: Found, day: dt.date | None, sides: set[str]) -> None:
        if day is None:
            return
        named = {m.start for m in self.names.find(f.sentence, f.language)}
        for role in find_roles(f.sentence, f.language):
            reach = 8 if f.language == "zh" else 3  # "美国总统气候问题特使克里": a title chain
            if any(role.end <= s <= role.end + reach for s in named):
                continue  # "Secretary of State Antony Blinken": the name says who
            holder = office_holder(self.people, role.title, role.country, day.isoformat())
            sides.add(role.country)
            if holder is None:
                continue
            side = f.us if holder.country == "us" else f.china
            if holder.id not in side:
                side.append(holder.id)

    def _places_of_sides(self, sentence: str, language: str) -> set[str]:
        """The sides whose country or one of whose cities the sentence names."""
        found = countries_named(sentence, language)
        city = self.places.find(sentence, language)
        country = self.places.country_of(city) if city else None
        return found | ({country} if country else set())


@dataclass
class Found:
    """The facts of one sentence for one status (happened or planned)."""

    sentence: str
    index: int
    language: str
    status: str
    group: list[Trigger]
    us: list[str]
    china: list[str]
    window: tuple[int, int] | None = None  # where its dates are, when a sentence has several


MAX_TRIGGERS = 12  # contact words looked at per sentence (work cap)


def _by_status(sentence: str, triggers: list[Trigger], language: str) -> dict[str, list[Trigger]]:
    groups: dict[str, list[Trigger]] = {}
    marks = SentenceModality(sentence, language)
    for trigger in triggers[:MAX_TRIGGERS]:
        how = marks.at(trigger.start)
        if how is Modality.NONE:
            continue
        groups.setdefault(how.value, []).append(trigger)
    return groups


Part = tuple[list[Trigger], tuple[int, int] | None]  # contact words, where their dates are


def _by_own_date(
    sentence: str, group: list[Trigger], language: str, anchor: Anchor, status: str
) -> list[Part]:
    """Contact words with different dates of their own are different contacts ("meetings in
    Bangkok on 26-27 January and a meeting in Munich in February"; "6月5日通话,距1月17日通话");
    each part comes with the stretch of the sentence its date is read from."""
    if len(group) < 2:
        return [(group, None)]
    tense = Tense.FUTURE if status == "planned" else Tense.PAST
    hits = [h for h in _dates(sentence, language, anchor, tense) if h.precision in ("day", "month")]
    attached = {  # "1月17日通话", "the June 12 call": the date of the noun right after it
        id(h): t for h in hits for t in group if 0 <= t.start - (h.start + len(h.text)) <= 3
    }
    parts: dict[str, tuple[list[Trigger], int]] = {}
    undated: list[Trigger] = []
    ends = [t.start for t in group[1:]] + [len(sentence)]
    for trigger, end in zip(group, ends, strict=True):
        noun = [h for h in hits if attached.get(id(h)) is trigger]
        after = [h for h in hits if trigger.end <= h.start < end and id(h) not in attached]
        if noun or after:
            hit = (noun or after)[0]
            start = hit.start if noun else trigger.end
            parts.setdefault(hit.iso, ([], start))[0].append(trigger)
        else:
            undated.append(trigger)
    if undated and any(attached.get(id(h)) for h in hits) and parts:
        first = (undated, _window(undated, group, len(sentence)))
        return [first, *_parts(parts, group, len(sentence))]
    if len(parts) < 2:
        return [(group, None)]
    split = _parts(parts, group, len(sentence))
    split[0] = (sorted(split[0][0] + undated, key=lambda t: t.start), split[0][1])
    return split


def _parts(
    parts: dict[str, tuple[list[Trigger], int]], group: list[Trigger], length: int
) -> list[Part]:
    """Each part's dates: from its own date (or word) to the next other contact word."""
    return [(ts, (start, _window(ts, group, length)[1])) for ts, start in parts.values()]


def _window(part: list[Trigger], group: list[Trigger], length: int) -> tuple[int, int]:
    """From the last other contact word before the part to the first other one after it."""
    others = [t for t in group if t not in part]
    before = [t.end for t in others if t.end <= part[0].start]
    after = [t.start for t in others if t.start >= part[-1].end]
    return (max(before) if before else 0, min(after) if after else length)


@functools.lru_cache(maxsize=256)
def _dates(sentence: str, language: str, anchor: Anchor, tense: Tense) -> tuple[DateHit, ...]:
    """The sentence's dates, found once for all of its contact words."""
    return tuple(find_dates(sentence, language, anchor, tense))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
