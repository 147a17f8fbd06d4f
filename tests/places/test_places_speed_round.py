"""The shortcuts of the new-document speed round give what the general code gives (identical output)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsnorm.places._gazetteer import fold, fold_text, gazetteer
from newsnorm.places._match import _LATIN1_CLASSES, _places

_ARABIC = re.compile("[\u0622\u0623\u0625\u0671\u0649\u06cc\u06a9]")
_ARABIC_FOLD = str.maketrans("\u0622\u0623\u0625\u0671\u0649\u06cc\u06a9", "\u0627\u0627\u0627\u0627\u064a\u064a\u0643")


def _fold_general(text: str) -> str:
    """``fold`` as first written (``fold_text`` adds ASCII and Latin-1 shortcuts)."""
    if "İ" in text:
        text = text.replace("İ", "I")
    if _ARABIC.search(text):
        text = text.translate(_ARABIC_FOLD)
    return text.lower()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=60))
def test_fold_latin1_path(text: str) -> None:
    assert fold_text(text) == fold(text) == _fold_general(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ ÀéÿßµÞİΣσςأیک’—\ud800\x00"), max_size=40))
def test_fold_mixed_scripts(text: str) -> None:
    assert fold_text(text) == fold(text) == _fold_general(text)


def test_whole_text_city_case_check_before_entry() -> None:
    """A city key found in lower case in a whole text ("lima", "roma") is no hit; in capitals it is."""
    g = gazetteer("es")
    text = "Compró una lima en Lima y luego voló a Roma; roma, lima."
    found = [(s, e, text[s:e]) for s, e, _entry, _cand in _places(text, g)]
    assert found == [(19, 23, "Lima"), (39, 43, "Roma")]


def test_automaton_order_changes_no_hit() -> None:
    """Keys added with common characters first (``_common_first``) give what keys added in any order give."""
    import ahocorasick

    g = gazetteer("es")
    texts = [
        "El presidente estadounidense viajó a San José, Costa Rica, y a Santa Cruz de la Sierra (Bolivia).",
        "’Amman 'Iraq «Francia» SAN FRANCISCO de Asís, río de janeiro, Rio de Janeiro; İzmir Σάμος 1234",
    ]
    for automaton in (g.automaton, g.cities):
        plain = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key, value in sorted(automaton.items(), reverse=True):
            plain.add_word(key, value)
        plain.make_automaton()
        for text in texts:
            low = fold_text(text)
            assert list(automaton.iter(low)) == list(plain.iter(low))


def test_latin1_classes_are_word_characters() -> None:
    for c in range(256):
        assert (_LATIN1_CLASSES[c] != 0x20) == bool(re.match(r"\w", chr(c)))
