"""Timings of the store tools over generated articles: first extract, no-op extract, check.

    PYTHONPATH=. python bench/store_bench.py --articles 1000 --jobs 2

Writes a throw-away project in a temporary folder, runs the real `timeline` command in a
subprocess for each step (imports included, as an editor would see it), checks that the
second extract changed no file, and prints one line per step.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = [
    ("Secretary of State Antony Blinken", "Foreign Minister Qin Gang"),
    ("President Joe Biden", "President Xi Jinping"),
    ("National Security Adviser Jake Sullivan", "Foreign Minister Wang Yi"),
]
CITIES = ["Beijing", "Washington", "Bali", "Vienna", "San Francisco"]
MONTHS = "January February March April May June July August September October November December"


def article(number: int) -> str:
    """A short report; every fifth one reports the same contact as the one before it."""
    contact = number - 1 if number % 5 == 4 else number
    us, china = PAIRS[contact % len(PAIRS)]
    day = dt.date(2021, 1, 1) + dt.timedelta(days=contact)
    date = f"{MONTHS.split()[day.month - 1]} {day.day}, {day.year}"
    city = CITIES[contact % len(CITIES)]
    body = (
        f"{us} met {china} in {city} on {date}, officials said.\n\n"
        f"The two sides discussed trade and security for several hours.\n\n"
        f"Report number {number} adds that further talks are expected.\n"
    )
    published = (day + dt.timedelta(days=number % 2)).isoformat()
    front = (
        f"---\ntitle: Report {number}\noutlet: Bench Wire\n"
        f"published: {published}\nlanguage: en\n---\n"
    )
    return front + "\n" + body


def digest(folder: Path) -> str:
    hashed = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hashed.update(path.as_posix().encode() + path.read_bytes())
    return hashed.hexdigest()


def timed(args: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "timeline.cli", *args], cwd=cwd, capture_output=True, text=True
    )
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        content = project / "content"
        (content / "articles/en/2023").mkdir(parents=True)
        shutil.copy(ROOT / "content/people.yml", content / "people.yml")
        for number in range(options.articles):
            path = content / f"articles/en/2023/report-{number:05d}.md"
            path.write_text(article(number), encoding="utf-8")
        seconds, first = timed(["extract", "--jobs", str(options.jobs)], project)
        print(f"first extract ({options.jobs} jobs): {seconds:.2f} s; {first.stdout.strip()}")
        before = digest(content)
        seconds, second = timed(["extract"], project)
        same = "no file changed" if digest(content) == before else "FILES CHANGED"
        print(f"no-op extract: {seconds:.2f} s; {second.stdout.strip()}; {same}")
        seconds, checked = timed(["check"], project)
        events = len(list((content / "events").rglob("*.yml")))
        print(f"check ({events} events, exit {checked.returncode}): {seconds:.2f} s")
        print(checked.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
