"""Run a language's scanner over a text once and resolve each match."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from typing import Any

from .._resources import cached
from ._lexicon import _CATEGORY_RULES, Lexicon, fold, lexicon
from ._resolve import Ctx, Resolved, _group_names, resolve

__all__ = ["scan", "tense_at"]

_SENTENCE_END = frozenset(".!?。！？\n;")
_WINDOW = 240
_TENSE_BEFORE = 90
_TENSE_AFTER = 60

#: rules whose matches are dates for sure; when the rules fail on one, dateparser may be asked
_FALLBACK_RULES = ("R_mdy", "R_dmy", "R_my")


_BOUNDARY = re.compile(r"[!?。！？\n;]|\.(?=\s|$)")


def _is_end(text: str, i: int) -> bool:
    """Is the boundary character at ``i`` a sentence end ("Oct. 7" and "U.S. officials" are not)?"""
    if text[i] != ".":
        return True
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return not (0 < len(word) <= 4 and word[:1].isupper()) and not (j > 0 and text[j - 1] == ".")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around ``text[start:end]`` (at most a window either side)."""
    lo = max(0, start - _WINDOW)
    s = lo
    for b in _BOUNDARY.finditer(text, lo, start):
        if _is_end(text, b.start()):
            s = b.end()
    hi = min(len(text), end + _WINDOW)
    e = hi
    for b in _BOUNDARY.finditer(text, end, hi):
        if _is_end(text, b.start()):
            e = b.start()
            break
    return s, e


def tense_at(lex: Lexicon, text: str, start: int, end: int) -> str | None:
    """``"future"``, ``"past"`` or None: the tense cue nearest to ``text[start:end]`` in its sentence."""
    s, e = _sentence(text, start, end)
    s = max(s, start - _TENSE_BEFORE)
    e = min(e, end + _TENSE_AFTER)
    best: tuple[int, str] | None = None
    for m in lex.tense.finditer(text, s, e):
        if start <= m.start() < end:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        kind = "future" if m.lastgroup in ("fut", "fut2", "fut3") else "past"
        if m.lastgroup in ("fut2", "past2", "fut3"):
            dist += 25  # a verb ending is a weaker cue than an auxiliary or a time word
        # a cue before the date weighs more than one after it
        if m.start() >= end:
            dist += 12
        if best is None or dist < best[0]:
            best = (dist, kind)
    return best[1] if best else None


def _fallback(span: str, lang: str, pub: dt.date | None) -> Resolved | None:
    from ._fallback import parse

    return parse(span, lang, pub)


_BACK_WORDS = 4
_BACK_CHARS = 64


_WORD = re.compile(r"[^\s(\"“'‘«\-/]+")


def _starts(lex: Lexicon, text: str, a: int, floor: int) -> list[int]:
    """Candidate match starts for an anchor at ``a``: starter words up to a few words back, earliest first."""
    if not lex.spaced:
        return list(range(max(floor, a - 6), a + 1))
    lo = max(floor, a - _BACK_CHARS)
    nl = text.rfind("\n", lo, a)
    if nl >= 0:
        lo = nl + 1
    starts = []
    for w in list(_WORD.finditer(text, lo, a))[-_BACK_WORDS:]:
        ws = w.start()
        if ws > lo and not (text[ws - 1].isspace() or text[ws - 1] in "(\"“'‘«-/"):
            continue
        word = fold(w.group().rstrip(",;:"))
        if word in lex.starters or lex.prefixed:
            starts.append(ws)
    starts.append(a)
    return starts


_DIGIT_RULES = frozenset(_CATEGORY_RULES["digit"])
_ALL_RULES = frozenset(r for rules in _CATEGORY_RULES.values() for r in rules)
_RETRY = frozenset({"R_wdday", "R_dayword"})


def _pattern(lex: Lexicon, rules: frozenset[str]) -> Any:
    """The scanner pattern restricted to ``rules`` (compiled once per language and rule set)."""

    def build() -> Any:
        pattern = re.compile("|".join(f"(?:{body})" for tag, body in lex.rules if tag in rules))
        return pattern, _group_names(pattern.groupindex)

    return cached(("newsnorm.dates", "pattern", lex.lang, rules), build)


