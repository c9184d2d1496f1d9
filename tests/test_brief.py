"""The country brief (cica_dash/figures/brief.py, cica_dash/model/paper.py): the PDF read back with pypdf holds
the state's facts, each with a numbered source, every source in full, the link, data version and
date; Cyrillic passes through; the page's print tables number the same sources."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import pandas as pd
import pytest
from pypdf import PdfReader

from cica_dash.figures import brief
from cica_dash.model import paper as pp
from cica_dash.model import profile as prof

TODAY = date(2026, 11, 28)
VERSION = "2026-11-28+0badc0de"


def make(profile: prof.CountryProfile, **kwargs) -> bytes:
    return brief.country_brief_pdf(
        profile, link=f"https://example.test/country?country={profile.iso3}", version=VERSION, made=TODAY, **kwargs
    )


def read(pdf: bytes) -> tuple[str, list[str], int]:
    """The PDF's text, the addresses it links to, and its number of pages."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    links = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", []) if "/A" in a.get_object()]
    return text, links, len(reader.pages)


def flat(text: str) -> str:
    # a long address wraps across lines: compare without the line breaks
    return re.sub(r"\s+", "", text)


def cited(p: prof.CountryProfile) -> list[str]:
    """Every source a fact of the brief rests on."""
    out = [p.member_source, *p.observer_sources]
    for name in ("chairmanships", "roles", "meetings", "events"):
        frame = getattr(p, name)
        frame = frame.tail(brief.BRIEF_EVENTS) if name == "events" else frame
        for column in ("Source", "Reference"):
            if column in frame:
                out += [s for s in frame[column] if isinstance(s, str)]
    return [s for s in dict.fromkeys(out) if s]


@pytest.fixture(scope="module")
def profiles(fixture_dataset) -> dict[str, prof.CountryProfile]:
    return {
        iso: prof.country_profile(fixture_dataset, iso, TODAY) for iso in ("KAZ", "THA", "QAT", "KWT", "JPN", "AUS", "LAO", "TUR")
    }


@pytest.fixture(scope="module")
def briefs(profiles) -> dict[str, tuple[str, list[str], int]]:
    """Each profile's brief read back, made once (a brief takes about 0.2 s)."""
    return {iso: read(make(p)) for iso, p in profiles.items()}


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [
        ("KAZ", ["Kazakhstan", "CICA country brief", "Founding member [1]", "Member since 1999 [1]", "Chairmanships"]),
        ("THA", ["Thailand", "Member [1]", "22 Oct 2004 [1]", "Has not chaired CICA."]),
        ("QAT", ["Qatar", "Member [1]", "Observer record", "member from May 2014 [2]"]),
        ("KWT", ["Kuwait", "[1]", "SEED: The Astana Times, Oct 2017, fixture"]),
        ("JPN", ["Japan", "Observer [1]", "observer, since at least 1999 [1]", "No event hosted on record."]),
        ("AUS", ["Australia", "Former observer [1]", "last listed 2006"]),
        ("LAO", ["Laos", "start date not on record"]),
        ("TUR", ["Türkiye", "Founding member"]),
    ],
)
def test_the_brief_holds_the_states_facts_with_numbered_sources(briefs, iso3, expected):
    text, _, pages = briefs[iso3]
    for words in expected:
        assert words in text
    assert pages in (1, 2)


@pytest.mark.parametrize("iso3", ["KAZ", "THA", "QAT", "KWT", "JPN", "AUS", "TUR"])
def test_every_fact_names_a_source_that_the_list_gives_in_full(profiles, briefs, iso3):
    p = profiles[iso3]
    text, links, _ = briefs[iso3]
    sources = cited(p)
    assert sources
    listed = text[text.rindex("Sources") :]
    for n, source in enumerate(sources, 1):
        assert flat(f"[{n}]{source}") in flat(listed)  # in the order the facts first cite them
        if source.startswith("http"):
            assert source in links
    assert f"[{len(sources) + 1}]" not in listed


@pytest.mark.parametrize("iso3", ["KAZ", "THA", "TUR"])
def test_roles_meetings_and_chairmanships_are_in_the_brief(profiles, briefs, iso3):
    p = profiles[iso3]
    text = flat(briefs[iso3][0])
    for frame, column in [(p.roles, "Priority area"), (p.roles, "Period"), (p.meetings, "Meeting"), (p.chairmanships, "Term")]:
        for value in frame[column]:
            assert flat(value) in text


