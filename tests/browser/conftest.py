"""Browser tests: a real `streamlit run` on a free loopback port, Debian's headless Chromium
driven by Playwright. Any request that leaves 127.0.0.1 is blocked and recorded, and so is
every page error; tests assert both lists are empty."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from devtools.server import StreamlitServer, chromium_available, launch_chromium
from tests.conftest import ROOT

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def server():
    if not chromium_available():
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it)")
    with StreamlitServer() as srv:
        yield srv.url.rstrip("/")


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


STILL_JS = """async (el) => {
  const box = () => JSON.stringify(el.getBoundingClientRect());
  for (let i = 0; i < 100; i++) {
    const before = box();
    await new Promise((r) => setTimeout(r, 150));
    if (box() === before) return true;
  }
  return false;
}"""


def click_when_still(locator) -> None:
    """Click `locator` once it has stopped moving. An expander opens with an animation; while
    its box grows, a target low in it is scrolled into view inside the box, and the browser
    pulls that scroll back frame by frame as the box grows: on a busy machine Playwright's
    click can land on what slid under the pointer (seen: the line above the download button)."""
    locator.scroll_into_view_if_needed()
    assert locator.evaluate(STILL_JS), "the element kept moving for 15 s"
    locator.click()


class Watched:
    """A page plus what it did that it must not: page errors and requests leaving the machine."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.external: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r):
            host = urlparse(r.request.url).hostname or ""
            if r.request.url.startswith(("data:", "blob:")) or host in {"127.0.0.1", "localhost"}:
                return r.continue_()
            self.external.append(r.request.url)
            return r.abort()

        page.route("**/*", route)

    def settle(self, timeout: float = 30_000) -> None:
        """Wait until the script has finished its run and the app shows it."""
        self.page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
        self.page.wait_for_timeout(300)
        self.page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    w = Watched(page)
    yield w
    context.close()
