"""Filtering and summarising the events record (pure functions, fixture data)."""

from __future__ import annotations

import pandas as pd
import pytest

from cica_dash.data.vocabulary import Vocabulary
from cica_dash.figures import events as evf
from cica_dash.model import events as ev
from cica_dash.url.state import EventsState


@pytest.fixture(scope="module")
def vocab(fixture_dataset):
    return Vocabulary.from_dataset(fixture_dataset)


# fixture events (tests/fixtures/data/events.csv), by id suffix:
# ngf-1 2015 human CHN Beijing | thai-course 2017 environmental THA | mp-seminar(2018) KAZ w/ participants KAZ;TUR;THA
# tourism-b2b 2021 economic THA online | transport 2021 economic KAZ online, participants CHN;THA
# mp-seminar(2023) KAZ Astana | ttf-11 2023 institutional CHN | business-forum 2025 economic AZE
FILTERS = [
    (EventsState(), 8),
    (EventsState(dimension=("economic",)), 3),
    (EventsState(dimension=("economic", "institutional")), 4),
    (EventsState(country=("THA",)), 4),  # hosts 2, named participant in 2 more
    (EventsState(country=("TUR",)), 1),  # only as participant
    (EventsState(country=("AZE", "CHN")), 4),  # host AZE 1, host CHN 2, participant CHN 1
    (EventsState(area=("mp-general",)), 2),
    (EventsState(type=("seminar",)), 3),
    (EventsState(year_from=2021), 5),
    (EventsState(year_to=2017), 2),
    (EventsState(year_from=2018, year_to=2018), 1),
    (EventsState(q="SEMINAR"), 3),
    (EventsState(q="astana"), 2),  # matches the city
    (EventsState(dimension=("economic",), country=("THA",), year_from=2015, year_to=2020), 0),
    (EventsState(dimension=("economic",), country=("THA",), year_from=2015, year_to=2021), 2),
    (EventsState(q="nothing like this"), 0),
    (EventsState(q="Неправительственный"), 1),  # the Russian title, in any language
    (EventsState(q="Azerbaijan"), 1),  # the host's name, though no title names it
]


@pytest.mark.parametrize("state,count", FILTERS)
def test_filter_events(fixture_dataset, state, count):
    assert len(ev.filter_events(fixture_dataset.events, state)) == count


def test_per_year_is_zero_filled_and_stacked_by_dimension(fixture_dataset):
    counts = ev.per_year(fixture_dataset.events)
    assert counts["year"].min() == 2015 and counts["year"].max() == 2025
    assert counts["events"].sum() == 8
    y2021 = counts[counts["year"] == 2021].groupby("dimension")["events"].sum()
    assert y2021["economic"] == 2 and y2021["human"] == 0
    assert set(counts[counts["year"] == 2016]["events"]) == {0}
    # CICA's own (organised or co-organised) apart from others' events it took part in
    by = counts.set_index(["year", "dimension", "own"])["events"]
    assert by[(2021, "economic", True)] == 2 and by[(2021, "economic", False)] == 0
    assert by[(2017, "environmental", False)] == 1 and by[(2017, "environmental", True)] == 0


def test_per_year_figure_has_one_trace_per_dimension_and_hatches_taking_part(fixture_dataset, vocab):
    fig = evf.per_year_figure(ev.per_year(fixture_dataset.events), vocab)
    assert [t.name for t in fig.data] == [
        "Military-political",
        "Economic",
        "Environmental",
        "Human",
        "Institutional",
        "Environmental (took part)",
        "Institutional (took part)",
    ]
    assert [t.marker.pattern.shape for t in fig.data] == [None] * 5 + ["/", "/"]
    assert fig.layout.barmode == "stack"
    assert fig.layout.yaxis.dtick == 1  # a few events a year: whole-number ticks, no "0.2 events"


RELATION_FILTERS = [
    ((), 8),
    (("organised",), 5),
    (("co-organised",), 1),
    (("took-part",), 2),
    (("organised", "co-organised"), 6),
]


@pytest.mark.parametrize("relation,count", RELATION_FILTERS)
def test_relation_filter(fixture_dataset, relation, count):
    rows = ev.filter_events(fixture_dataset.events, EventsState(relation=relation))
    assert len(rows) == count
    assert not relation or set(rows["relation"]) <= set(relation)


