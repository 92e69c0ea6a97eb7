"""Issue 13's red-team scenarios, replayed with the real commands and git on a generated project:
nothing an editor did is lost (corrections, rejections, deletions, both sides of a merge).

Each test builds a small project (the real registry, a few English articles), runs
`timeline extract` and `timeline check` in subprocesses with the real extractor, and commits
with git as editors do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = {
    **os.environ,
    "PYTHONPATH": str(ROOT),
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
TALKS = "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
CALL = "content/events/2023/2023-06-13-blinken-qin-gang.yml"
ROE = (  # a person the extractor finds once she is in the registry (an office held that day)
    "- id: jane-roe\n  name: Jane Roe\n  country: us\n  short: Roe\n  level: minister\n"
    "  roles:\n    - {title: Deputy Secretary of State, from: 2021-01-01}\n"
    "  names:\n    en: [Jane Roe]\n"
)
# Three reports in my own words: two of the Beijing talks of 18 June 2023 (a Sunday), one of
# a call of 13 June that also names Jane Roe, a person the registry does not know yet.
ARTICLES = {
    "a": ("Wire", "2023-06-19", "US Secretary of State Antony Blinken held talks with Chinese "
          "Foreign Minister Qin Gang in Beijing on Sunday."),
    "b": ("Courier", "2023-06-19", "Antony Blinken and Qin Gang held talks in Beijing on "
          "Sunday, the State Department said."),
    "c": ("Wire", "2023-06-15", "Antony Blinken and Jane Roe spoke by phone with Chinese "
          "Foreign Minister Qin Gang on Tuesday."),
}  # fmt: skip


def run(project: Path, *command: str) -> subprocess.CompletedProcess:
    args = (
        [sys.executable, "-m", "timeline.cli", *command[1:]]
        if command[0] == "timeline"
        else command
    )
    return subprocess.run(
        list(args), cwd=project, env=ENV, capture_output=True, text=True, check=False, timeout=300
    )


def ok(project: Path, *command: str) -> str:
    done = run(project, *command)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def add_article(project: Path, name: str) -> None:
    outlet, published, body = ARTICLES[name]
    path = project / f"content/articles/en/2023/{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    front = f"---\ntitle: Report {name}\noutlet: {outlet}\npublished: {published}\nlanguage: en\n"
    path.write_text(front + f"---\n\n{body}\n", encoding="utf-8")


def commit(project: Path, message: str) -> None:
    ok(project, "git", "add", "-A")
    ok(project, "git", "commit", "-q", "-m", message)


def edit(project: Path, name: str, *changes: tuple[str, str]) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, (name, old)
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def events(project: Path) -> list[str]:
    found = (project / "content/events").rglob("*.yml")
    return sorted(p.relative_to(project).as_posix() for p in found)


def clean(project: Path) -> bool:
    return ok(project, "git", "status", "--porcelain", "content/events") == ""


def empty_project(tmp_path: Path) -> Path:
    """A project with the registry, no articles and no events yet, in git."""
    project = tmp_path / "project"
    (project / "content/events").mkdir(parents=True)
    shutil.copy(ROOT / "content/people.yml", project / "content/people.yml")
    ok(project, "git", "init", "-q", "-b", "main")
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = empty_project(tmp_path)
    for name in ARTICLES:
        add_article(project, name)
    ok(project, "timeline", "extract")
    assert events(project) == [CALL, TALKS]
    commit(project, "extracted")
    return project


@pytest.mark.parametrize("rerun", ["--force", "registry comment"])
def test_a_correction_stays_corrected(project: Path, rerun: str):
    edit(
        project,
        TALKS,
        ("date: 2023-06-18", "date: 2023-06-19"),
        ("kind: talks", "kind: meeting"),
        ("- qin-gang", "- wang-yi"),
        ("review: draft", "review: reviewed"),
    )
    commit(project, "corrected")
    if rerun == "--force":
        ok(project, "timeline", "extract", "--force")
    else:
        with (project / "content/people.yml").open("a", encoding="utf-8") as handle:
            handle.write("# reviewed by the desk\n")
        ok(project, "timeline", "extract")
    assert events(project) == [CALL, TALKS]
    changed = ok(project, "git", "diff", "-U0", "--", "content/events")
    edits = [line for line in changed.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"]
    assert sorted(line.split(":")[0] for line in edits) == [
        "+summary",
        "+title",
        "-summary",
        "-title",
    ]
    assert "+title: Antony Blinken meets Wang Yi in Beijing" in edits  # the title follows
    ok(project, "timeline", "check", "--strict")
    commit(project, "regenerated")
    ok(project, "timeline", "extract", "--force")
    assert clean(project)


@pytest.mark.parametrize("decision", ["rejected", "deleted"])
def test_a_decision_survives_a_registry_that_finds_more_people(project: Path, decision: str):
    if decision == "rejected":
        edit(project, CALL, ("review: draft", "review: rejected"))
    else:
        ok(project, "git", "rm", "-q", CALL)
    commit(project, decision)
    with (project / "content/people.yml").open("a", encoding="utf-8") as handle:
        handle.write(ROE)
    ok(project, "timeline", "extract")
    expected = [CALL, TALKS] if decision == "rejected" else [TALKS]
    assert events(project) == expected
    commit(project, "registry grown")
    (project / "content/ledger.json").unlink()  # "start again"
    ok(project, "timeline", "extract", "--force")
    assert events(project) == expected
    ok(project, "timeline", "check", "--strict")


def resolve_keeping_both(project: Path) -> None:
    """The conflicted ledger resolved as docs/editors.md says: the entries (lines) of both
    sides, ours where both have one, one entry a line."""
    ours, theirs = (
        json.loads(ok(project, "git", "show", f":{stage}:content/ledger.json")) for stage in (2, 3)
    )
    lines = ["{", f'"about": {json.dumps(ours["about"])},']
    for section in ("articles", "events"):
        merged = {**theirs[section], **ours[section]}
        entries = [f"{json.dumps(k)}: {json.dumps(merged[k])}" for k in sorted(merged)]
        lines += [f'"{section}": {{', ",\n".join(entries), "},"]
    lines += [f'"people": {json.dumps(ours["people"])}', "}"]
    (project / "content/ledger.json").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("theirs", ["same-contact", "same-id"])
def test_a_merge_keeping_one_side_of_an_event_loses_no_source(tmp_path: Path, theirs: str):
    """Two branches extract different reports of one contact (or two contacts given the same
    id); the merge keeps our event file and the ledger lines of both."""
    project = empty_project(tmp_path)
    ok(project, "timeline", "extract")  # an empty ledger both branches start from
    commit(project, "empty store")
    ok(project, "git", "checkout", "-q", "-b", "theirs")
    if theirs == "same-contact":
        add_article(project, "b")
    else:  # another contact (a visit, not talks) of the same people, day and place: same id
        add_article(project, "b")
        edit(
            project,
            "content/articles/en/2023/b.md",
            (
                "and Qin Gang held talks in Beijing on Sunday",
                "visited Beijing on Sunday, where Qin Gang received him",
            ),
        )
    ok(project, "timeline", "extract")
    commit(project, "theirs")
    ok(project, "git", "checkout", "-q", "main")
    add_article(project, "a")
    ok(project, "timeline", "extract")
    commit(project, "ours")
    assert run(project, "git", "merge", "-q", "theirs").returncode != 0  # add/add conflicts
    ok(project, "git", "checkout", "--ours", "--", TALKS)
    resolve_keeping_both(project)
    commit(project, "merged")
    check = run(project, "timeline", "check")
    assert check.returncode == 1 and "content/articles/en/2023/b.md" in check.stdout + check.stderr
    ok(project, "timeline", "extract")
    ok(project, "timeline", "check", "--strict")
    cited = "".join(
        p.read_text(encoding="utf-8") for p in (project / "content/events").rglob("*.yml")
    )
    assert "content/articles/en/2023/a.md" in cited and "content/articles/en/2023/b.md" in cited


def test_two_editors_deleting_the_same_event_merge_without_a_conflict(project: Path):
    ok(project, "git", "checkout", "-q", "-b", "theirs")
    ok(project, "git", "rm", "-q", CALL)
    ok(project, "timeline", "extract")  # writes the tombstone
    commit(project, "theirs: deleted")
    ok(project, "git", "checkout", "-q", "main")
    ok(project, "git", "rm", "-q", CALL)
    ok(project, "timeline", "extract")
    commit(project, "ours: deleted")
    ok(project, "git", "merge", "-q", "--no-edit", "theirs")  # the same bytes on both sides
    ok(project, "timeline", "extract", "--force")
    assert events(project) == [TALKS] and clean(project)
    ok(project, "timeline", "check", "--strict")
