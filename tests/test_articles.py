"""Reading articles: front matter, and a clear line for every bad file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from timeline.articles import parse_article, read_articles

GOOD = "---\ntitle: T\noutlet: O\npublished: 2023-06-18\nlanguage: uk\n---\n\nТекст статті.\n"


def test_front_matter_is_read():
    article, problems = parse_article("a.md", GOOD)
    assert problems == []
    assert article.published == dt.date(2023, 6, 18)
    assert (article.language, article.outlet, article.body) == ("uk", "O", "Текст статті.\n")


def test_missing_front_matter_is_one_clear_line():
    _, problems = parse_article("a.md", "Just text.\n")
    assert [str(p) for p in problems] == [
        "a.md: expected YAML front matter between '---' lines, found none"
    ]


def test_missing_published_names_the_field():
    _, problems = parse_article("a.md", GOOD.replace("published: 2023-06-18\n", ""))
    assert [str(p) for p in problems] == ["a.md: published: required field missing"]


def test_unknown_language_names_what_was_found():
    _, problems = parse_article("a.md", GOOD.replace("language: uk", "language: xx"))
    assert len(problems) == 1
    assert str(problems[0]).startswith("a.md: language: expected a language the extractor reads (")
    assert str(problems[0]).endswith("found 'xx'")


def test_bad_files_do_not_stop_the_others(tmp_path: Path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.md").write_text("no front matter", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\xff\xfe\x00\x01")
    articles, problems = read_articles(tmp_path, base=tmp_path)
    assert [a.path for a in articles] == ["good.md"]
    assert sorted(p.path for p in problems) == ["bad.md", "binary.md"]


def test_the_languages_articles_may_have_are_the_languages_the_extractor_reads():
    from timeline.articles import KNOWN_LANGUAGES
    from timeline.extract.triggers import TRIGGERS

    assert set(TRIGGERS) == KNOWN_LANGUAGES


def test_an_article_in_a_language_nobody_reads_is_refused_with_one_line(tmp_path):
    from timeline.articles import read_article

    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: t\noutlet: o\npublished: 2024-05-31\nlanguage: ja\n---\nbody\n",
        encoding="utf-8",
    )
    article, problems = read_article(path, tmp_path)
    assert article is None
    assert [str(p) for p in problems] == [
        "a.md: language: expected a language the extractor reads (de, el, en, es, fr, hy, it, "
        "pl, pt, ru, uk, zh), found 'ja'"
    ]
