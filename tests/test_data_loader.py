"""The loader on the fixtures: typed tables, the data folder from the environment. What the real
record holds is in tests/test_record.py."""

from __future__ import annotations

import pandas as pd

from cica_dash.data.load import load_dataset

TABLES = [
    "dimensions", "priority_areas", "members", "observers", "chairmanships", "coordinators",
    "milestones", "events", "secretariat_heads", "institutions", "partners", "gaps", "changes",
]  # fmt: skip


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


def test_fixture_precision_is_stored_as_the_first_day(fixture_dataset):
    m = fixture_dataset.members.set_index("iso3")
    assert m.at["KAZ", "accession_date"] == pd.Timestamp("1999-01-01") and m.at["KAZ", "date_precision"] == "year"
    assert m.at["QAT", "accession_date"] == pd.Timestamp("2014-05-01") and m.at["QAT", "date_precision"] == "month"


def test_the_content_hash_follows_the_bytes_of_the_files(fixture_dir):
    from cica_dash.data.load import load_dataset

    before = load_dataset(fixture_dir)
    assert before.version == f"{before.package['x-accessed']}+{before.content_hash[:8]}"
    assert load_dataset(fixture_dir).content_hash == before.content_hash  # stable
    path = fixture_dir / "events.csv"
    path.write_bytes(path.read_bytes() + b"\n")  # a blank line: the same rows, other bytes
    assert load_dataset(fixture_dir).content_hash != before.content_hash
