"""Write the data version into datapackage.json after the files change, so the package names the
same version a citation does (`Dataset.version`: the as-of date and a hash of the files).

    .venv/bin/python -m devtools.data_version                 # set x-content-hash
    .venv/bin/python -m devtools.data_version --accessed DATE # and x-accessed (YYYY-MM-DD)
    .venv/bin/python -m devtools.data_version --check         # exit 1 if it is out of date

tests/test_record.py checks that the shipped package is up to date."""

from __future__ import annotations

import argparse
import json
from datetime import date

from cica_dash.data.load import DEFAULT_DATA_DIR, PACKAGE_FILE, load_dataset

HASH_KEY = "x-content-hash"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--accessed", type=date.fromisoformat)
    args = parser.parse_args(argv)
    path = DEFAULT_DATA_DIR / PACKAGE_FILE
    package = json.loads(path.read_text(encoding="utf-8"))
    ds = load_dataset(DEFAULT_DATA_DIR)
    wanted = dict(package)
    wanted[HASH_KEY] = f"sha256:{ds.content_hash}"
    if args.accessed:
        wanted["x-accessed"] = args.accessed.isoformat()
    if args.check:
        return 0 if wanted == package else 1
    path.write_text(json.dumps(wanted, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{PACKAGE_FILE}: {HASH_KEY} = {wanted[HASH_KEY][:15]}…, x-accessed = {wanted.get('x-accessed')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
