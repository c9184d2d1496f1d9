"""How a row's source is shown: one home for the source columns of every table and for the
names of the publishers behind the web addresses.

A source is a web address or a named document ("SEED: The Astana Times, Oct 2017 ..."). Tables
carry the address under "Source" and a named document under "Reference"; a page shows the
publisher's name beside the link (`publisher`), never a bare host name as the whole source.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlparse

import pandas as pd

from cica_dash.data.i18n import N_

# Who publishes the sites the record cites most (host without "www."; a subdomain falls back to
# its parent). A site not listed is shown by its host name; mirrors that copy another site's
# page are named as copies, since their publisher is not known.
PUBLISHERS: dict[str, str] = {
    "s-cica.org": "CICA Secretariat",
    "s-cica.kz": "CICA Secretariat (former site)",
    "archives.s-cica.kz": "CICA Secretariat (former site)",
    "cicabc.cccme.org.cn": "CICA Business Council",
    "astanatimes.com": "The Astana Times",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    "inform.kz": "Kazinform",
    "qazinform.com": "Kazinform",
    "trend.az": "Trend News Agency",
    "chinadaily.com.cn": "China Daily",
    "kremlin.ru": "President of Russia",
    "pravda.ru": "Pravda.ru",
    "mfa.gov.tr": "Ministry of Foreign Affairs of Türkiye",
    "kazembgulf.net": "Embassy of Kazakhstan (Gulf)",
    "prosites-kazakhembus.homestead.com": "Embassy of Kazakhstan in the US (archived site)",
    "newscentralasia.net": "News Central Asia",
    "azertag.az": "AZERTAC",
    "adaderana.lk": "Ada Derana",
    "news.mofa.go.kr": "Ministry of Foreign Affairs of Korea",
    "mfa.kz": "Ministry of Foreign Affairs of Kazakhstan",
    "thediplomaticinsight.com": "Diplomatic Insight",
    "news.day.az": "Day.az",
    "mfa.gov.az": "Ministry of Foreign Affairs of Azerbaijan",
    "timesca.com": "The Times of Central Asia",
    "menafn.com": "MENAFN",
    "vestikavkaza.ru": "Vestnik Kavkaza",
    "beijingreview.com.cn": "Beijing Review",
    "ryt9.com": "RYT9 (Thai Ministry of Foreign Affairs releases)",
    "caravan.kz": "Caravan",
    "mea.gov.in": "Ministry of External Affairs of India",
    "mfa.gov.by": "Ministry of Foreign Affairs of Belarus",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "hindustantimes.com": "Hindustan Times",
    "wikipedia.org": "Wikipedia",
    "kt.kz": "Kazakhstan Today",
    "ria.ru": "RIA Novosti",
    "khovar.tj": "Khovar (Tajik news agency)",
    "mfa.go.th": "Ministry of Foreign Affairs of Thailand",
    "chineseembassy.org": "Embassy of China",
    "chineseconsulate.org": "Consulate General of China",
    "theicaf.org": "International Centre for Asian Fellowship",
    "tasam.org": "TASAM",
    "en.people.cn": "People's Daily",
    "mehrnews.com": "Mehr News Agency",
    "irna.ir": "IRNA",
    "news.tj": "News.tj",
    "globalaffairs.com.pk": "Global Affairs",
    "financialexpress.com": "The Financial Express",
    "devdiscourse.com": "Devdiscourse",
    "ajunews.com": "Aju Business Daily",
}
MIRRORS = ("search.globescope.com", "m.hegsqy.com", "abhvx270.asia", "allmedialink.com", "yingyuw.cn", "fx361.cc")


def is_link(source: object) -> bool:
    return isinstance(source, str) and source.startswith(("http://", "https://"))


def host(source: str) -> str:
    return (urlparse(source).hostname or source).removeprefix("www.")


def publisher(source: object) -> str:
    """Who published a source: 'The Astana Times', 'CICA Secretariat'; a named document as
    written; a copy on a mirror site says so; an unknown site by its host name."""
    if not isinstance(source, str) or not source:
        return ""
    return _publisher(source)


@lru_cache(maxsize=4096)  # a few hundred sources, asked for on every table of every run
def _publisher(source: str) -> str:
    if not is_link(source):
        return source.removeprefix("SEED: ")
    name = host(source)
    parts = name.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in PUBLISHERS:
            return PUBLISHERS[candidate]
    if any(name == m or name.endswith("." + m) for m in MIRRORS):
        return f"copy of a news page ({name})"
    return name


def source_columns(sources: Iterable[object]) -> dict[str, pd.Series | list[str | None]]:
    """A row's source as a table holds it: a web address under "Source" (a link column), a named
    document (the SEED article) under "Reference"; the other cell is empty. Given a Series,
    the columns keep its index and are of one dtype whatever rows they hold."""
    values = list(sources)
    links = [s if is_link(s) else None for s in values]
    refs = [None if is_link(s) or not isinstance(s, str) else s for s in values]
    if isinstance(sources, pd.Series):
        return {
            N_("Source"): pd.Series(links, index=sources.index, dtype=object),
            N_("Reference"): pd.Series(refs, index=sources.index, dtype=object),
        }
    return {N_("Source"): links, N_("Reference"): refs}


def source_label(source: object) -> str:
    """A short name for a source: the web site's host, or the named document as written."""
    if not isinstance(source, str) or not source:
        return ""
    return host(source) if is_link(source) else source
