"""Shared helpers of the titles tests: reading the case files in tests/cases/titles/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent.parent / "cases" / "titles"


def read_cases(pattern: str) -> list[dict[str, Any]]:
    """All case rows of the files matching ``pattern`` (a glob in tests/cases/titles/)."""
    rows: list[dict[str, Any]] = []
    for path in sorted(CASES.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows
