"""The timeline: milestones and chairmanships as items in lanes, from the 1992 initiative to today.

Everything here is pure (data in, data or a figure out), so the page stays a
thin layout script and the rules (what is a bar, what is a point, what a filter
keeps) are tested without Streamlit.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from cica_dash.data.dates import PLAN_PASSED, format_date, format_span, period_end, plan_date_passed
from cica_dash.data.load import Dataset
from cica_dash.figures.fast_figure import fast_figure
from cica_dash.figures.palette import EDGE, GAP, INK, TIMELINE_COLOURS, TRANSPARENT, chart_title, outline_for, rgba, wrap_note

# Lanes top to bottom; the keys are the milestone categories (the link vocabulary).
LANES: dict[str, str] = {
    "initiative": "Initiative",
    "chairmanship": "Chairmanships",
    "summit": "Summits",
    "ministerial": "Ministerial meetings",
    "accession": "Accessions",
    "document": "Founding documents",
    "institution": "Institutions",
    "anniversary": "Anniversaries",
    "partnership": "Partnerships",
}

PRESET_25 = "First 25 years (1992–2017)"
PRESET_ALL = "Everything"
PRESET_CUSTOM = "Custom"
PRESETS: dict[str, tuple[int, int] | None] = {PRESET_25: (1992, 2017), PRESET_ALL: None, PRESET_CUSTOM: None}

SYMBOLS = {"summit": "diamond", "initiative": "star", "accession": "triangle-up", "document": "square"}
ITEM_COLUMNS = [
    "start",
    "end",
    "precision",
    "date_text",
    "category",
    "style",
    "planned",
    "is_span",
    "label",
    "title",
    "place",
    "iso3",
    "description",
    "source_url",
]


def _clean_note(note: object) -> str:
    """The first, readable part of a notes cell: no 'also:' lists, no bare URLs in brackets."""
    if not isinstance(note, str) or not note.strip():
        return ""
    text = note.split(" also:")[0]
    text = re.sub(r"\s*\((?:https?://|SEED)[^)]*\)", "", text)
    return text.strip()


def chairmanship_items(ds: Dataset, today: date) -> pd.DataFrame:
    """One bar per chairmanship; one without an end date runs to `today` (it is ongoing)."""
    ch = ds.chairmanships
    names = dict(zip(ds.members["iso3"], ds.members["name"]))
    now = pd.Timestamp(today)
    rows = []
    for r in ch.itertuples(index=False):
        ongoing = pd.isna(r.end_date)
        end = now if ongoing else r.end_date
        if ongoing:
            text = f"{format_date(r.start_date, r.start_precision)} – today (ongoing)"
        elif r.start_precision == r.end_precision:
            text = format_span(r.start_date, r.end_date, r.start_precision)
        else:
            text = f"{format_date(r.start_date, r.start_precision)} – {format_date(r.end_date, r.end_precision)}"
        name = names.get(r.iso3, r.iso3)
        rows.append(
            {
                "start": r.start_date,
                "end": end,
                "precision": r.start_precision,
                "date_text": text,
                "category": "chairmanship",
                "style": "ongoing" if ongoing else "",
                "planned": False,
                "is_span": True,
                "label": name,
                "title": f"Chairmanship of {name}",
                "place": "",
                "iso3": r.iso3,
                "description": _clean_note(r.notes),
                "source_url": r.source_url,
            }
        )
    return pd.DataFrame(rows, columns=ITEM_COLUMNS)


def milestone_items(ds: Dataset) -> pd.DataFrame:
    """Milestones as items: a date known to the day is a point (a multi-day meeting keeps its
    end for the text); a date known only to the month or year spans that month or year."""
    ms = ds.milestones
    prec = ms["date_precision"].fillna("day")
    fuzzy = prec.isin(["month", "year"])
    end = ms["end_date"].where(ms["end_date"].notna(), ms["date"])
    end = end.where(~fuzzy, period_end(ms["date"], prec))
    ministerial = ms["category"].eq("ministerial")
    style = pd.Series("", index=ms.index, dtype="str")
    style[ministerial & ms["number"].notna()] = "numbered"
    style[ministerial & ms["number"].isna()] = "informal"
    return pd.DataFrame(
        {
            "start": ms["date"],
            "end": end,
            "precision": prec,
            "date_text": [format_span(s, e, p) for s, e, p in zip(ms["date"], ms["end_date"], prec)],
            "category": ms["category"],
            "style": style,
            "planned": ms["status"].eq("planned"),
            "is_span": fuzzy,
            "label": [_ordinal(int(n)) if c == "summit" and pd.notna(n) else "" for c, n in zip(ms["category"], ms["number"])],
            "title": ms["title"],
            "place": ms["place"].fillna(""),
            "iso3": ms["iso3"].fillna(""),
            "description": ms["description"].fillna(""),
            "source_url": ms["source_url"],
        },
        columns=ITEM_COLUMNS,
    )


def timeline_items(ds: Dataset, today: date | None = None) -> pd.DataFrame:
    """Every item of the timeline, in date order (lane order breaks ties)."""
    today = today or date.today()
    milestones = milestone_items(ds).assign(plan_passed=plan_date_passed(ds.milestones, today).to_numpy(dtype=bool))
    chairs = chairmanship_items(ds, today).assign(plan_passed=False)
    items = pd.concat([milestones, chairs], ignore_index=True)
    # flags stay boolean when one of the two tables is empty (concat would make them objects)
    items = items.astype({"planned": bool, "plan_passed": bool, "is_span": bool})
    order = {c: i for i, c in enumerate(LANES)}
    items["_lane"] = items["category"].map(order)
    items = items.sort_values(["start", "_lane", "title"], kind="stable").drop(columns="_lane").reset_index(drop=True)
    # the hover text is the costly part of a figure and depends on the item only: made once here
    items["hover"] = [hover_text(r) for r in items.to_dict("records")]
    return items


def filter_items(
    items: pd.DataFrame,
    year_from: int | None = None,
    year_to: int | None = None,
    categories: Iterable[str] = (),
    countries: Iterable[str] = (),
) -> pd.DataFrame:
    """Keep the items that overlap the years [year_from, year_to], are in one of `categories`
    and concern one of `countries` (by ISO3; a chairmanship by its chair). Empty = no filter."""
    keep = pd.Series(True, index=items.index)
    if year_from is not None:
        keep &= items["end"] >= pd.Timestamp(year_from, 1, 1)
    if year_to is not None:
        keep &= items["start"] <= pd.Timestamp(year_to, 12, 31)
    categories, countries = list(categories), list(countries)
    if categories:
        keep &= items["category"].isin(categories)
    if countries:
        keep &= items["iso3"].isin(countries)
    return items[keep].reset_index(drop=True)


def member_growth(members: pd.DataFrame) -> pd.DataFrame:
    """The number of member states after each accession date (a step line)."""
    m = members.sort_values(["accession_date", "name"])
    rows = []
    for when, group in m.groupby("accession_date", sort=True):
        rows.append(
            {
                "date": when,
                "date_text": format_date(when, group["date_precision"].iloc[0]),
                "joined": ", ".join(group["name"]),
                "added": len(group),
            }
        )
    out = pd.DataFrame(rows, columns=["date", "date_text", "joined", "added"])
    out["count"] = out["added"].cumsum()
    return out


def preset_of(year_from: int | None, year_to: int | None) -> str:
    """The preset a year range belongs to (for the radio when a link is opened)."""
    if year_from is None and year_to is None:
        return PRESET_ALL
    if (year_from or 1992, year_to) == PRESETS[PRESET_25]:
        return PRESET_25
    return PRESET_CUSTOM


def range_for(preset: str, years: tuple[int, int], first: int, last: int) -> tuple[int | None, int | None]:
    """The (from, to) of the state for the chosen preset or slider; open ends are None."""
    fixed = PRESETS.get(preset)
    if fixed is not None:
        return fixed
    if preset == PRESET_ALL:
        return None, None
    lo, hi = years
    return (None if lo <= first else lo), (None if hi >= last else hi)


def readable_list(items: pd.DataFrame) -> pd.DataFrame:
    """The shown items as a table in date order, for reading, copying and citing."""
    what = items["category"].map(LANES).fillna(items["category"])
    what = what.where(~items["style"].eq("informal"), "Ministerial meetings (informal/special)")
    what = what.where(~items["style"].eq("numbered"), "Ministerial meetings (numbered)")
    what = what.where(~items["planned"], what + " (planned)")
    what = what.where(~items["plan_passed"], what + f": {PLAN_PASSED}")
    is_url = items["source_url"].str.match(r"https?://")
    return pd.DataFrame(
        {
            "Date": items["date_text"],
            "What": what,
            "Title": items["title"],
            "Place": items["place"],
            "Decided or adopted": items["description"],
            "Source": items["source_url"].where(is_url, None),
            "Reference": items["source_url"].where(~is_url, None),
        }
    ).reset_index(drop=True)


def _esc(text: object) -> str:
    return html.escape(str(text)) if isinstance(text, str) else ""


def _wrap(text: str, width: int = 70) -> str:
    return "<br>".join(_esc(line) for line in textwrap.wrap(text, width)) if text else ""


def hover_text(row: Mapping[str, Any]) -> str:
    """What a pointer over an item shows: title, date at its precision, place, what was decided, source."""
    title = _esc(row["title"])
    if row["planned"] and "planned" not in row["title"].lower():
        title += " (planned)"
    lines = [f"<b>{title}</b>", _esc(row["date_text"]) + (f" · {_esc(row['place'])}" if row["place"] else "")]
    if row["style"] == "informal":
        lines.append("<i>informal or special meeting (unnumbered)</i>")
    if row.get("plan_passed"):
        lines.append(f"<i>{PLAN_PASSED}</i>")
    elif row["planned"]:
        lines.append("<i>planned, not yet held</i>")
    if row["description"]:
        lines.append(_wrap(row["description"]))
    lines.append("Source: " + _esc(textwrap.shorten(row["source_url"], 90, placeholder="…")))
    return "<br>".join(lines)


def _legend_name(category: str, style: str, planned: bool) -> str:
    name = LANES.get(category, category)
    if style == "numbered":
        name = "Ministerial (numbered)"
    elif style == "informal":
        name = "Ministerial (informal/special)"
    elif category == "chairmanship" and style == "ongoing":
        name = "Chairmanship (ongoing, to today)"
    return f"{name} – planned" if planned else name


def _rank(category: str, style: str, planned: bool) -> int:
    """Legend entries in lane order, variants (informal, planned, ongoing) after their lane."""
    lane = list(LANES).index(category) if category in LANES else len(LANES)
    return 100 + 10 * lane + (1 if style in ("informal", "ongoing") else 0) + (2 if planned else 0)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def x_window(year_from: int | None, year_to: int | None, today: date, items: pd.DataFrame) -> list[pd.Timestamp]:
    """The visible date range: the chosen years, or 1992 to today (or the last planned item)."""
    lo = pd.Timestamp(year_from or 1992, 1, 1)
    if year_to is not None:
        hi = pd.Timestamp(year_to, 12, 31)
    else:
        hi = max([pd.Timestamp(today), *items["end"].dropna().tolist()])
    pad = (hi - lo) * 0.015
    return [lo - pad, hi + pad]


def timeline_figure(
    items: pd.DataFrame,
    growth: pd.DataFrame,
    today: date,
    window: list[pd.Timestamp],
    title: str = "CICA from the 1992 initiative to today",
) -> go.Figure:
    """Lanes of items under a member-count band, on one shared date axis.

    Items known to the day are markers (hover only: dense years stay readable);
    month- or year-precision items and chairmanships are bars across their span.
    Planned items are hollow or hatched. Empty input gives a labelled empty figure.
    """
    lanes = [c for c in LANES if c in set(items["category"])] if len(items) else []
    # laid out in pixels, so a chart with three lanes is as legible as one with nine
    band, gap, lane_px = 96, 44, 42
    plot = band + gap + lane_px * max(len(lanes), 2)
    # two rows on one date axis (the layout plotly's make_subplots gives, written out as one
    # layout dict)
    lane_axes = dict(xaxis="x2", yaxis="y2")
    data: list[dict] = []
    seen: set[str] = set()
    # markers first: the legend shows the first trace of a name
    # points: items known to the day, plus an open marker in the middle of a planned span
    # (a planned month is a sliver on a 30-year axis)
    points = items[~items["is_span"] | items["planned"]] if len(items) else items
    points = points.assign(x=points["start"] + (points["end"] - points["start"]).where(points["is_span"], pd.Timedelta(0)) / 2)
    for (cat, style, planned), group in points.groupby(["category", "style", "planned"], sort=False):
        colour = TIMELINE_COLOURS.get(cat, EDGE)
        symbol = SYMBOLS.get(cat, "circle")
        if style == "informal" or planned:
            symbol += "-open"
        # items on the same day in the same lane share one marker and one hover box
        merged = group.groupby("x", sort=True)
        hovers = merged["hover"].agg("<br>—<br>".join)
        labels = merged["label"].agg(" / ".join).to_numpy(dtype=object) if cat == "summit" else None
        name = _legend_name(cat, style, planned)
        data.append(
            dict(
                type="scatter",
                x=hovers.index,
                y=np.full(len(hovers), LANES[cat], dtype=object),
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
                **lane_axes,
            )
        )
        seen.add(name)
    # bars: chairmanships and items known only to the month or year
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
                y=np.full(len(group), LANES[cat], dtype=object),
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
                **lane_axes,
            )
        )
        seen.add(name)
    if len(growth):
        g = pd.concat(
            [growth, pd.DataFrame([{**growth.iloc[-1].to_dict(), "date": pd.Timestamp(today), "date_text": "today"}])],
            ignore_index=True,
        )
        hover = [
            f"<b>{c} member states</b><br>from {_esc(t)}" + (f"<br>joined: {_wrap(j, 60)}" if t != "today" else "")
            for c, t, j in zip(g["count"], g["date_text"], g["joined"])
        ]
        data.append(
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
                name="Member states (count)",
                showlegend=False,
                xaxis="x",
                yaxis="y",
            )
        )
    now = pd.Timestamp(today)
    annotations = [
        dict(x=now, xref="x", y=1.0, yref="paper", text="today", showarrow=False, yanchor="bottom", font=dict(size=11)),
        dict(
            # above the chart, under the title: the legend below grows on a phone and must not cover it
            text=wrap_note("Thin bars: a date known only to its month or year.")
            + "<br>"
            + wrap_note(
                "Source: CICA Dashboard data (milestones, chairmanships, members); "
                "each item's source is in its hover and in the list below."
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
    if not len(items):
        annotations.append(
            dict(text="Nothing matches the chosen filters.", xref="paper", yref="paper", x=0.5, y=0.4, showarrow=False)
        )
    bottom = 50 + 24 * -(-len(seen) // 4)  # tick labels, legend rows of about four entries
    lane_top = (plot - band - gap) / plot
    layout = dict(
        title=chart_title(wrap_note(_esc(title), 48)),
        barmode="overlay",
        height=plot + 150 + bottom,
        margin=dict(l=10, r=10, t=150, b=bottom),
        legend=dict(orientation="h", y=-40 / plot, x=0, yanchor="top"),
        hoverlabel=dict(align="left"),
        uniformtext=dict(minsize=9, mode="hide"),
        # grid colour from the theme
        xaxis=dict(anchor="y", domain=[0, 1], matches="x2", showticklabels=True, type="date", range=window, showgrid=True),
        xaxis2=dict(anchor="y2", domain=[0, 1], type="date", range=window, showgrid=True),
        yaxis=dict(anchor="x", domain=[1 - band / plot, 1], title=dict(text="Members"), rangemode="tozero", fixedrange=True),
        yaxis2=dict(
            anchor="x2",
            domain=[0, lane_top],
            type="category",
            categoryorder="array",
            categoryarray=[LANES[c] for c in reversed(lanes)],
            fixedrange=True,
        ),
        shapes=[
            dict(type="line", x0=now, x1=now, xref="x", yref="paper", y0=0, y1=1, line=dict(color=EDGE, width=1, dash="dot"))
        ],
        annotations=annotations,
    )
    return fast_figure(data, layout)
