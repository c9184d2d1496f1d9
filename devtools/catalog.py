"""Keep the interface's catalogs in step with the code.

    .venv/bin/python -m devtools.catalog           # extract the words, update every catalog
    .venv/bin/python -m devtools.catalog --check   # exit 1 when a catalog lacks a word or a translation

The words are extracted with Babel (`babel.cfg`: `_`, `ngettext`, `N_` and `count`) into
`cica_dash/locale/cica.pot`; each language's `cica_dash/locale/<lang>/LC_MESSAGES/cica.po` is
updated from it (new words come in untranslated, words the code no longer uses are dropped).
The app compiles a catalog when it first needs it (cica_dash/data/i18n.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from cica_dash.data.i18n import DEFAULT, DOMAIN, LANGUAGES, LOCALE_DIR, catalog_path

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "count": (2, 3), "pgettext": ((1, "c"), 2)}
METHODS = [("app.py", "python"), ("app_pages/**.py", "python"), ("cica_dash/**.py", "python")]


def extracted() -> Catalog:
    """Every word the code marks, from the source as it is now."""
    catalog = Catalog(domain=DOMAIN, project="CICA Dashboard")
    for filename, lineno, message, comments, context in extract_from_dir(ROOT, METHODS, keywords=KEYWORDS):
        catalog.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def problems(template: Catalog) -> list[str]:
    """What the catalogs lack: a word of the code, a translation, a plural form."""
    found = []
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        with catalog_path(lang).open("rb") as f:
            po = read_po(f, locale=lang)
        for message in template:
            if not message.id:
                continue
            have = po.get(message.id, context=message.context)
            if have is None:
                found.append(f"{lang}: not in the catalog: {message.id!r}")
            elif not (all(have.string) if isinstance(have.string, tuple) else have.string):
                found.append(f"{lang}: not translated: {message.id!r}")
        unused = {(m.id, m.context) for m in po if m.id} - {(m.id, m.context) for m in template if m.id}
        found += [f"{lang}: no longer used: {mid!r}" for mid, _context in sorted(unused, key=str)]
    return found


def update() -> None:
    template = extracted()
    LOCALE_DIR.mkdir(exist_ok=True)
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as f:
        write_po(f, template, omit_header=True, no_location=True, sort_output=True)
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        path = catalog_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with path.open("rb") as f:
                po = read_po(f, locale=lang)
        else:
            po = Catalog(locale=lang, domain=DOMAIN, project="CICA Dashboard")
        po.update(template, no_fuzzy_matching=True)
        po.obsolete.clear()
        with path.open("wb") as f:
            write_po(f, po, no_location=True, sort_output=True, width=100)


if __name__ == "__main__":
    if "--check" in sys.argv:
        issues = problems(extracted())
        print("\n".join(issues) or "every catalog is complete")
        sys.exit(1 if issues else 0)
    update()
    print(f"updated {LOCALE_DIR}")
