"""Placeholder until the page lands."""

import streamlit as st

st.title("country")
st.info("This page is being built.")
