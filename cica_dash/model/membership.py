"""Who belonged to CICA when: members and observers as of any year, and the steps of its growth.

A year means "as of 31 December of that year". A date known only to the month
or year counts from the start of that month or year (the stored first day), and
an observer listing that ends with "last listed 2006" still counts through 2006.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from cica_dash.data.dates import format_date
from cica_dash.data.i18n import N_, _, count, pgettext
from cica_dash.data.load import Dataset
from cica_dash.data.names import country_label
from cica_dash.data.sources import source_columns, source_label

# darkest first: the order the map legend and the tables use
STATUSES: tuple[str, ...] = ("founding member", "member", "observer", "former observer")
MEMBER_STATUSES = frozenset({"founding member", "member"})
STATUS_COLUMNS = [
    "iso3",
    "name",
    "status",
    "founding",
    "date",
    "date_precision",
    "date_text",
    "since_text",
    "observer_text",
    "source_url",
    "source",
]


def year_end(year: int) -> pd.Timestamp:
    """The moment a year stands for on this page: its last day."""
    return pd.Timestamp(year=year, month=12, day=31)


def without_blank_reference(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the "Reference" column when every source of the table is a web page."""
    return frame if frame["Reference"].notna().any() else frame.drop(columns="Reference")


def _last_day(value: pd.Timestamp, precision: str | None) -> pd.Timestamp:
    if precision == "year":
        return value + pd.offsets.YearEnd(0)
    if precision == "month":
        return value + pd.offsets.MonthEnd(0)
    return value


def observer_period_text(row: pd.Series) -> str:
    """An observer listing in words, honest about what kind of date `since` is."""
    since = row["since"]
    if pd.isna(since):
        start = _("start date not on record")
    elif row.get("since_basis") == "earliest_record":
        start = _("since at least {date}").format(date=format_date(since, row["date_precision"]))
    else:
        start = _("from {date}").format(date=format_date(since, row["date_precision"]))
    until = row["until"]
    if pd.isna(until):
        return _("observer, {start}").format(start=start)
    end_text = format_date(until, row["until_precision"])
    if row["outcome"] == "withdrawn":
        return _("observer, {start}; last listed {date}").format(start=start, date=end_text)
    if row["outcome"] == "became_member":
        return _("observer, {start}; member from {date}").format(start=start, date=end_text)
    return _("observer, {start} to {date}").format(start=start, date=end_text)


def observer_states(ds: Dataset) -> pd.DataFrame:
    obs = ds.observers
    return obs[obs["kind"].eq("state") & obs["iso3"].notna()]


def status_as_of(ds: Dataset, year: int, today: date | None = None) -> pd.DataFrame:
    """Every state's status at the end of `year`: one row per state that was a member,
    an observer or a former observer by then, with its dates as text at their precision.

    An observer whose start is not on record is only counted in the current year,
    the one time the sources vouch for.
    """
    today = today or date.today()
    end = year_end(year)
    rows: list[dict] = []
    members = ds.members[ds.members["accession_date"] <= end]
    member_codes = set(members["iso3"])
    obs = observer_states(ds)
    obs_text = {iso: "; ".join(observer_period_text(r) for _row, r in g.iterrows()) for iso, g in obs.groupby("iso3")}
    for _row, m in members.iterrows():
        text = format_date(m["accession_date"], m["date_precision"])
        rows.append(
            {
                "iso3": m["iso3"],
                "name": country_label(m["iso3"], m["name"]),
                "status": "founding member" if m["founding"] else "member",
                "founding": bool(m["founding"]),
                "date": m["accession_date"],
                "date_precision": m["date_precision"],
                "date_text": text,
                "since_text": _("member since {date}").format(date=text),
                "observer_text": obs_text.get(m["iso3"], ""),
                "source_url": m["source_url"],
            }
        )
    seen: set[str] = set()
    for _row, o in obs.sort_values("since").iterrows():
        iso = o["iso3"]
        if iso in member_codes or iso in seen:
            continue
        since = o["since"]
        started = since <= end if pd.notna(since) else year >= today.year
        if not started:
            continue
        if pd.isna(o["until"]) or _last_day(o["until"], o["until_precision"]) >= end:
            status = "observer"
        elif o["outcome"] == "withdrawn":
            status = "former observer"
        else:
            continue  # became a member later than it stopped being listed: not a state of this year
        seen.add(iso)
        rows.append(
            {
                "iso3": iso,
                "name": country_label(iso, o["name"]),
                "status": status,
                "founding": False,
                "date": since,
                "date_precision": o["date_precision"],
                "date_text": format_date(since, o["date_precision"]) or _("not on record"),
                "since_text": observer_period_text(o),
                "observer_text": obs_text.get(iso, ""),
                "source_url": o["source_url"],
            }
        )
    out = pd.DataFrame(rows, columns=STATUS_COLUMNS[:-1])
    out["source"] = [source_label(s) for s in out["source_url"]]
    order = {s: i for i, s in enumerate(STATUSES)}
    out = out.sort_values(["status", "date", "name"], key=lambda c: c.map(order) if c.name == "status" else c)
    return out.reset_index(drop=True)[STATUS_COLUMNS]


