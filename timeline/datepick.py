"""Which of a sentence's dates belongs to a contact word."""

from __future__ import annotations

import re

from .dates import DateHit
from .tense import Clauses
from .triggers import Trigger

OTHER_ZONE = re.compile(r"时间|時間|\btime\b|время|часом|за київським", re.IGNORECASE)


def _in_other_zone(sentence: str, hit: DateHit) -> bool:
    """A date in "(Beijing time Friday 2:50)": the same moment in another time zone."""
    opening = max(sentence.rfind("(", 0, hit.start), sentence.rfind("（", 0, hit.start))
    if (
        opening < 0
        or max(sentence.rfind(")", 0, hit.start), sentence.rfind("）", 0, hit.start)) > opening
    ):
        return False
    return bool(OTHER_ZONE.search(sentence, opening, hit.start + len(hit.text) + 12))


# A clause that places the contact vaguely in the past ("last year", "раніше", "此前").
VAGUE = re.compile(
    r"\b(?:last (?:year|week|time)|earlier this (?:year|month)|previously|in the past|ago|"
    r"first met)\b|(?<!\w)(?:минулого року|торік|минулого тижня|раніше|колись|востаннє|"
    r"в прошлом году|на прошлой неделе|ранее|когда-то|в последний раз)(?!\w)|"
    r"去年|上周|此前|之前|早些时候|以前|上次|\b(?:letztes Jahr|zuvor|früher|l'an dernier|"
    r"l'année dernière|auparavant|el año pasado|anteriormente|l'anno scorso|in precedenza|"
    r"no ano passado|w zeszłym roku|wcześniej)\b",
    flags=re.IGNORECASE,
)
VAGUE_DATE = object()  # marker: the contact's own clause dates it vaguely (background)


def pick_date(sentence: str, group: list[Trigger], hits: list[DateHit]) -> DateHit | object | None:
    """The date of a contact: in the clause of one of its words, else the nearest one.

    A clause that dates the contact only vaguely (a year, a month, "last year") makes it
    background: VAGUE_DATE, and no date is borrowed from elsewhere.
    """
    # Month-only dates are kept when relative ("last month"); "in April" is background.
    hits = [h for h in hits if not _in_other_zone(sentence, h)]
    usable = [
        h
        for h in hits
        if h.precision == "day" or (h.precision == "month" and h.basis == "relative")
    ]
    clauses = Clauses(sentence)
    for trigger in group:
        start, end = clauses.around(trigger.start)
        same = [h for h in usable if start <= h.start < end]
        if same:
            return _closest(same, trigger.start)
    for trigger in group:
        start, end = clauses.around(trigger.start)
        if any(start <= h.start < end for h in hits) or VAGUE.search(sentence, start, end):
            return VAGUE_DATE
    return _closest(usable, group[0].start) if usable else None


def _closest(hits: list[DateHit], position: int) -> DateHit:
    day_first = sorted(hits, key=lambda h: (h.precision != "day", abs(h.start - position)))
    return day_first[0]
