"""`timeline rename`: file, part_of and ledger follow; nothing comes back; the old address is
kept in content/redirects.yml (issue 13, "corrections flow through")."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from storekit import TALKS, LineExtractor, make_content, snapshot, write_article

from timeline.check.content import check_content
from timeline.cli import main
from timeline.commands.extract import run_extract
from timeline.yamlio import parse_text

OLD = "2023-06-18-blinken-qin-gang-beijing"
NEW = "2023-06-18-blinken-qin-gang-talks-beijing"
CHILD = "CONTACT 2023-06-18 meeting antony-blinken wang-yi Beijing"


def extract(content: Path, **options):  # type: ignore[no-untyped-def]
    return run_extract(content, stream=io.StringIO(), factory=LineExtractor, **options)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    content = make_content(tmp_path)
    write_article(content, "a", TALKS)
    write_article(content, "b", CHILD)
    extract(content)
    child = content / "events/2023/2023-06-18-blinken-wang-yi-beijing.yml"
    text = child.read_text(encoding="utf-8")
    child.write_text(text.replace("part_of: null", f"part_of: {OLD}  # the trip"), "utf-8")
    old = content / f"events/2023/{OLD}.yml"
    old.write_text("# checked\n" + old.read_text(encoding="utf-8"), encoding="utf-8")
    return content


def test_rename_moves_the_file_and_its_references(content: Path):
    before = (content / f"events/2023/{OLD}.yml").read_text(encoding="utf-8")
    assert main(["--content", str(content), "rename", OLD, NEW]) == 0
    assert not (content / f"events/2023/{OLD}.yml").exists()
    after = (content / f"events/2023/{NEW}.yml").read_text(encoding="utf-8")
    assert after == before.replace(f"id: {OLD}\n", f"id: {NEW}\n")
    child = (content / "events/2023/2023-06-18-blinken-wang-yi-beijing.yml").read_text("utf-8")
    assert f"part_of: {NEW}  # the trip\n" in child
    ledger = (content / "ledger.json").read_text(encoding="utf-8")
    assert OLD not in ledger and NEW in ledger
    redirects = parse_text((content / "redirects.yml").read_text(encoding="utf-8"))
    assert redirects == {OLD: NEW}
    assert check_content(content).errors == []
    events = snapshot(content / "events")
    summary = extract(content, force=True)  # not taken for a deletion, nothing comes back
    assert summary.ok and summary.new == 0 and snapshot(content / "events") == events
    assert not (content / "deleted").exists()


def test_a_taken_or_bad_id_is_one_line_and_nothing_is_written(
    content: Path, capsys: pytest.CaptureFixture
):
    before = snapshot(content)
    taken = "2023-06-18-blinken-wang-yi-beijing"
    assert main(["--content", str(content), "rename", OLD, taken]) == 1
    assert main(["--content", str(content), "rename", OLD, "Not An Id"]) == 1
    assert main(["--content", str(content), "rename", "2023-01-01-nothing", NEW]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"timeline rename: {taken}: expected a new id, found it taken (an event or a deleted one)",
        "timeline rename: Not An Id: expected an id like 2023-06-18-blinken-qin-gang-beijing",
        "timeline rename: 2023-01-01-nothing: expected the id of an event in content/events/, "
        "found none",
    ]
    assert snapshot(content) == before


def test_renaming_twice_keeps_one_redirect_per_old_id(content: Path):
    assert main(["--content", str(content), "rename", OLD, NEW]) == 0
    assert main(["--content", str(content), "rename", NEW, f"{NEW}-x"]) == 0
    redirects = parse_text((content / "redirects.yml").read_text(encoding="utf-8"))
    assert redirects == {OLD: f"{NEW}-x", NEW: f"{NEW}-x"}
    assert main(["--content", str(content), "rename", f"{NEW}-x", OLD]) == 0
    redirects = parse_text((content / "redirects.yml").read_text(encoding="utf-8"))
    assert redirects == {NEW: OLD, f"{NEW}-x": OLD}
