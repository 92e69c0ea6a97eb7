"""Cities where contacts happen (gazetteer in data/places.yml), found in text in any case
form, and which of the cities a sentence names is the place of its contact.

A sentence often names more than one city, and not every city it names is a place ("в
іспанському Мадриді ... вимоги Вашингтона"; "Beijing said"; "the Paris Agreement"). Each
mention is ranked by the words around it (the words of each language are in place_words.py):

- LOCATIVE: after a locative preposition or construction ("in X", "at X", "в/у/на X",
  "在X", "à X", "w X"), maybe with adjectives or "the capital" between ("in the Spanish
  capital, Madrid", "в іспанському Мадриді", "在西班牙马德里"), or "X之行";
- BARE: any other mention ("the Beijing talks", "відвідав Пекін", "до Пекіна");
- SOURCE: a place left ("from X", "departed X", "з Пекіна", "从北京") or the dateline;
- GOVERNMENT: the city standing for its government ("Washington's demands", "Beijing said",
  "вимоги Вашингтона", "з Пекіном", "Пекін заявив", "北京方面", "Washington and Beijing").

Names of things ("the Paris Agreement", "北京时间") and cities gone back to ("Trump's return
to the White House", "重返白宫") are no places of a contact at all. The place of a
contact is the mention of the best rank and, among those, the one nearest the contact word;
a city standing for its government is taken only when the sentence names no other.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from importlib import resources

from timeline.extract.names import CJK, CYRILLIC, NameMatcher
from timeline.extract.place_words import (
    CONJUNCTION,
    DATELINE_AFTER,
    GOVERNMENT_AFTER,
    IMPERSONAL_AFTER,
    LOCATIVE_AFTER,
    LOCATIVE_BEFORE,
    NAMED_AFTER,
    NAMED_BEFORE,
    RETURN_BEFORE,
    SLAVIC_GENITIVE,
    SLAVIC_INSTRUMENTAL,
    SLAVIC_LOCATIVE_END,
    SLAVIC_PREPOSITION_BEFORE,
    SOURCE_BEFORE,
    VOWEL_END,
    ZH_DATELINE_AFTER,
)
from timeline.model import Person
from timeline.yamlio import parse_yaml

LOCATIVE, BARE, SOURCE, GOVERNMENT = range(4)
REACH = 80  # characters looked at on each side of a mention
SLAVIC = frozenset({"uk", "ru"})
SIDES = frozenset({"us", "cn"})
CLAUSE_BREAK = re.compile(r"[,;:，；：、—–]|\s-\s")


def load_places() -> list[dict]:
    text = (
        resources.files("timeline.extract").joinpath("data/places.yml").read_text(encoding="utf-8")
    )
    return parse_yaml(text)


@dataclass(frozen=True)
class PlaceMention:
    place: str
    start: int
    end: int
    rank: int


class PlaceMatcher:
    """All place forms, matched like people's names (inflected, indexed) and ranked."""

    def __init__(self, places: list[dict] | None = None):
        places = load_places() if places is None else places
        self._country = {place["name"]: place.get("country") for place in places}
        self._forms: dict[str, set[str]] = {}
        for place in places:
            for lang, forms in place["names"].items():
                self._forms.setdefault(lang, set()).update(forms)
        self._listed: dict[str, frozenset[str]] = {}
        self._locative_only = {form for p in places for form in p.get("locative_only") or []}
        entries = [
            Person(id=place["name"], name=place["name"], country="", names=_with_datelines(place))
            for place in places
        ]
        self._matcher = NameMatcher(entries, parties=False)

    def mentions(self, text: str, language: str) -> list[PlaceMention]:
        """Every city the text names, in order, with its rank; names of things left out."""
        listed = self._listed_forms(language)
        found = []
        for mention in self._matcher.find(text, language):
            start, end = mention.start, mention.end
            if named_thing(text, start, end, language):
                continue
            rank = rank_of(text, start, end, language, text[start:end] in listed)
            if rank != LOCATIVE and text[start:end] in self._locative_only:
                continue
            found.append(PlaceMention(mention.person, start, end, rank))
        return coordinated(found, text, language, self._country)

    def find(self, text: str, language: str, near: int | None = None) -> str | None:
        """The place of the contact: the best-ranked city, the nearest to `near` if given."""
        best = venue(self.mentions(text, language), near, text)
        return best.place if best else None

    def country_of(self, name: str) -> str | None:
        """The country (us | cn) a known city is in, None for third countries."""
        return self._country.get(name)

    def _listed_forms(self, language: str) -> frozenset[str]:
        if language not in self._listed:
            forms = self._forms.get(language, set()) | self._forms.get("en", set())
            self._listed[language] = frozenset(forms)
        return self._listed[language]


def _with_datelines(place: dict) -> dict[str, list[str]]:
    """The forms, and each in capitals as a dateline writes it ("WASHINGTON -", "ПЕКІН,")."""
    return {
        lang: [*forms, *(f.upper() for f in forms if not CJK.search(f) and f.upper() != f)]
        for lang, forms in place["names"].items()
    }


