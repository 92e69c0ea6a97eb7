"""Month, weekday and relative-day words of uk, ru, en and zh, for spans.py."""

from __future__ import annotations

EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
UK_MONTHS = {
    # genitive (day-month), locative (in the month), nominative
    **dict.fromkeys(["січня", "січні", "січень"], 1),
    **dict.fromkeys(["лютого", "лютому", "лютий"], 2),
    **dict.fromkeys(["березня", "березні", "березень"], 3),
    **dict.fromkeys(["квітня", "квітні", "квітень"], 4),
    **dict.fromkeys(["травня", "травні", "травень"], 5),
    **dict.fromkeys(["червня", "червні", "червень"], 6),
    **dict.fromkeys(["липня", "липні", "липень"], 7),
    **dict.fromkeys(["серпня", "серпні", "серпень"], 8),
    **dict.fromkeys(["вересня", "вересні", "вересень"], 9),
    **dict.fromkeys(["жовтня", "жовтні", "жовтень"], 10),
    **dict.fromkeys(["листопада", "листопаді", "листопад"], 11),
    **dict.fromkeys(["грудня", "грудні", "грудень"], 12),
}
RU_MONTHS = {
    **dict.fromkeys(["января", "январе", "январь", "янв"], 1),
    **dict.fromkeys(["февраля", "феврале", "февраль", "фев"], 2),
    **dict.fromkeys(["марта", "марте", "март", "мар"], 3),
    **dict.fromkeys(["апреля", "апреле", "апрель", "апр"], 4),
    **dict.fromkeys(["мая", "мае", "май"], 5),
    **dict.fromkeys(["июня", "июне", "июнь", "июн"], 6),
    **dict.fromkeys(["июля", "июле", "июль", "июл"], 7),
    **dict.fromkeys(["августа", "августе", "август", "авг"], 8),
    **dict.fromkeys(["сентября", "сентябре", "сентябрь", "сен", "сент"], 9),
    **dict.fromkeys(["октября", "октябре", "октябрь", "окт"], 10),
    **dict.fromkeys(["ноября", "ноябре", "ноябрь", "ноя"], 11),
    **dict.fromkeys(["декабря", "декабре", "декабрь", "дек"], 12),
}
ABBREVIATED = {"янв", "фев", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя", "дек"}


# Month adjectives: "мартовского разговора", "березневої зустрічі" (the March talk/meeting).
def _in_month_order(stems: str) -> dict[str, int]:
    return {stem: number for number, stem in enumerate(stems.split(), start=1)}


RU_MONTH_ADJECTIVES = _in_month_order(
    "январск февральск мартовск апрельск майск июньск июльск августовск сентябрьск "
    "октябрьск ноябрьск декабрьск"
)
UK_MONTH_ADJECTIVES = _in_month_order(
    "січнев лютнев березнев квітнев травнев червнев липнев серпнев вереснев жовтнев "
    "листопадов груднев"
)
UK_LOCATIVE = {w for w in UK_MONTHS if w.endswith(("і", "ому"))}
RU_LOCATIVE = {w for w in RU_MONTHS if w.endswith("е")}
EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UK_WEEKDAYS = {
    "понеділок": 0, "вівторок": 1, "середу": 2, "середа": 2, "четвер": 3, "пʼятницю": 4,
    "пʼятниця": 4, "суботу": 5, "субота": 5, "неділю": 6, "неділя": 6,
    "понеділка": 0, "вівторка": 1, "середи": 2, "четверга": 3, "пʼятниці": 4, "суботи": 5,
    "неділі": 6,
}  # fmt: skip
RU_WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4,
    "пятница": 4, "субботу": 5, "суббота": 5, "воскресенье": 6,
}  # fmt: skip
ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
REL_DAYS = {
    "en": {"yesterday": -1, "the day before yesterday": -2, "today": 0, "tonight": 0,
           "this morning": 0, "this afternoon": 0,
           "this evening": 0, "last night": -1, "earlier today": 0},
    "uk": {"вчора": -1, "учора": -1, "сьогодні": 0, "позавчора": -2},
    "ru": {"вчера": -1, "сегодня": 0, "позавчера": -2},
    "zh": {"昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "前天": -2},
}  # fmt: skip
# "the day before", "накануне", "次日": a day counted from the contact the article just dated.
REL_PREVIOUS = {
    "en": {"the day before": -1, "the previous day": -1, "a day earlier": -1, "the next day": 1,
           "the following day": 1, "a day later": 1},
    "uk": {"напередодні": -1, "днем раніше": -1, "наступного дня": 1, "на наступний день": 1},
    "ru": {"накануне": -1, "днем ранее": -1, "днём ранее": -1, "на следующий день": 1},
    "zh": {"前一天": -1, "次日": 1, "第二天": 1, "翌日": 1},
}  # fmt: skip
REL_MONTHS = {
    "en": {"last month": -1, "this month": 0, "next month": 1},
    "uk": {"минулого місяця": -1, "цього місяця": 0, "наступного місяця": 1,
           "минулому місяці": -1},
    "ru": {"в прошлом месяце": -1, "в этом месяце": 0, "в следующем месяце": 1,
           "прошлого месяца": -1},
    "zh": {"上个月": -1, "上月": -1, "本月": 0, "这个月": 0, "下个月": 1, "下月": 1},
}  # fmt: skip
# Apostrophes vary (’ ' ʼ); weekday and month tables use ʼ, the text is normalised to it.
APOSTROPHES = str.maketrans({"'": "ʼ", "’": "ʼ", "`": "ʼ"})
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
