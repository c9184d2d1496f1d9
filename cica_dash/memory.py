"""Process-wide limits that keep the server's memory near its one-session level after a burst
of sessions (figures in tests/load/README.md).

Streamlit runs each session's script in its own thread. With the GIL those threads only take
turns, so running fifty side by side gains nothing, but each one leaves its working memory
behind in the allocator: glibc gives busy threads their own heap arenas (up to eight per core)
and keeps them. Two arenas, and one script at a time, keep that high-water mark low (50 sessions
at once: +60 MiB after they close without these limits, +17 MiB with them). One at a time also
served the full-size load test faster (5.3 reruns/s against 4.0): the threads no longer fight
for the GIL.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading

M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)

# Page scripts running at once (CICA_SCRIPT_SLOTS, default 1); the others wait their turn in
# app.py. A fragment rerun (the map's slider) runs without taking a slot.
SCRIPT_SLOTS = threading.BoundedSemaphore(max(1, int(os.environ.get("CICA_SCRIPT_SLOTS") or 1)))


def cap_malloc_arenas(arenas: int = 2) -> bool:
    """Ask glibc for at most `arenas` heap arenas (like MALLOC_ARENA_MAX); False where the C
    library is not glibc or the variable is already set (the environment then decides)."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        return bool(libc.mallopt(M_ARENA_MAX, arenas))
    except (OSError, AttributeError):
        return False


cap_malloc_arenas()
