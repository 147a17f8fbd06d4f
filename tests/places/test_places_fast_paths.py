"""The fast paths of the matcher give what the plain rules give (the speed work changes no output)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsnorm.places._gazetteer import (
    KEY_LENGTH_BITS,
    LANGUAGE_KEY,
    ROW_SHIFT,
    Entry,
    Gazetteer,
    city_entry,
    fold,
    gazetteer,
)
from newsnorm.places._match import (
    _LONG_PREPOSITIONS,
    _accept,
    _initial_same,
    _judged,
    _leftmost,
    _looks_like_headline,
    _raw_hits,
    _rule_verdicts,
    _run_raw,
    _run_verdicts,
    scan,
)

_WORD = re.compile(r"\w+")


def _headline_by_words(line: str) -> bool:
    """The rule written word by word: the words of ``line`` that start with a letter, how many in lower case, and
    whether a long all-lower-case run of letters (not one of the long prepositions) makes it prose."""
    words = [w for w in _WORD.findall(line) if w[0].isalpha()]
    lower = sum(1 for w in words if w[0].islower())
    if len(words) < 3 or lower * 4 >= len(words):
        return len(words) < 3
    long_lower = [r for r in re.findall(r"[^\W\d_]+", line) if r.islower() and len(r) >= 6]
    return all(r in _LONG_PREPOSITIONS for r in long_lower)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
def test_headline_ascii_bytes_path(line: str) -> None:
    assert _looks_like_headline(line) == _headline_by_words(line)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=80))
def test_headline_latin1_bytes_path(line: str) -> None:
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


_PIECES = [
    "Jordan", "Peterson", "Michael", "Georgia", "Atlanta", "Singapore", "Airlines", "London", "Chad", "Smith",
    "New", "York", "Times", "The", "Bank", "of", "America", "United", "States", "Air", "Force", "Beijing",
    "Olympic", "Games", "President", "Lula", "Paris", "Hilton", "Washington", "Post", "said", "in", "and",
    "the", "Mr.", "J.", "U.S.", "Gaza", "Strip", "Israel", "Turkey", "China", "Eastern", "Berlin", "Ankara",
    "İstanbul", "Adalet", "Divanı", "Budapest", "Kaapstad", "Nairobi",
]
_GLUE = [" ", " ", " ", ". ", ", ", "\n", "\n\n", ": ", " (", ") ", " “", "” ", " - ", "; "]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["en", "tr", "af", "hu", "sw"]),
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)), max_size=30),
)
def test_run_verdicts_equal_the_rules_in_the_text(lang: str, pieces: list[tuple[str, str]]) -> None:
    """The capital-run path (verdicts known per run) gives what the rules give run in the whole text.

    English and Afrikaans run the person-name rules (with and without the sentence-start
    rule), Turkish, Hungarian and Swahili the inner-name rule.
    """
    text = "".join(word + glue for word, glue in pieces)
    g = gazetteer(lang)
    assert scan(text, g) == scan(text, dataclasses.replace(g, runs=None)), text
    upper = text.upper()
    assert scan(upper, g) == scan(upper, dataclasses.replace(g, runs=None)), upper


_AT_SENTENCE_STARTS = [
    ("af", "Smith London is groot."),
    ("af", "Hy het gesê. Smith London is groot."),
    ("af", "hy sê Smith London is groot."),
    ("en", "Peterson Jordan spoke.\nPETERSON JORDAN SPOKE\nThen Peterson Jordan spoke."),
    ("en", "(Michael Jordan) and “Chad Smith” said; Chad Smith"),
    ("tr", "Adalet Ankara Divanı. Uluslararası Adalet Ankara Divanı"),
]


def test_run_verdicts_at_sentence_starts_and_headlines() -> None:
    for lang, text in _AT_SENTENCE_STARTS:
        g = gazetteer(lang)
        assert scan(text, g) == scan(text, dataclasses.replace(g, runs=None)), (lang, text)


def _verdicts_by_rules(before: str, run: str, g: Gazetteer) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
    """The rules run on every kept hit of ``run`` after ``before`` (no shortcut), and the shortcut's verdicts."""
    raw = _run_raw(run, g, fold(run))
    chosen = _leftmost(list(raw))
    kept = [h for h in chosen if not h[2].trap]
    plain = tuple(bool(v) for v in _rule_verdicts(before, run, chosen, kept, [True] * len(kept), g))
    return plain, _run_verdicts(before, run, chosen, kept, g)


_RUN_WORDS = ["J.", "Gov.", "Jordanas", "al-sisi", "2024", "x.", "Texas"]
_RUN_GLUE = [" ", " ", ", ", ". ", "'s ", "-", "\t", "  ", " \t", "), ", " and ", " of "]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["en", "nl", "af", "fr", "tr", "ru", "cs", "sw", "hu"]),
    st.lists(
        st.tuples(st.sampled_from([*_PIECES, *_RUN_WORDS]), st.sampled_from(_RUN_GLUE)),
        min_size=1,
        max_size=8,
    ),
)
def test_run_verdict_shortcuts_equal_the_rules(lang: str, pieces: list[tuple[str, str]]) -> None:
    """A hit with no space or tab next to it inside its run is rejected by no rule (so none is run for it);
    where :func:`_initial_same` holds, the verdicts at a sentence start are those after a lower-case word."""
    g = gazetteer(lang)
    run = "".join(word + glue for word, glue in pieces).rstrip(" \t")
    after_word = _verdicts_by_rules("x ", run, g)
    at_start = _verdicts_by_rules("", run, g)
    assert after_word[0] == after_word[1], run
    assert at_start[0] == at_start[1], run
    if _initial_same(g):
        assert at_start[0] == after_word[0], run
    raw = _run_raw(run, g, fold(run))
    if len(raw) == 1:  # the single-hit path of _judged gives what the general one gives (a doubled hit takes it)
        fast, general = _judged(run, raw, g), _judged(run, raw * 2, g)
        assert fast == () or general == () or fast[1:] == general[1:], run
        assert bool(fast) == bool(general), run


