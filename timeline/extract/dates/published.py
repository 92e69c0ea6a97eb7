"""The publication date an article is read against, from its metadata or, failing that, its text.

When the publication date is missing (or only its month is known) it is taken from a date
line near the top of the text: a line that is a full date and little else ("10 вересня
2021 р.", "Posted: Sep 25, 2015 9:59 PM", "新华社 2019-11-26"), or the " date YYYY-MM-DD"
line some stores prepend. A date inside a sentence ("22 мая 1972 года начался визит") is
not a date line. Without any of these, relative phrases cannot be resolved and only dates
that carry their year are used.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.extract.dates.finder import Anchor
from timeline.extract.dates.spans import find_spans

STORE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b")
HEAD_LINES = 15
SCAN_TEXT = 20000  # characters read for the text's own dates
MAX_LINE = 80
FILLER = re.compile(
    r"(?i)\b(?:posted|updated|published|modified|on|at|by|am|pm|utc|gmt|"
    r"оновлено|опубліковано|обновлено|опубликовано|р|г|року|года)\b|发布|更新|时间|日期"
)
EN_NUMERIC = [
    # 03-Jan-2019, 04/02/2022 (day first), 2019-11-26
    re.compile(r"(?<!\d)(\d{1,2})-([A-Z][a-z]{2})-(\d{4})(?!\d)"),
    re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)"),
]
MONTH_ABBR = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def anchor_from_metadata(published: object) -> Anchor | None:
    """`published` as given: a date, 'YYYY-MM-DD', 'YYYY-MM', or nothing."""
    if isinstance(published, dt.datetime):
        return Anchor(published.date(), "day", "metadata")
    if isinstance(published, dt.date):
        return Anchor(published, "day", "metadata")
    text = str(published or "").strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return Anchor(dt.date.fromisoformat(text), "day", "metadata")
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = int(text[:4]), int(text[5:])
        if 1 <= month <= 12:
            return Anchor(dt.date(year, month, 1), "month", "metadata")
    return None


def infer_anchor(published: object, text: str, language: str) -> Anchor:
    """The best publication date: metadata to the day, else a date line, else what is known."""
    given = anchor_from_metadata(published)
    if given is not None and given.precision == "day":
        return given
    found = date_line(text, language)
    if found is not None and (given is None or _same_month(found, given)):
        return found
    return given or Anchor(None, "none", "unknown")


def _same_month(found: Anchor, given: Anchor) -> bool:
    if found.date is None or given.date is None:
        return False
    return (found.date.year, found.date.month) == (given.date.year, given.date.month)


def date_line(text: str, language: str) -> Anchor | None:
    """A publication date written on a line of its own near the top of the text."""
    store = STORE_LINE.match(text)
    if store and store.group(3):
        day = _safe(int(store.group(1)), int(store.group(2)), int(store.group(3)))
        if day:
            return Anchor(day, "day", "date line")
    for line in text.splitlines()[:HEAD_LINES]:
        line = line.strip()
        if not line or len(line) > MAX_LINE:
            continue
        found = _full_date(line, language)
        if found is not None:
            return Anchor(found, "day", "dateline")
    if store:
        return Anchor(dt.date(int(store.group(1)), int(store.group(2)), 1), "month", "date line")
    return None


def _full_date(line: str, language: str) -> dt.date | None:
    for lang in dict.fromkeys([language, "en"]):
        for span in find_spans(line, lang):
            if span.form == "date" and span.year and span.month and span.day:
                rest = line[: span.start] + line[span.end :]
                if _little_else(rest):
                    return _safe(span.year, span.month, span.day)
    for pattern in EN_NUMERIC:
        match = pattern.search(line)
        if match and _little_else(line[: match.start()] + line[match.end() :]):
            day, month, year = match.groups()
            month_no = (
                MONTH_ABBR.index(month.lower()) + 1
                if month.isalpha() and month.lower() in MONTH_ABBR
                else int(month)
                if month.isdigit()
                else 0
            )
            return _safe(int(year), month_no, int(day))
    return None


def _little_else(rest: str) -> bool:
    """What is left of a date line: a weekday, a clock time, an outlet's short name."""
    rest = FILLER.sub(" ", rest)
    rest = re.sub(r"\d{1,2}:\d{2}|[\d\W_]+", " ", rest)
    words = rest.split()
    return len(words) <= 2 and sum(len(w) for w in words) <= 16


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def latest_full_date(text: str, language: str) -> Anchor | None:
    """Without a publication date, the month of the latest date the text writes with its year
    ("14 вересня 2025 року"): day-months without a year ("16 вересня") take that year, while
    weekdays and "yesterday" stay unresolved (the day is not known)."""
    latest: dt.date | None = None
    for span in find_spans(text[:SCAN_TEXT], language):
        if span.year and span.month and span.form in ("date", "range", "month"):
            day = _safe(span.year, span.month, span.day or 1)
            if day is not None and (latest is None or day > latest):
                latest = day
    if latest is None:
        return None
    return Anchor(latest.replace(day=1), "month", "the latest date written with its year")
