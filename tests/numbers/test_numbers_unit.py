"""Options, errors, pickling, thread safety and robustness of the numbers normaliser."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsnorm
from newsnorm.numbers import NumbersNormaliser
from newsnorm.numbers._parse import digit_value

SAMPLE = (
    "He called on Wednesday for Israel to tone down its rhetoric as the war, sparked by Hamas fighters' deadly "
    "attack on southern Israel on Oct. 7, entered its fifth month.\n\nIn Hamas-run Gaza, at least 27,840 people "
    "have been killed, the health ministry said Thursday.\n\nThe first phase would include allowing 400 to 500 aid "
    "trucks carrying food, medicine and fuel to enter Gaza daily."
)


def _find(text: str, lang: str = "en", **options: Any) -> list[tuple[str, Any, dict[str, Any]]]:
    doc = NumbersNormaliser(**options)(text, lang=lang)
    return [(m.text, m.value, m.attrs) for m in doc.mentions]


def test_registered() -> None:
    assert "numbers" in newsnorm.available()
    assert newsnorm.get("numbers") == NumbersNormaliser()


def test_sample_article() -> None:
    got = _find(SAMPLE)
    assert ("27,840", 27840, {"approx": "at_least"}) in got
    assert ("400 to 500", [400, 500], {}) in got
    assert ("fifth", 5, {"ordinal": True}) in got


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1.234", "de", 1234),
        ("1.234", "en", 1.234),
        ("1,5", "fr", 1.5),
        ("1,234", "en", 1234),
        ("27 840", "fr", 27840),
        ("1'000", "de", 1000),
        ("1,00,000", "hi", 100000),
        ("1.234,5", "de", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("٢٧٨٤٠", "ar", 27840),
        ("२७८४०", "hi", 27840),
        ("２７", "ja", 27),
    ],
)
def test_digits_by_locale(text: str, lang: str, value: float) -> None:
    assert [v for _, v, _ in _find(f"x {text} y", lang)] == [value]


def test_digit_value_rejects_bad_grouping() -> None:
    assert digit_value("1,2,3", ".", ",") is None
    assert digit_value("27840", ".", ",") == 27840


def test_options_rewrite_and_style() -> None:
    doc = NumbersNormaliser(rewrite=True)("twenty-five cows and 1,500 sheep", lang="en")
    assert doc.text == "25 cows and 1500 sheep"
    loc = NumbersNormaliser(style="locale")("siebenundzwanzigtausend", lang="de")
    assert loc.mentions[0].normalised == "27.000"
    assert _find("the fifth day", ordinals=False) == []
    assert _find("twenty cows and 3 sheep", words=False) == [("3", 3, {})]


def test_russian_do_after_a_verb_of_change_is_no_approximation() -> None:
    assert _find("Инфляция ускорилась до 7,5%.", "ru") == [("7,5%", 7.5, {"unit": "percent"})]
    assert _find("В акции участвовали до 300 человек.", "ru") == [("300", 300, {"approx": "at_most"})]


def test_english_ordinal_normalised_suffixes() -> None:
    doc = NumbersNormaliser(rewrite=True)("the first, second, third, eleventh and 22nd rounds", lang="en")
    assert doc.text == "the 1st, 2nd, 3rd, 11th and 22nd rounds"


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"rewrite": "yes"}, TypeError),
        ({"style": "fancy"}, ValueError),
        ({"style": 3}, TypeError),
        ({"ordinals": None}, TypeError),
    ],
)
def test_bad_options(options: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error, match=next(iter(options))):
        NumbersNormaliser(**options)


def test_pickle_and_equality() -> None:
    n = NumbersNormaliser(rewrite=True, style="locale")
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(n, protocol=proto))
        assert copy == n
        assert copy(SAMPLE, lang="en") == n(SAMPLE, lang="en")
    assert n != NumbersNormaliser()


def test_threads_agree() -> None:
    n = NumbersNormaliser()
    texts = [SAMPLE, "Zwischen 400 und 500", "veintisiete mil", "二十七万"] * 8
    langs = ["en", "de", "es", "zh"] * 8
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda tl: n(tl[0], lang=tl[1]).mentions, zip(texts, langs, strict=False)))
    assert got == [n(t, lang=lang).mentions for t, lang in zip(texts, langs, strict=False)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\ud800",
        "\x00\x01\x02",
        "1" * 100_000,
        "one " * 20_000,
        "1." * 5000,
        "- - 1 - -",
        "1,0,0,0" * 1000,
        "a" * 1_000_000,
        "٢,٢" * 100,
        "point    2,5 komma 2,5 virgule 2,5",
    ],
    ids=range(11),
)
def test_never_raises_on_odd_strings(text: str) -> None:
    for lang in ("en", "de", "ar", "zh", "sw"):
        for m in NumbersNormaliser()(text, lang=lang).mentions:
            assert text[m.start : m.end] == m.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=[]), max_size=60))
def test_property_offsets(text: str) -> None:
    doc = NumbersNormaliser()(text, lang="en")
    for m in doc.mentions:
        assert doc.source[m.start : m.end] == m.text
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["en", "de", "fr", "es", "pt", "it", "nl", "ru", "pl", "he", "ar", "ko", "ro", "el", "id", "tr"]),
    st.lists(
        st.sampled_from(
            [
                "point",
                "komma",
                "virgule",
                "coma",
                "2,5",
                "1",
                "-",
                "ke-3",
                "Rp15",
                "כ-",
                "零下",
                "1이",
                "3.",
                "%",
                "vingt",
                "un",
                "dix",
                "eins",
                "und",
                "zwanzig",
                "cem",
                "e",
                "dois",
                "ألفان",
                "و",
                "два",
                "с половиной",
                "миллиона",
            ]
        ),
        max_size=10,
    ),
)
def test_property_word_salad(lang: str, words: list[str]) -> None:
    text = " ".join(words)
    doc = NumbersNormaliser()(text, lang=lang)
    for m in doc.mentions:
        assert doc.source[m.start : m.end] == m.text


def test_symbols_come_from_the_shipped_cldr_table() -> None:
    """Decimal and group symbols are read from ``data/numbers/symbols.json`` (CLDR via babel at build time),
    without loading babel's locale data; a regional tag falls back to its language, an unknown one to "." ","."""
    from newsnorm.numbers._lexicon import _symbols

    assert _symbols("en") == (".", ",")
    assert _symbols("de") == (",", ".")
    assert _symbols("fr") == (",", "\u202f")
    assert _symbols("pt-BR") == _symbols("pt") == (",", ".")
    assert _symbols("de_CH") == (".", "'")  # a regional locale with symbols of its own
    assert _symbols("de-CH") == _symbols("de_CH")
    assert _symbols("xx") == (".", ",")


def test_numbers_load_no_babel_locale_data() -> None:
    """Scanning numbers in ten languages loads no babel locale (about 1 MB of memory each)."""
    from fresh_process import babel_locales_loaded

    assert babel_locales_loaded("numbers", "Il y a 27 840 morts et 1.234,5 tonnes, 3,5 %.") == []
