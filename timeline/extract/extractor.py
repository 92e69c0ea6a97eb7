"""Find US–China diplomatic contacts in one article and turn them into draft events.

Article level, after contacts.py has read each sentence:
1. A contact mention needs both sides (people, offices, groups or the country visited).
2. An undated mention takes the date of a dated mention of the same status up to three
   sentences before it that shares a person ("On January 15 the US signed ... The deal was
   signed by Trump and Liu He"); an undated one in the lead takes the publication date.
   Anything still undated is dropped.
3. One event per real-world contact: mentions with the same date and the same people
   merge; a mention dated only by the context joins the event whose dates cover it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

from timeline.extract.contacts import Candidate, SentenceReader
from timeline.extract.context import Context
from timeline.extract.dates.finder import Anchor, DateHit
from timeline.extract.dates.pick import BACK_REFERENCE
from timeline.extract.dates.published import latest_full_date
from timeline.extract.dates.weekday_year import SCAN_CHARS, anchor_from_weekdays
from timeline.extract.grouping import merge_mentions, without_plans_that_happened
from timeline.extract.names import NameMatcher, surnames_named_before
from timeline.extract.places import PlaceMatcher
from timeline.extract.script import simplified
from timeline.extract.sentences import split_sentences
from timeline.extract.triggers import best_kind
from timeline.model import Article, Event, Person, Source
from timeline.naming import event_id, event_summary, event_title

LEAD_SENTENCES = 3  # an undated contact in the first three sentences is the article's news
NON_LATIN = ("zh", "ja", "ko", "uk", "ru", "el", "hy", "ar")  # surnames are not named alone
CJK_TEXT = re.compile(r"[\u3400-\u9fff]")
INHERIT_REACH = 3  # sentences back an undated mention may borrow a date from
MAX_SENTENCES = 2000  # work cap per article
NO_PLACE_KINDS = ("call", "message")
ELECT = re.compile(r"-elect\b|\belect\b|обран\w* президент|избранн\w* президент|当选总统|候任")
ELECT_DAYS = 80  # from the election to the inauguration
# "after" between two contacts of one sentence: the later one is not on the earlier one's date
AFTER = re.compile(
    r"之后|之後|以后|以後|\bafter\b|\bfollowing\b|(?<!\w)(?:после|після)(?!\w)", re.I
)
NEXT_REACH = 2  # sentences ahead a group phrase may find its people in ("the US and China will …")
CONFIDENCE = {"explicit": 0.9, "relative": 0.8, "publication": 0.4}


class Extractor:
    """Extraction with the registry compiled once, for many articles."""

    def __init__(self, people: list[Person], places: PlaceMatcher):
        self.people = {p.id: p for p in people}
        self.reader = SentenceReader(people, places, NameMatcher(people))

    def candidates(self, article: Article, anchor: Anchor) -> list[Candidate]:
        context = Context()
        found: list[Candidate] = []
        written = split_sentences(article.body)[:MAX_SENTENCES]
        sentences = [simplified(s) for s in written] if article.language == "zh" else written
        named = [self.reader.people_in(s, article.language) for s in sentences]
        if article.language not in NON_LATIN:  # "Wang said": Wang Yi, named in full before
            again = surnames_named_before(sentences, named, self.people)
            pairs = zip(named, again, strict=True)
            named = [(us, _unique([*cn, *more])) for (us, cn), more in pairs]
        content = 0  # sentences with some text, not menu or caption crumbs
        for index, sentence in enumerate(sentences):
            context.index = index
            content += int(_is_content(sentence))
            ahead = named[index + 1 : index + 1 + NEXT_REACH]
            context.next_us = next((us for us, _ in ahead if us), [])
            context.next_china = next((cn for _, cn in ahead if cn), [])
            read = self.reader.read(
                sentence, index, article.language, anchor, context, named[index]
            )
            for cand in read:
                cand.lead = content <= LEAD_SENTENCES
                cand.written = written[index]
            found.extend(read)
        return found

    def extract_events(self, article: Article, anchor: Anchor | None = None) -> list[Event]:
        """The contacts one article reports, one event per contact, dated and sourced."""
        return [event for event, _ in self.explained_events(article, anchor)]

    def explained_events(
        self, article: Article, anchor: Anchor | None = None
    ) -> list[tuple[Event, str]]:
        """The events, each with the rule that dated it (for `timeline eval --errors`)."""
        base = re.split(r"[-_]", article.language.strip().lower() or "en")[0]
        if base != article.language:  # "zh-TW", "pt_BR": read as zh, pt
            article = dataclasses.replace(article, language=base)
        if anchor is None:
            published = article.published
            anchor = Anchor(published, "day" if published else "none", "metadata")
        anchor = self.complete_anchor(article.body, article.language, anchor)
        found = self.candidates(article, anchor)
        full = [c for c in _date_from_context(found, anchor) if _in_office(c, self.people, anchor)]
        groups = without_plans_that_happened(merge_mentions(full, self.people))
        events = [self._event(group, article, anchor) for group in groups]
        return sorted(events, key=lambda e: (e[0].date, e[0].id))

    def complete_anchor(self, text: str, language: str, anchor: Anchor) -> Anchor:
        """Without a publication date, try a weekday+date of the text and the offices held."""
        if anchor.date is not None:
            return anchor
        mentions = self.reader.names.find(text[:SCAN_CHARS], language)
        named = [self.people[i] for i in dict.fromkeys(m.person for m in mentions)]
        found = anchor_from_weekdays(text, language, named, list(self.people.values()))
        return found or latest_full_date(text, language) or anchor

    def _event(self, group: list[Candidate], article: Article, anchor: Anchor) -> tuple[Event, str]:
        best = next((c for c in group if c.date and not c.inherited), group[0])
        hit = best.date
        assert hit is not None
        kind = best_kind([k for c in group for k in c.kinds])
        location = None
        if kind not in NO_PLACE_KINDS:
            location = next((c.location for c in group if c.location), None)
        event = Event(
            id="",
            title="",
            date=hit.iso,
            precision=hit.precision,
            end_date=hit.end_date.isoformat() if hit.end_date else None,
            kind=kind,
            status=best.status,
            us=_unique(p for c in group for p in c.us),
            china=_unique(p for c in group for p in c.china),
            location=location,
        )
        event.sources.append(_source(article, anchor, best))
        event.id = event_id(event, self.people)
        event.title = event_title(event, self.people)
        event.summary = event_summary(event, self.people)
        rule = hit.rule or ("inherited" if best.inherited else "own sentence")
        return event, f"{rule}; sentence {best.index}"


def _date_from_context(found: list[Candidate], anchor: Anchor) -> list[Candidate]:
    """Full candidates, each with a date (own, borrowed or the publication date)."""
    out = []
    last: DateHit | None = None
    for cand in found:
        if cand.date is not None and cand.date.from_previous is not None and last is not None:
            moved = last.date + dt.timedelta(days=cand.date.from_previous)
            cand.date = dataclasses.replace(cand.date, date=moved, end_date=None)
        if cand.date is not None and not cand.inherited and cand.date.precision == "day":
            last = cand.date
        if not cand.full:
            continue
        if cand.date is None and not cand.background:
            donor = _donor(cand, found)
            dated = _dated_elsewhere(cand, found)
            if donor is not None and donor.date is not None:
                rule = f"borrowed from sentence {donor.index}"
                cand.date, cand.inherited = dataclasses.replace(donor.date, rule=rule), True
            elif dated is not None and cand.lead:
                if dated.status == cand.status:  # the lead's contact is the one dated later
                    rule = f"the article dates it in sentence {dated.index}"
                    cand.date = dataclasses.replace(dated.date, rule=rule)  # type: ignore[arg-type]
                    cand.inherited = True
            elif cand.status == "happened" and cand.lead and anchor.knows_day and cand.named:
                # the lead's own news; "Thailand hosts meeting of top US and China officials"
                # names no one: a headline over a contact the article dates itself
                assert anchor.date is not None
                cand.date = DateHit(
                    "", -1, anchor.date, basis="publication", rule="lead: publication date"
                )
                cand.inherited = True
        if cand.date is not None:
            out.append(cand)
    return out


def _dated_elsewhere(cand: Candidate, found: list[Candidate]) -> Candidate | None:
    """The article dates a contact of the same people itself (met on Wednesday, will meet on
    Saturday): an undated lead mention is that contact, not one on the publication day."""
    for other in found:
        if (
            other is not cand
            and other.date is not None
            and not other.inherited
            and other.date.basis != "publication"
            and other.date.precision == "day"
            and set(other.us) & set(cand.us)
            and set(other.china) & set(cand.china)
        ):
            return other
    return None


def _is_content(sentence: str) -> bool:
    """A sentence of the article rather than a menu item, a byline or a photo credit."""
    if CJK_TEXT.search(sentence):
        return len(sentence) >= 8
    return len(sentence.split()) >= 4


def _in_office(cand: Candidate, people: dict[str, Person], anchor: Anchor) -> bool:
    """Keep the people in office on the contact's date; a side left empty drops the mention.

    "Nixon's 1972 visit" in a 2017 article is history, not a contact of 2017.
    """
    assert cand.date is not None
    first = cand.date.date
    last = cand.date.end_date or (_month_last(first) if cand.date.precision == "month" else first)
    # A President-elect is a party before taking office: so the text says, or it reports the
    # contact afterwards, naming him by the office he took ("the 17 January call of Trump and
    # Xi"): in the past, a party's term may begin up to ELECT_DAYS after the contact.
    if ELECT.search(cand.sentence) or (anchor.date is not None and anchor.date > last):
        last += dt.timedelta(days=ELECT_DAYS)
    for side in (cand.us, cand.china):
        if not side:
            continue
        kept = [p for p in side if p not in people or _holds_office(people[p], first, last)]
        if not kept:
            return False
        side[:] = kept
    return True


def _holds_office(person: Person, first: dt.date, last: dt.date) -> bool:
    slack = dt.timedelta(days=1)  # time zones and swearing-in days
    start, end = (first - slack).isoformat(), (last + slack).isoformat()
    return any(
        (r.start is None or r.start <= end) and (r.end is None or start <= r.end)
        for r in person.roles
    )


def _month_last(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _donor(cand: Candidate, found: list[Candidate]) -> Candidate | None:
    """ "The talks took place on Friday" just after; a dated mention just before; any earlier
    one when the sentence says "the ceremony"."""
    for other in found:
        ahead = cand.index < other.index <= cand.index + 2
        if not ahead or other.date is None or other.status != cand.status:
            continue
        # "The talks took place on Friday"; "По словам Бессента, встреча состоится в понедельник"
        mentions = set(other.us + other.china) <= set(cand.us + cand.china)
        refers = not other.full and mentions and BACK_REFERENCE.search(other.sentence)
        if other.date.precision == "day" and (not other.sides or refers):
            return other
    reach = cand.index if BACK_REFERENCE.search(cand.sentence) else INHERIT_REACH
    for other in reversed(found):
        if other is cand or other.index > cand.index or other.index < cand.index - reach:
            continue
        if other.index == cand.index and AFTER.search(cand.sentence, other.at, max(cand.at, 0)):
            continue  # "布林肯6月访华之后,两人再次会谈": a later contact than the one dated
        if other.date is None or other.status != cand.status or other.date.basis == "publication":
            continue
        if other.full or set(other.us + other.china) & set(cand.us + cand.china):
            return other
    return None


def _source(article: Article, anchor: Anchor, best: Candidate) -> Source:
    hit = best.date
    assert hit is not None
    basis = hit.basis
    confidence = CONFIDENCE.get(basis, 0.5)
    if best.inherited and basis != "publication":
        confidence -= 0.2
    if hit.precision != "day":
        confidence -= 0.2
    if not hit.weekday_agrees:
        confidence -= 0.2
    if best.status == "planned":
        confidence -= 0.1
    published = anchor.date.isoformat() if anchor.date and anchor.precision == "day" else None
    return Source(
        article=article.path,
        outlet=article.outlet,
        url=article.url,
        published=published,
        language=article.language,
        quote=best.written or best.sentence,
        date_text=_as_written(best, hit) or None,
        date_basis=basis,
        confidence=round(max(confidence, 0.1), 2),
    )


def _as_written(cand: Candidate, hit: DateHit) -> str:
    """The date phrase as the article wrote it (traditional script stays traditional)."""
    if not hit.text or not cand.written or hit.start < 0 or hit.date is None:
        return hit.text
    if cand.sentence[hit.start : hit.start + len(hit.text)] != hit.text:
        return hit.text  # borrowed from another sentence
    return cand.written[hit.start : hit.start + len(hit.text)]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
