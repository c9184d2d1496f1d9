"""Load every CSV in the data folder, check it against the declared schema, return typed tables.

A bad file never surfaces as a traceback: all problems across all files are
collected into one DataError that names file, line, column, value and rule.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.errors

from cica_dash.data.i18n import N_, _
from cica_dash.data.schema import TableSpec, pandera_schema, read_package, rule_fields, table_specs

PACKAGE_FILE = "datapackage.json"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    value: str | None
    rule: str  # a template of the catalogs ("must be one of: {allowed}"), filled from `fields`
    fields: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """The rule in the run's language, its fields filled in."""
        return _(self.rule).format(**dict(self.fields))

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += ", " + _("line {line}").format(line=self.line)
        if self.column:
            where += ", " + _("column '{column}'").format(column=self.column)
        value = "" if self.value is None else ": " + _("value {value}").format(value=repr(self.value))
        return f"{where}{value} — {self.text}"


class DataError(Exception):
    """The data folder does not match its schema; `problems` lists every finding."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"- {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the data:\n{lines}")


@dataclass(frozen=True)
class Dataset:
    """All tables, typed: dates as datetime64, booleans as bool (nullable where a cell may be
    empty: unknown), numbers as float."""

    tables: dict[str, pd.DataFrame]
    package: dict[str, Any] = field(repr=False)
    data_dir: Path
    content_hash: str = ""  # sha256 of the tables' files, in the package's order (see `version`)

    @property
    def version(self) -> str:
        """The data version a citation names: the package's as-of date and a short hash of the
        files' contents (``2026-12-01+3f9a1c2e``). The package declares the same hash
        (``x-content-hash``), so a citation can be matched to the files."""
        return f"{self.package.get('x-accessed', '')}+{self.content_hash[:8]}"

    def __getattr__(self, name: str) -> pd.DataFrame:
        # only called for names that are not attributes: look them up as tables
        tables = self.__dict__.get("tables") or {}
        if name in tables:
            return tables[name]
        raise AttributeError(name)


def data_dir() -> Path:
    """The data folder: $CICA_DATA_DIR if set, else the repo's data/."""
    env = os.environ.get("CICA_DATA_DIR")
    return Path(env) if env else DEFAULT_DATA_DIR


def data_signature(folder: Path | None = None) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and mtimes of the data files: a cheap cache key that changes when a file does."""
    folder = folder or data_dir()
    out = []
    for p in sorted(folder.glob("*")):
        if p.suffix in {".csv", ".json"}:
            st = p.stat()
            out.append((p.name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def _read_rows(spec: TableSpec, raw: bytes) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse CSV text into a frame of strings with each row's line number as its index."""
    problems: list[Problem] = []
    text = raw.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return pd.DataFrame(columns=spec.columns), [
            Problem(spec.path, 1, None, None, N_("the file is empty: a header row is needed"))
        ]
    expected = spec.columns
    for name in expected:
        if name not in header:
            problems.append(Problem(spec.path, 1, name, None, N_("missing column")))
    for name in header:
        if name not in expected:
            problems.append(
                Problem(
                    spec.path, 1, name, None, N_("unexpected column (expected: {expected})"), (("expected", ", ".join(expected)),)
                )
            )
    rows, lines = [], []
    start = reader.line_num + 1
    for row in reader:
        line = start
        start = reader.line_num + 1
        if not row:
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    spec.path,
                    line,
                    None,
                    None,
                    N_("expected {expected} fields, found {found}"),
                    (("expected", str(len(header))), ("found", str(len(row)))),
                )
            )
            continue
        for name, value in zip(header, row):
            if "\ufffd" in value:
                problems.append(Problem(spec.path, line, name, value, N_("not valid UTF-8 text")))
        rows.append(row)
        lines.append(line)
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="line"), dtype="str")
    frame = frame.replace("", pd.NA)
    return frame, problems


def _schema_problems(spec: TableSpec, frame: pd.DataFrame) -> list[Problem]:
    present = [c for c in spec.columns if c in frame.columns]
    if len(present) < len(spec.columns):
        return []  # missing columns were reported already; row checks would only repeat them
    try:
        pandera_schema(spec).validate(frame[present], lazy=True, inplace=True)  # a copy already
    except pandera.errors.SchemaErrors as err:
        cases = err.failure_cases
        out = []
        for case in cases.itertuples(index=False):
            line = None if pd.isna(case.index) else int(case.index)
            value = None if pd.isna(case.failure_case) else str(case.failure_case)
            check = str(case.check)
            if check == "not_nullable":
                rule, value = N_("a value is required"), None
            elif check.startswith("field_uniqueness") or check.startswith("multiple_fields_uniqueness"):
                # one finding per row for a duplicated key, however many columns it spans
                rule = N_("duplicate key: another row has the same value")
                value = value if len(spec.primary_key) == 1 else None
                out.append(Problem(spec.path, line, ", ".join(spec.primary_key), value, rule))
                continue
            else:
                rule = check
            column = case.column if isinstance(case.column, str) else ", ".join(spec.primary_key)
            fields = rule_fields(spec.field(column)) if column in spec.columns else ()
            out.append(Problem(spec.path, line, column, value, rule, fields))
        return list(dict.fromkeys(out))
    return []


