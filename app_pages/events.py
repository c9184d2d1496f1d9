"""Events explorer: filter the record by country, dimension, area, type, years and text; share the view."""

from datetime import date
from functools import partial

import streamlit as st

from cica_dash.data.i18n import _, count
from cica_dash.data.labels import RELATION_LABELS
from cica_dash.figures import events as evf
from cica_dash.figures import map_figures as mf
from cica_dash.glue import cached
from cica_dash.glue.chart import plotly_chart
from cica_dash.glue.ui import (
    commit,
    dataset,
    footer,
    package_zip_bytes,
    page_link,
    plotly_config,
    reset_control,
    safe_markdown,
    table,
    url_state,
    view_tools,
)
from cica_dash.model import events as ev
from cica_dash.model import timeline as tl
from cica_dash.url.state import EventsState

TABLE_ROWS = 500  # a page of the table; the download has every row
ds, vocab = dataset()
dims = [*vocab.dimensions, "institutional"]
url_state(EventsState, vocab, "events")

st.title(_("Events"))


@st.fragment
def view() -> None:
    """The filters and what they show: a change reruns only this part, and the heading, the
    navigation and the footer stay as sent."""
    with st.container(border=True):
        c = st.columns(3)
        c[0].multiselect(
            _("Country (host or participant)"),
            list(vocab.countries),
            format_func=vocab.countries.get,
            key="events.country",
            placeholder=_("All"),
        )
        dimension = c[1].multiselect(
            _("Dimension"),
            dims,
            format_func={d: ev.dimension_label(d, vocab) for d in dims}.get,
            key="events.dimension",
            placeholder=_("All"),
        )
        area_options = [a for a, d in vocab.area_dimension.items() if not dimension or d in dimension]
        c[2].multiselect(_("Priority area"), area_options, format_func=vocab.areas.get, key="events.area", placeholder=_("All"))
        c = st.columns([1, 1, 2, 1])
        c[1].multiselect(
            _("What CICA did"),
            list(vocab.relations),
            format_func={r: _(RELATION_LABELS.get(r, r)) for r in vocab.relations}.get,  # not a lambda: see test_session_memory
            key="events.relation",
            placeholder=_("All"),
            help=_("CICA's own events (organised or co-organised), or other bodies' events it took part in"),
        )
        c[0].multiselect(
            _("Type"),
            list(vocab.event_types),
            format_func={t: ev.type_word(t) for t in vocab.event_types}.get,
            key="events.type",
            placeholder=_("All"),
        )
        c[2].slider(_("Years"), vocab.first_year, vocab.last_year, key="events.years")
        c[3].text_input(
            _("Search titles, places, notes"),
            key="events.q",
            max_chars=200,
            help=_("Finds the text in an event's title (and Russian title), city, notes and host state's name"),
        )
        st.toggle(
            _("Show the timeline's milestones too: summits, ministerial meetings, accessions"),
            key="events.milestones",
            help=_("Milestones match the countries, years and text; they have no dimension, area, type or CICA's part"),
        )

    new = commit(EventsState, vocab, "events")
    reset_control(new, vocab, "events")

    rows = ev.filter_events(ds.events, new)
    milestones = (
        tl.milestones_beside_events(cached.timeline_items(ds, date.today()), new.year_from, new.year_to, new.country, new.q)
        if new.with_milestones
        else None
    )
    # one block whose lines come and go with the view, so that the charts below keep their place
    # (the browser matches blocks by their place, and would draw a moved chart anew)
    with st.container():
        if milestones is None:
            page_link(
                "timeline",
                _("Summits, ministerial meetings, chairmanships and accessions are on the Timeline"),
                ":material/timeline:",
            )
        safe_markdown(new.describe(vocab, len(rows), None if milestones is None else len(milestones)), bold=True)
        if new.milestones and not new.with_milestones:
            st.caption(
                _("Milestones are left out while a dimension, area, type or CICA's part is chosen: a summit has none of these.")
            )
        if len(rows):
            st.caption(ev.relation_line(rows))
        if ev.reaches_thin_years(new):
            st.caption(
                _(
                    "Before {year} the record is thin: it holds the meetings of CICA's own bodies "
                    "(SOC, SWG: see the glossary) that later documents date. *About the data* lists the known gaps and the glossary."
                ).format(year=ev.THIN_BEFORE)
            )

    def downloads() -> None:
        d = st.columns(2)
        d[0].download_button(
            _("Download these events (CSV)"),
            data=partial(ev.filtered_csv, ds.events, new),  # made only when someone clicks
            file_name="cica-events.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
        )
        d[1].download_button(
            _("Download the full data package (zip)"),
            data=package_zip_bytes,
            file_name="cica-data-package.zip",
            mime="application/zip",
            on_click="ignore",
            icon=":material/download:",
        )

    view_tools(ds, "events", new, _("Events") + " (" + ("; ".join(new.summary_parts(vocab)) or _("all")) + ")", downloads)

    with st.container():  # there or empty, one block (see above)
        if milestones is not None:
            st.subheader(_("Milestones"))
            if milestones.empty:
                st.caption(_("No milestone matches these countries, years and text."))
            else:
                table(tl.readable_list(milestones), column_config={"Title": st.column_config.TextColumn(width="large")})
            st.subheader(_("Events"))

    if rows.empty:
        st.info(
            _("No events match these filters. Widen the years or remove a filter; *Reset filters* above shows every event."),
            icon=":material/search_off:",
        )
    else:
        left, right = st.columns([3, 2])
        with left:
            plotly_chart(
                evf.per_year_figure(ev.per_year(rows), vocab), key="events.per_year", config=plotly_config("events-per-year")
            )
        points = ev.places(rows, vocab)
        online = ev.held_online(rows)
        with right:
            plotly_chart(
                evf.places_map(points), key="events.places", config=plotly_config("events-places", **mf.CONFIG_NO_SCROLL_ZOOM)
            )
            far = evf.outside_the_map(points)
            st.caption(
                _("{places} · {online} online and {unplaced} without a known city are not on the map.").format(
                    places=count(len(points), "{n} place", "{n} places"),
                    online=count(int(online.sum()), "{n} event", "{n} events"),
                    unplaced=int((rows["lat"].isna() & ~online).sum()),
                )
                + (" " + _("Beyond the map's frame: {places}.").format(places=", ".join(far)) if far else "")
            )
        table(
            ev.table_page(cached.events_table(ds), rows.index, TABLE_ROWS).drop(columns=["sort_date"]),
            column_config={
                "Event": st.column_config.TextColumn(width="large"),
                "Notes": st.column_config.TextColumn(width="medium"),
            },
        )
        if len(rows) > TABLE_ROWS:
            st.caption(
                _("Showing the {shown} most recent of {total} events; the CSV download has them all.").format(
                    shown=TABLE_ROWS, total=len(rows)
                )
            )


view()
footer(ds)
