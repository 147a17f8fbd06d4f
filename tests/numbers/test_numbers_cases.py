"""The case files of the numbers normaliser, one test per case."""

from __future__ import annotations

from typing import Any

import pytest
from numbers_helpers import load_cases, unmatched

import newsnorm

_PIPE = newsnorm.Pipeline(["numbers"])
_CASES = load_cases()


def _param(row: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
    return pytest.param(row, id=row["id"], marks=marks)


def test_enough_cases_per_language() -> None:
    per: dict[str, int] = {}
    for row in _CASES:
        per[row["lang"]] = per.get(row["lang"], 0) + 1
    for lang in ["en", "fr", "de", "es", "it", "pt", "nl", "tr", "ru", "ar"]:
        assert per.get(lang, 0) >= 20, lang


@pytest.mark.parametrize("row", [_param(r) for r in _CASES])
def test_case(row: dict[str, Any]) -> None:
    doc = _PIPE(row["input"], lang=row["lang"], published=row.get("published"))
    got = [m for m in doc.mentions if m.kind == "number"]
    missing, extra = unmatched(got, row["expect"])
    assert not missing, (missing, [(m.text, m.value, m.attrs) for m in got])
    assert not extra, [(m.text, m.value) for m in extra]
