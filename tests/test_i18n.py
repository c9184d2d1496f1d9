"""The languages' own rules, table-driven: dates at their precision (Babel's month names), and
the language of a run."""

from __future__ import annotations

import pandas as pd
import pytest

from cica_dash.data import i18n
from cica_dash.data.dates import format_date, format_dates, format_span, format_spans

T = pd.Timestamp


@pytest.mark.parametrize(
    "lang, value, precision, text",
    [
        ("en", T(1992, 10, 5), "day", "5 Oct 1992"),
        ("en", T(2014, 10, 1), "month", "Oct 2014"),
        ("en", T(2011, 1, 1), "year", "2011"),
        ("en", T(2023, 9, 2), None, "2 Sep 2023"),  # no precision: a day
        ("ru", T(1992, 10, 5), "day", "5 окт. 1992 г."),
        ("ru", T(2014, 10, 1), "month", "октябрь 2014 г."),
        ("ru", T(2011, 1, 1), "year", "2011 г."),
        ("ru", T(2022, 5, 17), "day", "17 мая 2022 г."),  # the genitive of a day's month
        ("ru", T(2022, 5, 1), "month", "май 2022 г."),  # the month alone in the nominative
    ],
)
def test_a_date_at_its_precision(lang, value, precision, text):
    with i18n.using(lang):
        assert format_date(value, precision) == text
        assert format_dates(pd.Series([value, pd.NaT]), pd.Series([precision, "day"])).tolist() == [text, ""]


@pytest.mark.parametrize(
    "lang, start, end, text",
    [
        ("en", T(2022, 10, 12), T(2022, 10, 13), "12–13 Oct 2022"),
        ("en", T(2023, 8, 28), T(2023, 9, 2), "28 Aug – 2 Sep 2023"),
        ("en", T(2021, 12, 30), T(2022, 1, 2), "30 Dec 2021 – 2 Jan 2022"),
        ("ru", T(2022, 10, 12), T(2022, 10, 13), "12–13 окт. 2022 г."),
        ("ru", T(2023, 8, 28), T(2023, 9, 2), "28 авг. – 2 сент. 2023 г."),
    ],
)
def test_a_span_of_days(lang, start, end, text):
    with i18n.using(lang):
        assert format_span(start, end, "day") == text
        assert format_spans(pd.Series([start]), pd.Series([end]), pd.Series(["day"])).tolist() == [text]


@pytest.mark.parametrize(
    "lang, text, shown",
    [
        ("en", "2026-12-01", "1 Dec 2026"),
        ("ru", "2026-12-01", "1 дек. 2026 г."),
        ("en", "not a date", "not a date"),
        ("en", "", ""),
    ],
)
def test_an_iso_day_in_the_one_date_style(lang, text, shown):
    from cica_dash.data.dates import format_iso_day

    with i18n.using(lang):
        assert format_iso_day(text) == shown


def test_the_language_of_a_run_is_english_unless_set():
    assert i18n.current() == "en"
    with i18n.using("ru"):
        assert i18n.current() == "ru"
        with i18n.using("xx"):  # an unknown code gives English
            assert i18n.current() == "en"
    assert i18n.current() == "en"


def test_every_word_of_the_code_is_in_every_catalog_and_translated():
    from devtools.catalog import extracted, problems

    template = extracted()
    assert len(template) > 40
    assert problems(template) == []


@pytest.mark.parametrize(
    "lang, n, text",
    [
        ("en", 1, "hosted in 1 country"),
        ("en", 5, "hosted in 5 countries"),
        ("ru", 1, "проведены в 1 стране"),
        ("ru", 2, "проведены в 2 странах"),
        ("ru", 5, "проведены в 5 странах"),
        ("ru", 11, "проведены в 11 странах"),
        ("ru", 21, "проведены в 21 стране"),  # Russian's three forms, as the compiled catalog has them
        ("ru", 1234, "проведены в 1\N{NO-BREAK SPACE}234 странах"),  # numbers as the language writes them
    ],
)
def test_plural_forms_and_numbers(lang, n, text):
    with i18n.using(lang):
        assert i18n.count(n, "hosted in {n} country", "hosted in {n} countries") == text


