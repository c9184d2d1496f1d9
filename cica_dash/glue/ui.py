"""The Streamlit side shared by every page: cached data, the URL round trip, notices, footer.

Everything here is glue; what it shows is computed by the pure modules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from cica_dash.data import i18n
from cica_dash.data.dates import format_iso_day
from cica_dash.data.i18n import N_, _
from cica_dash.data.load import DataError, Dataset, data_dir, data_signature, load_dataset
from cica_dash.data.vocabulary import Vocabulary
from cica_dash.glue.callbacks import reset_view
from cica_dash.url.links import (
    LANG_KEY,
    NOT_FOUND,
    PAGE_BY_KEY,
    PAGE_BY_PATH,
    STATIC_URL,
    escape_markdown,
    parse_language,
    unknown_params,
    with_query,
)
from cica_dash.url.state import UrlState

if TYPE_CHECKING:
    import pandas as pd

S = TypeVar("S", bound=UrlState)
R = TypeVar("R")


# every table's link to its source, beside the publisher's name (`table` puts them side by side)
def source_link() -> Any:
    """How a table's "Link" column shows: "open ↗", in the page's language."""
    return st.column_config.LinkColumn(_("Link"), display_text=_("open ↗"), help=_("The page the row's facts come from"))


STATIC_TOPOJSON = STATIC_URL + "topojson/"
EXPORT_PREFIX = "cica-"
# how the dashboard prints: a constant file of the app's own (no value from a URL or data file)
APP_CSS = Path(__file__).resolve().parents[2] / "static" / "app.css"
SCREEN_KEY, PAPER_KEY = "cica-screen-", "cica-paper-"  # containers static/app.css shows on one medium only
TOOLS_KEY = "cica-tools-"  # the share/data/cite box of each page: its open state, filled only while open


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


@st.cache_resource(show_spinner=False, max_entries=2 * len(i18n.LANGUAGES))
def _vocabulary(folder: str, signature: tuple, today: date, lang: str) -> Vocabulary:
    # keyed on the day as well: the year sliders end at the current year, so on 1 January they
    # must reach the new year without a change of the files or a restart; and on the language:
    # the names the pickers and summary lines show are the run's language's
    with i18n.using(lang):
        return Vocabulary.from_dataset(_load(folder, signature), today)


def _today() -> date:
    return date.today()


def dataset() -> tuple[Dataset, Vocabulary]:
    """The validated data, loaded once per change of the files; stops the page with the
    list of problems (never a traceback) when the data is bad."""
    folder = data_dir()
    signature = data_signature(folder)
    try:
        return _load(str(folder), signature), _vocabulary(str(folder), signature, _today(), i18n.current())
    except DataError as err:
        show_data_error(err)
        st.stop()
        raise  # unreachable; st.stop raises


def show_data_error(err: DataError) -> None:
    import pandas as pd

    n = len(err.problems)
    st.error(
        _(
            "**The dashboard's data did not pass its checks** ({problems}). Nothing is shown until the files are fixed; "
            "the page reloads them as soon as they change on disk."
        ).format(problems=i18n.count(n, "{n} problem", "{n} problems"))
    )
    rows = [(p.file, p.line, p.column or "", p.value or "", p.text) for p in err.problems]
    table(pd.DataFrame(rows, columns=list(DATA_ERROR_COLUMNS)))


DATA_ERROR_COLUMNS = (N_("file"), N_("line"), N_("column"), N_("value"), N_("problem"))  # headers, shown with `_`


def readable_sources(frame: pd.DataFrame) -> pd.DataFrame:
    """A table's sources as a reader takes them: "Source" names the publisher (or the document,
    for a source that is not a web page) and "Link" opens the page; "Reference" is folded in."""
    import pandas as pd

    from cica_dash.data.sources import is_link, publisher

    if not isinstance(frame, pd.DataFrame) or "Source" not in frame.columns:
        return frame
    out = frame.copy()
    links = out["Source"]
    refs = out.pop("Reference") if "Reference" in out.columns else pd.Series([None] * len(out), index=out.index)
    names = [publisher(u) if is_link(u) else publisher(r) for u, r in zip(links, refs)]
    pos = out.columns.get_loc("Source")
    out = out.rename(columns={"Source": "Link"})
    out["Link"] = [u if is_link(u) else None for u in links]
    out.insert(pos, "Source", names)
    return out


def table(frame: pd.DataFrame | list[dict[str, Any]], **kwargs: Any) -> None:
    """A data grid as every page shows one: no index, full width, a missing value left blank
    (Streamlit prints "None", which in a Source column reads as "no source"), and each row's
    source as its publisher's name with a link (`readable_sources`)."""
    config = dict(kwargs.pop("column_config", None) or {})
    if not isinstance(frame, list) and "Source" in frame.columns:
        frame = readable_sources(frame)
        config.setdefault("Link", source_link())
    if not isinstance(frame, list) and i18n.current() != i18n.DEFAULT:
        # the model's headers are English (the data API's columns): shown in the page's language
        headers = {c: _(c) for c in frame.columns if isinstance(c, str)}
        frame = frame.rename(columns=headers)
        config = {headers.get(k, k): v for k, v in config.items()}
    st.dataframe(frame, hide_index=True, width="stretch", placeholder="", column_config=config or None, **kwargs)


