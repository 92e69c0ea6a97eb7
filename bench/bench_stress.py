"""Stress run: extract thousands of generated articles, 1% of them broken, and build the site.

For each size (default 2,000 and 10,000 articles) in a throw-away project:
1. `synth_articles.write_corpus` writes the articles (uk/ru/en/zh, officials from
   content/people.yml, dated contacts) with 1% broken in the ways `BROKEN_KINDS` lists;
2. `timeline extract` runs in a subprocess: it must exit non-zero, and its error lines must
   name exactly the broken files, one line each;
3. `timeline extract` runs again over the unchanged corpus (the ledger skips what was read;
   the broken files are read again and must be reported again, exactly as before);
4. `mkdocs build --strict` runs with the broken articles still there: it must fail and name
   exactly the same files;
5. the broken articles are removed (an editor's fix) and `mkdocs build --strict` must pass.
Every step's wall time and peak resident memory (the child's `ru_maxrss` from `os.wait4`,
the same figure `resource.getrusage(RUSAGE_CHILDREN)` and `/usr/bin/time -f %M` give) are
printed, with the ratio of peaks between the largest and smallest size.

    PYTHONPATH=. python bench/bench_stress.py                     # 2,000 and 10,000
    PYTHONPATH=. python bench/bench_stress.py --articles 5000     # 2,000 and 5,000
    PYTHONPATH=. python bench/bench_stress.py --quick             # 200 and 1,000

Exit status 0 when every check held, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build_memory import peak_rss, plain_project  # noqa: E402
from synth_articles import Corpus, write_corpus  # noqa: E402

# An error line naming an article: `content/articles/x.md:6:12: …`, as `timeline extract`
# prints it and as MkDocs logs it (`ERROR   -  content/…`); older form `error: content/…: …`.
ARTICLE_ERROR = re.compile(
    r"^(?:ERROR\s+-\s+|error: )?(?P<path>content/articles/\S+?\.md)(?::\d+)*: (?P<what>.*)$"
)
FLAT_RATIO = 1.25  # peak memory may grow at most this much between the sizes
FLAT_STEPS = ("extract", "extract again", "build, broken")


@dataclass
class Run:
    """One measured subprocess."""

    returncode: int
    seconds: float
    peak_kb: int
    stdout: str
    stderr: str


@dataclass
class Step:
    name: str
    run: Run
    ok: bool
    note: str


@dataclass
class SizeResult:
    articles: int
    broken: int
    steps: list[Step] = field(default_factory=list)
    pages: int = 0
    floor_mb: float = 0.0  # a plain MkDocs + Material build of as many one-line pages

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)


def run_measured(command: list[str], cwd: Path) -> Run:
    """Run `command`, wait for it with `os.wait4` and return its exit, time and peak RSS."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            process.returncode,
            seconds,
            usage.ru_maxrss,  # kilobytes on Linux
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def article_errors(stderr: str) -> dict[str, list[str]]:
    """Error lines that name an article, by article (warnings are not counted)."""
    found: dict[str, list[str]] = defaultdict(list)
    for line in stderr.splitlines():
        match = ARTICLE_ERROR.match(line.strip())
        if match and not match["what"].startswith("warning:"):
            found[match["path"]].append(line)
    return dict(found)


def compare(errors: dict[str, list[str]], corpus: Corpus) -> tuple[bool, str]:
    """Exactly one error line per broken file, and none for any other file."""
    lines = sum(len(v) for v in errors.values())
    missed = sorted(set(corpus.broken) - set(errors))
    extra = sorted(set(errors) - set(corpus.broken))
    ok = not missed and not extra and lines == len(corpus.broken)
    note = f"{lines} error lines, {len(errors)} files"
    if missed:
        note += f"; NOT reported: {', '.join(f'{p} ({corpus.broken[p]})' for p in missed[:5])}"
    if extra:
        note += f"; reported but not broken: {', '.join(extra[:5])}"
    if lines != len(errors):
        note += "; some file has more than one line"
    return ok, note


def make_project(folder: Path) -> Path:
    """A project like the real one, with the real registry and an empty store."""
    folder.mkdir(parents=True)
    # synthetic stores are part drafts: publish them all, as before publish_drafts
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("publish_drafts: false", "publish_drafts: true")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("site_src", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, folder / name)
    (folder / "content/events").mkdir(parents=True)
    shutil.copy(ROOT / "content/people.yml", folder / "content/people.yml")
    return folder


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html")) if site.is_dir() else 0


