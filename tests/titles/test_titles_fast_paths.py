"""The speed paths of the office finder find what the plain paths find (no timing here)."""

from __future__ import annotations

import random

import pytest
from titles_helpers import read_cases

from newsnorm.titles import _offices

LATIN = ["en", "es", "fr", "de", "it", "pt", "tr", "nl", "sv", "pl", "hu", "cs", "vi", "ro", "ca", "id"]
# characters around a title that the word-start text maps: marks, joiners, quotes, "?", beyond Latin-1
ODD = [
    *" \n\t-'’.?_x(\"“«»¿¡—…ıİßẞ\u0301\u0308\u200c\u200d\x01",
    *("ex", "then-", "ex-", "l'", "dell’", "Nato-", "экс-", "Генсек ", "??"),
]


def _plain(text: str, lang: str) -> list[tuple[int, int, int]]:
    """The candidates of the automaton over every form anywhere (the word-start automaton left out)."""
    tables = _offices._tables(lang)
    return _offices._candidates(text, tables._replace(starts=None))


def _texts(lang: str, count: int, seed: int) -> list[str]:
    forms = sorted(_offices._tables(lang).table)
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        pieces = []
        for _ in range(rnd.randint(1, 12)):
            form = rnd.choice(forms)
            pieces.append(rnd.choice([rnd.choice(ODD), form, form.upper(), form.title(), " " + form + " "]))
        out.append("".join(pieces))
    return out


def test_word_start_automaton_is_built_for_latin_languages() -> None:
    assert all(_offices._tables(lang).starts is not None for lang in ("en", "es", "fr", "de"))
    assert all(_offices._tables(lang).starts is None for lang in ("ru", "ar", "zh", "hi"))


@pytest.mark.parametrize("lang", LATIN)
def test_word_start_candidates_are_the_plain_ones(lang: str) -> None:
    rows = [r["input"] for r in read_cases("*.jsonl") if isinstance(r.get("input"), str)]
    for text in rows + _texts(lang, 400, seed=len(lang) * 7919 + ord(lang[0])):
        assert _offices._candidates(text, _offices._tables(lang)) == _plain(text, lang), text


def test_word_start_text_keeps_offsets() -> None:
    text = "«Ex-presidente» Ωmega ?Dr. l’ambassadeur\u0301 — x"
    mapped = _offices._word_starts(text.lower())
    assert len(mapped) == len(text) + 1
    assert mapped[0] == " "
    assert mapped[1] == " "  # "«" starts a word
    assert mapped[mapped.index("dr") - 1] == _offices._UNKNOWN  # "?" may or may not