def year_slider(where: Any, label: str, first: int, last: int, key: str) -> int:
    """A one-year slider with a stepper either side of it: on a phone a year is a few pixels of
    the slider's track, and the buttons are full-size touch targets (the slider keeps its arrow
    keys for keyboards). The buttons move the slider's own state, so the link follows as usual."""
    from cica_dash.glue.callbacks import step_year

    with where.container(horizontal=True, vertical_alignment="bottom", gap="small", key=f"cica-years-{key}"):
        year = st.slider(label, first, last, key=key)
        st.button(
            _("Earlier"),
            icon=":material/chevron_left:",
            key=f"{key}.earlier",
            help=_("One year earlier"),
            on_click=step_year,
            args=(key, -1, first, last),
            disabled=year <= first,
        )
        st.button(
            _("Later"),
            icon=":material/chevron_right:",
            key=f"{key}.later",
            help=_("One year later"),
            on_click=step_year,
            args=(key, 1, first, last),
            disabled=year >= last,
        )
    return year


def stylesheet() -> None:
    """The dashboard's stylesheet (static/app.css): on screen a visible keyboard focus on the
    navigation; on paper no navigation or widgets, and each grid, a canvas that prints only its
    visible part, replaced by its plain table. Sent at every run, before the page: a style-only
    `st.html` takes no room on the page."""
    st.html(APP_CSS)


def printable_table(key: str, frame: pd.DataFrame, paper: pd.DataFrame, **kwargs: Any) -> None:
    """A grid on screen, and on paper `paper` (text cells, escaped for Markdown: see
    `cached.paper_markdown`) as a plain table that prints whole."""
    with st.container(key=SCREEN_KEY + key):
        table(frame, **kwargs)
    with st.container(key=PAPER_KEY + key):
        headers = [escape_markdown(_(c)) if isinstance(c, str) else str(c) for c in paper.columns]
        st.markdown(markdown_table(headers, paper.to_numpy().tolist()))


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """A table as Markdown text (cells already escaped): one element for the browser to draw,
    where `st.table` is a component per cell (a third of the country page's redraw, for copies
    that only paper shows)."""

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).replace("\n", " ") for c in cells) + " |"

    return "\n".join([line(headers), "|" + "---|" * len(headers), *(line(r) for r in rows)])


def paper_heading(ds: Dataset, page: str, state: UrlState | None) -> None:
    """What only paper shows, at the top of the printed page: the dashboard and page, the view's
    link, the data version and the day it was printed. (Not the view's description: the page
    shows that, and tests find it by its text.)"""
    import pandas as pd

    from cica_dash.data.dates import format_date

    made = format_date(pd.Timestamp(_today()), "day")
    with st.container(key=PAPER_KEY + "heading"):
        safe_markdown(f"{_('CICA Dashboard')} · {_(PAGE_BY_KEY[page].title)}", bold=True)
        st.caption(
            escape_markdown(
                _("{link} · data version {version} · printed {date}").format(
                    link=view_link(page, state), version=ds.version, date=made
                )
            )
        )


def _query() -> dict[str, list[str]]:
    """The link's query, without the language (every page reads that apart: `language`)."""
    return {k: st.query_params.get_all(k) for k in st.query_params.keys() if k != LANG_KEY}


def _link_query(state: UrlState | None) -> dict[str, list[str]] | None:
    """A link's query: the state's own and the language (English stays out of the link)."""
    query = state.to_query() if state else {}
    if i18n.current() != i18n.DEFAULT:
        query = {**query, LANG_KEY: [i18n.current()]}
    return query or None


