"""Broken and hostile files: one clear line naming each, the rest processed, nothing changed."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from storekit import TALKS, LineExtractor, make_content, snapshot, write_article

from timeline.check.content import check_content
from timeline.commands.extract import run_extract
from timeline.model import Event
from timeline.store.files import UnsafePathError, write_event

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


def _big(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)


BAD_FILES = {
    "malformed": lambda p: p.write_text("id: [unclosed\n", encoding="utf-8"),
    "latin1": lambda p: p.write_bytes("title: café\n".encode("latin-1")),
    "binary": lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"),
    "empty": lambda p: p.write_bytes(b""),
    "bomb": lambda p: p.write_text(BOMB, encoding="utf-8"),
    "python-tag": lambda p: p.write_text("!!python/object/apply:os.system [ls]\n"),
    "huge": _big,
    "deep": lambda p: p.write_text("id: " + "[" * 500 + "]" * 500, encoding="utf-8"),
    "twice": lambda p: p.write_text("id: a\nkind: talks\nid: b\n", encoding="utf-8"),
}
EVENT_MESSAGES = {
    "malformed": ":2:1: expected valid YAML, found did not find expected ',' or ']'",
    "latin1": ": expected UTF-8 text, found byte 0xe9 at offset 10",
    "binary": ": expected text, found a binary file (NUL bytes)",
    "empty": ": expected content, found an empty file",
    "bomb": ": expected at most 1000000 YAML nodes, found more (an alias bomb?)",
    "python-tag": ":1:1: expected plain YAML, found the tag '!!python/object/apply:os.system'",
    "huge": ": expected at most 32000000 bytes, found 52428800",
    "deep": ":1:69: expected at most 64 levels of nesting, found more",
    "twice": ":3:1: expected each key once, found 'id' again",
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    content = make_content(tmp_path)
    write_article(content, "good", TALKS)
    run_extract(content, stream=io.StringIO(), factory=LineExtractor)
    return content


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_event_file_costs_only_itself(content: Path, kind: str):
    bad = content / "events/2023" / f"2023-01-01-{kind}.yml"
    BAD_FILES[kind](bad)
    checked = check_content(content)
    assert [str(p) for p in checked.problems] == [
        f"content/events/2023/2023-01-01-{kind}.yml{EVENT_MESSAGES[kind]}"
    ]
    assert [e.id for e in checked.events] == ["2023-06-18-blinken-qin-gang-beijing"]
    before = snapshot(content)
    write_article(content, "more", TALKS, outlet="More")
    summary = run_extract(content, stream=io.StringIO(), factory=LineExtractor)
    assert summary.merged == 1 and not summary.ok
    after = snapshot(content)
    assert (
        after[f"events/2023/2023-01-01-{kind}.yml"] == before[f"events/2023/2023-01-01-{kind}.yml"]
    )


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_article_costs_only_itself(content: Path, kind: str):
    BAD_FILES[kind](content / "articles/bad.md")
    write_article(content, "other", TALKS.replace("06-18", "06-25"), outlet="Other")
    before = snapshot(content / "events")
    summary = run_extract(content, stream=io.StringIO(), factory=LineExtractor)
    assert (summary.failed, summary.new) == (1, 1)
    assert [p.path for p in summary.problems] == ["content/articles/bad.md"]
    assert set(before.items()) <= set(snapshot(content / "events").items())
    ledger = (content / "ledger.json").read_text(encoding="utf-8")
    assert "bad.md" not in ledger and "other.md" in ledger  # retried next run
    assert [p.path for p in check_content(content).problems] == ["content/articles/bad.md"]


def test_a_broken_registry_stops_extraction_before_anything_is_written(content: Path):
    (content / "people.yml").write_text("- id: [\n", encoding="utf-8")
    write_article(content, "new", TALKS.replace("06-18", "06-25"))
    before = snapshot(content)
    summary = run_extract(content, stream=io.StringIO(), factory=LineExtractor, force=True)
    assert [str(p) for p in summary.problems] == [
        "content/people.yml:2:1: expected valid YAML, found did not find expected node content"
    ]
    assert snapshot(content) == before


def test_symlinks_out_of_content_are_refused(content: Path, tmp_path: Path):
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: t\n---\n", encoding="utf-8")
    os.symlink(outside, content / "articles/link.md")
    os.symlink(tmp_path, content / "events/2023/dir")
    problems = [str(p) for p in check_content(content).problems]
    assert problems == [
        f"content/articles/link.md: expected a file inside content/, found a symlink to "
        f"{str(outside)!r}",
        f"content/events/2023/dir: expected a file inside content/, found a symlink to "
        f"{str(tmp_path)!r}",
    ]


def test_unportable_names_are_refused(content: Path):
    write_article(content, "CON", TALKS)
    write_article(content, "Good", TALKS)  # "good.md" is there already
    problems = [str(p) for p in check_content(content).problems]
    assert problems == [
        "content/articles/CON.md: expected a portable file name, found 'CON.md' (reserved on "
        "Windows)",
        "content/articles/good.md: expected a name unique regardless of case, found 'good.md' "
        "and 'Good.md' in the same folder",
    ]


@pytest.mark.parametrize("bad_id", ["../../../etc/x", "/tmp/x", "2023-06-18-a/../../b", "CON"])
def test_the_writer_refuses_ids_that_leave_the_store(tmp_path: Path, bad_id: str):
    event = Event(id=bad_id, title="t", date="2023-06-18", kind="talks")
    with pytest.raises(UnsafePathError):
        write_event(event, tmp_path / "events")
    assert not any(tmp_path.rglob("*"))


def test_a_conflicted_ledger_is_reported_and_extract_writes_nothing(content: Path):
    ledger = content / "ledger.json"
    lines = ledger.read_text(encoding="utf-8").splitlines(keepends=True)
    ours, theirs = lines[3], lines[3].replace('"sha256": "', '"sha256": "0')
    conflicted = [*lines[:3], "<<<<<<< HEAD\n", ours, "=======\n", theirs, ">>>>>>> b\n"]
    ledger.write_text("".join(conflicted + lines[4:]), encoding="utf-8")
    assert [str(p) for p in check_content(content).problems] == [
        "content/ledger.json:4:1: expected valid JSON (expecting property name enclosed in "
        "double quotes), found '<<<<<<< HEAD' (a merge conflict? see docs/editors.md, 'The ledger')"
    ]
    write_article(content, "new", TALKS.replace("06-18", "06-25"))
    before = snapshot(content)
    summary = run_extract(content, stream=io.StringIO(), factory=LineExtractor)
    assert not summary.ok and snapshot(content) == before
