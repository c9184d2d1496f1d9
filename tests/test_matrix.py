"""The matrix's pure functions on the fixture data (tests/fixtures/data/coordinators.csv):

mp-general KAZ coordinator 2017-, TUR co-coordinator 2021-; tourism THA coordinator 2015 to
31 Dec 2019; transport-corridors CHN and KWT co-coordinators 2021-06-23-; human-general KAZ
coordinator 2007 to 2020; no role for terrorism, illicit-drugs, environmental-protection.
"""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pytest

from cica_dash.data.load import Dataset
from cica_dash.figures import matrix as mxf
from cica_dash.figures.palette import ROLE_COLOURS
from cica_dash.model import matrix as mx

ROWS = ["mp-general", "terrorism", "illicit-drugs", "tourism", "transport-corridors", "environmental-protection", "human-general"]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (1995, set()),
        (2016, {("tourism", "THA", "coordinator"), ("human-general", "KAZ", "coordinator")}),
        (
            2019,
            {("mp-general", "KAZ", "coordinator"), ("tourism", "THA", "coordinator"), ("human-general", "KAZ", "coordinator")},
        ),
        # tourism ended 31 Dec 2019; human-general's until (2020, year precision) still counts in 2020
        (2020, {("mp-general", "KAZ", "coordinator"), ("human-general", "KAZ", "coordinator")}),
        (
            2021,
            {
                ("mp-general", "KAZ", "coordinator"),
                ("mp-general", "TUR", "co-coordinator"),
                ("transport-corridors", "CHN", "co-coordinator"),
                ("transport-corridors", "KWT", "co-coordinator"),
            },
        ),
    ],
)
def test_active_roles_by_year(fixture_dataset, year, expected):
    roles = mx.active_roles(fixture_dataset, year)
    assert set(zip(roles["area"], roles["iso3"], roles["role"])) == expected


def test_catalogue_rows_keep_every_area_in_dimension_order(fixture_dataset):
    rows = mx.catalogue_rows(fixture_dataset)
    assert list(rows["area"]) == ROWS
    assert rows["label"].iloc[3] == "Economic · Tourism"
    assert rows["label"].iloc[1] == "New challenges and threats · Combating terrorism"
    assert list(mx.catalogue_rows(fixture_dataset, ("economic",))["area"]) == ["tourism", "transport-corridors"]


def test_matrix_2021(fixture_dataset):
    m = mx.build_matrix(fixture_dataset, 2021)
    assert list(m.rows["area"]) == ROWS
    assert m.columns == ["KAZ", "CHN", "KWT", "TUR"]  # one role each: the coordinator first, then by name
    assert m.names == ["Kazakhstan", "China", "Kuwait", "Türkiye"]
    assert m.z == [
        [2, 0, 0, 1],
        [None] * 4,  # terrorism: not on record, left unfilled
        [None] * 4,  # illicit drugs
        [None] * 4,  # tourism: Thailand's role ended in 2019
        [0, 1, 1, 0],  # two co-coordinators share the row
        [None] * 4,
        [None] * 4,  # human: Kazakhstan's role ended in 2020
    ]
    assert m.text[0] == ["C", "", "", "co"]
    assert m.text[4] == ["", "co", "co", ""]
    assert list(m.rows["on_record"]) == [True, False, False, False, True, False, False]
    assert "Türkiye: <b>co-coordinator</b>" in m.hover[0][3]
    assert "co-coordinator (since 23 Jun 2021)" in m.hover[4][1]
    assert "Source: https://example.org/coord" in m.hover[4][1]
    assert "no coordinator on record for this area in 2021" in m.hover[1][0]


