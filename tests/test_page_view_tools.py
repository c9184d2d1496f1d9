"""AppTest: every page's "Share, get this data, cite this view" box is filled only while it is
open (closed, nothing of it is sent or redrawn at a filter change), and open it holds the view's
data links, its citation with the data version, and on the events page the downloads. (Opening it
in a browser, its tabs and copy buttons: tests/browser/test_api_browser.py.)"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from cica_dash.glue.api_views import API_PATH, PACKAGE_ZIP, TWIN_BY_PAGE
from cica_dash.glue.ui import TOOLS_KEY
from tests.apptest_helpers import english_left, run_page, shown_text

BOX = "Share, get this data, cite this view"
VIEWS = {
    "overview": {},
    "map": {"year": "2017"},
    "timeline": {"from": "1992", "to": "2017", "country": "KAZ"},
    "matrix": {"year": "2017"},
    "events": {"country": "THA", "dimension": "economic"},
    "country": {"country": "KAZ"},
    "data": {},
}


def _opened(page: str, query: dict[str, str]):
    at = run_page(page, query)
    at.session_state[TOOLS_KEY + page] = True  # what a click on the box's label does
    return at.run()


@pytest.mark.parametrize("page", list(VIEWS))
def test_the_box_is_empty_until_opened_and_then_holds_the_views_data_and_citation(page):
    query = VIEWS[page]
    at = run_page(page, query)
    assert not at.exception
    assert [e.label for e in at.expander if e.label == BOX] == [BOX]
    assert len(at.code) == 0  # closed: no link, no code, no citation sent

    at = _opened(page, query)
    assert not at.exception
    codes = [c.value for c in at.code]
    captions = " ".join(c.value for c in at.caption)
    version = re.search(r"Data version (\S+):", captions).group(1)
    citation = next(c for c in codes if c.startswith("CICA Dashboard project."))
    assert version in citation and any(c.startswith("@misc{") and version in c for c in codes)
    links = " ".join(m.value for m in at.markdown).replace("\\", "")
    twin = TWIN_BY_PAGE.get(page)
    if twin is None:  # a page without a data twin: the whole package
        assert f"[`{API_PATH}{PACKAGE_ZIP}`]" in links
    else:  # the rows of this very view: the page's own link parameters on its twin
        csv = re.search(r"\[CSV\]\(([^)]+)\)", links).group(1)
        assert urlsplit(csv).path == f"{API_PATH}{twin.name}.csv"
        assert parse_qs(urlsplit(csv).query) == {k: [v] for k, v in query.items()}
        assert any(f'pd.read_csv("{csv}")' in c for c in codes)
    assert dict(at.query_params) == query  # opening the box is not part of the link


def test_the_events_box_offers_the_views_rows_and_the_package_for_download():
    closed = run_page("events", VIEWS["events"])
    assert [b.proto.label for b in closed.get("download_button")] == []
    labels = [b.proto.label for b in _opened("events", VIEWS["events"]).get("download_button")]
    assert labels == ["Download these events (CSV)", "Download the full data package (zip)"]


@pytest.mark.parametrize("page", ["timeline", "events"])
def test_the_open_box_in_russian_has_no_english_interface_words(page):
    at = _opened(page, {**VIEWS[page], "lang": "ru"})
    assert not at.exception
    assert len(at.code) == 5
    shown = shown_text(at)
    assert english_left(shown) == []
    assert "Версия данных" in shown
