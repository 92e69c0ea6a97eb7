"""Dates resolved against the publication date: the plain arithmetic, no parsing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline.extract.tense import Tense

WEEK = dt.timedelta(days=7)
DAY = dt.timedelta(days=1)
SLACK = dt.timedelta(days=2)  # time zones: a "past" day may be a day after the dateline


@dataclass(frozen=True)
class Anchor:
    """The publication date relative phrases are read against, and how sure we are of it."""

    date: dt.date | None
    precision: str = "day"  # day | month | none
    source: str = "front matter"

    @property
    def knows_day(self) -> bool:
        return self.date is not None and self.precision == "day"


@dataclass(frozen=True)
class DateHit:
    """A resolved date phrase: where it is, what it says, and how it was resolved."""

    text: str
    start: int
    date: dt.date
    precision: str = "day"
    end_date: dt.date | None = None
    basis: str = "explicit"
    weekday_agrees: bool = True
    from_previous: int | None = None  # "накануне": days from the contact dated just before
    rule: str = ""  # how the contact got this date, for `timeline eval --errors`

    @property
    def iso(self) -> str:
        if self.precision == "month":
            return self.date.isoformat()[:7]
        if self.precision == "year":
            return str(self.date.year)
        return self.date.isoformat()


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, TypeError):
        return None


def resolve_weekday(weekday: int, base: dt.date, tense: Tense) -> dt.date:
    """The latest such weekday on or before `base` for the past, the next on or after otherwise."""
    if tense is Tense.FUTURE:
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7)
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


def resolve_yearless(month: int, day: int, anchor: Anchor, tense: Tense) -> dt.date | None:
    """Give a day-month the year that fits the publication date and the tense."""
    if anchor.date is None:
        return None
    base = anchor.date
    if anchor.precision == "month":
        base = _month_end(base) if tense is not Tense.FUTURE else base.replace(day=1)
    options = [
        d for y in (base.year - 1, base.year, base.year + 1) if (d := safe_date(y, month, day))
    ]
    if tense is Tense.FUTURE:
        later = [d for d in options if d >= base - SLACK]
        return min(later) if later else None
    earlier = [d for d in options if d <= base + SLACK]
    return max(earlier) if earlier else None


def _month_end(day: dt.date) -> dt.date:
    first_next = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first_next - DAY


def shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve_month(month: int, anchor: Anchor, tense: Tense) -> dt.date | None:
    """A month without a year: the latest such month up to publication, or the next one."""
    if anchor.date is None:
        return None
    year = anchor.date.year
    if tense is Tense.FUTURE:
        return dt.date(year if month >= anchor.date.month else year + 1, month, 1)
    return dt.date(year if month <= anchor.date.month else year - 1, month, 1)
