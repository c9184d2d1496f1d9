"""The floor plus Streamlit elements that follow its selectbox, with trivial content: what the
elements alone cost a click and a cold start, without any of the dashboard's data work.

`?with=` lists the elements in order, repeats allowed (unknown names are skipped):
  plotly   a small bar chart through `st.plotly_chart` (mounted afresh when its figure changes)
  element  the same chart through the app's element (`cica_dash/glue/chart.py`, updated in place)
  grid     a data grid (`st.dataframe`) of 40 rows by 6 columns
  geo      a map of 30 points on the shipped country shapes, through the app's element
  slider   (anywhere in the list) the elements follow a year slider, 1992-2026, not the selectbox
e.g. `/?with=element,geo,grid` is what the events page redraws when its years change.
(bench/static links to the app's static folder, where plotly.js and the shapes are served.)
"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from cica_dash.figures.map_figures import region_geo
from cica_dash.glue.chart import plotly_chart
from cica_dash.glue.ui import plotly_config

ELEMENTS = [p for p in st.query_params.get("with", "").split(",") if p]
if "slider" in ELEMENTS:  # the elements follow a year slider instead (the map page's drag)
    year = st.slider("Year", 1992, 2026, 2026, key="floor.year")
    choice = ["alpha", "beta", "gamma"][year % 3]
else:
    choice = st.selectbox("Pick one", ["alpha", "beta", "gamma"], key="floor.choice")
st.write(f"You picked {choice}.")
shift = ["alpha", "beta", "gamma"].index(choice)


def bars() -> go.Figure:
    return go.Figure(go.Bar(x=["a", "b", "c"], y={"alpha": [3, 1, 2], "beta": [1, 3, 2], "gamma": [2, 2, 3]}[choice]))


def grid() -> pd.DataFrame:
    n = range(shift, 40 + shift)
    return pd.DataFrame(
        {
            "date": [f"{2000 + i % 25}-0{1 + i % 9}" for i in n],
            "title": [f"Meeting number {i} on confidence building" for i in n],
            "type": ["seminar" if i % 3 else "forum" for i in n],
            "host": [f"State {i % 27}" for i in n],
            "count": list(n),
            "source": [f"https://example.org/{i}" for i in n],
        }
    )


def geo() -> go.Figure:
    points = go.Scattergeo(lon=[40 + 3 * i + 5 * shift for i in range(30)], lat=[10 + i for i in range(30)], mode="markers")
    return go.Figure(points, layout=dict(geo=region_geo(), height=380))


for i, name in enumerate(ELEMENTS):
    if name == "plotly":
        st.plotly_chart(bars(), key=f"ref.plotly.{i}")
    elif name == "element":
        plotly_chart(bars(), key=f"ref.element.{i}", config={"displaylogo": False})
    elif name == "grid":
        st.dataframe(grid(), hide_index=True, width="stretch")
    elif name == "geo":
        plotly_chart(geo(), key=f"ref.geo.{i}", config=plotly_config("reference-geo"))
