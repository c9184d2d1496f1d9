"""The figures are built from dicts that plotly takes unchecked (cica_dash/fast_figure.py).
Here every figure builder's output, for full, filtered and empty selections, is rebuilt with
all of plotly's checks: it must pass them, and come out the same as what the browser gets."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from cica_dash import events as ev
from cica_dash import map_figures as mf
from cica_dash import matrix as mx
from cica_dash import membership as mb
from cica_dash import timeline as tl
from cica_dash.chart import figure_json
from cica_dash.fast_figure import checked, fast_figure
from cica_dash.state import EventsState, Vocabulary

TODAY = date(2026, 11, 28)


def _figures(ds) -> dict[str, go.Figure]:
    vocab = Vocabulary.from_dataset(ds)
    items = tl.timeline_items(ds, TODAY)
    growth = tl.member_growth(ds.members)
    few = tl.filter_items(items, 1992, 2017, ("summit", "chairmanship"), ())
    none = tl.filter_items(items, 2000, 2001, ("summit",), ("ZZZ",))
    steps = mb.member_steps(ds)
    economic = ev.filter_events(ds.events, EventsState(dimension=("economic",)))
    figures = {
        "timeline, everything": tl.timeline_figure(items, growth, TODAY, tl.x_window(None, None, TODAY, items)),
        "timeline, some": tl.timeline_figure(few, growth, TODAY, tl.x_window(1992, 2017, TODAY, few)),
        "timeline, nothing": tl.timeline_figure(none, growth, TODAY, tl.x_window(2000, 2001, TODAY, none)),
        "step chart": mf.step_chart(steps, 2017, 2026),
        "step chart, no accessions": mf.step_chart(steps.iloc[0:0], 2017, 2026),
        "events per year": ev.per_year_figure(ev.per_year(ds.events), vocab),
        "events per year, economic": ev.per_year_figure(ev.per_year(economic), vocab),
        "events per year, none": ev.per_year_figure(ev.per_year(ds.events.iloc[0:0]), vocab),
        "member map, empty": mf.choropleth(
            pd.DataFrame(columns=["iso3", "status", "name", "since_text", "founding", "source"]), 1990
        ),
    }
    for year in (1992, 2017, 2026):
        figures[f"member map {year}"] = mf.choropleth(mb.status_as_of(ds, year, TODAY), year)
        m = mx.build_matrix(ds, year)
        figures[f"matrix {year}"] = mx.matrix_figure(m)
        figures[f"roles per country {year}"] = mx.roles_bar_figure(mx.count_roles(m.cells), year)
    figures["matrix, economic, by name"] = mx.matrix_figure(mx.build_matrix(ds, 2026, ("economic",), order="name"))
    figures["matrix, nothing"] = mx.matrix_figure(mx.build_matrix(ds, 2026, countries=("ZZZ",)))
    return figures


NAMES = [
    "timeline, everything", "timeline, some", "timeline, nothing", "step chart", "step chart, no accessions",
    "events per year", "events per year, economic", "events per year, none", "member map, empty",
    "member map 1992", "member map 2017", "member map 2026", "matrix 1992", "matrix 2017", "matrix 2026",
    "roles per country 1992", "roles per country 2017", "roles per country 2026", "matrix, economic, by name",
    "matrix, nothing",
]  # fmt: skip


@pytest.fixture(scope="module")
def figures(real_dataset) -> dict[str, go.Figure]:
    return _figures(real_dataset)


def test_the_list_names_every_figure_made(figures):
    assert sorted(figures) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_figure_passes_plotlys_checks_and_is_sent_as_checked(figures, name):
    fig = figures[name]
    assert json.loads(figure_json(checked(fig))) == json.loads(figure_json(fig))


def test_checked_names_a_misspelt_property():
    fig = fast_figure([dict(type="scatter", x=[1, 2], y=[3, 4], markr=dict(size=3))], dict(title=dict(text="t")))
    assert list(fig.data[0].x) == [1, 2]  # built, unchecked
    with pytest.raises(ValueError, match="markr"):
        checked(fig)


def test_none_leaves_a_property_unset_as_in_plotly():
    fig = fast_figure([dict(type="bar", x=[1], y=[2], text=None)], dict(xaxis=dict(title=None, range=[0, 2])))
    sent = json.loads(figure_json(fig))
    assert "text" not in sent["data"][0]
    assert sent["layout"]["xaxis"]["range"] == [0, 2] and "title" not in sent["layout"]["xaxis"]


def test_checked_refuses_a_value_plotly_does_not_accept():
    fig = fast_figure([dict(type="bar", x=[1], y=[2], orientation="sideways")], {})
    with pytest.raises(ValueError, match="orientation"):
        checked(fig)
