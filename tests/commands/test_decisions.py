"""An editor's decision is final: corrections, rejections and deletions survive `--force`,
registry changes and git-style merges of two editors' stores (issue 13, items 1-3)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from storekit import TALKS, LineExtractor, make_content, snapshot, write_article

from timeline.check.content import check_content
from timeline.commands.extract import run_extract
from timeline.model import Article, Event, Person
from timeline.naming import event_id
from timeline.store.claims import claim_key
from timeline.store.files import load_events

EVENT = "events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
NEWCOMER = "- id: jane-roe\n  name: Jane Roe\n  country: us\n  short: Roe\n"
# The sentence names Roe; until she is in the registry the contact is Blinken's alone.
WITH_BURNS = "CONTACT 2023-06-18 talks antony-blinken,jane-roe qin-gang Beijing"


class RegistryExtractor(LineExtractor):
    """The stand-in extractor, finding only the people the registry knows (as the real one)."""

    def extract_events(self, article: Article) -> list[Event]:
        events = super().extract_events(article)
        for event in events:
            event.us = [p for p in event.us if p in self.people]
            event.china = [p for p in event.china if p in self.people]
            event.id = event_id(event, self.people)
        return events

    def __init__(self, people: list[Person]):
        super().__init__(people)


def extract(content: Path, **options):  # type: ignore[no-untyped-def]
    return run_extract(content, stream=io.StringIO(), factory=RegistryExtractor, **options)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path)


def _events(content: Path) -> list[str]:
    return sorted(p.relative_to(content).as_posix() for p in (content / "events").rglob("*.yml"))


def _edit(content: Path, old: str, new: str, name: str = EVENT) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _grow_registry(content: Path) -> None:
    with (content / "people.yml").open("a", encoding="utf-8") as handle:
        handle.write(NEWCOMER)


def test_each_source_records_the_claim_it_came_from(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    claim = claim_key("2023-06-18", TALKS)
    assert f"  claim: {claim}\n" in (content / EVENT).read_text(encoding="utf-8")
    ledger = json.loads((content / "ledger.json").read_text(encoding="utf-8"))
    entry = ledger["articles"]["content/articles/a.md"]
    assert entry["claims"] == {claim: "2023-06-18-blinken-qin-gang-beijing"}


@pytest.mark.parametrize("trigger", ["force", "registry comment"])
def test_a_correction_is_not_undone(content: Path, trigger: str):
    write_article(content, "a", TALKS)
    extract(content)
    _edit(content, "date: 2023-06-18\n", "date: 2023-06-20\n")
    _edit(content, "kind: talks", "kind: meeting")
    _edit(content, "review: draft", "review: reviewed")
    corrected = (content / EVENT).read_text(encoding="utf-8")
    if trigger == "force":
        summary = extract(content, force=True)
    else:
        with (content / "people.yml").open("a", encoding="utf-8") as handle:
            handle.write("# a comment\n")
        summary = extract(content)
    assert summary.ok and summary.new == 0 and _events(content) == [EVENT]
    text = (content / EVENT).read_text(encoding="utf-8")  # generated title and summary follow

    def rest(text: str) -> list[str]:
        return [ln for ln in text.splitlines() if not ln.startswith(("title:", "summary:"))]

    assert rest(text) == rest(corrected)
    assert "\ntitle: Antony Blinken meets Qin Gang in Beijing\n" in text
    assert "Qin Gang met in Beijing (20 June 2023).\n" in text
    assert check_content(content).problems == []
    before = snapshot(content / "events")
    assert extract(content, force=True).new == 0 and snapshot(content / "events") == before


def test_a_title_written_by_hand_is_kept(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    _edit(content, "kind: talks", "kind: meeting")
    _edit(content, "title: Antony Blinken holds talks", "title: Blinken and Qin: a long talk")
    before = snapshot(content / "events")
    assert extract(content, force=True).new == 0 and snapshot(content / "events") == before


def test_a_rejection_survives_a_registry_that_finds_more_people(content: Path):
    write_article(content, "a", WITH_BURNS)
    extract(content)
    assert _events(content) == [EVENT]
    _edit(content, "review: draft", "review: rejected")
    _grow_registry(content)
    summary = extract(content)
    assert summary.ok and summary.new == 0
    assert _events(content) == [EVENT]


def test_a_deletion_survives_a_registry_that_finds_more_people(content: Path):
    write_article(content, "a", WITH_BURNS)
    extract(content)
    (content / EVENT).unlink()
    _grow_registry(content)
    summary = extract(content)
    assert summary.ok and summary.new == 0 and _events(content) == []
    tomb = content / "deleted/2023/2023-06-18-blinken-qin-gang-beijing.yml"
    assert claim_key("2023-06-18", WITH_BURNS) in tomb.read_text(encoding="utf-8")
    assert extract(content, force=True).new == 0 and _events(content) == []


def test_a_deletion_survives_a_deleted_ledger(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    (content / EVENT).unlink()
    extract(content)  # writes the tombstone
    (content / "ledger.json").unlink()
    assert extract(content).new == 0 and _events(content) == []


def _branch(tmp_path: Path, name: str, *articles: tuple[str, str, str]) -> Path:
    """A copy of `base` with `articles` (name, outlet, line) extracted on it."""
    content = tmp_path / name / "content"
    shutil.copytree(tmp_path / "base/content", content)
    for article, outlet, line in articles:
        write_article(content, article, line, outlet=outlet)
    assert extract(content).ok
    return content


def _merge_keeping_ours(ours: Path, theirs: Path) -> None:
    """What the README's resolution does: our event files, the ledger lines of both."""
    mine = json.loads((ours / "ledger.json").read_text(encoding="utf-8"))
    other = json.loads((theirs / "ledger.json").read_text(encoding="utf-8"))
    for section in ("articles", "events"):
        mine[section] = {**other[section], **mine[section]}
    (ours / "ledger.json").write_text(json.dumps(mine, indent=0), encoding="utf-8")
    for path in (theirs / "articles").rglob("*.md"):
        target = ours / path.relative_to(theirs)
        if not target.exists():
            shutil.copy(path, target)


