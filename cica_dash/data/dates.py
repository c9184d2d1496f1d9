"""Dates shown at the precision they are known to: "2011", "May 2014", "13 Oct 2022", in the
run's language (Babel's month names: "13 окт. 2022 г.").

A date known only to the year is stored as 1 January; drawing or printing it
as a day would claim more than the sources say.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pandas as pd
from babel.dates import get_month_names

from cica_dash.data.i18n import N_, current


@lru_cache(maxsize=8)
def _style(lang: str) -> tuple[dict[int, str], dict[int, str], str]:
    """Per language: month names for a day's date and for a month alone (Babel's CLDR data:
    "Oct", "окт."; "Oct", "октябрь"), and what follows a year ("", " г.")."""
    day_months = get_month_names("abbreviated", context="format", locale=lang)
    if lang == "ru":
        return dict(day_months), dict(get_month_names("wide", context="stand-alone", locale=lang)), " г."
    return dict(day_months), dict(day_months), ""


def _day_month(ts: pd.Timestamp, lang: str) -> str:
    return f"{ts.day} {_style(lang)[0][ts.month]}"


def format_date(value: pd.Timestamp | None, precision: str | None) -> str:
    """One date as text at its precision, in the run's language; empty when unknown:
    "5 Oct 1992", "Oct 2014", "2011"; "5 окт. 1992 г.", "октябрь 2014 г.", "2011 г."."""
    if value is None or pd.isna(value):
        return ""
    lang = current()
    _, months, year_suffix = _style(lang)
    if precision == "year":
        return f"{value.year}{year_suffix}"
    if precision == "month":
        return f"{months[value.month]} {value.year}{year_suffix}"
    return f"{_day_month(value, lang)} {value.year}{year_suffix}"


def format_iso_day(text: object) -> str:
    """An ISO date written as text (the data package's `x-accessed`) in the one date style ("1 Dec
    2026"); anything that is not a date is returned as it is."""
    day = pd.to_datetime(text, errors="coerce") if isinstance(text, str) else pd.NaT
    return format_date(day, "day") if pd.notna(day) else str(text if text is not None else "")


def format_dates(values: pd.Series, precisions: pd.Series | str) -> pd.Series:
    """A column of dates as text, each at its own precision (vectorised: no loop over the rows)."""
    if isinstance(precisions, str):
        precisions = pd.Series(precisions, index=values.index)
    day_months, months, year_suffix = _style(current())
    out = pd.Series("", index=values.index, dtype="str")
    known = values.notna()
    if not known.any():
        return out
    precisions = precisions.fillna("day")
    v = values[known]
    year = v.dt.year.astype(int).astype(str) + year_suffix
    by_precision = {
        "year": year,
        "month": v.dt.month.map(months) + " " + year,
        "day": v.dt.day.astype(int).astype(str) + " " + v.dt.month.map(day_months) + " " + year,
    }
    kind = precisions[known].where(precisions[known].isin(["year", "month"]), "day")
    for prec, text in by_precision.items():
        mask = kind.eq(prec)
        if mask.any():
            out[mask[mask].index] = text[mask]
    return out


def format_span(start: pd.Timestamp, end: pd.Timestamp | None, precision: str | None) -> str:
    """A date or a date range: "12–13 Oct 2022", "28 Aug – 2 Sep 2023"."""
    if end is None or pd.isna(end) or end == start:
        return format_date(start, precision)
    if precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{format_date(end, 'day')}"
        return f"{_day_month(start, current())} – {format_date(end, 'day')}"
    return f"{format_date(start, precision)} – {format_date(end, precision)}"


def period_end(start: pd.Series, precision: pd.Series) -> pd.Series:
    """The last day a date of the given precision may stand for (the day, month end or year end)."""
    end = start.copy()
    month = precision.eq("month")
    year = precision.eq("year")
    end[month] = start[month] + pd.offsets.MonthEnd(0)
    end[year] = start[year] + pd.offsets.YearEnd(0)
    return end


PLAN_PASSED = N_("planned for a date now past; no source in the record yet says it was held")
NO_RECORD_HELD = N_("the date has passed, and no source in the record yet says it was held")


def last_day(start: pd.Series, end: pd.Series, precision: pd.Series) -> pd.Series:
    """The last day a dated item may fall on: its end (its start when it has none), carried to
    the end of its month or year when that is all that is known."""
    return period_end(end.where(end.notna(), start), precision)


def plan_date_passed(milestones: pd.DataFrame, today: date) -> pd.Series:
    """Planned milestones whose last possible day is before `today`. The record has no source
    yet saying they were held, so the pages say that, rather than "planned" for a date gone by
    or "held" without a source."""
    passed = last_day(milestones["date"], milestones["end_date"], milestones["date_precision"]) < pd.Timestamp(today)
    return milestones["status"].eq("planned") & passed


def format_spans(start: pd.Series, end: pd.Series, precision: pd.Series) -> pd.Series:
    """`format_span` for whole columns, without a Python loop over the rows."""
    first = format_dates(start, precision)
    last = format_dates(end, precision)
    out = first.copy()
    ranged = end.notna() & (end != start)
    day = ranged & precision.eq("day")
    same_month = day & (start.dt.year == end.dt.year) & (start.dt.month == end.dt.month)
    same_year = day & (start.dt.year == end.dt.year) & ~same_month
    other = ranged & ~same_month & ~same_year
    if same_month.any():  # (an empty mask still costs a pandas assignment)
        out[same_month] = start[same_month].dt.day.astype(str) + "–" + last[same_month]
    if same_year.any():
        day_months = _style(current())[0]
        out[same_year] = (
            start[same_year].dt.day.astype(int).astype(str)
            + " "
            + start[same_year].dt.month.map(day_months)
            + " – "
            + last[same_year]
        )
    if other.any():
        out[other] = first[other] + " – " + last[other]
    return out
