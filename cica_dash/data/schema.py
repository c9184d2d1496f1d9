"""Turn the Table Schemas declared in data/datapackage.json into pandera checks.

The data package is the one declaration of every file's columns; this module
only translates it, so the published schema and the loader's checks cannot
drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pycountry

from cica_dash.data.i18n import N_

ISO_VOCABULARY = "iso3166-1-alpha3"


@cache
def iso3_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code that pycountry knows."""
    return frozenset(c.alpha_3 for c in pycountry.countries)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    vocabulary: str | None = None


@dataclass(frozen=True)
class TableSpec:
    """What the loader needs to know about one CSV file."""

    name: str
    path: str
    title: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...]  # (column, resource, column)
    ordered: tuple[tuple[str, str], ...]  # (start column, end column)
    sourced: tuple[tuple[str, str], ...] = ()  # (value column, its source column): given together or not at all

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def read_package(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def table_specs(package: dict[str, Any]) -> dict[str, TableSpec]:
    """Parse the resources of a data package into TableSpecs, in package order."""
    specs: dict[str, TableSpec] = {}
    for res in package["resources"]:
        schema = res["schema"]
        fields = []
        for f in schema["fields"]:
            c = f.get("constraints", {})
            fields.append(
                Field(
                    name=f["name"],
                    type=f["type"],
                    description=f.get("description", ""),
                    required=bool(c.get("required", False)),
                    enum=tuple(c["enum"]) if "enum" in c else None,
                    pattern=c.get("pattern"),
                    minimum=c.get("minimum"),
                    maximum=c.get("maximum"),
                    vocabulary=f.get("x-vocabulary"),
                )
            )
        pk = schema.get("primaryKey", [])
        fks = tuple(
            (fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"]) for fk in schema.get("foreignKeys", [])
        )
        specs[res["name"]] = TableSpec(
            name=res["name"],
            path=res["path"],
            title=res.get("title", res["name"]),
            fields=tuple(fields),
            primary_key=tuple([pk] if isinstance(pk, str) else pk),
            foreign_keys=fks,
            ordered=tuple(tuple(p) for p in schema.get("x-ordered", [])),
            sourced=tuple(tuple(p) for p in schema.get("x-sourced", [])),
        )
    return specs


# Type checks run on the raw text, so a failure can quote the value as written.
def _is_date(s: pd.Series) -> pd.Series:
    ok = s.str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    parsed = pd.to_datetime(s.where(ok), format="%Y-%m-%d", errors="coerce")
    return parsed.notna()


def _is_number(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").notna()


def _is_integer(s: pd.Series) -> pd.Series:
    return s.str.fullmatch(r"[+-]?\d+").fillna(False).astype(bool)


def _is_boolean(s: pd.Series) -> pd.Series:
    return s.isin(["true", "false"])


# each check's name is the rule a problem reports: a template for the catalogs (shown with `_`,
# its fields filled from the column's declaration by `rule_fields`)
TYPE_CHECKS = {
    "date": (_is_date, N_("must be a date written YYYY-MM-DD")),
    "number": (_is_number, N_("must be a number")),
    "integer": (_is_integer, N_("must be a whole number")),
    "boolean": (_is_boolean, N_("must be true or false")),
}


def rule_fields(field: Field) -> tuple[tuple[str, str], ...]:
    """The values a column's rules name: its allowed values, pattern and bounds."""
    given = {"allowed": ", ".join(field.enum) if field.enum else None, "pattern": field.pattern}
    given |= {"minimum": field.minimum, "maximum": field.maximum}
    return tuple((k, str(v)) for k, v in given.items() if v is not None)


def _checks(field: Field) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if field.type in TYPE_CHECKS:
        fn, rule = TYPE_CHECKS[field.type]
        checks.append(pa.Check(fn, name=rule))
    if field.enum is not None:
        allowed = frozenset(field.enum)
        checks.append(pa.Check(lambda s, a=allowed: s.isin(a), name=N_("must be one of: {allowed}")))
    if field.pattern is not None:
        rx = f"(?:{field.pattern})"
        checks.append(
            pa.Check(lambda s, rx=rx: s.str.fullmatch(rx).fillna(False).astype(bool), name=N_("must match the pattern {pattern}"))
        )
    if field.vocabulary == ISO_VOCABULARY:
        checks.append(pa.Check(lambda s: s.isin(iso3_codes()), name=N_("must be an ISO 3166-1 alpha-3 country code")))
    if field.minimum is not None:
        lo = field.minimum
        checks.append(pa.Check(lambda s, lo=lo: ~(pd.to_numeric(s, errors="coerce") < lo), name=N_("must be at least {minimum}")))
    if field.maximum is not None:
        hi = field.maximum
        checks.append(pa.Check(lambda s, hi=hi: ~(pd.to_numeric(s, errors="coerce") > hi), name=N_("must be at most {maximum}")))
    return checks


def pandera_schema(spec: TableSpec) -> pa.DataFrameSchema:
    """A schema over the file's raw text columns (empty cells are missing values).

    No dtype per column: `load._read_rows` makes every cell text, so pandera's dtype check could
    only repeat that, and it was a third of the validation at each load (an element-wise pass
    over each of the 117 columns). What a value may be is in its checks."""
    columns = {
        f.name: pa.Column(
            None,
            checks=_checks(f),
            nullable=not f.required,
            required=True,
            unique=len(spec.primary_key) == 1 and spec.primary_key[0] == f.name,
        )
        for f in spec.fields
    }
    return pa.DataFrameSchema(
        columns,
        strict=False,
        unique=list(spec.primary_key) if len(spec.primary_key) > 1 else None,
        name=spec.path,
    )
