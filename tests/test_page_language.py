"""AppTest: the interface's language is part of the link (`lang=ru`), and a page that is fully
translated shows no English interface words. (That the navigation keeps `lang` is the browser's
part: tests/browser/test_language_browser.py.)"""

from __future__ import annotations

import pytest

from cica_dash.glue.ui import LANG_WIDGET
from tests.apptest_helpers import english_left, run_page, shown_text, warnings_text


def test_the_overview_in_russian_has_no_english_interface_words():
    at = run_page("overview", {"lang": "ru"})
    assert not at.exception
    shown = shown_text(at)
    assert at.title[0].value == "Панель СВМДА"
    assert "Государства-члены" in shown and "Лет с инициативы 1992 года" in shown
    leftovers = english_left(shown)
    assert leftovers == []
    assert dict(at.query_params) == {"lang": "ru"}  # the language stays in the link
    assert at.segmented_control(key=LANG_WIDGET).value == "ru"


def test_the_member_map_in_russian_has_no_english_interface_words():
    at = run_page("map", {"lang": "ru", "year": "2017"})
    assert not at.exception
    shown = shown_text(at)
    assert at.title[0].value == "Карта участников"
    assert english_left(shown) == []
    members = at.dataframe[0].value
    assert {"Государство", "Статус", "Источник"} <= set(members.columns)
    assert "Россия" in set(members["Государство"]) and "Казахстан" in set(members["Государство"])
    assert any("1999 г." in since for since in members["С какого времени"])
    assert dict(at.query_params) == {"lang": "ru", "year": "2017"}


def test_the_timeline_in_russian_has_no_english_interface_words():
    at = run_page("timeline", {"lang": "ru", "from": "1992", "to": "2017", "country": "KAZ"})
    assert not at.exception
    shown = shown_text(at)
    assert at.title[0].value == "Хронология"
    assert english_left(shown) == []
    assert "1992–2017 · Казахстан" in shown.replace("\\", "")
    assert at.radio(key="timeline.preset").value == "First 25 years (1992–2017)"  # the value stays the code
    assert "Первые 25 лет (1992–2017)" in at.radio(key="timeline.preset").options
    items = at.dataframe[0].value
    assert "Председательство: Казахстан" in set(items["Название"])


def test_the_matrix_in_russian_has_no_english_interface_words():
    at = run_page("matrix", {"lang": "ru", "year": "2017"})
    assert not at.exception
    shown = shown_text(at).replace("\\", "")
    assert at.title[0].value == "Кто что координирует"
    assert english_left(shown) == []
    assert "В 2017 г. по записям 11 стран — координаторы" in shown
    assert "не позднее чем с октября 2017 г." in shown  # the genitive after "с"
    roles = at.dataframe[0].value
    assert {"Измерение", "Приоритетная сфера", "Страна", "Роль", "Период", "Источник"} <= set(roles.columns)
    assert set(roles["Роль"]) <= {"координатор", "сокоординатор"} and "Россия" in set(roles["Страна"])
    assert "Экономическое" in set(roles["Измерение"])


def test_english_is_the_default_and_stays_out_of_the_link():
    at = run_page("overview")
    assert at.title[0].value == "CICA Dashboard" and dict(at.query_params) == {}


def test_the_events_in_russian_find_states_by_their_russian_names():
    at = run_page("events", {"lang": "ru", "q": "Таиланд"})
    assert not at.exception
    shown = shown_text(at).replace("\\", "")
    assert at.title[0].value == "События"
    assert english_left(shown) == []
    events = at.dataframe[0].value
    assert len(events) >= 5 and set(events["Принимающая страна"]) == {"Таиланд"}  # the host's Russian name matched
    assert {"Дата", "Событие", "Тип", "Роль СВМДА", "Источник"} <= set(events.columns)
    assert set(events["Статус"]) <= {"состоялось", "запланировано", "объявлено"}
    assert f"{len(events)} событий · по запросу «Таиланд»" in shown


def test_about_the_data_in_russian_keeps_the_files_names_and_codes():
    at = run_page("data", {"lang": "ru"})
    assert not at.exception
    shown = shown_text(at).replace("\\", "")
    assert at.title[0].value == "О данных"
    assert english_left(shown) == []
    dictionary = at.dataframe[-1].value
    assert {"Файл", "Столбец", "Значение"} <= set(dictionary.columns)
    assert "events.csv" in set(dictionary["Файл"]) and "title_ru" in set(dictionary["Столбец"])  # the files' own names
    assert not any("Short title" in str(m) for m in dictionary["Значение"])  # the descriptions are in Russian
    assert "на английском" in shown  # the note that downloads keep the canonical names


