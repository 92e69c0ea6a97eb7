"""`timeline new`: a valid event file from a few options, for events editors add by hand."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
from collections.abc import Iterable
from pathlib import Path

from timeline.check.events import PRECISION_OF_LENGTH, check_event_file, date_span
from timeline.check.people import check_people
from timeline.model import KINDS, REVIEWS, STATUSES, Event, Problem, Source
from timeline.naming import event_id, event_summary, event_title
from timeline.store.files import (
    EventFile,
    UnsafePathError,
    parse_event_text,
    render_event,
    safe_event_path,
)
from timeline.yamlio import write_atomic


def event_from_options(args: argparse.Namespace, people: dict) -> Event:  # type: ignore[type-arg]
    """The event the options describe; its id, title and summary generated as extraction does."""
    date = str(args.date)
    source = Source(
        outlet=args.outlet,
        url=args.url,
        article=args.article,
        published=args.published,
        quote=args.quote,
        date_basis="explicit" if args.article or args.quote else None,
    )
    event = Event(
        id="",
        title="",
        date=date,
        end_date=args.end_date,
        precision=PRECISION_OF_LENGTH.get(len(date), "day"),
        kind=args.kind,
        status=args.status,
        review=args.review,
        us=list(args.us or []),
        china=list(args.china or []),
        location=args.place,
        sources=[source],
        notes=args.notes,
    )
    event.id = args.id or event_id(event, people)
    event.title = args.title or event_title(event, people)
    event.summary = event_summary(event, people)
    return event


def _option_problems(args: argparse.Namespace) -> list[Problem]:
    """What the generated id, title and summary need before they can be made."""
    problems = []
    for option, value in (("--date", args.date), ("--end-date", args.end_date)):
        if value is not None and date_span(str(value)) is None:
            expected = "expected a real date YYYY-MM-DD, YYYY-MM or YYYY"
            problems.append(Problem("timeline new", f"{expected}, found {value!r}", option))
    choices = (("--kind", args.kind, KINDS), ("--status", args.status, STATUSES))
    for option, value, allowed in (*choices, ("--review", args.review, REVIEWS)):
        if value not in allowed:
            message = (
                f"expected one of {', '.join(allowed)}, found {value!r}{_near(value, allowed)}"
            )
            problems.append(Problem("timeline new", message, option))
    if not args.us and not args.china:
        message = "expected at least one person (--us or --china), found none"
        problems.append(Problem("timeline new", message, "--us/--china"))
    return problems


def _near(value: str, allowed: Iterable[str]) -> str:
    near = difflib.get_close_matches(str(value), list(allowed), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(near)}?)" if near else ""


def _people_problems(args: argparse.Namespace, people: dict) -> list[Problem]:  # type: ignore[type-arg]
    """Unknown person ids, with the nearest ids of the registry."""
    problems = []
    for option, side in (("--us", "us"), ("--china", "cn")):
        for pid in getattr(args, option[2:]) or []:
            if pid not in people:
                ids = [p for p, person in people.items() if person.country == side]
                found = f"found {pid!r}{_near(pid, ids)}"
                message = f"expected a person id from content/people.yml, {found}"
                problems.append(Problem("timeline new", message, option))
    return problems


def create_event(content: Path, args: argparse.Namespace) -> tuple[Path | None, list[Problem]]:
    """Validate the new event exactly as `timeline check` would, then write it; never overwrite."""
    problems = _option_problems(args)
    if problems:
        return None, problems
    people, problems = check_people(content / "people.yml", content)
    if any(not p.warning for p in problems):
        return None, problems
    by_id = {p.id: p for p in people}
    problems = _people_problems(args, by_id)
    if problems:
        return None, problems
    event = event_from_options(args, by_id)
    try:
        path = safe_event_path(event, content / "events")
    except UnsafePathError as err:
        return None, [Problem("timeline new", str(err))]
    rel = f"{content.name}/events/{event.id[:4]}/{event.id}.yml"
    if path.exists():
        hint = (
            f"found {event.id!r} already there: add this source to it with `timeline cite "
            f"{event.id} --outlet … --url …`, or pass --id for a different contact"
        )
        return None, [Problem("timeline new", f"expected a new event id, {hint}", "--id")]
    text = render_event(event)
    data, positions, problems = parse_event_text(rel, text)
    file = EventFile(path, rel, data, positions, problems)
    problems = check_event_file(file) + _link_problems(file, people, content)
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    if any(not p.warning for p in problems):
        return None, [_as_option_problem(p) for p in problems]
    write_atomic(path, text)
    return path, problems


def _as_option_problem(problem: Problem) -> Problem:
    """A problem of the file not written, said without a line of that file."""
    where = f"timeline new ({problem.path}, not written)"
    return Problem(where, problem.message, problem.field, warning=problem.warning)


def _link_problems(file: EventFile, people: list, content: Path) -> list[Problem]:  # type: ignore[type-arg]
    from timeline.check.links import check_event_links, check_event_refs, link_facts
    from timeline.store.files import iter_store

    facts = [link_facts(other) for other in iter_store(content, [])]
    by_id = {p.id: p for p in people}
    exists = (content.parent).joinpath
    problems = check_event_refs(file, by_id, lambda a: exists(a).is_file(), dt.date.today())
    problems += check_event_links([*facts, link_facts(file)])
    return [p for p in problems if p.path == file.rel]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", required=True, help="YYYY-MM-DD, YYYY-MM or YYYY")
    parser.add_argument("--end-date", help="last day of a multi-day event")
    parser.add_argument(
        "--kind", required=True, help="meeting, talks, call, visit, summit, message, other"
    )
    parser.add_argument(
        "--us", action="append", help="US person id from content/people.yml (repeat for more)"
    )
    parser.add_argument(
        "--china", action="append", help="Chinese person id from content/people.yml (repeat)"
    )
    parser.add_argument("--review", default="draft", help="draft (default), reviewed or rejected")
    parser.add_argument("--place", help="city")
    parser.add_argument("--status", default="happened", help="happened, planned or cancelled")
    parser.add_argument("--outlet", required=True, help="who reported it")
    parser.add_argument("--url", help="http(s) link to the report")
    parser.add_argument("--article", help="content/articles/... path, when the article is stored")
    parser.add_argument("--published", help="publication date of the report, YYYY-MM-DD")
    parser.add_argument("--quote", help="the sentence that reports the contact")
    parser.add_argument("--title", help="English title (default: generated)")
    parser.add_argument("--id", help="event id (default: date + names + place)")
    parser.add_argument("--notes", help="editors' notes")
