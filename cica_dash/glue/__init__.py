"""Streamlit glue: caches keyed on the data version, URL sync, widgets, callbacks, the plotly element, the data API's routes. Only this package and the page scripts import streamlit."""
