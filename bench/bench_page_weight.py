"""Page weight and first search result, as a real Chromium sees them.

Builds a site of N synthetic events (default 10,000) with the project's mkdocs.yml, serves it
from 127.0.0.1 and opens, each in a fresh browser context (empty cache), the home page, a year
page, an event page and a person page. Every response the page receives before the reader does
anything (until the network has been quiet for a second) is counted: its body's bytes raw and
gzip-compressed (level 6, what web servers commonly use), by kind (HTML, CSS, JS, JSON, images,
fonts). Then, on the home page, it clicks the search box, types a participant's name and
reports the time from the first keystroke to the first result shown, and to the expected event
shown, and which requests the search made.

    PYTHONPATH=. .venv/bin/python bench/bench_page_weight.py               # 10,000 events
    PYTHONPATH=. .venv/bin/python bench/bench_page_weight.py --events 1000
    PYTHONPATH=. .venv/bin/python bench/bench_page_weight.py --site /tmp/x/site  # built already

Target: at most 500 KB gzip for every page; first result within 1 s of the first keystroke.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from buildkit import site_config  # noqa: E402

from timeline.store.synthetic import write_content  # noqa: E402

CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LIMIT_KB = 500
KINDS = {".html": "html", ".css": "css", ".js": "js", ".json": "json", ".png": "image",
         ".svg": "image", ".ico": "image", ".woff2": "font", ".woff": "font"}  # fmt: skip


def build(project: Path, events: int) -> Path:
    project.mkdir(parents=True, exist_ok=True)
    config = site_config(ROOT).replace("  - timeline:\n", "  - timeline:\n      extract: false\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("site_src", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    write_content(project / "content", events)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-3000:]}")
    return project / "site"


@contextmanager
def serve(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def kind_of(url: str) -> str:
    path = urlsplit(url).path
    if path.endswith("/"):
        return "html"
    return KINDS.get(os.path.splitext(path)[1], "other")


class Transfers:
    """Every response a page received: URL, raw bytes, gzip bytes."""

    def __init__(self, page: object) -> None:
        self.rows: list[tuple[str, int, int]] = []
        page.on("requestfinished", self.finished)

    def finished(self, request: object) -> None:
        if urlsplit(request.url).scheme not in ("http", "https"):
            return
        response = request.response()
        body = response.body() if response is not None else b""
        self.rows.append((request.url, len(body), len(gzip.compress(body, compresslevel=6))))

    def totals(self) -> tuple[int, int, dict[str, int]]:
        by_kind: dict[str, int] = defaultdict(int)
        for url, _, packed in self.rows:
            by_kind[kind_of(url)] += packed
        return sum(r[1] for r in self.rows), sum(r[2] for r in self.rows), dict(by_kind)


def pages_to_open(site: Path) -> dict[str, str]:
    """The four pages, by label: their paths in the site."""
    year = sorted(p.parent.name for p in (site / "years").glob("*/index.html"))[0]
    event = sorted(p.parent.name for p in (site / "events").glob("*/index.html"))[0]
    person = sorted(p.parent.name for p in (site / "people").glob("*/index.html"))[0]
    return {"home": "", "year": f"years/{year}/", "event": f"events/{event}/",
            "person": f"people/{person}/"}  # fmt: skip


def weigh(browser: object, url: str) -> Transfers:
    context = browser.new_context()
    page = context.new_page()
    transfers = Transfers(page)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)  # anything a script starts late
    context.close()
    return transfers


FIRST_KEY = """() => new Promise(resolve => {
  const input = document.querySelector("[data-md-component=search-query]");
  const list = document.querySelector(".md-search-result__list");
  const times = {};
  input.addEventListener("keydown", () => { times.key ??= performance.now(); });
  new MutationObserver(() => {
    if (times.key === undefined || !list.children.length) return;
    times.first ??= performance.now() - times.key;
    if (list.textContent.includes(window.benchExpect))
      { times.expected = performance.now() - times.key; resolve(times); }
  }).observe(list, {childList: true, subtree: true});
  setTimeout(() => resolve(times), 10000);
})"""


def first_result(browser: object, base: str, query: str, expect: str) -> dict[str, float]:
    """Milliseconds from the first keystroke in the search box to the first result shown and
    to the expected event shown, and the requests the search made."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate("e => { window.benchExpect = e; }", expect)
    waiting = page.evaluate_handle(FIRST_KEY)
    transfers = Transfers(page)
    page.click(".md-search__input")
    page.keyboard.type(query)
    times = page.evaluate("p => p", waiting)
    page.wait_for_timeout(500)
    raw, packed, _ = transfers.totals()
    context.close()
    return {**times, "search_raw": raw, "search_gzip": packed, "requests": len(transfers.rows)}


def expected_hit(site: Path) -> tuple[str, str]:
    """What to type, two participants' names and the place, and the title of an event it
    must find."""
    import json

    data = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    fields = data["fields"]
    row = data["events"][len(data["events"]) // 2]
    us, china = row[fields.index("us")][0], row[fields.index("china")][0]
    names = [data["people"][p][0] for p in (us, china)]
    return " ".join([*names, row[fields.index("place")] or ""]).strip(), row[fields.index("title")]


def report(site: Path) -> bool:
    from playwright.sync_api import sync_playwright

    good = True
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for label, path in pages_to_open(site).items():
            raw, packed, by_kind = weigh(browser, base + path).totals()
            kinds = ", ".join(f"{k} {v / 1024:.0f}" for k, v in sorted(by_kind.items()))
            verdict = "ok" if packed <= LIMIT_KB * 1024 else "OVER"
            good &= verdict == "ok"
            print(f"{label:>6}: {raw / 1024:7.0f} KB raw, {packed / 1024:5.0f} KB gzip "
                  f"({kinds}) {verdict}  /{path}", flush=True)  # fmt: skip
        query, title = expected_hit(site)
        for _ in range(3):
            t = first_result(browser, base, query, title)
            print(f"search {query!r}: first result {t.get('first', float('nan')):.0f} ms, "
                  f"expected event {t.get('expected', float('nan')):.0f} ms after the first "
                  f"keystroke; the search fetched {t['requests']} file(s), "
                  f"{t['search_raw'] / 1024:.0f} KB raw / {t['search_gzip'] / 1024:.0f} KB gzip",
                  flush=True)  # fmt: skip
            good &= t.get("first", 1e9) <= 1000
        browser.close()
    return good


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--site", type=Path, help="a site built already (skips the build)")
    args = parser.parse_args()
    if args.site:
        good = report(args.site)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-weight-") as tmp:
            print(f"building {args.events} events…", flush=True)
            good = report(build(Path(tmp) / "project", args.events))
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()
