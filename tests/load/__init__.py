"""Load generator for the dashboard: Streamlit's own websocket protocol, loopback only (see README.md)."""
