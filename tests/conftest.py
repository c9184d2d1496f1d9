"""Shared fixtures: a small, deterministic data folder built from tests/fixtures/data
plus the real datapackage.json (so fixtures are checked against the real schema).

Every test under tests/browser/ is marked `browser` and `serial` here: scripts/test.sh runs the
`serial` tests alone, after the others have run in parallel (pytest-xdist)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CSV = Path(__file__).resolve().parent / "fixtures" / "data"
REAL_DATA = ROOT / "data"
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.serial)


def make_fixture_dir(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for f in FIXTURE_CSV.glob("*.csv"):
        shutil.copy(f, target / f.name)
    shutil.copy(REAL_DATA / "datapackage.json", target / "datapackage.json")
    return target


@pytest.fixture
def fixture_dir(tmp_path: Path) -> Path:
    """A fresh copy per test, so a test may damage it."""
    return make_fixture_dir(tmp_path / "data")


@pytest.fixture(scope="session")
def fixture_dataset(tmp_path_factory):
    from cica_dash.data.load import load_dataset

    return load_dataset(make_fixture_dir(tmp_path_factory.mktemp("fx") / "data"))


@pytest.fixture(scope="session")
def real_dataset():
    from cica_dash.data.load import load_dataset

    return load_dataset(REAL_DATA)
