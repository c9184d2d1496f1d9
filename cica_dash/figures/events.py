"""The events page's charts: events per year by dimension, and the places on a tile-free map."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from cica_dash.data.vocabulary import Vocabulary
from cica_dash.figures.deck import offline_deck
from cica_dash.figures.fast_figure import fast_figure
from cica_dash.figures.palette import DIMENSION_COLOURS, EDGE, chart_title, deck_rgba, outline_for, rgba, wrap_note
from cica_dash.model.events import DIMENSION_ORDER, dimension_label

SOURCE_NOTE = wrap_note("Source: CICA Dashboard events record (data/events.csv); every event links its source.")


def per_year_figure(counts: pd.DataFrame, vocab: Vocabulary) -> go.Figure:
    """Events per year, stacked by dimension, in the app's dimension colours; the events of other
    bodies that CICA took part in are hatched, above CICA's own in the same colour."""
    dims = [d for d in DIMENSION_ORDER if d in set(counts["dimension"])]
    bars = []
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
            what = "CICA's own" if own else "took part"
            bars.append(
                dict(
                    type="bar",
                    x=part["year"].to_numpy(),
                    y=part["events"].to_numpy(),
                    name=label if own else f"{label} (took part)",
                    legendgroup=dim,
                    marker=marker,
                    hovertemplate=f"{label}, {what}<br>%{{x}}: %{{y}} event(s)<extra></extra>",
                )
            )
    layout = dict(
        barmode="stack",
        title=chart_title("Events per year, by dimension (hatched: other bodies' events CICA took part in)"),
        # whole years; plotly thins the ticks to the width (a phone shows fewer)
        xaxis=dict(title=None, tickformat="d", dtick=1 if len(set(counts["year"])) <= 6 else None, nticks=12),
        # counts are whole: a tick every event while the tallest year has few
        yaxis=dict(title=dict(text="events"), dtick=1 if _tallest(counts) <= 8 else None, tickformat="d"),
        # legend below (it grows on a phone); the source line above the bars, under the title
        legend=dict(orientation="h", x=0, y=-0.12, yanchor="top"),
        margin=dict(l=40, r=10, t=100, b=40),
        height=400,
        annotations=[
            dict(
                text=SOURCE_NOTE,
                showarrow=False,
                xref="paper",
                yref="paper",
                x=0,
                y=1,
                yshift=8,
                xanchor="left",
                yanchor="bottom",
                align="left",
                font=dict(size=10),
            )
        ],
    )
    return fast_figure(bars, layout)


def _tallest(counts: pd.DataFrame) -> int:
    return int(counts.groupby("year")["events"].sum().max()) if len(counts) else 0


def places_deck(points: pd.DataFrame) -> pdk.Deck:
    """Event places (`model.events.places`) over country outlines, sized by count and coloured by
    their commonest dimension; no basemap, no network."""
    # a place with no event of CICA's own (only others' events CICA took part in) is pale
    colour = [deck_rgba(DIMENSION_COLOURS[d], 210 if o else 90) for d, o in zip(points["dimension"], points["own"])]
    layer = pdk.Layer(
        "ScatterplotLayer",
        data=points[["city", "lat", "lon", "events", "label"]].assign(colour=colour).to_dict("records"),
        id="event-places",
        get_position=["lon", "lat"],
        get_fill_color="colour",
        get_line_color=deck_rgba(EDGE),  # a grey ring: every dimension colour stands out on land and sea
        stroked=True,
        line_width_min_pixels=1,
        get_radius="events",
        radius_scale=40000,
        radius_min_pixels=4,
        radius_max_pixels=40,
        pickable=True,
    )
    return offline_deck([layer], tooltip={"text": "{city}: {events} event(s)\n{label}"})
