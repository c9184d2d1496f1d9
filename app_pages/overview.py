"""Overview: the forum in figures, and where to go next."""

import streamlit as st

from cica_dash.glue.ui import dataset, footer, no_url_state, page_link, view_tools
from cica_dash.model.overview import headline

ds, vocab = dataset()
no_url_state()
h = headline(ds)

st.title("CICA Dashboard")
st.markdown(
    "The **Conference on Interaction and Confidence Building Measures in Asia** began with the proposal "
    "Kazakhstan's President made at the 47th UN General Assembly on 5 October 1992. "
    "This dashboard shows who belongs to it and since when, how it grew, who coordinates which "
    "confidence-building measures, and what it has done: every figure comes from the sourced tables "
    "described under *About the data*."
)

c = st.columns(3)
c[0].metric("Member states", h.members, help=f"{h.founding_members} of them signed the 2002 Almaty Act")
c[1].metric(
    "Observers",
    h.observer_states + h.observer_organisations,
    help=f"{h.observer_states} states, {h.observer_organisations} organisations",
)
c[2].metric("Years since the 1992 initiative", h.years_since_initiative)
c = st.columns(3)
c[0].metric("Summits held", h.summits_held, help=f"Next: {h.next_summit}" if h.next_summit else None)
c[1].metric("Events on record", h.events, help=f"hosted in {h.event_countries} countries")
c[2].metric("Chairmanship", h.chair or "—")
st.caption(f"Data as of {h.data_as_of}. Next summit on record: {h.next_summit or 'none'}.")

st.header("Explore")
cols = st.columns(2)
with cols[0]:
    page_link("map", "Member map: who joined when", ":material/public:")
    page_link("timeline", "Timeline: 1992 to today", ":material/timeline:")
    page_link("matrix", "Who coordinates what", ":material/grid_on:")
with cols[1]:
    page_link("events", "Events: seminars, forums, meetings", ":material/event:")
    page_link("country", "Country profiles", ":material/flag:")
    page_link("data", "About the data and downloads", ":material/dataset:")

view_tools(ds, "overview", None, "Overview")
footer(ds)
