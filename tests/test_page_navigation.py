"""AppTest: the widget-state rule of the URL sync (cica_dash/glue/ui.py url_state).

After every step of a visit (arriving from the navigation, following a link, changing a filter,
Back, a dropped widget state, "Reset filters") the page shows exactly what a fresh load of the
address bar's link shows, and range sliders stay ranges. Back and Forward are simulated by
marking the run as a history navigation, as the browser's popstate does.
"""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from cica_dash.glue import ui
from cica_dash.url.links import PAGE_BY_KEY
from cica_dash.url.state import STATE_BY_PAGE
from tests.apptest_helpers import run_page
from tests.conftest import ROOT


def view(at: AppTest) -> dict[str, Any]:
    """What a person sees of a page: its widgets, the lines of text and metrics, table sizes."""
    assert not at.exception, at.exception
    widgets = {}
    for kind in ("slider", "multiselect", "selectbox", "radio", "text_input", "toggle"):
        for w in getattr(at, kind):
            if w.key and not w.key.endswith((".cell", ".open")):
                widgets[w.key] = w.value
    return {
        "title": [t.value for t in at.title],
        "widgets": widgets,
        "text": [m.value for m in at.markdown],
        "metrics": [(m.label, m.value) for m in at.metric],
        "tables": [len(d.value) for d in at.dataframe],
    }


def fresh(page: str, query: dict[str, list[str]]) -> dict[str, Any]:
    return view(run_page(page, dict(query)))


