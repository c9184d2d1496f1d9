"""Every table on every page leaves a missing value blank. Streamlit prints it as a grey "None"
by default, which in a Source column reads as "no source" and in an ongoing chairmanship's "To"
as a year called None."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import run_page

VIEWS = [
    ("map", {}),
    ("timeline", {}),
    ("matrix", {}),
    ("events", {}),
    ("data", {}),
    ("country", {"country": "AZE"}),  # the chair now: its term has no end year
    ("country", {"country": "KAZ"}),  # a role sourced to a named article, not a web page
]


@pytest.mark.parametrize(("page", "query"), VIEWS, ids=[f"{p}-{'-'.join(q.values()) or 'default'}" for p, q in VIEWS])
def test_every_table_leaves_a_missing_cell_blank(page, query):
    at = run_page(page, query)
    assert not at.exception
    assert at.dataframe, "the view shows at least one table"
    assert [grid.proto.placeholder for grid in at.dataframe] == [""] * len(at.dataframe)


def test_the_views_above_do_have_missing_cells_to_leave_blank():
    # so the setting matters: the chair's open end, the link of a source that is a named article
    aze = run_page("country", {"country": "AZE"}).dataframe[0].value
    assert aze["To"].isna().any()
    kaz = [grid.value for grid in run_page("country", {"country": "KAZ"}).dataframe]
    assert any("Link" in t and t["Link"].isna().any() and t["Source"].str.startswith("The Astana Times").any() for t in kaz)
