"""A fresh server whose first visitor arrives on a deep link still runs app.py's navigation."""

from __future__ import annotations

from devtools.server import StreamlitServer
from tests.browser.conftest import Watched


def test_first_request_on_a_deep_link_gets_the_app_navigation(browser):
    with StreamlitServer() as srv:  # a server no one has visited yet
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        try:
            w = Watched(context.new_page())
            w.page.goto(f"{srv.url}matrix?year=2017")
            w.settle()
            nav = w.page.get_by_test_id("stTopNavLinkContainer")
            assert nav.count() >= 1 or w.page.get_by_role("link", name="Who coordinates what").count() >= 1
            assert w.page.get_by_test_id("stSidebarNav").count() == 0
            assert w.page.get_by_role("heading", name="Who coordinates what").is_visible()
            assert w.errors == [] and w.external == []
        finally:
            context.close()
