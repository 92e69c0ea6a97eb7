"""`timeline check`: validate all of `content/` and report every problem at once.

The MkDocs plugin runs the same function (through `load.load_site`), so a build stops on
exactly the lines `timeline check` prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from timeline.check.articles import check_articles
from timeline.check.events import check_event_file
from timeline.check.links import LinkFacts, check_event_links, check_event_refs, link_facts
from timeline.check.people import check_people
from timeline.contentfs import StatMemo, display, walk
from timeline.model import Event, Person, Problem
from timeline.store.claims import Held, buried, read_tombstones, unaccounted
from timeline.store.files import EventFile, read_event_file
from timeline.store.ledger import LEDGER_NAME, Ledger, read_ledger

KEEP_ALL, KEEP_UNLESS_ERRORS, KEEP_NONE = "all", "unless-errors", "none"


@dataclass
class Checked:
    """What `content/` holds once validated: the usable events and people, and the problems."""

    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    event_count: int = 0  # readable events, kept in `events` or not

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def _failing(problems: list[Problem]) -> bool:
    return any(not p.warning for p in problems)


@dataclass(frozen=True)
class ReadFile:
    """What one event file gives on its own: the file as read, its own problems, its facts
    for the checks across files and its event (None when it has none)."""

    file: EventFile
    problems: list[Problem]
    facts: LinkFacts
    event: Event | None


def _read(path: Path, content: Path) -> ReadFile:
    file = read_event_file(path, content)
    return ReadFile(file, check_event_file(file), link_facts(file), file.event)


def check_content(
    content: Path,
    today: dt.date | None = None,
    keep: str = KEEP_ALL,
    memo: StatMemo | None = None,
) -> Checked:
    """Validate articles, people and events; every file is checked, none stops the others.

    `keep` says which events to return: all readable ones (`mkdocs serve` shows the rest of
    the site), none once there is an error (a build stops then: holding 10,000 events to
    throw them away is most of a failing build's memory), or none at all (`timeline check`).

    `memo` keeps what each event file gives on its own (`ReadFile`) while the file is
    unchanged, for `mkdocs serve`: a rebuild then reads and parses only the edited files.
    What depends on other files (people, articles, today, other events) is checked again
    every time, so the problems are exactly those of a run without it. Callers must not
    change the kept events.
    """
    articles, problems = check_articles(content)
    people, people_problems = check_people(content / "people.yml", content)
    problems += people_problems
    ledger, ledger_problems = read_ledger(content)
    problems += ledger_problems
    held, present = Held(), set()
    by_id = {p.id: p for p in people}
    today = today or dt.date.today()

    def article_exists(cited: str) -> bool:  # the file, even if refused for its name
        return cited in articles or (content.parent / cited).is_file()

    facts: list[LinkFacts] = []
    events: list[Event] = []
    rels: list[str] = []  # the file of each kept event
    count, failing = 0, _failing(problems)
    paths, refused = walk(content / "events", content, ".yml")
    problems += refused
    for path in paths:
        read = memo.get(path, partial(_read, path, content)) if memo else _read(path, content)
        file = read.file
        found = read.problems + check_event_refs(file, by_id, article_exists, today)
        problems += found
        failing = failing or _failing(found)
        facts.append(read.facts)
        present.add(file.path.stem)
        event = read.event
        if event is None:
            continue
        count += 1
        held.add(event.id, event.sources)
        present.add(event.id)
        # While serving, a file with an error is left out too: what the banner says is left
        # out is never rendered (a `kind: sumit` event gets no unlabelled chart bar).
        if (keep == KEEP_ALL and not _failing(found)) or (
            keep == KEEP_UNLESS_ERRORS and not failing
        ):
            events.append(event)
            rels.append(file.rel)
    links = check_event_links(facts)
    problems += links
    if keep == KEEP_ALL and _failing(links):
        bad = {p.path for p in links if not p.warning}
        events = [e for e, rel in zip(events, rels, strict=True) if rel not in bad]
    if ledger is not None:
        problems += _lost_claims(content, ledger, held, present)
    if keep == KEEP_UNLESS_ERRORS and _failing(problems):
        events = []
    if memo is not None:
        memo.forget_unseen()
    order = sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0, p.field or ""))
    return Checked(events, people, order, count)


def _lost_claims(content: Path, ledger: Ledger, held: Held, present: set[str]) -> list[Problem]:
    """The claims the ledger holds that no event file and no tombstone accounts for."""
    problems: list[Problem] = []
    tombs = buried(read_tombstones(content, problems))
    rel = display(content / LEDGER_NAME, content)
    for article, claim, event_id in unaccounted(ledger, held, present, tombs):
        message = (
            f"expected claim {claim} (given to {event_id}) in an event file or a tombstone, "
            "found it in none (a merge kept another side's file?): run `timeline extract`"
        )
        problems.append(Problem(rel, message, f'articles["{article}"]'))
    return problems


def format_problem(problem: Problem) -> str:
    """`path:line:column: field: expected …, found …`; warnings say so after the position."""
    if not problem.warning:
        return str(problem)
    where = problem.path
    if problem.line is not None:
        where += f":{problem.line}" + (f":{problem.column}" if problem.column is not None else "")
    what = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return f"{where}: warning: {what}"
