"""Names for codes: one home for how a country, a dimension and its priority areas are called
wherever a reader looks (codes stay in links, the API and the downloads)."""

from __future__ import annotations

from collections.abc import Mapping

import pycountry

INSTITUTIONAL = "institutional"  # events of CICA's own bodies, outside the five dimensions


def country_name(iso3: str) -> str:
    """A readable English name for any ISO3 code (common name where ISO has one)."""
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return iso3
    return getattr(c, "common_name", None) or c.name


def short_dimension(name: str) -> str:
    """A dimension's one name on every page: 'Economic dimension' -> 'Economic', 'Fight against
    new challenges and threats' -> 'New challenges and threats'."""
    short = name.removesuffix(" dimension").removeprefix("Fight against ")
    return short[:1].upper() + short[1:]


def dimension_label(slug: str, dimensions: Mapping[str, str]) -> str:
    """The name of a dimension slug (`dimensions`: slug -> the data's full name), or
    'Institutional' for CICA's own bodies."""
    if slug == INSTITUTIONAL:
        return "Institutional"
    return short_dimension(dimensions.get(slug, slug))
