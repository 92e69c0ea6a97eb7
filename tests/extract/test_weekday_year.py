"""A missing publication date recovered from a weekday+date and the offices of the people named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from timeline.extract.dates.finder import Anchor
from timeline.extract.extractor import Extractor
from timeline.extract.places import PlaceMatcher
from timeline.people import load_people

ROOT = Path(__file__).resolve().parents[2]
PEOPLE, _ = load_people(ROOT / "content/people.yml")
EXTRACTOR = Extractor(PEOPLE, PlaceMatcher())
UNKNOWN = Anchor(None, "none", "unknown")


def test_weekday_and_the_secretary_of_state_pick_the_year():
    text = "Держсекретар США Ентоні Блінкен у п'ятницю, 23 вересня, зустрівся з Ван І у Нью-Йорку."
    anchor = EXTRACTOR.complete_anchor(text, "uk", UNKNOWN)
    assert anchor.date == dt.date(2022, 9, 23)
    assert "23 вересня" in anchor.source


def test_a_weekday_after_the_date_in_chinese():
    text = "美国国务院7月21日周三表示,副国务卿舍曼将于7月25至26日访问中国,会晤外长王毅。"
    anchor = EXTRACTOR.complete_anchor(text, "zh", UNKNOWN)
    assert anchor.date == dt.date(2021, 7, 21)


def test_no_guess_when_two_years_fit_equally():
    # 23 September was a Friday in 2011, 2016 and 2022; no one named narrows it down
    text = "У п'ятницю, 23 вересня, дипломати зустрілися."
    assert EXTRACTOR.complete_anchor(text, "uk", UNKNOWN) == UNKNOWN


def test_a_known_publication_date_is_kept():
    known = Anchor(dt.date(2016, 9, 24), "day", "metadata")
    text = "Держсекретар США Ентоні Блінкен у п'ятницю, 23 вересня, зустрівся з Ван І."
    assert EXTRACTOR.complete_anchor(text, "uk", known) == known
