"""`timeline check`: validate all of `content/` and report every problem at once.

The MkDocs plugin runs the same function (through `load.load_site`), so a build stops on
exactly the lines `timeline check` prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .check_articles import check_articles
from .check_events import check_event_file
from .check_links import check_event_links, check_event_refs, link_facts
from .check_people import check_people
from .ledger import read_ledger
from .model import Event, Person, Problem
from .store import iter_store


@dataclass
class Checked:
    """What `content/` holds once validated: the usable events and people, and the problems."""

    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def check_content(content: Path, today: dt.date | None = None) -> Checked:
    """Validate articles, people and events; every file is checked, none stops the others."""
    articles, problems = check_articles(content)
    people, people_problems = check_people(content / "people.yml", content)
    problems += people_problems
    problems += read_ledger(content)[1]
    by_id = {p.id: p for p in people}
    today = today or dt.date.today()

    def article_exists(cited: str) -> bool:  # the file, even if refused for its name
        return cited in articles or (content.parent / cited).is_file()

    facts, events = [], []
    for file in iter_store(content, problems):
        problems += check_event_file(file)
        problems += check_event_refs(file, by_id, article_exists, today)
        facts.append(link_facts(file))
        event = file.event
        if event is not None:
            events.append(event)
    problems += check_event_links(facts)
    order = sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0, p.field or ""))
    return Checked(events, people, order)


def format_problem(problem: Problem) -> str:
    """`path:line:column: field: expected …, found …`; warnings say so after the position."""
    if not problem.warning:
        return str(problem)
    where = problem.path
    if problem.line is not None:
        where += f":{problem.line}" + (f":{problem.column}" if problem.column is not None else "")
    what = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return f"{where}: warning: {what}"
