"""One palette for the whole app, chosen for colour-vision deficiency (Okabe–Ito), checked in
greyscale and against both of Streamlit's backgrounds. Every colour a chart uses comes from here.

Status and role colours differ in lightness, not hue alone, so they read in greyscale. Text in
figures is left to Streamlit's theme (light or dark) unless it sits on a fill of its own.
tests/test_palette.py checks every pair that is drawn together (WCAG 2.x contrast).
"""

from __future__ import annotations

# Streamlit's two page backgrounds: figures must read on both
BACKGROUNDS: dict[str, str] = {"light": "#FFFFFF", "dark": "#0E1117"}
GRAPHIC_CONTRAST = 3.0  # WCAG 2.x 1.4.11, non-text contrast
TEXT_CONTRAST = 4.5  # WCAG 2.x 1.4.3, normal text

# Okabe & Ito (2008), "Color Universal Design"
DIMENSION_COLOURS: dict[str, str] = {
    "military-political": "#0072B2",  # blue
    "new-challenges": "#D55E00",  # vermillion
    "economic": "#E69F00",  # orange
    "environmental": "#009E73",  # bluish green
    "human": "#CC79A7",  # reddish purple
    "institutional": "#555555",  # dark grey: outside the five dimensions
}

# darkest = most involved: founding member < member < observer < former observer (greyscale
# order), and members blue, observers orange (Okabe-Ito's pair that every colour vision tells
# apart): founding and later members differ in lightness, observers and former ones too
STATUS_COLOURS: dict[str, str] = {
    "founding member": "#003F63",
    "member": "#0072B2",
    "observer": "#F5C77E",
    "former observer": "#F8E3C0",
}

ROLE_COLOURS: dict[str, str] = {
    "coordinator": "#003F63",  # dark
    "co-coordinator": "#56B4E9",  # light
    "not on record": "rgba(128,128,128,0.15)",  # a faint neutral cell: looks empty on either theme
}

TIMELINE_COLOURS: dict[str, str] = {
    "initiative": "#000000",
    "summit": "#0072B2",
    "ministerial": "#56B4E9",
    "chairmanship": "#E69F00",
    "accession": "#009E73",
    "document": "#D55E00",
    "institution": "#CC79A7",
    "anniversary": "#999999",
    "partnership": "#F0E442",
}

EDGE = "#767676"  # neutral outline and rule: >= 4:1 on both backgrounds
ACCENT = "#0072B2"  # a line drawn straight on the page background (>= 3:1 on both)
GAP = "#FFFFFF"  # the thin border that separates touching shapes (countries, chairmanship bars)
INK = "#1A1A1A"  # text on a light fill of its own (bar labels, map labels on a label box)
LABEL_BOX = "#FFFFFF"  # the box behind map labels, so they read on any background
TRANSPARENT = "rgba(0,0,0,0)"

# plotly geo (every map)
LAND = "#F2F2F2"
COUNTRY_BORDER = "#BBBBBB"
COASTLINE = "#999999"


def hex_to_rgb(colour: str) -> list[int]:
    """'#RRGGBB' as [r, g, b]."""
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)]


def rgba(colour: str, alpha: float) -> str:
    """'#RRGGBB' with an opacity, as a CSS colour for plotly."""
    r, g, b = hex_to_rgb(colour)
    return f"rgba({r},{g},{b},{alpha})"


def _parse(colour: str) -> tuple[list[float], float]:
    colour = colour.strip()
    if colour.startswith("rgba("):
        *rgb, a = (float(v) for v in colour[5:-1].split(","))
        return list(rgb), a
    return [float(v) for v in hex_to_rgb(colour)], 1.0


def composite(colour: str, background: str) -> str:
    """The opaque colour seen when `colour` (maybe rgba) lies on `background` ('#RRGGBB')."""
    rgb, a = _parse(colour)
    bg = hex_to_rgb(background)
    return "#" + "".join(f"{round(a * c + (1 - a) * b):02X}" for c, b in zip(rgb, bg))


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an opaque '#RRGGBB'."""

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in hex_to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio (1..21) of two opaque colours."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def reads_on_both(colour: str, minimum: float = GRAPHIC_CONTRAST) -> bool:
    """Whether a mark of this colour stands out on both the light and the dark page."""
    return all(contrast_ratio(composite(colour, bg), bg) >= minimum for bg in BACKGROUNDS.values())


def outline_for(colour: str) -> str:
    """The outline a mark of `colour` needs: itself if it reads on both backgrounds, else EDGE."""
    return colour if reads_on_both(colour) else EDGE


# How every plotly figure places its title and source line, so that both survive a phone screen
# and the PNG export: the title sits below the mode bar (which floats over the top right corner),
# and a long source line is broken into short lines (plotly does not wrap text).
MODEBAR_PX = 32
NOTE_WIDTH = 56  # characters per line of a note: fits 390 px at 10-11 px


def chart_title(text: str) -> dict:
    """A figure title at the top left, below the mode bar (layout.margin.t must leave room)."""
    return dict(
        text=text, x=0, xanchor="left", xref="container", y=1, yanchor="top", yref="container", pad=dict(t=MODEBAR_PX, l=4)
    )


def wrap_note(text: str, width: int = NOTE_WIDTH) -> str:
    """Plain text broken into lines of at most `width` characters, joined by <br>."""
    import textwrap

    return "<br>".join(textwrap.wrap(text, width))
