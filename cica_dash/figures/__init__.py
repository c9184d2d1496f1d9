"""The figures: one builder per chart (plotly dicts, the PDF brief). No Streamlit."""
