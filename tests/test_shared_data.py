"""Every session reads one shared copy of the data (st.cache_resource in cica_dash/glue/ui.py), so
no page may change it in place: after every page has run with filters set, the shared tables
must still equal a fresh load of the files."""

from __future__ import annotations

import pandas as pd
import pytest

from cica_dash.data.load import data_dir, data_signature, load_dataset
from cica_dash.glue import ui
from cica_dash.url.links import PAGES
from tests.apptest_helpers import run_page

QUERIES = {
    "map": {"year": "2010"},
    "timeline": {"from": "1999", "to": "2014", "category": "summit"},
    "matrix": {"dimension": "economic", "order": "name", "year": "2015"},
    "events": {"dimension": "economic", "country": "THA", "q": "forum"},
    "country": {"country": "KAZ"},
}


@pytest.fixture(scope="module")
def shared_after_every_page():
    for page in PAGES:
        at = run_page(page.key, QUERIES.get(page.key))
        assert not at.exception, (page.key, at.exception)
    folder = data_dir()
    return ui._load(str(folder), data_signature(folder))


def test_pages_share_one_copy(shared_after_every_page):
    folder = data_dir()
    assert ui._load(str(folder), data_signature(folder)) is shared_after_every_page


def test_no_page_modifies_the_shared_tables(shared_after_every_page):
    fresh = load_dataset(data_dir())
    assert set(shared_after_every_page.tables) == set(fresh.tables)
    for name, table in fresh.tables.items():
        pd.testing.assert_frame_equal(shared_after_every_page.tables[name], table, obj=name)
