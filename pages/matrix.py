"""Placeholder until the page lands."""

import streamlit as st

st.title("matrix")
st.info("This page is being built.")