def _replace_query(query: Mapping[str, Sequence[str]]) -> None:
    """`st.query_params.from_dict(query)`, keeping the language: the switcher is bound to `lang`,
    and from_dict drops a bound parameter (and may not set one). One message, so one history
    entry, as from_dict. A departure from the public API (docs/architecture.md), until from_dict
    keeps bound parameters."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    with get_session_state().query_params() as params:
        lang = params.get_all(LANG_KEY)
        params.clear_with_no_forward_msg(preserve_embed=True)
        for key, values in {**query, **({LANG_KEY: lang} if lang else {})}.items():
            params.set_with_no_forward_msg(key, list(values))
        params._send_query_param_msg()


def language() -> list[str]:
    """Set this run's language from the link's `lang` (on arrival without one, from the browser's
    Accept-Language) and return the notices for a bad value. The
    navigation keeps `lang` from page to page (the switcher is bound to it), and every link the
    pages make carries it, so the language is always the link's."""
    asked = st.query_params.get_all(LANG_KEY)
    if not asked and _ARRIVED not in st.session_state:
        # a visitor who arrives without `lang` gets the first language the browser asks for; the
        # switcher, bound to `lang`, then writes it to the link (English stays out of it)
        chosen = i18n.from_accept_language(st.context.headers.get("Accept-Language") or "")
        if chosen != i18n.DEFAULT:
            st.session_state[LANG_WIDGET] = chosen
            st.query_params[LANG_KEY] = chosen
            asked = [chosen]
    st.session_state[_ARRIVED] = True
    lang, notices = parse_language(asked, i18n.LANGUAGES, i18n.DEFAULT)
    i18n.set_language(lang)
    return notices


_ARRIVED = "cica.arrived"  # set on a session's first run: Accept-Language counts only then


_document_language = st.components.v2.component(
    "cica.document_language",
    html="",
    # the page's own language on <html>, which Streamlit's index page fixes as English: screen
    # readers pick their voice by it, and the accessibility audit checks it
    js="export default function ({ data }) { document.documentElement.lang = data.lang; }",
)


def language_switcher() -> None:
    """en | ru at the top of every page, bound to the link's `lang`; the document says its language."""
    with st.container(horizontal=True, horizontal_alignment="right", key="cica-screen-language"):
        # beside the switcher, so its empty box takes no line of the page
        _document_language(key="cica.document_language", data={"lang": i18n.current()}, width="content", height=0)
        # bound to the link's `lang` (Streamlit keeps an entry-point widget's parameter when the
        # navigation changes page, in the same history entry); English, the default, stays out
        st.segmented_control(
            _("Language"),
            list(i18n.LANGUAGES),
            key=LANG_WIDGET,
            default=i18n.DEFAULT,
            label_visibility="collapsed",
            required=True,
            bind="query-params",
        )


def _signature(query: Mapping[str, Sequence[str]]) -> tuple:
    return tuple(sorted((k, tuple(v)) for k, v in query.items()))


# What the URL sync remembers in a session (one dict under one key):
#   page     the page the last full run showed; "arrived" is set by track_page for this run
#   written  page -> the queries the page last wrote to the address bar, newest last (a few: while
#            the visitor clicks fast the browser may still send one the page has since replaced)
#   views    page -> that query as a dict: the page's last view in this visit
NAV_KEY = "_cica_nav"
LANG_WIDGET = LANG_KEY  # the switcher is bound to the link's `lang`
RECENT_WRITES = 8


def _nav() -> dict[str, Any]:
    if NAV_KEY not in st.session_state:
        st.session_state[NAV_KEY] = {"page": None, "written": {}, "views": {}}
    return st.session_state[NAV_KEY]


def track_page(page: str) -> None:
    """Note, in app.py at every full run, which page this run shows and whether the visitor has
    just arrived on it (from another page, or at the first load of the session)."""
    nav = _nav()
    nav["arrived"] = nav["page"] != page
    nav["page"] = page


def _arrived(page: str) -> bool:
    nav = _nav()
    if "arrived" in nav:
        return nav.pop("arrived")
    arrived = nav["page"] != page  # a page run on its own (tests), without app.py
    nav["page"] = page
    return arrived


