"""No such page: a link to an address that is none of the dashboard's pages."""

import streamlit as st

from cica_dash.data.i18n import _
from cica_dash.glue.ui import page_link
from cica_dash.url.links import PAGES

st.query_params.clear()  # the query was meant for a page that is not here
st.title(_("No such page"))
st.markdown(_("There is no page at this address in the CICA Dashboard. It may have been mistyped or moved. The pages are:"))
for p in PAGES:
    page_link(p.key, _(p.title), p.icon)
