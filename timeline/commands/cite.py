"""`timeline cite ID`: add a source (a report that also covers the contact) to an event.

The source is inserted as text at its sorted place (`store/edit`); the file is then checked
exactly as `timeline check` would, and put back as it was if the check fails.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline.articles import read_article
from timeline.check.content import KEEP_NONE, check_content, format_problem
from timeline.commands.fetch import FetchError, check_url
from timeline.commands.review import find_event
from timeline.model import Source
from timeline.store.edit import add_sources
from timeline.yamlio import YamlError, parse_text, write_atomic


def source_from_options(content: Path, args: argparse.Namespace) -> tuple[Source | None, str]:
    """The source the options describe; an article fills in outlet, date and language."""
    if args.url:
        try:
            check_url(args.url)
        except FetchError as err:
            return None, f"--url: {err}"
    outlet, published, language = args.outlet, args.published, args.language
    if args.article:
        article, problems = read_article(content.parent / args.article, base=content.parent)
        if article is None:
            return None, f"--article: {problems[0] if problems else 'cannot read'}"
        outlet = outlet or article.outlet
        published = published or (article.published.isoformat() if article.published else None)
        language = language or article.language
    if not outlet:
        return None, "--outlet: expected who reported it, found none (or pass --article)"
    if not (args.url or args.article):
        return None, "expected --url or --article (where the report can be read), found neither"
    source = Source(
        outlet=outlet,
        published=published,
        article=args.article,
        url=args.url,
        language=language,
        quote=args.quote,
    )
    return source, ""


def run_cite(content: Path, args: argparse.Namespace) -> int:
    path, error = find_event(content, args.id)
    source, problem = source_from_options(content, args) if path else (None, error)
    if path is None or source is None:
        print(problem, file=sys.stderr)
        return 1
    rel = f"{content.name}/events/{args.id[:4]}/{args.id}.yml"
    original = path.read_text("utf-8")
    data = parse_text(original) or {}
    sources = [s for s in data.get("sources") or [] if isinstance(s, dict)]
    cited = {(s.get("article"), s.get("url")) for s in sources}
    if (source.article, source.url) in cited:
        print(f"{rel}: already cites {source.article or source.url}", file=sys.stderr)
        return 1
    try:
        add_sources(path, rel, [source])
    except (YamlError, OSError) as err:
        print(f"{rel}: source not added: {err}", file=sys.stderr)
        return 1
    checked = check_content(content, keep=KEEP_NONE)
    problems = [p for p in checked.problems if p.path == rel and not p.warning]
    if problems:
        write_atomic(path, original)
        for p in problems:
            print(format_problem(p), file=sys.stderr)
        print(f"{rel}: not changed: the new source would make it invalid", file=sys.stderr)
        return 1
    print(f"changed {rel} (+1 source: {source.outlet})")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the event's id (its file name without .yml)")
    parser.add_argument("--outlet", help="who reported it (default: the article's outlet)")
    parser.add_argument("--url", help="http(s) link to the report")
    parser.add_argument("--article", help="content/articles/... path, when the article is stored")
    parser.add_argument("--published", help="publication date of the report, YYYY-MM-DD")
    parser.add_argument("--language", help="ISO 639-1 code of the report: uk, ru, en, zh, …")
    parser.add_argument("--quote", help="the sentence that reports the contact")
