"""The interface's language in a real browser: the switcher changes the words and the link, a
Russian link stays Russian through the navigation and Back, and a Russian page passes the
accessibility audit."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def _heading_is(page, text: str) -> bool:
    """True once the page's heading reads `text`, within 30 s. The address changes at once on a
    click or Back, but on a busy machine the run it asks for can start after `settle` has looked,
    so the last page's heading may still be there for a moment; a page that never shows the right
    one fails."""
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text(text, timeout=30_000)
    return True


def _document_says(page, lang: str) -> bool:
    """True once <html lang> is `lang`: a small component sets it after the page's words arrive."""
    page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang, timeout=30_000)
    return True


def test_the_switcher_changes_the_words_and_the_link(server, watched):
    page = watched.page
    page.goto(server + "/map?year=2017")
    watched.settle(60_000)
    assert _heading_is(page, "Member map")
    page.get_by_role("radio", name="ru").click()
    page.wait_for_url(re.compile(r"lang=ru"), timeout=30_000, wait_until="commit")
    watched.settle(60_000)
    assert _heading_is(page, "Карта участников") and "year=2017" in page.url
    expect(page.get_by_test_id("stMetric").filter(has_text="Государства-члены")).to_have_count(1, timeout=30_000)
    watched.shot("map-2017-ru")
    page.get_by_role("radio", name="en").click()
    page.wait_for_url(lambda url: "lang=" not in url, timeout=30_000, wait_until="commit")
    watched.settle(60_000)
    assert _heading_is(page, "Member map") and "year=2017" in page.url
    assert watched.errors == [] and watched.external == []


def test_a_russian_link_stays_russian_through_the_navigation_and_back(server, watched):
    page = watched.page
    page.goto(server + "/?lang=ru")
    watched.settle(60_000)
    assert _heading_is(page, "Панель СВМДА")
    page.get_by_test_id("stTopNavLink").filter(has_text="Профиль страны").click()
    page.wait_for_url(re.compile(r"/country\?lang=ru"), timeout=30_000, wait_until="commit")
    watched.settle(60_000)
    assert _heading_is(page, "Профиль страны")
    page.get_by_test_id("stTopNavLink").filter(has_text="События").click()
    page.wait_for_url(re.compile(r"/events\?lang=ru"), timeout=30_000, wait_until="commit")
    watched.settle(60_000)
    assert _heading_is(page, "События")
    assert _document_says(page, "ru")  # the document says its language
    page.go_back()
    page.wait_for_url(re.compile(r"/country\?lang=ru"), timeout=30_000, wait_until="commit")
    watched.settle(60_000)
    assert _heading_is(page, "Профиль страны")
    assert watched.errors == [] and watched.external == []


def test_a_russian_browser_arrives_in_russian_but_a_link_wins(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")  # Accept-Language: ru-RU
    from tests.browser.conftest import Watched

    watched = Watched(context.new_page())
    page = watched.page
    try:
        page.goto(server + "/timeline")
        page.wait_for_url(re.compile(r"lang=ru"), timeout=30_000, wait_until="commit")  # the link says so too
        watched.settle(60_000)
        assert _heading_is(page, "Хронология") and _document_says(page, "ru")
        page.get_by_role("radio", name="en").click()  # the visitor's choice holds for the visit
        page.wait_for_url(lambda url: "lang=" not in url, timeout=30_000, wait_until="commit")
        watched.settle(60_000)
        page.get_by_test_id("stTopNavLink").filter(has_text="Member map").click()
        page.wait_for_url(re.compile(r"/map$"), timeout=30_000, wait_until="commit")
        watched.settle(60_000)
        assert _heading_is(page, "Member map") and _document_says(page, "en")
        page.goto(server + "/timeline?lang=en")  # a link's language wins over the browser's
        watched.settle(60_000)
        assert _heading_is(page, "Timeline") and "lang=ru" not in page.url
        assert watched.errors == [] and watched.external == []
    finally:
        context.close()
