"""Values of matched spans: figures in a locale's format, and runs of number words."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = ["Num", "digit_value", "parse_words"]

_SPACEY = frozenset(" \u00a0\u202f'’")


@dataclass
class Num:
    """One number found in a run of words (offsets relative to the source)."""

    start: int
    end: int
    value: float
    ordinal: bool = False
    tokens: int = 1
    first: str = ""


def _ascii_digits(s: str) -> str:
    out = []
    for ch in s:
        if ch.isdigit():
            d = unicodedata.digit(ch, -1)
            out.append(str(d) if d >= 0 else ch)
        else:
            out.append(ch)
    return "".join(out)


def _groups_ok(parts: list[str]) -> bool:
    if not parts[0] or len(parts[0]) > 3:
        return False
    if all(len(p) == 3 for p in parts[1:]):
        return True
    # Indian grouping: 1,00,000 and 12,34,56,789
    return len(parts) >= 3 and all(len(p) == 2 for p in parts[1:-1]) and len(parts[-1]) == 3 and len(parts[0]) <= 2


def digit_value(text: str, decimal: str, group: str) -> float | None:
    """The value of a figure written with the separators of a locale; ``None`` if it is not one number.

    Rules (documented in docs/normalisers/numbers.md): spaces, no-break spaces and apostrophes
    only group thousands; with both "." and "," the last one is the decimal mark; a lone
    separator is the locale's decimal mark unless it is the locale's group mark followed by
    exactly three digits; repeated separators must group by three (or the Indian 2-2-3).
    """
    s = _ascii_digits(text)
    seps = [c for c in s if not c.isdigit()]
    if not seps:
        return int(s) if len(s) < 300 else None
    parts: list[str] = []
    cur = []
    for ch in s:
        if ch.isdigit():
            cur.append(ch)
        else:
            parts.append("".join(cur))
            cur = []
    parts.append("".join(cur))
    kinds = set(seps)
    point = [c for c in kinds if c not in _SPACEY]
    if len(point) >= 2:
        last = seps[-1]
        if seps.count(last) != 1 or last in _SPACEY:
            return None
        if not _groups_ok(parts[:-1]):
            return None
        return float("".join(parts[:-1]) + "." + parts[-1])
    if not point:  # only spaces/apostrophes: grouping
        return int("".join(parts)) if _groups_ok(parts) else None
    k = point[0]
    if seps.count(k) > 1:
        if any(c in _SPACEY for c in seps) or not _groups_ok(parts):
            return None
        return int("".join(parts))
    head = list(parts[:-1])
    if any(c in _SPACEY for c in seps):  # "27 840,5": the point is the decimal mark
        if not _groups_ok(head):
            return None
        return float("".join(head) + "." + parts[-1])
    tail = parts[-1]
    if (
        (k == group or (k != decimal and decimal in ".,"))
        and len(tail) == 3
        and 0 < len(parts[0]) <= 3
        and k != decimal
    ):
        return int(parts[0] + tail)
    return float(parts[0] + "." + tail) if tail else None


def _compatible_small(pending: float, v: float, vigesimal: bool) -> bool:
    if pending == 0:
        return True
    if pending >= 20 and pending % 10 == 0 and 0 < v < 10:
        return True
    return vigesimal and pending in (60, 80) and 10 <= v < 20


@dataclass
class _State:
    start: int = -1
    end: int = -1
    total: float = 0
    group: float = 0
    pending: float = 0
    last_mult: float = float("inf")
    last_scale: float = float("inf")
    tokens: int = 0
    ordinal: bool = False
    conn: bool = False
    article: bool = False
    first: str = ""

    def value(self) -> float:
        return self.total + self.group + self.pending


def parse_words(items: list[tuple[int, int, str, float, str]], vigesimal: bool = False) -> list[Num]:
    """Split a run of atoms ``(start, end, word, value, kind)`` into numbers.

    A new number starts where a word cannot continue the previous one ("one two three",
    "twenty fifteen"); connectors ("and", "y", "et") only join words that belong together.
    """
    out: list[Num] = []
    st = _State()
    prefix_ord = False

    def flush() -> None:
        nonlocal st
        if st.tokens and (st.value() or st.pending == 0):
            out.append(Num(st.start, st.end, st.value(), st.ordinal or prefix_ord, st.tokens, st.first))
        st = _State()

    pending_article = -1
    for start, end, word, v, kind in items:
        if kind == "PRE":
            flush()
            prefix_ord = True
            st.start = start
            continue
        if kind == "ART":
            if not (st.tokens and st.conn):
                flush()
                pending_article = start
            continue
        if kind == "C":
            if st.tokens and not st.ordinal:
                st.conn = True
            else:
                flush()
            continue
        ok = True
        if st.tokens == 0:
            ok = True
        elif st.ordinal:
            ok = False
        elif kind in ("N", "O"):
            if v == 0 or (st.value() == 0 and st.tokens):
                ok = False
            else:
                ok = _compatible_small(st.pending, v, vigesimal) and v < st.last_mult
                if st.conn and 0 < st.pending < 10 and v >= 20 and v % 10 == 0 and v < 100:
                    ok = True  # units before tens: "واحد وعشرون", "sieben und zwanzig"
        elif kind in ("H", "OH"):
            ok = st.pending == 0 and st.group == 0
        elif kind in ("M", "OM"):
            ok = (st.pending < v or st.pending == 0) and v < st.last_mult and (st.pending > 0 or st.group == 0)
            if v >= 1000 and st.pending >= 10:  # CJK 千 takes one digit
                ok = False
        elif kind in ("S", "OS"):
            ok = v < st.last_scale and (st.group + st.pending) < v
        elif kind == "F":
            ok = st.total == 0 and st.group == 0 and 0 < st.pending < 20
        else:
            ok = False
        if st.conn and kind not in ("N", "O", "F", "H", "OH"):
            ok = False
        if not ok:
            flush()
            prefix_ord = False
        if st.tokens == 0:
            st.start = pending_article if pending_article >= 0 else start
            st.first = word
            st.article = pending_article >= 0
        pending_article = -1
        was_conn = st.conn
        st.conn = False
        st.tokens += 1
        st.end = end
        if kind in ("N", "O"):
            st.pending += v
        elif kind in ("H", "OH"):
            st.group += v
        elif kind in ("M", "OM"):
            st.group += (st.pending or 1) * v
            st.pending = 0
            st.last_mult = v
        elif kind in ("S", "OS"):
            st.total += (st.group + st.pending or 1) * v
            st.group = st.pending = 0
            st.last_scale = v
            st.last_mult = float("inf")
        elif kind == "F":
            if st.tokens == 1:
                st.pending = v if st.article else 0
                if not st.article:
                    st.tokens = 0
                    st.start = -1
                    continue
            elif was_conn:
                st.pending += v
            else:
                st.pending = st.pending * v
        if kind.startswith("O"):
            st.ordinal = True
    flush()
    return out
