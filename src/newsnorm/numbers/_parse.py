"""Values of matched spans: figures in a locale's format, and runs of number words."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = ["Num", "Tok", "cjk_value", "digit_value", "parse_words"]

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


#: One atom of a run: (start, end, word, value, kind, connector_before, article_start or -1).
Tok = tuple[int, int, str, float, str, bool, int]

_ORD = frozenset(["O", "OH", "OM", "OS"])


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
    first: str = ""
    neg: bool = False
    conn_base: float | None = None
    dec: str | None = None
    frac: bool = False
    bare: bool = False
    fig: bool = False
    closed: bool = False

    def value(self) -> float:
        v = self.total + self.group + self.pending
        if self.dec:
            v += float("0." + self.dec)
        return v


def _fraction(st: _State, d: float, art: bool) -> None:
    if art:
        num, whole = 1.0, st.value()
    elif st.conn_base is not None:
        whole = st.conn_base
        num = st.value() - whole
    else:
        whole, num = 0.0, st.value()
    st.total = whole + num / d
    st.group = st.pending = 0
    st.dec = None
    st.frac = True
    st.last_mult = st.last_scale = float("inf")


def parse_words(items: list[Tok], vigesimal: bool = False) -> list[Num]:
    """Split a run of atoms into numbers.

    A new number starts where a word cannot continue the previous one ("one two three",
    "twenty fifteen"); connectors ("and", "y", "et") only join words that belong together.
    Kinds: N 0-99, H hundreds, M multiplier, S scale, O/OH/OM/OS ordinals, F fraction word
    ("half"), FA additive fraction ("einhalb"), Q plural denominator ("fifths"), P decimal
    point word, Z dozen, NEG minus word, FIG a figure, FIGX a figure that stands alone.
    """
    out: list[Num] = []
    st = _State()

    def flush() -> None:
        nonlocal st
        if st.tokens and not (st.bare and st.tokens == 1):
            v = st.value()
            out.append(Num(st.start, st.end, -v if st.neg else v, st.ordinal, st.tokens, st.first))
        st = _State()

    def begin(start: int, word: str, art: int) -> None:
        if st.start < 0 or not st.neg:
            st.start = art if art >= 0 else start
        st.first = word

    for idx, (start, end, word, v, kind, conn, art) in enumerate(items):
        if kind.endswith("+"):
            kind = kind[:-1]
            conn = True
        if kind == "NEG":
            flush()
            st.neg = True
            st.start = start
            continue
        if kind == "P":
            if st.tokens and not st.ordinal and st.dec is None and not st.frac and not st.closed and not conn:
                st.total = st.value()
                st.group = st.pending = 0
                st.dec = ""
            else:
                flush()
            continue
        if st.dec is not None:
            if kind == "N" and not conn and v == int(v):
                st.dec += str(int(v))
                st.end = end
                st.tokens += 1
                continue
            if kind == "FIG" and not conn and float(v).is_integer() and word.isdigit():
                st.dec += word
                st.end = end
                st.tokens += 1
                continue
            if kind == "S" and st.dec and not conn:
                st.total = st.value() * v
                st.dec = None
                st.end = end
                st.tokens += 1
                st.last_scale = v
                continue
            if not st.dec:
                st.dec = None
            flush()
        ok = True
        is_art = art >= 0
        if st.tokens == 0:
            ok = True
        elif (
            st.ordinal
            or st.closed
            or kind in ("FIG", "FIGX", "NEG")
            or (is_art and not conn and kind not in ("Z", "S", "M", "Q", "OM", "OS"))
        ):
            ok = False
        elif st.frac:
            ok = kind == "S" and not conn and v > st.value()
        elif kind == "N":
            if v == 0 or (st.value() == 0 and not st.bare) or st.fig:
                ok = False
            else:
                ok = _compatible_small(st.pending, v, vigesimal) and v < st.last_mult
                if conn and 0 < st.pending < 10 and v >= 20 and v % 10 == 0 and v < 100:
                    ok = True  # units before tens: "واحد وعشرون", "sieben und zwanzig"
                if conn and st.pending == 0 and (st.group or st.total):
                    ok = v < min(st.last_mult, st.last_scale)
                if conn and not ok and idx + 1 < len(items) and items[idx + 1][4] in ("Q", "F", "O", "OM", "OS"):
                    ok = not items[idx + 1][5]  # "one hundred and three and two thirds"
        elif kind == "H":
            ok = st.pending == 0 and st.group == 0 and not st.fig
        elif kind == "M":
            ok = (st.pending < v or st.pending == 0) and v < st.last_mult and (st.pending > 0 or st.group == 0)
            if v >= 1000 and st.pending >= 10 and not st.fig:  # CJK 千 takes one digit
                ok = False
            ok = ok and not conn
        elif kind == "S":
            ok = v < st.last_scale and (st.group + st.pending) < v and not conn
        elif kind == "Z":
            ok = not conn
        elif kind in ("F", "FA"):
            ok = True
        elif kind == "Q":
            ok = v >= 2
        elif kind in _ORD:
            if kind == "O" and not st.fig and _compatible_small(st.pending, v, vigesimal) and v < st.last_mult:
                ok = not conn or (st.pending == 0)
            elif (kind == "OM" and st.pending > 1 and st.group == 0) or (
                kind == "OS" and v < st.last_scale and (st.group + st.pending) > 1
            ):
                ok = True
            else:
                # a cardinal then an ordinal: a fraction ("one eighth", "two thirds"), never "second"
                ok = v >= 3 and not conn
                if ok:
                    _fraction(st, v, is_art and st.tokens == 0)
                    st.tokens += 1
                    st.end = end
                    continue
        else:
            ok = False
        if conn and kind not in ("N", "O", "F", "FA", "H", "Q", "FIG"):
            ok = False
        if not ok:
            flush()
        if st.tokens == 0:
            begin(start, word, art)
            if kind == "Q" or (kind in ("OM", "OS") and is_art) or (kind == "O" and is_art and v in (3, 4)):
                if not is_art:
                    continue
                st.pending = 1
                _fraction(st, v, False)
                st.tokens = 1
                st.end = end
                continue
            if kind in ("F", "FA"):
                st.pending = v
                st.bare = not is_art
                st.tokens = 1
                st.end = end
                continue
            if kind == "Z":
                if not is_art:
                    st = _State()
                    continue
                st.pending = v
                st.tokens = 1
                st.end = end
                continue
        if conn and st.tokens:
            st.conn_base = st.value()
        st.tokens += 1
        st.end = end
        if kind in ("FIG", "FIGX"):
            st.pending = v
            st.fig = True
            st.closed = kind == "FIGX"
        elif kind in ("N", "O"):
            st.pending += v
        elif kind in ("H", "OH"):
            st.group += v
        elif kind in ("M", "OM"):
            st.group += (st.pending or 1) * v
            st.pending = 0
            st.last_mult = v
        elif kind in ("S", "OS"):
            if st.frac or st.bare:
                st.total = st.value() * v
                st.group = st.pending = 0
                st.frac = False
                st.bare = False
            else:
                st.total += (st.group + st.pending or 1) * v
                st.group = st.pending = 0
            st.last_scale = v
            st.last_mult = float("inf")
        elif kind == "Z":
            st.group += (st.pending or 1) * v
            st.pending = 0
            st.bare = False
        elif kind == "FA":
            st.pending += v
        elif kind == "F":
            if is_art:
                st.pending += v
            elif st.conn_base is not None and conn:
                st.pending += v  # "two and half"
            else:
                # "three quarters", "zwei Drittel": a count of that fraction
                base = st.conn_base or 0.0
                num = st.value() - base
                st.total, st.group, st.pending = base, 0, num * v
            st.frac = True
            st.bare = False
        elif kind == "Q":
            st.tokens -= 1
            _fraction(st, v, False)
            st.tokens += 1
        if kind in _ORD:
            st.ordinal = True
    if st.dec == "":
        st.dec = None
    flush()
    return out


# ---------------------------------------------------------------- CJK numerals

_CJK_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "壱": 1, "壹": 1, "幺": 1, "二": 2, "弐": 2, "貳": 2, "贰": 2, "两": 2, "兩": 2,
    "俩": 2, "倆": 2, "三": 3, "参": 3, "參": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陸": 6,
    "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
    "공": 0, "영": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9,
}  # fmt: skip
_CJK_SMALL = {"十": 10, "拾": 10, "什": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
              "십": 10, "백": 100, "천": 1000}  # fmt: skip
_CJK_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12, "만": 10**4, "억": 10**8, "조": 10**12}
_CJK_POINT = frozenset("点點.．")
CJK_CHARS = "".join([*_CJK_DIGITS, *_CJK_SMALL, *_CJK_BIG])


def cjk_value(s: str, elide: bool = True) -> float | None:
    """The value of a run of CJK numerals, Arabic digits allowed ("5万4千6百", "两千四百五", "4.78万亿")."""
    s = s.replace(",", "").replace("，", "")
    if not s:
        return None
    total = 0.0  # completed big sections
    section = 0.0  # inside the current big unit
    num: float | None = None  # digit(s) waiting for a unit
    last_small = 0
    last_big = 0.0
    zero = False
    digits_only = True
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch.isdigit() or (ch in ".．" and num is None and i + 1 < n and s[i + 1].isdigit() and False):
            j = i
            while j < n and (s[j].isdigit() or (s[j] in ".．" and j + 1 < n and s[j + 1].isdigit())):
                j += 1
            txt = "".join(str(unicodedata.digit(c, 0)) if c.isdigit() else "." for c in s[i:j])
            try:
                num = float(txt)
            except ValueError:
                return None
            i = j
            continue
        if ch in _CJK_DIGITS:
            d = _CJK_DIGITS[ch]
            if d == 0:
                zero = True
                if num is not None and digits_only:
                    num = num * 10
                i += 1
                continue
            string = num is not None and digits_only and not last_small and not last_big
            num = (num or 0) * 10 + d if string else float(d)  # digit strings: "一九九五"
            i += 1
            continue
        if ch in _CJK_POINT:
            j = i + 1
            frac = ""
            while j < n and (s[j] in _CJK_DIGITS or s[j].isdigit()):
                frac += str(_CJK_DIGITS[s[j]]) if s[j] in _CJK_DIGITS else str(unicodedata.digit(s[j], 0))
                j += 1
            if not frac:
                return None
            num = (num or 0) + float("0." + frac)
            i = j
            continue
        digits_only = False
        if ch in _CJK_SMALL:
            u = _CJK_SMALL[ch]
            section += (1 if num is None else num) * u
            num = None
            last_small = u
            zero = False
            i += 1
            continue
        if ch in _CJK_BIG:
            u = _CJK_BIG[ch]
            if num is None and section == 0 and total and last_big and i > 0 and s[i - 1] in _CJK_BIG:
                total *= u  # "万万", "万亿"
                last_big = total
                i += 1
                continue
            part = section + (num or 0)
            if part == 0:
                part = 1
            if last_big and u > last_big:  # "十万亿"? the whole so far times the unit
                total = (total + part) * u
            else:
                total += part * u
            section = 0
            num = None
            last_small = 0
            last_big = u
            zero = False
            i += 1
            continue
        return None
    if num is not None:
        if elide and not zero and not digits_only and num < 10 and num == int(num):
            if last_small >= 100 and section:
                num *= last_small / 10  # "四百五" is 450
            elif last_big and not section and last_big >= 10**4:
                num *= last_big / 10  # "一万五" is 15000
        section += num
    return total + section
