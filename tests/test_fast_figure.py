"""The figures are built from dicts that plotly takes unchecked (cica_dash/figures/fast_figure.py).
Here every figure builder runs twice, for full, filtered and empty selections: as the app runs
it, and with plotly's own checked constructors in place of `fast_figure`. The checked run must
pass plotly's checks, and the browser must get the same JSON from both."""

from __future__ import annotations

import importlib
import json
import pkgutil
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

import cica_dash
from cica_dash.data.vocabulary import Vocabulary
from cica_dash.figures import events as evf
from cica_dash.figures import map_figures as mf
from cica_dash.figures import matrix as mxf
from cica_dash.figures import timeline as tlf
from cica_dash.figures.fast_figure import fast_figure
from cica_dash.glue.chart import figure_json
from cica_dash.model import chairs
from cica_dash.model import events as ev
from cica_dash.model import matrix as mx
from cica_dash.model import membership as mb
from cica_dash.model import timeline as tl
from cica_dash.url.state import EventsState

TODAY = date(2026, 11, 28)
BUILDER_MODULES = (evf, mf, mxf, tlf)  # every module that builds figures with fast_figure


def _checked_figure(data: list[dict], layout: dict) -> go.Figure:
    """What plotly's constructors make of the same dicts, checking every property."""
    return go.Figure(data=data, layout=layout)


def _figures(ds) -> dict[str, go.Figure]:
    vocab = Vocabulary.from_dataset(ds)
    items = tl.timeline_items(ds, TODAY)
    growth = tl.member_growth(ds.members)
    few = tl.filter_items(items, 1992, 2017, ("summit", "chairmanship"), ())
    none = tl.filter_items(items, 2000, 2001, ("summit",), ("ZZZ",))
    steps = mb.member_steps(ds)
    economic = ev.filter_events(ds.events, EventsState(dimension=("economic",)))
    four_years = ev.filter_events(ds.events, EventsState(year_from=2015, year_to=2018))
    no_roles = mx.build_matrix(ds, 1992, ("economic",))
    assert not no_roles.columns  # the empty-matrix branch
    figures = {
        "timeline, everything": tlf.timeline_figure(items, growth, TODAY, tlf.x_window(None, None, TODAY, items)),
        "timeline, some": tlf.timeline_figure(few, growth, TODAY, tlf.x_window(1992, 2017, TODAY, few)),
        "timeline, nothing": tlf.timeline_figure(none, growth, TODAY, tlf.x_window(2000, 2001, TODAY, none)),
        "timeline, no member band": tlf.timeline_figure(few, growth.iloc[0:0], TODAY, tlf.x_window(1992, 2017, TODAY, few)),
        "step chart": mf.step_chart(steps, 2017, 2026),
        "step chart, no accessions": mf.step_chart(steps.iloc[0:0], 2017, 2026),
        "events per year": evf.per_year_figure(ev.per_year(ds.events), vocab),
        "events per year, economic": evf.per_year_figure(ev.per_year(economic), vocab),
        "events per year, four years": evf.per_year_figure(ev.per_year(four_years), vocab),
        "events per year, none": evf.per_year_figure(ev.per_year(ds.events.iloc[0:0]), vocab),
        "member map, empty": mf.choropleth(
            pd.DataFrame(columns=["iso3", "status", "name", "since_text", "founding", "source"]), 1990
        ),
        "matrix, economic, by name": _panel(mx.build_matrix(ds, 2026, ("economic",), order="name"), "economic"),
        "matrix, one unknown state": _panel(mx.build_matrix(ds, 2026, countries=("ZZZ",)), "economic"),
        "matrix, no role on record": _panel(no_roles, "economic"),
        "chair hand-overs": mf.chair_map(chairs.chair_handovers(ds), chairs.chair_terms(ds)),
        "roles per country, none": mxf.roles_bar_figure(no_roles.per_country, 1992),
    }
    for year in (1992, 2017, 2026):
        figures[f"member map {year}"] = mf.choropleth(mb.status_as_of(ds, year, TODAY), year)
        m = mx.build_matrix(ds, year)
        for panel in mx.dimension_panels(m):
            figures[f"matrix {year} {panel.dimension}"] = mxf.panel_figure(panel, year)
        figures[f"roles per country {year}"] = mxf.roles_bar_figure(m.per_country, year)
    return figures


