"""The timeline's period control: presets ("First 25 years", "Everything") and the years of a
custom range, to and from the link's `from`/`to`."""

from __future__ import annotations

from cica_dash.data.i18n import N_

PRESET_25 = N_("First 25 years (1992–2017)")  # the radio's values; shown with `_`


PRESET_ALL = N_("Everything")


PRESET_CUSTOM = N_("Custom")


PRESETS: dict[str, tuple[int, int] | None] = {PRESET_25: (1992, 2017), PRESET_ALL: None, PRESET_CUSTOM: None}


def preset_of(year_from: int | None, year_to: int | None) -> str:
    """The preset a year range belongs to (for the radio when a link is opened)."""
    if year_from is None and year_to is None:
        return PRESET_ALL
    if (year_from or 1992, year_to) == PRESETS[PRESET_25]:
        return PRESET_25
    return PRESET_CUSTOM


def range_for(preset: str, years: tuple[int, int], first: int, last: int) -> tuple[int | None, int | None]:
    """The (from, to) of the state for the chosen preset or slider; open ends are None."""
    fixed = PRESETS.get(preset)
    if fixed is not None:
        return fixed
    if preset == PRESET_ALL:
        return None, None
    lo, hi = years
    return (None if lo <= first else lo), (None if hi >= last else hi)


def slider_range(years: tuple[int, int], first: int, last: int) -> tuple[int | None, int | None]:
    """The (from, to) of the state for the years slider: the years of the preset they match,
    so the 25 years name both ends as their preset writes them, and open ends are None."""
    lo, hi = range_for(PRESET_CUSTOM, years, first, last)
    return range_for(preset_of(lo, hi), years, first, last)
