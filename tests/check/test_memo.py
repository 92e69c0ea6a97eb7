"""`StatMemo` keeps a file's result while the file is unchanged, and `check_content` with a
memo gives exactly the problems and events of a run without one, after every kind of edit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timeline.check.content import check_content
from timeline.contentfs import StatMemo
from timeline.store.synthetic import write_content


def test_memo_computes_again_only_after_a_change(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("one", encoding="utf-8")
    memo, calls = StatMemo(), []

    def read() -> str:
        calls.append(1)
        return path.read_text(encoding="utf-8")

    assert memo.get(path, read) == "one"
    assert memo.get(path, read) == "one"
    assert len(calls) == 1
    path.write_text("two!", encoding="utf-8")  # another size
    assert memo.get(path, read) == "two!"
    stat = path.stat()
    path.write_text("six!", encoding="utf-8")  # same size, same time: an mtime tick apart
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert memo.get(path, read) == "six!"
    assert len(calls) == 3


def test_memo_forgets_deleted_files(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("one", encoding="utf-8")
    memo = StatMemo()
    memo.get(path, lambda: 1)
    memo.forget_unseen()
    assert memo.values() == [1]
    path.unlink()
    memo.forget_unseen()  # not asked for since: gone
    assert memo.values() == []
    assert memo.get(path, lambda: "cannot read") == "cannot read"  # no stat: computed


@pytest.fixture
def content(tmp_path: Path) -> Path:
    write_content(tmp_path / "content", 40)
    return tmp_path / "content"


def same(content: Path, memo: StatMemo) -> None:
    with_memo, without = check_content(content, memo=memo), check_content(content)
    assert [str(p) for p in with_memo.problems] == [str(p) for p in without.problems]
    assert with_memo.events == without.events
    assert with_memo.event_count == without.event_count


def test_check_with_a_memo_matches_a_fresh_check_after_each_edit(content: Path):
    memo = StatMemo()
    same(content, memo)
    files = sorted((content / "events").rglob("*.yml"))
    assert memo.misses == len(files)
    memo.misses = 0
    same(content, memo)
    assert memo.misses == 0, "unchanged files were read again"
    # an edit
    text = files[0].read_text(encoding="utf-8")
    files[0].write_text(text.replace("title: ", "title: Edited "), encoding="utf-8")
    same(content, memo)
    assert memo.misses == 1
    # a broken file: its error, with file and line, and the event left out
    files[1].write_text("id: [unclosed\n", encoding="utf-8")
    same(content, memo)
    assert any(p.path.endswith(files[1].name) and p.line for p in check_content(content).errors)
    # a deleted file
    files[2].unlink()
    same(content, memo)
    assert not [p for p in memo.entries if p == files[2]]
    # a new file (a copy under another id)
    new_id = files[3].stem + "-copy"
    copy = files[3].with_name(new_id + ".yml")
    copy.write_text(files[3].read_text("utf-8").replace(files[3].stem, new_id), "utf-8")
    same(content, memo)


def test_check_with_a_memo_sees_a_changed_registry(content: Path):
    memo = StatMemo()
    same(content, memo)
    people = content / "people.yml"
    text = people.read_text(encoding="utf-8")
    first_id = text.split("id: ", 1)[1].split("\n", 1)[0]
    people.write_text(text.replace(f"id: {first_id}\n", "id: someone-else\n", 1), "utf-8")
    same(content, memo)  # the events naming the removed id are now in error, memo or not
    assert any(first_id in p.message for p in check_content(content, memo=memo).errors)
