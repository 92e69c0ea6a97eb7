"""Checks between event files (ids, people, articles, part_of, duplicates) over small facts.

Each file is reduced to its `LinkFacts` as it is read, so checking a store of any size keeps
only a few hundred bytes an event, never the files' mappings; the file's positions are found
again only for the few that have a problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .check_events import PERSON_FORM, SIDE_COUNTRY, Reporter, date_span, date_text
from .model import Person, Problem
from .store import EventFile


@dataclass
class LinkFacts:
    """What the checks between files need from one event file."""

    file: EventFile  # without its mapping: it only gives positions for a problem
    id: str | None = None
    nobody: bool = False  # both sides are lists, and both are empty
    people: list[tuple[tuple, str]] = field(default_factory=list)  # (path, person id)
    articles: list[tuple[tuple, str]] = field(default_factory=list)  # (path, cited article)
    part_of: str | None = None
    starts: dt.date | None = None
    happened: bool = False
    contact: tuple | None = None


def _people(data: dict) -> tuple[bool, list[tuple[tuple, str]]]:
    participants = data.get("participants")
    if not isinstance(participants, dict):
        return False, []
    sides = [participants.get(side) for side in SIDE_COUNTRY]
    nobody = all(isinstance(ids, list) and not ids for ids in sides)
    found = []
    for side in SIDE_COUNTRY:
        ids = participants.get(side)
        for index, pid in enumerate(ids if isinstance(ids, list) else []):
            if isinstance(pid, str) and PERSON_FORM.match(pid):
                found.append((("participants", side, index), pid))
    return nobody, found


def _articles(data: dict) -> list[tuple[tuple, str]]:
    sources = data.get("sources")
    found = []
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        article = source.get("article") if isinstance(source, dict) else None
        wellformed = isinstance(article, str) and article.startswith("content/articles/")
        if wellformed and ".." not in article.split("/"):
            found.append((("sources", index, "article"), article))
    return found


def _contact_key(data: dict) -> tuple | None:
    participants, kind = data.get("participants"), data.get("kind")
    if not isinstance(participants, dict) or not isinstance(kind, str):
        return None
    if data.get("review") == "rejected":
        return None
    sides = [participants.get(side) for side in ("us", "china")]
    if not all(isinstance(s, list) and all(isinstance(p, str) for p in s) for s in sides):
        return None
    place = data.get("location")
    return (*(tuple(sorted(s)) for s in sides), str(data.get("date")), kind, str(place))


def link_facts(file: EventFile) -> LinkFacts:
    """The facts of one file; the file kept in them has its mapping dropped."""
    light = EventFile(file.path, file.rel, None, file.known_positions)
    data = file.data
    if data is None:
        return LinkFacts(light)
    event_id, part_of = data.get("id"), data.get("part_of")
    span = date_span(date_text(data.get("date")) or "")
    nobody, people = _people(data)
    return LinkFacts(
        light,
        id=event_id if isinstance(event_id, str) else None,
        nobody=nobody,
        people=people,
        articles=_articles(data),
        part_of=part_of if isinstance(part_of, str) else None,
        starts=span[0] if span else None,
        happened=data.get("status") == "happened",
        contact=_contact_key(data),
    )


def _person_problems(facts: LinkFacts, people: dict[str, Person], report: Reporter) -> None:
    if facts.nobody:
        report.add(("participants",), "expected at least one person on either side, found none")
    for path, pid in facts.people:
        country, name = SIDE_COUNTRY[path[1]]
        person = people.get(pid)
        if person is None:
            report.add(path, f"expected a person id from people.yml, found {pid!r}")
        elif person.country != country:
            report.add(
                path,
                f"expected a person of {name} (country {country}), "
                f"found {pid!r} (country {person.country})",
            )


def check_event_links(
    facts: Iterable[LinkFacts],
    people: dict[str, Person],
    article_exists: Callable[[str], bool],
    today: dt.date,
) -> list[Problem]:
    """Problems between files: ids, people, articles, part_of; and suspicious contacts."""
    facts = list(facts)
    first_with_id: dict[str, str] = {}
    for one in facts:
        if one.id is not None:
            first_with_id.setdefault(one.id, one.file.rel)
    problems: list[Problem] = []
    for one in facts:
        report = Reporter(one.file)
        if one.id is not None and first_with_id[one.id] != one.file.rel:
            report.add(
                ("id",), f"expected a unique id, found {one.id!r} also in {first_with_id[one.id]}"
            )
        _person_problems(one, people, report)
        for path, article in one.articles:
            if not article_exists(article):
                report.add(
                    path,
                    f"expected an article in content/articles/, found {article!r} (no such file)",
                )
        if one.part_of is not None and (one.part_of not in first_with_id or one.part_of == one.id):
            report.add(("part_of",), f"expected the id of another event, found {one.part_of!r}")
        if one.starts and one.happened and one.starts > today:
            report.add(
                ("status",), "expected 'planned' for a date after today, found 'happened'", True
            )
        problems.extend(report.problems)
    return problems + _possible_duplicates(facts)


def _possible_duplicates(facts: list[LinkFacts]) -> list[Problem]:
    """Warn when two files give the same participants, day, kind and place under two ids."""
    seen: dict[tuple, str] = {}
    problems = []
    for one in facts:
        if one.contact is None:
            continue
        if one.contact in seen:
            report = Reporter(one.file)
            report.add(
                ("id",),
                f"expected a contact not already in {seen[one.contact]}, found the same one",
                True,
            )
            problems.extend(report.problems)
        else:
            seen[one.contact] = one.file.rel
    return problems
