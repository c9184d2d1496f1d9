"""Figures built from plain dicts without plotly's checks of every property.

plotly's graph objects check and copy each property as it is set: for the timeline, 55 of the
70 ms it took to build the figure on every click. The page's figures are made of dicts and
handed to plotly unchecked; `checked` rebuilds one with every check, which the tests do for
each figure builder (tests/test_fast_figure.py), so a misspelt property still fails a test.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go


def fast_figure(data: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """A figure of trace dicts (each with its `type`) and a layout dict, taken as they are
    except that None leaves a property unset and a pandas column becomes its array, as in
    plotly's own constructors."""
    return go.Figure(data=[_set(t) for t in data], layout=_set(layout), _validate=False)


def _set(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _set(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_set(v) for v in value]
    if isinstance(value, (pd.Series, pd.Index)):
        return value.to_numpy()
    return value


def checked(fig: go.Figure) -> go.Figure:
    """The same figure with plotly's checks: raises ValueError naming a property plotly does
    not know or a value it does not accept."""
    return go.Figure(fig.to_dict())
