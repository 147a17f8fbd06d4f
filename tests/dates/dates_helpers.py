"""Helpers shared by the dates tests: loading the case files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CASES_DIR = Path(__file__).resolve().parent.parent / "cases" / "dates"


def load_cases() -> list[dict[str, Any]]:
    """Every case of ``tests/cases/dates/*.jsonl``, in file order."""
    rows: list[dict[str, Any]] = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows
