"""Process-wide limits that keep the server's memory near its one-session level after a burst
of sessions, and keep garbage collection out of a click's way (figures in devtools/loadgen.md).

Streamlit runs each session's script in its own thread. With the GIL those threads only take
turns, so running fifty side by side gains nothing, but each one leaves its working memory
behind in the allocator: glibc gives busy threads their own heap arenas (up to eight per core)
and keeps them. Two arenas, and one script at a time, keep that high-water mark low (50 sessions
at once: +60 MiB after they close without these limits, +17 MiB with them). One at a time also
served the full-size load test faster (5.3 reruns/s against 4.0): the threads no longer fight
for the GIL.

Streamlit runs a full garbage collection after every script run (`runner.postScriptGC`). With
pandas, plotly and the data loaded that takes about 100 ms, holding the GIL while the rerun's
last messages wait to be sent and the next click waits to start. `.streamlit/config.toml` turns
it off; `IdleCollector` runs the same collection once the server has been quiet for a moment,
and then hands the freed heap pages back to the OS. The full-size load test went from 5.3 to
16.4 reruns/s.

The arena cap is set when app.py first imports this module, after Streamlit's own threads
have started; a deployment sets MALLOC_ARENA_MAX=2 in the environment as well (deploy/).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)

# Page scripts running at once (CICA_SCRIPT_SLOTS, default 1); the others wait their turn in
# app.py. A fragment rerun (the map's slider) runs without taking a slot.
SCRIPT_SLOTS = threading.BoundedSemaphore(max(1, int(os.environ.get("CICA_SCRIPT_SLOTS") or 1)))


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """The C library, looked up once: find_library runs `ldconfig -p` in a subprocess each call."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def cap_malloc_arenas(arenas: int = 2) -> bool:
    """Ask glibc for at most `arenas` heap arenas (like MALLOC_ARENA_MAX); False where the C
    library is not glibc or the variable is already set (the environment then decides)."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        return bool((libc := _libc()) and libc.mallopt(M_ARENA_MAX, arenas))
    except AttributeError:
        return False


def trim_heap() -> bool:
    """Give the allocator's free pages back to the OS (glibc's malloc_trim); False elsewhere or
    when there was nothing to give back."""
    try:
        return bool((libc := _libc()) and libc.malloc_trim(0))
    except AttributeError:
        return False


class IdleCollector:
    """Collects garbage and trims the heap once no page script has ended for `quiet` seconds,
    and at least every `every` seconds (a closed session's memory is freed without any script
    running). It takes a script slot to do it, so no page runs during the collection."""

    def __init__(self, slots: threading.Semaphore, quiet: float = 2.0, every: float = 300.0) -> None:
        self._slots = slots
        self._quiet = quiet
        self._every = every
        self._activity = threading.Event()
        self._start = threading.Lock()
        self._thread: threading.Thread | None = None
        self.collections = 0

    def script_ended(self) -> None:
        self._activity.set()
        with self._start:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="cica-idle-gc", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            self._activity.wait(self._every)
            while self._activity.is_set():  # wait for a quiet spell
                self._activity.clear()
                time.sleep(self._quiet)
            self.collect()

    def collect(self) -> None:
        with self._slots:
            gc.collect()
            trim_heap()
            self.collections += 1


COLLECTOR = IdleCollector(SCRIPT_SLOTS)


@contextmanager
def script_slot() -> Iterator[None]:
    """Run a page script in a slot of SCRIPT_SLOTS and tell the idle collector when it ends."""
    with SCRIPT_SLOTS:
        try:
            yield
        finally:
            COLLECTOR.script_ended()


cap_malloc_arenas()
