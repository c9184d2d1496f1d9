"""Names for codes: one home for how a country, a dimension and its priority areas are called
wherever a reader looks (codes stay in links, the API and the downloads)."""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

import pycountry

from cica_dash.data import i18n

if TYPE_CHECKING:
    import pandas as pd

INSTITUTIONAL = "institutional"  # events of CICA's own bodies, outside the five dimensions


def country_name(iso3: str) -> str:
    """A readable English name for any ISO3 code (common name where ISO has one)."""
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return iso3
    return getattr(c, "common_name", None) or c.name


# The forum's usual short names where ISO's name in a language differs (CICA's Russian pages write
# "Россия" and "Кыргызстан"); one table for every language but English, whose names are the record's.
SHORT_NAMES: dict[str, dict[str, str]] = {
    "ru": {"RUS": "Россия", "KGZ": "Кыргызстан", "LAO": "Лаос", "USA": "США"},
}


@lru_cache(maxsize=8)
def _iso_catalog(lang: str) -> gettext.NullTranslations:
    """pycountry's own translations of ISO 3166 names."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def country_label(iso3: str, recorded: str = "") -> str:
    """A state's name in the run's language: in English the record's own (`recorded`), in
    another language the forum's short name or ISO's name in that language."""
    lang = i18n.current()
    if lang == i18n.DEFAULT:
        return recorded or country_name(iso3)
    if iso3 in SHORT_NAMES.get(lang, {}):
        return SHORT_NAMES[lang][iso3]
    c = pycountry.countries.get(alpha_3=iso3)
    return _iso_catalog(lang).gettext(c.name) if c is not None else recorded or iso3


def localized(frame: pd.DataFrame, column: str) -> pd.Series:
    """A name column in the run's language: `<column>_<lang>` where the data gives it (the
    Russian names of dimensions and areas, each with its source), else the record's English."""
    lang = i18n.current()
    own = f"{column}_{lang}"
    if lang == i18n.DEFAULT or own not in frame.columns:
        return frame[column]
    given = frame[own].fillna("").astype(str).str.strip()
    return given.where(given.ne(""), frame[column])


def short_dimension(name: str) -> str:
    """A dimension's one name on every page: 'Economic dimension' -> 'Economic', 'Fight against
    new challenges and threats' -> 'New challenges and threats'."""
    short = name.removesuffix(" dimension").removeprefix("Fight against ").removesuffix(" измерение")
    if short == "Борьба с новыми вызовами и угрозами":  # the short form CICA's Executive Director uses
        short = "новые вызовы и угрозы"
    return short[:1].upper() + short[1:]


def dimension_label(slug: str, dimensions: Mapping[str, str]) -> str:
    """The name of a dimension slug (`dimensions`: slug -> the data's full name), or
    'Institutional' for CICA's own bodies."""
    if slug == INSTITUTIONAL:
        return i18n._("Institutional")
    return short_dimension(dimensions.get(slug, slug))
