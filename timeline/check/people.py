"""Validation of the people registry, `content/people.yml`."""

from __future__ import annotations

from pathlib import Path

from timeline.check.validate import field_name, schema_problems
from timeline.contentfs import WINDOWS_RESERVED, display, read_text
from timeline.model import Person, Problem
from timeline.people import person_from_dict
from timeline.yamlio import YamlError, parse_positioned

MAX_PEOPLE_BYTES = 10_000_000


def _usable(entry: object) -> bool:
    return isinstance(entry, dict) and all(
        isinstance(entry.get(k), str) and entry.get(k) for k in ("id", "name", "country")
    )


def check_people(path: Path, content: Path) -> tuple[list[Person], list[Problem]]:
    """The registry's people (usable entries) and every problem in it."""
    rel = display(path, content)
    if not path.exists():
        return [], [Problem(rel, "expected the people registry, found no file")]
    text, problems = read_text(path, rel, MAX_PEOPLE_BYTES)
    if text is None:
        return [], problems
    try:
        data, positions = parse_positioned(text)
    except YamlError as err:
        return [], [Problem(rel, err.message, line=err.line, column=err.column)]
    if not isinstance(data, list):
        found = "nothing" if data is None else type(data).__name__
        return [], [Problem(rel, f"expected a list of people, found {found}")]
    problems = schema_problems("people", rel, data, positions)
    people: list[Person] = []
    first: dict[str, int] = {}
    for index, entry in enumerate(data):
        if not _usable(entry):
            continue
        where = positions.of_value((index, "id")) or (None, None)
        if entry["id"] in first:
            message = (
                f"expected a unique id, found {entry['id']!r} also in entry {first[entry['id']]}"
            )
            problems.append(Problem(rel, message, field_name((index, "id")), *where))
            continue
        first[entry["id"]] = index + 1
        if entry["id"].upper() in WINDOWS_RESERVED:  # person pages are folders named by id
            message = (
                f"expected an id usable as a folder name, found {entry['id']!r} "
                "(reserved on Windows)"
            )
            problems.append(Problem(rel, message, field_name((index, "id")), *where))
        problems.extend(_role_problems(rel, index, entry, positions))
        people.append(person_from_dict(entry))
    return people, problems


def _role_problems(rel: str, index: int, entry: dict, positions) -> list[Problem]:  # type: ignore[no-untyped-def]
    problems = []
    roles = entry.get("roles")
    for number, role in enumerate(roles if isinstance(roles, list) else []):
        if not isinstance(role, dict):
            continue
        start, end = role.get("from"), role.get("to")
        if isinstance(start, str) and isinstance(end, str) and end < start:
            path = (index, "roles", number, "to")
            line, column = positions.of_value(path) or (None, None)
            message = f"expected a date on or after from {start}, found {end!r}"
            problems.append(Problem(rel, message, field_name(path), line, column))
    return problems
