"""A small load run over Streamlit's own websocket protocol (devtools/loadgen.py):
10 sessions x 5 filter changes across the pages, plus sessions that close their socket
mid-rerun, against a server the generator starts on a free loopback port and stops.

Nothing may fail: no exception or error in any answer, no rerun without its
script_finished, every planned rerun completed, the server healthy afterwards and a
fresh session still served. The figures are printed (pytest -s shows them)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.serial  # alone: a server and 10 sessions take both cores


def test_small_load(tmp_path):
    out = tmp_path / "load.json"
    cmd = [
        sys.executable, "-m", "devtools.loadgen", "--start",
        "--sessions", "10", "--changes", "5", "--abandon", "2",
        "--probe-pages", "events,country", "--settle", "1", "--ramp", "0.5",
        "--op-timeout", "45", "--time-limit", "150",
        "--log-dir", str(tmp_path), "--json", str(out),
    ]  # fmt: skip
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=200)
    print(proc.stdout)
    print(proc.stderr[-3000:], file=sys.stderr)
    report = json.loads(out.read_text())
    load = report["load"]

    assert report["problems"] == [], report["problems"]
    assert proc.returncode == 0
    assert load["planned"] == 10 * (5 + 1)  # each session's first page load, then its changes
    assert load["completed"] == load["planned"] == load["sent"]
    assert load["errors"] == 0, load["samples"]
    assert load["lost"] == 0 and load["timeouts"] == 0 and load["disconnects"] == 0
    assert load["notices"] == 0  # the generator's links are valid: no "dropped from the link" warnings
    assert load["abandoned"] == 2
    assert report["healthy_after_load"] is True and report["healthy_at_end"] is True
    probe = report["probe_after_load"]
    assert probe["completed"] == probe["planned"] == 2 and probe["errors"] == 0
