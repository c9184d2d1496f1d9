"""pydeck building blocks that need no tiles, no token and no network beyond our own server."""

from __future__ import annotations

import pydeck as pdk

from cica_dash.figures.palette import LAND_RGBA, OUTLINE_RGBA
from cica_dash.url.links import STATIC_URL

OUTLINES_URL = STATIC_URL + "geo/countries_110m.geojson"

# A view over the CICA region: from the Mediterranean to the Pacific
REGION_VIEW = pdk.ViewState(latitude=32, longitude=82, zoom=1.6, min_zoom=1, max_zoom=8)


def outline_layer() -> pdk.Layer:
    """Country outlines, fetched once by the browser from the static folder (not sent per rerun)."""
    return pdk.Layer(
        "GeoJsonLayer",
        data=OUTLINES_URL,
        id="country-outlines",
        stroked=True,
        filled=True,
        get_fill_color=LAND_RGBA,
        get_line_color=OUTLINE_RGBA,
        line_width_min_pixels=0.5,
        pickable=False,
    )


def offline_deck(layers: list[pdk.Layer], tooltip: dict | bool = True, view: pdk.ViewState = REGION_VIEW) -> pdk.Deck:
    """A Deck with no basemap at all (map_provider=None): outlines first, then `layers`."""
    return pdk.Deck(
        layers=[outline_layer(), *layers],
        initial_view_state=view,
        map_provider=None,  # and no map_style: pydeck then sends its sentinel, which Streamlit
        # reads as "no basemap"; an explicit map_style=None makes Streamlit fetch Carto tiles
        tooltip=tooltip,
        views=[pdk.View(type="MapView", controller=True)],
    )
