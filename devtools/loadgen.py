"""Load generator: many concurrent dashboard sessions speaking Streamlit's websocket protocol.

Each simulated user is what a browser tab is to the server: one websocket on
``/_stcore/stream`` and a ``BackMsg.rerun_script`` per filter change, answered by
ForwardMsgs up to ``script_finished``. Filters are changed through the query
string (the pages read their state from the URL when it differs from the one
they last wrote; see cica_dash/glue/ui.py ``url_state``), which needs no widget ids.

    python -m devtools.loadgen --start --sessions 50 --changes 20 --time-limit 300
    python -m devtools.loadgen --url http://127.0.0.1:8501 --server-pid 1234

It only ever connects to 127.0.0.1 / localhost / ::1, every wait has a timeout,
every loop a bound, and the whole run a time limit. See devtools/loadgen.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from devtools.server import StreamlitServer, free_port

LOOPBACK_HOSTS = {"127.0.0.1": "127.0.0.1", "localhost": "127.0.0.1", "::1": "[::1]"}
STREAM_PATH = "_stcore/stream"
HEALTH_PATH = "_stcore/health"
# What the frontend sends as Sec-WebSocket-Protocol: "streamlit", then the XSRF token
# (or this placeholder when it has none), then the previous session id when reconnecting.
SUBPROTOCOL = "streamlit"
NO_XSRF_TOKEN = "PLACEHOLDER_AUTH_TOKEN"
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
FINAL_STATUSES = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}
LOAD_PAGES = ("events", "timeline", "matrix", "map", "country")
ALL_PAGES = ("", "map", "timeline", "matrix", "events", "country", "data")
MAX_SAMPLES = 20  # error messages kept for the report


class RefusedTarget(ValueError):
    """The URL names a host other than the loopback interface."""


# ---------------------------------------------------------------------------
# Target and server process


@dataclass(frozen=True)
class Target:
    host: str  # as it goes in a URL: 127.0.0.1 or [::1]
    port: int
    base: str  # "" or "cica/" (server.baseUrlPath, with a trailing slash)

    @classmethod
    def parse(cls, url: str) -> Target:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        if parts.scheme not in ("http", "ws"):
            raise RefusedTarget(f"only plain http/ws on loopback is supported, not {parts.scheme!r}")
        host = (parts.hostname or "").lower()
        if host not in LOOPBACK_HOSTS:
            raise RefusedTarget(f"refusing to load {host!r}: only 127.0.0.1, localhost or ::1")
        base = parts.path.strip("/")
        return cls(LOOPBACK_HOSTS[host], parts.port or 8501, f"{base}/" if base else "")

    @property
    def http(self) -> str:
        return f"http://{self.host}:{self.port}/{self.base}"

    @property
    def ws(self) -> str:
        return f"ws://{self.host}:{self.port}/{self.base}{STREAM_PATH}"

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"


def health(target: Target, timeout: float = 3.0) -> bool:
    try:
        with urllib.request.urlopen(target.http + HEALTH_PATH, timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def rss_kib(pid: int | None) -> int | None:
    """Resident set size of a process in KiB, from /proc (None when unknown)."""
    return _proc_status(pid, "VmRSS")


def hwm_kib(pid: int | None) -> int | None:
    """Peak resident set size since the process started, in KiB."""
    return _proc_status(pid, "VmHWM")


def _proc_status(pid: int | None, key: str) -> int | None:
    if not pid:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def pid_listening_on(port: int) -> int | None:
    """The pid of the process listening on a TCP port: psutil if installed, else /proc."""
    try:
        import psutil  # type: ignore[import-not-found]

        for conn in psutil.net_connections(kind="tcp"):
            if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port and conn.pid:
                return conn.pid
    except Exception:  # not installed, or not allowed: fall back to /proc
        pass
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                cols = line.split()
                if len(cols) > 9 and cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(f"socket:[{cols[9]}]")
    if not inodes:
        return None
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            for fd in (proc / "fd").iterdir():
                with contextlib.suppress(OSError):
                    if os.readlink(fd) in inodes:
                        return int(proc.name)
    return None


class Server(StreamlitServer):
    """`streamlit run app.py` on a loopback port, started, restarted and stopped by us."""

    def __init__(self, port: int, extra_args: list[str], log_dir: Path, watch: bool = False) -> None:
        # Without the file watcher by default: a source file saved while sessions run makes
        # Streamlit evict modules from sys.modules under other sessions' imports (KeyError
        # 'cica_dash' and the like), which measures the editing, not the load.
        watcher = [] if watch else ["--server.fileWatcherType", "none"]
        super().__init__(port=port, options=[*watcher, *extra_args], log=log_dir / f"streamlit-{port}.log")
        self.target = Target("127.0.0.1", port, "")

    def log_tracebacks(self) -> list[str]:
        """The exception lines of every traceback the server logged (ANSI colours removed)."""
        with contextlib.suppress(OSError):
            text = re.sub(r"\x1b\[[0-9;]*m", "", self.log_path.read_text(errors="replace"))
            return [ln.strip() for ln in text.splitlines() if re.match(r"^\s*[A-Za-z_.]*(Error|Exception)\b.*:", ln)]
        return []


# ---------------------------------------------------------------------------
# What to ask for


@dataclass(frozen=True)
class Vocab:
    countries: tuple[str, ...]
    dimensions: tuple[str, ...]
    categories: tuple[str, ...]
    event_types: tuple[str, ...]
    first_year: int
    last_year: int


FALLBACK_VOCAB = Vocab(
    countries=("AFG", "AZE", "CHN", "EGY", "IND", "IRN", "KAZ", "KGZ", "MNG", "PAK", "QAT", "RUS", "THA", "TUR", "UZB", "VNM"),
    dimensions=("military-political", "new-challenges", "economic", "environmental", "human"),
    categories=("initiative", "summit", "ministerial", "chairmanship", "accession", "document"),
    event_types=("seminar", "workshop", "conference", "forum", "meeting"),
    first_year=1992,
    last_year=2025,
)


def load_vocab() -> Vocab:
    """The values the links may name, read from the project's data (a fixed list if that fails)."""
    try:
        from cica_dash.data.load import data_dir, load_dataset
        from cica_dash.data.vocabulary import Vocabulary

        v = Vocabulary.from_dataset(load_dataset(data_dir()))
        return Vocab(
            tuple(v.countries), tuple(v.dimensions), tuple(v.categories), tuple(v.event_types), v.first_year, v.last_year
        )
    except Exception:
        return FALLBACK_VOCAB


