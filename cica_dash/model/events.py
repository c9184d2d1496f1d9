"""Filtering and summarising the events record: all vectorised, so 100x the rows costs little more."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import pandas as pd

from cica_dash.data import names
from cica_dash.data.dates import format_spans
from cica_dash.data.export import to_csv
from cica_dash.data.i18n import N_, _, count
from cica_dash.data.labels import EVENT_TYPE_WORDS, OWN_RELATIONS, RELATION_COUNTS, RELATION_LABELS, STATUS_OF_MEETING
from cica_dash.data.sources import source_columns
from cica_dash.data.vocabulary import Vocabulary

DIMENSION_ORDER = ["military-political", "new-challenges", "economic", "environmental", "human", "institutional"]


def dimension_label(slug: str, vocab: Vocabulary) -> str:
    """Short label for a dimension: 'Economic', 'New challenges and threats', 'Institutional'."""
    return names.dimension_label(slug, vocab.dimensions)


def held_online(events: pd.DataFrame) -> pd.Series:
    """Events a source says were held online (or hybrid); an empty `online` cell is unknown."""
    return events["online"].fillna(False).astype(bool)


class EventFilters(Protocol):
    """What the events can be filtered by (the events page's link state has these fields; the
    model needs only the values, not the link)."""

    country: Sequence[str]
    dimension: Sequence[str]
    area: Sequence[str]
    type: Sequence[str]
    year_from: int | None
    year_to: int | None
    q: str
    relation: Sequence[str]


def type_word(code: str) -> str:
    """An event type code as a label in the run's language: 'business-forum' -> 'Business forum'."""
    word = _(EVENT_TYPE_WORDS[code]) if code in EVENT_TYPE_WORDS else code.replace("-", " ")
    return word[:1].upper() + word[1:]


def search_text(events: pd.DataFrame) -> pd.Series:
    """What the text search reads: the title (and its Russian title where a source gives one),
    the city, the notes, and the host state's name in the run's language ("Таиланд" finds the
    events Thailand hosted)."""
    host = events["host_iso3"].fillna("")
    codes = host[host.ne("")].unique()
    host_names = host.map({c: names.country_label(c) for c in codes}).fillna("")
    parts = [events["title"], events.get("title_ru"), events["city"], events["notes"], host_names]
    text = pd.Series("", index=events.index, dtype=object)
    for part in parts:
        if part is not None:
            text = text + " " + part.fillna("").astype(str)
    return text


def filter_events(events: pd.DataFrame, state: EventFilters) -> pd.DataFrame:
    """The rows a state selects. A country matches as host or as a named participant;
    years match on the start date; text matches title, city, notes and the host's name
    (`search_text`, case-insensitive)."""
    keep = pd.Series(True, index=events.index)
    if state.country:
        host = events["host_iso3"].isin(state.country)
        pattern = "|".join(re.escape(c) for c in state.country)
        part = events["participants"].str.contains(pattern, regex=True, na=False)
        keep &= host | part
    if state.dimension:
        keep &= events["dimension"].isin(state.dimension)
    if state.area:
        keep &= events["area"].isin(state.area)
    if state.type:
        keep &= events["type"].isin(state.type)
    year = events["start_date"].dt.year
    if state.year_from is not None:
        keep &= year >= state.year_from
    if state.year_to is not None:
        keep &= year <= state.year_to
    if state.relation:
        keep &= events["relation"].isin(state.relation)
    if state.q:
        keep &= search_text(events).str.contains(state.q, case=False, regex=False)
    return events[keep]


THIN_BEFORE = 2008  # the record is thin before this year (data/gaps.csv)


def reaches_thin_years(state: EventFilters) -> bool:
    """Whether a filter on the years reaches back before THIN_BEFORE (the default view is not a filter)."""
    lo, hi = state.year_from, state.year_to
    return (lo is not None and lo < THIN_BEFORE) or (lo is None and hi is not None and hi < THIN_BEFORE)


def relation_line(events: pd.DataFrame) -> str:
    """Which kinds of event a selection holds: "Of these, 20 organised by CICA, 3 …"."""
    counts = events["relation"].value_counts()
    parts = [count(int(counts[r]), *RELATION_COUNTS[r]) for r in RELATION_COUNTS if counts.get(r, 0)]
    return _("Of these: {parts}.").format(parts="; ".join(parts)) if parts else ""


def per_year(events: pd.DataFrame) -> pd.DataFrame:
    """Count of events per (year, dimension, CICA's own or not), zero-filled over the years shown.
    `own`: CICA organised or co-organised it; otherwise it took part in another body's event."""
    if events.empty:
        return pd.DataFrame(columns=["year", "dimension", "own", "events"])
    own = events["relation"].isin(OWN_RELATIONS).rename("own")
    counts = events.groupby([events["start_date"].dt.year.rename("year"), "dimension", own]).size()
    years = range(int(counts.index.get_level_values(0).min()), int(counts.index.get_level_values(0).max()) + 1)
    dims = [d for d in DIMENSION_ORDER if d in set(counts.index.get_level_values(1))]
    index = pd.MultiIndex.from_product([years, dims, [True, False]], names=["year", "dimension", "own"])
    return counts.reindex(index, fill_value=0).rename("events").reset_index()


