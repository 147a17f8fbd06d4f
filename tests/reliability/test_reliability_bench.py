"""The benchmark runs: ``python -m bench --quick`` on one small section prints its table.

Skipped where ``bench/`` is absent (an sdist ships the tests but not the bench).
The peers are optional here: a missing one is reported by the bench, not a failure.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str, file: str) -> ModuleType:
    """A bench module loaded from its file (``bench`` is no installed package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / file)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclass-like NamedTuples look their module up
    spec.loader.exec_module(module)
    return module


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


@pytest.mark.skipif(not (ROOT / "bench" / "run.py").exists(), reason="bench/ is not in this tree")
def test_acceptance_list_covers_every_issue() -> None:
    run = _load("bench_run_for_test", "run.py")
    bench = run.Bench([], quick=True)
    Row = run.Row
    for task, ours_s, peer, peer_s in [
        ("full vs dates peer, en+es", 0.010, "dateparser.search_dates", 0.200),
        ("AFP sample (2.7 kB)", 0.003, "dateparser.search_dates", 0.060),
        ("dates, AFP sample (2.7 kB)", 0.001, "dateparser.search_dates", 0.050),
        ("numbers en,es,hi", 0.010, "number_parser.parse", 0.100),
        ("numbers en,es,fr,de,pt,it,nl", 0.010, "text2num.alpha2digit", 0.005),
        ("places en", 0.010, "geotext.GeoText", 0.005),
        ("10,000 headlines", 0.100, "titlecase.titlecase", 0.200),
    ]:
        section = "titles" if "headlines" in task else "x"
        bench.rows.append(Row(section, task, "newsnorm places" if task == "places en" else "newsnorm", 10, 20_000,
                              ours_s, None))
        bench.rows.append(Row(section, task, peer, 10, 20_000, peer_s, peer_s / ours_s))
    bench.rows.append(Row("pipeline", "AFP sample (2.7 kB)", "newsnorm normalise (detect)", 1, 2700, 0.004, None))
    bench.facts["memory"] = {"rss_ten_langs_mb": 140.0, "rss_ten_langs_detect_mb": 150.0, "growth_kb_per_doc": 0.0,
                             "n_docs": 10_000}
    bench.facts["scaling"] = {"dates": {"sizes": [1_000, 1_000_000], "exponent": 0.9, "exponent_100k_1M": 1.0}}
    bench.facts["first_use"] = {"places": {"per_lang": {"en": {"first_ms": 400.0}, "zh": {"first_ms": 1200.0}}}}
    bench.facts["dates_stats"] = {"fallback_calls": 0}
    lines = run.check_acceptance(bench)
    text = "\n".join(f"{ok} {line}" for line, ok in lines)
    for issue in ("[3]", "[4]", "[5]", "[6]", "[7]", "[4, 7]", "[3, 7]"):
        assert issue in text, text
    assert "False [3] places tagging" in text  # 0.5x geotext fails
    assert "False [3, 7] first use of places: at most 1200 ms per language (zh" in text
    assert "True [4] dates alone (lang given) on the sample: 50.0x" in text


@pytest.mark.skipif(not (ROOT / "bench" / "run.py").exists(), reason="bench/ is not in this tree")
def test_new_documents_are_each_timed_once_after_a_reset() -> None:
    """``time_new_documents``: all once, then per half: forget, the other half untimed, the half once."""
    run = _load("bench_run_for_new_docs", "run.py")
    events: list[str] = []
    docs = [run.Article(str(i), "en", None, f"text {i}", "test") for i in range(5)]
    seconds = run.time_new_documents(lambda a: events.append(a.id), docs, lambda: events.append("forget"))
    assert seconds >= 0
    # all once; then halves 0,2,4 and 1,3: forget, warm 0,2,4, time 1,3; forget, warm 1,3, time 0,2,4
    assert events == ["0", "1", "2", "3", "4", "forget", "0", "2", "4", "1", "3", "forget", "1", "3", "0", "2", "4"]


@pytest.mark.skipif(not (ROOT / "bench" / "long_run.py").exists(), reason="bench/ is not in this tree")
def test_long_run_reads_both_statistics_formats() -> None:
    """hypothesis 6.16x changed its statistics line; the long run counts both forms."""
    long_run = _load("bench_long_run_for_test", "long_run.py")
    for line in ("    - 12500 passing, 0 failing, and 1311 invalid test cases",
                 "    - 12500 passing examples, 0 failing examples, 1311 invalid examples"):
        found = long_run.PASSING.search(line)
        assert found is not None
        assert found.groups() == ("12500", "0")


@pytest.mark.skipif(not (ROOT / "bench" / "run.py").exists(), reason="bench/ is not in this tree")
def test_new_documents_rows_alternate_rounds_and_keep_each_best() -> None:
    """Each round times newsnorm, then the peer; quick mode runs two rounds, and both rows are written."""
    run = _load("bench_run_for_rounds", "run.py")
    bench = run.Bench([], quick=True)
    calls: list[str] = []
    docs = [run.Article(str(i), "en", None, f"Headline {i}\n\nText {i}.", "test") for i in range(2)]
    bench.new_documents_rows("titles", "rounds", ["titles"], docs, "peer", lambda a: calls.append(a.id))
    assert not bench.errors
    # per round: all once (2), then each half warm (1) and timed (1), twice
    assert calls == ["0", "1", "0", "1", "1", "0"] * 2
    ours, peer = bench.rows
    assert (ours.tool, peer.tool) == ("newsnorm titles", "peer")
    assert min(ours.seconds, peer.seconds) >= 0
    assert peer.ratio == (peer.seconds / ours.seconds if ours.seconds > 0 else None)


@pytest.mark.skipif(not (ROOT / "bench" / "run.py").exists(), reason="bench/ is not in this tree")
def test_new_documents_through_a_batch_function_are_each_timed_once() -> None:
    """With ``batch``, each half goes to the batch function in one call (``Pipeline.map``), in the same order."""
    run = _load("bench_run_for_batches", "run.py")
    events: list[str] = []
    docs = [run.Article(str(i), "en", None, f"text {i}", "test") for i in range(5)]

    def batch(half: list[object]) -> None:
        events.append("+".join(a.id for a in half))  # type: ignore[attr-defined]

    seconds = run.time_new_documents(lambda a: events.append("single"), docs, lambda: events.append("forget"), batch)
    assert seconds >= 0
    assert events == ["0+1+2+3+4", "forget", "0+2+4", "1+3", "forget", "1+3", "0+2+4"]


@pytest.mark.skipif(not (ROOT / "bench" / "run.py").exists(), reason="bench/ is not in this tree")
def test_new_documents_rows_with_map_add_the_map_row_and_its_ratio() -> None:
    run = _load("bench_run_for_map_rows", "run.py")
    bench = run.Bench([], quick=True)
    docs = [run.Article(str(i), "en", None, f"Headline {i}\n\nText {i}.", "test") for i in range(2)]
    bench.new_documents_rows("titles", "rounds", ["titles"], docs, "peer", lambda a: None, with_map=True)
    assert not bench.errors
    ours, peer, mapped, peer_again = bench.rows
    assert ours.tool == "newsnorm titles"
    assert (mapped.task, mapped.tool) == ("rounds, Pipeline.map", "newsnorm titles (Pipeline.map)")
    assert peer_again.seconds == peer.seconds
    assert peer_again.ratio == (peer.seconds / mapped.seconds if mapped.seconds > 0 else None)
