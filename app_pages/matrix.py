"""Who coordinates what: priority areas by member state, as of a year."""

import streamlit as st

from cica_dash.data.glossary import GLOSSARY_LINK
from cica_dash.data.i18n import _
from cica_dash.data.names import dimension_label
from cica_dash.figures import matrix as mxf
from cica_dash.glue import cached
from cica_dash.glue.chart import plotly_chart
from cica_dash.glue.ui import (
    commit,
    dataset,
    footer,
    page_link,
    plotly_config,
    reset_control,
    safe_markdown,
    table,
    url_state,
    view_tools,
    year_slider,
)
from cica_dash.model import matrix as mx
from cica_dash.url.links import escape_markdown
from cica_dash.url.state import ORDERS, CountryState, EventsState, MatrixState

ds, vocab = dataset()
url_state(MatrixState, vocab, "matrix")
st.title(_("Who coordinates what"))
st.markdown(
    _(
        "Each priority area of the [Catalogue]({glossary}) of confidence-building measures is led by a **coordinator** state, "
        "often with **co-coordinators**. The matrix shows who held which role in the chosen year, as far as a source says."
    ).format(glossary=GLOSSARY_LINK)
)


@st.fragment
def view() -> None:
    """The filters and what they show: a change reruns only this part, and the heading, the
    navigation and the footer stay as sent."""
    countries = mx.country_options(ds, st.session_state.get("matrix.country") or ())  # the picker's, as this run of it begins
    c = st.columns([4, 3, 3, 2])  # the year: a slider and its two steppers
    year = year_slider(c[0], _("As of"), vocab.first_year, vocab.last_year, key="matrix.year")
    c[1].multiselect(
        _("Dimensions"),
        list(vocab.dimensions),
        format_func={d: dimension_label(d, vocab.dimensions) for d in vocab.dimensions}.get,
        key="matrix.dimension",
        placeholder=_("All five"),
    )
    c[2].multiselect(
        _("Member states"), list(countries), format_func=countries.get, key="matrix.country", placeholder=_("All with a role")
    )
    c[3].radio(
        _("States in order of"), ORDERS, format_func={"roles": _("number of roles"), "name": _("name")}.get, key="matrix.order"
    )
    state = commit(MatrixState, vocab, "matrix")
    reset_control(state, vocab, "matrix")

    m = mx.build_matrix(ds, year, state.dimension, state.country, state.order, cells=cached.matrix_cells(ds, year))
    filtered = bool(state.dimension or state.country)
    safe_markdown(mx.holders_sentence(m, mx.member_count(ds, year), len(ds.priority_areas), filtered))
    st.caption(
        _(
            "**C** coordinator, **co** co-coordinator. A role's period is in its cell's tooltip and in *In words* below: "
            "*{example}* means the earliest source that names the role is of that month "
            "(the glossary on *About the data* has every term)."
        ).format(example=mx.period_example())
    )

    # one small matrix per dimension: a few areas each, so it fits any screen; small ones side by side
    clicked: list[dict] = []
    panels = mx.dimension_panels(m)
    for group in mx.panel_rows(panels):
        if len(group) == 1 and len(group[0].areas) <= mx.NARROW_AREAS:
            cols = st.columns([1, 2])[:1]  # one narrow panel keeps narrow cells
        else:
            cols = st.columns(len(group)) if len(group) > 1 else [st.container()]
        for col, panel in zip(cols, group):
            with col:
                clicked += plotly_chart(
                    mxf.panel_figure(panel, year),
                    key=f"matrix.chart.{panel.dimension}",
                    config=plotly_config(f"matrix-roles-{panel.dimension}-{year}"),
                    clicks=True,
                )

    picked = [tuple(p["customdata"]) for p in clicked if p.get("customdata")]
    choices = [None, *mx.cell_choices(m)]
    if picked:  # a click is reported in the run it causes only, so the picker stays free afterwards
        st.session_state["matrix.cell"] = picked[-1]
    if st.session_state.get("matrix.cell") not in choices:
        st.session_state["matrix.cell"] = None
    labels = mx.cell_labels(m, choices)
    cell = st.selectbox(_("Open a cell (or click one in the matrix)"), choices, format_func=labels.get, key="matrix.cell")
    links = st.empty()  # there or empty: the charts below keep their place (tests/test_page_chart_places.py)
    if cell:
        lc = links.container().columns(2)
        label = escape_markdown(labels[cell])
        with lc[0]:
            page_link(
                "events",
                _("Events: {cell}").format(cell=label),
                ":material/event:",
                EventsState(area=(cell[0],), country=(cell[1],)),
            )
        with lc[1]:
            name = escape_markdown(_("Country profile: {name}").format(name=countries.get(cell[1], cell[1])))
            page_link("country", name, ":material/flag:", CountryState(country=cell[1]))

    left, right = st.columns([2, 3])
    with left:
        plotly_chart(
            mxf.roles_bar_figure(m.per_country, year),
            key="matrix.bars",
            config=plotly_config(f"matrix-roles-per-country-{year}"),
        )
    with right:
        st.header(_("In words"))
        for dim, lines in mx.dimension_sentences(m):
            st.markdown(f"**{escape_markdown(dim)}**\n\n" + "\n".join(f"- {escape_markdown(line)}" for line in lines))

    st.header(_("The roles and their sources"))
    table(mx.role_table(m), column_config={"Notes": st.column_config.TextColumn(width="large")})
    view_tools(ds, "matrix", state, _("Who coordinates what") + " (" + state.describe(vocab).replace(" · ", "; ") + ")")


view()
footer(ds)
