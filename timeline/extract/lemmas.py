"""Dictionary forms of Ukrainian and Russian words (pymorphy3 with its OpenCorpora and
LanguageTool-based dictionaries), so that a contact word is found in every case form.

Hand-written stems miss forms whose ending changes the stem's last letter ("беседу",
"розмові", "обговорення", "поговорив"); the dictionaries know them. Only words that could be
a contact word (their first letters are those of one, `might_be`) are looked up, each once.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

LANGUAGES = ("uk", "ru")


@cache
def _analyzer(language: str) -> Any:
    import pymorphy3  # loaded with its dictionary when a uk or ru word is first looked up

    return pymorphy3.MorphAnalyzer(lang=language)


@lru_cache(maxsize=1 << 18)
def lemma(word: str, language: str) -> str:
    """The most likely dictionary form of `word` (lower case), or the word itself."""
    if language not in LANGUAGES:
        return word.lower()
    parses = _analyzer(language).parse(word)
    return parses[0].normal_form if parses else word.lower()
