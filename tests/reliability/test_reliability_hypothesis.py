"""Property tests over hostile strings: never raises, valid offsets, JSON, same output twice, idempotent.

Stronger generators than ``tests/test_properties.py``: combining marks,
zero-width and bidi controls, mixed scripts, NUL and other controls, lone
surrogates, news fragments glued together without spaces, and every normaliser
alone as well as the pipeline.

Examples per test: 15 by default; ``NEWSNORM_HYPOTHESIS_EXAMPLES=N`` sets N, and
``NEWSNORM_HYPOTHESIS_PROFILE=long`` (the long run of ``tests/test_properties.py``)
means 100,000. The long profile bounds the generated texts more tightly (up to
120 code points, 12 glued fragments) so that 100,000 examples take about half an
hour on one core (``python bench/long_run.py``); megabyte strings are explicit
tests (``tests/test_properties.py::test_megabyte_strings`` and the 1 MB documents
of the doubling checks). See ``docs/performance.md`` for the long-run command.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import warnings

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_reliability_corpus import check_document as check_valid

import newsnorm
from newsnorm import Document

# On a failure, hypothesis's pytest plugin imports hypothesis.extra._patching, whose dependencies raise a
# DeprecationWarning that the suite's warnings-as-errors turns into an INTERNALERROR hiding the failing example.
# Importing it once here, with that warning silenced, keeps failures readable (for tests/test_properties.py too).
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    with contextlib.suppress(ImportError):
        importlib.import_module("hypothesis.extra._patching")

_LONG = os.environ.get("NEWSNORM_HYPOTHESIS_PROFILE") == "long"
EXAMPLES = int(os.environ.get("NEWSNORM_HYPOTHESIS_EXAMPLES", "100000" if _LONG else "15"))
# No explain phase: its tracer imports trip the suite's warnings-as-errors and hide the real failure.
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
)

ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
COMBINING = st.characters(min_codepoint=0x0300, max_codepoint=0x036F)
CONTROLS = st.sampled_from(
    ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f",
     "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ud800",
     "\udbff", "\udc00", "\udfff", "\r", "\n", "\t", "\u2028", "\u2029", "\u00a0", "\u202f", "\u3000", "\ufffd"]
)  # fmt: skip
FRAGMENTS = st.sampled_from(
    ["Thursday", "Oct. 7", "7 octobre", "7. Oktober", "7 de octubre", "2024-02-08", "08/02/2024", "10:30", "mid-2024",
     "27,840", "27.840", "27 840", "1,5", "1.5", "٢٧٨٤٠", "２０２４", "二万七千", "2万7840", "twenty-five", "fifth",
     "400 to 500", "between 400 and 500", "about", "more than", "%", "Türkiye", "Turkey's", "TURKEY", "Turquie",
     "Gaza Strip", "Jordan Peterson", "Niger River", "U.S.", "Prime Minister", "President", "Secretary of State",
     "Cumhurbaşkanı", "Bundeskanzler", "Premier ministre", "el", "the", "(", ")", "[", "'", "’", '"', "«", "»", "-",
     "–", "/", ".", ",", ":", ";", "…", "中国", "東京", "서울", "القاهرة", "Москва", "Αθήνα", "ירושלים", "ประเทศไทย"]
)  # fmt: skip
GLUE = st.sampled_from(["", " ", "  ", "\n", "-", ".", ",", "\u200b", "\u0301", "\u202e"])
#: Text sizes: bounded more tightly in the long profile (many examples, each one cheap).
MAX_CHARS, MAX_PARTS = (120, 12) if _LONG else (300, 30)
MIXED = st.lists(st.tuples(st.one_of(FRAGMENTS, CONTROLS, st.text(ANY_CHAR, max_size=4)), GLUE),
                 max_size=MAX_PARTS).map(
    lambda parts: "".join(a + b for a, b in parts)
)
MARKED = st.lists(st.tuples(st.one_of(FRAGMENTS, st.text(ANY_CHAR, max_size=3)), st.lists(COMBINING, max_size=3)),
                  max_size=MAX_PARTS // 2).map(lambda parts: " ".join(a + "".join(m) for a, m in parts))  # fmt: skip
TEXT = st.one_of(st.text(ANY_CHAR, max_size=MAX_CHARS), MIXED, MARKED)
LANGS = st.sampled_from([None, "en", "es", "fr", "de", "pt", "it", "nl", "tr", "ru", "ar", "zh", "ja", "ko", "hi",
                         "pt-BR", "zh-Hant-TW", "und"])  # fmt: skip
PUBLISHED = st.one_of(st.none(), st.dates(), st.sampled_from(["2024-02-08", "2024-02-08T10:30:00Z"]))
STEPS = st.sampled_from([["places"], ["dates"], ["numbers"], ["titles"], ["places", "dates", "numbers", "titles"],
                         ["titles", "numbers", "dates", "places"]])  # fmt: skip


def check_document(doc: Document, text: str) -> None:
    check_valid(doc, text)  # offsets, order, JSON
    assert isinstance(doc.text, str)


@SETTINGS
@given(text=TEXT, lang=LANGS, published=PUBLISHED)
def test_hypothesis_normalise_never_raises(text: str, lang: str | None, published: object) -> None:
    doc = newsnorm.normalise(text, lang=lang, published=published)
    check_document(doc, text)
    assert newsnorm.normalise(text, lang=lang, published=published) == doc


@SETTINGS
@given(text=TEXT, lang=LANGS, steps=STEPS)
def test_hypothesis_each_normaliser_never_raises(text: str, lang: str | None, steps: list[str]) -> None:
    pipe = newsnorm.Pipeline(steps)
    doc = pipe(text, lang=lang, published="2024-02-08")
    check_document(doc, text)
    assert pipe(text, lang=lang, published="2024-02-08") == doc


@SETTINGS
@given(text=TEXT, lang=LANGS)
def test_hypothesis_idempotent(text: str, lang: str | None) -> None:
    once = newsnorm.normalise(text, lang=lang or "en", published="2024-02-08")
    twice = newsnorm.normalise(once.text, lang=lang or "en", published="2024-02-08")
    assert twice.text == once.text


@SETTINGS
@given(
    items=st.lists(st.tuples(TEXT, LANGS, PUBLISHED), min_size=1, max_size=4),
    steps=STEPS,
    batch_size=st.integers(1, 3),
)
def test_hypothesis_map_gives_the_documents_of_calls(
    items: list[tuple[str, str | None, object]], steps: list[str], batch_size: int
) -> None:
    """``Pipeline.map`` (batches, grouped by language, the dates scanner phase by phase) never raises and gives
    each item the document of one call."""
    pipe = newsnorm.Pipeline(steps)
    docs = list(pipe.map(items, batch_size=batch_size))
    assert len(docs) == len(items)
    for doc, (text, lang, published) in zip(docs, items, strict=True):
        check_document(doc, text)
        assert pipe(text, lang=lang, published=published) == doc


@SETTINGS
@given(title=TEXT, lang=LANGS, case=st.sampled_from([None, "title", "sentence"]))
def test_hypothesis_headline_never_raises(title: str, lang: str | None, case: str | None) -> None:
    out = newsnorm.headline(title, lang=lang, case=case)
    assert isinstance(out, str)
    assert newsnorm.headline(title, lang=lang, case=case) == out
