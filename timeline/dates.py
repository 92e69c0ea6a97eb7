"""Find and resolve date phrases in one sentence. The only module that imports dateparser.

dateparser finds candidate spans; every span is then re-validated and re-resolved here,
because dateparser's own choices are wrong for news in known ways (a weekday equal to the
base date is sent a week back, durations read as times, and so on).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateparser.search import search_dates

from .tense import Tense

WEEK = dt.timedelta(days=7)
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DateHit:
    """A resolved date phrase: where it is, what it says, and how it was resolved."""

    text: str
    start: int
    date: dt.date
    precision: str = "day"
    end_date: dt.date | None = None
    basis: str = "explicit"


def _settings(base: dt.date) -> dict:
    return {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12),
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def _parse(text: str, language: str, base: dt.date) -> dt.date | None:
    found = search_dates(text, languages=[language], settings=_settings(base))
    if not found or len(found) != 1 or found[0][0].strip() != text.strip():
        return None
    return found[0][1].date()


def _has_date_word(span: str) -> bool:
    """A span with no digit and no letter word longer than a token is not a date we trust."""
    return bool(re.search(r"\d|\w{3,}", span))


def classify(span: str, language: str, base: dt.date, first: dt.date) -> str:
    """How the span depends on the base date: absolute, day-relative, weekday or yearless."""
    moved_day = _parse(span, language, base + DAY)
    if moved_day == first + DAY:
        return "day"
    moved_week = _parse(span, language, base + WEEK)
    if moved_week == first + WEEK:
        return "weekday"
    moved_year = _parse(span, language, base + dt.timedelta(days=366))
    if moved_year is not None and moved_year.year != first.year:
        return "yearless"
    return "absolute"


def resolve_weekday(weekday: int, base: dt.date, tense: Tense) -> dt.date:
    """The latest such weekday on or before `base` for the past, the next on or after otherwise."""
    if tense is Tense.FUTURE:
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7)
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


def resolve_yearless(day: dt.date, base: dt.date, tense: Tense) -> dt.date | None:
    """Give a day-month the year that fits the publication date and the tense."""
    for year in (base.year, base.year - 1, base.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            continue
        if tense is Tense.FUTURE and base - DAY <= candidate <= base + dt.timedelta(days=330):
            return candidate
        if tense is not Tense.FUTURE and base - dt.timedelta(days=330) <= candidate <= base + DAY:
            return candidate
    return None


def find_dates(sentence: str, language: str, base: dt.date, tense: Tense) -> list[DateHit]:
    """Every trustworthy date phrase in `sentence`, resolved against publication date `base`."""
    try:
        found = search_dates(sentence, languages=[language], settings=_settings(base)) or []
    except (ValueError, OverflowError, KeyError):
        return []
    hits, cursor = [], 0
    for span, when in found:
        start = sentence.find(span, cursor)
        cursor = max(cursor, start + len(span)) if start >= 0 else cursor
        hit = _validate(span.strip(), max(start, 0), when.date(), language, base, tense)
        if hit is not None:
            hits.append(hit)
    return hits


def _validate(
    span: str, start: int, first: dt.date, language: str, base: dt.date, tense: Tense
) -> DateHit | None:
    if not _has_date_word(span) or first.year < 1900:
        return None
    how = classify(span, language, base, first)
    if how == "day":
        if abs((first - base).days) > 2:
            return None
        return DateHit(span, start, first, basis="relative")
    if how == "weekday":
        return DateHit(span, start, resolve_weekday(first.weekday(), base, tense), basis="relative")
    if how == "yearless":
        day = resolve_yearless(first, base, tense)
        return DateHit(span, start, day) if day else None
    return DateHit(span, start, first)