def test_ended_role_is_absent_and_year_changes_the_matrix(fixture_dataset):
    m2018 = mx.build_matrix(fixture_dataset, 2018)
    assert m2018.columns == ["KAZ", "THA"]
    assert m2018.z[ROWS.index("tourism")] == [0, 2]
    assert m2018.hover[ROWS.index("tourism")][1].endswith(
        "coordinator (since 2015 until 31 Dec 2019)<br>Source: https://example.org/coord"
    )
    m2020 = mx.build_matrix(fixture_dataset, 2020)
    assert m2020.columns == ["KAZ"]
    assert m2020.z[ROWS.index("tourism")] == [None]


@pytest.mark.parametrize("dimensions", [(), ("economic",), ("human", "military-political")])
@pytest.mark.parametrize("year", [1995, 2017, 2023, 2026])
def test_a_matrix_from_the_years_cells_is_the_same_and_leaves_them_unchanged(real_dataset, year, dimensions):
    """The page passes the year's cells from a cache shared by every session."""
    cells = mx.year_cells(real_dataset, year)
    before = cells.copy()
    given = mx.build_matrix(real_dataset, year, dimensions, cells=cells)
    own = mx.build_matrix(real_dataset, year, dimensions)
    assert (given.columns, given.z, given.text, given.hover) == (own.columns, own.z, own.text, own.hover)
    pd.testing.assert_frame_equal(given.cells, own.cells)
    pd.testing.assert_frame_equal(cells, before)
    assert len(given.rows) > 0


@pytest.mark.parametrize("countries", [(), ("KAZ", "CHN"), ("KAZ", "ZZZ"), ("ZZZ",)])
@pytest.mark.parametrize("dimensions", [(), ("economic",)])
def test_a_matrix_counts_the_roles_of_its_columns(real_dataset, dimensions, countries):
    """The bar chart beside the matrix reads these counts."""
    m = mx.build_matrix(real_dataset, 2026, dimensions, countries)
    pd.testing.assert_frame_equal(m.per_country, mx.count_roles(m.cells))
    assert set(m.per_country["iso3"]) <= set(m.columns)


@pytest.mark.parametrize(
    ("order", "countries", "expected"),
    [
        ("roles", (), ["KAZ", "CHN", "KWT", "TUR"]),
        ("name", (), ["CHN", "KAZ", "KWT", "TUR"]),
        ("roles", ("THA", "TUR", "KAZ"), ["KAZ", "TUR", "THA"]),  # a chosen country with no role comes last
        ("name", ("THA", "TUR", "KAZ"), ["KAZ", "THA", "TUR"]),
    ],
)
def test_column_order(fixture_dataset, order, countries, expected):
    assert mx.build_matrix(fixture_dataset, 2021, countries=countries, order=order).columns == expected


def test_roles_per_country_orders_by_total_then_coordinator_then_name(fixture_dataset):
    per = mx.roles_per_country(mx.active_roles(fixture_dataset, 2019))
    assert per.to_dict("records") == [
        {"iso3": "KAZ", "country": "Kazakhstan", "coordinator": 2, "co-coordinator": 0, "total": 2},
        {"iso3": "THA", "country": "Thailand", "coordinator": 1, "co-coordinator": 0, "total": 1},
    ]
    assert list(mx.roles_per_country(mx.active_roles(fixture_dataset, 1995)).columns) == [
        "iso3",
        "country",
        "coordinator",
        "co-coordinator",
        "total",
    ]


def test_dimension_sentences(fixture_dataset):
    m = mx.build_matrix(fixture_dataset, 2021)
    assert mx.dimension_sentences(m) == [
        (
            "Military-political",
            [
                "Military-political dimension (as a whole): Kazakhstan (coordinator (since 2017)), "
                "Türkiye (co-coordinator (since 2021))"
            ],
        ),
        ("New challenges and threats", ["Combating terrorism: not on record", "Combating illicit drugs: not on record"]),
        (
            "Economic",
            [
                "Tourism: not on record",
                "Transport corridors: China (co-coordinator (since 23 Jun 2021)), Kuwait (co-coordinator (since 23 Jun 2021))",
            ],
        ),
        ("Environmental", ["Environmental protection: not on record"]),
        ("Human", ["Human dimension (as a whole): not on record"]),
    ]
    only_tur = mx.build_matrix(fixture_dataset, 2021, dimensions=("economic",), countries=("TUR",))
    assert mx.dimension_sentences(only_tur) == [
        ("Economic", ["Tourism: not on record", "Transport corridors: none of the chosen countries"])
    ]


