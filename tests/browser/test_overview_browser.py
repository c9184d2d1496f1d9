"""The overview in a real browser: figures visible, no page error, nothing fetched from outside."""

from __future__ import annotations


def test_overview_shows_the_members_figure(server, watched):
    watched.page.goto(server + "/")
    watched.settle()
    metric = watched.page.get_by_test_id("stMetric").filter(has_text="Member states")
    assert "28" in metric.inner_text()
    watched.shot("overview")
    assert watched.errors == []
    assert watched.external == []
