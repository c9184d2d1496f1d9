"""An automated accessibility audit (axe-core, vendored in tests/browser/vendor) of every page, in
English and in Russian (the document's `lang` says which).

A serious or critical violation fails the test (and so does any breach of the heading, link-name
and image-alt rules, which the app controls), unless it comes from Streamlit's own markup that
the app cannot change; those are listed one by one, with their reason, in a11y_known_streamlit.json
(rule id plus a selector or target substring). No rule is switched off as a whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cica_dash.url.links import PAGES

HERE = Path(__file__).parent
AXE = HERE / "vendor" / "axe.min.js"
KNOWN = json.loads((HERE / "a11y_known_streamlit.json").read_text(encoding="utf-8"))
QUERY = {"country": "?country=KAZ"}
# rules the app itself controls and has fixed: these fail at any impact (axe rates them moderate)
STRICT = {"heading-order", "image-alt", "link-name", "empty-heading", "page-has-heading-one"}


def _known(rule: str, target: str) -> bool:
    return any(k["rule"] == rule and k["target_contains"] in target for k in KNOWN)


def test_the_known_list_explains_every_entry():
    for k in KNOWN:
        assert set(k) == {"rule", "target_contains", "reason"}
        assert k["target_contains"].strip() and len(k["reason"]) > 30


@pytest.fixture(scope="module")
def audited(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    from tests.browser.conftest import Watched

    yield Watched(page)
    context.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("spec", PAGES, ids=[p.key for p in PAGES])
def test_no_serious_accessibility_violation(server, audited, spec, lang):
    page = audited.page
    audited.errors.clear(), audited.external.clear()
    query = QUERY.get(spec.key, "") + ("" if lang == "en" else ("&" if spec.key in QUERY else "?") + "lang=ru")
    page.goto(f"{server}/{spec.path}{query}")
    audited.settle(60_000)
    page.wait_for_function(f"document.documentElement.lang === '{lang}'", timeout=30_000)  # axe checks it against the words
    page.wait_for_timeout(1500)  # charts drawn
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = []
    for v in result["violations"]:
        if v["impact"] not in ("serious", "critical") and v["id"] not in STRICT:
            continue
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if not _known(v["id"], target):
                found.append(f"{v['id']} ({v['impact']}): {target} :: {node['html'][:160]}")
    assert found == [], "\n".join(found)
    assert audited.errors == []
    assert audited.external == []
