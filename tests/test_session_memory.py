"""What an open session keeps between runs. Streamlit holds each widget's `format_func` and
`on_change` callback (and a fragment's function) until the next run. A function defined in a
page script keeps that page's whole namespace alive through its `__globals__`: the filtered
frames and figures of the last run, in every open session. With 50 sessions that was most of
the server's growth under load (devtools/loadgen.md). The pages pass labels as a dict's `get`
and take callbacks from cica_dash/glue/callbacks.py, so a finished run leaves its namespace to be
freed."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from cica_dash.url.links import PAGE_BY_KEY, PAGES
from tests.apptest_helpers import run_page

pytestmark = pytest.mark.serial  # alone: it reads the process's garbage collector

ROOT = Path(__file__).resolve().parent.parent

# Pages with widgets whose labels or callbacks come from the page's data, with a view that
# shows them all (the matrix's cell picker, the events' dimension and type labels...).
QUERIES = {
    "timeline": {"from": "1999", "to": "2014", "category": "summit"},
    "matrix": {"dimension": "economic", "year": "2015"},
    "events": {"dimension": "economic", "type": "seminar"},
    "country": {"country": "KAZ"},
}
# The member map's slider part is an st.fragment: Streamlit keeps the fragment's function, and
# with it the map page's namespace (the data, which is shared, and the chair terms), so that the
# slider can rerun that part alone.
KEEPS_ITS_NAMESPACE = {"map"}


def _live_namespaces(script: Path) -> list[dict]:
    gc.collect()
    return [o for o in gc.get_objects() if type(o) is dict and o.get("__file__") == str(script)]


@pytest.mark.parametrize("key", [p.key for p in PAGES if p.key not in KEEPS_ITS_NAMESPACE])
def test_a_finished_run_leaves_nothing_of_the_page_alive(key):
    script = (ROOT / PAGE_BY_KEY[key].script).resolve()
    at = run_page(key, QUERIES.get(key))
    assert not at.exception, at.exception
    # `at`, and with it the session and its widget registry, is still alive here
    assert _live_namespaces(script) == [], f"something in the session keeps {script.name}'s namespace alive"


def test_the_check_sees_a_namespace_that_is_kept():
    # the map's fragment keeps its page's namespace: the check must find it
    script = (ROOT / PAGE_BY_KEY["map"].script).resolve()
    at = run_page("map", {"year": "2010"})
    assert not at.exception, at.exception
    assert len(_live_namespaces(script)) >= 1
