"""The chairmanship: each chairing state's terms, and the hand-overs from one chair to the next."""

from __future__ import annotations

import pandas as pd

from cica_dash.data.dates import format_date, format_span
from cica_dash.data.i18n import _
from cica_dash.data.load import Dataset
from cica_dash.data.names import country_label
from cica_dash.model.membership import state_names


def chair_handovers(ds: Dataset) -> pd.DataFrame:
    """Consecutive chairmanships as hand-overs (from one chair to the next, on the date the next began)."""
    ch = ds.chairmanships.sort_values("start_date").reset_index(drop=True)
    names = state_names(ds)
    rows = []
    for prev, nxt in zip(ch.iloc[:-1].itertuples(), ch.iloc[1:].itertuples()):
        when = format_date(nxt.start_date, nxt.start_precision)
        rows.append(
            {
                "from_iso3": prev.iso3,
                "to_iso3": nxt.iso3,
                "from_name": country_label(prev.iso3, names.get(prev.iso3, "")),
                "to_name": country_label(nxt.iso3, names.get(nxt.iso3, "")),
                "date": nxt.start_date,
                "date_text": when,
                "source_url": nxt.source_url,
                "tooltip": _("Chair handed over: {a} → {b}, {date}").format(
                    a=country_label(prev.iso3, names.get(prev.iso3, "")),
                    b=country_label(nxt.iso3, names.get(nxt.iso3, "")),
                    date=when,
                ),
            }
        )
    return pd.DataFrame(
        rows, columns=["from_iso3", "to_iso3", "from_name", "to_name", "date", "date_text", "source_url", "tooltip"]
    )


def chair_terms(ds: Dataset) -> pd.DataFrame:
    """Each chairing state with all its terms as text, for the capitals layer."""
    names = state_names(ds)
    rows = []
    ch = ds.chairmanships.sort_values("start_date")
    for iso, g in ch.groupby("iso3", sort=False):
        spans = "; ".join(chair_span(r) for _row, r in g.iterrows())
        name = country_label(iso, names.get(iso, ""))
        rows.append(
            {"iso3": iso, "name": name, "terms": spans, "tooltip": _("{name} chaired {terms}").format(name=name, terms=spans)}
        )
    return pd.DataFrame(rows, columns=["iso3", "name", "terms", "tooltip"])


def chair_span(row: pd.Series) -> str:
    start = format_date(row["start_date"], row["start_precision"])
    if pd.isna(row["end_date"]):
        return _("{start} – present").format(start=start)
    if row["start_precision"] == row["end_precision"]:
        return format_span(row["start_date"], row["end_date"], row["start_precision"])
    return f"{start} – {format_date(row['end_date'], row['end_precision'])}"
