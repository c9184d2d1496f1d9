"""The timeline in a real browser: the chart and list render, the 25-year preset rewrites the link
and redraws the same chart in place, no page error, nothing fetched from outside."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse


def test_timeline_default_and_first_25_years(server, watched):
    page = watched.page
    page.set_viewport_size({"width": 1400, "height": 1900})  # chart, legend and the start of the list
    page.goto(server + "/timeline")
    watched.settle()
    page.wait_for_selector(".js-plotly-plot .barlayer")
    assert page.locator(".js-plotly-plot").count() == 1
    assert page.get_by_text("Chairmanships", exact=True).count() >= 1  # a lane label on the chart
    assert "1992–today" in page.get_by_test_id("stMarkdown").filter(has_text="Showing").inner_text()
    watched.shot("timeline-default")
    page.evaluate("() => { window.__chart = document.querySelector('.js-plotly-plot'); }")
    assert page.locator('.js-plotly-plot .xtick text[data-unformatted="2025"]').count() >= 1

    page.get_by_test_id("stRadio").get_by_text("First 25 years (1992–2017)").click()
    watched.settle()
    page.wait_for_selector(".js-plotly-plot .barlayer")
    assert parse_qs(urlparse(page.url).query) == {"from": ["1992"], "to": ["2017"]}
    assert "1992–2017" in page.get_by_test_id("stMarkdown").filter(has_text="Showing").inner_text()
    # the chart was updated where it stood (Plotly.react), not torn down and drawn anew
    assert page.evaluate("() => window.__chart === document.querySelector('.js-plotly-plot')")
    page.wait_for_function("() => !document.querySelector('.js-plotly-plot .xtick text[data-unformatted=\"2025\"]')")
    watched.shot("timeline-1992-2017")
    assert watched.errors == []
    assert watched.external == []
