"""The shared cache: built once, cleared together with its shortcut tables."""

from __future__ import annotations

import threading

import pytest

from newsnorm import _resources
from newsnorm._resources import cached, clear_caches, read_json, read_text, shortcut_table


def test_cached_builds_once_across_threads() -> None:
    calls: list[int] = []
    key = ("test_resources", "once")

    def build() -> tuple[int, ...]:
        calls.append(1)
        return (1, 2, 3)

    results: list[tuple[int, ...]] = []
    threads = [threading.Thread(target=lambda: results.append(cached(key, build))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1]
    assert all(r is results[0] for r in results)


def test_clear_caches_empties_shortcut_tables() -> None:
    table = shortcut_table()
    key = ("test_resources", "shortcut")
    table["en"] = cached(key, lambda: object())
    clear_caches()
    assert table == {}
    assert key not in _resources._cache
    rebuilt = cached(key, lambda: "new")
    assert rebuilt == "new"


def test_shortcut_tables_are_distinct() -> None:
    a, b = shortcut_table(), shortcut_table()
    a["x"] = 1
    assert b == {}


@pytest.mark.parametrize("part", ["..", ".", "a/b", "a\\b"])
def test_read_text_refuses_paths(part: str) -> None:
    with pytest.raises(ValueError, match="bad data file name part"):
        read_text(part)


def test_read_json_is_cached_and_read_text_reads_the_sample() -> None:
    first = read_json("titles", "styles.json")
    assert read_json("titles", "styles.json") is first
    assert "Netanyahu" in read_text("sample.txt")


def test_forget_texts_empties_memos_only() -> None:
    from newsnorm._resources import forget_texts, memo_table, on_forget

    memo = memo_table()
    shortcut = shortcut_table()
    key = ("test_resources", "kept")
    value = cached(key, lambda: (9,))
    memo["run"] = 1
    shortcut["lang"] = 2
    inner: dict[str, int] = {"x": 1}
    on_forget(inner.clear)
    forget_texts()
    assert memo == {}
    assert inner == {}
    assert shortcut == {"lang": 2}  # language data stays
    assert cached(key, lambda: (0,)) is value
    memo["run"] = 1
    clear_caches()  # a clear empties memos too
    assert memo == {}
    assert shortcut == {}


def test_forget_texts_makes_a_document_new_again() -> None:
    """After forget_texts the same document gives the same mentions (memos change no output)."""
    import newsnorm
    from newsnorm._resources import forget_texts

    text = "Talks in Cairo on Thursday: 27,840 people, Israel and the United States, twenty-five trucks."
    first = newsnorm.normalise(text, lang="en", published="2024-02-08")
    forget_texts()
    assert newsnorm.normalise(text, lang="en", published="2024-02-08") == first