def _history_navigation() -> bool:
    """Whether this run was caused by the browser's Back or Forward."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.is_history_navigation)


def unknown_page_path() -> str | None:
    """The address asked for when it is none of the dashboard's pages (a mistyped or old link),
    as a page path the "no such page" page can take; None for a known page.

    Streamlit would run the main page under a dialog in developer words. A nested path (with a
    slash) cannot be a page's path: it is sent to the "no such page" page's own address."""
    ctx = get_script_run_ctx()
    if ctx is None or ctx.pages_manager.intended_page_script_hash:
        return None  # a page chosen in the app, by its hash
    name = (ctx.pages_manager.intended_page_name or "").strip().strip("/")
    if name in PAGE_BY_PATH:
        return None
    if "/" in name:
        ctx.pages_manager.set_script_intent("", NOT_FOUND.path)
        return NOT_FOUND.path
    return name


def no_url_state() -> None:
    """For pages without filters: say that a link's parameters were ignored, and drop them."""
    query = _query()
    for notice in unknown_params(query, []):
        st.warning(notice, icon=":material/link_off:")
    if query:
        _replace_query({})


def url_state(cls: type[S], vocab: Vocabulary, page: str) -> S:
    """The view this run shows, and the page's widgets set to show it; notices for what a link
    named that was dropped.

    One rule: the page shows what a fresh load of the address bar's link shows. The link is
    read and every widget set from it, unless this run is the visitor's own change on the page
    (same page, not Back or Forward, the address bar as the page wrote it lately): then the
    widgets hold the view, and a widget whose state Streamlit has dropped is set again from the
    link, so a range slider always comes back as a range. Arriving from the navigation with no
    link parameters brings back the page's last view in this visit; a link that names a view
    always opens exactly that view.
    """
    nav = _nav()
    query = _query()
    arrived, history = _arrived(page), _history_navigation()
    if arrived and not history and not query and nav["views"].get(page):
        query = nav["views"][page]
    state, notices = cls.from_query(query, vocab)
    own_change = _signature(_query()) in nav["written"].get(page, ())
    from_link = arrived or history or not own_change
    for key, value in state.widget_values(vocab).items():
        if from_link or key not in st.session_state:
            st.session_state[key] = value
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    return state


def write_url(state: UrlState, page: str) -> None:
    """Make the address bar show the link that reproduces `state`, and remember it as the
    page's last view."""
    query = state.to_query()
    nav = _nav()
    # noted before the address bar is told: a run stopped by the next click in between must not
    # leave the next run taking the page's own link for one from outside
    recent = [sig for sig in nav["written"].get(page, ()) if sig != _signature(query)]
    nav["written"][page] = (*recent[-(RECENT_WRITES - 1) :], _signature(query))
    nav["views"][page] = query
    if _signature(_query()) != _signature(query):
        _replace_query(query)


def commit(cls: type[S], vocab: Vocabulary, page: str) -> S:
    """The state the page's widgets now show, written to the address bar (call it after the
    widgets of `cls.WIDGETS` have been drawn)."""
    state = cls.from_widgets(st.session_state, vocab)
    write_url(state, page)
    return state


def reset_control(state: UrlState, vocab: Vocabulary, page: str) -> None:
    """A "Reset filters" button, shown when the view is not the page's default. Its place is
    always there (empty at the default view): the browser matches a page's blocks, such as a row
    of columns, by their place, and a button that came and went before them made it draw their
    charts anew at every change to or from the default view."""
    slot = st.empty()
    if not state.is_default():
        default, _notices = type(state).from_query({}, vocab)
        slot.button(
            _("Reset filters"),
            icon=":material/restart_alt:",
            key=f"{page}.reset",
            on_click=reset_view,
            args=(default.widget_values(vocab),),
            type="tertiary",
        )


def page_link(page: str, label: str, icon: str | None = None, state: UrlState | None = None, **kwargs: Any) -> None:
    """A link to another page, opening `state` there (no state: the page as the navigation
    opens it). Every cross-page link goes through here, so its path and query come from the
    page registry and the target's state class."""
    st.page_link(PAGE_BY_KEY[page].script, label=label, icon=icon, query_params=_link_query(state), **kwargs)


def switch_to(page: str, state: UrlState | None = None) -> None:
    """Go to another page showing `state` (see page_link)."""
    st.switch_page(PAGE_BY_KEY[page].script, query_params=_link_query(state))


