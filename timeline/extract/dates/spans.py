"""Date phrases found by our own patterns, as structured spans: uk, ru, en and zh here;
de, fr, es, it, pt and pl from the builder in spans_eu.py.

Each pattern is a flat alternation with bounded repeats (no nested quantifiers), so the
scan is linear in the text. A span says what the phrase holds (day, month, year, weekday,
offset) and nothing else: resolving it against the publication date is dates.py's job.

Traps handled by construction: durations ("five hours", "понад п'ять годин") and amounts
("25 percent", "$200 billion") contain no date word, so no pattern matches them; the
modal "may" is a month only next to a day number or a year, or after "in"; "sat"/"sun"
are never weekdays (full names only); a bare year ("2022 року") is a year, never
"years ago"; locative months ("у червні", "в июне") are months.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.extract.dates.spans_eu import EU_PATTERNS
from timeline.extract.dates.words import (
    ABBREVIATED,
    APOSTROPHES,
    EN_MONTHS,
    EN_WEEKDAYS,
    FULLWIDTH_DIGITS,
    REL_DAYS,
    REL_MONTHS,
    REL_PREVIOUS,
    RU_LOCATIVE,
    RU_MONTH_ADJECTIVES,
    RU_MONTHS,
    RU_WEEKDAYS,
    UK_LOCATIVE,
    UK_MONTH_ADJECTIVES,
    UK_MONTHS,
    UK_WEEKDAYS,
    ZH_WEEKDAYS,
)
from timeline.extract.dates.words_eu import (
    EU_APOSTROPHES,
    EU_MONTHS,
    EU_MOODS,
    EU_REL_DAYS,
    EU_REL_MONTHS,
    EU_REL_PREVIOUS,
    EU_WEEKDAYS,
)


@dataclass(frozen=True)
class Span:
    """A date phrase; `form`: date, range, month, weekday, relday, relmonth, previous, dayonly,
    year."""

    text: str
    start: int
    end: int
    form: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    weekday: int | None = None
    offset: int | None = None
    year_offset: int | None = None  # "去年10月": the year before publication
    end_weekday: int | None = None  # "on Friday and Saturday", "у суботу та неділю"
    week: int | None = None  # "上周五": the calendar week before publication (zh)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


D = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?!\d)"
Y = r"(?:1[89]\d\d|20\d\d)"

# English: capitalised month names ("may" the verb is lower case), day before or after.
_EN_MONTH = r"(?:" + _alt([m.capitalize() for m in EN_MONTHS if m != "may"]) + r")\.?|May"
_EN_DAY = rf"{D}(?:st|nd|rd|th)?"
_EN_CONTACT = r"(?:summit|meeting|talks|call|phone call|video call|visit|trip|dialogue)\b"
_EN_WD = "(?:" + "|".join(w.capitalize() for w in EN_WEEKDAYS) + ")"
_EN_DASH = r"\s*(?:-|–|—|to|through|and)\s*"
EN_PATTERN = re.compile(
    rf"(?P<xrange>(?P<xm1>{_EN_MONTH})\s+(?P<xd1>{_EN_DAY})\s*[-–—]\s*(?P<xm2>{_EN_MONTH})\s+"
    rf"(?P<xd2>{_EN_DAY})(?:,?\s+(?P<xy>{Y}))?)"
    rf"|(?P<mrange>(?P<rm>{_EN_MONTH})\s+(?P<rd1>{_EN_DAY}){_EN_DASH}(?P<rd2>{_EN_DAY})"
    rf"(?:,?\s+(?P<ry>{Y}))?)"
    rf"|(?P<drange>(?P<qd1>{_EN_DAY})\s*[-–—]\s*(?P<qd2>{_EN_DAY})\s+(?P<qm>{_EN_MONTH})"
    rf"(?:,?\s+(?P<qy>{Y}))?)"
    rf"|(?P<md>(?P<mm>{_EN_MONTH})\s+(?P<md1>{_EN_DAY})(?![:\d])(?:,?\s+(?P<my>{Y}))?)"
    rf"|(?P<dm>(?P<dd>{_EN_DAY})\s+(?:of\s+)?(?P<dmm>{_EN_MONTH})(?:,?\s+(?P<dy>{Y}))?)"
    rf"|(?P<iso>(?P<iy>{Y})-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)"
    rf"|(?P<mon>(?:(?P<mprep>\b(?i:in|since|until|early|late|mid-?|during|last|this|next)\s+)"
    rf"(?P<mo1>{_EN_MONTH})(?:,?\s+(?P<moy1>{Y}))?|(?P<mo2>{_EN_MONTH}),?\s+(?P<moy2>{Y})"
    # a month before a contact noun: "the October summit", "their March meeting"
    rf"|\b(?:the|their|his|her|its)\s(?P<mo3>{_EN_MONTH})(?=(?:['’]s)? {_EN_CONTACT})))"
    rf"(?![\w-]|\s*\d)"
    rf"|(?P<wd>(?:\b(?P<wdmod>last|next|this|Last|Next|This)\s+)?(?P<wdn>\b{_EN_WD}\b)"
    rf"(?:\s*(?:and|to|through|until|-|–|—)\s*(?P<wdn2>{_EN_WD})\b)?)"
    rf"|(?P<rel>\b(?i:{_alt(REL_DAYS['en'])})\b)"
    rf"|(?P<relm>\b(?i:{_alt(REL_MONTHS['en'])})\b)"
    rf"|(?P<prev>\b(?i:{_alt(REL_PREVIOUS['en'])})\b)",
)

_SL_YEAR = r"(?:\s+(?P<{n}>" + Y + r")(?:\s*(?:року|р\.|рік|года|г\.|год))?)?"
_SL_DASH = r"\s*(?:-|–|—|і|й|та|и|по|до)\s*"


# "в прошлую пятницу", "в следующий понедельник", "у цю п'ятницю", "минулої п'ятниці"
_SL_MOODS = r"прошл\w*|следующ\w*|эт\w+|минул\w*|наступн\w*|цю|цей|ці"
MOODS = {"прошл": -1, "минул": -1, "следующ": 1, "наступн": 1, "last": -1, "next": 1}
MOODS.update({word: value for table in EU_MOODS.values() for word, value in table.items()})


def _slavic_pattern(months: dict[str, int], locative: set[str], lang: str) -> re.Pattern[str]:
    genitive = [m for m in months if m not in locative]
    short = [m for m in genitive if m in ABBREVIATED]
    full = [m for m in genitive if m not in ABBREVIATED]
    month = rf"(?:{_alt(full)}|(?:{_alt(short)})\.?)"
    weekdays = UK_WEEKDAYS if lang == "uk" else RU_WEEKDAYS
    adjectives = UK_MONTH_ADJECTIVES if lang == "uk" else RU_MONTH_ADJECTIVES
    return re.compile(
        rf"(?P<range>(?:\b(?:з|із|с|від|от)\s+)?(?P<rd1>{D}){_SL_DASH}(?P<rd2>{D})\s+"
        rf"(?P<rm>{month})(?!\w){_SL_YEAR.format(n='ry')})"
        rf"|(?P<dm>(?P<dd>{D})\s+(?P<dmm>{month})(?!\w){_SL_YEAR.format(n='dy')})"
        rf"|(?P<iso>(?P<iy>{Y})-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)"
        rf"|(?P<num>(?P<nd>[0-3]?\d)\.(?P<nm>[01]?\d)\.(?P<ny>{Y}))(?!\d)"
        rf"|(?P<mon>(?<!\w)(?:у|в|во)\s+(?P<mo1>{_alt(locative)})(?!\w)"
        rf"{_SL_YEAR.format(n='moy1')}"
        # a genitive month with its year: "с ноября 2022 года", "з листопада 2022 року"
        rf"|(?<!\d\s)(?<![\w\d])(?P<mo2>{_alt(genitive)})(?!\w)\s+(?P<moy2>{Y})"
        rf"(?:\s*(?:року|р\.|рік|года|г\.|год))?(?!\d)"
        rf"|(?<!\w)(?P<mo3>{_alt(adjectives)})\w{{0,4}}(?!\w))"
        rf"|(?P<wd>(?:(?<!\w)(?:у|в|во)\s+(?:(?P<wdmod>{_SL_MOODS})\s+)?|"
        rf"(?<!\w)(?P<wdgen>минулого|минулої|наступного|наступної)\s+)(?P<wdn>{_alt(weekdays)})"
        rf"(?:\s*(?:та|і|й|и|-|–|—|по|до)\s*(?:(?:у|в|во)\s+)?(?P<wdn2>{_alt(weekdays)}))?"
        rf"(?!\w))"
        rf"|(?P<rel>(?<!\w)(?:{_alt(REL_DAYS[lang])})(?!\w))"
        rf"|(?P<relm>(?<!\w)(?:{_alt(REL_MONTHS[lang])})(?!\w))"
        rf"|(?P<prev>(?<!\w)(?:{_alt(REL_PREVIOUS[lang])})(?!\w))"
        rf"|(?P<year>(?<!\d)(?P<yy>{Y})\s*(?:року|році|рік|р\.|года|году|год|г\.)(?!\w))",
        flags=re.IGNORECASE,
    )


UK_PATTERN = _slavic_pattern(UK_MONTHS, UK_LOCATIVE, "uk")
RU_PATTERN = _slavic_pattern(RU_MONTHS, RU_LOCATIVE, "ru")
_ZD = (
    r"(?:[12]\d|3[01]|0?[1-9]|三十一|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|"
    r"[一二三四五六七八九])"
)
_ZM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
ZH_PATTERN = re.compile(
    rf"(?P<range>(?:(?P<ry>{Y})年)?(?P<rm>{_ZM})月(?P<rd1>{_ZD})[日号]?\s*"
    rf"(?:至|到|-|–|—|~|～)\s*(?:(?P<rm2>{_ZM})月)?(?P<rd2>{_ZD})[日号])"
    rf"|(?P<dm>(?:(?P<dy>{Y})年)?(?P<dmm>{_ZM})月(?P<dd>{_ZD})[日号])"
    rf"|(?P<iso>(?P<iy>{Y})-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)"
    rf"|(?P<mon>(?:(?P<moy1>{Y})年|(?P<zyr>去年|今年|明年|前年))?"
    rf"(?<![\d一二三四五六七八九十])(?P<mo1>{_ZM})月份?(?![\d一二三四五六七八九十日号]))"
    rf"|(?P<zrange>(?<![\d月])(?P<od1>{_ZD})日?\s*(?:至|到|-|–|—|~|～)\s*(?P<od2>{_ZD})日)"
    rf"|(?P<dayonly>(?<![\d月一二三四五六七八九十])(?P<od>{_ZD})日(?![\d讯电]))"
    rf"|(?P<wd>(?P<zwk>上|下|本|这|這)?(?:个|個)?(?:周|星期|礼拜|禮拜)(?P<wdn>[一二三四五六日天])"
    rf"(?:\s*(?:和|与|與|至|到|-|–|—)\s*(?:周|星期|礼拜|禮拜)?(?P<wdn2>[一二三四五六日天]))?)"
    rf"|(?P<rel>{_alt(REL_DAYS['zh'])})"
    rf"|(?P<relm>{_alt(REL_MONTHS['zh'])})"
    rf"|(?P<prev>{_alt(REL_PREVIOUS['zh'])})"
)
ZH_YEARS = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
ZH_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
PATTERNS = {"en": EN_PATTERN, "uk": UK_PATTERN, "ru": RU_PATTERN, "zh": ZH_PATTERN, **EU_PATTERNS}
_REL_DAYS = {**REL_DAYS, **EU_REL_DAYS}
_REL_MONTHS = {**REL_MONTHS, **EU_REL_MONTHS}
_REL_PREVIOUS = {**REL_PREVIOUS, **EU_REL_PREVIOUS}


def normalise(text: str, lang: str = "uk") -> str:
    """Same length as `text`: Cyrillic apostrophes unified (п'ятниця), full-width digits ASCII."""
    if lang in ("uk", "ru"):
        text = text.translate(APOSTROPHES)
    elif lang in EU_PATTERNS:
        text = text.translate(EU_APOSTROPHES)
    return text.translate(FULLWIDTH_DIGITS)


def _int(value: str | None) -> int | None:
    if not value:
        return None
    digits = re.match(r"\d+", value)
    return int(digits.group()) if digits else _zh_number(value)


def _zh_number(value: str) -> int | None:
    """Chinese numerals up to 31: 七, 十, 十七, 二十, 三十一."""
    if value == "十":
        return 10
    tens, _, units = value.rpartition("十")
    if "十" in value:
        return (ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (ZH_DIGITS.get(units, 0))
    return ZH_DIGITS.get(value)


def _month(name: str | None, lang: str) -> int | None:
    if not name:
        return None
    if name.isdigit():
        return int(name)
    if lang == "zh":
        return _zh_number(name)
    key = name.lower().rstrip(".")
    adjective = {"uk": UK_MONTH_ADJECTIVES, "ru": RU_MONTH_ADJECTIVES}.get(lang, {}).get(key)
    if adjective:
        return adjective
    table = {"en": EN_MONTHS, "uk": UK_MONTHS, "ru": RU_MONTHS}.get(lang) or EU_MONTHS.get(lang, {})
    return table.get(key)


def _span(m: re.Match[str], lang: str) -> Span | None:
    g = m.groupdict()
    text, start, end = m.group(), m.start(), m.end()

    def make(form: str, **kw: int | None) -> Span:
        return Span(text.strip(), start, end, form, **kw)

    if g.get("xrange"):
        return make(
            "range",
            day=_int(g["xd1"]),
            month=_month(g["xm1"], lang),
            end_day=_int(g["xd2"]),
            end_month=_month(g["xm2"], lang),
            year=_int(g["xy"]),
        )
    if g.get("mrange") or g.get("range"):
        month = _month(g.get("rm") or g.get("rm"), lang)
        return make(
            "range",
            day=_int(g["rd1"]),
            month=month,
            end_day=_int(g["rd2"]),
            end_month=_month(g.get("rm2"), lang) or month,
            year=_int(g.get("ry")),
        )
    if g.get("drange"):
        month = _month(g["qm"], lang)
        return make(
            "range", day=_int(g["qd1"]), month=month, end_day=_int(g["qd2"]),
            end_month=month, year=_int(g["qy"]),
        )  # fmt: skip
    if g.get("md"):
        return make("date", day=_int(g["md1"]), month=_month(g["mm"], lang), year=_int(g["my"]))
    if g.get("dm"):
        return make("date", day=_int(g["dd"]), month=_month(g["dmm"], lang), year=_int(g["dy"]))
    if g.get("iso"):
        return make("date", day=_int(g["id"]), month=_int(g["im"]), year=_int(g["iy"]))
    if g.get("num"):
        return make("date", day=_int(g["nd"]), month=_int(g["nm"]), year=_int(g["ny"]))
    if g.get("mon"):
        month = _month(g.get("mo1") or g.get("mo2") or g.get("mo3"), lang)
        year = _int(g.get("moy1") or g.get("moy2"))
        offset = None
        prep = (g.get("mprep") or "").strip().lower()
        if prep in ("last", "next"):
            offset = -1 if prep == "last" else 1
        years = ZH_YEARS.get(g.get("zyr") or "")
        return make("month", month=month, year=year, offset=offset, year_offset=years)
    if g.get("dayonly"):
        return make("dayonly", day=_int(g["od"]))
    if g.get("zrange"):
        return make("dayonly", day=_int(g["od1"]), end_day=_int(g["od2"]))
    if g.get("wd"):
        mood = (g.get("wdmod") or g.get("wdgen") or "").lower()
        week = {"上": -1, "下": 1, "本": 0, "这": 0, "這": 0}.get(g.get("zwk") or "")
        return make(
            "weekday",
            weekday=_weekday(g.get("wdn") or text, lang),
            end_weekday=_weekday(g["wdn2"], lang) if g.get("wdn2") else None,
            offset=next((v for k, v in MOODS.items() if mood.startswith(k)), None),
            week=week,
        )
    if g.get("rel"):
        return make("relday", offset=_REL_DAYS[lang].get(text.lower().strip(), 0))
    if g.get("relm"):
        return make("relmonth", offset=_REL_MONTHS[lang].get(text.lower().strip(), 0))
    if g.get("prev"):
        return make("previous", offset=_REL_PREVIOUS[lang].get(text.lower().strip(), 0))
    if g.get("year"):
        return make("year", year=_int(g["yy"]))
    return None


def _weekday(name: str, lang: str) -> int | None:
    key = name.lower().strip()
    if lang == "en":
        return EN_WEEKDAYS.index(key) if key in EN_WEEKDAYS else None
    if lang == "zh":
        return ZH_WEEKDAYS.get(key)
    if lang in EU_WEEKDAYS:
        return EU_WEEKDAYS[lang].get(key)
    return (UK_WEEKDAYS if lang == "uk" else RU_WEEKDAYS).get(key)


def find_spans(text: str, lang: str) -> list[Span]:
    """Every date phrase our patterns know in `text` (uk, ru, en, zh), in order."""
    pattern = PATTERNS.get(lang)
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(normalise(text, lang)):
        span = _span(match, lang)
        if span is not None:
            spans.append(Span(text[span.start : span.end].strip(), *_fields(span)))
    return pair_weekdays(spans, text)


def _fields(span: Span) -> tuple:  # type: ignore[type-arg]
    return (
        span.start, span.end, span.form, span.day, span.month, span.year, span.end_day,
        span.end_month, span.weekday, span.offset, span.year_offset, span.end_weekday,
        span.week,
    )  # fmt: skip


PAIR_GAP = re.compile(r"^[\s,(（]{0,3}$")


def pair_weekdays(spans: list[Span], text: str) -> list[Span]:
    """Join "Saturday (Dec 1)" / "у п'ятницю, 19 березня" into one date that keeps the weekday."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.form == "weekday"
            and span.form in ("date", "range")
            and PAIR_GAP.match(text[prev.end : span.start])
        ):
            closing = 1 if text[span.end : span.end + 1] in ")）" else 0
            out[-1] = Span(
                text[prev.start : span.end + closing],
                prev.start,
                span.end + closing,
                span.form,
                span.day,
                span.month,
                span.year,
                span.end_day,
                span.end_month,
                prev.weekday,
            )
            continue
        if (
            prev is not None
            and span.form == "weekday"
            and prev.form == "date"
            and prev.weekday is None
            and PAIR_GAP.match(text[prev.end : span.start])
        ):  # "7月21日周三", "21 липня, середа"
            closing = 1 if text[span.end : span.end + 1] in ")）" else 0
            out[-1] = dataclasses.replace(
                prev, text=text[prev.start : span.end + closing], end=span.end + closing,
                weekday=span.weekday,
            )  # fmt: skip
            continue
        out.append(span)
    return out
