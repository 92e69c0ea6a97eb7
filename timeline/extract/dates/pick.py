"""Which of a sentence's dates belongs to a contact word."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from timeline.extract.dates.finder import DateHit
from timeline.extract.offices import SAYING
from timeline.extract.tense import Clauses
from timeline.extract.triggers import Trigger

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
    r"\b(?:last (?:year|week|time)|(?:earlier )?this (?:year|week)|earlier this month|"
    r"previously|in the past|ago|first met)\b|"
    r"(?<!\w)(?:минулого року|торік|минулого тижня|цього тижня|на цьому тижні|раніше|колись|"
    r"востаннє|в прошлом году|на прошлой неделе|на этой неделе|ранее|когда-то|"
    r"в последний раз)(?!\w)|"
    # "three weeks ago", "месяц назад", "два роки тому", "3周前", "两个月前": a span back from now
    r"(?<!\w)(?:(?:дн|недел|месяц|год)\w* назад|лет назад|"
    r"(?:дн|тижн|місяц|рок)\w* тому|(?:тиждень|рік) тому)(?!\w)|"
    r"(?<![\d一二两三四五六七八九十数几])[\d一二两三四五六七八九十数几]{1,4}\s?(?:个|個)?"
    r"(?:周|週|星期|礼拜|禮拜|月|年|天)(?:之)?前|"
    r"去年|上周|上週|上个?星期|上個?星期|本周|这周|此前|之前|早些时候|以前|上次|"
    r"\b(?:letztes Jahr|zuvor|früher|l'an dernier|"
    r"l'année dernière|auparavant|el año pasado|anteriormente|l'anno scorso|in precedenza|"
    r"no ano passado|w zeszłym roku|wcześniej)\b",
    flags=re.IGNORECASE,
)
# Taking or returning to office: "after he took office in January", "после возвращения Трампа
# в Белый дом в январе 2025 г.", "拜登今年1月就任美国总统后". That date is not a contact's.
OFFICE_CHANGE = re.compile(
    r"\btook office\b|\binaugurat\w*|\bsworn in\b|\bwas elected\b|"
    r"\breturn(?:ed|ing)? to the White House\b|вступ\w* (?:в|на) (?:должность|посаду)|"
    r"инаугурац\w*|інавгурац\w*|"
    r"(?:возвращени\w*|вернул\w*|повернен\w*|повернув\w*)\W+(?:\w+\W+){0,2}"
    r"(?:в Белый дом|к власти|до Білого дому|до влади)|"
    r"就任|就职|就職|当选|當選|上任|重返白宫|重返白宮",
    flags=re.IGNORECASE,
)
OFFICE_REACH = 40  # characters before a date phrase ("took office in January")
OFFICE_AFTER = 6  # characters after it ("1月就任"; not "一月十七日，川普就任前")


# "the first meeting since November 2022", "первая встреча с ноября 2022 года", "自去年11月以来":
# the date bounds a stretch of time; it is no contact's date. After "з", "с", "от", "自" a day
# is the first day of a stay ("з 27 серпня") unless 以来 follows.
SINCE = re.compile(r"\bsince\s*$", re.IGNORECASE)
FROM = re.compile(r"(?:(?<!\w)(?:с|со|з|із|від|от)|自|从|自从)\s*$", re.IGNORECASE)
SINCE_AFTER = re.compile(r"\s*(?:以来|至今)")


def _since(sentence: str, hit: DateHit) -> bool:
    before = sentence[max(0, hit.start - 8) : hit.start]
    if SINCE.search(before) or hit.text.lower().startswith("since "):
        return True
    if not FROM.search(before):
        return False
    after = sentence[hit.start + len(hit.text) :]
    return hit.precision in ("month", "year") or bool(SINCE_AFTER.match(after))


# A date phrase opened by a preposition dates the verb, not a noun after it.
ADVERBIAL = re.compile(r"(?:в|во|у|on|in|at|am|le|el|il|w|we|στις)\s", re.IGNORECASE)
NOUN_GAP = 4  # characters between a date and the contact noun it modifies ("May 8's", "的")


def modifies_noun(sentence: str, hit: DateHit, trigger: Trigger) -> bool:
    """ "1月17日通话", "the June 12 call", "3月5日的会谈", "(since) the October summit": the
    date of the contact noun right after it (not "в четверг побеседовал", the verb's)."""
    end = hit.start + len(hit.text)
    if trigger.start < end:
        return False
    gap = sentence[end : trigger.start]
    return len(gap) <= NOUN_GAP and not gap.strip(" '’s的-") and not ADVERBIAL.match(hit.text)


def _of_noun(sentence: str, hit: DateHit, group: list[Trigger]) -> bool:
    return any(modifies_noun(sentence, hit, t) for t in group)


def _office_change(sentence: str, hit: DateHit) -> bool:
    before = re.split(r"[,，;；]", sentence[max(0, hit.start - OFFICE_REACH) : hit.start])[-1]
    after = sentence[hit.start + len(hit.text) : hit.start + len(hit.text) + OFFICE_AFTER]
    return bool(OFFICE_CHANGE.search(before) or OFFICE_CHANGE.search(after))


FRONTED_CLAUSE = 24  # characters of a clause that only says when ("In June,", "六月时，")
SAID_REACH = 12  # characters between a date and "said" / "заявил" / "表示"
VAGUE_DATE = object()  # marker: the contact's own clause dates it vaguely (background)


def pick_date(
    sentence: str, group: list[Trigger], hits: list[DateHit], planned: bool = False
) -> DateHit | object | None:
    """The date of a contact: in the clause of one of its words, else the nearest one.

    A clause that dates the contact only vaguely (a year, a month, "last year") makes it
    background: VAGUE_DATE, and no date is borrowed from elsewhere. For an announced
    contact, the day something was said ("said on Thursday") is not the contact's date.
    """
    # Month-only dates are kept when relative ("last month"); "in April" is background.
    hits = [
        h
        for h in hits
        if not _in_other_zone(sentence, h)
        and not _office_change(sentence, h)
        and not (_since(sentence, h) and not _of_noun(sentence, h, group))
    ]
    if planned:
        hits = [h for h in hits if not _said_on(sentence, h)]
    else:  # "X, who met Y in May, said on Thursday that the talks…": the saying's day
        hits = [h for h in hits if not _dates_saying_of(sentence, h, group)]
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
    for trigger in group:  # "in November 2023", "у березні": a background contact, to the month
        start, end = clauses.around(trigger.start)
        months = [h for h in hits if h.precision == "month" and start <= h.start < end]
        if months:
            return dataclasses.replace(_closest(months, trigger.start), rule="month in clause")
    for trigger in group:  # "六月时，川习曾…磋商", "In June, they spoke": a fronted time clause
        start, _ = clauses.around(trigger.start)
        before, _ = clauses.around(max(0, start - 2))
        fronted = [
            h
            for h in hits
            if before <= h.start < start
            and start - before <= FRONTED_CLAUSE
            and h.precision in ("day", "month")
        ]
        if start > 0 and fronted:
            return dataclasses.replace(fronted[-1], rule="fronted time clause")
    for trigger in group:
        start, end = clauses.around(trigger.start)
        before, _ = clauses.around(max(0, start - 2))  # "Three weeks ago, they met"
        fronted = start > 0 and start - before <= FRONTED_CLAUSE
        if (
            any(start <= h.start < end for h in hits)
            or VAGUE.search(sentence, start, end)
            or (fronted and VAGUE.search(sentence, before, start))
            or _consensus_of(sentence, trigger)
        ):
            return VAGUE_DATE
    return _closest(usable, group[0].start) if usable else None


def _dates_saying_of(sentence: str, hit: DateHit, group: list[Trigger]) -> bool:
    """A saying's date with the contact word after it in its clause reports the contact."""
    if not _said_on(sentence, hit):
        return False
    _, end = Clauses(sentence).around(hit.start)
    return any(hit.start < t.start < end for t in group)


# "the consensus reached at the San Francisco meeting", "落实旧金山会晤共识": an earlier
# contact, named for what it agreed, not the one being reported.
CONSENSUS_BEFORE = re.compile(
    r"consensus (?:reached|agreed) (?:at|during|in) (?:the |their )?(?:\w+ ){0,3}$",
    re.IGNORECASE,
)
CONSENSUS_AFTER = re.compile(r"\W{0,2}(?:共识|共識|重要共识)")


def _consensus_of(sentence: str, trigger: Trigger) -> bool:
    before = sentence[max(0, trigger.start - 60) : trigger.start]
    return bool(CONSENSUS_BEFORE.search(before) or CONSENSUS_AFTER.match(sentence, trigger.end))


def _said_on(sentence: str, hit: DateHit) -> bool:
    before = sentence[max(0, hit.start - SAID_REACH) : hit.start]
    after = sentence[hit.start + len(hit.text) : hit.start + len(hit.text) + SAID_REACH]
    after = re.split(r"[,，;]", after, maxsplit=1)[0]  # "29 июня, заявил ...": attribution
    before = re.split(r"[,，;]", before)[-1]
    return bool(SAYING.search(before) or SAYING.search(after))


def announced_before(sentence: str, hits: list[DateHit], contact: DateHit) -> bool:
    """The sentence says on one day ("表示", "said on Wednesday") that the contact is on a
    later one: it was announced, whatever has happened since."""
    return any(
        h is not contact
        and h.precision == "day"
        and _said_on(sentence, h)
        and h.date < contact.date
        for h in hits
    )


def _closest(hits: list[DateHit], position: int) -> DateHit:
    day_first = sorted(hits, key=lambda h: (h.precision != "day", abs(h.start - position)))
    return day_first[0]


# "the signing ceremony", "під час зустрічі": a contact the article has already dated.
BACK_REFERENCE = re.compile(
    r"\bthe (?:signing )?(?:ceremony|meetings?|talks|summit|visit|dinner|trip)\b|"
    r"\b(?:that|this) (?:phone )?(?:call|meeting|visit|summit|trip|conversation)\b|"
    r"(?<!\w)(?:этот|эта|эту|этой|этого|тот самый|та самая|цей|ця|цю|цієї|цього|той самий|"
    r"та сама) (?:разговор|звонок|встреч[аиуе]|розмова|розмову|дзвінок|зустріч)(?!\w)|"
    r"这次通话|此次通话|这次会晤|此次会晤|这次会谈|此次会谈|"
    r"\b(?:during|at) (?:the|their|his|her) (?:meeting|talks|visit|call|trip|summit)\b|"
    r"(?:під час|у ході|в ході|во время) (?:зустрічі|переговорів|візиту|розмови|церемонії|"
    r"встречи|переговоров|визита|разговора|беседы|церемонии)|на церемонії|на церемонии|"
    r"会谈中|会见时|会谈时|通话中|仪式上|"
    # the contact characterised: "This is the third meeting between Xi and Trump"
    r"\b(?:this|it) (?:is|was|will be) (?:the|their) (?:\w+ ){0,2}(?:meeting|talks|call|visit|"
    r"summit|trip)\b|(?<!\w)(?:это|це) (?:(?:был|стал|бул)\w* )?(?:\w+ )?"
    r"(?:встреч[аи]|разговор|визит|зустріч|розмова|візит)(?!\w)|"
    r"这是(?:两人|双方|两国元首)?[^，。]{0,6}第[一二三四五六七八九十\d]+次(?:会晤|会见|会谈|通话)|"
    # the contact as the subject of "take place": "the meeting will take place on Monday"
    r"\b(?:meeting|talks|call|visit|summit)s?,? (?:which |that )?(?:will take|took|takes|is to "
    r"take) place\b|"
    r"(?:встреча|переговоры|визит|разговор|саммит) (?:состоится|состоялась|состоялись|"
    r"состоялся|пройдет|пройдёт|прошла|прошли|прошел|прошёл)|"
    r"(?:зустріч|переговори|візит|розмова|саміт) (?:відбудеться|відбулася|відбулися|"
    r"відбувся|пройде|пройшла|пройшли|пройшов)|(?:会谈|会晤|会见|通话|访问)将?于",
    flags=re.IGNORECASE,
)

# "a two-day summit", "дводенні переговори", "двухдневный визит", "为期两天".
SPAN_DAYS = re.compile(
    r"\b(?P<en>two|three|four|five|[2-5])[- ]days?\b|(?P<sl>дво|три|чотири|пʼяти|п'яти|п’яти|"
    r"двух|трех|трёх|четырех|пяти)денн|(?P<sr>двух|трех|трёх|четырех|пяти)дневн|"
    r"(?:为期|為期)(?P<zh>两|兩|二|三|四|五)天",
    flags=re.IGNORECASE,
)
NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5, "дво": 2,
    "три": 3, "чотири": 4, "пʼяти": 5, "п'яти": 5, "п’яти": 5, "двух": 2, "трех": 3, "трёх": 3,
    "четырех": 4, "пяти": 5, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5,
}  # fmt: skip
ENDS = re.compile(
    r"\b(?:ended|ends|concluded|wrapped up|closed|wound up)\b|завершил\w*|закінчил\w*|"
    r"заверш\w*|закончил\w*|окончил\w*|结束|結束",
    flags=re.IGNORECASE,
)
BEGINS = re.compile(
    r"\b(?:began|begins|beginning|started|starts|opened|opens|kicked off|arrived)\b|"
    r"розпоча\w*|почал\w*|почав\w*|прибу\w*|начал\w*|начина\w*|прибыл\w*|开始|開始|抵达|抵達",
    flags=re.IGNORECASE,
)


def with_duration(sentence: str, hit: DateHit) -> DateHit:
    """A single day reported as the start or end of a multi-day contact becomes a range."""
    if hit.end_date is not None or hit.precision != "day":
        return hit
    match = SPAN_DAYS.search(sentence)
    if match is None:
        return hit
    word = next(g for g in match.groups() if g)
    days = NUMBERS.get(word.lower(), 0) - 1
    if days <= 0:
        return hit
    if ENDS.search(sentence):
        start = hit.date - dt.timedelta(days=days)
        return dataclasses.replace(hit, date=start, end_date=hit.date)
    if BEGINS.search(sentence):
        return dataclasses.replace(hit, end_date=hit.date + dt.timedelta(days=days))
    return hit
