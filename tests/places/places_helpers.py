"""Shared helpers of the places tests: reading the case files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent.parent / "cases" / "places"


def case_files() -> list[Path]:
    """The case files, one per language."""
    return sorted(CASES.glob("*.jsonl"))


def read_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of one file."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def all_cases() -> list[dict[str, Any]]:
    """Every case of every language."""
    return [case for path in case_files() for case in read_cases(path)]
