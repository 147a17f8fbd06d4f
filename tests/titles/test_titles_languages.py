"""Office titles in the languages of the session-3 follow-up: caseless names, Hungarian name-first titles."""

from __future__ import annotations

import pickle

import pytest

import newsnorm
from newsnorm._document import Document
from newsnorm.titles import TitlesNormaliser
from newsnorm.titles._data import _inflected, offices

NEW_LANGS = (
    "hi", "bn", "he", "fa", "ur", "th", "ms", "hu", "bg", "hr", "sk", "sr", "sl", "sw", "tl", "az", "et", "lt", "lv",
)

ODD = [
    "",
    "\ud800 प्रधानमंत्री \x00",
    "प्रधानमंत्री " * 500,
    "miniszterelnök " * 500,
    "A B C D E F elnök " * 200,
    "Orbán Viktor miniszterelnököt" * 200,  # no spaces between the repeats
    "ראש הממשלה בן בן בן " * 200,
    "رئیس‌جمهور \u200c\u200c " * 200,
    "นายกฯ ของ " * 200,
    "মো. মো. মো. " * 200,
    "Ceyhun Bayramov Vaşinqtona " * 200,
    "\u093f\u0947 मंत्री\u093f",  # vowel signs around a title
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_never_raises_in_new_languages(text: str) -> None:
    for lang in NEW_LANGS:
        doc = Document(source=text, text=text, lang=lang)
        for m in TitlesNormaliser(countries=False).find(doc):
            assert text[m.start : m.end] == m.text


def test_every_new_language_has_a_table() -> None:
    for lang in NEW_LANGS:
        values = {office.canonical for office in offices(lang).values()}
        assert {"President", "Prime Minister", "Foreign Minister", "Minister", "Pope"} <= values, lang


def test_hungarian_case_endings() -> None:
    forms = _inflected("elnök", frozenset({"vel", "öt", "nek"}))
    assert forms == {"elnökkel", "elnököt", "elnöknek"}
    assert "pápával" in _inflected("pápa", frozenset({"val"}))
    assert _inflected("elnök", frozenset()) == set()
    assert "miniszterelnököt" in offices("hu")
    assert "miniszterelnököt" not in offices("de")


def test_hungarian_name_before_the_title() -> None:
    pipe = newsnorm.Pipeline([TitlesNormaliser(countries=False)])
    doc = pipe("Szijjártó Péter külügyminiszter szerint a tárgyalás jól ment.", lang="hu")
    [m] = [m for m in doc.mentions if m.kind == "title"]
    assert (m.text, m.value, m.attrs["person"]) == ("külügyminiszter", "Foreign Minister", "Szijjártó Péter")
    doc = pipe("A miniszterelnök Brüsszelben tárgyalt.", lang="hu")
    assert [m for m in doc.mentions if m.kind == "title"] == []


def test_caseless_name_stops_at_a_function_word() -> None:
    pipe = newsnorm.Pipeline([TitlesNormaliser(countries=False)])
    doc = pipe("प्रधानमंत्री नरेंद्र मोदी ने बुधवार को संयुक्त अरब अमीरात की यात्रा की।", lang="hi")
    [m] = [m for m in doc.mentions if m.kind == "title"]
    assert (m.value, m.attrs["person"]) == ("Prime Minister", "नरेंद्र मोदी")
    assert [m for m in pipe("प्रधानमंत्री ने कहा।", lang="hi").mentions if m.kind == "title"] == []


def test_normaliser_still_pickles() -> None:
    norm = TitlesNormaliser(countries=False)
    assert pickle.loads(pickle.dumps(norm)) == norm


def test_country_qualifiers_come_from_the_shipped_cldr_names() -> None:
    """Title country qualifiers use the shipped CLDR names (every form), not babel at run time; CLDR's codes
    for deprecated language codes are followed ("tl" is Filipino "fil")."""
    from fresh_process import babel_locales_loaded
    from newsnorm.titles._data import _territories

    fr = _territories("fr")
    assert fr["Allemagne"] == "DE"
    assert fr["États-Unis"] == "US"
    assert _territories("tl")
    assert _territories("tl") == _territories("fil")
    assert _territories("xx") == {}
    assert babel_locales_loaded("titles", "Le président français Emmanuel Macron a parlé.") == []
