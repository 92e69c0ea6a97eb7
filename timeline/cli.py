"""The `timeline` command: extract events from articles, and the editors' other tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .articles import read_articles
from .model import Problem
from .people import load_people
from .places import PlaceMatcher
from .store import load_events, write_event


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        kind = "warning" if problem.warning else "error"
        print(f"{kind}: {problem}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import Extractor  # dateparser is slow to import; only extraction needs it

    content = Path(args.content)
    articles, problems = read_articles(content / "articles", base=content.parent)
    people, people_problems = load_people(content / "people.yml")
    problems += people_problems
    stored, store_problems = load_events(content / "events")
    problems += store_problems
    known = {e.id for e in stored}
    extractor = Extractor(people, PlaceMatcher())
    written = 0
    for article in articles:
        for event in extractor.extract_events(article):
            if event.id in known:
                continue
            write_event(event, content / "events")
            known.add(event.id)
            written += 1
    _report(problems)
    print(f"articles read: {len(articles)}, failed: {len(problems)}; events new: {written}")
    return 1 if any(not p.warning for p in problems) else 0


def cmd_import_hsg(args: argparse.Namespace) -> int:
    """Import the Office of the Historian's China records (see README)."""
    from .hsg_import import import_hsg

    content = Path(args.content)
    people, problems = load_people(content / "people.yml")
    if not people:  # without the registry every participant would be lost: import nothing
        _report(problems)
        return 1
    report = import_hsg(Path(args.dir), people, content / "events")
    _report(problems + report.problems)
    print(report.summary())
    return 1 if any(not p.warning for p in problems + report.problems) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    parser.add_argument(
        "--content", default="content", help="the content folder (default: content)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="find contacts in articles and write event files")
    extract.set_defaults(func=cmd_extract)
    hsg = sub.add_parser("import-hsg", help="import the State Department historian's records")
    hsg.add_argument("dir", help="the historian's data folder (e.g. ../shared/hsg)")
    hsg.set_defaults(func=cmd_import_hsg)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
