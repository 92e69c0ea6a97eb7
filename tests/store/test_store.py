"""Event files: written in the documented key order, read back unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from storekit import talks_event

from timeline.model import EVENT_KEYS, Event, Source
from timeline.store.files import load_events, render_event, write_event
from timeline.yamlio import parse_yaml


def sample() -> Event:
    return talks_event(
        Source(
            outlet="Ukrinform",
            published="2023-06-18",
            article="content/articles/uk/x.md",
            language="uk",
            quote="Блінкен у неділю зустрівся з Цінь Ганом.",
            date_text="у неділю",
            date_basis="relative",
            confidence=0.8,
        )
    )


def test_keys_in_documented_order_and_scripts_kept():
    text = render_event(sample())
    assert "Блінкен у неділю" in text and "\\u" not in text
    assert tuple(parse_yaml(text)) == EVENT_KEYS
    assert "date: 2023-06-18\n" in text


def test_write_then_load_gives_the_event_back(tmp_path: Path):
    event = sample()
    path = write_event(event, tmp_path)
    assert path == tmp_path / "2023" / f"{event.id}.yml"
    [loaded], problems = load_events(tmp_path)
    assert problems == []
    loaded.path = None
    assert loaded == event


def test_writing_the_same_event_twice_changes_nothing(tmp_path: Path):
    path = write_event(sample(), tmp_path)
    before = path.stat().st_mtime_ns
    write_event(sample(), tmp_path)
    assert path.stat().st_mtime_ns == before


def test_a_write_that_fails_midway_leaves_the_old_file_whole(tmp_path: Path, monkeypatch):
    import os

    path = write_event(sample(), tmp_path)
    before = path.read_bytes()
    changed = sample()
    changed.notes = "x" * 10_000

    def crash(fd: int) -> None:
        raise KeyboardInterrupt  # the run is killed between writing and renaming

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        write_event(changed, tmp_path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_long_text_is_never_wrapped():
    event = sample()
    event.sources[0].quote = " ".join(["слово"] * 2000)
    text = render_event(event)
    assert "  quote: " + " ".join(["слово"] * 2000) + "\n" in text


def test_a_text_written_in_pieces_is_atomic_and_unchanged_files_are_left_alone(tmp_path: Path):
    from timeline.yamlio import write_chunks_atomic

    path = tmp_path / "ledger.json"
    assert write_chunks_atomic(path, ["{\n", '"a": 1', "\n}\n"]) is True
    assert path.read_text("utf-8") == '{\n"a": 1\n}\n'
    stamp = path.stat().st_mtime_ns
    assert write_chunks_atomic(path, ["{\n", '"a": 1\n}\n']) is False  # same bytes
    assert path.stat().st_mtime_ns == stamp

    def broken() -> Iterator[str]:
        yield "{\n"
        raise KeyboardInterrupt  # killed half-way through the pieces

    with pytest.raises(KeyboardInterrupt):
        write_chunks_atomic(path, broken())
    assert path.read_text("utf-8") == '{\n"a": 1\n}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.json"]
