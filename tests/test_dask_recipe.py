"""The Dask recipe of docs/scale-out.md, run as written on a small corpus: same results as a plain loop.

The recipe's code blocks are read from the page and executed, so the page and
the test cannot drift apart. Skipped when dask is not installed (``pip install -e ".[dask]"``).
"""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path
from typing import Any

import pytest

import newsnorm

db = pytest.importorskip("dask.bag", reason="dask is not installed (pip install -e '.[dask]')")

PAGE = Path(__file__).resolve().parent.parent / "docs" / "scale-out.md"

ARTICLES = [
    ("Hamas met Egyptian officials in Cairo on Thursday.", "en", "2024-02-08"),
    ("Türkiye sent 400 to 500 trucks of aid to Gaza last week.", "en", "2024-02-08"),
    ("Le président Emmanuel Macron se rendra au Caire mardi.", "fr", "2024-02-08"),
    ("Die Bundesregierung schickt am Montag 27 Lastwagen nach Ägypten.", "de", None),
    ("El secretario de Estado Antony Blinken llegó a Doha.", None, "2024-02-08"),
    ("", "en", None),
    ("  <script>\u0000 odd \ud800 text </script>", None, None),
]


def recipe_namespace() -> dict[str, Any]:
    """Execute the page's definitions of ``normalise_records`` and ``normalise_corpus``."""
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)
    wanted = [b for b in blocks if "def normalise_records" in b or "def normalise_corpus" in b]
    assert len(wanted) == 2, "docs/scale-out.md must define normalise_records and normalise_corpus"
    namespace: dict[str, Any] = {"__name__": "scale_out_recipe"}
    for block in wanted:
        exec(compile(block, str(PAGE), "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def recipe() -> dict[str, Any]:
    return recipe_namespace()


def write_corpus(folder: Path, copies: int = 3) -> list[dict[str, Any]]:
    records = []
    for n in range(copies):
        for i, (text, lang, published) in enumerate(ARTICLES):
            records.append({"id": f"{n}-{i}", "text": text, "lang": lang, "published": published})
    half = len(records) // 2
    for name, part in (("a.jsonl", records[:half]), ("b.jsonl", records[half:])):
        lines = [json.dumps(r) for r in part]
        (folder / name).write_text("\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:]) + "\n", encoding="utf-8")
    return records


def plain_loop(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"id": r["id"], **newsnorm.normalise(r["text"], lang=r["lang"], published=r["published"]).to_dict()}
        for r in records
    ]


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_dask_recipe_matches_plain_loop(recipe: dict[str, Any], tmp_path: Path, scheduler: str) -> None:
    records = write_corpus(tmp_path)
    expected = plain_loop(records)
    bag = recipe["normalise_corpus"](str(tmp_path / "*.jsonl"), blocksize=300)
    assert bag.npartitions > 2  # several partitions per file: the recipe really splits the work
    got = bag.compute(scheduler=scheduler)
    assert got == expected


def test_dask_recipe_in_worker_processes(recipe: dict[str, Any], tmp_path: Path) -> None:
    """Fresh processes rebuild the tables lazily from the pickled pipeline and agree with this one."""
    texts = [text for text, _, _ in ARTICLES]
    records = [{"id": i, "text": text, "lang": "en", "published": "2024-02-08"} for i, text in enumerate(texts)]
    (tmp_path / "en.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    bag = recipe["normalise_corpus"](str(tmp_path / "en.jsonl"), blocksize=150)
    assert bag.npartitions > 1
    assert bag.compute(scheduler="processes", num_workers=2) == plain_loop(records)


def test_dask_recipe_writes_jsonl(recipe: dict[str, Any], tmp_path: Path) -> None:
    records = write_corpus(tmp_path)
    out = tmp_path / "out"
    recipe["normalise_corpus"](str(tmp_path / "*.jsonl")).map(json.dumps).to_textfiles(
        str(out / "*.jsonl"), scheduler="synchronous"
    )
    rows = [json.loads(line) for path in sorted(out.glob("*.jsonl")) for line in path.read_text().splitlines()]
    assert rows == json.loads(json.dumps(plain_loop(records)))


def test_plain_partition_function(recipe: dict[str, Any]) -> None:
    records = [{"id": 1, "text": "Cairo on Thursday.", "lang": "en", "published": "2024-02-08"}]
    assert list(recipe["normalise_records"](records)) == plain_loop(records)


def test_pipelines_travel_to_workers_with_cloudpickle() -> None:
    cloudpickle = pytest.importorskip("cloudpickle")
    pipe = newsnorm.Pipeline(["places", "dates", "numbers", "titles"])
    for dumps in (pickle.dumps, cloudpickle.dumps):
        blob = dumps(pipe)
        again = pickle.loads(blob)
        assert again.names == pipe.names
        assert [vars(s) if hasattr(s, "__dict__") else None for s in again] == [
            vars(s) if hasattr(s, "__dict__") else None for s in pipe
        ]
        assert again("Cairo, Thursday.", lang="en", published="2024-02-08") == pipe(
            "Cairo, Thursday.", lang="en", published="2024-02-08"
        )
