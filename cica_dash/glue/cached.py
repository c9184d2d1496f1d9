"""What the pages share and no filter changes: built once per version of the data files (and,
where the date matters, per day), then shared read-only by every session.

Each function is Streamlit's own shared cache (`st.cache_resource`: one copy for every session,
not unpickled per rerun), keyed on the data's version (its folder and the hash of its files, not
the tables themselves) and its other arguments, with a bound of its own so a page that keys on the
year or the state never evicts the whole-record tables. Callers must not modify what they get back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from cica_dash.data import i18n
from cica_dash.data.load import Dataset
from cica_dash.data.vocabulary import Vocabulary
from cica_dash.figures import map_figures as mf
from cica_dash.glue.chart import figure_json
from cica_dash.model import chairs
from cica_dash.model import events as ev
from cica_dash.model import matrix as mx
from cica_dash.model import membership as mb
from cica_dash.model import profile as prof
from cica_dash.model import timeline as tl
from cica_dash.model.paper import PrintedProfile
from cica_dash.model.paper import printed_profile as printed
from cica_dash.url.links import escape_markdown

R = TypeVar("R")


def _version(ds: Dataset) -> tuple[str, str]:
    return str(ds.data_dir), ds.content_hash


def data_cached(max_entries: int = 4) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Share `fn(ds, *args)` across sessions, once per data version, language and arguments; room
    for `max_entries` of them (a data version and a day or two for the whole-record tables; every
    year or every state for the keyed ones). The language is part of the key because dates and
    words in the result are in the run's language."""

    def decorate(fn: Callable[..., R]) -> Callable[..., R]:
        def in_language(ds: Dataset, lang: str, *args: Any) -> R:
            with i18n.using(lang):
                return fn(ds, *args)

        # Streamlit keys a cache on the function's module, name and source: each its own
        in_language.__module__, in_language.__qualname__ = fn.__module__, fn.__qualname__
        cached = st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs={Dataset: _version})(in_language)

        @functools.wraps(fn)
        def wrapper(ds: Dataset, *args: Any) -> R:
            return cached(ds, i18n.current(), *args)

        return wrapper

    return decorate


# room for every year of the record (1992 to the current year) or every state, with a spare version
PER_YEAR = PER_STATE = 128


@data_cached()
def statuses(ds: Dataset, first: int, last: int, today: date) -> dict[int, pd.DataFrame]:
    """Every year's member/observer table (undated observers count in `today`'s year only)."""
    return mb.status_by_year(ds, range(first, last + 1), today)


@data_cached()
def growth_animation_json(ds: Dataset, first: int, last: int, today: date) -> str:
    # the largest figure (a frame per year), sent as is: made into JSON once, not on every run
    return figure_json(mf.growth_animation(statuses(ds, first, last, today)))


@data_cached(PER_YEAR)
def member_map_json(ds: Dataset, first: int, last: int, today: date, year: int) -> str:
    """The member map as of `year`, ready to send (about 20 ms to build, and only the year
    changes it)."""
    return figure_json(mf.choropleth(statuses(ds, first, last, today)[year], year))


@data_cached()
def member_steps(ds: Dataset) -> pd.DataFrame:
    return mb.member_steps(ds)


@data_cached()
def timeline_items(ds: Dataset, today: date) -> pd.DataFrame:
    """Every timeline item with its hover text (the costly part of the figure)."""
    return tl.timeline_items(ds, today)


@data_cached()
def member_growth(ds: Dataset) -> pd.DataFrame:
    return tl.member_growth(ds.members)


@data_cached()
def events_table(ds: Dataset) -> pd.DataFrame:
    """Every event as the table shows it (dates at their precision, names for codes); a
    filtered view picks its rows with `events.table_page`."""
    return ev.table(ds.events, Vocabulary.from_dataset(ds))


@data_cached(PER_YEAR)
def matrix_cells(ds: Dataset, year: int) -> pd.DataFrame:
    """Every role held in `year`, one per (area, country), for `matrix.build_matrix`."""
    return mx.year_cells(ds, year)


@data_cached(PER_STATE)
def country_profile(ds: Dataset, iso3: str, first: int, last: int, today: date) -> prof.CountryProfile:
    """One state's profile (about 45 ms of small table operations; only the state chosen
    changes it)."""
    return prof.country_profile(ds, iso3, today, status_now=statuses(ds, first, last, today).get(today.year))


@data_cached(PER_STATE)
def paper_markdown(ds: Dataset, iso3: str, first: int, last: int, today: date) -> dict[str, pd.DataFrame]:
    """The printed profile's tables (about 20 ms for the longest) with every cell escaped for
    Markdown, as `st.table` shows them (escaping cell by cell took a third of the country page's
    run). Only this is kept per state, not the printed tables before escaping as well."""
    paper: PrintedProfile = printed(country_profile(ds, iso3, first, last, today))
    return {name: frame.map(escape_markdown) for name, frame in {**paper.tables, "sources": paper.sources}.items()}


@data_cached()
def chair_terms(ds: Dataset) -> pd.DataFrame:
    return chairs.chair_terms(ds)


@data_cached()
def chair_map_json(ds: Dataset) -> str:
    """The hand-over map, ready to send (no filter changes it)."""
    return figure_json(mf.chair_map(chairs.chair_handovers(ds), chair_terms(ds)))
