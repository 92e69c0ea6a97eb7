"""`timeline import-hsg`: one reviewed visit per China record, idempotent, editors' changes
kept, contacts nested in trips; and the real data, when `../shared/hsg` is there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.people import load_people
from timeline.sources.hsg.importer import import_hsg
from timeline.store.files import load_events
from timeline.yamlio import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "sources" / "fixtures" / "hsg"
REAL = ROOT.parent / "shared" / "hsg"
SEED_TALKS = "2023/2023-06-18-blinken-qin-gang-beijing.yml"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder with the project's registry and the seed event only."""
    content = tmp_path / "content"
    (content / "events" / "2023").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "people.yml", content / "people.yml")
    seed = (ROOT / "content" / "events" / SEED_TALKS).read_text(encoding="utf-8")
    seed = seed.replace("part_of: 2023-06-17-blinken-beijing", "part_of: null")
    (content / "events" / SEED_TALKS).write_text(seed, encoding="utf-8")
    return content


def run_import(folder: Path, content: Path):
    people, problems = load_people(content / "people.yml")
    assert problems == []
    return import_hsg(folder, people, content / "events")


def by_record(content: Path) -> dict:
    events, problems = load_events(content / "events")
    assert problems == []
    return {
        s.record: e
        for e in events
        for s in e.sources
        if s.record and not s.record.startswith("curated:")  # the historian's records only
    }


def files(content: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((content / "events").rglob("*.yml"))}


def test_a_multi_day_trip_becomes_one_reviewed_visit(content: Path):
    run_import(FIXTURES, content)
    trip = by_record(content)["4145"]
    assert trip.id == "2023-06-17-blinken-beijing"
    assert trip.path == "2023/2023-06-17-blinken-beijing.yml"
    assert (trip.date, trip.end_date, trip.precision) == ("2023-06-17", "2023-06-19", "day")
    assert (trip.kind, trip.status, trip.review) == ("visit", "happened", "reviewed")
    assert trip.us == ["antony-blinken"]
    assert trip.china == ["qin-gang", "xi-jinping"]  # both officials of the one remark
    assert trip.location == "Beijing"
    assert trip.title == "Antony Blinken visits Beijing"
    assert trip.summary.startswith("US Secretary of State Antony Blinken visited China")
    assert "Chinese President Xi Jinping" in trip.summary
    [source] = trip.sources
    assert source.outlet == "Office of the Historian, U.S. Department of State"
    assert source.url == (
        "https://history.state.gov/departmenthistory/travels/secretary/blinken-antony-j"
    )
    assert (source.record, source.date_basis, source.language) == ("4145", "imported", "en")


def test_the_remarks_are_not_copied(content: Path):
    run_import(FIXTURES, content)
    text = (content / "events" / "2023" / "2023-06-17-blinken-beijing.yml").read_text("utf-8")
    assert "received by" not in text and "Held talks" not in text


def test_cities_are_normalised_and_a_multi_city_trip_keeps_them_all(content: Path):
    run_import(FIXTURES, content)
    events = by_record(content)
    assert events["9002"].location == "Shanghai, Beijing"
    assert events["9002"].id == "2024-04-24-blinken-shanghai-beijing"
    assert events["9020"].location == "Beijing, Hangzhou"
    assert events["9020"].china == ["mao-zedong", "deng-xiaoping", "qiao-guanhua"]


def test_an_unknown_official_is_imported_with_a_warning_and_kept_in_the_notes(content: Path):
    report = run_import(FIXTURES, content)
    warnings = [str(p) for p in report.problems if p.warning]
    assert len(warnings) == 1
    assert "blinken-antony-j.xml:32: record 9002: remarks: unknown official" in warnings[0]
    assert "'Vice Premier Ding Xuexiang'" in warnings[0]
    trip = by_record(content)["9002"]
    assert trip.china == ["wang-yi"]
    assert "Vice Premier Ding Xuexiang" in (trip.notes or "")


def test_taiwan_is_skipped_and_counted(content: Path):
    report = run_import(FIXTURES, content)
    assert report.taiwan == 3
    events = by_record(content)
    assert not {"9030", "9050", "9051"} & set(events)
    assert all("Taipei" not in (e.location or "") for e in events.values())