def test_relation_line_counts_each_kind(fixture_dataset):
    assert ev.relation_line(fixture_dataset.events) == (
        "Of these: 5 organised by CICA; 1 co-organised by CICA; 2 other bodies' events CICA took part in."
    )
    assert ev.relation_line(fixture_dataset.events.iloc[0:0]) == ""


def test_places_aggregate_and_leave_out_online(fixture_dataset, vocab):
    pts = ev.places(fixture_dataset.events, vocab).set_index("city")
    assert set(pts.index) == {"Beijing", "Astana", "Xining", "Baku"}
    assert pts.at["Astana", "events"] == 2
    assert pts.at["Astana", "label"] == "Military-political 2"
    assert pts.at["Xining", "label"] == "Institutional 1; 1 where CICA took part"
    assert pts.at["Astana", "own"] == 2 and pts.at["Xining", "own"] == 0
    trace = evf.places_map(pts.reset_index()).data[0]
    drawn = {lat: colour for lat, colour in zip(trace.lat, trace.marker.color)}
    astana, xining = drawn[pts.at["Astana", "lat"]], drawn[pts.at["Xining", "lat"]]
    assert astana.startswith("rgba(0,114,178,")  # the military-political colour
    assert float(xining.rsplit(",", 1)[1][:-1]) < float(astana.rsplit(",", 1)[1][:-1])  # only others' events: pale


@pytest.mark.parametrize(
    ("city", "lat", "lon", "outside"),
    [
        ("Astana", 51.17, 71.45, False),
        ("Vladivostok", 43.12, 131.89, False),
        ("Istanbul", 41.01, 28.98, False),
        ("New York", 40.71, -74.01, True),
        ("Washington", 38.91, -77.04, True),
        ("Geneva", 46.20, 6.14, True),  # west of the frame's 12°E
        ("Anadyr", 64.73, 177.51, False),
    ],
)
def test_places_beyond_the_maps_frame_are_named(city, lat, lon, outside):
    points = pd.DataFrame({"city": [city], "lat": [lat], "lon": [lon]})
    assert evf.outside_the_map(points) == ([city] if outside else [])


def test_a_places_area_grows_with_its_events(fixture_dataset, vocab):
    pts = ev.places(fixture_dataset.events, vocab)
    marker = evf.places_map(pts).data[0].marker
    assert marker.sizemode == "area" and list(marker.size) == list(pts["events"])
    assert marker.sizeref == pytest.approx(2 * pts["events"].max() / evf.PLACE_MAX_PX**2)
    assert evf.places_map(pts.iloc[0:0]).data[0].lat is not None  # no places: an empty map, not an error


def test_places_of_nothing_is_an_empty_frame(fixture_dataset, vocab):
    assert ev.places(fixture_dataset.events.iloc[0:0], vocab).empty


def test_table_formats_dates_at_their_precision(fixture_dataset, vocab):
    t = ev.table(fixture_dataset.events, vocab).set_index("Event")
    assert t.at["1st Non-Governmental Forum", "Date"] == "25–26 May 2015"
    assert t.at["Thai courses on sustainable development", "Date"] == "Oct 2017"
    assert t.at["Tourism recovery B2B session", "Place"] == "online"
    assert t.at["11th Think Tank Forum", "Host"] == "China"
    assert list(ev.table(fixture_dataset.events, vocab)["sort_date"].dt.year)[:1] == [2025]


def test_describe_line(vocab):
    s = EventsState(dimension=("economic",), country=("THA",), year_from=2015, year_to=2020)
    assert s.describe(vocab, 27) == "27 events · economic · Thailand · 2015–2020"


@pytest.mark.parametrize(
    "state",
    [
        EventsState(),
        EventsState(dimension=("economic",)),
        EventsState(country=("THA",), year_from=2015, year_to=2020),
        EventsState(q="zzzz-no-such-text"),
    ],
)
@pytest.mark.parametrize("limit", [None, 5])
def test_a_page_of_the_shared_table_is_the_table_of_the_filtered_rows(real_dataset, state, limit):
    # the page formats the whole record once and picks rows from it: it must show what
    # formatting the filtered rows would
    vocab = Vocabulary.from_dataset(real_dataset)
    rows = ev.filter_events(real_dataset.events, state)
    expected = ev.table(rows, vocab, limit=limit)
    got = ev.table_page(ev.table(real_dataset.events, vocab), rows.index, limit)
    if rows.empty:
        assert got.empty
    else:
        pd.testing.assert_frame_equal(got, expected)


