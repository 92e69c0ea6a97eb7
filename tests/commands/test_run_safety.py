"""`timeline extract` under hostile conditions (issue 13, items 5 and 6): a file name that is
not UTF-8, a full disk, the umask, ids at the length limit, two runs at once, kills."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from storekit import TALKS, LineExtractor, make_content, write_article

import timeline.yamlio
from timeline.check.content import check_content
from timeline.commands.extract import run_extract
from timeline.commands.lock import LOCK_NAME, extract_lock

ROOT = Path(__file__).resolve().parents[2]


def extract(content: Path, **options):  # type: ignore[no-untyped-def]
    return run_extract(content, stream=io.StringIO(), factory=LineExtractor, **options)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path)


def test_a_latin1_file_name_is_one_line_and_the_rest_is_extracted(content: Path):
    bad = os.fsencode(content / "articles") + b"/caf\xe9.md"
    with open(bad, "wb") as handle:
        handle.write(b"---\ntitle: t\noutlet: o\npublished: 2023-06-18\nlanguage: en\n---\n")
    write_article(content, "a", TALKS)
    summary = extract(content)
    lines = [str(p) for p in summary.problems]
    assert lines == [
        "content/articles/caf\\xe9.md: expected a UTF-8 file name, found the bytes "
        "b'caf\\xe9.md': rename the file"
    ]
    assert (content / "ledger.json").is_file() and summary.new == 1
    assert [str(p) for p in check_content(content).problems] == lines


def test_a_full_disk_is_one_line_a_file_and_no_traceback(
    content: Path, monkeypatch: pytest.MonkeyPatch
):
    write_article(content, "a", TALKS)
    write_article(content, "b", TALKS.replace("talks", "call"))

    def full(*args: object) -> str:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(timeline.yamlio, "_replace", full)
    summary = extract(content)
    paths = sorted(p.path for p in summary.problems)
    assert paths == [
        "content/events/2023-06-18-blinken-qin-gang-beijing",
        "content/events/2023-06-18-blinken-qin-gang-beijing-2",
        "content/ledger.json",
    ]
    assert all("No space left on device" in p.message for p in summary.problems)
    assert not summary.ok


def test_files_are_written_as_the_umask_says(content: Path):
    write_article(content, "a", TALKS)
    old = os.umask(0o022)
    try:
        extract(content)
    finally:
        os.umask(old)
    for path in [content / "ledger.json", *(content / "events").rglob("*.yml")]:
        assert path.stat().st_mode & 0o777 == 0o644, path


def test_a_rewrite_keeps_the_files_mode(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    ledger = content / "ledger.json"
    ledger.chmod(0o664)
    write_article(content, "b", TALKS, outlet="Other")
    extract(content)
    assert ledger.stat().st_mode & 0o777 == 0o664


def test_a_suffixed_id_stays_within_the_limit_and_is_written(content: Path):
    place = "x" * 130  # the id is cut at 120 characters; `-2` must fit in them too
    write_article(content, "a", f"{TALKS} {place}".replace(" Beijing", ""))
    write_article(content, "b", f"{TALKS} {place}".replace(" Beijing", "").replace("talks", "call"))
    summary = extract(content)
    assert summary.ok and summary.new == 2
    names = sorted(p.stem for p in (content / "events").rglob("*.yml"))
    assert [len(n) for n in names] == [120, 120] and any(n.endswith("-2") for n in names)
    assert check_content(content).errors == []


def test_a_second_run_waits_and_says_who_holds_the_lock(content: Path):
    write_article(content, "a", TALKS)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with extract_lock(content, io.StringIO()):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    stream = io.StringIO()
    waiter = threading.Thread(
        target=lambda: run_extract(content, stream=stream, factory=LineExtractor)
    )
    waiter.start()
    time.sleep(0.5)
    assert not (content / "ledger.json").exists()  # it waits
    assert f"holds {content / LOCK_NAME}; waiting" in stream.getvalue()
    assert f"process {os.getpid()}" in stream.getvalue()
    release.set()
    holder.join(10)
    waiter.join(30)
    assert (content / "ledger.json").is_file() and not (content / LOCK_NAME).exists()


def test_concurrent_runs_report_no_false_conflicts(content: Path):
    for number in range(30):  # 30 contacts three days apart
        day = dt.date(2023, 1, 1) + dt.timedelta(days=3 * number)
        write_article(content, f"a{number}", TALKS.replace("2023-06-18", day.isoformat()))
    results: list = []
    runs = [threading.Thread(target=lambda: results.append(extract(content))) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(60)
    assert [r.ok for r in results] == [True, True], [str(p) for r in results for p in r.problems]
    assert sorted(r.new for r in results) == [0, 30]


def test_a_stale_temporary_file_is_removed_by_the_next_run(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    stale = content / "events/2023/.2023-06-18-blinken-qin-gang-beijing.yml.abc123.tmp"
    stale.write_text("half", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    stream = io.StringIO()
    run_extract(content, stream=stream, factory=LineExtractor)
    assert not stale.exists() and "left by an interrupted write" in stream.getvalue()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killing_a_parallel_run_leaves_no_workers(tmp_path: Path):
    content = make_content(tmp_path)
    body = "Antony Blinken held talks with Qin Gang in Beijing on Sunday. " * 40
    for number in range(400):
        write_article(content, f"a{number:03d}", body, published="2023-06-19")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen(
        [sys.executable, "-m", "timeline.cli", "--content", str(content), "extract", "--jobs", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while len(_children(run.pid)) < 2 and time.time() < deadline:
        time.sleep(0.05)
    workers = _children(run.pid)
    assert len(workers) >= 2
    run.send_signal(signal.SIGKILL)
    run.wait(10)
    deadline = time.time() + 10
    while any(_alive(w) for w in workers) and time.time() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_ends_a_parallel_run_with_a_summary(tmp_path: Path):
    content = make_content(tmp_path)
    body = "Antony Blinken held talks with Qin Gang in Beijing on Sunday. " * 40
    for number in range(400):
        write_article(content, f"a{number:03d}", body, published="2023-06-19")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen(
        [sys.executable, "-m", "timeline.cli", "--content", str(content), "extract", "--jobs", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 60
    while len(_children(run.pid)) < 2 and time.time() < deadline:
        time.sleep(0.05)
    workers = _children(run.pid)
    time.sleep(1)
    run.send_signal(signal.SIGTERM)
    out, err = run.communicate(timeout=60)
    assert run.returncode == 1
    assert "timeline extract: interrupted after" in err and "articles:" in out
    assert "Traceback" not in err
    assert not any(_alive(w) for w in workers)
    assert (content / "ledger.json").is_file() and not (content / LOCK_NAME).exists()
