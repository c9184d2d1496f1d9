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

import pandas as pd

from cica_dash.data.dates import PLAN_PASSED, format_date, format_span, period_end, plan_date_passed
from cica_dash.data.i18n import N_, _, current
from cica_dash.data.load import Dataset
from cica_dash.data.names import country_label
from cica_dash.model.membership import member_names

# Lanes top to bottom; the keys are the milestone categories (the link vocabulary).
LANES: dict[str, str] = {
    "initiative": N_("Initiative"),
    "chairmanship": N_("Chairmanships"),
    "summit": N_("Summits"),
    "ministerial": N_("Ministerial meetings"),
    "accession": N_("Accessions"),
    "document": N_("Founding documents"),
    "institution": N_("Institutions"),
    "anniversary": N_("Anniversaries"),
    "partnership": N_("Partnerships"),
}


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
    names = member_names(ds)
    now = pd.Timestamp(today)
    rows = []
    for r in ch.itertuples(index=False):
        ongoing = pd.isna(r.end_date)
        end = now if ongoing else r.end_date
        if ongoing:
            text = _("{date} – today (ongoing)").format(date=format_date(r.start_date, r.start_precision))
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
                "title": _("Chairmanship of {name}").format(name=name),
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


def milestones_beside_events(
    items: pd.DataFrame,
    year_from: int | None = None,
    year_to: int | None = None,
    countries: Iterable[str] = (),
    text: str = "",
) -> pd.DataFrame:
    """The timeline's milestones (not the chairmanships) that an events filter of years, countries
    and text selects: the same years, the state as the milestone's own, the text in its title,
    place or description (case-insensitive)."""
    categories = [c for c in LANES if c != "chairmanship"]
    out = filter_items(items, year_from, year_to, categories, countries)
    if text:
        words = out["title"].fillna("") + " " + out["place"].fillna("") + " " + out["description"].fillna("")
        out = out[words.str.contains(text, case=False, regex=False)].reset_index(drop=True)
    return out


def member_growth(members: pd.DataFrame) -> pd.DataFrame:
    """The number of member states after each accession date (a step line)."""
    m = members.sort_values(["accession_date", "name"])
    rows = []
    for when, group in m.groupby("accession_date", sort=True):
        rows.append(
            {
                "date": when,
                "date_text": format_date(when, group["date_precision"].iloc[0]),
                "joined": ", ".join(country_label(i, n) for i, n in zip(group["iso3"], group["name"])),
                "added": len(group),
            }
        )
    out = pd.DataFrame(rows, columns=["date", "date_text", "joined", "added"])
    out["count"] = out["added"].cumsum()
    return out


def readable_list(items: pd.DataFrame) -> pd.DataFrame:
    """The shown items as a table in date order, for reading, copying and citing."""
    what = items["category"].map({k: _(v) for k, v in LANES.items()}).fillna(items["category"])
    what = what.where(~items["style"].eq("informal"), _("Ministerial meetings (informal/special)"))
    what = what.where(~items["style"].eq("numbered"), _("Ministerial meetings (numbered)"))
    what = what.where(~items["planned"], what + " " + _("(planned)"))
    what = what.where(~items["plan_passed"], what + f": {_(PLAN_PASSED)}")
    is_url = items["source_url"].str.match(r"https?://")
    return pd.DataFrame(
        {
            N_("Date"): items["date_text"],
            N_("What"): what,
            N_("Title"): items["title"],
            N_("Place"): items["place"],
            N_("Decided or adopted"): items["description"],
            N_("Source"): items["source_url"].where(is_url, None),
            N_("Reference"): items["source_url"].where(~is_url, None),
        }
    ).reset_index(drop=True)


def escape_html(text: object) -> str:
    return html.escape(str(text)) if isinstance(text, str) else ""


def wrap_html(text: str, width: int = 70) -> str:
    return "<br>".join(escape_html(line) for line in textwrap.wrap(text, width)) if text else ""


def hover_text(row: Mapping[str, Any]) -> str:
    """What a pointer over an item shows: title, date at its precision, place, what was decided, source."""
    title = escape_html(row["title"])
    if row["planned"] and "planned" not in row["title"].lower():
        title += " " + _("(planned)")
    lines = [f"<b>{title}</b>", escape_html(row["date_text"]) + (f" · {escape_html(row['place'])}" if row["place"] else "")]
    if row["style"] == "informal":
        lines.append("<i>" + _("informal or special meeting (unnumbered)") + "</i>")
    if row.get("plan_passed"):
        lines.append(f"<i>{_(PLAN_PASSED)}</i>")
    elif row["planned"]:
        lines.append("<i>" + _("planned, not yet held") + "</i>")
    if row["description"]:
        lines.append(wrap_html(row["description"]))
    lines.append(_("Source: {where}").format(where=escape_html(textwrap.shorten(row["source_url"], 90, placeholder="…"))))
    return "<br>".join(lines)


def _ordinal(n: int) -> str:
    if current() == "ru":
        return f"{n}-й"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
