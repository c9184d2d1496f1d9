"""Who coordinates what: the dimension-by-member-state matrix of coordinator roles.

Pure functions over the Dataset. A role counts in year Y when it is on record by
31 Dec Y and has not ended before 1 Jan Y; a role with no known start (an undated
source) is counted in every year and said to be undated. Areas that no source
gives a coordinator for stay in the matrix, marked "not on record", so the gaps
in the record are visible instead of silently dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from cica_dash.data.dates import format_dates
from cica_dash.data.i18n import N_, _, count, current
from cica_dash.data.labels import ROLE_WORDS
from cica_dash.data.load import Dataset
from cica_dash.data.names import country_label, localized, short_dimension
from cica_dash.data.sources import source_columns
from cica_dash.model.membership import member_names

ROLES = ("coordinator", "co-coordinator")
ROLE_Z = {"co-coordinator": 1, "coordinator": 2}  # 0: no role
ROLE_SYMBOL = {"coordinator": N_("C"), "co-coordinator": N_("co")}  # in a cell, shown with `_`
NOT_ON_RECORD = N_("not on record")  # shown with `_`
ORDERS = ("roles", "name")
SEED_YEAR = 2017
SEED_COUNT = 14  # "14 countries are coordinators/co-coordinators" (Astana Times, Oct 2017)


def active_roles(ds: Dataset, year: int) -> pd.DataFrame:
    """The coordinator rows that count in `year`, with names and readable periods.

    Columns: area, iso3, role, since, until, precisions, source_url, notes, plus
    country, area_name, dimension, dimension_name, undated (no known start) and period.
    """
    c = ds.coordinators
    first, last = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    on = (c["since"].isna() | (c["since"] <= last)) & (c["until"].isna() | (c["until"] >= first))
    out = c[on].copy()
    names = member_names(ds)
    areas = ds.priority_areas.assign(name=localized(ds.priority_areas, "name")).set_index("area")
    dims = dict(zip(ds.dimensions["dimension"], localized(ds.dimensions, "name")))
    out["country"] = out["iso3"].map(names).fillna(out["iso3"])
    out["area_name"] = out["area"].map(areas["name"])
    out["dimension"] = out["area"].map(areas["dimension"])
    out["dimension_name"] = out["dimension"].map(dims)
    out["undated"] = out["since"].isna()
    out["period"] = period_texts(out)
    return out.reset_index(drop=True)


def role_word(role: str) -> str:
    """A role code ('co-coordinator') as the run's language says it."""
    return _(ROLE_WORDS.get(role, role))


def period_texts(roles: pd.DataFrame) -> pd.Series:
    """Each role's period as a reader takes it: 'since Sep 2020' when the date is the decision's,
    'since at least Oct 2017' when it is only the earliest source that names the role (its
    notes say "on record"), '… until Mar 2023', or 'start date not known'. The one wording of
    a role's period, on the matrix and the country profiles; the glossary explains it."""
    since = format_dates(roles["since"], roles["since_precision"])
    until = format_dates(roles["until"], roles["until_precision"])
    earliest = roles["notes"].fillna("").str.lower().str.contains("on record")
    at_least, from_, unknown, to = (
        _("since at least {date}"),
        _("since {date}"),
        _("start date not known"),
        _("{period} until {date}"),
    )
    text = pd.Series(
        [at_least.format(date=d) if e else from_.format(date=d) for d, e in zip(since, earliest)], index=roles.index, dtype=object
    )
    text = text.where(since.ne(""), unknown)
    return text.where(
        until.eq(""), pd.Series([to.format(period=p, date=u) for p, u in zip(text, until)], index=roles.index, dtype=object)
    )


def period_example() -> str:
    """The matrix caption's example of a role known from its earliest source ('since at least Oct 2017')."""
    return _("since at least {date}").format(date=format_dates(pd.Series([pd.Timestamp(2017, 10, 1)]), "month").iloc[0])


def catalogue_rows(ds: Dataset, dimensions: Sequence[str] = ()) -> pd.DataFrame:
    """Priority areas grouped by dimension in Catalogue order (the order of the data files)."""
    dim_order = {d: i for i, d in enumerate(ds.dimensions["dimension"])}
    dims = dict(zip(ds.dimensions["dimension"], localized(ds.dimensions, "name")))
    pa_ = ds.priority_areas.reset_index(drop=True)
    pa_ = pa_.assign(name=localized(pa_, "name"), short_name=_short_names(pa_))
    rows = pa_.assign(
        _dim=pa_["dimension"].map(dim_order), _pos=range(len(pa_)), dimension_name=pa_["dimension"].map(dims)
    ).sort_values(["_dim", "_pos"])
    if dimensions:
        rows = rows[rows["dimension"].isin(dimensions)]
    rows = rows.rename(columns={"name": "area_name"})
    rows["label"] = [f"{short_dimension(d)} · {a}" for d, a in zip(rows["dimension_name"], rows["area_name"])]
    return rows[["dimension", "dimension_name", "area", "area_name", "short_name", "label"]].reset_index(drop=True)


