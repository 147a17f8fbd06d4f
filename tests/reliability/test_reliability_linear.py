"""Adversarial inputs finish in linear time: a size-doubling check on each normaliser and the pipeline.

For every input family (long runs of digits, separators, spaces, repeated month
names, "1,1,1,...", nested parentheses, text without spaces, repeated titles,
country names, apostrophes ...) the time for ``2n`` characters must stay below
``MAX_RATIO`` times the time for ``n`` (CPU time of this process, best of
repeats; a suspect ratio is measured again with more repeats before failing). No
fixed time limit is used: catastrophic backtracking shows up as a ratio of 4 or
more at every doubling.

The default run checks the full pipeline on the families the issue names, in
English, at small sizes (a few seconds). With ``NEWSNORM_SLOW=1`` the long run
checks the doubling from 500,000 to 1,000,000 characters of every family through
the full pipeline in each of ``NEWSNORM_SLOW_LANGS`` (default en,es,de,ru,ar,zh):
the pipeline runs every normaliser, so every compiled pattern of those languages
sees every family at 1 MB, and a superlinear pattern shows in the pipeline's time
(its share grows with size until it dominates). The 1 MB document of each run is
checked too (valid offsets, source kept). It costs about 9 s of CPU per
(language, family), some 50 minutes for six languages: split it over processes
with ``NEWSNORM_SLOW_LANGS``.

Knobs: ``NEWSNORM_DOUBLING_MAX`` (default 1,000,000), ``NEWSNORM_DOUBLING_STEPS``
(sizes in the ladder, default 2: 500k and 1M), ``NEWSNORM_SLOW_TARGETS=each`` to
check every normaliser alone as well (four times longer; names the culprit of a
pipeline failure).
"""

from __future__ import annotations

import gc
import itertools
import os
import time
from collections.abc import Callable
from typing import Any

import pytest

import newsnorm

SLOW = os.environ.get("NEWSNORM_SLOW") == "1"
MAX_SIZE = int(os.environ.get("NEWSNORM_DOUBLING_MAX", "1000000"))
MAX_RATIO = 3.0
#: Below this time for 2n characters a ratio is noise, not growth (a quadratic cost at these sizes is far above it).
NOISE_FLOOR_S = 0.004


