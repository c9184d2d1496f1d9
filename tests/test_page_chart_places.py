"""AppTest: a chart keeps its place on the page from one view to the next.

The browser matches a page's elements and blocks by their place in their block. When a line, a
button or a caption that comes and goes with the view stands before a chart's block, every block
after it moves one place, and the browser draws their charts anew instead of updating them in
place (a remount, not `Plotly.react`): on the matrix and events pages that doubled a click. So
what comes and goes sits in a slot or a block of its own that is always there
(`ui.reset_control`, the events page's summary lines)."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import run_page

# Views of each page that draw the same charts in the same layout, but differ in what comes and
# goes around them: the Reset button, the summary's captions, the milestones, the year.
VIEWS = {
    "map": [{}, {"year": "2000"}, {"year": "2010"}],
    "timeline": [{}, {"from": "1992", "to": "2017"}, {"category": "summit"}, {"country": "KAZ"}],
    "matrix": [{}, {"order": "name"}, {"year": "2010"}, {"year": "2010", "order": "name"}],
    "events": [
        {},
        {"from": "1993"},
        {"from": "2010", "to": "2020"},
        {"dimension": "economic"},
        {"milestones": "include"},
        {"q": "forum"},
    ],
}


def chart_places(at) -> dict[str, tuple[int, ...]]:
    """Each chart's key (the element's id ends with it), with its place: the indices from the
    page's main block down to the chart."""

    def walk(node, path):
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for i, child in children.items():
                yield from walk(child, (*path, i))
        elif getattr(node, "type", "") == "bidi_component" and node.proto.component_name == "cica.plotly_chart":
            yield node.proto.id.split("-", 2)[-1], path

    return dict(walk(at.main, ()))


@pytest.mark.parametrize("page", sorted(VIEWS))
def test_each_chart_keeps_its_place_across_views(page):
    seen: dict[str, tuple[dict, tuple[int, ...]]] = {}
    for query in VIEWS[page]:
        at = run_page(page, query)
        assert not at.exception, (query, at.exception)
        places = chart_places(at)
        assert places, f"{page} {query}: no chart drawn"
        for key, place in places.items():
            first_query, first_place = seen.setdefault(key, (query, place))
            assert place == first_place, f"{page}: {key} is at {place} for {query}, at {first_place} for {first_query}"


def test_the_check_finds_a_moved_chart():
    # the check reads real places: the member map's choropleth and step chart are not at one place
    at = run_page("map", {})
    places = chart_places(at)
    assert {"map.choropleth", "map.steps"} <= places.keys()
    assert places["map.choropleth"] != places["map.steps"]
