"""Find registry people in text, in any case form, from the name forms listed per language.

Slavic names inflect ("Блінкен", "Блінкена", "Блінкеном"; "Цінь", "Цінем"): each Cyrillic
word of a listed form matches its stem plus a short case ending, so the registry lists each
name once per language instead of every case.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from timeline.extract.script import simplified
from timeline.extract.transliterate import cyrillic_forms, variant_forms
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
    joint = r"[\s\u00a0-]*" if CYRILLIC.search(form) else r"[\s\u00a0-]+"  # "ХеЛіфен"
    body = joint.join(_word_pattern(w, inflect_latin) for w in words)
    if len(words) > 1 and not CYRILLIC.search(form):
        body = f"(?i:{body})"  # "Donald trump": a full name is a name in any case
    return rf"(?<![\w-]){body}(?:'s|’s)?(?![\w'’-])"


@functools.cache
def compiled_form(form: str, inflect_latin: bool = False) -> re.Pattern[str]:
    """A form's regex, compiled the first time a word of a text starts like it, and once for
    all the languages that list it (compiling all forms up front cost most of a short run)."""
    return re.compile(form_pattern(form, inflect_latin))


WORD = re.compile(r"\w+")


def _key(word: str) -> str:
    return word[:3].lower()


# "Trump's envoy", "特朗普的特使", "拜登政府": the person named is not the one who took part.
SOMEONE_ELSES = {
    "en": re.compile(
        r"(?:['’]s)? (?:\w+ ){0,3}?(?:envoys?|aides?|advis[eo]rs?|representatives?|spokes\w+|"
        r"emissar(?:y|ies)|negotiators?|delegation|team|administration|officials?|cabinet)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"的?[^，。、\s]{0,4}?(?:特使|特别代表|顾问|助手|团队|政府|官员)"),
}
ATTRIBUTIVE = re.compile(
    r" (?:envoys?|aides?|advis[eo]rs?|administration|officials|negotiators?|team|cabinet)\b"
)
RECENT_TEXTS = 512  # about the sentences of a few articles


class NameMatcher:
    """All name forms of all people, indexed by the first letters of their first word.

    One big alternation of hundreds of forms costs hundreds of steps per character; here
    the text's words are looked up in an index and only the forms that start like the word
    are tried there, so the scan stays linear with a small constant. Chinese forms (no
    spaces between words) are found with `str.find`.
    """

    def __init__(self, people: list[Person], parties: bool = True):
        self._people = people
        self._parties = parties  # people who take part: "Trump's envoy" is not Trump
        self._index: dict[str, dict[str, list[tuple[str, bool, str]]]] = {}
        self._cjk: dict[str, list[tuple[str, str]]] = {}
        # per language: first character of a Chinese form -> indexes in `_cjk[lang]`
        self._cjk_first: dict[str, dict[str, list[int]]] = {}
        self._pairs: dict[str, tuple[str, str]] = {}
        # Each language's forms are compiled when a text in it is first read (a run over a few
        # languages compiles a few; all of them took about a second).
        self._languages = {lang for p in people for lang in p.names} | {"en", "ru", "uk"}
        # A sentence is searched again for its contacts' people: the last texts' mentions.
        self._recent: dict[tuple[str, str], list[Mention]] = {}

    def _compile(self, lang: str, people: list[Person]) -> None:
        index: dict[str, list[tuple[str, bool, str]]] = {}
        cjk: list[tuple[str, str]] = []
        for person in people:
            for form in {
                *person.names.get(lang, []),
                *person.names.get("en", []),
                *_generated(person, lang),
            }:
                if CJK.search(form):  # text is read in simplified script: so are the forms
                    cjk.extend((f, person.id) for f in dict.fromkeys((form, simplified(form))))
                    continue
                first = WORD.search(form)
                if first is None:
                    continue
                entry = (form, lang in LATIN_INFLECTING, person.id)
                index.setdefault(_key(first.group()), []).append(entry)
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))  # longer forms first: "Цінь Ган" before "Цінь"
        self._index[lang] = index
        self._cjk[lang] = sorted(cjk, key=lambda f: -len(f[0]))
        first: dict[str, list[int]] = {}
        for number, (form, _) in enumerate(self._cjk[lang]):
            first.setdefault(form[0], []).append(number)
        self._cjk_first[lang] = first
        if lang == "zh":
            self._pairs = _leader_pairs(people)

    def find(self, text: str, language: str) -> list[Mention]:
        """Every mention of a registry person in `text`, in order, without overlaps."""
        key = (text, language)
        if key not in self._recent:
            if len(self._recent) >= RECENT_TEXTS:
                self._recent.clear()
            self._recent[key] = self._find(text, language)
        return list(self._recent[key])

    def _find(self, text: str, language: str) -> list[Mention]:
        if language not in self._index and (
            language in self._languages or language in LATIN_INFLECTING
        ):
            self._compile(language, self._people)
        lang = language if language in self._index else "en"
        if lang not in self._index:
            self._compile(lang, self._people)
        index = self._index[lang]
        found: list[Mention] = []
        for word in WORD.finditer(text):
            for form, inflect_latin, pid in index.get(_key(word.group()), ()):
                match = compiled_form(form, inflect_latin).match(text, word.start())
                if match:
                    found.append(Mention(pid, match.start(), match.end()))
                    break
        if CJK.search(text):
            forms, first = self._cjk[lang], self._cjk_first[lang]
            # only the forms whose first character the text has, in the order of `forms`
            tried = sorted(n for char in set(text) for n in first.get(char, ()))
            for form, pid in (forms[n] for n in tried):
                start = text.find(form)
                while start >= 0:
                    found.append(Mention(pid, start, start + len(form)))
                    start = text.find(form, start + len(form))
            if lang == "zh":
                found += self._pair_mentions(text)
        found = _without_overlaps(found)
        if not self._parties:
            return found
        return [m for m in found if not _for_someone_else(text, m, lang)]

    def _pair_mentions(self, text: str) -> list[Mention]:
        """ "习拜会", "川习通话": two presidents named by one character each."""
        found = []
        for start in range(len(text) - 1):
            pair = self._pairs.get(text[start : start + 2])
            if pair is None:
                continue
            opens = start == 0 or not CJK.match(text[start - 1])
            if opens or MEETING_NOUN.match(text, start + 2):
                found.append(Mention(pair[0], start, start + 1))
                found.append(Mention(pair[1], start + 1, start + 2))
        return found


# Two presidents' initials open a phrase ("川习今年首次通话") or precede a meeting noun
# ("习拜会", "今年川习会晤").
MEETING_NOUN = re.compile(r"会|通话|峰会")


def _leader_pairs(people: list[Person]) -> dict[str, tuple[str, str]]:
    """Chinese abbreviates a meeting of two leaders by their initials: 习拜, 拜习, 川习, 特习.

    A president's initial is the first character of each Chinese name form that is one
    word (特朗普 and 川普 give 特 and 川). Pairs of a US and a Chinese president, either order.
    """
    initials: dict[str, set[str]] = {"us": set(), "cn": set()}
    owner: dict[tuple[str, str], str] = {}
    for person in people:
        if person.country not in initials or not any(r.title == "President" for r in person.roles):
            continue
        for form in person.names.get("zh", []):
            if CJK.match(form) and "·" not in form and len(form) <= 4 and form[0] not in "老小":
                initials[person.country].add(form[0])
                owner[(person.country, form[0])] = person.id
    pairs = {}
    for us in initials["us"]:
        for cn in initials["cn"]:
            a, b = owner[("us", us)], owner[("cn", cn)]
            pairs[us + cn], pairs[cn + us] = (a, b), (b, a)
    return pairs


def _generated(person: Person, lang: str) -> list[str]:
    """A Chinese official's Cyrillic name by the standard transliteration of the pinyin."""
    if person.country != "cn" or lang not in ("ru", "uk"):
        return []
    form = cyrillic_forms(person.name).get(lang)
    return [form, *variant_forms(form, person.name, lang)] if form else []


