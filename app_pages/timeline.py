"""Timeline: from the 1992 proposal at the UN General Assembly to today, in lanes."""

from datetime import date

import streamlit as st

from cica_dash import cached
from cica_dash.callbacks import timeline_preset_changed, timeline_years_changed
from cica_dash.chart import plotly_chart
from cica_dash.state import TimelineState
from cica_dash.timeline import (
    LANES,
    PRESETS,
    filter_items,
    preset_of,
    range_for,
    readable_list,
    timeline_figure,
    x_window,
)
from cica_dash.ui import SOURCE_LINK, dataset, footer, plotly_config, safe_markdown, table, url_state, write_url

ds, vocab = dataset()
today = date.today()
first, last = vocab.first_year, vocab.last_year
state = url_state(
    TimelineState,
    vocab,
    "timeline",
    {
        "timeline.preset": lambda s: preset_of(s.year_from, s.year_to),
        "timeline.years": lambda s: (s.year_from or first, s.year_to or last),
        "timeline.category": lambda s: list(s.category),
        "timeline.country": lambda s: list(s.country),
    },
)


st.title("Timeline")
st.markdown(
    "From Kazakhstan's proposal at the UN General Assembly on 5 October 1992 to today: chairmanships, "
    "summits, ministerial meetings, accessions, founding documents, institutions and partnerships. "
    "Point at an item for what was decided and its source; drag across the chart to zoom."
)
left, right = st.columns([2, 3])
preset = left.radio(
    "Period", list(PRESETS), key="timeline.preset", horizontal=True, on_change=timeline_preset_changed, args=(first, last)
)
years = right.slider("Years", first, last, key="timeline.years", on_change=timeline_years_changed, args=(first, last))
left, right = st.columns(2)
cats = left.multiselect("Categories", list(LANES), key="timeline.category", format_func=LANES.get, placeholder="All")
countries = right.multiselect(
    "Countries", list(vocab.countries), key="timeline.country", format_func=vocab.countries.get, placeholder="All"
)
lo, hi = range_for(preset, years, first, last)
state = state.replace(year_from=lo, year_to=hi, category=tuple(cats), country=tuple(countries))
write_url(state, "timeline")

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
            "Source": SOURCE_LINK,
            "Decided or adopted": st.column_config.TextColumn(width="large"),
        },
    )
footer(ds)
