"""Validation of event files: the schema, then what a schema cannot say (dates, people, links)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from .model import Person, Problem
from .store import EventFile
from .validate import field_name, schema_problems, show

SIDE_COUNTRY = {"us": ("us", "the United States"), "china": ("cn", "China")}
PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}
LONG_EVENT_DAYS = 60
DATE_FORM = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
PERSON_FORM = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_FORM = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}(-[a-z0-9]+)+$")


def _date_text(value: object) -> str | None:
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def date_span(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of YYYY-MM-DD, YYYY-MM or YYYY; None when it is no real date."""
    if not DATE_FORM.match(value):
        return None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


class _Reporter:
    """Builds problems for one file at the positions of the fields they are about."""

    def __init__(self, file: EventFile):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, path: tuple, message: str, warning: bool = False) -> None:
        line, column = self.file.positions.of_value(path) or (None, None)
        self.problems.append(
            Problem(self.file.rel, message, field_name(path) or None, line, column, warning)
        )


def _check_dates(data: dict, report: _Reporter) -> None:
    date, end = _date_text(data.get("date")), _date_text(data.get("end_date"))
    span = date_span(date) if date else None
    if date and span is None and DATE_FORM.match(date):
        report.add(("date",), f"expected a real calendar date, found {show(date)}")
    precision = data.get("precision")
    want = PRECISION_OF_LENGTH.get(len(date)) if date else None
    if span and want and precision in PRECISION_OF_LENGTH.values() and precision != want:
        report.add(
            ("precision",), f"expected {want!r} (the form of date {date}), found {precision!r}"
        )
    end_span = date_span(end) if end else None
    if end and end_span is None and DATE_FORM.match(end):
        report.add(("end_date",), f"expected a real calendar date, found {show(end)}")
    if span and end_span and end_span[1] < span[0]:
        report.add(("end_date",), f"expected a date on or after date {date}, found {show(end)}")
    elif span and end_span and (end_span[1] - span[0]).days > LONG_EVENT_DAYS:
        report.add(
            ("end_date",),
            f"expected an event of at most {LONG_EVENT_DAYS} days, found {show(end)}",
            warning=True,
        )


def _check_place(file: EventFile, report: _Reporter) -> None:
    data = file.data or {}
    stem, folder = file.path.stem, file.path.parent.name
    if isinstance(data.get("id"), str) and ID_FORM.match(data["id"]) and data["id"] != stem:
        report.add(("id",), f"expected {stem!r} (the file name), found {show(data['id'])}")
    date = _date_text(data.get("date"))
    if not re.fullmatch(r"[0-9]{4}", folder) or file.path.parent.parent.name != "events":
        where = file.rel.rsplit("/", 1)[0] + "/"
        message = f"expected the file in a year folder events/YYYY/, found it in {where}"
        report.problems.append(Problem(file.rel, message))
    elif date and date_span(date) and date[:4] != folder:
        report.add(("date",), f"expected a date in {folder} (the folder), found {show(date)}")


def check_event_file(file: EventFile) -> list[Problem]:
    """Problems one event file has on its own: schema, dates, its id against its path."""
    if file.data is None:
        return list(file.problems)
    report = _Reporter(file)
    report.problems.extend(schema_problems("event", file.rel, file.data, file.positions))
    _check_dates(file.data, report)
    _check_place(file, report)
    return report.problems


def _check_people(data: dict, people: dict[str, Person], report: _Reporter) -> None:
    participants = data.get("participants")
    if not isinstance(participants, dict):
        return
    sides = [participants.get(side) for side in SIDE_COUNTRY]
    if all(isinstance(ids, list) and not ids for ids in sides):
        report.add(("participants",), "expected at least one person on either side, found none")
    for side, (country, name) in SIDE_COUNTRY.items():
        ids = participants.get(side)
        for index, pid in enumerate(ids if isinstance(ids, list) else []):
            if not isinstance(pid, str) or not PERSON_FORM.match(pid):
                continue  # the schema has said what is wrong with it
            person = people.get(pid)
            path = ("participants", side, index)
            if person is None:
                report.add(path, f"expected a person id from people.yml, found {pid!r}")
            elif person.country != country:
                report.add(
                    path,
                    f"expected a person of {name} (country {country}), "
                    f"found {pid!r} (country {person.country})",
                )


def _check_sources(data: dict, article_exists: Callable[[str], bool], report: _Reporter) -> None:
    sources = data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        article = source.get("article") if isinstance(source, dict) else None
        wellformed = isinstance(article, str) and article.startswith("content/articles/")
        if wellformed and ".." not in article.split("/") and not article_exists(article):
            report.add(
                ("sources", index, "article"),
                f"expected an article in content/articles/, found {article!r} (no such file)",
            )


def check_event_links(
    files: list[EventFile],
    people: dict[str, Person],
    article_exists: Callable[[str], bool],
    today: dt.date,
) -> list[Problem]:
    """Problems between files: ids, people, articles, part_of; and suspicious contacts."""
    first_with_id: dict[str, str] = {}
    for file in files:
        if file.data and isinstance(file.data.get("id"), str):
            first_with_id.setdefault(file.data["id"], file.rel)
    problems: list[Problem] = []
    for file in files:
        if file.data is None:
            continue
        report = _Reporter(file)
        data = file.data
        event_id = data.get("id")
        if isinstance(event_id, str) and first_with_id[event_id] != file.rel:
            report.add(
                ("id",),
                f"expected a unique id, found {event_id!r} also in {first_with_id[event_id]}",
            )
        _check_people(data, people, report)
        _check_sources(data, article_exists, report)
        part_of = data.get("part_of")
        if isinstance(part_of, str) and (part_of not in first_with_id or part_of == event_id):
            report.add(("part_of",), f"expected the id of another event, found {part_of!r}")
        span = date_span(_date_text(data.get("date")) or "")
        if span and data.get("status") == "happened" and span[0] > today:
            report.add(
                ("status",), "expected 'planned' for a date after today, found 'happened'", True
            )
        problems.extend(report.problems)
    return problems + _possible_duplicates(files)


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


def _possible_duplicates(files: list[EventFile]) -> list[Problem]:
    """Warn when two files give the same participants, day, kind and place under two ids."""
    seen: dict[tuple, str] = {}
    problems = []
    for file in files:
        key = _contact_key(file.data) if file.data else None
        if key is None:
            continue
        if key in seen:
            report = _Reporter(file)
            report.add(
                ("id",), f"expected a contact not already in {seen[key]}, found the same one", True
            )
            problems.extend(report.problems)
        else:
            seen[key] = file.rel
    return problems