def test_filtered_csv_holds_the_filtered_rows_oldest_first(fixture_dataset):
    import csv
    import io

    state = EventsState(dimension=("economic",))
    rows = list(csv.DictReader(io.StringIO(ev.filtered_csv(fixture_dataset.events, state).decode("utf-8"))))
    assert len(rows) == 3
    assert {r["dimension"] for r in rows} == {"economic"}
    assert [r["start_date"] for r in rows] == sorted(r["start_date"] for r in rows)
    assert list(rows[0]) == list(fixture_dataset.events.columns)  # the record's own columns


def test_places_order_each_label_by_count_then_dimension(vocab):
    rows = pd.DataFrame(
        {
            "city": ["Baku"] * 4 + ["Astana"] * 4 + ["Online", "Nowhere"],
            "lat": [40.4] * 4 + [51.2] * 4 + [51.2, None],
            "lon": [49.9] * 4 + [71.4] * 4 + [71.4, None],
            "online": [False] * 8 + [True, False],
            "relation": ["organised"] * 10,
            "dimension": [
                "human",
                "economic",
                "human",
                "economic",
                "human",
                "human",
                "human",
                "economic",
                "economic",
                "economic",
            ],
        }
    )
    pts = ev.places(rows, vocab)
    assert list(pts["city"]) == ["Astana", "Baku"]  # sorted; the online and unplaced events left out
    assert list(pts["events"]) == [4, 4]
    # a tie goes to the dimension listed first (economic before human)
    assert list(pts["dimension"]) == ["human", "economic"]
    assert list(pts["label"]) == ["Human 3, Economic 1", "Economic 2, Human 2"]


@pytest.mark.parametrize(
    "state,thin",
    [
        (EventsState(), False),
        (EventsState(year_from=1993, year_to=1999), True),
        (EventsState(year_from=2007), True),
        (EventsState(year_from=2008), False),
        (EventsState(year_to=2005), True),
        (EventsState(year_to=2010), False),
    ],
)
def test_a_years_filter_before_2008_is_told_the_record_is_thin(state, thin):
    assert ev.reaches_thin_years(state) is thin


@pytest.mark.parametrize(
    "lang, q, count",
    [("ru", "Таиланд", 2), ("ru", "таил", 2), ("en", "Таиланд", 0), ("ru", "Казахстан", 3), ("ru", "Азербайджан", 1)],
)
def test_the_text_search_reads_the_host_name_in_the_run_language(fixture_dataset, lang, q, count):
    from cica_dash.data.i18n import using

    with using(lang):
        assert len(ev.filter_events(fixture_dataset.events, EventsState(q=q))) == count


@pytest.mark.parametrize("lang, title", [("en", "1st Non-Governmental Forum"), ("ru", "1-й Неправительственный форум")])
def test_an_event_shows_its_russian_title_on_the_russian_pages_only(fixture_dataset, lang, title):
    from cica_dash.data.i18n import using

    with using(lang):
        table = ev.table(fixture_dataset.events, Vocabulary.from_dataset(fixture_dataset))
    assert title in set(table["Event"])
    assert "Thai courses on sustainable development" in set(table["Event"])  # no Russian title: as recorded


@pytest.mark.parametrize(
    "lang, n, text",
    [
        ("en", 1, "1 other body's event CICA took part in"),
        ("en", 46, "46 other bodies' events CICA took part in"),
        ("ru", 1, "1 событие других организаций с участием СВМДА"),
        ("ru", 2, "2 события других организаций с участием СВМДА"),
        ("ru", 46, "46 событий других организаций с участием СВМДА"),
    ],
)
def test_a_count_of_events_by_what_cica_did_agrees_with_its_number(lang, n, text):
    from cica_dash.data.i18n import count, using
    from cica_dash.data.labels import RELATION_COUNTS

    with using(lang):
        assert count(n, *RELATION_COUNTS["took-part"]) == text