def _typed(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    out = frame[spec.columns].copy()
    for f in spec.fields:
        col = out[f.name]
        if f.type == "date":
            out[f.name] = pd.to_datetime(col, format="%Y-%m-%d", errors="coerce")
        elif f.type == "boolean" and f.required:
            out[f.name] = col.eq("true").fillna(False).astype(bool)
        elif f.type == "boolean":  # an empty cell is unknown, not false
            out[f.name] = col.map({"true": True, "false": False}).astype("boolean")
        elif f.type == "number":
            out[f.name] = pd.to_numeric(col, errors="coerce").astype("float64")
        elif f.type == "integer":
            out[f.name] = pd.to_numeric(col, errors="coerce").astype("Int64")
    return out


def _order_problems(spec: TableSpec, typed: pd.DataFrame, raw: pd.DataFrame) -> list[Problem]:
    out = []
    for start, end in spec.ordered:
        bad = typed[end] < typed[start]
        for line in typed.index[bad.fillna(False)]:
            out.append(
                Problem(
                    spec.path,
                    int(line),
                    end,
                    raw.at[line, end],
                    N_("ends before it starts ({start} is {value})"),
                    (("start", start), ("value", str(raw.at[line, start]))),
                )
            )
    return out


def _source_problems(spec: TableSpec, raw: pd.DataFrame) -> list[Problem]:
    """A value that has a source column of its own (a Russian name, a Russian title) is given
    with its source, and a source is not given without its value."""
    out = []
    for value, source in spec.sourced:
        if value not in raw.columns or source not in raw.columns:
            continue
        given = raw[value].fillna("").astype(str).str.strip().ne("")
        cited = raw[source].fillna("").astype(str).str.strip().ne("")
        for line in raw.index[given & ~cited]:
            out.append(Problem(spec.path, int(line), source, None, N_("is required when {value} is given"), (("value", value),)))
        for line in raw.index[cited & ~given]:
            out.append(
                Problem(
                    spec.path, int(line), value, None, N_("is empty, but {source} names a source for it"), (("source", source),)
                )
            )
    return out


def _foreign_key_problems(
    spec: TableSpec, typed: pd.DataFrame, tables: dict[str, pd.DataFrame], specs: dict[str, TableSpec]
) -> list[Problem]:
    out = []
    for column, resource, ref_column in spec.foreign_keys:
        if resource not in tables:
            continue
        known = set(tables[resource][ref_column].dropna())
        values = typed[column]
        bad = values.notna() & ~values.isin(known)
        for line in typed.index[bad]:
            out.append(
                Problem(
                    spec.path,
                    int(line),
                    column,
                    str(values[line]),
                    N_("not found in {file} (column '{column}')"),
                    (("file", specs[resource].path), ("column", ref_column)),
                )
            )
    return out


def load_dataset(folder: Path | None = None) -> Dataset:
    """Read and check every table of the data package; raise DataError listing all problems."""
    folder = Path(folder) if folder else data_dir()
    package_path = folder / PACKAGE_FILE
    if not package_path.exists():
        raise DataError(
            [Problem(PACKAGE_FILE, None, None, None, N_("file is missing from {folder}"), (("folder", str(folder)),))]
        )
    package = read_package(package_path)
    specs = table_specs(package)
    problems: list[Problem] = []
    raws: dict[str, pd.DataFrame] = {}
    tables: dict[str, pd.DataFrame] = {}
    digest = hashlib.sha256()
    for name, spec in specs.items():
        path = folder / spec.path
        if not path.exists():
            problems.append(Problem(spec.path, None, None, None, N_("file is missing")))
            continue
        raw = path.read_bytes()
        digest.update(content_hash_part(spec.path, raw))
        frame, found = _read_rows(spec, raw)
        problems += found + _schema_problems(spec, frame)
        if all(c in frame.columns for c in spec.columns):
            # type the rows even when some are bad, so order and key checks still report
            raws[name] = frame
            tables[name] = _typed(spec, frame)
    for name, typed in tables.items():
        problems += _order_problems(specs[name], typed, raws[name]) + _source_problems(specs[name], raws[name])
        problems += _foreign_key_problems(specs[name], typed, tables, specs)
    if problems:
        order = list(specs)
        rank = {specs[n].path: i for i, n in enumerate(order)}
        problems = sorted(dict.fromkeys(problems), key=lambda p: (rank.get(p.file, -1), p.line or 0, p.column or ""))
        raise DataError(problems)
    return Dataset(tables=tables, package=package, data_dir=folder, content_hash=digest.hexdigest())


def content_hash_part(path: str, raw: bytes) -> bytes:
    """One file's share of the content hash: its name and its bytes, each length-prefixed."""
    name = path.encode("utf-8")
    return len(name).to_bytes(4, "big") + name + len(raw).to_bytes(8, "big") + raw