def _undated(ds: Dataset) -> Dataset:
    c = ds.coordinators.copy()
    c.loc[c["area"].eq("transport-corridors") & c["iso3"].eq("KWT"), ["since", "since_precision"]] = [pd.NaT, pd.NA]
    return dataclasses.replace(ds, tables={**ds.tables, "coordinators": c})


def test_undated_role_counts_in_every_year_and_says_so(fixture_dataset):
    ds = _undated(fixture_dataset)
    roles = mx.active_roles(ds, 1995)
    assert list(zip(roles["iso3"], roles["undated"], roles["period"])) == [("KWT", True, "start date not known")]
    m = mx.build_matrix(ds, 1995)
    assert m.columns == ["KWT"]
    assert "start date not known" in m.hover[ROWS.index("transport-corridors")][0]
    assert mx.dimension_sentences(m)[2][1][1] == "Transport corridors: Kuwait (co-coordinator (start date not known))"
    assert "This includes 1 country listed by an undated source" in _sentence(ds, 1995)


def _sentence(ds: Dataset, year: int, dimensions=(), countries=()) -> str:
    m = mx.build_matrix(ds, year, dimensions, countries)
    return mx.holders_sentence(m, mx.member_count(ds, year), len(ds.priority_areas), bool(dimensions or countries))


@pytest.mark.parametrize(
    ("year", "start", "seed"),
    [
        (
            2017,
            "In 2017, 2 countries held a coordinator or co-coordinator role on record in 3 of the 7 priority areas "
            "(CICA had 5 member states by the end of 2017).",
            True,
        ),
        (
            2021,
            "In 2021, 4 countries held a coordinator or co-coordinator role on record in 2 of the 7 priority areas "
            "(CICA had 5 member states by the end of 2021).",
            False,
        ),
    ],
)
def test_holders_sentence_explains_the_seed_count_in_2017(fixture_dataset, year, start, seed):
    text = _sentence(fixture_dataset, year)
    assert text.startswith(start)
    assert ("says 14 countries" in text) is seed


def test_the_headline_counts_what_the_filters_show(fixture_dataset):
    everything = _sentence(fixture_dataset, 2021)
    economic = _sentence(fixture_dataset, 2021, ("economic",))
    assert everything.startswith(
        "In 2021, 4 countries held a coordinator or co-coordinator role on record in 2 of the 7 priority areas"
    )
    assert economic.startswith(
        "In 2021, 2 countries held a coordinator or co-coordinator role on record in 1 of the 2 priority areas shown (of 7)"
    )
    assert "says 14 countries" not in _sentence(
        fixture_dataset, 2017, ("economic",)
    )  # a filtered view is not the article's count


def _coordinator_then_co(ds: Dataset) -> Dataset:
    """Kazakhstan coordinator of the human dimension 2007 to Mar 2023, then co-coordinator."""
    c = ds.coordinators.copy()
    kaz = c["area"].eq("human-general") & c["iso3"].eq("KAZ")
    c.loc[kaz, ["until", "until_precision"]] = [pd.Timestamp(2023, 3, 1), "month"]
    later = c[kaz].assign(
        role="co-coordinator", since=pd.Timestamp(2023, 3, 1), since_precision="month", until=pd.NaT, until_precision=pd.NA
    )
    later["notes"] = "on record from March 2023"
    return dataclasses.replace(ds, tables={**ds.tables, "coordinators": pd.concat([c, later], ignore_index=True)})