def safe_markdown(text: str, bold: bool = False) -> None:
    """Show text that may contain values from a URL or a data file, as plain words."""
    body = escape_markdown(text)
    st.markdown(f"**{body}**" if bold else body)


def footer(ds: Dataset) -> None:
    pkg = ds.package
    licence = pkg.get("licenses", [{}])[0]
    # the package's title is English metadata; another language names the package in its words
    title = pkg.get("title", "") if i18n.current() == i18n.DEFAULT else _("the CICA Dashboard's data package")
    st.divider()
    st.caption(
        _("Data: {title}. Every row names its source; see *About the data*. Licence: {licence}. Data as of {date}.").format(
            title=escape_markdown(title),
            licence=escape_markdown(licence.get("name", "")),
            date=format_iso_day(pkg.get("x-accessed", "")),
        )
    )


@st.cache_data(show_spinner=False, max_entries=2)
def _package_zip(folder: str, signature: tuple) -> bytes:
    from cica_dash.data.export import package_zip

    return package_zip(_load(folder, signature))


def package_zip_bytes() -> bytes:
    """The data package zip, built once per change of the files."""
    folder = data_dir()
    return _package_zip(str(folder), data_signature(folder))


def _app_root(page: str) -> str:
    """The app's own address as the browser sees it (behind a proxy too), ending in "/"; empty
    when there is no browser (tests)."""
    url = (st.context.url or "").split("?", 1)[0]
    path = PAGE_BY_KEY[page].path
    if path and url.rstrip("/").endswith("/" + path):
        url = url.rstrip("/")[: -len(path)]
    return url if url.endswith("/") or not url else url + "/"


def view_link(page: str, state: UrlState | None) -> str:
    """The full link that opens `state` on `page`; without a browser (tests) the page's own
    relative link."""
    return _app_root(page) + with_query(PAGE_BY_KEY[page].path, _link_query(state))


def view_tools(ds: Dataset, page: str, state: UrlState | None, title: str, downloads: Callable[[], None] | None = None) -> None:
    """ "Share, get this data, cite this view": the view's link, its data twin at `api/` with a
    two-line example for pandas and R, and a citation (plain text and BibTeX) naming the data
    version, each in a box with its own copy button. On paper, the page's name, the link, data
    version and date instead (`paper_heading`). The box is filled only while it is open: closed, its
    code blocks and tabs are not sent, nor redrawn at every filter change (a fifth of a click)."""
    from cica_dash.glue.api_views import API_PATH, PACKAGE_ZIP, data_path
    from cica_dash.model.citation import bibtex, citation_text

    paper_heading(ds, page, state)
    box = st.expander(_("Share, get this data, cite this view"), icon=":material/share:", key=TOOLS_KEY + page, on_change="rerun")
    if not box.open:
        return
    root = _app_root(page)
    link = view_link(page, state) if root else ""
    with box:
        share, data, cite = st.tabs([_("Link"), _("Get this data"), _("Cite this view")])
        with share:
            st.caption(_("The link opens exactly this view, for anyone you send it to."))
            st.code(link or _("(the link appears when the page is opened in a browser)"), language=None, wrap_lines=True)
        with data:
            csv = data_path(page, state, "csv")
            if csv is None:  # a page without a data twin: the whole package and the index
                st.markdown(
                    _("The whole data package: [`{zip}`]({zip}); every endpoint: [`{api}`]({api}).").format(
                        zip=API_PATH + PACKAGE_ZIP, api=API_PATH
                    )
                )
            else:
                json_path = data_path(page, state, "json")
                st.markdown(
                    _(
                        "The rows of this view: [CSV]({csv}) · [JSON]({json}) · [all endpoints]({api}). "
                        "The JSON names the filters as understood and what was dropped."
                    ).format(csv=csv, json=json_path, api=API_PATH)
                )
                st.caption("pandas")
                st.code(f'import pandas as pd\nrows = pd.read_csv("{root}{csv}")', language="python")
                st.caption("R")
                st.code(f'rows <- read.csv("{root}{csv}")\nhead(rows)', language="r")
            if downloads is not None:
                downloads()
        with cite:
            accessed = _today()
            where = link or PAGE_BY_KEY[page].path or "./"
            st.caption(
                _("Data version {version}: the data package's as-of date and a hash of its files.").format(version=ds.version)
            )
            st.code(citation_text(title, ds.version, where, accessed), language=None, wrap_lines=True)
            st.code(bibtex(title, ds.version, where, accessed), language="latex")
