"""The app's plotly element: plotly.js served from our own folder, the figure as sent, and a
chart that keeps its identity when a filter changes (the reason it exists: the browser then
updates it in place instead of drawing a new one)."""

from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import pytest
from plotly.offline import get_plotlyjs_version

from cica_dash.glue import chart
from tests.apptest_helpers import chart_elements, charts, run_page


def test_vendored_plotly_js_is_the_plotly_packages_version_with_the_app_s_traces():
    vendored = chart.STATIC / chart.PLOTLY_JS
    assert vendored.exists(), f"run scripts/build_plotly_bundle.sh to make {vendored} (see docs/architecture.md)"
    text = vendored.read_text(encoding="utf-8")
    assert f'.version="{get_plotlyjs_version()}"' in text
    # each trace module registers under its name; one left out is absent
    for trace in chart.BUNDLED_TRACES:
        assert f'name:"{trace}"' in text, trace
    assert 'name:"scatter3d"' not in text and 'name:"pie"' not in text
    assert chart.PLOTLY_JS_URL == "app/static/" + chart.PLOTLY_JS and not chart.PLOTLY_JS_URL.startswith("/")


def test_the_build_script_bundles_the_traces_the_app_declares():
    script = (chart.STATIC.parent / "scripts" / "build_plotly_bundle.sh").read_text(encoding="utf-8")
    declared = re.search(r'^traces="([^"]*)"', script, re.MULTILINE).group(1).split()
    assert {"scatter", *declared} == chart.BUNDLED_TRACES  # scatter is in plotly's core


def test_figure_json_uses_the_app_template_and_leaves_the_figure_alone():
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout=dict(title=dict(text="Two bars")))
    before = fig.to_json()
    sent = json.loads(chart.figure_json(fig))
    assert fig.to_json() == before  # figures may come from a shared cache
    assert sent["layout"]["title"]["text"] == "Two bars"
    assert sent["layout"]["template"]["layout"]["title"]["font"]["weight"] == 600
    # Streamlit's template carries placeholder colours (#000001...) that only its own element replaces
    assert "#000001" not in json.dumps(sent)


def test_element_data_is_json_with_the_config_and_the_script():
    data = chart.element_data(go.Figure(), {"displaylogo": False}, clicks=True)
    assert json.loads(json.dumps(data)) == data
    assert data["config"] == {"responsive": True, "displaylogo": False}
    assert data["src"] == chart.PLOTLY_JS_URL and data["clicks"] is True
    assert chart.element_data('{"data": []}', {})["figure"] == '{"data": []}'


def _chart_ids(at) -> list[str]:
    return [e.proto.id for e in chart_elements(at)]


@pytest.mark.parametrize(
    ("page", "change"),
    [
        ("timeline", lambda at: at.radio(key="timeline.preset").set_value(at.radio(key="timeline.preset").options[0])),
        ("events", lambda at: at.slider(key="events.years").set_value((2010, 2020))),
        ("matrix", lambda at: at.radio(key="matrix.order").set_value("name")),
        ("map", lambda at: at.slider(key="map.year").set_value(2010)),
    ],
)
def test_a_chart_keeps_its_identity_when_a_filter_changes(page, change):
    at = run_page(page)
    ids, figures = _chart_ids(at), [fig for fig, _ in charts(at)]
    assert ids
    change(at)
    at.run()
    assert not at.exception
    # the same keyed elements (a keyed element's id is its key's; st.plotly_chart's follows the
    # figure, and it would not be found here at all): the browser updates them in place
    assert _chart_ids(at) == ids
    assert [fig for fig, _ in charts(at)] != figures  # with new figures
