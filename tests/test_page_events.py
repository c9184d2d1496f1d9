"""AppTest: shared links to the events page restore the view; bad values are dropped with a notice."""

from __future__ import annotations

import pytest

from cica_dash.model import events as ev
from cica_dash.model import timeline as tl
from cica_dash.url.state import EventsState
from tests.apptest_helpers import charts, run_page, warnings_text


def _summary(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**") and " event" in m.value)


LINKS = [
    ({}, EventsState()),
    ({"dimension": "economic"}, EventsState(dimension=("economic",))),
    ({"country": "THA"}, EventsState(country=("THA",))),
    ({"type": "seminar"}, EventsState(type=("seminar",))),
    ({"area": "tourism"}, EventsState(area=("tourism",))),
    ({"from": "2021", "to": "2022"}, EventsState(year_from=2021, year_to=2022)),
    ({"q": "think tank"}, EventsState(q="think tank")),
    (
        {"dimension": "economic", "country": "THA", "from": "2015", "to": "2025"},
        EventsState(dimension=("economic",), country=("THA",), year_from=2015, year_to=2025),
    ),
]


@pytest.mark.parametrize("query,state", LINKS)
def test_shared_link_restores_the_view(real_dataset, query, state):
    at = run_page("events", query)
    assert not at.exception
    expected = ev.filter_events(real_dataset.events, state)
    assert f"**{len(expected)} event" in _summary(at)
    assert not warnings_text(at)
    if len(expected):
        assert len(at.dataframe[0].value) == min(len(expected), 500)
        assert set(at.dataframe[0].value["Event"]) == set(expected["title"])
    assert {k: at.query_params[k] for k in query} == query


def test_unknown_values_are_dropped_with_a_notice():
    at = run_page("events", {"country": ["THA", "XXX"], "dimension": "economy", "colour": "red"})
    assert not at.exception
    text = " ".join(warnings_text(at))
    assert "XXX" in text and "economy" in text and "colour" in text
    assert at.multiselect(key="events.country").value == ["THA"]
    assert at.multiselect(key="events.dimension").value == []
    assert dict(at.query_params) == {"country": "THA"}


def test_milestones_join_the_events_and_leave_with_an_event_only_filter(real_dataset):
    at = run_page("events", {"from": "1992", "to": "1999"})
    assert at.toggle(key="events.milestones").value is False and len(at.dataframe) == 1
    at.toggle(key="events.milestones").set_value(True).run()
    assert at.query_params["milestones"] == "include"
    assert [h.value for h in at.subheader][:2] == ["Milestones", "Events"]
    expected = tl.milestones_beside_events(tl.timeline_items(real_dataset), 1992, 1999)
    assert list(at.dataframe[0].value["Title"]) == list(expected["title"]) != []
    at.multiselect(key="events.dimension").select("economic").run()
    assert at.query_params["milestones"] == "include"  # kept in the link, not shown
    assert "Milestones are left out" in " ".join(c.value for c in at.caption)
    assert "Milestones" not in [h.value for h in at.subheader]


def test_no_match_gives_a_message_and_a_way_back():
    at = run_page("events", {"q": "no such event anywhere"})
    assert not at.exception
    assert "No events match" in at.info[0].value
    assert len(charts(at)) == 0 and len(at.dataframe) == 0


def test_changing_a_filter_updates_the_link(real_dataset):
    at = run_page("events")
    at.multiselect(key="events.dimension").select("human").run()
    assert at.query_params["dimension"] == "human"
    n = len(ev.filter_events(real_dataset.events, EventsState(dimension=("human",))))
    assert f"**{n} event" in _summary(at)


def test_places_map_is_drawn_offline_and_names_what_lies_beyond_it():
    at = run_page("events")
    (places, config), *_ = [c for c in charts(at) if c[0]["data"] and c[0]["data"][0]["type"] == "scattergeo"]
    assert config["topojsonURL"].startswith("app/static/")  # the shipped shapes: no CDN, no tiles
    assert places["layout"]["geo"]["projection"]["type"] == "natural earth" and not config["scrollZoom"]
    assert len(places["data"][0]["text"]) > 10  # one hover text per place
    caption = " ".join(c.value for c in at.caption)
    assert "Beyond the map's frame: New York, Washington." in caption  # the UN's cities, far from Asia
    assert not at.get("deck_gl_json_chart")
    economic = run_page("events", {"dimension": "economic"})
    assert len([c for c in charts(economic) if c[0]["data"][0]["type"] == "scattergeo"][0][0]["data"][0]["text"]) < len(
        places["data"][0]["text"]
    )
