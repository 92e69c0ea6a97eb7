"""Officials named in the historian's remarks ("Met with President Jiang and Premier Zhu"),
resolved to registry people through their names and the offices they held that day.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from timeline.model import Person

# A title as the historian writes it -> the registry role titles it can stand for (prefixes).
TITLES: dict[str, tuple[str, ...]] = {
    "National People's Congress Chairman": ("Chairman of the Standing Committee",),
    "National People’s Congress Chairman": ("Chairman of the Standing Committee",),
    "Treasury Secretary": ("Secretary of the Treasury",),
    "Secretary of State": ("Secretary of State",),
    "Foreign Minister": ("Minister of Foreign Affairs", "Foreign Minister"),
    "State Councilor": ("State Councilor", "State Councillor"),
    "State Counselor": ("State Councilor", "State Councillor"),
    "Prime Minister": ("Premier",),
    "Vice Premier": ("Vice Premier",),
    "Vice President": ("Vice President",),
    "Vice Chairman": ("Vice Chairman",),
    "General Secretary": ("General Secretary",),
    "Premier": ("Premier",),
    "President": ("President",),
    "Chairman": ("Chairman",),
    "Secretary": ("Secretary of State",),
}
_TITLE_ALT = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_NAME_WORD = r"(?:[A-Z][a-z’'-]+(?:-[a-z]+)?|[A-Z]\.)"
MENTION = re.compile(rf"(?P<title>{_TITLE_ALT})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})*)")
WORD_BEFORE = re.compile(r"([A-Z][\w.-]*)\s+$")
# Adjectives that mark an official of a third country ("Russian Prime Minister Putin").
FOREIGN = re.compile(r"^[A-Z][a-z]+(?:ian|ese|ish|an|i)$")
OWN_ADJECTIVES = {"Chinese", "American"}
FUZZY_CUTOFF = 0.8


@dataclass(frozen=True)
class Mention:
    """An official as named in the text: the title (possibly empty) and the name."""

    title: str
    name: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.title} {self.name}".strip()


def find_mentions(text: str) -> list[Mention]:
    """Titled names in the text; officials of third countries are left out."""
    found = []
    for match in MENTION.finditer(text):
        before = WORD_BEFORE.search(text, 0, match.start())
        word = before.group(1) if before else ""
        if FOREIGN.match(word) and word not in OWN_ADJECTIVES:
            continue
        name = re.sub(r"(?:['’]s|\.)$", "", match.group("name"))
        found.append(Mention(match.group("title"), name, match.start(), match.end()))
    return found


def split_title(text: str) -> Mention:
    """A visitor field ("Vice Premier Deng Xiaoping") as a title and a name."""
    text = " ".join(text.split())
    for title in sorted(TITLES, key=len, reverse=True):
        if text.startswith(title + " "):
            return Mention(title, text[len(title) + 1 :], 0, len(text))
    return Mention("", text, 0, len(text))


def _words(form: str) -> list[str]:
    return [w for w in re.split(r"\s+", form.strip()) if w]


def surnames(person: Person) -> set[str]:
    """The family name in each English form: first word for Chinese names, last for others."""
    found = set()
    for form in [person.name, *person.names.get("en", [])]:
        words = _words(form)
        if words:
            found.add(words[0] if person.country == "cn" else words[-1])
    return found


def _holds(person: Person, title: str, day: str) -> bool:
    prefixes = TITLES.get(title)
    if not prefixes:
        return any(r.held_on(day) for r in person.roles)
    return any(r.held_on(day) and r.title.startswith(prefixes) for r in person.roles)


def _same_name(person: Person, name: str) -> bool:
    wanted = name.casefold()
    return any(f.casefold() == wanted for f in [person.name, *person.names.get("en", [])])


def _close_name(person: Person, name: str) -> bool:
    forms = [person.name, *person.names.get("en", [])]
    return bool(difflib.get_close_matches(name, forms, n=1, cutoff=FUZZY_CUTOFF))


def resolve(mention: Mention, people: list[Person], day: str) -> Person | None:
    """The one registry person the mention names on `day`, or None when none or several fit.

    Tried in turn: the exact name among people in office that day, the exact name at any
    time, the family name with the office held that day, a near spelling with that office.
    """
    in_office = [p for p in people if _holds(p, mention.title, day)]
    words = _words(mention.name)
    tests = [
        lambda p: _same_name(p, mention.name) and p in in_office,
        lambda p: _same_name(p, mention.name) and len(words) > 1,
        lambda p: (
            p in in_office and bool(words) and words[0 if p.country == "cn" else -1] in surnames(p)
        ),
        lambda p: p in in_office and len(words) > 1 and _close_name(p, mention.name),
    ]
    for test in tests:
        fits = [p for p in people if test(p)]
        if len(fits) == 1:
            return fits[0]
        if len(fits) > 1:
            return None
    return None


def untitled_names(text: str, people: list[Person], taken: list[Mention]) -> list[Person]:
    """Registry people named by a full (several-word) English form outside titled mentions."""
    found: dict[str, Person] = {}
    for person in people:
        for form in {person.name, *person.names.get("en", [])}:
            if len(_words(form)) < 2:
                continue
            for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                if not any(m.start <= match.start() < m.end for m in taken):
                    found[person.id] = person
    return list(found.values())