def _years(rng: random.Random, v: Vocab) -> tuple[int, int]:
    a, b = rng.randint(v.first_year, v.last_year), rng.randint(v.first_year, v.last_year)
    return min(a, b), max(a, b)


def make_query(page: str, rng: random.Random, v: Vocab) -> str:
    """A random, valid filter for one page, as the query string a link would carry."""
    q: list[tuple[str, str]] = []
    if page == "events":
        for d in rng.sample([*v.dimensions, "institutional"], rng.randint(0, 2)):
            q.append(("dimension", d))
        for c in rng.sample(v.countries, rng.randint(0, 2)):
            q.append(("country", c))
        if rng.random() < 0.3:
            q.append(("type", rng.choice(v.event_types)))
        if rng.random() < 0.7:
            lo, hi = _years(rng, v)
            q += [("from", str(lo)), ("to", str(hi))]
    elif page == "timeline":
        lo, hi = _years(rng, v)
        q += [("from", str(lo)), ("to", str(hi))]
        for c in rng.sample(v.categories, rng.randint(0, 2)):
            q.append(("category", c))
    elif page == "matrix":
        q.append(("year", str(rng.randint(v.first_year, v.last_year))))
        for d in rng.sample(v.dimensions, rng.randint(0, 2)):
            q.append(("dimension", d))
    elif page == "map":
        q.append(("year", str(rng.randint(v.first_year, v.last_year))))
    elif page == "country":
        q.append(("country", rng.choice(v.countries)))
    return urlencode(q)


def make_plan(rng: random.Random, v: Vocab, changes: int, switch: float = 0.35) -> list[tuple[str, str]]:
    """Opening a page from a link, then `changes` filter changes, sometimes on another page."""
    page = rng.choice(LOAD_PAGES)
    plan = [(page, make_query(page, rng, v))]
    for _ in range(changes):
        if rng.random() < switch:
            page = rng.choice([p for p in LOAD_PAGES if p != page])
        plan.append((page, make_query(page, rng, v)))
    return plan


# ---------------------------------------------------------------------------
# One connection


class Disconnected(Exception):
    """The websocket closed (or could not open) while we needed it."""


@dataclass
class Outcome:
    page: str
    query: str
    finished: bool = False
    status: str = ""
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    notices: int = 0
    disconnected: bool = False
    timed_out: bool = False


