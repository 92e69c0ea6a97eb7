"""`timeline eval`: the scoring rule of issue 3, the command line, publication-date inference."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.extract.dates.published import infer_anchor
from timeline.extract.scoring import date_matches, score

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared/devset/articles.jsonl"


def pred(date, us=(), cn=(), status="happened"):  # type: ignore[no-untyped-def]
    return {
        "date": date,
        "us_participants": list(us),
        "china_participants": list(cn),
        "status": status,
    }


def gold(date, us=(), cn=(), basis="explicit", optional=False, **extra):  # type: ignore[no-untyped-def]
    return {
        "date": date,
        "us_participants": list(us),
        "china_participants": list(cn),
        "status": "happened",
        "date_basis": basis,
        "optional": optional,
        **extra,
    }


@pytest.mark.parametrize(
    ("predicted", "gold_event", "matches"),
    [
        ("2021-02-11", gold("2021-02-11"), True),
        ("2021-02-10", gold("2021-02-11", alt_dates=["2021-02-10"]), True),
        ("2013-06-08", gold("2013-06-07", end_date="2013-06-08"), True),
        ("2013-06-09", gold("2013-06-07", end_date="2013-06-08"), False),
        ("2018-08-20", gold("2018-08"), True),
        ("2018-08", gold("2018-08"), True),
        ("2018-08", gold("2018-08-20"), False),
    ],
)
def test_date_rule(predicted, gold_event, matches):
    assert date_matches(pred(predicted), gold_event)[0] is matches


def test_participants_must_share_one_name_per_named_side_case_insensitive():
    golds = [gold("2020-01-15", us=["Donald Trump"], cn=["Liu He"])]
    tally, false = score(
        [pred("2020-01-15", us=["donald trump"], cn=["Liu He", "Xi Jinping"])], golds
    )
    assert (tally.found, tally.predicted, false) == (1, 1, 0)
    tally, false = score([pred("2020-01-15", us=["Mike Pence"], cn=["Liu He"])], golds)
    assert (tally.found, tally.predicted, false) == (0, 1, 1)


def test_gold_without_names_on_a_side_accepts_anyone_there():
    tally, _ = score([pred("2018-08-05", us=["Donald Trump"])], [gold("2018-08", basis="relative")])
    assert tally.found == 1


def test_neutral_gold_neither_missed_nor_makes_a_prediction_false():
    golds = [gold("2017-04-06", basis="inferred"), gold("2017-07-08", optional=True)]
    tally, false = score([pred("2017-04-06")], golds)
    assert (tally.targets, tally.predicted, tally.matched, false) == (0, 0, 0, 0)


def test_each_gold_event_matches_once():
    tally, false = score([pred("2022-07-28"), pred("2022-07-28")], [gold("2022-07-28")])
    assert (tally.found, tally.predicted, false) == (1, 2, 1)


def test_matching_is_maximal_not_greedy():
    golds = [gold("2011-01-18", end_date="2011-01-21"), gold("2011-01-19")]
    tally, _ = score([pred("2011-01-19"), pred("2011-01-20")], golds)
    assert tally.found == 2


RECORDS = [
    {
        "id": "en-own-call",
        "language": "en",
        "label": "positive",
        "published": "2021-02-11",
        "text": "Chinese President Xi Jinping spoke with U.S. President Joe Biden on Thursday "
        "in their first phone call.",
        "events": [
            gold("2021-02-11", us=["Joe Biden"], cn=["Xi Jinping"], basis="relative", kind="call")
        ],
    },
    {
        "id": "ru-own-negative",
        "language": "ru",
        "label": "negative",
        "published": None,
        "text": "ВАШИНГТОН\n4 февраля 2022 года\n"
        "Владимир Путин встретился с Си Цзиньпином в пятницу.",
        "events": [],
    },
]


def write_records(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_command_prints_json_and_writes_predictions(tmp_path: Path, capsys):
    data = write_records(
        tmp_path / "set.jsonl", [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    )
    out = tmp_path / "pred.jsonl"
    code = main(
        ["--content", str(ROOT / "content"), "eval", str(data), "--json", "--predictions", str(out)]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["overall"]["f1"] == 1.0
    assert report["by_language"]["en"]["recall"] == 1.0
    assert report["negatives"] == {"articles": 1, "with_events": 0}
    assert {"precision", "recall", "f1"} <= set(report["planned"])
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["en-own-call", "ru-own-negative"]
    [event] = lines[0]["events"]
    assert event["us_participants"] == ["Joe Biden"] and event["china_participants"] == [
        "Xi Jinping"
    ]
    assert set(event) >= {
        "date",
        "end_date",
        "kind",
        "location",
        "status",
        "evidence",
        "confidence",
    }
    assert lines[1]["published"] == {"date": "2022-02-04", "from": "dateline"}


def test_bad_line_is_reported_with_its_number_and_the_rest_scored(tmp_path: Path, capsys):
    data = write_records(
        tmp_path / "set.jsonl", [json.dumps(RECORDS[0]), "{not json", json.dumps([1])]
    )
    code = main(["--content", str(ROOT / "content"), "eval", str(data), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert f"{data.as_posix()}:2:2: expected JSON" in captured.err
    assert f"{data.as_posix()}:3: expected an object, found list" in captured.err
    assert json.loads(captured.out)["overall"]["recall"] == 1.0


@pytest.mark.parametrize(
    ("published", "text", "expected", "source"),
    [
        ("2021-02-11", "Anything", "2021-02-11", "metadata"),
        (None, " date 2018-12-02 Headline\nBody", "2018-12-02", "date line"),
        (None, "Заголовок\n10 вересня 2021 р.\n\nТекст.", "2021-09-10", "dateline"),
        (None, "Title\nPosted: Sep 25, 2015 9:59 PM\nText", "2015-09-25", "dateline"),
        (None, "新华社 2019-11-26\n正文", "2019-11-26", "dateline"),
        (None, "22 мая 1972 года начался визит президента в Москву.", None, "unknown"),
        ("2022-03", " date 2022-03 Text", "2022-03-01", "date line"),
    ],
)
def test_publication_date_from_metadata_or_a_date_line(published, text, expected, source):
    language = (
        "uk" if "вересня" in text else "ru" if "мая" in text else "zh" if "新华社" in text else "en"
    )
    anchor = infer_anchor(published, text, language)
    assert (anchor.date.isoformat() if anchor.date else None, anchor.source) == (expected, source)


@pytest.mark.skipif(not DEVSET.exists(), reason="the shared development set is not available")
def test_devset_scores_stay_above_a_floor(capsys):
    code = main(["--content", str(ROOT / "content"), "eval", str(DEVSET), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["overall"]["precision"] >= 0.85
    assert report["overall"]["f1"] >= 0.80
    assert report["negatives"]["with_events"] <= 1


def test_anchor_month_precision_is_kept():
    anchor = infer_anchor("2019-06", "no date line here", "fr")
    assert (anchor.date, anchor.precision) == (dt.date(2019, 6, 1), "month")


def test_a_closed_pipe_ends_eval_quietly(tmp_path: Path):
    import subprocess
    import sys

    record = {
        "id": "a",
        "language": "en",
        "text": "Biden met Xi on Monday.",
        "published": "2023-06-14",
    }
    (tmp_path / "a.jsonl").write_text((json.dumps(record) + "\n") * 2000, encoding="utf-8")
    shell = f"{sys.executable} -m timeline.cli eval {tmp_path / 'a.jsonl'} --errors | head -1"
    done = subprocess.run(shell, shell=True, capture_output=True, text=True, cwd=ROOT)
    assert "Traceback" not in done.stderr
