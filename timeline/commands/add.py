"""`timeline add SOURCE…`: an article file from a web page, a saved page, a text file or stdin.

Each source becomes `content/articles/<lang>/<year>/<date>-<outlet>-<slug>.md` with front
matter (title, outlet, published, language, url, author) and the page's main text. What the
page does not say is asked for on a terminal, or taken from `--published`, `--language`,
`--outlet`, `--title` (which also win over what the page says). A duplicate (the same URL, or
the same text under another name) is refused with the path of the article already there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.articles import KNOWN_LANGUAGES, MAX_ARTICLE_BYTES, read_article, split_front_matter
from timeline.commands.fetch import FetchError, check_url, fetch
from timeline.commands.webpage import Page, looks_like_html, read_html, read_plain
from timeline.contentfs import display, walk
from timeline.naming import slugify
from timeline.yamlio import as_day, dump_yaml, write_atomic

Ask = Callable[[str], str]
LATIN_FORMS = (
    "a b v h g d e ye zh z y i yi i k l m n o p r s t u f kh ts ch sh shch _ yu ya yo y e _"
)
LATIN = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ",
        LATIN_FORMS.split(),
        strict=True,
    )
)
LATIN["г"] = "g"  # Russian г; Ukrainian text is told apart below
UK_LATIN = {**LATIN, "г": "h", "и": "y"}


class AddError(Exception):
    """A source that cannot become an article; the message is one line."""


@dataclass
class Catalogue:
    """The articles already there: by URL and by the hash of their text."""

    urls: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def add(self, rel: str, url: str | None, text: str) -> None:
        if url:
            self.urls.setdefault(url, rel)
        self.texts.setdefault(text_hash(text), rel)

    def duplicate(self, page: Page) -> str | None:
        if page.url and page.url in self.urls:
            return f"the same URL as {self.urls[page.url]}"
        existing = self.texts.get(text_hash(page.text))
        return f"the same text as {existing}" if existing else None


def text_hash(text: str) -> str:
    words = " ".join(text.split()).casefold()
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def read_catalogue(content: Path) -> Catalogue:
    catalogue = Catalogue()
    paths, _ = walk(content / "articles", content, ".md")
    for path in paths:
        article, _ = read_article(path, base=content.parent)
        if article is not None:
            catalogue.add(display(path, content), article.url, article.body)
        else:  # unreadable front matter: its text still counts
            try:
                parts = split_front_matter(path.read_text("utf-8", errors="replace"))
            except OSError:
                continue
            if parts:
                catalogue.add(display(path, content), None, parts[1])
    return catalogue


def latin_slug(text: str, language: str | None, words: int = 6) -> str:
    """An ASCII slug of the first words (Cyrillic transliterated; other scripts dropped)."""
    table = UK_LATIN if language == "uk" else LATIN
    latin = "".join(table.get(ch, ch) for ch in text.lower()).replace("_", "")
    return "-".join(slugify(latin).split("-")[:words])[:60].strip("-")


def load_source(source: str, stdin_text: Callable[[], str]) -> Page:
    """Read one SOURCE: a URL, a saved page or text file, or `-` (stdin)."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source):
        try:
            fetched = fetch(source)
        except FetchError as err:
            raise AddError(str(err)) from None
        reader = read_html if fetched.html else read_plain
        return _read(reader, fetched.text, source, fetched.url)
    if source == "-":
        text = stdin_text()
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_ARTICLE_BYTES:
                raise AddError(f"{source}: expected at most {MAX_ARTICLE_BYTES} bytes, found more")
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError as err:
            raise AddError(f"{source}: cannot read: {err.strerror}") from None
        if path.suffix.lower() in (".html", ".htm", ".xhtml"):
            return _read(read_html, text, source)
    return _read(read_html if looks_like_html(text) else read_plain, text, source)


def _read(reader: Callable[..., Page], text: str, source: str, url: str | None = None) -> Page:
    """Read a page; a page the libraries cannot parse is one line, not a traceback."""
    try:
        return reader(text, url)
    except Exception as err:  # lxml and trafilatura raise many kinds on broken input
        message = f"{source}: expected a page that can be read, found {type(err).__name__}: {err}"
        raise AddError(message) from None


def _valid_day(value: str) -> bool:
    try:
        return len(value) == 10 and dt.date.fromisoformat(value) <= dt.date.today()
    except ValueError:
        return False


