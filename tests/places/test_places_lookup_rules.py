"""lookup's whole-word prefix, list-name, hyphen-compound and Latin-skeleton rules."""

from __future__ import annotations

import pytest

from newsnorm.places import _in_compound, lookup
from newsnorm.places._forms import is_brahmic, roman


@pytest.mark.parametrize(
    ("name", "lang", "code"),
    [
        ("Verenigde State", "af", "US"),  # the words begin one name only: "Verenigde State van Amerika"
        ("Saint Helena, Ascension and Tristan da Cunha", "en", "SH"),  # a list: its first element
        ("Sint Helena, Ascension en Tristan da Cunha", "af", "SH"),
        ("Korea, Republic of", "en", "KR"),  # no list: only form words after the comma
        ("એન્ડોરા", "gu", "AD"),  # CLDR "ઍંડોરા": vowel and nasal spelled otherwise
        ("ବୁରୁଣ୍ଡି", "or", "BI"),
    ],
)
def test_lookup_rules(name: str, lang: str, code: str) -> None:
    assert lookup(name, lang) == code


@pytest.mark.parametrize("name", ["United", "Democratic Republic", "Saint", "Verenigde"])
def test_prefix_of_several_names_means_nothing(name: str) -> None:
    lang = "af" if name == "Verenigde" else "en"
    assert lookup(name, lang) is None


def test_in_compound() -> None:
    text = "Wit-Rusland en Rusland"
    assert _in_compound(text, 4, 11)
    assert not _in_compound(text, 15, 22)
    assert not _in_compound("-Rusland", 1, 8)


def test_roman() -> None:
    assert roman("ବୁରୁଣ୍ଡି") == "burundi"
    assert roman("ອັງໂກລາ") == roman("ແອງໂກລາ")  # Lao: the consonants only
    assert roman("ஆஸ்திரேலியா") == "astireliya"  # vowel length and aspiration left out
    assert roman("") == ""
    assert is_brahmic("TAMIL")
    assert not is_brahmic("LATIN")
