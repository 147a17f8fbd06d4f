"""The case files of the dates normaliser, one test per case."""

from __future__ import annotations

from typing import Any

import pytest
from dates_helpers import load_cases

import newsnorm
from casefiles import case_param, cases_per_language
from newsnorm.dates import DatesNormaliser

_PIPE = newsnorm.Pipeline([DatesNormaliser()])
_CASES = load_cases()

#: The languages the issue asks for, each with at least 30 cases.
LANGS = [
    "en", "fr", "de", "es", "it", "pt", "nl", "tr", "ru", "uk", "pl", "ar", "fa", "he", "zh", "ja", "ko", "hi",
    "id", "sv", "el", "ro",
]


def test_enough_cases_per_language() -> None:
    per = cases_per_language(_CASES)
    short = {lang: per[lang] for lang in LANGS if per[lang] < 30}
    assert not short, short


def test_case_ids_are_unique() -> None:
    ids = [row["id"] for row in _CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("row", [case_param(r) for r in _CASES])
def test_case(row: dict[str, Any]) -> None:
    doc = _PIPE(row["input"], lang=row["lang"], published=row.get("published"))
    got = [m for m in doc.mentions if m.kind == "date"]
    spans = []
    for e in row["expect"]:
        start = e.get("start", row["input"].find(e["text"]))
        end = e.get("end", start + len(e["text"]))
        spans.append((start, end))
        hits = [m for m in got if m.start < end and start < m.end and m.value == e["value"]]
        assert hits, (e, [(m.text, m.value) for m in got])
        want = e.get("attrs", {})
        assert any(all(m.attrs.get(k) == v for k, v in want.items()) for m in hits), (e, [m.attrs for m in hits])
    extra = [m for m in got if not any(m.start < end and start < m.end for start, end in spans)]
    assert not extra, [(m.text, m.value) for m in extra]
