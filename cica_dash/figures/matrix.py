"""The matrix's charts: one heatmap panel per dimension (areas as columns, states as rows) and
the roles per country."""

from __future__ import annotations

import re
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from cica_dash.data.i18n import N_, _
from cica_dash.figures.fast_figure import fast_figure
from cica_dash.figures.palette import EDGE, ROLE_COLOURS, TRANSPARENT, chart_title
from cica_dash.model.matrix import NOT_ON_RECORD, ROLES, Panel, role_word


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False))


# on a screen narrower than this (px), a panel with more areas than NARROW_COLUMNS turns its
# column headers upright (plotly_element.js), so that they do not run into each other
NARROW_BELOW = 640


NARROW_COLUMNS = 5
PHONE_PLOT_PX = 300  # the plot's width on a 390-px phone
CHAR_PX = 6.5  # the width of a character of a header, on average
UPRIGHT_LINE = 40  # characters per line of a header turned upright
TALL_LABEL_LINES = 3  # a header wrapped to more lines than this also turns upright there (long Russian names)


SOURCE = N_("Source: coordinators.csv (sources per role below)")  # shown with `_`


AREA_LABEL_WIDTH = 11  # characters per line of a column label: eight areas fit a phone's width


def _crowded(labels: list[str], lines: int) -> bool:
    """Whether a panel's column headers, side by side, would run into each other on a phone:
    more than NARROW_COLUMNS of them, a header's line wider than its column, or a header of more
    than TALL_LABEL_LINES lines (long Russian names)."""
    longest = max(len(re.sub(r"<[^>]+>", "", line)) for label in labels for line in label.split("<br>"))
    too_wide = len(labels) * (CHAR_PX * longest + 6) > PHONE_PLOT_PX
    return len(labels) > NARROW_COLUMNS or too_wide or lines > TALL_LABEL_LINES


def _colourscale() -> list[list]:
    none, co, coord = ROLE_COLOURS["not on record"], ROLE_COLOURS["co-coordinator"], ROLE_COLOURS["coordinator"]
    return [[0, none], [1 / 3, none], [1 / 3, co], [2 / 3, co], [2 / 3, coord], [1, coord]]


def _area_label(name: str, on_record: bool) -> str:
    label = _wrap(name, AREA_LABEL_WIDTH)
    return label if on_record else f"{label}<br><i>{_(NOT_ON_RECORD)}</i>"


