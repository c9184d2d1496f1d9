"""Figures of the member map page: the choropleth, its growth animation, the step chart, the chair hand-overs.

Figure builders take computed tables and return plotly Figures;
nothing here reads data or Streamlit state. Every figure works offline: plotly's
country shapes come from the shipped topojson (see cica_dash.glue.ui.plotly_config).
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from cica_dash.data.dates import format_date
from cica_dash.data.i18n import N_, Np_, _, count, number, pgettext
from cica_dash.figures.fast_figure import fast_figure
from cica_dash.figures.palette import (
    ACCENT,
    COASTLINE,
    COUNTRY_BORDER,
    EDGE,
    GAP,
    INK,
    LABEL_BOX,
    LAND,
    STATUS_COLOURS,
    TIMELINE_COLOURS,
    TRANSPARENT,
    chart_title,
    rgba,
    wrap_note,
)
from cica_dash.model.membership import STATUSES, year_end

# The CICA region whole: the eastern Mediterranean and Egypt to Russia's Pacific coast (Chukotka
# reaches 190°E), the Indian Ocean and Indonesia to Russia's Arctic islands (81°N); centred on
# 105°E so that the far east is not cut at the antimeridian. Australia and the United States,
# observers outside Asia, are named beside the map.
REGION_LON = (12.0, 192.0)
REGION_LAT = (-14.0, 82.0)
REGION_CENTRE_LON = 105.0
# The map's height for its width (natural earth over REGION_*: about 0.6), plus its title,
# legend and source line; the browser sets the height from the width it has (plotly_element.js).
MAP_ASPECT = 0.6
MAP_CHROME = 140  # px above and below the map: title, legend (two rows on a phone), source line
SOURCE_NOTE = N_("Source: CICA Dashboard data (members.csv, observers.csv); each row's source is in the member list.")

# States too small to appear at the map's 1:110m scale, drawn as a dot at their centre instead
# (geography, not CICA facts). The 110m shapes draw several times faster than the 50m ones.
SMALL_STATES: dict[str, tuple[float, float]] = {"BHR": (26.03, 50.55)}

# Capital cities of the states that have chaired CICA (geography, not CICA facts).
CAPITALS: dict[str, tuple[str, float, float]] = {
    "KAZ": (N_("Astana"), 51.1694, 71.4491),
    "TUR": (N_("Ankara"), 39.9334, 32.8597),
    "CHN": (N_("Beijing"), 39.9042, 116.4074),
    "TJK": (N_("Dushanbe"), 38.5598, 68.7870),
    "AZE": (N_("Baku"), 40.4093, 49.8671),
}
# where each capital's name sits, so that close ones (Astana, Dushanbe, Baku) do not overlap
LABEL_POSITIONS = {"KAZ": "top center", "TJK": "bottom center", "AZE": "middle left", "TUR": "bottom center", "CHN": "top center"}


STATUS_LABELS = {
    "founding member": N_("Founding member"),
    "member": N_("Member"),
    "observer": N_("Observer state"),
    "former observer": N_("Former observer"),
}
# the legend's words: the same in English, shorter where a language's would take a row each on a phone
STATUS_LEGEND = {
    "founding member": Np_("map legend", "Founding member"),
    "member": Np_("map legend", "Member"),
    "observer": Np_("map legend", "Observer state"),
    "former observer": Np_("map legend", "Former observer"),
}
# scroll wheel scrolls the page, not the map (zoom with the mode bar or by double click)
CONFIG_NO_SCROLL_ZOOM = {"scrollZoom": False}


def _hover() -> str:
    return (
        "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}<br><i>"
        + _("Source: {where}").format(where="%{customdata[4]}")
        + "</i><extra></extra>"
    )


def region_geo() -> dict:
    """The CICA region on plotly's shipped 1:110m shapes, with no sea: every map of the app."""
    return dict(
        scope="world",
        resolution=110,  # see SMALL_STATES
        projection=dict(type="natural earth", rotation=dict(lon=REGION_CENTRE_LON)),
        lonaxis=dict(range=list(REGION_LON)),
        lataxis=dict(range=list(REGION_LAT)),
        showland=True,
        landcolor=LAND,
        showcountries=True,
        countrycolor=COUNTRY_BORDER,
        showcoastlines=True,
        coastlinecolor=COASTLINE,
        showocean=False,  # the sea is the page: light or dark with Streamlit's theme
        showlakes=False,
        showframe=False,
        bgcolor=TRANSPARENT,
    )


