"""The dashboard behind nginx under /cica/, the way deploy/nginx-cica.conf ships it.

Real `streamlit run --server.baseUrlPath cica` processes on free loopback ports, the shipped
nginx site (only its listen and upstream server lines swapped for free loopback ports) run by
a throwaway nginx in a tmp dir, and headless Chromium in front:

* one replica: a shared link opens the filtered view through the proxy, the map draws its shapes,
  the websocket goes through nginx, the security headers arrive, and no page of the app breaks
  the Content-Security-Policy;
* two replicas behind the sticky upstream: which replica served each request is read from
  nginx's own access log (`$upstream_addr`), so nothing in the app has to report it. A browser
  session that reruns twice and downloads a file (the file lives in the memory of the replica
  that ran the script) must be served by one replica only, while clients from other loopback
  addresses are spread over both, which shows that the hash, not chance, keeps the session in place.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import streamlit

from cica_dash.url.links import PAGES
from devtools.server import StreamlitServer, free_port
from tests.browser.conftest import ARTIFACTS, click_when_still
from tests.conftest import ROOT

SITE = ROOT / "deploy" / "nginx-cica.conf"
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None)
BASE = "cica"
SHIPPED_UPSTREAM = re.compile(r"^([ \t]*)server 127\.0\.0\.1:8501( [^;]*)?;\s*$", re.M)
SHIPPED_LISTEN = re.compile(r"^\s*listen 80;\s*$", re.M)
SHIPPED_LISTEN6 = re.compile(r"^\s*listen \[::\]:80;\s*\n", re.M)
SUMMARY = re.compile(r"\d+ events · economic · Thailand")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx): the reverse-proxy test needs it"),
]


# --- processes -------------------------------------------------------------------------------


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _get(
    port: int, path: str, source: str = "127.0.0.1", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5, source_address=(source, 0))
    try:
        conn.request("GET", path, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def _wait_until(check, what: str, proc: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    """Poll `check` (bounded) while `proc` lives; fail with the tail of its log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not come up (exit code {proc.poll()}):\n{log.read_text(errors='replace')[-3000:]}")


def _start_replicas(ports: list[int], tmp: Path) -> list[StreamlitServer]:
    """`streamlit run app.py --server.baseUrlPath cica` per port, started together, each ready
    when /cica/_stcore/health answers."""
    replicas = [StreamlitServer(port=port, base_path=BASE, log=tmp / f"streamlit-{port}.log") for port in ports]
    try:
        for r in replicas:
            r.launch()
        for r in replicas:
            r.wait_healthy()
    except BaseException:
        for r in replicas:
            r.stop()
        raise
    return replicas


def render_site(listen_port: int, upstream_ports: list[int]) -> str:
    """The shipped site with its listen line on a loopback port and one upstream server line per
    replica; everything else (headers, CSP, locations, the sticky hash) exactly as shipped."""
    text = SITE.read_text()
    assert len(SHIPPED_LISTEN.findall(text)) == 1, "deploy/nginx-cica.conf: expected one `listen 80;` line"
    assert len(SHIPPED_UPSTREAM.findall(text)) == 1, "deploy/nginx-cica.conf: expected one `server 127.0.0.1:8501 ...;` line"
    text = SHIPPED_LISTEN.sub(f"    listen 127.0.0.1:{listen_port};", text)
    text = SHIPPED_LISTEN6.sub("", text)
    return SHIPPED_UPSTREAM.sub(
        lambda m: "\n".join(f"{m.group(1)}server 127.0.0.1:{p}{m.group(2) or ''};" for p in upstream_ports), text
    )


