"""`timeline extract` as the editor sees it: each file named, `--dry-run`, new sources flagged.

The run itself is `commands.extract.run_extract`; around it:

- every file it created, changed or removed under `content/` is named (an event file that
  gained sources says how many);
- `--dry-run` runs exactly the same extraction on a copy of `content/` made of hard links
  (every write is a rename, so the originals are never touched) and names what would change,
  and each article read or skipped;
- a source added to a `reviewed` or `rejected` event gets `unreviewed: true`, so
  `timeline review` lists the event until an editor accepts or rejects it again.

The MkDocs plugin calls `extract_and_flag` too, so a build writes what `timeline extract` writes.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from timeline.check.content import format_problem
from timeline.commands.extract import Summary, run_extract
from timeline.commands.flags import flag_new_sources, source_count
from timeline.contentfs import display, walk
from timeline.model import Problem
from timeline.store.ledger import content_hash, read_ledger


@dataclass
class Changes:
    """Paths (as cited: content/...) created, changed and removed by a run."""

    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # path -> what changed in it

    def lines(self, dry_run: bool) -> list[str]:
        verbs = (
            ("would create", "would change", "would remove")
            if dry_run
            else ("created", "changed", "removed")
        )
        out = []
        for verb, paths in zip(verbs, (self.created, self.changed, self.removed), strict=True):
            out += [
                f"{verb} {p}" + (f" ({self.notes[p]})" if p in self.notes else "") for p in paths
            ]
        return out


# Never written by a run: not copied for the comparison (a real run reads the originals) and
# not compared, so an article costs no link, stat or unlink there.
READ_ONLY = "articles"


def _files(root: Path) -> dict[str, os.stat_result]:
    found = {}
    for folder, dirs, names in os.walk(root):
        top = folder == str(root)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (top and d == READ_ONLY)]
        for name in names:
            if not name.startswith("."):
                path = Path(folder) / name
                found[path.relative_to(root).as_posix()] = path.lstat()
    return found


def _link_tree(source: Path, target: Path, articles: bool) -> None:
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [READ_ONLY] if not articles and Path(folder) == source else []

    shutil.copytree(source, target, copy_function=link, symlinks=True, ignore=ignore)


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    keys = ("st_ino", "st_dev", "st_size", "st_mtime_ns")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def _differ(a: Path, b: Path) -> bool:
    return a.read_bytes() != b.read_bytes()


def _compare(before: Path, after: Path, name: str) -> Changes:
    """What differs between two trees of `content/` (`name` is how paths are cited)."""
    old, new = _files(before), _files(after)
    changes = Changes()
    for rel, stat in sorted(new.items()):
        cited = f"{name}/{rel}"
        if rel not in old:
            changes.created.append(cited)
        elif not _same(old[rel], stat) and _differ(before / rel, after / rel):
            changes.changed.append(cited)
    changes.removed = [f"{name}/{rel}" for rel in sorted(old) if rel not in new]
    return changes


def _describe(changes: Changes, before: Path, after: Path, name: str) -> None:
    for cited in changes.changed:
        rel = cited[len(name) + 1 :]
        if rel.startswith("events/") and rel.endswith(".yml"):
            added = source_count(after / rel) - source_count(before / rel)
            if added > 0:
                changes.notes[cited] = f"+{added} source(s)"


def extract_and_flag(
    content: Path,
    force: bool = False,
    jobs: int = 1,
    dry_run: bool = False,
    stream: TextIO = sys.stderr,
    factory: Callable[..., Any] | None = None,
    scheduler: str | None = None,
) -> tuple[Summary, Changes]:
    """Run `timeline extract` (on a hard-linked copy when `dry_run`) and say what changed."""
    content = content.resolve()
    scratch = Path(tempfile.mkdtemp(prefix=".timeline-extract-", dir=content.parent))
    kwargs: dict[str, Any] = {"force": force, "jobs": jobs, "stream": stream}
    kwargs["scheduler"] = scheduler
    if factory is not None:
        kwargs["factory"] = factory
    try:
        copy = scratch / content.name
        _link_tree(content, copy, articles=dry_run)  # a dry run reads the copy's articles
        target, before = (copy, content) if dry_run else (content, copy)
        summary = run_extract(target, **kwargs)
        changes = _compare(before, target, content.name)
        _describe(changes, before, target, content.name)
        flagged = flag_new_sources(target, before, changes.changed, content.name)
        for cited, count in flagged.items():
            note = changes.notes.get(cited, "")
            changes.notes[cited] = (note + ", " if note else "") + f"{count} flagged unreviewed"
        summary.problems += not_articles(content)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return summary, changes


def not_articles(content: Path) -> list[Problem]:
    """Files under content/articles/ that are not read (only .md is): said, not skipped silently."""
    paths, _ = walk(content / "articles", content, "")
    message = "not an article (only .md files are read): add it with `timeline add {}`"
    return [
        Problem(display(p, content), message.format(display(p, content)), warning=True)
        for p in paths
        if p.suffix != ".md"
    ]


def article_lines(content: Path, force: bool) -> list[str]:
    """For `--dry-run`: each article, read or skipped as unchanged (by the ledger)."""
    ledger, _ = read_ledger(content)
    if ledger is None:
        return []
    people = content / "people.yml"
    force = force or not people.is_file() or ledger.people != content_hash(people.read_bytes())
    lines = []
    for path in walk(content / "articles", content, ".md")[0]:
        rel = display(path, content)
        unchanged = not force and ledger.unchanged(rel, content_hash(path.read_bytes()))
        lines.append(
            f"{'would skip' if unchanged else 'would read'} {rel}"
            + (" (unchanged)" if unchanged else "")
        )
    return lines


def report(
    summary: Summary, changes: Changes, dry_run: bool = False, out: TextIO | None = None
) -> None:
    """Problems on stderr; each file and the closing line on stdout."""
    out = out or sys.stdout
    for problem in summary.problems:
        print(format_problem(problem), file=sys.stderr)
    for line in changes.lines(dry_run):
        print(line, file=out)
    print(("dry run, nothing written: " if dry_run else "") + closing_line(summary), file=out)


def closing_line(summary: Summary) -> str:
    """`timeline extract`'s last line: articles found (of which unchanged), events written."""
    return (
        f"articles: {summary.read} found, {summary.skipped} of them unchanged (skipped), "
        f"{summary.failed} failed; events: {summary.new} new, {summary.merged} merged; "
        f"sources added: {summary.sources_added}"
    )
