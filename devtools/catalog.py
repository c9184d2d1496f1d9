"""Keep the interface's catalogs in step with the code.

    .venv/bin/python -m devtools.catalog           # extract the words, update every catalog
    .venv/bin/python -m devtools.catalog --check   # exit 1 when a catalog lacks a word or a translation

The words are extracted with Babel (`babel.cfg`: `_`, `ngettext`, `N_`, `Nn_`, `Np_`, `pgettext` and `count`) into
`cica_dash/locale/cica.pot`; each language's `cica_dash/locale/<lang>/LC_MESSAGES/cica.po` is
updated from it (new words come in untranslated, words the code no longer uses are dropped).
The app compiles a catalog when it first needs it (cica_dash/data/i18n.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from cica_dash.data.i18n import CASES, DEFAULT, DOMAIN, LANGUAGES, LOCALE_DIR, catalog_path, fields
from cica_dash.data.load import DEFAULT_DATA_DIR, PACKAGE_FILE
from cica_dash.data.schema import read_package, table_specs

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {
    "_": None,
    "N_": None,
    "Nn_": (1, 2),
    "ngettext": (1, 2),
    "count": (2, 3),
    "pgettext": ((1, "c"), 2),
    "Np_": ((1, "c"), 2),
}
METHODS = [("app.py", "python"), ("app_pages/**.py", "python"), ("cica_dash/**.py", "python")]


def package_words() -> list[str]:
    """The data package's column descriptions, read as the data dictionary reads them
    (`export.data_dictionary` shows them in the page's language; the package itself, a data
    file, stays English)."""
    specs = table_specs(read_package(DEFAULT_DATA_DIR / PACKAGE_FILE))
    return [f.description for spec in specs.values() for f in spec.fields if f.description]


def extracted() -> Catalog:
    """Every word the code marks, from the source as it is now, and the data package's descriptions."""
    catalog = Catalog(domain=DOMAIN, project="CICA Dashboard")
    for filename, lineno, message, comments, context in extract_from_dir(ROOT, METHODS, keywords=KEYWORDS):
        catalog.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    for description in package_words():
        catalog.add(description, locations=[("data/datapackage.json", 0)])
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
            else:
                found += placeholder_problems(lang, message.id, have.string)
        unused = {(m.id, m.context) for m in po if m.id} - {(m.id, m.context) for m in template if m.id}
        found += [f"{lang}: no longer used: {mid!r}" for mid, _context in sorted(unused, key=str)]
    return found


def placeholder_problems(lang: str, msgid: str | tuple, msgstr: str | tuple) -> list[str]:
    """A translation may drop a field (Russian's "1 событие" needs no number) or ask a case of
    it ("{date:genitive}"), but not name a field the code does not pass."""
    ids = msgid if isinstance(msgid, tuple) else (msgid,)
    known = {name for i in ids for name, _spec in fields(i)}
    out = []
    for text in msgstr if isinstance(msgstr, tuple) else (msgstr,):
        for name, spec in fields(text):
            if name not in known:
                out.append(f"{lang}: {{{name}}} is not a field of {ids[0]!r}")
            elif spec and spec not in CASES and (name, spec) not in {f for i in ids for f in fields(i)}:
                out.append(f"{lang}: {{{name}:{spec}}} asks an unknown case in {ids[0]!r} (known: {', '.join(CASES)})")
    return out


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
