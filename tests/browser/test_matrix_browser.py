"""The matrix in a real browser: reached from the app's navigation and from a shared link, one
panel per dimension that fits the window at 1400 px, 1280 px and on a phone (no sideways
scrolling, no column header running into the next), a cell click leads on, nothing fetched
from outside."""

from __future__ import annotations

import pytest

from cica_dash.model import matrix as mx

PANELS_JS = """() => Array.from(document.querySelectorAll('.cica-plotly')).map(e => {
  const ticks = Array.from(e.querySelectorAll('.xtick text')).map(t => t.getBoundingClientRect());
  const overlaps = ticks.slice(1).filter((b, i) => b.left < ticks[i].right - 1 && b.top < ticks[i].bottom && ticks[i].top < b.bottom).length;
  return {title: e.querySelector('.gtitle')?.textContent, client: e.clientWidth, scroll: e.scrollWidth,
          right: Math.max(0, ...ticks.map(b => b.right)), overlaps};
})"""


def _panels(page, charts: int = 6) -> list[dict]:
    page.locator(".js-plotly-plot .xtick text").first.wait_for(state="attached")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .gtitle').length >= " + str(charts), timeout=30_000)
    page.wait_for_timeout(500)
    return [p for p in page.evaluate(PANELS_JS) if p["title"] and not p["title"].startswith("Roles per")]


def test_matrix_default_and_filtered(server, watched, real_dataset):
    page = watched.page
    page.set_viewport_size({"width": 1400, "height": 2400})
    page.goto(server + "/")
    watched.settle()
    page.get_by_role("link", name="Who coordinates what").first.click()
    watched.settle()
    assert page.url.rstrip("/").endswith("/matrix")
    titles = [p["title"] for p in _panels(page)]
    assert [t.rsplit(",", 1)[0] for t in titles] == [
        "Military-political", "New challenges and threats", "Economic", "Environmental", "Human"
    ], titles  # fmt: skip
    assert page.get_by_text("since at least").first.is_visible()
    watched.shot("matrix-default")

    page.goto(server + "/matrix?year=2017&dimension=economic&dimension=environmental")
    watched.settle()
    assert [p["title"] for p in _panels(page, 3)] == ["Economic, 2017", "Environmental, 2017"]
    assert page.get_by_text("priority areas shown").first.is_visible()  # the headline counts what is shown
    # clicking a cell (the invisible marker over Russia x SMEs) leads to the events and profile links
    m = mx.build_matrix(real_dataset, 2017, ("economic", "environmental"))
    eco = next(p for p in mx.dimension_panels(m) if p.dimension == "economic")
    cell = eco.rows.index("RUS") * len(eco.areas) + eco.areas.index("smes")
    page.locator(".js-plotly-plot").first.locator(".scatterlayer .point").nth(cell).click(force=True)
    watched.settle()
    events = page.get_by_role("link", name="Events: Development of small and medium-sized enterprises · Russia")
    events.wait_for(timeout=10_000)
    assert "area=smes" in events.get_attribute("href") and "country=RUS" in events.get_attribute("href")
    watched.shot("matrix-2017-filtered")
    assert watched.errors == []
    assert watched.external == []


@pytest.mark.parametrize("width", [1400, 1280, 390])
def test_the_matrix_fits_the_window(server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 1200})
    page = context.new_page()
    page.goto(server + "/matrix")
    panels = _panels(page)
    page.screenshot(path=f"artifacts/matrix-{width}.png", full_page=True)
    context.close()
    assert len(panels) == 5
    for p in panels:
        assert p["scroll"] <= p["client"] + 1, p  # no sideways scrolling
        assert p["right"] <= width, p  # every column header inside the window
        assert p["overlaps"] == 0, p  # no header runs into the next
