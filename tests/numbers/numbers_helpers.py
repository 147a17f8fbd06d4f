"""Helpers for the numbers tests: loading and checking case files."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent.parent / "cases" / "numbers"


def load_cases() -> list[dict[str, Any]]:
    """Every case of ``tests/cases/numbers/*.jsonl``."""
    rows: list[dict[str, Any]] = []
    for path in sorted(CASES.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
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
