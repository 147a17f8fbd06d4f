"""Helpers for the numbers tests and ``scripts/build_numbers_cases.py``: reading and checking case files.

The build script loads this module by path, so the case-file format and the case rule (every
expected number found with its attributes, nothing else) live in one place.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent.parent / "cases" / "numbers"


def read_case_file(path: Path) -> list[dict[str, Any]]:
    """The rows of one case file (``<lang>.jsonl``, one JSON object a line)."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_cases(folder: Path = CASES) -> list[dict[str, Any]]:
    """Every case of ``folder`` (default ``tests/cases/numbers/*.jsonl``)."""
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        rows.extend(read_case_file(path))
    return rows


def same(a: Any, b: Any) -> bool:
    """Numbers (or ``[low, high]`` ranges) equal within float tolerance."""
    if isinstance(a, list) or isinstance(b, list):
        return (
            isinstance(a, list)
            and isinstance(b, list)
            and len(a) == len(b)
            and all(same(x, y) for x, y in zip(a, b, strict=False))
        )
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return False
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def unmatched(mentions: list[Any], expect: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Any]]:
    """The case rule: (expected numbers no mention gives, mentions overlapping no expected number).

    An expected number is given by a mention that overlaps its span, has the same value and
    carries every expected attribute. A case passes when both lists are empty.
    """
    missing = [
        e
        for e in expect
        if not any(
            m.start < e["end"]
            and e["start"] < m.end
            and same(m.value, e["value"])
            and all(m.attrs.get(k) == v for k, v in e.get("attrs", {}).items())
            for m in mentions
        )
    ]
    extra = [m for m in mentions if not any(m.start < e["end"] and e["start"] < m.end for e in expect)]
    return missing, extra
