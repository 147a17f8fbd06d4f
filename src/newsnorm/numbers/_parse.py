"""Values of matched spans: figures in a locale's format, and runs of number words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["Num", "Tok", "cjk_value", "digit_value", "parse_words"]

_SPACEY = frozenset(" \u00a0\u202f'’")
_NOT_DIGIT = re.compile(r"[^0-9]")


class Num(NamedTuple):
    """One number found in a run of words (offsets relative to the source; a tuple: made per run, never changed)."""

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
    if text.isascii():
        if text.isdigit():
            return int(text) if len(text) < 300 else None
        for k in ".,":  # one "." or "," between digits ("27,840", "2.700", "1.5"): the rules below, in short
            whole, sep, part = text.partition(k)
            if sep and part.isdigit() and whole.isdigit():
                if len(part) == 3 and len(whole) <= 3 and k != decimal and (k == group or decimal in ".,"):
                    return int(whole + part)
                return float(whole + "." + part)
        s = text
    else:
        s = _ascii_digits(text)
    # (``s`` has ASCII digits only: _ascii_digits converts every character that isdigit())
    seps = _NOT_DIGIT.findall(s)
    if not seps:
        return int(s) if len(s) < 300 else None
    parts: list[str] = _NOT_DIGIT.split(s)  # the digit groups between the separators
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
_SCALE_ON = frozenset(["S", "OS", "Q"])  # what follows "cem", "cien": "cem mil", "cien millonésimas"
_FRACTIONISH = frozenset(["Q", "F", "O", "OM", "OS"])


def _compatible_small(pending: float, v: float, vigesimal: bool) -> bool:
    if pending == 0:
        return True
    if vigesimal and pending == 10 and 7 <= v <= 9:
        return True  # "dix neuf" written without its hyphen
    if pending >= 20 and pending % 10 == 0 and pending < 100 and 0 < v < 10:
        return True
    return vigesimal and pending in (60, 80) and 10 <= v < 20


@dataclass(slots=True)
class _State:
    start: int = -1
    end: int = -1
    parts: list[tuple[float, float]] = field(default_factory=list)  # (scale, amount) of finished scales
    group: float = 0
    pending: float = 0
    last_mult: float = float("inf")
    tokens: int = 0
    ordinal: bool = False
    first: str = ""
    neg: bool = False
    conn_base: float | None = None
    dec: list[Tok] | None = None
    dec_base: float = 0
    dec_end: int = -1
    lead_point: bool = False  # the number opened with its point word ("point five")
    last: str = ""  # the last word read into the number
    conn_scale: float = 1.0  # "three million and two thirds": the fraction is of a million
    seg_start: int = -1  # first token after the last scale
    seg_prev_end: int = -1  # end of the token before it
    seg_tokens: int = 0
    div: tuple[float, float | None, int, int, str, bool, int] | None = None  # numerator before "over"
    frac: bool = False
    bare: bool = False
    fig: bool = False
    closed: bool = False

    def whole(self) -> float:
        if not self.parts:
            return 0 + self.group + self.pending  # (as the sum below: 0 + -0.0 is 0.0)
        return sum(a for _, a in self.parts) + self.group + self.pending

    def last_scale(self) -> float:
        return min((sc for sc, _ in self.parts), default=float("inf"))

    def set_value(self, v: float) -> None:
        self.parts = [(1.0, v)] if v else []
        self.group = self.pending = 0


def _is_digit_word(t: Tok) -> bool:
    return (t[4] == "N" and 0 <= t[3] < 10 and t[3] == int(t[3])) or (t[4] == "FIG" and len(t[2]) == 1)


def _digit_string(toks: list[Tok]) -> str:
    return "".join(str(int(v)) if k == "N" else w for _, _, w, v, k, _, _ in toks)


def _decimal_part(toks: list[Tok], mode: str, parse: Any) -> tuple[str | None, list[Tok], list[Num]]:
    """(digits after the point or ``None``, the tokens they use, numbers read from the tokens after them).

    ``mode`` "digits": the decimal part is spelled digit by digit ("one point two three", "eins komma
    null fünf"), a word such as "fifteen" ends it ("null komma fünfzehn" is 0 and 15). ``mode`` "group":
    zeros then one number ("douze virgule quatre-vingt-dix-neuf", "cent vingt virgule zéro cinq"), the
    words after that group are numbers of their own ("un virgule deux trois six" is 1.2, 3 and 6). Otherwise
    either form, all the words making one decimal part.
    """
    if not toks:
        return None, [], []
    if mode == "digits":
        n = 0
        while n < len(toks) and _is_digit_word(toks[n]):
            n += 1
        return (_digit_string(toks[:n]) if n else None), toks[:n], parse(toks[n:]) if n < len(toks) else []
    if all(_is_digit_word(t) for t in toks) and mode != "group":
        return _digit_string(toks), toks, []
    zeros = 0
    while zeros < len(toks) and toks[zeros][4] == "N" and toks[zeros][3] == 0:
        zeros += 1
    if zeros == len(toks) - 1 and _is_digit_word(toks[-1]):
        return _digit_string(toks), toks, []  # "virgule cinq", "coma cero cinco": one digit, no grammar needed
    nums: list[Num] = parse(toks[zeros:]) if zeros < len(toks) else []
    if not nums:
        return "0" * zeros, toks, []
    first = nums[0]
    if first.value != int(first.value) or first.value < 0 or first.ordinal:
        return None, [], []
    if mode != "group" and len(nums) != 1:
        return None, [], []
    used = [t for t in toks if t[0] < first.end]
    return "0" * zeros + str(int(first.value)), used, nums[1:]


def _ordinal_continues(w: float, v: float) -> bool:
    return (
        (w % 10 == 0 and w >= 10 and v < 10)
        or (w % 100 == 0 and w >= 100 and v < 100)
        or (w % 1000 == 0 and w >= 1000 and v < 1000)
    )


def _split_fraction(st: _State, d: float, art: bool) -> tuple[float, float]:
    """(whole, numerator) of a fraction ending at denominator ``d``."""
    if art:
        return st.whole(), 1.0
    if st.conn_base is not None:
        num = st.whole() - st.conn_base
        if 0 < num < d:  # "one hundred and three quarters"; but "one hundred and thirty fifths" is 130/5
            return st.conn_base, num
    return 0.0, st.whole()


def parse_words(
    items: list[Tok],
    vigesimal: bool = False,
    compound: bool = False,
    ordinal_add: bool = False,
    conn_fraction_only: bool = False,
    first_standalone: frozenset[str] = frozenset(),
    bare_fractions: bool = False,
    fused_hundreds: bool = False,
    lone_plural_ordinal: bool = False,
    decimals: str = "",
    point_leads: bool | frozenset[str] = True,
    closing: Mapping[str, str] | None = None,
    one_apart: bool = False,
) -> list[Num]:
    """Split a run of atoms into numbers.

    A new number starts where a word cannot continue the previous one ("one two three",
    "twenty fifteen"); connectors ("and", "y", "et") only join words that belong together.
    Kinds: N 0-99, H hundreds, M multiplier, S scale (S2 two of it: Arabic duals), O/OH/OM/OS ordinals, F fraction word
    ("half"), FA additive fraction ("einhalb"), Q plural denominator ("fifths"), P decimal
    point word, Z dozen, NEG minus word, FIG a figure, FIGX a figure that stands alone.
    ``compound``: a cardinal ten and an ordinal unit make one ordinal ("twenty first").
    ``ordinal_add``: ordinal words add up ("vigésimo quinto"). ``conn_fraction_only``: a spaced
    connector joins only a fraction ("fünf und drei Viertel", but "hundert und drei" is two numbers).
    ``first_standalone``: words such as "primo", "premier" that start a new word after a spaced cardinal
    ("cinquecento primo"; but "cinq cent unième" is one ordinal).
    ``bare_fractions``: a fraction word alone is a number (Arabic "نصف العصير").
    ``lone_plural_ordinal``: a plural ordinal without a numerator is an ordinal ("decimosextos"),
    with one a fraction ("tres quintos").
    ``fused_hundreds``: hundreds are single words ("триста", "trescientos"), so a unit before "hundred" is apart.
    ``decimals``: how the words after a decimal point are read (see :func:`_decimal_part`); ``point_leads``:
    a point word may open a number ("point five"); a set names the point words that may (Spanish "coma", not "con").
    ``closing``: words after which only a decimal point
    ("") or a scale ("S") continues a number (German "eins", Portuguese "cem"). ``one_apart``: "one"
    before "hundred" or "thousand" is a number of its own (French "cent", "mille" take no "un").
    """
    out: list[Num] = []
    st = _State()

    def finish_dec() -> bool:
        """Close a decimal part; true when words after it made numbers of their own (the next word starts anew)."""
        nonlocal st
        if st.dec is None:
            return False
        dec = st.dec
        st.dec = None
        flags = (
            vigesimal, compound, ordinal_add, conn_fraction_only, first_standalone, bare_fractions, fused_hundreds,
            lone_plural_ordinal, decimals, point_leads, closing, one_apart,
        )  # fmt: skip
        digits, used, rest = _decimal_part(dec, "" if st.lead_point else decimals, lambda t: parse_words(t, *flags))
        if digits is not None:
            st.set_value(st.dec_base + float("0." + digits))
            st.frac = True  # a decimal takes only a scale after it
            if rest:
                st.end = used[-1][1]
        else:
            st.end = st.dec_end
        if not rest:
            return False
        st.tokens -= len(dec) - len(used)
        if digits is None and st.lead_point:
            st = _State()
        flush()
        out.extend(rest)
        return True

    def flush() -> None:
        nonlocal st
        finish_dec()
        if st.div is not None:
            nwhole, nconn, nstart, nend, nfirst, nneg, ntok = st.div
            den = st.whole()
            if den > 0 and st.tokens:
                mixed = nconn is not None and 0 < nwhole - nconn < den  # "twenty and three over five"
                val = (nconn or 0) + (nwhole - (nconn or 0)) / den if mixed else nwhole / den
                out.append(Num(nstart, st.end, -val if nneg else val, False, ntok + st.tokens + 1, nfirst))
                st = _State()
                return
            out.append(Num(nstart, nend, -nwhole if nneg else nwhole, False, ntok, nfirst))
            st.div = None
        if st.tokens and not (st.bare and st.tokens == 1):
            v = st.whole()
            out.append(Num(st.start, st.end, -v if st.neg else v, st.ordinal, st.tokens, st.first))
        st = _State()

    def fraction(d: float, art: bool, end: int, scaled: bool = False) -> None:
        whole, num = _split_fraction(st, d, art)
        unit = st.conn_scale if scaled and st.conn_base is not None and whole == st.conn_base else 1.0
        st.set_value(whole + num / d * unit)
        st.frac = True
        st.tokens += 1
        st.end = end

    n_items = len(items)
    for idx, (start, end, word, v, kind, conn, art) in enumerate(items):
        if kind.endswith("+"):
            kind = kind[:-1]
            conn = True
        pair = kind == "S2"  # a dual scale: Arabic "ألفان" two thousand, "مليونين" two million
        if pair:
            kind = "S"
        is_art = art >= 0
        nxt = items[idx + 1][4] if idx + 1 < n_items else ""
        if kind == "DIV":
            if st.tokens and not st.ordinal and not st.closed and st.div is None and st.dec is None and st.whole() > 0:
                div = (st.whole(), st.conn_base, st.start, st.end, st.first, st.neg, st.tokens)
                st = _State()
                st.div = div
            else:
                flush()
            continue
        if kind == "NEG":
            flush()
            st.neg = True
            st.start = start
            continue
        if (
            kind == "P"
            and point_leads
            and (point_leads is True or word in point_leads)
            and st.tokens == 0
            and st.div is None
            and nxt in ("N", "FIG")
            and not items[idx + 1][5]
        ):
            st.start, st.first, st.tokens = start, word, 1  # "point fifteen", "точка пятнадцать": 0.15
            st.dec_base, st.dec, st.dec_end, st.lead_point = 0, [], end, True
            continue
        if kind == "P":
            if st.tokens and not st.ordinal and st.dec is None and not st.frac and not st.closed:
                st.dec_base = st.whole()
                st.dec = []
                st.dec_end = st.end
            else:
                flush()
            continue
        if st.dec is not None:
            if kind in ("N", "H", "M") or (kind == "FIG" and word.isdigit()) or (kind == "S" and st.dec and nxt == "S"):
                st.dec.append((start, end, word, v, kind, conn, -1))
                st.end = end
                st.tokens += 1
                continue
            if (kind in _FRACTIONISH or (kind == "OH" and v == 100)) and st.dec and kind != "F":
                nums = parse_words(st.dec, vigesimal, compound, ordinal_add)  # "veinte con tres quintos"
                if len(nums) == 1 and v >= 2:
                    num = nums[0].value
                    st.dec = None
                    st.set_value(st.dec_base + (num / v if kind != "F" else num * v))
                    st.frac = True
                    st.tokens += 1
                    st.end = end
                    continue
            if kind in ("F",) and st.dec:
                nums = parse_words(st.dec, vigesimal, compound, ordinal_add)
                if len(nums) == 1:
                    st.dec = None
                    st.set_value(st.dec_base + nums[0].value * v)
                    st.frac = True
                    st.tokens += 1
                    st.end = end
                    continue
            if kind in ("F", "O", "Q") and not st.dec and is_art:  # "uno con un medio"
                st.dec = None
                st.set_value(st.dec_base + (v if kind == "F" else 1 / v))
                st.frac = True
                st.tokens += 1
                st.end = end
                continue
            if not st.dec:
                st.dec = None
                if st.lead_point:
                    st = _State()  # "point 2,5": a point word alone before a grouped figure is no number
            finish_dec()
        # ---- can this token continue the current number?
        ok = True
        whole = st.whole()
        if st.tokens == 0:
            ok = True
        elif (
            ordinal_add
            and st.ordinal
            and (kind in _ORD or (kind == "Q" and lone_plural_ordinal))
            and not st.fig
            and not conn
            and _ordinal_continues(st.whole(), v)
        ):
            st.set_value(st.whole() + v)  # "vigésimo quinto", "centésimo primeiro": ordinal words add up
            st.tokens += 1
            st.end = end
            continue
        elif (
            st.ordinal
            or st.closed
            or kind in ("FIGX", "NEG")
            or (is_art and not conn and kind not in ("Z", "S", "M", "Q", "OM", "OS"))
        ):
            ok = False
        elif st.frac:
            ok = kind in ("S", "Z") and not conn
        elif kind == "FIG":
            ok = (
                st.pending == 0
                and not st.fig
                and (bool(st.parts) or st.group > 0)
                and v == int(v)
                and v < min(st.last_mult, st.last_scale())
            )
        elif kind == "N":
            if v == 0 or st.fig or (whole == 0 and not st.bare):
                ok = False
            else:
                ok = _compatible_small(st.pending, v, vigesimal) and v < st.last_mult
                if conn and 0 < st.pending < 10 and v >= 20 and v % 10 == 0 and v < 100:
                    ok = True  # units before tens: "واحد وعشرون", "sieben und zwanzig"
                if conn and st.pending == 0 and whole:
                    ok = v < min(st.last_mult, st.last_scale())
                if conn and not ok and nxt in _FRACTIONISH and idx + 1 < n_items and not items[idx + 1][5]:
                    ok = True  # "one hundred and three and two thirds"
        elif kind == "H":
            ok = st.pending == 0 and st.group == 0 and not st.fig and v < st.last_scale()
        elif kind == "M":
            ok = not conn and st.group == 0 and (st.fig or st.pending < v) and v < st.last_mult
            if st.parts and (st.pending or 1) * v >= st.last_scale():
                ok = False  # "fünfhundert Tausend zweiundzwanzig hundert": 2200 cannot follow a thousand
            if fused_hundreds and v == 100 and st.pending and not st.fig:
                ok = False  # "три сто": hundreds are one word ("триста"), so these are two numbers
            if v >= 1000 and st.pending >= 10 and not st.fig:  # CJK 千 takes one digit
                ok = False
        elif kind == "S":
            mult = st.group + st.pending + sum(a for sc, a in st.parts if sc < v)
            ok = (
                not conn
                and all(sc != v for sc, _ in st.parts)
                and (st.fig or mult < v)
                and mult * v < min((sc for sc, _ in st.parts if sc > v), default=float("inf"))
            )
            seg = st.group + st.pending
            if not ok and not conn and st.parts and 0 < seg < v and st.seg_start > st.start and st.seg_tokens:
                # "deux-cent-mille quatorze-mille": the words since the last scale start a new number
                head = st.whole() - seg
                done = Num(st.start, st.seg_prev_end, -head if st.neg else head, False, st.tokens - st.seg_tokens)
                out.append(done)
                st = _State(
                    start=st.seg_start, group=st.group, pending=st.pending, tokens=st.seg_tokens, last_mult=st.last_mult
                )
                ok = True
        elif kind == "Z":
            ok = not conn
        elif kind in ("F", "FA"):
            ok = True
        elif kind == "Q":
            ok = v >= 2
        elif kind in _ORD:
            ok = False
            if conn and is_art and v >= 3 and whole:
                fraction(v, True, end, nxt not in ("S", "M"))  # "forty two and a third"
                continue
            if kind == "O" and st.pending == 0 and (st.group or st.parts) and v < st.last_mult:
                # "one hundred first", "einhunderterste", "cinq cent unième"; but "cinquecento primo" is two
                ok = not is_art and (start == st.end or word not in first_standalone)
            elif kind == "O" and conn and 0 < st.pending < 10 and 20 <= v < 100 and v % 10 == 0:
                ok = True  # "zwei und zwanzigste"
            elif kind == "O" and compound and not st.fig and st.pending >= 20:
                ok = _compatible_small(st.pending, v, vigesimal)  # "twenty first", "vingt et unième"
            elif kind in ("OM", "OH") and st.pending >= (1 if compound else 2) and st.group == 0 and not conn:
                ok = True  # "two hundredth", "deux centième", "iki yüzüncü"
            elif kind == "OS" and not conn and st.group + st.pending > 1 and v < st.last_scale():
                ok = True  # "three millionth"
            elif kind == "OS" and not conn and st.parts and all(sc < v for sc, _ in st.parts):
                ok = True  # "dos mil millonésimo", "हजार खरबवां"
            elif v >= 3 and (not conn or is_art) and whole:
                fraction(v, is_art, end)  # a cardinal then an ordinal: "one eighth", "and a fifth"
                continue
        else:
            ok = False
        if conn and kind not in ("N", "O", "F", "FA", "H", "Q", "FIG"):
            ok = False
        if ok and conn and conn_fraction_only and st.tokens and kind not in ("F", "FA", "Q"):
            ok = (
                word.startswith("و")
                or (nxt in _FRACTIONISH and idx + 1 < n_items and not items[idx + 1][5])
                or start - st.end <= 3  # a connector inside the word: "hundertunddrei"
                or (kind in ("N", "O") and 20 <= v < 100 and v % 10 == 0 and 0 < st.pending < 10)  # "zwei und vierzig"
            )
        if ok and st.tokens and closing and st.last in closing and not (closing[st.last] == "S" and kind in _SCALE_ON):
            ok = False  # "eins und zwanzig", "cem e dois": these words end a number
        if ok and one_apart and kind in ("M", "S") and v in (100, 1000) and st.tokens == 1 and whole == 1:
            ok = st.fig  # French "un cent", Italian "uno mille": "cent", "mille" alone are 100, 1000
        if not ok:
            flush()
            whole = 0.0
        # ---- start a number
        if st.tokens == 0:
            if st.start < 0 or not st.neg:
                st.start = art if art >= 0 and kind not in ("FIG", "FIGX") else start
            st.first = word
            if kind == "FIGX":
                st.pending = v
                st.closed = True
                st.tokens = 1
                st.end = end
                continue
            if kind == "Q" or (kind in ("OM", "OS", "O") and is_art and v >= 3):
                if not is_art and (lone_plural_ordinal or (kind == "Q" and v > 20 and "-" in word)):
                    # "decimosextos", "quinti"; a compound plural ordinal alone: "twenty-fifths", "vingt-cinquièmes"
                    st.pending, st.ordinal, st.tokens, st.end = v, True, 1, end
                    continue
                if not is_art:
                    st = _State()
                    continue
                st.set_value(1 / v)  # "a fifth", "a hundredth"
                st.frac = True
                st.tokens = 1
                st.end = end
                continue
            if kind in ("F", "FA"):
                st.pending = v
                st.bare = not is_art and not bare_fractions  # "half" alone is not a count; Arabic "نصف" is
                st.frac = is_art
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
            st.conn_base = whole
            st.conn_scale = st.parts[-1][0] if st.parts and not st.group and not st.pending else 1.0
        if st.tokens and kind in ("N", "H", "M", "FIG") and (st.parts and st.seg_tokens == 0):
            st.seg_start, st.seg_prev_end = (art if art >= 0 else start), st.end
        if st.seg_start >= 0 and kind not in ("S", "OS"):
            st.seg_tokens += 1
        st.tokens += 1
        st.end = end
        st.last = word
        if kind == "FIG":
            st.pending = v
            st.fig = True
        elif kind in ("N", "O"):
            st.pending += v
        elif kind == "OH" and st.pending >= 1 and st.group == 0 and v == 100:
            st.group = st.pending * v
            st.pending = 0
        elif kind in ("H", "OH"):
            st.group += v
        elif kind in ("M", "OM"):
            st.group += (st.pending or 1) * v
            st.pending = 0
            st.last_mult = v
            st.fig = False
        elif kind in ("S", "OS"):
            if st.frac or st.bare:
                # "one billion and a half million": only the half is in millions; "two and a half million": all
                base = st.conn_base or 0.0 if st.conn_scale > v else 0.0
                st.set_value(base + (st.whole() - base) * v)
                st.frac = st.bare = False
                st.parts = [(v, st.parts[0][1])] if st.parts else []
            else:
                mult = st.group + st.pending + sum(a for sc, a in st.parts if sc < v)
                st.parts = [p for p in st.parts if p[0] > v] + [(v, (mult or (2 if pair else 1)) * v)]
                st.group = st.pending = 0
            st.last_mult = float("inf")
            st.fig = False
            st.seg_start, st.seg_tokens = -1, 0
        elif kind == "Z":
            if st.frac:
                st.set_value(st.whole() * v)
            else:
                st.group += (st.pending or 1) * v
                st.pending = 0
            st.frac = st.bare = False
        elif kind == "FA":
            st.pending += v
            st.frac = True
        elif kind == "F":
            scale = st.parts[-1][0] if st.parts and not st.group and not st.pending else 1.0
            if conn and scale > 1 and nxt not in ("S", "M"):
                st.pending += v * scale  # "three million and a half", "five billion and three quarters"
            elif is_art or conn:
                st.pending += v  # "two and a half", "two and half"
            else:
                wh, num = _split_fraction(st, 1 / v if v else 1, False)
                unit = 1.0
                if st.conn_base is not None and st.whole() - st.conn_base > 0:
                    wh, num = st.conn_base, st.whole() - st.conn_base
                    unit = st.conn_scale if nxt not in ("S", "M") else 1.0  # "five billion and three quarters"
                st.set_value(wh + num * v * unit)  # "three quarters", "zwei Drittel"
            st.frac = True
            st.bare = False
        elif kind == "Q":
            st.tokens -= 1
            if compound and st.pending >= 20 and st.pending % 10 == 0 and v < 10 and st.conn_base is None:
                d = st.pending + v  # "one hundred thirty fifths": 100 / 35
                st.pending = 0
                rest = st.whole()
                if not rest and st.tokens == 1:  # "twenty fifths" alone: a plural compound ordinal (25ths)
                    st.pending, st.ordinal, st.tokens, st.end = d, True, 2, end
                    continue
                if rest:
                    st.set_value(rest / d)
                    st.frac = True
                    st.tokens += 1
                    continue
                st.pending = d - v
            fraction(v, False, end, nxt not in ("S", "M"))
        if kind in _ORD:
            st.ordinal = True
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
        if elide and not zero and not digits_only and num < 10:
            if last_small >= 100 and section:
                num = int(num) * last_small / 10 + (num - int(num))  # "四百五" is 450, "两千三点一" 2300.1
            elif last_big and not section and last_big >= 10**4:
                num *= last_big / 10  # "一万五" is 15000
        section += num
    return total + section
