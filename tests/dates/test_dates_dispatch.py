"""The scanner tries at a start only the rules that can begin with its character: that filter never drops a match."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dates_helpers import load_cases

from newsnorm.dates._lexicon import Lexicon, fold, lexicon
from newsnorm.dates._scan import (
    _ALL_RULES,
    _compile_rule,
    _dispatch,
    _first_set,
    _go_on,
    _has_head,
    _pattern,
    _word_on,
)

SAMPLE = Path(__file__).resolve().parent / "sample_article.txt"
_WORD_START = re.compile(r"(?<!\w)\S")


def _starts(lang: str, count: int) -> Iterator[tuple[Lexicon, Any, str, int]]:
    """(lexicon, every rule compiled, text, word start) over the first ``count`` cases of ``lang`` (and the sample)."""
    lex = lexicon(lang)
    assert lex is not None
    texts = [str(case["input"]) for case in load_cases() if case["lang"] == lang][:count]
    if lang == "en":
        texts.append(SAMPLE.read_text(encoding="utf-8"))
    compiled = _pattern(lex, _ALL_RULES)[0]
    for text in texts:
        for w in _WORD_START.finditer(text):
            yield lex, compiled, text, w.start()


@pytest.mark.parametrize("lang", ["en", "es", "de", "tr", "ar", "zh"])
def test_dispatch_keeps_every_rule_that_matches(lang: str) -> None:
    for _, compiled, text, s in _starts(lang, 40):
        kept = _dispatch(compiled, text[s])
        for rule in compiled:
            if rule not in kept:
                assert rule[0].match(text, s) is None, (lang, text[s : s + 30], rule[0].groupindex)


def test_first_set_reads() -> None:
    pattern, first, _ = _compile_rule(r"(?P<R_x>)(?<!\w)(?:ab|[c-e]x|\dy)?z")
    assert pattern.match("zz") is not None
    assert first is not None
    assert first[0] == frozenset("az")
    assert first[1] == ((ord("c"), ord("e")),)
    assert first[2] == ("CATEGORY_DIGIT",)
    # a pattern that can match the empty string, or with flags, is tried everywhere
    assert _compile_rule(r"(?P<R_x>)a*")[1] is None
    assert _compile_rule(r"(?i)(?P<R_x>)a")[1] is None
    assert _compile_rule(r"(?P<R_x>)[^a]")[1] is None
    assert _first_set([])[1] is True


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_first_word_filter_keeps_every_rule_that_matches(lang: str) -> None:
    """At a word start the scanner tries only the rules whose lists may begin with that word."""
    lex = lexicon(lang)
    assert lex is not None
    if lex.prefixed or not lex.spaced or lex.anchor_open_end:
        pytest.skip("the filter is off for this language")
    for rule, starters in lex.rule_starters.items():  # the words before an anchor are among a rule's first words
        assert starters <= lex.rule_heads[rule], rule
    for _, compiled, text, s in _starts(lang, 30):
        word = fold(text[s:].split()[0])
        if not word[:1].isalpha():  # digits, quotes: the scanner does not filter there
            continue
        for pattern, _, _, _, heads, _ in compiled:
            if heads is not None and not _has_head(word, heads):
                assert pattern.match(text, s) is None, (lang, text[s : s + 30], pattern.groupindex)


_DIGIT_START = re.compile(r"(?<![0-9])[0-9]")
_NUMBERS = (
    "500 aid trucks, 2,000 people, 25 percent, 3.5 million, 12.30pm, 10:30 a.m., 3 p.m. on 5 May, the 1990s, "
    "2024-02-08, 12/05/2024, 8/2, 5th of May, May 5th, 3 o'clock, 2 days ago, in 3 weeks, 21st century, "
    "Q1 2024, 2019-2020, 15 Uhr, 14h30, 1er janvier, 3 de marzo de 2024, 4,5 millones, 1.000 personas, 7h, "
    "1 000 000, 3G, 4x4, 24/7, 50%, 9.11, 2005.\n10 de octubre, a 12-year-old, 0 and 1, 007, 99 luftballons"
)


def _dropped_never_match(lang: str, extra: str, starts: re.Pattern[str], read_on: Any) -> int:
    """At each start of ``starts`` in the cases of ``lang``, ``extra`` (and the sample in English), the rules
    ``read_on(rules, text, start)`` keeps of those dispatched there are theirs in order, and a rule it leaves out
    never matches there; returns how many it left out."""
    lex = lexicon(lang)
    assert lex is not None
    compiled = _pattern(lex, _ALL_RULES)[0]
    texts = [str(case["input"]) for case in load_cases() if case["lang"] == lang][:60]
    texts.append(extra)
    if lang == "en":
        texts.append(SAMPLE.read_text(encoding="utf-8"))
    dropped = 0
    for text in texts:
        for found in starts.finditer(text):
            s = found.start()
            own = _dispatch(compiled, text[s])
            kept = read_on(own, text, s)
            assert [rule for rule in own if rule in kept] == list(kept)  # in order
            for rule in own:
                if rule not in kept:
                    dropped += 1
                    assert rule[0].match(text, s) is None, (lang, text[s : s + 30], rule[0].groupindex)
    return dropped


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "tr", "ar", "pt", "ru"])
def test_number_filter_keeps_every_rule_that_matches(lang: str) -> None:
    """At a digit the scanner tries only the rules whose parse allows the number's shape and the character after
    it; a rule left out never matches there."""
    assert _dropped_never_match(lang, _NUMBERS, _DIGIT_START, _go_on) > 0  # the filter does leave rules out


_WORDS = (
    "the year, the past year, The Year, THE YEAR, a week, a week ago, in the first quarter, the 1990s, the 5th, "
    "the fifth of May, the 21st century, at 10 a.m., el año pasado, el 5 de mayo, en 2024, a las 10, un año, "
    "the  year, the\nyear, the\tweek, (the year), \"the year\", the-year, the 2, the 20, the 2024 vote, the "
)


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "tr", "pt", "ru"])
def test_word_filter_keeps_every_rule_that_matches(lang: str) -> None:
    """At a word start before an anchor the scanner tries only the rules whose parse can read that word, the space
    after it and the next character; a rule left out never matches there, not even a shorter match."""
    assert _dropped_never_match(lang, _WORDS, _WORD_START, _word_on) > 0  # the filter does leave rules out
