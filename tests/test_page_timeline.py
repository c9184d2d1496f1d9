"""AppTest: the timeline page restores a shared link, its presets write the link, bad links warn."""

from __future__ import annotations

from cica_dash.url.periods import PRESET_25, PRESET_ALL, PRESET_CUSTOM
from tests.apptest_helpers import charts, run_page, warnings_text

SUMMITS_1_TO_4 = ["1st CICA Summit", "2nd CICA Summit", "3rd CICA Summit", "4th CICA Summit"]


def listed(at) -> list[str]:
    return at.dataframe[0].value["Title"].tolist()


def test_shared_link_restores_the_first_25_years_of_summits():
    at = run_page("timeline", {"from": "1992", "to": "2017", "category": "summit"})
    assert not at.exception and warnings_text(at) == []
    assert listed(at) == SUMMITS_1_TO_4
    assert at.dataframe[0].value["Date"].tolist() == ["4 Jun 2002", "17 Jun 2006", "8 Jun 2010", "20–21 May 2014"]
    assert at.radio[0].value == PRESET_25
    assert at.slider[0].value == (1992, 2017)
    assert at.multiselect[0].value == ["summit"]
    assert "1992–2017 · summit" in at.markdown[1].value
    spec = charts(at)[0][0]
    xs = [t for t in spec["data"] if t.get("name") == "Summits"]
    assert [x[:10] for x in xs[0]["x"]] == ["2002-06-04", "2006-06-17", "2010-06-08", "2014-05-20"]
    assert spec["layout"]["xaxis2"]["range"][0][:4] == "1991" and spec["layout"]["xaxis2"]["range"][1][:4] == "2018"


def test_preset_and_category_widgets_give_the_same_view_and_link():
    at = run_page("timeline")
    assert not at.exception
    assert at.radio[0].value == PRESET_ALL and dict(at.query_params) == {}
    everything = len(listed(at))
    at.radio[0].set_value(PRESET_25).run()
    assert at.slider[0].value == (1992, 2017)
    assert {k: at.query_params[k] for k in at.query_params} == {"from": "1992", "to": "2017"}
    assert len(listed(at)) < everything
    at.multiselect[0].set_value(["summit"]).run()
    assert listed(at) == SUMMITS_1_TO_4
    assert {k: at.query_params[k] for k in at.query_params} == {"from": "1992", "to": "2017", "category": "summit"}
    at.radio[0].set_value(PRESET_ALL).run()
    assert "category" in at.query_params and "from" not in at.query_params and "to" not in at.query_params
    assert listed(at)[-1] == "7th CICA Summit (planned)"


def test_bad_category_warns_and_shows_everything():
    at = run_page("timeline", {"category": "coronation"})
    assert not at.exception
    assert any("coronation" in w and "category" in w for w in warnings_text(at))
    assert len(listed(at)) > 60


def test_country_filter_keeps_its_items_and_chairmanships():
    at = run_page("timeline", {"country": "tjk"})
    assert not at.exception
    titles = listed(at)
    assert "Chairmanship of Tajikistan" in titles and "5th CICA Summit" in titles
    assert all("Kazakhstan" not in t for t in titles)


def test_empty_result_is_a_message_not_empty_axes():
    at = run_page("timeline", {"country": "LKA", "category": "summit"})
    assert not at.exception
    assert "Nothing on the timeline matches" in at.info[0].value
    assert len(charts(at)) == 0 and len(at.dataframe) == 0


def test_a_stale_preset_sent_with_moved_years_leaves_the_years_as_moved():
    """Arrow keys on the slider, faster than the server answers: the browser sends the next
    year with the radio it still shows ("Everything"), though the server set it to "Custom".
    The slider is what the visitor moved; a preset clicked on its own still moves the slider."""
    at = run_page("timeline")
    at.slider(key="timeline.years").set_value((1993, 2026)).run()
    assert at.radio(key="timeline.preset").value == PRESET_CUSTOM
    at.slider(key="timeline.years").set_value((1994, 2026))
    at.radio(key="timeline.preset").set_value(PRESET_ALL)
    at.run()
    assert not at.exception
    assert at.slider(key="timeline.years").value == (1994, 2026)
    assert at.radio(key="timeline.preset").value == PRESET_CUSTOM
    assert {k: at.query_params[k] for k in at.query_params} == {"from": "1994"}
    assert "from 1994" in at.markdown[1].value
    at.radio(key="timeline.preset").set_value(PRESET_ALL).run()
    assert at.slider(key="timeline.years").value == (1992, 2026) and "from" not in at.query_params