def test_a_malformed_record_fails_the_command_and_the_rest_is_imported(content: Path, capsys):
    code = main(["--content", str(content), "import-hsg", str(FIXTURES)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "error: " in err and "blinken-antony-j.xml:46: record 9004: start-date" in err
    assert "Taiwan (Republic of China) records skipped: 3" in out
    assert "events new: 6" in out
    assert set(by_record(content)) == {"4145", "9002", "9010", "9020", "9040", "9041"}


def test_a_clean_folder_exits_zero(content: Path, tmp_path: Path, capsys):
    clean = tmp_path / "clean"
    shutil.copytree(FIXTURES / "visits", clean / "visits")
    assert main(["--content", str(content), "import-hsg", str(clean)]) == 0
    assert "events new: 2" in capsys.readouterr().out


def test_importing_twice_changes_nothing(content: Path):
    first = run_import(FIXTURES, content)
    before = files(content)
    second = run_import(FIXTURES, content)
    assert (first.new, second.new, second.known, second.linked) == (6, 0, 6, 0)
    assert files(content) == before


def test_an_editors_changes_survive_a_reimport(content: Path):
    run_import(FIXTURES, content)
    events = content / "events"
    old = events / "2023" / "2023-06-17-blinken-beijing.yml"
    text = old.read_text(encoding="utf-8")
    text = text.replace("id: 2023-06-17-blinken-beijing", "id: 2023-06-16-blinken-beijing-trip")
    text = text.replace("date: 2023-06-17", "date: 2023-06-16")
    text = text.replace("title: Antony Blinken visits Beijing", "title: Blinken in Beijing")
    new = events / "2023" / "2023-06-16-blinken-beijing-trip.yml"
    new.write_text("# checked against the press pool\n" + text, encoding="utf-8")
    old.unlink()
    before = files(content)
    report = run_import(FIXTURES, content)
    assert report.new == 0
    assert files(content) == before
    assert by_record(content)["4145"].title == "Blinken in Beijing"


def test_the_seed_talks_sit_inside_blinkens_trip(content: Path):
    seed = content / "events" / SEED_TALKS
    before = seed.read_text(encoding="utf-8")
    report = run_import(FIXTURES, content)
    assert report.linked == 1
    after = seed.read_text(encoding="utf-8")
    assert parse_yaml(after)["part_of"] == "2023-06-17-blinken-beijing"
    # Only that line changed: the editor's file is otherwise kept as it was.
    assert after == before.replace("part_of: null", "part_of: 2023-06-17-blinken-beijing")


def test_a_secretary_travelling_with_the_president_is_part_of_his_trip(content: Path):
    run_import(FIXTURES, content)
    events = by_record(content)
    assert events["9010"].part_of == events["9020"].id == "1975-12-01-ford-beijing-hangzhou"
    assert events["9010"].china == []
    assert "together with US President Gerald Ford" in events["9010"].summary


def test_a_leaders_visit_to_the_us(content: Path):
    run_import(FIXTURES, content)
    events = by_record(content)
    summit = events["9040"]
    assert (summit.id, summit.location) == ("2013-06-07-xi-rancho-mirage", "Rancho Mirage")
    assert (summit.china, summit.us) == (["xi-jinping"], ["barack-obama"])
    assert summit.sources[0].url == "https://history.state.gov/departmenthistory/visits/2013"
    state = events["9041"]
    assert (state.location, state.us) == ("Washington", [])
    assert "on a state visit" in state.summary


requires_real_data = pytest.mark.skipif(
    not REAL.is_dir(), reason=f"the historian's data is not at {REAL} (see docs/hsg.md)"
)


@requires_real_data
def test_the_real_records(content: Path):
    report = run_import(REAL, content)
    assert report.problems == []  # every official named in the China records is known
    assert (report.travels, report.visits, report.taiwan) == (66, 30, 14)
    events = by_record(content)
    urls = [e.sources[0].url for e in events.values()]
    assert sum("/travels/secretary/" in u for u in urls) == 53
    assert sum("/travels/president/" in u for u in urls) == 13
    assert sum("/visits/" in u for u in urls) == 30
    trip = events["4145"]
    assert (trip.id, trip.date, trip.end_date) == ("2023-06-17-blinken-beijing", *_JUNE)
    assert trip.china == ["xi-jinping", "qin-gang"]
    seed = parse_yaml((content / "events" / SEED_TALKS).read_text(encoding="utf-8"))
    assert seed["part_of"] == trip.id
    people = {p.id for p in load_people(content / "people.yml")[0]}
    assert all(set(e.people) <= people for e in events.values())


_JUNE = ("2023-06-17", "2023-06-19")


def test_an_id_taken_by_another_event_gets_the_record_id(content: Path):
    seed = (content / "events" / SEED_TALKS).read_text(encoding="utf-8")
    other = seed.replace("2023-06-18-blinken-qin-gang-beijing", "2013-06-07-xi-rancho-mirage")
    (content / "events" / "2013").mkdir()
    (content / "events" / "2013" / "2013-06-07-xi-rancho-mirage.yml").write_text(other, "utf-8")
    run_import(FIXTURES, content)
    assert by_record(content)["9040"].id == "2013-06-07-xi-rancho-mirage-9040"


def test_the_committed_store_loads_and_its_links_resolve():
    events, problems = load_events(ROOT / "content" / "events")
    assert problems == []
    people = {p.id for p in load_people(ROOT / "content" / "people.yml")[0]}
    ids = {e.id for e in events}
    assert all(set(e.people) <= people for e in events)
    assert all(e.part_of in ids for e in events if e.part_of)
    assert len(ids) == len(events)


def test_a_record_id_used_twice_is_an_error(content: Path, tmp_path: Path):
    folder = tmp_path / "twice" / "secretary-travels"
    folder.mkdir(parents=True)
    text = (FIXTURES / "secretary-travels" / "kissinger-henry-a.xml").read_text(encoding="utf-8")
    (folder / "a.xml").write_text(text, encoding="utf-8")
    (folder / "b.xml").write_text(text.replace("1975-12-01", "1975-11-30"), encoding="utf-8")
    report = run_import(tmp_path / "twice", content)
    [problem] = report.problems
    assert "b.xml:3: record 9010: id: expected a record id used once" in str(problem)
    assert "a.xml:3" in str(problem)
    assert by_record(content)["9010"].date == "1975-12-01"


def test_nothing_is_imported_without_the_people_registry(content: Path, capsys):
    (content / "people.yml").unlink()
    assert main(["--content", str(content), "import-hsg", str(FIXTURES)]) == 1
    assert "people registry not found" in capsys.readouterr().err
    assert list((content / "events").rglob("*.yml")) == [content / "events" / SEED_TALKS]
