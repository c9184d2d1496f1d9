"""Member map: who belonged to CICA as of a year, how it grew, and who has chaired it."""

from datetime import date

import streamlit as st

from cica_dash.data.i18n import N_, _, count
from cica_dash.figures import map_figures as mf
from cica_dash.glue import cached
from cica_dash.glue.chart import plotly_chart
from cica_dash.glue.ui import commit, dataset, footer, plotly_config, switch_to, table, url_state, view_tools, year_slider
from cica_dash.model import membership as mb
from cica_dash.url.state import CountryState, MapState

ds, vocab = dataset()
state = url_state(MapState, vocab, "map")

st.title(_("Member map"))
st.markdown(
    _(
        "Members are blue (founding members darkest), observer states orange, former observers pale orange. "
        "A year means *as of 31 December* of that year. Click a state, or choose it below, to open its profile."
    )
)
today = date.today()


@st.fragment
def as_of_view() -> None:
    # moving the slider reruns only this part: the animation and the chair map below stay as sent
    c = st.columns([5, 2, 2, 2], vertical_alignment="bottom")
    year = year_slider(c[0], _("As of the end of"), vocab.first_year, vocab.last_year, key="map.year")
    commit(MapState, vocab, "map")

    statuses = cached.statuses(ds, vocab.first_year, vocab.last_year, today)
    status = statuses[year]
    n = mb.counts(status)
    known = frozenset(status["iso3"])
    c[1].metric(
        _("Member states"),
        n.members,
        help=count(
            n.founding_members,
            "{n} founding member signed the 2002 Almaty Act",
            "{n} founding members signed the 2002 Almaty Act",
        ),
    )
    c[2].metric(_("Observer states"), n.observers, help=_("Observer organisations are not drawn on the map."))
    c[3].metric(_("Former observer states"), n.former_observers, help=_("No longer listed as observers"))
    if status.empty:  # no map of nothing: say when the record begins
        first = next((y for y in sorted(statuses) if not statuses[y].empty), None)
        st.info(
            _("No member or observer state is on record as of 31 December {year}.").format(year=year)
            + (" " + _("The first are on record from {year}: move the slider on.").format(year=first) if first else ""),
            icon=":material/public_off:",
        )
    else:
        clicked = plotly_chart(
            cached.member_map_json(ds, vocab.first_year, vocab.last_year, today, year),
            key="map.choropleth",
            config=plotly_config(f"map-members-{year}", **mf.CONFIG_NO_SCROLL_ZOOM),
            clicks=True,
        )
        picked = mb.selected_country(clicked, known)
        if picked:
            switch_to("country", CountryState(country=picked))
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    small = [name for iso, name in zip(status["iso3"], status["name"]) if iso in mf.SMALL_STATES]
    right.caption(
        _("The map shows Asia and its neighbours whole; every state, wherever it lies, is in the list below.")
        + (" " + _("Too small for the map's scale, drawn as a dot: {states}.").format(states=", ".join(small)) if small else "")
    )
    choice = left.selectbox(
        _("Open a country profile"),
        list(status["iso3"]),
        index=None,
        format_func=dict(zip(status["iso3"], status["name"])).get,
        placeholder=_("Choose a state"),
        key="map.open",
    )
    if choice:
        switch_to("country", CountryState(country=choice))
    plotly_chart(
        mf.step_chart(cached.member_steps(ds), year, vocab.last_year), key="map.steps", config=plotly_config("map-member-count")
    )

    st.header(_("Member and observer states as of {year}").format(year=year))
    table(
        mb.member_list(status),
        column_config={"ISO3": None},  # names for readers; the code stays in the data and the API
    )
    view_tools(
        ds, "map", MapState(year=None if year == vocab.last_year else year), _("Member map (end of {year})").format(year=year)
    )


as_of_view()

# far down the page: drawn when the reader scrolls to them, so the map above is ready first
st.header(_("Watch it grow"))
plotly_chart(
    cached.growth_animation_json(ds, vocab.first_year, vocab.last_year, today),
    key="map.animation",
    config=plotly_config("map-growth", **mf.CONFIG_NO_SCROLL_ZOOM),
    lazy=True,
)

st.header(_("Chairmanship hand-overs"))
terms = cached.chair_terms(ds)
plotly_chart(
    cached.chair_map_json(ds), key="map.chairs", config=plotly_config("map-chairs", **mf.CONFIG_NO_SCROLL_ZOOM), lazy=True
)
# the same facts as text: who chaired, when
table(terms[["name", "terms"]].rename(columns={"name": N_("Chair"), "terms": N_("Terms")}))
footer(ds)
