"""Keyboards and touch screens in a real browser: a focused navigation link is outlined (not just
shaded like the current page), the chart toolbar waits for a pointer on devices that hover and
is there on touch screens, and the year steppers are full-size touch targets that move the view
and its link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import Watched

PHONE = {"width": 390, "height": 844}
TOUCH_TARGET = 40  # px: the least height and width of a control a finger is to hit


def _focused_style(page) -> dict:
    """What the focused element shows, and why: whether it matches :focus and :focus-visible,
    and whether the dashboard's rule for a focused navigation link is in the page."""
    return page.evaluate(
        """() => { const a = document.activeElement; const s = getComputedStyle(a);
        const sheets = [...document.styleSheets].flatMap(sh => { try { return [...sh.cssRules]; } catch (e) { return []; } });
        return {testid: a.dataset.testid, href: a.getAttribute('href'), style: s.outlineStyle,
                width: parseFloat(s.outlineWidth), focus: a.matches(':focus'), visible: a.matches(':focus-visible'),
                rule: sheets.some(r => r.cssText.includes('stTopNavLink"]:focus-visible'))}; }"""
    )


def test_a_focused_navigation_link_is_outlined(server, watched):
    page = watched.page
    page.goto(server + "/events")
    watched.settle(60_000)
    page.wait_for_selector('[data-testid="stTopNavLink"]')
    for _ in range(12):  # from the top of the page, as a keyboard user does
        page.keyboard.press("Tab")
        focused = _focused_style(page)
        if focused["testid"] == "stTopNavLink" and not focused["href"].endswith("/events"):
            break
    assert focused["testid"] == "stTopNavLink", "no navigation link took the keyboard focus"
    # what a person sees in the next frames: the outline, drawn once the focus is on the link
    outlined = "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"
    try:
        page.wait_for_function(outlined, timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail(f"the focused navigation link has no outline: {_focused_style(page)}")
    current = page.locator('[data-testid="stTopNavLink"][href$="/events"]')
    assert current.evaluate("a => getComputedStyle(a).outlineStyle") == "none"  # the current page is not outlined
    watched.shot("nav-focus")
    assert watched.errors == [] and watched.external == []


def _toolbar_opacity(page) -> float:
    return float(page.evaluate("() => getComputedStyle(document.querySelector('.modebar-group')).opacity"))


def test_the_chart_toolbar_waits_for_a_pointer_where_there_is_one(server, watched):
    page = watched.page
    page.goto(server + "/events")
    watched.settle(60_000)
    page.wait_for_selector(".modebar-group", state="attached", timeout=30_000)
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    assert _toolbar_opacity(page) == 0  # over the chart's title only when asked for
    page.hover(".js-plotly-plot")
    page.wait_for_timeout(500)
    assert _toolbar_opacity(page) == 1


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    yield Watched(context.new_page())
    context.close()


def test_on_a_touch_screen_the_toolbar_is_there(server, phone):
    page = phone.page
    page.goto(server + "/events")
    phone.settle(60_000)
    page.wait_for_selector(".modebar-group", state="attached", timeout=30_000)
    assert _toolbar_opacity(page) == 1


@pytest.mark.parametrize(("path", "key"), [("map", "map.year"), ("matrix", "matrix.year")])
def test_the_year_steppers_are_touch_targets_that_move_the_view(server, phone, path, key):
    page = phone.page
    page.goto(f"{server}/{path}?year=2017")
    phone.settle(60_000)
    years = page.locator(f".st-key-cica-years-{key.replace('.', '-')}")
    later, earlier = years.get_by_role("button", name="Later"), years.get_by_role("button", name="Earlier")
    for button in (earlier, later):
        box = button.bounding_box()
        assert box["height"] >= TOUCH_TARGET and box["width"] >= TOUCH_TARGET, box
    later.tap()
    page.wait_for_url(re.compile(r"year=2018"), timeout=30_000)
    phone.settle(60_000)
    assert "2018" in page.get_by_test_id("stSlider").first.inner_text()
    earlier.tap()
    page.wait_for_url(re.compile(r"year=2017"), timeout=30_000)
    assert phone.errors == [] and phone.external == []


@pytest.mark.parametrize(("path", "key"), [("map", "map.year"), ("matrix", "matrix.year")])
def test_two_taps_of_a_year_stepper_move_two_years(server, phone, path, key):
    # the second tap comes while the first one's run is on its way: each tap still counts (a
    # double click, two presses a few ms apart, moves one year: seen, and left as it is)
    page = phone.page
    page.goto(f"{server}/{path}?year=2017")
    phone.settle(60_000)
    earlier = page.locator(f".st-key-cica-years-{key.replace('.', '-')}").get_by_role("button", name="Earlier")
    earlier.tap()
    earlier.tap()
    page.wait_for_url(re.compile(r"year=2015"), timeout=30_000)
    phone.settle(60_000)
    assert "2015" in page.get_by_test_id("stSlider").first.inner_text()
    assert phone.errors == [] and phone.external == []
