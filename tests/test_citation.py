"""Citations of a view: plain text and BibTeX name the view, the data version, the link, the day."""

from __future__ import annotations

from datetime import date

import pytest

from cica_dash.model.citation import bibtex, citation_text

DAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("title", "url", "in_text"),
    [
        ("Events, 8 events · economic · Thailand", "https://h/cica/events?country=THA", "Events, 8 events · economic · Thailand"),
        ("Member map, as of the end of 2017", "https://h/map?year=2017", "as of the end of 2017"),
        ("Overview", "https://h/", "https://h/ (accessed 1 Dec 2026)"),
    ],
)
def test_plain_citation(title, url, in_text):
    text = citation_text(title, "2026-12-01+abcd1234", url, DAY)
    assert in_text in text and "data version 2026-12-01+abcd1234" in text and url in text


@pytest.mark.parametrize(
    ("title", "url", "escaped"),
    [
        ("Events {x}", "https://h/events", r"Events \{x\}"),
        ("50% of_it & more", "https://h/events", r"50\% of\_it \& more"),
        ("Events", "https://h/events?q=50%25", r"\url{https://h/events?q=50\%25}"),
    ],
)
def test_bibtex_escapes_what_would_break_the_entry(title, url, escaped):
    entry = bibtex(title, "v1", url, DAY)
    assert escaped in entry
    assert entry.startswith("@misc{cica-")
    bare = entry.replace("\\{", "").replace("\\}", "")
    assert bare.count("{") == bare.count("}")  # the escaped title cannot close a field early
    assert "urldate = {2026-12-01}" in entry


def test_bibtex_key_is_stable_per_view_and_version():
    a = bibtex("Events", "v1", "https://h/events", DAY).splitlines()[0]
    assert a == bibtex("Events", "v1", "https://h/events", date(2027, 1, 1)).splitlines()[0]
    assert a != bibtex("Events", "v2", "https://h/events", DAY).splitlines()[0]
