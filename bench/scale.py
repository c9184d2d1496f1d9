"""Make a copy of the data folder whose events record is N times larger (synthetic rows, made at
run time in a temporary folder; nothing is written into data/)."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from cica_dash.data.load import DEFAULT_DATA_DIR


def scaled_copy(factor: int, target: Path | None = None, seed: int = 7) -> Path:
    """Copy data/ to `target` (a new temp dir by default) with events repeated `factor` times.

    Each copy shifts the dates by a random number of days within the record's span and gets a
    new id, so filters, charts and maps see realistic variety rather than exact duplicates."""
    target = Path(target or tempfile.mkdtemp(prefix=f"cica-x{factor}-"))
    target.mkdir(parents=True, exist_ok=True)
    for f in DEFAULT_DATA_DIR.iterdir():
        if f.suffix in {".csv", ".json"}:
            shutil.copy(f, target / f.name)
    events = pd.read_csv(DEFAULT_DATA_DIR / "events.csv", dtype=str, keep_default_na=False)
    rng = np.random.default_rng(seed)
    parts = [events]
    for i in range(1, factor):
        copy = events.copy()
        shift = pd.to_timedelta(rng.integers(-2000, 400, len(copy)), unit="D")
        start = pd.to_datetime(copy["start_date"]) + shift
        start = start.clip(pd.Timestamp("1993-01-01"), pd.Timestamp("2026-10-31"))
        precision = copy["date_precision"]
        start = start.where(precision.eq("day"), start.dt.to_period("M").dt.start_time)
        start = start.where(~precision.eq("year"), start.dt.to_period("Y").dt.start_time)
        end = pd.to_datetime(copy["end_date"].replace("", None))
        length = end - pd.to_datetime(copy["start_date"])
        new_end = (start + length).dt.strftime("%Y-%m-%d").where(end.notna(), "")
        copy["start_date"] = start.dt.strftime("%Y-%m-%d")
        copy["end_date"] = new_end
        copy["event_id"] = "ev-" + start.dt.strftime("%Y%m%d") + f"-synthetic-{i}-" + pd.Series(range(len(copy))).astype(str)
        parts.append(copy)
    pd.concat(parts, ignore_index=True).to_csv(target / "events.csv", index=False)
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factor", type=int, default=100)
    args = parser.parse_args()
    print(scaled_copy(args.factor))
