"""Find and resolve date phrases in one sentence. The only module that imports dateparser.

For uk, ru, en, zh, de, fr, es, it, pt and pl our own patterns (spans.py, spans_eu.py)
find the phrases and say what they hold; day-month phrases of en, uk and ru are then parsed
by dateparser (given the language and RELATIVE_BASE = publication date) and kept only when
dateparser agrees on day and month.
For other languages dateparser searches the sentence, and every span it returns is
re-validated: it must name a day (a number with a month word), a weekday, or
yesterday/today; durations, times, amounts and lone numbers are dropped.

Resolution against the publication date (`Anchor`) and the tense:
- weekdays: a past report means the latest such day on or before publication, an
  announcement the next one on or after it;
- day-month without a year: the year that fits publication date and tense;
- weekday + date that disagree: the date wins, the weekday lowers the confidence;
- month-only phrases give precision month; ranges give an end date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

from dateparser import parse as dp_parse
from dateparser.date import DateDataParser
from dateparser.search import search_dates

from timeline.extract.dates.daymath import (
    DAY,
    SLACK,
    WEEK,
    Anchor,
    DateHit,
    resolve_month,
    resolve_weekday,
    resolve_yearless,
    safe_date,
    shift_month,
)
from timeline.extract.dates.spans import PATTERNS, Span, find_spans
from timeline.extract.tense import Tense

MAX_DP_SENTENCE = 2000  # dateparser is only run on sentences up to this length


def _as_anchor(base: dt.date | Anchor | None) -> Anchor:
    if isinstance(base, Anchor):
        return base
    return Anchor(base, "day" if base else "none")


def _settings(base: dt.date) -> dict:
    return {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12),
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month"],
    }


# The day and month dateparser reads do not depend on the base date: one base (in a leap
# year, for "29 February") lets every article share the readings of a phrase.
DAY_MONTH_BASE = dt.date(2024, 7, 1)


@functools.lru_cache(maxsize=1 << 14)
def _dp_day_month(text: str, language: str) -> tuple[int, int] | None:
    """dateparser's reading of a day-month phrase, as (day, month), or None."""
    try:
        found = dp_parse(text, languages=[language], settings=_settings(DAY_MONTH_BASE))
    except (ValueError, OverflowError, KeyError, TypeError):
        return None
    return (found.day, found.month) if found else None


def _resolve(span: Span, anchor: Anchor, tense: Tense, language: str) -> DateHit | None:
    form = span.form
    if form in ("date", "range"):
        return _resolve_day(span, anchor, tense, language)
    if form == "month":
        return _resolve_month_span(span, anchor, tense)
    if form == "year":
        return DateHit(span.text, span.start, dt.date(span.year, 1, 1), "year")  # type: ignore[arg-type]
    if not anchor.knows_day:
        return None
    base = anchor.date
    assert base is not None
    if form == "weekday" and span.weekday is not None:
        return _resolve_weekday_span(span, base, tense)
    if form == "previous" and span.offset is not None:  # re-dated by extract.py when it can
        day = base + dt.timedelta(days=span.offset)
        return DateHit(span.text, span.start, day, basis="relative", from_previous=span.offset)
    if form == "relday" and span.offset is not None:
        return DateHit(
            span.text, span.start, base + dt.timedelta(days=span.offset), basis="relative"
        )
    if form == "relmonth" and span.offset is not None:
        first = shift_month(base, span.offset)
        return DateHit(span.text, span.start, first, "month", basis="relative")
    if form == "dayonly" and span.day:
        return _resolve_day_only(span, base, tense)
    return None


def _resolve_weekday_span(span: Span, base: dt.date, tense: Tense) -> DateHit:
    """ "Friday", "last Friday", "в следующий понедельник", "上周五", "Friday and Saturday"."""
    assert span.weekday is not None
    if span.week is not None:  # a calendar week: 上周五 is the Friday of last week
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=span.week)
        day = monday + dt.timedelta(days=span.weekday)
    else:
        if span.offset is not None:
            tense = Tense.FUTURE if span.offset > 0 else Tense.PAST
        day = resolve_weekday(span.weekday, base, tense)
        if span.offset and day == base:
            day += dt.timedelta(weeks=span.offset)  # "next Monday" said on a Monday
    end = None
    if span.end_weekday is not None and span.end_weekday != span.weekday:
        end = day + dt.timedelta(days=(span.end_weekday - span.weekday) % 7)
    return DateHit(span.text, span.start, day, end_date=end, basis="relative")


