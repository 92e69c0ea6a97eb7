"""Month, weekday and relative words of de, fr, es, it, pt and pl, for spans_eu.py.

Keys are lower case and written as the language writes them; the text is matched
case-insensitively. Polish months carry their nominative, genitive ("18 czerwca") and
locative ("w czerwcu") forms; weekdays their nominative and accusative ("w środę").
"""

from __future__ import annotations


def _months(*names: str | tuple[str, ...]) -> dict[str, int]:
    table: dict[str, int] = {}
    for number, forms in enumerate(names, start=1):
        for form in (forms,) if isinstance(forms, str) else forms:
            table[form] = number
    return table


EU_MONTHS = {
    "de": _months(
        ("januar", "jänner", "jan"),
        ("februar", "feb"),
        ("märz", "maerz", "mär"),
        ("april", "apr"),
        "mai",
        "juni",
        "juli",
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("oktober", "okt"),
        ("november", "nov"),
        ("dezember", "dez"),
    ),
    "fr": _months(
        ("janvier", "janv"),
        ("février", "fevrier", "févr"),
        "mars",
        ("avril", "avr"),
        "mai",
        "juin",
        ("juillet", "juil"),
        ("août", "aout"),
        ("septembre", "sept"),
        ("octobre", "oct"),
        ("novembre", "nov"),
        ("décembre", "decembre", "déc"),
    ),
    "es": _months(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        ("septiembre", "setiembre"),
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "it": _months(
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
    "pt": _months(
        "janeiro",
        "fevereiro",
        ("março", "marco"),
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    "pl": _months(
        ("styczeń", "stycznia", "styczniu"),
        ("luty", "lutego", "lutym"),
        ("marzec", "marca", "marcu"),
        ("kwiecień", "kwietnia", "kwietniu"),
        ("maj", "maja", "maju"),
        ("czerwiec", "czerwca", "czerwcu"),
        ("lipiec", "lipca", "lipcu"),
        ("sierpień", "sierpnia", "sierpniu"),
        ("wrzesień", "września", "wrześniu"),
        ("październik", "października", "październiku"),
        ("listopad", "listopada", "listopadzie"),
        ("grudzień", "grudnia", "grudniu"),
    ),
}
# Abbreviations are months only next to a day number or a year.
EU_ABBREVIATED = {"jan", "feb", "mär", "apr", "aug", "sep", "sept", "okt", "nov", "dez",
                  "janv", "févr", "avr", "juil", "oct", "déc"}  # fmt: skip
# Polish locative months: "w czerwcu" is June as a whole.
PL_LOCATIVE = {w for w in EU_MONTHS["pl"] if w.endswith(("iu", "cu", "ym", "dzie"))}


def _weekdays(*names: str | tuple[str, ...]) -> dict[str, int]:
    return {k: v - 1 for k, v in _months(*names).items()}


EU_WEEKDAYS = {
    "de": _weekdays("montag", "dienstag", "mittwoch", "donnerstag", "freitag",
                    ("samstag", "sonnabend"), "sonntag"),
    "fr": _weekdays("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": _weekdays("lunes", "martes", ("miércoles", "miercoles"), "jueves", "viernes",
                    ("sábado", "sabado"), "domingo"),
    "it": _weekdays(("lunedì", "lunedi"), ("martedì", "martedi"), ("mercoledì", "mercoledi"),
                    ("giovedì", "giovedi"), ("venerdì", "venerdi"), "sabato", "domenica"),
    "pt": _weekdays(("segunda-feira", "segunda"), ("terça-feira", "terca-feira", "terça"),
                    ("quarta-feira", "quarta"), ("quinta-feira", "quinta"),
                    ("sexta-feira", "sexta"), "sábado", "domingo"),
    "pl": _weekdays("poniedziałek", "wtorek", ("środa", "środę"), "czwartek", "piątek",
                    ("sobota", "sobotę"), ("niedziela", "niedzielę")),
}  # fmt: skip
# Portuguese short weekdays ("na sexta") are weekdays only after "na".
PT_SHORT = {"segunda", "terça", "quarta", "quinta", "sexta"}
# "Montagvormittag", "Dienstagabend": the weekday with a part of the day.
DE_DAYPARTS = ["morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht"]
# Words before a weekday that say which one: "letzten Freitag", "vendredi dernier".
EU_MOODS = {
    "de": {"letzten": -1, "vergangenen": -1, "kommenden": 1, "nächsten": 1},
    "fr": {"dernier": -1, "prochain": 1},
    "es": {"pasado": -1, "próximo": 1, "proximo": 1},
    "it": {"scorso": -1, "prossimo": 1},
    "pt": {"passado": -1, "passada": -1, "próximo": 1, "próxima": 1},
    "pl": {"zeszły": -1, "zeszłą": -1, "ubiegły": -1, "ubiegłą": -1, "przyszły": 1,
           "przyszłą": 1, "najbliższy": 1, "najbliższą": 1},
}  # fmt: skip
EU_REL_DAYS = {
    "de": {"gestern": -1, "heute": 0, "vorgestern": -2},
    "fr": {"hier": -1, "aujourd'hui": 0, "avant-hier": -2},
    "es": {"ayer": -1, "hoy": 0, "anteayer": -2, "antes de ayer": -2, "antier": -2},
    "it": {"ieri": -1, "oggi": 0, "l'altro ieri": -2, "altroieri": -2, "ieri l'altro": -2},
    "pt": {"ontem": -1, "hoje": 0, "anteontem": -2},
    "pl": {"wczoraj": -1, "dzisiaj": 0, "dziś": 0, "przedwczoraj": -2},
}  # fmt: skip
EU_REL_MONTHS = {
    "de": {"letzten monat": -1, "im letzten monat": -1, "vergangenen monat": -1,
           "im vergangenen monat": -1, "diesen monat": 0, "in diesem monat": 0,
           "nächsten monat": 1, "im nächsten monat": 1},
    "fr": {"le mois dernier": -1, "ce mois-ci": 0, "le mois prochain": 1},
    "es": {"el mes pasado": -1, "este mes": 0, "el próximo mes": 1, "el mes próximo": 1,
           "el mes que viene": 1},
    "it": {"il mese scorso": -1, "lo scorso mese": -1, "questo mese": 0,
           "il mese prossimo": 1, "il prossimo mese": 1},
    "pt": {"no mês passado": -1, "o mês passado": -1, "mês passado": -1, "este mês": 0,
           "neste mês": 0, "no próximo mês": 1, "o próximo mês": 1},
    "pl": {"w zeszłym miesiącu": -1, "w ubiegłym miesiącu": -1, "w tym miesiącu": 0,
           "w przyszłym miesiącu": 1},
}  # fmt: skip
EU_REL_PREVIOUS = {
    "de": {"am vortag": -1, "tags zuvor": -1, "am folgetag": 1, "tags darauf": 1,
           "am nächsten tag": 1},
    "fr": {"la veille": -1, "le lendemain": 1},
    "es": {"la víspera": -1, "el día anterior": -1, "al día siguiente": 1},
    "it": {"il giorno prima": -1, "il giorno dopo": 1, "l'indomani": 1},
    "pt": {"na véspera": -1, "no dia anterior": -1, "no dia seguinte": 1},
    "pl": {"dzień wcześniej": -1, "dzień później": 1, "następnego dnia": 1},
}  # fmt: skip
# Apostrophes vary: the text is normalised to the ASCII one the tables use.
EU_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})
