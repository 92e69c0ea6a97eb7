"""Every subcommand's `--help`: a one-paragraph description and an example or two."""

from __future__ import annotations

import argparse
import textwrap

PEOPLE = (
    "Person ids are the `id:` entries of content/people.yml (joe-biden, xi-jinping, …); a "
    "wrong one is answered with the nearest ids."
)
HELP: dict[str, tuple[str, str]] = {
    "add": (
        "Add news articles: each SOURCE (a URL, a saved .html page, a .txt file, or - for "
        "stdin) becomes content/articles/<lang>/<year>/<date>-<outlet>-<slug>.md with front "
        "matter. The main text, title, outlet, author, publication date and language are read "
        "from the page; what it does not say is asked for on a terminal, or taken from the "
        "options (which win over the page). A duplicate (the same URL, or the same text under "
        "another name) is refused with the path of the article already there. Fetching is "
        "http(s) only, with a timeout and a size limit.",
        "examples:\n  timeline add https://example.org/news/2023/06/18/talks.html\n"
        "  timeline add saved-page.html --url https://example.org/news/a --extract\n"
        "  timeline add note.txt --outlet Ukrinform --published 2023-06-18 --language uk",
    ),
    "extract": (
        "Read new and changed articles under content/articles/, find the contacts they report "
        "and merge them into content/events/: a new contact becomes a draft file, a known one "
        "gains the source (a reviewed event's new source is flagged for review). Unchanged "
        "articles are skipped (content/ledger.json). Every file created or changed is named; "
        "--dry-run prints what would be, and writes nothing. --scheduler extracts on a Dask "
        "cluster (docs/distributed.md) with the same results; the merge stays on this machine.",
        "examples:\n  timeline extract\n  timeline extract --dry-run\n  timeline extract --force\n"
        "  timeline extract --scheduler tcp://scheduler.example.org:8786",
    ),
    "review": (
        "The review queue. Without an id: every draft, and every reviewed event that gained a "
        "source since its review, with date, title, participants and the quote. With an id: "
        "--accept sets review: reviewed (and clears the new-source flags), --reject sets "
        "review: rejected, --edit opens the file in $EDITOR and checks it afterwards.",
        "examples:\n  timeline review\n  timeline review 2023-06-18-blinken-qin-gang-beijing "
        "--accept\n  timeline review 2023-06-18-blinken-qin-gang-beijing --edit",
    ),
    "cite": (
        "Add a source to an existing event (an article or report that also covers it): the "
        "source is inserted at its sorted place, every other byte of the file kept. " + PEOPLE,
        "example:\n  timeline cite 2023-06-18-blinken-qin-gang-beijing --outlet Reuters "
        "--url https://example.org/r --published 2023-06-19",
    ),
    "check": (
        "Validate every article, the people registry and every event file; print every "
        "problem as one path:line:column line, with the nearest valid value for a wrong key, "
        "kind or person id. Exit 1 on errors (--strict: on warnings too).",
        "examples:\n  timeline check\n  timeline check --strict",
    ),
    "new": (
        "Write a new event file for a contact no stored article reports. One side may be "
        "empty (a visit seen from one country). The event is validated as `timeline check` "
        "would before anything is written; an existing id is never overwritten (use --id, or "
        "`timeline cite` to add a source to the event already there). " + PEOPLE,
        "examples:\n  timeline new --date 2023-11-15 --kind summit --us joe-biden "
        "--china xi-jinping --place Woodside --outlet 'White House' "
        "--url https://example.org/readout --published 2023-11-15\n"
        "  timeline new --date 2024-05-01 --kind visit --china wang-yi --place Washington "
        "--outlet Xinhua --url https://example.org/v --review reviewed",
    ),
    "eval": (
        "Score the extractor on annotated articles (JSON lines, one article with its expected "
        "events per line): precision, recall and F1 per language, and with --errors every "
        "missed and false event with its sentence and date rule.",
        "examples:\n  timeline eval ../shared/devset/articles.jsonl\n"
        "  timeline eval cases.jsonl --errors",
    ),
    "import-hsg": (
        "Import the Office of the Historian's records of visits to and from China as visit "
        "events (see docs/hsg.md). Records already imported are recognised.",
        "example:\n  timeline import-hsg ../shared/hsg",
    ),
}


def apply_help(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Give each subcommand its description and examples, unless it has its own."""
    for name, parser in sub.choices.items():
        description, epilog = HELP.get(name, (None, None))
        if parser.description is None and description:
            parser.description = textwrap.fill(description, 88)
        if parser.epilog is None and epilog:
            parser.epilog = epilog
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