class Conn:
    """One websocket session, as one browser tab holds it."""

    def __init__(self, target: Target, op_timeout: float) -> None:
        self.target = target
        self.op_timeout = op_timeout
        self.ws: Any = None
        self.session_id: str | None = None
        self.page_paths: dict[str, str] = {}  # page_script_hash -> url path, from `navigation`

    async def open(self, resume: bool = False) -> None:
        protocols = [SUBPROTOCOL, NO_XSRF_TOKEN]
        if resume and self.session_id:
            protocols.append(self.session_id)
        try:
            self.ws = await asyncio.wait_for(
                websockets.connect(
                    self.target.ws,
                    subprotocols=protocols,  # type: ignore[arg-type]
                    origin=self.target.origin,  # type: ignore[arg-type]
                    max_size=MAX_MESSAGE_BYTES,
                    ping_interval=None,  # the browser sends no pings either
                    open_timeout=self.op_timeout,
                    close_timeout=2,
                    proxy=None,
                ),
                self.op_timeout,
            )
        except (OSError, TimeoutError, websockets.exceptions.WebSocketException) as e:
            raise Disconnected(f"connect: {type(e).__name__}: {e}") from e

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 3)
            self.ws = None

    async def send_rerun(self, page: str, query: str) -> None:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = query
        cs.page_name = page  # the url path; "" is the default page
        cs.context_info.url = f"{self.target.http}{page}"
        cs.context_info.timezone = "UTC"
        cs.context_info.locale = "en-US"
        try:
            await self.ws.send(msg.SerializeToString())
        except websockets.exceptions.ConnectionClosed as e:
            raise Disconnected(f"send: {e}") from e

    async def rerun(self, page: str, query: str) -> Outcome:
        """Ask for one run and read the answer up to its `script_finished`.

        Never raises for a server-side failure: it lands in the Outcome."""
        out = Outcome(page, query)
        t0 = time.perf_counter()
        deadline = time.monotonic() + self.op_timeout
        try:
            await self.send_rerun(page, query)
            ran_page: str | None = None
            run_id: str | None = None  # of the run this request started (from its new_session)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                raw = await asyncio.wait_for(self.ws.recv(), left)
                fm = ForwardMsg()
                fm.ParseFromString(raw)
                kind = fm.WhichOneof("type")
                if kind == "new_session":
                    self.session_id = fm.new_session.initialize.session_id or self.session_id
                    run_id = fm.metadata.run.script_run_id
                elif kind == "navigation":
                    self.page_paths = {p.page_script_hash: p.url_pathname for p in fm.navigation.app_pages}
                    ran_page = self.page_paths.get(fm.navigation.page_script_hash)
                elif kind == "page_not_found":
                    out.errors.append(f"page_not_found: {page!r}")
                elif kind == "session_event" and fm.session_event.HasField("script_compilation_exception"):
                    exc = fm.session_event.script_compilation_exception
                    out.errors.append(f"compile error: {exc.type}: {exc.message}"[:300])
                elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                    el = fm.delta.new_element
                    etype = el.WhichOneof("type")
                    if etype == "exception":
                        out.errors.append(f"exception: {el.exception.type}: {el.exception.message}"[:300])
                    elif etype == "alert" and el.alert.format == Alert.ERROR:
                        out.errors.append(f"error alert: {el.alert.body}"[:300])
                    elif etype == "alert" and el.alert.format == Alert.WARNING:
                        out.notices += 1
                elif kind == "script_finished" and fm.script_finished in FINAL_STATUSES:
                    finished_id = fm.metadata.run.script_run_id
                    if run_id is None or (finished_id and finished_id != run_id):
                        continue  # the end of an earlier run, not of the one asked for here
                    out.finished = True
                    out.status = ForwardMsg.ScriptFinishedStatus.Name(fm.script_finished)
                    if fm.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                        out.errors.append(f"script_finished {out.status}")
                    if ran_page is not None and ran_page != page:
                        out.errors.append(f"ran page {ran_page!r} instead of {page!r}")
                    break
        except TimeoutError:
            out.timed_out = True
        except (Disconnected, websockets.exceptions.ConnectionClosed) as e:
            out.disconnected = True
            out.errors.append(f"disconnected: {e}"[:300])
        out.seconds = time.perf_counter() - t0
        return out


# ---------------------------------------------------------------------------
# Tallies


