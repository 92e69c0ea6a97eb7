"""`mkdocs serve` updates the site in place after an edit of content/, and what it serves is
byte for byte what MkDocs' clean build gives for the same content (the first build of a
fresh `mkdocs serve` on the same address); requests are answered during a full rebuild."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from buildkit import served_path
from servekit import Server, fetch, free_port, tree

pytestmark = pytest.mark.build
EVENT = "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
PAGE = "events/2023-06-18-blinken-qin-gang-beijing/"
ADDED = "content/events/2023/2023-06-19-antony-blinken-added-contact.yml"
ADDED_PAGE = "events/2023-06-19-antony-blinken-added-contact/"
ENV = {"SOURCE_DATE_EPOCH": "1735689600"}  # the same day for both builds (sitemap dates)


def added_event(original: str) -> str:
    """A new event: another id, date and title, no article (so no claim of the ledger's)."""
    head, _, rest = original.partition("sources:\n")
    tail = rest[rest.index("part_of:") :]
    head = head.replace("2023-06-18-blinken-qin-gang-beijing", ADDED_PAGE.split("/")[1])
    head = head.replace("date: 2023-06-18", "date: 2023-06-19")
    head = head.replace("holds talks with", "added a contact with")
    source = (
        "sources:\n- outlet: Example Wire\n  url: https://news.example.org/added\n"
        "  published: 2023-06-19\n"
    )
    return head + source + tail


def differences(served: dict[str, bytes], clean: dict[str, bytes]) -> list[str]:
    found = [f"only served: {p}" for p in sorted(served.keys() - clean.keys())]
    found += [f"only in the clean build: {p}" for p in sorted(clean.keys() - served.keys())]
    both = sorted(served.keys() & clean.keys())
    found += [f"differs: {p}" for p in both if served[p] != clean[p]]
    return found


def clean_build(project: Path, content: Path, tmp: Path, port: int) -> dict[str, bytes]:
    """The site a fresh `mkdocs serve` builds (MkDocs' clean build) for `content`."""
    fresh = tmp / "fresh"
    if fresh.exists():
        shutil.rmtree(fresh)
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("serve-*", "state-*"))
    shutil.rmtree(fresh / "content")
    shutil.copytree(content, fresh / "content")
    server = Server(fresh, tmp / f"serve-fresh-{content.name}", port, served_path(project), **ENV)
    try:
        server.wait_serving()
        return tree(server.site_dir())
    finally:
        server.stop()


def test_the_updated_site_is_the_clean_build_after_an_edit_an_add_and_a_delete(
    project: Path, tmp_path: Path
):
    port = free_port()
    server = Server(project, tmp_path / "serve-live", port, served_path(project), **ENV)
    states: list[tuple[Path, dict[str, bytes]]] = []

    def step(name: str, change, url: str, needle: str | None) -> None:
        before = server.rebuilds()
        change()
        server.wait_rebuilt(before)
        page = fetch(server.base + url)
        if needle is None:
            assert page is None or "404" in page[:200], f"{url} still served after {name}"
        else:
            assert page is not None and needle in page, f"{name}: {url} not updated"
        saved = tmp_path / f"state-{name}"
        shutil.copytree(project / "content", saved)
        states.append((saved, tree(server.site_dir())))

    path, added = project / EVENT, project / ADDED
    original = path.read_text(encoding="utf-8")
    try:
        server.wait_serving()
        edited = original.replace("holds talks with", "edited talks with")
        step("edit", lambda: path.write_text(edited, "utf-8"), PAGE, "Blinken edited talks")
        new = added_event(original)
        step("add", lambda: added.write_text(new, "utf-8"), ADDED_PAGE, "added a contact with")
        step("delete", added.unlink, ADDED_PAGE, None)
        assert "page(s) written again" in server.text(), "the site was rebuilt, not updated"
    finally:
        log = server.stop()
    assert "Traceback" not in log, log[-3000:]
    for content, served in states:
        clean = clean_build(project, content, tmp_path, port)
        assert not differences(served, clean), (content.name, differences(served, clean)[:20])


def test_a_broken_file_shows_the_banner_and_a_fix_removes_it(project: Path, tmp_path: Path):
    port = free_port()
    server = Server(project, tmp_path / "serve-live", port, served_path(project), **ENV)
    path = project / EVENT
    original = path.read_text(encoding="utf-8")
    try:
        server.wait_serving()
        before = server.rebuilds()
        path.write_text("id: [unclosed\n", encoding="utf-8")
        server.wait_rebuilt(before)
        assert "problem(s) in content/" in (fetch(server.base) or "")
        assert "problem(s) in content/" in (fetch(server.base + "years/") or "")
        assert fetch(server.base + PAGE) is None  # left out while it cannot be read
        broken = tree(server.site_dir())
        saved = tmp_path / "state-broken"
        shutil.copytree(project / "content", saved)
        before = server.rebuilds()
        path.write_text(original.replace("holds talks with", "fixed talks with"), "utf-8")
        server.wait_rebuilt(before)
        assert "Blinken fixed talks" in (fetch(server.base + PAGE) or "")
        assert "problem(s) in content/" not in (fetch(server.base) or "")
    finally:
        server.stop()
    assert not differences(broken, clean_build(project, saved, tmp_path, port))


def test_pages_are_served_while_the_whole_site_is_rebuilt(project: Path, tmp_path: Path):
    port = free_port()
    server = Server(project, tmp_path / "serve-live", port, served_path(project))
    try:
        server.wait_serving()
        before = server.text().count("Documentation built")
        started = server.text().count("Building documentation")
        page = project / "site_src" / "about.md"  # not content/: the whole site is rebuilt
        page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
        deadline = time.monotonic() + 60
        while server.text().count("Building documentation") == started:
            assert time.monotonic() < deadline, "no full rebuild started"
            time.sleep(0.05)
        start = time.monotonic()
        answer = fetch(server.base + PAGE, timeout=30)
        waited = time.monotonic() - start
        still_building = server.text().count("Documentation built") == before
        assert answer is not None and "Antony Blinken holds talks" in answer
        assert still_building, "the rebuild ended before the answer: the test proves nothing"
        assert waited < 5, f"the request waited {waited:.1f} s"
    finally:
        server.stop()
