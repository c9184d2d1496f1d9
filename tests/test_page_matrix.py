"""AppTest of /matrix: the year changes the heatmap as the data says, a shared link restores
the filters, bad link values give notices and never an exception, a chosen cell links onward."""

from __future__ import annotations

from cica_dash.model import matrix as mx
from cica_dash.url.links import escape_markdown
from tests.apptest_helpers import charts, run_page, warnings_text


def _heatmaps(at) -> dict[str, dict]:
    """The page's matrix panels by title ('Economic, 2017'): each one's heatmap trace."""
    out = {}
    for spec, _ in charts(at):
        heat = next((t for t in spec["data"] if t["type"] == "heatmap"), None)
        if heat is not None:
            out[spec["layout"]["title"]["text"].rsplit(",", 1)[0]] = heat
    return out


def _holders(at) -> set[str]:
    return {name for heat in _heatmaps(at).values() for name in heat["y"]}


def _query(at) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in dict(at.query_params).items()}


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_2017_and_default_differ_as_the_data_says(real_dataset):
    at_2017 = run_page("matrix", {"year": "2017"})
    at_now = run_page("matrix")
    assert not at_2017.exception and not at_now.exception
    latest = at_now.slider(key="matrix.year").value
    for at, year in ((at_2017, 2017), (at_now, latest)):
        m = mx.build_matrix(real_dataset, year)
        panels = {p.name: p for p in mx.dimension_panels(m)}
        shown = _heatmaps(at)
        assert set(shown) == {name for name, p in panels.items() if p.rows}  # a panel per dimension with a role
        for name, heat in shown.items():
            assert heat["y"] == panels[name].row_names and heat["z"] == panels[name].z
        assert _holders(at) == set(m.names)
        sentence = mx.holders_sentence(m, mx.member_count(real_dataset, year), len(real_dataset.priority_areas))
        assert escape_markdown(sentence) in _markdown(at)
    assert _holders(at_2017) != _holders(at_now)
    assert "says 14 countries" in _markdown(at_2017) and "says 14 countries" not in _markdown(at_now)
    assert _query(at_2017) == {"year": ["2017"]}
    assert _query(at_now) == {}


def test_shared_link_restores_dimension_and_country():
    at = run_page("matrix", {"dimension": "economic", "country": "CHN"})
    assert not at.exception
    shown = _heatmaps(at)
    assert list(shown) == ["Economic"] and shown["Economic"]["y"] == ["China"]
    assert len(shown["Economic"]["x"]) == 8
    assert at.multiselect(key="matrix.dimension").value == ["economic"]
    assert at.multiselect(key="matrix.country").value == ["CHN"]
    assert _query(at) == {"dimension": ["economic"], "country": ["CHN"]}
    assert escape_markdown("Agriculture: China (coordinator (since at least 28 Apr 2016))") in _markdown(at)
    assert escape_markdown("Energy security: none of the chosen countries") in _markdown(at)


def test_order_by_name_in_the_link():
    at = run_page("matrix", {"order": "name", "year": "2017"})
    assert not at.exception
    for heat in _heatmaps(at).values():
        assert heat["y"] == sorted(heat["y"])
    assert at.radio(key="matrix.order").value == "name"


def test_bad_values_give_notices_not_exceptions():
    at = run_page("matrix", {"year": "1800", "dimension": ["economic", "cooking"], "country": "XXX", "order": "size", "x": "1"})
    assert not at.exception
    notes = " ".join(warnings_text(at))
    for bit in ("`year`", "cooking", "XXX", "`order`", "this page does not use them"):
        assert bit in notes
    assert list(_heatmaps(at)) == ["Economic"]  # the good value is kept
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
