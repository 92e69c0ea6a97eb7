"""Failure is loud and local (issue 7): each bad file costs only itself, end to end.

The real commands in subprocesses, over a copy of the project (its store of imported events):
- `timeline extract` over good and broken articles names every broken file, exits 1, writes
  the good articles' events and leaves every existing file byte for byte as it was;
- `mkdocs build` with one broken event file exits non-zero and names that file only;
- `mkdocs serve` keeps serving while an edit breaks an event file or an article, logs and
  shows the error, keeps the rest of the site up, and recovers when the file is fixed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from buildkit import served_path
from storekit import snapshot
from test_build_serve import fetch, free_port, wait_for

from timeline.yamlio import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # the synthetic article generator lives there

from synth_articles import BROKEN_KINDS  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
# A line naming a file of content/: `content/x.yml:3:1: …`, `content/x.md: …` (MkDocs
# prefixes its level). Progress lines (`3/20 articles`) and the summary do not match.
NAMED = re.compile(r"^(?:ERROR\s+-\s+)?(?P<path>content/\S+?\.(?:md|yml))(?::\d+)*: (?P<what>.*)$")
# Three reports in my own words, each of one contact no stored event covers.
GOOD = {
    "content/articles/uk/2023/2023-05-12-test-sullivan-wang-yi.md": (
        "uk",
        "2023-05-12",
        "10 травня 2023 року Джейк Салліван і Ван І провели переговори у місті Відень. "
        "Сторони обговорили торгівлю.",
    ),
    "content/articles/en/2021/2021-11-16-test-biden-xi.md": (
        "en",
        "2021-11-16",
        "President Joe Biden held a video call with President Xi Jinping on November 15, "
        "2021. The two leaders spoke for several hours.",
    ),
    "content/articles/zh/2022/2022-11-15-test-biden-xi.md": (
        "zh",
        "2022-11-15",
        "2022年11月14日，拜登与习近平在巴厘岛举行会晤。双方讨论了贸易问题。",
    ),
}
BROKEN_STORE_FILE = "content/events/2023/2023-01-01-half-saved.yml"
SEED_EVENT = "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
SEED_PAGE = "events/2023-06-18-blinken-qin-gang-beijing/"
OTHER_PAGE = "events/2013-06-07-xi-rancho-mirage/"
SEED_ARTICLE = "content/articles/uk/2023/2023-06-18-ukrinform-blinken-qin-gang.md"


def article_text(language: str, published: str, body: str, title: str = "Test report") -> str:
    front = f"---\ntitle: {title}\noutlet: Test Wire\npublished: {published}\n"
    return front + f"language: {language}\n---\n\n{body}\n"


def named_files(stderr: str) -> list[str]:
    """The file each error line names, in order, one entry per line (warnings left out)."""
    found = []
    for line in stderr.splitlines():
        match = NAMED.match(line.strip())
        if match and not match["what"].startswith("warning:"):
            found.append(match["path"])
    return found


def run(project: Path, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def write_good_and_broken(project: Path) -> list[str]:
    """The good articles, one article per way of breaking one, and a half-saved event file;
    returns the broken files as cited."""
    for cited, (language, published, body) in GOOD.items():
        (project / cited).parent.mkdir(parents=True, exist_ok=True)
        (project / cited).write_text(article_text(language, published, body), encoding="utf-8")
    template = article_text(*GOOD["content/articles/en/2021/2021-11-16-test-biden-xi.md"])
    broken = []
    for kind, breaker in BROKEN_KINDS.items():
        cited = f"content/articles/en/2021/broken-{kind}.md"
        (project / cited).write_bytes(breaker(template))
        broken.append(cited)
    (project / BROKEN_STORE_FILE).write_text("id: 2023-01-01-half-saved\ntitle: [Half", "utf-8")
    return [*broken, BROKEN_STORE_FILE]


@pytest.mark.build
def test_extract_names_every_bad_file_writes_the_good_and_changes_nothing_else(project: Path):
    # A store of the registry and the seed's event only: the project's curated events report
    # the same contacts as the good articles, which would merge into them (tested elsewhere).
    events = project / "content" / "events"
    for path in events.rglob("*.yml"):
        if path.relative_to(project).as_posix() != SEED_EVENT:
            path.unlink()
    broken = write_good_and_broken(project)
    before = snapshot(project / "content")

    result = run(project, "timeline.cli", "extract")

    assert result.returncode == 1, result.stderr
    named = named_files(result.stderr)
    assert sorted(named) == sorted(broken), result.stderr  # each bad file, once, none other
    after = snapshot(project / "content")
    changed = [p for p in before if p != "ledger.json" and after.get(p) != before[p]]
    assert changed == [], "files already in content/ changed or vanished"
    new = {p: parse_yaml(after[p].decode("utf-8")) for p in after.keys() - before.keys()}
    assert all(p.startswith("events/") for p in new), sorted(new)
    cited = sorted(s["article"] for event in new.values() for s in event["sources"])
    assert cited == sorted(GOOD), "each good article gives exactly one new event file"


@pytest.mark.build
@pytest.mark.parametrize(
    ("damage", "position"),
    [
        (lambda text: text.replace("kind: talks", "kind: [talks"), r":\d+:\d+: "),
        (lambda text: text.encode("cp1251", "replace"), r": expected UTF-8 text, found byte"),
    ],
    ids=["yaml-syntax", "windows-1251"],
)
def test_build_with_one_broken_event_file_fails_and_names_only_it(project, damage, position):
    path = project / SEED_EVENT
    broken = damage(path.read_text(encoding="utf-8"))
    path.write_bytes(broken if isinstance(broken, bytes) else broken.encode("utf-8"))
    before = snapshot(project / "content")

    result = run(project, "mkdocs", "build", "--strict")

    assert result.returncode != 0
    assert named_files(result.stderr) == [SEED_EVENT], result.stderr
    assert re.search(re.escape(SEED_EVENT) + position, result.stderr), result.stderr
    assert snapshot(project / "content") == before, "a build must not touch content/"


class Server:
    """`mkdocs serve` on a free local port, its log collected while it runs."""

    def __init__(self, project: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}{served_path(project)}"
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)

    def logged(self, pattern: str, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any(re.search(pattern, line) for line in list(self.log)):
                return True
            time.sleep(0.3)
        return False

    def page(self, uri: str) -> str:
        return fetch(self.base + uri) or ""

    def gone(self, uri: str, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if fetch(self.base + uri) is None:
                return True
            time.sleep(0.5)
        return False

    def shows_no(self, uri: str, text: str, seconds: float = 60) -> bool:
        """The page stops showing `text` in time (the edited event's own page is written
        first, the other pages after it)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text not in self.page(uri):
                return True
            time.sleep(0.3)
        return False

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)
        self.reader.join(timeout=5)


