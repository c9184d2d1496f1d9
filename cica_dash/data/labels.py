"""Words for the record's codes that are not in the data files themselves."""

from __future__ import annotations

# events.csv `relation`: what CICA did (the data package declares the codes)
RELATION_LABELS: dict[str, str] = {
    "organised": "organised by CICA",
    "co-organised": "co-organised by CICA",
    "took-part": "other bodies' events CICA took part in",
}
OWN_RELATIONS = ("organised", "co-organised")  # CICA's own events, as against taking part
