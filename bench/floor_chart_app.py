"""The floor plus one small plotly chart that follows the selectbox: what Streamlit's plotly
element alone adds to a click and to a cold start (the chart is mounted afresh whenever its
figure changes), measured beside the floor to show how much of a page's figure is the stack's."""

import plotly.graph_objects as go
import streamlit as st

choice = st.selectbox("Pick one", ["alpha", "beta", "gamma"], key="floor.choice")
st.write(f"You picked {choice}.")
heights = {"alpha": [3, 1, 2], "beta": [1, 3, 2], "gamma": [2, 2, 3]}[choice]
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=heights)), key="floor.chart")
