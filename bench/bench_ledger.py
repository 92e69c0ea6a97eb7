"""Memory and time of reading and writing the extraction ledger (content/ledger.json).

    PYTHONPATH=. python bench/bench_ledger.py            # a generated 10,000-article ledger
    PYTHONPATH=. python bench/bench_ledger.py --articles 2000
    PYTHONPATH=. python bench/bench_ledger.py --content PATH  # a real project's content/

Measures `read_ledger` with tracemalloc (peak, retained, bytes per entry) for `ledger.json`
and for the same ledger as the older `ledger.yml`, then `write_ledger`. A real project's
content folder is copied to a temporary folder first (its ledger.yml is moved there, the
original is never touched). Target (issue 7): reading a 10,000-article ledger.json peaks less
than 10 MB above what it keeps. Exit status 1 when it does not.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from timeline.store.ledger import LEDGER_NAME, OLD_LEDGER_NAME, Ledger, read_ledger, write_ledger
from timeline.store.ledger_json import Article, Contact
from timeline.yamlio import dump_yaml

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["talks", "meeting", "call", "summit", "visit"]
TARGET = 10_000_000


def generated(articles: int) -> Ledger:
    """A ledger shaped like the stress benchmark's: about one event per article."""
    rng = random.Random(7)
    people = [
        line.split(":", 1)[1].strip()
        for line in ROOT.joinpath("content/people.yml").read_text(encoding="utf-8").splitlines()
        if line.startswith("- id:")
    ]
    ledger = Ledger(hashlib.sha256(b"people").hexdigest())
    for number in range(articles):
        year = 1969 + number * 56 // articles
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        us, china = rng.sample(people, 2)
        event_id = f"{day}-{us}-{china}"
        path = f"content/articles/en/{year}/{day}-report-{number:05d}.md"
        digest = hashlib.sha256(path.encode()).digest()
        ledger.articles[path] = Article(digest, (event_id,) if number % 20 else ())
        if number % 20:
            ledger.events[event_id] = Contact(day, None, rng.choice(KINDS), (us,), (china,))
    return ledger


def as_yaml(ledger: Ledger) -> str:
    """The ledger as the older ledger.yml held it."""
    data = json.loads(ledger.to_text())
    del data["about"]
    return "# Written by `timeline extract`; do not edit.\n" + dump_yaml(
        {k: data[k] for k in ("people", "articles", "events")}
    )


def measure_read(content: Path, name: str) -> tuple[Ledger, int]:
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    ledger, problems = read_ledger(content)
    seconds = time.perf_counter() - started
    gc.collect()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if ledger is None:
        sys.exit("\n".join(str(p) for p in problems))
    entries = len(ledger.articles) + len(ledger.events)
    print(
        f"read {name:<12} {seconds:6.2f} s (traced)  peak {peak / 1e6:6.1f} MB  retained "
        f"{retained / 1e6:5.1f} MB  above retained {(peak - retained) / 1e6:5.1f} MB  "
        f"{retained / entries:4.0f} B/entry ({len(ledger.articles)} articles, "
        f"{len(ledger.events)} events)"
    )
    return ledger, peak - retained


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--content", type=Path, help="measure this project's ledger instead")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        content.mkdir()
        if options.content:
            for name in (LEDGER_NAME, OLD_LEDGER_NAME):
                if (options.content / name).exists():
                    shutil.copy(options.content / name, content / name)
            ledger, _ = read_ledger(content)
            if ledger is None:
                sys.exit("the project's ledger cannot be read: run `timeline check`")
        else:
            ledger = generated(options.articles)
        (content / LEDGER_NAME).unlink(missing_ok=True)
        (content / OLD_LEDGER_NAME).write_text(as_yaml(ledger), encoding="utf-8")
        measure_read(content, OLD_LEDGER_NAME)
        write_ledger(content, ledger)  # the migration: writes ledger.json, removes ledger.yml
        read, above = measure_read(content, LEDGER_NAME)
        size = (content / LEDGER_NAME).stat().st_size
        read.changed = True
        (content / LEDGER_NAME).unlink()
        tracemalloc.start()
        started = time.perf_counter()
        write_ledger(content, read)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"write {LEDGER_NAME:<11} {seconds:6.2f} s (traced)  peak {peak / 1e6:6.1f} MB  "
            f"file {size / 1e6:.2f} MB"
        )
    verdict = "ok" if above < TARGET else "over the target"
    print(
        f"reading {LEDGER_NAME} peaks {above / 1e6:.1f} MB above what it keeps "
        f"(target < {TARGET / 1e6:.0f} MB): {verdict}"
    )
    return 0 if above < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
