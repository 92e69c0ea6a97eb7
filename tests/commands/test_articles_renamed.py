"""An article moved (`git mv`) or copied under a second name is still one source (issue 13)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from storekit import TALKS, LineExtractor, make_content, write_article

from timeline.check.content import check_content
from timeline.commands.extract import run_extract
from timeline.store.files import load_events


def extract(content: Path):  # type: ignore[no-untyped-def]
    return run_extract(content, stream=io.StringIO(), factory=LineExtractor)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path)


def cited(content: Path) -> list[str]:
    [event], _ = load_events(content / "events")
    return [s.article or "" for s in event.sources]


def test_a_moved_article_moves_its_source(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    (content / "articles/en").mkdir()
    (content / "articles/a.md").rename(content / "articles/en/a.md")
    summary = extract(content)
    assert summary.ok and summary.new == 0
    assert cited(content) == ["content/articles/en/a.md"]
    assert check_content(content).errors == []


def test_the_same_article_under_two_names_is_cited_once(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    write_article(content, "copy-of-a", TALKS)
    summary = extract(content)
    assert cited(content) == ["content/articles/a.md"]
    assert [str(p) for p in summary.problems] == [
        "content/articles/copy-of-a.md: the same report as content/articles/a.md (outlet, "
        "date and sentence): cited once"
    ]
    assert check_content(content).errors == []


def test_the_same_sentence_from_another_outlet_is_another_source(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    write_article(content, "b", TALKS, outlet="Other")
    extract(content)
    assert cited(content) == ["content/articles/a.md", "content/articles/b.md"]