def _resolve_day_only(span: Span, base: dt.date, tense: Tense) -> DateHit | None:
    """ "9日": the day of the publication month (or the one before / after, by tense)."""
    step = 1 if tense is Tense.FUTURE else -1
    for months in (0, step):
        first = shift_month(base, months)
        day = safe_date(first.year, first.month, span.day)  # type: ignore[arg-type]
        if day is None:
            continue
        if (tense is Tense.FUTURE and day >= base - SLACK) or (
            tense is not Tense.FUTURE and day <= base + SLACK
        ):
            end = safe_date(day.year, day.month, span.end_day) if span.end_day else None
            if end is not None and not day < end <= day + dt.timedelta(days=31):
                return None
            return DateHit(span.text, span.start, day, end_date=end, basis="relative")
    return None


def _resolve_month_span(span: Span, anchor: Anchor, tense: Tense) -> DateHit | None:
    if span.month is None:
        return None
    if span.year:
        return DateHit(span.text, span.start, dt.date(span.year, span.month, 1), "month")
    if span.year_offset is not None and anchor.date is not None:
        first = dt.date(anchor.date.year + span.year_offset, span.month, 1)
        return DateHit(span.text, span.start, first, "month", basis="relative")
    if span.offset is not None and anchor.date is not None:
        # "last April": the April before the publication month
        last = resolve_month(span.month, anchor, Tense.PAST if span.offset < 0 else Tense.FUTURE)
        if last is not None and last.month == anchor.date.month and last.year == anchor.date.year:
            last = last.replace(year=last.year + span.offset)
        return DateHit(span.text, span.start, last, "month", basis="relative") if last else None
    first = resolve_month(span.month, anchor, tense)
    return DateHit(span.text, span.start, first, "month", basis="explicit") if first else None


def _resolve_day(span: Span, anchor: Anchor, tense: Tense, language: str) -> DateHit | None:
    if not span.day or not span.month or not 1 <= span.month <= 12:
        return None
    if span.year:
        day = safe_date(span.year, span.month, span.day)
    else:
        day = resolve_yearless(span.month, span.day, anchor, tense)
    if day is None or not _dateparser_agrees(span, language, anchor, day):
        return None
    end = None
    if span.form == "range" and span.end_day:
        end_month = span.end_month or span.month
        end_year = day.year + (1 if end_month < day.month else 0)
        end = safe_date(end_year, end_month, span.end_day)
        if end is None or end <= day or (end - day).days > 31:
            return None
    agrees = span.weekday is None or span.weekday == day.weekday()
    return DateHit(span.text, span.start, day, end_date=end, weekday_agrees=agrees)


def _dateparser_agrees(span: Span, language: str, anchor: Anchor, day: dt.date) -> bool:
    """Re-validate a single day-month phrase with dateparser; phrases it cannot read pass."""
    if span.form != "date" or language not in ("en", "uk", "ru"):
        return True
    text = span.text
    if span.weekday is not None:  # dateparser is asked about the date part only
        text = re.sub(r"^\D*", "", text).rstrip(")） ")
    reading = _dp_day_month(text, language)
    return reading is None or reading == (day.day, day.month)


def unread_weekday(sentence: str, language: str, anchor: Anchor, start: int, end: int) -> bool:
    """A weekday in sentence[start:end] that no publication day can resolve ("On Tuesday"
    on an undated page): the contact has a date of its own, only an unknown one."""
    if anchor.knows_day or language not in PATTERNS:
        return False
    return any(
        s.form == "weekday" and start <= s.start < end for s in find_spans(sentence, language)
    )


def find_dates(
    sentence: str, language: str, base: dt.date | Anchor | None, tense: Tense
) -> list[DateHit]:
    """Every trustworthy date phrase in `sentence`, resolved against the publication date."""
    anchor = _as_anchor(base)
    if language in PATTERNS:
        spans = find_spans(sentence, language)
        hits = [_resolve(s, anchor, tense, language) for s in spans]
        return [h for h in hits if h is not None]
    return _search_other(sentence, language, anchor, tense)


