"""Entry point: page config and navigation over the page registry in cica_dash.links.

`streamlit run app.py` finds the `st.App` below and serves it: the server then starts with
cica_dash.warmup's lifespan, which loads the data before the first visitor needs it. Each page
view runs this file as a script (`__name__ == "__main__"`), as does AppTest.
"""

import streamlit as st

from cica_dash.links import PAGES
from cica_dash.memory import script_slot

if __name__ == "__main__":
    st.set_page_config(page_title="CICA Dashboard", page_icon="static/favicon.png", layout="wide")

    pages = [st.Page(p.script, title=p.title, icon=p.icon, url_path=p.path or None, default=p.key == "overview") for p in PAGES]
    page = st.navigation(pages, position="top")
    with script_slot():
        page.run()
else:
    from cica_dash.warmup import lifespan

    app = st.App(__file__, lifespan=lifespan)
