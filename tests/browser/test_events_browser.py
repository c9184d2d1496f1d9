"""The events page in a real browser: a shared link, the summary line, the table, the map, the CSV."""

from __future__ import annotations

import csv
import io

from cica_dash.model import events as ev
from cica_dash.url.state import EventsState
from tests.browser.conftest import click_when_still


def test_filtered_link_and_csv_download(server, watched, real_dataset):
    state = EventsState(dimension=("economic",), year_from=2021, year_to=2023)
    expected = ev.filter_events(real_dataset.events, state)
    page = watched.page
    page.goto(server + "/events?dimension=economic&from=2021&to=2023")
    watched.settle()
    assert page.get_by_text(f"{len(expected)} events · economic · 2021–2023").is_visible()
    # the places map: points on the shipped shapes (SVG), no basemap
    page.wait_for_selector(".js-plotly-plot .scattergeo path.point", timeout=20_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
    grid = page.get_by_test_id("stDataFrame")
    assert grid.is_visible()
    watched.shot("events-economic-2021-2023")

    page.get_by_text("Share, get this data, cite this view").click()
    # the box is filled by the rerun its opening asks for: wait for the view's link
    page.locator("code").filter(has_text="dimension=economic").first.wait_for(timeout=20_000)
    page.get_by_role("tab", name="Get this data").click()
    with page.expect_download() as info:
        click_when_still(page.get_by_role("button", name="Download these events (CSV)"))
    body = open(info.value.path(), encoding="utf-8").read()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert sorted(r["event_id"] for r in rows) == sorted(expected["event_id"])
    assert watched.errors == []
    assert watched.external == []


def test_the_preparatory_years_show_their_meetings(server, watched, real_dataset):
    """/events?from=1993&to=1999: the expert meetings and deputy-minister meetings that prepared
    the forum, and the line saying the record is thin before 2008."""
    expected = ev.filter_events(real_dataset.events, EventsState(year_from=1993, year_to=1999))
    assert len(expected) >= 6
    page = watched.page
    page.goto(server + "/events?from=1993&to=1999")
    watched.settle()
    page.get_by_text(f"{len(expected)} events · 1993–1999").wait_for(timeout=30_000)
    page.get_by_text("Before 2008 the record is thin").wait_for(timeout=30_000)
    grid = page.get_by_test_id("stDataFrame").locator("[role=grid]")
    grid.wait_for(state="attached", timeout=30_000)  # the grid is drawn a moment after the script's run
    assert grid.get_attribute("aria-rowcount") == str(len(expected) + 1)  # rows and the header
    watched.shot("events-1993-1999")
    assert watched.errors == [] and watched.external == []


def test_leaving_the_page_while_its_map_waits_for_its_shapes_is_no_error(server, watched):
    """A reader may move on before the places map has drawn: the map waits for the country
    shapes (`static/topojson/`), and the chart leaving the page must not break that draw."""
    page = watched.page
    held = []  # the shapes' requests, answered only once the reader has moved on
    page.route("**/topojson/*.json", lambda route: held.append(route))
    page.goto(server + "/events")
    watched.settle()
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(200)
    assert held, "the places map did not ask for the country shapes"
    page.get_by_test_id("stTopNavLink").filter(has_text="Timeline").click()
    page.wait_for_url("**/timeline", timeout=30_000, wait_until="commit")
    watched.settle()
    page.unroute("**/topojson/*.json")
    for route in held:
        route.continue_()
    page.wait_for_timeout(1_500)
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "Timeline"
    assert watched.errors == [] and watched.external == []
