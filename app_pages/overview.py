"""Overview: the forum in figures, and where to go next."""

import streamlit as st

from cica_dash.data.i18n import _, count
from cica_dash.data.names import country_label
from cica_dash.glue.ui import dataset, footer, no_url_state, page_link, view_tools
from cica_dash.model.overview import headline

ds, vocab = dataset()
no_url_state()
h = headline(ds)

st.title(_("CICA Dashboard"))
st.markdown(
    _(
        "The **Conference on Interaction and Confidence Building Measures in Asia** began with the proposal "
        "Kazakhstan's President made at the 47th UN General Assembly on 5 October 1992. "
        "This dashboard shows who belongs to it and since when, how it grew, who coordinates which "
        "confidence-building measures, and what it has done: every figure comes from the sourced tables "
        "described under *About the data*."
    )
)

c = st.columns(3)
c[0].metric(_("Member states"), h.members, help=_("{n} of them signed the 2002 Almaty Act").format(n=h.founding_members))
c[1].metric(
    _("Observers"),
    h.observer_states + h.observer_organisations,
    help=_("{states} states, {organisations} organisations").format(
        states=h.observer_states, organisations=h.observer_organisations
    ),
)
c[2].metric(_("Years since the 1992 initiative"), h.years_since_initiative)
c = st.columns(3)
c[0].metric(_("Summits held"), h.summits_held, help=_("Next: {summit}").format(summit=h.next_summit) if h.next_summit else None)
c[1].metric(_("Events on record"), h.events, help=count(h.event_countries, "hosted in {n} country", "hosted in {n} countries"))
c[2].metric(_("Chairmanship"), country_label(h.chair_iso3, h.chair) if h.chair_iso3 else "—")
st.caption(_("Data as of {date}. Next summit on record: {summit}.").format(date=h.data_as_of, summit=h.next_summit or _("none")))

st.header(_("Explore"))
cols = st.columns(2)
with cols[0]:
    page_link("map", _("Member map: who joined when"), ":material/public:")
    page_link("timeline", _("Timeline: 1992 to today"), ":material/timeline:")
    page_link("matrix", _("Who coordinates what"), ":material/grid_on:")
with cols[1]:
    page_link("events", _("Events: seminars, forums, meetings"), ":material/event:")
    page_link("country", _("Country profiles"), ":material/flag:")
    page_link("data", _("About the data and downloads"), ":material/dataset:")

view_tools(ds, "overview", None, _("Overview"))
footer(ds)
