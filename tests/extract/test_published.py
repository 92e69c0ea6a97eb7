"""A page without a publication date: the year of its yearless dates from its own dates."""

from __future__ import annotations

import datetime as dt

from timeline.extract.dates.published import latest_full_date


def test_the_latest_date_written_with_its_year_gives_the_month():
    text = "Зустріч 14 вересня 2025 року. Раніше, у липні 2024 року, вони говорили. 16 вересня."
    anchor = latest_full_date(text, "uk")
    assert anchor is not None
    assert (anchor.date, anchor.precision) == (dt.date(2025, 9, 1), "month")
    assert not anchor.knows_day  # weekdays and "yesterday" stay unresolved


def test_no_date_with_a_year_gives_nothing():
    assert latest_full_date("Вони зустрілися 16 вересня у понеділок.", "uk") is None
