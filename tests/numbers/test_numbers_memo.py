"""The scanner's per-process memos (word runs, grouped figures) never change an output.

Runs are memoised on positions made relative to the run, so the same words at another offset, in
another document, must read exactly as the parser reads them with no memo; the memos are bounded and emptied
by ``newsnorm._resources.clear_caches()``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsnorm._resources import clear_caches
from newsnorm.numbers import NumbersNormaliser, _scan
from newsnorm.numbers._parse import digit_value, parse_words

CASES = Path(__file__).resolve().parent.parent / "cases" / "numbers"


def _rows() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for path in sorted(CASES.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            rows.extend((r["input"], r["lang"]) for r in map(json.loads, f) if r.get("lang"))
    return rows


ROWS = _rows()


def _out(text: str, lang: str, **options: Any) -> list[tuple[Any, ...]]:
    doc = NumbersNormaliser(**options)(text, lang=lang)
    return [(m.start, m.end, m.text, m.value, m.normalised, sorted(m.attrs.items())) for m in doc.mentions]


def _direct(text: str, lang: str, **options: Any) -> list[tuple[Any, ...]]:
    """The output with no memo at all: runs and figures read directly by the parser."""
    memo_run, memo_figure = _scan._parse_run, _scan._digit_value
    _scan._parse_run = lambda run, g: parse_words(run, *g.parse_flags)
    _scan._digit_value = lambda body, g: digit_value(body, g.decimal, g.group)
    try:
        return _out(text, lang, **options)
    finally:
        _scan._parse_run, _scan._digit_value = memo_run, memo_figure


def test_case_rows_read_the_same_with_warm_memos_at_other_offsets() -> None:
    assert len(ROWS) > 500
    for text, lang in ROWS:
        _out(text, lang)  # warms the memos at these offsets
    for text, lang in ROWS:
        for shifted in (text, "x " * 80 + text, "— " + text + " 7"):  # far from, and next to, the run origin
            assert _out(shifted, lang) == _direct(shifted, lang), (shifted, lang)


def test_options_share_the_memos() -> None:
    text = "Between two and a half million and 3,5 millions; 27.840 people, the twenty-first time"
    for lang in ("en", "es", "fr", "de"):
        for options in ({}, {"words": False}, {"ordinals": False}, {"style": "locale"}):
            warm = _out(text, lang, **options)
            assert warm == _direct(text, lang, **options)
            assert _out(text, lang, **options) == warm


def test_clear_caches_empties_the_memos() -> None:
    _out("two million people, 27,840 of them, the first", "en")
    assert _scan._RUNS
    assert _scan._FIGURES
    clear_caches()
    assert not _scan._RUNS
    assert not _scan._FIGURES


def test_memos_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_scan, "_RUNS_MAX", 8)
    clear_caches()
    for n in range(1, 60):
        assert _out(f"{n} million and {n},5 thousand", "en")
        assert len(_scan._RUNS) <= 8
        assert len(_scan._FIGURES) <= 8


def test_long_runs_and_figures_stay_out_of_the_memos() -> None:
    clear_caches()
    long_run = " ".join(["one", "hundred", "and", "twenty", "three", "thousand"] * 30)
    long_figure = ",".join(["123"] * 30) + ".5"
    _out(f"{long_run} and {long_figure} people", "en")
    assert all(len(key[1:]) < 40 for key in _scan._RUNS)
    assert all(len(key[0]) <= 40 for key in _scan._FIGURES)
    assert _out(f"{long_run} and {long_figure} people", "en") == _direct(f"{long_run} and {long_figure} people", "en")


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["en", "es", "fr", "de", "it", "pt", "nl", "ru", "ar", "hi", "tr"]),
    st.lists(
        st.sampled_from(
            [
                "one",
                "two",
                "hundred",
                "million",
                "and",
                "a",
                "half",
                "un",
                "dos",
                "mil",
                "millones",
                "y",
                "con",
                "vingt",
                "et",
                "cent",
                "zwei",
                "und",
                "zwanzig",
                "тысяч",
                "два",
                "2",
                "3,5",
                "27.840",
                "1.5",
                "%",
                "first",
                "-",
                " ",
                "point",
                "coma",
                "over",
            ]
        ),
        max_size=12,
    ),
    st.integers(min_value=0, max_value=130),
)
def test_property_memo_equals_direct(lang: str, words: list[str], offset: int) -> None:
    text = " ".join(words)
    _out(text, lang)
    shifted = "y" * offset + " " + text
    assert _out(shifted, lang) == _direct(shifted, lang)


def test_figure_then_scale_reads_as_the_parser_reads_it() -> None:
    """The figure-and-scale shortcut of ``_parse_run`` gives what ``parse_words`` gives, value type included."""
    from newsnorm.numbers._lexicon import grammar

    values: list[float] = [0, 1, 7, 2700, 118300, 10**15, 10**300, 0.0, -0.0, 0.5, 2.7, -3, -2.5, 1e300, float("inf")]
    for lang in ("en", "es", "de", "pt", "fr", "ru", "ar"):  # closing words in es, de, pt; duals in ar
        g = grammar(lang)
        for word, (scale, kind) in g.words.items():
            if kind != "S":
                continue
            for value in values:
                for figure in ("2.700", "5", "eins", "cien"):  # (the last two: closing words of German and Spanish)
                    run = [(10, 15, figure, value, "FIG", False, -1), (16, 16 + len(word), word, scale, "S", False, -1)]
                    fast, slow = _scan._parse_run(run, g), parse_words(run, *g.parse_flags)
                    assert repr(fast) == repr(slow), (lang, word, value, figure)
                    assert [type(n.value) for n in fast] == [type(n.value) for n in slow]


def test_cut_runs_read_as_whole_runs() -> None:
    """Runs cut where the grammar closes a number (``_scan._cut``) read as ``parse_words`` reads them whole."""
    import random

    from newsnorm.numbers._lexicon import grammar

    rng = random.Random(7)
    figures: list[float] = [0, 1, 3, 10, 21, 100, 2700, 0.5, 2.5, -3, 1e9, 0.0]
    cuts = 0
    for lang in ("en", "es", "fr", "de", "ru", "ar", "hi", "he"):
        g = grammar(lang)
        by_kind: dict[str, list[tuple[str, float]]] = {}
        for word, (value, kind) in g.words.items():
            by_kind.setdefault(kind, []).append((word, value))
        kinds = sorted(by_kind)
        for _ in range(600):
            run: list[tuple[int, int, str, float, str, bool, int]] = []
            pos = rng.randint(0, 50)
            for _ in range(rng.randint(1, 6)):
                if rng.random() < 0.3:
                    value = rng.choice(figures)
                    word, kind = str(value), rng.choice(["FIG", "FIG", "FIGX"])
                else:
                    kind = rng.choice(kinds)
                    word, value = rng.choice(by_kind[kind])
                art = pos - 3 if pos >= 3 and rng.random() < 0.15 else -1
                run.append((pos, pos + len(word), word, value, kind, bool(run) and rng.random() < 0.2, art))
                pos += len(word) + rng.randint(1, 3)
            cuts += bool(_scan._cut(run))
            fast, slow = _scan._parse_run(run, g), parse_words(run, *g.parse_flags)
            assert repr(fast) == repr(slow), (lang, run)
            assert [type(n.value) for n in fast] == [type(n.value) for n in slow]
    assert cuts > 500


def test_a_run_of_thousands_of_figures_reads() -> None:
    """Cutting a run is a loop: thousands of figures in one run ("1,000 1,000 ...") overflow nothing."""
    text = "1,000 " * 5000
    doc = NumbersNormaliser()(text, lang="en")
    assert len(doc.mentions) == 5000
    assert all(m.value == 1000 for m in doc.mentions)
