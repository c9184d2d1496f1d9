"""AppTest of /matrix: the year changes the heatmap as the data says, a shared link restores
the filters, bad link values give notices and never an exception, a chosen cell links onward."""

from __future__ import annotations

from cica_dash import matrix as mx
from cica_dash.links import escape_markdown
from tests.apptest_helpers import charts, run_page, warnings_text


def _heatmap(at) -> dict:
    spec = charts(at)[0][0]
    return next(t for t in spec["data"] if t["type"] == "heatmap")


def _query(at) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in dict(at.query_params).items()}


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_2017_and_default_differ_as_the_data_says(real_dataset):
    at_2017 = run_page("matrix", {"year": "2017"})
    at_now = run_page("matrix")
    assert not at_2017.exception and not at_now.exception
    h2017, hnow = _heatmap(at_2017), _heatmap(at_now)
    assert h2017["x"] == mx.build_matrix(real_dataset, 2017).names
    assert h2017["x"] == [
        "China",
        "Kazakhstan",
        "Azerbaijan",
        "India",
        "Mongolia",
        "Russia",
        "Thailand",
        "Türkiye",
        "Afghanistan",
    ]
    assert "Uzbekistan" not in h2017["x"] and "Uzbekistan" in hnow["x"]
    latest = at_now.slider(key="matrix.year").value
    assert hnow["z"] == mx.build_matrix(real_dataset, latest).z
    assert h2017["z"] == mx.build_matrix(real_dataset, 2017).z
    # all 18 areas stay as rows in both years
    assert len(h2017["y"][1]) == len(hnow["y"][1]) == len(real_dataset.priority_areas)
    assert "says 14 countries" in _markdown(at_2017) and "so 9 is what the data shows" in _markdown(at_2017)
    assert "says 14 countries" not in _markdown(at_now)
    assert _query(at_2017) == {"year": ["2017"]}
    assert _query(at_now) == {}


def test_shared_link_restores_dimension_and_country():
    at = run_page("matrix", {"dimension": "economic", "country": "CHN"})
    assert not at.exception
    h = _heatmap(at)
    assert h["x"] == ["China"]
    assert set(h["y"][0]) == {"Economic"}
    assert len(h["y"][1]) == 8
    assert at.multiselect(key="matrix.dimension").value == ["economic"]
    assert at.multiselect(key="matrix.country").value == ["CHN"]
    assert _query(at) == {"dimension": ["economic"], "country": ["CHN"]}
    assert escape_markdown("Agriculture: China (coordinator)") in _markdown(at)
    assert escape_markdown("Energy security: none of the chosen countries") in _markdown(at)


def test_order_by_name_in_the_link():
    at = run_page("matrix", {"order": "name", "year": "2017"})
    assert not at.exception
    x = _heatmap(at)["x"]
    assert (
        x
        == sorted(x)
        == ["Afghanistan", "Azerbaijan", "China", "India", "Kazakhstan", "Mongolia", "Russia", "Thailand", "Türkiye"]
    )
    assert at.radio(key="matrix.order").value == "name"


def test_bad_values_give_notices_not_exceptions():
    at = run_page("matrix", {"year": "1800", "dimension": ["economic", "cooking"], "country": "XXX", "order": "size", "x": "1"})
    assert not at.exception
    notes = " ".join(warnings_text(at))
    for bit in ("`year`", "cooking", "XXX", "`order`", "this page does not use them"):
        assert bit in notes
    h = _heatmap(at)
    assert set(h["y"][0]) == {"Economic"}  # the good value is kept
    assert _query(at) == {"dimension": ["economic"]}


def test_choosing_a_cell_links_to_events_and_profile():
    at = run_page("matrix", {"dimension": "economic", "country": "CHN"})
    at = at.selectbox(key="matrix.cell").select(("agriculture", "CHN")).run()
    assert not at.exception
    links = {pl.proto.page: pl.proto.query_string for pl in at.get("page_link")}
    assert links == {
        "events": "country=CHN&area=agriculture",
        "country": "country=CHN",
    }  # the canonical order: EventsState.PARAMS
