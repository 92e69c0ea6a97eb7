"""Sentence level, the sides of a contact mention: offices resolved on the day, the two
leaders, pronouns and a quoted speaker, counterparts and hosts, and the country visited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline.extract.context import (
    COUNTERPART,
    COUNTERPART_WORDS,
    FIRST_PERSON,
    PLURAL_PRONOUN,
    PRONOUN,
    PRONOUN_REACH,
    Context,
)
from timeline.extract.names import NameMatcher
from timeline.extract.offices import (
    both_sides_named,
    countries_named,
    find_roles,
)
from timeline.extract.places import PlaceMatcher
from timeline.extract.triggers import Trigger
from timeline.model import Person
from timeline.people import office_holder


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
    span: tuple[int, int] | None = None  # where its people are, when a sentence has several
    dates_at: set[int] | None = None  # where its dates start, when only its status sets it apart

    @property
    def scope(self) -> str:
        """The sentence as this contact sees it: another contact's stretch blanked out (its
        offices and group phrases, "两国领导人有意会晤", are that contact's), positions kept."""
        if self.span is None:
            return self.sentence
        start, end = self.span
        return " " * start + self.sentence[start:end] + " " * (len(self.sentence) - end)


class SidesReader:
    """Who a contact mention's sides are (mixed into `contacts.SentenceReader`)."""

    people: list[Person]
    by_id: dict[str, Person]
    names: NameMatcher
    places: PlaceMatcher

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
            or context.last_leaders(side)
            for side in ("us", "cn")
        }
        have = {"us": f.us or named["us"], "cn": f.china or named["cn"]}
        if bool(have["us"]) != bool(have["cn"]):
            return
        if not have["us"] and not both_sides_named(f.scope, f.language):
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
        if len(missing) != 1:
            return
        side = missing.pop()
        pattern, speaker = PRONOUN.get(f.language), FIRST_PERSON.get(f.language)
        if speaker is not None and speaker.search(f.scope):
            found = context.fill(side)  # the speaker: named just before, else just after
        elif pattern is not None and pattern.search(head):
            found = context.recent(side)
        else:
            return
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
        named = {m.start for m in self.names.find(f.scope, f.language)}
        for role in find_roles(f.scope, f.language):
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