def _rules_at(lex: Lexicon, a_m: Any) -> frozenset[str] | None:
    """The rules an anchor can take part in; None when unknown (then every rule is tried)."""
    word = a_m.group()
    if word[:1].isdigit() or word in ("Q", "q", "'", "’"):
        return _DIGIT_RULES
    found = lex.word_rules.get(fold(word))
    if found is None and lex.prefixed:
        for cut in (1, 2):
            found = lex.word_rules.get(fold(word[cut:]))
            if found is not None:
                break
    return found


def _matches(lex: Lexicon, text: str) -> list[Any]:
    """The scanner's matches: anchored attempts near each anchor, left to right, never overlapping."""
    out: list[Any] = []
    last_end = 0
    for a_m in lex.anchor.finditer(text):
        a = a_m.start()
        if a < last_end:
            continue
        if a > 0 and text[a].isdigit() and (
            text[a - 1].isdigit() or (text[a - 1] in ",." and a > 1 and text[a - 2].isdigit())
        ):
            continue
        rules = _rules_at(lex, a_m)
        pattern, names = _pattern(lex, _ALL_RULES if rules is None else rules)
        for s in _starts(lex, text, a, last_end):
            m = pattern.match(text, s)
            if m is not None and m.end() > a:
                out.append((m, names))
                last_end = m.end()
                break
    return out


def _digit_table() -> tuple[dict[int, int], Any]:
    """Every non-ASCII Unicode decimal digit (Arabic-Indic, Persian, Devanagari, fullwidth ...) mapped to ASCII,
    and a pattern that finds one (a character class of their ranges, fast to scan)."""
    import sys
    import unicodedata

    table: dict[int, int] = {}
    for cp in range(0x80, sys.maxunicode + 1):
        if unicodedata.category(chr(cp)) == "Nd":
            table[cp] = ord("0") + unicodedata.digit(chr(cp))
    ranges: list[tuple[int, int]] = []
    for cp in sorted(table):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    cls = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return table, re.compile(f"[{cls}]")


def _ascii_digits(text: str) -> str:
    """``text`` with every decimal digit in ASCII; the same length, so offsets carry over."""
    if text.isascii():
        return text
    table, finder = cached(("newsnorm.dates", "digits"), _digit_table)
    if finder.search(text) is None:
        return text
    return text.translate(table)


def scan(
    text: str, lang: str, pub: dt.date | None, *, fallback: bool = True
) -> list[tuple[int, int, str, str, str | None]]:
    """Find and resolve dates: ``(start, end, value, type, mod)`` tuples in text order."""
    lex = lexicon(lang)
    if lex is None or not text:
        return []
    out: list[tuple[int, int, str, str, str | None]] = []
    text = _ascii_digits(text)
    for m, names in _matches(lex, text):
        start, end = m.span()
        if end <= start:
            continue
        # trim spaces and commas a span may carry at its edges
        while end > start and text[end - 1] in " ,\t\n":
            end -= 1
        while start < end and text[start] in " ,\t\n":
            start += 1
        if end <= start:
            continue
        ctx = Ctx(lex, pub, partial(tense_at, lex, text, start, end), text, start, end)
        try:
            res = resolve(m, ctx, names)
        except (ValueError, OverflowError, KeyError, TypeError, IndexError, AttributeError):
            res = None
        if res is None and (m.lastgroup or "").split("__", 1)[0] in _RETRY:
            # a weekday (or "día") with a number that is not its day: read the match again without that rule
            m2 = _pattern(lex, _ALL_RULES - _RETRY)[0].match(text, m.start())
            if m2 is not None and m2.end() > m2.start():
                start, end = m2.start(), m2.end()
                while end > start and text[end - 1] in " ,\t\n":
                    end -= 1
                ctx = Ctx(lex, pub, partial(tense_at, lex, text, start, end), text, start, end)
                try:
                    res = resolve(m2, ctx, _pattern(lex, _ALL_RULES - _RETRY)[1])
                except (ValueError, OverflowError, KeyError, TypeError, IndexError, AttributeError):
                    res = None
        if res is None and fallback and any(r in m.re.groupindex and m.group(r) is not None for r in _FALLBACK_RULES):
            from . import _count

            _count("fallback_calls")
            res = _fallback(text[start:end], lang, pub)
        if res is None or not res.value:
            continue
        out.append((start, end, res.value, res.type, res.mod))
    return out
