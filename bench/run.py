"""Benchmark: every figure next to its floor, measured in the same run; the ratio is what counts.

    .venv/bin/python -m bench.run                 # everything (about 10 minutes on 2 cores)
    .venv/bin/python -m bench.run --only script   # script cost per rerun (AppTest) only
    .venv/bin/python -m bench.run --only clicks --pages map --real-only   # one part, one page
    .venv/bin/python -m bench.run --clicks 10 --reruns 20 --factor 100
    .venv/bin/python -m bench.run --only cold --server-python /path/to/deploy-venv/bin/python

Measures (see docs/performance.md): 1 click latency in Chromium (rounds in alternation; the benchmarked
change and first visits), 2 script cost per rerun with a
profile split, 3 growth with the events record scaled 100x, 4 bytes over the websocket per click,
5 server memory after 1 and 50 sessions, 6 cold start, 7 a busy page (long tasks after a first
visit has settled). Medians throughout; this machine is noisy.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yappi  # noqa: E402

from bench.scale import scaled_copy  # noqa: E402
from devtools.server import StreamlitServer, launch_chromium  # noqa: E402

FLOOR = ROOT / "bench" / "floor_app.py"
# the floor plus Streamlit elements with trivial content that follow its selectbox (`?with=`)
REFERENCE = ROOT / "bench" / "reference_app.py"
PAGES = ["map", "timeline", "matrix", "events", "country"]
# What each page's benchmarked change redraws, as reference elements: its charts (the app's
# element, the places map too) and data grids whose content changes. A page cannot click faster than
# these elements alone; its time over theirs is what the dashboard's own work adds.
PAGE_ELEMENTS = {
    "map": "element,element,grid",  # year: choropleth, member count, member list
    "timeline": "element,grid",  # period: timeline, its list
    "matrix": "element,element,element,element,element,grid",  # order: a panel per dimension, roles table
    "events": "element,geo,grid",  # years: events per year, places, table
    "country": "grid,grid,grid,grid,grid,grid",  # Kazakhstan <-> Thailand: six tables
}
# the Python that runs the servers (app and floors alike): by default this one, whose venv has
# the test tools too; --server-python points at a venv with requirements.txt only, as deployed
SERVER_PYTHON = [sys.executable]


# ---------------------------------------------------------------- script cost (AppTest)
@dataclass(frozen=True)
class Toggle:
    """One filter change per rerun: the widget and the two values it alternates between."""

    kind: str
    key: str
    a: object
    b: object


TOGGLES = {
    "map": Toggle("slider", "map.year", 2017, 2022),
    "timeline": Toggle("multiselect", "timeline.category", ["summit"], []),
    "matrix": Toggle("radio", "matrix.order", "name", "roles"),
    "events": Toggle("multiselect", "events.dimension", ["economic"], []),
    "country": Toggle("selectbox", "country.pick", "THA", "KAZ"),
    "floor": Toggle("selectbox", "floor.choice", "beta", "alpha"),
}


def _apptest(page: str):
    from streamlit.testing.v1 import AppTest

    from cica_dash.url.links import PAGE_BY_KEY

    if page == "floor":
        at = AppTest.from_file(str(FLOOR), default_timeout=60)
    else:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.switch_page(PAGE_BY_KEY[page].script)
        if page == "country":
            at.query_params["country"] = "KAZ"
    return at.run()


def _set(at, t: Toggle, value) -> None:
    widget = getattr(at, t.kind)(key=t.key)
    if t.kind == "multiselect":
        widget.set_value(value)
    else:
        widget.set_value(value)


def script_cost(page: str, reruns: int, profile: bool = False) -> tuple[float, dict[str, float]]:
    """Median seconds of a warm rerun that changes one filter; optional profile shares."""
    at = _apptest(page)
    t = TOGGLES[page]
    for value in (t.a, t.b):  # warm the caches for both states
        _set(at, t, value)
        at.run()
    times = []
    if profile:  # yappi, because AppTest runs the script in another thread (cProfile sees one)
        yappi.clear_stats()
        yappi.set_clock_type("wall")
        yappi.start()
    for i in range(reruns):
        _set(at, t, t.a if i % 2 == 0 else t.b)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    shares = {}
    if profile:
        yappi.stop()
        shares = _shares(yappi.get_func_stats(), sum(times))
    return statistics.median(times), shares


# the dashboard's own work: the model (filtering, shaping) and the figures; a function of the
# figures layer counts as figure building
OWN = ("cica_dash/data/", "cica_dash/model/", "cica_dash/figures/")


def _own(module: str) -> bool:
    return any(part in module for part in OWN)


def _figure_work(f) -> bool:
    return "cica_dash/figures/" in f.module or "figure" in f.name


SERIALISERS = {"plotly_chart", "dataframe"}


def _shares(stats, total: float) -> dict[str, float]:
    """Split run time: the dashboard's filtering/shaping, its figure building, the serialisation
    of charts and tables (Streamlit's elements and the app's plotly element, incl. plotly's
    to_json), and the rest."""
    own = [f for f in stats if _own(f.module)]
    nested = {c.full_name for f in own for c in f.children if _own(c.module)}
    filt = fig = 0.0
    for f in own:
        if f.full_name in nested:
            continue  # counted inside its caller
        if _figure_work(f):
            fig += f.ttot
        else:
            filt += f.ttot
    ser = sum(
        f.ttot
        for f in stats
        if ("streamlit/elements" in f.module and f.name.split(".")[-1] in SERIALISERS)
        or (f.module.endswith("cica_dash/glue/chart.py") and f.name == "plotly_chart")  # the app's plotly element
    )
    return {
        "filtering": filt / total,
        "figures": fig / total,
        "serialisation": ser / total,
        "other": max(0.0, 1 - (filt + fig + ser) / total),
    }


# ---------------------------------------------------------------- servers and browser
@contextmanager
def server(script: Path, env: dict[str, str] | None = None):
    """A server for `script` with SERVER_PYTHON: (its url without the trailing slash, the process,
    time.perf_counter() when it was started)."""
    srv = StreamlitServer(script, env=env, python=SERVER_PYTHON[0])
    try:
        srv.start()
        yield srv.url.rstrip("/"), srv.proc, srv.started_at
    finally:
        srv.stop()
        srv.log_path.unlink(missing_ok=True)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# Counts the app's websocket messages and notes when the last one arrived (before any script of
# the page runs), so a rerun that finishes within one frame is seen as well.
WS_COUNTER_JS = """(() => {
  window.__wsCount = 0; window.__wsLast = 0;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { window.__wsCount += 1; window.__wsLast = performance.now(); });
    }
  };
})();"""

# From the committing input until the app's answer has been drawn. The clock starts at the
# input event's own time stamp (the first pointerdown, pointerup or keydown after the promise is
# made, as Interaction to Next Paint counts), not when Playwright is asked to act: a locator's
# click first waits for the element to hold still over two animation frames, some 30 ms that
# a page's click paid and the reference's Enter key did not. Then: at least one message came in
# after the input, the app says its script is not running, and for 150 ms neither a message has
# come nor has the page changed (charts draw into the DOM); the time is that of the first frame
# after the last message or change. A rerun whose "running" state never reaches the DOM (the
# floor's, which finishes within a frame) is measured like a slow one; waiting to see "running",
# as this did before, timed those clicks out and left only the floor's slower ones in its median.
SETTLE_JS = """() => new Promise(resolve => {
  const app = document.querySelector('[data-testid="stApp"]');
  let t0 = performance.now(), input = false;
  const n0 = window.__wsCount;
  const started = (e) => { if (!input) { input = true; t0 = e.timeStamp; } };
  const types = ['pointerdown', 'pointerup', 'keydown'];
  for (const type of types) document.addEventListener(type, started, {capture: true});
  const done = (value) => { for (const type of types) document.removeEventListener(type, started, {capture: true}); resolve(value); };
  let lastMut = 0, seen = 0, painted = null;
  const obs = new MutationObserver(() => { lastMut = performance.now(); });
  obs.observe(app, {subtree: true, childList: true, attributes: true, characterData: true});
  const tick = () => {
    const now = performance.now(), latest = Math.max(window.__wsLast, lastMut);
    if (window.__wsCount > n0 && latest > seen) { seen = latest; painted = now; }
    const quiet = painted !== null && now - latest > 150;
    if (quiet && app.getAttribute('data-test-script-state') === 'notRunning') { obs.disconnect(); done(painted - t0); return; }
    if (now - t0 > 30000) { obs.disconnect(); done(NaN); return; }  // never hang the benchmark
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""


def _settled(page) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)


def _open_and_type(page, label: str, option: str) -> None:
    """Open a selectbox and type the option: the change itself is the Enter that follows."""
    page.get_by_role("combobox", name=label, exact=True).first.click()
    page.keyboard.type(option)


def _enter(page, i: int) -> None:
    page.keyboard.press("Enter")


def _nothing(page, i: int) -> None:
    return None


# Each action changes one filter, called with an alternating flag: (path, prepare, change).
# `prepare` runs before the clock starts (opening a dropdown and typing is the user's time,
# not the app's); `change` is the one input that commits the new value.
ACTIONS: dict[str, tuple[str, Callable, Callable]] = {
    "map": ("/map", _nothing, lambda p, i: p.get_by_role("slider").first.press("ArrowLeft" if i % 2 == 0 else "ArrowRight")),
    "timeline": (
        "/timeline",
        _nothing,
        lambda p, i: p.get_by_text("First 25 years" if i % 2 == 0 else "Everything", exact=False).first.click(),
    ),
    "matrix": (
        "/matrix",
        _nothing,
        lambda p, i: p.get_by_text("name" if i % 2 == 0 else "number of roles", exact=True).first.click(),
    ),
    "events": (
        "/events",
        _nothing,
        lambda p, i: p.get_by_role("slider").first.press("ArrowRight" if i % 2 == 0 else "ArrowLeft"),
    ),
    "country": (
        "/country?country=KAZ",
        lambda p, i: _open_and_type(p, "Country", "Thailand" if i % 2 == 0 else "Kazakhstan"),
        _enter,
    ),
    "floor": ("/", lambda p, i: _open_and_type(p, "Pick one", "beta" if i % 2 == 0 else "alpha"), _enter),
}


# First visits: each change asks for a view the server has not been asked for since it started
# (a new year, a new range, a new state), so no cache answers; the first change of the sequence
# is the warm-up, as above. The server is started afresh for each round.
FIRST_STATES = [
    "Thailand",
    "Azerbaijan",
    "India",
    "Mongolia",
    "Türkiye",
    "Pakistan",
    "Iran",
    "Egypt",
    "Israel",
    "Jordan",
    "Qatar",
    "Iraq",
]
FIRST_VISITS: dict[str, tuple[str, Callable, Callable]] = {
    "map": ("/map", _nothing, lambda p, i: p.get_by_role("slider").first.press("ArrowLeft")),  # 2025, 2024, …
    "timeline": ("/timeline", _nothing, lambda p, i: p.get_by_role("slider").first.press("ArrowRight")),  # 1993–, 1994–, …
    "matrix": ("/matrix", _nothing, lambda p, i: p.get_by_role("slider").first.press("ArrowLeft")),
    "events": ("/events", _nothing, lambda p, i: p.get_by_role("slider").first.press("ArrowRight")),
    "country": ("/country?country=KAZ", lambda p, i: _open_and_type(p, "Country", FIRST_STATES[i]), _enter),
}


def reference_path(elements: str) -> str:
    return "/?with=" + elements


for _name, _elements in {"plotly": "plotly", "element": "element", **PAGE_ELEMENTS}.items():
    ACTIONS["ref:" + _name] = (reference_path(_elements), *ACTIONS["floor"][1:])


def click_figures(browser, base: str, page_key: str, clicks: int, first_visits: bool = False) -> tuple[float, float]:
    """Median ms from a filter change to the app settled and painted; median KB received per click.
    With `first_visits`, every change asks for a view not asked for before (FIRST_VISITS)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(WS_COUNTER_JS)
    page = context.new_page()
    received: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))))
    path, prepare, act = FIRST_VISITS[page_key] if first_visits else ACTIONS[page_key]
    page.goto(base + path)
    _settled(page)
    page.wait_for_timeout(500)
    times, sizes = [], []
    for i in range(clicks + 1):
        prepare(page, i)
        page.evaluate("() => { window.__settle = (" + SETTLE_JS + ")(); }")
        received.clear()
        act(page, i)
        ms = page.evaluate("() => window.__settle")
        if i > 0 and not math.isnan(ms):  # the first change warms caches for the second state; NaN: timed out
            times.append(ms)
            sizes.append(sum(received) / 1024)
    context.close()
    if not times:  # every change timed out: the action did not reach the app
        return float("nan"), float("nan")
    return statistics.median(times), statistics.median(sizes)


# The first page is settled when the script is not running, no placeholder is left (Streamlit
# shows a skeleton while an element's code loads), at least `charts` charts have drawn (the app's
# element or Streamlit's own plotly element) and the page has not changed for 150 ms; resolves
# with how long ago the last change was, or null after 60 s. Waiting only for the script state,
# as this did before, declared a page settled before its charts had even loaded.
FIRST_PAINT_JS = """(charts) => new Promise(resolve => {
  const app = document.querySelector('[data-testid="stApp"]');
  let last = Date.now();
  const t0 = last;
  const obs = new MutationObserver(() => { last = Date.now(); });
  obs.observe(app, {subtree: true, childList: true, attributes: true, characterData: true});
  const drawn = () => [...document.querySelectorAll('.cica-plotly, [data-testid="stPlotlyChart"]')].filter(
    c => c.querySelector('.main-svg') || (c.classList.contains('cica-plotly') && !c.nextElementSibling.hidden)).length;
  const placeholders = () => document.querySelector('[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]');
  const tick = () => {
    const now = Date.now();
    const ready = app.getAttribute('data-test-script-state') === 'notRunning' && !placeholders() && drawn() >= charts;
    if (ready && now - last > 150) { obs.disconnect(); resolve(now - last); return; }
    if (now - t0 > 60000) { obs.disconnect(); resolve(null); return; }
    setTimeout(tick, 10);
  };
  tick();
})"""


def cold_start(browser, script: Path, env: dict[str, str] | None, path: str, charts: int) -> float:
    """Seconds from `streamlit run` to the first page drawn with its `charts` charts; NaN if it
    never was."""
    with server(script, env) as (base, _proc, started):
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + path)
        _settled(page)
        ago_ms = page.evaluate(FIRST_PAINT_JS, charts)
        elapsed = time.perf_counter() - started - ago_ms / 1000 if ago_ms is not None else float("nan")
        context.close()
    return elapsed


def _median(values) -> float:
    """The median of the samples that were measured (NaN: none was)."""
    kept = [v for v in values if not math.isnan(v)]
    return statistics.median(kept) if kept else float("nan")


def memory(browser, env: dict[str, str] | None, sessions: int = 50) -> tuple[float, float]:
    with server(ROOT / "app.py", env) as (base, proc, _):
        context = browser.new_context()
        paths = ["/events?dimension=economic", "/map?year=2017", "/timeline", "/matrix", "/country?country=KAZ"]
        for i in range(sessions):
            page = context.new_page()
            page.goto(base + paths[i % len(paths)])
            _settled(page)
            page.close()
            if i == 0:
                time.sleep(2)
                one = rss_mb(proc.pid)
        time.sleep(5)
        many = rss_mb(proc.pid)
        context.close()
    return one, many


# ---------------------------------------------------------------- report
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--only",
        default="script,clicks,busy,memory,cold,api",
        help="comma-separated parts: script, clicks, busy, memory, cold ('browser' = these four), api",
    )
    parser.add_argument("--real-only", action="store_true", help="skip the 100x record")
    parser.add_argument("--clicks", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of page, reference and floor in alternation")
    parser.add_argument("--write", action="store_true", help="put the click, busy and cold tables into docs/performance.md")
    parser.add_argument("--reruns", type=int, default=20)
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument(
        "--server-python",
        default=sys.executable,
        help="the Python that runs the servers, e.g. a venv with requirements.txt only (as deployed)",
    )
    args = parser.parse_args()
    SERVER_PYTHON[0] = args.server_python
    pages = args.pages.split(",")
    parts = set(args.only.replace("browser", "clicks,busy,memory,cold").split(","))
    datasets: dict[str, dict[str, str] | None] = {"real": None}
    if not args.real_only:
        datasets[f"x{args.factor}"] = {"CICA_DATA_DIR": str(scaled_copy(args.factor))}

    if "script" in parts:
        print("\n## Script cost per warm rerun (AppTest, median of", args.reruns, "reruns, one filter change each)\n")
        floor, _ = script_cost("floor", args.reruns)
        print(f"floor page: {floor * 1000:.1f} ms\n")
        print("| page | data | ms | x floor | vs real | filtering | figures | serialisation | other |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for page in pages:
            base_ms = None
            for name, env in datasets.items():
                old = os.environ.get("CICA_DATA_DIR")
                if env:
                    os.environ.update(env)
                else:
                    os.environ.pop("CICA_DATA_DIR", None)
                sec, shares = script_cost(page, args.reruns, profile=True)
                sec_plain, _ = script_cost(page, args.reruns)
                if old is None:
                    os.environ.pop("CICA_DATA_DIR", None)
                else:
                    os.environ["CICA_DATA_DIR"] = old
                ms = sec_plain * 1000
                base_ms = base_ms or ms
                print(
                    f"| {page} | {name} | {ms:.1f} | {sec_plain / floor:.2f} | {ms / base_ms:.2f} | "
                    + " | ".join(f"{shares[k] * 100:.0f}%" for k in ("filtering", "figures", "serialisation", "other"))
                    + " |",
                    flush=True,
                )

    if "api" in parts:
        api_throughput()

    if parts & {"clicks", "busy", "memory", "cold"}:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = launch_chromium(p)
            if "clicks" in parts:
                report = clicks(browser, pages, datasets, args.clicks, args.rounds)
                if args.write:
                    write_report("clicks", report)
            if "busy" in parts:
                report = busy(browser, pages, args.rounds)
                if "map" in pages:
                    report += drag(browser, args.rounds)
                if args.write:
                    write_report("busy", report)
            if "memory" in parts:
                print("\n## Memory (server RSS)\n")
                one, many = memory(browser, None)
                print(f"RSS after 1 session: {one:.0f} MB; after 50 sessions: {many:.0f} MB; ratio {many / one:.2f}")
            if "cold" in parts:
                report = cold(browser, args.rounds)
                if args.write:
                    write_report("cold", report)
            browser.close()


PERFORMANCE_DOC = ROOT / "docs" / "performance.md"


def write_report(part: str, lines: list[str]) -> None:
    """Replace the part's table in docs/performance.md (between `<!-- bench:part -->` and
    `<!-- /bench:part -->`) with this run's, headed by the date and the machine."""
    import platform
    from datetime import date

    text = PERFORMANCE_DOC.read_text(encoding="utf-8")
    head, mark, tail = f"<!-- bench:{part} -->", f"<!-- /bench:{part} -->", ""
    machine = f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    body = "\n".join([head, f"Measured {date.today().isoformat()} by `python -m bench.run` on {machine}.", *lines, mark])
    if head in text and mark in text:
        before, rest = text.split(head, 1)
        tail = rest.split(mark, 1)[1]
        text = before + body + tail
    else:
        text = text.rstrip() + "\n\n" + body + "\n"
    PERFORMANCE_DOC.write_text(text, encoding="utf-8")


API_SECONDS = 5.0
API_CLIENTS = 16


def _requests_per_second(port: int, paths: list[str], seconds: float = API_SECONDS, clients: int = API_CLIENTS) -> float:
    """Requests per second from `clients` threads, each on one keep-alive connection, cycling
    through `paths` for `seconds`; every response must be a 200."""
    import http.client
    import socket
    import threading

    done = [0] * clients
    stop = time.perf_counter() + seconds

    def run(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.connect()
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no 40 ms delayed-ACK stalls
        n = i
        while time.perf_counter() < stop:
            conn.request("GET", paths[n % len(paths)])
            r = conn.getresponse()
            r.read()
            assert r.status == 200, (paths[n % len(paths)], r.status)
            n += clients
            done[i] += 1
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.perf_counter() - started)


def api_throughput() -> None:
    """The data API beside Streamlit's own health route, on one server in one run."""
    from urllib.parse import urlparse

    print(f"\n## Data API throughput ({API_CLIENTS} keep-alive clients, {API_SECONDS:.0f} s each)\n")
    with server(ROOT / "app.py") as (base, _proc, _):
        port = urlparse(base).port
        filtered = "/api/events.csv?country=THA&dimension=economic&from=2015&to=2020"
        first_visits = [f"/api/events.csv?from={y}&to={y + 3}&q={w}" for y in range(1992, 2024) for w in ("a", "e", "i", "o")]
        _requests_per_second(port, ["/_stcore/health", filtered], seconds=1.0)  # warm both
        health = _requests_per_second(port, ["/_stcore/health"])
        same = _requests_per_second(port, [filtered])
        fresh = _requests_per_second(port, first_visits)
    print("| request | req/s | x health |")
    print("|---|---:|---:|")
    print(f"| `/_stcore/health` | {health:.0f} | 1.00 |")
    print(f"| `{filtered}` | {same:.0f} | {same / health:.2f} |")
    print(f"| `events.csv`, {len(first_visits)} filters never asked before | {fresh:.0f} | {fresh / health:.2f} |")


def cold(browser, rounds: int = 3) -> list[str]:
    """Cold starts of the events page and the landing page, the floor, and the floor with the
    events page's elements (trivial content), each once per round in alternation over `rounds`
    rounds, so that a slow minute of the machine falls on all of them; the events page's ratio
    to its elements is taken per round. Returns the report's lines."""
    runs = {
        "events page": (ROOT / "app.py", "/events", 1),
        "landing page (overview, no chart)": (ROOT / "app.py", "/", 0),
        "floor": (FLOOR, "/", 0),
        "floor plus one small chart, st.plotly_chart": (REFERENCE, reference_path("plotly"), 1),
        "floor plus one small chart, the app's element": (REFERENCE, reference_path("element"), 1),
        "floor plus the events page's elements": (REFERENCE, reference_path(PAGE_ELEMENTS["events"]), 1),
    }
    got: dict[str, list[float]] = {name: [] for name in runs}
    for _round in range(rounds):
        for name, (script, path, charts) in runs.items():
            got[name].append(cold_start(browser, script, None, path, charts))
    events, elements = got["events page"], got["floor plus the events page's elements"]
    ratios = [e / r for e, r in zip(events, elements)]
    floor = _median(got["floor"])
    out = [f"\n## Cold start ({rounds} rounds in alternation)\n"]
    out.append("| first page | s (rounds) | x floor | x its elements (median, spread of rounds) |")
    out.append("|---|---:|---:|---:|")
    for name, secs in got.items():
        mine = f"{_median(ratios):.2f} ({_spread(ratios)})" if name == "events page" else ""
        each = ", ".join(f"{v:.2f}" for v in secs)
        out.append(f"| {name} | {_median(secs):.2f} ({each}) | {_median(secs) / floor:.2f} | {mine} |")
    return _printed(out)


# Long tasks (the Long Tasks API) from the moment the page has settled, for BUSY_WINDOW_MS: their
# total blocking time (the part of each task over 50 ms), what a reader feels as a page that
# does not answer at once although it looks ready.
LONG_TASKS_JS = """(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
})();"""
BUSY_WINDOW_MS = 5000


def _first_visit(browser, url: str, init_js: str, charts: int):
    """A new browser context with `init_js` in every page, at `url` once it has settled and
    drawn `charts` charts (FIRST_PAINT_JS): (context, page); the caller closes the context."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(init_js)
    page = context.new_page()
    page.goto(url)
    _settled(page)
    page.evaluate(FIRST_PAINT_JS, charts)
    return context, page


def busy_after_settle(browser, base: str, path: str, charts: int) -> float:
    """Total blocking time (ms) of the main thread in the BUSY_WINDOW_MS after a first visit has
    settled (its charts drawn and the page still for 150 ms: FIRST_PAINT_JS)."""
    context, page = _first_visit(browser, base + path, LONG_TASKS_JS, charts)
    start = page.evaluate("performance.now()")
    page.wait_for_timeout(BUSY_WINDOW_MS)
    tasks = page.evaluate("window.__longTasks")
    context.close()
    return sum(max(0.0, d - 50) for t, d in tasks if t + d > start)


BUSY_CHARTS = {"map": 2, "timeline": 1, "matrix": 6, "events": 2, "country": 0}


def busy(browser, pages: list[str], rounds: int = 3) -> list[str]:
    """Each page and its reference in alternation over `rounds` rounds: the total blocking time
    after the page has settled, medians of the rounds."""
    page_ms: dict[str, list[float]] = {p: [] for p in pages}
    ref_ms: dict[str, list[float]] = {p: [] for p in pages}
    for _round in range(rounds):
        with server(REFERENCE) as (base, _proc, _):
            for page in pages:
                ref_ms[page].append(busy_after_settle(browser, base, reference_path(PAGE_ELEMENTS[page]), 0))
        with server(ROOT / "app.py") as (base, _proc, _):
            for page in pages:
                page_ms[page].append(busy_after_settle(browser, base, ACTIONS[page][0], BUSY_CHARTS[page]))
    out = [f"\n## A busy page: total blocking time in the {BUSY_WINDOW_MS / 1000:.0f} s after a first visit settled\n"]
    out.append("| page | ms (rounds) | its elements, ms (rounds) |")
    out.append("|---|---:|---:|")
    for page in pages:
        mine, theirs = page_ms[page], ref_ms[page]
        out.append(f"| {page} | {_median(mine):.0f} ({_each(mine)}) | {_median(theirs):.0f} ({_each(theirs)}) |")
    return _printed(out)


DRAG_YEARS = 10
DRAGS = 6


def slider_drag(browser, base: str, path: str, charts: int) -> float:
    """Median ms from releasing the mouse after dragging the page's first slider (a year from 1992
    to 2026) across DRAG_YEARS years, left and right in turn, to the app settled and painted."""
    context, page = _first_visit(browser, base + path, WS_COUNTER_JS, charts)
    slider = page.locator('[data-testid="stSlider"]').first
    # Streamlit's slider (react-aria): a track, and the thumb placed on it by `left: N%`
    thumb = slider.locator('div[style*="translate(-50%, -50%)"]').first
    width = slider.locator('div[data-orientation="horizontal"][style*="position: relative"]').first.bounding_box()["width"]
    times = []
    for i in range(DRAGS):
        box = thumb.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.mouse.down()
        step = (-1 if i % 2 == 0 else 1) * width * DRAG_YEARS / (2026 - 1992) / 10
        for k in range(1, 11):
            page.mouse.move(x + step * k, y)
        page.evaluate("() => { window.__settle = (" + SETTLE_JS + ")(); }")
        page.mouse.up()
        ms = page.evaluate("() => window.__settle")
        if not math.isnan(ms):  # NaN: the page did not settle
            times.append(ms)
    context.close()
    return statistics.median(times) if times else float("nan")


def drag(browser, rounds: int = 3) -> list[str]:
    """The map page's year slider dragged by the mouse, against the same drag on the reference
    with the map page's elements following a slider; in alternation over `rounds` rounds."""
    mine, theirs = [], []
    for _round in range(rounds):
        with server(REFERENCE) as (base, _proc, _):
            theirs.append(slider_drag(browser, base, reference_path("slider," + PAGE_ELEMENTS["map"]), 0))
        with server(ROOT / "app.py") as (base, _proc, _):
            mine.append(slider_drag(browser, base, "/map", BUSY_CHARTS["map"]))
    ratios = [m / t for m, t in zip(mine, theirs)]
    out = [f"\n## The map's year slider dragged across {DRAG_YEARS} years ({DRAGS} drags per round, {rounds} rounds)\n"]
    out.append("| page | ms (rounds) | its elements, ms (rounds) | x its elements (spread) |")
    out.append("|---|---:|---:|---:|")
    out.append(
        f"| map | {_median(mine):.0f} ({_each(mine)}) | {_median(theirs):.0f} ({_each(theirs)}) | "
        f"{_median(ratios):.2f} ({_spread(ratios)}) |"
    )
    return _printed(out)


