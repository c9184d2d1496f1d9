"""The process-wide limits of cica_dash/memory.py: one page script at a time, two malloc arenas."""

from __future__ import annotations

import ctypes.util
import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

from cica_dash import memory
from tests.conftest import ROOT


def test_a_page_script_waits_for_a_free_slot():
    assert memory.SCRIPT_SLOTS._initial_value == 1  # default: one script at a time
    memory.SCRIPT_SLOTS.acquire()  # another script holds the only slot for 2 s
    threading.Timer(2.0, memory.SCRIPT_SLOTS.release).start()
    start = time.monotonic()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    waited = time.monotonic() - start
    assert waited >= 1.9  # app.py ran the page only once the slot was free
    assert not at.exception
    assert at.title[0].value
    assert memory.SCRIPT_SLOTS.acquire(blocking=False)  # and gave the slot back
    memory.SCRIPT_SLOTS.release()


def test_arena_cap_leaves_an_explicit_setting_alone(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert memory.cap_malloc_arenas() is False


@pytest.mark.skipif(ctypes.util.find_library("c") is None, reason="no C library found")
def test_arena_cap_on_glibc(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert memory.cap_malloc_arenas() is True
