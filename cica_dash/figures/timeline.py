"""The timeline chart: lanes of items under a member-count band, on one shared date axis."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from cica_dash.data.i18n import _, count
from cica_dash.figures.fast_figure import fast_figure
from cica_dash.figures.palette import EDGE, GAP, INK, TIMELINE_COLOURS, TRANSPARENT, chart_title, outline_for, rgba, wrap_note
from cica_dash.model.timeline import LANES, escape_html, wrap_html

SYMBOLS = {"summit": "diamond", "initiative": "star", "accession": "triangle-up", "document": "square"}


def _legend_name(category: str, style: str, planned: bool) -> str:
    name = _(LANES.get(category, category))
    if style == "numbered":
        name = _("Ministerial (numbered)")
    elif style == "informal":
        name = _("Ministerial (informal/special)")
    elif category == "chairmanship" and style == "ongoing":
        name = _("Chairmanship (ongoing, to today)")
    return _("{name} – planned").format(name=name) if planned else name


def _rank(category: str, style: str, planned: bool) -> int:
    """Legend entries in lane order, variants (informal, planned, ongoing) after their lane."""
    lane = list(LANES).index(category) if category in LANES else len(LANES)
    return 100 + 10 * lane + (1 if style in ("informal", "ongoing") else 0) + (2 if planned else 0)


def x_window(year_from: int | None, year_to: int | None, today: date, items: pd.DataFrame) -> list[pd.Timestamp]:
    """The visible date range: the chosen years, or 1992 to today (or the last planned item)."""
    lo = pd.Timestamp(year_from or 1992, 1, 1)
    if year_to is not None:
        hi = pd.Timestamp(year_to, 12, 31)
    else:
        hi = max([pd.Timestamp(today), *items["end"].dropna().tolist()])
    pad = (hi - lo) * 0.015
    return [lo - pad, hi + pad]


def _point_traces(items: pd.DataFrame, seen: set[str]) -> list[dict]:
    """Items known to the day, plus an open marker in the middle of a planned span (a planned
    month is a sliver on a 30-year axis); items on the same day in the same lane share one marker
    and one hover box. Adds each legend name to `seen` (the legend shows its first trace)."""
    data = []
    points = items[~items["is_span"] | items["planned"]] if len(items) else items
    points = points.assign(x=points["start"] + (points["end"] - points["start"]).where(points["is_span"], pd.Timedelta(0)) / 2)
    for (cat, style, planned), group in points.groupby(["category", "style", "planned"], sort=False):
        colour = TIMELINE_COLOURS.get(cat, EDGE)
        symbol = SYMBOLS.get(cat, "circle")
        if style == "informal" or planned:
            symbol += "-open"
        merged = group.groupby("x", sort=True)
        hovers = merged["hover"].agg("<br>—<br>".join)
        labels = merged["label"].agg(" / ".join).to_numpy(dtype=object) if cat == "summit" else None
        name = _legend_name(cat, style, planned)
        data.append(
            dict(
                type="scatter",
                x=hovers.index,
                y=np.full(len(hovers), _(LANES[cat]), dtype=object),
                mode="markers+text" if labels is not None else "markers",
                text=labels,
                textposition="top center",
                textfont=dict(size=11),
                marker=dict(
                    symbol=symbol,
                    size=13 if cat in ("summit", "initiative") else 10,
                    color=colour,
                    # a fill too light for the light page or too dark for the dark one gets a grey rim
                    line=dict(color=outline_for(colour), width=1.5),
                ),
                hovertext=hovers.to_numpy(dtype=object),
                hovertemplate="%{hovertext}<extra></extra>",
                name=name,
                legendgroup=name,
                legendrank=_rank(cat, style, planned),
                showlegend=name not in seen,
                cliponaxis=False,
                **LANE_AXES,
            )
        )
        seen.add(name)
    return data


def _bar_traces(items: pd.DataFrame, seen: set[str]) -> list[dict]:
    """Chairmanships and items known only to the month or year, as bars across their span."""
    data = []
    bars = items[items["is_span"]] if len(items) else items
    for (cat, style, planned), group in bars.groupby(["category", "style", "planned"], sort=False):
        colour = TIMELINE_COLOURS.get(cat, EDGE)
        name = _legend_name(cat, style, planned)
        span_ms = (group["end"] - group["start"]).dt.total_seconds() * 1000 + 86_400_000
        data.append(
            dict(
                type="bar",
                orientation="h",
                base=group["start"],
                x=span_ms,
                y=np.full(len(group), _(LANES[cat]), dtype=object),
                width=0.7 if cat == "chairmanship" else 0.2,
                text=group["label"].to_numpy(dtype=object) if cat == "chairmanship" else None,
                textposition="inside",
                insidetextanchor="middle",
                textfont=dict(size=11, color=INK),  # on the bar's own light fill
                marker=dict(
                    color=TRANSPARENT if planned or style == "informal" else colour,
                    # chairmanships meet end to end: a white edge tells one from the next
                    line=dict(
                        color=GAP if cat == "chairmanship" else outline_for(colour),
                        width=1.5,
                    ),
                    pattern=dict(shape="/" if planned or style == "ongoing" else "", fgcolor=colour, solidity=0.3),
                    opacity=0.9,
                ),
                hovertext=group["hover"].to_numpy(dtype=object),
                hovertemplate="%{hovertext}<extra></extra>",
                name=name,
                legendgroup=name,
                legendrank=_rank(cat, style, planned),
                showlegend=name not in seen,
                **LANE_AXES,
            )
        )
        seen.add(name)
    return data


def _member_band(growth: pd.DataFrame, today: date) -> list[dict]:
    """The member count as a step line above the lanes, carried on to today."""
    if not len(growth):
        return []
    today_word = _("today")
    g = pd.concat(
        [growth, pd.DataFrame([{**growth.iloc[-1].to_dict(), "date": pd.Timestamp(today), "date_text": today_word}])],
        ignore_index=True,
    )
    hover = [
        "<b>"
        + count(c, "{n} member state", "{n} member states")
        + "</b><br>"
        + _("from {date}").format(date=escape_html(t))
        + ("<br>" + _("joined: {names}").format(names=wrap_html(j, 60)) if t != today_word else "")
        for c, t, j in zip(g["count"], g["date_text"], g["joined"])
    ]
    return [
        dict(
            type="scatter",
            x=g["date"],
            y=g["count"],
            mode="lines",
            line=dict(shape="hv", color=TIMELINE_COLOURS["accession"], width=2),
            fill="tozeroy",
            fillcolor=rgba(TIMELINE_COLOURS["accession"], 0.15),
            hovertext=np.array(hover, dtype=object),
            hovertemplate="%{hovertext}<extra></extra>",
            name=_("Member states (count)"),
            showlegend=False,
            xaxis="x",
            yaxis="y",
        )
    ]


def _annotations(now: pd.Timestamp, empty: bool) -> list[dict]:
    """'today' over its line, the reading note and source under the title, and a line when
    nothing matches."""
    annotations = [
        dict(x=now, xref="x", y=1.0, yref="paper", text=_("today"), showarrow=False, yanchor="bottom", font=dict(size=11)),
        dict(
            # above the chart, under the title: the legend below grows on a phone and must not cover it
            text=wrap_note(_("Thin bars: a date known only to its month or year."))
            + "<br>"
            + wrap_note(
                _(
                    "Source: CICA Dashboard data (milestones, chairmanships, members); "
                    "each item's source is in its hover and in the list below."
                )
            ),
            xref="paper",
            yref="paper",
            x=1,  # right-aligned to the plot: on a phone it reaches back over the lane labels
            y=1,
            yanchor="bottom",
            yshift=22,
            showarrow=False,
            xanchor="right",
            align="left",
            font=dict(size=11),
        ),
    ]
    if empty:
        annotations.append(
            dict(text=_("Nothing matches the chosen filters."), xref="paper", yref="paper", x=0.5, y=0.4, showarrow=False)
        )
    return annotations


# two rows on one date axis (the layout plotly's make_subplots gives, written out as one layout dict)
LANE_AXES = dict(xaxis="x2", yaxis="y2")
# laid out in pixels, so a chart with three lanes is as legible as one with nine
BAND_PX, GAP_PX, LANE_PX = 96, 44, 42


def timeline_figure(
    items: pd.DataFrame,
    growth: pd.DataFrame,
    today: date,
    window: list[pd.Timestamp],
    title: str = "",
) -> go.Figure:
    """Lanes of items under a member-count band, on one shared date axis.

    Items known to the day are markers (hover only: dense years stay readable);
    month- or year-precision items and chairmanships are bars across their span.
    Planned items are hollow or hatched. Empty input gives a labelled empty figure.
    """
    title = title or _("CICA from the 1992 initiative to today")
    lanes = [c for c in LANES if c in set(items["category"])] if len(items) else []
    plot = BAND_PX + GAP_PX + LANE_PX * max(len(lanes), 2)
    seen: set[str] = set()
    # markers first: the legend shows the first trace of a name
    data = _point_traces(items, seen) + _bar_traces(items, seen) + _member_band(growth, today)
    now = pd.Timestamp(today)
    bottom = 50 + 24 * -(-len(seen) // 4)  # tick labels, legend rows of about four entries
    lane_top = (plot - BAND_PX - GAP_PX) / plot
    layout = dict(
        title=chart_title(wrap_note(escape_html(title), 48)),
        barmode="overlay",
        height=plot + 150 + bottom,
        margin=dict(l=10, r=10, t=150, b=bottom),
        legend=dict(orientation="h", y=-40 / plot, x=0, yanchor="top"),
        hoverlabel=dict(align="left"),
        uniformtext=dict(minsize=9, mode="hide"),
        # grid colour from the theme
        xaxis=dict(anchor="y", domain=[0, 1], matches="x2", showticklabels=True, type="date", range=window, showgrid=True),
        xaxis2=dict(anchor="y2", domain=[0, 1], type="date", range=window, showgrid=True),
        yaxis=dict(
            anchor="x", domain=[1 - BAND_PX / plot, 1], title=dict(text=_("Members")), rangemode="tozero", fixedrange=True
        ),
        yaxis2=dict(
            anchor="x2",
            domain=[0, lane_top],
            type="category",
            categoryorder="array",
            categoryarray=[_(LANES[c]) for c in reversed(lanes)],
            fixedrange=True,
        ),
        shapes=[
            dict(type="line", x0=now, x1=now, xref="x", yref="paper", y0=0, y1=1, line=dict(color=EDGE, width=1, dash="dot"))
        ],
        annotations=_annotations(now, empty=not len(items)),
    )
    return fast_figure(data, layout)
