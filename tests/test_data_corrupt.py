"""Each kind of damage to a data file gives one clear message naming file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from cica_dash.data.load import DataError, load_dataset


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    p = folder / name
    text = p.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {name}"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(folder: Path, name: str, line: str) -> None:
    with open(folder / name, "a", encoding="utf-8") as f:
        f.write(line + "\n")


# (id, damage, file, line, column, words in the rule)
CASES = [
    ("missing column", lambda d: _edit(d, "members.csv", "iso3,name,", "code,name,"), "members.csv", 1, "iso3", "missing column"),
    ("unknown ISO code", lambda d: _edit(d, "members.csv", "QAT,Qatar", "QQQ,Qatar"), "members.csv", 6, "iso3", "ISO 3166-1"),
    ("duplicate key", lambda d: _edit(d, "members.csv", "KWT,Kuwait", "KAZ,Kuwait"), "members.csv", 7, "iso3", "duplicate key"),
    ("bad date", lambda d: _edit(d, "members.csv", "2004-10-22", "2004-10-32"), "members.csv", 5, "accession_date", "YYYY-MM-DD"),
    (
        "date in another format",
        lambda d: _edit(d, "members.csv", "2004-10-22", "22/10/2004"),
        "members.csv",
        5,
        "accession_date",
        "YYYY-MM-DD",
    ),
    (
        "a Russian title without its source",
        lambda d: _edit(d, "events.csv", "форум,https://example.org/ev1-ru,", "форум,,"),
        "events.csv",
        2,
        "title_ru_source",
        "required when title_ru is given",
    ),
    (
        "a source for a Russian title not given",
        lambda d: _edit(d, "events.csv", "1-й Неправительственный форум,", ","),
        "events.csv",
        2,
        "title_ru",
        "title_ru_source names a source",
    ),
    (
        "end before start",
        lambda d: _edit(d, "events.csv", "2023-08-23,2023-08-24", "2023-08-23,2023-08-20"),
        "events.csv",
        7,
        "end_date",
        "ends before it starts",
    ),
    (
        "unknown dimension",
        lambda d: _edit(
            d,
            "events.csv",
            "seminar,military-political,mp-general,KAZ,Astana,51.1694,71.4491,false,,held,organised,https://example.org/ev6",
            "seminar,military,mp-general,KAZ,Astana,51.1694,71.4491,false,,held,organised,https://example.org/ev6",
        ),
        "events.csv",
        7,
        "dimension",
        "must be one of",
    ),
    (
        "unknown relation to CICA",
        lambda d: _edit(d, "events.csv", "held,took-part,https://example.org/ev7", "held,attended,https://example.org/ev7"),
        "events.csv",
        8,
        "relation",
        "must be one of",
    ),
    (
        "unknown area",
        lambda d: _edit(d, "coordinators.csv", "tourism,THA", "tourisme,THA"),
        "coordinators.csv",
        4,
        "area",
        "not found in priority_areas.csv",
    ),
    (
        "empty source",
        lambda d: _edit(d, "observers.csv", "https://example.org/observers,last listed 2006", ",last listed 2006"),
        "observers.csv",
        4,
        "source_url",
        "a value is required",
    ),
    (
        "source that is not a URL",
        lambda d: _edit(d, "partners.csv", "https://example.org/partners,date not found", "somewhere,date not found"),
        "partners.csv",
        3,
        "source_url",
        "pattern",
    ),
    (
        "bad enum value",
        lambda d: _edit(d, "coordinators.csv", "THA,coordinator", "THA,leader"),
        "coordinators.csv",
        4,
        "role",
        "coordinator, co-coordinator",
    ),
    (
        "bad boolean",
        lambda d: _edit(d, "members.csv", "2004-10-22,day,false", "2004-10-22,day,no"),
        "members.csv",
        5,
        "founding",
        "true or false",
    ),
    (
        "latitude out of range",
        lambda d: _edit(d, "events.csv", "Xining,36.6171", "Xining,136.6171"),
        "events.csv",
        8,
        "lat",
        "at most 90",
    ),
    (
        "wrong number of fields",
        lambda d: _append(d, "partners.csv", "OSCE,mou"),
        "partners.csv",
        4,
        None,
        "expected 7 fields, found 2",
    ),
    (
        "dangling foreign key",
        lambda d: _edit(d, "chairmanships.csv", "TUR,2010-06-08", "JPN,2010-06-08"),
        "chairmanships.csv",
        3,
        "iso3",
        "not found in members.csv",
    ),
    (
        "dimension of an area unknown",
        lambda d: _edit(d, "priority_areas.csv", "tourism,economic", "tourism,economy"),
        "priority_areas.csv",
        5,
        "dimension",
        "not found in dimensions.csv",
    ),
    (
        "missing required value",
        lambda d: _edit(d, "milestones.csv", ",summit,1,1st Summit", ",summit,1,"),
        "milestones.csv",
        3,
        "title",
        "a value is required",
    ),
]


@pytest.mark.parametrize("damage,file,line,column,rule", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_damage_is_reported_with_file_line_and_column(fixture_dir, damage, file, line, column, rule):
    damage(fixture_dir)
    with pytest.raises(DataError) as info:
        load_dataset(fixture_dir)
    hits = [p for p in info.value.problems if p.file == file and p.line == line and p.column == column]
    assert hits, f"no problem at {file}:{line}:{column} in\n{info.value}"
    assert any(rule in p.text for p in hits), [p.text for p in hits]
    text = str(info.value)
    assert file in text and f"line {line}" in text


def test_non_utf8_bytes(fixture_dir):
    p = fixture_dir / "events.csv"
    p.write_bytes(p.read_bytes().replace(b"Beijing", b"Beij\xefng"))
    with pytest.raises(DataError) as info:
        load_dataset(fixture_dir)
    [problem] = info.value.problems
    assert (problem.file, problem.line, problem.column) == ("events.csv", 2, "city")
    assert "UTF-8" in problem.text


def test_missing_file(fixture_dir):
    (fixture_dir / "partners.csv").unlink()
    with pytest.raises(DataError) as info:
        load_dataset(fixture_dir)
    assert [(p.file, p.text) for p in info.value.problems] == [("partners.csv", "file is missing")]


def test_missing_package_file(fixture_dir):
    (fixture_dir / "datapackage.json").unlink()
    with pytest.raises(DataError, match="datapackage.json"):
        load_dataset(fixture_dir)


def test_every_problem_is_listed_at_once(fixture_dir):
    _edit(fixture_dir, "members.csv", "QAT,Qatar", "QQQ,Qatar")
    _edit(fixture_dir, "events.csv", "Xining,36.6171", "Xining,136.6171")
    _append(fixture_dir, "partners.csv", "OSCE,mou")
    with pytest.raises(DataError) as info:
        load_dataset(fixture_dir)
    assert {p.file for p in info.value.problems} == {"members.csv", "events.csv", "partners.csv"}


def test_a_clean_copy_loads(fixture_dir):
    assert len(load_dataset(fixture_dir).events) == 8
