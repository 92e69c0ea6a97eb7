"""Rows of a curated-contacts file: CSV (header row), or YAML/JSON (a list of mappings).

Columns: date, end_date, kind, us, china, place, source_url, outlet, published, notes, and
optionally status. `us` and `china` are registry ids separated by spaces (or lists in YAML
and JSON). Each row is one source of one contact: the rows of a contact repeat its date,
kind, people and place with another source.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

from timeline.model import KINDS, STATUSES, Problem
from timeline.yamlio import YamlError, parse_yaml

COLUMNS = (
    "date", "end_date", "kind", "us", "china", "place", "source_url", "outlet", "published",
    "notes",
)  # fmt: skip
OPTIONAL = ("end_date", "place", "published", "notes", "status")
NO_PLACE_KINDS = ("call", "message")


@dataclass(frozen=True)
class Row:
    """One source of one contact."""

    line: int
    date: str
    end_date: str | None
    kind: str
    us: tuple[str, ...]
    china: tuple[str, ...]
    place: str | None
    url: str
    outlet: str
    published: str | None
    notes: str | None
    status: str = "happened"

    def contact(self) -> tuple:  # type: ignore[type-arg]
        """What makes two rows the same contact."""
        return (self.date, self.end_date, self.kind, self.us, self.china, self.place, self.status)


def read_rows(path: Path, people: set[str]) -> tuple[list[Row], list[Problem]]:
    """The valid rows of `path`; every bad row is one problem, and the rest are read."""
    where = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return [], [Problem(where, f"cannot read: {err}")]
    records, problems = _records(where, path.suffix.lower(), text)
    rows = []
    for line, record in records:
        row, found = _row(where, line, record, people)
        problems += found
        if row is not None:
            rows.append(row)
    return rows, problems


def _records(where: str, suffix: str, text: str) -> tuple[list[tuple[int, dict]], list[Problem]]:
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            found = ", ".join(reader.fieldnames or []) or "nothing"
            return [], [
                Problem(where, f"expected columns {', '.join(COLUMNS)}, found {found}", line=1)
            ]
        return [(reader.line_num, dict(r)) for r in reader], []
    try:
        data = json.loads(text) if suffix == ".json" else parse_yaml(text)
    except (json.JSONDecodeError, YamlError) as err:
        return [], [Problem(where, f"expected {suffix[1:].upper()} rows, found an error: {err}")]
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        return [], [Problem(where, "expected a list of mappings (one per row)")]
    return [(index + 1, d) for index, d in enumerate(data)], []


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _ids(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple((_text(value) or "").replace(",", " ").split())


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _row(where: str, line: int, record: dict, people: set[str]) -> tuple[Row | None, list[Problem]]:
    get = {k: _text(record.get(k)) for k in (*COLUMNS, "status")}
    problems = []

    def bad(field: str, expected: str) -> None:
        problems.append(
            Problem(where, f"expected {expected}, found {get.get(field)!r}", field, line)
        )

    for field in COLUMNS:
        if field not in OPTIONAL and field not in ("us", "china") and not get[field]:
            bad(field, "a value")
    if get["date"] and _day(get["date"]) is None:
        bad("date", "a date YYYY-MM-DD")
    if get["end_date"] and (
        _day(get["end_date"]) is None or get["end_date"] <= (get["date"] or "")
    ):
        bad("end_date", "a date YYYY-MM-DD after date")
    if get["published"] and _day(get["published"]) is None:
        bad("published", "a date YYYY-MM-DD or nothing")
    if get["kind"] and get["kind"] not in KINDS:
        bad("kind", "one of " + ", ".join(KINDS))
    status = get["status"] or "happened"
    if status not in STATUSES:
        bad("status", "one of " + ", ".join(STATUSES))
    url = get["source_url"] or ""
    if url and not url.lower().startswith(("http://", "https://")):
        bad("source_url", "an http(s) address")
    us, china = _ids(record.get("us")), _ids(record.get("china"))
    for field, ids in (("us", us), ("china", china)):
        for pid in ids:
            if pid not in people:
                problems.append(
                    Problem(
                        where,
                        f"expected a person id of content/people.yml, found {pid!r}",
                        field,
                        line,
                    )
                )
    if not us and not china:
        problems.append(
            Problem(where, "expected people on at least one side, found none", "us", line)
        )
    if problems:
        return None, problems
    place = None if get["kind"] in NO_PLACE_KINDS else get["place"]
    return (
        Row(line, get["date"] or "", get["end_date"], get["kind"] or "", us, china, place, url,
            get["outlet"] or "", get["published"], get["notes"], status),
        [],
    )  # fmt: skip