@dataclass(frozen=True)
class Counts:
    members: int
    founding_members: int
    observers: int
    former_observers: int


def counts(status: pd.DataFrame) -> Counts:
    """Head counts of a `status_as_of` table."""
    s = status["status"]
    return Counts(
        members=int(s.isin(MEMBER_STATUSES).sum()),
        founding_members=int(s.eq("founding member").sum()),
        observers=int(s.eq("observer").sum()),
        former_observers=int(s.eq("former observer").sum()),
    )


STATUS_WORDS = {
    "founding member": N_("founding member"),
    "member": N_("member"),
    "observer": N_("observer"),
    "former observer": N_("former observer"),
    "not a member or observer": N_("not a member or observer"),
}


def status_in_a_word(status: str) -> str:
    """A state's status short enough for a metric's value (in Russian "основатель", where the
    tables say "государство-основатель", which a metric cuts on a phone)."""
    words = {
        "founding member": pgettext("status, short", "founding member"),
        "member": pgettext("status, short", "member"),
        "observer": pgettext("status, short", "observer"),
        "former observer": pgettext("status, short", "former observer"),
        "not a member or observer": pgettext("status, short", "not a member or observer"),
    }
    return words.get(status, status)


def member_list(status: pd.DataFrame) -> pd.DataFrame:
    """The text alternative of the map: one row per state with its dates and source (the
    headers in English, the data API's columns; the page shows them in its language)."""
    out = pd.DataFrame(
        {
            N_("State"): status["name"],
            "ISO3": status["iso3"],
            N_("Status"): status["status"].map({k: _(w) for k, w in STATUS_WORDS.items()}),
            N_("Since"): status["since_text"],
            **source_columns(status["source_url"]),
            N_("Observer record"): status["observer_text"],
        }
    )
    return without_blank_reference(out)


def member_steps(ds: Dataset) -> pd.DataFrame:
    """The member count after each accession date, with who joined: the steps of the growth chart.

    `period_end` is the last day an imprecise date may stand for, so the chart can
    draw "2011" as the whole year.
    """
    m = ds.members.sort_values(["accession_date", "name"]).copy()
    # the founders are one step: all signed the Almaty Act, and their dates are "1999" at best
    founders = m["founding"]
    if founders.any():
        first = m.loc[founders, "accession_date"].min()
        m.loc[founders, "accession_date"] = pd.Timestamp(year=first.year, month=1, day=1)
        m.loc[founders, "date_precision"] = "year"
    rows = []
    total = 0
    for (when, prec), g in m.groupby(["accession_date", "date_precision"], sort=True):
        total += len(g)
        names = ", ".join(country_label(i, n) for i, n in zip(g["iso3"], g["name"]))
        founding = bool(g["founding"].all())
        label = count(len(g), "{n} founding member", "{n} founding members") if founding else "+ " + names  # names, not codes
        rows.append(
            {
                "date": when,
                "date_precision": prec,
                "period_end": _last_day(when, prec),
                "date_text": format_date(when, prec),
                "count": total,
                "added": len(g),
                "iso3": ";".join(g["iso3"]),
                "names": names,
                "label": label,
            }
        )
    columns = ["date", "date_precision", "period_end", "date_text", "count", "added", "iso3", "names", "label"]
    return pd.DataFrame(rows, columns=columns)


def status_by_year(ds: Dataset, years: range, today: date | None = None) -> dict[int, pd.DataFrame]:
    """`status_as_of` for each year: the frames of the growth animation."""
    return {y: status_as_of(ds, y, today) for y in years}


def member_names(ds: Dataset) -> dict[str, str]:
    """ISO3 -> name of every member state, in the run's language."""
    return {iso: country_label(iso, name) for iso, name in zip(ds.members["iso3"], ds.members["name"])}


def state_names(ds: Dataset) -> dict[str, str]:
    """ISO3 -> name of every member and observer state, as the record names them."""
    names = dict(zip(observer_states(ds)["iso3"], observer_states(ds)["name"]))
    names.update(zip(ds.members["iso3"], ds.members["name"]))
    return names


def selected_country(points: list[dict], known: set[str] | frozenset[str]) -> str | None:
    """The ISO3 code of a clicked map shape (plotly sends its `location`) or dot (the last
    item of its `customdata`), if it is one we know."""
    for p in points or []:
        code = p.get("location") or (p.get("customdata") or [None])[-1]
        if isinstance(code, str) and code.upper() in known:
            return code.upper()
    return None
