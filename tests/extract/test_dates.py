"""The date rule: weekdays and relative phrases resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract.dates.finder import find_dates, resolve_weekday
from timeline.extract.tense import Tense

SUNDAY = 6


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (dt.date(2023, 6, 18), dt.date(2023, 6, 18)),  # published on the Sunday itself
        (dt.date(2023, 6, 19), dt.date(2023, 6, 18)),  # the day after
        (dt.date(2023, 6, 25), dt.date(2023, 6, 25)),  # a week later: that week's Sunday
        (dt.date(2023, 6, 24), dt.date(2023, 6, 18)),  # Saturday: the Sunday before
    ],
)
def test_past_weekday_is_latest_on_or_before_publication(published, expected):
    assert resolve_weekday(SUNDAY, published, Tense.PAST) == expected


def test_future_weekday_is_next_on_or_after_publication():
    assert resolve_weekday(SUNDAY, dt.date(2023, 6, 19), Tense.FUTURE) == dt.date(2023, 6, 25)
    assert resolve_weekday(SUNDAY, dt.date(2023, 6, 18), Tense.FUTURE) == dt.date(2023, 6, 18)


@pytest.mark.parametrize("published", [dt.date(2023, 6, 18), dt.date(2023, 6, 19)])
def test_ukrainian_sunday_in_a_sentence(published):
    sentence = "Посол США у неділю зустрівся з міністром у Пекіні."
    hits = find_dates(sentence, "uk", published, Tense.PAST)
    assert [h.date for h in hits] == [dt.date(2023, 6, 18)]
    assert hits[0].basis == "relative"


def test_english_weekday_a_week_later_is_not_sent_back_two_weeks():
    hits = find_dates("They met on Sunday in Beijing.", "en", dt.date(2023, 6, 25), Tense.PAST)
    assert [h.date for h in hits] == [dt.date(2023, 6, 25)]
