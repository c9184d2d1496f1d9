"""The timeline's pure functions on the fixture data: what is a bar, what a filter keeps, how it is drawn."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from cica_dash.data.dates import PLAN_PASSED
from cica_dash.figures.palette import TRANSPARENT
from cica_dash.figures.timeline import timeline_figure, x_window
from cica_dash.model.timeline import (
    filter_items,
    hover_text,
    member_growth,
    milestones_beside_events,
    readable_list,
    timeline_items,
)
from cica_dash.url.periods import PRESET_25, PRESET_ALL, PRESET_CUSTOM, preset_of, range_for, slider_range

TODAY = date(2020, 1, 1)
T = pd.Timestamp


@pytest.fixture(scope="module")
def items(fixture_dataset):
    return timeline_items(fixture_dataset, TODAY)


def by_title(items: pd.DataFrame, title: str) -> pd.Series:
    rows = items[items["title"] == title]
    assert len(rows) == 1, title
    return rows.iloc[0]


def test_every_milestone_and_chairmanship_is_an_item_in_date_order(items, fixture_dataset):
    assert len(items) == len(fixture_dataset.milestones) + len(fixture_dataset.chairmanships) == 11
    assert items["start"].is_monotonic_increasing
    # same day: lane order (initiative before chairmanship)
    assert list(items["category"][:2]) == ["initiative", "chairmanship"]


def test_a_chairmanship_without_an_end_runs_to_today(items, fixture_dataset):
    china = by_title(items, "Chairmanship of China")
    assert (china["start"], china["end"]) == (T("2014-05-21"), T("2020-01-01"))
    assert china["date_text"] == "21 May 2014 – today (ongoing)"
    assert china["is_span"] and china["style"] == "ongoing"
    later = timeline_items(fixture_dataset, date(2025, 6, 30))
    assert by_title(later, "Chairmanship of China")["end"] == T("2025-06-30")
    turkey = by_title(items, "Chairmanship of Türkiye")
    assert (turkey["end"], turkey["date_text"], turkey["style"]) == (T("2014-05-21"), "8 Jun 2010 – 21 May 2014", "")


@pytest.mark.parametrize(
    "title, start, end, text, is_span",
    [
        ("Cooperative Approach", "2007-03-01", "2007-03-31", "Mar 2007", True),  # month precision
        ("Qatar joins", "2014-05-01", "2014-05-31", "May 2014", True),
        ("7th Summit", "2026-10-01", "2026-10-31", "Oct 2026", True),
        ("4th Summit", "2014-05-20", "2014-05-21", "20–21 May 2014", False),  # day precision, two days
        ("1st Summit", "2002-06-04", "2002-06-04", "4 Jun 2002", False),
    ],
)
def test_a_month_or_year_date_spans_its_period_a_day_is_a_point(items, title, start, end, text, is_span):
    row = by_title(items, title)
    assert (row["start"], row["end"], row["date_text"], row["is_span"]) == (T(start), T(end), text, is_span)


def test_a_year_precision_date_ends_on_31_december(real_dataset):
    row = by_title(timeline_items(real_dataset, TODAY), "Bahrain joins CICA")
    assert (row["start"], row["end"], row["date_text"], row["is_span"]) == (T("2011-01-01"), T("2011-12-31"), "2011", True)


@pytest.mark.parametrize(
    "year_from, year_to, titles",
    [
        (
            2005,
            2013,
            {"Cooperative Approach", "Chairmanship of Kazakhstan", "Chairmanship of Türkiye"},
        ),
        (2014, 2014, {"Qatar joins", "4th Summit", "Chairmanship of Türkiye", "Chairmanship of China"}),
        (None, 1999, {"Kazakhstan proposes CICA at the UN General Assembly", "Chairmanship of Kazakhstan"}),
        (2019, None, {"7th Summit", "Chairmanship of China"}),  # the ongoing chair runs to TODAY (2020)
        (2021, None, {"7th Summit"}),
    ],
)
def test_items_outside_the_years_are_dropped(items, year_from, year_to, titles):
    assert set(filter_items(items, year_from, year_to)["title"]) == titles


@pytest.mark.parametrize(
    "categories, countries, titles",
    [
        (["summit"], [], ["1st Summit", "4th Summit", "7th Summit"]),
        (["chairmanship"], ["KAZ"], ["Chairmanship of Kazakhstan"]),
        ([], ["CHN"], ["4th Summit", "Chairmanship of China"]),
        ([], ["QAT", "AZE"], ["Qatar joins", "7th Summit"]),
        (["ministerial"], ["KAZ"], []),  # the informal meeting has no country
        (["document", "ministerial"], [], ["Catalogue of CBMs", "Cooperative Approach", "Informal ministerial meeting"]),
    ],
)
def test_filter_by_category_and_country(items, categories, countries, titles):
    assert filter_items(items, categories=categories, countries=countries)["title"].tolist() == titles


@pytest.mark.parametrize(
    "year_from, year_to, countries, text, titles",
    [
        # the events page's filter of years, countries and text; chairmanships are not milestones
        (2014, 2014, (), "", ["Qatar joins", "4th Summit"]),
        (None, 2004, ("KAZ",), "", ["Kazakhstan proposes CICA at the UN General Assembly", "1st Summit", "Catalogue of CBMs"]),
        (None, None, (), "shanghai", ["Qatar joins", "4th Summit"]),  # the place or the text, any case
        (None, None, (), "five dimensions", ["Catalogue of CBMs"]),  # the description
        (2015, None, ("CHN",), "", []),
    ],
)
def test_milestones_beside_the_events(items, year_from, year_to, countries, text, titles):
    assert milestones_beside_events(items, year_from, year_to, countries, text)["title"].tolist() == titles


def test_numbered_and_informal_ministerials_are_told_apart(real_dataset):
    items = timeline_items(real_dataset, TODAY)
    mins = items[items["category"] == "ministerial"]
    assert by_title(items, "1st Meeting of CICA Ministers of Foreign Affairs")["style"] == "numbered"
    assert set(mins["style"]) == {"numbered", "informal"}
    numbered = real_dataset.milestones.query("category == 'ministerial'")["number"].notna().sum()
    assert (mins["style"] == "numbered").sum() == numbered > 0
    fig = timeline_figure(mins, member_growth(real_dataset.members), TODAY, x_window(None, None, TODAY, mins))
    symbols = {t.name: t.marker.symbol for t in fig.data if t.type == "scatter" and t.name.startswith("Ministerial")}
    assert symbols == {"Ministerial (numbered)": "circle", "Ministerial (informal/special)": "circle-open"}


def test_member_growth_counts_accessions(fixture_dataset):
    g = member_growth(fixture_dataset.members)
    assert g["date"].tolist() == [T("1999-01-01"), T("2004-10-22"), T("2014-05-01"), T("2022-10-13")]
    assert g["count"].tolist() == [3, 4, 5, 6]
    assert g["date_text"].tolist() == ["1999", "22 Oct 2004", "May 2014", "13 Oct 2022"]
    assert g["joined"].iloc[0] == "China, Kazakhstan, Türkiye"


def test_figure_lanes_bars_points_hover_and_member_band(items, fixture_dataset):
    fig = timeline_figure(items, member_growth(fixture_dataset.members), TODAY, x_window(None, None, TODAY, items))
    lanes = list(fig.layout.yaxis2.categoryarray)
    # bottom to top: the plot draws the first lane (the initiative) at the top
    assert lanes == ["Founding documents", "Accessions", "Ministerial meetings", "Summits", "Chairmanships", "Initiative"]
    # the member band is row 1 and shares the x axis with the lanes
    band = next(t for t in fig.data if t.name == "Member states (count)")
    assert (band.yaxis, band.line.shape, list(band.y)) == ("y", "hv", [3, 4, 5, 6, 6])
    assert fig.layout.xaxis.matches == "x2"
    # a month-precision document is a bar across March 2007
    doc = next(t for t in fig.data if t.type == "bar" and t.name == "Founding documents")
    assert pd.Timestamp(doc.base[0]) == T("2007-03-01") and doc.x[0] == 31 * 86_400_000
    assert "Mar 2007" in doc.hovertext[0] and "https://example.org/ms" in doc.hovertext[0]
    # planned: a hollow bar across October 2026, plus an open marker in its middle; "planned" in the hover
    bar = next(t for t in fig.data if t.type == "bar" and t.name == "Summits – planned")
    assert bar.marker.color == TRANSPARENT and pd.Timestamp(bar.base[0]) == T("2026-10-01")
    mark = next(t for t in fig.data if t.type == "scatter" and t.name == "Summits – planned")
    assert mark.marker.symbol == "diamond-open" and pd.Timestamp(mark.x[0]) == T("2026-10-16")
    assert "planned, not yet held" in mark.hovertext[0] and "Oct 2026 · Baku" in mark.hovertext[0]
    # day-precision summits are markers; only summits carry a text label
    summits = next(t for t in fig.data if t.type == "scatter" and t.name == "Summits")
    assert list(summits.text) == ["1st", "4th"] and list(mark.text) == ["7th"]
    assert "20–21 May 2014 · Shanghai" in summits.hovertext[1] and "Shanghai Declaration." in summits.hovertext[1]
    # the chairmanship bars name their chair
    chairs = [t for t in fig.data if t.type == "bar" and t.name.startswith("Chairmanship")]
    assert [list(t.text) for t in chairs] == [["Kazakhstan", "Türkiye"], ["China"]]
    assert chairs[1].name == "Chairmanship (ongoing, to today)" and chairs[1].marker.pattern.shape == "/"
    texts = [t for t in fig.data if t.type == "scatter" and not t.name.startswith(("Summits", "Member states"))]
    assert texts and all(t.text is None and t.mode == "markers" for t in texts)


def test_empty_items_give_a_labelled_figure(fixture_dataset, items):
    empty = items.iloc[0:0]
    fig = timeline_figure(empty, member_growth(fixture_dataset.members), TODAY, x_window(2000, 2001, TODAY, empty))
    assert any(a.text == "Nothing matches the chosen filters." for a in fig.layout.annotations)


def test_hover_text_from_the_data_is_escaped(items):
    row = items.iloc[0].copy()
    row["title"], row["description"] = "<b>x</b>", "a <a href='y'>link</a>"
    text = hover_text(row)
    assert text.startswith("<b>&lt;b&gt;x&lt;/b&gt;</b>") and "<a " not in text and "&lt;a href=" in text


def test_readable_list_in_date_order_with_sources(items):
    table = readable_list(filter_items(items, categories=["ministerial", "summit"]))
    assert table["Date"].tolist() == ["4 Jun 2002", "20–21 May 2014", "20 Sep 2017", "Oct 2026"]
    assert table["What"].tolist() == ["Summits", "Summits", "Ministerial meetings (informal/special)", "Summits (planned)"]
    assert table["Source"].tolist() == ["https://example.org/ms"] * 4
    seed = readable_list(items.assign(source_url="SEED: The Astana Times, 2017"))
    assert seed["Source"].isna().all() and set(seed["Reference"]) == {"SEED: The Astana Times, 2017"}


@pytest.mark.parametrize(
    "year_from, year_to, preset",
    [
        (None, None, PRESET_ALL),
        (1992, 2017, PRESET_25),
        (None, 2017, PRESET_25),
        (1992, 2016, PRESET_CUSTOM),
        (2000, None, PRESET_CUSTOM),
    ],
)
def test_preset_of_a_year_range(year_from, year_to, preset):
    assert preset_of(year_from, year_to) == preset


@pytest.mark.parametrize(
    "years, expected",
    [
        ((1992, 2026), (None, None)),  # the full slider is no filter
        ((1992, 2017), (1992, 2017)),  # the 25 years, both ends named as their preset writes them
        ((1993, 2017), (1993, 2017)),
        ((1992, 2010), (None, 2010)),
        ((2000, 2026), (2000, None)),
    ],
)
def test_slider_range_of_the_years_slider(years, expected):
    assert slider_range(years, 1992, 2026) == expected


@pytest.mark.parametrize(
    "preset, years, expected",
    [
        (PRESET_25, (2000, 2005), (1992, 2017)),
        (PRESET_ALL, (2000, 2005), (None, None)),
        (PRESET_CUSTOM, (2000, 2005), (2000, 2005)),
        (PRESET_CUSTOM, (1992, 2026), (None, None)),  # the full slider is no filter: a clean link
        (PRESET_CUSTOM, (1992, 2010), (None, 2010)),
    ],
)
def test_range_for_preset_or_slider(preset, years, expected):
    assert range_for(preset, years, 1992, 2026) == expected


@pytest.mark.parametrize(
    ("today", "passed"),
    [(date(2026, 10, 31), False), (date(2026, 11, 1), True)],  # the planned summit is dated to October 2026
)
def test_a_plan_whose_date_has_gone_by_says_so(fixture_dataset, today, passed):
    items = timeline_items(fixture_dataset, today)
    plan = items[items["planned"]].iloc[0]
    assert plan["date_text"] == "Oct 2026" and bool(plan["plan_passed"]) is passed
    assert (PLAN_PASSED in plan["hover"]) is passed
    assert ("planned, not yet held" in plan["hover"]) is not passed
    listed = readable_list(items[items["planned"]])["What"].iloc[0]
    assert listed == "Summits (planned)" + (f": {PLAN_PASSED}" if passed else "")
