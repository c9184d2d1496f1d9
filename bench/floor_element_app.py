"""The floor plus the same small chart as floor_chart_app.py, drawn by the app's own plotly
element (cica_dash/chart.py), which updates the chart in place: what the element adds to a
click. (bench/static links to the app's static folder, where plotly.js is served from.)"""

import plotly.graph_objects as go
import streamlit as st

from cica_dash.chart import plotly_chart

choice = st.selectbox("Pick one", ["alpha", "beta", "gamma"], key="floor.choice")
st.write(f"You picked {choice}.")
heights = {"alpha": [3, 1, 2], "beta": [1, 3, 2], "gamma": [2, 2, 3]}[choice]
plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=heights)), key="floor.chart", config={"displaylogo": False})
