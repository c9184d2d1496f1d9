"""The published data package is valid Frictionless, and the real data passes it."""

from __future__ import annotations

from frictionless import Package

from tests.conftest import REAL_DATA


def test_frictionless_validates_the_whole_package():
    report = Package(str(REAL_DATA / "datapackage.json")).validate()
    errors = [(t.name, e.type, e.note) for t in report.tasks for e in t.errors] + [(None, e.type, e.note) for e in report.errors]
    assert report.valid, errors[:20]


def test_package_has_provenance_metadata():
    package = Package(str(REAL_DATA / "datapackage.json"))
    assert package.title and package.licenses and package.contributors
    assert package.custom.get("x-accessed") or package.to_dict().get("x-accessed")
    assert [r.name for r in package.resources][:3] == ["dimensions", "priority_areas", "members"]
