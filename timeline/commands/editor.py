"""The editor's subcommands, registered on `timeline`'s parser by cli.py: `add`, `review`,
`cite`, and `extract` with `--dry-run` and every file named."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from timeline.commands.add import add_arguments as add_add_arguments
from timeline.commands.add import run_add
from timeline.commands.extract_run import article_lines, extract_and_flag, report
from timeline.commands.helptext import apply_help


def cmd_extract(args: argparse.Namespace) -> int:
    jobs = args.jobs or os.cpu_count() or 1
    content = Path(args.content)
    summary, changes = extract_and_flag(
        content, args.force, jobs, dry_run=args.dry_run, scheduler=args.scheduler
    )
    if args.dry_run:
        for line in article_lines(content, args.force):
            print(line)
    report(summary, changes, args.dry_run)
    return 0 if summary.ok else 1


def cmd_add(args: argparse.Namespace) -> int:
    return run_add(Path(args.content), args)


def cmd_review(args: argparse.Namespace) -> int:
    from timeline.commands.review import run_review

    return run_review(Path(args.content), args)


def cmd_cite(args: argparse.Namespace) -> int:
    from timeline.commands.cite import run_cite

    return run_cite(Path(args.content), args)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the editor's subcommands and give every subcommand its help (helptext.py)."""
    extract = sub.choices["extract"]
    extract.add_argument(
        "--dry-run", action="store_true", help="print what would be written; write nothing"
    )
    extract.set_defaults(func=cmd_extract)
    add = sub.add_parser("add", help="add articles from URLs, saved pages or text files")
    add_add_arguments(add)
    add.set_defaults(func=cmd_add)
    review = sub.add_parser("review", help="list drafts; accept, reject or edit one")
    from timeline.commands.review import add_arguments as review_arguments

    review_arguments(review)
    review.set_defaults(func=cmd_review)
    cite = sub.add_parser("cite", help="add a source to an existing event")
    from timeline.commands.cite import add_arguments as cite_arguments

    cite_arguments(cite)
    cite.set_defaults(func=cmd_cite)
    apply_help(sub)