def _repeat(unit: str) -> Callable[[int], str]:
    def make(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return make


def _nested(n: int) -> str:
    half = n // 2
    return "(" * half + ")" * (n - half)


def _nested_words(n: int) -> str:
    """Phrases opening a parenthesis each, then the closing parentheses: exactly ``n`` characters."""
    unit = "(Turkey (on Oct. 7 (about 1,5 "
    opens = (unit * (n // len(unit) + 1))[: n - n // 8]
    return opens + ")" * (n - len(opens))


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits": _repeat("1"),
    "digits-commas": _repeat("1,"),
    "digits-dots": _repeat("1."),
    "digits-spaced": _repeat("1 "),
    "digit-groups": _repeat("1,000 "),
    "thin-space-groups": _repeat("27\u202f840\u00a0"),
    "decimal-chain": _repeat("1.5,"),
    "separators": _repeat("-/.:,"),
    "dashes": _repeat("-"),
    "spaces": _repeat(" "),
    "mixed-whitespace": _repeat(" \t\n\u00a0\u2009"),
    "months": _repeat("January "),
    "month-abbreviations": _repeat("Oct. "),
    "months-no-space": _repeat("OctoberNovember"),
    "month-day-chain": _repeat("Oct. 7, "),
    "weekdays": _repeat("Monday, Tuesday and "),
    "iso-dates": _repeat("2024-02-08 "),
    "date-dashes": _repeat("2024-"),
    "slashed-dates": _repeat("8/2/"),
    "times": _repeat("10:30:"),
    "relative": _repeat("last next this "),
    "durations": _repeat("about six weeks and "),
    "ranges": _repeat("1-2-3-"),
    "range-words": _repeat("between 400 and "),
    "approx": _repeat("about "),
    "number-words": _repeat("twenty "),
    "number-word-chain": _repeat("one hundred and twenty-five thousand "),
    "ordinals": _repeat("1st 2nd 3rd fifth "),
    "percent": _repeat("1.5% "),
    "nested-parentheses": _nested,
    "nested-phrases": _nested_words,
    "letters-no-spaces": _repeat("a"),
    "mixed-no-spaces": _repeat("Türkiye1,5Oct.the"),
    "capitals-no-spaces": _repeat("GAZA"),
    "prime-minister": _repeat("Prime Minister "),
    "titles-chain": _repeat("U.S. Secretary of State President "),
    "the-the": _repeat("the "),
    "countries": _repeat("Turkey "),
    "country-list": _repeat("Türkiye, Turkey, Turquie, Türkei, "),
    "multiword-places": _repeat("United States of America Gaza Strip "),
    "apostrophes": _repeat("'"),
    "possessives": _repeat("Turkey's "),
    "quotes": _repeat('"'),
    "dots": _repeat("."),
    "capitalised-words": _repeat("Jordan Peterson "),
    "arabic-digits": _repeat("٢٧٨٤٠"),
    "cjk-numerals": _repeat("一二三四五六七八九十百千万亿"),
    "cjk-dates": _repeat("2024年2月8日"),
    "spanish-dates": _repeat("el 7 de octubre de "),
    "german-dates": _repeat("am 7. Oktober "),
    # a capitalised month inside a sentence of a language that writes months in lower case ("vers Mars"): its line
    # is read for its case, so one long line must not be read whole per month
    "capitalised-months": _repeat("el equipo en Marzo gana y "),
    "zero-width": _repeat("\u200b1\u200d"),
    "combining-marks": _repeat("a\u0301\u0302"),
}

#: The families of the default (fast) run: the ones issue 7 names.
FAST_FAMILIES = ["digits", "digits-commas", "separators", "spaces", "months", "nested-parentheses",
                 "letters-no-spaces", "prime-minister", "the-the", "countries", "apostrophes"]
FAST_LANGS = ["en"]
SLOW_LANGS = os.environ.get("NEWSNORM_SLOW_LANGS", "en,es,de,ru,ar,zh").split(",")
#: Sizes of the long run: NEWSNORM_DOUBLING_STEPS sizes ending at NEWSNORM_DOUBLING_MAX, each twice the one before.
STEPS = int(os.environ.get("NEWSNORM_DOUBLING_STEPS", "2"))
#: (target, lang) pairs of the long run: the whole pipeline in every slow language (each normaliser alone too
#: with NEWSNORM_SLOW_TARGETS=each).
SLOW_TARGETS = [("pipeline", lang) for lang in SLOW_LANGS]
if os.environ.get("NEWSNORM_SLOW_TARGETS") == "each":
    SLOW_TARGETS += [(t, lang) for t in ("places", "dates", "numbers", "titles") for lang in SLOW_LANGS]


def runner(target: str, lang: str) -> Callable[[str], Any]:
    if target == "pipeline":
        return lambda text: newsnorm.normalise(text, lang=lang, published="2024-02-08")
    pipe = newsnorm.Pipeline([target])
    return lambda text: pipe(text, lang=lang, published="2024-02-08")


def best_time(fn: Callable[[str], object], text: str, repeats: int) -> float:
    """Minimum CPU time of ``repeats`` calls: other processes on the machine neither add to it nor hide growth."""
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.process_time()
        fn(text)
        times.append(time.process_time() - start)
    return min(times)


def doubling_failures(fn: Callable[[str], object], make: Callable[[int], str], sizes: list[int],
                      repeats: tuple[int, ...] = (2, 3, 5)) -> list[str]:
    """Doublings n -> 2n whose time ratio exceeds MAX_RATIO in every one of ``len(repeats)`` measurements.

    A superlinear cost fails every time; a burst of load from other processes on
    the machine does not repeat itself three times in a row.
    """
    fn(make(min(sizes[0], 20_000)))  # warm: build caches before timing (a small text builds them all)
    failures = []
    for small, large in itertools.pairwise(sizes):
        ratios = []
        small_text, large_text = make(small), make(large)
        for count in repeats:
            t_small = best_time(fn, small_text, count)
            t_large = best_time(fn, large_text, count)
            ratios.append(t_large / max(t_small, 1e-9))
            if t_large <= NOISE_FLOOR_S or t_large <= MAX_RATIO * t_small:
                break
        else:
            shown = ", ".join(f"x{r:.1f}" for r in ratios)
            failures.append(f"{small:,} -> {large:,} chars: {t_small * 1e3:.1f} ms -> {t_large * 1e3:.1f} ms ({shown})")
    return failures


def ladder(top: int, steps: int) -> list[int]:
    return [top >> k for k in range(steps - 1, -1, -1)]


@pytest.mark.parametrize("family", FAST_FAMILIES)
@pytest.mark.parametrize("lang", FAST_LANGS)
def test_pipeline_is_linear_on_adversarial_input(family: str, lang: str) -> None:
    fn = runner("pipeline", lang)
    failures = doubling_failures(fn, ADVERSARIAL[family], [2_000, 4_000, 8_000])
    assert not failures, f"pipeline lang={lang} input {family!r} grows faster than linear: {failures}"


def test_capitalised_months_on_one_long_line_are_linear() -> None:
    """Spanish writes months in lower case: each capitalised "Marzo" reads the case of its line, in a bounded window."""
    fn = runner("dates", "es")
    failures = doubling_failures(fn, ADVERSARIAL["capitalised-months"], [4_000, 8_000, 16_000])
    assert not failures, f"dates lang=es input 'capitalised-months' grows faster than linear: {failures}"


@pytest.mark.slow
@pytest.mark.skipif(not SLOW, reason="long run: set NEWSNORM_SLOW=1")
@pytest.mark.parametrize("family", sorted(ADVERSARIAL))
@pytest.mark.parametrize(("target", "lang"), SLOW_TARGETS, ids=[f"{t}-{lang}" for t, lang in SLOW_TARGETS])
def test_each_normaliser_is_linear_up_to_a_megabyte(target: str, lang: str, family: str) -> None:
    run = runner(target, lang)
    last: list[Any] = []

    def fn(text: str) -> None:
        last[:] = [text, run(text)]

    # one measurement per size first (a linear cost doubles, far below MAX_RATIO); more only if suspect
    failures = doubling_failures(fn, ADVERSARIAL[family], ladder(MAX_SIZE, STEPS), repeats=(1, 3, 5))
    assert not failures, f"{target} lang={lang} input {family!r} grows faster than linear: {failures}"
    text, doc = last
    assert len(text) == MAX_SIZE
    assert doc.source == text
    assert all(text[m.start : m.end] == m.text for m in doc.mentions)


@pytest.mark.parametrize("family", sorted(ADVERSARIAL))
def test_pipeline_reads_every_adversarial_family_at_20_kb(family: str) -> None:
    """Every family, once, at a size where a recursion per token or per match would overflow the stack
    (thousands of figures in one run of numbers: "1,000 1,000 ..."), offsets intact."""
    text = ADVERSARIAL[family](20_000)
    doc = runner("pipeline", "en")(text)
    assert doc.source == text
    assert all(text[m.start : m.end] == m.text for m in doc.mentions)


@pytest.mark.parametrize("family", ["durations", "approx"])
def test_numbers_is_linear_on_approximated_numbers(family: str) -> None:
    """Thousands of numbers each after "about": the approximation step once looked each one up in the list of
    numbers (``list.index``), quadratic in the count."""
    fn = runner("numbers", "en")
    failures = doubling_failures(fn, ADVERSARIAL[family], [50_000, 100_000, 200_000])
    assert not failures, f"numbers input {family!r} grows faster than linear: {failures}"
