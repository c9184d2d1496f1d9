"""The data API: for a table of links, its rows are the rows the page shows (read through
AppTest); bad values are dropped with the page's notices; ETag, 304, 404 and a bad data folder."""

from __future__ import annotations

import io
import json
import zipfile
from urllib.parse import urlencode

import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from cica_dash.glue.api import NOTICES_HEADER, plain_notice, routes
from cica_dash.glue.api_views import TWIN_BY_PAGE
from cica_dash.glue.ui import readable_sources
from tests.apptest_helpers import run_page, warnings_text


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(Starlette(routes=list(routes())))


# (page, query): each filter alone and combined, an empty result, dropped values
LINKS = [
    ("events", {}),
    ("events", {"country": ["THA"]}),
    ("events", {"dimension": ["economic"]}),
    ("events", {"from": ["2015"], "to": ["2020"]}),
    ("events", {"country": ["THA"], "dimension": ["economic"], "from": ["2015"], "to": ["2020"]}),
    ("events", {"relation": ["took-part"], "type": ["conference"]}),
    ("events", {"q": ["no event says this"]}),
    ("events", {"country": ["XXX", "KAZ"], "from": ["2020"], "to": ["2015"], "utm_source": ["x"]}),
    ("map", {}),
    ("map", {"year": ["2017"]}),
    ("map", {"year": ["1991"]}),
    ("timeline", {"from": ["1992"], "to": ["2017"], "category": ["summit"]}),
    ("timeline", {"country": ["KAZ"]}),
    ("timeline", {"category": ["nope", "ministerial"]}),
    ("matrix", {}),
    ("matrix", {"year": ["2023"], "dimension": ["economic"]}),
    ("matrix", {"country": ["CHN"], "order": ["name"]}),
    ("matrix", {"year": ["1992"]}),
    ("country", {"country": ["KAZ"]}),
    ("country", {"country": ["tha"]}),
]


def _page_tables(at) -> list[pd.DataFrame]:
    return [d.value.reset_index(drop=True) for d in at.dataframe]


def _api(client: TestClient, page: str, query: dict, fmt: str = "json"):
    twin = TWIN_BY_PAGE[page]
    return client.get(f"/api/{twin.name}.{fmt}", params=[(k, v) for k, vs in query.items() for v in vs])


def _same(page_frame: pd.DataFrame, api_rows: list[dict], api_columns: list[str]) -> None:
    # the page shows each source as publisher and link (ui.readable_sources); the API keeps the record's columns
    api = readable_sources(pd.DataFrame(api_rows, columns=api_columns))
    assert list(api.columns) == list(page_frame.columns)
    # the grid's values, read back through AppTest, against the JSON's: compare as text
    left = page_frame.astype(str).replace({"None": "", "nan": "", "<NA>": "", "NaT": ""})
    right = api.astype(str).replace({"None": "", "nan": "", "<NA>": "", "NaT": ""})
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize(("page", "query"), LINKS, ids=[f"{p}?{q}" for p, q in LINKS])
def test_the_api_gives_the_rows_the_page_shows(client, page, query):
    at = run_page(page, query)
    got = _api(client, page, query)
    assert got.status_code == 200
    body = got.json()
    assert [plain_notice(w) for w in warnings_text(at)] == body["notices"]
    shown = _page_tables(at)
    if page == "events":
        api_titles = sorted(r["title"] for r in body["rows"])
        page_titles = sorted(shown[0]["Event"]) if shown else []
        assert page_titles == api_titles
    elif page == "country":
        sections = [s for s in body["sections"].values() if s["count"]]
        assert len(sections) == len(shown)
        for frame, section in zip(shown, sections):
            _same(frame, section["rows"], section["columns"])
    else:
        frame = shown[0] if shown else pd.DataFrame()
        _same(frame, body["rows"], body["columns"])


@pytest.mark.parametrize(
    "query",
    [
        {"milestones": ["include"], "from": ["1992"], "to": ["2002"]},
        {"milestones": ["include"], "country": ["CHN"]},
    ],
)
def test_milestones_beside_events_are_the_pages_two_tables(client, query):
    at = run_page("events", query)
    body = _api(client, "events", query).json()
    assert set(body["sections"]) == {"events", "milestones"}
    milestones, events = _page_tables(at)  # the page shows the milestones first
    assert body["sections"]["milestones"]["count"] == len(milestones) > 0
    _same(milestones, body["sections"]["milestones"]["rows"], body["sections"]["milestones"]["columns"])
    assert sorted(events["Event"]) == sorted(r["title"] for r in body["sections"]["events"]["rows"])
    assert f"and {len(milestones)} milestone" in " ".join(m.value for m in at.markdown)