def _raw_hits_by_accept(text: str, g: Gazetteer, strict_case: bool) -> list[tuple[int, int, int, Entry]]:
    """Every automaton hit of ``text`` through :func:`_accept` (no shortcut), as ``_raw_hits`` ranks them."""
    low = fold(text)
    pairs = [*g.automaton.iter(low), *(g.cities.iter(low) if g.cities is not None else ())]
    found = []
    for last, item in pairs:
        value: Any
        size = item & ((1 << KEY_LENGTH_BITS) - 1)
        value = g.entries[item >> ROW_SHIFT] if item & LANGUAGE_KEY else item >> ROW_SHIFT
        if type(value) is int:
            if value in g.shadow:
                continue
            city = city_entry(value, g.slavic, g.name_endings, g.name_min)
            if city is None:
                continue
            value = city
        start, end = last + 1 - size, last + 1
        span = _accept(text, start, end, value, g, strict_case)
        if span is not None:
            found.append((span[0], span[1], span[1] - end + (start - span[0]), value))
    return found


_GLUED = ["Australian", "aroma", "xGaza", "Gazan", "Romania", "Parisian", "Chadwick", "Indiana", "Omani", "Israeli",
          "China", "Californian", "Romanian", "Pari5", "Chin2a"]  # city keys ending inside a word: "Chin"
# "सोभारत", "कोईरान": a Devanagari vowel sign before a key puts the key inside a word (the fast path read
# only letters and digits there)
_GLUED_SCRIPTS = ["ভারতের", "फ्रांसिस", "सोभारत", "कोईरान", "الخرطوم", "وبغداد", "لمصر", "בישראל", "ハマス", "Россией"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["en", "es", "tr", "hi", "bn", "ar", "he", "ru", "ja"]),
    st.lists(
        st.tuples(st.sampled_from([*_PIECES, *_GLUED, *_GLUED_SCRIPTS]), st.sampled_from(_GLUE)),
        max_size=12,
    ),
    st.booleans(),
)
def test_raw_hit_shortcuts_equal_accept(lang: str, pieces: list[tuple[str, str]], strict_case: bool) -> None:
    """The shortcuts of ``_raw_hits`` (a key between non-letters, a key inside a word) reject and accept what
    :func:`_accept` does."""
    text = "".join(word + glue for word, glue in pieces)
    g = gazetteer(lang)
    low = fold(text)
    pairs = [*g.automaton.iter(low), *(g.cities.iter(low) if g.cities is not None else ())]
    assert sorted(_raw_hits(text, pairs, g, strict_case, False)) == sorted(_raw_hits_by_accept(text, g, strict_case))


def test_raw_hit_shortcuts_examples() -> None:
    """Every glued word of the property test, in every one of its languages, with and without strict case."""
    words = [*_GLUED, *_GLUED_SCRIPTS]
    for lang in ("en", "es", "tr", "hi", "bn", "ar", "he", "ru", "ja"):
        g = gazetteer(lang)
        for word in words:
            for text in (word, f"x {word}, {word.lower()}."):
                for strict_case in (True, False):
                    expected = sorted(_raw_hits_by_accept(text, g, strict_case))
                    low = fold(text)
                    pairs = [*g.automaton.iter(low), *(g.cities.iter(low) if g.cities is not None else ())]
                    assert sorted(_raw_hits(text, pairs, g, strict_case, False)) == expected, (lang, text)


def test_a_vowel_sign_before_a_name_puts_it_inside_a_word() -> None:
    """Hindi: "चौथाई" (a quarter) once gave Thailand; a name right after a vowel sign is no place."""
    import newsnorm

    for text in ("सोभारत में", "कोईरान"):
        assert newsnorm.Pipeline(["places"])(text, lang="hi").mentions == (), text
    assert [m.value for m in newsnorm.Pipeline(["places"])("भारत में", lang="hi").mentions] == ["IN"]


_NEXT_TO_A_WORD = [
    "Singapore Airlines", "In California,", "McDonnell Douglas", "The United States's", "Ford Australia",
    "The New York Times", "Tunes Music Store", "North America.", "President of the United States Barack Obama",
    "Michael Jordan", "Jordan Peterson", "Texas Gov.", "J. Jordan", "The Hague", "Kaapstad Hawe",
    "Adalet Ankara Divanı",
]  # fmt: skip


def test_single_hit_next_to_a_word_takes_what_the_general_path_gives() -> None:
    """A run with one hit that has a word next to it asks the rule at once: the same :class:`_Run` as the
    general path (reached here by doubling the hit, which ``_leftmost`` takes once), with and without a
    sentence-start rule of its own (``_initial_same``)."""
    asked = 0
    for lang in ("en", "nl", "tr", "af", "hu", "cs"):
        g = gazetteer(lang)
        for run in _NEXT_TO_A_WORD:
            raw = _run_raw(run, g, fold(run))
            if len(raw) != 1:
                continue
            fast, general = _judged(run, raw, g), _judged(run, raw * 2, g)
            assert fast, (lang, run)
            assert general, (lang, run)
            assert fast[1:] == general[1:], (lang, run)
            asked += fast.checked
    assert asked >= 10  # the rule did reject some of them (the new path ran)
