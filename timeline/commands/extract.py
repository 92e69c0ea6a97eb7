"""`timeline extract` as a run: skip what the ledger knows, extract the rest, merge, record.

Order of writes: new event files as each batch is merged, sources added to stored events
once at the end (`merging`), the ledger last, each atomically. A run stopped at any point
leaves whole files only, and the next run redoes what the ledger did not record (the merge
adds nothing twice).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from timeline.articles import read_article
from timeline.check.articles import check_article
from timeline.check.people import check_people
from timeline.commands.lock import extract_lock, remove_stale_temporaries
from timeline.commands.merging import Extracted, Merger, Summary
from timeline.commands.progress import Progress
from timeline.commands.retitle import follow_corrections
from timeline.commands.settle import settle
from timeline.contentfs import display, walk
from timeline.model import Person, Problem
from timeline.store.index import read_index
from timeline.store.ledger import LEDGER_NAME, Ledger, content_hash, read_ledger, write_ledger

_extractor = None  # one per process, built once: the registry is compiled once
# Articles merged at a time: memory stays that of one batch, whatever the corpus. A contact
# reported in two batches is merged as over two runs: the first creates it, the second adds
# its source (`merge` decides in a fixed order within a batch; batches follow file order).
BATCH = 500


def make_extractor(people: list[Person]) -> Any:
    """The project's extractor (tests may pass another factory to `run_extract`)."""
    from timeline.extract.extractor import (
        Extractor,  # dateparser is slow to import: only when there is work
    )
    from timeline.extract.places import PlaceMatcher

    return Extractor(people, PlaceMatcher())


def _init_worker(people: list[Person], factory: Callable[[list[Person]], Any]) -> None:
    global _extractor
    _die_with_parent()
    _extractor = factory(people)


def _die_with_parent() -> None:
    """A worker ends when the run that started it is killed (Linux; SIGKILL included), and
    leaves Ctrl-C to the run (which stops the pool and keeps what is done)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if multiprocessing.parent_process() is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def extract_one(job: tuple[str, str]) -> Extracted:
    """Validate one article as `timeline check` does, then extract its events."""
    path, content = Path(job[0]), Path(job[1])
    rel = display(path, content)
    problems = check_article(path, content)
    if any(not p.warning for p in problems):
        return Extracted(rel, None, problems)
    article, more = read_article(path, base=content.parent)
    if article is None:
        return Extracted(rel, None, problems + more)
    article.path = rel
    assert _extractor is not None
    try:
        events = _extractor.extract_events(article)
    except Exception as err:  # the extractor must not take the run down with it
        message = f"expected an article the extractor can read, found {type(err).__name__}: {err}"
        return Extracted(rel, None, [Problem(rel, message)])
    return Extracted(rel, events, problems)


def _extract_all(
    rels: list[str], content: Path, people: list[Person], workers: int, factory: Callable
) -> Iterator[Extracted]:
    """Results in the order of `rels`; workers get a window of articles at a time, so finished
    results never wait in memory for more than a window."""
    jobs = ((str(content.parent / rel), str(content)) for rel in rels)
    if workers <= 1 or len(rels) < 2:
        if rels:
            _init_worker(people, factory)
            yield from map(extract_one, jobs)
        return
    window = BATCH * workers
    chunk = max(1, min(window, len(rels)) // (workers * 8))
    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(people, factory))
    try:
        while part := list(islice(jobs, window)):
            yield from pool.map(extract_one, part, chunksize=chunk)
    finally:  # an interrupted run waits only for the chunks being read, not the window
        pool.shutdown(wait=True, cancel_futures=True)


def _to_extract(
    paths: Iterable[Path],
    content: Path,
    ledger: Ledger,
    force: bool,
    summary: Summary,
    again: set[str] | frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Articles to read this run (as cited -> content hash); unchanged ones are skipped."""
    todo = {}
    for path in paths:
        rel = display(path, content)
        try:
            digest = content_hash(path.read_bytes())
        except OSError as err:
            summary.problems.append(Problem(rel, f"cannot read: {err.strerror}"))
            summary.failed += 1
            continue
        if not force and rel not in again and ledger.unchanged(rel, digest):
            summary.skipped += 1
        else:
            todo[rel] = digest
    return todo


