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
from typing import Any, ClassVar, Self

from cica_dash.data.i18n import N_, _, ngettext
from cica_dash.data.labels import CATEGORY_WORDS, EVENT_TYPE_WORDS, RELATION_LABELS
from cica_dash.data.names import dimension_label
from cica_dash.data.vocabulary import Vocabulary
from cica_dash.url.links import parse_choice, parse_codes, parse_text, parse_year, unknown_params
from cica_dash.url.periods import preset_of, slider_range


@dataclass(frozen=True)
class Param:
    """One query key: how it is read, which state attribute it fills, and how it reads in the
    summary line and in the README's link table. The one declaration of a link parameter."""

    key: str
    attr: str
    kind: str  # codes | year | text | choice
    vocab: Callable[[Vocabulary], Iterable[str]] | None = None
    upper: bool = False
    what: str = "value"
    doc: str = ""  # what the README's link table says of it
    words: Callable[[Any, Vocabulary], str] | None = None  # its part of the summary line


@dataclass(frozen=True)
class Widget:
    """A widget that shows part of a page's state: its session-state key and its value for a
    state. The page reads the widgets back with the state class's ``from_widgets``."""

    key: str
    value: Callable[[Any, Vocabulary], Any]


Query = Mapping[str, Sequence[str]]


class UrlState:
    """Base for the page states: the generic query round trip, the widgets' values and the
    summary line, all from the class's ``PARAMS`` and ``WIDGETS`` declarations."""

    PARAMS: ClassVar[tuple[Param, ...]] = ()
    WIDGETS: ClassVar[tuple[Widget, ...]] = ()
    # the order of the parts of the summary line (attributes); from/to read as one span
    DESCRIBE: ClassVar[tuple[str, ...]] = ()

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
            notices.append(
                _("The years `from={lo}` and `to={hi}` were the wrong way round and have been swapped.").format(lo=lo, hi=hi)
            )
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

    def is_default(self) -> bool:
        return not self.to_query()

    def widget_values(self, vocab: Vocabulary) -> dict[str, Any]:
        """What each of the page's widgets shows for this state (session-state key -> value)."""
        return {w.key: w.value(self, vocab) for w in self.WIDGETS}

    @classmethod
    def from_widgets(cls, values: Mapping[str, Any], vocab: Vocabulary) -> Self:
        """The state the page's widgets show (the inverse of ``widget_values``)."""
        raise NotImplementedError

    def summary_parts(self, vocab: Vocabulary) -> list[str]:
        """The words of the summary line for what is set, in the order of ``DESCRIBE``."""
        by_attr = {p.attr: p for p in self.PARAMS}
        parts = []
        for attr in self.DESCRIBE:
            if attr == "span":
                span = _year_span(getattr(self, "year_from", None), getattr(self, "year_to", None))
                if span:
                    parts.append(span)
                continue
            value = getattr(self, attr)
            p = by_attr[attr]
            if value not in (None, (), "") and p.words is not None:
                parts.append(p.words(value, vocab))
        return parts


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
        return _("from {year}").format(year=lo)
    if hi:
        return _("to {year}").format(year=hi)
    return ""


def _names(codes: Sequence[str], names: Mapping[str, str]) -> str:
    return ", ".join(names.get(c, c) for c in codes)


def _country_words(codes: Sequence[str], v: Vocabulary) -> str:
    return _names(codes, v.countries)


def _optional_year(year: int, v: Vocabulary, last: bool) -> int | None:
    """A slider's year as the state holds it: the slider's end (today) is left out of the link."""
    return None if year == (v.last_year if last else v.first_year) else year


def _year_range(lo: int | None, hi: int | None, v: Vocabulary) -> tuple[int, int]:
    return (lo or v.first_year, hi or v.last_year)


COUNTRY_DOC = "ISO 3166 alpha-3 code, e.g. `KAZ`"
FROM_DOC = "first year"
# the repeatable country filter of the timeline, the matrix and the events page
COUNTRIES = Param(
    "country",
    "country",
    "codes",
    _countries,
    upper=True,
    what=N_("country code"),
    doc="repeatable " + COUNTRY_DOC,
    words=_country_words,
)
TO_DOC = "last year"


@dataclass(frozen=True)
class MapState(UrlState):
    year: int | None = None  # None: as of today

    PARAMS: ClassVar[tuple[Param, ...]] = (Param("year", "year", "year", doc="as of the end of that year"),)
    WIDGETS: ClassVar[tuple[Widget, ...]] = (Widget("map.year", lambda s, v: s.year or v.last_year),)

    @classmethod
    def from_widgets(cls, values: Mapping[str, Any], vocab: Vocabulary) -> MapState:
        return cls(year=_optional_year(values["map.year"], vocab, last=True))


