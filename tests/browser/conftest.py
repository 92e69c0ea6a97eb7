"""Browser tests: Playwright (Python) driving Debian's Chromium, over a site built once and
served from 127.0.0.1. Without Chromium they skip, saying how to install it; with
TIMELINE_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser is a failure."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium"))
NODE_MODULES = ROOT / "tests/js/node_modules"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
EVENTS = 240
OFFICES = {
    "us": ["Secretary of State", "Secretary of Defense", "Secretary of the Treasury", "Ambassador"],
    "cn": ["Minister of Foreign Affairs", "Minister of National Defense", "Vice Premier",
           "Special Envoy for Climate Change"],
}  # fmt: skip


def missing(reason: str) -> None:
    if os.environ.get("TIMELINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (TIMELINE_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright is not installed: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        missing(f"no Chromium at {CHROMIUM}: install it with `sudo apt-get install chromium`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def node_modules() -> Path:
    if not (NODE_MODULES / "axe-core").is_dir():
        missing("test-only npm packages missing: run `make setup-test` (npm install in tests/js)")
    return NODE_MODULES


def build_site(project: Path) -> Path:
    """Synthetic events plus the hostile ones, built with `mkdocs build --strict`."""
    sys.path.insert(0, str(ROOT / "tests"))
    from buildkit import mkdocs_build, site_config
    from hostile import hostile_events, hostile_people

    from timeline.people import person_to_dict
    from timeline.store.files import write_event
    from timeline.store.synthetic import write_content
    from timeline.yamlio import dump_yaml

    (project / "mkdocs.yml").write_text(site_config(ROOT), encoding="utf-8")
    for folder in ("site_src", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    content = project / "content"
    people, _ = write_content(content, EVENTS)
    for i, person in enumerate(people):  # offices that name channels (the channels page)
        titles = OFFICES[person.country]
        person.roles[0].title = "President" if person.level == "leader" else titles[i % 4]
    registry = [person_to_dict(p) for p in [*people, *hostile_people()]]
    (content / "people.yml").write_text(dump_yaml(registry), encoding="utf-8")
    for event in hostile_events(bad_links=False):
        write_event(event, content / "events")
    result = mkdocs_build(project, PYTHONPATH=str(ROOT))
    assert result.returncode == 0, result.stderr
    return project / "site"


class Handler(http.server.SimpleHTTPRequestHandler):
    """The built site at /, the test-only npm packages at /__node_modules__/."""

    def translate_path(self, path: str) -> str:
        prefix = "/__node_modules__/"
        clean = urlsplit(path).path
        if clean.startswith(prefix):
            target = (NODE_MODULES / clean[len(prefix) :]).resolve()
            if NODE_MODULES.resolve() in target.parents:
                return str(target)
            return str(NODE_MODULES / "missing")
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("browser-site"))


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(Handler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class Watch:
    """What a page did: console errors, uncaught exceptions, dialogs, requests elsewhere."""

    def __init__(self, page: object, origin: str) -> None:
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.on("request", lambda r: self._request(r.url, origin))

    def _request(self, url: str, origin: str) -> None:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return  # inline content: no host involved
        if f"{parts.scheme}://{parts.netloc}" != origin:
            self.foreign.append(url)

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self) -> None:
        assert not self.dialogs, f"a dialog opened (injected script ran?): {self.dialogs}"
        assert not self.errors, self.errors
        assert not self.foreign, f"requests to other hosts: {self.foreign}"


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.watch = Watch(tab, server.rstrip("/"))
    yield tab
    context.close()
