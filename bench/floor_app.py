"""The floor every figure is compared with: a bare Streamlit page, one selectbox and one line of text."""

import streamlit as st

choice = st.selectbox("Pick one", ["alpha", "beta", "gamma"], key="floor.choice")
st.write(f"You picked {choice}.")
