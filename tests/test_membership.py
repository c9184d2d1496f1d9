"""Unit tests of cica_dash.model.membership and cica_dash.figures.map_figures: statuses as of a year, counts,
dates at their precision, the growth steps, country profiles and the figures built from them."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from cica_dash.data.dates import PLAN_PASSED
from cica_dash.figures import map_figures as mf
from cica_dash.figures.palette import EDGE, GAP, STATUS_COLOURS
from cica_dash.model import chairs
from cica_dash.model import membership as mb
from cica_dash.model import profile as prof

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("year", "counts"),
    [
        (1998, mb.Counts(0, 0, 0, 0)),
        (1999, mb.Counts(3, 3, 2, 0)),
        (2004, mb.Counts(4, 3, 2, 0)),
        (2010, mb.Counts(4, 3, 2, 1)),
        (2014, mb.Counts(5, 3, 1, 1)),  # Qatar: observer, then member from May 2014
        (2026, mb.Counts(6, 3, 2, 1)),
    ],
)
def test_counts_as_of_a_year(fixture_dataset, year, counts):
    assert mb.counts(mb.status_as_of(fixture_dataset, year, TODAY)) == counts


@pytest.mark.parametrize(
    ("iso3", "year", "status", "since_text"),
    [
        ("THA", 2003, "observer", "observer, since at least 2001; member from 22 Oct 2004"),
        ("THA", 2004, "member", "member since 22 Oct 2004"),
        ("KOR", 2005, "observer", "observer, from 1993; member from 17 Jun 2006"),
        ("KOR", 2006, "member", "member since 17 Jun 2006"),
        ("QAT", 2013, "observer", "observer, from 25 Aug 2008; member from May 2014"),
        ("QAT", 2014, "member", "member since May 2014"),
        ("BHR", 2011, "member", "member since 2011"),
        ("KWT", 2022, "member", "member since 13 Oct 2022"),
        ("AUS", 2010, "former observer", "observer, since at least 1999; last listed 2006"),
        ("KAZ", 2002, "founding member", "member since 1999"),
        ("SAU", 2023, "observer", "observer, from 26 Dec 2023"),
    ],
)
def test_status_and_dates_at_their_precision(real_dataset, iso3, year, status, since_text):
    row = mb.status_as_of(real_dataset, year, TODAY).set_index("iso3").loc[iso3]
    assert row["status"] == status
    assert row["since_text"] == since_text


def test_an_observer_that_became_member_appears_once(real_dataset):
    s = mb.status_as_of(real_dataset, 2026, TODAY)
    assert s["iso3"].is_unique
    assert set(s.loc[s["iso3"].isin(["THA", "KOR", "VNM", "QAT", "BGD", "LKA"]), "status"]) == {"member"}


def test_status_on_the_fixture(fixture_dataset):
    s = mb.status_as_of(fixture_dataset, 2010, TODAY).set_index("iso3")
    assert dict(s["status"]) == {
        "KAZ": "founding member",
        "TUR": "founding member",
        "CHN": "founding member",
        "THA": "member",
        "QAT": "observer",
        "JPN": "observer",
        "AUS": "former observer",
    }
    assert s.loc["QAT", "date_text"] == "25 Aug 2008"
    assert s.loc["KAZ", "source"] == "example.org"


def test_member_steps(fixture_dataset):
    steps = mb.member_steps(fixture_dataset)
    assert list(steps["count"]) == [3, 4, 5, 6]
    assert list(steps["date_text"]) == ["1999", "22 Oct 2004", "May 2014", "13 Oct 2022"]
    assert list(steps["label"]) == ["3 founding members", "+ Thailand", "+ Qatar", "+ Kuwait"]
    assert steps["period_end"].iloc[0] == pd.Timestamp("1999-12-31")
    assert steps["period_end"].iloc[2] == pd.Timestamp("2014-05-31")


def test_chair_handovers_in_order(fixture_dataset):
    h = chairs.chair_handovers(fixture_dataset)
    assert list(zip(h["from_iso3"], h["to_iso3"])) == [("KAZ", "TUR"), ("TUR", "CHN")]
    assert h["tooltip"].iloc[0] == "Chair handed over: Kazakhstan → Türkiye, 8 Jun 2010"


def test_a_profile_lists_the_most_recent_hosted_events_and_counts_them_all(real_dataset, tmp_path):
    from bench.scale import scaled_copy
    from cica_dash.data.load import load_dataset

    real = prof.country_profile(real_dataset, "KAZ", TODAY)
    assert real.events_total == len(real.events) < prof.PROFILE_EVENTS  # every one of the real record
    big = prof.country_profile(load_dataset(scaled_copy(3, tmp_path / "x3")), "KAZ", TODAY)
    assert big.events_total == 3 * real.events_total > prof.PROFILE_EVENTS == len(big.events)


def test_profile_of_kazakhstan(real_dataset):
    p = prof.country_profile(real_dataset, "kaz", TODAY)
    assert p.name == "Kazakhstan" and p.status == "founding member" and p.founding
    assert p.member_since == "1999"
    assert p.chair_terms == ["5 Oct 1992 – 8 Jun 2010", "24 Sep 2020 – 17 Dec 2024"]
    assert list(p.chairmanships["From"]) == [1992, 2020]
    assert list(p.chairmanships["To"]) == [2010, 2024]
    aze = prof.country_profile(real_dataset, "AZE", TODAY)  # the chair now: its term has no end yet
    assert aze.chairmanships["To"].isna().all() and aze.chairmanships["Term"].iloc[0].endswith("present")
    # the summit it hosts was planned for October 2026; no source yet says it was held
    status = dict(zip(aze.meetings["Meeting"], aze.meetings["Status"]))
    assert status["7th CICA Summit (planned)"] == PLAN_PASSED
    before = prof.country_profile(real_dataset, "AZE", date(2026, 10, 15))
    assert dict(zip(before.meetings["Meeting"], before.meetings["Status"]))["7th CICA Summit (planned)"] == "planned"
    periods = dict(zip(zip(p.roles["Priority area"], p.roles["Role"]), p.roles["Period"]))
    assert periods[("Military-political dimension (as a whole)", "coordinator")] == "since at least Oct 2017"
    assert periods[("Human dimension (as a whole)", "coordinator")] == "since 17 Oct 2007 until 2020"
    assert "1st CICA Summit" in set(p.meetings["Meeting"])
    assert "6th CICA Summit" in set(p.meetings["Meeting"])
    assert "12–13 Oct 2022" in set(p.meetings["Date"])
    assert len(p.events) == int(real_dataset.events["host_iso3"].eq("KAZ").sum())
    assert p.sources["Source"].dropna().is_unique
    seed = p.sources[p.sources["Reference"].notna()]
    assert len(seed) == 1 and seed["Reference"].iloc[0].startswith("SEED:")
    noted = p.sources[p.sources["Kind"].eq("named in notes")]
    assert "https://theicaf.org/icaf/2022/02/09/kazakhstans-chairmanship-in-the-cica" in set(noted["Source"])


def test_profile_of_observer_and_of_acceding_state(real_dataset):
    jpn = prof.country_profile(real_dataset, "JPN", TODAY)
    assert jpn.status == "observer" and jpn.member_since == "" and jpn.chairmanships.empty
    assert jpn.observer == ["observer, since at least 1999"]
    kwt = prof.country_profile(real_dataset, "KWT", TODAY)
    assert "Kuwait joins CICA" in set(kwt.milestones["Milestone"])
    assert prof.profile_summary(kwt) == "Kuwait has been a member of CICA since 13 Oct 2022."
    kaz = prof.country_profile(real_dataset, "KAZ", TODAY)
    assert prof.profile_summary(kaz) == "Kazakhstan is a founding member of CICA, a member since 1999."
    sau = prof.country_profile(real_dataset, "SAU", TODAY)  # named in a milestone title, no iso3 on it
    assert "Ministerial Council decision: Saudi Arabia admitted as observer" in set(sau.milestones["Milestone"])


def test_profile_on_the_fixture(fixture_dataset):
    p = prof.country_profile(fixture_dataset, "THA", TODAY)
    assert p.roles["Period"].tolist() == ["since 2015 until 31 Dec 2019"]
    assert set(p.sources["Site"]) == {"example.org"}
    assert p.sources["Source"].is_unique


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([{"location": "KAZ", "point_index": 3}], "KAZ"),
        ([{"customdata": ["tha"]}], "THA"),
        ([{"location": "ZZZ"}], None),
        ([], None),
    ],
)
def test_selected_country(points, expected):
    assert mb.selected_country(points, frozenset({"KAZ", "THA"})) == expected


@pytest.mark.parametrize(("year", "members"), [(2002, 16), (2017, 26), (2026, 28)])
def test_choropleth_traces(real_dataset, year, members):
    fig = mf.choropleth(mb.status_as_of(real_dataset, year, TODAY), year)
    shapes = [t for t in fig.data if t.type == "choropleth"]
    by_status = {t.meta: t for t in shapes}
    assert set(by_status) == set(mb.STATUSES)
    assert sum(len(by_status[s].locations) for s in mb.MEMBER_STATUSES) == members
    assert {t.marker.line.color for t in shapes} == {GAP, EDGE}  # light fills get a grey outline
    assert by_status["founding member"].colorscale[0][1] == STATUS_COLOURS["founding member"]
    assert by_status["observer"].colorscale[0][1] == STATUS_COLOURS["observer"]
    assert by_status["observer"].marker.line.color == EDGE
    assert fig.layout.geo.resolution == 110 and fig.layout.geo.scope == "world"
    assert all(t.locationmode == "ISO-3" for t in shapes)


@pytest.mark.parametrize(("year", "dots"), [(2010, 0), (2011, 1)])
def test_bahrain_is_a_dot_once_it_is_a_member(real_dataset, year, dots):
    # Bahrain (member since 2011) has no shape at the 110m scale: it gets a dot in its colour
    fig = mf.choropleth(mb.status_as_of(real_dataset, year, TODAY), year)
    (small,) = [t for t in fig.data if t.type == "scattergeo"]
    assert len(small.lat) == dots
    if dots:
        assert (small.lat[0], small.lon[0]) == mf.SMALL_STATES["BHR"]
        assert small.marker.color[0] == STATUS_COLOURS["member"]
        assert small.customdata[0][0] == "Bahrain" and small.customdata[0][-1] == "BHR"
        assert mb.selected_country([{"customdata": list(small.customdata[0])}], frozenset({"BHR"})) == "BHR"


def test_small_states_are_missing_from_the_shipped_110m_shapes():
    # the reason for SMALL_STATES: if a new topojson draws them, the dots can go
    import json

    from tests.conftest import ROOT

    topo = json.loads((ROOT / "static/topojson/world_110m.json").read_text())
    ids = {g.get("id") for g in topo["objects"]["countries"]["geometries"]}
    assert "KAZ" in ids and "THA" in ids
    assert not ids & set(mf.SMALL_STATES)


def test_choropleth_hover_shows_dates_at_precision(real_dataset):
    fig = mf.choropleth(mb.status_as_of(real_dataset, 2026, TODAY), 2026)
    member = next(t for t in fig.data if t.meta == "member")
    hover = dict(zip(member.locations, member.customdata))
    assert hover["BHR"][2] == "member since 2011"
    assert hover["QAT"][2] == "member since May 2014"
    assert hover["KWT"][2] == "member since 13 Oct 2022"
    assert hover["KWT"][3] == "Not a founding member"
    assert hover["KWT"][4] == "inform.kz"


def test_empty_year_gives_a_labelled_map(real_dataset):
    fig = mf.choropleth(mb.status_as_of(real_dataset, 1992, TODAY), 1992)
    assert sum(len(t.locations if t.type == "choropleth" else t.lat) for t in fig.data) == 0
    assert any("No member or observer state" in a.text for a in fig.layout.annotations)


def test_growth_animation_has_a_frame_per_year(fixture_dataset):
    frames = mb.status_by_year(fixture_dataset, range(1992, 2027), TODAY)
    fig = mf.growth_animation(frames, 2017)
    assert [f.name for f in fig.frames] == [str(y) for y in range(1992, 2027)]
    f2010 = next(f for f in fig.frames if f.name == "2010")
    assert sum(len(t.locations) for t in f2010.data if t.meta in mb.MEMBER_STATUSES) == 4  # three founders and Thailand
    assert fig.layout.sliders[0].active == 2017 - 1992
    assert fig.layout.updatemenus[0].buttons[0].method == "animate"


def test_step_chart_and_chair_map(fixture_dataset):
    fig = mf.step_chart(mb.member_steps(fixture_dataset), 2017, 2026)
    line, marks = fig.data
    assert list(line.y) == [0, 3, 4, 5, 6, 6]
    assert marks.text[-1] == "+ Kuwait"
    shaded = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(shaded) == 2  # 1999 and May 2014: dates known to the year or month
    hand_overs = mf.chair_map(chairs.chair_handovers(fixture_dataset), chairs.chair_terms(fixture_dataset))
    lines = [t for t in hand_overs.data if t.mode == "lines"]
    numbers = [t.text[0] for t in hand_overs.data if t.name.endswith("number")]
    capitals = next(t for t in hand_overs.data if t.name == "chairing states' capitals")
    assert len(lines) == 2 and numbers == ["1", "2"]
    assert len(capitals.lat) == 3
    assert not any(code in label for label in capitals.text for code in ("(KAZ)", "(TUR)", "(CHN)"))  # names, not codes
    assert (
        hand_overs.layout.geo.projection.type
        == mf.choropleth(mb.status_as_of(fixture_dataset, 2017), 2017).layout.geo.projection.type
    )
