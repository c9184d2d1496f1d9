"""Entry point: page config and navigation over the page registry in cica_dash.links."""

import streamlit as st

from cica_dash.links import NOT_FOUND, PAGE_BY_PATH, PAGES
from cica_dash.memory import script_slot
from cica_dash.ui import track_page, unknown_page_path

st.set_page_config(page_title="CICA Dashboard", page_icon="static/favicon.png", layout="wide")

pages = [st.Page(p.script, title=p.title, icon=p.icon, url_path=p.path or None, default=p.key == "overview") for p in PAGES]
if (missing := unknown_page_path()) is not None:  # the dashboard's own "no such page", at the address asked for
    pages.append(st.Page(NOT_FOUND.script, title=NOT_FOUND.title, icon=NOT_FOUND.icon, url_path=missing, visibility="hidden"))
page = st.navigation(pages, position="top")
track_page(PAGE_BY_PATH[page.url_path].key if page.url_path in PAGE_BY_PATH else NOT_FOUND.key)
with script_slot():
    page.run()
