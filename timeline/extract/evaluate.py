"""`timeline eval`: run the extractor alone on annotated articles (JSON lines) and score it.

The scoring rule (issue 3):
- targets are gold events with status happened, optional false and date_basis explicit or
  relative; gold events that are optional or inferred are neutral: never missed, and a
  prediction that matches one is neither right nor false;
- a prediction matches a gold event when its date equals the gold date or one of its
  alt_dates, or falls within date..end_date (a YYYY-MM gold date matches any day of that
  month), and, on each side where the gold names participants, they share one (canonical
  English names, case-insensitive). Each gold event matches once;
- precision = matched predictions / predicted events; recall = matched targets / targets.
Planned events are scored the same way, separately. A negative article "has events" when
it gets a happened prediction that matches no gold event.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from timeline.extract.dates.finder import Anchor
from timeline.extract.dates.published import infer_anchor
from timeline.extract.errors import RecordErrors, format_errors, record_errors
from timeline.extract.extractor import Extractor
from timeline.extract.scoring import Tally, score
from timeline.model import Article, Event, Person, Problem


@dataclass
class Record:
    """One annotated article of the evaluation file."""

    id: str
    language: str
    label: str
    text: str
    published: object
    gold: list[dict]
    url: str | None = None


@dataclass
class Report:
    overall: Tally = field(default_factory=Tally)
    by_language: dict[str, Tally] = field(default_factory=dict)
    planned: Tally = field(default_factory=Tally)
    negatives: int = 0
    negatives_with_events: int = 0
    inferred_publication: list[tuple[str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "overall": self.overall.scores(),
            "by_language": {k: v.scores() for k, v in sorted(self.by_language.items())},
            "planned": self.planned.scores(),
            "negatives": {"articles": self.negatives, "with_events": self.negatives_with_events},
            "publication_inferred": [
                {"id": i, "published": d, "from": how} for i, d, how in self.inferred_publication
            ],
        }


def read_records(path: Path) -> tuple[list[Record], list[Problem]]:
    """Records of a JSON-lines file; a bad line is reported with its number and skipped."""
    records, problems = [], []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record, problem = _record(path.as_posix(), number, line)
            if problem:
                problems.append(problem)
            elif record:
                records.append(record)
    return records, problems


def _record(where: str, number: int, line: str) -> tuple[Record | None, Problem | None]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        return None, Problem(
            where, f"expected JSON, found {err.msg}", line=number, column=err.colno
        )
    if not isinstance(data, dict):
        return None, Problem(where, f"expected an object, found {type(data).__name__}", line=number)
    for key, kind in (("id", str), ("language", str), ("text", str)):
        if not isinstance(data.get(key), kind):
            found = type(data.get(key)).__name__
            return None, Problem(where, f"expected a string, found {found}", key, line=number)
    events = data.get("events") or []
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        return None, Problem(where, "expected a list of objects", "events", line=number)
    record = Record(
        id=data["id"],
        language=data["language"].lower(),
        label=str(data.get("label") or ("positive" if events else "negative")),
        text=data["text"],
        published=data.get("published"),
        gold=events,
        url=data.get("url") if isinstance(data.get("url"), str) else None,
    )
    return record, None


def record_article(record: Record, anchor: Anchor) -> Article:
    """The record as an article for the extractor (no file, no store)."""
    title = record.text.strip().split("\n", 1)[0][:200] if record.text.strip() else record.id
    outlet = urlparse(record.url).netloc if record.url else "unknown"
    return Article(
        path=f"eval:{record.id}",
        title=title,
        outlet=outlet or "unknown",
        published=anchor.date,  # type: ignore[arg-type]
        language=record.language,
        body=record.text,
        url=record.url,
        published_inferred=anchor.source not in ("metadata",),
    )


def prediction(event: Event, names: dict[str, str], rule: str | None = None) -> dict:
    """One predicted event in the `--predictions` format, with canonical English names."""
    source = event.sources[0] if event.sources else None
    return {
        "date": event.date,
        "end_date": event.end_date,
        "kind": event.kind,
        "us_participants": [names.get(p, p) for p in event.us],
        "china_participants": [names.get(p, p) for p in event.china],
        "location": event.location,
        "status": event.status,
        "evidence": source.quote if source else None,
        "date_text": source.date_text if source else None,
        "date_basis": source.date_basis if source else None,
        "date_rule": rule,
        "confidence": source.confidence if source else None,
    }


def evaluate(
    records: Iterable[Record], people: list[Person], extractor: Extractor
) -> tuple[Report, list[dict]]:
    """Score the extractor on the records; also return the predictions, one line per record."""
    report, lines, _ = evaluate_with_errors(records, people, extractor)
    return report, lines


def evaluate_with_errors(
    records: Iterable[Record], people: list[Person], extractor: Extractor
) -> tuple[Report, list[dict], list[RecordErrors]]:
    """Score the extractor on the records; also return the predictions, one line per record."""
    names = {p.id: p.name for p in people}
    report, lines, errors = Report(), [], []
    for record in records:
        anchor = infer_anchor(record.published, record.text, record.language)
        anchor = extractor.complete_anchor(record.text, record.language, anchor)
        if anchor.source != "metadata" or anchor.precision != "day":
            shown = (
                anchor.date.isoformat()[: 10 if anchor.precision == "day" else 7]
                if anchor.date
                else "unknown"
            )
            report.inferred_publication.append((record.id, shown, anchor.source))
        events = extractor.explained_events(record_article(record, anchor), anchor=anchor)
        preds = [prediction(e, names, rule) for e, rule in events]
        lines.append({"id": record.id, "published": _anchor_text(anchor), "events": preds})
        _score_record(report, record, preds)
        errors.append(record_errors(record.id, record.language, preds, record.gold))
    return report, lines, errors


def _anchor_text(anchor: Anchor) -> dict:
    day = anchor.date.isoformat() if anchor.date else None
    if day and anchor.precision == "month":
        day = day[:7]
    return {"date": day, "from": anchor.source}


def _score_record(report: Report, record: Record, preds: list[dict]) -> None:
    for status, tally_of in (("happened", None), ("planned", report.planned)):
        mine = [p for p in preds if p["status"] == status]
        gold = [g for g in record.gold if g.get("status") == status]
        tally, false = score(mine, gold)
        if tally_of is not None:
            tally_of.add(tally)
            continue
        report.overall.add(tally)
        report.by_language.setdefault(record.language, Tally()).add(tally)
        if record.label != "positive":
            report.negatives += 1
            report.negatives_with_events += int(false > 0)


def format_report(report: Report) -> str:
    """The human-readable table printed by `timeline eval`."""
    data = report.as_dict()
    rows = [("overall", data["overall"])]
    rows += [(f"  {k}", v) for k, v in data["by_language"].items()]
    rows.append(("planned", data["planned"]))
    out = [f"{'':10} {'P':>6} {'R':>6} {'F1':>6} {'targets':>8} {'pred':>5} {'date acc':>9}"]
    for name, s in rows:
        p = f"{s['precision']:6.3f}" if s["predicted"] else f"{'-':>6}"
        r, f1 = (f"{s['recall']:6.3f}", f"{s['f1']:6.3f}") if s["targets"] else (f"{'-':>6}",) * 2
        acc = f"{s['date_accuracy']:9.3f}" if s["matched"] else f"{'-':>9}"
        out.append(f"{name:10} {p} {r} {f1} {s['targets']:8d} {s['predicted']:5d} {acc}")
    neg = data["negatives"]
    out.append(
        f"negative articles: {neg['articles']}, with a false happened event: {neg['with_events']}"
    )
    for item in data["publication_inferred"]:
        out.append(f"publication date of {item['id']}: {item['published']} (from {item['from']})")
    return "\n".join(out)


def run_eval(args: argparse.Namespace) -> int:
    """The `timeline eval` command: read, extract, score, print; non-zero on bad input."""
    import sys

    from timeline.extract.places import PlaceMatcher
    from timeline.people import load_people

    path = Path(args.file)
    try:
        records, problems = read_records(path)
    except (OSError, UnicodeDecodeError) as err:
        print(f"error: {path}: cannot read: {err}", file=sys.stderr)
        return 2
    people, people_problems = load_people(Path(args.content) / "people.yml")
    problems += people_problems
    extractor = Extractor(people, PlaceMatcher())
    report, lines, errors = evaluate_with_errors(records, people, extractor)
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as out:
            for line in lines:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if getattr(args, "errors", False):
        print(format_errors(errors))
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        print(format_report(report))
    return 1 if problems else 0
