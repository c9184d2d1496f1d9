"""Timeline: from the 1992 proposal at the UN General Assembly to today, in lanes."""

from datetime import date

import streamlit as st

from cica_dash.data.i18n import _, ngettext
from cica_dash.figures.timeline import timeline_figure, x_window
from cica_dash.glue import cached
from cica_dash.glue.callbacks import timeline_preset_changed, timeline_years_changed, timeline_years_seen
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
)
from cica_dash.model.timeline import LANES, filter_items, readable_list
from cica_dash.url.periods import PRESETS
from cica_dash.url.state import TimelineState

ds, vocab = dataset()
today = date.today()
first, last = vocab.first_year, vocab.last_year
url_state(TimelineState, vocab, "timeline")

st.title(_("Timeline"))
st.markdown(
    _(
        "From Kazakhstan's proposal at the UN General Assembly on 5 October 1992 to today: chairmanships, "
        "summits, ministerial meetings, accessions, founding documents, institutions and partnerships. "
        "Point at an item for what was decided and its source; drag across the chart to zoom."
    )
)
page_link("events", _("Seminars, forums, trainings and the meetings of CICA's bodies are on Events"), ":material/event:")


@st.fragment
def view() -> None:
    """The filters and what they show: a change reruns only this part, and the page's heading, the
    navigation and the footer stay as sent (half of a click's time in the browser)."""
    timeline_years_seen()  # as each run of the filters begins (glue/callbacks.py)
    left, right = st.columns([2, 3])
    left.radio(
        _("Period"),
        list(PRESETS),
        format_func={p: _(p) for p in PRESETS}.get,
        key="timeline.preset",
        horizontal=True,
        on_change=timeline_preset_changed,
        args=(first, last),
    )
    right.slider(_("Years"), first, last, key="timeline.years", on_change=timeline_years_changed, args=(first, last))
    left, right = st.columns(2)
    lanes = {c: _(name) for c, name in LANES.items()}
    left.multiselect(_("Categories"), list(LANES), key="timeline.category", format_func=lanes.get, placeholder=_("All"))
    right.multiselect(
        _("Countries"), list(vocab.countries), key="timeline.country", format_func=vocab.countries.get, placeholder=_("All")
    )
    state = commit(TimelineState, vocab, "timeline")
    reset_control(state, vocab, "timeline")

    items = cached.timeline_items(ds, today)
    shown = filter_items(items, state.year_from, state.year_to, state.category, state.country)
    safe_markdown(
        ngettext("Showing {n} item: {view}.", "Showing {n} items: {view}.", len(shown)).format(
            n=len(shown), view=state.describe(vocab)
        )
    )
    if shown.empty:
        st.info(_("Nothing on the timeline matches these filters. Widen the years or clear a category or country."))
    else:
        window = x_window(state.year_from, state.year_to, today, shown)
        fig = timeline_figure(
            shown, cached.member_growth(ds), today, window, title=_("CICA timeline, {view}").format(view=state.describe(vocab))
        )
        plotly_chart(fig, key="timeline.chart", config=plotly_config("timeline"))
        st.header(_("The same items as a list"))
        table(
            readable_list(shown),
            column_config={
                "Decided or adopted": st.column_config.TextColumn(width="large"),
            },
        )
    view_tools(ds, "timeline", state, _("Timeline ({view})").format(view=state.describe(vocab).replace(" · ", "; ")))


view()
footer(ds)