# ---- other languages: dateparser finds, we re-validate -----------------------------------

DURATION_OR_TIME = re.compile(r"\d\s*[:h%]|\d\s*(?:[,.]\d)|^\d+$|^\W*$")


@functools.lru_cache(maxsize=1024)
def _dp_search(sentence: str, language: str, base: dt.date) -> tuple:  # type: ignore[type-arg]
    settings = {k: v for k, v in _settings(base).items() if k != "REQUIRE_PARTS"}
    try:
        return tuple(search_dates(sentence, languages=[language], settings=settings) or ())
    except (ValueError, OverflowError, KeyError, TypeError, AttributeError):
        return ()


def _search_other(sentence: str, language: str, anchor: Anchor, tense: Tense) -> list[DateHit]:
    if len(sentence) > MAX_DP_SENTENCE:
        return []
    base = anchor.date or dt.date(2000, 1, 1)
    hits, cursor = [], 0
    for span, when in _dp_search(sentence, language, base):
        start = sentence.find(span, cursor)
        if start < 0:
            continue
        cursor = start + len(span)
        hit = _validate_other(span.strip(), start, when.date(), language, anchor, tense)
        if hit is not None:
            hits.append(_trimmed(hit, sentence, language, anchor))
    return hits


def _trimmed(hit: DateHit, sentence: str, language: str, anchor: Anchor) -> DateHit:
    """dateparser's span without the words around it that do not change the date."""
    words = hit.text.split()
    base = anchor.date or hit.date
    whole = _dp_plain(hit.text, language, base)
    for _ in range(6):
        if len(words) < 2:
            break
        for candidate in (words[1:], words[:-1]):
            if not any(len(w) > 2 and w.isalpha() for w in candidate):
                continue  # "18" alone is not the phrase as written
            if _dp_plain(" ".join(candidate), language, base) == whole:
                words = candidate
                break
        else:
            break
    text = " ".join(words)
    start = sentence.find(text, hit.start)
    if start < 0:
        return hit
    return dataclasses.replace(hit, text=text, start=start)


def _validate_other(
    span: str, start: int, first: dt.date, language: str, anchor: Anchor, tense: Tense
) -> DateHit | None:
    if len(span) < 4 or DURATION_OR_TIME.search(span):
        return None
    number = re.search(r"(?<!\d)(\d{1,2})(?!\d)", span)
    has_year = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", span)
    if number and re.search(r"[^\W\d_]{3,}", span):
        if int(number.group(1)) != first.day:
            return None
        if has_year:
            return DateHit(span, start, first)
        day = resolve_yearless(first.month, first.day, anchor, tense)
        return DateHit(span, start, day) if day else None
    if number or has_year or not anchor.knows_day:
        return None
    return _relative_other(span, start, language, anchor, tense)


def _relative_other(
    span: str, start: int, language: str, anchor: Anchor, tense: Tense
) -> DateHit | None:
    """A word-only span: trusted when it moves with the base like "yesterday" or a weekday."""
    base = anchor.date
    assert base is not None
    now = _dp_plain(span, language, base)
    if now is None:  # "am Montag": the word itself, without the preposition
        words = [w for w in span.split() if len(w) > 3 and w.isalpha()]
        if len(words) != 1:
            return None
        start += span.find(words[0])
        span = words[0]
        now = _dp_plain(span, language, base)
    if now is None:
        return None
    if _dp_plain(span, language, base + DAY) == now + DAY and abs((now - base).days) <= 2:
        return DateHit(span, start, now, basis="relative")
    if _dp_plain(span, language, base + WEEK) == now + WEEK:
        return DateHit(span, start, resolve_weekday(now.weekday(), base, tense), basis="relative")
    return None


@functools.lru_cache(maxsize=4096)
def _dp_plain(span: str, language: str, base: dt.date) -> dt.date | None:
    """dateparser's day for a word-only span; None for clock times and durations."""
    settings = {k: v for k, v in _settings(base).items() if k != "REQUIRE_PARTS"}
    settings["RETURN_TIME_AS_PERIOD"] = True
    try:
        found = DateDataParser(languages=[language], settings=settings).get_date_data(span)
    except (ValueError, OverflowError, KeyError, TypeError):
        return None
    if found.date_obj is None or found.period == "time":
        return None
    return found.date_obj.date()