def _short_names(areas: pd.DataFrame) -> pd.Series:
    """Column headers: the short English names in English; in another language the area's own
    name in it where the data gives one (no short form is on record), else the English short name."""
    if current() == "en" or f"name_{current()}" not in areas.columns:
        return areas["short_name"]
    own = areas[f"name_{current()}"].fillna("").astype(str).str.strip()
    return own.where(own.ne(""), areas["short_name"])


def cell_roles(roles: pd.DataFrame) -> pd.DataFrame:
    """One role per (area, country): when a country held two roles in the year (Kazakhstan's
    human dimension, coordinator until Mar 2023, co-coordinator from then), the later one shows
    and the hover lists both."""
    if roles.empty:
        return roles.assign(all_periods=pd.Series(dtype="str"))
    r = roles.assign(
        _rank=roles["role"].map(ROLE_Z),
        _dated=roles["since"].notna(),
        _described=roles["role"].map(role_word) + " (" + roles["period"] + ")",
    )
    r = r.sort_values(["area", "iso3", "_dated", "since", "_rank"])  # undated first: a dated role is the later
    periods = r.groupby(["area", "iso3"], sort=False)["_described"].agg("; ".join)
    last = r.groupby(["area", "iso3"], sort=False).tail(1).set_index(["area", "iso3"])
    last["all_periods"] = periods
    return last.reset_index().drop(columns=["_rank", "_dated", "_described"])


def roles_per_country(roles: pd.DataFrame) -> pd.DataFrame:
    """Roles per country in the year (one per area), most roles first, then by name."""
    return count_roles(cell_roles(roles))


def count_roles(cells: pd.DataFrame) -> pd.DataFrame:
    """`roles_per_country` from cells already made by `cell_roles` (such as a Matrix's)."""
    if cells.empty:
        return pd.DataFrame(columns=["iso3", "country", *ROLES, "total"])
    # (a groupby: half the time of pd.crosstab)
    t = cells.groupby(["iso3", "country", "role"], sort=False).size().unstack("role", fill_value=0)
    t = t.reindex(columns=list(ROLES), fill_value=0)
    t["total"] = t.sum(axis=1)
    t = t.reset_index().sort_values(["total", "coordinator", "country"], ascending=[False, False, True])
    t.columns.name = None
    return t.reset_index(drop=True)


def column_order(per: pd.DataFrame, names: dict[str, str], order: str, countries: Sequence[str] = ()) -> list[str]:
    """The member states shown as columns, from `count_roles`: the chosen ones, else every one
    holding a role; by number of roles (coordinator roles break ties, then name) or by name."""
    codes = list(countries) if countries else list(per["iso3"])
    if order == "name":
        return sorted(codes, key=lambda c: names.get(c, c))
    rank = {c: i for i, c in enumerate(per["iso3"])}
    return sorted(codes, key=lambda c: (rank.get(c, len(rank)), names.get(c, c)))


@dataclass(frozen=True)
class Matrix:
    """What the heatmap shows: rows (areas), columns (countries), and per cell z, symbol and hover."""

    year: int
    rows: pd.DataFrame  # catalogue_rows + on_record
    columns: list[str]  # iso3
    names: list[str]  # country names, same order
    z: list[list[int | None]]  # None for rows not on record (left unfilled)
    text: list[list[str]]
    hover: list[list[str]]
    cells: pd.DataFrame  # one role per (area, iso3) in the rows and columns shown
    per_country: pd.DataFrame  # count_roles(cells), for the bar chart beside the matrix


def year_cells(ds: Dataset, year: int) -> pd.DataFrame:
    """`cell_roles` of every role in `year`: what no filter but the year changes (about 25 ms,
    so the page takes it from `cached.matrix_cells` and passes it to `build_matrix`)."""
    return cell_roles(active_roles(ds, year))


