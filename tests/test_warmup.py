"""The start-up warm-up: `streamlit run app.py` serves app.py's st.App, whose lifespan loads
the data into the shared cache before the first page needs it; a bad file is left to the page."""

from __future__ import annotations

import ast
import asyncio
import threading
from pathlib import Path

from streamlit.web.server.app_discovery import discover_asgi_app

from cica_dash import ui, warmup
from tests.conftest import ROOT


def _counting_loads(monkeypatch) -> list[Path]:
    calls: list[Path] = []
    real = ui.load_dataset

    def counted(folder: Path):
        calls.append(folder)
        return real(folder)

    monkeypatch.setattr(ui, "load_dataset", counted)
    ui._load.clear()
    ui._vocabulary.clear()
    return calls


def test_streamlit_run_finds_the_app_with_its_lifespan():
    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app and found.import_string.endswith(":app")
    tree = ast.parse((ROOT / "app.py").read_text())
    apps = [n.value for n in ast.walk(tree) if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "app"]
    assert len(apps) == 1 and ast.unparse(apps[0].func) == "st.App"
    assert {k.arg: ast.unparse(k.value) for k in apps[0].keywords} == {"lifespan": "lifespan"}
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module == "cica_dash.warmup"]
    assert [a.name for n in imports for a in n.names] == ["lifespan"]


def test_the_lifespan_loads_the_data_once_for_the_first_page(fixture_dir, monkeypatch):
    monkeypatch.setenv("CICA_DATA_DIR", str(fixture_dir))
    calls = _counting_loads(monkeypatch)

    async def start_server() -> None:
        async with warmup.lifespan(None):
            pass

    asyncio.run(start_server())
    for thread in threading.enumerate():
        if thread.name == "cica-preload":
            thread.join(timeout=60)
    assert calls == [fixture_dir]
    ds, vocab = ui.dataset()  # what the first page calls: served from the cache
    assert calls == [fixture_dir]
    assert ds.data_dir == fixture_dir and vocab.countries


def test_a_bad_file_is_left_for_the_page_to_report(fixture_dir, monkeypatch):
    monkeypatch.setenv("CICA_DATA_DIR", str(fixture_dir))
    members = fixture_dir / "members.csv"
    members.write_text(members.read_text(encoding="utf-8").replace("iso3,name,", "code,name,", 1), encoding="utf-8")
    calls = _counting_loads(monkeypatch)
    warmup.preload()  # does not raise
    assert calls == [fixture_dir]
