"""Reading the ledger: conflicts and wrong shapes are one clear line each and stop extraction;
a project whose ledger is still `ledger.yml` keeps working and is moved to `ledger.json`."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from storekit import TALKS, LineExtractor, make_content, snapshot, write_article

from timeline.check.content import check_content
from timeline.commands.extract import run_extract
from timeline.store.ledger import read_ledger
from timeline.yamlio import dump_yaml

EVENT = "events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
TALKS_25 = TALKS.replace("06-18", "06-25")


def extract(content: Path, **options):
    return run_extract(content, stream=io.StringIO(), factory=LineExtractor, **options)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """Two articles read, two events written, so each section has two entries."""
    content = make_content(tmp_path)
    write_article(content, "a", TALKS)
    write_article(content, "b", TALKS_25)
    assert extract(content).new == 2
    return content


def lines(content: Path) -> list[str]:
    return (content / "ledger.json").read_text(encoding="utf-8").splitlines(keepends=True)


def problems(content: Path) -> list[str]:
    ledger, found = read_ledger(content)
    assert ledger is None
    return [str(p) for p in found]


def as_old_yaml(content: Path) -> str:
    """The ledger as the older `ledger.yml` held it (comment header, one YAML document)."""
    data = json.loads((content / "ledger.json").read_text(encoding="utf-8"))
    del data["about"]
    header = "# Written by `timeline extract`; do not edit.\n"
    return header + dump_yaml({k: data[k] for k in ("people", "articles", "events")})


def test_the_ledger_has_both_entries_of_each_section(content: Path):
    text = "".join(lines(content))
    assert [line[:30] for line in lines(content)[3:5]] == [
        '"content/articles/a.md": {"cla',
        '"content/articles/b.md": {"cla',
    ]
    assert '"2023-06-18-blinken-qin-gang-beijing": {"china": ["qin-gang"]' in text


def test_a_conflict_kept_whole_is_reported_at_its_line(content: Path):
    text = lines(content)
    conflicted = [*text[:4], "<<<<<<< HEAD\n", text[4], "=======\n", text[4], ">>>>>>> b\n"]
    (content / "ledger.json").write_text("".join(conflicted + text[5:]), encoding="utf-8")
    assert problems(content) == [
        "content/ledger.json:5:1: expected valid JSON (expecting property name enclosed in "
        "double quotes), found '<<<<<<< HEAD' (a merge conflict? see docs/editors.md, 'The ledger')"
    ]


def test_both_sides_kept_without_the_comma_is_reported_at_its_line(content: Path):
    text = lines(content)
    other = text[8].replace("06-25", "06-26")  # the other side's new last event
    (content / "ledger.json").write_text("".join([*text[:9], other, *text[9:]]), "utf-8")
    assert text[8].rstrip().endswith("]}")  # the last entry: no comma
    assert problems(content) == [
        "content/ledger.json:10:1: expected valid JSON (expecting ',' delimiter), found "
        "'\"2023-06-26-blinken-qin-gang-beijing\": {' (a merge conflict? see docs/editors.md, "
        "'The ledger')"
    ]


def test_the_same_entry_twice_is_reported_at_the_second(content: Path):
    text = lines(content)
    other_side = re.sub('"sha256": "[0-9a-f]{64}"', '"sha256": "' + "f" * 64 + '"', text[3])
    twice = [*text[:4], other_side]  # the same article recorded with two hashes
    (content / "ledger.json").write_text("".join(twice + text[4:]), encoding="utf-8")
    assert problems(content) == [
        'content/ledger.json:5:1: expected each key once, found "content/articles/a.md" '
        "again (a merge conflict? see docs/editors.md, 'The ledger')"
    ]


A_SHA = '"sha256": "'
WRONG = {  # how a hand edit breaks one line -> the one problem, at that line
    "sha-number": (
        3,
        lambda line: line[: line.index(A_SHA)] + '"sha256": 5},\n',
        'content/ledger.json:4:1: articles["content/articles/a.md"]: sha256: expected 64 '
        "lowercase hex digits, found 5",
    ),
    "event-id-number": (
        3,
        lambda line: line.replace('"events": [', '"events": [7, '),
        'content/ledger.json:4:1: articles["content/articles/a.md"]: events: expected a list '
        'of texts, found [7, "2023-06-18-blinken-qin-gang-beijing"]',
    ),
    "kind-null": (
        7,
        lambda line: line.replace('"kind": "talks"', '"kind": null'),
        'content/ledger.json:8:1: events["2023-06-18-blinken-qin-gang-beijing"]: kind: '
        "expected text, found null",
    ),
    "us-missing": (
        7,
        lambda line: line.replace(', "us": ["antony-blinken"]', ""),
        'content/ledger.json:8:1: events["2023-06-18-blinken-qin-gang-beijing"]: expected an '
        'event (china, date, kind, us (and end_date)), found {"china": ["qin-gang"], '
        '"date": "2023-06-18", "kind": "ta…',
    ),
    "article-as-text": (
        4,
        lambda line: line[: line.index("{")] + '"a"\n',
        'content/ledger.json:5:1: articles["content/articles/b.md"]: expected an article '
        '(events, sha256 (and claims)), found "a"',
    ),
    "people-number": (
        10,
        lambda line: '"people": 1\n',
        "content/ledger.json:11:1: people: expected text, found 1",
    ),
}


@pytest.mark.parametrize("case", sorted(WRONG))
def test_a_wrong_entry_is_one_problem_and_extract_writes_nothing(content: Path, case: str):
    index, edit, expected = WRONG[case]
    text = lines(content)
    text[index] = edit(text[index])
    (content / "ledger.json").write_text("".join(text), encoding="utf-8")
    assert problems(content) == [expected]
    assert [str(p) for p in check_content(content).problems] == [expected]
    write_article(content, "c", TALKS.replace("06-18", "07-01"))
    before = snapshot(content)
    assert not extract(content).ok
    assert snapshot(content) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[]\n",
            "content/ledger.json:1:1: expected an object with the keys articles, events, "
            "people (and about), found []",
        ),
        (
            "null\n",
            "content/ledger.json:1:1: expected an object with the keys articles, events, "
            "people (and about), found null",
        ),
        (
            '{"people": ""}\n',
            "content/ledger.json:1:1: expected an object with the keys "
            'articles, events, people (and about), found ["people"]',
        ),
        (
            '{"people": "", "articles": [], "events": {}}\n',
            "content/ledger.json:1:16: articles: expected an object, found []",
        ),
        (
            "{",
            "content/ledger.json:1:2: expected valid JSON (expecting property name enclosed "
            "in double quotes), found the end of the file (a merge conflict? see docs/editors.md, "
            "'The ledger')",
        ),
        (
            "[" * 100_000,
            "content/ledger.json: expected a ledger, found JSON nested too deep to read",
        ),
    ],
)
def test_a_file_that_is_no_ledger_is_one_problem(tmp_path: Path, text: str, expected: str):
    content = make_content(tmp_path)
    (content / "ledger.json").write_text(text, encoding="utf-8")
    assert problems(content) == [expected]


def test_an_old_ledger_yml_is_read_and_moved_to_ledger_json(content: Path):
    json_text = (content / "ledger.json").read_text(encoding="utf-8")
    (content / "ledger.yml").write_text(as_old_yaml(content), encoding="utf-8")
    (content / "ledger.json").unlink()

    ledger, found = read_ledger(content)
    assert found == [] and ledger is not None and ledger.changed
    assert check_content(content).problems == []  # an old project still builds, warning-free
    events = snapshot(content / "events")
    summary = extract(content)
    assert summary.ok and (summary.skipped, summary.new) == (2, 0)
    assert [str(p) for p in summary.problems] == [
        "content/ledger.yml: expected content/ledger.json, found this older ledger: moved to "
        "content/ledger.json (commit both)"
    ]
    assert not (content / "ledger.yml").exists()
    assert (content / "ledger.json").read_text(encoding="utf-8") == json_text  # same content
    assert snapshot(content / "events") == events
    assert extract(content).problems == []  # moved once: the next run is quiet


def test_a_deletion_recorded_in_ledger_yml_still_holds_after_the_move(content: Path):
    (content / EVENT).unlink()
    (content / "ledger.yml").write_text(as_old_yaml(content), encoding="utf-8")
    (content / "ledger.json").unlink()
    write_article(content, "c", TALKS, outlet="Other")  # another report of the deleted contact
    summary = extract(content)
    assert summary.ok and summary.new == 0
    assert not (content / EVENT).exists()
    assert "content/articles/c.md" in (content / "ledger.json").read_text(encoding="utf-8")


def test_a_conflicted_ledger_yml_is_reported_as_before(content: Path):
    old = as_old_yaml(content).splitlines(keepends=True)
    (content / "ledger.yml").write_text("".join([*old[:3], "<<<<<<< HEAD\n", *old[3:]]), "utf-8")
    (content / "ledger.json").unlink()
    assert problems(content) == [
        "content/ledger.yml:5:24: expected valid YAML, found could not find expected ':' "
        "(a merge conflict? see docs/editors.md, 'The ledger')"
    ]
    before = snapshot(content)
    assert not extract(content).ok and snapshot(content) == before


def test_a_wrong_entry_in_ledger_yml_is_one_problem(content: Path):
    old = as_old_yaml(content).replace("kind: talks", "kind: [talks]", 1)
    (content / "ledger.yml").write_text(old, encoding="utf-8")
    (content / "ledger.json").unlink()
    assert problems(content) == [
        'content/ledger.yml: events["2023-06-18-blinken-qin-gang-beijing"]: kind: expected '
        'text, found ["talks"]'
    ]


def test_with_both_ledger_json_wins_check_warns_and_extract_removes_the_old(content: Path):
    json_bytes = (content / "ledger.json").read_bytes()
    (content / "ledger.yml").write_text("stale: [not, a, ledger]\n", encoding="utf-8")
    warning = (
        "content/ledger.yml: expected only content/ledger.json, found this older ledger "
        "beside it: it is not read; `timeline extract` removes it"
    )
    checked = check_content(content)
    assert checked.errors == [] and [str(p) for p in checked.warnings] == [warning]
    ledger, found = read_ledger(content)
    assert ledger is not None and len(ledger.articles) == 2 and [str(p) for p in found] == [warning]
    summary = extract(content)
    assert summary.ok and summary.skipped == 2
    assert [str(p) for p in summary.problems] == [warning]
    assert not (content / "ledger.yml").exists()
    assert (content / "ledger.json").read_bytes() == json_bytes
    assert check_content(content).problems == []
