"""What `timeline add` reads from a page: main text, title, outlet, author, date, language.

The libraries made for it do the reading: trafilatura finds the main text and the metadata
(title, site name, author), htmldate the publication date (from the page's markup and its URL
only: `extensive_search` is off, so a date merely mentioned in the text is never taken for the
publication date), and py3langid the language when the page does not declare it. All three
are imported on first use (the rest of `timeline` never pays for them).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from timeline.articles import KNOWN_LANGUAGES

# py3langid is a probability over languages; below this it is a guess, and the editor is asked.
MIN_LANGUAGE_CONFIDENCE = 0.9
LANG_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")


@dataclass
class Page:
    """A page as read; a field is None when the page does not say."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None


def _quiet() -> None:
    """trafilatura and htmldate log what they discard at warning level: not the editor's news."""
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)


def declared_language(tree: Any) -> str | None:
    """`<html lang>` or `<meta http-equiv=content-language>`, as an ISO 639-1 code."""
    values = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    values += tree.xpath("//meta[@http-equiv='content-language' or @name='language']/@content")
    for value in values:
        match = LANG_RE.match(str(value or "").strip())
        if match and match.group(1).lower() in KNOWN_LANGUAGES:
            return match.group(1).lower()
    return None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(sorted(set(identifier.nb_classes) & KNOWN_LANGUAGES))
    return identifier


def detect_language(text: str) -> str | None:
    """The language of `text` among the ones the project reads, or None when unsure."""
    if not text.strip():
        return None
    language, probability = _identifier().classify(text[:20_000])
    return str(language) if probability >= MIN_LANGUAGE_CONFIDENCE else None


def _outlet_from_url(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _drop_title_line(text: str, title: str | None) -> str:
    """trafilatura starts the text with the headline when the page repeats it: once is enough."""
    first, _, rest = text.partition("\n")
    return rest.lstrip("\n") if title and first.strip() == title.strip() else text


def _paragraphs(text: str) -> str:
    """One paragraph a line becomes one a block (Markdown), the words unchanged."""
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def read_html(html: str, url: str | None = None) -> Page:
    """Read a page's main text and metadata; `url` is where it came from, when known."""
    _quiet()
    import htmldate
    import trafilatura
    from lxml import html as lxml_html

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    tree = lxml_html.fromstring(html) if html.strip() else None
    title = (getattr(document, "title", None) or "").strip() or None
    text = _paragraphs(_drop_title_line(getattr(document, "text", None) or "", title))
    published = None
    if tree is not None:
        published = htmldate.find_date(
            tree, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
        )
    language = declared_language(tree) if tree is not None else None
    return Page(
        text=text,
        title=title,
        outlet=(getattr(document, "sitename", None) or "").strip() or _outlet_from_url(url),
        author=(getattr(document, "author", None) or "").strip() or None,
        published=published or None,
        language=language or detect_language(text),
        url=url,
    )


def read_plain(text: str, url: str | None = None) -> Page:
    """A text file: its first non-empty line is the title, the rest the article's text."""
    body = text.lstrip("\ufeff").strip()
    title, _, rest = body.partition("\n")
    text = _paragraphs(rest)
    return Page(
        text=text,
        title=title.strip() or None,
        outlet=_outlet_from_url(url),
        language=detect_language(text or title),
        url=url,
    )


def looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head
