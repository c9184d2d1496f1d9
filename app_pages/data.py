"""About the data: where every fact comes from, what each column means, and the downloads."""

import pandas as pd
import streamlit as st

from cica_dash.data.dates import format_dates, format_iso_day
from cica_dash.data.export import data_dictionary, package_zip, source_counts
from cica_dash.data.glossary import GLOSSARY
from cica_dash.data.i18n import N_, _
from cica_dash.data.labels import CHANGE_WORDS, GAP_KINDS
from cica_dash.figures import events as evf
from cica_dash.glue.chart import plotly_chart
from cica_dash.glue.ui import dataset, footer, no_url_state, plotly_config, table, view_tools
from cica_dash.model import events as ev

ds, vocab = dataset()
no_url_state()
pkg = ds.package

st.title(_("About the data"))
st.markdown(
    _(
        "The dashboard reads a [Frictionless Data Package](https://datapackage.org/) of CSV files. "
        "Every row names its source, either a web page or the 2017 Astana Times article by the Secretariat's "
        "Executive Director (*SEED*). A date known only to the month or the year says so in its precision "
        "column and is shown that way everywhere. Where sources disagree, the preferred value is kept "
        "and the other is recorded in `notes`. Nothing is filled in by guesswork: a coordinator that no "
        "source names is shown as *not on record*. The files are checked against the schema below "
        "every time they load."
    )
)

tables = {name: f"{name}.csv" for name in ds.tables}
counts = pd.DataFrame({N_("file"): list(tables.values()), N_("rows"): [len(ds.tables[n]) for n in tables]})
left, right = st.columns([1, 2])
with left:
    st.header(_("Files"))
    table(counts)
    st.download_button(
        _("Download the data package (zip)"),
        data=package_zip(ds),
        file_name="cica-data-package.zip",
        mime="application/zip",
        icon=":material/download:",
        on_click="ignore",
    )
    licence = pkg.get("licenses", [{}])[0]
    st.caption(
        _("Licence: {licence}. Accessed {date}.").format(
            licence=licence.get("title", licence.get("name", "")), date=format_iso_day(pkg.get("x-accessed", ""))
        )
    )
with right:
    st.header(_("Sources"))
    table(
        source_counts(ds),
        column_config={
            "source": st.column_config.TextColumn(_("Source (URL or document)"), width="large"),
            "rows": st.column_config.NumberColumn(_("Rows citing it")),
            "files": st.column_config.TextColumn(_("In files")),
        },
    )

st.header(_("What the record covers"))
st.markdown(
    _(
        "Events per year and dimension, CICA's own (organised or co-organised) apart from other bodies' "
        "events it took part in (hatched). The record is thin before {year}: what it holds there are "
        "the meetings of CICA's own bodies that later documents date."
    ).format(year=ev.THIN_BEFORE)
)
plotly_chart(evf.per_year_figure(ev.per_year(ds.events), vocab), key="data.coverage", config=plotly_config("data-coverage"))
st.subheader(_("Known gaps"))
st.caption(_("What the record knows it does not hold, each with the page that shows it (gaps.csv)."))
gaps = ds.gaps
table(
    pd.DataFrame(
        {
            N_("Kind"): gaps["kind"].map(lambda k: _(GAP_KINDS.get(k, k))),
            N_("What"): gaps["subject"],
            N_("What the sources say"): gaps["description"],
            "Source": gaps["source_url"],
        }
    ),
    column_config={"What the sources say": st.column_config.TextColumn(width="large")},
)
st.subheader(_("Changes to the data"))
st.caption(_("What was added or corrected, by date (changes.csv), so a citation can be matched to what it saw."))
changes = ds.changes.sort_values("date", ascending=False, kind="stable")
table(
    pd.DataFrame(
        {
            N_("Date"): format_dates(changes["date"], "day"),
            N_("File"): changes["file"],
            N_("Change"): changes["change"].map(lambda c: _(CHANGE_WORDS.get(c, c))),
            N_("Rows"): changes["rows"],
            N_("What changed"): changes["summary"],
        }
    ),
    column_config={"What changed": st.column_config.TextColumn(width="large")},
)

st.header(_("Glossary"), anchor="glossary")
st.markdown("\n".join(f"- **{_(term)}**: {_(meaning)}" for term, meaning in GLOSSARY))

st.header(_("Data dictionary"))
st.caption(
    _(
        "Downloads (CSV, JSON and the data package) keep the files' own column names and codes, in English, "
        "whatever the language of the page: a download is data, not interface. The names and titles the "
        "sources give in Russian are columns of their own (`name_ru`, `title_ru`), each with its source."
    )
)
table(data_dictionary(ds))
view_tools(ds, "data", None, _("About the data"))
footer(ds)
