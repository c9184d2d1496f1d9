"""Country profile: everything the record says about one member or observer state, with its sources."""

from datetime import date
from functools import partial

import streamlit as st

from cica_dash.data.i18n import _
from cica_dash.figures.brief import country_brief_pdf
from cica_dash.glue import cached
from cica_dash.glue.ui import (
    commit,
    dataset,
    footer,
    page_link,
    printable_table,
    safe_markdown,
    url_state,
    view_link,
    view_tools,
)
from cica_dash.model import membership as mb
from cica_dash.model import profile as prof
from cica_dash.model.paper import words
from cica_dash.url.state import CountryState, EventsState, TimelineState

ds, vocab = dataset()
url_state(CountryState, vocab, "country")

st.title(_("Country profile"))


@st.fragment
def view() -> None:
    """The picker and the profile: choosing another state reruns only this part, and the
    heading, the navigation and the footer stay as sent."""
    st.selectbox(
        _("Country"),
        list(vocab.countries),  # in the run's language, sorted by name: the picker finds them as typed
        format_func=vocab.countries.get,
        placeholder=_("Choose a country"),
        key="country.pick",
    )
    pick = commit(CountryState, vocab, "country").country
    if not pick:
        st.info(_("Choose a member or observer state above to see its profile."), icon=":material/flag:")
        return

    today = date.today()
    p = cached.country_profile(ds, pick, vocab.first_year, vocab.last_year, today)
    st.header(p.name)
    safe_markdown(prof.profile_summary(p))
    c = st.columns([3, 2, 2, 2])  # the status ("Founding member") is the longest value
    c[0].metric(_("Status"), mb.status_in_a_word(p.status).capitalize())
    c[1].metric(_("Chairmanships"), len(p.chairmanships))
    c[2].metric(_("Coordinator roles"), len(p.roles), help=_("coordinator and co-coordinator roles on record"))
    c[3].metric(_("Events hosted"), p.events_total)
    links = st.container(key="cica-screen-links").columns(4, vertical_alignment="center")  # nothing to press on paper
    with links[0]:
        page_link("events", _("Events with {name}").format(name=p.name), ":material/event:", EventsState(country=(p.iso3,)))
    with links[1]:
        page_link(
            "timeline", _("Timeline for {name}").format(name=p.name), ":material/timeline:", TimelineState(country=(p.iso3,))
        )
    with links[2]:
        page_link("map", _("Back to the member map"), ":material/public:")
    links[3].download_button(
        _("Download brief (PDF)"),
        # made only when someone clicks
        data=partial(
            country_brief_pdf,
            p,
            link=view_link("country", CountryState(country=pick)),
            version=ds.version,
            made=today,
            words=words(),
        ),
        file_name=f"cica-brief-{p.iso3}.pdf",
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        help=_("One or two pages: status, roles, chairmanships, meetings and events hosted, each with its numbered source"),
    )
    # plain, whole, sources as numbers, escaped for Markdown
    paper_tables = cached.paper_markdown(ds, pick, vocab.first_year, vocab.last_year, today)

    def section(name: str, title: str, frame, empty: str, **config) -> None:
        st.subheader(title)
        if frame.empty:
            st.caption(empty)
        else:
            printable_table(name, frame, paper_tables[name], column_config=config)

    section(
        "chairmanships",
        _("Chairmanships"),
        p.chairmanships,
        _("Has not chaired CICA."),
        From=st.column_config.NumberColumn(format="%d"),
        To=st.column_config.NumberColumn(format="%d"),
    )
    section("roles", _("Coordinator and co-coordinator roles"), p.roles, _("No coordinator role on record."))
    section(
        "meetings",
        _("Summits and ministerial meetings hosted"),
        p.meetings,
        _("No summit or ministerial meeting hosted on record."),
    )
    section("events", _("Events hosted"), p.events, _("No event hosted on record."))
    more = st.empty()  # there or empty: the tables below keep their place (tests/test_page_chart_places.py)
    if p.events_total > len(p.events):
        more.caption(
            _("The {shown} most recent of {total} events; the Events page lists them all.").format(
                shown=len(p.events), total=p.events_total
            )
        )
    section("milestones", _("Milestones that concern it"), p.milestones, _("No milestone names it."))
    section("sources", _("Every source used on this page"), p.sources, _("No sources."))
    view_tools(ds, "country", CountryState(country=pick), _("Country profile ({name})").format(name=p.name))


view()
footer(ds)
