"""Timeline: from the 1992 proposal at the UN General Assembly to today, in lanes."""

from datetime import date

import streamlit as st

from cica_dash.figures.timeline import timeline_figure, x_window
from cica_dash.glue import cached
from cica_dash.glue.callbacks import timeline_preset_changed, timeline_years_changed
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

st.title("Timeline")
st.markdown(
    "From Kazakhstan's proposal at the UN General Assembly on 5 October 1992 to today: chairmanships, "
    "summits, ministerial meetings, accessions, founding documents, institutions and partnerships. "
    "Point at an item for what was decided and its source; drag across the chart to zoom."
)
page_link("events", "Seminars, forums, trainings and the meetings of CICA's bodies are on Events", ":material/event:")
left, right = st.columns([2, 3])
left.radio("Period", list(PRESETS), key="timeline.preset", horizontal=True, on_change=timeline_preset_changed, args=(first, last))
right.slider("Years", first, last, key="timeline.years", on_change=timeline_years_changed, args=(first, last))
left, right = st.columns(2)
left.multiselect("Categories", list(LANES), key="timeline.category", format_func=LANES.get, placeholder="All")
right.multiselect("Countries", list(vocab.countries), key="timeline.country", format_func=vocab.countries.get, placeholder="All")
state = commit(TimelineState, vocab, "timeline")
reset_control(state, "timeline")

items = cached.timeline_items(ds, today)
shown = filter_items(items, state.year_from, state.year_to, state.category, state.country)
safe_markdown(f"Showing {len(shown)} item{'s' if len(shown) != 1 else ''}: {state.describe(vocab)}.")
if shown.empty:
    st.info("Nothing on the timeline matches these filters. Widen the years or clear a category or country.")
else:
    window = x_window(state.year_from, state.year_to, today, shown)
    fig = timeline_figure(shown, cached.member_growth(ds), today, window, title=f"CICA timeline, {state.describe(vocab)}")
    plotly_chart(fig, key="timeline.chart", config=plotly_config("timeline"))
    st.header("The same items as a list")
    table(
        readable_list(shown),
        column_config={
            "Decided or adopted": st.column_config.TextColumn(width="large"),
        },
    )
view_tools(ds, "timeline", state, "Timeline (" + state.describe(vocab).replace(" · ", "; ") + ")")
footer(ds)
