"""Write the README's table of pages, link parameters and data twins from their declarations.

    .venv/bin/python -m devtools.readme_links          # rewrite the table in README.md
    .venv/bin/python -m devtools.readme_links --check  # exit 1 if it is out of date

The table sits between the two marker lines below; tests/test_readme_links.py checks it."""

from __future__ import annotations

import sys
from pathlib import Path

from cica_dash.glue.api_views import link_table
from cica_dash.url.links import PAGES

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- link table: devtools/readme_links.py -->", "<!-- end of link table -->"


def with_table(text: str) -> str:
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{link_table(PAGES)}\n{END}{tail}"


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = with_table(text)
    if "--check" in sys.argv:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
