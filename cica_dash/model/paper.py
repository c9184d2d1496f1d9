"""A country profile on paper, shared by the PDF brief (`brief`) and the page's print copies:
sources numbered in the order the facts cite them, so that a fact's [n] is the n-th entry of the
source list, and every cell as text.

Every word the brief prints is in WORDS: a translation replaces that one dict (the values from
the record, and the periods and dates `membership` writes, stay as the record has them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from cica_dash.model.profile import CountryProfile

WORDS: dict[str, str] = {
    "lang": "en",
    "subtitle": "CICA country brief",
    "status": "Status",
    "member since": "Member since",
    "observer record": "Observer record",
    "chairmanships": "Chairmanships",
    "chairmanships.none": "Has not chaired CICA.",
    "roles": "Coordinator and co-coordinator roles",
    "roles.none": "No coordinator role on record.",
    "meetings": "Summits and ministerial meetings hosted",
    "meetings.none": "No summit or ministerial meeting hosted on record.",
    "events": "Events hosted",
    "events.none": "No event hosted on record.",
    "events.some": "The {shown} most recent of {total} events hosted; the Events page lists them all.",
    "sources": "Sources",
    "sources.none": "No sources.",
    "col.term": "Term",
    "col.dimension": "Dimension",
    "col.area": "Priority area",
    "col.role": "Role",
    "col.period": "Period",
    "col.current": "Current",
    "col.date": "Date",
    "col.meeting": "Meeting",
    "col.place": "Place",
    "col.meeting status": "Status",
    "col.event": "Event",
    "col.type": "Type",
    "col.city": "City",
    "col.source": "Source",
    "yes": "yes",
    "footer": "{link} · data version {version} · made {made}",
    "page": "page {page}/{pages}",
    "status.founding member": "founding member",
    "status.member": "member",
    "status.observer": "observer",
    "status.former observer": "former observer",
    "status.not a member or observer": "not a member or observer",
}


def _key(source: object) -> str:
    # as membership's source list writes a source, so that both name it alike
    return source.strip().rstrip(".,)") if isinstance(source, str) else ""


class SourceNumbers:
    """Sources numbered from 1 in the order they are first cited; a source cited again keeps its number."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def cite(self, source: object) -> str:
        """The mark of one source, "[n]"; empty for a row without one."""
        key = _key(source)
        if not key:
            return ""
        return f"[{self.numbers.setdefault(key, len(self.numbers) + 1)}]"

    def cite_rows(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The frame with its "Source" and "Reference" (a web page or a named document) as one
        "Source" column of marks."""
        link = frame["Source"] if "Source" in frame else pd.Series(None, index=frame.index, dtype=object)
        ref = frame["Reference"] if "Reference" in frame else pd.Series(None, index=frame.index, dtype=object)
        marks = [self.cite(s if isinstance(s, str) and s else r) for s, r in zip(link, ref)]
        return frame.drop(columns=[c for c in ("Source", "Reference") if c in frame]).assign(Source=marks)

    def listed(self) -> list[tuple[int, str]]:
        return [(n, s) for s, n in self.numbers.items()]


def _text(value: object, words: Mapping[str, str]) -> str:
    """A cell as printed: a missing value blank, a true flag in words."""
    if isinstance(value, bool):
        return words["yes"] if value else ""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def printed(frame: pd.DataFrame, words: Mapping[str, str] = WORDS) -> pd.DataFrame:
    """Every cell as the text paper shows."""
    return frame.astype(object).map(lambda v: _text(v, words)) if len(frame) else frame.astype(str)


@dataclass(frozen=True)
class PrintedProfile:
    """The profile page's tables as they print: sources as marks, and the numbered list of every source."""

    tables: dict[str, pd.DataFrame]  # chairmanships, roles, meetings, events, milestones
    sources: pd.DataFrame  # "No.", "Source", "Used for"


def printed_profile(p: CountryProfile) -> PrintedProfile:
    """The page's sections for paper: the status's sources first, then each table's in page
    order, then the sources only the notes name."""
    numbers = SourceNumbers()
    for source in (p.member_source, *p.observer_sources):
        numbers.cite(source)
    names = ("chairmanships", "roles", "meetings", "events", "milestones")
    tables = {name: printed(numbers.cite_rows(getattr(p, name))) for name in names}
    src = p.sources["Source"].where(p.sources["Source"].notna(), p.sources["Reference"])
    for source in src:
        numbers.cite(source)
    used = dict(zip(src.map(_key), p.sources["Used for"]))
    listed = numbers.listed()
    sources = pd.DataFrame(
        {"No.": [f"[{n}]" for n, _ in listed], "Source": [s for _, s in listed], "Used for": [used.get(s, "") for _, s in listed]}
    )
    return PrintedProfile(tables, sources)
