"""Run a language's scanner over a text once and resolve each match."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from itertools import islice
from typing import Any

from .._resources import cached
from ._combine import Item, combine
from ._lexicon import _CATEGORY_RULES, Lexicon, fold, lexicon
from ._resolve import Ctx, Resolved, _group_names, resolve

__all__ = ["scan", "tense_at"]

_SENTENCE_END = frozenset(".!?。！？\n;")
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


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where tense cues for ``text[start:end]`` are looked for: its sentence, cut to a few words either side."""
    # only boundaries inside the cut can narrow it, so only the cut is scanned
    lo = max(0, start - _TENSE_BEFORE)
    s = lo
    for b in _BOUNDARY.finditer(text, lo, start):
        if _is_end(text, b.start()):
            s = b.end()
    cap = min(len(text), end + _TENSE_AFTER)
    e = cap
    for b in _BOUNDARY.finditer(text, end, min(len(text), cap + 1)):
        if b.start() >= cap:
            break
        if _is_end(text, b.start()):
            e = b.start()
            break
    return s, e


def tense_at(lex: Lexicon, text: str, start: int, end: int) -> str | None:
    """``"future"``, ``"past"`` or None: the tense cue nearest to ``text[start:end]`` in its sentence."""
    s, e = _clause(text, start, end)
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
_DELIMS = re.compile(r"[(\"“'‘«\-/]")


def _starts(lex: Lexicon, text: str, a: int, floor: int, starters: frozenset[str]) -> list[int]:
    """Candidate match starts for an anchor at ``a``: starter words up to a few words back, earliest first."""
    if not lex.spaced:
        return list(range(max(floor, a - 6), a + 1))
    lo = max(floor, a - _BACK_CHARS)
    nl = text.rfind("\n", lo, a)
    if nl >= 0:
        lo = nl + 1
    seg = text[lo:a]
    if _DELIMS.search(seg) is None:  # the common case: words split by spaces only
        found: list[int] = []
        end = len(seg)
        for tok in reversed(seg.split()[-_BACK_WORDS:]):
            end = seg.rfind(tok, 0, end)
            if lex.prefixed or fold(tok.rstrip(",;:")) in starters:
                found.append(lo + end)
        found.reverse()
        found.append(a)
        return found
    starts = [a]
    # the last few words before the anchor, read right to left over the reversed window
    for w in islice(_WORD.finditer(seg[::-1]), _BACK_WORDS):
        word = fold(w.group()[::-1].rstrip(",;:"))
        elided = text[a - w.start() : a - w.start() + 1] in ("'", "’")  # "l'anno", "dell'anno"
        if lex.prefixed or word in starters or (elided and word + "'" in starters):
            starts.append(a - w.end())
    starts.reverse()
    return starts


_DIGIT_RULES = frozenset(_CATEGORY_RULES["digit"])
_ALL_RULES = frozenset(r for rules in _CATEGORY_RULES.values() for r in rules)
_RETRY = frozenset({"R_wdday", "R_dayword"})


#: rules that begin with their anchor word and hold no other word of its list: tried at the anchor only
_ANCHOR_FIRST = frozenset({"R_agob", "R_set", "R_ref", "R_dayword", "R_relword"})

#: (language, rule set) -> (pattern, group names): a lock-free view of the process-wide cache
_PATTERNS: dict[tuple[str, frozenset[str]], Any] = {}


def _pattern(lex: Lexicon, rules: frozenset[str]) -> Any:
    """The scanner pattern restricted to ``rules`` (compiled once per language and rule set)."""
    key = (lex.lang, rules)
    found = _PATTERNS.get(key)
    if found is not None:
        return found

    def build() -> Any:
        pattern = re.compile("|".join(f"(?:{body})" for tag, body in lex.rules if tag in rules))
        starters = frozenset().union(*(lex.rule_starters.get(r, frozenset()) for r in rules)) & lex.starters
        return pattern, _group_names(pattern.groupindex), starters

    found = cached(("newsnorm.dates", "pattern", lex.lang, rules), build)
    _PATTERNS[key] = found
    return found


def _rules_at(lex: Lexicon, word: str) -> frozenset[str] | None:
    """The rules an anchor reading ``word`` can take part in; None when unknown (then every rule is tried)."""
    if word[:1].isdigit() or word in ("Q", "q", "'", "’"):
        return _DIGIT_RULES
    found = lex.word_rules.get(fold(word))
    parts = word.split()
    if len(parts) > 1:  # "quarter to" (a time) also starts "quarter" (a unit): the rules of its shorter heads too
        for n in range(1, len(parts)):
            head = lex.word_rules.get(fold(" ".join(parts[:n])))
            if head is not None:
                found = head if found is None else found | head
    if found is None and lex.prefixed:
        for cut in (1, 2):
            found = lex.word_rules.get(fold(word[cut:]))
            if found is not None:
                break
    return found


