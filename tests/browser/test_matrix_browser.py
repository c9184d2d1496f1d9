"""The matrix in a real browser: reached from the app's navigation and from a shared link,
the heatmap and its legend show, and nothing is fetched from outside."""

from __future__ import annotations

from cica_dash import matrix as mx


def _chart_text(page) -> str:
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for()
    return chart.inner_text()


def test_matrix_default_and_filtered(server, watched, real_dataset):
    page = watched.page
    page.set_viewport_size({"width": 1400, "height": 2400})
    page.goto(server + "/")
    watched.settle()
    page.get_by_role("link", name="Who coordinates what").first.click()
    watched.settle()
    assert page.url.rstrip("/").endswith("/matrix")
    text = _chart_text(page)
    assert "Coordinators and co-coordinators as of" in text
    assert "C = coordinator" in text
    assert "not on record" in text
    assert "China" in text
    assert page.get_by_text("Combating illicit drugs: not on record").is_visible()
    watched.shot("matrix-default")

    page.goto(server + "/matrix?year=2017&dimension=economic&dimension=environmental")
    watched.settle()
    text = _chart_text(page)
    assert "as of 2017" in text
    assert "Agriculture" in text and "Combating terrorism" not in text
    assert page.get_by_text("14 countries").first.is_visible()
    # clicking a cell (the invisible marker over Russia x SMEs) leads to the events and profile links
    m = mx.build_matrix(real_dataset, 2017, ("economic", "environmental"))
    cell = list(m.rows["area"]).index("smes") * len(m.columns) + list(m.columns).index("RUS")
    page.locator(".js-plotly-plot .scatterlayer .point").nth(cell).click(force=True)
    watched.settle()
    events = page.get_by_role("link", name="Events: Development of small and medium-sized enterprises · Russia")
    events.wait_for(timeout=10_000)
    assert "area=smes" in events.get_attribute("href") and "country=RUS" in events.get_attribute("href")
    watched.shot("matrix-2017-filtered")
    assert watched.errors == []
    assert watched.external == []


def test_a_matrix_wider_than_the_window_scrolls_to_its_last_column(server, watched):
    page = watched.page
    page.set_viewport_size({"width": 1300, "height": 1400})  # a laptop; the matrix is 1300 px wide
    page.goto(server + "/matrix")
    watched.settle()
    chart = page.locator(".cica-plotly").first
    chart.locator(".main-svg").first.wait_for()
    box = chart.evaluate("e => ({client: e.clientWidth, scroll: e.scrollWidth})")
    assert box["scroll"] > box["client"]  # wider than its place on the page
    last = chart.locator(".xtick text").last  # the right-most country
    chart.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    right = last.bounding_box()
    assert right is not None and right["x"] + right["width"] <= 1300  # now inside the window
    watched.shot("matrix-scrolled-to-last-column")
    assert watched.errors == []