def panel_figure(panel: Panel, year: int, source: str = SOURCE) -> go.Figure:
    """A heatmap with a discrete scale (0 none, 1 co-coordinator, 2 coordinator) plus the
    symbols C / co in each cell, so the role reads without colour; areas as columns (their
    names wrapped, never turned), states as rows; an invisible marker per cell carries the hover
    and makes the cell clickable. An area no source gives a coordinator says so in its label."""
    x = [_area_label(a, r) for a, r in zip(panel.area_names, panel.on_record)]
    label_lines = max(label.count("<br>") + 1 for label in x)
    note = dict(
        text=_("<b>C</b> coordinator · <b>co</b> co-coordinator") + "<br>" + _(source),
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-8,
        xanchor="left",
        yanchor="top",
        align="left",
        font={"size": 11},
    )
    title = chart_title(
        _("{dimension}, {year}").format(dimension=panel.name, year=year)
    )  # a panel's full area names are in its hover
    top = 58 + 15 * label_lines
    if not panel.rows:
        return fast_figure(
            [dict(type="scatter", x=x, y=[""] * len(x), mode="markers", marker={"opacity": 0}, hoverinfo="skip", name="areas")],
            dict(
                title=title,
                height=top + 90,
                margin={"l": 10, "r": 10, "t": top, "b": 40},
                dragmode=False,
                xaxis=dict(side="top", showgrid=False, fixedrange=True),
                yaxis=dict(visible=False, fixedrange=True),
                annotations=[
                    dict(
                        text=_("No role on record for this selection"), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"
                    ),
                    note,
                ],
            ),
        )
    n_rows, n_cols = len(panel.rows), len(panel.areas)
    heatmap = dict(
        type="heatmap",
        z=panel.z,
        x=x,
        y=panel.row_names,
        text=panel.text,
        texttemplate="%{text}",
        textfont={"size": 13},
        colorscale=_colourscale(),
        zmin=0,
        zmax=2,
        showscale=False,
        xgap=3,
        ygap=3,
        hoverinfo="skip",
        name="roles",
    )
    rows_i = np.repeat(np.arange(n_rows), n_cols)
    cols_j = np.tile(np.arange(n_cols), n_rows)
    cells = dict(
        type="scatter",
        x=np.array(x, dtype=object)[cols_j],
        y=np.array(panel.row_names, dtype=object)[rows_i],
        mode="markers",
        marker={"size": 24, "color": TRANSPARENT, "symbol": "square"},
        customdata=np.column_stack([np.array(panel.areas, dtype=object)[cols_j], np.array(panel.rows, dtype=object)[rows_i]]),
        hovertext=np.array(panel.hover, dtype=object).reshape(-1),
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
        name="cells",
    )
    plain = [a if r else f"{a} ({_(NOT_ON_RECORD)})" for a, r in zip(panel.area_names, panel.on_record)]
    plain = [_wrap(a, UPRIGHT_LINE) for a in plain]  # a long name turned upright takes two or three short lines
    longest = max(len(line) for a in plain for line in a.split("<br>"))
    upright = 40 + round(CHAR_PX * longest)  # px for the longest header line turned upright
    narrow = dict(
        below=NARROW_BELOW,
        set={"xaxis.tickangle": -90, "xaxis.tickvals": x, "xaxis.ticktext": plain, "margin.t": upright},
        add_height=max(0, upright - top),
    )
    layout = dict(
        title=title,
        meta=dict(cica_narrow=narrow) if _crowded(x, label_lines) else {},
        height=top + 62 + 34 * n_rows,
        margin={"l": 10, "r": 10, "t": top, "b": 62},
        dragmode=False,
        annotations=[note],
        yaxis=dict(autorange="reversed", showgrid=False, fixedrange=True, automargin=True),
        xaxis=dict(side="top", tickangle=0, showgrid=False, fixedrange=True),
    )
    return fast_figure([heatmap, cells], layout)


def roles_bar_figure(
    per_country: pd.DataFrame, year: int, source: str = N_("Source: coordinators.csv (each role cites its own source)")
) -> go.Figure:
    """Roles per country, stacked coordinator / co-coordinator, most roles on top."""
    bars = [
        dict(
            type="bar",
            y=per_country["country"].to_numpy(dtype=object),
            x=per_country[role].to_numpy(),
            name=role_word(role),
            orientation="h",
            marker={"color": ROLE_COLOURS[role], "line": {"color": EDGE, "width": 0.5}},
            hovertemplate=_("{state}: {n} {role} role(s)").format(state="%{y}", n="%{x}", role=role_word(role))
            + "<extra></extra>",
        )
        for role in ROLES
    ]
    annotations = [
        {
            "text": _(source),
            "showarrow": False,
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "yshift": -58,
            "xanchor": "left",
            "yanchor": "top",
            "font": {"size": 11},
        }
    ]
    if per_country.empty:
        annotations.insert(0, dict(text=_("No roles on record"), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"))
    layout = dict(
        barmode="stack",
        title=chart_title(_("Roles per country, {year}").format(year=year)),
        height=max(240, 186 + 26 * len(per_country)),  # 26 px per bar inside the margins (t 100, b 86)
        yaxis={"autorange": "reversed"},
        xaxis={"dtick": 1, "title": {"text": _("priority areas")}},
        legend={"orientation": "h", "traceorder": "normal", "x": 0, "y": 1, "yanchor": "bottom"},
        margin={"l": 10, "r": 10, "t": 100, "b": 86},
        annotations=annotations,
    )
    return fast_figure(bars, layout)
