"""``Pipeline.map``: the same documents as one call per text, in order, lazily, with clear errors."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsnorm
from newsnorm import Document, Mention, Pipeline

from toys import Digits, DropFirstLine, Liar, Words

CASES = Path(__file__).parent / "cases"


def case_rows() -> list[tuple[str, str, str | None]]:
    """Every case-file sentence of every kind, with its language and publication date."""
    rows: list[tuple[str, str, str | None]] = []
    for path in sorted(CASES.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if isinstance(row.get("input"), str) and isinstance(row.get("lang"), str):
                    rows.append((row["input"], row["lang"], row.get("published")))
    return rows


PIPE = newsnorm.Pipeline(["places", "dates", "numbers", "titles"])


@pytest.fixture(scope="module")
def rows_and_documents() -> tuple[list[tuple[str, str, str | None]], list[Document]]:
    rows = case_rows()
    return rows, [PIPE(text, lang, published) for text, lang, published in rows]


@pytest.mark.parametrize("batch_size", [1, 7, 128])
def test_map_gives_the_documents_of_one_call_per_text(
    batch_size: int, rows_and_documents: tuple[list[tuple[str, str, str | None]], list[Document]]
) -> None:
    """On every case-file sentence (all kinds, all languages), in case-file order, mixed languages per batch."""
    rows, expected = rows_and_documents
    assert len(rows) > 1000
    assert list(PIPE.map(rows, batch_size=batch_size)) == expected


def test_a_lone_step_with_find_many_takes_the_batch_path(
    rows_and_documents: tuple[list[tuple[str, str, str | None]], list[Document]],
) -> None:
    """``Pipeline(["dates"]).map`` hands the batches to the dates scanner phase by phase: the same documents."""
    rows = [row for row in rows_and_documents[0] if row[1] in ("en", "es", "de", "ja")]
    dates = newsnorm.Pipeline(["dates"])
    assert list(dates.map(rows, batch_size=50)) == [dates(text, lang, published) for text, lang, published in rows]
    step = BatchDigits()
    assert list(Pipeline([step]).map(["1 2", "3"], "en")) == [Pipeline([step])(t, "en") for t in ["1 2", "3"]]
    assert step.batches == [["1 2", "3"]]


def test_map_of_the_sample_article_with_edits_and_rewrites() -> None:
    """The repeated headline is dropped (an edit) and places rewritten, as in one call."""
    text = (Path(__file__).parent / "dates" / "sample_article.txt").read_text(encoding="utf-8")
    pipe = Pipeline([newsnorm.get("places", rewrite=True), "dates", "numbers", "titles"])
    one = pipe(text, "en", "2024-02-08")
    assert one.text != one.source
    assert list(pipe.map([text, text], "en", "2024-02-08")) == [one, one]


def test_items_take_the_defaults_they_leave_out() -> None:
    pipe = Pipeline([Digits()])
    when = dt.date(2024, 2, 8)
    docs = list(pipe.map(["1", ("2",), ("3", "fr"), ("4", "de", "2020-01-01"), ("5", None, None)], "es", when))
    assert [(d.source, d.lang, d.published) for d in docs[:4]] == [
        ("1", "es", when), ("2", "es", when), ("3", "fr", when), ("4", "de", dt.date(2020, 1, 1))]
    assert docs[:4] == [pipe("1", "es", when), pipe("2", "es", when), pipe("3", "fr", when),
                        pipe("4", "de", "2020-01-01")]
    assert docs[4] == pipe("5", None, None)  # a None in an item means "detect" / "no date", as in a call


@pytest.mark.parametrize("steps", [
    [Digits(rewrite=True), Words("dogs")],
    [Words("Title"), DropFirstLine()],
    [Words("12 dogs", "dogs", "3")],
    [DropFirstLine()],
    [Digits()],
    [],
])
def test_toy_pipelines_agree_with_one_call_per_text(steps: list[Any]) -> None:
    """Rewrites, edits, overlaps, one-step and empty pipelines: map changes only the order of the work."""
    texts = ["3 cats and 12 dogs", "Title\nTitle\nbody", "", "no match", "10 cats, 200 dogs\n12 dogs"] * 3
    pipe = Pipeline(steps)
    assert list(pipe.map(texts, "en", batch_size=4)) == [pipe(t, "en") for t in texts]


def test_map_is_lazy_and_reads_one_batch_at_a_time() -> None:
    read: list[int] = []

    def texts() -> Iterator[str]:
        for i in range(10):
            read.append(i)
            yield str(i)

    docs = Pipeline([Digits()]).map(texts(), "en", batch_size=4)
    assert read == []  # nothing runs before the first document is asked for
    assert next(docs).source == "0"
    assert read == [0, 1, 2, 3]
    assert [d.source for d in docs] == [str(i) for i in range(1, 10)]
    assert read == list(range(10))


def test_an_empty_stream_gives_no_document() -> None:
    assert list(newsnorm.Pipeline(["places", "dates"]).map([], "en")) == []


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "8", None])
def test_bad_batch_size(bad: Any) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        Pipeline([Digits()]).map(["1"], batch_size=bad)


@pytest.mark.parametrize("item", [b"bytes", 12, ["text", "en"], (), ("a", "en", None, "extra"), None])
def test_bad_item_says_what_was_expected(item: Any) -> None:
    with pytest.raises(TypeError, match=r"Pipeline.map expects texts \(str\) or tuples"):
        list(Pipeline([Digits()]).map(["1", item], "en"))


def test_bad_arguments_inside_items_raise_as_in_a_call() -> None:
    pipe = Pipeline([Digits()])
    with pytest.raises(ValueError, match="lang"):
        list(pipe.map([("1", "xx-nonsense-tag")]))
    with pytest.raises(ValueError, match="published"):
        list(pipe.map([("1", "en", "yesterday")]))
    with pytest.raises(TypeError):
        list(pipe.map([(b"1", "en")]))


def test_an_error_stops_the_stream_after_the_earlier_batches() -> None:
    """The documents of the batches before the bad item come out; the bad item's batch raises."""
    docs = Pipeline([Digits()]).map(["1", "2", "3", ("4", "xx-nonsense-tag"), "5"], "en", batch_size=2)
    assert [d.source for d in (next(docs), next(docs))] == ["1", "2"]
    with pytest.raises(ValueError, match="lang"):
        next(docs)


