"""The figures: one builder per chart (plotly dicts, pydeck decks, the PDF brief). No Streamlit."""
