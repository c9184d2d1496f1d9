"""The link format: pages, query parameters, one filter state per page that round-trips to the query string. No Streamlit."""
