"""Nothing from a URL or a data file can be rendered as HTML: the app never asks Streamlit to."""

from __future__ import annotations

import re

from tests.conftest import ROOT

RAW_HTML = re.compile(r"unsafe_allow_html\s*=\s*True|st\.html\(|components\.html\(|st\.components")


def test_no_raw_html_anywhere_in_the_app():
    files = [ROOT / "app.py", *ROOT.joinpath("cica_dash").glob("*.py"), *ROOT.glob("*pages/*.py")]
    assert len(files) > 10
    offenders = [f"{f.relative_to(ROOT)}:{i}" for f in files for i, line in enumerate(f.read_text().splitlines(), 1) if RAW_HTML.search(line)]
    assert offenders == []
