"""Start `streamlit run` on a free loopback port, wait for its health check, stop it.

    with StreamlitServer() as srv:           # app.py, a free port, stopped on leaving the block
        urlopen(srv.url + "map?year=2017")

    srv = StreamlitServer(ROOT / "bench" / "floor_app.py", env={...}, options=["--server.baseUrlPath", "cica"])
    seconds = srv.start()                    # until /cica/_stcore/health answers 200
    srv.kill(); srv.start()                  # a crash and a restart on the same port
    srv.stop()

The server's output goes to a log file (`log=`, or a temporary one), whose tail a failed start
shows; a pipe nobody reads would stall a talkative server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"

# Debian's Chromium, which Playwright drives (Playwright cannot download its own browser here)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def launch_chromium(playwright, **kwargs):
    """Headless Debian Chromium with the project's arguments, from a started `sync_playwright()`."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, **kwargs)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on at the moment."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str, timeout: float = 2.0) -> bool:
    """True when `url` + `_stcore/health` answers 200 (url ends with a slash)."""
    try:
        with urllib.request.urlopen(url + "_stcore/health", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


class StreamlitServer:
    """`streamlit run SCRIPT` on 127.0.0.1: started, restarted on the same port, and stopped."""

    def __init__(
        self,
        script: Path | str = APP,
        *,
        port: int | None = None,
        env: dict[str, str] | None = None,
        options: Sequence[str] = (),
        python: str = sys.executable,
        log: Path | None = None,
        base_path: str = "",
    ) -> None:
        self.script = Path(script)
        self.port = port or free_port()
        self.env = env or {}
        self.options = list(options)
        self.python = python
        self.base_path = base_path.strip("/")
        if log is None:
            fd, name = tempfile.mkstemp(prefix=f"streamlit-{self.port}-", suffix=".log")
            os.close(fd)
            log = Path(name)
        self.log_path = Path(log)
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.started_at = 0.0  # time.perf_counter() when the process was started

    @property
    def url(self) -> str:
        """The app's address, with a trailing slash (and the base path, if any)."""
        base = f"{self.base_path}/" if self.base_path else ""
        return f"http://127.0.0.1:{self.port}/{base}"

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc and self.proc.poll() is None else None

    def command(self) -> list[str]:
        cmd = [
            self.python, "-m", "streamlit", "run", str(self.script),
            "--server.port", str(self.port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        if self.base_path:
            cmd += ["--server.baseUrlPath", self.base_path]
        return cmd + self.options

    def launch(self) -> None:
        """Start the process without waiting (see wait_healthy)."""
        self.started_at = time.perf_counter()
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                self.command(),
                cwd=ROOT,
                env={**os.environ, **self.env},
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        self.starts += 1

    def wait_healthy(self, timeout: float = 60.0) -> float:
        """Wait until the health check answers; the seconds since launch. On failure the server
        is stopped and the error carries the tail of its log."""
        assert self.proc is not None, "launch() first"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            if healthy(self.url, timeout=2):
                return time.perf_counter() - self.started_at
            time.sleep(0.1)
        code = self.proc.poll()
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy (exit code {code}); log tail:\n{self.log_tail()}")

    def start(self, timeout: float = 60.0) -> float:
        """Start and wait for the health check; the seconds it took."""
        self.launch()
        return self.wait_healthy(timeout)

    def kill(self) -> None:
        """An abrupt end (SIGKILL), as in a crash."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not ended within 10 s."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def __enter__(self) -> StreamlitServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
