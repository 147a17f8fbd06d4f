"""Property tests: any str is normalised without an exception, with valid offsets, deterministically.

The default run is quick; set ``NEWSNORM_HYPOTHESIS_PROFILE=long`` (and run ``-m slow``)
for the long run of the reliability harness.
"""

from __future__ import annotations

import json
import os
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsnorm
from newsnorm import Document, Pipeline

from toys import Digits, Words

settings.register_profile("default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("NEWSNORM_HYPOTHESIS_PROFILE", "default"))

# Every code point, lone surrogates included (hypothesis leaves them out by default).
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
ODD = st.sampled_from(
    ["\u200b", "\u200d", "\u202e", "\u2066", "\u0301", "\x00", "\ud800", "\udfff", "\ufeff", "\r\n", "\t", "\u00a0",
     "\u202f", "\u2028", "🏳️‍🌈", "ﷺ", "𝟚𝟘𝟚𝟜", "٢٧٨٤٠", "İ", "ß", "ǅ"]
)  # fmt: skip
NEWSY = st.sampled_from(
    ["Thursday", "on Oct. 7", "27,840", "400 to 500", "fifth", "about six weeks", "Türkiye", "Turkey'de", "GAZA STRIP",
     "U.S. Secretary of State Antony Blinken", "Israel's Prime Minister", "el 7 de octubre", "am 7. Oktober", "1,5",
     "veintisiete mil", "Jordan Peterson", "Covid-19", "3-1", "2024-02-08", "10:30", "mid-2024", "1.000.000", "Mrd.",
     "Cumhurbaşkanı Recep Tayyip Erdoğan", "中国", "東京", "السبت", "Турции", "(", ")", ",", ".", "-", "'", '"']
)  # fmt: skip
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=200),
    st.lists(st.one_of(NEWSY, ODD, st.text(ANY_CHAR, max_size=5)), max_size=40).map(" ".join),
)
LANGS = st.sampled_from([None, "en", "fr", "de", "es", "tr", "ru", "ar", "zh", "ja", "und"])


def check_document(doc: Document, text: str) -> None:
    assert doc.source == text
    last_end = 0
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # sorted and not overlapping
        last_end = m.end
    json.dumps(doc.to_dict())


@given(text=TEXT)
def test_toy_pipeline_properties(text: str) -> None:
    pipe = Pipeline([Digits(rewrite=True), Words("a", "ab", "b")])
    doc = pipe(text, lang="en")
    check_document(doc, text)
    assert pipe(text, lang="en") == doc


@given(text=TEXT, lang=LANGS)
def test_normalise_never_raises(text: str, lang: str | None) -> None:
    doc = newsnorm.normalise(text, lang=lang, published="2024-02-08")
    check_document(doc, text)
    assert newsnorm.normalise(text, lang=lang, published="2024-02-08") == doc


@given(text=TEXT, lang=LANGS)
def test_normalise_is_idempotent(text: str, lang: str | None) -> None:
    once = newsnorm.normalise(text, lang=lang or "en", published="2024-02-08")
    twice = newsnorm.normalise(once.text, lang=lang or "en", published="2024-02-08")
    assert twice.text == once.text


@settings(max_examples=40)
@given(items=st.lists(st.tuples(TEXT, LANGS), max_size=6), batch_size=st.integers(1, 4))
def test_map_gives_the_documents_of_one_call_each(items: list[tuple[str, str | None]], batch_size: int) -> None:
    pipe = newsnorm.Pipeline(["places", "dates", "numbers", "titles"])
    docs = list(pipe.map(items, published="2024-02-08", batch_size=batch_size))
    assert docs == [pipe(text, lang, "2024-02-08") for text, lang in items]


@given(text=TEXT)
def test_pickled_pipeline_answers_the_same(text: str) -> None:
    from newsnorm._api import default_pipeline

    pipe = pickle.loads(pickle.dumps(default_pipeline()))
    assert pipe(text, lang="en") == newsnorm.normalise(text, lang="en")


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,
        "1" * 1_000_000,
        "\ud800" * 100_000,
        ("Thursday, Oct. 7, 27,840 people in Türkiye. " * 23_000)[:1_000_000],
        "\u200b" * 500_000,
    ],
    ids=["letters", "digits", "surrogates", "news", "zero-width"],
)
def test_megabyte_strings(text: str) -> None:
    check_document(newsnorm.normalise(text, lang="en", published="2024-02-08"), text)
