"""Every page, fed hostile query strings through AppTest: it renders, shows a notice for what it
dropped, and never renders anything as HTML.

The hard cases are pinned (`PINNED`, run every time, on every page); on top of them Hypothesis
generates HOSTILE_EXAMPLES links per page (default 60; `HOSTILE_EXAMPLES=500 pytest
tests/test_hostile_pages.py` for a long hunt, about 11 minutes on 2 cores)."""

from __future__ import annotations

import os
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.runtime.state.query_params import CLIENT_STATE_QUERY_STRING_MAX_FIELDS as MAX_FIELDS
from streamlit.runtime.state.query_params import CLIENT_STATE_QUERY_STRING_MAX_LENGTH as MAX_LENGTH
from streamlit.testing.v1 import AppTest

from cica_dash.url.links import PAGE_BY_KEY, PAGES
from cica_dash.url.state import STATE_BY_PAGE
from tests.conftest import ROOT

EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "60"))
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "![x](http://evil.example/x.png)",
    "[a](javascript:alert(1))",
    "\u202ecodes",
    "🇰🇿🇹🇭",
    "a\x00b",
    "-1",
    "99999",
    "2017",
    "1991",
    "kaz",
    "THA",
    "Economic",
    "summit",
    "name",
]
KEYS = ["country", "dimension", "area", "type", "category", "from", "to", "year", "q", "order", "COUNTRY", "utm_source", "x"]


class _Huge(str):
    """A 100 KB value whose repr stays short when Hypothesis reports a failing example."""

    def __repr__(self) -> str:
        return "'y' * 100_000"


HUGE = _Huge("y" * 100_000)
values = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=30), st.just(HUGE))
query = st.dictionaries(
    st.sampled_from(KEYS) | st.text(min_size=1, max_size=8),
    st.lists(values, min_size=1, max_size=3) | st.lists(st.sampled_from(PAYLOADS[-6:]), min_size=1000, max_size=1000),
    max_size=5,
)
# The hard cases the generator can make, pinned so that every run tries them on every page.
PINNED: list[dict[str, list[str]]] = [
    {},  # no query at all
    {"country": [""], "from": [""], "to": [""], "year": [""], "q": [""]},  # empty values
    {"country": ["KAZ", "kaz", "KAZ", "THA"], "dimension": ["economic", "Economic"]},  # repeated keys and values
    {"type": ["summit"] * 1000},  # a key repeated up to Streamlit's field limit
    {"country": ["THA"] * 1000, "q": ["x"]},  # past the field limit: Streamlit drops the whole query
    {"q": [HUGE], "country": [HUGE]},  # huge values
    {"x": [HUGE]},  # a huge value under an unknown key
    {"q": ["a\x00b"], "country": ["\x00", "\x1b[31mKAZ"], "\x00": ["1"]},  # control characters
    {"country": ["🇰🇿🇹🇭", "\u202ecodes", "KAZ\u200b"], "q": ["ǅİß 中文 العربية"]},  # unicode: flags, RTL override, zero width
    {"q": ["<script>alert(1)</script>"], "country": ['"><img src=x onerror=alert(1)>']},  # HTML injection
    {"x": ["[a](javascript:alert(1))"], "utm_source": ["![x](http://evil.example/x.png)"]},  # markdown injection
    {"<script>": ["1"], "**bold**": ["[a](javascript:alert(1))"]},  # injection in unknown keys
    {"from": ["2020"], "to": ["2015"]},  # reversed years
    {"from": ["1991"], "to": ["99999"], "year": ["-1"]},  # years out of range
    {"year": ["1991"]},  # the year before the first on record
    {"from": ["2017.5"], "to": ["1e3"], "year": ["0x7e1"]},  # numbers that are not plain years
    {"COUNTRY": ["KAZ"], "Year": ["2017"]},  # known keys in the wrong case
    {"order": ["name", "roles"], "category": ["summit", "summits"], "area": ["tourism", "nope"]},  # mixed valid and invalid
]
APPS: dict[str, AppTest] = {}


def _reaches_the_script(q: dict[str, list[str]]) -> bool:
    """Streamlit itself drops a whole query string past its size limits before any page runs."""
    encoded = urlencode([(k, v) for k, vs in q.items() for v in vs])
    return sum(len(v) for v in q.values()) <= MAX_FIELDS and len(encoded) <= MAX_LENGTH


def _app(page: str) -> AppTest:
    """One AppTest per page, reused: each example changes the URL and reruns, as a pasted link would."""
    if page not in APPS:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.switch_page(PAGE_BY_KEY[page].script)
        APPS[page] = at.run()
    return APPS[page]


def pinned_examples(test):
    for q in reversed(PINNED):
        test = example(q=q)(test)
    return test


@pytest.mark.parametrize("page", [p.key for p in PAGES])
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(q=query)
@pinned_examples
def test_hostile_links_render_with_notices_and_no_html(page, q):
    at = _app(page)
    at.query_params.clear()
    for key, vals in q.items():
        at.query_params[key] = vals
    at.run()
    assert not at.exception, (q, at.exception)
    assert len(at.title) == 1  # the page rendered its heading
    known = [p.key for p in STATE_BY_PAGE[page].PARAMS] if page in STATE_BY_PAGE else []
    unknown = [k for k in q if k not in known]
    if unknown and _reaches_the_script(q):
        assert at.warning, f"no notice for {unknown}"
    for md in at.markdown:
        assert not md.proto.allow_html
    for w in at.warning:
        assert "<script" not in w.value.replace("\\<", "") and "<img" not in w.value.replace("\\<", "")
