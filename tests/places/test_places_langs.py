"""Grammar of the languages added with their own case files: endings, stems, the foreign-spelling rule."""

from __future__ import annotations

import pytest

import newsnorm
from newsnorm.places import PlacesNormaliser
from newsnorm.places._gazetteer import gazetteer

PIPE = newsnorm.Pipeline([PlacesNormaliser()])

NEW = ["cs", "sk", "hr", "bs", "sr", "sl", "bg", "lt", "lv", "et", "bn", "ta", "ur", "ms", "sw", "ca", "da", "nb", "no"]


def _found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, str(m.value)) for m in PIPE(text, lang=lang).mentions]


@pytest.mark.parametrize("lang", NEW)
@pytest.mark.parametrize(
    "text",
    ["", "\u09cd", "\u0bcd", "ভারত\u09c7", "இந்தியா\u0bcd\u0bcd", "Praze\ud800", "a" * 3000, "Č" * 50, "\x00\x1f~"],
)
def test_never_raises(lang: str, text: str) -> None:
    PIPE(text, lang=lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Summit v Praze a ve Spojených státech.", "cs", [("Praze", "CZ"), ("Spojených státech", "US")]),
        ("Ministar je u Bosni i Hercegovini.", "hr", [("Bosni i Hercegovini", "BA")]),
        ("Predsednik je u Americi.", "sr", [("Americi", "US")]),
        ("Susitikimas Vilniuje ir Rygoje.", "lt", [("Vilniuje", "LT"), ("Rygoje", "LV")]),
        ("Kohtumine Lätis ja Iisraelis.", "et", [("Lätis", "LV"), ("Iisraelis", "IL")]),
        ("ভারতের সঙ্গে চীনের বৈঠক।", "bn", [("ভারতের", "IN"), ("চীনের", "CN")]),
        ("ஜப்பானில் நேபாளத்தில் இந்திய", "ta", [("ஜப்பானில்", "JP"), ("நேபாளத்தில்", "NP"), ("இந்திய", "IN")]),
        ("Kinas og Irans ledere.", "da", [("Kinas", "CN"), ("Irans", "IR")]),
    ],
)
def test_endings(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text, lang) == expected


def test_bengali_sign_ends_no_name_inside_a_word() -> None:
    # "হামা" (Hama) is not inside "হামাস" (Hamas): a vowel sign continues the word
    assert _found("হামাসের প্রস্তাব", "bn") == []


def test_norwegian_reads_bokmal_rows() -> None:
    assert _found("Det norske laget slo Sverige.", "no") == [("norske", "NO"), ("Sverige", "SE")]


def test_foreign_spelling_after_a_given_name() -> None:
    assert _found("Michael Jordan přijel do Prahy.", "cs") == [("Prahy", "CZ")]
    # the genitive before a name stays a place ("Rais wa China Xi Jinping")
    assert _found("Rais wa China Xi Jinping amezuru Urusi.", "sw") == [("China", "CN"), ("Urusi", "RU")]
    assert gazetteer("de").foreign == frozenset()  # capitalised nouns: "US-Bundesstaat Georgia" stays a place
    assert gazetteer("en").foreign == frozenset()


def test_traps_replace_a_same_spelled_name() -> None:
    assert _found("Man venter at renten faller.", "nb") == []
    assert _found("Mkutano wa Umoja wa Afrika ulifanyika Nairobi.", "sw") == [("Nairobi", "KE")]


def test_big_city_link_words_join_a_run() -> None:
    found = _found("Talks in Dar es Salaam and Rio de Janeiro.", "en")
    assert found == [("Dar es Salaam", "TZ"), ("Rio de Janeiro", "BR")]


def test_norwegian_tagged_no_reads_the_bokmal_office_nouns() -> None:
    # "no" reads the "nb" rows of every per-language data file, the office nouns before a name too
    text = "Det sa statsminister Jordan til avisen i Oslo."
    assert _found(text, "no") == _found(text, "nb") == [("Oslo", "NO")]
