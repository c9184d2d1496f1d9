"""Clicking through never lies: after every step of a visit (the top navigation, a filter, a
cross-page link, Back, Forward, reload) the page shows what a fresh load of the address bar's
link shows in a new browser context, and no page error appears.

A table of the sequences people reported, and a seeded random walk across every page."""

from __future__ import annotations

import random
import time
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from cica_dash.url.links import PAGE_BY_PATH
from tests.browser.conftest import Watched

# What a person sees of a page, read from the page (alerts are left out: a notice for a dropped
# value belongs to the run that dropped it, and the cleaned link no longer has it).
VISIBLE_STATE_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const texts = (sel) => Array.from(main.querySelectorAll(sel)).map(e => e.innerText.trim());
  const outsideAlerts = (sel) => Array.from(main.querySelectorAll(sel))
      .filter(e => !e.closest('[data-testid="stAlert"]') && !e.closest('[data-testid="stExpander"]'))
      .map(e => e.innerText.trim());
  return {
    headings: texts('h1, h2, h3'),
    lines: outsideAlerts('[data-testid="stMarkdownContainer"] p'),
    metrics: texts('[data-testid="stMetricValue"]'),
    sliders: Array.from(main.querySelectorAll('[data-testid="stSlider"] input[type="range"]')).map(e => e.value),
    multiselects: texts('[data-testid="stMultiSelect"]'),
    selectboxes: texts('[data-testid="stSelectbox"]'),
    radios: Array.from(main.querySelectorAll('[data-testid="stRadio"] input:checked')).map(e => e.closest('label').innerText.trim()),
    // a chart drawn when it comes near the window (glue/plotly_element.js `lazy`) may or may not be
    // drawn yet, depending on where the page was laid out when it arrived: the others are compared
    charts: Array.from(main.querySelectorAll('.js-plotly-plot:not([data-cica-lazy="1"]) .gtitle')).map(e => e.textContent),
    grids: Array.from(main.querySelectorAll('[data-testid="stDataFrame"] [role="grid"], [data-testid="stDataFrame"] table'))
        .map(e => e.getAttribute('aria-rowcount')),
    errors: main.querySelectorAll('[data-testid="stException"]').length,
  };
}"""

# Elements still on their way: a lazily loaded element shows a skeleton until its code arrives,
# and a chart's container is empty until plotly has drawn it (the app's charts near the window). A view is read only when
# none are left, so two reads that agree agree on the drawn page, not on two half-drawn ones.
PENDING_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const skeletons = main.querySelectorAll('[data-testid="stSkeleton"]').length;
  const undrawn = Array.from(main.querySelectorAll('[data-testid="stPlotlyChart"]'))
      .filter(e => !e.querySelector('.main-svg')).length;
  // the app's own chart element (glue/plotly_element.js): drawn when it is within 400 px of the
  // window, so a chart near the window that is still empty is on its way; one far below waits
  const near = (e) => e.getBoundingClientRect().top < window.innerHeight + 400;
  const waiting = Array.from(main.querySelectorAll('.cica-plotly'))
      .filter(e => !e.querySelector('.main-svg') && near(e)).length;
  const gridless = Array.from(main.querySelectorAll('[data-testid="stDataFrame"]'))
      .filter(e => !e.querySelector('[role="grid"], table')).length;
  return skeletons + undrawn + waiting + gridless;
}"""

NAV = {
    "overview": "Overview",
    "map": "Member map",
    "timeline": "Timeline",
    "matrix": "Who coordinates what",
    "events": "Events",
    "country": "Country profile",
    "data": "About the data",
}


def settled_state(w: Watched) -> dict:
    """The page's visible state once its run has drawn and nothing has changed for a moment."""
    idle = '[data-testid="stApp"][data-test-script-state="notRunning"]'
    w.page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000)
    w.settle()
    before = w.page.evaluate(VISIBLE_STATE_JS)
    for _ in range(40):  # charts and grids are drawn just after the script's run
        w.page.wait_for_timeout(250)
        w.page.wait_for_selector(idle, timeout=30_000)
        now = w.page.evaluate(VISIBLE_STATE_JS)
        drawn = w.page.evaluate(PENDING_JS) == 0
        if drawn and now == before and now["sliders"] == [v for v in now["sliders"] if v]:
            return now
        before = now
    return before


