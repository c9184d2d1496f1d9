"""A fresh server whose first visitor arrives on a deep link still runs app.py's navigation."""

from __future__ import annotations

import pytest

from tests.browser.conftest import CHROMIUM, Watched, _free_port, start_streamlit


def test_first_request_on_a_deep_link_gets_the_app_navigation(browser):
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    port = _free_port()
    proc = start_streamlit(port)  # a server no one has visited yet
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        w = Watched(context.new_page())
        w.page.goto(f"http://127.0.0.1:{port}/matrix?year=2017")
        w.settle()
        nav = w.page.get_by_test_id("stTopNavLinkContainer")
        assert nav.count() >= 1 or w.page.get_by_role("link", name="Who coordinates what").count() >= 1
        assert w.page.get_by_test_id("stSidebarNav").count() == 0
        assert w.page.get_by_role("heading", name="Who coordinates what").is_visible()
        assert w.errors == [] and w.external == []
    finally:
        context.close()
        proc.terminate()
        proc.wait(timeout=10)
