"""Widget callbacks, kept out of the page scripts.

Streamlit keeps every widget's `on_change` callback and `format_func` in the session's widget
registry until the next run. A function or lambda defined in a page script carries that page's
whole namespace with it (its `__globals__`): the filtered frames and figures of the last run
would then stay alive in every open session. Callbacks live here, and labels are passed as a
dict's `get`, so a session keeps only what its widgets need (tests/test_session_memory.py).
"""

from __future__ import annotations

import streamlit as st

from cica_dash.url.periods import PRESET_CUSTOM, preset_of, range_for, slider_range

# the years the timeline's slider held when the page's last run began (after its callbacks)
YEARS_SEEN = "timeline.years_seen"


def timeline_preset_changed(first: int, last: int) -> None:
    """A period preset moves the years slider to its years; "Everything" to the full range.

    A preset that arrives with moved years is stale, and ignored. When arrow keys move the
    slider faster than the server answers, the browser sends each new year with the radio it
    still shows. The server has already set that radio to "Custom". Streamlit then takes the
    old radio for a click, and the slider would jump back to the full range while the visitor
    holds the key. One action moves one widget, so the slider is the visitor's move."""
    seen = st.session_state.get(YEARS_SEEN)
    if seen is not None and tuple(st.session_state["timeline.years"]) != tuple(seen):
        return
    lo, hi = range_for(st.session_state["timeline.preset"], st.session_state["timeline.years"], first, last)
    if st.session_state["timeline.preset"] != PRESET_CUSTOM:
        st.session_state["timeline.years"] = (lo or first, hi or last)


def timeline_years_changed(first: int, last: int) -> None:
    """Moving the years slider by hand shows the preset those years match, or "Custom"."""
    years = tuple(st.session_state["timeline.years"])
    st.session_state["timeline.preset"] = preset_of(*slider_range(years, first, last))


def timeline_years_seen() -> None:
    """Note the slider's years as this run begins (see timeline_preset_changed)."""
    st.session_state[YEARS_SEEN] = tuple(st.session_state["timeline.years"])


def reset_view(defaults: dict) -> None:
    """ "Reset filters": the page's widgets show its default view. The widgets are set here,
    not by the next full run of the page, so that the button also works inside a fragment,
    which reruns alone; the page's `commit` then writes the default link."""
    for key, value in defaults.items():
        st.session_state[key] = value


def step_year(key: str, step: int, first: int, last: int) -> None:
    """A year stepper's button: the slider `key` one year on or back, within its range."""
    st.session_state[key] = min(last, max(first, int(st.session_state[key]) + step))
