"""Options, errors, pickling, thread safety and robustness of the dates normaliser."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import threading
from pathlib import Path
from typing import Any

import pytest

import newsnorm
from newsnorm.dates import TYPES, DatesNormaliser, languages, stats
from newsnorm.dates._lexicon import OPTIONAL_KEYS, raw_lexicon

SAMPLE = Path(__file__).resolve().parent / "sample_article.txt"


def _values(text: str, lang: str = "en", published: Any = "2024-02-08", **options: Any) -> list[tuple[str, Any]]:
    doc = DatesNormaliser(**options)(text, lang=lang, published=published)
    return [(m.text, m.value) for m in doc.mentions]


def test_registered_and_default() -> None:
    assert "dates" in newsnorm.available()
    norm = newsnorm.get("dates")
    assert isinstance(norm, DatesNormaliser)
    assert norm.kind == "date"
    assert norm.name == "dates"
    assert norm.rewrite is False


def test_sample_article_reads_like_a_news_reader() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    doc = DatesNormaliser()(text, lang="en", published="2024-02-08")
    got = {(m.text, m.value) for m in doc.mentions}
    assert ("Thursday", "2024-02-08") in got
    assert ("Wednesday", "2024-02-07") in got
    assert ("Oct. 7", "2023-10-07") in got
    assert ("about six weeks", "P6W") in got
    assert ("today", "2024-02-08") in got
    assert ("daily", "P1D") in got
    assert not any(m.text == "We" for m in doc.mentions)
    approx = next(m for m in doc.mentions if m.text == "about six weeks")
    assert approx.attrs == {"type": "DURATION", "mod": "APPROX"}
    assert next(m for m in doc.mentions if m.text == "daily").attrs["type"] == "SET"
    # numbers are the numbers normaliser's
    assert not any("27,840" in m.text or "400" in m.text or "fifth" in m.text for m in doc.mentions)


def test_types_option() -> None:
    text = "The first phase would last about six weeks, starting today."
    assert _values(text, types=["DURATION"]) == [("about six weeks", "P6W")]
    assert _values(text, types={"date"}) == [("today", "2024-02-08")]
    assert DatesNormaliser(types=["DATE"]) == DatesNormaliser(types=("date",))
    assert DatesNormaliser() != DatesNormaliser(fallback=False)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"types": "DATE"}, TypeError, "'types' must be an iterable"),
        ({"types": 3}, TypeError, "'types' must be an iterable"),
        ({"types": ["DAY"]}, ValueError, "'types' must contain only"),
        ({"types": []}, ValueError, "at least one"),
        ({"fallback": "yes"}, TypeError, "'fallback' must be True or False"),
        ({"rewrite": 1}, TypeError, "'rewrite' must be True or False"),
    ],
)
def test_bad_options(options: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        DatesNormaliser(**options)


def test_rewrite_puts_values_into_text() -> None:
    doc = DatesNormaliser(rewrite=True)("Talks resume on Monday.", lang="en", published="2024-02-08")
    assert doc.text == "Talks resume on 2024-02-05."
    assert doc.source == "Talks resume on Monday."


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickles_with_options_only(protocol: int) -> None:
    norm = DatesNormaliser(types=["DATE", "SET"], fallback=False)
    clone = pickle.loads(pickle.dumps(norm, protocol=protocol))
    assert clone == norm
    assert set(vars(clone)) == {"types", "fallback", "rewrite"}
    text = "Aid trucks enter Gaza daily since Monday."
    assert clone(text, lang="en", published="2024-02-08") == norm(text, lang="en", published="2024-02-08")


def test_no_published_gives_underspecified_values() -> None:
    got = dict(_values("He left on Monday, returned on Oct. 7 and will stay until March.", published=None))
    assert got["Monday"] == "XXXX-WXX-1"
    assert got["Oct. 7"] == "XXXX-10-07"
    assert _values("It happened yesterday.", published=None) == [("yesterday", "XXXX-XX-XX")]


def test_datetime_published_uses_its_date() -> None:
    assert _values("It happened yesterday.", published=dt.datetime(2024, 2, 8, 23, 30)) == [
        ("yesterday", "2024-02-07")
    ]


def test_future_and_past_weekdays() -> None:
    assert _values("The cabinet will meet on Monday.") == [("Monday", "2024-02-12")]
    assert _values("The cabinet met on Monday.") == [("Monday", "2024-02-05")]
    assert _values("The cabinet meets Thursday.") == [("Thursday", "2024-02-08")]


def test_month_and_year_ends() -> None:
    assert _values("The deal was signed on Dec. 30.", published="2024-01-02") == [("Dec. 30", "2023-12-30")]
    assert _values("The deal will be signed on Jan. 3.", published="2023-12-29") == [("Jan. 3", "2024-01-03")]
    assert _values("It happened last week.", published="2024-01-01") == [("last week", "2023-W52")]


_ODD = [
    "",
    " ",
    "\x00\x01\x02",
    "\ud800 on Monday \udfff",
    "Oct. 7" * 3,
    "🎉 Thursday 🎉 2024年2月8日",
    "1" * 5000,
    "on " * 2000,
    "in 2024 " * 500,
    "Monday, " * 1000,
    "31/31/2024 99:99 2024-13-45 Feb 30, 2024",
]


@pytest.mark.parametrize("text", _ODD, ids=[f"odd{i}" for i in range(len(_ODD))])
@pytest.mark.parametrize("lang", ["en", "es", "zh", "ar", "he", "sw"])
def test_never_raises(text: str, lang: str) -> None:
    norm = DatesNormaliser()
    lang_arg = lang
    doc = norm(text, lang=lang_arg, published="2024-02-08")
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
    json.dumps(doc.to_dict())


def test_large_text_is_handled() -> None:
    text = SAMPLE.read_text(encoding="utf-8") * 100  # about 300 kB
    doc = DatesNormaliser()(text, lang="en", published="2024-02-08")
    assert len(doc.mentions) == 100 * len(DatesNormaliser()(SAMPLE.read_text(encoding="utf-8"), lang="en",
                                                             published="2024-02-08").mentions)


def test_thread_safe_and_deterministic() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    norm = DatesNormaliser()
    want = norm(text, lang="en", published="2024-02-08")
    results: list[Any] = []

    def work() -> None:
        for _ in range(5):
            results.append(norm(text, lang="en", published="2024-02-08"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == want for r in results)


def test_common_path_never_calls_dateparser() -> None:
    before = stats()["fallback_calls"]
    DatesNormaliser()(SAMPLE.read_text(encoding="utf-8"), lang="en", published="2024-02-08")
    assert stats()["fallback_calls"] == before


def test_every_language_has_a_lexicon_with_the_same_keys() -> None:
    keys = set(raw_lexicon("en")) - OPTIONAL_KEYS
    for lang in languages():
        assert set(raw_lexicon(lang)) - OPTIONAL_KEYS == keys, lang


def test_types_constant() -> None:
    assert {"DATE", "TIME", "DURATION", "SET"} == TYPES


def test_unsupported_language_finds_nothing() -> None:
    assert DatesNormaliser()("Monday 2024-02-08", lang="sw", published="2024-02-08").mentions == ()


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        ("cs", "Schůzka se konala 7. října 2023 v Praze.", "7. října 2023", "2023-10-07"),
        ("da", "Mødet fandt sted den 7. oktober 2023 i København.", "7. oktober 2023", "2023-10-07"),
        ("fi", "Kokous pidettiin 7. lokakuuta 2023 Helsingissä.", "7. lokakuuta 2023", "2023-10-07"),
        ("da", "Aftalen blev underskrevet torsdag.", "torsdag", "2024-02-08"),
    ],
)
def test_small_lexicon_languages_find_full_dates(lang: str, text: str, span: str, value: str) -> None:
    # the span may take the language's article ("den 7. oktober 2023") where its lexicon lists one
    assert any(span in text_ and value_ == value for text_, value_ in _values(text, lang=lang))


@pytest.mark.parametrize(("lang", "text", "value"), [("sl", "Sestanek je bil 7. oktober 2023.", "2023-10-07")])
def test_cldr_only_languages_find_full_dates(lang: str, text: str, value: str) -> None:
    assert value in [v for _, v in _values(text, lang=lang)]


def test_norwegian_reads_the_bokmal_lexicon() -> None:
    assert _values("Møtet ble holdt i går.", lang="no") == _values("Møtet ble holdt i går.", lang="nb")


def test_fallback_only_for_unresolvable_full_dates() -> None:
    before = stats()["fallback_calls"]
    assert _values("The deadline was Feb 30, 2024, officials said.", fallback=False) == []
    assert stats()["fallback_calls"] == before
    DatesNormaliser()("The deadline was Feb 30, 2024, officials said.", lang="en", published="2024-02-08")
    assert stats()["fallback_calls"] == before + 1


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ja", "岸田文雄首相は8日、米国のバイデン大統領と電話で会談した。", [("8日", "2024-02-08")]),
        ("zh", "李强总理8日在北京会见了外国客人。", [("8日", "2024-02-08")]),
        ("ja", "会議は3日間続いた。", [("3日間", "P3D")]),
        ("ja", "2日ごとに出発する。", [("2日", "P2D")]),
    ],
)
def test_cjk_day_of_month_alone(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, lang=lang) == expected


def test_every_rule_has_its_resolver() -> None:
    """The resolver reads each rule through one table: every rule has its branch, and no branch is stray."""
    from newsnorm.dates._resolve import _BRANCHES, RULES

    assert set(_BRANCHES) == set(RULES)
    assert len(RULES) == len(set(RULES))
