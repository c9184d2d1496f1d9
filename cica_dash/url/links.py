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

from cica_dash.data.i18n import N_, _

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
    PageSpec("overview", "", N_("Overview"), ":material/home:", "app_pages/overview.py"),
    PageSpec("map", "map", N_("Member map"), ":material/public:", "app_pages/map.py"),
    PageSpec("timeline", "timeline", N_("Timeline"), ":material/timeline:", "app_pages/timeline.py"),
    PageSpec("matrix", "matrix", N_("Who coordinates what"), ":material/grid_on:", "app_pages/matrix.py"),
    PageSpec("events", "events", N_("Events"), ":material/event:", "app_pages/events.py"),
    PageSpec("country", "country", N_("Country profile"), ":material/flag:", "app_pages/country.py"),
    PageSpec("data", "data", N_("About the data"), ":material/dataset:", "app_pages/data.py"),
)
PAGE_BY_KEY = {p.key: p for p in PAGES}
PAGE_BY_PATH = {p.path: p for p in PAGES}
# shown, hidden from the navigation, at an address that is none of the pages'
NOT_FOUND = PageSpec("not-found", "not-found", N_("No such page"), ":material/help:", "app_pages/not_found.py")


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
        notices.append(
            _("Link parameter `{param}` was repeated {n} times; only the first {most} were read.").format(
                param=param, n=len(values), most=MAX_VALUES
            )
        )
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
        more = _(" and {n} more").format(n=len(dropped) - 5) if len(dropped) > 5 else ""
        notices.append(
            _("Ignored `{param}`: {values} — not a known {what}.").format(param=param, values=shown + more, what=_(what))
        )
    return tuple(kept), notices


def parse_year(param: str, values: Sequence[str], lo: int, hi: int) -> tuple[int | None, list[str]]:
    """The first value as a year within [lo, hi]; anything else is reported and ignored."""
    if not values:
        return None, []
    notices = []
    if len(values) > 1:
        notices.append(_("Link parameter `{param}` was given {n} times; the first was used.").format(param=param, n=len(values)))
    raw = values[0].strip()
    if re.fullmatch(r"\d{4}", raw) and lo <= int(raw) <= hi:
        return int(raw), notices
    notices.append(
        _("Ignored `{param}`: {value} — not a year from {lo} to {hi}.").format(
            param=param, value=quote_for_notice(raw), lo=lo, hi=hi
        )
    )
    return None, notices


def parse_text(param: str, values: Sequence[str]) -> tuple[str, list[str]]:
    """Free text, trimmed to a sane length; control characters removed."""
    if not values:
        return "", []
    notices = []
    if len(values) > 1:
        notices.append(_("Link parameter `{param}` was given {n} times; the first was used.").format(param=param, n=len(values)))
    text = "".join(ch for ch in values[0] if ch.isprintable()).strip()
    if len(text) > MAX_VALUE_LENGTH:
        notices.append(_("The search text in `{param}` was cut to {most} characters.").format(param=param, most=MAX_VALUE_LENGTH))
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
        notices.insert(
            0, _("Link parameter `{param}` was given {n} times; the first was used.").format(param=param, n=len(values))
        )
    return (kept[0] if kept else None), notices


# every page's one parameter besides its filters: the interface's language (data/i18n.py); English,
# the default, stays out of the link
LANG_KEY = "lang"
LANG_DOC = "the interface's language: `ru` for Russian (English without it)"


def parse_language(values: Sequence[str], languages: Iterable[str], default: str) -> tuple[str, list[str]]:
    """The link's language, or the default with a notice for a value that is none of `languages`."""
    if not values:
        return default, []
    kept, notices = parse_choice(LANG_KEY, values, [code for code in languages if code != default], what=N_("language"))
    return kept or default, notices


def unknown_params(query: Mapping[str, Sequence[str]], allowed: Iterable[str]) -> list[str]:
    """Notices for query keys that the page does not read (the language is read on every page)."""
    allowed = {*allowed, LANG_KEY}
    extra = [k for k in query if k not in allowed]
    if not extra:
        return []
    shown = ", ".join(quote_for_notice(k, 20) for k in extra[:5])
    more = _(" and {n} more").format(n=len(extra) - 5) if len(extra) > 5 else ""
    return [_("Ignored link parameter(s) {names}: this page does not use them.").format(names=shown + more)]
