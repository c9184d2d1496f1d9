"""Hostile and mangled links: whatever the query, parsing never raises, what survives is
canonical, and nothing from the URL reaches a notice unescaped."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from cica_dash.data.vocabulary import Vocabulary
from cica_dash.url.state import CountryState, EventsState, MapState, MatrixState, TimelineState

KEYS = ["country", "dimension", "area", "type", "category", "from", "to", "year", "q", "order", "Country", "x", ""]
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "![x](http://evil.example/x.png)",
    "[a](javascript:alert(1))",
    "\u202eKAZ",  # right-to-left override
    "🇰🇿",
    "\x00",
    "-1",
    "99999999999999999999",
    "2017",
    "kaz",
    "THA",
    "economic",
    "summit",
]
HUGE = "x" * 100_000
values = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=50), st.just(HUGE))
queries = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), st.text(max_size=10)),
    st.one_of(st.lists(values, max_size=4), st.lists(st.sampled_from(PAYLOADS), min_size=1000, max_size=1000)),
    max_size=6,
)
MARKDOWN = MarkdownIt("commonmark")
STATES = [EventsState, TimelineState, MatrixState, MapState, CountryState]


@pytest.fixture(scope="module")
def vocab(real_dataset):
    return Vocabulary.from_dataset(real_dataset)


@pytest.mark.parametrize("cls", STATES, ids=lambda c: c.__name__)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=queries)
def test_any_query_gives_a_canonical_state(vocab, cls, query):
    state, notices = cls.from_query(query, vocab)
    again, more = cls.from_query(state.to_query(), vocab)
    assert again == state and more == []
    for notice in notices:
        assert len(notice) < 600 and "\x00" not in notice
        html = MARKDOWN.render(notice)  # CommonMark passes raw HTML through: unescaped input would show here
        for tag in ("<script", "<img", "<a ", "<iframe"):
            assert tag not in html, (notice, html)
    if isinstance(state, (EventsState, TimelineState)) and state.year_from and state.year_to:
        assert state.year_from <= state.year_to
