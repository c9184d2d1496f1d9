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
import re
import string
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.core import negotiate_locale
from babel.dates import get_month_names
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


def from_accept_language(header: str) -> str:
    """The language a browser asks for first among LANGUAGES, by its Accept-Language header
    ("ru-RU,ru;q=0.9,en;q=0.8" gives "ru"; Babel matches "ru-RU" to "ru"); English when it asks
    for none of them. For a visitor who arrives without `lang`: a link's `lang` always wins."""
    asked = []
    for position, part in enumerate(header.split(",")):
        tag, _sep, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if tag and tag != "*" and weight > 0:
            asked.append((-weight, position, tag.replace("-", "_")))
    chosen = negotiate_locale([tag for *_order, tag in sorted(asked)], list(LANGUAGES), sep="_")
    return chosen if chosen in LANGUAGES else DEFAULT


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


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 (gettext's name for it)
    """Mark a word with its plural for the catalog where it is declared; shown with `count`."""
    return singular, plural


def Np_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 (gettext's name for it)
    """Mark a word with its context for the catalog where it is declared; shown with `pgettext`."""
    return context, message


CASES = ("genitive",)  # the grammatical cases a translation may ask of a field: "с {date:genitive}"


@lru_cache(maxsize=len(LANGUAGES) * len(CASES))
def _case_forms(lang: str, case: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Month names that change in `case` (Babel's CLDR data: stand-alone "октябрь", in a phrase
    "октября"); English has none."""
    alone = get_month_names("wide", context="stand-alone", locale=lang)
    governed = get_month_names("wide", context="format", locale=lang)
    forms = {alone[m]: governed[m] for m in alone if alone[m] != governed[m]}
    if not forms:
        return None, {}
    return re.compile(r"\b(" + "|".join(map(re.escape, forms)) + r")\b"), forms


def inflect(text: str, case: str, lang: str | None = None) -> str:
    """`text` with its month names in `case`: after "с" Russian says "с октября 2014 г."."""
    pattern, forms = _case_forms(lang or current(), case)
    return pattern.sub(lambda m: forms[m.group(1)], text) if pattern else text


class _MessageFormatter(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec in CASES:
            return inflect(str(value), format_spec)
        return super().format_field(value, format_spec)


_FORMATTER = _MessageFormatter()


class Message(str):
    """A translated message whose `format` also knows the cases of CASES, so the translation
    decides what its grammar needs ("с {date:genitive}") and the code passes the plain date; and
    a full stop right after a field that ends with one ("1 дек. 2026 г.") is not doubled."""

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        out: list[str] = []
        auto = 0
        for literal, name, spec, conversion in _FORMATTER.parse(self):
            if literal.startswith(".") and out and out[-1].endswith("."):
                literal = literal[1:]
            out.append(literal)
            if name is None:
                continue
            if name == "":
                name, auto = str(auto), auto + 1
            value, _key = _FORMATTER.get_field(name, args, kwargs)
            out.append(_FORMATTER.format_field(_FORMATTER.convert_field(value, conversion), spec or ""))
        return "".join(out)


def _(message: str) -> Message:
    """`message` in the run's language."""
    return Message(translations(current()).gettext(message))


def pgettext(context: str, message: str) -> Message:
    """`message` in the run's language where the same English takes another word in `context`
    (a status in a metric's narrow value, where Russian needs a shorter word)."""
    return Message(translations(current()).pgettext(context, message))


def ngettext(singular: str, plural: str, n: int) -> Message:
    """The form for `n` in the run's language (Russian has three: 1 событие, 2 события, 5 событий)."""
    return Message(translations(current()).ngettext(singular, plural, n))


def number(n: int | float) -> str:
    """A number written as the run's language writes it."""
    return format_decimal(n, locale=current())


def count(n: int, singular: str, plural: str) -> str:
    """'1 event', '5 events'; '1 событие', '5 событий': `singular` and `plural` hold `{n}`."""
    return ngettext(singular, plural, n).format(n=number(n))


def fields(message: str) -> set[tuple[str, str]]:
    """The (field, format spec) pairs of a message's placeholders, for the catalog check."""
    return {(name, spec or "") for _text, name, spec, _conv in string.Formatter().parse(message) if name is not None}
