"""Build-time benchmark: the timeline plugin against a plain MkDocs + Material site.

For each size (default 1,000, 5,000 and 10,000 synthetic events) it builds, in the same run:
- the site with the timeline plugin (content/ → generated pages and data files);
- a plain site: the same content as ordinary Markdown pages with the same page structure
  (bench/plain_site.py), same theme, nav and search, no plugin.
It reports CPU and wall times (ratios use CPU time), the plugin/plain ratio (target
≤ 1.3), the time ratio of the largest size to the middle one (target ≤ 2.2 for 10,000 vs
5,000) and the weight of the home page's HTML plus the CSS and JS files it names, raw and
gzip-compressed. That leaves out what scripts fetch (the timeline data, the search worker);
`bench/bench_page_weight.py` counts everything a real Chromium fetches (target ≤ 500 KB).

    PYTHONPATH=. python bench/bench_build.py                 # 1000 5000 10000
    PYTHONPATH=. python bench/bench_build.py --sizes 1000 2000
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plain_site import write_plain_docs  # noqa: E402

from timeline.site.load import load_site  # noqa: E402
from timeline.store.synthetic import write_content  # noqa: E402

PLAIN_CONFIG = """site_name: US–China diplomatic contacts
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - Home: index.md
  - Years: years/index.md
  - People: people/index.md
  - Kinds: kinds/index.md
  - Data: data.md
  - Methodology: methodology.md
  - About: about.md
validation:
  nav:
    omitted_files: ignore
"""


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mkdocs_build(project: Path) -> tuple[float, float]:
    """One clean build: (wall seconds, CPU seconds). CPU time is what the ratios use, since
    wall time on a shared machine mostly measures the neighbours."""
    shutil.rmtree(project / "site", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    cpu = cpu_of_children()
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    return elapsed, cpu_of_children() - cpu


def best_of(project: Path, repeat: int) -> tuple[float, float]:
    runs = [mkdocs_build(project) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def plugin_project(work: Path, size: int) -> Path:
    project = work / f"plugin-{size}"
    project.mkdir()
    # synthetic stores are part drafts: publish them all, as before publish_drafts
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("publish_drafts: false", "publish_drafts: true")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("site_src", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    write_content(project / "content", size)
    return project


def plain_project(work: Path, size: int, content: Path) -> Path:
    project = work / f"plain-{size}"
    project.mkdir()
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    site, _ = load_site(content)
    write_plain_docs(site, project / "docs")
    return project


def home_weight(site: Path) -> tuple[int, int]:
    """Bytes of the home page and the same-site CSS and JS it loads: raw and gzip."""
    html = (site / "index.html").read_bytes()
    assets = re.findall(rb'(?:href|src)="([^"]+\.(?:css|js))"', html)
    files = [html] + [(site / a.decode()).read_bytes() for a in assets if b"//" not in a]
    return sum(len(f) for f in files), sum(len(gzip.compress(f)) for f in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="builds per site; best is kept")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        for size in args.sizes:
            project = plugin_project(work, size)
            plain = plain_project(work, size, project / "content")
            plugin_wall, plugin_cpu = best_of(project, args.repeat)
            plain_wall, plain_cpu = best_of(plain, args.repeat)
            pages = sum(1 for _ in (project / "site").rglob("index.html"))
            raw, packed = home_weight(project / "site")
            rows.append((size, plugin_cpu))
            print(
                f"{size:>6} events {pages:>6} pages | plugin {plugin_cpu:6.1f} s CPU "
                f"({plugin_wall:5.1f} s wall) | plain {plain_cpu:6.1f} s CPU "
                f"({plain_wall:5.1f} s wall) | plugin/plain {plugin_cpu / plain_cpu:4.2f} | "
                f"home HTML+CSS+JS {raw / 1024:4.0f} KB raw, {packed / 1024:3.0f} KB gzip",
                flush=True,
            )
            shutil.rmtree(project)
            shutil.rmtree(plain)
    if len(rows) >= 2:
        (a, ta), (b, tb) = rows[-2], rows[-1]
        print(f"plugin build, {b} vs {a} events: {tb / ta:.2f}× the CPU time")


if __name__ == "__main__":
    main()
