"""The country profile on paper, in a real browser: printed (print media, and Chromium's own PDF of
the page) it shows no navigation or widgets and every table whole, with the view's title, link
and data version; its "Download brief (PDF)" gives the state's brief."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader

from cica_dash.model import profile as prof
from cica_dash.model.paper import printed_profile
from tests.browser.conftest import ARTIFACTS

A4_WIDTH = 794  # CSS pixels at 96 dpi
# what must not reach paper: the navigation, the app's toolbar, every control on the page
NOT_ON_PAPER = ["stHeader", "stTopNav", "stToolbar", "stSelectbox", "stPageLink", "stDownloadButton", "stExpander", "stDataFrame"]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def _shown(page, test_id: str) -> int:
    """How many elements with this test id take room on the page (are displayed)."""
    return page.evaluate(
        "id => [...document.querySelectorAll(`[data-testid='${id}']`)].filter(e => e.getClientRects().length > 0).length",
        test_id,
    )


def _open(server, watched, iso3: str):
    page = watched.page
    page.goto(f"{server}/country?country={iso3}")
    watched.settle()
    page.wait_for_selector('[data-testid="stDataFrame"] canvas', timeout=20_000)
    return page


def test_printed_profile_has_no_widgets_and_every_table_whole(server, watched, real_dataset):
    p = prof.country_profile(real_dataset, "THA", date.today())
    paper = printed_profile(p)
    page = _open(server, watched, "THA")
    for test_id in NOT_ON_PAPER:
        # each kind of element is drawn by its own lazily fetched script: on a busy machine the
        # download button can come a moment after the tables
        page.locator(f"[data-testid='{test_id}']").first.wait_for(state="visible", timeout=20_000)
        assert _shown(page, test_id) > 0, f"{test_id} is on the screen"
    paper_tables = page.locator('[class*="st-key-cica-paper-"] table')
    assert paper_tables.count() > 0 and not any(t.is_visible() for t in paper_tables.all())  # for paper only

    page.set_viewport_size({"width": A4_WIDTH, "height": 1123})
    page.emulate_media(media="print")
    for test_id in NOT_ON_PAPER:
        assert _shown(page, test_id) == 0, f"{test_id} is printed"
    tables = paper_tables
    assert tables.count() == sum(len(t) > 0 for t in paper.tables.values()) + 1
    assert all(t.is_visible() for t in tables.all())
    # whole: no table is wider than the paper, and the source list has every row
    widths = page.evaluate(
        "() => [...document.querySelectorAll('[class*=st-key-cica-paper-] [data-testid=stMarkdownContainer]:has(table)')].map(t => [t.scrollWidth, t.clientWidth, t.querySelector('table').getBoundingClientRect().right])"
    )
    assert all(scroll <= client and right <= A4_WIDTH for scroll, client, right in widths), widths
    sources = tables.last
    assert sources.locator("tbody tr").count() == len(p.sources) > 10
    # the view's title, link and data version open the printed page
    heading = page.locator(".st-key-cica-paper-heading")
    assert heading.is_visible()
    assert heading.bounding_box()["y"] < page.get_by_test_id("stHeading").first.bounding_box()["y"]
    assert "country?country=THA" in heading.inner_text() and real_dataset.version in heading.inner_text()
    watched.shot("country-THA-print")

    # Chromium's own print of the page, read back: every column and every source is on paper
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "country-THA-print.pdf").write_bytes(pdf)
    text, pages = _pdf_text(pdf)
    flat = _flat(text)
    for heading_word in ("Current", "Source", "Used for", "CICA Dashboard · Country profile", real_dataset.version):
        assert _flat(heading_word) in flat
    for source in paper.sources["Source"]:
        assert _flat(source) in flat, source
    for word in ("Download brief", "Share, get this data", "Member map", "Choose a country"):
        assert word not in text
    assert pages <= 4
    assert watched.errors == [] and watched.external == []


def test_download_brief_gives_the_states_pdf(server, watched, real_dataset):
    p = prof.country_profile(real_dataset, "KAZ", date.today())
    page = _open(server, watched, "KAZ")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download brief (PDF)").click()
    assert info.value.suggested_filename == "cica-brief-KAZ.pdf"
    pdf = open(info.value.path(), "rb").read()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "cica-brief-KAZ.pdf").write_bytes(pdf)
    text, pages = _pdf_text(pdf)
    assert pages <= 2
    assert "Kazakhstan" in text and "CICA country brief" in text and "Founding member [1]" in text
    assert _flat(f"{server}/country?country=KAZ") in _flat(text) and real_dataset.version in text
    for term in p.chairmanships["Term"]:
        assert term in text
    assert watched.errors == [] and watched.external == []
