"""Run one page of the real app through AppTest, with the navigation of app.py around it."""

from __future__ import annotations

import json
from functools import lru_cache

from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from cica_dash.data.i18n import LOCALE_DIR
from cica_dash.glue.chart import ELEMENT_NAME
from cica_dash.url.links import PAGE_BY_KEY
from tests.conftest import ROOT


def run_page(page: str, query: dict[str, str | list[str]] | None = None, timeout: float = 30) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.switch_page(PAGE_BY_KEY[page].script)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def warnings_text(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def chart_elements(at: AppTest) -> list:
    """The elements of every plotly chart the page drew (cica_dash/glue/chart.py)."""
    return [e for e in at.get("bidi_component") if e.proto.component_name == ELEMENT_NAME]


def charts(at: AppTest) -> list[tuple[dict, dict]]:
    """Every plotly chart the page drew, as (figure, plotly config)."""
    out = []
    for element in chart_elements(at):
        data = json.loads(element.proto.json)
        out.append((json.loads(data["figure"]), data["config"]))
    return out


def shown_text(at) -> str:
    """A page's words as a reader sees them: markdown (not the paper copies of tables), captions,
    titles, headers and metrics."""
    parts = (
        [m.value for m in at.markdown if not m.value.startswith("| ")]  # not the paper copies of tables: data
        + [c.value for c in at.caption]
        + [h.value for h in at.title]
        + [h.value for h in at.header]
    )
    parts += [m.label for m in at.metric] + [str(m.help or "") for m in at.metric]
    return "\n".join(parts)


@lru_cache(maxsize=1)
def _english_sentences() -> tuple[str, ...]:
    """The interface's English words of some length (short ones, like "Link", can be part of data)."""
    with (LOCALE_DIR / "cica.pot").open("rb") as f:
        template = read_po(f)
    heads = [str(m.id).split("{")[0].strip() for m in template if m.id and isinstance(m.id, str) and len(m.id) >= 14]
    return tuple(h for h in heads if len(h) >= 8)  # a sentence's head before its first field ("In {year}, …" gives "In")


def english_left(shown: str) -> list[str]:
    """The interface's English sentences still in a page's text."""
    return [s for s in _english_sentences() if s and s in shown]
