"""`timeline review`: the queue of events waiting for an editor, and the editor's decision.

The queue: every `review: draft` event, and every reviewed or rejected event with a source
flagged `unreviewed: true` (added by `timeline extract` after the decision). `--accept`,
`--reject` and `--edit` act on one event by id.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shlex
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.check.content import KEEP_NONE, check_content, format_problem
from timeline.commands.flags import FLAG, set_review
from timeline.store.files import EventFile, iter_store

QUOTE_WIDTH = 200


@dataclass
class Entry:
    """One event in the queue, as listed."""

    id: str
    rel: str
    data: dict[str, Any]
    new_sources: list[dict[str, Any]]

    @property
    def waiting(self) -> str:
        if self.data.get("review") == "draft":
            return "draft"
        return f"{self.data.get('review')}, {len(self.new_sources)} new source(s)"


def _sources(data: dict[str, Any]) -> list[dict[str, Any]]:
    sources = data.get("sources")
    return [s for s in sources if isinstance(s, dict)] if isinstance(sources, list) else []


def queue(content: Path, files: Iterable[EventFile] | None = None) -> tuple[list[Entry], list[str]]:
    """The events waiting for review, by date; and every event id (for suggestions).

    `files` are the store's files already read (`mkdocs serve` keeps them); by default the
    store is read now."""
    entries, ids = [], []
    for file in iter_store(content, []) if files is None else files:
        if not file.has_event or file.data is None:
            continue
        data = file.data
        ids.append(str(data["id"]))
        flagged = [s for s in _sources(data) if s.get(FLAG) is True]
        if data.get("review") == "draft" or flagged:
            entries.append(Entry(str(data["id"]), file.rel, data, flagged))
    entries.sort(key=lambda e: (str(e.data.get("date")), e.id))
    return entries, ids


def people_line(data: dict[str, Any]) -> str:
    sides = data.get("participants") if isinstance(data.get("participants"), dict) else {}
    parts = []
    for side in ("us", "china"):
        people = sides.get(side) if isinstance(sides.get(side), list) else []
        parts.append(f"{side}: {', '.join(map(str, people)) or '-'}")
    return "; ".join(parts)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1] + "…"


def entry_lines(entry: Entry) -> list[str]:
    data = entry.data
    lines = [f"{entry.id}  [{entry.waiting}]", f"  {data.get('date')}  {data.get('title')}"]
    lines.append(f"  {people_line(data)}")
    for source in entry.new_sources or _sources(data)[:1]:
        quote = source.get("quote")
        where = source.get("article") or source.get("url") or source.get("record") or ""
        if quote:
            lines.append(f"  «{_clip(str(quote))}»")
        lines.append(f"  ({source.get('outlet')}: {where})")
    lines.append(f"  {entry.rel}")
    return lines


def find_event(content: Path, event_id: str) -> tuple[Path | None, str]:
    """The file of `event_id`, or None and a one-line error with the nearest ids."""
    _, ids = queue(content)
    if event_id in ids:
        return content / "events" / event_id[:4] / f"{event_id}.yml", ""
    near = difflib.get_close_matches(event_id, ids, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(near)}?" if near else "; `timeline review` lists the queue"
    return None, f"expected an event id, found {event_id!r}{hint}"


def _file_problems(content: Path, rel: str) -> list[str]:
    checked = check_content(content, keep=KEEP_NONE)
    return [format_problem(p) for p in checked.problems if p.path == rel and not p.warning]


def _edit(path: Path) -> int:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        message = "--edit: expected $EDITOR (or $VISUAL) to name an editor, found none"
        print(message, file=sys.stderr)
        return 1
    try:
        return subprocess.run([*shlex.split(editor), str(path)], check=False).returncode
    except OSError as err:
        print(f"--edit: cannot start {editor!r}: {err.strerror}", file=sys.stderr)
        return 1


def decide(content: Path, args: argparse.Namespace) -> int:
    path, error = find_event(content, args.id)
    if path is None:
        print(error, file=sys.stderr)
        return 1
    rel = f"{content.name}/events/{args.id[:4]}/{args.id}.yml"
    if args.edit and _edit(path) != 0:
        return 1
    problems = _file_problems(content, rel)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{rel}: not changed: fix the problems above first", file=sys.stderr)
        return 1
    if args.edit:
        print(f"checked {rel}")
        return 0
    review = "reviewed" if args.accept else "rejected"
    error = set_review(path, review)
    if error:
        print(f"{rel}: {error}", file=sys.stderr)
        return 1
    print(f"{review} {rel}")
    return 0


def run_review(content: Path, args: argparse.Namespace) -> int:
    if args.id is None:
        if args.accept or args.reject or args.edit:
            print("--accept, --reject and --edit need an event id", file=sys.stderr)
            return 2
        entries, _ = queue(content)
        for entry in entries:
            print("\n".join(entry_lines(entry)))
        print(f"{len(entries)} event(s) waiting for review", file=sys.stderr)
        return 0
    if not (args.accept or args.reject or args.edit):
        print("expected one of --accept, --reject, --edit with an id", file=sys.stderr)
        return 2
    return decide(content, args)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", nargs="?", help="the event to decide on (default: list the queue)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--accept", action="store_true", help="set review: reviewed")
    group.add_argument("--reject", action="store_true", help="set review: rejected")
    group.add_argument("--edit", action="store_true", help="open it in $EDITOR, then check it")
