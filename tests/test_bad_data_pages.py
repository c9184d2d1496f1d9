"""With a damaged data file every page lists the problems in plain words (no traceback), and
once the file is fixed on disk the next rerun picks it up without a restart."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cica_dash.url.links import PAGES
from tests.conftest import ROOT

DAMAGE = {
    "missing column": ("members.csv", lambda t: t.replace("iso3,name,", "code,name,", 1)),
    "bad date": ("events.csv", lambda t: t.replace("2023-08-23,2023-08-24", "2023-08-23,2023-13-24", 1)),
    "dangling key": ("coordinators.csv", lambda t: t.replace("tourism,THA", "tourisme,THA", 1)),
}


@pytest.mark.parametrize("page", [p for p in PAGES], ids=[p.key for p in PAGES])
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_every_page_lists_problems_then_recovers(fixture_dir, monkeypatch, page, damage):
    monkeypatch.setenv("CICA_DATA_DIR", str(fixture_dir))
    name, edit = DAMAGE[damage]
    good = (fixture_dir / name).read_text(encoding="utf-8")
    bad = edit(good)
    assert bad != good
    (fixture_dir / name).write_text(bad, encoding="utf-8")

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(page.script)
    if page.key == "country":
        at.query_params["country"] = "KAZ"
    at.run()
    assert not at.exception
    assert "did not pass its checks" in at.error[0].value
    problems = at.dataframe[0].value
    assert name in set(problems["file"]) and problems["line"].notna().all()

    (fixture_dir / name).write_text(good, encoding="utf-8")  # fixed on disk, no restart
    at.run()
    assert not at.exception
    assert not at.error
    assert len(at.title) == 1
