"""Date patterns of de, fr, es, it, pt and pl: one builder over each language's words.

The patterns use the named groups spans.py maps to spans (range, xrange, dm, iso, num,
mon, wd, rel, relm, prev), so these languages are found like uk/ru/en and never searched
by dateparser. Like the others, each is a flat alternation with bounded repeats.

Traps handled by construction: abbreviated months and months that are also names
("August", "Maja") are months only next to a day number or a year, or after a preposition
of time ("im August", "w maju"); Portuguese short weekdays ("segunda" is also "second")
only after "na"; a lone number or a year is never a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.extract.dates.words_eu import (
    DE_DAYPARTS,
    EU_ABBREVIATED,
    EU_MONTHS,
    EU_MOODS,
    EU_REL_DAYS,
    EU_REL_MONTHS,
    EU_REL_PREVIOUS,
    EU_WEEKDAYS,
    PL_LOCATIVE,
    PT_SHORT,
)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_D = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?!\d)"
_Y = r"(?:1[89]\d\d|20\d\d)"
# after the day: "15. November", "1er juin", "14 de septiembre", "1º de maio"
_DAY_END = r"(?:\.|er|º|°)?"
_OF = r"(?:\s+(?:de|di)\s+|\s+)"  # "14 de septiembre", "18 marzo"
_DASH = r"\s*(?:-|–|—|all'|bis(?:\s+zum)?|und|au|et|al|a|e|y|i|do|à)\s*"
_FROM = r"(?:(?<!\w)(?:vom|von|du|del|dal|de|od|zwischen|entre|tra|fra)\s+)?"
# "im Juni", "en juin", "en junio", "a giugno", "em junho", "w czerwcu", "Anfang Juni"
MONTH_PREPS = {
    "de": ["im", "seit", "bis", "ab", "anfang", "ende", "mitte", "von", "zum"],
    "fr": ["en", "depuis", "jusqu'en", "début", "fin", "mi-", "courant", "dès"],
    "es": ["en", "desde", "hasta", "principios de", "finales de", "mediados de", "a fines de"],
    "it": ["a", "ad", "in", "da", "fino a", "inizio", "fine", "metà", "a metà", "entro"],
    "pt": ["em", "desde", "até", "no início de", "no fim de", "em meados de", "no final de"],
    "pl": ["w", "we"],
}


def _year(name: str, lang: str) -> str:
    """An optional year after a month: "November 2009", "de 2025", "2022 r.", "2022 roku"."""
    tail = r"(?:\s*(?:r\.|roku))?" if lang == "pl" else ""
    return rf"(?:(?:,?\s+|\s+(?:de|del)\s+)(?P<{name}>{_Y})(?!\d){tail})?"


def _weekday_words(lang: str) -> str:
    """Weekday names; outside German they are written in lower case, so a capitalised one
    ("Plácido Domingo") is a weekday only where a sentence starts."""
    names = list(EU_WEEKDAYS[lang])
    full = _alt(n for n in names if lang != "pt" or n not in PT_SHORT)
    if lang == "pt":  # "na sexta", never "a segunda reunião"
        full += r"|(?<=\bna\s)" + rf"(?:{_alt(PT_SHORT)})"
    if lang == "de":
        return full
    opening = _alt(n.capitalize() for n in names)
    return rf"(?-i:{full}|(?:(?<!.)|(?<=[.!?:;\"«(]\s))(?:{opening}))"


def eu_pattern(lang: str) -> re.Pattern[str]:
    months = EU_MONTHS[lang]
    locative = PL_LOCATIVE if lang == "pl" else set()
    day_months = [m for m in months if m not in locative]
    short = [m for m in day_months if m in EU_ABBREVIATED]
    full = [m for m in day_months if m not in EU_ABBREVIATED]
    month = rf"(?:{_alt(full)}|(?:{_alt(short)})\.?)" if short else rf"(?:{_alt(full)})"
    alone = _alt(locative) if lang == "pl" else _alt(full)
    moods = _alt(EU_MOODS[lang])
    weekday = _weekday_words(lang)
    parts = rf"(?:{_alt(DE_DAYPARTS)})?" if lang == "de" else ""
    preps = _alt(MONTH_PREPS[lang])
    return re.compile(
        rf"(?P<xrange>{_FROM}(?P<xd1>{_D}){_DAY_END}{_OF}(?P<xm1>{month})(?!\w){_DASH}"
        rf"(?P<xd2>{_D}){_DAY_END}{_OF}(?P<xm2>{month})(?!\w){_year('xy', lang)})"
        rf"|(?P<range>{_FROM}(?P<rd1>{_D}){_DAY_END}{_DASH}(?P<rd2>{_D}){_DAY_END}{_OF}"
        rf"(?P<rm>{month})(?!\w){_year('ry', lang)})"
        rf"|(?P<dm>(?P<dd>{_D}){_DAY_END}{_OF}(?P<dmm>{month})(?!\w){_year('dy', lang)})"
        rf"|(?P<iso>(?P<iy>{_Y})-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)"
        rf"|(?P<num>(?P<nd>[0-3]?\d)[./](?P<nm>[01]?\d)[./](?P<ny>{_Y}))(?!\d)"
        rf"|(?P<mon>(?<!\w)(?:{preps})(?:\s+|(?<=-))(?P<mo1>{alone})(?!\w){_year('moy1', lang)}"
        rf"|(?<![\w\d])(?<!\d\s)(?<!\d\.\s)(?P<mo2>{_alt(full)})(?!\w)"
        rf"(?:\s+(?:de|del)\s+|,?\s+)(?P<moy2>{_Y})(?!\d))"
        rf"|(?P<wd>(?:(?<!\w)(?P<wdmod>{moods})\s+)?(?<!\w)(?P<wdn>{weekday}){parts}(?!\w)"
        rf"(?:\s+(?P<wdgen>{moods})(?!\w))?"
        rf"(?:\s*(?:und|et|y|e|i|-|–|—|bis|au|al|a)\s*(?P<wdn2>{weekday}){parts}(?!\w))?)"
        rf"|(?P<relm>(?<!\w)(?:{_alt(EU_REL_MONTHS[lang])})(?!\w))"
        rf"|(?P<prev>(?<!\w)(?:{_alt(EU_REL_PREVIOUS[lang])})(?!\w))"
        rf"|(?P<rel>(?<!\w)(?:{_alt(EU_REL_DAYS[lang])})(?!\w))",
        flags=re.IGNORECASE,
    )


EU_PATTERNS = {lang: eu_pattern(lang) for lang in EU_MONTHS}
