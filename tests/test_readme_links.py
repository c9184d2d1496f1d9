"""The README's link table is the one made from the parameters' declarations, and every
cross-page link the pages make parses with no notice."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from cica_dash.data.vocabulary import Vocabulary
from cica_dash.url.state import STATE_BY_PAGE
from devtools.readme_links import README, with_table
from tests.apptest_helpers import run_page


def test_the_readme_table_matches_the_declarations():
    text = README.read_text(encoding="utf-8")
    assert with_table(text) == text, "run: .venv/bin/python -m devtools.readme_links"
    for cls in STATE_BY_PAGE.values():
        for p in cls.PARAMS:
            assert f"`{p.key}`: {p.doc}" in text


VIEWS = [
    ("overview", {}),
    ("country", {"country": "KAZ"}),
    ("matrix", {"dimension": "economic", "country": "CHN"}),
]


@pytest.mark.parametrize("page,query", VIEWS)
def test_every_cross_page_link_parses_with_no_notice(real_dataset, page, query):
    vocab = Vocabulary.from_dataset(real_dataset)
    at = run_page(page, query)
    if page == "matrix":
        at = at.selectbox(key="matrix.cell").select(("agriculture", "CHN")).run()
    links = at.get("page_link")
    assert links
    for link in links:
        cls = STATE_BY_PAGE.get(link.proto.page)
        q = parse_qs(link.proto.query_string, keep_blank_values=True)
        if cls is None:
            assert not q
            continue
        state, notices = cls.from_query(q, vocab)
        assert notices == [] and state.to_query() == q
