"""Articles and the registry changing under extracted events (issue 13, item 6): an edited
date is flagged, conflict markers are refused, a person removed from the registry does not
turn a contact into a one-sided event."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from storekit import TALKS, make_content, write_article
from test_decisions import EVENT, RegistryExtractor

from timeline.check.content import check_content
from timeline.commands.extract import run_extract


def extract(content: Path, **options):  # type: ignore[no-untyped-def]
    return run_extract(content, stream=io.StringIO(), factory=RegistryExtractor, **options)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path)


def _events(content: Path) -> list[str]:
    return sorted(p.relative_to(content).as_posix() for p in (content / "events").rglob("*.yml"))


def test_an_article_whose_date_changed_flags_the_source_it_gave(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    write_article(content, "a", TALKS, published="2023-06-20")  # an editor fixed the date
    summary = extract(content)
    flagged = [str(p) for p in summary.problems if "no longer what the article says" in p.message]
    assert len(flagged) == 1 and flagged[0].startswith(f"content/{EVENT}: source content/a")


def test_conflict_markers_in_an_article_are_refused_with_their_line(content: Path):
    write_article(content, "a", "<<<<<<< HEAD", TALKS, "=======", TALKS, ">>>>>>> theirs")
    summary = extract(content)
    line = (
        "content/articles/a.md:7:1: expected the article without merge-conflict markers, "
        "found '<<<<<<<': resolve the conflict"
    )
    assert [str(p) for p in summary.problems] == [line] and _events(content) == []
    assert [str(p) for p in check_content(content).problems] == [line]


def test_a_setext_heading_is_no_conflict(content: Path):
    write_article(content, "a", "Talks", "=======", TALKS)
    assert extract(content).ok and _events(content) == [EVENT]


def test_a_person_removed_from_the_registry_makes_no_one_sided_event(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    people = content / "people.yml"
    text = people.read_text(encoding="utf-8")
    start = text.index("- id: qin-gang")
    end = text.index("\n- id:", start + 1) + 1
    people.write_text(text[:start] + text[end:], encoding="utf-8")
    summary = extract(content)
    assert summary.new == 0 and _events(content) == [EVENT]
    errors = [str(p) for p in check_content(content).errors]
    assert errors and all("qin-gang" in e for e in errors)
