"""`timeline import`: curated rows into the store, validated, merged, idempotent, nested."""

from __future__ import annotations

import json
from pathlib import Path

from storekit import make_content, snapshot

from timeline.cli import main
from timeline.model import Event, Source
from timeline.people import load_people
from timeline.sources.curated.importer import import_curated
from timeline.sources.curated.rows import COLUMNS, read_rows
from timeline.store.files import load_events, write_event

HEADER = ",".join(COLUMNS)
# Two sources of one call, a visit with a meeting inside it (facts of the kind the project
# curates; the URLs are examples of the shape only).
ROWS = [
    "2021-02-10,,call,joe-biden,xi-jinping,,https://example.org/a,Outlet A,2021-02-11,"
    "Beijing date 2021-02-11",
    "2021-02-10,,call,joe-biden,xi-jinping,,https://example.org/b,Outlet B,,",
    "2023-06-18,2023-06-19,visit,antony-blinken,wang-yi xi-jinping,Beijing,"
    "https://example.org/c,Outlet C,,",
    "2023-06-19,,meeting,antony-blinken,xi-jinping,Beijing,https://example.org/d,Outlet D,,",
]


def write_csv(tmp_path: Path, rows: list[str], name: str = "rows.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def people_of(content: Path):
    return load_people(content / "people.yml")[0]


def test_each_bad_row_is_one_line_naming_row_and_field_and_the_rest_are_read(tmp_path):
    content = make_content(tmp_path)
    ids = {p.id for p in people_of(content)}
    path = write_csv(
        tmp_path,
        [
            ROWS[0],
            "2021-13-01,,call,joe-biden,xi-jinping,,https://example.org/x,X,,",
            "2021-02-10,,sumit,joe-biden,xi-jinping,,https://example.org/x,X,,",
            "2021-02-10,,call,joe-bidden,xi-jinping,,https://example.org/x,X,,",
            "2021-02-10,,call,joe-biden,xi-jinping,,javascript:alert(1),X,,",
        ],
    )
    rows, problems = read_rows(path, ids)
    assert len(rows) == 1
    lines = [str(p) for p in problems]
    assert lines == [
        f"{path.as_posix()}:3: date: expected a date YYYY-MM-DD, found '2021-13-01'",
        f"{path.as_posix()}:4: kind: expected one of meeting, talks, call, visit, summit, "
        "message, other, found 'sumit'",
        f"{path.as_posix()}:5: us: expected a person id of content/people.yml, found 'joe-bidden'",
        f"{path.as_posix()}:6: source_url: expected an http(s) address, "
        "found 'javascript:alert(1)'",
    ]


def test_a_file_without_the_columns_is_refused_with_what_it_has(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("when,who\n2021-02-10,biden\n", encoding="utf-8")
    rows, problems = read_rows(path, set())
    assert rows == [] and "found when, who" in str(problems[0])


def test_import_groups_sources_nests_the_meeting_and_a_second_run_changes_nothing(tmp_path):
    content = make_content(tmp_path)
    path = write_csv(tmp_path, ROWS)
    report = import_curated(path, people_of(content), content / "events")
    assert (report.rows, report.contacts, report.new, report.problems) == (4, 3, 3, [])
    events = {e.kind: e for e in load_events(content / "events")[0]}
    call = events["call"]
    assert [s.url for s in call.sources] == ["https://example.org/a", "https://example.org/b"]
    assert call.review == "reviewed" and call.notes == "Beijing date 2021-02-11"
    assert events["meeting"].part_of == events["visit"].id
    before = snapshot(content)
    again = import_curated(path, people_of(content), content / "events")
    assert (again.new, again.merged, again.unchanged) == (0, 0, 3)
    assert snapshot(content) == before


def test_an_existing_one_sided_visit_gains_the_other_side_and_a_source(tmp_path):
    content = make_content(tmp_path)
    visit = Event(
        id="2023-06-18-blinken-beijing", title="Antony Blinken visits Beijing",
        date="2023-06-18", end_date="2023-06-19", kind="visit", review="reviewed",
        us=["antony-blinken"], location="Beijing",
        sources=[Source(outlet="Historian", url="https://history.state.gov/x", record="1",
                        date_basis="imported")],
    )  # fmt: skip
    write_event(visit, content / "events")
    path = write_csv(tmp_path, ROWS[2:3])
    report = import_curated(path, people_of(content), content / "events")
    assert (report.new, report.merged) == (0, 1)
    (stored,) = load_events(content / "events")[0]
    assert stored.id == visit.id and stored.china == ["wang-yi", "xi-jinping"]
    assert [s.url for s in stored.sources] == [
        "https://history.state.gov/x",
        "https://example.org/c",
    ]


def test_dry_run_writes_nothing_and_says_what_it_would_do(tmp_path, capsys):
    content = make_content(tmp_path)
    path = write_csv(tmp_path, ROWS)
    before = snapshot(content)
    code = main(["--content", str(content), "import", str(path), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0 and snapshot(content) == before
    assert "create 2021/2021-02-10-biden-xi.yml" in out and "would change (dry run): 3 new" in out


def test_yaml_and_json_rows_read_like_csv(tmp_path):
    content = make_content(tmp_path)
    ids = {p.id for p in people_of(content)}
    record = dict(zip(COLUMNS, ROWS[0].split(","), strict=True))
    record["us"], record["china"] = ["joe-biden"], ["xi-jinping"]
    (tmp_path / "rows.json").write_text(json.dumps([record]), encoding="utf-8")
    (tmp_path / "rows.yml").write_text(
        "- " + "\n  ".join(f"{k}: {json.dumps(v)}" for k, v in record.items()) + "\n",
        encoding="utf-8",
    )
    csv_rows, _ = read_rows(write_csv(tmp_path, ROWS[:1]), ids)
    for name in ("rows.json", "rows.yml"):
        rows, problems = read_rows(tmp_path / name, ids)
        assert problems == [] and [r.contact() for r in rows] == [r.contact() for r in csv_rows]


def test_the_command_imports_good_rows_and_exits_non_zero_on_a_bad_one(tmp_path, capsys):
    content = make_content(tmp_path)
    path = write_csv(tmp_path, [ROWS[0], "2021-02-10,,call,,,,https://example.org/x,X,,"])
    code = main(["--content", str(content), "import", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and "expected people on at least one side" in err
    assert len(load_events(content / "events")[0]) == 1


VISITS_2019 = "https://history.state.gov/departmenthistory/visits/2019"


def test_a_one_sided_trip_names_the_people_met_during_it(tmp_path):
    content = make_content(tmp_path)
    trip = Event(
        id="2019-02-22-liu-he-washington", title="Liu He visits Washington",
        date="2019-02-21", end_date="2019-02-22", kind="visit", review="reviewed",
        china=["liu-he"], location="Washington",
        sources=[Source(outlet="Historian", url=VISITS_2019, record="7", date_basis="imported")],
    )  # fmt: skip
    write_event(trip, content / "events")
    path = write_csv(
        tmp_path, ["2019-02-22,,meeting,donald-trump,liu-he,Washington,https://example.org/m,M,,"]
    )
    report = import_curated(path, people_of(content), content / "events")
    events = {e.kind: e for e in load_events(content / "events")[0]}
    assert events["meeting"].part_of == trip.id
    assert events["visit"].us == ["donald-trump"] and events["visit"].china == ["liu-he"]
    assert any("name donald-trump in" in c for c in report.changes)
