"""The benchmark runs: ``python -m bench --quick`` on one small section prints its table.

Skipped where ``bench/`` is absent (an sdist ships the tests but not the bench).
The peers are optional here: a missing one is reported by the bench, not a failure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not (ROOT / "bench" / "run.py").exists(), reason="bench/ is not in this tree")
def test_bench_quick_titles_section_prints_the_table() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "titles", "--no-json"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ms/doc" in proc.stdout
    assert 'newsnorm.headline(case="title")' in proc.stdout or "titles: newsnorm.headline" in proc.stdout


@pytest.mark.skipif(not (ROOT / "bench" / "run.py").exists(), reason="bench/ is not in this tree")
def test_bench_rejects_an_unknown_section() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--only", "nope"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "unknown section" in proc.stderr
