"""The package's layers, read from its imports: data -> model -> figures -> glue -> pages. A layer
imports only the layers before it (the link format, `url`, sits beside the model: both read only
the data layer), and only the glue imports streamlit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cica_dash"
MAY_IMPORT = {
    "data": set(),
    "url": {"data"},
    "model": {"data"},
    "figures": {"data", "model", "url"},  # url: where the app serves its static files
    "glue": {"data", "url", "model", "figures"},
}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE)


def test_every_module_is_in_a_layer():
    assert {p.parent.name for p in MODULES} == set(MAY_IMPORT)
    assert [p.name for p in PACKAGE.glob("*.py")] == ["__init__.py"]


def violations(layer: str, imports: set[str]) -> list[str]:
    """What a module of `layer` with these imports breaks of the rule."""
    used = {m.split(".")[1] for m in imports if m.startswith("cica_dash.")} - {layer}
    found = [f"imports {name}" for name in sorted(used - MAY_IMPORT[layer])]
    if layer != "glue" and any(m == "streamlit" or m.startswith("streamlit.") for m in imports):
        found.append("imports streamlit")
    return found


@pytest.mark.parametrize(
    "layer, imports, expected",
    [
        ("figures", {"cica_dash.model.matrix", "plotly.graph_objects"}, []),
        ("figures", {"cica_dash.glue.ui"}, ["imports glue"]),
        ("model", {"cica_dash.url.state", "cica_dash.figures.palette"}, ["imports figures", "imports url"]),
        ("data", {"streamlit"}, ["imports streamlit"]),
        ("glue", {"streamlit", "cica_dash.figures.matrix"}, []),
    ],
)
def test_the_rule(layer, imports, expected):
    assert violations(layer, imports) == expected


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_module_imports_only_the_layers_before_it(path):
    assert violations(path.parent.name, _imports(path)) == []
