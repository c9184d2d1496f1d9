"""Facts of the real record (data/), in one place.

The code tests run on the small fixture record in tests/fixtures/; this file states what the
real record holds. When the record grows (a new member, a summit held, another chairmanship),
this is the file to update, and the only one."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from cica_dash.data.schema import iso3_codes
from cica_dash.figures import map_figures as mf
from cica_dash.model import chairs
from cica_dash.model import membership as mb
from cica_dash.model.overview import headline
from cica_dash.model.timeline import timeline_items

TODAY = date(2026, 11, 28)
TABLES = [
    "dimensions", "priority_areas", "members", "observers", "chairmanships", "coordinators",
    "milestones", "events", "secretariat_heads", "institutions", "partners", "gaps",
]  # fmt: skip


@pytest.mark.parametrize("name", TABLES)
def test_every_row_has_a_source(real_dataset, name):
    table = real_dataset.tables[name]
    assert len(table) > 0
    src = table["source_url"]
    assert src.notna().all()
    assert src.str.match(r"^(https?://\S+|SEED: .+)$").all()


def test_dates_at_month_or_year_precision_are_stored_as_its_first_day(real_dataset):
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


def test_the_28_members(real_dataset):
    m = real_dataset.members
    assert len(m) == 28
    assert m["founding"].sum() == 16
    assert set(m["iso3"]) <= iso3_codes()
    assert {"KAZ", "KWT", "LKA", "PSE", "TUR"} <= set(m["iso3"])


def test_members_by_accession_date(real_dataset):
    m = real_dataset.members

    def as_of(day: str) -> int:
        return int((m["accession_date"] <= pd.Timestamp(day)).sum())

    assert as_of("2002-06-04") == 16
    assert as_of("2017-12-31") == 26
    assert as_of("2022-10-13") == 28


def test_the_five_dimensions(real_dataset):
    assert list(real_dataset.dimensions["dimension"]) == [
        "military-political", "new-challenges", "economic", "environmental", "human",
    ]  # fmt: skip


def test_summits_one_to_six_held_and_the_seventh_planned(real_dataset):
    s = real_dataset.milestones[real_dataset.milestones["category"] == "summit"].sort_values("date")
    assert list(s["number"]) == [1, 2, 3, 4, 5, 6, 7]
    assert list(s["status"]) == ["held"] * 6 + ["planned"]


def test_seven_numbered_ministerial_meetings(real_dataset):
    items = timeline_items(real_dataset, TODAY)
    assert (items[items["category"] == "ministerial"]["style"] == "numbered").sum() == 7


@pytest.mark.parametrize(
    ("year", "members", "founding", "observers", "former"),
    [
        (1992, 0, 0, 0, 0),
        (1998, 0, 0, 1, 0),  # the Republic of Korea, observer from 1993
        (1999, 16, 16, 5, 0),
        (2002, 16, 16, 10, 0),
        (2006, 18, 16, 8, 0),  # Australia and Lebanon last listed in 2006: still observers that year
        (2007, 18, 16, 6, 2),
        (2017, 26, 16, 8, 2),
        (2018, 27, 16, 7, 2),
        (2022, 28, 16, 8, 2),
        (2023, 28, 16, 9, 2),
        (2026, 28, 16, 10, 2),  # Laos, start not on record, counts only now
    ],
)
def test_counts_as_of_a_year(real_dataset, year, members, founding, observers, former):
    got = mb.counts(mb.status_as_of(real_dataset, year, TODAY))
    assert got == mb.Counts(members, founding, observers, former)


def test_laos_is_an_observer_with_no_start_date_on_record(real_dataset):
    assert "LAO" not in set(mb.status_as_of(real_dataset, 2025, TODAY)["iso3"])
    lao = mb.status_as_of(real_dataset, 2026, TODAY).set_index("iso3").loc["LAO"]
    assert lao["status"] == "observer"
    assert lao["since_text"] == "observer, start date not on record"


def test_member_steps(real_dataset):
    steps = mb.member_steps(real_dataset)
    assert list(steps["count"]) == [16, 17, 18, 20, 22, 24, 25, 26, 27, 28]
    assert list(steps["date_text"]) == [
        "1999", "22 Oct 2004", "17 Jun 2006", "25 Aug 2008", "8 Jun 2010", "2011", "May 2014", "20 May 2014",
        "15 Aug 2018", "13 Oct 2022",
    ]  # fmt: skip
    assert steps["label"].iloc[0] == "16 founding members"
    assert steps["label"].iloc[5] == "+ Bahrain, Cambodia"
    fig = mf.step_chart(steps, 2017, 2026)
    assert fig.data[1].text[-1] == "+ Kuwait"
    assert len([s for s in fig.layout.shapes if s.type == "rect"]) == 3  # 1999, 2011 and May 2014


def test_chairmanships_handed_over(real_dataset):
    h = chairs.chair_handovers(real_dataset)
    assert list(zip(h["from_iso3"], h["to_iso3"])) == [
        ("KAZ", "TUR"), ("TUR", "CHN"), ("CHN", "TJK"), ("TJK", "KAZ"), ("KAZ", "AZE"),
    ]  # fmt: skip


def test_the_front_page_figures(real_dataset):
    h = headline(real_dataset, date(2026, 9, 1))
    assert h.summits_held == 6 and h.members == 28
    assert h.next_summit == "7th CICA Summit (planned), Baku"


def test_the_events_record_covers_every_dimension(real_dataset):
    """The record's own targets: 200+ sourced events, 12+ in each Catalogue dimension, and the
    1993-2013 years (the preparatory meetings from 1993) on record."""
    ev = real_dataset.events
    assert len(ev) >= 200
    per_dimension = ev["dimension"].value_counts()
    assert all(per_dimension[d] >= 12 for d in real_dataset.dimensions["dimension"]), per_dimension
    early = ev[ev["start_date"].dt.year < 2014]
    assert len(early) >= 26 and early["start_date"].min().year == 1993
    assert set(ev["relation"]) == {"organised", "co-organised", "took-part"}


def test_event_ids_are_unique_and_stable(real_dataset):
    """An id keeps the date it was first recorded with; a later correction of the date (the
    diplomatic-missions briefing of 17 May 2022) does not rename the row."""
    ev = real_dataset.events.set_index("event_id")
    assert ev.index.is_unique
    assert ev.at["ev-20220518-briefing-diplomatic-missions", "start_date"].strftime("%Y-%m-%d") == "2022-05-17"


def test_the_package_names_the_version_of_its_files(real_dataset):
    """A citation's data version can be matched to the files: datapackage.json declares the hash
    the app computes (after a data change: `python -m devtools.data_version`)."""
    from devtools.data_version import HASH_KEY, main

    assert real_dataset.package[HASH_KEY] == f"sha256:{real_dataset.content_hash}"
    assert main(["--check"]) == 0


def test_the_roles_of_2017_on_record(real_dataset):
    """The matrix as of 2017: the 2017 article counts 14 countries; the record dates nine and lists
    Afghanistan and India without a date (data notes: the searches for the others)."""
    from cica_dash.model import matrix as mx

    m = mx.build_matrix(real_dataset, 2017)
    dated = set(m.cells.loc[~m.cells["undated"], "iso3"])
    assert {"AZE", "CHN", "KAZ", "KOR", "MNG", "RUS", "THA", "TJK", "TUR"} <= dated
    assert set(m.columns) - dated == {"AFG", "IND"}


def test_every_priority_area_has_a_coordinator_on_record_today(real_dataset):
    from cica_dash.model import matrix as mx

    m = mx.build_matrix(real_dataset, 2026)
    assert m.rows["on_record"].all()  # illicit drugs: Iran, on record from Aug 2021


@pytest.mark.parametrize("table", ["dimensions", "priority_areas"])
def test_every_russian_name_has_its_source(real_dataset, table):
    frame = real_dataset.tables[table]
    named = frame["name_ru"].fillna("").str.strip().ne("")
    assert frame.loc[named, "name_ru_source"].str.match(r"https?://").all()
    assert frame.loc[~named, "name_ru_source"].fillna("").eq("").all()  # no source for a name not given
    assert named.sum() >= (5 if table == "dimensions" else 8)
