"""A country profile on paper, shared by the PDF brief (`brief`) and the page's print copies:
sources numbered in the order the facts cite them, so that a fact's [n] is the n-th entry of the
source list, and every cell as text.

Every word the brief prints is in WORDS, marked for the catalogs: `words()` gives them in the run's
language (the values from the record stay as the record has them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from cica_dash.data.i18n import N_, _, current
from cica_dash.model.profile import CountryProfile

WORDS: dict[str, str] = {
    "subtitle": N_("CICA country brief"),
    "status": N_("Status"),
    "member since": N_("Member since"),
    "observer record": N_("Observer record"),
    "chairmanships": N_("Chairmanships"),
    "chairmanships.none": N_("Has not chaired CICA."),
    "roles": N_("Coordinator and co-coordinator roles"),
    "roles.none": N_("No coordinator role on record."),
    "meetings": N_("Summits and ministerial meetings hosted"),
    "meetings.none": N_("No summit or ministerial meeting hosted on record."),
    "events": N_("Events hosted"),
    "events.none": N_("No event hosted on record."),
    "events.some": N_("The {shown} most recent of {total} events hosted; the Events page lists them all."),
    "sources": N_("Sources"),
    "sources.none": N_("No sources."),
    "col.term": N_("Term"),
    "col.dimension": N_("Dimension"),
    "col.area": N_("Priority area"),
    "col.role": N_("Role"),
    "col.period": N_("Period"),
    "col.current": N_("Current"),
    "col.date": N_("Date"),
    "col.meeting": N_("Meeting"),
    "col.place": N_("Place"),
    "col.meeting status": N_("Status"),
    "col.event": N_("Event"),
    "col.type": N_("Type"),
    "col.city": N_("City"),
    "col.source": N_("Source"),
    "yes": N_("yes"),
    "footer": N_("{link} · data version {version} · made {made}"),
    "page": N_("page {page}/{pages}"),
    "status.founding member": N_("founding member"),
    "status.member": N_("member"),
    "status.observer": N_("observer"),
    "status.former observer": N_("former observer"),
    "status.not a member or observer": N_("not a member or observer"),
}


def words() -> dict[str, str]:
    """WORDS in the run's language, with its code under "lang" (the PDF's language)."""
    return {"lang": current(), **{key: _(text) for key, text in WORDS.items()}}


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


def printed(frame: pd.DataFrame, words: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Every cell as the text paper shows."""
    w = words or {"yes": _(WORDS["yes"])}
    return frame.astype(object).map(lambda v: _text(v, w)) if len(frame) else frame.astype(str)


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
        {
            N_("No."): [f"[{n}]" for n, _s in listed],
            N_("Source"): [s for _n, s in listed],
            N_("Used for"): [used.get(s, "") for _n, s in listed],
        }
    )
    return PrintedProfile(tables, sources)
