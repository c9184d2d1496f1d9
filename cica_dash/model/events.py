"""Filtering and summarising the events record: all vectorised, so 100x the rows costs little more."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from cica_dash.data import names
from cica_dash.data.dates import format_spans
from cica_dash.data.export import to_csv
from cica_dash.data.labels import OWN_RELATIONS, RELATION_LABELS
from cica_dash.data.sources import source_columns
from cica_dash.figures.deck import offline_deck
from cica_dash.figures.fast_figure import fast_figure
from cica_dash.figures.palette import DIMENSION_COLOURS, EDGE, chart_title, deck_rgba, outline_for, rgba, wrap_note
from cica_dash.url.state import EventsState, Vocabulary

DIMENSION_ORDER = ["military-political", "new-challenges", "economic", "environmental", "human", "institutional"]
SOURCE_NOTE = wrap_note("Source: CICA Dashboard events record (data/events.csv); every event links its source.")


def dimension_label(slug: str, vocab: Vocabulary) -> str:
    """Short label for a dimension: 'Economic', 'New challenges and threats', 'Institutional'."""
    return names.dimension_label(slug, vocab.dimensions)


def held_online(events: pd.DataFrame) -> pd.Series:
    """Events a source says were held online (or hybrid); an empty `online` cell is unknown."""
    return events["online"].fillna(False).astype(bool)


def filter_events(events: pd.DataFrame, state: EventsState) -> pd.DataFrame:
    """The rows a state selects. A country matches as host or as a named participant;
    years match on the start date; text matches title, city, notes (case-insensitive)."""
    keep = pd.Series(True, index=events.index)
    if state.country:
        host = events["host_iso3"].isin(state.country)
        pattern = "|".join(re.escape(c) for c in state.country)
        part = events["participants"].str.contains(pattern, regex=True, na=False)
        keep &= host | part
    if state.dimension:
        keep &= events["dimension"].isin(state.dimension)
    if state.area:
        keep &= events["area"].isin(state.area)
    if state.type:
        keep &= events["type"].isin(state.type)
    year = events["start_date"].dt.year
    if state.year_from is not None:
        keep &= year >= state.year_from
    if state.year_to is not None:
        keep &= year <= state.year_to
    if state.relation:
        keep &= events["relation"].isin(state.relation)
    if state.q:
        text = events["title"].fillna("") + " " + events["city"].fillna("") + " " + events["notes"].fillna("")
        keep &= text.str.contains(state.q, case=False, regex=False)
    return events[keep]


THIN_BEFORE = 2008  # the record is thin before this year (data/gaps.csv)


def reaches_thin_years(state: EventsState) -> bool:
    """Whether a filter on the years reaches back before THIN_BEFORE (the default view is not a filter)."""
    lo, hi = state.year_from, state.year_to
    return (lo is not None and lo < THIN_BEFORE) or (lo is None and hi is not None and hi < THIN_BEFORE)


def relation_line(events: pd.DataFrame) -> str:
    """Which kinds of event a selection holds: "Of these, 20 organised by CICA, 3 …"."""
    counts = events["relation"].value_counts()
    parts = [f"{int(counts[r])} {RELATION_LABELS[r]}" for r in RELATION_LABELS if counts.get(r, 0)]
    return "Of these: " + "; ".join(parts) + "." if parts else ""


def per_year(events: pd.DataFrame) -> pd.DataFrame:
    """Count of events per (year, dimension, CICA's own or not), zero-filled over the years shown.
    `own`: CICA organised or co-organised it; otherwise it took part in another body's event."""
    if events.empty:
        return pd.DataFrame(columns=["year", "dimension", "own", "events"])
    own = events["relation"].isin(OWN_RELATIONS).rename("own")
    counts = events.groupby([events["start_date"].dt.year.rename("year"), "dimension", own]).size()
    years = range(int(counts.index.get_level_values(0).min()), int(counts.index.get_level_values(0).max()) + 1)
    dims = [d for d in DIMENSION_ORDER if d in set(counts.index.get_level_values(1))]
    index = pd.MultiIndex.from_product([years, dims, [True, False]], names=["year", "dimension", "own"])
    return counts.reindex(index, fill_value=0).rename("events").reset_index()


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


def places(events: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """One point per place: how many events, of which dimensions; coloured by the commonest
    (ties go to the dimension listed first). Online events and events without a city are left
    out (counted apart by the page)."""
    located = events[events["lat"].notna() & events["lon"].notna() & ~held_online(events)]
    if located.empty:
        return pd.DataFrame(columns=["city", "lat", "lon", "events", "dimension", "own", "colour", "label"])
    # a place x dimension table of counts from integer codes: one pass over the events, then
    # work per place (a few dozen), not per event
    by_place = located.groupby(["city", "lat", "lon"], sort=True)
    place = by_place.ngroup().to_numpy()
    dim = pd.Categorical(located["dimension"], categories=DIMENSION_ORDER).codes
    n_dims = len(DIMENSION_ORDER)
    counts = np.bincount(place * n_dims + dim, minlength=by_place.ngroups * n_dims).reshape(-1, n_dims)
    # each place's dimensions, most events first, ties in DIMENSION_ORDER (a stable sort)
    order = np.argsort(-counts, axis=1, kind="stable")
    labels = [dimension_label(d, vocab) for d in DIMENSION_ORDER]
    out = by_place.size().rename("events").reset_index()
    out["dimension"] = [DIMENSION_ORDER[i] for i in order[:, 0]]
    out["label"] = [", ".join(f"{labels[d]} {row[d]}" for d in dims if row[d]) for row, dims in zip(counts, order)]
    # CICA's own events at a place; a place with none (only others' events CICA took part in) is pale
    own = located["relation"].isin(OWN_RELATIONS).groupby([located["city"], located["lat"], located["lon"]], sort=True).sum()
    out["own"] = own.to_numpy()
    took_part = out["events"] - out["own"]
    out["label"] = [label + (f"; {t} where CICA took part" if t else "") for label, t in zip(out["label"], took_part)]
    out["colour"] = [deck_rgba(DIMENSION_COLOURS[d], 210 if o else 90) for d, o in zip(out["dimension"], out["own"])]
    return out


def places_deck(points: pd.DataFrame) -> pdk.Deck:
    """Event places over country outlines, sized by count; no basemap, no network."""
    layer = pdk.Layer(
        "ScatterplotLayer",
        data=points[["city", "lat", "lon", "events", "colour", "label"]].to_dict("records"),
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


TABLE_COLUMNS = [
    "Date", "sort_date", "Event", "Type", "CICA's part", "Dimension", "Priority area", "Host", "Place", "Status",
    "Source", "Reference", "Notes",
]  # fmt: skip


def table(events: pd.DataFrame, vocab: Vocabulary, limit: int | None = None) -> pd.DataFrame:
    """The rows as a person reads them, most recent first: dates at their precision, names
    instead of codes. With `limit`, only that many rows are formatted (a page of the table)."""
    if events.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    events = events.sort_values("start_date", ascending=False, kind="stable")
    if limit is not None:
        events = events.head(limit)
    dates = format_spans(events["start_date"], events["end_date"], events["date_precision"])
    place = events["city"].fillna("")
    place = place.where(
        ~held_online(events), (place + " (online)").str.strip().str.replace(r"^\(online\)$", "online", regex=True)
    )
    return pd.DataFrame(
        {
            "Date": dates,
            "sort_date": events["start_date"],
            "Event": events["title"],
            "Type": events["type"].str.replace("-", " ").str.capitalize(),
            "CICA's part": events["relation"].map(RELATION_LABELS),
            "Dimension": events["dimension"].map(lambda d: dimension_label(d, vocab)),
            "Priority area": events["area"].map(vocab.areas).fillna(""),
            "Host": events["host_iso3"].map(vocab.countries).fillna(""),
            "Place": place,
            "Status": events["status"],
            **source_columns(events["source_url"]),
            "Notes": events["notes"].fillna(""),
        },
        index=events.index,
    )


def table_page(readable: pd.DataFrame, index: pd.Index, limit: int | None = None) -> pd.DataFrame:
    """The rows of `index` from a `table` of the whole record (formatted once, shared), most
    recent first, at most `limit` of them: the same as `table(events.loc[index], ...)`."""
    rows = readable.loc[readable.index.intersection(index)]
    rows = rows.sort_values("sort_date", ascending=False, kind="stable")
    return rows if limit is None else rows.head(limit)


def export_rows(events: pd.DataFrame) -> pd.DataFrame:
    """The filtered rows with the record's own columns, as a download."""
    return events.sort_values(["start_date", "event_id"])


def filtered_csv(events: pd.DataFrame, state: EventsState) -> bytes:
    """The CSV download of a filtered view, made when someone clicks: the button keeps only the
    shared record and the filters, not the filtered rows, between runs."""
    return to_csv(export_rows(filter_events(events, state)))