def _for_someone_else(text: str, mention: Mention, language: str) -> bool:
    pattern = SOMEONE_ELSES.get(language)
    if pattern is None:
        return False
    named = text[mention.start : mention.end]
    possessive = named[-2:] in ("'s", "’s") or text[mention.end :][:2] in ("'s", "’s")
    if language == "en" and not possessive:  # "Trump envoy Witkoff", not "Trump met envoys"
        return bool(ATTRIBUTIVE.match(text, mention.end))
    return bool(pattern.match(text, mention.end))


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out


def surnames_named_before(
    sentences: list[str], named: list[tuple[list[str], list[str]]], people: dict[str, Person]
) -> list[list[str]]:
    """Chinese officials named again by surname alone ("Wang said"), per sentence: a surname
    stands for the one person of that surname named in full in an earlier sentence."""
    out: list[list[str]] = []
    seen: dict[str, tuple[re.Pattern[str], set[str]]] = {}  # surname -> (pattern, its people)
    for sentence, (_, china) in zip(sentences, named, strict=True):
        found = []
        for pattern, ids in seen.values():
            if len(ids) == 1 and pattern.search(sentence):
                found.extend(ids)
        out.append(found)
        for pid in china:
            person = people.get(pid)
            surname = person.name.split()[0] if person and " " in person.name else ""
            if surname[:1].isupper():
                word = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
                seen.setdefault(surname, (word, set()))[1].add(pid)
    return out
