"""The review queue, `extract --dry-run`, every file named, new sources flagged, `cite`."""

from __future__ import annotations

import io
import sys
from argparse import Namespace
from pathlib import Path

import pytest
from storekit import TALKS, LineExtractor, make_content, snapshot, write_article

from timeline.check.content import check_content
from timeline.cli import main
from timeline.commands.extract_run import extract_and_flag, report
from timeline.commands.review import run_review

EVENT = "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
EVENT_ID = "2023-06-18-blinken-qin-gang-beijing"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path)


def extract(content: Path, dry_run: bool = False) -> list[str]:
    summary, changes = extract_and_flag(
        content, dry_run=dry_run, stream=io.StringIO(), factory=LineExtractor
    )
    out = io.StringIO()
    report(summary, changes, dry_run, out=out)
    assert summary.ok
    return out.getvalue().splitlines()


def review(content: Path, event_id: str | None = None, **flags: bool) -> int:
    args = Namespace(id=event_id, accept=False, reject=False, edit=False, **{})
    for key, value in flags.items():
        setattr(args, key, value)
    return run_review(content, args)


def test_dry_run_names_what_would_change_and_writes_nothing(content: Path):
    write_article(content, "a", TALKS)
    before = snapshot(content.parent)
    lines = extract(content, dry_run=True)
    assert snapshot(content.parent) == before
    assert lines[:2] == [f"would create {EVENT}", "would create content/ledger.json"]
    assert lines[-1].startswith("dry run, nothing written: articles: 1 found")
    assert extract(content)[:2] == [f"created {EVENT}", "created content/ledger.json"]
    assert extract(content, dry_run=True)[-1].endswith("events: 0 new, 0 merged; sources added: 0")


def test_a_new_source_of_a_reviewed_event_is_flagged_until_accepted(content: Path, capsys):
    write_article(content, "a", TALKS)
    extract(content)
    path = content.parent / EVENT
    path.write_text(path.read_text("utf-8").replace("review: draft", "review: reviewed"))
    assert review(content) == 0
    assert capsys.readouterr().out == ""  # nothing waits: the one event is reviewed
    write_article(content, "b", TALKS, outlet="Other Wire")
    assert extract(content)[0] == f"changed {EVENT} (+1 source(s), 1 flagged unreviewed)"
    text = path.read_text("utf-8")
    assert text.count("unreviewed: true") == 1 and "review: reviewed" in text
    assert check_content(content).errors == []
    assert review(content) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == f"{EVENT_ID}  [reviewed, 1 new source(s)]"
    assert "  (Other Wire: content/articles/b.md)" in listed
    assert review(content, EVENT_ID, accept=True) == 0
    assert capsys.readouterr().out == f"reviewed {EVENT}\n"
    assert "unreviewed" not in path.read_text("utf-8")
    assert text.replace("  unreviewed: true\n", "") == path.read_text("utf-8")


def test_drafts_are_listed_with_date_title_people_and_quote(content: Path, capsys):
    write_article(content, "a", TALKS)
    extract(content)
    assert review(content) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{EVENT_ID}  [draft]",
        "  2023-06-18  Antony Blinken holds talks with Qin Gang in Beijing",
        "  us: antony-blinken; china: qin-gang",
        f"  «{TALKS}»",
        "  (Wire: content/articles/a.md)",
        f"  {EVENT}",
    ]
    assert review(content, EVENT_ID, reject=True) == 0
    assert "review: rejected\n" in (content.parent / EVENT).read_text("utf-8")
    assert review(content) == 0 and capsys.readouterr().out == f"rejected {EVENT}\n"


def test_a_wrong_id_gets_the_nearest(content: Path, capsys):
    write_article(content, "a", TALKS)
    extract(content)
    assert review(content, EVENT_ID[:-2], accept=True) == 1
    assert capsys.readouterr().err == (
        f"expected an event id, found {EVENT_ID[:-2]!r}; did you mean {EVENT_ID}?\n"
    )


def test_edit_opens_the_editor_and_checks_the_result(
    content: Path, tmp_path: Path, capsys, monkeypatch
):
    write_article(content, "a", TALKS)
    extract(content)
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('kind: talks', 'kind: sumit'))\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    assert review(content, EVENT_ID, edit=True) == 1
    err = capsys.readouterr().err
    assert "kind: expected one of meeting" in err and "found 'sumit'" in err


def test_cite_adds_a_source_and_refuses_it_twice(content: Path, capsys):
    write_article(content, "a", TALKS)
    extract(content)
    args = ["--content", str(content), "cite", EVENT_ID, "--outlet", "Reuters"]
    args += ["--url", "https://example.org/r", "--published", "2023-06-19"]
    assert main(args) == 0
    assert capsys.readouterr().out == f"changed {EVENT} (+1 source: Reuters)\n"
    assert "url: https://example.org/r\n" in (content.parent / EVENT).read_text("utf-8")
    assert check_content(content).errors == []
    assert main(args) == 1
    assert capsys.readouterr().err == f"{EVENT}: already cites https://example.org/r\n"
    assert main([*args[:-4], "--url", "javascript:alert(1)"]) == 1
    assert "expected an http(s) link" in capsys.readouterr().err


def test_files_that_are_not_articles_are_said(content: Path, tmp_path: Path):
    (content / "articles/saved.html").write_text("<html></html>")
    summary, _ = extract_and_flag(content, stream=io.StringIO(), factory=LineExtractor)
    assert [str(p) for p in summary.problems] == [
        "content/articles/saved.html: not an article (only .md files are read): add it with "
        "`timeline add content/articles/saved.html`"
    ]
