"""`timeline check`: one exact line per problem, at the YAML position of the field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from storekit import make_content, talks_event, write_article

from timeline.check.content import check_content, format_problem
from timeline.cli import main
from timeline.model import Event, Source
from timeline.store.files import write_event

FILE = "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
TODAY = dt.date(2025, 1, 1)


def good_event() -> Event:
    return talks_event(
        Source(
            outlet="Wire",
            article="content/articles/a.md",
            url="https://example.org/a",
            published="2023-06-18",
            language="en",
            quote="Blinken met Qin Gang.",
        )
    )


@pytest.fixture
def content(tmp_path: Path) -> Path:
    content = make_content(tmp_path)
    write_article(content, "a", "Blinken met Qin Gang.")
    write_event(good_event(), content / "events")
    return content


def lines(content: Path) -> list[str]:
    return [format_problem(p) for p in check_content(content, today=TODAY).problems]


def edit(content: Path, old: str, new: str, path: str = FILE) -> None:
    file = content.parent / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_good_store_has_no_problems(content: Path):
    assert lines(content) == []
    assert main(["--content", str(content), "check"]) == 0


CASES = [
    (  # unknown key, with a suggestion
        "kind: talks\n",
        "kind: talks\nknd: talks\n",
        f"{FILE}:8:1: knd: expected a known key (did you mean 'kind'?), found 'knd'",
    ),
    (  # missing required field: at the mapping that lacks it
        "status: happened\n",
        "",
        f"{FILE}:2:1: status: expected a value (required), found none",
    ),
    (
        "date: 2023-06-18",
        "date: 18.06.2023",
        f"{FILE}:4:7: date: expected a date YYYY-MM-DD, YYYY-MM or YYYY, found '18.06.2023'",
    ),
    (
        "date: 2023-06-18",
        "date: 2023-02-30",
        f"{FILE}:4:7: date: expected a real calendar date, found '2023-02-30'",
    ),
    (
        "end_date: null",
        "end_date: 2023-06-17",
        f"{FILE}:5:11: end_date: expected a date on or after date 2023-06-18, found '2023-06-17'",
    ),
    (
        "precision: day",
        "precision: month",
        f"{FILE}:6:12: precision: expected 'day' (the form of date 2023-06-18), found 'month'",
    ),
    (
        "kind: talks",
        "kind: chat",
        f"{FILE}:7:7: kind: expected one of meeting, talks, call, visit, summit, message, "
        "other, found 'chat'",
    ),
    (
        "- antony-blinken",
        "- john-doe",
        f"{FILE}:12:5: participants.us[0]: expected a person id from people.yml, found 'john-doe'",
    ),
    (  # a value error gets the nearest valid value, as a key error does
        "kind: talks",
        "kind: sumit",
        f"{FILE}:7:7: kind: expected one of meeting, talks, call, visit, summit, message, "
        "other, found 'sumit' (did you mean 'summit'?)",
    ),
    (  # the nearest person of the right side
        "- qin-gang",
        "- xi-jingping",
        f"{FILE}:14:5: participants.china[0]: expected a person id from people.yml, found "
        "'xi-jingping' (did you mean 'xi-jinping'?)",
    ),
    (  # the common causes of a YAML syntax error are named
        "title: Antony Blinken holds talks with Qin Gang in Beijing",
        "title: Blinken in Beijing: talks",
        f"{FILE}:3:26: expected valid YAML, found mapping values are not allowed in this context "
        "(a ': ' inside a value? put the value in quotes: title: \"Talks: day two\")",
    ),
    (
        "kind: talks",
        "kind: talks\n\tnotes: x",
        f"{FILE}:8:1: expected valid YAML, found found a tab character that violates indentation "
        "(a tab? YAML indents with spaces only)",
    ),
    (
        "- qin-gang",
        "- jake-sullivan",
        f"{FILE}:14:5: participants.china[0]: expected a person of China (country cn), "
        "found 'jake-sullivan' (country us)",
    ),
    (
        "id: 2023-06-18-blinken-qin-gang-beijing",
        "id: 2023-06-18-blinken-qin-gang",
        f"{FILE}:2:5: id: expected '2023-06-18-blinken-qin-gang-beijing' (the file name), "
        "found '2023-06-18-blinken-qin-gang'",
    ),
    (
        "article: content/articles/a.md",
        "article: content/articles/gone.md",
        f"{FILE}:18:12: sources[0].article: expected an article in content/articles/, "
        "found 'content/articles/gone.md' (no such file)",
    ),
    (
        "article: content/articles/a.md",
        "article: content/articles/../../people.md",
        f"{FILE}:18:12: sources[0].article: expected a path content/articles/…/name.md, "
        "found 'content/articles/../../people.md'",
    ),
    (
        "url: https://example.org/a",
        "url: javascript:alert(1)",
        f"{FILE}:20:8: sources[0].url: expected an http(s) link, found 'javascript:alert(1)'",
    ),
    (
        "url: https://example.org/a",
        "url: data:text/html,x",
        f"{FILE}:20:8: sources[0].url: expected an http(s) link, found 'data:text/html,x'",
    ),
    (
        "url: https://example.org/a",
        "url: /relative/link",
        f"{FILE}:20:8: sources[0].url: expected an http(s) link, found '/relative/link'",
    ),
    (
        "part_of: null",
        "part_of: 2023-06-17-trip",
        f"{FILE}:24:10: part_of: expected the id of another event, found '2023-06-17-trip'",
    ),
    (
        "id: 2023-06-18-blinken-qin-gang-beijing",
        "id: ../../etc/passwd",
        f"{FILE}:2:5: id: expected an id like 2023-06-18-blinken-qin-gang-beijing (date, then "
        "a-z0-9 words joined by '-'), found '../../etc/passwd'",
    ),
    (
        "  outlet: Wire\n",
        "",
        f"{FILE}:18:3: sources[0].outlet: expected a value (required), found none",
    ),
    (
        "  quote: Blinken met Qin Gang.\n",
        "  quote: Blinken met Qin Gang.\n  confidence: 2\n",
        f"{FILE}:24:15: sources[0].confidence: expected a number from 0 to 1, found 2",
    ),
    (
        "tags: []",
        "tags: [a, a]",
        f"{FILE}:25:7: tags: expected no repeated items, found 'a' twice",
    ),
    (
        "- antony-blinken",
        "- Antony Blinken",
        f"{FILE}:12:5: participants.us[0]: expected a person id (a-z0-9 words joined by '-'), "
        "found 'Antony Blinken'",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_each_problem_is_one_exact_line(content: Path, old: str, new: str, expected: str):
    edit(content, old, new)
    assert lines(content) == [expected]


def test_problems_in_many_files_are_all_reported_and_exit_is_1(content: Path, capsys):
    edit(content, "kind: talks", "kind: chat")
    bad = content / "events/2023/2023-06-19-x.yml"
    bad.write_text("id: [\n", encoding="utf-8")
    edit(content, "language: en", "language: english", "content/articles/a.md")
    assert main(["--content", str(content), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:3] == [
        "content/articles/a.md:5:11: language: expected an ISO 639 language code such as uk, "
        "en, zh, found 'english'",
        "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml:7:7: kind: expected one "
        "of meeting, talks, call, visit, summit, message, other, found 'chat'",
        "content/events/2023/2023-06-19-x.yml:2:1: expected valid YAML, found did not find "
        "expected node content",
    ]
    assert re.fullmatch(
        r"checked 1 events, \d+ people: 3 error\(s\), 0 warning\(s\) in \S+ s", err[3]
    )


def test_duplicate_ids_name_the_other_file(content: Path):
    other = content / "events/2024/2023-06-18-blinken-qin-gang-beijing.yml"
    other.parent.mkdir()
    other.write_bytes((content.parent / FILE).read_bytes())
    assert lines(content) == [
        "content/events/2024/2023-06-18-blinken-qin-gang-beijing.yml:2:5: id: expected a unique "
        "id, found '2023-06-18-blinken-qin-gang-beijing' also in " + FILE,
        "content/events/2024/2023-06-18-blinken-qin-gang-beijing.yml:2:5: warning: id: expected "
        "a contact not already in " + FILE + ", found the same one",
        "content/events/2024/2023-06-18-blinken-qin-gang-beijing.yml:4:7: date: expected a date "
        "in 2024 (the folder), found '2023-06-18'",
    ]


def test_suspicious_but_valid_is_a_warning_and_exits_0(content: Path):
    edit(content, "end_date: null", "end_date: 2023-12-31")
    assert lines(content) == [
        f"{FILE}:5:11: warning: end_date: expected an event of at most 60 days, found '2023-12-31'"
    ]
    assert main(["--content", str(content), "check"]) == 0
    assert main(["--content", str(content), "check", "--strict"]) == 1


def test_front_matter_problems_point_into_the_article(content: Path):
    edit(content, "published: 2023-06-18", "published: yesterday", "content/articles/a.md")
    edit(content, "outlet: Wire\n", "", "content/articles/a.md")
    assert lines(content) == [
        "content/articles/a.md:2:1: outlet: expected a value (required), found none",
        "content/articles/a.md:3:12: published: expected a date YYYY-MM-DD, found 'yesterday'",
    ]


def test_people_registry_problems(content: Path):
    (content / "people.yml").write_text(
        "- {id: antony-blinken, name: Antony Blinken, country: us}\n"
        "- {id: qin-gang, name: Qin Gang, country: cn}\n"
        "- id: someone\n"
        "  name: Someone\n"
        "  country: china\n"
        "  roles: [{title: Envoy, from: 2020-01-01, to: 2019-01-01}]\n"
        "- {id: qin-gang, name: Again, country: cn}\n"
        "- {id: nul, name: Nul, country: cn}\n",
        encoding="utf-8",
    )
    assert lines(content) == [
        "content/people.yml:5:12: [2].country: expected one of us, cn, found 'china'",
        "content/people.yml:6:48: [2].roles[0].to: expected a date on or after from 2020-01-01, "
        "found '2019-01-01'",
        "content/people.yml:7:8: [3].id: expected a unique id, found 'qin-gang' also in entry 2",
        "content/people.yml:8:8: [4].id: expected an id usable as a folder name, found 'nul' "
        "(reserved on Windows)",
    ]


def test_an_event_outside_a_year_folder_is_refused(content: Path):
    misplaced = content / "events/2023-06-18-blinken-qin-gang-beijing.yml"
    (content.parent / FILE).rename(misplaced)
    assert lines(content) == [
        "content/events/2023-06-18-blinken-qin-gang-beijing.yml: expected the file in a year "
        "folder events/YYYY/, found it in content/events/"
    ]


def test_which_events_are_kept(content: Path):
    from timeline.check.content import KEEP_ALL, KEEP_NONE, KEEP_UNLESS_ERRORS

    def kept(keep: str) -> tuple[int, int]:
        checked = check_content(content, today=TODAY, keep=keep)
        return len(checked.events), checked.event_count

    assert kept(KEEP_ALL) == kept(KEEP_UNLESS_ERRORS) == (1, 1)
    assert kept(KEEP_NONE) == (0, 1)
    (content / "articles/broken.md").write_text("no front matter\n", "utf-8")  # an error
    assert kept(KEEP_ALL) == (1, 1)  # `mkdocs serve` still shows the event
    assert kept(KEEP_UNLESS_ERRORS) == (0, 1)  # a build stops: nothing is held for it


def test_serving_keeps_the_good_events_and_leaves_out_the_bad_ones(content: Path):
    """`mkdocs serve` (KEEP_ALL) shows the rest of the site, never what its banner names."""
    assert [e.id for e in check_content(content, TODAY).events] == [
        "2023-06-18-blinken-qin-gang-beijing"
    ]
    edit(content, "kind: talks", "kind: sumit")
    checked = check_content(content, TODAY)
    assert checked.events == [] and checked.event_count == 1
    assert [p.path for p in checked.errors] == [FILE]
