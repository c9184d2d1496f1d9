"""One small filter state per page, and its round trip to the URL query.

Each state is a frozen dataclass; ``from_query`` reads a query (key -> list of
values) against the vocabulary of the data and returns the state plus the
notices for what it dropped; ``to_query`` writes only what differs from the
defaults, so an unfiltered view has a clean link.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Self

import pandas as pd
import pycountry

from cica_dash.data import Dataset
from cica_dash.links import parse_choice, parse_codes, parse_text, parse_year, unknown_params

FIRST_YEAR = 1992  # the initiative at the UN General Assembly


def country_name(iso3: str) -> str:
    """A readable English name for any ISO3 code (common name where ISO has one)."""
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return iso3
    return getattr(c, "common_name", None) or c.name


@dataclass(frozen=True)
class Vocabulary:
    """What link values can name: the codes and slugs present in the data."""

    countries: Mapping[str, str]  # ISO3 -> name (members, observer states, event hosts)
    dimensions: Mapping[str, str]  # slug -> name, the five Catalogue dimensions
    areas: Mapping[str, str]  # slug -> name
    area_dimension: Mapping[str, str]  # area slug -> dimension slug
    event_types: tuple[str, ...]
    categories: tuple[str, ...]
    first_year: int
    last_year: int

    @classmethod
    def from_dataset(cls, ds: Dataset, today: date | None = None) -> Vocabulary:
        today = today or date.today()
        names: dict[str, str] = {}
        for code in ds.events["host_iso3"].dropna():
            names[code] = country_name(code)
        states = ds.observers[ds.observers["kind"] == "state"].dropna(subset=["iso3"])
        names.update(zip(states["iso3"], states["name"]))
        names.update(zip(ds.members["iso3"], ds.members["name"]))
        spec = next(r for r in ds.package["resources"] if r["name"] == "events")
        types = next(f for f in spec["schema"]["fields"] if f["name"] == "type")["constraints"]["enum"]
        mspec = next(r for r in ds.package["resources"] if r["name"] == "milestones")
        cats = next(f for f in mspec["schema"]["fields"] if f["name"] == "category")["constraints"]["enum"]
        last = max(today.year, int(pd.concat([ds.milestones["date"], ds.events["start_date"]]).max().year))
        return cls(
            countries=dict(sorted(names.items(), key=lambda kv: kv[1])),
            dimensions=dict(zip(ds.dimensions["dimension"], ds.dimensions["name"])),
            areas=dict(zip(ds.priority_areas["area"], ds.priority_areas["name"])),
            area_dimension=dict(zip(ds.priority_areas["area"], ds.priority_areas["dimension"])),
            event_types=tuple(types),
            categories=tuple(cats),
            first_year=FIRST_YEAR,
            last_year=last,
        )


@dataclass(frozen=True)
class Param:
    """How one query key maps to one attribute of a state."""

    key: str
    attr: str
    kind: str  # codes | year | text | choice
    vocab: Callable[[Vocabulary], Iterable[str]] | None = None
    upper: bool = False
    what: str = "value"


Query = Mapping[str, Sequence[str]]


class UrlState:
    """Base for the page states: the generic query round trip."""

    PARAMS: ClassVar[tuple[Param, ...]] = ()

    @classmethod
    def from_query(cls, query: Query, vocab: Vocabulary) -> tuple[Self, list[str]]:
        notices = unknown_params(query, [p.key for p in cls.PARAMS])
        values: dict[str, Any] = {}
        for p in cls.PARAMS:
            raw = [str(v) for v in query.get(p.key, [])]
            if p.kind == "codes":
                got, msgs = parse_codes(p.key, raw, p.vocab(vocab), upper=p.upper, what=p.what)
            elif p.kind == "year":
                got, msgs = parse_year(p.key, raw, vocab.first_year, vocab.last_year)
            elif p.kind == "text":
                got, msgs = parse_text(p.key, raw)
            else:
                got, msgs = parse_choice(p.key, raw, list(p.vocab(vocab)), upper=p.upper, what=p.what)
            notices += msgs
            if got not in (None, (), ""):
                values[p.attr] = got
        lo, hi = values.get("year_from"), values.get("year_to")
        if lo is not None and hi is not None and lo > hi:
            values["year_from"], values["year_to"] = hi, lo
            notices.append(f"The years `from={lo}` and `to={hi}` were the wrong way round and have been swapped.")
        return cls(**values), notices

    def to_query(self) -> dict[str, list[str]]:
        defaults = type(self)()
        out: dict[str, list[str]] = {}
        for p in self.PARAMS:
            value = getattr(self, p.attr)
            if value == getattr(defaults, p.attr) or value in (None, (), ""):
                continue
            out[p.key] = [str(v) for v in value] if isinstance(value, tuple) else [str(value)]
        return out

    def replace(self, **changes: Any) -> Self:
        return dataclasses.replace(self, **changes)


def _countries(v: Vocabulary) -> Iterable[str]:
    return v.countries


def _dimensions(v: Vocabulary) -> Iterable[str]:
    return v.dimensions


def _event_dimensions(v: Vocabulary) -> Iterable[str]:
    return [*v.dimensions, "institutional"]


def _year_span(lo: int | None, hi: int | None) -> str:
    if lo and hi:
        return str(lo) if lo == hi else f"{lo}–{hi}"
    if lo:
        return f"from {lo}"
    if hi:
        return f"to {hi}"
    return ""


def _names(codes: Sequence[str], names: Mapping[str, str]) -> str:
    return ", ".join(names.get(c, c) for c in codes)


@dataclass(frozen=True)
class MapState(UrlState):
    year: int | None = None  # None: as of today

    PARAMS: ClassVar[tuple[Param, ...]] = (Param("year", "year", "year"),)


@dataclass(frozen=True)
class CountryState(UrlState):
    country: str | None = None

    PARAMS: ClassVar[tuple[Param, ...]] = (Param("country", "country", "choice", _countries, upper=True, what="country code"),)


@dataclass(frozen=True)
class TimelineState(UrlState):
    year_from: int | None = None
    year_to: int | None = None
    category: tuple[str, ...] = ()
    country: tuple[str, ...] = ()

    PARAMS: ClassVar[tuple[Param, ...]] = (
        Param("from", "year_from", "year"),
        Param("to", "year_to", "year"),
        Param("category", "category", "codes", lambda v: v.categories, what="category"),
        Param("country", "country", "codes", _countries, upper=True, what="country code"),
    )

    def describe(self, vocab: Vocabulary) -> str:
        parts = [_year_span(self.year_from, self.year_to) or f"{vocab.first_year}–today"]
        if self.category:
            parts.append(", ".join(self.category))
        if self.country:
            parts.append(_names(self.country, vocab.countries))
        return " · ".join(parts)


ORDERS = ("roles", "name")


@dataclass(frozen=True)
class MatrixState(UrlState):
    year: int | None = None
    dimension: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    order: str = "roles"

    PARAMS: ClassVar[tuple[Param, ...]] = (
        Param("year", "year", "year"),
        Param("dimension", "dimension", "codes", _dimensions, what="dimension"),
        Param("country", "country", "codes", _countries, upper=True, what="country code"),
        Param("order", "order", "choice", lambda v: ORDERS),
    )

    def describe(self, vocab: Vocabulary) -> str:
        parts = [f"as of {self.year}" if self.year else "as of today"]
        if self.dimension:
            parts.append(_names(self.dimension, vocab.dimensions))
        if self.country:
            parts.append(_names(self.country, vocab.countries))
        return " · ".join(parts)


@dataclass(frozen=True)
class EventsState(UrlState):
    country: tuple[str, ...] = ()
    dimension: tuple[str, ...] = ()
    area: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    q: str = ""

    PARAMS: ClassVar[tuple[Param, ...]] = (
        Param("country", "country", "codes", _countries, upper=True, what="country code"),
        Param("dimension", "dimension", "codes", _event_dimensions, what="dimension"),
        Param("area", "area", "codes", lambda v: v.areas, what="priority area"),
        Param("type", "type", "codes", lambda v: v.event_types, what="event type"),
        Param("from", "year_from", "year"),
        Param("to", "year_to", "year"),
        Param("q", "q", "text"),
    )

    def describe(self, vocab: Vocabulary, count: int) -> str:
        dims = {**vocab.dimensions, "institutional": "Institutional"}
        parts = [f"{count} event{'s' if count != 1 else ''}"]
        if self.dimension:
            parts.append(", ".join(dims.get(d, d).split(" dimension")[0].lower() for d in self.dimension))
        if self.area:
            parts.append(_names(self.area, vocab.areas))
        if self.type:
            parts.append(", ".join(t.replace("-", " ") for t in self.type))
        if self.country:
            parts.append(_names(self.country, vocab.countries))
        span = _year_span(self.year_from, self.year_to)
        if span:
            parts.append(span)
        if self.q:
            parts.append(f"matching “{self.q}”")
        return " · ".join(parts)
