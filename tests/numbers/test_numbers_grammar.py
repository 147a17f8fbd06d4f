"""The number grammar: fractions, spelled decimals, scales, CJK numerals, figure suffixes."""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsnorm.numbers import NumbersNormaliser

_N = NumbersNormaliser()


def _values(text: str, lang: str) -> list[tuple[str, Any]]:
    return [(m.text, m.value) for m in _N(text, lang=lang).mentions]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # fractions in words and figures
        ("five eighths", "en", [("five eighths", 0.625)]),
        ("two and a half million people", "en", [("two and a half million", 2500000)]),
        ("one hundred and three quarters", "en", [("one hundred and three quarters", 100.75)]),
        ("half a dozen eggs", "en", [("half a dozen", 6)]),
        ("a third of them", "en", [("a third", 1 / 3)]),
        ("three out of four", "en", [("three out of four", 0.75)]),
        ("3/4 of the vote", "en", [("3/4", 0.75)]),
        ("2 1/4 miles", "en", [("2 1/4", 2.25)]),
        ("drei Viertel", "de", [("drei Viertel", 0.75)]),
        ("dreieinhalb Millionen", "de", [("dreieinhalb Millionen", 3500000)]),
        ("trois cinquièmes", "fr", [("trois cinquièmes", 0.6)]),
        ("veinte con tres quintos", "es", [("veinte con tres quintos", 20.6)]),
        ("ثلاثة اخماس", "ar", [("ثلاثة اخماس", 0.6)]),
        ("पांच बटा आठ", "hi", [("पांच बटा आठ", 0.625)]),
        # spelled decimals
        ("two hundred point zero three", "en", [("two hundred point zero three", 200.03)]),
        ("zwei Komma fünf", "de", [("zwei Komma fünf", 2.5)]),
        ("yirmi üç nokta altı", "tr", [("yirmi üç nokta altı", 23.6)]),
        ("ноль целых пять сотых", "ru", [("ноль целых пять сотых", 0.05)]),
        ("три целых двадцать пять сотых", "ru", [("три целых двадцать пять сотых", 3.25)]),
        # decimal words by each language's convention; words that end a number; joiners
        ("null komma fünfzehn", "de", [("null", 0), ("fünfzehn", 15)]),
        ("null komma eins fünf", "de", [("null komma eins fünf", 0.15)]),
        ("komma eins vier", "de", [("eins", 1), ("vier", 4)]),
        ("un virgule deux trois six", "fr", [("un virgule deux", 1.2), ("trois", 3), ("six", 6)]),
        ("cent vingt virgule zéro cinq", "fr", [("cent vingt virgule zéro cinq", 120.05)]),
        ("uno coma cuatrocientos uno", "es", [("uno coma cuatrocientos uno", 1.401)]),
        ("eins und zwanzig", "de", [("eins", 1), ("zwanzig", 20)]),
        ("Einhundert und drei", "de", [("Einhundert", 100), ("drei", 3)]),
        ("zwei und vierzig", "de", [("zwei und vierzig", 42)]),
        ("hundertunddrei", "de", [("hundertunddrei", 103)]),
        (
            "fünfhundert Tausend zweiundzwanzig hundert",
            "de",
            [("fünfhundert Tausend zweiundzwanzig", 500022), ("hundert", 100)],
        ),
        ("vingt un", "fr", [("vingt", 20), ("un", 1)]),
        ("quatre-vingt-dix cinq", "fr", [("quatre-vingt-dix", 90), ("cinq", 5)]),
        ("quatre-vingt un", "fr", [("quatre-vingt un", 81)]),
        ("zéro un cent", "fr", [("zéro", 0), ("un", 1), ("cent", 100)]),
        ("cem e dois", "pt", [("cem", 100), ("dois", 2)]),
        ("cem mil", "pt", [("cem mil", 100000)]),
        ("ألفان وخمسمائة", "ar", [("ألفان وخمسمائة", 2500)]),
        ("полтора десятка", "ru", [("полтора десятка", 15)]),
        ("2 to 3 million", "en", [("2 to 3 million", [2000000, 3000000])]),
        ("2–3 млрд", "ru", [("2–3 млрд", [2000000000, 3000000000])]),
        ("два с половиной миллиона", "ru", [("два с половиной миллиона", 2500000)]),
        ("urutan ke-3", "id", [("ke-3", 3)]),
        ("零下5度", "zh", [("零下5", -5)]),
        ("3분의 1이 결정을", "ko", [("3분의 1", 1 / 3)]),
        # scales
        ("dos mil millones", "es", [("dos mil millones", 2000000000)]),
        ("three lakh crore", "en", [("three lakh crore", 3000000000000)]),
        ("deux-cent-mille quatorze-mille", "fr", [("deux-cent-mille", 200000), ("quatorze-mille", 14000)]),
        ("three dozens", "en", [("three dozens", 36)]),
        ("tens of thousands of people", "en", []),
        # ordinals
        ("vingt et unième", "fr", [("vingt et unième", 21)]),
        ("vigésimo quinto", "es", [("vigésimo quinto", 25)]),
        ("der tausendste Besucher", "de", [("tausendste", 1000)]),
        ("스물다섯 번째", "ko", [("스물다섯 번째", 25)]),
        ("21º lugar", "es", [("21º", 21)]),
        ("the twenty-fifths of the month", "en", [("twenty-fifths", 25)]),
        ("twenty fifths", "en", [("twenty fifths", 25)]),
        ("three twenty-fifths", "en", [("three twenty-fifths", 0.12)]),
        ("vingt-cinquièmes", "fr", [("vingt-cinquièmes", 25)]),
        ("décimas sextas eleições", "pt", [("décimas sextas", 16)]),
        ("el vint-i-unè congrés", "ca", [("vint-i-unè", 21)]),
        ("millenovecentottantaquattro", "it", [("millenovecentottantaquattro", 1984)]),
        ("centottanta persone", "it", [("centottanta", 180)]),
        # article + ordinal + noun is an ordinal; before a partitive, a comparison or at the end, a fraction
        ("seeking a fifth term", "en", [("fifth", 5)]),
        ("a fifth of voters", "en", [("a fifth", 0.2)]),
        ("cut by a third.", "en", [("a third", 1 / 3)]),
        ("un cinquième mandat", "fr", [("cinquième", 5)]),
        ("un cinquième des voix", "fr", [("un cinquième", 0.2)]),
        ("ein fünftes Mal", "de", [("fünftes", 5)]),
        ("un quinto de los votos", "es", [("un quinto", 0.2)]),
        # ASCII word edges in en: a run glued to a non-ASCII letter is not a number word
        ("Éten people, naïve one", "en", [("one", 1)]),
        # figures in any script's digits
        ("๒๕ คน", "th", [("๒๕", 25)]),
        # figure suffixes
        ("1e10", "en", [("1e10", 10000000000)]),
        ("2.5^-1", "en", [("2.5^-1", 0.4)]),
        ("10 k", "en", [("10 k", 10000)]),
        ("-2.5 M", "en", [("-2.5 M", -2500000)]),
        ("the 100 m race", "en", [("100", 100)]),
        ("10g of sugar", "en", []),
        ("192.168.1.2", "en", [("192", 192), ("168", 168), ("1", 1), ("2", 2)]),
        ("call 555-123-4567", "en", []),
        ("30° C", "es", []),
        # CJK
        ("两千四百五", "zh", [("两千四百五", 2450)]),
        ("五百余万", "zh", [("五百余万", 5000000)]),
        ("三分之一", "zh", [("三分之一", 1 / 3)]),
        ("4.78万亿", "zh", [("4.78万亿", 4780000000000)]),
        ("一切", "zh", []),
        ("答えは−１と５分の４です。", "ja", [("−１と５分の４", -1.8)]),
        ("九百九", "ja", [("九百九", 909)]),
        ("일백삼과 삼분의 이", "ko", [("일백삼과 삼분의 이", 103 + 2 / 3)]),
        ("5월 4일", "ko", [("5", 5), ("4", 4)]),
        # other scripts and separators
        ("١،٢٣٤،٥٦٧", "ar", [("١،٢٣٤،٥٦٧", 1234567)]),
        ("п'ятдесят тисяч", "uk", [("п'ятдесят тисяч", 50000)]),
        ("सौ", "hi", [("सौ", 100)]),
    ],
)
def test_grammar(text: str, lang: str, expected: list[tuple[str, Any]]) -> None:
    got = _values(text, lang)
    assert [t for t, _ in got] == [t for t, _ in expected]
    for (_, v), (_, w) in zip(got, expected, strict=True):
        assert v == pytest.approx(w)