def build_matrix(
    ds: Dataset,
    year: int,
    dimensions: Sequence[str] = (),
    countries: Sequence[str] = (),
    order: str = "roles",
    cells: pd.DataFrame | None = None,
) -> Matrix:
    """The matrix as of `year`, restricted to some dimensions and countries; `cells` is
    `year_cells(ds, year)` when the caller has it already (it is not modified)."""
    rows = catalogue_rows(ds, dimensions)
    if cells is None:
        cells = year_cells(ds, year)
    # per (area, country): the columns chosen below keep theirs
    all_cells = cells[cells["area"].isin(rows["area"])] if dimensions else cells
    rows["on_record"] = rows["area"].isin(all_cells["area"])
    names = member_names(ds)
    names.update({c: country_label(c) for c in countries if c not in names})
    per = count_roles(all_cells)
    cols = column_order(per, names, order, countries)
    shown = all_cells[all_cells["iso3"].isin(cols)].reset_index(drop=True)
    lookup = {(r.area, r.iso3): r for r in shown.itertuples()}
    z, text, hover = [], [], []
    gap = _("no coordinator on record for this area in {year}").format(year=year)
    none, source = _("no role on record"), _("Source: {where}")
    for row in rows.itertuples():
        zr, tr, hr = [], [], []
        for code in cols:
            cell = lookup.get((row.area, code))
            head = f"<b>{row.area_name}</b> ({short_dimension(row.dimension_name)})<br>{names.get(code, code)}: "
            if not row.on_record:
                zr.append(None), tr.append(""), hr.append(head + gap)
            elif cell is None:
                zr.append(0), tr.append(""), hr.append(head + none)
            else:
                zr.append(ROLE_Z[cell.role])
                tr.append(_(ROLE_SYMBOL[cell.role]))
                hr.append(
                    head
                    + f"<b>{role_word(cell.role)}</b><br>{cell.all_periods}<br>"
                    + source.format(where=_short(cell.source_url))
                )
        z.append(zr), text.append(tr), hover.append(hr)
    per_country = count_roles(shown) if countries else per  # no choice: every country with a role is a column
    return Matrix(year, rows, cols, [names.get(c, c) for c in cols], z, text, hover, shown, per_country)


def _short(source: str, limit: int = 70) -> str:
    return source if len(source) <= limit else source[: limit - 1] + "…"


NARROW_AREAS = 3  # a panel of this many areas or fewer shares its row of the page


def panel_rows(panels: list[Panel]) -> list[list[Panel]]:
    """The panels in Catalogue order, neighbouring narrow ones side by side in one row."""
    rows: list[list[Panel]] = []
    for panel in panels:
        narrow = len(panel.areas) <= NARROW_AREAS
        if narrow and rows and all(len(p.areas) <= NARROW_AREAS for p in rows[-1]) and len(rows[-1]) < 3:
            rows[-1].append(panel)
        else:
            rows.append([panel])
    return rows


@dataclass(frozen=True)
class Panel:
    """One dimension of the matrix: its areas as columns, the states holding a role in it as rows."""

    dimension: str
    name: str  # the dimension's short name
    areas: list[str]
    area_names: list[str]  # short names (priority_areas.csv short_name), for column headers
    on_record: list[bool]  # per area: does any source name a coordinator for it this year
    rows: list[str]  # iso3, in the matrix's column order
    row_names: list[str]
    z: list[list[int]]
    text: list[list[str]]
    hover: list[list[str]]


def dimension_panels(m: Matrix) -> list[Panel]:
    """The matrix cut by dimension, so that it fits any screen without scrolling sideways:
    a few areas per panel, and only the states that hold a role in that dimension."""
    col = {c: j for j, c in enumerate(m.columns)}
    panels = []
    for dim, rows in m.rows.groupby("dimension", sort=False):
        idx = list(rows.index)
        holders = [c for c in m.columns if any(m.z[i][col[c]] for i in idx)]
        z = [[m.z[i][col[c]] or 0 for i in idx] for c in holders]
        text = [[m.text[i][col[c]] for i in idx] for c in holders]
        hover = [[m.hover[i][col[c]] for i in idx] for c in holders]
        names = dict(zip(m.columns, m.names))
        panels.append(
            Panel(
                dim,
                short_dimension(rows["dimension_name"].iloc[0]),
                list(rows["area"]),
                list(rows["short_name"]),
                list(rows["on_record"]),
                holders,
                [names[c] for c in holders],
                z,
                text,
                hover,
            )
        )
    return panels


def dimension_sentences(m: Matrix) -> list[tuple[str, list[str]]]:
    """Per dimension, one plain sentence per area: 'Agriculture: China (coordinator)',
    'Combating illicit drugs: not on record'. For screen readers and copying."""
    out: list[tuple[str, list[str]]] = []
    order = {c: i for i, c in enumerate(m.columns)}
    by_area: dict[str, list[dict]] = {}
    # a few dozen roles at most: plain records read faster than a pandas group per area
    for cell in m.cells.to_dict("records"):
        by_area.setdefault(cell["area"], []).append(cell)
    lines_by_dim: dict[str, tuple[str, list[str]]] = {}
    for row in m.rows.to_dict("records"):
        _name, lines = lines_by_dim.setdefault(row["dimension"], (short_dimension(row["dimension_name"]), []))
        if not row["on_record"]:
            lines.append(f"{row['area_name']}: {_(NOT_ON_RECORD)}")
            continue
        holders = by_area.get(row["area"])
        if not holders:
            lines.append(f"{row['area_name']}: " + _("none of the chosen countries"))
            continue
        holders = sorted(holders, key=lambda c: (-ROLE_Z[c["role"]], order.get(c["iso3"], len(order))))
        who = ", ".join(f"{c['country']} ({c['all_periods']})" for c in holders)
        lines.append(f"{row['area_name']}: {who}")
    out.extend(lines_by_dim.values())
    return out