def run_size(count: int, share: float, seed: int, folder: Path) -> SizeResult:
    project = make_project(folder)
    print(f"[{count}] writing {count} articles ...", file=sys.stderr, flush=True)
    corpus = write_corpus(project / "content", count, share, seed)
    result = SizeResult(count, len(corpus.broken))
    python = sys.executable

    print(f"[{count}] timeline extract ...", file=sys.stderr, flush=True)
    run = run_measured([python, "-m", "timeline.cli", "extract"], project)
    ok, note = compare(article_errors(run.stderr), corpus)
    summary = run.stdout.strip().splitlines()[-1:] or ["(no summary line)"]
    result.steps.append(Step("extract", run, ok and run.returncode != 0, f"{note}; {summary[0]}"))

    print(f"[{count}] timeline extract again, nothing changed ...", file=sys.stderr, flush=True)
    run = run_measured([python, "-m", "timeline.cli", "extract"], project)
    ok, note = compare(article_errors(run.stderr), corpus)
    summary = run.stdout.strip().splitlines()[-1:] or ["(no summary line)"]
    result.steps.append(
        Step("extract again", run, ok and run.returncode != 0, f"{note}; {summary[0]}")
    )

    build = mkdocs_build()
    print(f"[{count}] mkdocs build with the broken articles ...", file=sys.stderr, flush=True)
    run = run_measured(build, project)
    ok, note = compare(article_errors(run.stderr), corpus)
    result.steps.append(Step("build, broken", run, ok and run.returncode != 0, note))

    for cited in corpus.broken:
        (project / cited).unlink()
    print(f"[{count}] mkdocs build after removing them ...", file=sys.stderr, flush=True)
    run = run_measured(build, project)
    pages = count_pages(project / "site")
    tail = "" if run.returncode == 0 else run.stderr.strip().splitlines()[-1:]
    result.steps.append(Step("build", run, run.returncode == 0, f"{pages} pages {tail or ''}"))
    print(f"[{count}] plain MkDocs build of {pages} pages (the floor) ...", file=sys.stderr)
    plain = plain_project(folder.parent / f"plain{count}", pages)
    result.pages, result.floor_mb = pages, peak_rss(mkdocs_build(), plain)
    return result


def mkdocs_build() -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict"]


def table(results: list[SizeResult]) -> str:
    rows = [
        f"{'articles':>8} {'broken':>6}  {'step':<14} {'exit':>4} {'seconds':>8} "
        f"{'art/s':>6} {'peak MB':>8}  {'check':<5} note"
    ]
    for res in results:
        for step in res.steps:
            rate = f"{res.articles / step.run.seconds:6.0f}"
            rows.append(
                f"{res.articles:>8} {res.broken:>6}  {step.name:<14} {step.run.returncode:>4} "
                f"{step.run.seconds:8.1f} {rate} {step.run.peak_kb / 1024:8.1f}  "
                f"{'ok' if step.ok else 'FAIL':<5} {step.note}"
            )
    return "\n".join(rows)


def ratios(small: SizeResult, large: SizeResult) -> tuple[bool, str]:
    """Peak memory at both sizes. Extraction and a build that stops on errors must stay within
    FLAT_RATIO; the build that writes the site is compared with a plain MkDocs build of as
    many pages (MkDocs and Material keep every page and its search entries until the end)."""
    lines, flat = [], True
    for name in ("extract", "extract again", "build, broken", "build"):
        a, b = small.step(name).run.peak_kb, large.step(name).run.peak_kb
        ratio = b / a
        verdict = ""
        if name in FLAT_STEPS:
            verdict = "flat" if ratio <= FLAT_RATIO else f"NOT flat (limit x{FLAT_RATIO})"
            flat = flat and ratio <= FLAT_RATIO
        else:
            per_page = (b - a) / (large.pages - small.pages)
            floor = (large.floor_mb - small.floor_mb) * 1024 / (large.pages - small.pages)
            verdict = (
                f"({per_page:.1f} KB a page; plain MkDocs {small.floor_mb:.1f} -> "
                f"{large.floor_mb:.1f} MB, x{large.floor_mb / small.floor_mb:.2f}, "
                f"{floor:.1f} KB a page)"
            )
        lines.append(
            f"peak memory, {name + ':':<15} {a / 1024:6.1f} MB at {small.articles:>6}, "
            f"{b / 1024:6.1f} MB at {large.articles:>6}: x{ratio:.2f} {verdict}"
        )
    return flat, "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="the large size")
    parser.add_argument("--small", type=int, default=2_000, help="the small size")
    parser.add_argument("--broken-share", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="200 and 1,000 articles")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    options = parser.parse_args()
    if options.quick:
        options.articles, options.small = 1_000, 200
    tmp = Path(tempfile.mkdtemp(prefix="bench-stress-"))
    try:
        results = [
            run_size(n, options.broken_share, options.seed, tmp / f"n{n}")
            for n in (options.small, options.articles)
        ]
    finally:
        if options.keep:
            print(f"projects kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(table(results))
    flat, text = ratios(results[0], results[-1])
    print(text)
    ok = flat and all(s.ok for r in results for s in r.steps)
    print("all checks held" if ok else "SOME CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
