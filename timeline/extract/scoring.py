"""The scoring rule of issue 3: which predicted event matches which gold event.

- targets are gold events with status happened (or planned, scored apart), optional false
  and date_basis explicit or relative; the other gold events are neutral: never missed, and
  a prediction that matches one is neither right nor false;
- a prediction matches a gold event when its date equals the gold date or one of its
  alt_dates, or falls within date..end_date (a YYYY-MM gold date matches any day of that
  month), and, on each side where the gold names participants, they share one (canonical
  English names, case-insensitive). Each gold event matches once (a maximum matching).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

TARGET_BASES = ("explicit", "relative")


@dataclass
class Tally:
    """Counts for one slice (overall, a language, planned)."""

    predicted: int = 0
    matched: int = 0
    targets: int = 0
    found: int = 0
    exact_dates: int = 0

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.matched += other.matched
        self.targets += other.targets
        self.found += other.found
        self.exact_dates += other.exact_dates

    def scores(self) -> dict:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.found / self.targets if self.targets else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = self.exact_dates / self.found if self.found else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "targets": self.targets,
            "predicted": self.predicted,
            "matched": self.found,
            "date_accuracy": round(accuracy, 4),
        }


def _day_range(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        if len(value) == 7:
            first = dt.date.fromisoformat(value + "-01")
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, nxt - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value[:10])
        return day, day
    except ValueError:
        return None


def date_matches(pred: dict, gold: dict) -> tuple[bool, bool]:
    """(matches, exactly): the predicted date against the gold date, alt dates and range."""
    date = pred.get("date")
    gold_date = gold.get("date")
    if not date or not gold_date:
        return False, False
    if date == gold_date:
        return True, True
    if date in (gold.get("alt_dates") or []):
        return True, False
    if len(date) != 10:
        return False, False
    span = _day_range(gold_date)
    end = _day_range(gold.get("end_date") or "") if gold.get("end_date") else None
    if span is None:
        return False, False
    last = end[1] if end else span[1]
    return span[0].isoformat() <= date <= last.isoformat(), False


def _shares(pred_names: list[str], gold_names: list[str]) -> bool:
    if not gold_names:
        return True
    return bool({n.lower() for n in pred_names} & {n.lower() for n in gold_names})


def event_matches(pred: dict, gold: dict) -> tuple[bool, bool]:
    ok, exact = date_matches(pred, gold)
    if not ok:
        return False, False
    us = _shares(pred["us_participants"], gold.get("us_participants") or [])
    cn = _shares(pred["china_participants"], gold.get("china_participants") or [])
    return us and cn, exact


def is_target(gold: dict) -> bool:
    return not gold.get("optional") and gold.get("date_basis") in TARGET_BASES


def matching(preds: list[dict], golds: list[dict]) -> dict[int, int]:
    """Which gold event (index) each matched prediction (index) is matched to."""
    return _assign([[event_matches(p, g) for g in golds] for p in preds], golds)


def score(preds: list[dict], golds: list[dict]) -> tuple[Tally, int]:
    """Match predictions to gold events of one status; return the tally and false predictions."""
    pairs = [[event_matches(p, g) for g in golds] for p in preds]
    owner = _assign(pairs, golds)
    tally = Tally(targets=sum(1 for g in golds if is_target(g)))
    false = 0
    for index in range(len(preds)):
        gold_index = owner.get(index)
        if gold_index is None:
            tally.predicted += 1
            false += 1
        elif is_target(golds[gold_index]):
            tally.predicted += 1
            tally.matched += 1
            tally.found += 1
            tally.exact_dates += int(pairs[index][gold_index][1])
    return tally, false


def _assign(pairs: list[list[tuple[bool, bool]]], golds: list[dict]) -> dict[int, int]:
    """A maximum matching of predictions to gold events, targets first (augmenting paths)."""
    gold_owner: dict[int, int] = {}
    order = sorted(range(len(golds)), key=lambda g: not is_target(golds[g]))

    def attempt(pred: int, seen: set[int]) -> bool:
        for gold in order:
            if pairs[pred][gold][0] and gold not in seen:
                seen.add(gold)
                if gold not in gold_owner or attempt(gold_owner[gold], seen):
                    gold_owner[gold] = pred
                    return True
        return False

    for pred in range(len(pairs)):
        attempt(pred, set())
    return {pred: gold for gold, pred in gold_owner.items()}