def test_csv_is_the_json_rows_and_carries_the_notices(client):
    query = {"country": ["THA", "XXX"], "dimension": ["economic"]}
    as_json = _api(client, "events", query).json()
    as_csv = _api(client, "events", query, "csv")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert json.loads(as_csv.headers[NOTICES_HEADER]) == as_json["notices"] != []
    frame = pd.read_csv(io.StringIO(as_csv.text))
    assert list(frame["event_id"]) == [r["event_id"] for r in as_json["rows"]]


def test_etag_and_not_modified(client):
    first = client.get("/api/members.csv?year=2017")
    tag = first.headers["etag"]
    assert "max-age" in first.headers["cache-control"] and first.headers["x-data-version"]
    again = client.get("/api/members.csv?year=2017", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert client.get("/api/members.csv?year=2017", headers={"If-None-Match": '"other"'}).status_code == 200


def test_unknown_endpoints_are_404_and_not_echoed(client):
    for path in ["/api/nope.csv", "/api/events.xml", "/api/a/b/<script>.json", "/api/events"]:
        got = client.get(path)
        assert got.status_code == 404, path
        assert "<script>" not in got.text and "nope" not in got.text


def test_the_index_lists_every_endpoint_with_a_working_example(client):
    index = client.get("/api/").json()
    assert index["licence"]["name"] and index["data_version"]
    for e in index["endpoints"]:
        assert client.get("/api/" + e["example"].removeprefix("api/")).status_code == 200, e


def test_the_package_zip_holds_every_file(client):
    got = client.get("/api/datapackage.zip")
    names = zipfile.ZipFile(io.BytesIO(got.content)).namelist()
    assert "cica-data/datapackage.json" in names and "cica-data/events.csv" in names


def test_routes_follow_the_base_path():
    with TestClient(Starlette(routes=list(routes("cica")))) as c:
        assert c.get("/cica/api/members.json").status_code == 200
        assert c.get("/api/members.json").status_code == 404


def test_bad_data_is_a_clear_503(monkeypatch, fixture_dir, client):
    (fixture_dir / "members.csv").write_text("iso3,name\nKAZ\n", encoding="utf-8")
    monkeypatch.setenv("CICA_DATA_DIR", str(fixture_dir))
    got = client.get("/api/events.json")
    assert got.status_code == 503
    problems = got.json()["problems"]
    assert problems and all({"file", "line", "column"} <= set(p) for p in problems)
    assert any(p["file"] == "members.csv" for p in problems)
    assert "Traceback" not in got.text


# The hostile links the page tests use (tests/test_hostile_pages.py), against every endpoint.
ENDPOINTS = [f"/api/{t.name}.{fmt}" for t in TWIN_BY_PAGE.values() for fmt in ("csv", "json")]


# uvicorn answers a request line longer than this with a 400 before any route sees it
MAX_REQUEST_LINE = 16 * 1024


def _check_hostile(client: TestClient, path: str, q: dict[str, list[str]]) -> None:
    encoded = urlencode([(k, v) for k, vs in q.items() for v in vs])
    if len(path) + len(encoded) > MAX_REQUEST_LINE:
        return
    got = client.get(f"{path}?{encoded}" if encoded else path)
    assert got.status_code == 200, (path, got.status_code)
    assert "Traceback" not in got.text
    header = got.headers.get(NOTICES_HEADER, "")
    assert "<" not in header and "\r" not in header and "\n" not in header
    if path.endswith(".json"):
        assert "<" not in got.text  # every < is written \u003c, so no typed value reads as markup
        assert isinstance(got.json()["notices"], list)


@pytest.mark.parametrize("path", ENDPOINTS)
def test_pinned_hostile_links_on_every_endpoint(client, path):
    from tests.test_hostile_pages import PINNED

    for q in PINNED:
        _check_hostile(client, path, q)


def test_generated_hostile_links_on_every_endpoint(client):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as hst

    from tests.test_hostile_pages import EXAMPLES, query

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(path=hst.sampled_from(ENDPOINTS), q=query)
    def check(path, q):
        _check_hostile(client, path, q)

    check()
