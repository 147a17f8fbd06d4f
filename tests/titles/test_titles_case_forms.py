"""Case forms and clitics generated from the listed titles (``titles._data.case_forms``), and former offices."""

from __future__ import annotations

import pytest

import newsnorm
from newsnorm.titles._data import case_forms


@pytest.mark.parametrize(
    ("form", "lang", "wanted"),
    [
        ("президент", "ru", {"президента", "президенту", "президентом", "президенте"}),
        ("госсекретарь", "ru", {"госсекретаря", "госсекретарю", "госсекретарём", "госсекретарем"}),
        ("министр иностранных дел", "ru", {"министра иностранных дел", "министром иностранных дел"}),
        ("генеральный секретарь", "ru", {"генерального секретаря", "генеральному секретарю", "генеральным секретарём"}),
        ("папа римский", "ru", {"папы римского", "папой римским"}),
        ("премьер-министр", "ru", {"премьер-министра", "премьер-министром"}),
        ("судья", "ru", {"судьи", "судье", "судью"}),
        ("генеральний секретар", "uk", {"генерального секретаря", "генеральному секретарю"}),
        ("прем'єр-міністр", "uk", {"прем'єр-міністра", "прем'єр-міністром", "прем'єр-міністрові"}),
        ("präsident", "de", {"präsidenten"}),
        ("bundeskanzler", "de", {"bundeskanzlers"}),
        ("papst", "de", {"papstes"}),
        ("الرئيس", "ar", {"بالرئيس", "والرئيس", "للرئيس", "وللرئيس"}),
        ("وزير الخارجية", "ar", {"ووزير الخارجية", "لوزير الخارجية", "بوزير الخارجية"}),
    ],
)
def test_case_forms_hold_the_forms_news_writes(form: str, lang: str, wanted: set[str]) -> None:
    assert wanted <= case_forms(form, lang)


@pytest.mark.parametrize(
    ("form", "lang"),
    [
        ("präsidentin", "de"),  # a feminine noun does not inflect in the singular
        ("erster bürgermeister", "de"),  # several words: not generated
        ("président", "fr"),  # no case forms in French
        ("president", "en"),
    ],
)
def test_no_case_forms_where_the_language_writes_none(form: str, lang: str) -> None:
    assert case_forms(form, lang) == set()


def test_case_forms_leave_a_complement_alone() -> None:
    # the genitive complement of the head noun never inflects
    assert all(f.endswith(" иностранных дел") for f in case_forms("министр иностранных дел", "ru"))
    assert all(f.endswith(" закордонних справ") for f in case_forms("міністр закордонних справ", "uk"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Former British Prime Minister Boris Johnson criticised the plan.", "en"),
        ("The former U.S. President Barack Obama spoke.", "en"),
        ("L'ancien Premier ministre Édouard Philippe a annoncé sa candidature.", "fr"),
        ("L'ex premier Mario Draghi ha presentato il rapporto.", "it"),
        ("Der frühere Bundeskanzler Gerhard Schröder verteidigte seine Haltung.", "de"),
        ("Eski Başbakan Ahmet Davutoğlu yeni parti kurdu.", "tr"),
        ("Бывший президент США Дональд Трамп выступил в Айове.", "ru"),
        ("Były premier Mateusz Morawiecki skrytykował rząd.", "pl"),
    ],
)
def test_a_former_word_before_the_title_marks_a_former_office(text: str, lang: str) -> None:
    (title,) = [m for m in newsnorm.Pipeline(["titles"])(text, lang=lang).mentions if m.kind == "title"]
    assert title.attrs.get("former") is True


def test_a_serving_office_is_not_former() -> None:
    doc = newsnorm.Pipeline(["titles"])("President Joe Biden and former Vice President Mike Pence met.", lang="en")
    assert [m.attrs.get("former") for m in doc.mentions] == [None, True]
