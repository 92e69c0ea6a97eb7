"""`timeline rename OLD NEW`: give an event another id, safely.

The file moves to `content/events/<year>/<new>.yml` with only its `id:` line changed (every
other byte, comments included, stays); every `part_of: OLD` in the store becomes `part_of:
NEW`; the ledger's entries follow (so the rename is not taken for a deletion, and claims stay
routed); `content/redirects.yml` records OLD -> NEW, and the site redirects the old address.
Nothing is written unless every file can be; a taken or invalid id is one line.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from timeline.commands.lock import extract_lock
from timeline.contentfs import display, read_text
from timeline.model import Problem
from timeline.naming import event_path
from timeline.store.claims import tombstone_path
from timeline.store.files import ID_PATTERN, MAX_EVENT_BYTES, MAX_EVENT_NODES, iter_store
from timeline.store.ledger import Ledger, read_ledger, write_ledger
from timeline.store.ledger_json import Article, Contact
from timeline.store.redirects import add_redirect, read_redirects, write_redirects
from timeline.yamlio import YamlError, parse_text, write_atomic


class RenameError(Exception):
    """Why the rename cannot be done (one line)."""


def _replace_value(text: str, key: str, old: str, new: str, rel: str) -> str:
    """`text` with the top-level `key: old` line saying `new`, checked by reading it back."""
    pattern = re.compile(rf"^({key}:[ \t]*)(['\"]?){re.escape(old)}\2([ \t]*(#.*)?)$", re.M)
    edited, count = pattern.subn(lambda m: f"{m[1]}{m[2]}{new}{m[2]}{m[3]}", text, count=1)
    try:
        data = parse_text(text, MAX_EVENT_NODES)
        same = count == 1 and parse_text(edited, MAX_EVENT_NODES) == {**data, key: new}
    except YamlError as err:
        raise RenameError(f"{rel}: {err.message}") from None
    if not same:
        raise RenameError(f"{rel}: {key}: expected a plain `{key}: {old}` line, found none")
    return edited


def _ledger_renamed(ledger: Ledger, old: str, new: str) -> None:
    def swap(value: str) -> str:
        return new if value == old else value

    for path, entry in ledger.articles.items():
        events = tuple(sorted({swap(e) for e in entry.events}))
        claims = tuple(sorted((c, swap(e)) for c, e in entry.claims))
        ledger.articles[path] = Article(entry.sha256, events, claims)
    if old in ledger.events:
        contact: Contact = ledger.events.pop(old)
        ledger.events[new] = contact
    ledger.changed = True


def plan_rename(content: Path, old: str, new: str) -> dict[Path, str | None]:
    """Every file to write (text) or remove (None); raises `RenameError`."""
    if not ID_PATTERN.match(new) or len(new) > 120:
        raise RenameError(f"{new}: expected an id like 2023-06-18-blinken-qin-gang-beijing")
    problems: list[Problem] = []
    files = {f.path: f for f in iter_store(content, problems) if f.has_event}
    by_id = {f.data["id"]: f for f in files.values()}  # type: ignore[index]
    if old not in by_id:
        raise RenameError(f"{old}: expected the id of an event in content/events/, found none")
    target = content / "events" / event_path(new)
    taken = new in by_id or target.exists() or tombstone_path(content, new).exists()
    ledger, _ = read_ledger(content)
    if taken or (ledger is not None and new in ledger.events):
        raise RenameError(f"{new}: expected a new id, found it taken (an event or a deleted one)")
    writes: dict[Path, str | None] = {}
    source = by_id[old]
    text, found = read_text(source.path, source.rel, MAX_EVENT_BYTES)
    if text is None:
        raise RenameError(str(found[0]))
    writes[target] = _replace_value(text, "id", old, new, source.rel)
    writes[source.path] = None
    for file in files.values():
        if file.data.get("part_of") == old:  # type: ignore[union-attr]
            child = read_text(file.path, file.rel, MAX_EVENT_BYTES)[0]
            if child is None or file.path == source.path:
                raise RenameError(f"{file.rel}: part_of: expected another event, found {old}")
            writes[file.path] = _replace_value(child, "part_of", old, new, file.rel)
    return writes


def rename_event(content: Path, old: str, new: str) -> list[str]:
    """Rename the event; the lines saying what was written. Raises `RenameError`."""
    writes = plan_rename(content, old, new)
    ledger, problems = read_ledger(content)
    redirects = read_redirects(content, problems)
    if ledger is None or problems:
        raise RenameError(str(problems[0]))
    lines = []
    for path, text in writes.items():
        if text is not None:
            write_atomic(path, text)
            lines.append(f"wrote {display(path, content)}")
    for path, text in writes.items():
        if text is None:
            path.unlink()
            lines.append(f"removed {display(path, content)}")
    _ledger_renamed(ledger, old, new)
    if write_ledger(content, ledger):
        lines.append("changed content/ledger.json")
    write_redirects(content, add_redirect(redirects, old, new))
    lines.append(f"changed content/redirects.yml ({old} -> {new})")
    return lines


def cmd_rename(args: argparse.Namespace) -> int:
    content = Path(args.content)
    try:
        with extract_lock(content, sys.stderr):
            lines = rename_event(content, args.old, args.new)
    except (RenameError, OSError) as err:
        print(f"timeline rename: {err}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "rename",
        help="give an event another id (file, part_of, ledger; the old address redirects)",
        description=__doc__.splitlines()[0],
        epilog="example: timeline rename 2023-06-18-blinken-qin 2023-06-18-blinken-qin-gang",
    )
    parser.add_argument("old", help="the event's id now")
    parser.add_argument("new", help="the id it gets")
    parser.set_defaults(func=cmd_rename)
