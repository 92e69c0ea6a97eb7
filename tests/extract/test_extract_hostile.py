"""Hostile input for extraction (issue 7): never a crash, never a hang, always the contract.

Property-based tests feed arbitrary Unicode, mixed scripts and fragments of real date and
contact phrases; every event that comes out is checked against the event contract.
Regular expressions are checked for super-linear time: the time of a pattern on a worst
case input, divided by the time of a linear scan of the same input, must not grow when
the input grows four times.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extract import office_data as roledata
from timeline.extract import offices as roles
from timeline.extract import sentences, tense, triggers
from timeline.extract.dates import pick as datepick
from timeline.extract.dates import spans as datespans
from timeline.extract.dates.finder import Anchor
from timeline.extract.extractor import Extractor
from timeline.extract.names import WORD, form_pattern
from timeline.extract.places import PlaceMatcher
from timeline.model import DATE_BASES, KINDS, PRECISIONS, STATUSES, Article, Event
from timeline.naming import ID_RE
from timeline.people import load_people

ROOT = Path(__file__).resolve().parents[2]
PEOPLE, _ = load_people(ROOT / "content/people.yml")
EXTRACTOR = Extractor(PEOPLE, PlaceMatcher())
IDS = {p.id for p in PEOPLE}
LANGUAGES = ["uk", "ru", "en", "zh", "de", "fr", "pl", "el", "xx"]
FRAGMENTS = [
    "Блінкен", "Цінь Ганом", "у неділю", "зустрівся з", "18-19 червня", "Си Цзиньпином",
    "в субботу, 6 июля", "провели переговоры", "Biden", "met Xi Jinping", "on Friday",
    "June 7-8, 2013", "will visit", "May", "sat", "sun", "2022 року", "5 hours", "25%",
    "习近平", "拜登", "通电话", "7月28日", "星期四(", "9日抵达华盛顿", "将", ". ", "\n", ", ",
    "U.S.", "Dr.", "15. November", "(", ")", "(大马时间周五", "🙂", "\u202e", "\x00", "\ufeff",
    "накануне", "The day before", "次日", "two-day summit", "завершили дводенні", "the two leaders",
    "had been expected to", "7月21日周三", "Держсекретар", "last year", "the signing ceremony",
]  # fmt: skip


def check_contract(event: Event, article: Article) -> None:
    """Everything docs/formats.md promises about an event file, for a freshly extracted event."""
    assert ID_RE.match(event.id), event.id
    assert event.title and event.summary
    assert event.kind in KINDS and event.status in STATUSES and event.precision in PRECISIONS
    form = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
    assert re.fullmatch(form[event.precision], event.date), (event.date, event.precision)
    if event.end_date:
        assert event.precision == "day" and event.end_date > event.date
    assert set(event.us) <= IDS and set(event.china) <= IDS
    assert event.review == "draft"
    [source] = event.sources
    assert source.quote and source.quote in article.body
    assert source.date_basis in DATE_BASES
    assert source.date_text is None or source.date_text in source.quote
    assert source.confidence is not None and 0 <= source.confidence <= 1


def run(text: str, language: str, published: dt.date | None) -> list[Event]:
    article = Article("a.md", "t", "o", published, language, text)  # type: ignore[arg-type]
    anchor = Anchor(published, "day" if published else "none", "metadata")
    events = EXTRACTOR.extract_events(article, anchor=anchor)
    for event in events:
        check_contract(event, article)
    return events


dates = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=3000), st.sampled_from(LANGUAGES), dates)
def test_arbitrary_unicode_never_crashes(text, language, published):
    run(text, language, published)


@FAST
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=80), st.sampled_from(LANGUAGES), dates)
def test_mixed_scripts_and_phrase_fragments_keep_the_contract(parts, language, published):
    run(" ".join(parts), language, published)


@FAST
@given(
    st.lists(st.integers(min_value=0, max_value=99999), min_size=100, max_size=2000),
    st.sampled_from(["uk", "ru", "en", "zh"]),
)
def test_thousands_of_numbers(numbers, language):
    text = "Blinken met Wang Yi. Блінкен зустрівся з Ван І. " + " ".join(map(str, numbers))
    run(text, language, dt.date(2022, 7, 9))


def test_thousands_of_dates_in_one_article():
    line = "Блінкен зустрівся з Цінь Ганом 18 червня, у неділю, 18-19 червня 2023 року. "
    events = run(line * 3000, "uk", dt.date(2023, 6, 20))
    assert len(events) <= 3  # one contact, however often it is repeated


def test_megabyte_article_and_a_long_line_finish():
    big = ("Biden met Xi Jinping on Friday in Bali " * 30 + "\n") * 900
    assert len(big) > 1_000_000
    run(big, "en", dt.date(2022, 11, 14))
    run("x" * 100_000 + " Biden met Xi on June 7", "en", dt.date(2022, 6, 8))


# ---- super-linear time --------------------------------------------------------------


def _best(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _ratio(pattern: re.Pattern[str], text: str) -> float:
    """Time of a full scan with the pattern over time of a linear pass over the text."""
    scan = _best(lambda: sum(1 for ch in text if ch == "\x01"))
    return _best(lambda: sum(1 for _ in pattern.finditer(text))) / max(scan, 1e-6)


WORST = [
    "1" * 4, "1-" * 2, "May " * 2, "June 1 " * 2, "у " * 2, "в субботу, " * 2, "18 червня " * 2,
    "周" * 2, "7月" * 2, "a" * 4, " " * 4, "U.S." * 2, ".. " * 2, "Ccc " * 2, "де " * 2,
    "with " * 2, "Xi " * 2, "Цзиньпин" * 1, "(时间" * 2, "—" * 4, "Dr. " * 2,
]  # fmt: skip


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = [(f"dates-{k}", p) for k, p in datespans.PATTERNS.items()]
    found += [(f"triggers-{k}", triggers.trigger_pattern(k)) for k in triggers.TRIGGERS]
    found += [("boundary", sentences.BOUNDARY), ("clause", tense.CLAUSE_BREAK)]
    forms = [("Ентоні Блінкен", False), ("Joe Biden", False), ("Xi Jinping", True), ("Сі", False)]
    found += [(f"name-{f}", re.compile(form_pattern(f, latin))) for f, latin in forms]
    found += [("word", WORD)]
    found += [
        (f"datepick-{n}", getattr(datepick, n))
        for n in ("VAGUE", "BACK_REFERENCE", "SPAN_DAYS", "ENDS", "BEGINS", "OTHER_ZONE")
    ]
    found += [("saying", roles.SAYING), ("former", roles.FORMER)]
    found += [(f"both-{k}", re.compile(v)) for k, v in roledata.BOTH_PHRASES.items()]
    found += [(f"anaphora-{k}", re.compile(v)) for k, v in roledata.ANAPHORA.items()]
    found += [
        (f"roles-{k}-{i}", p) for k in ("en", "uk") for i, (_, _, p) in enumerate(roles._roles(k))
    ]
    for name in ("fut", "hyp", "neg"):
        table = {"fut": tense.FUTURE_MARKERS, "hyp": tense.HYPOTHETICAL, "neg": tense.NEGATION}[
            name
        ]
        found += [(f"{name}-{k}", re.compile(v, re.IGNORECASE)) for k, v in table.items()]
    return found


@pytest.mark.parametrize(
    ("name", "pattern"), _patterns(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_no_regex_takes_super_linear_time(name, pattern):
    for unit in WORST:
        growth = _growth(pattern, unit, 6000)
        for size in (24000, 48000):  # timing noise on a busy machine: confirm on larger inputs
            if growth < 3.0:
                break
            growth = min(growth, _growth(pattern, unit, size))
        # linear: the ratio stays about the same; quadratic would multiply it by 4
        assert growth < 3.0, (name, unit, growth)


def _growth(pattern: re.Pattern[str], unit: str, size: int) -> float:
    small = unit * (size // len(unit))
    return _ratio(pattern, small * 4) / max(_ratio(pattern, small), 1e-9)
