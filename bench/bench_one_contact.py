"""One contact reported by many articles: `timeline extract` and `timeline check` stay linear.

For each size (default 1,000 and 10,000) a temporary project gets that many short English
articles, each reporting the same talks (Blinken and Qin Gang in Beijing, 18 June 2023) in a
sentence of its own, all published the same day. `timeline extract` (real extractor, one
subprocess, `--jobs` as given), `timeline check` and `timeline extract --force` again (every
claim routed to the event holding it: no file may change) are timed; the run prints each time,
the number of event files written (one is right), whether `check` passed, and the ratio of the
largest size's times to the smallest's against the ratio of the sizes (linear: about equal).

    PYTHONPATH=. .venv/bin/python bench/bench_one_contact.py [--sizes 1000 10000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ("Wire", "Courier", "Gazette", "Herald", "Daily", "Observer", "Post", "Tribune")
VERBS = ("held talks with", "had talks with", "conducted talks with")


def write_project(folder: Path, size: int) -> Path:
    content = folder / "content"
    (content / "articles/en/2023").mkdir(parents=True)
    (content / "events").mkdir()
    shutil.copy(ROOT / "content/people.yml", content / "people.yml")
    for number in range(size):
        outlet = OUTLETS[number % len(OUTLETS)]
        verb = VERBS[number % len(VERBS)]
        body = (
            f"US Secretary of State Antony Blinken {verb} Chinese Foreign Minister Qin Gang "
            f"in Beijing on Sunday, report {number} says."
        )
        front = f"---\ntitle: Report {number}\noutlet: {outlet}\npublished: 2023-06-19\n"
        path = content / f"articles/en/2023/report-{number:05d}.md"
        path.write_text(front + f"language: en\n---\n\n{body}\n", encoding="utf-8")
    return content


def timed(content: Path, *command: str) -> tuple[float, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "--content", str(content), *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return time.perf_counter() - started, done.returncode


def measure(size: int, jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        content = write_project(Path(folder), size)
        extract, extract_rc = timed(content, "extract", "--jobs", str(jobs))
        check, check_rc = timed(content, "check")
        files = list((content / "events").rglob("*.yml"))
        before = [f.read_bytes() for f in files]
        again, again_rc = timed(content, "extract", "--force", "--jobs", str(jobs))
        same = before == [f.read_bytes() for f in files]
        biggest = max((f.stat().st_size for f in files), default=0)
    print(
        f"{size:>6} articles: extract {extract:7.1f} s (exit {extract_rc}), check {check:5.1f} s "
        f"(exit {check_rc}), extract --force again {again:7.1f} s (exit {again_rc}, "
        f"{'no file changed' if same else 'FILES CHANGED'}); {len(files)} event file(s), "
        f"largest {biggest / 1e6:.1f} MB",
        flush=True,
    )
    return {"extract": extract, "check": check, "extract --force again": again}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    results = {size: measure(size, args.jobs) for size in args.sizes}
    small, large = min(results), max(results)
    if small != large:
        for what in results[small]:
            ratio = results[large][what] / results[small][what]
            print(f"{what}: x{ratio:.1f} for x{large / small:.0f} the articles")


if __name__ == "__main__":
    main()
