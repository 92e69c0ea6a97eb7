"""Read news articles: Markdown files with YAML front matter under `content/articles/`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from timeline.model import Article, Problem
from timeline.yamlio import YamlError, parse_yaml

REQUIRED = ("title", "outlet", "published", "language")
# Languages the extractor knows how to read; others are reported, not guessed at.
# The languages the extractor reads (it has contact words for them, timeline/extract/
# triggers.py; tests/test_articles.py keeps the two lists equal). An article in another
# language is refused with one line rather than read for nothing and recorded as done.
KNOWN_LANGUAGES = frozenset(
    ["uk", "ru", "en", "zh", "de", "fr", "es", "it", "pl", "pt", "el", "hy"]
)
MAX_ARTICLE_BYTES = 5_000_000


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split `---` front matter from the body; return (yaml, body, body's first line)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return front, body.lstrip("\n"), index + 2
    return None


def parse_article(path: str, text: str) -> tuple[Article | None, list[Problem]]:
    """Turn one article file's text into an `Article`, or say everything wrong with it."""
    parts = split_front_matter(text)
    if parts is None:
        return None, [Problem(path, "expected YAML front matter between '---' lines, found none")]
    front_text, body, _ = parts
    try:
        front = parse_yaml(front_text)
    except YamlError as err:
        line = err.line + 1 if err.line else None
        return None, [Problem(path, f"front matter: {err.message}", line=line, column=err.column)]
    if not isinstance(front, dict):
        found = type(front).__name__
        return None, [Problem(path, f"front matter: expected a mapping, found {found}")]
    problems = _check_front(path, front)
    if problems:
        return None, problems
    url = front.get("url")
    article = Article(
        path=path,
        title=str(front["title"]),
        outlet=str(front["outlet"]),
        published=_as_date(front["published"]),  # type: ignore[arg-type]
        language=str(front["language"]).lower(),
        body=body,
        url=str(url) if url else None,
    )
    return article, []


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _check_front(path: str, front: dict) -> list[Problem]:
    problems = []
    for key in REQUIRED:
        if front.get(key) in (None, ""):
            problems.append(Problem(path, "required field missing", field=key))
    published = front.get("published")
    if published not in (None, "") and _as_date(published) is None:
        problems.append(
            Problem(path, f"expected a date YYYY-MM-DD, found {published!r}", field="published")
        )
    language = front.get("language")
    if language not in (None, "") and str(language).lower() not in KNOWN_LANGUAGES:
        known = ", ".join(sorted(KNOWN_LANGUAGES))
        problems.append(
            Problem(
                path,
                f"expected a language the extractor reads ({known}), found {language!r}",
                field="language",
            )
        )
    url = front.get("url")
    if url and not str(url).startswith(("http://", "https://")):
        problems.append(Problem(path, f"expected an http(s) link, found {url!r}", field="url"))
    return problems


def article_files(root: Path) -> list[Path]:
    """Every article file below `root`, in a stable order."""
    return sorted(p for p in root.rglob("*.md") if p.is_file())


def relative_name(path: Path, base: Path | None) -> str:
    """The path as reported and cited: relative to the project when possible."""
    if base is not None:
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def read_article(path: Path, base: Path | None = None) -> tuple[Article | None, list[Problem]]:
    """Read and parse one article file; a file that cannot be read is a problem, not a crash."""
    rel = relative_name(path, base)
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            return None, [Problem(rel, f"file larger than {MAX_ARTICLE_BYTES} bytes")]
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(rel, f"expected UTF-8 text, found byte {err.object[err.start]:#x}")]
    except OSError as err:
        return None, [Problem(rel, f"cannot read: {err.strerror}")]
    if "\x00" in text:
        return None, [Problem(rel, "expected text, found a binary file")]
    return parse_article(rel, text)


def read_articles(root: Path, base: Path | None = None) -> tuple[list[Article], list[Problem]]:
    """Read every article below `root`; bad files are reported and the rest still read."""
    articles, problems = [], []
    for path in article_files(root):
        article, found = read_article(path, base)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    return articles, problems
