"""Words for readers: no country code stands in visible text (charts included) where a name
belongs; codes stay in links, the share box and the downloads."""

from __future__ import annotations

import re

import pytest

from cica_dash.data.load import load_dataset

VISIBLE_TEXT_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]').cloneNode(true);
  main.querySelectorAll('[data-testid="stCode"], a, [data-testid="stExpander"], script, style').forEach(e => e.remove());
  return main.textContent;
}"""

LINKS = ["/", "/map?year=2017", "/timeline", "/matrix?year=2017", "/events?country=THA", "/country?country=THA", "/data"]


@pytest.fixture(scope="module")
def codes() -> re.Pattern:
    ds = load_dataset()
    found = set(ds.members["iso3"]) | set(ds.observers["iso3"].dropna())
    return re.compile(r"\b(" + "|".join(sorted(found)) + r")\b")


@pytest.mark.parametrize("path", LINKS)
def test_no_country_code_in_visible_text(server, watched, codes, path):
    page = watched.page
    page.goto(server + path)
    watched.settle(60_000)
    page.wait_for_timeout(2500)  # charts drawn
    text = page.evaluate(VISIBLE_TEXT_JS)
    assert codes.findall(text) == [], path
    assert watched.errors == []