def test_an_unknown_language_is_dropped_with_a_notice():
    at = run_page("overview", {"lang": "de"})
    assert not at.exception
    assert any("`lang`" in w and "de" in w for w in warnings_text(at))
    assert at.title[0].value == "CICA Dashboard" and "lang" not in at.query_params


def test_the_language_stays_in_the_link_when_the_view_changes():
    at = run_page("matrix", {"year": "2017", "lang": "ru"})
    at.slider(key="matrix.year").set_value(2016).run()
    assert not at.exception
    assert dict(at.query_params) == {"year": "2016", "lang": "ru"}
    at = run_page("events", {"lang": "ru", "country": "THA"})
    at.multiselect(key="events.country").unselect("THA").run()
    assert dict(at.query_params) == {"lang": "ru"}


def test_the_shared_caches_keep_one_copy_per_language(real_dataset):
    from cica_dash.data.i18n import using
    from cica_dash.glue import cached

    with using("ru"):
        russian = cached.member_steps(real_dataset)
    english = cached.member_steps(real_dataset)
    assert english is cached.member_steps(real_dataset)  # still shared within a language
    assert english.loc[0, "date_text"] == "1999" and russian.loc[0, "date_text"] == "1999 г."


def test_a_country_profile_and_its_brief_in_russian(real_dataset):
    import io
    from datetime import date

    from pypdf import PdfReader

    from cica_dash.data.i18n import using
    from cica_dash.figures.brief import country_brief_pdf
    from cica_dash.model import profile as prof

    at = run_page("country", {"lang": "ru", "country": "THA"})
    assert not at.exception
    shown = shown_text(at)
    assert at.header[0].value == "Таиланд"
    assert english_left(shown) == []
    assert "Таиланд — член СВМДА с 22 окт. 2004 г. Статус наблюдателя" in shown.replace("\\", "")
    roles = next(d.value for d in at.dataframe if "Роль" in d.value.columns)
    assert {"Измерение", "Приоритетная сфера", "Роль", "Период"} <= set(roles.columns)
    assert set(roles["Роль"]) <= {"координатор", "сокоординатор"}
    with using("ru"):
        p = prof.country_profile(real_dataset, "THA", date(2026, 12, 1))
        pdf = country_brief_pdf(p, link="country?country=THA&lang=ru", version="v", made=date(2026, 12, 1))
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Справка о стране" in text and "Таиланд" in text and "Источники" in text
    assert reader.pdf_header and reader.trailer["/Root"].get("/Lang") == "ru"


# every page, default and filtered, as the English page tests share them
SHARED = [
    ("overview", {}),
    ("map", {}),
    ("map", {"year": "2004"}),
    ("timeline", {"from": "1992", "to": "2017"}),
    ("timeline", {"category": "summit", "country": "CHN"}),
    ("matrix", {}),
    ("matrix", {"year": "2021", "dimension": "economic", "order": "name"}),
    ("events", {}),
    ("events", {"dimension": "economic", "country": "THA", "from": "2015", "to": "2025"}),
    ("events", {"q": "think tank", "milestones": "include"}),
    ("events", {"q": "nothing like this"}),  # the empty result
    ("country", {"country": "AZE"}),
    ("country", {"country": "KAZ"}),
    ("data", {}),
]


@pytest.mark.parametrize(("page", "query"), SHARED, ids=[f"{p}-{'-'.join(q.values()) or 'default'}" for p, q in SHARED])
def test_a_shared_link_in_russian_shows_the_same_view_in_russian_words(page, query):
    english, russian = run_page(page, query), run_page(page, {**query, "lang": "ru"})
    assert not russian.exception and not english.exception
    shown = shown_text(russian).replace("\\\\", "")
    assert english_left(shown) == []
    assert [len(d.value) for d in russian.dataframe] == [len(d.value) for d in english.dataframe]  # the same rows
    assert {k: v for k, v in russian.query_params.items() if k != "lang"} == dict(english.query_params)
    assert russian.query_params["lang"] == "ru"
    assert len(russian.warning) == len(english.warning)  # no notice the English link does not give
