"""The fast paths of the matcher give what the plain rules give (the speed work changes no output)."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsnorm.places._gazetteer import gazetteer
from newsnorm.places._match import _looks_like_headline, scan

_WORD = re.compile(r"\w+")


def _headline_by_words(line: str) -> bool:
    """The rule as first written: the words of ``line`` that start with a letter, and how many in lower case."""
    words = [w for w in _WORD.findall(line) if w[0].isalpha()]
    lower = sum(1 for w in words if w[0].islower())
    return len(words) < 3 or lower * 4 < len(words)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
def test_headline_ascii_bytes_path(line: str) -> None:
    assert _looks_like_headline(line) == _headline_by_words(line)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aZ é’É_1²Ⅻ-.\n\t", max_size=40))
def test_headline_unicode_path(line: str) -> None:
    assert _looks_like_headline(line) == _headline_by_words(line)


def test_headline_examples() -> None:
    assert _looks_like_headline("ISRAEL REJECTS HAMAS TERMS")
    assert _looks_like_headline("Israel Rejects Hamas Terms as Talks Go On")
    assert not _looks_like_headline("Singapore will remain the airliner's first stop, where Singapore Airlines will")


TEXTS = [
    "Singapore will remain the airliner's first stop, where Singapore Airlines will display it.",
    "Singapore Airlines Flies To London",
    "The Bank of America Corporation said. In California, a lawsuit. Washington Mutual and Ford Australia.",
    "Talks in ‘Amman today, then ’Amman and 'Amman; He said ‘Irāq is",
    "McIsrael xGaza Gaza-based _Gaza Gaza_ 3Gaza",
    "John F. Kennedy and Jordan Peterson met Michael Jordan in Jordan.",
    "Georgia and Atlanta, Georgia and Tbilisi, Georgia; London, Ontario and London.",
]


def test_memo_state_changes_nothing() -> None:
    """A text gives the same places with every run judged afresh and with every run already known."""
    for lang in ("en", "nl", "tr"):
        g = gazetteer(lang)
        for text in TEXTS:
            fresh = dataclasses.replace(g, memo={})
            first = scan(text, fresh)
            assert scan(text, fresh) == first, (lang, text)
            assert scan(text, g) == first, (lang, text)
            assert scan(text + " x‘Amman", fresh)[: len(first)] == first, (lang, text)
            assert scan(text, dataclasses.replace(g, runs=None)) == first, (lang, text)
