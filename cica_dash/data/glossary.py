"""The words of the forum and of the record, explained once (shown on *About the data*, linked
from where the words appear; marked for the catalogs, translated where shown)."""

from __future__ import annotations

from cica_dash.data.i18n import N_

GLOSSARY_LINK = "data#glossary"  # relative, like every page link (works under a base path)

GLOSSARY: tuple[tuple[str, str], ...] = (
    (
        N_("CICA"),
        N_(
            "The Conference on Interaction and Confidence Building Measures in Asia, the forum Kazakhstan proposed at the 47th UN General Assembly on 5 October 1992."
        ),
    ),
    (
        N_("CBM"),
        N_(
            "Confidence-building measure: a step states agree to take to build trust, such as exchanging information, holding joint seminars or exercises."
        ),
    ),
    (
        N_("The Catalogue"),
        N_(
            "The CICA Catalogue of Confidence Building Measures (2004, updated 2021): the measures in five dimensions (military-political, new challenges and threats, economic, environmental, human), each with priority areas."
        ),
    ),
    (
        N_("Coordinator, co-coordinator"),
        N_("The member state that leads a priority area of the Catalogue, and the states that share that work."),
    ),
    (
        N_("SOC"),
        N_(
            "Senior Officials Committee: the senior diplomats of the member states, CICA's main working body between ministerial meetings."
        ),
    ),
    (
        N_("SWG"),
        N_(
            "Special Working Group: the member states' experts who prepare the documents the Senior Officials Committee decides on."
        ),
    ),
    (
        N_("Summit, ministerial meeting"),
        N_("Meetings of the heads of state or government, and of the foreign ministers, of the member states."),
    ),
    ("Chairmanship", N_("The member state that chairs CICA for a term: it convenes the meetings and sets the priorities.")),
    ("Observer", N_("A state or organisation that takes part in CICA's meetings without being a member.")),
    (
        N_("Since, since at least"),
        N_(
            "A role or status 'since Sep 2020' began on that date by a decision; 'since at least Oct 2017' means the earliest source that names it is of that month, and it may be older."
        ),
    ),
    (
        N_("Date precision"),
        N_(
            "A date known only to the month or the year is shown that way ('Oct 2017', '2011') and spans that whole period on the charts."
        ),
    ),
    (
        N_("The 2017 article (SEED)"),
        N_(
            "'CICA: what's in the name?', by the Secretariat's Executive Director Gong Jianwei, The Astana Times, October 2017: the article this dashboard started from, cited as SEED in the data."
        ),
    ),
)