def test_a_plugin_mention_is_checked_in_map_too() -> None:
    with pytest.raises(ValueError, match="toy-liar"):
        list(Pipeline([Liar(), Digits()]).map(["hello 1"], "en"))


def test_map_returns_documents() -> None:
    (doc,) = newsnorm.Pipeline(["dates"]).map([("Thursday", "en", "2024-02-08")])
    assert isinstance(doc, Document)
    assert [m.value for m in doc.mentions] == ["2024-02-08"]


class BatchDigits(Digits):
    """Digits with a ``find_many`` that records the batches it is given."""

    name = "toy-batch-digits"

    def __init__(self, rewrite: bool = False, wrong_length: bool = False) -> None:
        super().__init__(rewrite)
        self.wrong_length = wrong_length
        self.batches: list[list[str]] = []

    def find_many(self, docs: list[Document]) -> list[list[Mention]]:
        self.batches.append([d.source for d in docs])
        out = [list(self.find(d)) for d in docs]
        return out[:-1] if self.wrong_length else out


def test_find_many_gets_each_batch_grouped_by_language() -> None:
    step = BatchDigits(rewrite=True)
    pipe = Pipeline([step, Words("cats")])
    items = [("1 cat", "en"), ("2 cats", "fr"), ("3 cats", "en"), ("4", "fr"), ("5", "en")]
    assert list(pipe.map(items, batch_size=4)) == [pipe(t, lang) for t, lang in items]
    assert step.batches == [["1 cat", "3 cats", "2 cats", "4"], ["5"]]


def test_find_many_of_the_wrong_length_is_reported() -> None:
    with pytest.raises(TypeError, match=r"toy-batch-digits.*find_many returned 1 lists of mentions for 2 documents"):
        list(Pipeline([BatchDigits(wrong_length=True), Words("x")]).map(["1", "2"], "en"))


def test_find_many_mentions_of_a_plugin_are_checked() -> None:
    class LyingBatch(BatchDigits):
        def find_many(self, docs: list[Document]) -> list[list[Mention]]:
            return [[Mention("number", 0, 1, "?", 1, "1")] for _ in docs]

    with pytest.raises(ValueError, match="toy-batch-digits"):
        list(Pipeline([LyingBatch(), Words("x")]).map(["1"], "en"))


def test_dates_find_many_is_find_of_each_document() -> None:
    dates = newsnorm.get("dates")
    docs = [
        Document(text, text, lang, (), dt.date(2024, 2, 8), None)
        for text, lang in [("Thursday, Oct. 7", "en"), ("", "en"), ("el jueves 7 de octubre", "es"), ("x", "xx")]
    ]
    assert dates.find_many(docs) == [list(dates.find(d)) for d in docs]  # type: ignore[attr-defined]
