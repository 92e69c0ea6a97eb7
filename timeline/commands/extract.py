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
from typing import Any, NamedTuple, TextIO

from timeline.articles import MAX_ARTICLE_BYTES, parse_article
from timeline.check.articles import check_article_text
from timeline.check.people import check_people
from timeline.commands.lock import extract_lock, remove_stale_temporaries
from timeline.commands.merging import Extracted, Merger, Summary
from timeline.commands.progress import Progress
from timeline.commands.retitle import follow_corrections
from timeline.commands.settle import settle
from timeline.contentfs import decode_text, display, walk
from timeline.model import Person, Problem
from timeline.store.index import read_index
from timeline.store.ledger import LEDGER_NAME, Ledger, content_hash, read_ledger, write_ledger

_extractor = None  # one per process, built once: the registry is compiled once
# Articles merged at a time: memory stays that of one batch, whatever the corpus. A contact
# reported in two batches is merged as over two runs: the first creates it, the second adds
# its source (`merge` decides in a fixed order within a batch; batches follow file order).
BATCH = 500
# Bytes of changed articles kept from hashing (every article is read once for its hash) to
# extraction, so that each is opened once; past this budget an article is read again.
KEEP_BYTES = 64 * 1024 * 1024


class Job(NamedTuple):
    """One article to extract: its path as cited and its bytes, read here and sent to the
    worker (or why it could not be read)."""

    rel: str
    data: bytes | None
    error: str = ""


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


def extract_one(job: Job) -> Extracted:
    """One article, with the extractor of this process (`_init_worker`)."""
    assert _extractor is not None
    return extract_text(job, _extractor)


def extract_text(job: Job, extractor: Any) -> Extracted:
    """Validate one article as `timeline check` does, then extract its events."""
    rel = job.rel
    if job.data is None:
        return Extracted(rel, None, [Problem(rel, f"cannot read: {job.error}")])
    text, problems = decode_text(job.data, rel, MAX_ARTICLE_BYTES)
    if text is None:
        return Extracted(rel, None, problems)
    problems = check_article_text(rel, text)
    if any(not p.warning for p in problems):
        return Extracted(rel, None, problems)
    article, more = parse_article(rel, text)
    if article is None:
        return Extracted(rel, None, problems + more)
    article.path = rel
    try:
        events = extractor.extract_events(article)
    except Exception as err:  # the extractor must not take the run down with it
        message = f"expected an article the extractor can read, found {type(err).__name__}: {err}"
        return Extracted(rel, None, [Problem(rel, message)])
    return Extracted(rel, events, problems)


def jobs_of(todo: Iterable[str], kept: dict[str, bytes], content: Path) -> Iterator[Job]:
    """The articles of `todo` in order, with the bytes kept from hashing (read again if not)."""
    for rel in todo:
        data = kept.pop(rel, None)
        if data is None:
            try:
                data = (content.parent / rel).read_bytes()
            except OSError as err:
                yield Job(rel, None, err.strerror or str(err))
                continue
        yield Job(rel, data)


def _extract_all(
    jobs: Iterator[Job],
    count: int,
    people: list[Person],
    workers: int,
    factory: Callable,
    cluster: Any = None,
) -> Iterator[Extracted]:
    """Results in the order of `jobs`; workers get a window of articles at a time, so finished
    results never wait in memory for more than a window."""
    if cluster is not None:
        yield from cluster.extract(jobs, people, factory)
        return
    if workers <= 1 or count < 2:
        if count:
            _init_worker(people, factory)
            yield from map(extract_one, jobs)
        return
    window = BATCH * workers
    chunk = max(1, min(window, count) // (workers * 8))
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
) -> tuple[dict[str, str], dict[str, bytes]]:
    """Articles to read this run (as cited -> content hash; unchanged ones are skipped), and
    the bytes of as many of them as `KEEP_BYTES` allows."""
    todo: dict[str, str] = {}
    kept: dict[str, bytes] = {}
    budget = KEEP_BYTES
    for path in paths:
        rel = display(path, content)
        try:
            data = path.read_bytes()
        except OSError as err:
            summary.problems.append(Problem(rel, f"cannot read: {err.strerror}"))
            summary.failed += 1
            continue
        digest = content_hash(data)
        if not force and rel not in again and ledger.unchanged(rel, digest):
            summary.skipped += 1
            continue
        todo[rel] = digest
        if len(data) <= budget:
            kept[rel] = data
            budget -= len(data)
    return todo, kept


def run_extract(
    content: Path,
    force: bool = False,
    jobs: int = 1,
    stream: TextIO = sys.stderr,
    factory: Callable[[list[Person]], Any] = make_extractor,
    scheduler: str | None = None,
) -> Summary:
    """Extract new and changed articles into the store; see the module's docstring. One run
    at a time (`lock`); SIGTERM ends it as Ctrl-C does: what is done is kept and recorded.
    With `scheduler` (a Dask scheduler's address) the articles are extracted on that cluster
    (`commands.cluster`); the merge stays here, in the same order as a local run's."""
    cluster = None
    if scheduler is not None:
        from timeline.commands.cluster import Cluster, ClusterError

        try:
            cluster = Cluster.connect(scheduler)
        except ClusterError as err:
            return Summary(problems=[Problem("timeline extract", str(err))])
    try:
        with extract_lock(content, stream), _terminate_as_interrupt():
            for path in remove_stale_temporaries(content):
                print(
                    f"removed {display(path, content)} (left by an interrupted write)", file=stream
                )
            return _run(content, force, jobs, stream, factory, cluster)
    finally:
        if cluster is not None:
            cluster.close()


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
    cluster: Any = None,
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
    todo, kept = _to_extract(paths, content, ledger, force, summary, again)
    present = merger.articles = {display(p, content) for p in paths}
    del paths  # Path objects cost more than the text kept for each article
    extracted = _extract_all(
        jobs_of(todo, kept, content), len(todo), people, jobs, factory, cluster
    )
    _extract_and_merge(todo, extracted, merger, stream)
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
    todo: dict[str, str], extracted: Iterator[Extracted], merger: Merger, stream: TextIO
) -> None:
    """Merge the results of every article of `todo`, in order, a batch at a time."""
    from timeline.commands.cluster import ClusterError  # imports nothing of Dask itself

    summary = merger.summary
    progress = Progress(len(todo), stream)
    batch: list[Extracted] = []
    done = 0
    try:
        for result in extracted:
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
    except ClusterError as err:  # the scheduler went away, or no worker is left
        summary.problems.append(Problem("timeline extract", f"{err}; run again"))
        summary.failed += len(todo) - done
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: keep and record what is done
        message = f"interrupted after {done} of {len(todo)} articles; the next run reads the rest"
        summary.problems.append(Problem("timeline extract", message))
    progress.close()
    if batch:
        merger.merge(batch, todo)
    merger.finish()
