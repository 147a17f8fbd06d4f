"""The scanner's speed-ups change no output: reused resolutions, optional parts compiled as alternations."""

from __future__ import annotations

import re
from typing import Any

import pytest
from dates_helpers import load_cases

import newsnorm
from newsnorm._resources import clear_caches, forget_texts
from newsnorm.dates import DatesNormaliser, _scan
from newsnorm.dates._resolve import Ctx, resolve
from newsnorm.dates._scan import _compile_rule, _optional_as_branch, _sre_modules


def _found(text: str, lang: str = "en", published: Any = "2024-02-08") -> list[tuple[str, Any, Any]]:
    doc = DatesNormaliser()(text, lang=lang, published=published)
    return [(m.text, m.value, m.attrs.get("mod")) for m in doc.mentions]


def test_a_result_read_from_the_context_is_not_reused() -> None:
    # the same match "2020" is a year after "in" and no date before a unit; the first reading must not stick
    first = _found("The plant opened in 2020.")
    assert ("2020", "2020", None) in first
    assert _found("They counted 2020 cars.") == []
    assert _found("The plant opened in 2020.") == first


def test_a_result_that_asked_the_tense_is_reused_per_tense() -> None:
    past = _found("The delegation met officials on Monday.")
    future = _found("The delegation will meet officials on Monday.")
    assert past == [("Monday", "2024-02-05", None)]
    assert future == [("Monday", "2024-02-12", None)]
    assert _found("The delegation met officials on Monday.") == past
    assert _found("The delegation will meet officials on Monday.") == future


def test_results_depend_on_the_publication_date() -> None:
    assert _found("They met on Thursday.", published="2024-02-08") == [("Thursday", "2024-02-08", None)]
    assert _found("They met on Thursday.", published="2024-02-12") == [("Thursday", "2024-02-08", None)]
    assert _found("They met on Thursday.", published="2024-02-20") == [("Thursday", "2024-02-15", None)]
    assert _found("They met on Thursday.", published=None) == [("Thursday", "XXXX-WXX-4", None)]


def test_a_result_that_read_no_date_serves_every_date_and_one_that_did_does_not() -> None:
    for published in ("2024-02-08", "2023-06-01", None, "2024-02-08"):
        assert _found("It opened on February 3, 2023.", published=published) == [
            ("February 3, 2023", "2023-02-03", None)
        ]
    assert _found("It opened on February 3.", published="2024-02-08") == [("February 3", "2024-02-03", None)]
    assert _found("It opened on February 3.", published="2023-06-01") == [("February 3", "2023-02-03", None)]
    assert _found("It opened on February 3.", published=None) == [("February 3", "XXXX-02-03", None)]
    assert _found("It will open on February 3.", published="2023-06-01") == [("February 3", "2024-02-03", None)]
    assert _found("It opened on February 3.", published="2024-02-08") == [("February 3", "2024-02-03", None)]


def test_reuse_is_bounded_and_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_scan, "_RESOLVED_MAX", 8)
    for day in range(1, 29):
        _found(f"It opened on February {day}, 2023, and closed on Monday.")
    assert 0 < len(_scan._RESOLVED) <= 8
    clear_caches()
    assert len(_scan._RESOLVED) == 0
    assert _found("It opened on February 3, 2023.") == [("February 3, 2023", "2023-02-03", None)]


def test_forget_texts_empties_what_was_remembered_of_texts() -> None:
    _found("It opened on February 3, 2023, after 500 aid trucks came.")
    assert len(_scan._RESOLVED) > 0
    assert len(_scan._STARTER_KEYS) > 0
    patterns = len(_scan._PATTERNS)
    forget_texts()
    assert len(_scan._RESOLVED) == 0
    assert len(_scan._STARTER_KEYS) == 0
    assert len(_scan._PATTERNS) == patterns  # language data stays built
    assert _found("It opened on February 3, 2023.") == [("February 3, 2023", "2023-02-03", None)]


