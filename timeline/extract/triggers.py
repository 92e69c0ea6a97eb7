"""Contact words per language and kind (CAMEO/PLOVER "consult" modes).

Slavic and other inflecting languages are matched by stems, so one entry covers the cases.
A language without its own table uses the English one plus the generic words below (many
news languages borrow "summit", "visit", "video").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.extract.lemmas import lemma

KINDS_BY_RANK = ("summit", "talks", "meeting", "call", "visit", "message", "other")
# "arrival" is a visit when the place arrived at is in the US or China (contacts.py checks).
SEARCH_ORDER = (*KINDS_BY_RANK[:5], "arrival", *KINDS_BY_RANK[5:])
MULTILATERAL = re.compile(
    r"(?:G-?20|G-?7|G-?8|APEC|ASEAN|BRICS|NATO|SCO|EAS|Group of (?:20|Seven|Twenty)|"
    r"двадцятки|двадцатки|Группы двадцати|Групи двадцяти|ШОС|АТЭС|АТЕС|"
    r"20国集团|二十国集团|20國集團|二十國集團|亚太经合组织|亞太經合組織|东亚)\W{0,3}\w{0,12}\W{0,3}$",
    flags=re.IGNORECASE,
)

# "саммит G20", "саміт АТЕС", "sommet du G20": the group named after the word.
MULTILATERAL_AFTER = re.compile(
    r"\W{0,3}(?:\w{1,4}\W{1,2})?(?:G-?20|G-?7|G-?8|APEC|ASEAN|BRICS|NATO|SCO|EAS|"
    r"БРИКС|ШОС|АТЭС|АТЕС|НАТО|АСЕАН|Г-?20|Групп\w* двадцати|Груп\w* двадцяти|двадцатки|двадцятки)",
    flags=re.IGNORECASE,
)
# Per language: kind -> regex of words that report that kind of contact.
TRIGGERS: dict[str, dict[str, str]] = {
    "en": {
        "call": r"\b(?:phone|telephone|video|virtual)[- ](?:call|conversation|talks?|meeting|"
        r"summit|conference)s?\b|\bvideo ?conference|\bspoke (?:by|on the) (?:phone|telephone)|"
        r"\bphoned\b|\b(?:by|on the) (?:tele)?phone\b|\bheld a (?:phone |video )?call\b|"
        r"\b(?:the|that|this|their) call\b",
        "summit": r"\bsummit\b",
        "talks": r"\btalks\b|\btalked\b|\bnegotiations\b|\bdialogue\b|\bnegotiating table\b|"
        r"\bdiscuss(?:ed|es)?\b(?=[^.]{0,80}\bwith\b)",
        "meeting": r"\bmet\b|\bmeets?\b|\bmeetings?\b|\bsat down with\b|\bhost(?:s|ed|ing)?\b|"
        r"\bwelcom(?:ed|es|ing)\b|\bgreeted\b|\bdinner\b|\bluncheon\b|"
        r"\bsign(?:ed|ing)\b|\breceived\b(?=[^.]{0,40}\b(?:President|Minister|Secretary))",
        "visit": r"\bvisit(?:s|ed|ing)?\b|\btrip to\b",
        "arrival": r"\barriv(?:ed|es|e|ing|al)\b|\blanded\b|\btravell?(?:ed|ing|s)? to\b",
        "message": r"\bletters?\b|\bmessages?\b|\bwrote to\b|\bcongratulat(?:ed|ory)\b",
    },
    "uk": {
        "call": r"телефонн\w*|телефоном|по телефону|відеоконференц\w*|відеозв\W?язк\w*|"
        r"відеорозмов\w*|відеозустріч\w*|поговорил\w*|розмовля\w*",
        "summit": r"саміт\w*",
        "talks": r"переговор\w*|перемовин\w*|обговори\w*|консультаці\w*|розмов[аиуо]\w*",
        "meeting": r"зустр[іі]\w*|"
        r"прийня\w*(?=\s+(?:\w+\s+){0,3}?(?:президент|голов|лідер|міністр|держсекретар|радник))|"
        r"прийма\w*|підписа\w*|підпиш\w*",
        "visit": r"візит\w*|відвіда\w*|відвіду\w*",
        "arrival": r"прибу\w*|прилеті\w*|прилетил\w*",
        "message": r"\bлист\w{0,3}\b|послання|привітал\w*",
    },
    "ru": {
        "call": r"телефонн\w*|по телефону|видеоконференц\w*|видеосвяз\w*|видеовстреч\w*|"
        r"созвонил\w*|видеоразговор\w*",
        "summit": r"саммит\w*",
        "talks": r"переговор\w*|обсуди\w*|обсужда\w*|консультаци\w*|беседова\w*|беседа\w*|"
        r"разговор\w*",
        "meeting": r"встреч\w*|встрет\w*|встреча\w*|"
        r"принял\w*(?!\s+(?:решени|участи|мер|приглашени|закон))|"
        r"подписа\w*",
        "visit": r"визит\w*|посети\w*|посещ\w*",
        "arrival": r"прибыл\w*|прилетел\w*|прилет\w*",
        "message": r"\bписьм\w*|послани\w*|поздрави\w*",
    },
    "zh": {
        "call": r"通电话|通话|电话交谈|视频会晤|视频通话|视频会议|視頻|通電話|通話|视讯|視訊",
        # "川习会", "习拜会": a leaders' meeting named by their initials (names.py reads them)
        "summit": r"峰会|元首会晤|峰會|(?:(?:习|習)[拜川特奥奧]|[拜川特奥奧](?:习|習))[会會]"
        r"(?![晤见見谈談面议議])",
        "talks": r"会谈|谈判|磋商|對話|会談|會談|談判|交谈|交談",
        "meeting": r"会见|会晤|见面|接见|面谈|会面|迎接|设宴|宴请|會見|會晤|見面|會面|签署",
        "visit": r"访问|访华|访美|到访|訪問|訪華|訪美",
        "arrival": r"抵达|抵達|飞抵|飛抵",
        "message": r"致函|贺电|贺信|信函|复信|致信|賀電|賀信",
    },
    "de": {
        "call": r"telefon\w*|videokonferenz\w*|videoschalt\w*",
        "summit": r"gipfel\w*",
        "talks": r"gespräch\w*|verhandlung\w*",
        "meeting": r"\btreffen\b|\btraf\w*|getroffen|empf(?:ang|ing|angen)\w*",
        "visit": r"besuch\w*",
        "arrival": r"eingetroffen|\breist\w*|angekommen",
        "message": r"\bbrief\w*|botschaft\w*",
    },
    "fr": {
        "call": r"téléphon\w*|visioconférence\w*|vidéoconférence\w*",
        "summit": r"sommet\w*",
        "talks": r"entretien\w*|entretenu\w*|négociation\w*|pourparlers|discut\w*",
        "meeting": r"rencontr\w*|réuni\w*|\breçu\b",
        "visit": r"visit\w*",
        "arrival": r"arrivé\w*",
        "message": r"\blettre\w*|\bmessage\w*",
    },
    "es": {
        "call": r"telefónic\w*|llamada\w*|videoconferencia\w*",
        "summit": r"cumbre\w*",
        "talks": r"conversaci\w*|negociaci\w*|diálogo",
        "meeting": r"reuni\w*|encuentro\w*|se reunió|recibió",
        "visit": r"visit\w*",
        "arrival": r"lleg[óa]\w*",
        "message": r"\bcarta\w*|\bmensaje\w*",
    },
    "it": {
        "call": r"telefonat\w*|videoconferenz\w*|videochiamat\w*",
        "summit": r"vertice\w*|summit",
        "talks": r"colloqu\w*|negoziat\w*|trattativ\w*",
        "meeting": r"incontr\w*|riuni\w*|ricevuto",
        "visit": r"visit\w*|missione",
        "arrival": r"arrivat\w*",
        "message": r"\blettera\w*|\bmessaggi\w*",
    },
    "pt": {
        "call": r"telefon\w*|videoconfer\w*",
        "summit": r"cúpula\w*|cimeira\w*",
        "talks": r"conversa\w*|negocia\w*",
        "meeting": r"reuni\w*|encontr\w*|recebeu",
        "visit": r"visit\w*",
        "arrival": r"cheg(?:ou|ada)\w*",
        "message": r"\bcarta\w*|\bmensage\w*",
    },
    "pl": {
        "call": r"telefoniczn\w*|wideokonferencj\w*|rozmaw\w*|rozmow\w*",
        "summit": r"szczyt\w*",
        "talks": r"negocjacj\w*|rozmow\w*",
        "meeting": r"spotka\w*|spotkani\w*|przyj[ąę]\w*",
        "visit": r"wizyt\w*",
        "arrival": r"przyby\w*|przylecia\w*",
        "message": r"\blist\w{0,3}\b",
    },
    "el": {
        "call": r"τηλεφων\w*|βιντεοδιάσκεψ\w*",
        "summit": r"σύνοδ\w*",
        "talks": r"συνομιλ\w*|διαπραγματ\w*",
        "meeting": r"συναντ\w*|συνάντ\w*",
        "visit": r"επίσκεψ\w*|επισκέφθ\w*",
        "arrival": r"έφτασε",
        "message": r"επιστολ\w*|μήνυμα\w*",
    },
    "hy": {
        "call": r"հեռախոս\w*",
        "summit": r"գագաթնաժողով\w*",
        "talks": r"բանակցություն\w*|բանակցել\w*",
        "meeting": r"հանդիպ\w*",
        "visit": r"այց\w*",
        "message": r"ուղերձ\w*|նամակ\w*",
    },
}


# Ukrainian and Russian contact words by dictionary form (`lemmas.lemma`): every case form of
# these is a contact word, beside the stems above (which also catch compounds).
LEMMAS: dict[str, dict[str, frozenset[str]]] = {
    "uk": {
        "talks": frozenset(
            "переговори перемовини обговорення обговорити обговорювати консультація "
            "розмова бесіда".split()
        ),
        "call": frozenset("поговорити розмовляти".split()),
        "meeting": frozenset("зустріч зустрітися зустрічатися".split()),
        "visit": frozenset("візит відвідати відвідувати відвідини".split()),
        "summit": frozenset(["саміт"]),
        "arrival": frozenset("прибути прилетіти".split()),
        "message": frozenset("послання привітати".split()),
    },
    "ru": {
        "talks": frozenset(
            "переговоры обсуждение обсудить обсуждать консультация беседа беседовать "
            "разговор".split()
        ),
        "call": frozenset(["созвониться"]),
        "meeting": frozenset("встреча встретиться встречаться".split()),
        "visit": frozenset("визит посетить посещать посещение".split()),
        "summit": frozenset(["саммит"]),
        "arrival": frozenset("прибыть прилететь".split()),
        "message": frozenset("письмо послание поздравить".split()),
    },
}
LEMMA_PREFIX = 3  # inflection keeps a word's first letters: only such words are looked up
WORD = re.compile(r"\w+(?:['’ʼ]\w+)?")


@dataclass(frozen=True)
class Trigger:
    """One contact word in a sentence."""

    kind: str
    start: int
    end: int


_COMPILED: dict[str, re.Pattern[str]] = {}


def trigger_pattern(language: str) -> re.Pattern[str]:
    """One alternation of all kinds' words for a language, kinds as named groups."""
    if language not in _COMPILED:
        table = TRIGGERS.get(language, TRIGGERS["en"])
        parts = [f"(?P<{kind}>{table[kind]})" for kind in SEARCH_ORDER if kind in table]
        _COMPILED[language] = re.compile("|".join(parts), flags=re.IGNORECASE)
    return _COMPILED[language]


