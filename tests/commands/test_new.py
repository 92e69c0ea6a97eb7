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
        # no line numbers: the file was never written
        "timeline new (content/events/2023/2023-11-15-biden-sullivan-woodside.yml, not written): "
        "participants.china[0]: expected a person of China (country cn), found 'jake-sullivan' "
        "(country us)",
        "timeline new (content/events/2023/2023-11-15-biden-sullivan-woodside.yml, not written): "
        "sources[0].url: expected an http(s) link, found 'javascript:alert(1)'",
    ]
    assert not any((content / "events").rglob("*.yml"))


def test_new_never_overwrites(tmp_path: Path, capsys):
    content = make_content(tmp_path)
    assert main(["--content", str(content), *ARGS]) == 0
    path = content / "events/2023/2023-11-15-biden-xi-woodside.yml"
    path.write_text(path.read_text("utf-8").replace("review: draft", "review: reviewed"))
    before = path.read_bytes()
    assert main(["--content", str(content), *ARGS]) == 1
    assert capsys.readouterr().err == (
        "timeline new: --id: expected a new event id, found '2023-11-15-biden-xi-woodside' "
        "already there: add this source to it with `timeline cite 2023-11-15-biden-xi-woodside "
        "--outlet … --url …`, or pass --id for a different contact\n"
    )
    assert path.read_bytes() == before


def test_bad_options_are_named_and_nothing_is_written(tmp_path: Path, capsys):
    content = make_content(tmp_path)
    args = [a.replace("2023-11-15", "2023-13").replace("summit", "summits") for a in ARGS]
    assert main(["--content", str(content), *args]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "timeline new: --date: expected a real date YYYY-MM-DD, YYYY-MM or YYYY, found '2023-13'",
        "timeline new: --kind: expected one of meeting, talks, call, visit, summit, message, "
        "other, found 'summits' (did you mean summit?)",
    ]
    assert not any((content / "events").rglob("*.yml"))


def test_a_one_sided_visit_reviewed_at_once(tmp_path: Path, capsys):
    content = make_content(tmp_path)
    args = [a for a in ARGS if a not in ("--us", "joe-biden")]
    args = [*[a.replace("summit", "visit") for a in args], "--review", "reviewed"]
    assert main(["--content", str(content), *args]) == 0
    path = content / "events/2023/2023-11-15-xi-woodside.yml"
    text = path.read_text("utf-8")
    assert "review: reviewed\n" in text and "us: []\n" in text
    assert check_content(content).errors == []


def test_a_wrong_person_id_gets_the_nearest_ids(tmp_path: Path, capsys):
    content = make_content(tmp_path)
    args = [a.replace("xi-jinping", "xi-jingping") for a in ARGS]
    assert main(["--content", str(content), *args]) == 1
    assert capsys.readouterr().err == (
        "timeline new: --china: expected a person id from content/people.yml, found "
        "'xi-jingping' (did you mean xi-jinping?)\n"
    )
    args = [a for a in ARGS if a not in ("--us", "joe-biden", "--china", "xi-jinping")]
    assert main(["--content", str(content), *args]) == 1
    assert "expected at least one person (--us or --china)" in capsys.readouterr().err