BANNER = "problem(s) in content/"


@pytest.mark.build
def test_serve_keeps_serving_a_broken_edit_and_recovers(project: Path):
    server = Server(project)
    event, article = project / SEED_EVENT, project / SEED_ARTICLE
    event_bytes, article_bytes = event.read_bytes(), article.read_bytes()
    try:
        assert wait_for(server.base + SEED_PAGE, "Antony Blinken holds talks"), "no start"
        assert BANNER not in server.page("")

        # An editor's typo: an unclosed bracket.
        event.write_bytes(event_bytes.replace(b"kind: talks", b"kind: [talks"))
        assert wait_for(server.base, BANNER), "the error is not shown while serving"
        assert server.logged(re.escape(SEED_EVENT) + r":\d+:\d+: "), "".join(server.log)
        assert server.process.poll() is None, "the server stopped"
        assert "Xi Jinping visits Rancho Mirage" in server.page(OTHER_PAGE), "site not kept"
        assert server.gone(SEED_PAGE), "the broken event is still published"

        event.write_bytes(event_bytes)
        assert wait_for(server.base + SEED_PAGE, "Antony Blinken holds talks"), "no recovery"
        assert server.shows_no("", BANNER), "the banner stays after the fix"

        # Then an article: bytes that are not UTF-8 in the middle of its text.
        article.write_bytes(article_bytes.replace(b"\n\n", b"\n\n\xff\xfe\n", 1))
        assert wait_for(server.base, SEED_ARTICLE), "the broken article is not shown"
        assert server.logged(re.escape(SEED_ARTICLE) + ": expected UTF-8 text")
        assert "Antony Blinken holds talks" in server.page(SEED_PAGE), "event not kept"

        article.write_bytes(article_bytes)
        assert server.shows_no("", BANNER), "no recovery after the article is fixed"
        assert server.process.poll() is None
    finally:
        server.stop()
