"""Every page on a phone (390 x 844, touch): no sideways scrolling of the page, the heading and the
first chart or table on screen, every plotly chart with its PNG export button, no page error,
nothing fetched from outside. One browser context visits the pages in turn; the screenshots
(artifacts/phone-<page>.png) are for a person to look at."""

from __future__ import annotations

import pytest

from cica_dash.url.links import PAGES
from tests.browser.conftest import Watched

PHONE = {"width": 390, "height": 844}
# a link per page that shows its charts and tables (the country page needs a country)
QUERY = {"country": "?country=KAZ"}
# the first thing below the controls that carries the page's facts
FIRST = {
    "overview": '[data-testid="stMetric"]',
    "map": ".js-plotly-plot",
    "timeline": ".js-plotly-plot",
    "matrix": ".js-plotly-plot",
    "events": ".js-plotly-plot",
    "country": '[data-testid="stDataFrame"]',
    "data": '[data-testid="stDataFrame"]',
}
EXPORT_BUTTON = '.modebar-btn[data-title="Download plot as a PNG"]'


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True, accept_downloads=True)
    page = context.new_page()
    yield Watched(page)
    context.close()


def _whole_page_shot(phone: Watched, name: str) -> None:
    """Streamlit scrolls inside its main area, so a full-page screenshot shows only the first
    screen: make the window as tall as the content for the picture (same width), then restore."""
    page = phone.page
    height = page.evaluate(
        'Math.max(...[...document.querySelectorAll(\'[data-testid="stMain"], [data-testid="stAppViewContainer"]\')]'
        ".map(e => e.scrollHeight), document.documentElement.scrollHeight)"
    )
    page.set_viewport_size({"width": PHONE["width"], "height": min(int(height) + 40, 8000)})
    page.wait_for_timeout(800)
    phone.shot(name)
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(300)


def _scroll_width(page) -> int:
    return page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")


@pytest.mark.parametrize("spec", PAGES, ids=[p.key for p in PAGES])
def test_page_fits_a_phone(server, phone, spec):
    page = phone.page
    phone.errors.clear(), phone.external.clear()
    page.goto(f"{server}/{spec.path}{QUERY.get(spec.key, '')}")
    phone.settle(60_000)
    first = page.locator(FIRST[spec.key]).first
    first.wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(1500)  # plotly lays out to the width; the map's shapes arrive

    assert _scroll_width(page) <= PHONE["width"] + 1, "the page scrolls sideways on a phone"
    heading = page.locator("h1").first
    assert heading.is_visible() and heading.inner_text().strip()
    first.scroll_into_view_if_needed()
    assert first.is_visible()
    box = first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1
    charts = page.locator(".js-plotly-plot")
    for i in range(charts.count()):
        assert charts.nth(i).locator(EXPORT_BUTTON).count() == 1, f"chart {i} has no PNG export button"
    _whole_page_shot(phone, f"phone-{spec.key}")
    assert _scroll_width(page) <= PHONE["width"] + 1
    assert phone.errors == []
    assert phone.external == []


def test_png_export_has_a_meaningful_name(server, phone):
    """The camera button of a chart downloads `cica-<page>-<what>.png`."""
    page = phone.page
    page.goto(server + "/events")
    phone.settle(60_000)
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for(timeout=30_000)
    with page.expect_download(timeout=30_000) as download:
        chart.locator(EXPORT_BUTTON).click()
    assert download.value.suggested_filename == "cica-events-per-year.png"
    assert phone.errors == [] and phone.external == []
