"""The country brief: one state's profile as a one- or two-page PDF, made on the server with fpdf2
in DejaVu Sans (shipped in static/fonts/: Latin and Cyrillic), each fact with its numbered source
(`paper`), whose words it prints (`paper.words()`, in the run's language)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd
from fpdf import FPDF, FontFace, XPos, YPos
from fpdf import encryption as _fpdf_encryption
from fpdf.enums import WrapMode

from cica_dash.data.dates import format_date
from cica_dash.model.paper import SourceNumbers, printed
from cica_dash.model.paper import words as brief_words
from cica_dash.model.profile import CountryProfile

# fpdf2 keeps the ImportError of its optional `cryptography` (encrypted PDFs, unused here), and with
# its traceback the frames of whatever imported fpdf first: a page script's whole namespace, for
# the life of the process (tests/test_session_memory.py). The error's message is all fpdf2 uses.
if _fpdf_encryption.import_error is not None:
    _fpdf_encryption.import_error.__traceback__ = None

FONTS = Path(__file__).resolve().parents[2] / "static" / "fonts"  # DejaVu Sans: Latin, Cyrillic and more
FONT = "DejaVu"
BRIEF_EVENTS = 10  # the brief lists this many of the most recent events hosted; the Events page has all

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


def country_brief_pdf(
    profile: CountryProfile, *, link: str, version: str, made: date, words: Mapping[str, str] | None = None
) -> bytes:
    """The brief of one state as PDF bytes: status and dates, chairmanships, roles, meetings and the
    most recent events hosted, each fact marked with its numbered source, the sources in full at the
    end, and on every page the view's link, the data version, the date made and the page number."""
    words = words or brief_words()
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
