"""Downloads and the readable data dictionary: the data package as a zip, tables as CSV."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from cica_dash.data.i18n import N_, _
from cica_dash.data.load import PACKAGE_FILE, Dataset
from cica_dash.data.schema import table_specs


def package_zip(ds: Dataset) -> bytes:
    """The data package exactly as on disk (datapackage.json and every CSV) in one zip."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(ds.data_dir / PACKAGE_FILE, f"cica-data/{PACKAGE_FILE}")
        for spec in table_specs(ds.package).values():
            z.write(ds.data_dir / spec.path, f"cica-data/{spec.path}")
    return buf.getvalue()


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes for a download, dates written as YYYY-MM-DD like the source files."""
    return frame.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")


DICTIONARY_COLUMNS = (N_("file"), N_("column"), N_("type"), N_("required"), N_("rules"), N_("meaning"))


def data_dictionary(ds: Dataset) -> pd.DataFrame:
    """One row per column of every file: type, whether required, allowed values, meaning; the
    words in the run's language (the descriptions are in the catalogs, taken from the data
    package by devtools/catalog.py), the file, column and type names as the files have them."""
    rows = []
    for spec in table_specs(ds.package).values():
        fks = {col: f"{ref}.{refcol}" for col, ref, refcol in spec.foreign_keys}
        for f in spec.fields:
            rules = []
            if f.enum:
                rules.append(_("one of: {values}").format(values=", ".join(f.enum)))
            if f.vocabulary:
                rules.append(_("ISO 3166-1 alpha-3 code"))
            elif f.pattern:
                rules.append(_("pattern {pattern}").format(pattern=f.pattern))
            if f.name in fks:
                rules.append(_("must appear in {target}").format(target=fks[f.name]))
            if f.name in spec.primary_key:
                rules.append(_("key") if len(spec.primary_key) == 1 else _("part of the key"))
            rows.append(
                dict(
                    zip(
                        DICTIONARY_COLUMNS,
                        (spec.path, f.name, f.type, f.required, "; ".join(rules), _(f.description) if f.description else ""),
                    )
                )
            )
    return pd.DataFrame(rows, columns=list(DICTIONARY_COLUMNS))


def source_counts(ds: Dataset) -> pd.DataFrame:
    """Every source cited anywhere in the data, with how many rows of which files cite it."""
    parts = []
    for name, table in ds.tables.items():
        if "source_url" in table:
            parts.append(pd.DataFrame({"source": table["source_url"], "file": f"{name}.csv"}))
    allrows = pd.concat(parts, ignore_index=True)
    out = (
        allrows.groupby("source")
        .agg(rows=("file", "size"), files=("file", lambda s: ", ".join(sorted(set(s)))))
        .reset_index()
        .sort_values(["rows", "source"], ascending=[False, True])
    )
    return out.reset_index(drop=True)
