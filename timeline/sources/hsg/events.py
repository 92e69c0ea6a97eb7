"""Turn one historian's record into one `visit` event, in the project's own words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.model import Event, Person, Problem, Source
from timeline.naming import event_id, format_date, slugify
from timeline.people import office_holder
from timeline.sources.hsg.officials import (
    TITLES,
    Mention,
    find_mentions,
    resolve,
    split_title,
    untitled_names,
)
from timeline.sources.hsg.parse import HsgRecord

OUTLET = "Office of the Historian, U.S. Department of State"
SITE = "https://history.state.gov/departmenthistory"
OFFICES = {"president": "President", "secretary": "Secretary of State"}
# Old romanisations and spellings in the records -> the names the timeline uses.
CITY_NAMES = {
    "Peking": "Beijing",
    "Hangchow": "Hangzhou",
    "Soochow": "Suzhou",
    "Canton": "Guangzhou",
    "Tientsin": "Tianjin",
    "Nanking": "Nanjing",
    "Xian": "Xi'an",
    "Guelin": "Guilin",
    "Kweilin": "Guilin",
    "New York City": "New York",
    "Mar-a-Lago": "Palm Beach",
}
# Sentences of a visit's description about other stops than the meeting place.
OTHER_STOPS = re.compile(r"^(In U\.S\.|Arrived|Also|Afterwards|Later|Departed|Visited|As )")
PLACE_AFTER = re.compile(r"\b(?:at|in)\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
NOT_PLACES = {"U.S", "U.S.", "U.N", "U.N.", "UN", "The"}
VISIT_DEFAULT_PLACE = "Washington"
# What the visit was for, in our words, when the record says so.
OCCASIONS = (
    (re.compile(r"(?<![’']s )state visit", re.I), "on a state visit"),
    (re.compile(r"official (working )?visit", re.I), "on an official visit"),
    (re.compile(r"\bAPEC\b|Asia[- ]Pacific Economic", re.I), "for the APEC meetings"),
    (re.compile(r"\bG-?20\b"), "for the G20 summit"),
    (re.compile(r"Nuclear Security Summit"), "for the Nuclear Security Summit"),
    (re.compile(r"General Assembly|Millen+ium Summit|Security Council Summit"), "at the UN"),
    (re.compile(r"Strategic and Economic Dialogue"), "for the Strategic and Economic Dialogue"),
    (re.compile(r"Olympic"), "for the Olympic Games"),
)


# "Accompanied President Ford", "with Treasury Secretary Lew": a fellow traveller, not a host.
ALONG = re.compile(r"(?:\bAccompanied|(?<![Mm]et )\b[Ww]ith)\s+$")


@dataclass
class Named:
    """An official the remarks name, the title they are given, and whether they came along."""

    person: Person
    title: str
    along: bool


@dataclass
class Built:
    """An event built from a record, with who travelled and who came along."""

    event: Event
    record: HsgRecord
    traveller: str | None
    companions: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def record_url(record: HsgRecord) -> str:
    """The public history.state.gov page that lists the record."""
    if record.collection == "visits":
        return f"{SITE}/visits/{record.start[:4]}"
    return f"{SITE}/travels/{record.role or 'secretary'}/{record.who or ''}"


def collection_of(source: Source) -> str:
    """Which of the historian's collections an imported source cites ('' when unknown)."""
    url = source.url or ""
    return "visits" if "/visits/" in url else "travels" if "/travels/" in url else ""


def normalise_city(name: str) -> str:
    name = " ".join(name.split()).strip(" .")
    return CITY_NAMES.get(name, name)


def trip_places(record: HsgRecord) -> list[str]:
    """The cities of a trip abroad, normalised, in the record's order."""
    cities = [normalise_city(c) for c in re.split(r",|\band\b", record.locale)]
    return list(dict.fromkeys(c for c in cities if c))


def visit_place(record: HsgRecord) -> str:
    """Where a leader visiting the US met: the place of the first sentence naming one that is
    not about other stops; Washington when the record names none."""
    for sentence in re.split(r"(?<=\.)\s+", record.remarks):
        if OTHER_STOPS.match(sentence):
            continue
        for match in PLACE_AFTER.finditer(sentence):
            if match.group(1) not in NOT_PLACES:
                return normalise_city(match.group(1))
    return VISIT_DEFAULT_PLACE


def describe(named: Named, day: str) -> str:
    """'US Secretary of State Antony Blinken': the office held that day (the one the record
    names first), then the name."""
    person = named.person
    country = "US" if person.country == "us" else "Chinese"
    held = [r.title for r in person.roles if r.held_on(day)]
    prefixes = TITLES.get(named.title, ())
    titles = [t for t in held if prefixes and t.startswith(prefixes)] + held
    return f"{country} {titles[0]} {person.name}" if titles else person.name


def unknown_note(record: HsgRecord, person: Person | None, unknown: list[Mention]) -> str | None:
    """A note keeping the names the registry does not know yet, so nothing is lost."""
    names = ([] if person else [record.traveller]) + [str(m) for m in unknown]
    if not names:
        return None
    return f"Named in the record but not in people.yml: {'; '.join(dict.fromkeys(names))}."