NAMES = [
    "timeline, everything", "timeline, some", "timeline, nothing", "timeline, no member band", "step chart",
    "step chart, no accessions", "events per year", "events per year, economic", "events per year, four years",
    "events per year, none", "member map, empty", "member map 1992", "member map 2017", "member map 2026",
    *(f"matrix {y} {d}" for y in (1992, 2017, 2026)
      for d in ("military-political", "new-challenges", "economic", "environmental", "human")),
    "matrix, economic, by name", "matrix, one unknown state", "matrix, no role on record", "chair hand-overs", "roles per country 1992", "roles per country 2017", "roles per country 2026",
    "roles per country, none",
]  # fmt: skip


def _panel(m: mx.Matrix, dimension: str) -> go.Figure:
    return mxf.panel_figure(next(p for p in mx.dimension_panels(m) if p.dimension == dimension), m.year)


@pytest.fixture(scope="module")
def both(real_dataset) -> tuple[dict[str, go.Figure], dict[str, go.Figure]]:
    fast = _figures(real_dataset)
    with pytest.MonkeyPatch.context() as mp:
        for module in BUILDER_MODULES:
            mp.setattr(module, "fast_figure", _checked_figure)
        checked = _figures(real_dataset)
    return fast, checked


def test_every_module_that_builds_figures_is_run_both_ways():
    users = set()
    for info in pkgutil.walk_packages(cica_dash.__path__, "cica_dash."):
        module = importlib.import_module(info.name)
        if getattr(module, "fast_figure", None) is fast_figure and not info.name.endswith(".fast_figure"):
            users.add(module)
    assert users == set(BUILDER_MODULES)


def test_the_list_names_every_figure_made(both):
    fast, checked = both
    assert sorted(fast) == sorted(checked) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_figure_is_sent_as_plotlys_checked_constructors_would_send_it(both, name):
    fast, checked = both
    assert json.loads(figure_json(fast[name])) == json.loads(figure_json(checked[name]))


def test_every_trace_type_drawn_is_in_the_vendored_plotly_js(both, real_dataset):
    from cica_dash.glue import chart

    fast, _ = both
    frames = mf.growth_animation(mb.status_by_year(real_dataset, range(1992, 2027), TODAY)).frames
    types = {t.type for fig in fast.values() for t in fig.data} | {t.type for f in frames for t in f.data}
    assert types == chart.BUNDLED_TRACES  # none missing from the bundle, none bundled for nothing


def test_a_misspelt_property_passes_fast_figure_but_not_the_checked_run():
    data = [dict(type="scatter", x=[1, 2], y=[3, 4], markr=dict(size=3))]
    assert list(fast_figure(data, {}).data[0].x) == [1, 2]  # built, unchecked
    with pytest.raises(ValueError, match="markr"):
        _checked_figure(data, {})


def test_a_value_plotly_refuses_passes_fast_figure_but_not_the_checked_run():
    data = [dict(type="bar", x=[1], y=[2], orientation="sideways")]
    assert fast_figure(data, {}).data[0].orientation == "sideways"
    with pytest.raises(ValueError, match="orientation"):
        _checked_figure(data, {})


def test_none_leaves_a_property_unset_as_in_plotly():
    fig = fast_figure([dict(type="bar", x=[1], y=[2], text=None)], dict(xaxis=dict(title=None, range=[0, 2])))
    sent = json.loads(figure_json(fig))
    assert "text" not in sent["data"][0]
    assert sent["layout"]["xaxis"]["range"] == [0, 2] and "title" not in sent["layout"]["xaxis"]