@dataclass
class Tally:
    planned: int = 0
    sent: int = 0
    completed: int = 0
    lost: int = 0
    interrupted: int = 0  # in flight when the server was killed on purpose, then sent again
    timeouts: int = 0
    disconnects: int = 0  # unexpected
    expected_disconnects: int = 0
    reconnects: int = 0
    connect_failures: int = 0
    notices: int = 0
    abandoned: int = 0  # mid-rerun disconnects made on purpose
    latencies: list[float] = field(default_factory=list)
    page_latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)
    pages: Counter[str] = field(default_factory=Counter)

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.samples) < MAX_SAMPLES:
            self.samples.append(detail)

    def record(self, out: Outcome, expected_disconnect: bool = False) -> None:
        self.sent += 1
        if out.finished:
            self.completed += 1
            self.latencies.append(out.seconds)
            self.page_latencies.setdefault(out.page or "overview", []).append(out.seconds)
            self.pages[out.page or "overview"] += 1
            self.notices += out.notices
            for e in out.errors:
                self.error(e.split(":")[0], f"{out.page}?{out.query}: {e}")
        elif out.disconnected and expected_disconnect:
            self.interrupted += 1
            self.expected_disconnects += 1
        else:
            self.lost += 1
            if out.timed_out:
                self.timeouts += 1
                self.error("timeout", f"{out.page}?{out.query}: no script_finished")
            if out.disconnected:
                self.disconnects += 1
                for e in out.errors:
                    self.error("disconnect", f"{out.page}?{out.query}: {e}")

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def summary(self, duration: float | None = None) -> dict[str, Any]:
        d = asdict(self)
        d.pop("latencies")
        d.pop("page_latencies")
        d["errors"] = self.error_count
        d["errors_by_kind"] = dict(self.errors)
        d["pages"] = dict(self.pages)
        d["latency_ms"] = latency_ms(self.latencies)
        d["page_latency_ms"] = {k: latency_ms(v) for k, v in sorted(self.page_latencies.items())}
        if duration:
            d["duration_s"] = round(duration, 1)
            d["reruns_per_s"] = round(self.completed / duration, 2)
        return d


def latency_ms(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p95": None, "max": None, "mean": None}
    ms = sorted(v * 1000 for v in values)
    if len(ms) == 1:
        p50 = p95 = ms[0]
    else:
        q = statistics.quantiles(ms, n=100, method="inclusive")
        p50, p95 = q[49], q[94]
    return {"p50": round(p50), "p95": round(p95), "max": round(ms[-1]), "mean": round(statistics.fmean(ms))}


async def rerun_or_lost(conn: Conn, page: str, query: str, tally: Tally) -> Outcome:
    """conn.rerun, but a run cut off by the time limit still counts, as lost."""
    try:
        return await conn.rerun(page, query)
    except asyncio.CancelledError:
        tally.sent += 1
        tally.lost += 1
        tally.error("time limit", f"{page}?{query}: still running when the time limit stopped the run")
        raise


# ---------------------------------------------------------------------------
# Simulated users


class Run:
    """Shared state of one load run."""

    def __init__(self, args: argparse.Namespace, target: Target, server: Server | None, vocab: Vocab) -> None:
        self.args = args
        self.target = target
        self.server = server
        self.vocab = vocab
        self.restarting = False  # set before we kill the server, cleared once it answers again
        self.stopping = False

    @property
    def server_pid(self) -> int | None:
        if self.server is not None:
            return self.server.pid
        return self.args.server_pid

    async def reconnect(self, conn: Conn, tally: Tally, resume: bool = True) -> bool:
        """Reopen a dropped session the way the browser does (offering the old session id
        unless `resume` is false), retrying with backoff for at most `--reconnect-window` s."""
        await conn.close()
        deadline = time.monotonic() + self.args.reconnect_window
        delay = 0.25
        for _ in range(100):
            if self.stopping or time.monotonic() > deadline:
                break
            try:
                await conn.open(resume=resume)
                tally.reconnects += 1
                return True
            except Disconnected:
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)
        tally.connect_failures += 1
        tally.error("reconnect", f"gave up reconnecting after {self.args.reconnect_window}s")
        return False

    async def user(self, n: int, plan: list[tuple[str, str]], tally: Tally, done: asyncio.Event, release: asyncio.Event) -> None:
        """One tab: open, go through the plan (retrying a change after a reconnect), then
        stay connected until released, so the harness can see N idle sessions."""
        rng = random.Random(self.args.seed * 7919 + n)
        await asyncio.sleep(rng.uniform(0, self.args.ramp))
        conn = Conn(self.target, self.args.op_timeout)
        try:
            try:
                await conn.open()
            except Disconnected as e:
                tally.connect_failures += 1
                tally.error("connect", str(e))
                return
            for page, query in plan:
                if self.stopping:
                    break
                for _attempt in range(3):
                    out = await rerun_or_lost(conn, page, query, tally)
                    tally.record(out)
                    if out.finished:
                        break
                    # dropped: reconnect and ask again; timed out: a fresh session, next change
                    if not await self.reconnect(conn, tally, resume=not out.timed_out) or out.timed_out:
                        break
                if conn.ws is None:
                    break
                if self.args.think:
                    await asyncio.sleep(rng.uniform(0, self.args.think))
        finally:
            done.set()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(release.wait(), self.args.op_timeout)
            await conn.close()

    async def abandoner(self, n: int, tally: Tally) -> None:
        """Open a session, ask for a run and close the socket mid-rerun: right after the
        send (even n) or once the run has started sending (odd n)."""
        rng = random.Random(self.args.seed * 104729 + n)
        await asyncio.sleep(rng.uniform(0, max(self.args.ramp, 1.0) * 2))
        conn = Conn(self.target, self.args.op_timeout)
        try:
            await conn.open()
            page = rng.choice(("events", "map", "matrix"))
            await conn.send_rerun(page, make_query(page, rng, self.vocab))
            if n % 2:
                for _ in range(1000):
                    fm = ForwardMsg()
                    fm.ParseFromString(await asyncio.wait_for(conn.ws.recv(), self.args.op_timeout))
                    if fm.WhichOneof("type") == "delta":
                        break
            tally.abandoned += 1
        except (Disconnected, TimeoutError, websockets.exceptions.ConnectionClosed) as e:
            tally.error("abandoner", f"could not even start the run it meant to abandon: {e}")
        finally:
            await conn.close()

    async def probe(self, tally: Tally) -> None:
        """A fresh session visits every page (of --probe-pages) once: do new sessions still work?"""
        conn = Conn(self.target, self.args.op_timeout)
        try:
            await conn.open()
        except Disconnected as e:
            tally.error("connect", str(e))
            return
        try:
            for page in self.args.probe_pages:
                tally.planned += 1
                tally.record(await conn.rerun(page, ""))
        finally:
            await conn.close()


