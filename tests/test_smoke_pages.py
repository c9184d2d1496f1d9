"""One smoke AppTest per page, for the quick tier: the page's default view runs on the real record
with no exception and no error, and shows its heading. The page tests (tests/test_page_*.py)
check what each page shows; this only says that it still runs."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cica_dash.url.links import PAGE_BY_KEY, PAGES
from tests.conftest import ROOT


@pytest.mark.parametrize("page", [p.key for p in PAGES])
def test_each_page_runs(page):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(PAGE_BY_KEY[page].script)
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert len(at.title) == 1
