"""Figures built from plain dicts without plotly's checks of every property.

plotly's graph objects check and copy each property as it is set: for the timeline, 55 of the
70 ms it took to build the figure on every click. The page's figures are made of dicts and
handed to plotly unchecked here. tests/test_fast_figure.py runs every figure builder a second
time with plotly's own checked constructors in place of `fast_figure` and compares what the
browser would get, so a misspelt property or a value plotly would change still fails a test.
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
