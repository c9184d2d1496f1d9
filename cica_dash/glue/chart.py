"""Every plotly chart of the app goes through `plotly_chart` here, not `st.plotly_chart`.

Streamlit's plotly element hashes the figure into the element's id, so a chart whose figure
follows a filter is torn down and drawn anew on every click: that alone took the floor page's
click from 1x to 1.6x–2.4x (bench/reference_app.py?with=plotly). This element is a Streamlit component
(the v2 component API) with a fixed key: the browser keeps the chart and calls `Plotly.react`
with the new figure, which redraws only what changed. plotly.js comes from the app's own
static folder (no CDN); the theme follows the page's (light or dark) through Streamlit's CSS
variables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st
from plotly.offline import get_plotlyjs_version

from cica_dash.url.links import STATIC_URL

STATIC = Path(__file__).resolve().parents[2] / "static"
# plotly.js of the plotly package's version with only the trace types the app draws, built by
# scripts/build_plotly_bundle.sh into static/vendor/ (a file named by its version, so a browser
# never keeps an old one; tests/test_chart.py checks it is current). It is 1.5 MB; the full
# bundle (4.8 MB) took 1.1-1.4 s to load and evaluate in Chromium here, this one 0.2 s.
BUNDLED_TRACES = frozenset({"scatter", "bar", "heatmap", "choropleth", "scattergeo"})
PLOTLY_JS = f"vendor/plotly-cica-{get_plotlyjs_version()}.min.js"
PLOTLY_JS_URL = STATIC_URL + PLOTLY_JS

# What the page's theme does not set: margins that make room for labels, no zero line. The
# colours and font are the page's own, set in the browser (plotly_element.js).
TEMPLATE = go.layout.Template(
    layout=dict(
        font=dict(size=12),
        title=dict(font=dict(size=16, weight=600)),
        xaxis=dict(automargin=True, zeroline=False, showline=False),
        yaxis=dict(automargin=True, zeroline=False, showline=False),
        hoverlabel=dict(font=dict(size=13)),
        legend=dict(font=dict(size=12)),
    )
)

ELEMENT_NAME = "cica.plotly_chart"  # the component's name, unique in the app
_element = st.components.v2.component(
    ELEMENT_NAME,
    html='<div class="cica-plotly"></div><p class="cica-plotly-note" role="alert" hidden></p>',
    # a figure wider than the page (the matrix with many columns has a fixed width) scrolls
    # sideways inside its own box instead of being cut off at the window's edge
    css=".cica-plotly { width: 100%; overflow-x: auto; }",
    js=(Path(__file__).with_name("plotly_element.js")).read_text(encoding="utf-8"),
    isolate_styles=False,  # plotly.js puts its own styles into the page's head
)


def _no_op() -> None:
    """The click callback: a click only needs the rerun it causes (a module-level function,
    so the session's widget registry keeps no page namespace alive)."""


_TEMPLATE = TEMPLATE.to_plotly_json()


def figure_json(fig: go.Figure) -> str:
    """The figure as sent to the browser, with the app's template instead of Streamlit's."""
    spec = fig.to_dict()  # a copy (figures from a shared cache are never modified), not validated again
    spec["layout"]["template"] = _TEMPLATE
    return pio.json.to_json_plotly(spec)


def element_data(fig: go.Figure | str, config: dict[str, Any], clicks: bool = False, lazy: bool = False) -> dict[str, Any]:
    """What the browser side receives: the figure (JSON text), plotly's config, where plotly.js
    is, whether clicks are reported, whether to wait until the chart scrolls into view."""
    return {
        "figure": fig if isinstance(fig, str) else figure_json(fig),
        "config": {"responsive": True, **config},
        "src": PLOTLY_JS_URL,
        "clicks": clicks,
        "lazy": lazy,
    }


def plotly_chart(
    fig: go.Figure | str,
    *,
    key: str,
    config: dict[str, Any],
    width: Literal["stretch", "content"] = "stretch",
    clicks: bool = False,
    lazy: bool = False,
) -> list[dict[str, Any]]:
    """Draw `fig` (or its `figure_json`) under `key`, kept in place across reruns. With
    `clicks`, a click on a mark reruns the page and this returns, in that run only, the clicked
    points (`curve_number`, `point_number`, `location`, `customdata`, `x`, `y`); else []. With
    `lazy`, the browser draws it only when it comes near the screen (charts far down a page)."""
    callbacks = {"on_click_change": _no_op} if clicks else {}
    result = _element(key=key, data=element_data(fig, config, clicks, lazy), width=width, height="content", **callbacks)
    return list(getattr(result, "click", None) or []) if clicks else []
