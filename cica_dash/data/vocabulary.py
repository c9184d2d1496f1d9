"""What link values can name: the codes and slugs present in the data, with their names (built
once per data version and day, shared by the link parsing, the widgets and the model)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from cica_dash.data.load import Dataset
from cica_dash.data.names import country_label, country_name, localized

FIRST_YEAR = 1992  # the initiative at the UN General Assembly


@dataclass(frozen=True)
class Vocabulary:
    """What link values can name: the codes and slugs present in the data."""

    countries: Mapping[str, str]  # ISO3 -> name (members, observer states, event hosts)
    dimensions: Mapping[str, str]  # slug -> name, the five Catalogue dimensions
    areas: Mapping[str, str]  # slug -> name
    area_dimension: Mapping[str, str]  # area slug -> dimension slug
    event_types: tuple[str, ...]
    relations: tuple[str, ...]  # events' relation to CICA: organised, co-organised, took-part
    categories: tuple[str, ...]
    first_year: int
    last_year: int

    @classmethod
    def from_dataset(cls, ds: Dataset, today: date | None = None) -> Vocabulary:
        today = today or date.today()
        names: dict[str, str] = {}
        for code in ds.events["host_iso3"].dropna():
            names[code] = country_name(code)
        states = ds.observers[ds.observers["kind"] == "state"].dropna(subset=["iso3"])
        names.update(zip(states["iso3"], states["name"]))
        names.update(zip(ds.members["iso3"], ds.members["name"]))
        names = {code: country_label(code, name) for code, name in names.items()}  # in the run's language
        spec = next(r for r in ds.package["resources"] if r["name"] == "events")
        types = next(f for f in spec["schema"]["fields"] if f["name"] == "type")["constraints"]["enum"]
        relations = next(f for f in spec["schema"]["fields"] if f["name"] == "relation")["constraints"]["enum"]
        mspec = next(r for r in ds.package["resources"] if r["name"] == "milestones")
        cats = next(f for f in mspec["schema"]["fields"] if f["name"] == "category")["constraints"]["enum"]
        last = max(today.year, int(pd.concat([ds.milestones["date"], ds.events["start_date"]]).max().year))
        return cls(
            countries=dict(sorted(names.items(), key=lambda kv: kv[1])),
            dimensions=dict(zip(ds.dimensions["dimension"], localized(ds.dimensions, "name"))),
            areas=dict(zip(ds.priority_areas["area"], localized(ds.priority_areas, "name"))),
            area_dimension=dict(zip(ds.priority_areas["area"], ds.priority_areas["dimension"])),
            event_types=tuple(types),
            relations=tuple(relations),
            categories=tuple(cats),
            first_year=FIRST_YEAR,
            last_year=last,
        )
