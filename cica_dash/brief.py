"""A country profile on paper: the PDF brief, and the plain tables the page prints instead of its grids.

Both number every source in the order the facts cite it, so a fact's [n] is the n-th entry of the
source list. Every word the brief prints is in WORDS: a translation replaces that one dict (the
values from the record, and the periods and dates `membership` writes, stay as the record has them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd
from fpdf import FPDF, FontFace, XPos, YPos
from fpdf.enums import WrapMode

from cica_dash.dates import format_date
from cica_dash.membership import CountryProfile

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"  # DejaVu Sans: Latin, Cyrillic and more
FONT = "DejaVu"
BRIEF_EVENTS = 10  # the brief lists this many of the most recent events hosted; the Events page has all

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

# a section of the brief: the profile's frame, its title and empty words, and (column, heading, width)
SECTIONS: tuple[tuple[str, str, tuple[tuple[str, str, float], ...]], ...] = (
    ("chairmanships", "chairmanships", (("Term", "col.term", 9), ("Source", "col.source", 1.2))),
    (
        "roles",
        "roles",
        (
            ("Dimension", "col.dimension", 2.6),
            ("Priority area", "col.area", 3.6),
            ("Role", "col.role", 2),
            ("Period", "col.period", 2.8),
            ("Current", "col.current", 1.4),
            ("Source", "col.source", 1.2),
        ),
    ),
    (
        "meetings",
        "meetings",
        (
            ("Date", "col.date", 2.2),
            ("Meeting", "col.meeting", 4.2),
            ("Place", "col.place", 2),
            ("Status", "col.meeting status", 2.4),
            ("Source", "col.source", 1.2),
        ),
    ),
    (
        "events",
        "events",
        (
            ("Date", "col.date", 2.2),
            ("Event", "col.event", 5.6),
            ("Type", "col.type", 1.8),
            ("City", "col.city", 1.6),
            ("Source", "col.source", 1.2),
        ),
    ),
)


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


class _Pdf(FPDF):
    footer_text = ""
    page_words = ""

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(80, 80, 80)
        width = self.epw - 22
        self.multi_cell(width, 3.4, self.footer_text, new_x=XPos.RIGHT, new_y=YPos.TOP, wrapmode=WrapMode.CHAR)
        self.cell(22, 3.4, self.page_words.format(page=self.page_no(), pages="{nb}"), align="R")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font(FONT, "B", 11.5)
    pdf.set_text_color(0, 0, 0)
    pdf.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(0.5)


def _note(pdf: FPDF, text: str) -> None:
    pdf.set_font(FONT, "", 8.5)
    pdf.set_text_color(70, 70, 70)
    pdf.multi_cell(0, 4.2, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)


def _fact(pdf: FPDF, label: str, value: str) -> None:
    pdf.set_font(FONT, "B", 9.5)
    pdf.cell(34, 5, label)
    pdf.set_font(FONT, "", 9.5)
    pdf.multi_cell(0, 5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _table(pdf: FPDF, frame: pd.DataFrame, columns: tuple[tuple[str, str, float], ...], words: Mapping[str, str]) -> None:
    pdf.set_font(FONT, "", 8.5)
    cells = printed(frame, words)
    with pdf.table(
        col_widths=tuple(w for _, _, w in columns),
        line_height=4.4,
        text_align="LEFT",
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 238, 242)),
        borders_layout="HORIZONTAL_LINES",
        padding=(0.8, 1),
        repeat_headings=1,
        wrapmode=WrapMode.WORD,
    ) as table:
        table.row([words[h] for _, h, _ in columns])
        for _, r in cells.iterrows():
            table.row([r.get(c, "") for c, _, _ in columns])


def country_brief_pdf(profile: CountryProfile, *, link: str, version: str, made: date, words: Mapping[str, str] = WORDS) -> bytes:
    """The brief of one state as PDF bytes: status and dates, chairmanships, roles, meetings and the
    most recent events hosted, each fact marked with its numbered source, the sources in full at the
    end, and on every page the view's link, the data version, the date made and the page number."""
    p = profile
    pdf = _Pdf(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_lang(words["lang"])
    pdf.set_title(f"{p.name}: {words['subtitle']}")
    pdf.set_creator("CICA Dashboard")
    pdf.set_creation_date(datetime.combine(made, time()).astimezone())
    pdf.footer_text = words["footer"].format(link=link, version=version, made=format_date(pd.Timestamp(made), "day"))
    pdf.page_words = words["page"]
    pdf.add_page()

    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(0, 9, p.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 11)
    pdf.set_text_color(70, 70, 70)
    pdf.cell(0, 6, words["subtitle"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)

    numbers = SourceNumbers()
    status = words.get(f"status.{p.status}", p.status).capitalize()
    if p.member_source or not p.observer_sources:
        _fact(pdf, words["status"], f"{status} {numbers.cite(p.member_source)}".strip())
    else:  # an observer's standing rests on its listings
        _fact(pdf, words["status"], f"{status} {' '.join(numbers.cite(s) for s in p.observer_sources)}".strip())
    if p.member_since:
        _fact(pdf, words["member since"], f"{p.member_since} {numbers.cite(p.member_source)}".strip())
    for i, (listing, source) in enumerate(zip(p.observer, p.observer_sources)):
        _fact(pdf, words["observer record"] if i == 0 else "", f"{listing} {numbers.cite(source)}".strip())

    for name, title, columns in SECTIONS:
        frame = getattr(p, name)
        if name == "events":
            frame = frame.tail(BRIEF_EVENTS)
        _heading(pdf, words[title])
        if frame.empty:
            _note(pdf, words[f"{title}.none"])
            continue
        _table(pdf, numbers.cite_rows(frame), columns, words)
        if name == "events" and p.events_total > len(frame):
            pdf.ln(1)
            _note(pdf, words["events.some"].format(shown=len(frame), total=p.events_total))

    _heading(pdf, words["sources"])
    listed = numbers.listed()
    if not listed:
        _note(pdf, words["sources.none"])
    pdf.set_font(FONT, "", 8.5)
    for n, source in listed:
        pdf.cell(10, 4.4, f"[{n}]")
        is_url = source.startswith(("http://", "https://"))
        pdf.multi_cell(
            0,
            4.4,
            source,
            link=source if is_url else "",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=WrapMode.CHAR if is_url else WrapMode.WORD,
        )
    return bytes(pdf.output())