def test_two_roles_of_one_country_in_a_year_show_the_later_and_list_both(fixture_dataset):
    m = mx.build_matrix(_coordinator_then_co(fixture_dataset), 2023)
    i = list(m.rows["area"]).index("human-general")
    j = m.columns.index("KAZ")
    assert m.z[i][j] == 1
    assert "coordinator (since 2007 until Mar 2023); co-coordinator (since at least Mar 2023)" in m.hover[i][j]


def test_role_table_and_cell_choices(fixture_dataset):
    m = mx.build_matrix(fixture_dataset, 2021)
    t = mx.role_table(m)
    assert list(zip(t["Priority area"], t["Country"], t["Role"])) == [
        ("Military-political dimension (as a whole)", "Kazakhstan", "coordinator"),
        ("Military-political dimension (as a whole)", "Türkiye", "co-coordinator"),
        ("Transport corridors", "China", "co-coordinator"),
        ("Transport corridors", "Kuwait", "co-coordinator"),
    ]
    assert set(t["Source"]) == {"https://example.org/coord"} and t["Reference"].isna().all()
    assert mx.cell_choices(m) == [
        ("mp-general", "KAZ"),
        ("mp-general", "TUR"),
        ("transport-corridors", "CHN"),
        ("transport-corridors", "KWT"),
    ]
    labels = mx.cell_labels(m, [None, *mx.cell_choices(m)])
    assert labels[("transport-corridors", "KWT")] == "Transport corridors · Kuwait"
    assert labels[None] == "Choose an area and country…"
    assert labels[("mp-general", "TUR")] == "Military-political dimension (as a whole) · Türkiye"
    assert len(set(labels.values())) == 5  # the prompt and four distinct cells


def test_panels_cut_the_matrix_by_dimension_with_only_the_holders_as_rows(fixture_dataset):
    m = mx.build_matrix(fixture_dataset, 2021)
    panels = {p.dimension: p for p in mx.dimension_panels(m)}
    assert list(panels) == ["military-political", "new-challenges", "economic", "environmental", "human"]
    mp, eco = panels["military-political"], panels["economic"]
    assert mp.rows == ["KAZ", "TUR"] and mp.z == [[2], [1]] and mp.text == [["C"], ["co"]]
    assert eco.rows == ["CHN", "KWT"] and eco.areas == ["tourism", "transport-corridors"]
    assert eco.area_names == ["Tourism", "Transport corridors"] and eco.on_record == [False, True]
    assert panels["human"].rows == []
    assert [[p.dimension for p in row] for row in mx.panel_rows(list(panels.values()))] == [
        ["military-political", "new-challenges", "economic"],
        ["environmental", "human"],
    ]  # every fixture dimension has three areas or fewer: side by side, three to a row at most


def test_panel_rows_keep_wide_panels_alone_and_pair_narrow_neighbours(real_dataset):
    panels = mx.dimension_panels(mx.build_matrix(real_dataset, 2026))
    rows = [[p.dimension for p in row] for row in mx.panel_rows(panels)]
    assert rows == [["military-political"], ["new-challenges"], ["economic"], ["environmental", "human"]]


def test_panel_figure_has_symbols_area_columns_and_a_legend(fixture_dataset):
    m = mx.build_matrix(fixture_dataset, 2021)
    eco = next(p for p in mx.dimension_panels(m) if p.dimension == "economic")
    fig = mxf.panel_figure(eco, 2021)
    heat, cells = fig.data
    assert (heat.type, cells.type) == ("heatmap", "scatter")
    assert list(heat.y) == ["China", "Kuwait"]
    assert list(heat.x) == ["Tourism<br><i>not on record</i>", "Transport<br>corridors"]
    assert (heat.zmin, heat.zmax, heat.showscale, heat.texttemplate) == (0, 2, False, "%{text}")
    colours = [c[1] for c in heat.colorscale]
    none, co, coord = (ROLE_COLOURS[k] for k in ("not on record", "co-coordinator", "coordinator"))
    assert colours == [none, none, co, co, coord, coord]
    assert [list(c) for c in cells.customdata] == [
        ["tourism", "CHN"],
        ["transport-corridors", "CHN"],
        ["tourism", "KWT"],
        ["transport-corridors", "KWT"],
    ]
    assert "<b>C</b> coordinator" in fig.layout.annotations[-1].text and "Source:" in fig.layout.annotations[-1].text
    assert fig.layout.title.text == "Economic, 2021"
    assert fig.layout.width is None  # it takes the page's width: no sideways scrolling
    json.loads(fig.to_json())


