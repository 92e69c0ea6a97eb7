"""Officials named by office ("China's foreign minister", "глава МЗС Китаю", "госсекретарь
США", "美国国务卿"), sides named as groups ("U.S. officials", "китайська сторона", "美方"),
both sides at once ("the two leaders", "лидеры США и Китая", "双方"), and the two countries
as places to travel to.

An office phrase resolves to the person holding that office on the event date (roles with
date ranges in content/people.yml). A phrase preceded by "former"/"колишній"/"бывший"/"前",
by "vice" ("віцепрем'єр" is not the premier) or marked "-elect" is not the holder and is
ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extract.office_data import (
    ANAPHORA,
    BOTH_PHRASES,
    COUNTRY_PHRASES,
    ROLE_PHRASES,
    SIDE_PHRASES,
)

FORMER = re.compile(
    r"(?:former|ex-|then|колишн\w*|екс-|бывш\w*|экс-|前任|前)\s*\S*\s*$", flags=re.IGNORECASE
)


# "vice premier", "віцепрем'єр", "вице-премьер", "副总理", "Deputy Secretary of State",
# "заместитель госсекретаря", "заступник держсекретаря": not the office that follows.
VICE = re.compile(
    r"(?:vice|віце|вице|副|deputy|under|assistant|заместител\w*|заступник\w*|замглав\w*|"
    r"замміністр\w*|замминистр\w*)[\s-]*$",
    flags=re.IGNORECASE,
)
# "President-elect", "новообраний президент", "избранный президент": not yet in office.
ELECT_AFTER = re.compile(r"[\s-]*elect\b", flags=re.IGNORECASE)
ELECT_BEFORE = re.compile(r"(?:обран\w*|избранн\w*|elected)\s+$", flags=re.IGNORECASE)


# The office is part of an aide's title: "Assistant to the President", "помощник президента
# США", "радник держсекретаря", "美国总统国家安全事务助理", "总统特使".
AIDE_BEFORE = re.compile(
    r"(?:assistant|adviser|advisor|envoy|aide|spokes\w+)\s+(?:to\s+)?(?:the\s+)?$|"
    r"(?:помічник\w*|радник\w*|посланц\w*|представник\w*|речник\w*|"
    r"помощник\w*|советник\w*|посланник\w*|представител\w*|пресс-секретар\w*)\s+$",
    flags=re.IGNORECASE,
)
AIDE_AFTER = re.compile(r"(?:国家安全事务助理|國家安全事務助理|助理|特使|顾问|顧問|发言人|發言人)")


@dataclass(frozen=True)
class RoleMention:
    country: str
    title: str
    start: int
    end: int


_ROLE_RE: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}


def _roles(language: str) -> list[tuple[str, str, re.Pattern[str]]]:
    if language not in _ROLE_RE:
        _ROLE_RE[language] = [
            (c, t, re.compile(p, flags=0 if language in ("en", "zh") else re.IGNORECASE))
            for c, t, p in ROLE_PHRASES.get(language, ROLE_PHRASES["en"])
        ]
    return _ROLE_RE[language]


def find_roles(sentence: str, language: str) -> list[RoleMention]:
    """Office phrases in the sentence (not preceded by "former")."""
    found = []
    for country, title, pattern in _roles(language):
        for match in pattern.finditer(sentence):
            before = sentence[max(0, match.start() - 16) : match.start()]
            if FORMER.search(before) or ELECT_BEFORE.search(before):
                continue
            if ELECT_AFTER.match(sentence, match.end()):
                continue
            if not title.startswith("Vice") and VICE.search(before):
                continue
            if AIDE_BEFORE.search(before) or AIDE_AFTER.match(sentence, match.end()):
                continue
            found.append(RoleMention(country, title, match.start(), match.end()))
    return found


_SIMPLE: dict[tuple[str, str], re.Pattern[str] | None] = {}


def _compiled(name: str, language: str, source: str | None) -> re.Pattern[str] | None:
    key = (name, language)
    if key not in _SIMPLE:
        flags = (
            re.IGNORECASE
            if language in ("uk", "ru", "de", "fr", "es", "it", "pt", "pl", "el")
            else 0
        )
        _SIMPLE[key] = re.compile(source, flags=flags) if source else None
    return _SIMPLE[key]


# "U.S. officials said ...", "як заявили американські посадовці": a source, not a party.
SAYING = re.compile(
    r"\b(?:said|say|says|told|according|announced|stated|reported|warned|believe)\b|"
    r"заяви\w*|повідоми\w*|сказа\w*|за словами|кажуть|вважають|"
    r"сообщи\w*|по словам|считают|отметили|говорят|称|表示|说|指出|透露|認為|认为",
    flags=re.IGNORECASE,
)
SAYING_REACH = 30


def sides_named(sentence: str, language: str) -> set[str]:
    """Sides present through group phrases ("U.S. officials", "китайська сторона")."""
    sides = set()
    for index, (side, source) in enumerate(SIDE_PHRASES.get(language, [])):
        pattern = _compiled(f"side{index}", language, source)
        for match in pattern.finditer(sentence) if pattern else ():
            near = sentence[max(0, match.start() - SAYING_REACH) : match.end() + SAYING_REACH]
            if not SAYING.search(near):
                sides.add(side)
                break
    return sides


def both_sides_named(sentence: str, language: str) -> bool:
    """ "U.S. and Chinese officials", "США та КНР": both countries, by name."""
    pattern = _compiled("both", language, BOTH_PHRASES.get(language))
    return bool(pattern and pattern.search(sentence))


def both_sides_meant(sentence: str, language: str) -> bool:
    """ "The two leaders", "сторони", "双方": both sides, if the context names them."""
    pattern = _compiled("anaphora", language, ANAPHORA.get(language))
    return bool(pattern and pattern.search(sentence))


# "The two leaders", "лідери двох країн", "两国元首": the heads of state, whoever spoke last.
LEADERS = re.compile(
    r"\b(?:the|both) (?:two )?(?:leaders|presidents|heads of state)\b|"
    r"\b(?:U\.?S\.?|American) and Chinese (?:leaders|presidents)\b|"
    r"(?<!\w)(?:лідер(?:ів|и|ам|ами)|лидер(?:ов|ы|ам|ами))(?!\w)|中美元首|中美两国元首|"
    r"(?:лідер\w*|глав\w*|президент\w*) (?:двох|обох) (?:країн|держав)|обидва лідер\w*|"
    r"(?:лидер\w*|глав\w*|президент\w*) (?:двух|обеих) (?:стран|государств)|оба лидер\w*|"
    r"两国元首|兩國元首|两国领导人|兩國領導人|两位领导人|兩位領導人",
    flags=re.IGNORECASE,
)


LEADERS_REACH = 24  # characters between a contact word and "the leaders" it is about


def leaders_meant(
    sentence: str,
    language: str,
    near: tuple[int, int] | None = None,
    reach: int = LEADERS_REACH,
) -> bool:
    """ "The two leaders", "лидеры двух стран", "两国元首": the two heads of state; with
    `near` (a contact word's span), only a phrase within `reach` of it ("встречи лидеров")."""
    for match in LEADERS.finditer(sentence):
        if near is None or (near[0] - reach <= match.end() and match.start() <= near[1] + reach):
            return True
    return False


def countries_named(sentence: str, language: str) -> set[str]:
    """Countries named in the sentence (as places of a visit)."""
    found = set()
    for index, (side, source) in enumerate(COUNTRY_PHRASES.get(language, COUNTRY_PHRASES["en"])):
        pattern = _compiled(
            f"country{index}", language if language in COUNTRY_PHRASES else "en", source
        )
        if pattern and pattern.search(sentence):
            found.add(side)
    return found
