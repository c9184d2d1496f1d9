"""The link format: a table of queries, the state each gives, and the link written back."""

from __future__ import annotations

import pytest

from cica_dash.data.vocabulary import Vocabulary
from cica_dash.url.links import PAGES, escape_markdown, page_url, quote_for_notice
from cica_dash.url.state import CountryState, EventsState, MapState, MatrixState, TimelineState


@pytest.fixture(scope="module")
def vocab(fixture_dataset):
    return Vocabulary.from_dataset(fixture_dataset)


# (state class, query in, expected state, expected canonical query out, number of notices)
ROUND_TRIPS = [
    (EventsState, {}, EventsState(), {}, 0),
    (EventsState, {"country": ["THA"]}, EventsState(country=("THA",)), {"country": ["THA"]}, 0),
    (EventsState, {"country": ["tha", "KAZ", "THA"]}, EventsState(country=("THA", "KAZ")), {"country": ["THA", "KAZ"]}, 0),
    (
        EventsState,
        {"dimension": ["economic", "institutional"]},
        EventsState(dimension=("economic", "institutional")),
        {"dimension": ["economic", "institutional"]},
        0,
    ),
    (EventsState, {"dimension": ["Economic"]}, EventsState(dimension=("economic",)), {"dimension": ["economic"]}, 0),
    (EventsState, {"milestones": ["include"]}, EventsState(milestones="include"), {"milestones": ["include"]}, 0),
    (EventsState, {"milestones": ["yes"]}, EventsState(), {}, 1),
    (
        EventsState,
        {"area": ["tourism"], "type": ["seminar"]},
        EventsState(area=("tourism",), type=("seminar",)),
        {"area": ["tourism"], "type": ["seminar"]},
        0,
    ),
    (
        EventsState,
        {"from": ["2015"], "to": ["2020"]},
        EventsState(year_from=2015, year_to=2020),
        {"from": ["2015"], "to": ["2020"]},
        0,
    ),
    (
        EventsState,
        {"from": ["2020"], "to": ["2015"]},
        EventsState(year_from=2015, year_to=2020),
        {"from": ["2015"], "to": ["2020"]},
        1,
    ),
    (EventsState, {"q": ["  tourism "]}, EventsState(q="tourism"), {"q": ["tourism"]}, 0),
    (EventsState, {"country": ["XXX"]}, EventsState(), {}, 1),
    (EventsState, {"from": ["-5"], "to": ["99999"]}, EventsState(), {}, 2),
    (EventsState, {"colour": ["red"]}, EventsState(), {}, 1),
    (EventsState, {"type": ["seminar"] * 1000}, EventsState(type=("seminar",)), {"type": ["seminar"]}, 1),
    (
        TimelineState,
        {"from": ["1992"], "to": ["2017"], "category": ["summit"]},
        TimelineState(year_from=1992, year_to=2017, category=("summit",)),
        {"from": ["1992"], "to": ["2017"], "category": ["summit"]},
        0,
    ),
    (TimelineState, {"category": ["summits"]}, TimelineState(), {}, 1),
    (
        MatrixState,
        {"year": ["2017"], "dimension": ["economic"], "country": ["CHN"]},
        MatrixState(year=2017, dimension=("economic",), country=("CHN",)),
        {"year": ["2017"], "dimension": ["economic"], "country": ["CHN"]},
        0,
    ),
    (MatrixState, {"order": ["roles"]}, MatrixState(), {}, 0),
    (MatrixState, {"order": ["name"]}, MatrixState(order="name"), {"order": ["name"]}, 0),
    (MatrixState, {"order": ["random"]}, MatrixState(), {}, 1),
    (MapState, {"year": ["2017"]}, MapState(year=2017), {"year": ["2017"]}, 0),
    (MapState, {"year": ["1990"]}, MapState(), {}, 1),
    (MapState, {"year": ["2017", "2018"]}, MapState(year=2017), {"year": ["2017"]}, 1),
    (CountryState, {"country": ["kaz"]}, CountryState(country="KAZ"), {"country": ["KAZ"]}, 0),
    (CountryState, {"country": ["ZZZ"]}, CountryState(), {}, 1),
]


@pytest.mark.parametrize("cls,query,state,out,n_notices", ROUND_TRIPS)
def test_query_round_trip(vocab, cls, query, state, out, n_notices):
    got, notices = cls.from_query(query, vocab)
    assert got == state
    assert got.to_query() == out
    assert len(notices) == n_notices, notices
    again, more = cls.from_query(got.to_query(), vocab)
    assert again == got and more == []


def test_describe_says_what_is_shown(vocab):
    state = EventsState(country=("THA",), dimension=("economic",), year_from=2015, year_to=2020)
    assert state.describe(vocab, 27) == "27 events · economic · Thailand · 2015–2020"
    assert EventsState().describe(vocab, 1) == "1 event"


def test_page_urls_are_relative_and_repeat_keys():
    assert (
        page_url("events", {"country": ["THA", "KAZ"], "dimension": "economic"})
        == "events?country=THA&country=KAZ&dimension=economic"
    )
    assert page_url("overview") == "./"
    assert {p.key for p in PAGES} == {"overview", "map", "timeline", "matrix", "events", "country", "data"}


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "![x](http://evil.example/x.png)",
        "[click](javascript:alert(1))",
    ],
)
def test_untrusted_text_cannot_become_markup(payload):
    shown = escape_markdown(payload)
    for ch in "<>[]()!":
        assert ch not in shown.replace("\\" + ch, "")
    assert "\x00" not in quote_for_notice("a\x00b")
    assert len(quote_for_notice("x" * 1000)) < 100


@pytest.mark.parametrize(
    "state, shown",
    [
        (EventsState(milestones="include"), True),
        (EventsState(milestones="include", country=("KAZ",), year_from=2000, q="summit"), True),
        (EventsState(milestones="include", dimension=("economic",)), False),  # a summit is of no one dimension
        (EventsState(milestones="include", relation=("took-part",)), False),
        (EventsState(country=("KAZ",)), False),
    ],
)
def test_milestones_are_shown_beside_events_only_without_event_only_filters(state, shown):
    assert state.with_milestones is shown


def test_the_summary_counts_milestones_when_shown(vocab):
    assert EventsState(milestones="include").describe(vocab, 3, 1) == "3 events and 1 milestone"
    assert EventsState().describe(vocab, 1) == "1 event"