def _printed(lines: list[str]) -> list[str]:
    """Print a part's report as it stands and return it (for --write)."""
    for line in lines:
        print(line, flush=True)
    return lines


def _each(values: list[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values)


def _spread(values: list[float]) -> str:
    kept = [v for v in values if not math.isnan(v)]
    return f"{min(kept):.2f}–{max(kept):.2f}" if kept else "–"


def clicks(browser, pages: list[str], datasets: dict[str, dict[str, str] | None], n: int, rounds: int = 3) -> list[str]:
    """Each page, its reference (the floor plus its elements) and the floor, measured in
    alternation over `rounds` rounds, so that a slow minute of the machine falls on all of them;
    per page the median ratio of the rounds and their spread. Returns the report's lines."""
    out = [f"\n## Click latency in Chromium (median of {n} changes per round, {rounds} rounds in alternation)\n"]
    floor_ms: list[float] = []
    ref_ms: dict[str, list[float]] = {p: [] for p in pages}
    app_ms: dict[tuple[str, str, str], list[float]] = {}
    app_kb: dict[tuple[str, str, str], list[float]] = {}
    for _round in range(rounds):
        with server(FLOOR) as (base, _proc, _):
            floor_ms.append(click_figures(browser, base, "floor", n)[0])
        with server(REFERENCE) as (base, _proc, _):
            for page in pages:
                ref_ms[page].append(click_figures(browser, base, "ref:" + page, n)[0])
        for name, env in datasets.items():
            for kind, first_visits in (("same two views", False), ("first visits", True)):
                with server(ROOT / "app.py", env) as (base, _proc, _):  # a fresh server: nothing cached
                    for page in pages:
                        ms, kb = click_figures(browser, base, page, n, first_visits=first_visits)
                        app_ms.setdefault((page, name, kind), []).append(ms)
                        app_kb.setdefault((page, name, kind), []).append(kb)
    out.append(f"floor page: {_median(floor_ms):.0f} ms (rounds {_each(floor_ms)})\n")
    out.append("| page | data | changes | ms | x floor | x its elements (median, spread of rounds) | KB per click |")
    out.append("|---|---|---|---:|---:|---:|---:|")
    for (page, name, kind), times in app_ms.items():
        per_round = [t / r for t, r in zip(times, ref_ms[page])]
        out.append(
            f"| {page} | {name} | {kind} | {_median(times):.0f} | {_median(times) / _median(floor_ms):.2f} | "
            f"{_median(per_round):.2f} ({_spread(per_round)}) | {_median(app_kb[(page, name, kind)]):.1f} |"
        )
    out.append("\nThe floor plus each page's elements (`bench/reference_app.py`, trivial content):\n")
    out.append("| page | its elements | ms | x floor |")
    out.append("|---|---|---:|---:|")
    for page in pages:
        out.append(
            f"| {page} | {PAGE_ELEMENTS[page]} | {_median(ref_ms[page]):.0f} | {_median(ref_ms[page]) / _median(floor_ms):.2f} |"
        )
    return _printed(out)


if __name__ == "__main__":
    main()
