"""The historian's XML: records read with their lines, China kept, Taiwan counted, bad records
named; officials in the remarks resolved through the people registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.people import load_people
from timeline.sources.hsg.events import EventBuilder, trip_places, visit_place
from timeline.sources.hsg.officials import Mention, find_mentions, resolve, split_title
from timeline.sources.hsg.parse import HsgRecord, is_taiwan, read_china_records, read_raw_records

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "sources" / "fixtures" / "hsg"


@pytest.fixture(scope="module")
def people():
    found, problems = load_people(ROOT / "content" / "people.yml")
    assert problems == []
    return found


def record(**fields) -> HsgRecord:
    base = dict(collection="travels", id="1", path="x.xml", line=3, start="2005-07-09")
    base.update(end=base["start"], country="china", country_name="China", traveller="X")
    base.update(fields)
    return HsgRecord(**base)


def test_china_records_are_kept_and_taiwan_counted():
    result = read_china_records(FIXTURES)
    ids = sorted(r.id for r in result.records)
    assert ids == ["4145", "9002", "9010", "9020", "9040", "9041"]
    # Eisenhower in Taipei, a ROC visit filed under "china" and one filed under "taiwan".
    assert result.taiwan == 3
    assert result.files == 7


def test_a_record_carries_its_fields_and_line():
    [blinken] = [r for r in read_china_records(FIXTURES).records if r.id == "4145"]
    assert (blinken.start, blinken.end, blinken.locale) == ("2023-06-17", "2023-06-19", "Beijing")
    assert (blinken.role, blinken.who) == ("secretary", "blinken-antony-j")
    assert blinken.line == 3
    assert "President Xi Jinping" in blinken.remarks  # line breaks in the XML folded


def test_a_malformed_record_is_named_and_the_others_kept():
    result = read_china_records(FIXTURES)
    [problem] = result.problems
    text = str(problem)
    assert "secretary-travels/blinken-antony-j.xml:46: " in text
    assert "record 9004: start-date" in text and "2024-02-30" in text
    assert not problem.warning
    assert "9002" in {r.id for r in result.records}  # the same file's other records


def test_xml_that_is_not_well_formed_keeps_the_records_before_the_error(tmp_path: Path):
    good = (FIXTURES / "secretary-travels" / "kissinger-henry-a.xml").read_text(encoding="utf-8")
    broken = good.replace("</trips>", "<trip><id>1</id>\n<oops></trips>")
    path = tmp_path / "broken.xml"
    path.write_text(broken, encoding="utf-8")
    raws, [problem] = read_raw_records(path)
    assert [r.fields["id"] for r in raws] == ["9010"]
    lines = broken.splitlines()
    assert problem.line == next(i for i, line in enumerate(lines, 1) if "<oops>" in line)
    assert "well-formed XML" in problem.message and "mismatched tag" in problem.message


def test_end_before_start_is_an_error(tmp_path: Path):
    text = (FIXTURES / "secretary-travels" / "kissinger-henry-a.xml").read_text(encoding="utf-8")
    folder = tmp_path / "secretary-travels"
    folder.mkdir()
    (folder / "k.xml").write_text(text.replace("1975-12-05", "1975-11-05"), encoding="utf-8")
    result = read_china_records(tmp_path)
    assert result.records == []
    assert "end-date: expected a day on or after 1975-12-01, found 1975-11-05" in str(
        result.problems[0]
    )


def test_an_empty_folder_says_what_it_expected(tmp_path: Path):
    result = read_china_records(tmp_path)
    assert "expected XML files in president-travels/" in str(result.problems[0])


@pytest.mark.parametrize(
    ("country", "name", "taiwan"),
    [
        ("taiwan", "Republic of China", True),
        ("china", "China, Republic of", True),
        ("china", "China, People’s Republic of", False),
        ("china", "China", False),
    ],
)
def test_taiwan_is_told_from_the_peoples_republic(country, name, taiwan):
    assert is_taiwan(country, name) is taiwan


def test_several_officials_in_one_remark(people):
    text = "Met with President Hu, Foreign Minister Li and senior officials."
    mentions = find_mentions(text)
    assert [str(m) for m in mentions] == ["President Hu", "Foreign Minister Li"]
    ids = [resolve(m, people, "2005-07-09").id for m in mentions]
    assert ids == ["hu-jintao", "li-zhaoxing"]


def test_the_office_held_that_day_decides_between_namesakes(people):
    bush = Mention("President", "Bush", 0, 0)
    assert resolve(bush, people, "1992-01-31").id == "george-h-w-bush"
    assert resolve(bush, people, "2002-10-22").id == "george-w-bush"
    li = Mention("Premier", "Li", 0, 0)
    assert resolve(li, people, "1989-02-26").id == "li-peng"
    assert resolve(li, people, "2014-02-14").id == "li-keqiang"
    assert resolve(Mention("President", "Li", 0, 0), people, "1984-04-27").id == "li-xiannian"


def test_old_romanisations_and_misspellings_are_resolved(people):
    assert resolve(Mention("Chairman", "Mao Tse-tung", 0, 0), people, "1972-02-21").id == (
        "mao-zedong"
    )
    assert resolve(Mention("Foreign Minister", "Chiao", 0, 0), people, "1974-11-26").id == (
        "qiao-guanhua"
    )
    # The record misspells Yang Jiechi; he was the only State Councilor of that name.
    assert resolve(Mention("State Councilor", "Jang Jiechi", 0, 0), people, "2016-01-27").id == (
        "yang-jiechi"
    )


def test_an_unknown_official_is_not_guessed(people):
    assert resolve(Mention("Vice Premier", "Ding Xuexiang", 0, 0), people, "2024-04-24") is None


def test_officials_of_third_countries_are_left_out():
    text = "Met with President Hu and Russian Prime Minister Putin."
    assert [str(m) for m in find_mentions(text)] == ["President Hu"]


def test_visitor_title_is_split_from_the_name():
    assert split_title("Vice Premier Deng Xiaoping") == Mention(
        "Vice Premier", "Deng Xiaoping", 0, 26
    )


def test_trip_places_are_normalised():
    trip = record(locale="Peking, Hangchow, Xian and Guelin")
    assert trip_places(trip) == ["Beijing", "Hangzhou", "Xi'an", "Guilin"]


@pytest.mark.parametrize(
    ("description", "place"),
    [
        ("Met with the President at Crawford, Texas. Also visited Chicago.", "Crawford"),
        ("State Visit. Arrived in Seattle April 18.", "Washington"),
        ("Met the President at the UN General Assembly in New York City.", "New York"),
        ("Met with President Trump at Mar-a-Lago, Florida.", "Palm Beach"),
        ("Official visit. In U.S. January 7-16; visited Honolulu.", "Washington"),
    ],
)
def test_where_a_visiting_leader_met(description, place):
    assert visit_place(record(collection="visits", remarks=description)) == place


def test_the_traveller_is_the_office_holder_of_that_day(people):
    builder = EventBuilder(people)
    trip = record(role="secretary", who="kerry-john-forbes", start="2014-02-14")
    assert builder.traveller(trip).id == "john-kerry"
    trip = record(role="president", who="bush-george-w", start="2002-02-21")
    assert builder.traveller(trip).id == "george-w-bush"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('who="kissinger-henry-a"', "", "record 9010: who: expected the traveller's slug"),
        ('who="kissinger-henry-a"', 'who="../x"', "found '../x'"),
        ('role="secretary"', 'role="envoy"', "role: expected one of president, secretary"),
        ("<id>9010</id>", "<id>x1</id>", "record x1: id: expected a number, found 'x1'"),
        ("<name>Henry A. Kissinger</name>", "", "name: expected a value, found nothing"),
    ],
)
def test_a_trip_without_what_its_page_needs_is_an_error(tmp_path: Path, old, new, message):
    text = (FIXTURES / "secretary-travels" / "kissinger-henry-a.xml").read_text(encoding="utf-8")
    folder = tmp_path / "secretary-travels"
    folder.mkdir()
    (folder / "k.xml").write_text(text.replace(old, new), encoding="utf-8")
    result = read_china_records(tmp_path)
    assert result.records == []
    assert message in str(result.problems[0])
