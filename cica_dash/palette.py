"""One palette for the whole app, chosen for colour-vision deficiency (Okabe–Ito).

Status and role colours also differ in lightness, so they read in greyscale.
"""

from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design"
DIMENSION_COLOURS: dict[str, str] = {
    "military-political": "#0072B2",  # blue
    "new-challenges": "#D55E00",  # vermillion
    "economic": "#E69F00",  # orange
    "environmental": "#009E73",  # bluish green
    "human": "#CC79A7",  # reddish purple
    "institutional": "#555555",  # dark grey: outside the five dimensions
}

# member (dark) vs observer (light) vs former observer (lighter, hatched where drawn)
STATUS_COLOURS: dict[str, str] = {
    "member": "#0072B2",
    "founding member": "#003F63",
    "observer": "#56B4E9",
    "former observer": "#D9D9D9",
}

ROLE_COLOURS: dict[str, str] = {
    "coordinator": "#003F63",  # dark
    "co-coordinator": "#56B4E9",  # light
    "not on record": "#F2F2F2",  # near white
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

OUTLINE_RGBA = [120, 120, 120, 255]
LAND_RGBA = [235, 235, 235, 255]


def hex_to_rgb(colour: str) -> list[int]:
    """'#RRGGBB' as [r, g, b] for pydeck."""
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
