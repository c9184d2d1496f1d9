"""AppTest: the overview shows real figures; the data page lists files, sources and the dictionary."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from tests.apptest_helpers import charts, run_page


def test_overview_figures_come_from_the_data(real_dataset):
    at = run_page("overview")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Member states"] == "28"
    current = real_dataset.observers[real_dataset.observers["outcome"] == "current"]
    assert metrics["Observers"] == str(len(current))
    assert metrics["Summits held"] == "6"
    assert metrics["Events on record"] == str(len(real_dataset.events))


def test_data_page_lists_every_file_and_offers_the_package(real_dataset):
    at = run_page("data")
    assert not at.exception
    files = at.dataframe[0].value
    assert set(files["file"]) == {f"{n}.csv" for n in real_dataset.tables}
    dictionary = at.dataframe[-1].value
    gaps, changes = at.dataframe[2].value, at.dataframe[3].value
    assert len(gaps) == len(real_dataset.gaps) and gaps["Source"].notna().all()
    assert list(changes["Date"]) == sorted(changes["Date"], key=lambda d: pd.Timestamp(d), reverse=True)
    assert any("coverage" in c[1]["toImageButtonOptions"]["filename"] for c in charts(at))  # the coverage chart
    assert {"file", "column", "type", "required", "rules", "meaning"} <= set(dictionary.columns)
    assert ("members.csv", "iso3") in set(zip(dictionary["file"], dictionary["column"]))


def test_bad_data_shows_problems_not_a_traceback(fixture_dir, monkeypatch):
    (fixture_dir / "members.csv").write_text("iso3,name\nKAZ,Kazakhstan\n", encoding="utf-8")
    monkeypatch.setenv("CICA_DATA_DIR", str(fixture_dir))
    at = run_page("overview")
    assert not at.exception
    assert "did not pass its checks" in at.error[0].value
    problems = at.dataframe[0].value
    assert "members.csv" in set(problems["file"])
    assert "missing column" in set(problems["problem"])


def test_package_zip_holds_every_file(real_dataset):
    from cica_dash.data.export import package_zip

    names = zipfile.ZipFile(io.BytesIO(package_zip(real_dataset))).namelist()
    assert "cica-data/datapackage.json" in names
    assert {f"cica-data/{n}.csv" for n in real_dataset.tables} <= set(names)
