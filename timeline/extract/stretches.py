"""Which contact words of one sentence report which contact.

A sentence may report several contacts: words of different status (met / will meet), with
dates of their own ("talks on 27 January and a meeting in February"), or each nearest to
other people ("the talks came after Biden met Wang Yi"). Each contact gets the stretch of
the sentence its people and dates are read from.
"""

from __future__ import annotations

import functools
import itertools

from timeline.extract.dates.finder import Anchor, DateHit, find_dates
from timeline.extract.dates.pick import modifies_noun
from timeline.extract.tense import Clauses, Modality, SentenceModality, Tense, clause_index
from timeline.extract.triggers import Trigger

MAX_TRIGGERS = 12  # contact words looked at per sentence (work cap)


def by_status(sentence: str, triggers: list[Trigger], language: str) -> dict[str, list[Trigger]]:
    groups: dict[str, list[Trigger]] = {}
    marks = SentenceModality(sentence, language)
    kept = triggers[:MAX_TRIGGERS]
    nexts = [t.start for t in kept[1:]] + [len(sentence)]
    for trigger, until in zip(kept, nexts, strict=True):
        how = marks.at(trigger.start, until)
        if how is Modality.NONE:
            continue
        groups.setdefault(how.value, []).append(trigger)
    return groups


Part = tuple[list[Trigger], tuple[int, int] | None]  # contact words, where their dates are
Piece = tuple[list[Trigger], tuple[list[str], list[str]] | None]  # contact words, their people


def by_own_date(
    sentence: str, group: list[Trigger], language: str, anchor: Anchor, status: str
) -> list[Part]:
    """Contact words with different dates of their own are different contacts ("meetings in
    Bangkok on 26-27 January and a meeting in Munich in February"; "6月5日通话,距1月17日通话");
    each part comes with the stretch of the sentence its date is read from."""
    if len(group) < 2:
        return [(group, None)]
    tense = Tense.FUTURE if status == "planned" else Tense.PAST
    hits = [
        h
        for h in sentence_dates(sentence, language, anchor, tense)
        if h.precision in ("day", "month")
    ]
    attached = {  # "1月17日通话", "the June 12 call": the date of the noun right after it
        id(h): t
        for h in hits
        for t in group
        if modifies_noun(sentence, h, t)
        and sentence[: h.start].strip()  # "В пятницу переговоры…": the whole sentence's
    }
    parts: dict[tuple[str, object], tuple[list[Trigger], int]] = {}  # by date and end
    undated: list[Trigger] = []
    ends = [t.start for t in group[1:]] + [len(sentence)]
    went: dict[int, tuple[str, object] | None] = {}  # trigger -> the part it joined
    for index, (trigger, end) in enumerate(zip(group, ends, strict=True)):
        previous = group[index - 1] if index else None
        if previous is not None and not sentence[previous.end : trigger.start].strip(" -"):
            key = went[id(previous)]  # "телефонный разговор", "phone call": one contact
            went[id(trigger)] = key
            (parts[key][0] if key is not None else undated).append(trigger)
            continue
        noun = [h for h in hits if attached.get(id(h)) is trigger]
        after = [h for h in hits if trigger.end <= h.start < end and id(h) not in attached]
        if noun or after:
            hit = (noun or after)[0]
            start = hit.start if noun else trigger.end
            parts.setdefault((hit.iso, hit.end_date), ([], start))[0].append(trigger)
            went[id(trigger)] = (hit.iso, hit.end_date)
        else:
            undated.append(trigger)
            went[id(trigger)] = None
    if undated and any(attached.get(id(h)) for h in hits) and parts:
        first = (undated, _window(undated, group, len(sentence)))
        return [first, *_parts(parts, group, len(sentence))]
    if len(parts) < 2:
        return [(group, None)]
    split = _parts(parts, group, len(sentence))
    for trigger in undated:  # an undated word belongs to the dated contact just before it
        earlier = [i for i, (ts, _) in enumerate(split) if ts[0].start < trigger.start]
        at = max(earlier, key=lambda i: split[i][0][0].start) if earlier else 0
        split[at] = (sorted([*split[at][0], trigger], key=lambda t: t.start), split[at][1])
    return split


def _parts(
    parts: dict[tuple[str, object], tuple[list[Trigger], int]], group: list[Trigger], length: int
) -> list[Part]:
    """Each part's dates: from its own date (or word) to the next other contact word."""
    return [(ts, (start, _window(ts, group, length)[1])) for ts, start in parts.values()]


def _window(part: list[Trigger], group: list[Trigger], length: int) -> tuple[int, int]:
    """From the last other contact word before the part to the first other one after it."""
    others = [t for t in group if t not in part]
    before = [t.end for t in others if t.end <= part[0].start]
    after = [t.start for t in others if t.start >= part[-1].end]
    return (max(before) if before else 0, min(after) if after else length)


def nearest_dates(
    sentence: str, part: list[Trigger], parts: list[list[Trigger]], hits: tuple[DateHit, ...]
) -> set[int]:
    """The dates nearer to one of this part's words than to any other part's, in the same
    clause when one is ("Предстоящие переговоры … после прошедшей в ноябре встречи":
    November is the meeting's; "Визит, который завершится в воскресенье,": the visit's)."""
    words = [t for p in parts for t in p]
    mine = {id(t) for t in part}
    clause = clause_index(sentence)
    found = set()
    for hit in hits:
        end = hit.start + len(hit.text)
        near = [t for t in words if clause(t.start) == clause(hit.start)] or words
        nearest = min(near, key=lambda t: max(t.start - end, hit.start - t.end))
        if id(nearest) in mine:
            found.add(hit.start)
    return found


def stretches(
    sentence: str, parts: list[Part], hits: tuple[DateHit, ...]
) -> dict[int, tuple[int, int]]:
    """The stretch of the sentence each contact's people are read from: from the boundary
    with the contact before it to the boundary with the next. The boundary is the last clause
    break after the earlier contact's words and date and before the later contact's first
    word ("Her visit, which ends on Sunday, follows Blinken's trip"), else that word itself
    ("talks between A and B on 27 January and a meeting of C with B")."""
    order = sorted(parts, key=lambda part: part[0][0].start)
    words = [p for p, _ in order]
    breaks = Clauses(sentence).starts
    bounds = [0]
    for (earlier, window), (later, _) in itertools.pairwise(order):
        first = later[0].start
        last = max(t.end for t in earlier)
        if window is None:  # no date of its own: the dates nearest its words
            mine = nearest_dates(sentence, earlier, words, hits)
            dated = [h.start + len(h.text) for h in hits if h.start in mine and h.start < first]
        else:
            dated = [h.start + len(h.text) for h in hits if window[0] <= h.start < first]
        last = max([last, *dated])
        between = [b for b in breaks if last <= b <= first]
        bounds.append(between[-1] if between else first)
    bounds.append(len(sentence))
    return {id(part): (bounds[i], bounds[i + 1]) for i, (part, _) in enumerate(order)}


@functools.lru_cache(maxsize=256)
def sentence_dates(
    sentence: str, language: str, anchor: Anchor, tense: Tense
) -> tuple[DateHit, ...]:
    """The sentence's dates, found once for all of its contact words."""
    return tuple(find_dates(sentence, language, anchor, tense))
