"""No table on any page shows a missing value: a data grid prints it as a grey "None", which in a
Source column reads as "no source". A cell with nothing to show is blank."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import run_page

VIEWS = [
    ("map", {}),
    ("map", {"year": "2005"}),
    ("timeline", {}),
    ("matrix", {}),
    ("matrix", {"year": "2010"}),
    ("events", {}),
    ("data", {}),
]


def _missing(at) -> dict[tuple[int, str], int]:
    out = {}
    for i, grid in enumerate(at.dataframe):
        frame = grid.value
        for column in frame.columns:
            n = int(frame[column].isna().sum())
            if n:
                out[(i, column)] = n
    return out


@pytest.mark.parametrize(("page", "query"), VIEWS, ids=[f"{p}-{'-'.join(q.values()) or 'default'}" for p, q in VIEWS])
def test_a_page_table_has_no_missing_cell(page, query):
    at = run_page(page, query)
    assert not at.exception
    assert at.dataframe, "the view shows at least one table"
    assert _missing(at) == {}


def test_no_country_profile_table_has_a_missing_cell(real_dataset):
    ds = real_dataset
    states = sorted(set(ds.members["iso3"]) | set(ds.observers["iso3"].dropna()))
    found = {}
    for iso3 in states:
        at = run_page("country", {"country": iso3})
        assert not at.exception, iso3
        if missing := _missing(at):
            found[iso3] = missing
    assert len(states) > 30 and found == {}
