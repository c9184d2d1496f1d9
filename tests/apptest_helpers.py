"""Run one page of the real app through AppTest, with the navigation of app.py around it."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from cica_dash.glue.chart import ELEMENT_NAME
from cica_dash.url.links import PAGE_BY_KEY
from tests.conftest import ROOT


def run_page(page: str, query: dict[str, str | list[str]] | None = None, timeout: float = 30) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.switch_page(PAGE_BY_KEY[page].script)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def warnings_text(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def chart_elements(at: AppTest) -> list:
    """The elements of every plotly chart the page drew (cica_dash/glue/chart.py)."""
    return [e for e in at.get("bidi_component") if e.proto.component_name == ELEMENT_NAME]


def charts(at: AppTest) -> list[tuple[dict, dict]]:
    """Every plotly chart the page drew, as (figure, plotly config)."""
    out = []
    for element in chart_elements(at):
        data = json.loads(element.proto.json)
        out.append((json.loads(data["figure"]), data["config"]))
    return out
