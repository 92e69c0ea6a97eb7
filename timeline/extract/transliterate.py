"""Cyrillic forms of Chinese names, generated from their pinyin by the standard systems:
Palladius for Russian, and its Ukrainian form (Ukrainian letters: і for и, е for э, є for
ie), so every Chinese official in the registry is found in uk and ru text without listing
each spelling by hand ("He Lifeng" gives "Хэ Лифэн" and "Хе Ліфен").

A name is read syllable by syllable, longest match first; a name that is not all pinyin
(an English name, "Zhou Enlai" written "Chou En-lai") gives no forms.
"""

from __future__ import annotations

import functools

INITIALS = {
    "zh": "чж", "ch": "ч", "sh": "ш", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д",
    "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с",
    "r": "ж", "z": "цз", "c": "ц", "s": "с", "": "",
}  # fmt: skip
# Finals after a consonant, in Russian Palladius.
FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я",
    "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин",
    "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань",
    "un": "унь", "uang": "уан", "ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь",
}  # fmt: skip
# Syllables without an initial consonant (y-, w- and bare vowels).
BARE = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "er": "эр", "ya": "я", "ye": "е", "yao": "яо",
    "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yi": "и",
    "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь", "wa": "ва", "wo": "во", "wai": "вай",
    "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн", "wu": "у",
}  # fmt: skip
# After zh, ch, sh, r, z, c, s the vowel "i" is not the i of "li".
APICAL = {"zh": "и", "ch": "и", "sh": "и", "r": "и", "z": "ы", "c": "ы", "s": "ы"}
# j, q, x and l, n before ü: "ju" is jü.
PALATAL = ("j", "q", "x")
UKRAINIAN = str.maketrans({"и": "і", "э": "е", "ы": "и"})


def _syllable(text: str, lang: str) -> str | None:
    """One pinyin syllable in Cyrillic (ru: Palladius; uk: its Ukrainian form), or None."""
    if text in BARE:
        return _localised(BARE[text], text in ("ye", "yue"), lang)
    for length in (2, 1):
        initial, final = text[:length], text[length:]
        if initial not in INITIALS or not final:
            continue
        if final == "i" and initial in APICAL:
            return _localised(INITIALS[initial] + APICAL[initial], False, lang)
        if initial in PALATAL and final.startswith("u"):
            final = "ü" + final[1:]
        if final in FINALS:
            return _localised(INITIALS[initial] + FINALS[final], final in ("ie", "üe"), lang)
    return None


def _localised(russian: str, has_ie: bool, lang: str) -> str:
    if lang == "ru":
        return russian
    out = russian.translate(UKRAINIAN)
    return out[:-1] + "є" if has_ie and out.endswith("е") else out


@functools.lru_cache(maxsize=4096)
def _word(word: str, lang: str) -> str | None:
    """A pinyin word ("Lifeng", "Jinping") in Cyrillic, split into syllables."""
    word = word.lower().replace("'", "").replace("’", "").replace("-", "")
    for cut in range(min(6, len(word)), 0, -1):
        head = _syllable(word[:cut], lang)
        if head is None:
            continue
        if cut == len(word):
            return head
        rest = _word(word[cut:], lang)
        if rest is not None:
            return head + rest
    return None


def cyrillic_forms(name: str) -> dict[str, str]:
    """{"ru": ..., "uk": ...} for a Chinese name in pinyin; empty when it is not pinyin."""
    words = name.split()
    if not 2 <= len(words) <= 3:
        return {}
    forms = {}
    for lang in ("ru", "uk"):
        parts = [_word(w, lang) for w in words]
        if any(p is None for p in parts):
            return {}
        forms[lang] = " ".join(p.capitalize() for p in parts if p)
    return forms


# The spellings news also uses beside the standard ones: pinyin j read as in English ("Dong
# Jun" as Дун Джун, not Цзюнь) and, in Ukrainian, yi as ї (Ван Ї).
ENGLISH_J = {"цзю": "джу", "цзи": "джи", "цзі": "джі", "цзя": "джа", "цзе": "дже", "цзє": "дже"}


def variant_forms(form: str, pinyin: str, lang: str) -> list[str]:
    """Other spellings of a generated form (`cyrillic_forms`), for the same pinyin name."""
    variants = []
    words = pinyin.lower().split()
    parts = form.split()
    if len(words) != len(parts):
        return []
    english = []
    for word, part in zip(words, parts, strict=True):
        if word.startswith("j"):
            head = part[:3].lower()
            part = (ENGLISH_J.get(head, head) + part[3:]).replace("нь", "н").capitalize()
        english.append(part)
    variants.append(" ".join(english))
    if lang == "uk":
        variants.append(
            " ".join("Ї" if w == "yi" else p for w, p in zip(words, parts, strict=True))
        )
    return [v for v in dict.fromkeys(variants) if v != form]