@pytest.mark.parametrize(
    "lang, iso3, recorded, name",
    [
        ("en", "RUS", "Russia", "Russia"),  # English: the record's own name
        ("ru", "RUS", "Russia", "Россия"),  # the forum's short name, not ISO's
        ("ru", "KGZ", "Kyrgyzstan", "Кыргызстан"),
        ("ru", "KOR", "Republic of Korea", "Республика Корея"),  # pycountry's own catalog
        ("ru", "IRN", "Iran", "Иран"),
    ],
)
def test_country_names_in_each_language(lang, iso3, recorded, name):
    from cica_dash.data.names import country_label

    with i18n.using(lang):
        assert country_label(iso3, recorded) == name


def test_a_link_carries_the_language_but_english_stays_out():
    from cica_dash.glue.ui import _link_query
    from cica_dash.url.state import EventsState

    state = EventsState(country=("THA",))
    assert _link_query(state) == {"country": ["THA"]}
    assert _link_query(None) is None
    with i18n.using("ru"):
        assert _link_query(state) == {"country": ["THA"], "lang": ["ru"]}
        assert _link_query(None) == {"lang": ["ru"]}


@pytest.mark.parametrize(
    "lang, status, word",
    [
        ("en", "founding member", "founding member"),
        ("ru", "founding member", "основатель"),  # short enough for a metric, where tables say "государство-основатель"
        ("ru", "former observer", "бывший наблюдатель"),
    ],
)
def test_a_status_in_a_word_takes_its_own_context(lang, status, word):
    from cica_dash.model.membership import status_in_a_word

    with i18n.using(lang):
        assert status_in_a_word(status) == word


@pytest.mark.parametrize(
    "lang, template, value, precision, text",
    [
        ("ru", "с {date:genitive}", pd.Timestamp(2014, 10, 1), "month", "с октября 2014 г."),
        ("ru", "с {date:genitive}", pd.Timestamp(2014, 5, 1), "month", "с мая 2014 г."),
        ("ru", "с {date:genitive}", pd.Timestamp(2014, 10, 5), "day", "с 5 окт. 2014 г."),  # a day's month is already governed
        ("ru", "с {date:genitive}", pd.Timestamp(2011, 1, 1), "year", "с 2011 г."),
        ("ru", "по {date}", pd.Timestamp(2023, 3, 1), "month", "по март 2023 г."),  # no case asked: as it is
        ("en", "since {date:genitive}", pd.Timestamp(2014, 10, 1), "month", "since Oct 2014"),  # English has no case
        ("ru", "Данные на {date}.", pd.Timestamp(2026, 12, 1), "day", "Данные на 1 дек. 2026 г."),  # one full stop
        ("en", "Data as of {date}.", pd.Timestamp(2026, 12, 1), "day", "Data as of 1 Dec 2026."),
    ],
)
def test_a_translation_asks_the_case_its_preposition_needs(lang, template, value, precision, text):
    with i18n.using(lang):
        assert i18n.Message(template).format(date=format_date(value, precision)) == text


def test_the_russian_pages_say_since_with_the_genitive():
    with i18n.using("ru"):
        assert i18n._("since {date}").format(date=format_date(pd.Timestamp(2017, 10, 1), "month")) == "с октября 2017 г."


@pytest.mark.parametrize(
    "msgid, msgstr, problems",
    [
        ("since {date}", "с {date:genitive}", 0),
        ("since {date}", "с {date}", 0),
        ("{n} event", "событие", 0),  # a field may be dropped
        ("since {date}", "с {day}", 1),  # not a field the code passes
        ("since {date}", "с {date:dative}", 1),  # not a known case
        (("{n} event", "{n} events"), ("{n} событие", "{n} события", "{count} событий"), 1),
    ],
)
def test_a_translation_uses_only_the_fields_of_its_message(msgid, msgstr, problems):
    from devtools.catalog import placeholder_problems

    assert len(placeholder_problems("ru", msgid, msgstr)) == problems


@pytest.mark.parametrize(
    "header, lang",
    [
        ("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"),
        ("en-GB,en;q=0.9,ru;q=0.8", "en"),
        ("de-DE,de;q=0.9,ru;q=0.5", "ru"),  # the first language we have
        ("en;q=0.5,ru;q=0.9", "ru"),  # by weight, not by position
        ("kk-KZ, ru;q=0.8", "ru"),
        ("ru;q=0", "en"),  # q=0: not wanted
        ("fr, de", "en"),
        ("*", "en"),
        ("", "en"),
        ("ru;q=abc", "en"),  # a bad weight counts as not wanted
    ],
)
def test_the_first_language_a_browser_asks_for(header, lang):
    assert i18n.from_accept_language(header) == lang
