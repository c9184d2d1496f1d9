"""Start-up work done while the first visitor's browser is still loading the page.

Without it, the first script run after `streamlit run` imports pandas and pandera and loads and
checks the data, all after a browser has connected (about 1 s of the cold start). app.py hands
`lifespan` to `st.App`, which runs it when the server starts; the work runs in a thread, so the
server answers at once, and the first page finds the data already in the shared cache.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any


def preload() -> None:
    """Import what the pages need and put the checked data into the shared cache. A bad data
    file is left for the page, which shows its problems."""
    from cica_dash import cached, chart, ui  # noqa: F401  (imports pandas, pandera, plotly)
    from cica_dash.data import DataError

    try:
        ui.preload_dataset()
    except DataError:
        pass


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    threading.Thread(target=preload, name="cica-preload", daemon=True).start()
    yield
