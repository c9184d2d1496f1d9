"""When a plan's date has gone by: its last possible day, to the precision it is known to."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from cica_dash.data.dates import last_day, plan_date_passed
from cica_dash.model.timeline import timeline_items

T = pd.Timestamp
NaT = pd.NaT


def plans() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "title": ["day", "day with end", "month", "month with end", "year", "held"],
            "date": [T("2026-10-05"), T("2026-10-05"), T("2026-10-01"), T("2026-10-01"), T("2026-01-01"), T("2020-10-05")],
            "end_date": [NaT, T("2026-10-07"), NaT, T("2026-11-01"), NaT, NaT],
            "date_precision": ["day", "day", "month", "month", "year", "day"],
            "status": ["planned"] * 5 + ["held"],
        }
    )


def test_last_day_follows_the_end_and_the_precision():
    p = plans()
    got = last_day(p["date"], p["end_date"], p["date_precision"])
    assert list(got) == [T("2026-10-05"), T("2026-10-07"), T("2026-10-31"), T("2026-11-30"), T("2026-12-31"), T("2020-10-05")]


def test_a_plan_has_passed_only_after_its_last_possible_day():
    p = plans()

    def passed(today: date) -> list[str]:
        return list(p.loc[plan_date_passed(p, today), "title"])

    assert passed(date(2026, 10, 5)) == []  # on the day itself it may still be held
    assert passed(date(2026, 10, 6)) == ["day"]
    assert passed(date(2026, 11, 1)) == ["day", "day with end", "month"]
    assert passed(date(2027, 1, 1)) == ["day", "day with end", "month", "month with end", "year"]  # never "held"


def test_timeline_flags_stay_boolean_without_chairmanships(fixture_dataset):
    tables = {**fixture_dataset.tables, "chairmanships": fixture_dataset.chairmanships.iloc[0:0]}
    ds = replace(fixture_dataset, tables=tables)
    items = timeline_items(ds, date(2026, 11, 28))
    assert items["planned"].dtype == bool and items["plan_passed"].dtype == bool
    assert items["plan_passed"].sum() == 1  # the fixture's summit planned for October 2026
