"""Entry point of `streamlit run app.py`: the pages, with their navigation over the page registry
in cica_dash/url/links.py, and the data API (cica_dash/glue/api.py) on the same server.

Streamlit finds `app` (an `st.App`) in this file and serves it; the App runs this same file as
the script of every page view, where `__name__` is "__main__".
"""

import streamlit as st


def dashboard() -> None:
    """One run of the dashboard: page config, the navigation, the page the address names."""
    from cica_dash.data.i18n import _
    from cica_dash.glue.memory import script_slot
    from cica_dash.glue.ui import language, language_switcher, stylesheet, track_page, unknown_page_path
    from cica_dash.url.links import NOT_FOUND, PAGE_BY_PATH, PAGES

    st.set_page_config(page_title=_("CICA Dashboard"), page_icon="static/favicon.png", layout="wide")
    stylesheet()
    notices = language()
    pages = [
        st.Page(p.script, title=_(p.title), icon=p.icon, url_path=p.path or None, default=p.key == "overview") for p in PAGES
    ]
    if (missing := unknown_page_path()) is not None:  # the dashboard's own "no such page", at the address asked for
        pages.append(
            st.Page(NOT_FOUND.script, title=_(NOT_FOUND.title), icon=NOT_FOUND.icon, url_path=missing, visibility="hidden")
        )
    page = st.navigation(pages, position="top")
    track_key = PAGE_BY_PATH[page.url_path].key if page.url_path in PAGE_BY_PATH else NOT_FOUND.key
    track_page(track_key)
    language_switcher()
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    with script_slot():
        page.run()


if __name__ == "__main__":
    dashboard()
else:  # imported to be served: by `streamlit run app.py`, or by an ASGI server as `app:app`
    from streamlit import config

    from cica_dash.glue.api import routes

    app = st.App(__file__, routes=routes(config.get_option("server.baseUrlPath")))
