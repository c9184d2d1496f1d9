"""Headline figures for the overview page, computed from the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from cica_dash.data.dates import NO_RECORD_HELD, format_date, format_iso_day, plan_date_passed
from cica_dash.data.i18n import _
from cica_dash.data.load import Dataset

INITIATIVE_YEAR = 1992


@dataclass(frozen=True)
class Headline:
    members: int
    founding_members: int
    observer_states: int
    observer_organisations: int
    summits_held: int
    next_summit: str | None
    ministerials_held: int
    events: int
    event_countries: int
    years_since_initiative: int
    data_as_of: str
    chair: str | None
    chair_iso3: str | None = None


def headline(ds: Dataset, today: date | None = None) -> Headline:
    """The numbers on the front page, as of `today`."""
    today = today or date.today()
    now = pd.Timestamp(today)
    m = ds.members[ds.members["accession_date"] <= now]
    obs = ds.observers[ds.observers["outcome"].eq("current")]
    ms = ds.milestones
    summits = ms[ms["category"].eq("summit")]
    held = summits[summits["status"].eq("held")]
    planned = summits[summits["status"].eq("planned")].sort_values("date")
    passed = plan_date_passed(planned, today)
    # the next summit is the first one planned for a date still to come; failing that, the last
    # one planned, with what the record does not say
    upcoming = planned[~passed]
    nxt = None
    if len(planned):
        row = upcoming.iloc[0] if len(upcoming) else planned.iloc[-1]
        nxt = f"{row['title']}, {row['place']}" if pd.notna(row["place"]) else str(row["title"])
        if not len(upcoming):
            nxt += f" ({format_date(row['date'], row['date_precision'])}: {_(NO_RECORD_HELD)})"
    ministerials = ms[ms["category"].eq("ministerial") & ms["status"].eq("held") & ms["number"].notna()]
    ch = ds.chairmanships
    current = ch[(ch["start_date"] <= now) & (ch["end_date"].isna() | (ch["end_date"] >= now))]
    names = dict(zip(ds.members["iso3"], ds.members["name"]))
    chair_iso3 = current.sort_values("start_date").iloc[-1]["iso3"] if len(current) else None
    chair = names.get(chair_iso3) if chair_iso3 else None
    return Headline(
        members=len(m),
        founding_members=int(m["founding"].sum()),
        observer_states=int(obs["kind"].eq("state").sum()),
        observer_organisations=int(obs["kind"].eq("organisation").sum()),
        summits_held=len(held),
        next_summit=nxt,
        ministerials_held=int(ministerials["number"].nunique()),
        events=len(ds.events),
        event_countries=int(ds.events["host_iso3"].nunique()),
        years_since_initiative=today.year - INITIATIVE_YEAR,
        data_as_of=format_iso_day(ds.package.get("x-accessed", "")),
        chair=chair,
        chair_iso3=chair_iso3,
    )
