"""The data API through `streamlit run app.py` (uvicorn, the way every deployment starts it),
and the pages' "Get this data" links in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from cica_dash.glue.api import NOTICES_HEADER, routes
from cica_dash.glue.api_views import TWIN_BY_PAGE
from tests.test_api import LINKS, MAX_REQUEST_LINE
from tests.test_hostile_pages import PINNED


def _fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


@pytest.fixture(scope="module")
def local() -> TestClient:
    return TestClient(Starlette(routes=list(routes())))


@pytest.mark.parametrize(("page", "query"), LINKS, ids=[f"{p}?{q}" for p, q in LINKS])
def test_the_server_gives_what_the_app_gives(server, local, page, query):
    """Over HTTP from the real server: the same bytes as in-process (tests/test_api.py shows
    those are the page's rows), for JSON and CSV."""
    pairs = urlencode([(k, v) for k, vs in query.items() for v in vs])
    for fmt in ("json", "csv"):
        path = f"/api/{TWIN_BY_PAGE[page].name}.{fmt}" + (f"?{pairs}" if pairs else "")
        status, headers, body = _fetch(server + path)
        assert status == 200, path
        assert body == local.get(path).content, path
        if fmt == "csv":
            assert isinstance(json.loads(headers[NOTICES_HEADER.lower()]), list)


def test_hostile_links_over_http(server):
    for q in PINNED:
        pairs = urlencode([(k, v) for k, vs in q.items() for v in vs])
        if len(pairs) > MAX_REQUEST_LINE:  # uvicorn drops the connection before any route runs
            continue
        status, _, body = _fetch(f"{server}/api/events.json?{pairs}")
        assert status == 200 and b"Traceback" not in body and b"<" not in body


def test_etag_round_trip_and_head(server):
    status, headers, _ = _fetch(f"{server}/api/matrix.csv?year=2023")
    assert status == 200 and headers["etag"]
    assert _fetch(f"{server}/api/matrix.csv?year=2023", {"If-None-Match": headers["etag"]})[0] == 304
    req = urllib.request.Request(f"{server}/api/matrix.csv?year=2023", method="HEAD")
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.status == 200 and r.read() == b""


def test_get_this_data_links_to_the_rows_of_the_view(server, watched):
    page = watched.page
    page.goto(f"{server}/events?country=THA&dimension=economic")
    watched.settle()
    summary = page.get_by_text("events · economic · Thailand").first.inner_text()
    page.get_by_text("Share, get this data, cite this view").click()
    page.get_by_role("tab", name="Get this data").click()
    link = page.get_by_role("link", name="CSV")
    href = link.get_attribute("href")
    assert href.startswith("api/events.csv?") and "country=THA" in href
    status, _, body = _fetch(f"{server}/{href}")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert status == 200 and len(rows) == int(summary.split()[0])
    page.get_by_role("tab", name="Cite this view").click()
    cite = page.get_by_test_id("stCode").filter(has_text="data version").first.inner_text()
    assert f"{server}/events?country=THA&dimension=economic" in cite
    watched.shot("events-cite-this-view")
    assert watched.errors == [] and watched.external == []