class Visit:
    """One session clicking through the dashboard, as AppTest lets it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        self.page = "overview"
        self.monkeypatch = monkeypatch

    def query(self) -> dict[str, list[str]]:
        return {
            k: self.at.query_params[k] if isinstance(self.at.query_params[k], list) else [self.at.query_params[k]]
            for k in self.at.query_params
        }

    def _go(self, page: str, query: dict[str, Any], history: bool = False) -> None:
        self.page = page
        self.at.switch_page(PAGE_BY_KEY[page].script)
        self.at.query_params.clear()
        for k, v in query.items():
            self.at.query_params[k] = v
        self.monkeypatch.setattr(ui, "_history_navigation", lambda: history)
        self.at.run()
        self.monkeypatch.setattr(ui, "_history_navigation", lambda: False)

    def nav(self, page: str) -> None:  # the top navigation: the page with no query
        self._go(page, {})

    def link(self, page: str, query: dict[str, Any]) -> None:  # a cross-page link or a link opened
        self._go(page, query)

    def back(self, page: str, query: dict[str, Any]) -> None:  # Back or Forward to that address
        self._go(page, query, history=True)

    def set(self, kind: str, key: str, value: Any) -> None:
        getattr(self.at, kind)(key=key).set_value(value).run()

    def unnoticed_return(self, page: str, query: dict[str, Any]) -> None:
        """Back on the page with the address it wrote, its widgets' state dropped by Streamlit (as
        it drops a widget's state when a run does not draw it), with the arrival not noticed:
        only the rule "a widget without state is set from the link" can restore them."""
        self.nav("overview")
        self.monkeypatch.setattr(ui, "_arrived", lambda page: False)
        self._go(page, query)
        self.monkeypatch.undo()

    def reset(self) -> None:
        self.at.button(key=f"{self.page}.reset").click().run()

    def check(self) -> dict[str, Any]:
        """The page equals a fresh load of its address; returns what it shows."""
        shown = view(self.at)
        assert shown == fresh(self.page, self.query()), f"{self.page}?{self.query()}"
        return shown


def test_back_to_a_page_opened_from_the_navigation_shows_its_default_view(monkeypatch):
    """The map came back as /map?year=1992 with 0 member states; events raised on years[0]."""
    v = Visit(monkeypatch)
    v.nav("map")
    first = v.check()
    v.nav("events")
    v.check()
    v.back("map", {})
    assert v.check() == first
    assert v.query() == {}
    assert v.at.slider(key="map.year").value == v.at.slider(key="map.year").max
    v.back("events", {})
    assert isinstance(v.at.slider(key="events.years").value, tuple)
    v.check()


@pytest.mark.parametrize("page", ["country", "timeline", "matrix"])
def test_every_page_comes_back_from_another_as_its_link_says(monkeypatch, page):
    v = Visit(monkeypatch)
    v.nav(page)
    first = v.check()
    v.nav("overview")
    v.back(page, {})
    assert v.check() == first
    assert v.query() == {}


def test_filters_survive_a_page_switch_and_a_link_still_wins(monkeypatch):
    v = Visit(monkeypatch)
    v.link("events", {"country": "THA", "dimension": "economic", "from": "2015", "to": "2020"})
    filtered = v.check()
    v.nav("country")
    v.nav("events")  # the navigation brings back the last view, and its link
    assert v.query() == {"country": ["THA"], "dimension": ["economic"], "from": ["2015"], "to": ["2020"]}
    assert v.check() == filtered
    v.link("events", {"country": "KAZ"})  # a link names a view: exactly that, whatever came before
    assert v.query() == {"country": ["KAZ"]}
    assert v.at.slider(key="events.years").value == (v.at.slider(key="events.years").min, v.at.slider(key="events.years").max)
    v.check()


def test_a_query_seen_before_an_emptied_query_and_a_dropped_range(monkeypatch):
    v = Visit(monkeypatch)
    v.link("events", {"country": "THA"})
    v.set("multiselect", "events.country", ["KAZ"])
    assert v.query() == {"country": ["KAZ"]}
    v.check()
    v.back("events", {"country": "THA"})  # Back to a query the page has shown before
    assert v.at.multiselect(key="events.country").value == ["THA"]
    v.check()
    v.back("events", {})  # and to the page's bare address
    assert v.at.multiselect(key="events.country").value == []
    v.check()
    v.set("slider", "events.years", (2015, 2020))
    v.unnoticed_return("events", {"from": "2015", "to": "2020"})  # the slider comes back a range
    assert v.at.slider(key="events.years").value == (2015, 2020)
    v.check()


def test_timeline_comes_back_with_its_preset_and_a_two_thumb_slider(monkeypatch):
    v = Visit(monkeypatch)
    v.link("timeline", {"from": "1992", "to": "2017"})
    preset = v.at.radio(key="timeline.preset").value
    v.nav("matrix")
    v.back("timeline", {"from": "1992", "to": "2017"})
    assert v.at.radio(key="timeline.preset").value == preset
    assert v.at.slider(key="timeline.years").value == (1992, 2017)
    v.check()


@pytest.mark.parametrize(
    "page,query",
    [
        ("events", {"country": "THA", "type": "seminar"}),
        ("timeline", {"category": "summit"}),
        ("matrix", {"year": "2017", "order": "name"}),
    ],
)
def test_reset_filters_returns_to_the_default_view(monkeypatch, page, query):
    v = Visit(monkeypatch)
    v.nav(page)
    default = v.check()
    v.link(page, query)
    assert v.check() != default
    v.reset()
    assert v.query() == {}
    assert v.check() == default
    assert not [b for b in v.at.button if b.key == f"{page}.reset"]  # nothing left to reset


def test_a_bad_value_is_dropped_and_the_page_is_its_cleaned_link(monkeypatch):
    v = Visit(monkeypatch)
    v.link("events", {"country": ["THA", "XXX"], "colour": "red"})
    assert len(v.at.warning) == 2
    assert v.query() == {"country": ["THA"]}
    v.nav("map")
    v.nav("events")
    assert v.query() == {"country": ["THA"]}
    v.check()


def test_every_filtered_page_declares_its_widgets():
    """Each widget key the URL sync sets is one the page draws (and the state reads back)."""
    for page, cls in STATE_BY_PAGE.items():
        at = run_page(page)
        drawn = {
            w.key for kind in ("slider", "multiselect", "selectbox", "radio", "text_input", "toggle") for w in getattr(at, kind)
        }
        assert {w.key for w in cls.WIDGETS} <= drawn, page


def test_fast_clicks_keep_the_visitors_last_change(monkeypatch):
    """While the visitor clicks fast, the browser can send a change with the address the page
    wrote one click before: that is still the visitor's own change, not a link from outside."""
    v = Visit(monkeypatch)
    v.link("events", {"country": "THA"})
    v.set("multiselect", "events.country", ["KAZ"])  # the page writes country=KAZ
    v.at.query_params.clear()
    v.at.query_params["country"] = "THA"  # the address of one click before
    v.set("multiselect", "events.country", ["KAZ", "CHN"])
    assert v.at.multiselect(key="events.country").value == ["KAZ", "CHN"]
    assert v.query() == {"country": ["KAZ", "CHN"]}
    v.check()
