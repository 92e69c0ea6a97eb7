"""Ids, file paths, titles and summaries generated from an event's structured fields."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from timeline.model import Event, Person

VERB = {
    "meeting": ("meets", "meet"),
    "talks": ("holds talks with", "hold talks"),
    "call": ("speaks by phone with", "speak by phone"),
    "visit": ("visits", "visit"),
    "summit": ("holds a summit with", "hold a summit"),
    "message": ("exchanges messages with", "exchange messages"),
    "other": ("is in contact with", "are in contact"),
}
PAST = {
    "meeting": "met",
    "talks": "held talks",
    "call": "spoke by phone",
    "visit": "met during a visit",
    "summit": "held a summit",
    "message": "exchanged messages",
    "other": "were in contact",
}
MONTHS = (
    "January February March April May June July August September October November December".split()
)
ID_RE = re.compile(r"^\d{4}(-\d{2}){0,2}(-[a-z0-9]+)+$")


def slugify(text: str) -> str:
    """ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def place_part(place: str) -> str:
    """The place as an id part: its ASCII slug (`Zürich` and `Zurich` are one place, `zurich`),
    or, for a name with no Latin letters (北京, Київ), `p` and 6 hex digits of the name, so
    two such places never share an id."""
    slug = slugify(place)
    if slug or not place.strip():
        return slug
    digest = hashlib.sha256(unicodedata.normalize("NFC", place.strip()).encode()).hexdigest()
    return "p" + digest[:6]


def event_id(event: Event, people: dict[str, Person]) -> str:
    """Date, participants' short names (US first) and place: 2023-06-18-blinken-qin-gang-beijing."""
    parts = [event.date]
    for pid in event.people:
        person = people.get(pid)
        parts.append(slugify(person.id_part if person else pid))
    if event.location:
        parts.append(place_part(event.location))
    if len(parts) == 1:
        parts.append(event.kind)
    return "-".join(p for p in parts if p)[:120].rstrip("-")


def event_path(event_id_: str) -> str:
    """Where an event lives below `content/events/`: a folder per year."""
    return f"{event_id_[:4]}/{event_id_}.yml"


def display_names(ids: list[str], people: dict[str, Person]) -> str:
    names = [people[i].name if i in people else i for i in ids]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def event_title(event: Event, people: dict[str, Person]) -> str:
    """An English title generated from the structured fields."""
    us, china = display_names(event.us, people), display_names(event.china, people)
    singular, plural = VERB.get(event.kind, VERB["other"])
    if us and china:
        title = f"{us} {singular} {china}"
    else:
        side = us or china or "US and Chinese officials"
        title = f"{side} {plural}"
    if event.location:
        title += f" in {event.location}"
    if event.status == "planned":
        title = "Planned: " + title
    elif event.status == "cancelled":
        title = "Cancelled: " + title
    return title


def format_date(date: str, end_date: str | None = None) -> str:
    """A date written for its precision: 18 June 2023, June 2023, 17–19 June 2023."""
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    if not end_date or end_date == date:
        return f"{day} {month} {parts[0]}"
    end = dt.date.fromisoformat(end_date) if len(end_date) == 10 else None
    if end is None:
        return f"{day} {month} {parts[0]} – {end_date}"
    if end.year != int(parts[0]):
        return f"{day} {month} {parts[0]} – {end.day} {MONTHS[end.month - 1]} {end.year}"
    if end.month != int(parts[1]):
        return f"{day} {month} – {end.day} {MONTHS[end.month - 1]} {end.year}"
    return f"{day}–{end.day} {month} {parts[0]}"


def _with_role(pid: str, people: dict[str, Person], day: str, country: str) -> str:
    person = people.get(pid)
    if person is None:
        return pid
    titles = [r.title for r in person.roles if r.held_on(day)]
    if not titles:
        return person.name
    return f"{country} {titles[0]} {person.name}"


def event_summary(event: Event, people: dict[str, Person]) -> str:
    """A one-sentence English summary in the project's own words."""
    day = event.date if len(event.date) == 10 else event.date + "-15"
    us = [_with_role(p, people, day, "US") for p in event.us]
    china = [_with_role(p, people, day, "Chinese") for p in event.china]
    who = " and ".join(x for x in (", ".join(us), ", ".join(china)) if x)
    verb = PAST.get(event.kind, PAST["other"])
    if event.status == "planned":
        verb = "are to " + VERB.get(event.kind, VERB["other"])[1]
    text = f"{who or 'US and Chinese officials'} {verb}"
    if event.location:
        text += f" in {event.location}"
    return text + f" ({format_date(event.date, event.end_date)})."
