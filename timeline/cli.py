"""The `timeline` command: extract events from articles, check the store, scaffold events."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from timeline.check.content import KEEP_NONE, check_content, format_problem
from timeline.commands.editor import register
from timeline.commands.extract import run_extract
from timeline.commands.new import add_arguments, create_event
from timeline.commands.rename import register as register_rename
from timeline.model import Problem
from timeline.people import load_people


def _report(problems: list[Problem]) -> None:
    """`path:line:column: field: expected …, found …`, as `timeline check` and MkDocs print."""
    for problem in problems:
        print(format_problem(problem), file=sys.stderr)


def _report_labelled(problems: list[Problem]) -> None:
    """`error: …` / `warning: …` lines (the import command's format)."""
    for problem in problems:
        print(f"{'warning' if problem.warning else 'error'}: {problem}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    jobs = args.jobs or os.cpu_count() or 1
    summary = run_extract(Path(args.content), force=args.force, jobs=jobs, scheduler=args.scheduler)
    _report(summary.problems)
    print(summary.line())
    return 0 if summary.ok else 1


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    checked = check_content(Path(args.content), keep=KEEP_NONE)
    _report(checked.problems)
    errors, warnings = len(checked.errors), len(checked.warnings)
    print(
        f"checked {checked.event_count} events, {len(checked.people)} people: "
        f"{errors} error(s), {warnings} warning(s) in {time.perf_counter() - started:.2f} s",
        file=sys.stderr,
    )
    return 1 if errors or (args.strict and warnings) else 0


def cmd_new(args: argparse.Namespace) -> int:
    path, problems = create_event(Path(args.content), args)
    _report(problems)
    if path is None:
        return 1
    print(path)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from timeline.extract.evaluate import run_eval  # imports dateparser: only when asked

    return run_eval(args)


def cmd_import_hsg(args: argparse.Namespace) -> int:
    """Import the Office of the Historian's China records (see docs/hsg.md)."""
    from timeline.sources.hsg.importer import import_hsg

    content = Path(args.content)
    people, problems = load_people(content / "people.yml")
    if not people:  # without the registry every participant would be lost: import nothing
        _report_labelled(problems)
        return 1
    report = import_hsg(Path(args.dir), people, content / "events")
    _report_labelled(problems + report.problems)
    print(report.summary())
    return 1 if any(not p.warning for p in problems + report.problems) else 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import curated contacts (CSV, YAML or JSON rows; see docs/editors.md)."""
    from timeline.sources.curated.importer import import_curated

    content = Path(args.content)
    people, problems = load_people(content / "people.yml")
    if not people:
        _report_labelled(problems)
        return 1
    failed = False
    for name in args.files:
        report = import_curated(Path(name), people, content / "events", dry_run=args.dry_run)
        for change in report.changes if args.dry_run or args.verbose else ():
            print(change)
        _report_labelled(report.problems)
        print(f"{name}: {report.summary(args.dry_run)}")
        failed |= any(not p.warning for p in report.problems)
    _report_labelled(problems)
    return 1 if failed or any(not p.warning for p in problems) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    parser.add_argument(
        "--content", default="content", help="the content folder (default: content)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser(
        "extract", help="find contacts in articles and merge them into the store"
    )
    extract.add_argument(
        "--force", action="store_true", help="re-read every article, changed or not"
    )
    extract.add_argument(
        "--jobs", type=int, default=1, help="processes to extract with (0: one per CPU; default 1)"
    )
    extract.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on a Dask cluster, e.g. tcp://host:8786 (docs/distributed.md); "
        "the merge stays here",
    )
    extract.set_defaults(func=cmd_extract)
    evaluate = sub.add_parser("eval", help="score the extractor on annotated articles (JSONL)")
    evaluate.add_argument("file", help="JSON lines: one annotated article per line")
    evaluate.add_argument("--json", action="store_true", help="print the scores as one object")
    evaluate.add_argument("--predictions", help="write the predicted events here (JSONL)")
    evaluate.add_argument(
        "--errors",
        action="store_true",
        help="list each record's missed and false events with the sentence and date rule",
    )
    evaluate.set_defaults(func=cmd_eval)
    check = sub.add_parser("check", help="validate articles, people and events; exit 1 on errors")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.set_defaults(func=cmd_check)
    new = sub.add_parser("new", help="write a new event file from options")
    add_arguments(new)
    new.set_defaults(func=cmd_new)
    hsg = sub.add_parser("import-hsg", help="import the State Department historian's records")
    hsg.add_argument("dir", help="the historian's data folder (e.g. ../shared/hsg)")
    hsg.set_defaults(func=cmd_import_hsg)
    imp = sub.add_parser(
        "import",
        help="import curated contacts from CSV, YAML or JSON rows",
        description=(
            "Import curated contacts: one row per source, the rows of a contact repeating its "
            "date, kind, people and place. Rows already imported are recognised; a contact "
            "already in the store gains the people and sources it lacks; contacts inside a "
            "trip get part_of. Columns: see docs/editors.md, 'Importing curated contacts'."
        ),
        epilog="example: timeline import content/imports/curated-2021-2023.csv --dry-run",
    )
    imp.add_argument("files", nargs="+", help="CSV, YAML or JSON files of rows")
    imp.add_argument(
        "--dry-run", action="store_true", help="print what would change, write nothing"
    )
    imp.add_argument("--verbose", action="store_true", help="name every file changed")
    imp.set_defaults(func=cmd_import)
    register(sub)  # add, review, cite; extract --dry-run; every subcommand's help
    register_rename(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # "timeline eval … | head": the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
