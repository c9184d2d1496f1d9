"""What an open session keeps between runs. Streamlit holds each widget's `format_func` and
`on_change` callback (and a fragment's function) until the next run. A function defined in a
page script keeps that page's whole namespace alive through its `__globals__`: the filtered
frames and figures of the last run, in every open session. With 50 sessions that was most of
the server's growth under load (devtools/loadgen.md). The pages pass labels as a dict's `get`
and take callbacks from cica_dash/glue/callbacks.py, and do their run's work inside their
fragment, so what a finished run leaves alive is shared by every session or small."""

from __future__ import annotations

import gc
import pickle
import types
from pathlib import Path

import pandas as pd
import pytest
from streamlit.delta_generator import DeltaGenerator

from cica_dash.url.links import PAGE_BY_KEY, PAGES
from tests.apptest_helpers import run_page

pytestmark = pytest.mark.serial  # alone: it reads the process's garbage collector

ROOT = Path(__file__).resolve().parent.parent

# Pages with widgets whose labels or callbacks come from the page's data, with a view that
# shows them all (the matrix's cell picker, the events' dimension and type labels...).
QUERIES = {
    "map": {"year": "2010"},
    "timeline": {"from": "1999", "to": "2014", "category": "summit"},
    "matrix": {"dimension": "economic", "year": "2015"},
    "events": {"dimension": "economic", "type": "seminar"},
    "country": {"country": "KAZ"},
}
# These pages' filters and what they show are an st.fragment, so that a change reruns only that
# part. Streamlit keeps a fragment's function until the session's next full run, and with it
# the page's namespace: there, the page keeps only what every session shares (the data, from
# Streamlit's shared caches) and small values; the run's frames and figures are the fragment's
# own, and are freed when it returns.
FRAGMENT_PAGES = {"map", "timeline", "matrix", "events", "country"}
SMALL = 4096  # bytes, pickled: a view's state, a date, a list of dimension codes


def _live_namespaces(script: Path) -> list[dict]:
    gc.collect()
    return [o for o in gc.get_objects() if type(o) is dict and o.get("__file__") == str(script)]


@pytest.mark.parametrize("key", [p.key for p in PAGES if p.key not in FRAGMENT_PAGES])
def test_a_finished_run_leaves_nothing_of_the_page_alive(key):
    script = (ROOT / PAGE_BY_KEY[key].script).resolve()
    at = run_page(key, QUERIES.get(key))
    assert not at.exception, at.exception
    # `at`, and with it the session and its widget registry, is still alive here
    assert _live_namespaces(script) == [], f"something in the session keeps {script.name}'s namespace alive"


def _own_values(space: dict, other: dict) -> dict[str, object]:
    """What `space` holds that the other session's namespace does not hold too (the same
    object), leaving out modules, classes and functions."""
    return {
        name: value
        for name, value in space.items()
        if not name.startswith("__")
        and not isinstance(value, (types.ModuleType, type, types.FunctionType, DeltaGenerator))
        and value is not other.get(name)
    }


def _pickled_size(value: object) -> int:
    try:
        return len(pickle.dumps(value))
    except Exception:  # not picklable: count it as large, so the test names it
        return SMALL + 1


@pytest.mark.parametrize("key", sorted(FRAGMENT_PAGES))
def test_a_kept_namespace_holds_only_what_sessions_share_and_small_values(key):
    script = (ROOT / PAGE_BY_KEY[key].script).resolve()
    one, two = run_page(key, QUERIES[key]), run_page(key)  # two sessions, two views
    assert not one.exception and not two.exception, (one.exception, two.exception)
    spaces = _live_namespaces(script)
    assert len(spaces) == 2, f"{script.name}: {len(spaces)} live namespaces, expected one per session"
    a, b = spaces
    for space, other in ((a, b), (b, a)):
        own = _own_values(space, other)
        large = {name: _pickled_size(v) for name, v in own.items() if _pickled_size(v) > SMALL}
        assert not large, f"{script.name} keeps values of its own run at top level: {large}"
    assert a["ds"] is b["ds"], "the data should come from the shared cache"


def test_the_check_sees_a_namespace_that_is_kept():
    # the map's fragment keeps its page's namespace: the check must find it
    script = (ROOT / PAGE_BY_KEY["map"].script).resolve()
    at = run_page("map", {"year": "2010"})
    assert not at.exception, at.exception
    assert len(_live_namespaces(script)) >= 1


def test_the_check_sees_a_large_value_of_the_run():
    # a frame made by the run, left at the page's top level, is what the kept-namespace test names
    frame = pd.DataFrame({"a": range(1000)})
    assert _own_values({"frame": frame, "n": 1}, {"n": 1}) == {"frame": frame}
    assert _pickled_size(frame) > SMALL