QUESTIONS = {
    "title": ("the title", lambda v: bool(v.strip()), "--title TEXT"),
    "outlet": ("the outlet (site name)", lambda v: bool(v.strip()), "--outlet NAME"),
    "published": ("the publication date (YYYY-MM-DD)", _valid_day, "--published YYYY-MM-DD"),
    "language": (
        "the language (ISO 639-1: uk, ru, en, zh, …)",
        lambda v: v.lower() in KNOWN_LANGUAGES,
        "--language CODE",
    ),
}


def complete(page: Page, args: argparse.Namespace, ask: Ask | None, where: str) -> Page:
    """Fill what the page lacks from the options, else by asking; else an `AddError`."""
    for name, (what, valid, option) in QUESTIONS.items():
        given = getattr(args, name, None)
        value = given if given else getattr(page, name)
        if value and not valid(str(value)):
            if given:
                raise AddError(f"{where}: {name}: expected {what}, found {value!r}")
            value = None  # what the page said is unusable: ask, as if it said nothing
        while not value and ask is not None:
            answer = ask(f"{where}: {what}? ").strip()
            value = answer if valid(answer) else None
        if not value:
            found = f"found none in the page; pass {option}"
            raise AddError(f"{where}: {name}: expected {what}, {found}")
        setattr(page, name, str(value).strip())
    page.language = str(page.language).lower()
    page.url = args.url or page.url
    return page


def article_text(page: Page) -> str:
    front = {"title": page.title, "outlet": page.outlet, "published": as_day(page.published)}
    front["language"] = page.language
    if page.url:
        front["url"] = page.url
    if page.author:
        front["author"] = page.author
    return f"---\n{dump_yaml(front)}---\n\n{page.text.strip()}\n"


def target_path(content: Path, page: Page) -> Path:
    """content/articles/<lang>/<year>/<date>-<outlet>-<slug>.md, `-2`… when the name is taken."""
    assert page.published and page.language and page.outlet and page.title
    outlet = latin_slug(page.outlet, page.language, words=4) or "outlet"
    slug = latin_slug(page.title, page.language) or text_hash(page.text)[:10]
    folder = content / "articles" / page.language / page.published[:4]
    stem = f"{page.published}-{outlet}-{slug}"
    path, number = folder / f"{stem}.md", 2
    while path.exists():
        path, number = folder / f"{stem}-{number}.md", number + 1
    return path


def add_one(
    content: Path, source: str, args: argparse.Namespace, catalogue: Catalogue, ask: Ask | None
) -> Path:
    """Add one source; returns the path written. Raises `AddError` with the one-line reason."""
    page = load_source(source, lambda: sys.stdin.read())
    if not page.text.strip():
        raise AddError(f"{source}: expected an article's text, found none in the page")
    page = complete(page, args, ask, source)
    duplicate = catalogue.duplicate(page)
    if duplicate:
        raise AddError(f"{source}: already added: {duplicate}")
    path = target_path(content, page)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, article_text(page))
    catalogue.add(display(path, content), page.url, page.text)
    return path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="URL, saved .html, .txt, or -")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (wins over the page's)")
    parser.add_argument("--language", help="ISO 639-1: uk, ru, en, zh, … (wins over the page's)")
    parser.add_argument("--outlet", help="the outlet's name (default: the page's site name)")
    parser.add_argument("--title", help="the title (default: the page's headline)")
    parser.add_argument("--url", help="the original URL of a saved page or text file")
    parser.add_argument(
        "--extract", action="store_true", help="run `timeline extract` on what was added"
    )
    parser.add_argument(
        "--no-input", action="store_true", help="never ask: fail on what the page does not say"
    )


def _ask_on_terminal(question: str) -> str:
    sys.stderr.write(question)
    sys.stderr.flush()
    return sys.stdin.readline()


def run_add(content: Path, args: argparse.Namespace, ask: Ask | None = None) -> int:
    """Add every SOURCE; one line per article written or refused; 1 when any was refused."""
    if args.url:
        try:
            check_url(args.url)
        except FetchError as err:
            print(f"--url: {err}", file=sys.stderr)
            return 1
    interactive = not args.no_input and sys.stdin.isatty() and "-" not in args.sources
    ask = ask or (_ask_on_terminal if interactive else None)
    catalogue = read_catalogue(content)
    added, failed = [], 0
    for source in args.sources:
        try:
            path = add_one(content, source, args, catalogue, ask)
        except AddError as err:
            print(err, file=sys.stderr)
            failed += 1
            continue
        added.append(path)
        print(f"added {display(path, content)}")
    if args.extract and added:
        from timeline.commands.extract_run import extract_and_flag, report

        summary, changes = extract_and_flag(content)
        report(summary, changes)
        failed += not summary.ok
    return 1 if failed else 0
