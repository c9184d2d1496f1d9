"""The Streamlit side shared by every page: cached data, the URL round trip, notices, footer.

Everything here is glue; what it shows is computed by the pure modules.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import streamlit as st

from cica_dash.data import DataError, Dataset, data_dir, data_signature, load_dataset
from cica_dash.links import STATIC_URL, escape_markdown, unknown_params
from cica_dash.state import UrlState, Vocabulary

if TYPE_CHECKING:
    import pandas as pd

S = TypeVar("S", bound=UrlState)
R = TypeVar("R")

# every table's source column: a link that shows the site's name (www. dropped)
SOURCE_LINK = st.column_config.LinkColumn("Source", display_text=r"https?://(?:www\.)?([^/]+)")
STATIC_TOPOJSON = STATIC_URL + "topojson/"
EXPORT_PREFIX = "cica-"


def plotly_config(filename: str, **extra: Any) -> dict[str, Any]:
    """The plotly config of every chart: offline country shapes, the mode bar on (its camera
    button saves a PNG named `cica-<page>-<what>.png`, with the figure's own title and source
    line, at twice the screen resolution), no plotly logo. `extra` adds options (scrollZoom)."""
    name = filename if filename.startswith(EXPORT_PREFIX) else EXPORT_PREFIX + filename
    return {
        "topojsonURL": STATIC_TOPOJSON,
        "displaylogo": False,
        "displayModeBar": "hover",  # always shown on touch screens
        "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2},
        **extra,
    }


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(folder: str, signature: tuple) -> Dataset:
    # `signature` is only a cache key: a changed file on disk means a fresh load. One shared,
    # read-only copy for every session (cache_data would unpickle a private copy per rerun,
    # which costs time, and memory for each rerun running at once); the pages never modify
    # it, and tests/test_shared_data.py checks that.
    return load_dataset(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=2)
def _vocabulary(folder: str, signature: tuple) -> Vocabulary:
    return Vocabulary.from_dataset(_load(folder, signature))


_DATA_CACHED: dict[str, Callable[..., Any]] = {}


# Room for every key of one data version and day: about 190 (each year's map, matrix cells and
# holders sentence, a profile per state, the whole-record tables), all small; a full cache must
# not evict the tables that take a second to rebuild
@st.cache_resource(show_spinner=False, max_entries=512)
def _run_data_cached(name: str, folder: str, signature: tuple, args: tuple) -> Any:
    return _DATA_CACHED[name](_load(folder, signature), *args)


def data_cached(fn: Callable[..., R]) -> Callable[..., R]:
    """Compute `fn(ds, *args)` once per version of the data files and share the result across
    sessions (the result is shared, not copied: callers must not modify it). For work that does
    not depend on a viewer's filters, such as a chart of the whole record."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    _DATA_CACHED[name] = fn

    @functools.wraps(fn)
    def wrapper(ds: Dataset, *args: Any) -> R:
        return _run_data_cached(name, str(ds.data_dir), data_signature(ds.data_dir), args)

    return wrapper


def dataset() -> tuple[Dataset, Vocabulary]:
    """The validated data, loaded once per change of the files; stops the page with the
    list of problems (never a traceback) when the data is bad."""
    folder = data_dir()
    signature = data_signature(folder)
    try:
        return _load(str(folder), signature), _vocabulary(str(folder), signature)
    except DataError as err:
        show_data_error(err)
        st.stop()
        raise  # unreachable; st.stop raises


def show_data_error(err: DataError) -> None:
    st.error(
        f"**The dashboard's data did not pass its checks** ({len(err.problems)} problem"
        f"{'s' if len(err.problems) != 1 else ''}). Nothing is shown until the files are fixed; "
        "the page reloads them as soon as they change on disk."
    )
    rows = [
        {"file": p.file, "line": p.line, "column": p.column or "", "value": p.value or "", "problem": p.rule}
        for p in err.problems
    ]
    table(rows)


def table(frame: pd.DataFrame | list[dict[str, Any]], **kwargs: Any) -> None:
    """A data grid as every page shows one: no index, full width, and a missing value left blank
    (Streamlit prints "None", which in a Source column reads as "no source")."""
    st.dataframe(frame, hide_index=True, width="stretch", placeholder="", **kwargs)


def _query() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def _signature(query: Mapping[str, list[str]]) -> tuple:
    return tuple(sorted((k, tuple(v)) for k, v in query.items()))


def no_url_state() -> None:
    """For pages without filters: say that a link's parameters were ignored, and drop them."""
    query = _query()
    for notice in unknown_params(query, []):
        st.warning(notice, icon=":material/link_off:")
    if query:
        st.query_params.clear()


def url_state(cls: type[S], vocab: Vocabulary, page: str, widget_values: Mapping[str, Any] | None = None) -> S:
    """Read the page's state from the URL and show what was dropped.

    When the URL changed from outside (a shared link, the back button, the first
    load), the widgets whose keys are given in `widget_values` are set from it.
    """
    query = _query()
    state, notices = cls.from_query(query, vocab)
    marker = f"_url_{page}"
    if st.session_state.get(marker) != _signature(query):
        for key, fn in (widget_values or {}).items():
            st.session_state[key] = fn(state)
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    return state


def write_url(state: UrlState, page: str) -> None:
    """Make the address bar show the link that reproduces `state`."""
    query = state.to_query()
    if _signature(_query()) != _signature(query):
        st.query_params.from_dict(query)
    st.session_state[f"_url_{page}"] = _signature(query)


def safe_markdown(text: str, bold: bool = False) -> None:
    """Show text that may contain values from a URL or a data file, as plain words."""
    body = escape_markdown(text)
    st.markdown(f"**{body}**" if bold else body)


def footer(ds: Dataset) -> None:
    pkg = ds.package
    licence = pkg.get("licenses", [{}])[0]
    st.divider()
    st.caption(
        f"Data: {escape_markdown(pkg.get('title', ''))}. Every row names its source; see *About the data*. "
        f"Licence: {escape_markdown(licence.get('name', ''))}. Data as of {pkg.get('x-accessed', '')}."
    )


@st.cache_data(show_spinner=False, max_entries=2)
def _package_zip(folder: str, signature: tuple) -> bytes:
    from cica_dash.export import package_zip

    return package_zip(_load(folder, signature))


def package_zip_bytes() -> bytes:
    """The data package zip, built once per change of the files."""
    folder = data_dir()
    return _package_zip(str(folder), data_signature(folder))


def share_link(state: UrlState) -> None:
    """The full link of the current view, in a code box with its own copy button."""
    from urllib.parse import urlencode

    base = st.context.url or ""
    pairs = [(k, v) for k, vs in state.to_query().items() for v in vs]
    link = f"{base}?{urlencode(pairs)}" if pairs else base
    st.code(link or "(link appears when opened in a browser)", language=None, wrap_lines=True)
