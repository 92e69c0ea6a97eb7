"""Find registry people in text, in any case form, from the name forms listed per language.

Slavic names inflect ("Блінкен", "Блінкена", "Блінкеном"; "Цінь", "Цінем"): each Cyrillic
word of a listed form matches its stem plus a short case ending, so the registry lists each
name once per language instead of every case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.model import Person

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
    return rf"(?<![\w-]){body}(?:'s|’s)?(?![\w'’-])"


WORD = re.compile(r"\w+")


def _key(word: str) -> str:
    return word[:3].lower()


class NameMatcher:
    """All name forms of all people, indexed by the first letters of their first word.

    One big alternation of hundreds of forms costs hundreds of steps per character; here
    the text's words are looked up in an index and only the forms that start like the word
    are tried there, so the scan stays linear with a small constant. Chinese forms (no
    spaces between words) are found with `str.find`.
    """

    def __init__(self, people: list[Person]):
        self._people = people
        self._index: dict[str, dict[str, list[tuple[re.Pattern[str], str, int]]]] = {}
        self._cjk: dict[str, list[tuple[str, str]]] = {}
        for lang in {lang for p in people for lang in p.names} | {"en"}:
            self._compile(lang, people)

    def _compile(self, lang: str, people: list[Person]) -> None:
        index: dict[str, list[tuple[re.Pattern[str], str, int]]] = {}
        cjk: list[tuple[str, str]] = []
        for person in people:
            for form in {*person.names.get(lang, []), *person.names.get("en", [])}:
                if CJK.search(form):
                    cjk.append((form, person.id))
                    continue
                first = WORD.search(form)
                if first is None:
                    continue
                pattern = re.compile(form_pattern(form, lang in LATIN_INFLECTING))
                index.setdefault(_key(first.group()), []).append((pattern, person.id, len(form)))
        for entries in index.values():
            entries.sort(key=lambda e: -e[2])  # longer forms first: "Цінь Ган" before "Цінь"
        self._index[lang] = index
        self._cjk[lang] = sorted(cjk, key=lambda f: -len(f[0]))

    def find(self, text: str, language: str) -> list[Mention]:
        """Every mention of a registry person in `text`, in order, without overlaps."""
        if language not in self._index and language in LATIN_INFLECTING:
            self._compile(language, self._people)
        lang = language if language in self._index else "en"
        index = self._index[lang]
        found: list[Mention] = []
        for word in WORD.finditer(text):
            for pattern, pid, _ in index.get(_key(word.group()), ()):
                match = pattern.match(text, word.start())
                if match:
                    found.append(Mention(pid, match.start(), match.end()))
                    break
        if CJK.search(text):
            for form, pid in self._cjk[lang]:
                start = text.find(form)
                while start >= 0:
                    found.append(Mention(pid, start, start + len(form)))
                    start = text.find(form, start + len(form))
        return _without_overlaps(found)


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out