@pytest.mark.parametrize(
    "theirs",
    [
        ("b", "Other", TALKS),  # another report of the same contact
        ("b", "Other", "CONTACT 2023-06-18 call antony-blinken qin-gang Beijing"),  # same id
    ],
    ids=["same-contact", "same-id"],
)
def test_a_merge_that_kept_one_side_is_detected_and_repaired(tmp_path: Path, theirs: tuple):
    make_content(tmp_path / "base")
    ours = _branch(tmp_path, "ours", ("a", "Wire", TALKS))
    other = _branch(tmp_path, "theirs", theirs)
    assert _events(ours) == _events(other) == [EVENT]  # an add/add conflict on one file
    _merge_keeping_ours(ours, other)
    lost = [str(p) for p in check_content(ours).problems]
    assert len(lost) == 1 and "content/articles/b.md" in lost[0] and "claim" in lost[0]
    summary = extract(ours)
    assert summary.ok
    assert check_content(ours).problems == []
    cited = {s.article for e in load_events(ours / "events")[0] for s in e.sources}
    assert cited == {"content/articles/a.md", "content/articles/b.md"}
    assert extract(ours).new == 0  # and it stays repaired


def test_a_contact_reported_by_many_articles_is_one_valid_event(content: Path):
    for number in range(1500):  # three batches, past the old 20,000-node limit of a file
        write_article(content, f"r{number:04d}", TALKS, outlet=f"Outlet {number}")
    summary = extract(content)
    assert summary.ok and summary.new == 1 and summary.sources_added == 1500
    assert _events(content) == [EVENT]
    assert check_content(content).errors == []
    before = snapshot(content / "events")
    assert extract(content, force=True).ok and snapshot(content / "events") == before
