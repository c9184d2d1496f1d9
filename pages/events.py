"""Placeholder until the page lands."""

import streamlit as st

st.title("events")
st.info("This page is being built.")