# ---------------------------------------------------------------------------
# Phases


async def phase_load(run: Run, report: dict[str, Any]) -> None:
    args = run.args
    rng = random.Random(args.seed)
    plans = [make_plan(rng, run.vocab, args.changes) for _ in range(args.sessions)]
    tally = Tally(planned=sum(len(p) for p in plans))
    report["load"] = tally  # visible even if the time limit cuts the phase short
    done = [asyncio.Event() for _ in plans]
    release = asyncio.Event()
    t0 = time.monotonic()
    tasks = [asyncio.create_task(run.user(i, plan, tally, done[i], release)) for i, plan in enumerate(plans)]
    tasks += [asyncio.create_task(run.abandoner(i, tally)) for i in range(args.abandon)]
    try:
        await asyncio.gather(*(d.wait() for d in done))
        duration = time.monotonic() - t0
        report["rss_kib"]["all_connected_idle"] = rss_kib(run.server_pid)
        report["rss_kib"]["peak_hwm"] = hwm_kib(run.server_pid)
        release.set()
        await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        release.set()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    report["load"] = tally.summary(duration)


async def phase_after(run: Run, report: dict[str, Any]) -> None:
    """After every load session has closed: let the server settle, read its RSS, check
    that it is healthy and that a brand-new session still gets every page."""
    await asyncio.sleep(run.args.settle)
    pid = run.server_pid
    report["rss_kib"]["after_close"] = rss_kib(pid)
    report["healthy_after_load"] = await asyncio.to_thread(health, run.target)
    tally = Tally()
    await run.probe(tally)
    report["probe_after_load"] = tally.summary()
    await asyncio.sleep(run.args.probe_settle)
    report["rss_kib"]["after_probe"] = rss_kib(pid)


