"""The people registry, `content/people.yml`: load it into `Person` records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from timeline.model import Person, Problem, Role
from timeline.yamlio import YamlError, parse_yaml


def _iso(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def person_from_dict(data: dict) -> Person:
    """Build a `Person` from one registry entry (already validated)."""
    roles = [
        Role(str(r.get("title", "")), _iso(r.get("from")), _iso(r.get("to")))
        for r in data.get("roles") or []
        if isinstance(r, dict)
    ]
    names = {
        str(lang): [str(n) for n in (forms or [])]
        for lang, forms in (data.get("names") or {}).items()
    }
    return Person(
        id=str(data["id"]),
        name=str(data["name"]),
        country=str(data["country"]),
        roles=roles,
        names=names,
        short=data.get("short"),
        level=data.get("level"),
    )


def person_to_dict(person: Person) -> dict:
    """The registry entry of a person, keys in the documented order."""
    data: dict = {"id": person.id, "name": person.name, "country": person.country}
    if person.short:
        data["short"] = person.short
    if person.level:
        data["level"] = person.level
    data["roles"] = [
        {k: v for k, v in (("title", r.title), ("from", r.start), ("to", r.end)) if v}
        for r in person.roles
    ]
    data["names"] = person.names
    return data


def load_people(path: Path) -> tuple[list[Person], list[Problem]]:
    """Read the registry; entries that are not usable are reported and skipped."""
    rel = path.as_posix()
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [], [Problem(rel, "people registry not found")]
    except UnicodeDecodeError:
        return [], [Problem(rel, "expected UTF-8 text")]
    except YamlError as err:
        return [], [Problem(rel, err.message, line=err.line, column=err.column)]
    if not isinstance(data, list):
        return [], [Problem(rel, f"expected a list of people, found {type(data).__name__}")]
    people, problems = [], []
    for index, entry in enumerate(data):
        missing = [
            k for k in ("id", "name", "country") if not isinstance(entry, dict) or not entry.get(k)
        ]
        if missing:
            problems.append(
                Problem(rel, f"entry {index + 1}: required field missing", field=missing[0])
            )
            continue
        people.append(person_from_dict(entry))
    return people, problems


def office_holder(people: list[Person], title: str, country: str, day: str) -> Person | None:
    """The person of `country` holding the office `title` on `day` (ISO), if exactly one does."""
    holders = [
        p
        for p in people
        if p.country == country and any(r.title == title and r.held_on(day) for r in p.roles)
    ]
    return holders[0] if len(holders) == 1 else None
