"""The member map and a country profile in a real browser: shapes drawn from the shipped topojson,
nothing fetched from outside, no page error."""

from __future__ import annotations


def test_map_2017_draws_the_member_states(server, watched):
    watched.page.goto(server + "/map?year=2017")
    watched.settle(60_000)
    watched.page.wait_for_selector("path.choroplethlocation", state="attached", timeout=30_000)
    first_map = watched.page.locator(".js-plotly-plot").first
    assert first_map.locator("path.choroplethlocation").count() >= 26
    metric = watched.page.get_by_test_id("stMetric").filter(has_text="Member states")
    assert "26" in metric.inner_text()
    assert "year=2017" in watched.page.url
    watched.page.wait_for_timeout(1500)  # let the pydeck outlines arrive before the picture
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
