"""`timeline new`: a hand-written event with no article behind it, valid from the start."""

from __future__ import annotations

from pathlib import Path

from storekit import make_content

from timeline.check.content import check_content
from timeline.cli import main

ARGS = [
    "new",
    "--date", "2023-11-15",
    "--kind", "summit",
    "--us", "joe-biden",
    "--china", "xi-jinping",
    "--place", "Woodside",
    "--outlet", "White House",
    "--url", "https://example.org/readout",
    "--published", "2023-11-15",
]  # fmt: skip


def test_new_writes_a_valid_event_at_its_id(tmp_path: Path, capsys):
    content = make_content(tmp_path)
    assert main(["--content", str(content), *ARGS]) == 0
    path = content / "events/2023/2023-11-15-biden-xi-woodside.yml"
    assert capsys.readouterr().out.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "title: Joe Biden holds a summit with Xi Jinping in Woodside\n" in text
    assert "sources:\n- outlet: White House\n  url: https://example.org/readout\n" in text
    checked = check_content(content)
    assert checked.problems == []
    assert [e.id for e in checked.events] == ["2023-11-15-biden-xi-woodside"]


def test_new_refuses_what_check_would_refuse_and_writes_nothing(tmp_path: Path, capsys):
    content = make_content(tmp_path)
    args = [a.replace("xi-jinping", "jake-sullivan") for a in ARGS]
    args = [a.replace("https://example.org/readout", "javascript:alert(1)") for a in args]
    assert main(["--content", str(content), *args]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "content/events/2023/2023-11-15-biden-sullivan-woodside.yml:14:5: participants.china[0]: "
        "expected a person of China (country cn), found 'jake-sullivan' (country us)",
        "content/events/2023/2023-11-15-biden-sullivan-woodside.yml:19:8: sources[0].url: "
        "expected an http(s) link, found 'javascript:alert(1)'",
    ]
    assert not any((content / "events").rglob("*.yml"))


def test_new_never_overwrites(tmp_path: Path, capsys):
    content = make_content(tmp_path)
    assert main(["--content", str(content), *ARGS]) == 0
    path = content / "events/2023/2023-11-15-biden-xi-woodside.yml"
    path.write_text(path.read_text("utf-8").replace("review: draft", "review: reviewed"))
    before = path.read_bytes()
    assert main(["--content", str(content), *ARGS]) == 1
    assert "expected a new event, found the file already there" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_bad_options_are_named_and_nothing_is_written(tmp_path: Path, capsys):
    content = make_content(tmp_path)
    args = [a.replace("2023-11-15", "2023-13").replace("summit", "summits") for a in ARGS]
    assert main(["--content", str(content), *args]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "timeline new: --date: expected a real date YYYY-MM-DD, YYYY-MM or YYYY, found '2023-13'",
        "timeline new: --kind: expected one of meeting, talks, call, visit, summit, message, "
        "other, found 'summits'",
    ]
    assert not any((content / "events").rglob("*.yml"))