async def phase_restart(run: Run, report: dict[str, Any]) -> None:
    """Kill the server (SIGKILL) while sessions are mid-way, start it again on the same
    port; every session must reconnect and complete its remaining changes."""
    args = run.args
    server = run.server
    assert server is not None
    n = args.restart_sessions
    rng = random.Random(args.seed + 1)
    tally = Tally()
    info: dict[str, Any] = {"sessions": n, "changes_before_kill": 2, "changes_after_restart": args.restart_changes}
    report["restart"] = info
    before = [0] * n
    killed = asyncio.Event()  # set just before the SIGKILL
    restarted = asyncio.Event()  # set once the new server answers /_stcore/health
    after_restart = [0] * n

    async def tab(i: int) -> None:
        conn = Conn(run.target, args.op_timeout)
        page = rng.choice(LOAD_PAGES)
        try:
            await conn.open()
        except Disconnected as e:
            tally.error("connect", str(e))
            return
        try:
            for _step in range(200):  # bounded: ~2 before the kill, a few while it happens, then the rest
                if run.stopping or after_restart[i] >= args.restart_changes:
                    break
                if rng.random() < 0.35:
                    page = rng.choice(LOAD_PAGES)
                query = make_query(page, rng, run.vocab)
                for _attempt in range(3):
                    sent_after_restart = restarted.is_set()
                    out = await rerun_or_lost(conn, page, query, tally)
                    tally.planned += 1
                    # a drop is expected only for a run asked of the server we killed
                    expected = out.disconnected and not sent_after_restart and killed.is_set()
                    tally.record(out, expected_disconnect=expected)
                    if out.finished:
                        if sent_after_restart:
                            after_restart[i] += 1
                        else:
                            before[i] += 1
                        break
                    if not await run.reconnect(conn, tally, resume=not out.timed_out) or out.timed_out:
                        break
                if conn.ws is None:
                    break
                if not killed.is_set() and before[i] >= 2:
                    await asyncio.sleep(0.05)
        finally:
            await conn.close()

    tasks = [asyncio.create_task(tab(i)) for i in range(n)]
    try:
        for _ in range(int(args.op_timeout * 10)):  # until every tab has done 2 runs (bounded)
            if min(before) >= 2 or all(t.done() for t in tasks):
                break
            await asyncio.sleep(0.1)
        run.restarting = True
        killed.set()
        info["rss_kib_before_kill"] = rss_kib(server.pid)
        t0 = time.monotonic()
        await asyncio.to_thread(server.kill)
        info["start_s"] = round(await asyncio.to_thread(server.start), 1)
        run.restarting = False
        restarted.set()
        info["down_s"] = round(time.monotonic() - t0, 1)
        await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), args.op_timeout * (args.restart_changes + 3))
    finally:
        run.restarting = False
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    info["sessions_completing_all_after_restart"] = sum(1 for c in after_restart if c >= args.restart_changes)
    info["reruns_completed_after_restart"] = sum(after_restart)
    info.update(tally.summary())
    info["healthy_after_restart"] = await asyncio.to_thread(health, run.target)


async def main_async(args: argparse.Namespace, report: dict[str, Any], owned: list[Server]) -> None:
    vocab = await asyncio.to_thread(load_vocab)
    server: Server | None = None
    if args.start:
        port = args.port or free_port()
        log_dir = Path(args.log_dir or tempfile.mkdtemp(prefix="cica-load-"))
        server = Server(port, args.server_arg or [], log_dir, watch=args.watch)
        owned.append(server)
        report["server_log"] = str(server.log_path)
        report["server_start_s"] = round(await asyncio.to_thread(server.start), 1)
        target = server.target
    else:
        target = Target.parse(args.url)
        if not await asyncio.to_thread(health, target):
            report["aborted"] = f"no healthy server at {target.http} (try --start)"
            return
        if args.server_pid is None:
            args.server_pid = pid_listening_on(target.port)
    run = Run(args, target, server, vocab)
    report["target"] = target.http
    report["server_pid"] = run.server_pid
    rss = report["rss_kib"] = {"idle": rss_kib(run.server_pid)}
    try:
        # one session visiting every page: warms the caches and gives the one-session level
        warm = Tally()
        await run.probe(warm)
        report["warmup"] = warm.summary()
        await asyncio.sleep(args.probe_settle)
        rss["one_session"] = rss_kib(run.server_pid)
        await phase_load(run, report)
        await phase_after(run, report)
        if args.restart:
            if server is None:
                report["restart"] = {"skipped": "--restart needs --start (the generator must own the server)"}
            else:
                await phase_restart(run, report)
        report["healthy_at_end"] = await asyncio.to_thread(health, target)
    finally:
        run.stopping = True
        if server is not None:
            if server.pid is None and server.starts:
                report["server_log_tail"] = server.log_tail()
            await asyncio.to_thread(server.stop)
            report["server_log_errors"] = server.log_tracebacks()[:MAX_SAMPLES]