#: (language, anchor text) -> (pattern, group names, starters, try the anchor only): lock-free memo
_AT_ANCHOR: dict[tuple[str, str], tuple[Any, Any, frozenset[str], bool]] = {}
_AT_ANCHOR_MAX = 50_000


def _at_anchor(lex: Lexicon, word: str) -> tuple[Any, Any, frozenset[str], bool]:
    """What the scanner tries at an anchor reading ``word``: its pattern, group names and starter words."""
    key = (lex.lang, word)
    found = _AT_ANCHOR.get(key)
    if found is None:
        rules = _rules_at(lex, word)
        pattern, names, starters = _pattern(lex, _ALL_RULES if rules is None else rules)
        first_only = rules is not None and rules <= _ANCHOR_FIRST and lex.spaced and not lex.prefixed
        found = (pattern, names, starters, first_only)
        if len(_AT_ANCHOR) < _AT_ANCHOR_MAX:
            _AT_ANCHOR[key] = found
    return found


def _matches(lex: Lexicon, text: str) -> list[Any]:
    """The scanner's matches: anchored attempts near each anchor, left to right, never overlapping."""
    out: list[Any] = []
    last_end = 0
    for a_m in lex.anchor.finditer(text):
        a = a_m.start()
        if a < last_end:
            continue
        word = a_m.group()
        if a > 0 and word[0].isdigit() and (
            text[a - 1].isdigit() or (text[a - 1] in ",." and a > 1 and text[a - 2].isdigit())
        ):
            continue
        pattern, names, starters, first_only = _at_anchor(lex, word)
        if first_only:
            m = pattern.match(text, a)
            if m is not None and m.end() > a:
                out.append((m, names))
                last_end = m.end()
            continue
        for s in _starts(lex, text, a, last_end, starters):
            m = pattern.match(text, s)
            if m is not None and m.end() > a:
                out.append((m, names))
                last_end = m.end()
                break
    return out


def _digit_table() -> dict[int, int]:
    """Every non-ASCII Unicode decimal digit (Arabic-Indic, Persian, Devanagari, fullwidth ...) mapped to ASCII."""
    import sys
    import unicodedata

    table: dict[int, int] = {}
    for cp in range(0x80, sys.maxunicode + 1):
        if unicodedata.category(chr(cp)) == "Nd":
            table[cp] = ord("0") + unicodedata.digit(chr(cp))
    return table


#: a decimal digit that is not ASCII (``\d`` of a str pattern is any Unicode decimal digit)
_NON_ASCII_DIGIT = re.compile(r"[^\D0-9]")


def _ascii_digits(text: str) -> str:
    """``text`` with every decimal digit in ASCII; the same length, so offsets carry over."""
    if text.isascii() or _NON_ASCII_DIGIT.search(text) is None:
        return text
    table: dict[int, int] = cached(("newsnorm.dates", "digits"), _digit_table)
    return text.translate(table)


def scan(
    text: str, lang: str, pub: dt.date | None, *, fallback: bool = True
) -> list[tuple[int, int, str, str, str | None]]:
    """Find and resolve dates: ``(start, end, value, type, mod)`` tuples in text order."""
    lex = lexicon(lang)
    if lex is None or not text:
        return []
    out: list[Item] = []
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
            retry, retry_names, _ = _pattern(lex, _ALL_RULES - _RETRY)
            m2 = retry.match(text, m.start())
            if m2 is not None and m2.end() > m2.start():
                start, end = m2.start(), m2.end()
                while end > start and text[end - 1] in " ,\t\n":
                    end -= 1
                ctx = Ctx(lex, pub, partial(tense_at, lex, text, start, end), text, start, end)
                try:
                    res = resolve(m2, ctx, retry_names)
                except (ValueError, OverflowError, KeyError, TypeError, IndexError, AttributeError):
                    res = None
        if res is None and fallback and any(r in m.re.groupindex and m.group(r) is not None for r in _FALLBACK_RULES):
            from . import _count

            _count("fallback_calls")
            res = _fallback(text[start:end], lang, pub)
        if res is None or not res.value:
            continue
        out.append((start, end, res.value, res.type, res.mod, (m.lastgroup or "").split("__", 1)[0]))
    return [item[:5] for item in combine(lex, text, out)]
