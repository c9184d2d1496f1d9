"""The front page's numbers, and what it says about the next summit once its date has gone by."""

from __future__ import annotations

from datetime import date

from cica_dash.data.dates import NO_RECORD_HELD
from cica_dash.model.overview import headline


def test_next_summit_is_the_planned_one(fixture_dataset):
    h = headline(fixture_dataset, date(2026, 9, 1))
    assert h.next_summit == "7th Summit, Baku"
    assert h.summits_held == 2 and h.members == 6 and h.founding_members == 3 and h.chair == "China"
    assert h.events == 8 and h.event_countries == 4


def test_a_summit_planned_for_a_past_month_is_not_called_next_without_a_caveat(fixture_dataset):
    h = headline(fixture_dataset, date(2026, 11, 28))
    assert h.next_summit == f"7th Summit, Baku (Oct 2026: {NO_RECORD_HELD})"
    assert h.summits_held == 2  # not counted as held: no source says it was