def join_words(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class EventBuilder:
    """Builds events from records against one people registry."""

    def __init__(self, people: list[Person]):
        self.people = people
        self.by_id = {p.id: p for p in people}

    def traveller(self, record: HsgRecord) -> Person | None:
        if record.collection == "visits":
            return resolve(split_title(record.traveller), self.people, record.start)
        office = OFFICES.get(record.role or "", "Secretary of State")
        holder = office_holder(self.people, office, "us", record.start)
        family = (record.who or "").split("-")[0]
        if holder is not None and slugify(holder.id_part) == family:
            return holder
        return resolve(Mention("", record.traveller, 0, 0), self.people, record.start)

    def officials(self, record: HsgRecord) -> tuple[list[Named], list[Mention]]:
        """Everyone the remarks name: resolved to registry people, and the ones not found."""
        mentions = find_mentions(record.remarks)
        found: dict[str, Named] = {}
        unknown = []
        for mention in mentions:
            person = resolve(mention, self.people, record.start)
            if person is None:
                unknown.append(mention)
            elif person.id not in found:
                along = bool(ALONG.search(record.remarks, 0, mention.start))
                found[person.id] = Named(person, mention.title, along)
        for person in untitled_names(record.remarks, self.people, mentions):
            found.setdefault(person.id, Named(person, "", False))
        return list(found.values()), unknown

    def _unknown(self, record: HsgRecord, mention: Mention) -> Problem:
        field_name = "remarks" if record.collection == "travels" else "description"
        message = f"unknown official {str(mention)!r}: not in people.yml, kept in the notes"
        return Problem(
            record.path, message, f"record {record.id}: {field_name}", record.line, warning=True
        )

    def build(self, record: HsgRecord) -> Built:
        """The event of one record (its id still to be made unique by the caller)."""
        warnings: list[Problem] = []
        person = self.traveller(record)
        if person is None:
            warnings.append(self._unknown_traveller(record))
        side = "us" if record.collection == "travels" else "china"
        home = "us" if side == "us" else "cn"
        officials, unknown = self.officials(record)
        warnings += [self._unknown(record, mention) for mention in unknown]
        others = [n for n in officials if n.person.country != home]
        companions = [n for n in officials if n.along and n.person.country == home]
        places = trip_places(record) if side == "us" else [visit_place(record)]
        event = Event(id="", title="", date=record.start, kind="visit", review="reviewed")
        event.end_date = record.end if record.end != record.start else None
        travellers = [person.id] if person else []
        hosts = [n.person.id for n in others]
        event.us, event.china = (travellers, hosts) if side == "us" else (hosts, travellers)
        event.location = ", ".join(places) or None
        event.sources = [
            Source(
                outlet=OUTLET,
                url=record_url(record),
                language="en",
                record=record.id,
                date_basis="imported",
            )
        ]
        event.id = self._id(event, record, person)
        event.title = self._title(record, person, places)
        event.summary = self._summary(record, person, places, others, companions)
        event.notes = unknown_note(record, person, unknown)
        along = [n.person.id for n in companions]
        return Built(event, record, person.id if person else None, along, warnings)

    def _unknown_traveller(self, record: HsgRecord) -> Problem:
        tag = "name" if record.collection == "travels" else "visitor"
        message = f"traveller {record.traveller!r}: not in people.yml, kept in the notes"
        return Problem(
            record.path, message, f"record {record.id}: {tag}", record.line, warning=True
        )

    def _id(self, event: Event, record: HsgRecord, person: Person | None) -> str:
        named = Event(id="", title="", date=event.date, kind="visit", location=event.location)
        if person is not None:
            named.us = [person.id]
            return event_id(named, self.by_id)
        who = (record.who or "").split("-")[0] or slugify(split_title(record.traveller).name)
        return event_id(named, self.by_id).replace(event.date, f"{event.date}-{who}", 1)

    def _title(self, record: HsgRecord, person: Person | None, places: list[str]) -> str:
        name = person.name if person else split_title(record.traveller).name
        where = join_words(places) if places else self._country(record)
        return f"{name} visits {where}"

    @staticmethod
    def _country(record: HsgRecord) -> str:
        return "China" if record.collection == "travels" else "the United States"

    def _summary(
        self,
        record: HsgRecord,
        person: Person | None,
        places: list[str],
        others: list[Named],
        companions: list[Named],
    ) -> str:
        day = record.start
        title = OFFICES.get(record.role or "", "") or split_title(record.traveller).title
        who = describe(Named(person, title, False), day) if person else record.traveller
        when = format_date(record.start, record.end if record.end != record.start else None)
        where = f"{join_words(places)}, {when}" if places else when
        text = f"{who} visited {self._country(record)} ({where})"
        occasions = [phrase for pattern, phrase in OCCASIONS if pattern.search(record.remarks)]
        if occasions:
            text += " " + " and ".join(dict.fromkeys(occasions))
        if companions:
            text += ", together with " + join_words([describe(n, day) for n in companions])
        if others:
            text += (", and" if companions else " and") + " met "
            text += join_words([describe(n, day) for n in others])
        return text + "."
