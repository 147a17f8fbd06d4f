"""The demonym table's shape and the rules that judge a demonym in context (surnames, glued words)."""

from __future__ import annotations

import re
from collections import defaultdict
from importlib.resources import files

import pytest

import newsnorm
from newsnorm.places import PlacesNormaliser

_TABLE = files("newsnorm").joinpath("data").joinpath("places").joinpath("demonyms.tsv")
PIPE = newsnorm.Pipeline([PlacesNormaliser()])


def _rows() -> list[list[str]]:
    text = _TABLE.read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _found(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(m.text, str(m.value), str(m.attrs["type"])) for m in PIPE(text, lang=lang).mentions]


def test_rows_are_well_formed() -> None:
    for row in _rows():
        assert len(row) == 3, row
        lang, code, forms = row
        assert re.fullmatch(r"[a-z]{2,3}", lang), row
        assert re.fullmatch(r"[A-Z]{2}", code), row
        assert all(f.strip() == f and f not in ("", "~") for f in forms.split("|")), row


def test_no_form_names_two_countries_in_one_language() -> None:
    codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lang, code, forms in _rows():
        for form in forms.split("|"):
            codes[(lang, form.lower())].add(code)
    assert {k: v for k, v in codes.items() if len(v) > 1} == {}


@pytest.mark.parametrize("lang", ["it", "pt", "es", "fr", "de", "nl", "ru", "uk", "pl", "tr", "ar", "zh", "ja", "ko"])
def test_news_languages_cover_the_main_countries(lang: str) -> None:
    main = {"US", "CN", "RU", "UA", "GB", "FR", "DE", "IL", "PS", "IR", "TR", "IN", "JP", "BR", "SA", "EG", "IT"}
    have = {code for row_lang, code, _forms in _rows() if row_lang == lang}
    assert len(have) >= 65, f"{lang}: {len(have)} countries"
    assert main - have == set(), f"{lang} lacks {sorted(main - have)}"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("La relatrice Onu Francesca Albanese ha parlato.", "it", []),
        ("Il governo albanese ha firmato l'accordo.", "it", [("albanese", "AL", "demonym")]),
        ("Russo ha detto che la decisione è definitiva.", "it", [("Russo", "RU", "demonym")]),
        ("Les Israéliens ont manifesté.", "fr", [("Israéliens", "IL", "demonym")]),
    ],
)
def test_capitalised_demonym_after_a_given_name_is_a_surname(text: str, lang: str, want: list[tuple[str, ...]]) -> None:
    assert _found(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("中国人民银行宣布降息。", "zh", [("中国", "CN", "country")]),
        ("两名美国人在加沙遇难。", "zh", [("美国人", "US", "demonym"), ("加沙", "PS", "territory")]),
        ("日本人気が高まる。", "ja", [("日本", "JP", "country")]),
        ("한국인터넷진흥원이 발표했다.", "ko", [("한국", "KR", "country")]),
        ("러시아인들은 투표했다.", "ko", [("러시아인", "RU", "demonym")]),
    ],
)
def test_people_suffix_glued_to_a_longer_word_names_the_country(
    text: str, lang: str, want: list[tuple[str, ...]]
) -> None:
    assert _found(text, lang) == want
