"""Everything the record says about one country, each fact with its source: the country profile
that the page, the printed page and the PDF brief show."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from cica_dash.data.dates import PLAN_PASSED, format_date, format_spans, plan_date_passed
from cica_dash.data.i18n import N_, _
from cica_dash.data.labels import CATEGORY_WORDS, EVENT_TYPE_WORDS, ROLE_WORDS, STATUS_OF_MEETING
from cica_dash.data.load import Dataset
from cica_dash.data.names import country_label, country_name, localized, short_dimension
from cica_dash.data.sources import source_columns, source_label
from cica_dash.model.chairs import chair_span
from cica_dash.model.events import held_online
from cica_dash.model.matrix import period_texts
from cica_dash.model.membership import (
    MEMBER_STATUSES,
    observer_period_text,
    observer_states,
    state_names,
    status_as_of,
    without_blank_reference,
)

MEETING_CATEGORIES = ("summit", "ministerial")


PROFILE_EVENTS = 100  # a profile lists at most this many hosted events; the Events page has them all


_URL = re.compile(r"https?://[^\s;]+")


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
            N_("Site"): [source_label(s) for s in seen],
            N_("Used for"): ["; ".join(e["uses"]) for e in seen.values()],
            N_("Kind"): [e["kind"] for e in seen.values()],
        },
        columns=["Source", "Reference", "Site", "Used for", "Kind"],
    )
    out = out.sort_values(["Kind", "Site"], key=lambda c: c.map({"row source": 0}).fillna(1) if c.name == "Kind" else c)
    return out.assign(Kind=out["Kind"].map({"row source": _("row source"), "named in notes": _("named in notes")}))


def _source_text(source: object) -> str:
    return source.strip() if isinstance(source, str) else ""


def _row_sources(frame: pd.DataFrame, used_for: str) -> Sources:
    out = [(src, used_for, "row source") for src in frame["source_url"]]
    if "notes" in frame:
        for urls in frame["notes"].dropna().str.findall(_URL.pattern):
            out += [(u, used_for, "named in notes") for u in urls]
    return out


def _mentions(text: pd.Series, names: set[str]) -> pd.Series:
    pattern = "|".join(rf"\b{re.escape(n)}\b" for n in sorted(names) if n)
    return text.fillna("").str.contains(pattern, case=False, regex=True) if pattern else text.notna() & False


Sources = list[tuple[str, str, str]]  # (source, used for, kind)


def _chairmanships(ds: Dataset, iso3: str) -> tuple[pd.DataFrame, Sources]:
    ch = ds.chairmanships[ds.chairmanships["iso3"].eq(iso3)].sort_values("start_date")
    table = pd.DataFrame(
        {
            N_("Term"): [chair_span(r) for _row, r in ch.iterrows()],
            N_("From"): ch["start_date"].dt.year,
            N_("To"): ch["end_date"].dt.year.astype("Int64"),
            **source_columns(ch["source_url"]),
        }
    )
    return table, _row_sources(ch, _("chairmanship"))


def _roles(ds: Dataset, iso3: str) -> tuple[pd.DataFrame, Sources]:
    co = ds.coordinators[ds.coordinators["iso3"].eq(iso3)]
    areas = ds.priority_areas.set_index("area")
    area_names = localized(areas, "name")
    dims = dict(zip(ds.dimensions["dimension"], localized(ds.dimensions, "name")))
    co = co.assign(_dim=co["area"].map(areas["dimension"]), _since=co["since"].fillna(pd.Timestamp.max))
    co = co.sort_values(["_dim", "area", "_since"])
    table = pd.DataFrame(
        {
            N_("Dimension"): co["_dim"].map(dims).fillna("").map(short_dimension),
            N_("Priority area"): co["area"].map(area_names).fillna(co["area"]),
            N_("Role"): co["role"].map(lambda role: _(ROLE_WORDS.get(role, role))),
            N_("Period"): period_texts(co),
            N_("Current"): co["until"].isna(),
            **source_columns(co["source_url"]),
        }
    )
    return table, _row_sources(co, _("coordinator role"))


def _meetings(ds: Dataset, iso3: str, today: date) -> tuple[pd.DataFrame, Sources]:
    ms = ds.milestones.sort_values("date")
    rows = ms[ms["iso3"].eq(iso3) & ms["category"].isin(MEETING_CATEGORIES)]
    table = pd.DataFrame(
        {
            N_("Date"): format_spans(rows["date"], rows["end_date"], rows["date_precision"]),
            N_("Meeting"): rows["title"],
            N_("Place"): rows["place"].fillna(""),
            N_("Status"): rows["status"]
            .map(lambda s: _(STATUS_OF_MEETING.get(s, s)))
            .where(~plan_date_passed(rows, today), _(PLAN_PASSED)),
            **source_columns(rows["source_url"]),
        }
    )
    return table, _row_sources(rows, _("meeting hosted"))


def _milestones(ds: Dataset, iso3: str, spoken: set[str]) -> tuple[pd.DataFrame, Sources]:
    """The milestones of the state's own (other than the meetings it hosted) and those that name it."""
    ms = ds.milestones.sort_values("date")
    own = ms["iso3"].eq(iso3)
    text = ms["title"].fillna("") + " " + ms["description"].fillna("")
    concern = ms[(own & ~ms["category"].isin(MEETING_CATEGORIES)) | (~own & _mentions(text, spoken))]
    table = pd.DataFrame(
        {
            N_("Date"): format_spans(concern["date"], concern["end_date"], concern["date_precision"]),
            N_("Category"): concern["category"].map(lambda c: _(CATEGORY_WORDS.get(c, c))),
            N_("Milestone"): concern["title"],
            **source_columns(concern["source_url"]),
        }
    )
    return table, _row_sources(concern, _("milestone"))


