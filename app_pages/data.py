"""About the data: where every fact comes from, what each column means, and the downloads."""

import streamlit as st

from cica_dash.data.dates import format_dates
from cica_dash.data.export import data_dictionary, package_zip, source_counts
from cica_dash.data.glossary import GLOSSARY
from cica_dash.figures import events as evf
from cica_dash.glue.chart import plotly_chart
from cica_dash.glue.ui import dataset, footer, no_url_state, plotly_config, table, view_tools
from cica_dash.model import events as ev

ds, vocab = dataset()
no_url_state()
pkg = ds.package

st.title("About the data")
st.markdown(
    "The dashboard reads a [Frictionless Data Package](https://datapackage.org/) of CSV files. "
    "Every row names its source, either a web page or the 2017 Astana Times article by the Secretariat's "
    "Executive Director (*SEED*). A date known only to the month or the year says so in its precision "
    "column and is shown that way everywhere. Where sources disagree, the preferred value is kept "
    "and the other is recorded in `notes`. Nothing is filled in by guesswork: a coordinator that no "
    "source names is shown as *not on record*. The files are checked against the schema below "
    "every time they load."
)

tables = {name: f"{name}.csv" for name in ds.tables}
counts = [{"file": f, "rows": len(ds.tables[n])} for n, f in tables.items()]
left, right = st.columns([1, 2])
with left:
    st.header("Files")
    table(counts)
    st.download_button(
        "Download the data package (zip)",
        data=package_zip(ds),
        file_name="cica-data-package.zip",
        mime="application/zip",
        icon=":material/download:",
        on_click="ignore",
    )
    licence = pkg.get("licenses", [{}])[0]
    st.caption(f"Licence: {licence.get('title', licence.get('name', ''))}. Accessed {pkg.get('x-accessed', '')}.")
with right:
    st.header("Sources")
    table(
        source_counts(ds),
        column_config={
            "source": st.column_config.TextColumn("Source (URL or document)", width="large"),
            "rows": st.column_config.NumberColumn("Rows citing it"),
            "files": st.column_config.TextColumn("In files"),
        },
    )

st.header("What the record covers")
st.markdown(
    "Events per year and dimension, CICA's own (organised or co-organised) apart from other bodies' "
    f"events it took part in (hatched). The record is thin before {ev.THIN_BEFORE}: what it holds there are "
    "the meetings of CICA's own bodies that later documents date."
)
plotly_chart(evf.per_year_figure(ev.per_year(ds.events), vocab), key="data.coverage", config=plotly_config("data-coverage"))
st.subheader("Known gaps")
st.caption("What the record knows it does not hold, each with the page that shows it (gaps.csv).")
table(
    ds.gaps[["kind", "subject", "description", "source_url"]].rename(
        columns={"kind": "Kind", "subject": "What", "description": "What the sources say", "source_url": "Source"}
    ),
    column_config={"What the sources say": st.column_config.TextColumn(width="large")},
)
st.subheader("Changes to the data")
st.caption("What was added or corrected, by date (changes.csv), so a citation can be matched to what it saw.")
table(
    ds.changes.sort_values("date", ascending=False).assign(date=lambda t: format_dates(t["date"], "day")),
    column_config={"summary": st.column_config.TextColumn("What changed", width="large")},
)

st.header("Glossary", anchor="glossary")
st.markdown("\n".join(f"- **{term}**: {meaning}" for term, meaning in GLOSSARY))

st.header("Data dictionary")
table(data_dictionary(ds))
view_tools(ds, "data", None, "About the data")
footer(ds)