def find_triggers(sentence: str, language: str) -> list[Trigger]:
    """Every contact word in `sentence`, in order, with the kind it reports."""
    found, group_summits = [], []
    for match in trigger_pattern(language).finditer(sentence):
        kind = match.lastgroup or "other"
        trigger = Trigger(kind, match.start(), match.end())
        if kind == "summit" and _multilateral(sentence, match.start(), match.end()):
            group_summits.append(trigger)  # "the G20 summit": co-attendance is not a contact
            if _sidelines(sentence, match.start()):  # "on the sidelines of the G20 summit"
                found.append(Trigger("meeting", match.start(), match.end()))  # the two met
            continue
        found.append(trigger)
    if language in LEMMAS:
        more = _by_lemma(sentence, language, found + group_summits)
        found = sorted(found + more, key=lambda t: t.start)
    return found


@cache
def _lemma_kinds(language: str) -> tuple[dict[str, str], frozenset[str]]:
    kinds = {word: kind for kind, words in LEMMAS[language].items() for word in words}
    return kinds, frozenset(word[:LEMMA_PREFIX] for word in kinds)


def _by_lemma(sentence: str, language: str, found: list[Trigger]) -> list[Trigger]:
    """The contact words the stems missed, by their dictionary form."""
    kinds, prefixes = _lemma_kinds(language)
    more = []
    for match in WORD.finditer(sentence):
        word = match.group()
        if word[:LEMMA_PREFIX].lower() not in prefixes:
            continue
        if any(t.start < match.end() and match.start() < t.end for t in found):
            continue
        kind = kinds.get(lemma(word, language))
        if kind == "summit" and _multilateral(sentence, match.start(), match.end()):
            continue
        if kind is not None:
            more.append(Trigger(kind, match.start(), match.end()))
    return more


SIDELINES = re.compile(
    r"sidelines of|margins? of|на полях|в кулуарах|у кулуарах|en marge d|al margen d|a margine d|"
    r"am Rande d|na marginesie",
    flags=re.IGNORECASE,
)


def _sidelines(sentence: str, start: int) -> bool:
    return bool(SIDELINES.search(sentence[max(0, start - 40) : start]))


def _multilateral(sentence: str, start: int, end: int) -> bool:
    return bool(
        MULTILATERAL.search(sentence[max(0, start - 30) : start])
        or MULTILATERAL_AFTER.match(sentence, end)
    )


def best_kind(kinds: list[str]) -> str:
    """When several words describe one contact, the most specific kind wins."""
    known = ["visit" if k == "arrival" else k for k in kinds]
    known = [k for k in known if k in KINDS_BY_RANK]
    if not known:
        return "other"
    for medium in ("call", "message"):  # "phone talks", "a letter read at the ceremony"
        if medium in known:
            return medium
    return min(known, key=KINDS_BY_RANK.index)
