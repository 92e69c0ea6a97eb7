"""`timeline extract` as a run: merging, the ledger, editors' changes and deletions kept."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from storekit import TALKS, LineExtractor, make_content, snapshot, write_article

from timeline.commands.extract import run_extract
from timeline.store.files import load_events

EVENT = "events/2023/2023-06-18-blinken-qin-gang-beijing.yml"


def extract(content: Path, **options):  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    summary = run_extract(content, stream=stream, factory=LineExtractor, **options)
    return summary


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path)


def test_first_run_writes_a_draft_with_the_schema_line(content: Path):
    write_article(content, "a", TALKS)
    summary = extract(content)
    assert summary.ok and (summary.new, summary.read) == (1, 1)
    text = (content / EVENT).read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../../timeline/schema/event.schema.json\n"
    )
    assert "review: draft\n" in text


def test_schema_line_reaches_the_shipped_schema_from_the_repository_layout():
    event_dir = Path(__file__).resolve().parents[2] / "content/events/2023"
    assert (event_dir / "../../../timeline/schema/event.schema.json").resolve().is_file()


def test_second_run_changes_nothing(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    before = snapshot(content)
    summary = extract(content)
    assert snapshot(content) == before
    assert (summary.skipped, summary.new, summary.merged) == (1, 0, 0)
    assert summary.line() == (
        "articles: 1 read, 1 skipped (unchanged), 0 failed; events: 0 new, 0 merged; "
        "sources added: 0"
    )


def test_force_rereads_everything_and_still_changes_nothing(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    before = snapshot(content)
    summary = extract(content, force=True)
    assert summary.skipped == 0
    assert snapshot(content) == before


def test_an_editors_change_survives_reextraction(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    path = content / EVENT
    edited = path.read_text(encoding="utf-8").replace("location: Beijing", "location: Peking")
    edited = edited.replace("notes: null", "notes: checked against the readout  # editor")
    path.write_text(edited, encoding="utf-8")
    write_article(content, "b", TALKS.replace("Beijing", ""), outlet="Other")
    summary = extract(content, force=True)
    assert (summary.merged, summary.sources_added, summary.new) == (1, 1, 0)
    text = path.read_text(encoding="utf-8")
    assert "location: Peking\n" in text
    assert "notes: checked against the readout  # editor\n" in text
    assert text.count("- article:") == 2


def test_a_deleted_event_stays_deleted(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    (content / EVENT).unlink()
    write_article(content, "a", TALKS, "Edited text.")  # an edited article is read again
    summary = extract(content)
    assert summary.skipped == 0 and summary.new == 0
    assert not (content / EVENT).exists()
    write_article(content, "b", TALKS, outlet="Other")  # another report of the same contact
    extract(content, force=True)
    assert not (content / EVENT).exists()


def test_reviewed_and_rejected_only_gain_sources(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    path = content / EVENT
    path.write_text(path.read_text("utf-8").replace("review: draft", "review: rejected"), "utf-8")
    before = path.read_text("utf-8")
    write_article(content, "b", TALKS, outlet="Other")
    summary = extract(content)
    assert summary.new == 0 and summary.merged == 1
    after = path.read_text("utf-8")
    assert "review: rejected" in after
    assert [line for line in after.splitlines() if line not in before.splitlines()] == [
        "- article: content/articles/b.md",
        "  outlet: Other",
    ]


def test_one_contact_in_several_new_articles_is_one_event(content: Path):
    write_article(content, "a", TALKS)
    write_article(content, "b", "CONTACT 2023-06-19 meeting antony-blinken qin-gang", outlet="B")
    write_article(content, "c", TALKS.replace("talks", "call"), outlet="C")  # another kind
    summary = extract(content)
    assert (summary.new, summary.sources_added) == (2, 3)
    events, _ = load_events(content / "events")
    by_kind = {e.kind: e for e in events}
    assert [s.article for s in by_kind["talks"].sources] == [
        "content/articles/a.md",
        "content/articles/b.md",
    ]
    assert by_kind["call"].id == "2023-06-18-blinken-qin-gang-beijing-2"


def test_a_date_two_days_off_is_another_contact(content: Path):
    write_article(content, "a", TALKS)
    write_article(content, "b", TALKS.replace("06-18", "06-20"), outlet="B")
    assert extract(content).new == 2


def test_inside_a_stored_range_is_the_same_contact(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    path = content / EVENT
    path.write_text(path.read_text("utf-8").replace("end_date: null", "end_date: 2023-06-25"))
    write_article(content, "b", TALKS.replace("06-18", "06-24"), outlet="B")
    summary = extract(content)
    assert (summary.new, summary.merged) == (0, 1)


def test_parallel_run_writes_the_same_files(tmp_path: Path):
    outputs = []
    for jobs in (1, 2):
        content = make_content(tmp_path / f"jobs{jobs}")
        for number in range(6):
            day = f"2023-06-{10 + 2 * number}"
            write_article(content, f"a{number}", TALKS.replace("2023-06-18", day))
            write_article(content, f"b{number}", TALKS.replace("2023-06-18", day), outlet="B")
        summary = extract(content, jobs=jobs)
        assert summary.ok and summary.new == 6
        outputs.append(snapshot(content / "events"))
    assert outputs[0] == outputs[1]


def test_progress_is_plain_lines_off_a_terminal(content: Path):
    for number in range(3):
        write_article(content, f"a{number}", TALKS)
    stream = io.StringIO()
    run_extract(content, stream=stream, factory=LineExtractor)
    assert stream.getvalue() == "1/3 articles\n2/3 articles\n3/3 articles\n"


def test_an_edited_article_is_read_again_without_citing_it_twice(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    write_article(
        content,
        "a",
        TALKS.replace("06-18", "06-19"),
        "CONTACT 2023-07-01 call joe-biden xi-jinping",
    )
    summary = extract(content)
    assert (summary.skipped, summary.new, summary.merged) == (0, 1, 0)
    events, _ = load_events(content / "events")
    talks = next(e for e in events if e.kind == "talks")
    assert [s.article for s in talks.sources] == ["content/articles/a.md"]


def test_a_changed_registry_rereads_every_article(content: Path):
    write_article(content, "a", TALKS)
    extract(content)
    people = content / "people.yml"
    people.write_text(people.read_text("utf-8") + "\n# a new comment\n", encoding="utf-8")
    assert extract(content).skipped == 0
    assert extract(content).skipped == 1


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal(content: Path):
    for number in range(2):
        write_article(content, f"a{number}", TALKS)
    stream = Terminal()
    run_extract(content, stream=stream, factory=LineExtractor)
    assert stream.getvalue().startswith("\r[" + "#" * 15 + "-" * 15 + "] 1/2 articles")
    assert stream.getvalue().endswith("\r[" + "#" * 30 + "] 2/2 articles\n")


def test_the_same_files_whichever_article_is_read_first(tmp_path: Path):
    outputs = []
    for first, second in (("a", "b"), ("b", "a")):
        content = make_content(tmp_path / first)
        write_article(content, first, TALKS, outlet=first.upper())
        extract(content)
        write_article(content, second, TALKS, outlet=second.upper())
        summary = extract(content)
        assert (summary.new, summary.merged) == (0, 1)
        outputs.append(snapshot(content / "events"))
    assert outputs[0] == outputs[1]


def test_a_flow_style_source_list_gains_a_source_and_keeps_its_fields(content: Path):
    from timeline.check.content import check_content

    write_article(content, "a", TALKS)
    extract(content)
    path = content / EVENT
    text = path.read_text("utf-8")
    start, end = text.index("sources:\n"), text.index("part_of:")
    flow = "sources: [{outlet: Hand, url: 'https://example.org/x', published: 2023-06-18}]\n"
    path.write_text(text[:start] + flow + text[end:], encoding="utf-8")
    write_article(content, "b", TALKS, outlet="Other")
    assert extract(content).merged == 1
    after = path.read_text("utf-8")
    assert after.startswith(text[:start]) and after.endswith(text[end:])
    assert "- outlet: Hand\n  url: https://example.org/x\n  published: 2023-06-18\n" in after
    assert "- article: content/articles/b.md\n" in after
    assert check_content(content).problems == []


class DyingExtractor(LineExtractor):
    def extract_events(self, article):  # type: ignore[no-untyped-def]
        if "DIE" in article.body:
            import os

            os._exit(1)  # the worker process is gone, as if killed
        return super().extract_events(article)


def test_a_killed_worker_costs_only_the_unfinished_articles(content: Path):
    for number in range(4):
        write_article(content, f"a{number}", TALKS.replace("-18", f"-{10 + 3 * number}"))
    write_article(content, "z", "DIE")
    summary = run_extract(content, stream=io.StringIO(), factory=DyingExtractor, jobs=2)
    assert not summary.ok
    assert "found one killed; run again" in str(summary.problems[-1])
    (content / "articles/z.md").unlink()
    again = run_extract(content, stream=io.StringIO(), factory=LineExtractor)
    assert again.ok and again.new + summary.new == 4
    assert len(list((content / "events").rglob("*.yml"))) == 4


@pytest.mark.parametrize("jobs", [1, 2])
def test_batches_merge_as_separate_runs_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
):
    import timeline.commands.extract

    def run(batch: int) -> tuple[int, list[list[str]]]:
        monkeypatch.setattr(timeline.commands.extract, "BATCH", batch)
        content = make_content(tmp_path / f"batch{batch}")
        for name in "abcde":  # one contact reported five times, and another one
            write_article(content, name, TALKS, outlet=name.upper())
        write_article(content, "f", TALKS.replace("talks", "call"), outlet="F")
        summary = extract(content, jobs=jobs)
        assert summary.ok and summary.read == 6
        events, problems = load_events(content / "events")
        assert not problems
        return summary.new, sorted([s.article or "" for s in e.sources] for e in events)

    whole = run(500)
    assert whole[0] == 2 and sorted(len(s) for s in whole[1]) == [1, 5]
    assert run(2) == whole  # a batch boundary inside the five reports changes nothing


def test_a_failed_write_is_reported_as_such_and_the_article_is_read_again(
    content: Path, monkeypatch: pytest.MonkeyPatch
):
    import timeline.commands.merging

    write_article(content, "a", TALKS)
    extract(content)
    write_article(content, "b", TALKS, outlet="Other")

    def refuse(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(timeline.commands.merging, "add_sources", refuse)
    summary = extract(content)
    messages = [p.message for p in summary.problems]
    assert messages == ["sources not added: disk full"]  # not "cannot be read"
    monkeypatch.undo()
    summary = extract(content)  # b was not recorded: read again, and merged this time
    assert summary.ok and (summary.skipped, summary.merged) == (1, 1)
