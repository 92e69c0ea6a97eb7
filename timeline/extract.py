"""Find US–China diplomatic contacts in one article and turn them into draft events."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import DateHit, find_dates
from .model import Article, Event, Person, Source
from .names import NameMatcher
from .naming import event_id, event_summary, event_title
from .places import PlaceMatcher
from .tense import Tense, sentence_tense

# Contact words per language and kind; Slavic stems cover their inflections.
TRIGGERS: dict[str, dict[str, str]] = {
    "en": {
        "summit": r"\bsummit\b",
        "call": r"\b(phone|telephone|video) (call|conversation|talks?)|\bspoke by phone|\bcalled\b",
        "talks": r"\btalks\b|\bnegotiat",
        "meeting": r"\bmet\b|\bmeets?\b|\bmeeting\b|\bsat down with|\bhosted\b|\bwelcomed\b",
        "visit": r"\bvisit(s|ed|ing)?\b|\btrip\b",
        "message": r"\b(letter|message)\b",
    },
    "uk": {
        "summit": r"саміт",
        "call": r"телефонн|відеоконференц|відеозв|по телефону",
        "talks": r"переговор|перемовин",
        "meeting": r"зустр[іі]",
        "visit": r"візит|відвіда",
        "message": r"лист[аі]?\b|послання",
    },
    "ru": {
        "summit": r"саммит",
        "call": r"телефонн|видеоконференц|видеосвяз|по телефону",
        "talks": r"переговор",
        "meeting": r"встреч|встрет",
        "visit": r"визит|посети|посещ",
        "message": r"письм|послани",
    },
    "zh": {
        "summit": r"峰会|元首会晤",
        "call": r"通电话|通话|视频会晤|视频通话",
        "talks": r"会谈|谈判|磋商",
        "meeting": r"会见|会晤|见面",
        "visit": r"访问|访华|访美",
        "message": r"致函|贺电|信函",
    },
}
NEGATION = {
    "en": r"\b(not|no|never|won't|didn't|cancel\w*)\b",
    "uk": r"\b(не|ні|жодн\w*|скасува\w*)\b",
    "ru": r"\b(не|нет|никак\w*|отмен\w*)\b",
    "zh": r"(没有|未|不会|取消)",
}
# When several sentences describe one contact, the more specific kind wins.
KIND_RANK = ("summit", "talks", "meeting", "visit", "call", "message", "other")
SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"»”’)]*\s+|\n+")


@dataclass
class Candidate:
    sentence: str
    kind: str
    status: str
    us: list[str]
    china: list[str]
    location: str | None
    date: DateHit | None
    index: int
    extra: list[str] = field(default_factory=list)


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, whitespace-trimmed, empty ones dropped."""
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def find_kind(sentence: str, language: str) -> str | None:
    triggers = TRIGGERS.get(language, TRIGGERS["en"])
    for kind in KIND_RANK:
        pattern = triggers.get(kind)
        if pattern and re.search(pattern, sentence, flags=re.IGNORECASE):
            return kind
    return None


class Extractor:
    """Extraction with the registry compiled once, for many articles."""

    def __init__(self, people: list[Person], places: PlaceMatcher):
        self.people = {p.id: p for p in people}
        self.names = NameMatcher(people)
        self.places = places

    def candidates(self, article: Article) -> list[Candidate]:
        found = []
        for index, sentence in enumerate(split_sentences(article.body)):
            candidate = self._candidate(sentence, index, article)
            if candidate is not None:
                found.append(candidate)
        return found

    def _candidate(self, sentence: str, index: int, article: Article) -> Candidate | None:
        language = article.language
        mentions = self.names.find(sentence, language)
        us = _unique(m.person for m in mentions if self.people[m.person].country == "us")
        china = _unique(m.person for m in mentions if self.people[m.person].country == "cn")
        if not us or not china:
            return None
        kind = find_kind(sentence, language)
        if kind is None:
            return None
        negation = NEGATION.get(language)
        if negation and re.search(negation, sentence, flags=re.IGNORECASE):
            return None
        tense = sentence_tense(sentence, language)
        status = "planned" if tense is Tense.FUTURE else "happened"
        hits = find_dates(sentence, language, article.published, tense)
        return Candidate(
            sentence=sentence,
            kind=kind,
            status=status,
            us=us,
            china=china,
            location=self.places.find(sentence, language),
            date=hits[0] if hits else None,
            index=index,
        )

    def extract_events(self, article: Article) -> list[Event]:
        """The contacts one article reports, one event per contact, dated and sourced."""
        groups: list[list[Candidate]] = []
        for cand in self.candidates(article):
            for group in groups:
                if _same_contact(group[0], cand):
                    group.append(cand)
                    break
            else:
                groups.append([cand])
        events = [self._event(group, article) for group in groups]
        return [e for e in events if e is not None]

    def _event(self, group: list[Candidate], article: Article) -> Event | None:
        dated = [c for c in group if c.date is not None]
        best = dated[0] if dated else group[0]
        status = best.status
        if best.date is None and status == "planned":
            return None
        date = best.date.date.isoformat() if best.date else article.published.isoformat()
        basis = best.date.basis if best.date else "publication"
        kind = min((c.kind for c in group), key=KIND_RANK.index)
        location = next((c.location for c in group if c.location), None)
        event = Event(
            id="",
            title="",
            date=date,
            kind=kind,
            status=status,
            us=_unique(p for c in group for p in c.us),
            china=_unique(p for c in group for p in c.china),
            location=location,
        )
        event.sources.append(_source(article, best, basis))
        event.id = event_id(event, self.people)
        event.title = event_title(event, self.people)
        event.summary = event_summary(event, self.people)
        return event


def _same_contact(first: Candidate, other: Candidate) -> bool:
    if first.status != other.status:
        return False
    if not (set(first.us) & set(other.us) and set(first.china) & set(other.china)):
        return False
    if first.date and other.date and first.date.date != other.date.date:
        return False
    return {first.kind, other.kind} <= {"summit", "talks", "meeting"} or first.kind == other.kind


def _source(article: Article, best: Candidate, basis: str) -> Source:
    confidence = {"explicit": 0.9, "relative": 0.8, "publication": 0.5}.get(basis, 0.5)
    return Source(
        article=article.path,
        outlet=article.outlet,
        url=article.url,
        published=article.published.isoformat(),
        language=article.language,
        quote=best.sentence,
        date_text=best.date.text if best.date else None,
        date_basis=basis,
        confidence=confidence,
    )


def _unique(items) -> list[str]:  # type: ignore[no-untyped-def]
    return list(dict.fromkeys(items))
