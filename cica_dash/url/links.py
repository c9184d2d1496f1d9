"""The link format every page shares: page paths, query parameter names, and how values are read.

A link like ``/events?country=THA&dimension=economic&from=2015&to=2020`` must
reproduce a view for anyone it is sent to, so parsing is forgiving (case,
order, repeats) and never raises: what cannot be used is dropped and reported
as a notice the page shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

# Where the browser fetches the files in static/ (Streamlit's static serving). Relative, so it
# also works under a server.baseUrlPath (every page path is one segment deep).
STATIC_URL = "app/static/"

MAX_VALUE_LENGTH = 200  # longer values are not identifiers of anything we know
MAX_VALUES = 50  # more repeats than any vocabulary here has entries


@dataclass(frozen=True)
class PageSpec:
    """One page of the dashboard; its link parameters are declared by its state class
    (cica_dash/url/state.py STATE_BY_PAGE)."""

    key: str
    path: str  # url path without leading slash; "" for the overview
    title: str
    icon: str
    script: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "", "Overview", ":material/home:", "app_pages/overview.py"),
    PageSpec("map", "map", "Member map", ":material/public:", "app_pages/map.py"),
    PageSpec("timeline", "timeline", "Timeline", ":material/timeline:", "app_pages/timeline.py"),
    PageSpec("matrix", "matrix", "Who coordinates what", ":material/grid_on:", "app_pages/matrix.py"),
    PageSpec("events", "events", "Events", ":material/event:", "app_pages/events.py"),
    PageSpec("country", "country", "Country profile", ":material/flag:", "app_pages/country.py"),
    PageSpec("data", "data", "About the data", ":material/dataset:", "app_pages/data.py"),
)
PAGE_BY_KEY = {p.key: p for p in PAGES}
PAGE_BY_PATH = {p.path: p for p in PAGES}
# shown, hidden from the navigation, at an address that is none of the pages'
NOT_FOUND = PageSpec("not-found", "not-found", "No such page", ":material/help:", "app_pages/not_found.py")


def with_query(path: str, query: Mapping[str, Sequence[str] | str] | None = None) -> str:
    """`path` with a query (key -> value or values), e.g. ``events?country=THA``; bare without one."""
    pairs = [(k, v) for k, vs in (query or {}).items() for v in ([vs] if isinstance(vs, str) else vs)]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def page_url(page: str, query: Mapping[str, Sequence[str] | str] | None = None) -> str:
    """The relative link to a page with a query, e.g. ``events?country=THA``.

    Relative (no leading slash) so that it also works under a base path such as /cica/.
    """
    return with_query(PAGE_BY_KEY[page].path or "./", query)


def escape_markdown(text: str) -> str:
    """Backslash-escape every Markdown special character, so untrusted text shows as typed
    and can never become a link, an image or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&\"'=/])")


def quote_for_notice(value: str, limit: int = 40) -> str:
    """Show an untrusted URL value in a notice: shortened, control characters made visible, escaped."""
    value = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in value)
    if len(value) > limit:
        value = value[:limit] + "…"
    return escape_markdown(value)


def parse_codes(
    param: str,
    values: Iterable[str],
    known: Iterable[str],
    *,
    upper: bool = False,
    what: str = "value",
) -> tuple[tuple[str, ...], list[str]]:
    """Keep the values that are in `known` (deduplicated, in order); report the others."""
    known_set = set(known)
    kept: list[str] = []
    notices: list[str] = []
    values = list(values)
    if len(values) > MAX_VALUES:
        notices.append(f"Link parameter `{param}` was repeated {len(values)} times; only the first {MAX_VALUES} were read.")
        values = values[:MAX_VALUES]
    dropped: list[str] = []
    for raw in values:
        v = raw.strip()
        v = v.upper() if upper else v.lower()
        if v in known_set and len(raw) <= MAX_VALUE_LENGTH:
            if v not in kept:
                kept.append(v)
        elif raw.strip():
            dropped.append(raw)
    if dropped:
        shown = ", ".join(quote_for_notice(d) for d in dropped[:5])
        more = f" and {len(dropped) - 5} more" if len(dropped) > 5 else ""
        notices.append(f"Ignored `{param}`: {shown}{more} — not a known {what}.")
    return tuple(kept), notices


def parse_year(param: str, values: Sequence[str], lo: int, hi: int) -> tuple[int | None, list[str]]:
    """The first value as a year within [lo, hi]; anything else is reported and ignored."""
    if not values:
        return None, []
    notices = []
    if len(values) > 1:
        notices.append(f"Link parameter `{param}` was given {len(values)} times; the first was used.")
    raw = values[0].strip()
    if re.fullmatch(r"\d{4}", raw) and lo <= int(raw) <= hi:
        return int(raw), notices
    notices.append(f"Ignored `{param}`: {quote_for_notice(raw)} — not a year from {lo} to {hi}.")
    return None, notices


def parse_text(param: str, values: Sequence[str]) -> tuple[str, list[str]]:
    """Free text, trimmed to a sane length; control characters removed."""
    if not values:
        return "", []
    notices = []
    if len(values) > 1:
        notices.append(f"Link parameter `{param}` was given {len(values)} times; the first was used.")
    text = "".join(ch for ch in values[0] if ch.isprintable()).strip()
    if len(text) > MAX_VALUE_LENGTH:
        notices.append(f"The search text in `{param}` was cut to {MAX_VALUE_LENGTH} characters.")
        text = text[:MAX_VALUE_LENGTH]
    return text, notices


def parse_choice(
    param: str, values: Sequence[str], choices: Sequence[str], *, upper: bool = False, what: str = "choice"
) -> tuple[str | None, list[str]]:
    """One value from a fixed list of choices."""
    if not values:
        return None, []
    kept, notices = parse_codes(param, values[:1], choices, upper=upper, what=what)
    if len(values) > 1:
        notices.insert(0, f"Link parameter `{param}` was given {len(values)} times; the first was used.")
    return (kept[0] if kept else None), notices


def unknown_params(query: Mapping[str, Sequence[str]], allowed: Iterable[str]) -> list[str]:
    """Notices for query keys that the page does not read."""
    allowed = set(allowed)
    extra = [k for k in query if k not in allowed]
    if not extra:
        return []
    shown = ", ".join(quote_for_notice(k, 20) for k in extra[:5])
    more = f" and {len(extra) - 5} more" if len(extra) > 5 else ""
    return [f"Ignored link parameter(s) {shown}{more}: this page does not use them."]
