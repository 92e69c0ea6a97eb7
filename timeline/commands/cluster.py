"""Extraction on a Dask distributed cluster: `timeline extract --scheduler tcp://host:8786`.

What runs where (docs/distributed.md):

- here: the walk of `content/articles/`, each article read once (for its hash and its text),
  the ledger, and the merge into the store, in the same order as a local run;
- on the workers: `extract_text` (check the front matter, parse, extract), the pure part.
  Each task carries `CHUNK` articles' bytes and the people registry (compressed); each
  worker thread builds its extractor once.

Results are taken back in the order the articles were sent, `IN_FLIGHT` tasks a worker
thread ahead at most, so the merge sees exactly what a local run sees and memory stays that
of a window. A worker that dies has its tasks run again elsewhere by Dask; a task that kills
`distributed.scheduler.allowed-failures` workers in a row costs only its own articles
(each gets a line). An unreachable scheduler, a cluster without workers, workers with other
versions of the packages the results depend on, a scheduler lost half-way: one line each
(`ClusterError`), no traceback.

Dask is imported only here and only when `--scheduler` is given (the `dask` extra).
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from itertools import islice
from typing import Any

from timeline.commands.merging import Extracted
from timeline.model import Person, Problem

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler
WORKER_WAIT = 60.0  # seconds a run waits with no worker connected before it gives up
CHUNK = 32  # articles a task: a task costs the scheduler about a millisecond
IN_FLIGHT = 4  # tasks a worker thread ahead of the merge
# Packages whose version changes what is extracted: workers must have the client's.
SAME_VERSIONS = ("uschina-timeline", "dateparser", "opencc", "PyYAML", "regex")


class ClusterError(Exception):
    """A cluster problem a user can cause or fix, said in one line."""


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    """The versions of `SAME_VERSIONS` in this process (run on each worker too)."""
    return {name: _version(name) for name in SAME_VERSIONS}


_local = threading.local()  # one extractor per worker thread, per registry and factory


def extract_chunk(
    jobs: list[Any], registry: str, people: bytes, factory: Callable
) -> list[Extracted]:
    """Run on a worker: the results of `jobs`, in order. `people` is the registry pickled
    and compressed (about 15 KB), unpacked only when this thread has no extractor for it."""
    from timeline.commands.extract import extract_text

    key = (registry, factory)
    if getattr(_local, "key", None) != key:
        _local.extractor, _local.key = factory(pickle.loads(zlib.decompress(people))), key
    return [extract_text(job, _local.extractor) for job in jobs]


class Cluster:
    """A connection to a Dask scheduler, for one run."""

    def __init__(self, client: Any, address: str):
        self.client, self.address = client, address

    @classmethod
    def connect(cls, address: str) -> Cluster:
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError(
                "--scheduler needs Dask distributed: pip install 'uschina-timeline[dask]'"
            ) from None
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError, TypeError) as err:
            raise ClusterError(
                f"expected a Dask scheduler at {address}, found none ({_reason(err)}); start "
                "one with `dask scheduler` and workers with `dask worker ADDRESS`"
            ) from None
        cluster = cls(client, address)
        try:
            cluster._check_workers()
        except BaseException:
            cluster.close()
            raise
        return cluster

    def close(self) -> None:
        with contextlib.suppress(OSError, TimeoutError):  # the scheduler may be gone already
            self.client.close(timeout=CONNECT_TIMEOUT)

    def _check_workers(self) -> None:
        """At least one worker, and every worker with the versions the results depend on."""
        try:
            self.client.wait_for_workers(1, timeout=WORKER_WAIT)
            found = self.client.run(versions)
        except (OSError, TimeoutError) as err:
            raise ClusterError(
                f"expected a worker connected to the scheduler at {self.address}, found none "
                f"within {WORKER_WAIT:.0f} s ({_reason(err)}); start one with "
                f"`dask worker {self.address}`"
            ) from None
        except Exception as err:  # a worker cannot run our code (not installed there)
            raise ClusterError(
                f"expected uschina-timeline {_version('uschina-timeline')} on every worker, "
                f"found a worker that cannot run it ({type(err).__name__}: {_reason(err)})"
            ) from None
        mine = versions()
        for worker, theirs in sorted(found.items()):
            for name, version in mine.items():
                if theirs.get(name) != version:
                    raise ClusterError(
                        f"expected {name} {version} on every worker (as here), found "
                        f"{theirs.get(name)} on {worker}: install the same version there"
                    )

    def extract(
        self, jobs: Iterable[Any], people: list[Person], factory: Callable
    ) -> Iterator[Extracted]:
        """The results of `jobs`, in their order (`extract_text` run on the workers)."""
        # The registry goes with every task rather than scattered once: a task must not depend
        # on data held by a worker that may die (Dask cannot recompute scattered data).
        packed = zlib.compress(pickle.dumps(people))
        registry = hashlib.sha256(packed).hexdigest()
        try:
            window = IN_FLIGHT * max(1, sum(self.client.nthreads().values()))
        except (OSError, TimeoutError) as err:
            raise self._lost(err) from None
        pending: deque[tuple[Any, list[Any]]] = deque()
        chunks = iter(lambda: list(islice(jobs, CHUNK)), [])
        try:
            for chunk in chunks:
                future = self.client.submit(
                    extract_chunk, chunk, registry, packed, factory, pure=False
                )
                pending.append((future, chunk))
                while len(pending) >= window:
                    yield from self._result(*pending.popleft())
            while pending:
                yield from self._result(*pending.popleft())
        finally:
            if pending:
                with contextlib.suppress(Exception):  # the scheduler may be gone already
                    self.client.cancel([future for future, _ in pending])

    def _result(self, future: Any, chunk: list[Any]) -> list[Extracted]:
        """A task's results; its articles' failures when it cannot be run."""
        from distributed import KilledWorker

        alone = None
        while True:
            try:
                return future.result(timeout=1)
            except KilledWorker:
                reason = "a worker died each time it was given them (out of memory?)"
            except TimeoutError as err:
                if not future.done():  # still running or waiting for a worker
                    alone = self._without_workers(alone)
                    continue
                reason = f"the worker failed: {type(err).__name__}: {err}"
            except OSError as err:
                raise self._lost(err) from None
            except Exception as err:  # raised on the worker: its environment, not an article
                reason = f"the worker failed: {type(err).__name__}: {_reason(err)}"
            message = f"expected the cluster to extract this article, found that {reason}"
            return [Extracted(job.rel, None, [Problem(job.rel, message)]) for job in chunk]

    def _lost(self, err: BaseException) -> ClusterError:
        return ClusterError(f"lost the Dask scheduler at {self.address} ({_reason(err)})")

    def _without_workers(self, since: float | None) -> float | None:
        """When the cluster lost its last worker (None while it has some); past
        `WORKER_WAIT` without one, the run stops."""
        try:
            count = len(self.client.nthreads())
        except (OSError, TimeoutError) as err:
            raise self._lost(err) from None
        if count:
            return None
        now = time.monotonic()
        if since is not None and now - since > WORKER_WAIT:
            raise ClusterError(
                f"expected workers at {self.address}, found none for {WORKER_WAIT:.0f} s"
            )
        return since if since is not None else now


def _reason(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__
