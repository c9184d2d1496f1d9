"""Words for the record's codes that are not in the data files themselves."""

from __future__ import annotations

from cica_dash.data.i18n import N_, Nn_

# events.csv `relation`: what CICA did (the data package declares the codes)
RELATION_LABELS: dict[str, str] = {
    "organised": N_("organised by CICA"),
    "co-organised": N_("co-organised by CICA"),
    "took-part": N_("other bodies' events CICA took part in"),
}
# the same words after a count, with the forms a number takes ("46 событий других организаций")
RELATION_COUNTS: dict[str, tuple[str, str]] = {
    "organised": Nn_("{n} organised by CICA", "{n} organised by CICA"),
    "co-organised": Nn_("{n} co-organised by CICA", "{n} co-organised by CICA"),
    "took-part": Nn_("{n} other body's event CICA took part in", "{n} other bodies' events CICA took part in"),
}
OWN_RELATIONS = ("organised", "co-organised")  # CICA's own events, as against taking part

# the words for the codes the data package declares, marked for the catalogs (shown with `_`)
ROLE_WORDS: dict[str, str] = {"coordinator": N_("coordinator"), "co-coordinator": N_("co-coordinator")}
STATUS_OF_MEETING: dict[str, str] = {"held": N_("held"), "planned": N_("planned"), "announced": N_("announced")}
CATEGORY_WORDS: dict[str, str] = {
    "initiative": N_("initiative"),
    "summit": N_("summit"),
    "ministerial": N_("ministerial"),
    "chairmanship": N_("chairmanship"),
    "accession": N_("accession"),
    "document": N_("document"),
    "institution": N_("institution"),
    "anniversary": N_("anniversary"),
    "partnership": N_("partnership"),
}
EVENT_TYPE_WORDS: dict[str, str] = {
    "seminar": N_("seminar"),
    "workshop": N_("workshop"),
    "training": N_("training"),
    "conference": N_("conference"),
    "forum": N_("forum"),
    "business-forum": N_("business forum"),
    "think-tank-forum": N_("think tank forum"),
    "youth-forum": N_("youth forum"),
    "expert-meeting": N_("expert meeting"),
    "working-group": N_("working group"),
    "meeting": N_("meeting"),
    "ministerial-conference": N_("ministerial conference"),
    "festival": N_("festival"),
    "exhibition": N_("exhibition"),
    "ceremony": N_("ceremony"),
    "sport": N_("sport"),
    "other": N_("other"),
}
GAP_KINDS: dict[str, str] = {
    "undated-meeting": N_("undated meeting"),
    "no-coordinator": N_("no coordinator on record"),
    "unknown-start": N_("start not known"),
    "thin-period": N_("thin period"),
}
CHANGE_WORDS: dict[str, str] = {"added": N_("added"), "corrected": N_("corrected")}