def member_count(ds: Dataset, year: int) -> int:
    """Member states by the end of `year`."""
    return int((ds.members["accession_date"] <= pd.Timestamp(year, 12, 31)).sum())


def holders_sentence(m: Matrix, members: int, areas_total: int, filtered: bool = False) -> str:
    """How many states hold a role among the areas and states shown, of how many areas; for
    2017 unfiltered, why that differs from the seed article's count. `members`: member states
    by the end of the year."""
    held = m.cells["iso3"].nunique()
    areas = m.cells["area"].nunique()
    undated = m.cells.loc[m.cells["undated"], "iso3"].nunique() if len(m.cells) else 0
    shown = len(m.rows)
    if shown != areas_total:
        scope = (
            count(shown, "the {n} priority area shown", "the {n} priority areas shown")
            + " "
            + _("(of {total})").format(total=areas_total)
        )
    else:
        scope = count(areas_total, "the {n} priority area", "the {n} priority areas")
    text = _(
        "In {year}, {held} held a coordinator or co-coordinator role on record in {areas} of {scope} "
        "(CICA had {members} by the end of {year})."
    ).format(
        year=m.year,
        held=count(held, "{n} country", "{n} countries"),
        areas=areas,
        scope=scope,
        members=count(members, "{n} member state", "{n} member states"),
    )
    if undated:
        text += " " + _("This includes {undated} listed by an undated source, counted in every year.").format(
            undated=count(undated, "{n} country", "{n} countries")
        )
    if m.year == SEED_YEAR and held != SEED_COUNT and not filtered:
        text += " " + _(
            "The October 2017 article by the Secretariat's Executive Director says {seed} countries were "
            "coordinators or co-coordinators then, counting every priority area; this record holds only the roles "
            "that a source names and dates to {year} or earlier (or lists without a date), so {held} is what the data shows."
        ).format(seed=SEED_COUNT, year=m.year, held=held)
    return text


ROLE_TABLE_COLUMNS = ("Dimension", "Priority area", "Country", "Role", "Period", "Source", "Reference", "Notes")


def role_table(m: Matrix) -> pd.DataFrame:
    """The roles shown, with their periods and sources, for a table with a link column."""
    c = m.cells
    if c.empty:
        return pd.DataFrame(columns=list(ROLE_TABLE_COLUMNS))
    out = pd.DataFrame(
        {
            N_("Dimension"): c["dimension_name"].map(short_dimension),
            N_("Priority area"): c["area_name"],
            N_("Country"): c["country"],
            N_("Role"): c["role"].map(role_word),
            N_("Period"): c["all_periods"],
            **source_columns(c["source_url"]),
            N_("Notes"): c["notes"],
        }
    )
    area_pos = {a: i for i, a in enumerate(m.rows["area"])}
    col_pos = {k: i for i, k in enumerate(m.columns)}
    key = c["area"].map(area_pos) * 1000 + c["iso3"].map(col_pos)
    return out.loc[key.sort_values().index].reset_index(drop=True)


def cell_choices(m: Matrix) -> list[tuple[str, str]]:
    """(area, iso3) of every filled cell, in matrix order: the options for 'open a cell'."""
    out = []
    for i, row in enumerate(m.rows.itertuples()):
        for j, code in enumerate(m.columns):
            if m.z[i][j]:
                out.append((row.area, code))
    return out


def country_options(ds: Dataset, chosen: Sequence[str] = ()) -> dict[str, str]:
    """Member states by name for the country filter, plus any other state a link named."""
    names = member_names(ds)
    names.update({c: country_label(c) for c in chosen if c not in names})
    return dict(sorted(names.items(), key=lambda kv: kv[1]))


def cell_labels(m: Matrix, cells: list[tuple[str, str] | None]) -> dict[tuple[str, str] | None, str]:
    """The picker's label of every cell in `cells` ('Agriculture · China'; None: the prompt),
    with the name lookups made once; the page passes the dict's `get` as the picker's format_func."""
    areas = dict(zip(m.rows["area"], m.rows["area_name"]))
    names = dict(zip(m.columns, m.names))
    return {
        c: _("Choose an area and country…") if c is None else f"{areas.get(c[0], c[0])} · {names.get(c[1], c[1])}" for c in cells
    }