def start_nginx(tmp: Path, upstream_ports: list[int]) -> tuple[subprocess.Popen, int, Path]:
    """A throwaway nginx (foreground, own prefix, pid, logs and temp dirs in `tmp`) serving the
    rendered site. Returns the process, its port and its access log (one line per request with
    the client address and the replica that answered)."""
    port = free_port()
    (tmp / "site.conf").write_text(render_site(port, upstream_ports))
    for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / d).mkdir(exist_ok=True)
    mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else ""
    user = "user root;" if os.geteuid() == 0 else ""  # workers need the tmp dir (mode 700)
    access_log = tmp / "access.log"
    (tmp / "nginx.conf").write_text(
        f"""{user}
worker_processes 1;
events {{ worker_connections 256; }}
http {{
    {mime}
    default_type application/octet-stream;
    log_format upstream '$remote_addr $upstream_addr $status "$request"';
    access_log {access_log} upstream;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""
    )
    base = [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", f"pid {tmp}/nginx.pid; error_log {tmp}/error.log;"]
    test = subprocess.run([NGINX, "-t", *base[1:]], capture_output=True, text=True, timeout=30)
    assert test.returncode == 0, f"nginx rejects the rendered deploy/nginx-cica.conf:\n{test.stderr}"
    base[-1] = "daemon off; " + base[-1]
    proc = subprocess.Popen(base, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_until(lambda: _get(port, f"/{BASE}/_stcore/health")[0] == 200, "nginx", proc, tmp / "error.log", timeout=30)
    return proc, port, access_log


def _log_lines(access_log: Path) -> list[tuple[str, str, str]]:
    """(client, upstream, request) per line of the access log."""
    out = []
    for line in access_log.read_text().splitlines():
        client, upstream, _status, request = line.split(" ", 3)
        out.append((client, upstream, request.strip('"')))
    return out


@pytest.fixture
def one_replica(tmp_path):
    port = free_port()
    replicas = _start_replicas([port], tmp_path)
    try:
        nginx, nginx_port, access_log = start_nginx(tmp_path, [port])
        try:
            yield nginx_port, access_log
        finally:
            _stop(nginx)
    finally:
        for r in replicas:
            r.stop()


@pytest.fixture
def two_replicas(tmp_path):
    ports = [free_port(), free_port()]
    while ports[0] == ports[1]:
        ports[1] = free_port()
    replicas = _start_replicas(ports, tmp_path)
    try:
        nginx, nginx_port, access_log = start_nginx(tmp_path, ports)
        try:
            yield nginx_port, access_log, [f"127.0.0.1:{p}" for p in ports]
        finally:
            _stop(nginx)
    finally:
        for r in replicas:
            r.stop()


# --- the browser side ------------------------------------------------------------------------


class Listening:
    """CSP violations from the console, and websockets with whether they closed."""

    def __init__(self, page):
        self.csp: list[str] = []
        self.sockets: list[str] = []
        self.closed: list[str] = []
        page.on("console", lambda m: self.csp.append(m.text) if "Content Security Policy" in m.text else None)

        def opened(ws):
            self.sockets.append(ws.url)
            ws.on("close", lambda ws: self.closed.append(ws.url))

        page.on("websocket", opened)


def _shipped_csp() -> str:
    m = re.search(r'add_header Content-Security-Policy "([^"]+)" always;', SITE.read_text())
    assert m, "deploy/nginx-cica.conf sets no Content-Security-Policy"
    return m.group(1)


def test_csp_allows_streamlits_inline_script():
    """Streamlit's index.html has one inline <script>; the CSP admits it by its hash, which
    changes only when Streamlit's index.html does."""
    html = (Path(streamlit.__file__).parent / "static" / "index.html").read_text()
    for body in re.findall(r"<script>(.*?)</script>", html, re.S):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in _shipped_csp(), (
            f"Streamlit's inline script {body.strip()!r} changed: put 'sha256-{digest}' into the "
            "script-src of deploy/nginx-cica.conf (and drop the old hash)"
        )


def test_shared_links_through_the_proxy(one_replica, watched):
    nginx_port, _log = one_replica
    origin = f"http://127.0.0.1:{nginx_port}"
    status, headers, _ = _get(nginx_port, f"/{BASE}")
    assert (status, headers.get("location")) == (301, f"/{BASE}/")
    assert headers.get("x-content-type-options") == "nosniff"  # on the redirect too ("always")

    page = watched.page
    seen = Listening(page)
    response = page.goto(f"{origin}/{BASE}/events?dimension=economic&country=THA")
    watched.settle()
    doc = response.headers
    assert doc.get("content-security-policy") == _shipped_csp()
    assert doc.get("x-content-type-options") == "nosniff"
    assert doc.get("referrer-policy") == "strict-origin-when-cross-origin"
    assert doc.get("x-frame-options") == "SAMEORIGIN"
    summary = page.get_by_text(SUMMARY)
    summary.wait_for(timeout=20_000)
    assert int(summary.inner_text().split()[0]) > 0
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
    page.wait_for_selector(".js-plotly-plot .scattergeo path.point", timeout=20_000)  # the places map
    assert page.url.startswith(f"{origin}/{BASE}/events?") and "country=THA" in page.url
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "proxy-events.png"), full_page=True)
    assert f"ws://127.0.0.1:{nginx_port}/{BASE}/_stcore/stream" in seen.sockets

    page.goto(f"{origin}/{BASE}/map?year=2017")
    watched.settle()
    page.wait_for_selector("path.choroplethlocation", state="attached", timeout=30_000)
    assert page.locator("path.choroplethlocation").count() > 0  # shapes from /cica/app/static/topojson/

    # every other page, so that the CSP is known to hold for the whole app
    for spec in PAGES:
        if spec.key in {"events", "map"}:
            continue
        page.goto(f"{origin}/{BASE}/{spec.path}")
        watched.settle()
        page.wait_for_timeout(500)
        assert page.get_by_test_id("stMain").inner_text().strip(), f"{spec.key}: empty page behind the proxy"
    page.wait_for_timeout(1000)  # late workers and fonts

    assert seen.csp == [], "Content-Security-Policy violations:\n" + "\n".join(seen.csp)
    assert watched.errors == []
    assert watched.external == []