class Walk:
    """One visitor's tab, and a second context that loads the same address afresh."""

    def __init__(self, browser, server: str) -> None:
        self.server = server
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.fresh_context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.w = Watched(self.context.new_page())
        self.log: list[str] = []

    def close(self) -> None:
        self.context.close()
        self.fresh_context.close()

    @property
    def address(self) -> str:
        u = urlparse(self.w.page.url)
        return u.path + (f"?{u.query}" if u.query else "")

    def step(self, what: str, action) -> dict:
        """Take a step, then compare the page with a fresh load of its address. Both are read
        until they agree or 30 s have passed: on a busy machine a chart or grid can mount a
        moment after the script's run, but a wrong view never turns into the right one."""
        self.log.append(what)
        trail = " → ".join(self.log[-6:])
        action()
        try:
            shown = settled_state(self.w)
        except Exception as err:
            raise AssertionError(f"the page did not settle after {trail}: {self.address}") from err
        fresh = Watched(self.fresh_context.new_page())
        try:
            fresh.page.goto(self.server + self.address)
            expected = settled_state(fresh)
            deadline = time.monotonic() + 30
            while shown != expected and time.monotonic() < deadline:
                self.w.page.wait_for_timeout(500)
                shown, expected = settled_state(self.w), settled_state(fresh)
        except Exception as err:
            raise AssertionError(f"a fresh load of {self.address} did not settle (after {trail})") from err
        finally:
            fresh.page.close()
        assert shown == expected, f"after {trail}: {self.address}"
        assert shown["errors"] == 0 and self.w.errors == [], trail
        assert fresh.errors == [] and self.w.external == [], trail
        return shown

    # the steps a person takes
    def open(self, path: str) -> dict:
        return self.step(f"open {path}", lambda: self.w.page.goto(self.server + path))

    def nav(self, page: str) -> dict:
        link = self.w.page.get_by_test_id("stTopNavLink").filter(has_text=NAV[page]).first
        return self.step(f"nav {page}", lambda: link.click())

    def back(self) -> dict:
        return self.step("back", lambda: self.w.page.go_back())

    def forward(self) -> dict:
        return self.step("forward", lambda: self.w.page.go_forward())

    def reload(self) -> dict:
        return self.step("reload", lambda: self.w.page.reload())

    def slider(self, index: int, key: str, times: int) -> dict:
        thumb = self.w.page.get_by_test_id("stMain").locator('[data-testid="stSlider"] input[type="range"]').nth(index)

        def press():
            thumb.focus()
            for _ in range(times):
                thumb.press(key)

        return self.step(f"slider {index} {key}x{times}", press)

    def choose(self, label: str, option: str, exact: bool = False) -> dict:
        """Pick `option` in the multiselect or selectbox labelled `label`, by typing it."""

        def pick():
            box = self.w.page.get_by_label(label, exact=exact).first
            box.click()
            box.fill(option)
            choice = self.w.page.get_by_role("option").filter(has_text=option).first
            try:
                choice.click(timeout=5_000)
            except PlaywrightTimeout:  # already chosen: a multiselect no longer offers it
                pass
            self.w.page.keyboard.press("Escape")

        return self.step(f"choose {label}={option}", pick)

    def radio(self, text: str) -> dict:
        return self.step(f"radio {text}", lambda: self.w.page.get_by_test_id("stRadio").get_by_text(text, exact=True).click())

    def link(self, name: str) -> dict:
        return self.step(f"link {name}", lambda: self.w.page.get_by_role("link", name=name).first.click())

    def reset(self) -> dict:
        return self.step("reset", lambda: self.w.page.get_by_role("button", name="Reset filters").click())


@pytest.fixture
def walk(browser, server):
    w = Walk(browser, server)
    yield w
    w.close()


def _members(state: dict) -> int:
    return int(state["metrics"][0])


def test_back_to_the_map_opened_from_the_navigation(walk):
    walk.open("/")
    first = walk.nav("map")
    assert _members(first) > 0
    walk.nav("events")
    again = walk.back()
    assert walk.address == "/map" and again == first


def test_back_to_events_opened_first_keeps_its_two_thumb_slider(walk):
    walk.open("/events")
    walk.nav("map")
    again = walk.back()
    assert walk.address == "/events", walk.address
    assert len(again["sliders"]) == 2, again


