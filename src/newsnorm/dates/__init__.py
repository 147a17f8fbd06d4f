"""Dates normaliser: dates, times, durations and sets to TIMEX3 values.

One compiled pattern per language (built lazily from CLDR month and weekday
names and a shipped lexicon) is run once over the text; each match is resolved
against the publication date by news rules (a bare weekday is the most recent
such day, or the next one in a future-tense sentence; a month and day without a
year take the year closest to publication in the sentence's tense). dateparser is
only a fallback for candidate spans the resolver cannot handle, always with the
language given; :func:`stats` counts its calls.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from .._document import Document, Mention
from .._pipeline import NormaliserBase

__all__ = ["TYPES", "DatesNormaliser", "languages", "stats"]

#: The TIMEX3 types a mention can have.
TYPES: frozenset[str] = frozenset({"DATE", "TIME", "DURATION", "SET"})

#: "scan" -> :func:`._scan.scan`, once the scanner's module is loaded (lazily: ``import newsnorm.dates`` stays light)
_SCAN: dict[str, Any] = {}

_stats_lock = threading.Lock()
_stats: dict[str, int] = {"documents": 0, "mentions": 0, "fallback_calls": 0}


def stats() -> dict[str, int]:
    """Counters for this process: documents scanned, mentions found, dateparser fallback calls."""
    with _stats_lock:
        return dict(_stats)


def _count(key: str, n: int = 1) -> None:
    with _stats_lock:
        _stats[key] = _stats.get(key, 0) + n


def languages() -> tuple[str, ...]:
    """The languages the dates normaliser has a lexicon for (ISO 639-1)."""
    from ._lexicon import LANGUAGES

    return LANGUAGES


def _scanner() -> dict[str, Any]:
    """The scanner's entry points, loaded once (its module is imported on first use)."""
    from . import _scan

    _SCAN["scan"] = _scan.scan
    _SCAN["scan_many"] = _scan.scan_many
    return _SCAN


def _day(published: Any) -> dt.date | None:
    """The publication day of a document's ``published`` (a date, a datetime or None)."""
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    return None


class DatesNormaliser(NormaliserBase):
    """Dates, times, durations and sets to TIMEX3 values.

    Args:
        types: The TIMEX3 types to emit (any of ``"DATE"``, ``"TIME"``,
            ``"DURATION"``, ``"SET"``); all by default.
        fallback: Ask dateparser (with the document's language) about candidate
            spans the rules cannot resolve. The common path never needs it.
        rewrite: Put each mention's value into ``doc.text`` (off by default).

    Mentions have ``kind="date"``, ``value`` a TIMEX3 value ("2024-02-08",
    "2024-W06", "P6W", "2024-02-08TMO", "PRESENT_REF", "XXXX-10-07" ...), and
    ``attrs`` with ``type`` and, when present, ``mod`` (APPROX, START, MID, END,
    MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS).
    """

    kind = "date"
    name = "dates"

    def __init__(self, *, types: Iterable[str] | None = None, fallback: bool = True, rewrite: bool = False) -> None:
        if types is None:
            chosen = TYPES
        else:
            if isinstance(types, str) or not isinstance(types, Iterable):
                raise TypeError(
                    "'types' must be an iterable of TIMEX3 types such as ['DATE', 'TIME'] "
                    f"(got {types!r} that is a {type(types).__name__})"
                )
            items = list(types)
            bad = [t for t in items if not isinstance(t, str) or t.upper() not in TYPES]
            if bad:
                raise ValueError(f"'types' must contain only {sorted(TYPES)} (got {bad!r})")
            if not items:
                raise ValueError("'types' must name at least one of " + str(sorted(TYPES)))
            chosen = frozenset(t.upper() for t in items)
        if not isinstance(fallback, bool):
            raise TypeError(f"'fallback' must be True or False (got {fallback!r} that is a {type(fallback).__name__})")
        if not isinstance(rewrite, bool):
            raise TypeError(f"'rewrite' must be True or False (got {rewrite!r} that is a {type(rewrite).__name__})")
        self.types: frozenset[str] = chosen
        self.fallback = fallback
        self.rewrite = rewrite

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, DatesNormaliser)
            and self.types == other.types
            and self.fallback == other.fallback
            and self.rewrite == other.rewrite
        )

    def __hash__(self) -> int:
        return hash((self.name, self.types, self.fallback, self.rewrite))

    def __repr__(self) -> str:
        opts = []
        if self.types != TYPES:
            opts.append(f"types={sorted(self.types)!r}")
        if not self.fallback:
            opts.append("fallback=False")
        if self.rewrite:
            opts.append("rewrite=True")
        return f"DatesNormaliser({', '.join(opts)})"

    def find(self, doc: Document) -> Iterable[Mention]:
        """Return the date mentions of ``doc.source`` resolved against ``doc.published``."""
        scan: Any = _SCAN.get("scan")
        if scan is None:  # the scanner's module loads on first use (an import statement per document costs ~8 us)
            scan = _scanner()["scan"]
        source = doc.source
        return self._mentions(source, scan(source, doc.lang, _day(doc.published), fallback=self.fallback))

    def find_many(self, docs: Sequence[Document]) -> list[list[Mention]]:
        """:meth:`find` of each of ``docs``, in order: each phase of the scanner runs over all of them
        (what :meth:`newsnorm.Pipeline.map` calls; the same mentions, faster)."""
        scan_many: Any = _SCAN.get("scan_many") or _scanner()["scan_many"]
        found = scan_many([(d.source, d.lang, _day(d.published)) for d in docs], fallback=self.fallback)
        return [self._mentions(d.source, f) for d, f in zip(docs, found, strict=True)]

    def _mentions(self, source: str, found: list[tuple[int, int, str, str, str | None]]) -> list[Mention]:
        """The mentions of the scanner's ``(start, end, value, type, mod)`` tuples that this normaliser keeps."""
        out: list[Mention] = []
        types = self.types
        kind = self.kind
        for start, end, value, type_, mod in found:
            if type_ in types:
                # positional arguments: a mention is made per date, and keywords cost a third more
                out.append(
                    Mention(kind, start, end, source[start:end], value, value,
                            {"type": type_, "mod": mod} if mod else {"type": type_})
                )
        with _stats_lock:
            _stats["documents"] += 1
            _stats["mentions"] += len(out)
        return out
