"""Golden cases (tests/extract/golden/*.yml, one file per language and trap, our own sentences).

`dates:` cases check the date finder on one sentence; `articles:` cases check the whole
extractor on a short text: exactly these events, nothing else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.extract.dates.finder import find_dates
from timeline.extract.extractor import Extractor
from timeline.extract.places import PlaceMatcher
from timeline.extract.tense import Tense
from timeline.model import Article
from timeline.people import load_people
from timeline.yamlio import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"


def _cases(section: str) -> list:
    out = []
    for path in sorted(GOLDEN.glob("*.yml")):
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
        language = path.name.split("-")[0]
        for number, case in enumerate(data.get(section) or [], start=1):
            case.setdefault("language", language)
            out.append(pytest.param(case, id=f"{path.stem}-{number}"))
    return out


def _day(value: object) -> dt.date | None:
    if value is None:  # a page without a publication date
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@pytest.mark.parametrize("case", _cases("dates"))
def test_golden_date(case: dict):
    tense = Tense.FUTURE if case["tense"] == "future" else Tense.PAST
    hits = find_dates(case["sentence"], case["language"], _day(case["published"]), tense)
    got = []
    for hit, want in zip(hits, case["expect"], strict=False):
        row = {"date": hit.iso}
        for key in want:
            if key == "end_date":
                row[key] = hit.end_date.isoformat() if hit.end_date else None
            elif key == "text":
                row[key] = hit.text
            elif key in ("precision", "basis", "weekday_agrees"):
                row[key] = getattr(hit, key)
        got.append(row)
    want = [
        {k: str(v) if k in ("date", "end_date") else v for k, v in w.items()}
        for w in case["expect"]
    ]
    assert len(hits) == len(case["expect"]), [h.text for h in hits]
    assert got == want


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    people, problems = load_people(ROOT / "content/people.yml")
    assert problems == []
    return Extractor(people, PlaceMatcher())


@pytest.mark.parametrize("case", _cases("articles"))
def test_golden_article(case: dict, extractor: Extractor):
    article = Article(
        path="golden.md",
        title=case["name"],
        outlet="golden",
        published=_day(case["published"]),
        language=case["language"],
        body=case["text"],
    )
    events = extractor.extract_events(article)
    got = sorted((e.date, e.status, sorted(e.us), sorted(e.china)) for e in events)
    want = sorted(
        (str(w["date"]), w["status"], sorted(w["us"]), sorted(w["china"])) for w in case["events"]
    )
    assert got == want
    for event, wish in zip(
        sorted(events, key=lambda e: (e.date, e.status)),
        sorted(case["events"], key=lambda w: (str(w["date"]), w["status"])),
        strict=True,
    ):
        if "kind" in wish:
            assert event.kind == wish["kind"]
        if "date_text" in wish:
            assert event.sources[0].date_text == wish["date_text"]
        if "end_date" in wish:
            assert event.end_date == str(wish["end_date"])