def run_extract(
    content: Path,
    force: bool = False,
    jobs: int = 1,
    stream: TextIO = sys.stderr,
    factory: Callable[[list[Person]], Any] = make_extractor,
) -> Summary:
    """Extract new and changed articles into the store; see the module's docstring. One run
    at a time (`lock`); SIGTERM ends it as Ctrl-C does: what is done is kept and recorded."""
    with extract_lock(content, stream), _terminate_as_interrupt():
        for path in remove_stale_temporaries(content):
            print(f"removed {display(path, content)} (left by an interrupted write)", file=stream)
        return _run(content, force, jobs, stream, factory)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt while the run lasts (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(
    content: Path,
    force: bool,
    jobs: int,
    stream: TextIO,
    factory: Callable[[list[Person]], Any],
) -> Summary:
    summary = Summary()
    ledger, problems = read_ledger(content)
    people, people_problems = check_people(content / "people.yml", content)
    summary.problems += problems + people_problems
    if ledger is None or not summary.ok:
        return summary  # without a trustworthy ledger and registry, nothing is written
    people_digest = content_hash((content / "people.yml").read_bytes())
    paths, refused = walk(content / "articles", content, ".md")
    summary.problems += refused
    summary.read, summary.failed = len(paths), len(refused)
    merger = Merger(content, ledger, summary)
    again = _settle(merger)
    assert merger.index is not None
    summary.problems += follow_corrections(content, ledger, merger.index, people)
    force = force or ledger.people != people_digest
    todo = _to_extract(paths, content, ledger, force, summary, again)
    present = merger.articles = {display(p, content) for p in paths}
    del paths  # Path objects cost more than the text kept for each article
    _extract_and_merge(todo, content, people, jobs, factory, merger, stream)
    ledger.keep_only(present)
    ledger.set_people(people_digest)
    try:
        written = write_ledger(content, ledger)
    except OSError as err:
        message = f"not written ({err.strerror}); the next run reads these articles again"
        summary.problems.append(Problem(display(content / LEDGER_NAME, content), message))
        return summary
    if written and ledger.moved_from:
        new = display(content / LEDGER_NAME, content)
        message = f"expected {new}, found this older ledger: moved to {new} (commit both)"
        summary.problems.append(Problem(ledger.moved_from, message, warning=True))
    return summary


def _settle(merger: Merger) -> set[str]:
    """Read the store; bury what editors deleted; the articles to read again (`settle`)."""
    merger.index = read_index(merger.content, merger.summary.problems)
    settled = settle(merger.content, merger.ledger, merger.index, merger.summary.problems)
    merger.buried, merger.graves = settled.buried, settled.graves
    return settled.again


def _extract_and_merge(
    todo: dict[str, str],
    content: Path,
    people: list[Person],
    jobs: int,
    factory: Callable[[list[Person]], Any],
    merger: Merger,
    stream: TextIO,
) -> None:
    """Extract every article of `todo` and merge the results a batch at a time."""
    summary = merger.summary
    progress = Progress(len(todo), stream)
    batch: list[Extracted] = []
    done = 0
    try:
        for result in _extract_all(list(todo), content, people, jobs, factory):
            done += 1
            batch.append(result)
            summary.problems += result.problems
            summary.failed += result.events is None
            progress.advance()
            if len(batch) >= BATCH:
                merger.merge(batch, todo)
                batch = []
    except BrokenProcessPool:  # a worker died (out of memory, killed): keep what is done
        message = "expected the extraction workers to finish, found one killed; run again"
        summary.problems.append(Problem("timeline extract", message))
        summary.failed += len(todo) - done
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: keep and record what is done
        message = f"interrupted after {done} of {len(todo)} articles; the next run reads the rest"
        summary.problems.append(Problem("timeline extract", message))
    progress.close()
    if batch:
        merger.merge(batch, todo)
    merger.finish()