@pytest.mark.parametrize("page", ["country", "timeline", "matrix"])
def test_back_to_a_page_opened_from_the_navigation(walk, page):
    walk.open("/")
    first = walk.nav(page)
    walk.nav("overview")
    assert walk.back() == first
    assert walk.address == f"/{page}"


def test_filters_survive_a_page_switch(walk):
    filtered = walk.open("/events?country=THA&dimension=economic&from=2015&to=2020")
    walk.nav("country")
    assert walk.nav("events") == filtered
    assert walk.address == "/events?country=THA&dimension=economic&from=2015&to=2020"
    walk.reset()
    assert walk.address == "/events"


@pytest.mark.parametrize(
    "page, path, label, option",
    [
        ("timeline", "/timeline?category=summit", "Countries", "Kazakhstan"),
        ("matrix", "/matrix?dimension=economic", "Member states", "China"),
    ],
)
def test_a_change_then_reset_in_a_pages_filters(walk, page, path, label, option):
    # the filters are a fragment: the change reruns only them, and Reset must still reach the widgets
    walk.open(path)
    walk.choose(label, option)
    assert walk.address.startswith(f"/{page}?") and walk.address != path, walk.address
    walk.reset()
    assert walk.address == f"/{page}"


def test_another_country_in_the_profiles_picker(walk):
    walk.open("/country?country=KAZ")
    shown = walk.choose("Country", "Thailand", exact=True)  # reruns only the picker and the profile (a fragment)
    assert walk.address == "/country?country=THA"
    assert "Thailand" in shown["headings"]


def test_an_unknown_page_says_so_in_the_dashboards_words(walk):
    shown = walk.open("/nonexistent?country=THA")
    assert shown["headings"][0] == "No such page"
    body = walk.w.page.get_by_test_id("stApp").inner_text()
    assert "Running the app" not in body and "THA" not in body
    assert walk.w.page.get_by_role("dialog").count() == 0
    walk.link("Events")
    assert walk.address == "/events"


def test_a_cross_page_link_and_back(walk):
    walk.open("/country?country=KAZ")
    walk.link("Events with Kazakhstan")
    assert walk.address == "/events?country=KAZ"
    walk.back()
    assert walk.address == "/country?country=KAZ"
    walk.forward()
    assert walk.address == "/events?country=KAZ"
    walk.reload()


# The random walk: each page's moves, then the moves any page has.
PAGE_MOVES = {
    "map": [lambda w, r: w.slider(0, "ArrowLeft", r.randint(1, 6))],
    "events": [
        lambda w, r: w.slider(0, r.choice(["ArrowLeft", "ArrowRight"]), r.randint(1, 4)),
        lambda w, r: w.choose("Dimension", r.choice(["Economic", "Human", "Institutional"])),
    ],
    "timeline": [
        lambda w, r: w.radio(r.choice(["First 25 years (1992–2017)", "Everything"])),
        lambda w, r: w.slider(0, "ArrowRight", r.randint(1, 5)),
    ],
    "matrix": [
        lambda w, r: w.slider(0, "ArrowLeft", r.randint(1, 8)),
        lambda w, r: w.radio(r.choice(["name", "number of roles"])),
    ],
    "country": [lambda w, r: w.choose("Country", r.choice(["Kazakhstan", "Thailand", "Türkiye", "China"]))],
}


def test_seeded_random_walk_across_every_page(walk):
    rng = random.Random(20261201)
    walk.open("/")
    page, steps = "overview", 0
    while steps < 60:
        move = rng.random()
        if move < 0.3:
            page = rng.choice(list(NAV))
            walk.nav(page)
        elif move < 0.45:
            walk.back()
            page = _page_of(walk.address)
        elif move < 0.5:
            walk.forward()
            page = _page_of(walk.address)
        elif move < 0.55:
            walk.reload()
        elif page in PAGE_MOVES:
            rng.choice(PAGE_MOVES[page])(walk, rng)
        else:
            continue
        steps += 1


def _page_of(address: str) -> str:
    spec = PAGE_BY_PATH.get(urlparse(address).path.strip("/"))
    return spec.key if spec else "not-found"