def places(events: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """One point per place: how many events, of which dimensions; coloured by the commonest
    (ties go to the dimension listed first), with how many are CICA's own. Online events and events without a city are left
    out (counted apart by the page)."""
    located = events[events["lat"].notna() & events["lon"].notna() & ~held_online(events)]
    if located.empty:
        return pd.DataFrame(columns=["city", "lat", "lon", "events", "dimension", "own", "label"])
    # a place x dimension table of counts from integer codes: one pass over the events, then
    # work per place (a few dozen), not per event
    by_place = located.groupby(["city", "lat", "lon"], sort=True)
    place = by_place.ngroup().to_numpy()
    dim = pd.Categorical(located["dimension"], categories=DIMENSION_ORDER).codes
    n_dims = len(DIMENSION_ORDER)
    counts = np.bincount(place * n_dims + dim, minlength=by_place.ngroups * n_dims).reshape(-1, n_dims)
    # each place's dimensions, most events first, ties in DIMENSION_ORDER (a stable sort)
    order = np.argsort(-counts, axis=1, kind="stable")
    labels = [dimension_label(d, vocab) for d in DIMENSION_ORDER]
    out = by_place.size().rename("events").reset_index()
    out["dimension"] = [DIMENSION_ORDER[i] for i in order[:, 0]]
    out["label"] = [", ".join(f"{labels[d]} {row[d]}" for d in dims if row[d]) for row, dims in zip(counts, order)]
    # CICA's own events at a place; a place with none (only others' events CICA took part in) is pale
    own = located["relation"].isin(OWN_RELATIONS).groupby([located["city"], located["lat"], located["lon"]], sort=True).sum()
    out["own"] = own.to_numpy()
    took_part = out["events"] - out["own"]
    took_words = _("{n} where CICA took part")
    took = [took_words.format(n=int(t)) if t else "" for t in took_part]
    out["label"] = [label + (f"; {t}" if t else "") for label, t in zip(out["label"], took)]
    return out


TABLE_COLUMNS = [
    N_("Date"), "sort_date", N_("Event"), N_("Type"), N_("CICA's part"), N_("Dimension"), N_("Priority area"), N_("Host"),
    N_("Place"), N_("Status"), N_("Source"), N_("Reference"), N_("Notes"),
]  # fmt: skip


def table(events: pd.DataFrame, vocab: Vocabulary, limit: int | None = None) -> pd.DataFrame:
    """The rows as a person reads them, most recent first: dates at their precision, names
    instead of codes. With `limit`, only that many rows are formatted (a page of the table)."""
    if events.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    events = events.sort_values("start_date", ascending=False, kind="stable")
    if limit is not None:
        events = events.head(limit)
    dates = format_spans(events["start_date"], events["end_date"], events["date_precision"])
    place = events["city"].fillna("")
    online, in_brackets = _("online"), _("(online)")
    place = place.where(~held_online(events), place.map(lambda city: f"{city} {in_brackets}" if city else online))
    return pd.DataFrame(
        {
            "Date": dates,
            "sort_date": events["start_date"],
            "Event": names.localized(events, "title"),  # its Russian title where a source gives one
            "Type": events["type"].map(type_word),
            "CICA's part": events["relation"].map({k: _(v) for k, v in RELATION_LABELS.items()}),
            "Dimension": events["dimension"].map(lambda d: dimension_label(d, vocab)),
            "Priority area": events["area"].map(vocab.areas).fillna(""),
            "Host": events["host_iso3"].map(vocab.countries).fillna(""),
            "Place": place,
            "Status": events["status"].map(lambda s: _(STATUS_OF_MEETING.get(s, s))),
            **source_columns(events["source_url"]),
            "Notes": events["notes"].fillna(""),
        },
        index=events.index,
    )


def table_page(readable: pd.DataFrame, index: pd.Index, limit: int | None = None) -> pd.DataFrame:
    """The rows of `index` from a `table` of the whole record (formatted once, shared), most
    recent first, at most `limit` of them: the same as `table(events.loc[index], ...)`."""
    rows = readable.loc[readable.index.intersection(index)]
    rows = rows.sort_values("sort_date", ascending=False, kind="stable")
    return rows if limit is None else rows.head(limit)


def export_rows(events: pd.DataFrame) -> pd.DataFrame:
    """The filtered rows with the record's own columns, as a download."""
    return events.sort_values(["start_date", "event_id"])


def filtered_csv(events: pd.DataFrame, state: EventFilters) -> bytes:
    """The CSV download of a filtered view, made when someone clicks: the button keeps only the
    shared record and the filters, not the filtered rows, between runs."""
    return to_csv(export_rows(filter_events(events, state)))