def test_a_wide_panel_turns_its_headers_upright_on_a_phone(real_dataset):
    eco = next(p for p in mx.dimension_panels(mx.build_matrix(real_dataset, 2026)) if p.dimension == "economic")
    narrow = mxf.panel_figure(eco, 2026).layout.meta["cica_narrow"]
    assert narrow["below"] == mxf.NARROW_BELOW and narrow["set"]["xaxis.tickangle"] == -90
    assert narrow["set"]["xaxis.ticktext"][0] == "Small and medium enterprises"
    mp = next(p for p in mx.dimension_panels(mx.build_matrix(real_dataset, 2026)) if p.dimension == "military-political")
    assert "cica_narrow" not in (mxf.panel_figure(mp, 2026).layout.meta or {})


def test_empty_selection_gives_a_labelled_empty_figure(fixture_dataset):
    panel = mx.dimension_panels(mx.build_matrix(fixture_dataset, 1995))[0]
    assert panel.rows == []
    fig = mxf.panel_figure(panel, 1995)
    assert fig.layout.annotations[0].text == "No role on record for this selection"
    bars = mxf.roles_bar_figure(mx.roles_per_country(mx.active_roles(fixture_dataset, 1995)), 1995)
    assert bars.layout.annotations[0].text == "No roles on record"


def test_roles_bar_figure_stacks_the_two_roles(fixture_dataset):
    fig = mxf.roles_bar_figure(mx.roles_per_country(mx.active_roles(fixture_dataset, 2021)), 2021)
    assert [t.name for t in fig.data] == ["coordinator", "co-coordinator"]
    assert fig.layout.barmode == "stack"
    assert list(fig.data[0].y) == ["Kazakhstan", "China", "Kuwait", "Türkiye"]
    assert list(fig.data[0].x) == [1, 0, 0, 0] and list(fig.data[1].x) == [0, 1, 1, 1]
    assert fig.data[0].marker.color == ROLE_COLOURS["coordinator"]


def test_the_matrix_keeps_areas_without_a_coordinator(fixture_dataset):
    m = mx.build_matrix(fixture_dataset, 2021)
    missing = set(m.rows.loc[~m.rows["on_record"], "area"])
    assert missing == {"terrorism", "illicit-drugs", "tourism", "environmental-protection", "human-general"}
    assert len(m.rows) == len(fixture_dataset.priority_areas)


@pytest.mark.parametrize(
    "labels, lines, crowded",
    [
        (["General", "Terrorism"], 1, False),
        (["Environmental<br>protection", "Sustainable<br>development", "Natural<br>disasters<br><i>not on record</i>"], 3, False),
        (["General", "Terrorism", "Illicit<br>drugs<br><i>not on record</i>", "ICT<br>security", "Health<br>security"], 3, True),
        (["A", "B", "C", "D", "E", "F"], 1, True),  # more than NARROW_COLUMNS
        (["Эпидемиологическая<br>безопасность<br>и<br>ещё<br>строка"], 5, True),  # taller than TALL_LABEL_LINES
    ],
)
def test_crowded_headers_turn_upright_on_a_phone(labels, lines, crowded):
    from cica_dash.figures.matrix import _crowded

    assert _crowded(labels, lines) is crowded
