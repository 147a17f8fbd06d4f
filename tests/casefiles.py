"""Helpers shared by the per-kind case-file tests (``tests/<kind>/test_<kind>_cases.py``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import pytest

__all__ = ["case_param", "cases_per_language"]


def case_param(row: dict[str, Any]) -> Any:
    """One case-file row as a pytest param: its ``id``, and a strict xfail when the row carries ``xfail``."""
    marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
    return pytest.param(row, id=row["id"], marks=marks)


def cases_per_language(rows: Iterable[dict[str, Any]]) -> Counter[str]:
    """How many case-file rows each language has."""
    return Counter(row["lang"] for row in rows)
