"""The interface's languages, with the libraries made for them: gettext catalogs for words
(`cica_dash/locale/<lang>/LC_MESSAGES/cica.po`, compiled by Babel when first used), Babel for
plural forms and numbers, pycountry's own catalogs for country names (`names.py`).

A script run sets its language once (the glue, from the link's `lang`); every function below
reads it from here, so the model and the figures take no language argument. A cached function
whose result holds words takes the language as an argument of its own, so that its cache keeps
one copy per language (`glue/cached.py`).

Adding a language: a catalog (`pybabel init -D cica -i cica_dash/locale/cica.pot -d
cica_dash/locale -l zh`), its translations, its entry in LANGUAGES, and the data's name columns
(`name_zh` beside `name_ru`); docs/architecture.md has the steps.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский"}  # code -> the language's own name
DEFAULT = "en"
DOMAIN = "cica"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"

_language: ContextVar[str] = ContextVar("cica_language", default=DEFAULT)


def current() -> str:
    """The language of this script run (English unless the glue set another)."""
    return _language.get()


def set_language(lang: str) -> None:
    """Make `lang` the language of the rest of this run (an unknown code gives English)."""
    _language.set(lang if lang in LANGUAGES else DEFAULT)


@contextmanager
def using(lang: str) -> Iterator[None]:
    """`lang` for the block only (a cached function's body, a test)."""
    token = _language.set(lang if lang in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _language.reset(token)


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (English is the source language: no catalog)."""
    if lang == DEFAULT or lang not in LANGUAGES:
        return gettext.NullTranslations()
    with catalog_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def N_(message: str) -> str:
    """Mark a word for the catalog where it is declared (a page title in the registry); it is
    translated where it is shown, with `_`."""
    return message


def _(message: str) -> str:
    """`message` in the run's language."""
    return translations(current()).gettext(message)


def pgettext(context: str, message: str) -> str:
    """`message` in the run's language where the same English takes another word in `context`
    (a status in a metric's narrow value, where Russian needs a shorter word)."""
    return translations(current()).pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` in the run's language (Russian has three: 1 событие, 2 события, 5 событий)."""
    return translations(current()).ngettext(singular, plural, n)


def number(n: int | float) -> str:
    """A number written as the run's language writes it."""
    return format_decimal(n, locale=current())


def count(n: int, singular: str, plural: str) -> str:
    """'1 event', '5 events'; '1 событие', '5 событий': `singular` and `plural` hold `{n}`."""
    return ngettext(singular, plural, n).format(n=number(n))