def venue(
    mentions: list[PlaceMention], near: int | None = None, text: str = ""
) -> PlaceMention | None:
    """The best rank first; then the one in the clause of `near` (the contact's date or
    word), or the fewest clauses away; then the nearest; then the first."""
    if not mentions:
        return None
    breaks = [b.start() for b in CLAUSE_BREAK.finditer(text)] if near is not None else []
    here = bisect.bisect(breaks, near) if near is not None else 0

    def key(m: PlaceMention) -> tuple[int, int, int, int]:
        if near is None:
            return (m.rank, 0, 0, m.start)
        clauses = abs(bisect.bisect(breaks, m.start) - here)
        return (m.rank, clauses, abs(m.start - near), m.start)

    return min(mentions, key=key)


def rank_of(text: str, start: int, end: int, language: str, listed: bool) -> int:
    """What the mention at text[start:end] is doing; `listed`: written as in the gazetteer
    (so, in Slavic languages, in the nominative or an indeclinable form)."""
    before, after = text[max(0, start - REACH) : start], text[end : end + REACH]
    written = text[start:end]
    oblique = language in SLAVIC and not listed and bool(CYRILLIC.search(written))
    if dateline(before, written, after, language):
        return SOURCE
    if locative(before, after, written, listed, language):
        impersonal = IMPERSONAL_AFTER.get(language)
        return GOVERNMENT if impersonal and impersonal.match(after) else LOCATIVE
    if oblique and SLAVIC_INSTRUMENTAL.search(written):
        return GOVERNMENT  # "переговори з Вашингтоном", "між Пекіном і ..."
    if _ends(SOURCE_BEFORE, language, before):
        return SOURCE
    if oblique and SLAVIC_GENITIVE.search(written):
        # "вимоги Вашингтона": a city in the genitive with no preposition is its government
        return BARE if _ends(SLAVIC_PREPOSITION_BEFORE, language, before) else GOVERNMENT
    if written.endswith(("'s", "’s")) or _starts(GOVERNMENT_AFTER, language, after):
        return GOVERNMENT
    return BARE


def locative(before: str, after: str, written: str, listed: bool, language: str) -> bool:
    """Whether a locative preposition or construction introduces the mention."""
    if _starts(LOCATIVE_AFTER, language, after):
        return True
    pattern = LOCATIVE_BEFORE.get(language)
    found = pattern.search(before) if pattern else None
    if found is None:
        return False
    groups = found.groupdict()
    preposition = (groups.get("prep") or "").lower()
    if language in SLAVIC and CYRILLIC.search(written):
        if preposition == "на" or groups.get("between"):
            # "на Балі", "на Мальті", "в іспанському Мадриді"; not "тиск на Пекін"
            return bool(VOWEL_END.search(written)) if listed else _locative_case(written)
        return listed or _locative_case(written)  # "в Пекін", "у Пекіні"; not "у Пекіна"
    if language == "pl" and preposition == "na":
        return bool(VOWEL_END.search(written))  # "na Bali"; not "presja na Pekin"
    return True


def dateline(before: str, written: str, after: str, language: str) -> bool:
    """ "WASHINGTON -", "RANCHO MIRAGE, Calif., June 7 (UPI) --", "新华社北京6月19日电"."""
    if language == "zh":
        return bool(ZH_DATELINE_AFTER.match(after))
    opening = not before.strip() or before.rstrip().endswith(("\n", ")", "]"))
    return opening and written.isupper() and bool(DATELINE_AFTER.match(after))


def _locative_case(written: str) -> bool:
    return bool(SLAVIC_LOCATIVE_END.search(written))


def named_thing(text: str, start: int, end: int, language: str) -> bool:
    """ "The Paris Agreement", "the Washington Post", "Beijing time", "北京时间", "罗马尼亚";
    and a city gone back to, which is no meeting there ("returned to the White House")."""
    before, after = text[max(0, start - REACH) : start], text[end : end + REACH]
    return (
        _starts(NAMED_AFTER, language, after)
        or _ends(NAMED_BEFORE, language, before)
        or _ends(RETURN_BEFORE, language, before)  # "Trump's return to the White House"
    )


def coordinated(
    found: list[PlaceMention], text: str, language: str, country_of: dict[str, str | None]
) -> list[PlaceMention]:
    """ "In Geneva and London": the second city shares the first one's preposition.
    "Washington and Beijing", "北京和华盛顿": a city of each side, joined bare, are the two
    governments."""
    pattern = CONJUNCTION.get(language)
    if pattern is None or len(found) < 2:
        return found
    out = list(found)
    for index in range(len(out) - 1):
        first, second = out[index], out[index + 1]
        if not pattern.fullmatch(text, first.end, second.start):
            continue
        if first.rank == LOCATIVE and second.rank == BARE:
            out[index + 1] = dataclasses.replace(second, rank=LOCATIVE)
        elif (
            LOCATIVE not in (first.rank, second.rank)
            and {country_of.get(first.place), country_of.get(second.place)} == SIDES
        ):
            out[index] = dataclasses.replace(first, rank=GOVERNMENT)
            out[index + 1] = dataclasses.replace(second, rank=GOVERNMENT)
    return out


def _starts(table: dict[str, re.Pattern[str]], language: str, text: str) -> bool:
    pattern = table.get(language)
    return bool(pattern and pattern.match(text))


def _ends(table: dict[str, re.Pattern[str]], language: str, text: str) -> bool:
    pattern = table.get(language)
    return bool(pattern and pattern.search(text))
