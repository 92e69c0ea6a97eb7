"""Edit-loop benchmark: a real `mkdocs serve` on a synthetic store (default 10,000 events).

It measures, on one running server:
- the idle server's CPU share over `--idle` seconds (target < 2% of a core);
- an edit of one event's title: seconds from the save until the event page serves the new
  title (median of `--repeat`, target ≤ 2 s), and until the rebuild has ended;
- a new event file: until its page is served; a deleted one: until its page is gone
  (targets ≤ 5 s).

    PYTHONPATH=. .venv/bin/python bench/bench_serve.py                # 10,000 events
    PYTHONPATH=. .venv/bin/python bench/bench_serve.py --events 1000
    PYTHONPATH=/path/to/other/checkout .venv/bin/python bench/bench_serve.py --code /path/...

`--code DIR` serves with the project code of another checkout (e.g. the commit before this
edit loop, for the ratio), put first on the server's PYTHONPATH.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from bench_build import plugin_project  # noqa: E402
from servekit import Server, fetch, free_port  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def idle_share(server: Server, seconds: float) -> float:
    time.sleep(3)  # let the start-up settle
    cpu, start = cpu_seconds(server.process.pid), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(server.process.pid) - cpu) / (time.monotonic() - start)


def until(check, seconds: float = 600) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if check():
            return time.monotonic() - start
        time.sleep(0.02)
    raise SystemExit("timed out")


def page_of(path: Path) -> str:
    return f"events/{path.stem}/"


def edit_title(server: Server, path: Path, n: int) -> tuple[float, float]:
    text = path.read_text(encoding="utf-8")
    title = f"Edited title number {n} {time.time_ns()}"
    lines = [f"title: {title}" if line.startswith("title: ") else line for line in text.split("\n")]
    before = server.rebuilds()
    start = time.monotonic()
    path.write_text("\n".join(lines), encoding="utf-8")
    seen = until(lambda: title in (fetch(server.base + page_of(path)) or ""))
    server.wait_rebuilt(before)
    return seen, time.monotonic() - start


def add_event(server: Server, source: Path) -> float:
    new_id = source.stem + "-added"
    text = source.read_text(encoding="utf-8").replace(source.stem, new_id)
    target = source.with_name(new_id + ".yml")
    before = server.rebuilds()
    target.write_text(text, encoding="utf-8")
    seen = until(lambda: fetch(server.base + page_of(target)) is not None)
    server.wait_rebuilt(before)
    return seen


def delete_event(server: Server, path: Path) -> float:
    assert fetch(server.base + page_of(path)) is not None
    before = server.rebuilds()
    path.unlink()
    seen = until(lambda: fetch(server.base + page_of(path)) is None)
    server.wait_rebuilt(before)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of idle measured")
    parser.add_argument("--code", type=Path, help="serve with the code of this checkout")
    parser.add_argument("--log", type=Path, help="keep the server's log in this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        work = Path(tmp)
        project = plugin_project(work, args.events)
        events = sorted((project / "content" / "events").rglob("*.yml"))
        env = {"PYTHONPATH": str(args.code or ROOT)}
        start = time.monotonic()
        server = Server(project, work / "serve", free_port(), "/uschina-timeline/", **env)
        try:
            server.wait_serving(seconds=1800)
            print(f"{args.events} events: first build {time.monotonic() - start:.1f} s wall")
            idle = idle_share(server, args.idle)
            print(f"idle server: {idle * 100:.1f}% of a core over {args.idle:.0f} s", flush=True)
            edits = []
            for n in range(args.repeat):
                path = events[(n + 1) * len(events) // (args.repeat + 2)]
                seen, done = edit_title(server, path, n)
                edits.append((seen, done))
                print(f"  edit {n + 1}: served after {seen:.2f} s, rebuild ended {done:.2f} s")
            print(
                f"edit of one title: served after {statistics.median(e[0] for e in edits):.2f} s"
                f" (median of {len(edits)}), rebuild ended after "
                f"{statistics.median(e[1] for e in edits):.2f} s",
                flush=True,
            )
            added = add_event(server, events[len(events) // 2])
            print(f"new event: served after {added:.2f} s", flush=True)
            # not a trip: the meetings held during it would name a missing event
            alone = [p for p in events[len(events) // 3 :] if "kind: visit" not in p.read_text()]
            deleted = delete_event(server, alone[0])
            print(f"deleted event: gone after {deleted:.2f} s", flush=True)
        finally:
            log = server.stop()
        if args.log:
            args.log.write_text(log, encoding="utf-8")
        if "Traceback" in log:
            print(log[-3000:])


if __name__ == "__main__":
    main()
