"""Articles per second of `timeline extract` locally and on a Dask cluster of 1 and 2 workers.

    PYTHONPATH=. python bench/bench_distributed.py [--articles 600] [--rounds 3]

Writes `--articles` generated articles (bench/synth_articles.py: short reports in uk, ru, en
and zh) into a temporary project, starts two local Dask clusters of worker processes (one
worker, two workers; one thread each, as docs/distributed.md advises), and runs
`run_extract(force=True)` on fresh copies of the project: locally with one process, locally
with `--jobs 2`, and with `--scheduler` on each cluster, one after the other in each round
(so that the machine's load falls on all alike). Prints each median in articles per second
(the merge into the store included, imports and cluster start not) and its ratio to the
local run, and checks that every run wrote exactly the files of the local one.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from distributed import LocalCluster  # noqa: E402
from storekit import snapshot  # noqa: E402
from synth_articles import write_corpus  # noqa: E402

from timeline.commands.extract import run_extract  # noqa: E402


def timed(source: Path, target: Path, **options: object) -> tuple[float, dict[str, bytes]]:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    content = target / "content"
    start = time.perf_counter()
    run_extract(content, force=True, stream=io.StringIO(), **options)  # type: ignore[arg-type]
    return time.perf_counter() - start, snapshot(content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        content = source / "content"
        (content / "articles").mkdir(parents=True)
        shutil.copy(ROOT / "content/people.yml", content / "people.yml")
        write_corpus(content, args.articles, broken_share=0.0, seed=11)
        one = LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0")
        two = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0")
        runs = {
            "local, 1 process": {},
            "local, --jobs 2": {"jobs": 2},
            "Dask, 1 worker": {"scheduler": one.scheduler_address},
            "Dask, 2 workers": {"scheduler": two.scheduler_address},
        }
        seconds: dict[str, list[float]] = {name: [] for name in runs}
        expected = None
        try:
            timed(source, Path(tmp) / "warm", scheduler=two.scheduler_address)  # workers warm
            for _ in range(args.rounds):
                for name, options in runs.items():
                    took, files = timed(source, Path(tmp) / "run", **options)
                    expected = expected or files
                    if files != expected:
                        print(f"{name}: the files differ from the local run's", file=sys.stderr)
                        return 1
                    seconds[name].append(took)
        finally:
            one.close()
            two.close()
    events = sum(name.startswith("events/") for name in expected or {})
    print(f"{args.articles} articles, {events} event files, the same in every run")
    base = statistics.median(seconds["local, 1 process"])
    for name, took in seconds.items():
        median = statistics.median(took)
        print(
            f"{name:18} {args.articles / median:7.1f} articles/s  x{base / median:4.2f}  "
            f"(median of {len(took)}: {', '.join(f'{t:.2f}' for t in took)} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
