"""Case files of news sentences per language: per-case checks and per-language recall and precision."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from places_helpers import all_cases, case_files, read_cases

import newsnorm
from casefiles import case_param
from newsnorm.places import PlacesNormaliser

PIPE = newsnorm.Pipeline([PlacesNormaliser()])


def _found(case: dict[str, Any]) -> Counter[tuple[str, str]]:
    doc = PIPE(case["input"], lang=case["lang"], published=case.get("published"))
    return Counter((m.text, str(m.value)) for m in doc.mentions)


def _wanted(case: dict[str, Any]) -> Counter[tuple[str, str]]:
    return Counter((e["text"], e["value"]) for e in case["expect"])


@pytest.mark.parametrize("case", [case_param(c) for c in all_cases()])
def test_case(case: dict[str, Any]) -> None:
    assert _found(case) == _wanted(case)


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_language_recall_and_precision(path: Any) -> None:
    cases = read_cases(path)
    lang = path.stem
    tp = fp = fn = 0
    for case in cases:
        got, want = _found(case), _wanted(case)
        tp += sum((got & want).values())
        fp += sum((got - want).values())
        fn += sum((want - got).values())
    recall = tp / (tp + fn)
    precision = tp / (tp + fp)
    assert recall >= (0.95 if lang == "en" else 0.90), f"{lang} recall {recall:.3f}"
    assert precision >= 0.95, f"{lang} precision {precision:.3f}"


def test_enough_languages() -> None:
    sizes = {p.stem: len(read_cases(p)) for p in case_files()}
    assert sizes["en"] >= 40
    assert sum(1 for lang, n in sizes.items() if lang != "en" and n >= 40) >= 10
