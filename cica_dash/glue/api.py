"""The read-only data API on the dashboard's own server: `api/<view>.csv|json` for every page's
view, in the page's own link format, plus `api/datapackage.zip` and an index at `api/`.

These are Starlette routes for Streamlit's `st.App(routes=...)` (see app.py): `streamlit run
app.py` serves them beside the pages, from the same process. The rows come from
`cica_dash/glue/api_views.py`; here is only HTTP: formats, the data version as ETag, caching
headers, 304s, 404s, and a clear 503 when the data files do not pass their checks.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from cica_dash.data.export import package_zip, to_csv
from cica_dash.data.load import DataError, Dataset, data_dir, data_signature, load_dataset
from cica_dash.data.vocabulary import Vocabulary
from cica_dash.glue.api_views import FORMATS, PACKAGE_ZIP, TWIN_BY_NAME, TWINS, View, json_ready, view
from cica_dash.url.links import PAGE_BY_KEY, page_url

MAX_AGE = 300  # seconds a proxy or browser may reuse a response without asking again
CACHED_RESPONSES = 256
NOTICES_HEADER = "X-CICA-Notices"  # the CSV's notices, as a JSON list of strings (ASCII)
_UNESCAPE = re.compile(r"\\(.)")


class _Data:
    """The checked data and its vocabulary, loaded again when a file or the day changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._value: tuple[Dataset, Vocabulary] | DataError | None = None

    def get(self, today: date) -> tuple[tuple, tuple[Dataset, Vocabulary]]:
        folder = data_dir()
        key = (str(folder), data_signature(folder), today)
        with self._lock:
            if key != self._key:
                try:
                    ds = load_dataset(folder)
                    self._value = (ds, Vocabulary.from_dataset(ds, today))
                except DataError as err:
                    self._value = err
                self._key = key
            value = self._value
        if isinstance(value, DataError):
            raise value
        return key, value


_DATA = _Data()


def _etag(ds: Dataset, today: date) -> str:
    # the body depends on the files and, through "as of today", on the day
    return f'"{ds.content_hash[:16]}-{today:%Y%m%d}"'


def _headers(ds: Dataset, today: date) -> dict[str, str]:
    return {
        "ETag": _etag(ds, today),
        "Cache-Control": f"public, max-age={MAX_AGE}",
        "X-Data-Version": ds.version,
        "X-Content-Type-Options": "nosniff",
        "Access-Control-Allow-Origin": "*",  # read-only public data: other sites' notebooks may fetch it
    }


def _not_modified(request: Request, etag: str) -> bool:
    wanted = request.headers.get("if-none-match", "")
    tags = {t.strip().removeprefix("W/") for t in wanted.split(",") if t.strip()}
    return "*" in tags or etag in tags