def test_a_session_stays_on_one_replica(two_replicas, watched):
    nginx_port, access_log, replicas = two_replicas
    origin = f"http://127.0.0.1:{nginx_port}"

    # Clients from other loopback addresses (all of 127/8 is loopback on Linux), three requests
    # each in a row: each address sticks to one replica (round robin would alternate), and
    # together they reach both, so both replicas are live and it is the hash that keeps a client
    # in place.
    others = [f"127.0.0.{i}" for i in range(2, 22)]
    for addr in others:
        for _ in range(3):
            assert _get(nginx_port, f"/{BASE}/_stcore/health", source=addr)[0] == 200
    by_client: dict[str, set[str]] = {}
    for client, upstream, _ in _log_lines(access_log):
        by_client.setdefault(client, set()).add(upstream)
    assert all(len(by_client[a]) == 1 for a in others), f"a client address was served by two replicas: {by_client}"
    assert set().union(*(by_client[a] for a in others)) == set(replicas), by_client

    # One browser session: open a shared link, rerun twice by typing into the search box,
    # then download the CSV, which is served from the memory of the replica running the session.
    page = watched.page
    seen = Listening(page)
    page.goto(f"{origin}/{BASE}/events?dimension=economic&country=THA")
    watched.settle()
    page.get_by_text(SUMMARY).wait_for(timeout=20_000)
    first = page.get_by_text(SUMMARY).inner_text()
    search = page.get_by_role("textbox", name="Search titles, places, notes")
    search.fill("zzzz-no-such-event")
    search.press("Enter")
    page.get_by_text(re.compile(r"0 events · economic · Thailand · matching")).wait_for(timeout=20_000)
    watched.settle()
    assert "q=zzzz-no-such-event" in page.url
    search.fill("")
    search.press("Enter")
    page.get_by_text(first, exact=True).wait_for(timeout=20_000)
    watched.settle()
    page.get_by_text("Share, get this data, cite this view").click()
    page.get_by_role("tab", name="Get this data").click()
    with page.expect_download(timeout=20_000) as info:
        click_when_still(page.get_by_role("button", name="Download these events (CSV)"))
    body = Path(info.value.path()).read_text(encoding="utf-8")
    assert body.startswith("event_id") or "event_id" in body.splitlines()[0]
    assert len(body.splitlines()) == int(first.split()[0]) + 1
    ws_url = f"ws://127.0.0.1:{nginx_port}/{BASE}/_stcore/stream"
    assert seen.sockets == [ws_url], "the session's websocket was opened again (lost its replica?)"
    assert seen.closed == []
    assert seen.csp == [], "Content-Security-Policy violations:\n" + "\n".join(seen.csp)
    page.context.close()  # closes the websocket: nginx logs it when it ends

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not any(
        c == "127.0.0.1" and "_stcore/stream" in r for c, _, r in _log_lines(access_log)
    ):
        time.sleep(0.2)
    mine = [(u, r) for c, u, r in _log_lines(access_log) if c == "127.0.0.1"]
    assert any("_stcore/stream" in r for _, r in mine), "nginx logged no websocket for the browser"
    assert any(f"/{BASE}/media/" in r for _, r in mine), "the download did not go through nginx"
    assert len(mine) >= 20  # enough requests that round robin would have used both replicas
    served_by = {u for u, _ in mine}
    assert len(served_by) == 1 and served_by <= set(replicas), f"the session was served by {served_by}"
    assert watched.errors == []
    assert watched.external == []


def test_the_data_api_through_the_proxy(one_replica):
    """`api/` passes through the shipped site under /cica/, with its ETag, and a 304 comes back."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from cica_dash.glue.api import routes

    nginx_port, _log = one_replica
    link = "/api/events.csv?country=THA&dimension=economic&from=2015&to=2020"
    status, headers, body = _get(nginx_port, f"/{BASE}{link}")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert headers.get("x-content-type-options") == "nosniff" and headers.get("content-security-policy")
    with TestClient(Starlette(routes=list(routes()))) as local:
        assert body == local.get(link).content  # the same rows as the app gives without the proxy
    tag = headers["etag"]
    assert _get(nginx_port, f"/{BASE}{link}", headers={"If-None-Match": tag})[0] == 304
    assert _get(nginx_port, f"/{BASE}/api/no-such.json")[0] == 404
    status, headers, body = _get(nginx_port, f"/{BASE}/api/")
    assert status == 200 and b'"endpoints"' in body
