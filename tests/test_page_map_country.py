"""AppTest: the member map and the country profile restore their view from the link, and a bad
link gives a notice, never an exception."""

from __future__ import annotations

import pytest

from cica_dash.data.vocabulary import Vocabulary
from tests.apptest_helpers import charts, run_page, warnings_text


def _member_locations(at) -> int:
    spec = charts(at)[0][0]
    return sum(len(t["locations"]) for t in spec["data"] if t.get("meta") in ("founding member", "member"))


@pytest.mark.parametrize(
    ("query", "members", "slider"), [({"year": "2002"}, 16, 2002), ({"year": "2017"}, 26, 2017), ({}, 28, None)]
)
def test_map_link_restores_the_year(query, members, slider):
    at = run_page("map", query)
    assert not at.exception
    assert _member_locations(at) == members
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Member states"] == str(members)
    if slider is not None:
        assert at.slider(key="map.year").value == slider
        assert at.query_params["year"] == str(slider)
    else:
        assert "year" not in at.query_params


def test_map_slider_writes_the_url():
    at = run_page("map")
    at.slider(key="map.year").set_value(2008).run()
    assert not at.exception
    assert _member_locations(at) == 20
    assert at.query_params["year"] == "2008"


@pytest.mark.parametrize(
    "page, key, start, press, expected, disabled",
    [
        ("map", "map.year", "2017", "map.year.earlier", 2016, None),
        ("map", "map.year", "1993", "map.year.earlier", 1992, "map.year.earlier"),  # the first year: no earlier
        ("matrix", "matrix.year", "2017", "matrix.year.later", 2018, None),
    ],
)
def test_the_year_steppers_move_the_slider_and_the_link(page, key, start, press, expected, disabled):
    at = run_page(page, {"year": start})
    at.button(key=press).click().run()
    assert not at.exception
    assert at.slider(key=key).value == expected
    assert at.query_params["year"] == str(expected)
    if disabled:
        assert at.button(key=disabled).disabled


def test_map_has_table_step_chart_animation_and_chair_map(real_dataset):
    at = run_page("map", {"year": "2017"})
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 26 + 8 + 2
    assert table.set_index("ISO3").loc["BHR", "Since"] == "member since 2011"
    figures = [fig for fig, _config in charts(at)]
    assert figures[1]["layout"]["title"]["text"] == "Member states over time"
    last = Vocabulary.from_dataset(real_dataset).last_year
    assert [f["name"] for f in figures[2]["frames"]] == [str(y) for y in range(1992, last + 1)]
    chairs = figures[3]
    assert chairs["layout"]["title"]["text"].startswith("Chairmanship hand-overs")
    assert len([t for t in chairs["data"] if t.get("mode") == "lines"]) == len(real_dataset.chairmanships) - 1
    assert at.selectbox(key="map.open").value is None


def test_map_bad_year_warns():
    at = run_page("map", {"year": "1900"})
    assert not at.exception
    assert any("1900" in w for w in warnings_text(at))
    assert _member_locations(at) == 28


def test_map_selectbox_opens_the_profile():
    at = run_page("map")
    at.selectbox(key="map.open").select("THA").run()
    assert not at.exception
    assert any("Thailand" in h.value for h in at.header)


def test_country_profile_shows_chairmanships():
    at = run_page("country", {"country": "kaz"})
    assert not at.exception
    assert at.header[0].value == "Kazakhstan"
    chairs = at.dataframe[0].value
    assert list(chairs["Term"]) == ["5 Oct 1992 – 8 Jun 2010", "24 Sep 2020 – 17 Dec 2024"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Chairmanships"] == "2"
    assert metrics["Status"] == "Founding member"
    assert at.selectbox(key="country.pick").value == "KAZ"
    assert at.query_params["country"] == "KAZ"


def test_country_unknown_code_warns_and_offers_a_picker():
    at = run_page("country", {"country": "ZZZ"})
    assert not at.exception
    assert any("ZZZ" in w for w in warnings_text(at))
    assert at.selectbox(key="country.pick").value is None
    assert "Choose a member or observer state" in at.info[0].value


def test_country_picker_sets_the_url():
    at = run_page("country")
    assert not at.exception
    at.selectbox(key="country.pick").select("THA").run()
    assert at.query_params["country"] == "THA"
    assert at.header[0].value == "Thailand"
    assert "Has not chaired CICA." in [c.value for c in at.caption]
    roles = next(d.value for d in at.dataframe if "Priority area" in d.value.columns)
    assert dict(zip(roles["Priority area"], roles["Role"])) == {
        "Development of small and medium-sized enterprises": "co-coordinator",
        "Sustainable development": "coordinator",
    }


@pytest.mark.parametrize("iso3", ["THA", "KAZ"])
def test_country_profile_offers_its_brief_as_a_pdf_made_on_click(iso3):
    at = run_page("country", {"country": iso3})
    assert not at.exception
    buttons = [b.proto for b in at.get("download_button") if b.proto.label == "Download brief (PDF)"]
    assert len(buttons) == 1
    assert buttons[0].ignore_rerun and buttons[0].deferred_file_id  # the PDF is made only when clicked


def test_country_profile_has_a_plain_copy_of_each_table_for_paper():
    at = run_page("country", {"country": "KAZ"})
    assert not at.exception
    # a grid prints only its visible part: each has a plain table beside it, sources as numbers
    paper = [m.value for m in at.markdown if m.value.startswith("| ")]  # Markdown tables: one element each
    assert len(paper) == len(at.dataframe) == 6
    lines = paper[-1].split("\n")
    assert lines[0] == r"| No\. | Source | Used for |" and lines[1] == "|---|---|---|"
    assert len(lines) - 2 == len(at.dataframe[-1].value)
    assert lines[2].startswith(r"| \[1\] |")  # escaped: a table's cells are Markdown
    assert any(m.value == "**CICA Dashboard · Country profile**" for m in at.markdown)
    assert "country?country=KAZ" in " ".join(c.value for c in at.caption).replace("\\", "")