def verdict(report: dict[str, Any]) -> list[str]:
    """Why the run failed; empty when it passed."""
    problems = []
    if report.get("aborted"):
        problems.append(f"aborted: {report['aborted']}")
    for name in ("warmup", "load", "probe_after_load", "restart"):
        part = report.get(name)
        if not isinstance(part, dict) or "planned" not in part:
            continue
        if part["errors"]:
            problems.append(f"{name}: {part['errors']} errors {part['errors_by_kind']}")
        if part["lost"]:
            problems.append(f"{name}: {part['lost']} lost reruns")
        if part["completed"] < part["planned"] - part.get("interrupted", 0):
            problems.append(f"{name}: {part['completed']} of {part['planned'] - part.get('interrupted', 0)} reruns completed")
    restart = report.get("restart") or {}
    if "sessions" in restart and restart.get("sessions_completing_all_after_restart") != restart["sessions"]:
        problems.append("restart: not every session completed its changes after the restart")
    for key in ("healthy_after_load", "healthy_at_end"):
        if report.get(key) is False:
            problems.append(f"{key}: /_stcore/health did not answer ok")
    if report.get("server_log_errors"):
        problems.append(f"the server logged errors: {report['server_log_errors'][:3]}")
    if "healthy_at_end" not in report:
        problems.append("the run did not reach its end")
    return problems


def _plain(obj: Any) -> Any:
    if isinstance(obj, Tally):
        return obj.summary()
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


