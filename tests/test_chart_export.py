"""Every plotly chart of every page can be saved as a PNG that stands on its own: the toolbar's
camera button is on, the file is named cica-<page>-<what>.png, and the figure carries its own
title and source line (so the picture says what it is and where it comes from)."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import charts, run_page

CHARTS = {
    "map": 4,
    "timeline": 1,
    "matrix": 6,
    "events": 2,
}  # map: members, steps, growth, chairs; matrix: 5 panels, bars; events: per year, places


def _charts(page: str) -> list[tuple[dict, dict]]:
    at = run_page(page)
    assert not at.exception
    return charts(at)


@pytest.mark.parametrize("page", list(CHARTS))
def test_every_chart_exports_with_its_title_source_and_a_file_name(page):
    found = _charts(page)
    assert len(found) == CHARTS[page]
    names = []
    for spec, config in found:
        layout = spec["layout"]
        assert layout["title"]["text"].strip()
        notes = [a.get("text", "") for a in layout.get("annotations", [])]
        assert any("Source:" in n for n in notes), layout["title"]["text"]
        options = config["toImageButtonOptions"]
        assert options["format"] == "png" and options["scale"] == 2
        assert options["filename"].startswith(f"cica-{page}")
        assert config.get("displayModeBar", True) is not False
        assert config["displaylogo"] is False and config["topojsonURL"]
        names.append(options["filename"])
    assert len(set(names)) == len(names)  # one name per chart


@pytest.mark.parametrize("page", list(CHARTS))
def test_figures_leave_background_and_text_colours_to_the_theme(page):
    """Streamlit's theme sets the page-coloured background and the text colour (light or dark)."""
    for spec, _ in _charts(page):
        layout = spec["layout"]
        assert "plot_bgcolor" not in layout and "paper_bgcolor" not in layout
        assert "color" not in layout.get("title", {}).get("font", {})
        for a in layout.get("annotations", []):
            assert "color" not in a.get("font", {}) and "bgcolor" not in a