def test_same_output_cold_and_warm_and_in_any_order() -> None:
    cases = [c for c in load_cases() if c["lang"] in ("en", "es", "de", "ru", "zh", "tr")][:400]
    pipe = newsnorm.Pipeline(["dates"])

    def run(rows: list[dict[str, Any]]) -> dict[str, Any]:
        out = {}
        for c in rows:
            doc = pipe(c["input"], c["lang"], c.get("published"))
            out[c["id"]] = [(m.start, m.end, m.value, sorted(m.attrs.items())) for m in doc.mentions]
        return out

    clear_caches()
    cold = run(cases)
    warm = run(list(reversed(cases)))
    assert warm == cold


def test_ctx_records_what_the_resolver_read() -> None:
    asked: list[int] = []

    def tense() -> str | None:
        asked.append(1)
        return "past"

    ctx = Ctx(None, None, tense, "on Monday", 3, 9)  # type: ignore[arg-type]
    assert not ctx.used
    assert not ctx.asked
    assert ctx.pub is None
    assert not ctx.used
    assert ctx.tense == "past"
    assert ctx.tense_fn() == "past"
    assert ctx.asked
    assert asked == [1]  # asked once, remembered
    assert not ctx.used
    assert ctx.text[ctx.start : ctx.end] == "Monday"
    assert ctx.used


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?P<R_x>)(?:(?P<a>ab)\s+)?c",
        r"(?P<R_x>)(?:(?P<a>ab|a)(?P<b>b)?)??b",
        r"(?P<R_x>)(?:x(?:y(?:z)?)?)?(?=\w)",
        r"(?P<R_x>)(?:(?P<s>[-/])\d)?(?(s)\d|q)",
        r"(?P<R_x>)(?<!\w)(?:(?:the|a)\s+)?(?P<n>\d{1,4}(?:[.,]\d+)?)\s*(?:(?:of)\s+)?(?P<u>days?|weeks?)(?!\w)",
    ],
)
def test_optional_parts_as_alternations_match_the_same(pattern: str) -> None:
    plain = re.compile(pattern)
    mods = _sre_modules()
    assert mods is not None
    parsed = mods[0].parse(pattern, 0)
    _optional_as_branch(mods[0], parsed)
    rewritten = mods[1].compile(parsed, 0)
    texts = ["abc", "ab c", "c", "abb", "bb", "b", "xyzw", "xw", "w", "-1 1", "q", "-12", "the 12 days", "3.5 weeks",
             "a 1,000 of days", "12 daysx", "abab c", ""]
    for text in texts:
        for pos in range(len(text) + 1):
            a, b = plain.match(text, pos), rewritten.match(text, pos)
            assert (a is None) == (b is None), (pattern, text, pos)
            if a is not None and b is not None:
                assert a.regs == b.regs, (pattern, text, pos)
                assert a.lastgroup == b.lastgroup, (pattern, text, pos)
    compiled = _compile_rule(pattern)[0]  # the scanner's compile does the same
    for text in texts:
        a, b = plain.match(text), compiled.match(text)
        assert (a.regs if a else None) == (b.regs if b else None), (pattern, text)


def test_a_result_that_read_no_date_is_resolved_once_for_every_date(monkeypatch: pytest.MonkeyPatch) -> None:
    forget_texts()
    calls: list[str] = []
    real = resolve  # the resolver the scanner calls (imported there from _resolve)

    def counting(m: Any, ctx: Ctx, names: Any = None) -> Any:
        calls.append(m.group())
        return real(m, ctx, names)

    monkeypatch.setattr(_scan, "resolve", counting)
    for published in ("2024-02-08", "2023-06-01", None):
        assert _found("It opened on February 3, 2023.", published=published) == [
            ("February 3, 2023", "2023-02-03", None)
        ]
    assert calls == ["February 3, 2023"]
    # a weekday reads the date (and the tense, where it weighs): resolved at most once per date and tense
    for published in ("2024-02-08", "2024-02-20"):
        _found("They met on Thursday.", published=published)
        _found("They will meet on Thursday.", published=published)
    first = calls.count("Thursday")
    assert 2 <= first <= 4
    for published in ("2024-02-08", "2024-02-20"):
        _found("They met on Thursday.", published=published)
        _found("They will meet on Thursday.", published=published)
    assert calls.count("Thursday") == first
    assert _found("They will meet on Thursday.", published="2024-02-20") == [("Thursday", "2024-02-22", None)]
