"""The data layer: load the record, check it against its schema, and the lookups every layer shares (names, sources, dates, words). No Streamlit."""
