"""A missing publication year, recovered from a weekday written with its date.

"у п'ятницю, 23 вересня" fits only some years (2011, 2016, 2022...). Of those, the one in
which the people the article names held office (and held the offices it names, such as
"Держсекретар") is taken, when exactly one year fits best. Used only when the article has
no publication date and no date line; the anchor says where it came from.
"""

from __future__ import annotations

import datetime as dt

from timeline.extract.dates.finder import Anchor
from timeline.extract.dates.spans import PATTERNS, Span, find_spans
from timeline.extract.offices import find_roles
from timeline.model import Person
from timeline.people import office_holder

FIRST_YEAR = 2000
SCAN_CHARS = 20_000  # only the start of a long article is searched


def anchor_from_weekdays(
    text: str, language: str, named: list[Person], everyone: list[Person]
) -> Anchor | None:
    """The first weekday+date of the text, dated by the offices of the people named."""
    if language not in PATTERNS or not named:
        return None
    head = text[:SCAN_CHARS]
    offices = [(r.country, r.title) for r in find_roles(head, language)]
    for span in find_spans(head, language):
        if span.form not in ("date", "range") or span.weekday is None or span.year:
            continue
        day = _best_day(span, named, offices, everyone)
        if day is not None:
            return Anchor(day, "day", f"weekday and date “{span.text}” with the offices held")
    return None


def _best_day(
    span: Span, named: list[Person], offices: list[tuple[str, str]], everyone: list[Person]
) -> dt.date | None:
    ids = {p.id for p in named}
    scores: dict[dt.date, int] = {}
    for year in range(FIRST_YEAR, dt.date.today().year + 1):
        try:
            day = dt.date(year, span.month or 0, span.day or 0)
        except ValueError:
            continue
        if day.weekday() != span.weekday or day > dt.date.today():
            continue
        iso = day.isoformat()
        score = sum(1 for p in named if any(r.held_on(iso) for r in p.roles))
        for country, title in offices:
            holder = office_holder(everyone, title, country, iso)
            score += int(holder is not None and holder.id in ids)
        if score:
            scores[day] = score
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]
