"""`timeline eval --errors`: every missed and false event, with the sentence and the date rule,
and a tally by failure class, so the next person sees where the extractor stands.

Failure classes (the first that applies):
- missed: `wrong date` (a prediction names the gold's people but has another date),
  `wrong people` (a prediction has the gold's date but other people), `planned/happened`
  (found with the other status), `not found`;
- false: `wrong date` / `wrong people` (the mirror of the above), `status` (matches a gold
  event of the other status), `duplicate` (matches a gold event another prediction took),
  `no such contact`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from timeline.extract.scoring import date_matches, event_matches, is_target, matching


@dataclass
class RecordErrors:
    id: str
    language: str
    missed: list[tuple[str, dict]] = field(default_factory=list)
    false: list[tuple[str, dict]] = field(default_factory=list)


def _people(event: dict) -> set[str]:
    names = (event.get("us_participants") or []) + (event.get("china_participants") or [])
    return {n.lower() for n in names}


def _miss_class(gold: dict, preds: list[dict], others: list[dict]) -> str:
    if any(event_matches(p, gold)[0] for p in others):
        return "planned/happened"
    people = _people(gold)
    if any(people & _people(p) for p in preds if not date_matches(p, gold)[0]):
        return "wrong date"
    if any(date_matches(p, gold)[0] for p in preds):
        return "wrong people"
    return "not found"


def _false_class(pred: dict, golds: list[dict], other_golds: list[dict]) -> str:
    if any(event_matches(pred, g)[0] for g in other_golds):
        return "status"
    if any(event_matches(pred, g)[0] for g in golds):
        return "duplicate"
    if any(_people(pred) & _people(g) for g in golds if is_target(g)):
        return "wrong date"
    if any(date_matches(pred, g)[0] for g in golds):
        return "wrong people"
    return "no such contact"


def record_errors(rid: str, language: str, preds: list[dict], gold: list[dict]) -> RecordErrors:
    """Missed targets and false predictions of one record, each with its failure class."""
    out = RecordErrors(rid, language)
    for status in ("happened", "planned"):
        mine = [p for p in preds if p["status"] == status]
        theirs = [p for p in preds if p["status"] != status]
        golds = [g for g in gold if g.get("status") == status]
        other_golds = [g for g in gold if g.get("status") != status]
        owner = matching(mine, golds)
        taken = set(owner.values())
        for index, g in enumerate(golds):
            if index not in taken and is_target(g):
                out.missed.append((_miss_class(g, mine, theirs), g))
        for index, p in enumerate(mine):
            if index not in owner:
                out.false.append((_false_class(p, golds, other_golds), p))
    return out


def _describe(event: dict) -> str:
    us = ", ".join(event.get("us_participants") or []) or "?"
    cn = ", ".join(event.get("china_participants") or []) or "?"
    return f"{event.get('date')} {event.get('status')} {event.get('kind')}: {us} / {cn}"


def format_errors(errors: list[RecordErrors]) -> str:
    """The per-record listing, then the tally by class."""
    lines, tally = [], Counter()
    for rec in errors:
        if not rec.missed and not rec.false:
            continue
        lines.append(f"== {rec.id} ({rec.language})")
        for cls, g in rec.missed:
            tally[f"missed: {cls}"] += 1
            lines.append(f"  MISSED [{cls}] {_describe(g)}")
            lines.append(f"      evidence: {g.get('evidence')!s:.200}")
        for cls, p in rec.false:
            tally[f"false: {cls}"] += 1
            lines.append(f"  FALSE  [{cls}] {_describe(p)}")
            lines.append(
                f"      date phrase: {p.get('date_text')!r} rule: {p.get('date_rule')}"
                f" basis: {p.get('date_basis')}"
            )
            lines.append(f"      sentence: {p.get('evidence')!s:.200}")
    lines.append("== failure classes")
    lines += [f"  {count:4d}  {cls}" for cls, count in sorted(tally.items(), key=lambda x: -x[1])]
    return "\n".join(lines)