def in_region(lat: float, lon: float) -> bool:
    """True when a point lies within the frame the maps show (REGION_LAT, REGION_LON)."""
    return (
        REGION_LAT[0] <= lat <= REGION_LAT[1] and REGION_LON[0] <= (lon if lon >= REGION_LON[0] else lon + 360) <= REGION_LON[1]
    )


def status_outline(status: str) -> dict:
    """A thin white gap between states; light fills (observers, former observers) also get a
    grey outline, so they stand apart from the land around them in greyscale too."""
    if status in ("observer", "former observer"):
        return dict(color=EDGE, width=1)
    return dict(color=GAP, width=0.6)


def _customdata(rows: pd.DataFrame) -> np.ndarray:
    """Hover text columns, HTML-escaped (the values come from data files)."""
    founding = np.where(
        rows["founding"].astype(bool), _("Founding member (signed the 2002 Almaty Act)"), _("Not a founding member")
    )
    labels = {key: _(label) for key, label in STATUS_LABELS.items()}
    columns = [rows["name"], rows["status"].map(labels), rows["since_text"], founding, rows["source"], rows["iso3"]]
    if not len(rows):
        return np.empty((0, len(columns)), dtype=object)
    escaped = [pd.Series(c, index=rows.index, dtype=object).fillna("").astype(str).map(html.escape) for c in columns]
    return np.column_stack([c.to_numpy(dtype=object) for c in escaped])


def _small_states_trace(status: pd.DataFrame) -> dict:
    """A dot for each state of SMALL_STATES on record, in its status colour; always present
    (possibly empty) so that animation frames line up."""
    rows = status[status["iso3"].isin(list(SMALL_STATES))]
    where = [SMALL_STATES[c] for c in rows["iso3"]]
    return dict(
        type="scattergeo",
        lat=[w[0] for w in where],
        lon=[w[1] for w in where],
        mode="markers",
        marker=dict(
            size=9,
            color=rows["status"].map(STATUS_COLOURS).to_numpy(dtype=object),
            line=dict(color=EDGE, width=1),
        ),
        customdata=_customdata(rows),
        hovertemplate=_hover(),
        name=_("States too small for the map"),
        meta="small states",
        showlegend=False,
    )


def _status_traces(status: pd.DataFrame, legend: bool = True) -> list[dict]:
    """One trace per status, lightest first so the members are drawn on top; all four always
    present (possibly empty) so that animation frames line up. Arrays, not lists: the
    animation's frames are checked by plotly, which checks a numpy array once, not item by
    item."""
    traces = []
    for key in reversed(STATUSES):
        rows = status[status["status"].eq(key)]
        colour = STATUS_COLOURS[key]
        traces.append(
            dict(
                type="choropleth",
                locations=rows["iso3"].to_numpy(dtype=object),
                z=np.ones(len(rows)),
                locationmode="ISO-3",
                colorscale=[[0, colour], [1, colour]],
                zmin=0,
                zmax=1,
                showscale=False,
                marker=dict(line=status_outline(key)),
                customdata=_customdata(rows),
                hovertemplate=_hover(),
                name=f"{pgettext(*STATUS_LEGEND[key])} ({number(len(rows))})",
                meta=key,
                showlegend=legend,
                legendrank=STATUSES.index(key),
            )
        )
    traces.append(_small_states_trace(status))
    return traces


def _map_layout(title: str, chrome: int = MAP_CHROME, note_shift: int = -4) -> dict:
    """The layout of every map, given whole to the Figure (no relayout steps). Its height follows
    the width the browser gives it (`meta.cica_height`): the map fills the page's width, on a
    desktop and on a phone; `height` is the size at a 1120 px wide column, until then."""
    bottom = chrome - 95
    return dict(
        title=chart_title(title),
        geo=region_geo(),
        height=round(1120 * MAP_ASPECT) + chrome,
        meta=dict(cica_height=dict(per_width=MAP_ASPECT, plus=chrome, min=260)),
        margin=dict(l=0, r=0, t=95, b=bottom),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"),
        annotations=[
            dict(
                text=wrap_note(_(SOURCE_NOTE)),
                xref="paper",
                yref="paper",
                x=0,
                y=0,
                xanchor="left",
                yanchor="top",
                yshift=note_shift,
                showarrow=False,
                font=dict(size=11),
            )
        ],
    )