def test_approximate_cjk_units() -> None:
    (m,) = _N("五百余万", lang="zh").mentions
    assert m.attrs == {"approx": "more_than"}


def test_korean_ordinal_attrs() -> None:
    (m,) = _N("스물다섯 번째", lang="ko").mentions
    assert m.attrs == {"ordinal": True}


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet="0123456789 .,/-^ek%onetwhudrsfivxyalpzq一二三十百千万点分之第번째일이삼마이너스٠١٢،", max_size=40
    ),
    st.sampled_from(["en", "de", "fr", "es", "ar", "hi", "zh", "ja", "ko", "ru", "tr", "nl", "sv"]),
)
def test_property_never_raises(text: str, lang: str) -> None:
    doc = _N(text, lang=lang)
    for m in doc.mentions:
        assert doc.source[m.start : m.end] == m.text


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_linear_time(lang: str) -> None:
    unit = {"en": "seventeen and a half thousand 1,234.5 ", "ko": "일이삼사오 번째 ", "zh": "一二三四五六七八九十 "}[
        lang
    ]
    small, big = unit * 200, unit * 4000
    _N(small, lang=lang)
    t0 = time.perf_counter()
    _N(small, lang=lang)
    t1 = time.perf_counter()
    _N(big, lang=lang)
    t2 = time.perf_counter()
    assert (t2 - t1) < 60 * (t1 - t0) + 0.5  # 20x the text, well under quadratic
