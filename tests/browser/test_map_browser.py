"""The member map and a country profile in a real browser: shapes drawn from the shipped topojson,
nothing fetched from outside, no page error."""

from __future__ import annotations

import pytest


def test_map_2017_draws_the_member_states(server, watched):
    watched.page.goto(server + "/map?year=2017")
    watched.settle(60_000)
    watched.page.wait_for_selector("path.choroplethlocation", state="attached", timeout=30_000)
    first_map = watched.page.locator(".js-plotly-plot").first
    assert first_map.locator("path.choroplethlocation").count() >= 26
    metric = watched.page.get_by_test_id("stMetric").filter(has_text="Member states")
    assert "26" in metric.inner_text()
    assert "year=2017" in watched.page.url
    watched.page.wait_for_timeout(1500)  # let the map's shapes arrive before the picture
    watched.shot("map-2017")
    assert watched.errors == []
    assert watched.external == []


def test_country_profile_thailand(server, watched):
    watched.page.goto(server + "/country?country=THA")
    watched.settle(60_000)
    body = watched.page.get_by_test_id("stMain").inner_text()
    assert "Thailand" in body
    assert "22 Oct 2004" in body
    assert "Coordinator and co-coordinator roles" in body
    watched.shot("country-THA")
    assert watched.errors == []
    assert watched.external == []


def test_slider_updates_the_view_and_the_link(server, watched):
    # the slider's part of the page reruns alone (st.fragment): the link, the counts, the map
    # and the list must still follow it, and the animation below must stay in place
    page = watched.page
    page.goto(server + "/map?year=2017")
    watched.settle(60_000)
    # the animation is drawn only when it comes near the window: bring the chart itself there (the
    # heading alone can leave it out of reach while the charts above it are still being laid out)
    lazy = page.locator('.cica-plotly[data-cica-lazy="1"]').first
    lazy.wait_for(state="attached", timeout=60_000)
    lazy.scroll_into_view_if_needed()
    animation = page.locator(".js-plotly-plot").filter(has_text="growth")
    animation.wait_for(timeout=60_000)
    page.get_by_role("slider").first.press("ArrowLeft")
    page.wait_for_url("**/map?year=2016", timeout=30_000)
    watched.settle(60_000)
    metric = page.get_by_test_id("stMetric").filter(has_text="Member states")
    assert "26" in metric.inner_text()  # 2016: still 26 (Sri Lanka joined in 2018)
    assert "31 Dec 2016" in (page.locator(".js-plotly-plot").first.text_content() or "")
    assert page.get_by_role("heading", name="Member and observer states as of 2016").count() == 1
    for _ in range(5):
        page.get_by_role("slider").first.press("ArrowLeft")
    page.wait_for_url("**/map?year=2011", timeout=30_000)
    watched.settle(60_000)
    assert "31 Dec 2011" in (page.locator(".js-plotly-plot").first.text_content() or "")
    assert animation.count() == 1  # the animation below stayed in place
    assert watched.errors == []
    assert watched.external == []


MAP_FRAME_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const frame = plot.querySelector('.geo .bg rect, .geolayer .bg rect') || plot.querySelector('.geo');
  const box = plot.querySelector('.geo').getBoundingClientRect();
  return {width: box.width, height: box.height, column: plot.getBoundingClientRect().width};
}"""


@pytest.mark.parametrize(("width", "least"), [(1400, (1100, 520)), (1280, (1000, 480)), (390, (330, 180))])
def test_the_member_map_fills_the_page_width(server, browser, width, least):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + "/map?year=2017")
    page.wait_for_selector("path.choroplethlocation", state="attached", timeout=60_000)
    page.wait_for_timeout(1000)
    box = page.evaluate(MAP_FRAME_JS)
    context.close()
    assert box["width"] >= least[0] and box["height"] >= least[1], box
    assert box["width"] >= 0.85 * box["column"], box


def test_far_charts_wait_until_scrolled_to(server, watched):
    """The growth animation and the hand-over map are drawn when the reader comes near them."""
    page = watched.page
    page.goto(server + "/map?year=2017")
    watched.settle(60_000)
    page.wait_for_selector("path.choroplethlocation", state="attached", timeout=30_000)
    page.wait_for_timeout(1500)
    assert page.locator(".js-plotly-plot").filter(has_text="growth").count() == 0
    page.get_by_role("heading", name="Chairmanship hand-overs").scroll_into_view_if_needed()
    page.locator(".js-plotly-plot").filter(has_text="hand-overs").wait_for(timeout=30_000)
    assert page.locator(".js-plotly-plot").filter(has_text="Astana").count() == 1
    assert watched.errors == [] and watched.external == []
