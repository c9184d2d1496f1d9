"""Entry point: page config and navigation over the page registry in cica_dash.links."""

import streamlit as st

from cica_dash.links import PAGES
from cica_dash.memory import script_slot

st.set_page_config(page_title="CICA Dashboard", page_icon="static/favicon.png", layout="wide")

pages = [st.Page(p.script, title=p.title, icon=p.icon, url_path=p.path or None, default=p.key == "overview") for p in PAGES]
page = st.navigation(pages, position="top")
with script_slot():
    page.run()
