"""How to cite a view: the dashboard's title, the data version, the view's full link, the date
accessed; as plain text and as BibTeX. Used by every page's "Cite this view" and by the API."""

from __future__ import annotations

import hashlib
from datetime import date

import pandas as pd

from cica_dash.data.dates import format_date
from cica_dash.data.i18n import N_, _

TITLE = N_("CICA Dashboard")
PUBLISHER = N_("CICA Dashboard project")


def citation_text(view_title: str, version: str, url: str, accessed: date) -> str:
    """One line for a reference list, in the style of a dataset citation (in the run's language)."""
    return _("{publisher}. {title}: {view} [data version {version}]. {url} (accessed {date}).").format(
        publisher=_(PUBLISHER),
        title=_(TITLE),
        view=view_title,
        version=version,
        url=url,
        date=format_date(pd.Timestamp(accessed), "day"),
    )


def _bibtex_value(text: str) -> str:
    # braces and backslashes would end or escape the field; a link's % starts a comment
    return "".join("\\" + ch if ch in "{}\\%&#$_" else ch for ch in text)


def bibtex(view_title: str, version: str, url: str, accessed: date) -> str:
    """A BibTeX @misc entry; its key is stable for the same view and version."""
    key = "cica-" + hashlib.sha1(f"{url}|{version}".encode()).hexdigest()[:8]
    fields = {
        "author": "{" + _bibtex_value(_(PUBLISHER)) + "}",
        "title": "{" + _bibtex_value(f"{_(TITLE)}: {view_title}") + "}",
        "version": "{" + _bibtex_value(version) + "}",
        "howpublished": "{\\url{" + url.replace("%", "\\%").replace("#", "\\#") + "}}",
        "urldate": "{" + accessed.isoformat() + "}",
        "note": "{" + _bibtex_value(_("Data version {version}").format(version=version)) + "}",
    }
    body = ",\n".join(f"  {name} = {value}" for name, value in fields.items())
    return f"@misc{{{key},\n{body}\n}}"