@dataclass(frozen=True)
class CountryState(UrlState):
    country: str | None = None

    PARAMS: ClassVar[tuple[Param, ...]] = (
        Param("country", "country", "choice", _countries, upper=True, what=N_("country code"), doc="one " + COUNTRY_DOC),
    )
    WIDGETS: ClassVar[tuple[Widget, ...]] = (Widget("country.pick", lambda s, v: s.country),)

    @classmethod
    def from_widgets(cls, values: Mapping[str, Any], vocab: Vocabulary) -> CountryState:
        return cls(country=values["country.pick"] or None)


@dataclass(frozen=True)
class TimelineState(UrlState):
    year_from: int | None = None
    year_to: int | None = None
    category: tuple[str, ...] = ()
    country: tuple[str, ...] = ()

    PARAMS: ClassVar[tuple[Param, ...]] = (
        Param("from", "year_from", "year", doc=FROM_DOC),
        Param("to", "year_to", "year", doc=TO_DOC),
        Param(
            "category",
            "category",
            "codes",
            lambda v: v.categories,
            what=N_("category"),
            doc="repeatable milestone category, e.g. `summit`, `ministerial`, `accession`",
            words=lambda value, v: ", ".join(_(CATEGORY_WORDS.get(c, c)) for c in value),
        ),
        COUNTRIES,
    )
    WIDGETS: ClassVar[tuple[Widget, ...]] = (
        Widget("timeline.preset", lambda s, v: preset_of(s.year_from, s.year_to)),
        Widget("timeline.years", lambda s, v: _year_range(s.year_from, s.year_to, v)),
        Widget("timeline.category", lambda s, v: list(s.category)),
        Widget("timeline.country", lambda s, v: list(s.country)),
    )
    DESCRIBE: ClassVar[tuple[str, ...]] = ("category", "country")

    @classmethod
    def from_widgets(cls, values: Mapping[str, Any], vocab: Vocabulary) -> TimelineState:
        # the slider is the view; the radio only moves it (glue/callbacks.py), so a radio that a
        # fast run has not yet updated in the browser cannot change what is shown
        lo, hi = slider_range(tuple(values["timeline.years"]), vocab.first_year, vocab.last_year)
        return cls(
            year_from=lo, year_to=hi, category=tuple(values["timeline.category"]), country=tuple(values["timeline.country"])
        )

    def describe(self, vocab: Vocabulary) -> str:
        span = _year_span(self.year_from, self.year_to) or _("{year}–today").format(year=vocab.first_year)
        return " · ".join([span, *self.summary_parts(vocab)])


ORDERS = ("roles", "name")
MILESTONE_OPTIONS = ("include",)


@dataclass(frozen=True)
class MatrixState(UrlState):
    year: int | None = None
    dimension: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    order: str = "roles"

    PARAMS: ClassVar[tuple[Param, ...]] = (
        Param("year", "year", "year", doc="as of the end of that year"),
        Param(
            "dimension",
            "dimension",
            "codes",
            _dimensions,
            what=N_("dimension"),
            doc="repeatable dimension slug",
            words=lambda value, v: _dimension_words(value, v),
        ),
        COUNTRIES,
        Param("order", "order", "choice", lambda v: ORDERS, doc="states ordered by `roles` (default) or `name`"),
    )
    WIDGETS: ClassVar[tuple[Widget, ...]] = (
        Widget("matrix.year", lambda s, v: s.year or v.last_year),
        Widget("matrix.dimension", lambda s, v: list(s.dimension)),
        Widget("matrix.country", lambda s, v: list(s.country)),
        Widget("matrix.order", lambda s, v: s.order),
    )
    DESCRIBE: ClassVar[tuple[str, ...]] = ("dimension", "country")

    @classmethod
    def from_widgets(cls, values: Mapping[str, Any], vocab: Vocabulary) -> MatrixState:
        return cls(
            year=_optional_year(values["matrix.year"], vocab, last=True),
            dimension=tuple(values["matrix.dimension"]),
            country=tuple(values["matrix.country"]),
            order=values["matrix.order"],
        )

    def describe(self, vocab: Vocabulary) -> str:
        when = _("as of {year}").format(year=self.year) if self.year else _("as of today")
        return " · ".join([when, *self.summary_parts(vocab)])


def _dimension_words(value: Sequence[str], v: Vocabulary) -> str:
    """Dimensions in a summary line: 'economic, new challenges and threats'."""
    return ", ".join(dimension_label(d, v.dimensions).lower() for d in value)


