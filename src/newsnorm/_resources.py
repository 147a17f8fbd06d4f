"""One loader, one lock, one cache for heavy data (shipped files, CLDR tables, compiled patterns).

Everything expensive that normalisers need is built on first use through
:func:`cached` and kept for the life of the process. The cache is keyed by
immutable keys (a normaliser's name, its options, a language), so its size is
bounded by the languages and options in use, not by the documents seen.
Builders should return immutable data (tuples, frozensets, ``MappingProxyType``,
compiled patterns): cached objects are shared by every thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = [
    "cached",
    "clear_caches",
    "forget_texts",
    "memo_table",
    "on_forget",
    "read_json",
    "read_text",
    "shortcut_table",
]

T = TypeVar("T")

_cache: dict[Hashable, Any] = {}
_lock = threading.RLock()  # re-entrant: a builder may ask for other cached data
_shortcuts: list[dict[Any, Any]] = []
_forgetters: list[Callable[[], object]] = []


def cached(key: Hashable, build: Callable[[], T]) -> T:
    """Return the value cached under ``key``, building it once (under the lock) if absent."""
    try:
        return _cache[key]  # type: ignore[no-any-return]
    except KeyError:
        pass
    with _lock:
        if key not in _cache:
            _cache[key] = build()
        return _cache[key]  # type: ignore[no-any-return]


def shortcut_table() -> dict[Any, Any]:
    """A module-level dict for lock-free shortcuts to values built through :func:`cached`.

    Hot paths may keep ``table.get(key)`` in front of :func:`cached` to skip building
    a tuple key: reads and single writes of a dict are atomic, and a racing writer
    only stores the same shared value twice. :func:`clear_caches` empties every such
    table with the cache, so nothing stale outlives a clear.
    """
    table: dict[Any, Any] = {}
    with _lock:
        _shortcuts.append(table)
    return table


def memo_table() -> dict[Any, Any]:
    """A :func:`shortcut_table` that remembers what was judged in texts (a run of words, a date phrase).

    Such memos make a text seen before cheaper than a new one; :func:`forget_texts` empties
    them (and only them), so a benchmark can time documents as new ones while the language
    data stays loaded. Keep them bounded: empty one when it grows past a fixed size.
    """
    table = shortcut_table()
    on_forget(table.clear)
    return table


def on_forget(forget: Callable[[], object]) -> None:
    """Have :func:`forget_texts` call ``forget``: for memos kept inside cached data (a gazetteer's).

    Register once, at import time (each call adds a callback for the life of the process).
    """
    with _lock:
        _forgetters.append(forget)


def forget_texts() -> None:
    """Empty every memo of texts seen (see :func:`memo_table`); language data stays built."""
    with _lock:
        forgetters = list(_forgetters)
    for forget in forgetters:
        forget()


def clear_caches() -> None:
    """Drop everything built so far, shortcut tables included (tests use it to compare cold and warm runs)."""
    with _lock:
        _cache.clear()
        for table in _shortcuts:
            table.clear()


def read_text(*parts: str) -> str:
    """The text of a file shipped under ``newsnorm/data/`` (not cached)."""
    from importlib.resources import files  # imported on first use: it is slow

    node = files("newsnorm").joinpath("data")
    for part in parts:
        if "/" in part or "\\" in part or part in ("..", "."):
            raise ValueError(f"bad data file name part: {part!r}")
        node = node.joinpath(part)
    return node.read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    """A shipped JSON data file, parsed once and cached."""
    import json

    return cached(("newsnorm.data", *parts), lambda: json.loads(read_text(*parts)))
