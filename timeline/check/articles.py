"""Validation of articles: file names and the YAML front matter of each Markdown file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from timeline.articles import KNOWN_LANGUAGES, MAX_ARTICLE_BYTES, split_front_matter
from timeline.check.validate import schema_problems, show
from timeline.contentfs import display, read_text, walk
from timeline.model import Problem
from timeline.yamlio import YamlError, parse_positioned

MAX_FRONT_NODES = 2_000


def check_article(path: Path, content: Path) -> list[Problem]:
    """Every problem with one article file."""
    rel = display(path, content)
    text, problems = read_text(path, rel, MAX_ARTICLE_BYTES)
    if text is None:
        return problems
    return check_article_text(rel, text)


def check_article_text(rel: str, text: str) -> list[Problem]:
    """Every problem with one article's text (read and decoded already; `rel` as cited)."""
    parts = split_front_matter(text)
    if parts is None:
        return [Problem(rel, "expected YAML front matter between '---' lines, found none")]
    try:  # the leading newline keeps line numbers those of the file
        front, positions = parse_positioned("\n" + parts[0], MAX_FRONT_NODES)
    except YamlError as err:
        return [Problem(rel, err.message, line=err.line, column=err.column)]
    if not isinstance(front, dict):
        found = "nothing" if front is None else type(front).__name__
        return [Problem(rel, f"expected front matter as a mapping, found {found}", line=2)]
    problems = schema_problems("article", rel, front, positions)
    problems += _conflict_markers(text, rel)
    published, language = front.get("published"), front.get("language")
    where = positions.of_value(("published",)) or (None, None)
    if isinstance(published, str) and not problems_about(problems, "published"):
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            message = f"expected a real calendar date, found {show(published)}"
            problems.append(Problem(rel, message, "published", *where))
    known_form = isinstance(language, str) and not problems_about(problems, "language")
    if known_form and language.lower() not in KNOWN_LANGUAGES:
        where = positions.of_value(("language",)) or (None, None)
        known = ", ".join(sorted(KNOWN_LANGUAGES))
        problems.append(
            Problem(
                rel,
                f"expected a language the extractor reads ({known}), found {language!r}",
                "language",
                *where,
            )
        )
    return problems


CONFLICT_START = re.compile(r"^<{7}(?: |$)", re.M)
CONFLICT_END = re.compile(r"^>{7}(?: |$)", re.M)


def _conflict_markers(text: str, rel: str) -> list[Problem]:
    """A git merge conflict left in the article (both sides' text would be read, mixed)."""
    start = CONFLICT_START.search(text)
    if start is None or CONFLICT_END.search(text, start.end()) is None:
        return []
    line = text.count("\n", 0, start.start()) + 1
    message = "expected the article without merge-conflict markers, found '<<<<<<<'"
    return [Problem(rel, f"{message}: resolve the conflict", line=line, column=1)]


def problems_about(problems: list[Problem], field: str) -> bool:
    return any(p.field == field for p in problems)


def check_articles(content: Path) -> tuple[set[str], list[Problem]]:
    """The article files there are (as cited: `content/articles/...`) and their problems."""
    paths, problems = walk(content / "articles", content, ".md")
    for path in paths:
        problems.extend(check_article(path, content))
    return {display(p, content) for p in paths}, problems
