"""Every page's view as rows: what `api/<name>.csv|json` returns for a link in the page's own format.

Each data twin reads the query with its page's state class (so the same parameters are parsed by
the same code, with the same notices for what is dropped) and builds the rows with the same model
functions the page's table uses. Pure: no Streamlit, no HTTP (that is `cica_dash/glue/api.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from cica_dash.data.load import Dataset
from cica_dash.model import events as ev
from cica_dash.model import matrix as mx
from cica_dash.model import membership as mb
from cica_dash.model import profile as prof
from cica_dash.model import timeline as tl
from cica_dash.url.links import LANG_DOC, LANG_KEY, with_query
from cica_dash.url.state import (
    STATE_BY_PAGE,
    CountryState,
    EventsState,
    MapState,
    MatrixState,
    TimelineState,
    UrlState,
    Vocabulary,
)

Query = Mapping[str, Sequence[str]]
API_PATH = "api/"  # relative to the app's base path, like the pages


@dataclass(frozen=True)
class View:
    """The rows of one view, the state as understood, and the notices for what was dropped."""

    name: str
    state: UrlState
    notices: list[str]
    # one table, or (a country's profile) one table per section
    tables: dict[str, pd.DataFrame]

    @property
    def rows(self) -> pd.DataFrame:
        """All the view's rows as one table; a profile's sections are told apart by `section`."""
        if len(self.tables) == 1:
            return next(iter(self.tables.values()))
        parts = [t.assign(section=name)[["section", *t.columns]] for name, t in self.tables.items()]
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


@dataclass(frozen=True)
class Twin:
    """A page's data twin: its endpoint name, the page whose link format it reads, and its rows."""

    name: str
    page: str
    state: type[UrlState]
    what: str
    example: str  # an example query, in the page's link format
    build: Callable[[Dataset, Vocabulary, Any, date], dict[str, pd.DataFrame]]


def _events(ds: Dataset, vocab: Vocabulary, state: EventsState, today: date) -> dict[str, pd.DataFrame]:
    events = {"events": ev.export_rows(ev.filter_events(ds.events, state))}
    if not state.with_milestones:
        return events
    items = tl.milestones_beside_events(tl.timeline_items(ds, today), state.year_from, state.year_to, state.country, state.q)
    return {**events, "milestones": tl.readable_list(items)}


def _members(ds: Dataset, vocab: Vocabulary, state: MapState, today: date) -> dict[str, pd.DataFrame]:
    year = state.year or vocab.last_year
    return {"members": mb.member_list(mb.status_by_year(ds, [year], today)[year])}


def _timeline(ds: Dataset, vocab: Vocabulary, state: TimelineState, today: date) -> dict[str, pd.DataFrame]:
    items = tl.filter_items(tl.timeline_items(ds, today), state.year_from, state.year_to, state.category, state.country)
    return {"timeline": tl.readable_list(items)}


def _matrix(ds: Dataset, vocab: Vocabulary, state: MatrixState, today: date) -> dict[str, pd.DataFrame]:
    year = state.year or vocab.last_year
    m = mx.build_matrix(ds, year, state.dimension, state.country, state.order, cells=mx.year_cells(ds, year))
    return {"roles": mx.role_table(m)}


PROFILE_SECTIONS = ("chairmanships", "roles", "meetings", "events", "milestones", "sources")


def _country(ds: Dataset, vocab: Vocabulary, state: CountryState, today: date) -> dict[str, pd.DataFrame]:
    if not state.country:
        return {}
    p = prof.country_profile(ds, state.country, today)  # the events: the most recent, as on the page
    return {name: getattr(p, name) for name in PROFILE_SECTIONS}


TWINS: tuple[Twin, ...] = (
    Twin(
        "events",
        "events",
        EventsState,
        "events, filtered as on the Events page",
        "country=THA&dimension=economic&from=2015&to=2020",
        _events,
    ),
    Twin("members", "map", MapState, "member and observer states as of the end of a year", "year=2017", _members),
    Twin("timeline", "timeline", TimelineState, "the timeline's items", "from=1992&to=2017&category=summit", _timeline),
    Twin(
        "matrix",
        "matrix",
        MatrixState,
        "coordinator and co-coordinator roles as of a year",
        "year=2023&dimension=economic",
        _matrix,
    ),
    Twin("country", "country", CountryState, "one state's profile, section by section", "country=KAZ", _country),
)
TWIN_BY_NAME = {t.name: t for t in TWINS}
TWIN_BY_PAGE = {t.page: t for t in TWINS}
FORMATS = ("csv", "json")
PACKAGE_ZIP = "datapackage.zip"


def view(twin: Twin, ds: Dataset, vocab: Vocabulary, query: Query, today: date) -> View:
    """The twin's rows for a query in its page's link format."""
    state, notices = twin.state.from_query(query, vocab)
    if twin.name == "country" and not state.country:
        notices = [*notices, "Name a state with `country=`, e.g. `country=KAZ`."]
    return View(twin.name, state, notices, twin.build(ds, vocab, state, today))


def data_path(page: str, state: UrlState | None = None, fmt: str = "csv") -> str | None:
    """The relative API link of a page's view (None for a page without a data twin)."""
    twin = TWIN_BY_PAGE.get(page)
    if twin is None:
        return None
    return with_query(f"{API_PATH}{twin.name}.{fmt}", state.to_query() if state else None)


def json_ready(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON objects: dates as YYYY-MM-DD, missing values as null."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
    out = out.astype(object).where(out.notna(), None)
    return out.to_dict(orient="records")


def link_table(pages: Iterable[Any]) -> str:
    """The README's table of pages, their link parameters and their data twins, made from the
    declarations (the state classes and `TWINS`)."""
    lines = ["| page | path | parameters | data (same parameters) |", "|---|---|---|---|"]
    for page in pages:
        cls = STATE_BY_PAGE.get(page.key)
        params = "; ".join(f"`{p.key}`: {p.doc}" for p in cls.PARAMS) if cls else "—"
        twin = TWIN_BY_PAGE.get(page.key)
        data = f"`{API_PATH}{twin.name}.csv`, `.json`" if twin else f"`{API_PATH}{PACKAGE_ZIP}`" if page.key == "data" else "—"
        lines.append(f"| {page.title} | `/{page.path}` | {params} | {data} |")
    lines.append(f"| every page | | `{LANG_KEY}`: {LANG_DOC} | — |")
    return "\n".join(lines)
