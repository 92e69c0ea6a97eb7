"""Sentences of an article, and the language each is read in.

A period after a title, an initial, a month abbreviation or "U.S." does not end a sentence;
nor does one after a day number followed by a lower-case word or a month ("15. November").
"""

from __future__ import annotations

import re

MAX_SENTENCE = 3000  # longer "sentences" (tables, run-on junk) are cut to this many characters
ORDINAL_NEXT = re.compile(
    r"\s+(?:[a-zäöüßąćęłńóśźżа-яіїєґ]|Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
    r"Oktober|November|Dezember|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|"
    r"września|października|listopada|grudnia)"
)
BOUNDARY = re.compile(r"[.!?…]+[\"»”’)]*\s+|[。！？]+[\"»”’）)]*|\n+")
# A period after these does not end a sentence: titles, month abbreviations, initials,
# "U.S.", and day numbers written as ordinals ("15. November", "W piątek 18.").
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|Prof|St|Jr|Sr|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|approx|ім|им|г|р|ст|тис|млн|млрд|ул|вул)|"
    r"\b[A-ZА-ЯІЇЄҐ]|\b(?:U\.S|U\.N|U\.K|E\.U))\.$"
)
ORDINAL = re.compile(r"(?<!\d)\d{1,2}\.$")
# What opens a sentence but is not part of it: the " date 2025-09-16" line some stores
# prepend, and a wire dateline ("WASHINGTON, Nov. 14 (UPI) --"): the date of the report.
DATELINE = re.compile(
    r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+|"
    r"^[A-ZÀ-Ý][A-ZÀ-Ý .'-]*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s+\d{4})?\s*(?:\([A-Za-z .]+\)\s*)?(?:--|—|–)\s*|"
    r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*\([A-Za-z .]+\)\s*(?:--|—|–)\s*"
)


def without_dateline(sentence: str) -> str:
    """The sentence without a store date line or a wire dateline at its start."""
    match = DATELINE.match(sentence)
    return sentence[match.end() :] if match else sentence


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, whitespace-trimmed, empty ones dropped, each at most MAX_SENTENCE."""
    out, start = [], 0
    for match in BOUNDARY.finditer(text):
        if "\n" not in match.group() and match.group()[0] == ".":
            tail = text[max(start, match.start() - 8) : match.start() + 1]
            if ABBREVIATION.search(tail):
                continue
            if ORDINAL.search(tail) and ORDINAL_NEXT.match(text, match.start() + 1):
                continue
        _keep(out, without_dateline(text[start : match.end()]))
        start = match.end()
    _keep(out, without_dateline(text[start:]))
    return out


def _keep(out: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        out.append(piece[:MAX_SENTENCE])


NON_LATIN_LANGUAGES = ("uk", "ru", "zh", "el", "hy", "be", "bg", "sr", "kk", "ja", "ko", "ar")


def reading_language(sentence: str, language: str) -> str:
    """An English tweet quoted in a Russian article is read as English."""
    if language not in NON_LATIN_LANGUAGES:
        return language
    letters = [c for c in sentence[:400] if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii())
    return "en" if letters and latin / len(letters) > 0.8 else language
