"""The year sliders end at the current year: the cached vocabulary follows the day, not only
the data files (on 1 January the new year is there without a change of files or a restart)."""

from __future__ import annotations

from datetime import date

from cica_dash.glue import ui


def test_the_vocabulary_reaches_the_new_year_on_new_years_day(monkeypatch, fixture_dir):
    monkeypatch.setenv("CICA_DATA_DIR", str(fixture_dir))
    monkeypatch.setattr(ui, "_today", lambda: date(2031, 12, 31))
    _, before = ui.dataset()
    monkeypatch.setattr(ui, "_today", lambda: date(2032, 1, 1))
    _, after = ui.dataset()
    assert (before.last_year, after.last_year) == (2031, 2032)
