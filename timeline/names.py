"""Find registry people in text, in any case form, from the name forms listed per language.

Slavic names inflect ("Блінкен", "Блінкена", "Блінкеном"; "Цінь", "Цінем"): each Cyrillic
word of a listed form matches its stem plus a short case ending, so the registry lists each
name once per language instead of every case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Person

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CJK = re.compile(r"[\u3400-\u9fff]")
# Vowels and soft signs that end a Slavic stem and change with case.
STEM_ENDINGS = "аяоеєіїиыуюйь"
CASE_ENDING = r"[а-яіїєґё]{0,3}"


@dataclass(frozen=True)
class Mention:
    person: str
    start: int
    end: int


# Languages written in Latin script that inflect foreign names ("Joe Bidena", "Xi Jinpinga").
LATIN_INFLECTING = frozenset({"pl", "cs", "sk", "sl", "hr", "sr", "lt", "lv", "fi", "et", "hu"})
LATIN_ENDING = r"(?:[a-ząćęłńóśźżčšžěřůýáéíú]{0,3})"


def _word_pattern(word: str, inflect_latin: bool = False) -> str:
    if CYRILLIC.search(word) and len(word) > 2:
        stem = word[:-1] if word[-1].lower() in STEM_ENDINGS and len(word) > 3 else word
        return re.escape(stem) + CASE_ENDING
    if inflect_latin and len(word) > 2 and word.isalpha():
        return re.escape(word) + LATIN_ENDING
    return re.escape(word)


def form_pattern(form: str, inflect_latin: bool = False) -> str:
    """A regex for one listed name form, tolerant of inflection and of spacing."""
    if CJK.search(form):
        return re.escape(form)
    words = re.split(r"[\s\u00a0]+", form.strip())
    body = r"[\s\u00a0-]+".join(_word_pattern(w, inflect_latin) for w in words)
    if len(words) > 1 and not CYRILLIC.search(form):
        body = f"(?i:{body})"  # "Donald trump": a full name is a name in any case
    return rf"(?<![\w-]){body}(?:'s|’s)?(?![\w-])"


class NameMatcher:
    """All name forms of all people in one compiled alternation per language."""

    def __init__(self, people: list[Person]):
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._owner: dict[str, dict[str, str]] = {}
        self._people = people
        for lang in {lang for p in people for lang in p.names} | {"en"}:
            self._compile(lang, people)

    def _compile(self, lang: str, people: list[Person]) -> None:
        forms: list[tuple[str, str]] = []
        for person in people:
            for form in {*person.names.get(lang, []), *person.names.get("en", [])}:
                forms.append((form, person.id))
        # Longer forms first, so "Цінь Ган" wins over "Цінь".
        forms.sort(key=lambda f: -len(f[0]))
        groups, owner = [], {}
        for index, (form, pid) in enumerate(forms):
            groups.append(f"(?P<g{index}>{form_pattern(form, lang in LATIN_INFLECTING)})")
            owner[f"g{index}"] = pid
        self._patterns[lang] = re.compile("|".join(groups)) if groups else re.compile(r"(?!x)x")
        self._owner[lang] = owner

    def find(self, text: str, language: str) -> list[Mention]:
        """Every mention of a registry person in `text`, in order."""
        if language not in self._patterns and language in LATIN_INFLECTING:
            self._compile(language, self._people)
        pattern = self._patterns.get(language) or self._patterns.get("en")
        if pattern is None:
            return []
        owner = self._owner.get(language) or self._owner["en"]
        return [
            Mention(owner[m.lastgroup], m.start(), m.end())
            for m in pattern.finditer(text)
            if m.lastgroup
        ]
