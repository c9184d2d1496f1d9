"""The process-wide limits of cica_dash/memory.py: one page script at a time, two malloc arenas,
garbage collected when the server is quiet rather than after every click."""

from __future__ import annotations

import ctypes.util
import gc
import threading
import time
import tomllib
import weakref

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
    assert memory.SCRIPT_SLOTS.acquire(timeout=5)  # and gave the slot back (the idle collector may hold it briefly)
    memory.SCRIPT_SLOTS.release()


def test_arena_cap_leaves_an_explicit_setting_alone(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert memory.cap_malloc_arenas() is False


@pytest.mark.skipif(ctypes.util.find_library("c") is None, reason="no C library found")
def test_arena_cap_on_glibc(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert memory.cap_malloc_arenas() is True


def _garbage_cycle() -> threading.Event:
    """A reference cycle that only the garbage collector frees; the event is set when it is."""
    freed = threading.Event()

    class Node:
        pass

    node = Node()
    node.me = node
    weakref.finalize(node, freed.set)
    return freed


def _wait_for(condition, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


@pytest.fixture
def no_automatic_gc():
    gc.disable()
    yield
    gc.enable()


def test_idle_collector_collects_after_a_quiet_spell(no_automatic_gc):
    slots = threading.BoundedSemaphore(1)
    collector = memory.IdleCollector(slots, quiet=0.2, every=60)
    freed = _garbage_cycle()
    assert not freed.wait(0.5)  # nothing collects it on its own here
    collector.script_ended()
    assert freed.wait(5)
    assert _wait_for(lambda: collector.collections == 1)


def test_idle_collector_waits_for_the_running_script(no_automatic_gc):
    slots = threading.BoundedSemaphore(1)
    collector = memory.IdleCollector(slots, quiet=0.05, every=60)
    freed = _garbage_cycle()
    slots.acquire()  # a page script is running
    collector.script_ended()
    assert not freed.wait(1.0)
    slots.release()
    assert freed.wait(5)


def test_idle_collector_also_collects_without_scripts(no_automatic_gc):
    collector = memory.IdleCollector(threading.BoundedSemaphore(1), quiet=0.05, every=0.3)
    collector.script_ended()
    assert _wait_for(lambda: collector.collections == 1)
    freed = _garbage_cycle()  # e.g. a closed session dropped by Streamlit, no script involved
    assert freed.wait(5)
    assert _wait_for(lambda: collector.collections >= 2)


def test_every_page_run_reports_to_the_collector_and_streamlit_does_not_collect(monkeypatch):
    ended = []
    monkeypatch.setattr(memory, "COLLECTOR", type("Spy", (), {"script_ended": lambda self: ended.append(1)})())
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert ended == [1]
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False  # the collection moved to IdleCollector