def choropleth(status: pd.DataFrame, year: int) -> go.Figure:
    """Members dark, observers light, former observers lighter still, as of the end of `year`."""
    layout = _map_layout(_("CICA members and observers, {date}").format(date=format_date(year_end(year), "day")))
    if status.empty:
        layout["annotations"].append(
            dict(
                text=_("No member or observer state on record as of {year}").format(year=year),
                xref="paper",
                yref="paper",
                x=0.5,
                y=0.5,
                showarrow=False,
                font=dict(size=16),
            )
        )
    return fast_figure(_status_traces(status), layout)


def growth_animation(frames: dict[int, pd.DataFrame], start: int | None = None) -> go.Figure:
    """The same map with one animation frame per year and a play button (runs in the browser only)."""
    years = sorted(frames)
    if not years:
        return choropleth(pd.DataFrame(columns=["iso3", "status"]), start or 0)
    start = start if start in frames else years[-1]
    step_args = dict(mode="immediate", frame=dict(duration=450, redraw=True), transition=dict(duration=0))
    layout = _map_layout(_("CICA's growth, year by year (▶ Play below)"), chrome=MAP_CHROME + 120, note_shift=-125)
    layout.update(
        updatemenus=[
            dict(
                type="buttons",
                direction="left",
                x=0,
                y=-0.02,
                xanchor="left",
                yanchor="top",
                pad=dict(t=30, r=8),
                showactive=False,
                buttons=[
                    dict(label=_("▶ Play"), method="animate", args=[None, {**step_args, "fromcurrent": False}]),
                    dict(label=_("❚❚ Pause"), method="animate", args=[[None], dict(mode="immediate", frame=dict(duration=0))]),
                ],
            )
        ],
        sliders=[
            dict(
                active=years.index(start),
                x=0.2,
                len=0.8,
                y=-0.02,
                yanchor="top",
                pad=dict(t=30),
                currentvalue=dict(prefix=_("As of the end of "), font=dict(size=13), xanchor="right", offset=12),
                steps=[dict(label=str(y), method="animate", args=[[str(y)], step_args]) for y in years],
            )
        ],
    )
    return go.Figure(
        data=_status_traces(frames[start]),
        frames=[go.Frame(name=str(y), data=_status_traces(frames[y])) for y in years],
        layout=layout,
    )


def _step_traces(steps: pd.DataFrame, end: pd.Timestamp) -> list[dict]:
    """The count as a step line to the end of the axis, and a labelled marker per accession."""
    x = [pd.Timestamp(year=1992, month=1, day=1), *steps["date"], end]
    y = [0, *steps["count"], int(steps["count"].iloc[-1])]
    line = dict(
        type="scatter", x=x, y=y, mode="lines", line=dict(shape="hv", color=ACCENT, width=2.5), hoverinfo="skip", showlegend=False
    )
    hover = (
        "<b>" + steps["date_text"].map(html.escape) + "</b>: " + steps["names"].map(html.escape)
        + "<br>" + [count(n, "{n} member", "{n} members") for n in steps["count"]]
    )  # fmt: skip
    positions = ["top right" if i == 0 else "top left" if i % 2 else "bottom right" for i in range(len(steps))]
    marks = dict(
        type="scatter",
        x=steps["date"],
        y=steps["count"],
        mode="markers+text",
        marker=dict(color=ACCENT, size=7),
        text=steps["label"].to_numpy(dtype=object),
        textposition=positions,
        textfont=dict(size=10),
        hovertext=hover.to_numpy(dtype=object),
        hoverinfo="text",
        showlegend=False,
        name=_("accessions"),
    )
    return [line, marks]


def _imprecise_shades(steps: pd.DataFrame) -> list[dict]:
    """A shade over the whole year or month of each step whose date is known only that far."""
    shaded = steps[steps["date_precision"].ne("day")]
    return [
        dict(
            type="rect",
            xref="x",
            yref="paper",
            x0=start,
            x1=stop + pd.Timedelta(days=1),
            y0=0,
            y1=1,
            fillcolor=rgba(EDGE, 0.3),  # a neutral shade on either theme
            line=dict(width=0),
            layer="below",
        )
        for start, stop in zip(shaded["date"], shaded["period_end"])
    ]


