"""Who belonged to CICA when, and everything the tables say about one country.

A year means "as of 31 December of that year". A date known only to the month
or year counts from the start of that month or year (the stored first day), and
an observer listing that ends with "last listed 2006" still counts through 2006.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from cica_dash.data.dates import PLAN_PASSED, format_date, format_span, format_spans, plan_date_passed
from cica_dash.data.load import Dataset
from cica_dash.data.names import country_name, short_dimension
from cica_dash.data.sources import source_columns, source_label
from cica_dash.model.events import held_online
from cica_dash.model.matrix import period_texts

# darkest first: the order the map legend and the tables use
STATUSES: tuple[str, ...] = ("founding member", "member", "observer", "former observer")
MEMBER_STATUSES = frozenset({"founding member", "member"})
MEETING_CATEGORIES = ("summit", "ministerial")
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

PROFILE_EVENTS = 100  # a profile lists at most this many hosted events; the Events page has them all
_URL = re.compile(r"https?://[^\s;]+")


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
        start = "start date not on record"
    elif row.get("since_basis") == "earliest_record":
        start = f"since at least {format_date(since, row['date_precision'])}"
    else:
        start = f"from {format_date(since, row['date_precision'])}"
    until = row["until"]
    if pd.isna(until):
        return f"observer, {start}"
    end_text = format_date(until, row["until_precision"])
    if row["outcome"] == "withdrawn":
        return f"observer, {start}; last listed {end_text}"
    if row["outcome"] == "became_member":
        return f"observer, {start}; member from {end_text}"
    return f"observer, {start} to {end_text}"


def _observer_states(ds: Dataset) -> pd.DataFrame:
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
    obs = _observer_states(ds)
    obs_text = {iso: "; ".join(observer_period_text(r) for _, r in g.iterrows()) for iso, g in obs.groupby("iso3")}
    for _, m in members.iterrows():
        text = format_date(m["accession_date"], m["date_precision"])
        rows.append(
            {
                "iso3": m["iso3"],
                "name": m["name"],
                "status": "founding member" if m["founding"] else "member",
                "founding": bool(m["founding"]),
                "date": m["accession_date"],
                "date_precision": m["date_precision"],
                "date_text": text,
                "since_text": f"member since {text}",
                "observer_text": obs_text.get(m["iso3"], ""),
                "source_url": m["source_url"],
            }
        )
    seen: set[str] = set()
    for _, o in obs.sort_values("since").iterrows():
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
                "name": o["name"],
                "status": status,
                "founding": False,
                "date": since,
                "date_precision": o["date_precision"],
                "date_text": format_date(since, o["date_precision"]) or "not on record",
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


def member_list(status: pd.DataFrame) -> pd.DataFrame:
    """The text alternative of the map: one row per state with its dates and source."""
    out = pd.DataFrame(
        {
            "State": status["name"],
            "ISO3": status["iso3"],
            "Status": status["status"],
            "Since": status["since_text"],
            **source_columns(status["source_url"]),
            "Observer record": status["observer_text"],
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
        names = ", ".join(g["name"])
        label = f"{len(g)} founding members" if bool(g["founding"].all()) else "+ " + names  # names, not codes
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


def chair_handovers(ds: Dataset) -> pd.DataFrame:
    """Consecutive chairmanships as hand-overs (from one chair to the next, on the date the next began)."""
    ch = ds.chairmanships.sort_values("start_date").reset_index(drop=True)
    names = _names(ds)
    rows = []
    for prev, nxt in zip(ch.iloc[:-1].itertuples(), ch.iloc[1:].itertuples()):
        when = format_date(nxt.start_date, nxt.start_precision)
        rows.append(
            {
                "from_iso3": prev.iso3,
                "to_iso3": nxt.iso3,
                "from_name": names.get(prev.iso3, prev.iso3),
                "to_name": names.get(nxt.iso3, nxt.iso3),
                "date": nxt.start_date,
                "date_text": when,
                "source_url": nxt.source_url,
                "tooltip": f"Chair handed over: {names.get(prev.iso3, prev.iso3)} → {names.get(nxt.iso3, nxt.iso3)}, {when}",
            }
        )
    return pd.DataFrame(
        rows, columns=["from_iso3", "to_iso3", "from_name", "to_name", "date", "date_text", "source_url", "tooltip"]
    )


def chair_terms(ds: Dataset) -> pd.DataFrame:
    """Each chairing state with all its terms as text, for the capitals layer."""
    names = _names(ds)
    rows = []
    ch = ds.chairmanships.sort_values("start_date")
    for iso, g in ch.groupby("iso3", sort=False):
        spans = "; ".join(_chair_span(r) for _, r in g.iterrows())
        rows.append(
            {"iso3": iso, "name": names.get(iso, iso), "terms": spans, "tooltip": f"{names.get(iso, iso)} chaired {spans}"}
        )
    return pd.DataFrame(rows, columns=["iso3", "name", "terms", "tooltip"])


def _chair_span(row: pd.Series) -> str:
    start = format_date(row["start_date"], row["start_precision"])
    if pd.isna(row["end_date"]):
        return f"{start} – present"
    if row["start_precision"] == row["end_precision"]:
        return format_span(row["start_date"], row["end_date"], row["start_precision"])
    return f"{start} – {format_date(row['end_date'], row['end_precision'])}"


def _names(ds: Dataset) -> dict[str, str]:
    names = dict(zip(_observer_states(ds)["iso3"], _observer_states(ds)["name"]))
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


# ---------------------------------------------------------------- country profile


@dataclass(frozen=True)
class CountryProfile:
    iso3: str
    name: str
    status: str  # one of STATUSES, or "not a member or observer"
    founding: bool
    member_since: str  # "" when not a member
    observer: list[str]  # each observer listing in words
    chairmanships: pd.DataFrame
    roles: pd.DataFrame
    meetings: pd.DataFrame
    events: pd.DataFrame
    milestones: pd.DataFrame
    sources: pd.DataFrame = field(repr=False)
    events_total: int = 0  # events hosted in all; `events` holds the most recent PROFILE_EVENTS
    member_source: str = ""  # the membership row's source ("" when not a member)
    observer_sources: tuple[str, ...] = ()  # each observer listing's source, in the order of `observer`

    @property
    def chair_terms(self) -> list[str]:
        return list(self.chairmanships["Term"])


def _collect_sources(sources: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Deduplicate (source, used for, kind) triples; links and notes' links both count."""
    seen: dict[str, dict] = {}
    for src, used, kind in sources:
        if not isinstance(src, str) or not src.strip():
            continue
        src = src.strip().rstrip(".,)")
        entry = seen.setdefault(src, {"uses": [], "kind": kind})
        if used not in entry["uses"]:
            entry["uses"].append(used)
        if kind == "row source":
            entry["kind"] = kind
    out = pd.DataFrame(
        {
            **source_columns(seen),
            "Site": [source_label(s) for s in seen],
            "Used for": ["; ".join(e["uses"]) for e in seen.values()],
            "Kind": [e["kind"] for e in seen.values()],
        },
        columns=["Source", "Reference", "Site", "Used for", "Kind"],
    )
    return out.sort_values(["Kind", "Site"], key=lambda c: c.map({"row source": 0}).fillna(1) if c.name == "Kind" else c)


