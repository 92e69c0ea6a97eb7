"""Checks between event files (ids, people, articles, part_of, duplicates) over small facts.

What one file says about other things (people, articles, the date) is checked as the file is
read (`check_event_refs`); for the checks across files each file is reduced to its
`LinkFacts`, a few short texts, so checking a store of any size never keeps the files'
mappings. A file's positions are found again only when it has a problem.
"""

from __future__ import annotations

import datetime as dt
import difflib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from timeline.check.events import PERSON_FORM, SIDE_COUNTRY, Reporter, date_span, date_text
from timeline.model import Person, Problem
from timeline.store.files import EventFile
from timeline.yamlio import Positions


@dataclass(slots=True)
class LinkFacts:
    """What the checks across files need of one file."""

    path: str
    rel: str
    positions: Positions | None  # known when the file is not on disk yet (`timeline new`)
    id: str | None = None
    part_of: str | None = None
    contact: tuple | None = None  # people, day, kind and place, for likely duplicates

    def file(self) -> EventFile:
        """The file, without its mapping: enough to find positions for a problem."""
        return EventFile(Path(self.path), self.rel, None, self.positions)


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
    words = (str(data.get("date")), kind, str(place))
    return (*(tuple(sorted(map(sys.intern, s))) for s in sides), *map(sys.intern, words))


def link_facts(file: EventFile) -> LinkFacts:
    facts = LinkFacts(str(file.path), file.rel, file.known_positions)
    data = file.data
    if data is not None:
        event_id, part_of = data.get("id"), data.get("part_of")
        facts.id = event_id if isinstance(event_id, str) else None
        facts.part_of = part_of if isinstance(part_of, str) else None
        facts.contact = _contact_key(data)
    return facts


def _person_problems(data: dict, people: dict[str, Person], report: Reporter) -> None:
    nobody, found = _people(data)
    if nobody:
        report.add(("participants",), "expected at least one person on either side, found none")
    for path, pid in found:
        country, name = SIDE_COUNTRY[path[1]]
        person = people.get(pid)
        if person is None:
            side = [p for p, them in people.items() if them.country == country]
            close = difflib.get_close_matches(pid, side, n=2, cutoff=0.8)
            hint = f" (did you mean {' or '.join(map(repr, close))}?)" if close else ""
            report.add(path, f"expected a person id from people.yml, found {pid!r}{hint}")
        elif person.country != country:
            report.add(
                path,
                f"expected a person of {name} (country {country}), "
                f"found {pid!r} (country {person.country})",
            )


def check_event_refs(
    file: EventFile,
    people: dict[str, Person],
    article_exists: Callable[[str], bool],
    today: dt.date,
) -> list[Problem]:
    """What one file says of the registry, the articles and the calendar."""
    data = file.data
    if data is None:
        return []
    report = Reporter(file)
    _person_problems(data, people, report)
    for path, article in _articles(data):
        if not article_exists(article):
            report.add(
                path, f"expected an article in content/articles/, found {article!r} (no such file)"
            )
    span = date_span(date_text(data.get("date")) or "")
    if span and data.get("status") == "happened" and span[0] > today:
        report.add(("status",), "expected 'planned' for a date after today, found 'happened'", True)
    return report.problems


def check_event_links(facts: Iterable[LinkFacts]) -> list[Problem]:
    """Problems across files: ids used twice, part_of, and likely duplicate contacts."""
    facts = list(facts)
    first_with_id: dict[str, str] = {}
    for one in facts:
        if one.id is not None:
            first_with_id.setdefault(one.id, one.rel)
    problems: list[Problem] = []
    for one in facts:
        twice = one.id is not None and first_with_id[one.id] != one.rel
        unknown = one.part_of is not None and (
            one.part_of not in first_with_id or one.part_of == one.id
        )
        if not (twice or unknown):
            continue
        report = Reporter(one.file())
        if twice:
            report.add(
                ("id",), f"expected a unique id, found {one.id!r} also in {first_with_id[one.id]}"
            )
        if unknown:
            report.add(("part_of",), f"expected the id of another event, found {one.part_of!r}")
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
            report = Reporter(one.file())
            report.add(
                ("id",),
                f"expected a contact not already in {seen[one.contact]}, found the same one",
                True,
            )
            problems.extend(report.problems)
        else:
            seen[one.contact] = one.rel
    return problems
