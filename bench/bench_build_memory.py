"""Where `mkdocs build` spends memory, and whether it grows with the number of events.

For each project (a folder with mkdocs.yml and content/, e.g. the ones `bench_stress.py
--keep` leaves; by default synthetic ones of 2,000 and 10,000 events) it runs, each in a
child process whose peak resident memory is read with `os.wait4` (`ru_maxrss`):
- `build`: `mkdocs build --strict`, as is;
- `build, store preloaded`: the same build with `load_site` replaced by a pickle of its
  result, so that the peak is the rendering side's (pages, exports, MkDocs, Material) and
  not the store reader's;
- `plain, tiny pages`: a plain MkDocs + Material site (same theme, search and nav, no
  plugin) with as many one-line pages as the timeline build writes: the floor;
- `traced`: the build under tracemalloc: Python memory in use after `load_site` and when
  every page is written (`on_post_build`, before the search index is dumped), the peak
  between the two, and the largest allocation sites then.
It prints a table and the ratio of the largest project to the smallest.

    PYTHONPATH=. python bench/bench_build_memory.py                       # 2,000 and 10,000
    PYTHONPATH=. python bench/bench_build_memory.py --sizes 500 2500
    PYTHONPATH=. python bench/bench_build_memory.py /tmp/stress/n2000 /tmp/stress/n10000
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
PLAIN_CONFIG = """site_name: Plain
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - Home: index.md
validation:
  nav:
    omitted_files: ignore
"""


def peak_rss(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Run `command` and return its peak resident memory in MB; fail loudly if it fails."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{errors.decode()[-3000:]}")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def mkdocs(*extra: str) -> list[str]:
    return [sys.executable, *extra, "-m", "mkdocs", "build", "--strict", "-q"]


def synthetic_project(folder: Path, count: int) -> Path:
    from timeline.store.synthetic import write_content

    # synthetic stores are part drafts: publish them all, as before publish_drafts
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("publish_drafts: false", "publish_drafts: true")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("site_src", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    write_content(folder / "content", count)
    return folder


def plain_project(folder: Path, pages: int) -> Path:
    docs = folder / "docs"
    (docs / "p").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nA plain site.\n", encoding="utf-8")
    for i in range(pages):
        (docs / f"p/{i}.md").write_text(f"# Page {i}\n\nText of page {i}.\n", encoding="utf-8")
    return folder


def child_pickle(pickled: str) -> None:
    """Load `content/` and pickle what `load_site` returns, with the count of events (run
    in a child: a parent that grew would pass its peak on to every later child's
    `ru_maxrss`, which Linux carries over `fork` and `exec`)."""
    from timeline.site.load import load_site

    loaded = load_site(Path("content"))
    Path(pickled).write_bytes(pickle.dumps(loaded))
    Path(pickled + ".json").write_text(json.dumps({"events": len(loaded[0].shown)}))


def child_preloaded(pickled: str) -> None:
    """Build with `load_site` answering from a pickle (run inside the child)."""
    import timeline.plugin

    with open(pickled, "rb") as handle:
        loaded = pickle.load(handle)
    timeline.plugin.load_site = lambda content: loaded
    run_mkdocs()


def child_traced(report: str) -> None:
    """Build under tracemalloc and write what it measured to `report` (inside the child)."""
    tracemalloc.start()
    from material.plugins.search.plugin import SearchPlugin

    import timeline.plugin

    found: dict[str, object] = {}
    real_load, real_post_build = timeline.plugin.load_site, SearchPlugin.on_post_build

    def load_site(content: Path):
        result = real_load(content)
        found["after_load"], found["load_peak"] = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        return result

    def on_post_build(self, *, config):
        found["written"], found["render_peak"] = tracemalloc.get_traced_memory()
        stats = tracemalloc.take_snapshot().statistics("filename")
        found["top"] = [(str(s.traceback[0].filename), s.size) for s in stats[:12]]
        return real_post_build(self, config=config)

    timeline.plugin.load_site, SearchPlugin.on_post_build = load_site, on_post_build
    try:
        run_mkdocs()
    finally:
        Path(report).write_text(json.dumps(found), encoding="utf-8")


def run_mkdocs() -> None:
    from mkdocs.__main__ import cli

    cli(["build", "--strict", "-q"], standalone_mode=False)


def measure(project: Path, work: Path) -> dict[str, object]:
    here = [sys.executable, __file__]
    env = {"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    row: dict[str, object] = {"project": str(project)}
    row["build"] = peak_rss(mkdocs(), project, env)
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    row["pages"] = pages
    pickled = work / f"{project.name}.pickle"
    peak_rss([*here, "--child-pickle", str(pickled)], project, env)
    row["events"] = json.loads(Path(f"{pickled}.json").read_text())["events"]
    row["preloaded"] = peak_rss([*here, "--child-preloaded", str(pickled)], project, env)
    plain = plain_project(work / f"plain-{project.name}", pages)
    row["plain"] = peak_rss(mkdocs(), plain, env)
    report = work / f"{project.name}-traced.json"
    peak_rss([*here, "--child-traced", str(report)], project, env)
    row["traced"] = json.loads(report.read_text(encoding="utf-8"))
    return row


def print_rows(rows: list[dict]) -> None:
    print("| events | pages | build | build, store preloaded | plain, tiny pages |", end="")
    print(" traced after load_site | load peak | render peak | traced when written |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        t = row["traced"]
        print(
            f"| {row['events']:,} | {row['pages']:,} | {row['build']:.1f} MB "
            f"| {row['preloaded']:.1f} MB | {row['plain']:.1f} MB "
            f"| {t['after_load'] / MB:.1f} MB | {t['load_peak'] / MB:.1f} MB "
            f"| {t['render_peak'] / MB:.1f} MB | {t['written'] / MB:.1f} MB |"
        )
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        for key in ("build", "preloaded", "plain"):
            print(f"{key}: x{large[key] / small[key]:.2f} from {small['events']:,} events")
    for row in rows:
        print(f"\nlargest allocation sites when every page is written ({row['events']:,} events):")
        for filename, size in row["traced"]["top"]:
            print(f"  {size / MB:7.2f} MB  {filename}")


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1].startswith("--child-"):
        child = {
            "--child-pickle": child_pickle,
            "--child-preloaded": child_preloaded,
            "--child-traced": child_traced,
        }
        child[sys.argv[1]](sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("projects", nargs="*", type=Path, help="built-ready project folders")
    parser.add_argument("--sizes", nargs="*", type=int, default=[2000, 10000])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="bench-build-memory-") as tmp:
        work = Path(tmp)
        projects = [p.resolve() for p in args.projects]
        if not projects:
            for size in args.sizes:
                (work / f"n{size}").mkdir()
                projects.append(synthetic_project(work / f"n{size}", size))
        rows = []
        for project in projects:
            rows.append(measure(project, work))
            print(f"measured {project}", file=sys.stderr)
        print_rows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