def step_chart(steps: pd.DataFrame, year: int, last_year: int) -> go.Figure:
    """Member count over time; each step labelled with who joined. A step whose date is known only
    to the year or month is shaded over that whole period."""
    end = year_end(last_year)
    as_of = year_end(year)
    data: list[dict] = []
    shapes: list[dict] = []
    annotations: list[dict] = []
    if steps.empty:
        annotations.append(dict(text="No accessions on record", x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False))
    else:
        data = _step_traces(steps, end)
        shapes = _imprecise_shades(steps)
    shapes.append(
        dict(type="line", xref="x", yref="paper", x0=as_of, x1=as_of, y0=0, y1=1, line=dict(color=EDGE, width=1, dash="dot"))
    )
    annotations += [
        dict(
            x=as_of,
            y=1,
            yref="paper",
            text=_("as of {year}").format(year=year),
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            font=dict(size=11),
        ),
        dict(
            text=wrap_note(_("Shaded: date known only to the year or month. Source: members.csv.")),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            yshift=-40,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            font=dict(size=10),
        ),
    ]
    layout = dict(
        title=chart_title(_("Member states over time")),
        height=390,
        margin=dict(l=10, r=10, t=80, b=70),
        xaxis=dict(range=[pd.Timestamp(year=1992, month=1, day=1), end], title=None),
        yaxis=dict(title=dict(text=_("members")), rangemode="tozero", range=[0, 32]),
        shapes=shapes,
        annotations=annotations,
    )
    return fast_figure(data, layout)


def chair_map(handovers: pd.DataFrame, terms: pd.DataFrame) -> go.Figure:
    """The chairmanship hand-overs on the same map as the members: a line from each chair's
    capital to the next one's, numbered in order, and each capital named (hover: the dates)."""
    data: list[dict] = []
    for i, r in enumerate(handovers.itertuples(), start=1):
        a, b = CAPITALS.get(r.from_iso3), CAPITALS.get(r.to_iso3)
        if a is None or b is None:
            continue
        tip = html.escape(f"{i}. {r.tooltip}")
        data.append(
            dict(
                type="scattergeo",
                lat=[a[1], b[1]],
                lon=[a[2], b[2]],
                mode="lines",
                line=dict(color=TIMELINE_COLOURS["chairmanship"], width=3),
                hoverinfo="text",
                text=[tip, tip],
                name=f"hand-over {i}",
                showlegend=False,
            )
        )
        data.append(
            dict(
                type="scattergeo",
                lat=[(a[1] + b[1]) / 2],
                lon=[(a[2] + b[2]) / 2],
                mode="markers+text",
                marker=dict(size=20, color=LABEL_BOX, line=dict(color=TIMELINE_COLOURS["chairmanship"], width=2)),
                text=[str(i)],
                textfont=dict(color=INK, size=12, weight=700),
                hovertext=[tip],
                hoverinfo="text",
                name=f"hand-over {i} number",
                showlegend=False,
            )
        )
    caps = [r for r in terms.itertuples() if r.iso3 in CAPITALS]
    data.append(
        dict(
            type="scattergeo",
            lat=[CAPITALS[r.iso3][1] for r in caps],
            lon=[CAPITALS[r.iso3][2] for r in caps],
            mode="markers+text",
            marker=dict(size=10, color=STATUS_COLOURS["founding member"], line=dict(color=GAP, width=1.5)),
            text=[html.escape(f"{_(CAPITALS[r.iso3][0])} ({r.name})") for r in caps],
            textposition=[LABEL_POSITIONS.get(r.iso3, "bottom center") for r in caps],
            textfont=dict(size=13),
            hovertext=[html.escape(r.tooltip) for r in caps],
            hoverinfo="text",
            name=_("chairing states' capitals"),
            showlegend=False,
        )
    )
    layout = _map_layout(_("Chairmanship hand-overs, in order (orange lines)"))
    layout["annotations"][0]["text"] = wrap_note(
        _("Source: CICA Dashboard data (chairmanships.csv); the dates are in the table below.")
    )
    return fast_figure(data, layout)
