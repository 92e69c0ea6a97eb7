"""System calls of one `timeline extract` over generated articles: opens and stats per article.

    PYTHONPATH=. python bench/bench_extract_io.py [--articles 200]

Writes `--articles` good articles (bench/synth_articles.py) into a temporary project, runs
`timeline extract` there under `strace -c -f` and prints, per article, the opens
(open/openat) and the stats (stat, lstat, fstat, newfstatat, statx) of the whole run, and
the same for a run with no article (the fixed cost: imports, the registry, the store), so
that the difference divided by the articles is what each article costs.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from synth_articles import write_corpus  # noqa: E402

OPENS = {"open", "openat", "openat2"}
STATS = {"stat", "lstat", "fstat", "newfstatat", "statx", "fstatat64"}


def counted(project: Path) -> dict[str, int]:
    """Calls per system call of `timeline extract --force` in `project` (strace -c -f)."""
    report = project / "strace.txt"
    command = [
        "strace", "-c", "-f", "-o", str(report),
        sys.executable, "-m", "timeline.cli", "extract", "--force",
    ]  # fmt: skip
    subprocess.run(command, cwd=project, capture_output=True, check=False)
    calls: dict[str, int] = {}
    for line in report.read_text().splitlines():
        fields = line.split()
        if len(fields) >= 5 and re.fullmatch(r"[\d.]+", fields[0]):
            calls[fields[-1]] = int(fields[3])
    report.unlink()
    return calls


def project(tmp: Path, articles: int) -> Path:
    folder = tmp / f"p{articles}"
    content = folder / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content/people.yml", content / "people.yml")
    if articles:
        write_corpus(content, articles, broken_share=0.0, seed=3)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    if shutil.which("strace") is None:
        print("strace not found (apt-get install strace)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        empty = counted(project(Path(tmp), 0))
        full = counted(project(Path(tmp), args.articles))
    for name, kinds in (("opens", OPENS), ("stats", STATS)):
        fixed = sum(empty.get(k, 0) for k in kinds)
        total = sum(full.get(k, 0) for k in kinds)
        print(
            f"{name}: {total} in the run over {args.articles} articles, {fixed} with none: "
            f"{(total - fixed) / args.articles:.1f} per article"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
