"""Nothing from a URL or a data file can be rendered as HTML: the app never asks Streamlit to."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

RAW_HTML = re.compile(r"unsafe_allow_html\s*=\s*True|st\.html\(|components\.html\(|st\.components")
# the one component: the plotly element, whose markup is a constant and whose data is a figure
# handed to plotly.js (as st.plotly_chart would), never to innerHTML
CHART = ROOT / "cica_dash" / "glue" / "chart.py"
# the one st.html: the print stylesheet, a constant file of the app's own
UI = ROOT / "cica_dash" / "glue" / "ui.py"
PRINT_CALL = "    st.html(APP_CSS)"
# the document-language element: constant markup (none) and script; its data is the run's language,
# always a code of i18n.LANGUAGES (set_language falls back to English for anything else)
LANGUAGE_CALL = "_document_language = st.components.v2.component("


def test_no_raw_html_anywhere_in_the_app():
    files = [ROOT / "app.py", *ROOT.joinpath("cica_dash").rglob("*.py"), *ROOT.glob("*pages/*.py")]
    assert len(files) > 10
    offenders = [
        f"{f.relative_to(ROOT)}:{i}"
        for f in files
        for i, line in enumerate(f.read_text().splitlines(), 1)
        if RAW_HTML.search(line)
        and not (f == CHART and line.startswith("_element = st.components.v2.component("))
        and not (f == UI and line == PRINT_CALL)
        and not (f == UI and line == LANGUAGE_CALL)
    ]
    assert offenders == []


def test_the_one_st_html_is_the_stylesheet_a_css_file_that_loads_nothing():
    from cica_dash.glue.ui import APP_CSS

    assert UI.read_text().splitlines().count(PRINT_CALL) == 1
    assert APP_CSS.parent == ROOT / "static" and APP_CSS.suffix == ".css"  # st.html sends a .css file as a <style>
    css = APP_CSS.read_text()
    assert not re.search(r"<|url\(|@import|expression\(|javascript:", css, flags=re.IGNORECASE)


def test_the_chart_component_markup_is_a_constant_and_its_script_never_writes_html():
    calls = [
        node
        for node in ast.walk(ast.parse(CHART.read_text()))
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "st.components.v2.component"
    ]
    assert len(calls) == 1
    html = next(k.value for k in calls[0].keywords if k.arg == "html")
    assert isinstance(html, ast.Constant) and isinstance(html.value, str)
    script = CHART.with_name("plotly_element.js").read_text()
    assert not re.search(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|srcdoc|createContextualFragment|DOMParser|\beval\(|new Function",
        script,
    )


def test_the_document_language_is_always_a_known_code():
    from cica_dash.data import i18n

    for asked in ("ru", "en", "<script>", "de", ""):
        with i18n.using(asked):
            assert i18n.current() in i18n.LANGUAGES
