"""Validation of event files: the schema, then what a schema cannot say (dates, people, links)."""

from __future__ import annotations

import re

from timeline.check.validate import field_name, schema_problems, show
from timeline.model import DATE_FORM, Problem, date_span
from timeline.store.files import EventFile

SIDE_COUNTRY = {"us": ("us", "the United States"), "china": ("cn", "China")}
PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}
LONG_EVENT_DAYS = 60
PERSON_FORM = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_FORM = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}(-[a-z0-9]+)+$")


def date_text(value: object) -> str | None:
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None


class Reporter:
    """Builds problems for one file at the positions of the fields they are about."""

    def __init__(self, file: EventFile):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, path: tuple, message: str, warning: bool = False) -> None:
        line, column = self.file.positions.of_value(path) or (None, None)
        self.problems.append(
            Problem(self.file.rel, message, field_name(path) or None, line, column, warning)
        )


def _check_dates(data: dict, report: Reporter) -> None:
    date, end = date_text(data.get("date")), date_text(data.get("end_date"))
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


def _check_place(file: EventFile, report: Reporter) -> None:
    data = file.data or {}
    stem, folder = file.path.stem, file.path.parent.name
    if isinstance(data.get("id"), str) and ID_FORM.match(data["id"]) and data["id"] != stem:
        report.add(("id",), f"expected {stem!r} (the file name), found {show(data['id'])}")
    date = date_text(data.get("date"))
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
    report = Reporter(file)
    report.problems.extend(schema_problems("event", file.rel, file.data, file.positions))
    _check_dates(file.data, report)
    _check_place(file, report)
    return report.problems