def format_report(r: dict[str, Any]) -> str:
    lines = [
        f"target {r.get('target')}  server pid {r.get('server_pid')}  ({r.get('sessions')} sessions x {r.get('changes')} changes)"
    ]
    load = r.get("load")
    if isinstance(load, dict):
        lat = load["latency_ms"]
        lines += [
            f"reruns: planned {load['planned']}, completed {load['completed']}, lost {load['lost']} "
            f"(timeouts {load['timeouts']}, disconnects {load['disconnects']}), errors {load['errors']}, notices {load['notices']}",
            f"latency ms: p50 {lat['p50']}, p95 {lat['p95']}, max {lat['max']}, mean {lat['mean']}; "
            f"{load.get('reruns_per_s')} reruns/s over {load.get('duration_s')} s",
            "by page (count, p50/p95 ms): "
            + ", ".join(f"{k} {load['pages'][k]} {v['p50']}/{v['p95']}" for k, v in load["page_latency_ms"].items()),
            f"mid-rerun disconnects made on purpose: {load['abandoned']}",
        ]
        if load["errors"]:
            lines.append(f"errors by kind: {load['errors_by_kind']}; e.g. {load['samples'][:3]}")
    rss = r.get("rss_kib", {})
    one = rss.get("one_session")

    def mib(k: str) -> str:
        v = rss.get(k)
        return "?" if v is None else f"{v / 1024:.0f} MiB"

    lines.append(
        f"server RSS: idle {mib('idle')}, one session {mib('one_session')}, all sessions connected {mib('all_connected_idle')}, "
        f"peak {mib('peak_hwm')}, {r.get('settle')} s after close {mib('after_close')}"
        + (f" ({(rss['after_close'] - one) / 1024:+.0f} MiB vs one session)" if one and rss.get("after_close") else "")
    )
    if one and rss.get("after_probe"):
        lines.append(
            f"server RSS once the closed sessions are dropped (after a new session came and went): "
            f"{mib('after_probe')} ({(rss['after_probe'] - one) / one:+.1%} vs one session; target within 10 %)"
        )
    probe = r.get("probe_after_load")
    if isinstance(probe, dict):
        lines.append(
            f"after load: health {'ok' if r.get('healthy_after_load') else 'FAILED'}; a new session completed "
            f"{probe['completed']}/{probe['planned']} pages, errors {probe['errors']}"
        )
    rs = r.get("restart")
    if isinstance(rs, dict) and "sessions" in rs:
        lines.append(
            f"restart: {rs['sessions']} sessions, server down {rs.get('down_s')} s; in-flight reruns interrupted "
            f"{rs['interrupted']}, reconnects {rs['reconnects']}, reruns completed after restart {rs['reruns_completed_after_restart']}, "
            f"sessions that finished all {rs['changes_after_restart']} changes after it: {rs['sessions_completing_all_after_restart']}/"
            f"{rs['sessions']}, errors {rs['errors']}, lost {rs['lost']}, health {'ok' if rs.get('healthy_after_restart') else 'FAILED'}"
        )
    elif isinstance(rs, dict):
        lines.append(f"restart: {rs}")
    problems = r.get("problems", [])
    lines.append("RESULT: " + ("ok" if not problems else "FAILED: " + "; ".join(problems)))
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m devtools.loadgen", description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default="http://127.0.0.1:8501", help="a running server (loopback only); ignored with --start")
    p.add_argument(
        "--start", action="store_true", help="start `streamlit run app.py` on a free loopback port and stop it at the end"
    )
    p.add_argument("--port", type=int, help="with --start: this port instead of a free one")
    p.add_argument("--watch", action="store_true", help="with --start: keep Streamlit's file watcher on (default: off)")
    p.add_argument("--server-arg", action="append", help="with --start: extra argument for streamlit run (repeatable)")
    p.add_argument("--server-pid", type=int, help="pid of the server, for RSS (default: found by port, or ours with --start)")
    p.add_argument("--sessions", type=int, default=10)
    p.add_argument("--changes", type=int, default=5, help="filter changes per session, after its first page load")
    p.add_argument("--abandon", type=int, default=2, help="extra sessions that close their socket mid-rerun")
    p.add_argument("--restart", action="store_true", help="with --start: kill and restart the server under connected sessions")
    p.add_argument("--restart-sessions", type=int, default=5)
    p.add_argument("--restart-changes", type=int, default=3, help="changes each session must complete after the restart")
    p.add_argument("--think", type=float, default=0.0, help="random pause of up to this many seconds between changes")
    p.add_argument("--ramp", type=float, default=1.0, help="sessions open spread over this many seconds")
    p.add_argument("--op-timeout", type=float, default=60.0, help="seconds allowed for one connect or one rerun")
    p.add_argument("--reconnect-window", type=float, default=60.0, help="seconds a dropped session keeps trying to reconnect")
    p.add_argument("--settle", type=float, default=5.0, help="seconds to wait after the sessions close before reading RSS")
    p.add_argument(
        "--probe-settle",
        type=float,
        default=5.0,
        help="seconds to wait after a probe session closes before reading RSS (the server collects garbage 2 s after its last script)",
    )
    p.add_argument("--time-limit", type=float, default=300.0, help="the whole run stops after this many seconds")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--probe-pages",
        default="all",
        help="comma-separated url paths the warm-up and after-load sessions visit ('' or 'overview' is the overview; default all)",
    )
    p.add_argument("--log-dir", help="with --start: where the server log goes (default: a temp dir)")
    p.add_argument("--json", help="also write the report as JSON to this file")
    args = p.parse_args(argv)
    for name in ("sessions", "changes", "abandon", "restart_sessions", "restart_changes"):
        if getattr(args, name) < 0 or getattr(args, name) > 10_000:
            p.error(f"--{name.replace('_', '-')} must be between 0 and 10000")
    if not args.start:
        try:
            Target.parse(args.url)
        except RefusedTarget as e:
            p.error(str(e))
    if args.probe_pages == "all":
        args.probe_pages = list(ALL_PAGES)
    else:
        args.probe_pages = ["" if x.strip() in ("", "overview") else x.strip() for x in args.probe_pages.split(",")]
        if unknown := set(args.probe_pages) - set(ALL_PAGES):
            p.error(f"--probe-pages: unknown pages {sorted(unknown)}")
    if args.restart and not args.start:
        p.error("--restart needs --start: the generator can only restart a server it started")
    return args


def run_load(args: argparse.Namespace) -> dict[str, Any]:
    """Run the load and return the report (a plain dict, with `problems` empty on success)."""
    report: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "sessions": args.sessions,
        "changes": args.changes,
        "abandon": args.abandon,
        "settle": args.settle,
        "time_limit": args.time_limit,
    }
    t0 = time.monotonic()
    owned: list[Server] = []

    async def bounded() -> None:
        try:
            await asyncio.wait_for(main_async(args, report, owned), args.time_limit)
        except TimeoutError:
            report["aborted"] = f"time limit of {args.time_limit:.0f} s reached"

    try:
        asyncio.run(bounded())
    finally:
        for server in owned:  # never leave a server of ours behind, whatever happened
            server.stop()
    report["wall_s"] = round(time.monotonic() - t0, 1)
    report = _plain(report)
    report["problems"] = verdict(report)
    return report


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    report = run_load(args)
    print(format_report(report), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, default=str))
    return 0 if not report["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