def json_text(payload: Any, ascii_only: bool = False) -> str:
    """JSON with <, > and & written as \\u escapes: a value someone typed into a link can then
    never be read as markup, whatever opens the response (`ascii_only`: for a header)."""
    text = json.dumps(payload, ensure_ascii=ascii_only, indent=None if ascii_only else 1, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_bytes(payload: Any) -> bytes:
    return json_text(payload).encode("utf-8")


def _json(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json_bytes(payload), status_code=status, media_type="application/json", headers=headers)


def plain_notice(notice: str) -> str:
    """A page's notice without its Markdown escapes (the API's text is not Markdown)."""
    return _UNESCAPE.sub(r"\1", notice)


def _licence(ds: Dataset) -> dict[str, Any]:
    return (ds.package.get("licenses") or [{}])[0]


def _table_json(frame: pd.DataFrame) -> dict[str, Any]:
    return {"count": len(frame), "columns": list(frame.columns), "rows": json_ready(frame)}


def _payload(v: View, ds: Dataset, notices: list[str]) -> dict[str, Any]:
    twin = TWIN_BY_NAME[v.name]
    head: dict[str, Any] = {
        "endpoint": f"api/{v.name}.json",
        "page": page_url(twin.page, v.state.to_query()),
        "filters": v.state.to_query(),
        "notices": notices,
    }
    if len(v.tables) == 1:
        head |= _table_json(v.rows)
    else:  # a profile: one table per section (the CSV has them one after another, by `section`)
        head["sections"] = {name: _table_json(t) for name, t in v.tables.items()}
    return head | {
        "data_version": ds.version,
        "licence": _licence(ds),
        "source": ds.package.get("title", ""),
    }


@functools.lru_cache(maxsize=CACHED_RESPONSES)
def _render(name: str, fmt: str, items: tuple[tuple[str, str], ...], key: tuple) -> tuple[bytes, str, list[str]]:
    """The body of one response, its media type and its notices (cached per data version)."""
    _, (ds, vocab) = _DATA.get(key[2])
    query: dict[str, list[str]] = {}
    for k, value in items:
        query.setdefault(k, []).append(value)
    v = view(TWIN_BY_NAME[name], ds, vocab, query, key[2])
    notices = [plain_notice(n) for n in v.notices]
    if fmt == "csv":
        return to_csv(v.rows), "text/csv; charset=utf-8", notices
    return json_bytes(_payload(v, ds, notices)), "application/json", notices


def _data_or_503(today: date) -> tuple[tuple, Dataset] | Response:
    try:
        key, (ds, _) = _DATA.get(today)
    except DataError as err:
        problems = [
            {"file": p.file, "line": p.line, "column": p.column, "value": p.value, "problem": p.text} for p in err.problems
        ]
        return _json({"error": "The data files did not pass their checks.", "problems": problems}, status=503)
    return key, ds


def _current(request: Request) -> tuple[tuple, Dataset, dict[str, str]] | Response:
    """Today's data and the headers naming its version, or the response that ends the request
    here: a 503 for bad data files, a 304 when the client already holds this version."""
    today = date.today()
    got = _data_or_503(today)
    if isinstance(got, Response):
        return got
    key, ds = got
    headers = _headers(ds, today)
    if _not_modified(request, headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return key, ds, headers


def endpoint(request: Request) -> Response:
    """`api/<name>.<csv|json>`: a page's view as data."""
    name, _, fmt = request.path_params["file"].rpartition(".")
    if name not in TWIN_BY_NAME or fmt not in FORMATS:
        if request.path_params["file"] == PACKAGE_ZIP:
            return datapackage(request)
        return not_found(request)
    got = _current(request)
    if isinstance(got, Response):
        return got
    key, _, headers = got
    body, media, notices = _render(name, fmt, tuple(request.query_params.multi_items()), key)
    if fmt == "csv":
        headers[NOTICES_HEADER] = json_text(notices, ascii_only=True)
        headers["Content-Disposition"] = f'inline; filename="cica-{name}.csv"'
    return Response(body, media_type=media, headers=headers)


@functools.lru_cache(maxsize=2)
def _zip(key: tuple) -> bytes:
    _, (ds, _) = _DATA.get(key[2])
    return package_zip(ds)


def datapackage(request: Request) -> Response:
    """`api/datapackage.zip`: the data package exactly as on disk."""
    got = _current(request)
    if isinstance(got, Response):
        return got
    key, _, headers = got
    headers["Content-Disposition"] = 'attachment; filename="cica-data-package.zip"'
    return Response(_zip(key), media_type="application/zip", headers=headers)


def endpoints() -> list[dict[str, str]]:
    """What the index lists: every endpoint, what it returns, an example link."""
    out = []
    for t in TWINS:
        for fmt in FORMATS:
            out.append(
                {
                    "endpoint": f"api/{t.name}.{fmt}",
                    "returns": t.what,
                    "link format of": PAGE_BY_KEY[t.page].title,
                    "example": f"api/{t.name}.{fmt}?{t.example}",
                }
            )
    out.append(
        {
            "endpoint": f"api/{PACKAGE_ZIP}",
            "returns": "the whole data package (datapackage.json and every CSV)",
            "example": f"api/{PACKAGE_ZIP}",
        }
    )
    return out


def index(request: Request) -> Response:
    """`api/`: the list of endpoints, the data version and the licence."""
    today = date.today()
    got = _data_or_503(today)
    if isinstance(got, Response):
        return got
    _, ds = got
    return _json(
        {
            "title": "CICA Dashboard data API",
            "about": "Every page's view as CSV or JSON: the page's own query parameters give the same rows. "
            "JSON carries the rows, the filters as understood and notices for what was dropped; a CSV carries "
            f"its notices in the {NOTICES_HEADER} header. Links are relative to this index's folder.",
            "data_version": ds.version,
            "licence": _licence(ds),
            "endpoints": endpoints(),
        },
        headers=_headers(ds, today),
    )


def not_found(request: Request) -> Response:
    # the path is not echoed back: it is whatever someone typed
    return _json({"error": "No such endpoint.", "index": "api/"}, status=404)


def routes(base_path: str = "") -> Sequence[BaseRoute]:
    """The API's routes under the app's base path (`server.baseUrlPath`, e.g. `cica`)."""
    prefix = f"/{base_path.strip('/')}" if base_path.strip("/") else ""
    methods = ["GET", "HEAD"]
    return [
        Mount(
            f"{prefix}/api",
            routes=[
                Route("/", index, methods=methods),
                Route("/{file}", endpoint, methods=methods),
                Route("/{rest:path}", not_found, methods=methods),
            ],
        )
    ]
