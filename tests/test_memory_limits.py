"""The process-wide limits of cica_dash/glue/memory.py: one page script at a time, two malloc arenas,
garbage collected when the server is quiet rather than after every click."""

from __future__ import annotations

import ctypes.util
import threading
import time
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from cica_dash.glue import memory
from tests.conftest import ROOT

pytestmark = pytest.mark.serial  # alone: it holds the process's script slot and times a page run against it


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


class Slots(threading.BoundedSemaphore):
    """The collector's own one-slot semaphore, which records when anyone asks for the slot.

    The idle-collector tests read the collector's own `collections` counter and this record,
    never whether some garbage was freed: any other collector in the process (memory.COLLECTOR,
    woken by the page tests, or the threads of earlier tests' collectors) may collect that
    garbage at any moment, which says nothing about the collector under test."""

    def __init__(self) -> None:
        super().__init__(1)
        self.asked = threading.Event()

    def acquire(self, blocking: bool = True, timeout: float | None = None) -> bool:
        self.asked.set()
        return super().acquire(blocking, timeout)

    __enter__ = acquire


def _wait_for(condition, seconds: float = 30) -> bool:
    """Poll until `condition()` holds (generous: a busy machine may take its time)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def test_idle_collector_collects_after_a_quiet_spell():
    collector = memory.IdleCollector(Slots(), quiet=0.2, every=600)
    time.sleep(0.3)
    assert collector.collections == 0  # nothing happens before a script has ended
    collector.script_ended()
    assert _wait_for(lambda: collector.collections == 1)


def test_idle_collector_waits_for_the_running_script():
    slots = Slots()
    collector = memory.IdleCollector(slots, quiet=0.05, every=600)
    super(Slots, slots).acquire()  # a page script is running (taken without marking `asked`)
    collector.script_ended()
    # the collector's quiet spell passes; it must now ask for the slot, and wait for it
    assert _wait_for(lambda: slots.asked.is_set() or collector.collections > 0)
    time.sleep(0.5)  # a collector that asked but does not wait would have collected by now
    assert collector.collections == 0, "collected while a page script held the slot"
    slots.release()  # the script ends
    assert _wait_for(lambda: collector.collections == 1)
    assert slots.acquire(timeout=30)  # and the collector gave the slot back
    slots.release()


def test_idle_collector_also_collects_without_scripts():
    collector = memory.IdleCollector(Slots(), quiet=0.05, every=0.3)
    collector.script_ended()
    assert _wait_for(lambda: collector.collections == 1)
    # then again after `every` seconds, with no script (e.g. a closed session dropped by Streamlit)
    assert _wait_for(lambda: collector.collections >= 2)


def test_every_page_run_reports_to_the_collector_and_streamlit_does_not_collect(monkeypatch):
    ended = []
    monkeypatch.setattr(memory, "COLLECTOR", type("Spy", (), {"script_ended": lambda self: ended.append(1)})())
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert ended == [1]
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False  # the collection moved to IdleCollector
