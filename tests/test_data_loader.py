"""The loader on the real data and on the fixtures: typed tables, provenance on every row."""

from __future__ import annotations

import pandas as pd
import pytest

from cica_dash.data import load_dataset
from cica_dash.schema import iso3_codes

TABLES = [
    "dimensions",
    "priority_areas",
    "members",
    "observers",
    "chairmanships",
    "coordinators",
    "milestones",
    "events",
    "secretariat_heads",
    "institutions",
    "partners",
]


def test_fixture_loads_with_typed_columns(fixture_dataset):
    ev = fixture_dataset.events
    assert set(fixture_dataset.tables) == set(TABLES)
    assert pd.api.types.is_datetime64_any_dtype(ev["start_date"])
    assert ev["online"].dtype == "boolean"  # nullable: an empty cell is unknown, not false
    assert ev["online"].isna().sum() == 1 and ev["online"].sum() == 2
    assert fixture_dataset.members["founding"].dtype == bool  # a required flag stays plain bool
    assert ev["lat"].dtype == "float64"
    assert fixture_dataset.members.set_index("iso3").at["TUR", "name"] == "Türkiye"
    assert fixture_dataset.milestones["number"].dtype == "Int64"


def test_env_variable_points_the_loader_elsewhere(fixture_dir, monkeypatch):
    monkeypatch.setenv("CICA_DATA_DIR", str(fixture_dir))
    assert len(load_dataset().members) == 6


@pytest.mark.parametrize("name", TABLES)
def test_real_data_every_row_has_a_source(real_dataset, name):
    table = real_dataset.tables[name]
    assert len(table) > 0
    src = table["source_url"]
    assert src.notna().all()
    assert src.str.match(r"^(https?://\S+|SEED: .+)$").all()


def test_real_members_are_the_28(real_dataset):
    m = real_dataset.members
    assert len(m) == 28
    assert m["founding"].sum() == 16
    assert set(m["iso3"]) <= iso3_codes()
    assert {"KAZ", "KWT", "LKA", "PSE", "TUR"} <= set(m["iso3"])


def test_real_member_counts_over_time(real_dataset):
    m = real_dataset.members

    def as_of(day: str) -> int:
        return int((m["accession_date"] <= pd.Timestamp(day)).sum())

    assert as_of("2002-06-04") == 16
    assert as_of("2017-12-31") == 26
    assert as_of("2022-10-13") == 28


def test_real_dimensions_are_the_five(real_dataset):
    assert list(real_dataset.dimensions["dimension"]) == [
        "military-political",
        "new-challenges",
        "economic",
        "environmental",
        "human",
    ]


def test_real_precision_is_honest(real_dataset):
    """A month- or year-precision date is stored as the first day of that month or year."""
    for name, date_col, prec_col in [
        ("members", "accession_date", "date_precision"),
        ("milestones", "date", "date_precision"),
        ("events", "start_date", "date_precision"),
    ]:
        t = real_dataset.tables[name]
        month = t[prec_col].eq("month")
        year = t[prec_col].eq("year")
        assert (t.loc[month, date_col].dt.day == 1).all(), name
        assert (t.loc[year, date_col].dt.day_of_year == 1).all(), name


def test_summits_one_to_six_held_and_seventh_planned(real_dataset):
    s = real_dataset.milestones[real_dataset.milestones["category"] == "summit"].sort_values("date")
    assert list(s["number"]) == [1, 2, 3, 4, 5, 6, 7]
    assert list(s["status"]) == ["held"] * 6 + ["planned"]