def test_every_page_has_the_link_the_data_version_and_the_date_made(profiles):
    pdf = make(profiles["KAZ"])
    reader = PdfReader(io.BytesIO(pdf))
    for i, page in enumerate(reader.pages, 1):
        text = flat(page.extract_text())
        assert flat("https://example.test/country?country=KAZ") in text
        assert VERSION in text and flat("made 28 Nov 2026") in text
        assert flat(f"page {i}/{len(reader.pages)}") in text
    assert reader.metadata.title == "Kazakhstan: CICA country brief"


def test_many_events_give_the_most_recent_with_the_total(profiles):
    p = profiles["THA"]
    events = pd.DataFrame(
        {
            "Date": [f"{d} Jan 2020" for d in range(1, 31)],
            "Event": [f"Seminar number {d}" for d in range(1, 31)],
            "Type": "seminar",
            "City": "Bangkok",
            "Source": [f"https://example.org/event/{d}" for d in range(1, 31)],
        }
    )
    text, _, pages = read(make(dataclasses.replace(p, events=events, events_total=42)))
    assert "Seminar number 30" in text and "Seminar number 21" in text and "Seminar number 20" not in text
    assert f"The {brief.BRIEF_EVENTS} most recent of 42 events hosted" in text
    assert "https://example.org/event/20" not in flat(text)
    assert pages in (1, 2)


def test_cyrillic_text_passes_through_and_reads_back(profiles):
    p = profiles["KAZ"]
    events = p.events.assign(Event="Совещание министров иностранных дел")
    russian = dataclasses.replace(p, name="Республика Казахстан", events=events)
    words = {**pp.WORDS, "lang": "ru", "subtitle": "Справка о стране СВМДА", "events": "Мероприятия"}
    text = read(make(russian, words=words))[0]
    for phrase in ("Республика Казахстан", "Справка о стране СВМДА", "Мероприятия", "Совещание министров иностранных дел"):
        assert phrase in text


def test_the_font_is_shipped_with_the_app_with_its_licence():
    assert {f.name for f in brief.FONTS.iterdir()} >= {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"}


@pytest.mark.parametrize(
    ("cites", "marks", "listed"),
    [
        ([], [], []),
        (["a", "b", "a"], ["[1]", "[2]", "[1]"], [(1, "a"), (2, "b")]),
        ([None, "", "  x.  ", "x"], ["", "", "[1]", "[1]"], [(1, "x")]),  # written as membership's source list writes it
    ],
)
def test_sources_are_numbered_in_the_order_first_cited(cites, marks, listed):
    numbers = pp.SourceNumbers()
    assert [numbers.cite(c) for c in cites] == marks
    assert numbers.listed() == listed


def test_a_tables_source_and_reference_become_one_column_of_marks():
    frame = pd.DataFrame({"Term": ["a", "b", "c"], "Source": ["https://x", None, None], "Reference": [None, "SEED: y", None]})
    out = pp.printed(pp.SourceNumbers().cite_rows(frame))
    assert out.to_dict("list") == {"Term": ["a", "b", "c"], "Source": ["[1]", "[2]", ""]}


@pytest.mark.parametrize("iso3", ["KAZ", "THA", "KWT", "QAT", "JPN"])
def test_the_printed_profile_numbers_every_source_of_the_page(profiles, iso3):
    p = profiles[iso3]
    paper = pp.printed_profile(p)
    every = set(p.sources["Source"].dropna()) | set(p.sources["Reference"].dropna())
    assert set(paper.sources["Source"]) == every
    assert list(paper.sources["No."]) == [f"[{n}]" for n in range(1, len(every) + 1)]
    for name, table in paper.tables.items():
        assert len(table) == len(getattr(p, name))
        if len(table):
            assert set(table["Source"]) <= set(paper.sources["No."]) | {""}
        assert not table.isin(["None", "nan", "<NA>", "NaT"]).any().any()


def test_the_real_records_longest_briefs_stay_within_two_pages(real_dataset):
    counts = real_dataset.events["host_iso3"].value_counts()
    for iso3 in counts.index[:3]:
        p = prof.country_profile(real_dataset, iso3, TODAY)
        text, _, pages = read(make(p))
        assert pages <= 2
        for source in cited(p):
            assert flat(source) in flat(text)