def _source_text(source: object) -> str:
    return source.strip() if isinstance(source, str) else ""


def _row_sources(frame: pd.DataFrame, used_for: str) -> list[tuple[str, str, str]]:
    out = [(src, used_for, "row source") for src in frame["source_url"]]
    if "notes" in frame:
        for urls in frame["notes"].dropna().str.findall(_URL.pattern):
            out += [(u, used_for, "named in notes") for u in urls]
    return out


def _mentions(text: pd.Series, names: set[str]) -> pd.Series:
    pattern = "|".join(rf"\b{re.escape(n)}\b" for n in sorted(names) if n)
    return text.fillna("").str.contains(pattern, case=False, regex=True) if pattern else text.notna() & False


def country_profile(ds: Dataset, iso3: str, today: date | None = None, status_now: pd.DataFrame | None = None) -> CountryProfile:
    """Everything the tables say about one state, each fact with its source. `status_now` is
    `status_as_of(ds, today.year, today)` when the caller already has it."""
    today = today or date.today()
    iso3 = iso3.upper()
    names = _names(ds)
    name = names.get(iso3) or country_name(iso3)
    if status_now is None:
        status_now = status_as_of(ds, today.year, today)
    mine = status_now[status_now["iso3"].eq(iso3)]
    status = mine["status"].iloc[0] if len(mine) else "not a member or observer"
    mem = ds.members[ds.members["iso3"].eq(iso3)]
    obs = _observer_states(ds)
    obs = obs[obs["iso3"].eq(iso3)]
    member_since = format_date(mem["accession_date"].iloc[0], mem["date_precision"].iloc[0]) if len(mem) else ""
    sources = _row_sources(mem, "membership") + _row_sources(obs, "observer status")

    ch = ds.chairmanships[ds.chairmanships["iso3"].eq(iso3)].sort_values("start_date")
    chairs = pd.DataFrame(
        {
            "Term": [_chair_span(r) for _, r in ch.iterrows()],
            "From": ch["start_date"].dt.year,
            "To": ch["end_date"].dt.year.astype("Int64"),
            **source_columns(ch["source_url"]),
        }
    )
    sources += _row_sources(ch, "chairmanship")

    co = ds.coordinators[ds.coordinators["iso3"].eq(iso3)]
    areas = ds.priority_areas.set_index("area")
    dims = dict(zip(ds.dimensions["dimension"], ds.dimensions["name"]))
    co = co.assign(_dim=co["area"].map(areas["dimension"]), _since=co["since"].fillna(pd.Timestamp.max))
    co = co.sort_values(["_dim", "area", "_since"])
    roles = pd.DataFrame(
        {
            "Dimension": co["_dim"].map(dims).fillna("").map(short_dimension),
            "Priority area": co["area"].map(areas["name"]).fillna(co["area"]),
            "Role": co["role"],
            "Period": period_texts(co),
            "Current": co["until"].isna(),
            **source_columns(co["source_url"]),
        }
    )
    sources += _row_sources(co, "coordinator role")

    ms = ds.milestones.sort_values("date")
    own = ms["iso3"].eq(iso3)
    meetings_rows = ms[own & ms["category"].isin(MEETING_CATEGORIES)]
    meetings = pd.DataFrame(
        {
            "Date": format_spans(meetings_rows["date"], meetings_rows["end_date"], meetings_rows["date_precision"]),
            "Meeting": meetings_rows["title"],
            "Place": meetings_rows["place"].fillna(""),
            "Status": meetings_rows["status"].where(~plan_date_passed(meetings_rows, today), PLAN_PASSED),
            **source_columns(meetings_rows["source_url"]),
        }
    )
    sources += _row_sources(meetings_rows, "meeting hosted")

    spoken = {name, country_name(iso3), *obs["name"], *mem["name"]}
    text = ms["title"].fillna("") + " " + ms["description"].fillna("")
    concern = ms[(own & ~ms["category"].isin(MEETING_CATEGORIES)) | (~own & _mentions(text, spoken))]
    milestones = pd.DataFrame(
        {
            "Date": format_spans(concern["date"], concern["end_date"], concern["date_precision"]),
            "Category": concern["category"],
            "Milestone": concern["title"],
            **source_columns(concern["source_url"]),
        }
    )
    sources += _row_sources(concern, "milestone")

    hosted = ds.events[ds.events["host_iso3"].eq(iso3)]
    ev = hosted.nlargest(PROFILE_EVENTS, "start_date").sort_values("start_date")  # a bounded table
    events = pd.DataFrame(
        {
            "Date": format_spans(ev["start_date"], ev["end_date"], ev["date_precision"]),
            "Event": ev["title"],
            "Type": ev["type"].str.replace("-", " "),
            "City": ev["city"].fillna("").mask(held_online(ev) & ev["city"].isna(), "online"),
            **source_columns(ev["source_url"]),
        }
    )
    sources += _row_sources(ev, "event hosted")

    return CountryProfile(
        iso3=iso3,
        name=name,
        status=status,
        founding=bool(mem["founding"].any()) if len(mem) else False,
        member_since=member_since,
        observer=[observer_period_text(r) for _, r in obs.iterrows()],
        chairmanships=without_blank_reference(chairs).reset_index(drop=True),
        roles=without_blank_reference(roles).reset_index(drop=True),
        meetings=without_blank_reference(meetings).reset_index(drop=True),
        events=without_blank_reference(events).reset_index(drop=True),
        milestones=without_blank_reference(milestones).reset_index(drop=True),
        sources=_collect_sources(sources).reset_index(drop=True),
        events_total=len(hosted),
        member_source=_source_text(mem["source_url"].iloc[0]) if len(mem) else "",
        observer_sources=tuple(_source_text(s) for s in obs["source_url"]),
    )


def profile_summary(p: CountryProfile) -> str:
    """One sentence on a state's standing, for the top of its profile (plain text)."""
    if p.status in MEMBER_STATUSES:
        first = (
            f"{p.name} is a founding member of CICA, a member since {p.member_since}."
            if p.founding
            else f"{p.name} has been a member of CICA since {p.member_since}."
        )
    elif p.status == "observer":
        first = f"{p.name} is an observer state of CICA."
    elif p.status == "former observer":
        first = f"{p.name} was an observer state of CICA and is no longer listed."
    else:
        first = f"{p.name} is neither a member nor an observer of CICA; it appears in the record as a host of events."
    if p.observer:
        first += " Observer record: " + "; ".join(p.observer) + "."
    return first
