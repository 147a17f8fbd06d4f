"""The case files of the numbers normaliser, one test per case."""

from __future__ import annotations

from typing import Any

import pytest
from numbers_helpers import load_cases, unmatched

import newsnorm
from casefiles import case_param, cases_per_language

_PIPE = newsnorm.Pipeline(["numbers"])
_CASES = load_cases()


def test_enough_cases_per_language() -> None:
    per = cases_per_language(_CASES)
    for lang in ["en", "fr", "de", "es", "it", "pt", "nl", "tr", "ru", "ar"]:
        assert per[lang] >= 20, lang


@pytest.mark.parametrize("row", [case_param(r) for r in _CASES])
def test_case(row: dict[str, Any]) -> None:
    doc = _PIPE(row["input"], lang=row["lang"], published=row.get("published"))
    got = [m for m in doc.mentions if m.kind == "number"]
    missing, extra = unmatched(got, row["expect"])
    assert not missing, (missing, [(m.text, m.value, m.attrs) for m in got])
    assert not extra, [(m.text, m.value) for m in extra]
