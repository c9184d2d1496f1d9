"""Dates shown at the precision they are known to: "2011", "May 2014", "13 Oct 2022".

A date known only to the year is stored as 1 January; drawing or printing it
as a day would claim more than the sources say.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

FORMATS = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}


def format_date(value: pd.Timestamp | None, precision: str | None) -> str:
    """One date as text at its precision; empty when unknown."""
    if value is None or pd.isna(value):
        return ""
    return value.strftime(FORMATS.get(precision or "day", FORMATS["day"]))


def format_dates(values: pd.Series, precisions: pd.Series | str) -> pd.Series:
    """A column of dates as text, each at its own precision (vectorised per precision)."""
    if isinstance(precisions, str):
        precisions = pd.Series(precisions, index=values.index)
    out = pd.Series("", index=values.index, dtype="str")
    for prec, fmt in FORMATS.items():
        mask = precisions.fillna("day").eq(prec) & values.notna()
        if mask.any():
            out[mask] = values[mask].dt.strftime(fmt)
    return out


def format_span(start: pd.Timestamp, end: pd.Timestamp | None, precision: str | None) -> str:
    """A date or a date range: "12–13 Oct 2022", "28 Aug – 2 Sep 2023"."""
    if end is None or pd.isna(end) or end == start:
        return format_date(start, precision)
    if precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.strftime('%-d %b %Y')}"
        return f"{start.strftime('%-d %b')} – {end.strftime('%-d %b %Y')}"
    return f"{format_date(start, precision)} – {format_date(end, precision)}"


def period_end(start: pd.Series, precision: pd.Series) -> pd.Series:
    """The last day a date of the given precision may stand for (the day, month end or year end)."""
    end = start.copy()
    month = precision.eq("month")
    year = precision.eq("year")
    end[month] = start[month] + pd.offsets.MonthEnd(0)
    end[year] = start[year] + pd.offsets.YearEnd(0)
    return end


PLAN_PASSED = "planned for a date now past; no source in the record yet says it was held"
NO_RECORD_HELD = "the date has passed, and no source in the record yet says it was held"


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
        out[same_year] = start[same_year].dt.strftime("%-d %b") + " – " + last[same_year]
    if other.any():
        out[other] = first[other] + " – " + last[other]
    return out