def _events(ds: Dataset, iso3: str) -> tuple[pd.DataFrame, Sources, int]:
    """The most recent PROFILE_EVENTS events the state hosted (a bounded table), and how many in all."""
    hosted = ds.events[ds.events["host_iso3"].eq(iso3)]
    ev = hosted.nlargest(PROFILE_EVENTS, "start_date").sort_values("start_date")
    table = pd.DataFrame(
        {
            N_("Date"): format_spans(ev["start_date"], ev["end_date"], ev["date_precision"]),
            N_("Event"): ev["title"],
            N_("Type"): ev["type"].map(lambda t: _(EVENT_TYPE_WORDS.get(t, t.replace("-", " ")))),
            N_("City"): ev["city"].fillna("").mask(held_online(ev) & ev["city"].isna(), _("online")),
            **source_columns(ev["source_url"]),
        }
    )
    return table, _row_sources(ev, _("event hosted")), len(hosted)


def country_profile(ds: Dataset, iso3: str, today: date | None = None, status_now: pd.DataFrame | None = None) -> CountryProfile:
    """Everything the tables say about one state, each fact with its source. `status_now` is
    `status_as_of(ds, today.year, today)` when the caller already has it."""
    today = today or date.today()
    iso3 = iso3.upper()
    name = country_label(iso3, state_names(ds).get(iso3) or country_name(iso3))
    if status_now is None:
        status_now = status_as_of(ds, today.year, today)
    mine = status_now[status_now["iso3"].eq(iso3)]
    mem = ds.members[ds.members["iso3"].eq(iso3)]
    obs = observer_states(ds)
    obs = obs[obs["iso3"].eq(iso3)]
    sources = _row_sources(mem, _("membership")) + _row_sources(obs, _("observer status"))
    chairs, used = _chairmanships(ds, iso3)
    sources += used
    roles, used = _roles(ds, iso3)
    sources += used
    meetings, used = _meetings(ds, iso3, today)
    sources += used
    milestones, used = _milestones(ds, iso3, {name, country_name(iso3), *obs["name"], *mem["name"]})
    sources += used
    events, used, events_total = _events(ds, iso3)
    sources += used
    return CountryProfile(
        iso3=iso3,
        name=name,
        status=mine["status"].iloc[0] if len(mine) else "not a member or observer",
        founding=bool(mem["founding"].any()) if len(mem) else False,
        member_since=format_date(mem["accession_date"].iloc[0], mem["date_precision"].iloc[0]) if len(mem) else "",
        observer=[observer_period_text(r) for _row, r in obs.iterrows()],
        chairmanships=without_blank_reference(chairs).reset_index(drop=True),
        roles=without_blank_reference(roles).reset_index(drop=True),
        meetings=without_blank_reference(meetings).reset_index(drop=True),
        events=without_blank_reference(events).reset_index(drop=True),
        milestones=without_blank_reference(milestones).reset_index(drop=True),
        sources=_collect_sources(sources).reset_index(drop=True),
        events_total=events_total,
        member_source=_source_text(mem["source_url"].iloc[0]) if len(mem) else "",
        observer_sources=tuple(_source_text(s) for s in obs["source_url"]),
    )


def profile_summary(p: CountryProfile) -> str:
    """One sentence on a state's standing, for the top of its profile (plain text)."""
    if p.status in MEMBER_STATUSES:
        first = (
            _("{name} is a founding member of CICA, a member since {date}.")
            if p.founding
            else _("{name} has been a member of CICA since {date}.")
        ).format(name=p.name, date=p.member_since)
    elif p.status == "observer":
        first = _("{name} is an observer state of CICA.").format(name=p.name)
    elif p.status == "former observer":
        first = _("{name} was an observer state of CICA and is no longer listed.").format(name=p.name)
    else:
        first = _("{name} is neither a member nor an observer of CICA; it appears in the record as a host of events.").format(
            name=p.name
        )
    if p.observer:
        first += " " + _("Observer record: {listings}.").format(listings="; ".join(p.observer))
    return first
