"""Resolve one scanner match to a TIMEX3 value, the way a news reader would.

The scanner (:mod:`._lexicon`) marks each alternative with an empty ``R_<rule>``
group; :func:`resolve` reads the named groups of the rule that matched, looks the
words up in the language's lexicon and computes the value against the
publication date. Without a publication date the value is underspecified
(``XXXX-10-07``, ``XXXX-WXX-4``), never the machine's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from ._lexicon import Lexicon, fold

__all__ = ["NOT_A_DATE", "RULES", "Resolved", "resolve"]

RULES = (
    "R_iso", "R_num", "R_md", "R_dm", "R_wdday", "R_dayword", "R_wdrel",
    "R_cjk", "R_cjkyear", "R_cjkday", "R_mdy", "R_dmy", "R_my", "R_quarter", "R_q",
    "R_ago",
    "R_agob",
    "R_rel", "R_relp", "R_dur", "R_hdur", "R_decade", "R_mod", "R_weekend", "R_season", "R_wd", "R_relword", "R_relday",
    "R_thispart", "R_theunit", "R_weekof", "R_every", "R_set", "R_time", "R_ref", "R_month",
    "R_year", "R_year2", "R_yy", "R_ym", "R_ymon", "R_century", "R_holiday",
    "R_same", "R_all", "R_theday", "R_wdpart", "R_wdrel2", "R_clockw",
    "R_enfull", "R_vague", "R_wdset", "R_freq", "R_fiscal", "R_decmod",
)

#: "in" words that also introduce a span ("the highest in six years"): a date only in a future sentence
_SPAN_WORDS = frozenset({"in", "em", "en", "within", "binnen", "innerhalb", "entro", "inom", "dalam", "w", "σε", "i"})

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


class Resolved(NamedTuple):
    """A resolved mention: TIMEX3 value, type and optional mod."""

    value: str
    type: str
    mod: str | None = None


#: a definite "not a date": the scanner does not ask the fallback parser about it
NOT_A_DATE = Resolved("", "DATE")


class Ctx:
    """What the resolver knows about the document and the match; the sentence's tense is found on demand.

    ``used`` records whether the resolver looked at the text around the match (``text``, ``start``, ``end`` or a
    group's offset), ``asked`` whether it asked for the tense and ``dated`` whether it read the publication date:
    a result that did none of these depends on the match and the language alone, and the scanner may reuse it
    ("2023", "six weeks", "October 7, 2023" in any document)."""

    __slots__ = ("_end", "_pub", "_start", "_tense", "_tense_fn", "_text", "asked", "dated", "lex", "used")

    def __init__(
        self, lex: Lexicon, pub: dt.date | None, tense_fn: Callable[[], str | None], text: str, start: int, end: int
    ) -> None:
        self.lex = lex
        self._pub = pub
        self._text = text
        self._start = start
        self._end = end
        self._tense_fn = tense_fn
        self._tense: str | None = "?"
        self.used = False
        self.asked = False
        self.dated = False

    @property
    def pub(self) -> dt.date | None:
        """The publication date (reading it makes the result depend on it)."""
        self.dated = True
        return self._pub

    @property
    def text(self) -> str:
        """The whole text (reading it makes the result depend on more than the match)."""
        self.used = True
        return self._text

    @property
    def start(self) -> int:
        """Where the match starts in :attr:`text`."""
        self.used = True
        return self._start

    @property
    def end(self) -> int:
        """Where the match ends in :attr:`text`."""
        self.used = True
        return self._end

    @property
    def tense(self) -> str | None:
        """``"future"``, ``"past"`` or None: the nearest tense cue in the match's sentence."""
        self.asked = True
        if self._tense == "?":
            self._tense = self._tense_fn()
        return self._tense

    def tense_fn(self) -> str | None:
        """The sentence's tense (a bound method to hand to code that may not need it)."""
        return self.tense


def _group_names(index: Mapping[str, int]) -> dict[str, str | tuple[str, ...]]:
    """Short name -> the full group name of that name in a rule's pattern (a tuple of them, in pattern order,
    when the name repeats). Each rule is compiled on its own, so its groups all carry the same rule prefix."""
    out: dict[str, list[str]] = {}
    for full in sorted(index, key=index.__getitem__):
        if "__" not in full:
            continue
        name = full.split("__", 1)[1]
        base = name.rsplit("_", 1)[0] if name.rsplit("_", 1)[-1].isdigit() else name
        out.setdefault(base, []).append(full)
    names: dict[str, str | tuple[str, ...]] = {k: v[0] if len(v) == 1 else tuple(v) for k, v in out.items()}
    # every group of a clock time or part of day, under a key no group name can have: one call tells whether any
    # took part (most matches have none, and :func:`_time_suffix` is then done at once)
    names[_TIME_KEY] = tuple(full for short in _TIME_NAMES for full in out.get(short, ()))
    return names


#: the short names of the groups :func:`_time_suffix` reads before anything else, and the key of all their groups
_TIME_NAMES = ("part", "noon", "hh", "qh", "hw")
_TIME_KEY = "@time"


class RuleMatch:
    """A scanner match seen through the group names of the rule that matched (``month``, not ``R_mdy__month``)."""

    __slots__ = ("_ctx", "_names", "m", "rule")

    def __init__(
        self, m: Any, names: Mapping[str, str | tuple[str, ...]] | None = None, ctx: Ctx | None = None
    ) -> None:
        self.m = m
        self._ctx = ctx
        self._names: Mapping[str, str | tuple[str, ...]] = (
            names if names is not None else _group_names(m.re.groupindex)
        )
        last = m.lastgroup or ""
        self.rule: str | None = last.split("__", 1)[0] if last.startswith("R_") else None
        if self.rule is None:
            self._names = {}  # no rule matched: no short name reads a group

    def group(self, name: str | int = 0) -> Any:
        """The text of group ``name`` in the matched rule (the first repeat that took part), or None."""
        fulls = self._names.get(name)  # type: ignore[arg-type]
        if fulls.__class__ is str:  # the common case: a short name of one group of the rule
            return self.m.group(fulls)
        if fulls is not None:
            for value in self.m.group(*fulls):
                if value is not None:
                    return value
            return None
        if not isinstance(name, str):
            return self.m.group(name)
        if name.startswith("R_"):
            return self.m.group(name) if name in self.m.re.groupindex else None
        return None

    def any_time(self) -> bool:
        """Did any group of a clock time or part of day (``hh``, ``part`` ...) take part, with some text?"""
        fulls = self._names.get(_TIME_KEY)
        if not fulls:
            return False
        if len(fulls) == 1:
            return bool(self.m.group(fulls[0]))
        return any(self.m.group(*fulls))

    def start(self, name: str | int = 0) -> int:
        """Start offset of group ``name`` (-1 when it did not take part); an offset in the text, so reading it
        counts as looking at the text."""
        if self._ctx is not None:
            self._ctx.used = True
        if isinstance(name, int):
            return int(self.m.start(name))
        fulls = self._names.get(name, ()) if self.rule is not None else ()
        for full in (fulls,) if isinstance(fulls, str) else fulls:
            if self.m.group(full) is not None:
                return int(self.m.start(full))
        return -1


def _rule(m: Any) -> str | None:
    return m.rule if isinstance(m, RuleMatch) else None


def _g(m: Any, name: str) -> str | None:
    value = m.group(name)
    return value or None


def ymd(y: int, mo: int, d: int) -> str:
    """``YYYY-MM-DD``."""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        dt.date(y, mo, d)
    except ValueError:
        return False
    return True


def _number(ctx: Ctx, text: str | None) -> float | None:
    if text is None:
        return None
    key = fold(text)
    nums = ctx.lex.words.get("numbers", {})
    if key in nums:
        return float(nums[key])
    days = ctx.lex.words.get("day_words", {})
    if key in days:
        return float(days[key])
    digits = key.replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        try:
            return float(int(key))
        except ValueError:
            return None


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else (f"{n:.2f}".rstrip("0").rstrip("."))


def duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration value for ``n`` units (``None`` = unknown count, X)."""
    if unit in ("E", "C"):
        mult = 10 if unit == "E" else 100
        return f"P{_fmt(n * mult)}Y" if n is not None else "PXY"  # "two decades" P20Y, "decades" PXY (MEANTIME)
    if unit == "F":
        return f"P{_fmt(n * 2)}W" if n is not None else "PXW"
    if unit == "Q":
        return f"P{_fmt(n * 3)}M" if n is not None else "PXQ"
    if unit == "WE":
        return f"P{_fmt(n)}WE" if n is not None else "PXWE"
    if unit in ("H", "MIN", "S"):
        u = "M" if unit == "MIN" else unit
        if n is not None and not float(n).is_integer() and unit == "H":
            return f"PT{_fmt(n * 60)}M"
        return f"PT{_fmt(n)}{u}" if n is not None else f"PTX{u}"
    return f"P{_fmt(n)}{unit}" if n is not None else f"PX{unit}"


def _unit(ctx: Ctx, text: str | None) -> str | None:
    if text is None:
        return None
    unit: str | None = ctx.lex.words.get("units", {}).get(fold(text))
    return unit


def _which(ctx: Ctx, key_word: str | None, *keys: str) -> str | None:
    if key_word is None:
        return None
    k = fold(key_word)
    for key in keys:
        if k in ctx.lex.words.get(key, ()):
            return key
    return None


def _rel_kind(ctx: Ctx, word: str | None) -> str | None:
    """``last``, ``next`` or ``this`` for a relative word (before or after the noun)."""
    kind = _which(ctx, word, "last", "next", "this", "last_post", "next_post", "this_post")
    if kind is None:
        return None
    return kind.replace("_post", "")


def _mod(ctx: Ctx, word: str | None) -> str | None:
    kind = _which(ctx, word, "start", "mid", "end")
    return {"start": "START", "mid": "MID", "end": "END"}.get(kind or "")


def _approx(ctx: Ctx, word: str | None) -> str | None:
    kind = _which(ctx, word, "approx", "more_than", "less_than", "at_least", "at_most")
    return {
        "approx": "APPROX",
        "more_than": "MORE_THAN",
        "less_than": "LESS_THAN",
        "at_least": "EQUAL_OR_MORE",
        "at_most": "EQUAL_OR_LESS",
    }.get(kind or "")


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(y: int, mo: int, n: int) -> tuple[int, int]:
    total = y * 12 + (mo - 1) + n
    return total // 12, total % 12 + 1


def weekday_date(pub: dt.date, target: int, rel: str | None, tense: str | Callable[[], str | None] | None) -> dt.date:
    """The date of ISO weekday ``target`` relative to ``pub`` (news rule: most recent, or next in future tense).

    ``tense`` may be a callable: it is only asked when the answer depends on it."""
    cur = pub.isoweekday()
    if rel == "this":
        return pub + dt.timedelta(days=target - cur)
    if rel == "last":
        return pub - dt.timedelta(days=((cur - target) % 7) or 7)
    if rel == "next":
        return pub + dt.timedelta(days=((target - cur) % 7) or 7)
    if target == cur:
        return pub
    if callable(tense):
        tense = tense()
    if tense == "future":
        return pub + dt.timedelta(days=(target - cur) % 7)
    return pub - dt.timedelta(days=(cur - target) % 7)


def month_day_year(pub: dt.date, mo: int, d: int, tense: str | None) -> int:
    """The year that keeps month ``mo`` day ``d`` closest to ``pub`` in the sentence's tense."""
    cands = [(y, dt.date(y, mo, d)) for y in (pub.year - 1, pub.year, pub.year + 1) if _valid(y, mo, d)]
    if not cands:
        return pub.year
    if tense == "future":
        later = [c for c in cands if c[1] >= pub]
        if later:
            return min(later, key=lambda c: c[1])[0]
    if tense == "past":
        earlier = [c for c in cands if c[1] <= pub]
        soon = [c for c in cands if 0 < (c[1] - pub).days <= 7]
        if earlier and soon and (pub - max(earlier, key=lambda c: c[1])[1]).days > 180:
            # "said it will open on June 1" written on May 28: a date days ahead beats one a year back
            return soon[0][0]
        if earlier:
            return max(earlier, key=lambda c: c[1])[0]
    return min(cands, key=lambda c: (abs((c[1] - pub).days), c[1] > pub))[0]


def _day_of_month(ctx: Ctx, m: Any) -> Resolved | None:
    """A day of the month named without its month ("el viernes 9", "Friday 13th", "el día 18"): the nearest
    such day (with that weekday, when one is named) in the sentence's tense."""
    lex = ctx.lex
    if _g(m, "day") is not None:
        d = int(m.group("day"))
    else:
        dn = _number(ctx, _g(m, "dayw"))
        if dn is None or not float(dn).is_integer():
            return None
        d = int(dn)
    wdt = _g(m, "wd")
    wd = lex.weekdays.get(fold(wdt)) if wdt else None
    if wdt and wd is None:
        return None
    after_words = ctx.text[ctx.end : ctx.end + 30].split()
    if after_words:
        nxt = fold(after_words[0].strip(",.;:!?)"))
        if nxt in lex.words.get("not_after", ()) or nxt in lex.words.get("units", {}):
            return None
    pub = ctx.pub
    if pub is None:
        return Resolved(f"XXXX-WXX-{wd}" if wd else f"XXXX-XX-{d:02d}", "DATE")
    cands = []
    for k in range(-13, 14):
        y, mo = divmod(pub.year * 12 + pub.month - 1 + k, 12)
        mo += 1
        if _valid(y, mo, d) and (wd is None or dt.date(y, mo, d).isoweekday() == wd):
            cands.append(dt.date(y, mo, d))
    if not cands:
        return None
    tense = ctx.tense if wd is None else None  # a weekday and a day fit few dates: the nearest one
    if tense == "future" and any(c >= pub for c in cands):
        cands = [c for c in cands if c >= pub]
    elif tense == "past" and any(c <= pub for c in cands):
        cands = [c for c in cands if c <= pub]
    best = min(cands, key=lambda c: (abs((c - pub).days), c > pub))
    return Resolved(best.isoformat(), "DATE")


def month_year(pub: dt.date, mo: int, tense: str | None, rel: str | None = None) -> int:
    """The year of a month named without one."""
    cur = pub.year * 12 + pub.month - 1
    cands = [(y, y * 12 + mo - 1) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if rel == "last":
        return max((c for c in cands if c[1] < cur), key=lambda c: c[1])[0]
    if rel == "next":
        return min((c for c in cands if c[1] > cur), key=lambda c: c[1])[0]
    if rel == "this":
        return pub.year
    if tense == "future":
        return min((c for c in cands if c[1] >= cur), key=lambda c: c[1])[0]
    if tense == "past":
        if mo - 1 == (pub.month % 12) and pub.day >= 20:  # "early June" in late May: the coming month
            return pub.year + (1 if mo == 1 else 0)
        return max((c for c in cands if c[1] <= cur), key=lambda c: c[1])[0]
    return min(cands, key=lambda c: (abs(c[1] - cur), c[1] > cur))[0]


def _year_of(m: Any) -> int | None:
    y = _g(m, "year")
    return int(y) if y else None


_LATE_PARTS = frozenset({"AF", "EV", "NI"})



def _time_suffix(ctx: Ctx, m: Any, evening: bool = False) -> str | None:
    """``T15:00``, ``TMO`` ... from the time groups of a match, or None.

    A clock time wins over a part of day ("tomorrow morning at 8:30" is T08:30); after an afternoon, evening
    or night word (or ``evening``: "tonight at 8") a bare hour below 12 is in the afternoon."""
    if not m.any_time():
        return None  # no part of day, noon, hour or hour word: what the reads below come to
    words = ctx.lex.words
    part = _g(m, "part")
    code = words.get("parts", {}).get(fold(part)) if part is not None else None
    noon = _g(m, "noon")
    if noon is not None:
        return "T24:00" if fold(noon) in words.get("midnight", ()) else "T12:00"
    hh = _g(m, "hh")
    qh = _g(m, "qh")
    if hh is None and qh is None and _g(m, "hw") is not None:  # "ten o'clock", "zehn Uhr"
        n = _number(ctx, m.group("hw"))
        if n is None or not float(n).is_integer() or not 0 <= n <= 24:
            return None
        hh = str(int(n))
    if hh is None and qh is None:
        return f"T{code}" if code else None
    ampm = _g(m, "ampm")
    if qh is not None:  # "half past seven", "quarter to 8"
        n = _number(ctx, _g(m, "hw"))
        if n is None or not float(n).is_integer() or not 1 <= n <= 12:
            return None
        h, kind = int(n), _which(ctx, qh, "half_past", "quarter_past", "quarter_to", "half_to")
        mi = {"half_past": 30, "quarter_past": 15, "quarter_to": 45, "half_to": 30}.get(kind or "", 0)
        if kind in ("quarter_to", "half_to"):  # "a quarter to 8" is 7:45; German "halb 8" is 7:30
            h = h - 1 if h > 1 else 12
    else:
        assert hh is not None
        h = int(hh)
        mi = int(_g(m, "mi") or 0)
    ap = _g(m, "ap")
    if ap is not None and ampm is None:
        ampm = ap  # a meridiem word before the hour
    if ampm is not None:
        is_pm = fold(ampm) in words.get("pm", ()) or fold(ampm) in words.get("pm_pre", ())
        if h > 12:
            return None
        if is_pm and h < 12:
            h += 12
        elif not is_pm and h == 12:
            h = 0
    elif (evening or code in _LATE_PARTS) and 1 <= h < 12:
        h += 12
    tz = _g(m, "tz")
    zone = ""
    if tz is not None:
        zone = words.get("timezones", {}).get(fold(tz), "") or ""
    ss = _g(m, "ss")
    secs = f":{int(ss):02d}" if ss else ""
    return f"T{h:02d}:{mi:02d}{secs}{zone}"


def _day_value(ctx: Ctx, y: int | None, mo: int, d: int, ts: str | None) -> Resolved | None:
    """A month and day, in year ``y`` or the year nearest publication in the sentence's tense."""
    if y is None:
        if ctx.pub is None:
            return _with_time(f"XXXX-{mo:02d}-{d:02d}", ts)
        y = month_day_year(ctx.pub, mo, d, ctx.tense)
    if not _valid(y, mo, d):
        return None
    return _with_time(ymd(y, mo, d), ts)


def _with_time(date_value: str, ts: str | None, default_type: str = "DATE") -> Resolved:
    if ts is None:
        return Resolved(date_value, default_type)
    return Resolved(date_value + ts, "TIME")


def _period(pub: dt.date | None, unit: str, off: int = 0) -> str:
    """The day, week, month or year (``unit`` D, W, M, Y) ``off`` units from ``pub``; underspecified without one."""
    if pub is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[unit]
    if unit == "D":
        return (pub + dt.timedelta(days=off)).isoformat()
    if unit == "W":
        return _week(pub + dt.timedelta(weeks=off))
    if unit == "M":
        yy, mm = _add_months(pub.year, pub.month, off)
        return f"{yy:04d}-{mm:02d}"
    if unit == "Y":
        return f"{pub.year + off:04d}"
    raise KeyError(unit)


def resolve(m: Any, ctx: Ctx, names: Mapping[str, str | tuple[str, ...]] | None = None) -> Resolved | None:
    """The TIMEX3 value of scanner match ``m``, or None when the match is not a date after all."""
    m = RuleMatch(m, names, ctx)
    rule = m.rule
    if rule is None:
        return None
    branch = _BRANCHES.get(rule)
    return branch(m, ctx, ctx.lex, rule) if branch is not None else None


def _r_iso(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_iso."""
    y, mo, d = int(m.group("year")), int(m.group("mn")), int(m.group("day"))
    if not _valid(y, mo, d):
        return None
    ts = None
    if _g(m, "hh"):
        ts = f"T{m.group('hh')}:{m.group('mi')}" + ("Z" if _g(m, "tz") else "")
    return _with_time(ymd(y, mo, d), ts)


def _r_num(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_num."""
    a, b, c = int(m.group("na")), int(m.group("nb")), m.group("nc")
    y = int(c)
    if len(c) == 2:
        pivot = (ctx.pub.year % 100 + 10) if ctx.pub else 30
        y += 2000 if y <= pivot else 1900
    if m.group("sep") != "/" and len(c) != 4:
        return None
    mo, d = (a, b) if lex.order.startswith("M") else (b, a)
    if mo > 12 and d <= 12:
        mo, d = d, mo
    if not _valid(y, mo, d):
        return None
    return Resolved(ymd(y, mo, d), "DATE")


def _r_md(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_md."""
    a, b = int(m.group("na")), int(m.group("nb"))
    if (a < 10 and b < 10) or (a, b) in ((24, 7), (7, 24)):
        return None  # "1/2", "3/4" are fractions; "24/7" is "around the clock"
    mo, d = (a, b) if lex.order.startswith("M") else (b, a)
    if mo > 12 and d <= 12:
        mo, d = d, mo
    if mo > 12 or d > 31:
        return None
    if ctx.pub is None:
        return Resolved(f"XXXX-{mo:02d}-{d:02d}", "DATE")
    y = month_day_year(ctx.pub, mo, d, ctx.tense)
    return Resolved(ymd(y, mo, d), "DATE") if _valid(y, mo, d) else None


def _r_wdday(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_wdday or R_dayword or R_cjkday."""
    return _day_of_month(ctx, m)


def _r_dm(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_dm."""
    mo, d = int(m.group("mn")), int(m.group("day"))
    if ctx.pub is None:
        return Resolved(f"XXXX-{mo:02d}-{d:02d}", "DATE")
    y = month_day_year(ctx.pub, mo, d, ctx.tense)
    return Resolved(ymd(y, mo, d), "DATE") if _valid(y, mo, d) else None


def _r_cjk(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_cjk."""
    mo = int(m.group("mn"))
    y = _year_of(m)
    d = _g(m, "day")
    ts = _time_suffix(ctx, m)
    if d is None:
        if y is None:
            pub = ctx.pub
            return Resolved(f"{month_year(pub, mo, ctx.tense):04d}-{mo:02d}" if pub else f"XXXX-{mo:02d}", "DATE")
        return Resolved(f"{y:04d}-{mo:02d}", "DATE")
    return _day_value(ctx, y, mo, int(d), ts)


def _r_cjkyear(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_cjkyear or R_year2."""
    if _decade_follows(ctx, m):
        return None  # "1990년대", "1990年代": the decade rule reads it
    return Resolved(m.group("year"), "DATE")


def _r_mdy(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_mdy or R_dmy."""
    mtext = m.group("month")
    mo = lex.months.get(fold(mtext))
    if mo is None:
        return None
    if m.group("day") is not None:
        d = int(m.group("day"))
    else:
        dn = _number(ctx, m.group("dayw"))
        if dn is None or not float(dn).is_integer():
            return None
        d = int(dn)
    y = _year_of(m)
    if _lower_name(ctx, mtext) and fold(mtext) in lex.words.get("lower_ambiguous", ()) and y is None and (
        m.group("day") is None or (rule == "R_dmy" and not _strict_cue(ctx)) or _word_follows(ctx)
    ):
        return NOT_A_DATE  # "it may second the motion", "the 5 march", "may 5 times"
    is_abbrev = fold(mtext) not in lex.wide_months
    if is_abbrev and y is None and not mtext.endswith(".") and not lex.case_sensitive:
        return None  # "mar 3" in Spanish is the sea, not March
    return _day_value(ctx, y, mo, d, _time_suffix(ctx, m))


def _r_my(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_my."""
    mo = lex.months.get(fold(m.group("month")))
    if mo is None:
        return None
    return Resolved(f"{int(m.group('year')):04d}-{mo:02d}", "DATE")


def _r_quarter(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_quarter or R_q."""
    ordw = _g(m, "ord")
    y = _year_of(m)
    q = None
    if ordw is not None:
        q = int(ordw) if ordw.isdigit() else lex.words.get("ordinals", {}).get(fold(ordw))
    rel = _rel_kind(ctx, _g(m, "rel"))
    if q is None and rel is None:
        return None
    unit2 = _g(m, "unit2")
    if unit2 is not None and _unit(ctx, unit2) != "Y":
        return None  # "the first quarter of the month"
    if _g(m, "half") is not None:
        return _half(ctx, m, q, rel, y)
    if y is None:
        rel2 = _rel_kind(ctx, _g(m, "rel2"))
        if ctx.pub is None:
            return Resolved(f"XXXX-Q{q}" if q and q > 0 else "XXXX-QX", "DATE")
        y = ctx.pub.year + {"last": -1, "next": 1}.get(rel2 or "", 0)
        cur_q = (ctx.pub.month - 1) // 3 + 1
        if q is None:
            step = {"last": -1, "next": 1}.get(rel or "", 0)
            total = ctx.pub.year * 4 + cur_q - 1 + step
            return Resolved(f"{total // 4:04d}-Q{total % 4 + 1}", "DATE")
        if q == -1:
            q = 4
        if rel2 is None and q > cur_q and ctx.tense != "future":
            y -= 1
    if q is None or q < 1 or q > 4:
        return None
    return Resolved(f"{y:04d}-Q{q}", "DATE")


def _r_ago(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_ago or R_agob."""
    unit = _unit(ctx, m.group("unit"))
    if unit is None:
        return None
    n = _number(ctx, _g(m, "num"))
    ago_word = m.group("ago")
    future = _which(ctx, ago_word, "later", "later_before") is not None
    if rule == "R_agob" and future and ctx.tense != "future" and fold(ago_word) in _SPAN_WORDS:
        # "in six years" is a span ("the highest in six years") unless the sentence looks ahead
        n0 = _number(ctx, _g(m, "num"))
        if n0 is None:
            return None
        return Resolved(duration(n0, unit), "DURATION", _approx(ctx, _g(m, "approx")))
    mod = _approx(ctx, _g(m, "approx"))
    if n is None or _g(m, "some"):
        if unit in ("H", "MIN", "S") and ctx.pub is not None:
            return Resolved(ctx.pub.isoformat(), "DATE", mod)
        return Resolved("FUTURE_REF" if future else "PAST_REF", "DATE", mod)
    if ctx.pub is None:
        return Resolved(duration(n, unit), "DURATION", mod)
    sign = 1 if future else -1
    k = int(n) if float(n).is_integer() else None
    if k is None:
        return Resolved(duration(n, unit), "DURATION", mod)
    if unit in ("D",):
        return Resolved((ctx.pub + dt.timedelta(days=sign * k)).isoformat(), "DATE", mod)
    if unit in ("W", "F"):
        days = 7 * k * (2 if unit == "F" else 1)
        return Resolved((ctx.pub + dt.timedelta(days=sign * days)).isoformat(), "DATE", mod)
    if unit in ("M", "Q"):
        yy, mm = _add_months(ctx.pub.year, ctx.pub.month, sign * k * (3 if unit == "Q" else 1))
        return Resolved(f"{yy:04d}-{mm:02d}", "DATE", mod)
    if unit in ("Y", "E", "C"):
        mult = {"Y": 1, "E": 10, "C": 100}[unit]
        return Resolved(f"{ctx.pub.year + sign * k * mult:04d}", "DATE", mod)
    return Resolved(ctx.pub.isoformat(), "DATE", mod)


def _r_wdrel(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_wdrel or R_wdrel2."""
    unit = _unit(ctx, m.group("unit"))
    wd = lex.weekdays.get(fold(m.group("wd")))
    rel = _rel_kind(ctx, m.group("rel"))
    if unit != "W" or wd is None or rel is None:
        return None
    ts = _time_suffix(ctx, m)
    if ctx.pub is None:
        return _with_time(f"XXXX-WXX-{wd}", ts)
    step = {"last": -1, "next": 1, "this": 0}[rel]
    monday = ctx.pub - dt.timedelta(days=ctx.pub.isoweekday() - 1) + dt.timedelta(weeks=step)
    return _with_time((monday + dt.timedelta(days=wd - 1)).isoformat(), ts)


def _r_weekof(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_weekof."""
    mo = lex.months.get(fold(m.group("month")))
    n = lex.words.get("ordinals", {}).get(fold(m.group("ord")))
    if mo is None or not isinstance(n, int) or n == 0 or _unit(ctx, m.group("unit")) != "W":
        return None
    y = _year_of(m)
    if y is None:
        if ctx.pub is None:
            return None
        y = month_year(ctx.pub, mo, ctx.tense)
    m_first = dt.date(y, mo, 1)
    wk_first = m_first + dt.timedelta(days=(7 - m_first.isoweekday() + 1) % 7)
    m_next = dt.date(y + mo // 12, mo % 12 + 1, 1)
    if n > 0:
        wk_mon = wk_first + dt.timedelta(weeks=n - 1)
    else:  # the last week whose seven days all fall in the month
        wk_mon = m_next - dt.timedelta(days=7 + (m_next.isoweekday() - 1) % 7)
        if wk_mon + dt.timedelta(days=6) >= m_next:
            wk_mon -= dt.timedelta(weeks=1)
    if wk_mon.month != mo:
        return None
    return Resolved(_week(wk_mon), "DATE")


def _r_theunit(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_theunit."""
    units = lex.words.get("units", {})
    key = fold(m.group("unit"))
    unit = units.get(key)
    first = next((k for k, v in units.items() if v == unit), None)
    singular = key == first or key in lex.words.get("the_unit_words", ())  # fr "la journée", es "la jornada"
    if unit not in ("D", "W", "M", "Y") or not singular:  # singular only: "the days" is no date
        return None
    return Resolved(_period(ctx.pub, unit), "DATE")


def _r_rel(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_rel or R_relp."""
    rel = _rel_kind(ctx, _g(m, "rel") or _g(m, "relp"))
    target = m.group("target")
    mod = _mod(ctx, _g(m, "mod"))
    ts = _time_suffix(ctx, m)
    key = fold(target)
    relw = fold(_g(m, "rel") or _g(m, "relp") or "")
    if rel is None:
        return None
    # Indonesian "minggu lalu" is last week; a lower-case name counts where the lexicon allows it
    is_name = (
        not lex.case_sensitive
        or target[:1].isupper()
        or (bool(lex.words.get("lower_names")) and key not in lex.words.get("units", {}))
    )
    unit_too = not lex.case_sensitive and key in lex.words.get("units", {})  # ro "luni": months and Monday
    if is_name and key in lex.weekdays and key not in lex.months and not unit_too:
        wd = lex.weekdays[key]
        if ctx.pub is None:
            return _with_time(f"XXXX-WXX-{wd}", ts)
        return _with_time(weekday_date(ctx.pub, wd, rel, ctx.tense_fn).isoformat(), ts)
    if is_name and key in lex.months:
        mo = lex.months[key]
        if rel == "this" and _lower_name(ctx, target) and key in lex.words.get("lower_ambiguous", ()):
            return NOT_A_DATE  # "this march" is a protest
        if ctx.pub is None:
            return Resolved(f"XXXX-{mo:02d}", "DATE", mod)
        return Resolved(f"{month_year(ctx.pub, mo, ctx.tense, rel):04d}-{mo:02d}", "DATE", mod)
    seasons = lex.words.get("seasons", {})
    if key in seasons:
        code = seasons[key]
        if ctx.pub is None:
            return Resolved(f"XXXX-{code}", "DATE", mod)
        y = ctx.pub.year + {"last": -1, "next": 1}.get(rel, 0)
        return Resolved(f"{y:04d}-{code}", "DATE", mod)
    unit = lex.words.get("units", {}).get(key)
    if unit is None:
        return None
    before_rel = m.group(0)[: m.start("rel") - m.m.start()].split() if _g(m, "rel") else []
    the_before = bool(before_rel) and fold(before_rel[-1]) in lex.words.get("the", ())
    if rel == "last" and the_before and relw in lex.words.get("past_period", ()) and unit not in ("WE", "E", "C"):
        # "over the past year"; a plural unit without a count is some of them: "los últimos meses" PXM
        count = None if key in lex.words.get("vague_units", ()) else 1.0
        return Resolved(duration(count, unit), "DURATION", mod)
    step = {"last": -1, "next": 1, "this": 0}[rel]
    if ctx.pub is None:
        value = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX",
                 "WE": "XXXX-WXX-WE", "E": "XXX", "C": "XX"}.get(unit)
        return Resolved(value, "DATE", mod) if value else None
    if unit == "D":
        return _with_time((ctx.pub + dt.timedelta(days=step)).isoformat(), ts)
    if unit == "W":
        return Resolved(_week(ctx.pub + dt.timedelta(weeks=step)), "DATE", mod)
    if unit == "WE":
        return Resolved(_week(ctx.pub + dt.timedelta(weeks=step)) + "-WE", "DATE", mod)
    if unit == "M":
        yy, mm = _add_months(ctx.pub.year, ctx.pub.month, step)
        return Resolved(f"{yy:04d}-{mm:02d}", "DATE", mod)
    if unit == "Y":
        return Resolved(f"{ctx.pub.year + step:04d}", "DATE", mod)
    if unit == "Q":
        total = ctx.pub.year * 4 + (ctx.pub.month - 1) // 3 + step
        return Resolved(f"{total // 4:04d}-Q{total % 4 + 1}", "DATE", mod)
    if unit == "E":
        return Resolved(f"{(ctx.pub.year // 10 + step):03d}", "DATE", mod)
    if unit == "C":
        return Resolved(f"{(ctx.pub.year // 100 + step):02d}", "DATE", mod)
    return None


def _r_dur(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_dur or R_hdur."""
    unit = _unit(ctx, m.group("unit"))
    if unit is None:
        return None
    n = _number(ctx, _g(m, "num"))
    if n is None and not _g(m, "some"):
        return None
    if n is not None and unit == "Y" and 1500 <= n <= 2100 and float(n).is_integer() and _g(m, "num"):
        tail = ctx.text[m.start("num") + 4 : m.start("num") + 12].casefold()
        if tail.startswith(tuple(lex.words.get("decade_suffixes", ()))):
            return None  # "1990年代": the decade rule reads it
        return Resolved(f"{int(n):04d}", "DATE")  # "в 2025 году", "w 2025 roku": a year, not 2025 years
    if n is not None and (n <= 0 or n > 10000):
        return None
    if rule == "R_hdur" and (unit in ("WE", "Q") or _age_follows(ctx)):
        return None  # "three-quarters" is a fraction, "the 45-year-old" an age
    if unit == "WE":
        return None
    mod = _approx(ctx, _g(m, "approx"))
    if mod and _g(m, "rel"):  # "over the past 12 months" is "during", not "more than"
        mod = None
    return Resolved(duration(n, unit), "DURATION", mod)


def _r_vague(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_vague."""
    unit = _unit(ctx, m.group("unit"))
    if unit not in ("MIN", "H", "D", "W", "M", "Y", "E", "C"):
        return None
    if ctx.text[ctx.end : ctx.end + 3].lstrip()[:1].isdigit():
        return None  # "en los años 90", "in the years 2020-2022": a decade or a range, read by other rules
    return Resolved(duration(None, unit), "DURATION")


def _r_enfull(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_enfull."""
    from ._lexicon import _EN_MONTHS

    mo = _EN_MONTHS.get(m.group("enmonth").capitalize())
    y, d = int(m.group("year")), int(m.group("day"))
    return Resolved(ymd(y, mo, d), "DATE") if mo and _valid(y, mo, d) else NOT_A_DATE


def _r_wdpart(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_wdpart."""
    word = m.group("wdp")
    parts = lex.words.get("parts", {})
    for i in range(2, len(word) - 1):
        wd = lex.weekdays.get(fold(word[:i]))
        code = parts.get(fold(word[i:]))
        if wd is not None and code:
            ts = _time_suffix(ctx, m) if _g(m, "hh") or _g(m, "noon") or _g(m, "hw") else None
            rel = _rel_kind(ctx, _g(m, "rel"))
            day = f"XXXX-WXX-{wd}" if ctx.pub is None else weekday_date(ctx.pub, wd, rel, ctx.tense_fn).isoformat()
            return Resolved(day + (ts or f"T{code}"), "TIME")
    return NOT_A_DATE


def _r_all(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_all."""
    unit = _unit(ctx, m.group("unit"))
    return Resolved(duration(1, unit), "DURATION") if unit in ("D", "W", "M", "Y", "H") else NOT_A_DATE


def _r_theday(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_theday."""
    return _day_of_month(ctx, m) or NOT_A_DATE


def _r_same(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_same."""
    unit = _unit(ctx, m.group("unit"))
    if _g(m, "art") is None and not lex.words.get("same_alone"):
        return None  # "same day delivery"; nl "dezelfde dag" carries its article (`same_alone`)
    if unit not in ("D", "W", "M", "Y"):
        return NOT_A_DATE
    return Resolved(_period(ctx.pub, unit), "DATE")


def _r_holiday(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_holiday."""
    return _holiday(ctx, m)


def _r_century(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_century."""
    n_c = _century(ctx, m)
    if n_c is None:
        return NOT_A_DATE
    return Resolved(f"{n_c - 1:02d}", "DATE")


def _r_ym(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_ym."""
    return Resolved(f"{int(m.group('year')):04d}-{int(m.group('mn')):02d}", "DATE")


def _r_ymon(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_ymon."""
    mtext = m.group("month")
    mo = lex.months.get(fold(mtext))
    if mo is None or (_lower_name(ctx, mtext) and fold(mtext) in lex.words.get("lower_ambiguous", ())):
        return NOT_A_DATE
    return Resolved(f"{int(m.group('year')):04d}-{mo:02d}", "DATE")


def _r_decade(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_decade; a modifier before it ("the late 1990s", "a finales de los años 90") is its mod."""
    mod = _mod(ctx, _g(m, "mod")) or _pre_mod(ctx, _g(m, "pre"))
    dec = _g(m, "dec")
    if dec is not None:
        return Resolved(dec[:3], "DATE", mod)  # TimeML decade: "199" (MEANTIME "80s" -> 198)
    decw = _g(m, "decw")
    dec2: str | None
    if decw is not None:
        digit = lex.words.get("decade_words", {}).get(fold(decw))
        if not isinstance(digit, int) or not 1 <= digit <= 9:
            return NOT_A_DATE
        dec2 = f"{digit}0"
    else:
        dec2 = _g(m, "dec2")
    if dec2 is not None:
        century = 19 if ctx.pub is None or int(dec2) > ctx.pub.year % 100 else 20
        return Resolved(f"{century}{dec2[0]}", "DATE", mod)
    return None


def _pre_mod(ctx: Ctx, pre: str | None) -> str | None:
    """The mod of a decade's lead-in that opens with a modifier: es "a finales de los años" END, fr "au début des
    années" START."""
    if pre is None:
        return None
    words = fold(pre).split()
    for k in range(len(words) - 1, 0, -1):
        mod = _mod(ctx, " ".join(words[:k]))
        if mod is not None:
            return mod
    return None


def _r_mod(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_mod."""
    mod = _mod(ctx, m.group("mod"))
    y = _year_of(m)
    mtext = _g(m, "month")
    if mtext is not None:
        mo = lex.months.get(fold(mtext))
        if mo is None:
            return None
        if y is None:
            if ctx.pub is None:
                return Resolved(f"XXXX-{mo:02d}", "DATE", mod)
            y = month_year(ctx.pub, mo, ctx.tense or "past")
        return Resolved(f"{y:04d}-{mo:02d}", "DATE", mod)
    season = _g(m, "season")
    if season is not None:
        code = lex.words.get("seasons", {}).get(fold(season))
        if y is None and ctx.pub is None:
            return Resolved(f"XXXX-{code}", "DATE", mod)
        return Resolved(f"{y or ctx.pub.year if ctx.pub else y:04d}-{code}", "DATE", mod)
    unitm = _g(m, "unitm")
    if unitm is not None:
        unit = _unit(ctx, unitm)
        nxt_word = ctx.text[ctx.end : ctx.end + 30].split()[:1]
        decade_words = lex.words.get("decade_words", {})
        if nxt_word and (
            fold(nxt_word[0].strip(",.;:")) in decade_words
            or fold(unitm + " " + nxt_word[0].strip(",.;:")) in decade_words
            or re.fullmatch(r"['’]?[1-9]0|(?:1[5-9]|20)\d0", nxt_word[0].strip(",.;:"))
        ):
            return None  # "fine anni Novanta", "finales de los años 90": a decade, not this year
        if unit not in ("Y", "M", "W", "D") or ctx.pub is None or fold(unitm) in lex.words.get("vague_units", ()):
            return None  # "primi anni di vita": a plural unit is no current period
        if unit == "Y":
            return Resolved(f"{ctx.pub.year:04d}", "DATE", mod)
        if unit == "M":
            return Resolved(f"{ctx.pub.year:04d}-{ctx.pub.month:02d}", "DATE", mod)
        if unit == "W":
            return Resolved(_week(ctx.pub), "DATE", mod)
        return Resolved(ctx.pub.isoformat(), "DATE", mod)
    if y is None:
        return None
    return Resolved(f"{y:04d}", "DATE", mod)


def _r_season(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_season."""
    code = lex.words.get("seasons", {}).get(fold(m.group("season")))
    if code is None:
        return None
    y = _year_of(m)
    if y is None:
        if not _cue_before(ctx):
            return None
        if ctx.pub is None:
            return Resolved(f"XXXX-{code}", "DATE")
        y = ctx.pub.year
    return Resolved(f"{y:04d}-{code}", "DATE")


def _r_wd(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_wd."""
    wd = lex.weekdays.get(fold(m.group("wd")))
    if wd is None:
        return None
    ts = _time_suffix(ctx, m)
    if ctx.pub is None:
        return _with_time(f"XXXX-WXX-{wd}", ts)
    tense: Any = ctx.tense_fn
    ahead = lex.words.get("future_wd_preps")
    # only the bare name: "på tisdagen" (definite) is that Tuesday, "i tirsdags" the last one
    if ahead and not fold(m.group("wd")).endswith(("en", "s")):
        before = ctx.text[max(0, ctx.start - 20) : ctx.start].split()[-1:]
        if before and fold(before[0]) in ahead:
            tense = "future"  # da/nb/sv "på tirsdag" is the coming Tuesday ("i tirsdags" the last one)
    return _with_time(weekday_date(ctx.pub, wd, None, tense).isoformat(), ts)


def _r_relday(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_relday."""
    word = m.group("relday")
    kind = _which(ctx, word, "today", "yesterday", "tomorrow", "yesterday_or_tomorrow", "day_before_yesterday",
                  "day_after_tomorrow", "tonight", "last_night")
    if kind == "yesterday_or_tomorrow":
        kind = "tomorrow" if ctx.tense == "future" else "yesterday"
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "day_before_yesterday": -2, "day_after_tomorrow": 2,
              "tonight": 0, "last_night": -1}.get(kind or "")
    if offset is None:
        return None
    ts = _time_suffix(ctx, m, evening=kind in ("tonight", "last_night"))
    if kind in ("tonight", "last_night") and ts is None:
        ts = "TNI"
    if ctx.pub is None:
        if offset == 0 and ts is None:
            return Resolved("PRESENT_REF", "DATE")
        return _with_time("XXXX-XX-XX", ts)
    return _with_time((ctx.pub + dt.timedelta(days=offset)).isoformat(), ts)


def _r_relword(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_relword."""
    return _relword(ctx, str(lex.words.get("rel_words", {}).get(fold(m.group("relword")), "")))


def _r_thispart(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_thispart."""
    code = lex.words.get("parts", {}).get(fold(m.group("part")))
    if code is None:
        return None
    base = ctx.pub.isoformat() if ctx.pub else "XXXX-XX-XX"
    return Resolved(f"{base}T{code}", "TIME")


def _r_every(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_every."""
    wd = _g(m, "wd")
    if wd is not None:
        n_wd = lex.weekdays.get(fold(wd))
        ts = _time_suffix(ctx, m)  # "every Monday at 4pm" -> XXXX-WXX-1T16:00
        return Resolved(f"XXXX-WXX-{n_wd}{ts or ''}", "SET") if n_wd else None
    part = _g(m, "part")
    if part is not None:
        code = lex.words.get("parts", {}).get(fold(part))
        return Resolved(f"T{code}", "SET") if code else None
    unit = _unit(ctx, _g(m, "unit"))
    if unit is None:
        return None
    n = _number(ctx, _g(m, "num")) if _g(m, "num") else 1.0
    if n is not None and _g(m, "other") is not None:  # "every other day": every second one
        n *= 2
    return Resolved(duration(n, unit), "SET")


def _r_wdset(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_wdset: a habitual weekday ("on Fridays", "Sunday nights") is a set of that weekday."""
    plural = _g(m, "wdp")
    if plural is not None:
        # a capitalised word before it that does not open the sentence makes it part of a name
        before = ctx.text[max(0, ctx.start - 40) : ctx.start].split()[-2:]
        if (len(before) == 2 and before[1][:1].isupper() and before[0][-1:] not in ".!?:;\"”'’»") or (
            len(after := ctx.text[ctx.end : ctx.end + 30].split()[:2]) == 2
            and after[1][:1].isupper()
            and fold(after[0]) in ("for", "of")
        ):
            return NOT_A_DATE  # inside a name: "TGI Fridays", "Happy Mondays", "Fridays for Future"
        suffix = str(lex.words.get("wd_plural_suffix") or "")
        name = plural[: len(plural) - len(suffix)] if suffix and plural.endswith(suffix) else plural
    else:
        name = m.group("wd")
    n_wd = lex.weekdays.get(fold(name))
    if not n_wd:
        return None
    part = _g(m, "pp")
    code = lex.words.get("parts_plural", {}).get(fold(part)) if part is not None else ""
    # a clock time wins over the part of day: "Sunday nights at 9" is 21:00 every Sunday
    ts = _time_suffix(ctx, m, evening=code in ("AF", "EV", "NI"))
    return Resolved(f"XXXX-WXX-{n_wd}" + (ts or (f"T{code}" if code else "")), "SET")


def _r_fiscal(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_fiscal: "fiscal 2023", "FY2024" are the fiscal year (TimeML ``FY2023``)."""
    return Resolved(f"FY{m.group('year')}", "DATE")


def _r_freq(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_freq: "twice a year", "three times a week" happen in every such unit (TimeML SET P1Y)."""
    unit = _unit(ctx, _g(m, "unit"))
    return Resolved(duration(1.0, unit), "SET") if unit is not None else None


def _r_set(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_set."""
    value = lex.words.get("sets", {}).get(fold(m.group("set")))
    return Resolved(str(value), "SET") if value else None


def _r_time(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_time or R_clockw."""
    ts = _time_suffix(ctx, m)
    if ts is None:
        return None
    if _g(m, "hh") and not (_g(m, "mi") or _g(m, "ampm") or _g(m, "tz")):
        pass  # "15 Uhr", "3 o'clock": still a time
    base = ctx.pub.isoformat() if ctx.pub else "XXXX-XX-XX"
    return Resolved(base + ts, "TIME")


def _r_ref(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_ref."""
    kind = _which(ctx, m.group("ref"), "present", "past", "future")
    value = {"present": "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF"}.get(kind or "")
    return Resolved(value, "DATE") if value else None


def _r_month(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_month."""
    mtext = m.group("month")
    mo = lex.months.get(fold(mtext))
    attached = m.start("month") > m.m.start()  # an attached preposition: Hebrew בינואר, Arabic وفي
    if mo is None or (
        ctx.lex.spaced
        and not attached
        and fold(mtext) not in lex.words.get("months_alone", ())  # fi "maaliskuussa", hu "márciusban"
        and not _case_ending_follows(ctx)  # tr "Mart'ta"
        and not _cue_before(ctx, month=True)
        and not _post_mod_follows(ctx)
    ):
        return None
    if _lower_name(ctx, mtext) and not _strict_cue(ctx):
        return NOT_A_DATE  # "to march", "and may": a lower-case month alone needs "in", "since", "in the" ...
    if lex.words.get("months_lower") and mtext[:1].isupper() and not mtext.isupper() and _inside_sentence(ctx):
        return NOT_A_DATE  # fr "la mission vers Mars": a month the language writes in lower case, capitalised
    if ctx.pub is None:
        return Resolved(f"XXXX-{mo:02d}", "DATE")
    # a month named alone in a news story is most often a past one
    return Resolved(f"{month_year(ctx.pub, mo, ctx.tense or 'past'):04d}-{mo:02d}", "DATE")


#: characters read on each side of a match for the case of its line (a long line is judged by that window, so the
#: cost per match stays bounded on texts of one very long line)
_LINE_WINDOW = 200


def _inside_sentence(ctx: Ctx) -> bool:
    """The match stands after a word of running text in lower case (not at a sentence or line start, nor in a
    headline written in capitals or title case, where a capital says nothing)."""
    text, start, end = ctx.text, ctx.start, ctx.end
    lo = max(0, start - _LINE_WINDOW)
    line_start = text.rfind("\n", lo, start) + 1 or lo
    before = text[max(line_start, start - 40) : start].split()
    if not before or before[-1][-1:] in ".!?:;\"“”«»—–-(":
        return False
    line_end = text.find("\n", end, end + _LINE_WINDOW)
    words = text[line_start : line_end if line_end >= 0 else end + _LINE_WINDOW].split()
    lower = sum(1 for w in words if w[:1].islower())
    return before[-1][:1].islower() and lower * 2 >= len(words)


def _r_weekend(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_weekend."""
    if ctx.pub is None:
        return Resolved("XXXX-WXX-WE", "DATE")
    rel = _rel_kind(ctx, _g(m, "rel") or _g(m, "relp"))
    step = {"last": -1, "next": 1}.get(rel or "", 0)
    return Resolved(_week(ctx.pub + dt.timedelta(weeks=step)) + "-WE", "DATE")


def _r_year(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_year."""
    y = int(m.group("year"))
    if _decade_follows(ctx, m):
        return None  # "1990-е", "1990'lar": the decade rule reads it
    if not _year_ok(ctx, m):
        return None
    if len(m.group(0).strip()) > 4:  # an explicit year word follows: "2025 yılında"
        return Resolved(f"{y:04d}", "DATE")
    nxt = ctx.text[ctx.end : ctx.end + 24].split()
    if nxt and fold(nxt[0].strip(",.;:!?)।")) in lex.words.get("preps", ()) and lex.words.get("suffix"):
        return Resolved(f"{y:04d}", "DATE")  # a postposition follows: "2025 में"
    after = ctx.text[ctx.end : ctx.end + 3]
    range_end = _YEAR_RANGE_END.search(ctx.text[max(0, ctx.start - 6) : ctx.start]) is not None
    if (_YEAR_RANGE.match(ctx.text, ctx.end) or range_end) and not (
        range_end and _NUMBER_CHAIN.match(ctx.text, ctx.end)
    ):
        return Resolved(f"{y:04d}", "DATE")  # "2014-2018": two years
    if _NUMBER_CHAIN.match(ctx.text, ctx.end) or ctx.text[max(0, ctx.start - 1) : ctx.start] in ("-", "–"):
        return NOT_A_DATE  # "2015-32", "138-2010-2015": a number chain, not a year
    head = ctx.text[max(0, ctx.start - 3) : ctx.start].rstrip(" \"“'‘«(")
    sentence_start = head == "" or head[-1:] in ".!?\n"  # "2020 was a hard year."
    if (not _cue_before(ctx) or _conj_only(ctx)) and not sentence_start and not (
        after[:1] in ("", ",", ";", ":", ")", "!", "?") or (after[:1] == "." and not after[1:2].isdigit())
    ):
        return None
    return Resolved(f"{y:04d}", "DATE")


def _r_yy(m: RuleMatch, ctx: Ctx, lex: Lexicon, rule: str) -> Resolved | None:
    """A match of R_yy."""
    if not _cue_before(ctx):
        return None
    yy = int(m.group("yy"))
    century = 19 if ctx.pub is None or yy > ctx.pub.year % 100 else 20
    return Resolved(f"{century}{yy:02d}", "DATE")


#: rule -> the function that resolves its matches (one look-up instead of a chain of comparisons)
_BRANCHES: dict[str, Callable[[RuleMatch, Ctx, Lexicon, str], Resolved | None]] = {
    "R_iso": _r_iso,
    "R_num": _r_num,
    "R_md": _r_md,
    "R_wdday": _r_wdday,
    "R_dayword": _r_wdday,
    "R_cjkday": _r_wdday,
    "R_dm": _r_dm,
    "R_cjk": _r_cjk,
    "R_cjkyear": _r_cjkyear,
    "R_year2": _r_cjkyear,
    "R_mdy": _r_mdy,
    "R_dmy": _r_mdy,
    "R_my": _r_my,
    "R_quarter": _r_quarter,
    "R_q": _r_quarter,
    "R_ago": _r_ago,
    "R_agob": _r_ago,
    "R_wdrel": _r_wdrel,
    "R_wdrel2": _r_wdrel,
    "R_weekof": _r_weekof,
    "R_theunit": _r_theunit,
    "R_rel": _r_rel,
    "R_relp": _r_rel,
    "R_dur": _r_dur,
    "R_hdur": _r_dur,
    "R_vague": _r_vague,
    "R_enfull": _r_enfull,
    "R_wdpart": _r_wdpart,
    "R_all": _r_all,
    "R_theday": _r_theday,
    "R_same": _r_same,
    "R_holiday": _r_holiday,
    "R_century": _r_century,
    "R_ym": _r_ym,
    "R_ymon": _r_ymon,
    "R_decade": _r_decade,
    "R_mod": _r_mod,
    "R_season": _r_season,
    "R_wd": _r_wd,
    "R_relday": _r_relday,
    "R_relword": _r_relword,
    "R_thispart": _r_thispart,
    "R_every": _r_every,
    "R_wdset": _r_wdset,
    "R_freq": _r_freq,
    "R_decmod": _r_decade,
    "R_fiscal": _r_fiscal,
    "R_set": _r_set,
    "R_time": _r_time,
    "R_clockw": _r_time,
    "R_ref": _r_ref,
    "R_month": _r_month,
    "R_weekend": _r_weekend,
    "R_year": _r_year,
    "R_yy": _r_yy,
}


def _half(ctx: Ctx, m: Any, h: int | None, rel: str | None, y: int | None) -> Resolved | None:
    """A half year: "the first half of 2023" 2023-H1, "the second half of this year", "first-half profit"."""
    pub = ctx.pub
    rel2 = _rel_kind(ctx, _g(m, "rel2"))
    if y is None and _g(m, "unit2") is None and _g(m, "hy") is None:
        return None  # "in the second half" of a match; "the first half of March" is read by the later rules
    if h == -1:
        h = 2
    if y is None:
        if pub is None:
            return Resolved(f"XXXX-H{h}" if h in (1, 2) else "XXXX-HX", "DATE")
        cur_h = 1 if pub.month <= 6 else 2
        if h is None:  # "the last half", "the next half"
            total = pub.year * 2 + cur_h - 1 + {"last": -1, "next": 1}.get(rel or "", 0)
            return Resolved(f"{total // 2:04d}-H{total % 2 + 1}", "DATE")
        y = pub.year + {"last": -1, "next": 1}.get(rel2 or "", 0)
        if rel2 is None and h > cur_h and ctx.tense != "future":
            y -= 1
    if h not in (1, 2):
        return None
    return Resolved(f"{y:04d}-H{h}", "DATE")


def easter(year: int) -> dt.date:
    """Western Easter Sunday of ``year`` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * mm + 114) // 31
    day = (h + ll - 7 * mm + 114) % 31 + 1
    return dt.date(year, month, day)


_HOLIDAY = re.compile(r"^(?:(?P<mo>\d\d)-(?P<d>\d\d)|E(?P<off>[+-]\d+)|(?P<nmo>\d\d):(?P<n>-?[1-5]):(?P<wd>[1-7]))$")


def holiday_date(code: str, year: int) -> dt.date | None:
    """The date of holiday ``code`` in ``year``: ``MM-DD`` fixed, ``E+N`` days after Easter, ``MM:N:WD`` the
    Nth (-1 = last) ISO weekday WD of month MM ("11:4:4" is the fourth Thursday of November)."""
    m = _HOLIDAY.match(code)
    if m is None:
        return None
    if m.group("mo"):
        mo, d = int(m.group("mo")), int(m.group("d"))
        return dt.date(year, mo, d) if _valid(year, mo, d) else None
    if m.group("off"):
        return easter(year) + dt.timedelta(days=int(m.group("off")))
    mo, n, wd = int(m.group("nmo")), int(m.group("n")), int(m.group("wd"))
    if not 1 <= mo <= 12:
        return None
    if n > 0:
        first = dt.date(year, mo, 1)
        day = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    else:
        nxt = dt.date(year + mo // 12, mo % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.isoweekday() - wd) % 7)
    return day if day.month == mo else None


def _holiday(ctx: Ctx, m: Any) -> Resolved | None:
    """A named holiday: in the year given, else the one nearest publication in the sentence's tense."""
    code = str(ctx.lex.words.get("holidays", {}).get(fold(m.group("hol")), ""))
    y = _year_of(m)
    ts = _time_suffix(ctx, m)
    rel = _rel_kind(ctx, _g(m, "rel"))
    pub = ctx.pub
    if y is None and pub is None:
        if code[:1].isdigit() and "-" in code:
            return _with_time(f"XXXX-{code}", ts)
        return NOT_A_DATE
    if y is not None:
        day = holiday_date(code, y)
        return _with_time(day.isoformat(), ts) if day else NOT_A_DATE
    assert pub is not None
    cands = [c for c in (holiday_date(code, yy) for yy in (pub.year - 1, pub.year, pub.year + 1)) if c is not None]
    if not cands:
        return NOT_A_DATE
    if rel == "last":
        before = [c for c in cands if c < pub]
        day = max(before) if before else cands[0]
    elif rel == "next":
        after = [c for c in cands if c > pub]
        day = min(after) if after else cands[-1]
    elif rel == "this":
        day = next((c for c in cands if c.year == pub.year), cands[0])
    else:
        tense = ctx.tense
        pool = cands
        if tense == "future" and any(c >= pub for c in cands):
            pool = [c for c in cands if c >= pub]
        elif tense == "past" and any(c <= pub for c in cands):
            pool = [c for c in cands if c <= pub]
        day = min(pool, key=lambda c: (abs((c - pub).days), c > pub))
    return _with_time(day.isoformat(), ts)


_ROMAN = {"I": 1, "V": 5, "X": 10}
_YEAR_RANGE = re.compile(r"[-–](?:1[5-9]|20)\d\d(?!\d|[-–/]\d)")
_YEAR_RANGE_END = re.compile(r"(?:^|[^\d\-–+/])(?:1[5-9]|20)\d\d[-–]$")
_NUMBER_CHAIN = re.compile(r"\s?[-–/]\s?\d")


def _century(ctx: Ctx, m: Any) -> int | None:
    """The ordinal of a century match (15 for "15th century", "XV", "fifteenth"), or None."""
    n: float | None
    if _g(m, "cnum") is not None:
        n = float(m.group("cnum"))
    elif _g(m, "cword") is not None:
        n = _number(ctx, m.group("cword"))
    elif _g(m, "roman") is not None:
        digits = [_ROMAN[c] for c in m.group("roman")]
        n = float(sum(-d if i + 1 < len(digits) and d < digits[i + 1] else d for i, d in enumerate(digits)))
    else:
        return None
    if n is None or not float(n).is_integer() or not 1 <= n <= 22:
        return None
    return int(n)


_RELWORD = re.compile(r"^(?P<unit>[DWMY])(?P<off>[+-]?\d+)(?P<part>T[A-Z]{2})?$")


def _relword(ctx: Ctx, code: str) -> Resolved | None:
    """A one-word relative date from the lexicon: ``Y-1`` (πέρυσι), ``D0TMO`` (stamattina), ``W0`` (השבוע)."""
    m = _RELWORD.match(code)
    if m is None:
        return None
    unit, off, part = m.group("unit"), int(m.group("off")), m.group("part")
    value = _period(ctx.pub, unit, off)
    if part:
        return Resolved(value + part, "TIME")
    return Resolved(value, "DATE")


def _lower_name(ctx: Ctx, name: str) -> bool:
    """Is ``name`` a month or weekday written in lower case in a language that capitalises them?"""
    return ctx.lex.case_sensitive and name[:1].islower()


def _word_follows(ctx: Ctx) -> bool:
    """Does a lower-case word that is not a preposition or conjunction follow the match ("may 5 times")?"""
    after = ctx.text[ctx.end : ctx.end + 30].split()
    if not after or not after[0][:1].isalpha() or not after[0][:1].islower():
        return False
    words = ctx.lex.words
    w = fold(after[0].strip(",.;:!?)"))
    return not any(w in words.get(k, ()) for k in ("preps", "the", "conn", "at", "am", "pm"))


def _strict_cue(ctx: Ctx) -> bool:
    """Is the match introduced by a word of ``lower_month_cues`` ("in", "since"), perhaps with "the" between?"""
    before = ctx.text[max(0, ctx.start - 30) : ctx.start].split()
    words = ctx.lex.words
    cues = words.get("lower_month_cues", ())
    if before and fold(before[-1]) in words.get("the", ()):
        before = before[:-1]
    return bool(before) and fold(before[-1]) in cues


def _decade_follows(ctx: Ctx, m: Any) -> bool:
    """Does a decade suffix of the language follow the year's digits ("1990년대", "1990-е")?"""
    at = m.start("year") + 4
    tail = ctx.text[at : at + 8].casefold()
    return tail.startswith(tuple(ctx.lex.words.get("decade_suffixes", ())))


def _age_follows(ctx: Ctx) -> bool:
    """Is the match followed by "-old" ("the 45-year-old")? The words are the lexicon's ``age_words``."""
    tail = ctx.text[ctx.end : ctx.end + 12]
    if tail[:1] not in ("-", "‐"):
        return False
    word = tail[1:].split()[:1]
    return bool(word) and fold(word[0].strip(",.;:!?)'’")) in ctx.lex.words.get("age_words", ())


def _conj_only(ctx: Ctx) -> bool:
    """Is the word before the match a conjunction (``conj``: "and", "or") with no year or month just before it
    ("between 2019 and 2020" is a range; "15 died and 2000 were evacuated" no year)?"""
    conj = ctx.lex.words.get("conj", ())
    before = ctx.text[max(0, ctx.start - 60) : ctx.start].split()
    if not conj or not before or fold(before[-1]) not in conj:
        return False
    for word in before[-4:-1]:
        token = word.strip(",.;:!?()")
        if _YEAR_TOKEN.fullmatch(token) or fold(token) in ctx.lex.months:
            return False
    return True


_YEAR_TOKEN = re.compile(r"(?:1[5-9]|2[01])\d\d")


def _case_ending_follows(ctx: Ctx) -> bool:
    """Does an apostrophe and one of the language's case endings (``suffix``) follow the match (tr "Mart'ta")?"""
    suffix = ctx.lex.words.get("suffix")
    if not suffix or not isinstance(suffix, str) or ctx.text[ctx.end : ctx.end + 1] not in ("'", "’"):
        return False
    try:
        return re.match(f"(?:{suffix})(?!\\w)", ctx.text[ctx.end : ctx.end + 12]) is not None
    except re.error:
        return False


def _post_mod_follows(ctx: Ctx) -> bool:
    """Does a postposed modifier follow the match (fi "kesäkuun alussa", hu "június elején", tr "Ocak sonunda")?"""
    after = ctx.text[ctx.end : ctx.end + 30].split()[:1]
    if not after:
        return False
    word = fold(after[0].strip(",.;:!?)"))
    words = ctx.lex.words
    for key in ("start_post", "mid_post", "end_post"):
        for post in words.get(key, ()):
            if word == post or (ctx.lex.anchor_open_end and word.startswith(post) and len(word) - len(post) <= 3):
                return True
    return False


def _cue_before(ctx: Ctx, month: bool = False) -> bool:
    """Is the word before the match a preposition, determiner or modifier that introduces a date?"""
    before = ctx.text[max(0, ctx.start - 40) : ctx.start].split()
    if not before:
        return False
    words = ctx.lex.words
    for n in (1, 2, 3):
        if len(before) < n:
            break
        key = fold(" ".join(before[-n:]))
        for list_name in ("preps", "the", "conn", "last", "next", "this", "start", "mid", "end"):
            if key in words.get(list_name, ()):
                return True
        if n == 1 and words.get("units", {}).get(key) == "Y":  # "im Jahr 2025", "in the year 2025"
            return True
    return False


def _year_ok(ctx: Ctx, m: Any) -> bool:
    """Reject four-digit numbers that are quantities, not years."""
    y = int(m.group("year"))
    if y < 1800 and not _cue_before(ctx):
        return False
    before = ctx.text[max(0, ctx.start - 20) : ctx.start].rstrip()
    words = ctx.lex.words
    not_before = words.get("not_before", ())
    if not_before:
        folded = before.casefold()
        if folded.endswith(tuple(not_before)):
            return False
    after = ctx.text[ctx.end : ctx.end + 20].split()
    if after:
        nxt = fold(after[0].strip(",.;:!?)"))
        if nxt in words.get("not_after", ()) or nxt in words.get("units", {}):
            return False
    prev = before.split()[-2:] if before else []
    if prev:
        last = fold(prev[-1])
        if last in words.get("approx", ()) or last in words.get("more_than", ()) or last in words.get("less_than", ()):
            return False
    return True
