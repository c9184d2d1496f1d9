"""The events page's charts: events per year by dimension, and the places on the app's offline map."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from cica_dash.data.i18n import N_, _, count
from cica_dash.data.vocabulary import Vocabulary
from cica_dash.figures.fast_figure import fast_figure
from cica_dash.figures.map_figures import MAP_ASPECT, in_region, region_geo
from cica_dash.figures.palette import DIMENSION_COLOURS, EDGE, chart_title, outline_for, rgba, wrap_note
from cica_dash.model.events import DIMENSION_ORDER, dimension_label

SOURCE_NOTE = N_("Source: CICA Dashboard events record (data/events.csv); every event links its source.")


def _source_note(above: bool) -> dict:
    """The events record's source line, at the left: just above the plot (`above`) or just below it."""
    return dict(
        text=wrap_note(_(SOURCE_NOTE)),
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0,
        y=1 if above else 0,
        yshift=8 if above else -4,
        xanchor="left",
        yanchor="bottom" if above else "top",
        align="left",
        font=dict(size=10),
    )


PHONE_PX = 600  # a column narrower than this is a phone's
PHONE_LEGEND_PX = 240  # the per-year legend's extra height there


def per_year_figure(counts: pd.DataFrame, vocab: Vocabulary) -> go.Figure:
    """Events per year, stacked by dimension, in the app's dimension colours; the events of other
    bodies that CICA took part in are hatched, above CICA's own in the same colour."""
    dims = [d for d in DIMENSION_ORDER if d in set(counts["dimension"])]
    bars = []
    hover = _("{year}: {n} event(s)").format(year="%{x}", n="%{y}")
    for own in (True, False):
        for dim in dims:
            part = counts[(counts["dimension"] == dim) & (counts["own"] == own)]
            if not own and not part["events"].any():
                continue
            label = dimension_label(dim, vocab)
            colour = DIMENSION_COLOURS[dim]
            marker = dict(color=colour, line=dict(color=outline_for(colour), width=0.8))
            if not own:
                marker["color"] = rgba(colour, 0.35)
                marker["pattern"] = dict(shape="/", fgcolor=colour, size=6, solidity=0.4)
            what = _("CICA's own") if own else _("took part")
            bars.append(
                dict(
                    type="bar",
                    x=part["year"].to_numpy(),
                    y=part["events"].to_numpy(),
                    name=label if own else _("{dimension} (took part)").format(dimension=label),
                    legendgroup=dim,
                    marker=marker,
                    hovertemplate=f"{label}, {what}<br>" + hover + "<extra></extra>",
                )
            )
    layout = dict(
        barmode="stack",
        title=chart_title(_("Events per year, by dimension (hatched: other bodies' events CICA took part in)")),
        # whole years; plotly thins the ticks to the width (a phone shows fewer)
        xaxis=dict(title=None, tickformat="d", dtick=1 if len(set(counts["year"])) <= 6 else None, nticks=12),
        # counts are whole: a tick every event while the tallest year has few
        yaxis=dict(title=dict(text=_("events")), dtick=1 if _tallest(counts) <= 8 else None, tickformat="d"),
        # legend below (it grows on a phone); the source line above the bars, under the title
        legend=dict(orientation="h", x=0, y=-0.12, yanchor="top"),
        margin=dict(l=40, r=10, t=100, b=40),
        height=400,
        # on a phone the legend wraps to five pairs of rows under the bars: room for it and the bars
        meta=dict(cica_narrow=dict(below=PHONE_PX, add_height=PHONE_LEGEND_PX)),
        annotations=[_source_note(above=True)],
    )
    return fast_figure(bars, layout)


def _tallest(counts: pd.DataFrame) -> int:
    return int(counts.groupby("year")["events"].sum().max()) if len(counts) else 0


# the places map: a point's area grows with its events, from PLACE_MIN_PX across to PLACE_MAX_PX
PLACE_MIN_PX = 7
PLACE_MAX_PX = 34
PLACES_CHROME = 70  # px above and below the map: the title and the mode bar, the source line


def places_map(points: pd.DataFrame) -> go.Figure:
    """Event places (`model.events.places`) on the member map's frame, sized by count and
    coloured by their commonest dimension; a place with no event of CICA's own (only others'
    events CICA took part in) is pale. SVG through the app's plotly element: a change of filter
    moves the points in place (no new WebGL context, no outlines fetched again)."""
    most = int(points["events"].max()) if len(points) else 1
    alpha = np.where(points["own"].to_numpy(dtype=float) > 0, 0.82, 0.35)
    colour = [rgba(DIMENSION_COLOURS[d], a) for d, a in zip(points["dimension"], alpha)]
    hover = [
        f"<b>{html.escape(str(city))}</b>: {count(int(n), '{n} event', '{n} events')}<br>{html.escape(str(label))}"
        for city, n, label in zip(points["city"], points["events"], points["label"])
    ]
    trace = dict(
        type="scattergeo",
        lat=points["lat"].to_numpy(dtype=float),
        lon=points["lon"].to_numpy(dtype=float),
        mode="markers",
        marker=dict(
            size=points["events"].to_numpy(dtype=float),
            sizemode="area",
            sizeref=2.0 * most / PLACE_MAX_PX**2,
            sizemin=PLACE_MIN_PX,
            color=colour,
            line=dict(color=EDGE, width=1),  # a grey ring: every dimension colour stands out on land and sea
        ),
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        name=_("Places"),
        showlegend=False,
    )
    layout = dict(
        title=chart_title(_("Where the events were held")),
        geo=region_geo(),
        height=round(520 * MAP_ASPECT) + PLACES_CHROME,
        meta=dict(cica_height=dict(per_width=MAP_ASPECT, plus=PLACES_CHROME, min=220)),
        margin=dict(l=0, r=0, t=PLACES_CHROME - 30, b=30),
        annotations=[_source_note(above=False)],
    )
    return fast_figure([trace], layout)


def outside_the_map(points: pd.DataFrame) -> list[str]:
    """The places the map's frame leaves out (events far from Asia: New York, Washington)."""
    return [str(c) for c, lat, lon in zip(points["city"], points["lat"], points["lon"]) if not in_region(lat, lon)]
