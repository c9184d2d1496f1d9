"""The front page's numbers, and what it says about the next summit once its date has gone by."""

from __future__ import annotations

from datetime import date

from cica_dash.dates import NO_RECORD_HELD
from cica_dash.overview import headline


def test_next_summit_is_the_planned_one(real_dataset):
    h = headline(real_dataset, date(2026, 9, 1))
    assert h.next_summit == "7th CICA Summit (planned), Baku"
    assert h.summits_held == 6 and h.members == 28


def test_a_summit_planned_for_a_past_month_is_not_called_next_without_a_caveat(real_dataset):
    h = headline(real_dataset, date(2026, 11, 28))
    assert h.next_summit == f"7th CICA Summit (planned), Baku (Oct 2026: {NO_RECORD_HELD})"
    assert h.summits_held == 6  # not counted as held: no source says it was