@dataclass(frozen=True)
class EventsState(UrlState):
    country: tuple[str, ...] = ()
    dimension: tuple[str, ...] = ()
    area: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    q: str = ""
    relation: tuple[str, ...] = ()
    milestones: str = ""  # "include": the timeline's milestones beside the events

    PARAMS: ClassVar[tuple[Param, ...]] = (
        dataclasses.replace(COUNTRIES, doc=COUNTRIES.doc + " (host or participant)"),
        Param(
            "dimension",
            "dimension",
            "codes",
            _event_dimensions,
            what=N_("dimension"),
            doc="repeatable dimension slug, or `institutional`",
            words=_dimension_words,
        ),
        Param(
            "area",
            "area",
            "codes",
            lambda v: v.areas,
            what=N_("priority area"),
            doc="repeatable priority-area slug",
            words=lambda value, v: _names(value, v.areas),
        ),
        Param(
            "type",
            "type",
            "codes",
            lambda v: v.event_types,
            what=N_("event type"),
            doc="repeatable event type, e.g. `seminar`",
            words=lambda value, v: ", ".join(_(EVENT_TYPE_WORDS.get(t, t.replace("-", " "))) for t in value),
        ),
        Param("from", "year_from", "year", doc=FROM_DOC),
        Param("to", "year_to", "year", doc=TO_DOC),
        Param(
            "q",
            "q",
            "text",
            doc="text in titles, places and notes",
            words=lambda value, v: _("matching “{text}”").format(text=value),
        ),
        Param(
            "relation",
            "relation",
            "codes",
            lambda v: v.relations,
            what=N_("relation to CICA"),
            doc="repeatable: `organised`, `co-organised` (by CICA), `took-part` (another body's event)",
            words=lambda value, v: ", ".join(_(RELATION_LABELS.get(r, r)) for r in value),
        ),
        Param(
            "milestones",
            "milestones",
            "choice",
            lambda v: MILESTONE_OPTIONS,
            what=N_("milestones option"),
            doc="`include`: the timeline's summits, ministerial meetings, accessions and other milestones beside the events",
        ),
    )
    WIDGETS: ClassVar[tuple[Widget, ...]] = (
        Widget("events.country", lambda s, v: list(s.country)),
        Widget("events.dimension", lambda s, v: list(s.dimension)),
        Widget("events.area", lambda s, v: list(s.area)),
        Widget("events.type", lambda s, v: list(s.type)),
        Widget("events.years", lambda s, v: _year_range(s.year_from, s.year_to, v)),
        Widget("events.q", lambda s, v: s.q),
        Widget("events.relation", lambda s, v: list(s.relation)),
        Widget("events.milestones", lambda s, v: s.milestones == "include"),
    )
    DESCRIBE: ClassVar[tuple[str, ...]] = ("relation", "dimension", "area", "type", "country", "span", "q")

    @classmethod
    def from_widgets(cls, values: Mapping[str, Any], vocab: Vocabulary) -> EventsState:
        dimension = tuple(values["events.dimension"])
        areas = [a for a in values["events.area"] if not dimension or vocab.area_dimension.get(a) in dimension]
        lo, hi = values["events.years"]
        return cls(
            country=tuple(values["events.country"]),
            dimension=dimension,
            area=tuple(areas),
            type=tuple(values["events.type"]),
            year_from=_optional_year(lo, vocab, last=False),
            year_to=_optional_year(hi, vocab, last=True),
            q=str(values["events.q"] or "").strip(),
            relation=tuple(values["events.relation"]),
            milestones="include" if values.get("events.milestones") else "",
        )

    @property
    def with_milestones(self) -> bool:
        """Milestones are shown beside the events when asked for and no filter that only events
        have (dimension, area, type, CICA's part) is set: a summit is of no one dimension."""
        return self.milestones == "include" and not (self.dimension or self.area or self.type or self.relation)

    def describe(self, vocab: Vocabulary, count: int, milestones: int | None = None) -> str:
        what = ngettext("{n} event", "{n} events", count).format(n=count)
        if milestones is not None:
            what = ngettext("{events} and {n} milestone", "{events} and {n} milestones", milestones).format(
                events=what, n=milestones
            )
        return " · ".join([what, *self.summary_parts(vocab)])


# The filter state of each page that has filters; pages not listed take no link parameters.
STATE_BY_PAGE: dict[str, type[UrlState]] = {
    "map": MapState,
    "timeline": TimelineState,
    "matrix": MatrixState,
    "events": EventsState,
    "country": CountryState,
}
