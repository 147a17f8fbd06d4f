"""Run a language's scanner over a text once and resolve each match."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import partial
from itertools import islice
from typing import Any

from .._resources import cached, memo_table, shortcut_table
from ._combine import Item, combine
from ._lexicon import _CATEGORY_RULES, WORD_MARKS, Lexicon, fold, lexicon
from ._resolve import Ctx, Resolved, _group_names, resolve

__all__ = ["scan", "scan_many", "tense_at"]

_SENTENCE_END = frozenset(".!?。！？\n;")
_TENSE_BEFORE = 90
_TENSE_AFTER = 60

#: rules whose matches are dates for sure; when the rules fail on one, dateparser may be asked
_FALLBACK_RULES = ("R_mdy", "R_dmy", "R_my")


_CLAUSE_WORD = re.compile(r"[^\W\d_]+")
#: a sentence or clause end ("." only before a space or the end); one character class first, so that the engine
#: skips to the candidates instead of trying every position
_BOUNDARY = re.compile(r"[!?。！？\n;।॥؟۔.](?:(?<=[^.])|(?=\s|$))")


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
    for b in reversed(list(_BOUNDARY.finditer(text, lo, start))):
        if _is_end(text, b.start()):  # the last sentence end before the date
            s = b.end()
            break
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
    cues = list(lex.tense.finditer(text, s, e))
    clause_words = lex.words.get("clause_words", ())
    if clause_words and cues and (
        cues[-1].start() >= end
        if not any(m.start() < end < m.end() for m in cues)  # a cue across the date's end reads differently
        else any(m.start() >= end for m in lex.tense.finditer(text, end, e))
    ):
        # "said on Wednesday that on Monday he will meet": with a cue after the date, the cues before a
        # clause word ("that", "que", "что") belong to another clause
        cut = s
        for w in _CLAUSE_WORD.finditer(text, s, start):
            if fold(w.group()) in clause_words:
                cut = w.end()
        if cut > s:
            if any(m.start() < cut < m.end() for m in cues):  # a cue across the cut reads differently from it
                cues = list(lex.tense.finditer(text, cut, e))
            else:
                cues = [m for m in cues if m.start() >= cut]
    conj = lex.words.get("conj", ())
    if cues and cues[-1].start() >= end and (conj or clause_words):
        # "resumed on Tuesday and will continue", "On Tuesday he announced that the vote will be held": the cues
        # after a conjunction or a clause word that follows the date belong to the next clause, when a cue is
        # left to read the date's own clause
        for w in _CLAUSE_WORD.finditer(text, end, cues[-1].start()):
            word = fold(w.group())
            if word in clause_words or (word in conj and cues[0].end() <= start):
                kept = [m for m in cues if m.start() < w.start()]
                if kept:
                    cues = kept
                break
    best: tuple[int, str] | None = None
    prev_fut_end = -2
    for m in cues:
        kind = "future" if m.lastgroup in ("fut", "fut2", "fut3") else "past"
        if kind == "past" and prev_fut_end >= 0 and not text[prev_fut_end : m.start()].strip():
            kind = "future"  # "will have", "will be": the auxiliary after a future one is future too
        if kind == "future":
            prev_fut_end = m.end()
        if start <= m.start() < end:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        if lex.verb_final and m.start() >= end and m.lastgroup in ("fut2", "past2"):
            pass  # "seçimlerin 14 Mayıs'ta yapılacağını açıkladı": the verb after the date ends its clause
        else:
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


#: id of a starter set -> (that set, token -> its folded word if a starter, else ""): lock-free memo of the token
#: reading in :func:`_starts`
_STARTER_KEYS: dict[int, tuple[frozenset[str], dict[str, str]]] = memo_table()
_STARTER_KEYS_MAX = 50_000


def _starts(lex: Lexicon, text: str, a: int, floor: int, starters: frozenset[str]) -> list[tuple[int, str | None]]:
    """Candidate match starts for an anchor at ``a``: starter words up to a few words back, earliest first, each
    with its folded word (the anchor itself with ``""``; None where any rule may start: unspaced or prefixed
    languages)."""
    if not lex.spaced:
        return [(s, None) for s in range(max(floor, a - 6), a + 1)]
    lo = max(floor, a - _BACK_CHARS)
    nl = text.rfind("\n", lo, a)
    if nl >= 0:
        lo = nl + 1
    seg = text[lo:a]
    found: list[tuple[int, str | None]] = []
    if _DELIMS.search(seg) is None:  # the common case: words split by spaces only
        end = len(seg)
        known = _STARTER_KEYS.get(id(starters))
        if known is None or known[0] is not starters:
            known = (starters, {})
            _STARTER_KEYS[id(starters)] = known
        keys = known[1]
        for tok in reversed(seg.rsplit(None, _BACK_WORDS)[-_BACK_WORDS:]):  # (the words before them stay whole)
            end = seg.rfind(tok, 0, end)
            if lex.prefixed:
                found.append((lo + end, None))
                continue
            key = keys.get(tok)
            if key is None:
                key = fold(tok.rstrip(",;:"))
                if key not in starters:
                    key = ""
                if len(keys) < _STARTER_KEYS_MAX:
                    keys[tok] = key
            if key:
                found.append((lo + end, key))
        found.reverse()
        found.append((a, ""))
        return found
    # the last few words before the anchor, read right to left over the reversed window
    for w in islice(_WORD.finditer(seg[::-1]), _BACK_WORDS):
        word = fold(w.group()[::-1].rstrip(",;:"))
        if lex.prefixed:
            found.append((a - w.end(), None))
        elif text[a - w.start() : a - w.start() + 1] in ("'", "’") and word + "'" in starters:
            found.append((a - w.end(), word + "'"))  # "l'anno", "dell'anno"
        elif word in starters:
            found.append((a - w.end(), word))
    found.reverse()
    found.append((a, ""))
    return found


_DIGIT_RULES = frozenset(_CATEGORY_RULES["digit"])
_ALL_RULES = frozenset(r for rules in _CATEGORY_RULES.values() for r in rules)
_RETRY = frozenset({"R_wdday", "R_dayword"})


#: rules that begin with their anchor word and hold no other word of its list: tried at the anchor only
_ANCHOR_FIRST = frozenset({"R_agob", "R_set", "R_ref", "R_dayword", "R_relword"})

#: (language, rule set) -> (pattern, group names): a lock-free view of the process-wide cache
_PATTERNS: dict[tuple[str, frozenset[str]], Any] = shortcut_table()


def _sre_modules() -> tuple[Any, Any] | None:
    """The regular-expression parser and compiler behind ``re`` (private modules; None where they differ)."""
    import importlib
    import sys

    try:
        if sys.version_info >= (3, 11):
            return importlib.import_module("re._parser"), importlib.import_module("re._compiler")
        return importlib.import_module("sre_parse"), importlib.import_module("sre_compile")
    except ImportError:  # pragma: no cover - every supported CPython has them
        return None


#: the categories a first character can be read against, by the parser's constant names
_CATEGORY_TESTS = {
    "CATEGORY_DIGIT": re.compile(r"\d"),
    "CATEGORY_NOT_DIGIT": re.compile(r"\D"),
    "CATEGORY_SPACE": re.compile(r"\s"),
    "CATEGORY_NOT_SPACE": re.compile(r"\S"),
    "CATEGORY_WORD": re.compile(r"\w"),
    "CATEGORY_NOT_WORD": re.compile(r"\W"),
}

_DIGITS = frozenset("0123456789")

#: the parser opcodes that match nothing (a look-around or a position)
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})

#: what a pattern's first character may be: literal characters, ranges and categories; None for any character
_First = tuple[frozenset[str], tuple[tuple[int, int], ...], tuple[Any, ...]]


#: id of a parsed alternation's value -> (that value, :func:`_first_set` of the alternation): lock-free memo (a word
#: list is met again at each place :func:`_go_on` reads after)
_BRANCH_FIRST: dict[int, tuple[Any, tuple[_First | None, bool]]] = shortcut_table()


def _branch_first(av: Any, remember: bool) -> tuple[_First | None, bool]:
    """:func:`_first_set` of an alternation with value ``av`` (its branches ``av[1]``), remembered if asked (only
    for the parses kept for :func:`_go_on`: a memo would keep every other parse alive)."""
    found = _BRANCH_FIRST.get(id(av)) if remember else None
    if found is not None and found[0] is av:
        return found[1]
    chars: set[str] = set()
    ranges: list[tuple[int, int]] = []
    cats: list[Any] = []
    nullable = False
    result: tuple[_First | None, bool] = (None, False)
    for branch in av[1]:
        sub, empty = _first_set(branch, remember)
        if sub is None:
            break
        chars.update(sub[0])
        ranges.extend(sub[1])
        cats.extend(sub[2])
        nullable = nullable or empty
    else:
        result = (frozenset(chars), tuple(ranges), tuple(cats)), nullable
    if remember and len(_BRANCH_FIRST) < _READ_MAX:
        _BRANCH_FIRST[id(av)] = (av, result)
    return result


def _first_set(seq: Any, remember: bool = False) -> tuple[_First | None, bool]:
    """The characters a parsed (sub)pattern can start with, and whether it can match the empty string (``remember``:
    keep the reading of each alternation met)."""
    chars: set[str] = set()
    ranges: list[tuple[int, int]] = []
    cats: list[Any] = []

    def add(first: _First | None) -> bool:
        if first is None:
            return False
        chars.update(first[0])
        ranges.extend(first[1])
        cats.extend(first[2])
        return True

    for op, av in getattr(seq, "data", seq):  # the parser's list: quicker to walk than its sequence object
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            chars.add(chr(av))
            return (frozenset(chars), tuple(ranges), tuple(cats)), False
        if name == "IN":
            for iop, iav in av:
                iname = str(iop)
                if iname == "LITERAL":
                    chars.add(chr(iav))
                elif iname == "RANGE":
                    ranges.append((iav[0], iav[1]))
                elif iname == "CATEGORY" and str(iav) in _CATEGORY_TESTS:
                    cats.append(str(iav))
                else:  # a negated set or anything unusual: any character
                    return None, False
            return (frozenset(chars), tuple(ranges), tuple(cats)), False
        if name == "SUBPATTERN":
            if av[1] or av[2]:  # flags set inside the pattern: do not guess
                return None, False
            sub, nullable = _first_set(av[3], remember)
        elif name == "ATOMIC_GROUP":
            sub, nullable = _first_set(av, remember)
        elif name == "BRANCH":
            sub, nullable = _branch_first(av, remember)
        elif name in _REPEATS:
            sub, nullable = _first_set(av[2], remember)
            nullable = nullable or av[0] == 0
        else:  # back references, conditionals, any character ...
            return None, False
        if not add(sub):
            return None, False
        if not nullable:
            return (frozenset(chars), tuple(ranges), tuple(cats)), False
    return (frozenset(chars), tuple(ranges), tuple(cats)), True


def _can_start(first: _First | None, ch: str) -> bool:
    """Can a rule whose first characters are ``first`` match at a character ``ch``?"""
    if first is None:
        return True
    if ch in first[0]:
        return True
    o = ord(ch)
    if any(lo <= o <= hi for lo, hi in first[1]):
        return True
    return any(_CATEGORY_TESTS[c].match(ch) is not None for c in first[2])


#: (id of a parsed character set, character) -> (that set, whether it can match the character): lock-free memo
_IN_SET: dict[tuple[int, str], tuple[Any, bool]] = shortcut_table()


def _in_set(items: Any, ch: str) -> bool:
    """Can the character set ``items`` (the body of an ``IN`` item) match ``ch`` (``""``: some ASCII digit)? True
    when unsure."""
    found = _IN_SET.get((id(items), ch))
    if found is not None and found[0] is items:
        return found[1]
    result = any(_in_set_of(items, d) for d in _DIGITS) if ch == "" else _in_set_of(items, ch)
    if len(_IN_SET) < _READ_MAX:
        _IN_SET[(id(items), ch)] = (items, result)
    return result


def _in_set_of(items: Any, ch: str) -> bool:
    """:func:`_in_set` of one character, not remembered."""
    negate = False
    found = False
    o = ord(ch)
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            found = found or av == o
        elif name == "RANGE":
            found = found or av[0] <= o <= av[1]
        elif name == "CATEGORY" and str(av) in _CATEGORY_TESTS:
            found = found or _CATEGORY_TESTS[str(av)].match(ch) is not None
        else:  # anything unusual: it may match
            return True
    return found != negate


#: how many entries each table of :func:`_go_on`'s readings may hold (they grow with the number shapes met)
_READ_MAX = 20_000
#: how much reading one rule after a prefix may cost (sequences kept, steps taken) before it gives up
_DERIVE_SEQS = 32
_DERIVE_STEPS = 400


class _GiveUp(Exception):
    """The reading of a rule after a prefix went beyond what :func:`_derive` follows."""


class _Ops:
    """The parser's opcodes, compared by identity (their names are read through a slow ``repr``)."""

    def __init__(self, parser: Any) -> None:
        self.literal = parser.LITERAL
        self.not_literal = parser.NOT_LITERAL
        self.in_ = parser.IN
        self.any = parser.ANY
        self.subpattern = parser.SUBPATTERN
        self.branch = parser.BRANCH
        self.repeats = (parser.MAX_REPEAT, parser.MIN_REPEAT)
        self.zero_width = (parser.AT, parser.ASSERT, parser.ASSERT_NOT)
        self.maxrepeat = parser.MAXREPEAT


_DIGIT_CODES = tuple(range(ord("0"), ord("9") + 1))

#: a place in a parse: its item list, the index of the next item, and where to go on when that list ends
_Cont = tuple[Any, int, Any]

#: id of a parsed alternation's value -> (that value, its branches by first literal code, the others, those that
#: begin with a digit): lock-free memo, filled as :func:`_derive` meets alternations
_BRANCHES: dict[int, tuple[Any, dict[int, list[Any]], list[Any], list[Any]]] = shortcut_table()


def _branches(ops: _Ops, av: Any) -> tuple[dict[int, list[Any]], list[Any], list[Any]]:
    """The branches of an alternation (a word list is hundreds of them) indexed by their first literal."""
    found = _BRANCHES.get(id(av))
    if found is not None and found[0] is av:
        return found[1], found[2], found[3]
    by_first: dict[int, list[Any]] = {}
    others: list[Any] = []
    for branch in av[1]:
        data = branch.data if hasattr(branch, "data") else branch
        if data and data[0][0] is ops.literal:
            by_first.setdefault(data[0][1], []).append(data)
        else:
            others.append(data)
    digit_led = [b for code in _DIGIT_CODES for b in by_first.get(code, ())]
    if len(_BRANCHES) < _READ_MAX:
        _BRANCHES[id(av)] = (av, by_first, others, digit_led)
    return by_first, others, digit_led


def _derive(ops: _Ops, cont: _Cont, ch: str, budget: list[int]) -> list[_Cont]:
    """Where a match at ``cont`` may be after it matched the character ``ch`` (none: it cannot go on with ``ch``;
    a "0" stands for any ASCII digit). Look-arounds are passed over, so the reading is a superset of the truth;
    raises :class:`_GiveUp` where the parse is beyond it, the match may end before ``ch`` or the budget is
    spent."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _GiveUp
    digit = ch == "0"
    code = ord(ch)
    items, i, parent = cont
    while True:
        if i >= len(items):
            if parent is None:
                raise _GiveUp  # the match may end here, before ``ch``
            items, i, parent = parent
            continue
        op, av = items[i]
        if op in ops.zero_width:
            i += 1
            continue
        after = (items, i + 1, parent)
        if op is ops.literal:
            return [after] if av == code or (digit and av in _DIGIT_CODES) else []
        if op is ops.not_literal:
            return [after] if av != code or digit else []
        if op is ops.in_:
            return [after] if _in_set(av, "" if digit else ch) else []
        if op is ops.any:
            return [after]
        if op is ops.subpattern:
            if av[1] or av[2]:
                raise _GiveUp
            items, i, parent = av[3].data, 0, after
            continue
        if op is ops.branch:
            by_first, others, digit_led = _branches(ops, av)
            # the branches that begin with the character: their first literal is matched
            out: list[_Cont] = [(branch, 1, after) for branch in (digit_led if digit else by_first.get(code, ()))]
            for branch in others:
                out.extend(_derive(ops, (branch, 0, after), ch, budget))
            return out
        if op in ops.repeats:
            lo, hi, item = av
            if hi == 0:
                i += 1
                continue
            again = after if hi == 1 else (
                [(op, (max(lo - 1, 0), hi if hi == ops.maxrepeat else hi - 1, item))], 0, after
            )
            out = _derive(ops, (item.data, 0, again), ch, budget)
            if lo == 0:
                out.extend(_derive(ops, after, ch, budget))
            return out
        raise _GiveUp


#: (id of a parsed item list, index) -> (that list, its first set from there): lock-free memo
_SEQ_FIRST: dict[tuple[int, int], tuple[Any, tuple[_First | None, bool]]] = shortcut_table()


def _cont_first(cont: _Cont) -> _First | None:
    """The characters a match at ``cont`` may go on with (None: any, or it may end there)."""
    chars: set[str] = set()
    ranges: list[tuple[int, int]] = []
    cats: list[Any] = []
    node: Any = cont
    while node is not None:
        items, i, parent = node
        found = _SEQ_FIRST.get((id(items), i))
        if found is None or found[0] is not items:
            found = (items, _first_set(items[i:], True))
            if len(_SEQ_FIRST) < _READ_MAX:
                _SEQ_FIRST[(id(items), i)] = found
        first, nullable = found[1]
        if first is None:
            return None
        chars.update(first[0])
        ranges.extend(first[1])
        cats.extend(first[2])
        if not nullable:
            return frozenset(chars), tuple(ranges), tuple(cats)
        node = parent
    return None


#: (id of a rule's parse, beginning of a prefix) -> (that parse, where its matches may be after it; None: anywhere):
#: lock-free memo of :func:`_after_prefix`, so a prefix is read on from its longest beginning read before
_STATES: dict[tuple[int, str], tuple[Any, list[_Cont] | None]] = shortcut_table()


def _after_prefix(ops: _Ops, parsed: Any, prefix: str, remember: bool = True) -> _First | None:
    """The characters that may follow ``prefix`` in a match of ``parsed`` that begins with it (None: any, or the
    match may end inside it, or the reading gave up). A "0" of ``prefix`` stands for any ASCII digit, so numbers
    of one shape share a reading; the states read on the way are remembered (``_STATES``) where ``remember``."""
    budget = [_DERIVE_STEPS]
    # the longest beginning of the prefix read before ("0" before "00 ", "Fi" before "Five "): go on from there
    k = len(prefix)
    known: Any = None
    while k > 0:
        found = _STATES.get((id(parsed), prefix[:k]))
        if found is not None and found[0] is parsed:
            known = found[1]
            break
        k -= 1
    if k == 0:
        known = [(parsed.data, 0, None)]
    conts: list[_Cont] | None = known
    for n in range(k, len(prefix)):
        if conts is None:
            break
        ch = prefix[n]
        nxt: list[_Cont] | None = []
        try:
            for cont in conts:
                nxt.extend(_derive(ops, cont, ch, budget))  # type: ignore[union-attr]
        except (_GiveUp, RecursionError):
            nxt = None
        if nxt is not None and len(nxt) > _DERIVE_SEQS:
            nxt = None
        conts = nxt
        if remember and len(_STATES) < _READ_MAX:
            _STATES[(id(parsed), prefix[: n + 1])] = (parsed, conts)
    if conts is None:
        return None
    chars: set[str] = set()
    ranges: list[tuple[int, int]] = []
    cats: list[Any] = []
    for cont in conts:
        first = _cont_first(cont)
        if first is None:
            return None
        chars.update(first[0])
        ranges.extend(first[1])
        cats.extend(first[2])
    return frozenset(chars), tuple(ranges), tuple(cats)


#: the parser opcodes of one character (a repeat of one of them is compiled to the engine's fast single repeat)
_ONE_CHAR = frozenset({"LITERAL", "NOT_LITERAL", "ANY", "IN", "CATEGORY"})


def _one_char(seq: Any) -> bool:
    """Is the parsed (sub)pattern one character wide and without groups?"""
    if len(seq) != 1:
        return False
    op, av = seq[0]
    name = str(op)
    if name == "SUBPATTERN":
        return av[0] is None and _one_char(av[3])
    return name in _ONE_CHAR


def _optional_as_branch(parser: Any, seq: Any) -> None:
    """Rewrite, in place, each optional item ``(?:X)?`` wider than a character as the alternation ``(?:X|)``
    (``(?:X)??`` as ``(?:|X)``): the same matches and groups, but the engine skips its repeat bookkeeping, which
    inside a repeat saves every group mark at each alternation of the word lists (a failing rule runs ~15% faster)."""
    data = seq.data
    for i, (op, av) in enumerate(data):
        name = str(op)
        if name in _REPEATS:
            _optional_as_branch(parser, av[2])
            if av[0] == 0 and av[1] == 1 and name != "POSSESSIVE_REPEAT" and not _one_char(av[2]):
                empty = parser.SubPattern(av[2].state)
                branches = [av[2], empty] if name == "MAX_REPEAT" else [empty, av[2]]
                data[i] = (parser.BRANCH, (None, branches))
        elif name == "SUBPATTERN":
            _optional_as_branch(parser, av[3])
        elif name == "BRANCH":
            for branch in av[1]:
                _optional_as_branch(parser, branch)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _optional_as_branch(parser, av[1])
        elif name == "ATOMIC_GROUP":
            _optional_as_branch(parser, av)
        elif name == "GROUPREF_EXISTS":
            _optional_as_branch(parser, av[1])
            if av[2] is not None:
                _optional_as_branch(parser, av[2])


#: the first private-use character that stands for a shared word-list group while a rule is parsed, and how many
_HOLE = 0xE000
_HOLES = 0x1900
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _fragment(mods: tuple[Any, Any], fragment: str) -> tuple[str, tuple[Any, ...]] | None:
    """The word-list group ``fragment`` parsed once and shared by every rule that holds it: its leading literal
    characters (as pattern text: the parser factors a prefix common to all branches of an alternation out of them,
    and must see it) and its parsed items after them (optional parts already rewritten as alternations); None
    where it has captures or flags, or is all literal."""

    def build() -> tuple[str, tuple[Any, ...]] | None:
        try:
            parsed = mods[0].parse(fragment, 0)
        except Exception:
            return None
        if parsed.state.flags & ~re.UNICODE or parsed.state.groups != 1:
            return None
        _optional_as_branch(mods[0], parsed)
        items = tuple(parsed.data)
        k = 0
        while k < len(items) and str(items[k][0]) == "LITERAL":
            k += 1
        if k == len(items):
            return None
        return re.escape("".join(chr(av) for _, av in items[:k])), items[k:]

    found = _FRAGMENTS.get(fragment, _UNSEEN)
    if found is _UNSEEN:
        found = build()
        _put(_FRAGMENTS, fragment, found, _FRAGMENTS_MAX, clear=True)
    return found  # type: ignore[no-any-return]


#: word-list group -> :func:`_fragment` of it: a bounded memo, not the process-wide cache. A parse is needed only
#: while rules are compiled (each rule once per process); kept for every language, the parses held ~15 MB after
#: ten languages. Emptied when full: a rule compiled later parses its groups again.
_FRAGMENTS: dict[str, Any] = shortcut_table()
_FRAGMENTS_MAX = 128
_UNSEEN = object()


def _fill(seq: Any, holes: dict[int, Any]) -> None:
    """Put the items of each shared group back where its placeholder (two private-use characters) was parsed, in
    place; the widths the parser noted on the way are forgotten (they are worked out again, with the groups in)."""
    data = seq.data
    for i in range(len(data) - 1, -1, -1):
        op, av = data[i]
        name = str(op)
        if name == "LITERAL":
            if av in holes and i > 0 and data[i - 1] == data[i]:
                data[i - 1 : i + 1] = holes[av]
        elif name == "SUBPATTERN":
            _fill(av[3], holes)
        elif name in _REPEATS:
            _fill(av[2], holes)
        elif name == "BRANCH":
            for branch in av[1]:
                _fill(branch, holes)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _fill(av[1], holes)
        elif name == "ATOMIC_GROUP":
            _fill(av, holes)
        elif name == "GROUPREF_EXISTS":
            _fill(av[1], holes)
            if av[2] is not None:
                _fill(av[2], holes)
    seq.width = None


def _parse_shared(mods: tuple[Any, Any], body: str, fragments: tuple[str, ...]) -> Any:
    """``body`` parsed and rewritten by :func:`_optional_as_branch`, with its word-list groups (``fragments``)
    parsed once per process instead of once per rule: the parse of a rule is most of its first-use cost, and most of
    a rule is its word lists. The tree is the one a parse of ``body`` gives (None where that cannot be made sure:
    then ``body`` is parsed whole)."""
    if "(?P=" in body or _PRIVATE_USE.search(body) is not None:
        return None  # a back reference reads group widths the parser noted; a placeholder must be new
    holes: dict[int, Any] = {}
    for fragment in fragments:
        if fragment not in body:
            continue
        found = _fragment(mods, fragment)
        if found is None:
            continue
        head, items = found
        parts = body.split(fragment)
        if len(holes) + len(parts) > _HOLES:
            break
        body = parts[0]
        for part in parts[1:]:  # a placeholder of its own at each place: the parser must not factor two out
            code = _HOLE + len(holes)
            holes[code] = items
            body += f"(?:{head}{chr(code)}{chr(code)}){part}"
    if not holes:
        return None
    parsed = mods[0].parse(body, 0)
    _optional_as_branch(mods[0], parsed)  # before the shared groups go in: they are rewritten already
    _fill(parsed, holes)
    return parsed


def _compile_rule(body: str, fragments: tuple[str, ...] = ()) -> tuple[Any, _First | None, Any]:
    """Compile one rule, reading its possible first characters off the same parse (None: any character); the
    word-list groups among ``fragments`` are parsed once and shared. The parse is returned too (None where the
    private modules were not used)."""
    mods = _sre_modules()
    if mods is not None:
        try:
            shared = _parse_shared(mods, body, fragments) if fragments else None
            parsed = shared if shared is not None else mods[0].parse(body, 0)
            if parsed.state.flags & ~(re.UNICODE | re.VERBOSE):
                raise ValueError("flags")
            # an optional part rewritten as an alternation with an empty branch starts with the same characters
            first, nullable = _first_set(parsed)
            if shared is None:
                _optional_as_branch(mods[0], parsed)
            pattern = mods[1].compile(parsed, 0)
            if not nullable:
                # the parse is kept only where :func:`_go_on` may read it: for a rule that can begin with a digit
                return pattern, first, parsed if any(_can_start(first, d) for d in _DIGITS) else None
            return pattern, None, None
        except Exception:  # any surprise from the private modules: the plain compile below
            pass
    return re.compile(body), None, None


_Rule = tuple[Any, Any, "_First | None", frozenset[str], Any, Any]


def _rule_pattern(lex: Lexicon, tag: str, body: str) -> _Rule:
    """One rule compiled on its own, with its group names, first characters, the folded words its matches may
    begin with before their anchor (none for a rule that begins at its anchor), every folded word it may
    begin with (None: not known, any) and its parse (for :func:`_go_on`; None: not kept); shared by every rule
    set."""

    def build() -> _Rule:
        pattern, first, parsed = _compile_rule(body, lex.fragments)
        starters = lex.rule_starters.get(tag, frozenset())
        if tag not in _DIGIT_RULES:
            parsed = None  # only the rules tried at a digit read their parse (:func:`_go_on`): the others' is memory
        return pattern, _group_names(pattern.groupindex), first, starters, lex.rule_heads.get(tag), parsed

    found: _Rule = cached(("newsnorm.dates", "rule", lex.lang, tag), build)
    return found


def _pattern(lex: Lexicon, rules: frozenset[str]) -> Any:
    """The rules of ``rules`` in pattern order, each compiled on its own, and the words a match may start with.

    Trying the rules one after the other at a start is what one alternation of them does (the first rule that
    matches wins), but several times faster: an alternation of hundreds of groups pays for all of them."""
    key = (lex.lang, rules)
    found = _PATTERNS.get(key)
    if found is not None:
        return found

    def build() -> Any:
        compiled = tuple(_rule_pattern(lex, tag, body) for tag, body in lex.rules if tag in rules)
        starters = frozenset().union(*(lex.rule_starters.get(r, frozenset()) for r in rules)) & lex.starters
        return compiled, starters

    found = cached(("newsnorm.dates", "pattern", lex.lang, rules), build)
    _PATTERNS[key] = found
    return found


#: (id of a rule tuple, first character) -> (that tuple, its rules that can start there): lock-free memo
_BY_CHAR: dict[tuple[int, str], tuple[Any, Any]] = shortcut_table()
_BY_CHAR_MAX = 200_000
#: (id of a rule tuple, folded first word) -> (that tuple, its rules that can begin with that word): lock-free memo
_BY_WORD: dict[tuple[int, str], tuple[Any, Any]] = shortcut_table()
#: (id of a rule tuple, folded anchor word) -> (that tuple, its rules that may begin with it): lock-free memo
_BY_HEAD: dict[tuple[int, str], tuple[Any, Any]] = shortcut_table()


def _dispatch(compiled: Any, ch: str) -> Any:
    """The rules of ``compiled`` that can match at a character ``ch``, in order (a tuple dispatches to itself)."""
    key = (id(compiled), ch)
    found = _BY_CHAR.get(key)
    if found is not None and found[0] is compiled:
        return found[1]
    kept = tuple(rule for rule in compiled if _can_start(rule[2], ch))
    if len(_BY_CHAR) < _BY_CHAR_MAX:
        _BY_CHAR[key] = (compiled, kept)
        _BY_CHAR[(id(kept), ch)] = (kept, kept)
    return kept


def _has_head(word: str, heads: frozenset[str]) -> bool:
    """Does the folded ``word`` begin with one of ``heads`` (a list word may be glued to the next one: Russian
    "сегодня" is "сего" + "дня")?"""
    return any(word[:k] in heads for k in range(len(word), 0, -1))


def _word_dispatch(compiled: Any, word: str, ch: str, at_anchor: bool) -> Any:
    """The rules of ``compiled`` (already dispatched on ``ch``) whose matches may begin with the folded ``word``:
    before their anchor by the rules' first word lists, at the anchor by every list a rule may begin with; the
    result dispatches to itself on ``ch``."""
    table = _BY_HEAD if at_anchor else _BY_WORD
    key = (id(compiled), word)
    found = table.get(key)
    if found is not None and found[0] is compiled:
        return found[1]
    if at_anchor:
        kept = tuple(rule for rule in compiled if rule[4] is None or _has_head(word, rule[4]))
    else:
        kept = tuple(rule for rule in compiled if _has_head(word, rule[3]))
    if len(table) < _BY_CHAR_MAX and len(_BY_CHAR) < _BY_CHAR_MAX:
        table[key] = (compiled, kept)
        _BY_CHAR[(id(kept), ch)] = (kept, kept)
    return kept


def _first(
    compiled: Any, text: str, s: int, skip: int = 0, word: str | None = None, at_anchor: bool = False
) -> tuple[Any, Any, Any, int] | None:
    """The match of the first rule that matches at ``s`` (what the alternation of the rules would give), after
    the first ``skip`` rules: ``(match, group names, the rules, index of the rule)``. Only the rules that can
    start with ``text[s]`` are tried, and with ``word`` (the folded word at ``s``) only those that may begin with
    that word (``at_anchor``: the anchor's own word); the rules returned are those, so ``skip`` counts in them."""
    if s < len(text):
        found = _BY_CHAR.get((id(compiled), text[s]))
        compiled = found[1] if found is not None and found[0] is compiled else _dispatch(compiled, text[s])
        if word:
            found = (_BY_HEAD if at_anchor else _BY_WORD).get((id(compiled), word))
            compiled = found[1] if found is not None and found[0] is compiled else _word_dispatch(
                compiled, word, text[s], at_anchor
            )
    return _try(compiled, text, s, skip)


def _try(rules: Any, text: str, s: int, skip: int = 0) -> tuple[Any, Any, Any, int] | None:
    """The first of ``rules`` (after the first ``skip``) that matches at ``s``: ``(match, group names, rules, its
    index)``."""
    i = skip
    for pattern, names, _, _, _, _ in rules[skip:] if skip else rules:
        m = pattern.match(text, s)
        if m is not None:
            return m, names, rules, i
        i += 1
    return None


#: every ASCII digit to "0": the shape of a number, which :func:`_after_prefix` reads as any digit
_ZERO_DIGITS = str.maketrans("123456789", "000000000")
#: a number and the character after it: the prefix :func:`_go_on` reads the rules at a digit anchor after (a number
#: reads as its shape, and with an ASCII character after it there are few shapes)
_NUMBER_NEXT = re.compile(r"[0-9]{1,8}[^0-9]")
#: (id of a rule's pattern, prefix) -> (that pattern, what may follow the prefix in its match): lock-free memo
_AFTER: dict[tuple[int, str], tuple[Any, Any]] = shortcut_table()
#: (id of a rule tuple, prefix, character after it) -> (that tuple, its rules that may match there): lock-free memo
_GO_ON: dict[tuple[int, str, str], tuple[Any, Any]] = shortcut_table()


def _parser_ops() -> tuple[_Ops | None]:
    """The parser's opcodes (None where the private modules are not there: then no rule is read on)."""
    mods = _sre_modules()
    return (_Ops(mods[0]) if mods is not None else None,)


#: "ops" -> the parser's opcodes, as :func:`_parser_ops` gives them: a lock-free view of the process-wide cache
_OPS: dict[str, tuple[_Ops | None]] = shortcut_table()


def _go_on(rules: Any, text: str, a: int) -> Any:
    """The rules of ``rules`` (tried at the digit anchor ``a``) that may match there, read past the number and the
    character after it: "500 aid trucks" or "25 percent" leave few rules, often none; "March 2, 2024" keeps those
    of a day. What each rule allows after a number shape is worked out once from its parse (see :func:`_derive`)."""
    m = _NUMBER_NEXT.match(text, a)
    if m is None or m.end() >= len(text) or not rules or not text[m.end() - 1 : m.end() + 1].isascii():
        return rules  # a shape is read with ASCII characters after the number only: they are few
    return _read_on(rules, m.group().translate(_ZERO_DIGITS), text[m.end()], word=False)


def _word_on(rules: Any, text: str, s: int) -> Any:
    """The rules of ``rules`` (tried at the start ``s`` of a word before an anchor) that may match there, read past
    that word, the space after it and the next character: "the year" leaves no rule of a number or an ordinal
    after "the". A rule that may end inside the word, or whose parse is not kept, stays (see :func:`_read_on`)."""
    j = text.find(" ", s, s + _WORD_ON_MAX)
    if j < 0 or j + 1 >= len(text) or not rules:
        return rules
    ch = text[j + 1]
    if ch.isspace():
        return rules
    return _read_on(rules, text[s : j + 1], ch, word=True)


#: the longest word (with its space) :func:`_word_on` reads before an anchor (a starter word is short)
_WORD_ON_MAX = 24
#: :func:`_word_on`'s own tables, as ``_GO_ON`` and ``_AFTER`` (words are more than number shapes: each table holds
#: at most ``_WORD_MAX`` entries and is emptied when full, and the word readings leave ``_STATES`` to the number
#: shapes); ``_WORD_FIRSTS`` shares one copy of each reading (most words allow the same characters after them)
_WORD_ON: dict[tuple[int, str, str], tuple[Any, Any]] = shortcut_table()
_WORD_AFTER: dict[tuple[int, str], tuple[Any, Any]] = shortcut_table()
_WORD_FIRSTS: dict[Any, Any] = shortcut_table()
_WORD_MAX = 4_000


def _read_on(rules: Any, prefix: str, ch: str, *, word: bool) -> Any:
    """The rules of ``rules`` that may match a text that begins with ``prefix`` and then ``ch`` ("0" in the prefix:
    any ASCII digit): a rule goes when the reading of its parse after the prefix (see :func:`_after_prefix`) cannot
    go on with ``ch``, so it cannot match there at all; every other rule stays, in order. A number shape
    (:func:`_go_on`) is remembered in ``_GO_ON`` and ``_AFTER``, which stop growing when full; a ``word`` and its
    space (:func:`_word_on`) in the word tables, emptied when full, with each reading shared."""
    memo, after = (_WORD_ON, _WORD_AFTER) if word else (_GO_ON, _AFTER)
    limit = _WORD_MAX if word else _READ_MAX
    key = (id(rules), prefix, ch)
    found = memo.get(key)
    if found is not None and found[0] is rules:
        return found[1]
    known = _OPS.get("ops")
    if known is None:
        known = cached(("newsnorm.dates", "ops"), _parser_ops)
        _OPS["ops"] = known
    ops = known[0]
    kept = []
    for rule in rules:
        if rule[5] is None or ops is None:
            kept.append(rule)
            continue
        seen = after.get((id(rule[0]), prefix))
        if seen is None or seen[0] is not rule[0]:
            first = _after_prefix(ops, rule[5], prefix, remember=not word)
            if word and first is not None:
                first = _WORD_FIRSTS.get(first) or first
                _put(_WORD_FIRSTS, first, first, _WORD_MAX, clear=True)
            seen = (rule[0], first)
            _put(after, (id(rule[0]), prefix), seen, limit, clear=word)
        if _can_start(seen[1], ch):
            kept.append(rule)
    out = tuple(kept)
    _put(memo, key, (rules, out), limit, clear=word)
    return out


def _put(table: dict[Any, Any], key: Any, value: Any, limit: int, *, clear: bool) -> None:
    """Store ``value`` in a bounded table of at most ``limit`` entries; when it is full, it is emptied first
    (``clear``) or the value is not stored (a table of readings that is only worth keeping while it fills)."""
    if len(table) >= limit:
        if not clear:
            return
        table.clear()
    table[key] = value


#: (id of a rule tuple, first character, folded first word or None) -> (that tuple, its rules that can match at a
#: start before an anchor with that character and word): one lock-free lookup for both filters of :func:`_first`
_BEFORE: dict[tuple[int, str, str | None], tuple[Any, Any]] = shortcut_table()


def _before_rules(compiled: Any, ch: str, word: str | None) -> Any:
    """The rules :func:`_first` tries at a start before an anchor reading ``ch`` and the folded ``word``."""
    found = _BEFORE.get((id(compiled), ch, word))
    if found is not None and found[0] is compiled:
        return found[1]
    kept = _dispatch(compiled, ch)
    if word:
        kept = _word_dispatch(kept, word, ch, False)
    if len(_BEFORE) < _BY_CHAR_MAX:
        _BEFORE[(id(compiled), ch, word)] = (compiled, kept)
    return kept


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


#: (language, anchor text) -> (compiled rules, starters, try the anchor only, the rules tried at the anchor itself):
#: lock-free memo
_AT_ANCHOR: dict[tuple[str, str], tuple[Any, frozenset[str], bool, Any]] = shortcut_table()
_AT_ANCHOR_MAX = 50_000


def _at_anchor(lex: Lexicon, word: str) -> tuple[Any, frozenset[str], bool, Any]:
    """What the scanner tries at an anchor reading ``word``: its rules, the words a match may start with, whether
    only the anchor is a start, and the rules tried at the anchor itself: those that can start with its first
    character and, by its folded word, may begin there (no word filter for a digit, an unspaced, prefixed or
    suffixing language, a word with inner punctuation)."""
    key = (lex.lang, word)
    found = _AT_ANCHOR.get(key)
    if found is None:
        rules = _rules_at(lex, word)
        compiled, starters = _pattern(lex, _ALL_RULES if rules is None else rules)
        first_only = rules is not None and rules <= _ANCHOR_FIRST and lex.spaced and not lex.prefixed
        head = fold(word.split()[0]) if word.strip() else ""
        if not (lex.spaced and not lex.prefixed and not lex.anchor_open_end and head.isalpha()):
            head = ""
        own = _dispatch(compiled, word[0])
        if head:
            own = _word_dispatch(own, head, word[0], True)
        found = (compiled, starters, first_only, own)
        if len(_AT_ANCHOR) < _AT_ANCHOR_MAX:
            _AT_ANCHOR[key] = found
    return found


def _automaton(lex: Lexicon) -> Any:
    """An Aho-Corasick automaton of the language's anchor words (None where the regex anchor is used)."""

    def build() -> Any:
        if not lex.anchor_words or any(w[:1].isdigit() for w in lex.anchor_words):
            return None
        import ahocorasick

        auto = ahocorasick.Automaton()
        for w in lex.anchor_words:
            auto.add_word(w, len(w))
        auto.make_automaton()
        return auto

    return cached(("newsnorm.dates", "automaton", lex.lang), build)


#: an ASCII digit run (the branch of literals finds the first digit twice as fast as the class ``[0-9]+``)
_DIGIT_RUN = re.compile(r"(?:0|1|2|3|4|5|6|7|8|9)[0-9]*")


def _is_w(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or ch in WORD_MARKS


#: language -> (its automaton or None,) and (its lexicon or None,): lock-free views of the process-wide cache
_AUTOMATA: dict[str, tuple[Any]] = shortcut_table()
_LEXICONS: dict[str, tuple[Lexicon | None]] = shortcut_table()


def _anchors(lex: Lexicon, text: str) -> list[tuple[int, str]]:
    """Anchor positions and texts, as ``lex.anchor.finditer`` gives them: one Aho-Corasick pass for the words
    and one character-class scan for the digits (several times faster than the alternation at every position)."""
    known = _AUTOMATA.get(lex.lang)
    if known is None:
        known = _AUTOMATA[lex.lang] = (_automaton(lex),)
    auto = known[0]
    if auto is None:
        return [(m.start(), m.group()) for m in lex.anchor.finditer(text)]
    n = len(text)
    open_end = lex.anchor_open_end
    best: dict[int, int] = {}
    marks = WORD_MARKS
    for end, size in auto.iter(text):
        s = end - size + 1
        if s > 0:
            c = text[s - 1]
            if c.isalnum() or c == "_" or c in marks:  # inside a word
                continue
        if not open_end and end + 1 < n:
            c = text[end + 1]
            if c.isalnum() or c == "_" or c in marks:
                continue
        if size > best.get(s, 0):
            best[s] = size
    for d in _DIGIT_RUN.finditer(text):
        a = d.start()
        best[a] = 1
        if a > 0 and (a < 2 or not _is_w(text[a - 2])):
            c = text[a - 1]
            quarter = c in "Qq" and text[a] in "1234" and d.end() - a == 1  # "Q1"
            if (quarter and not (d.end() < n and _is_w(text[d.end()]))) or (c in "'’" and d.end() - a >= 2):
                best[a - 1] = 1
    out: list[tuple[int, str]] = []
    last = 0
    for s in sorted(best):
        if s < last and not open_end:  # with open word ends ("her pazar|tesi") a longer word may start inside
            continue
        e = s + best[s]
        out.append((s, text[s:e]))
        last = e
    return out


def _matches(lex: Lexicon, text: str) -> list[Any]:
    """The scanner's matches: anchored attempts near each anchor, left to right, never overlapping."""
    out: list[Any] = []
    last_end = 0
    lang = lex.lang
    for a, word in _anchors(lex, text):
        if a < last_end:
            continue
        if a > 0 and word[0].isdigit() and (
            text[a - 1].isdigit() or (text[a - 1] in ",." and a > 1 and text[a - 2].isdigit())
        ):
            continue
        plan = _AT_ANCHOR.get((lang, word))
        if plan is None:
            plan = _at_anchor(lex, word)
        compiled, starters, first_only, own = plan
        hit = None
        if not first_only:
            for s, key in _starts(lex, text, a, last_end, starters):
                if s == a:
                    break
                rules = _before_rules(compiled, text[s], key)
                hit = _try(_word_on(rules, text, s) if key else rules, text, s)
                if hit is not None and hit[0].end() > a:
                    break
                hit = None
        if hit is None:
            if word[0] in _DIGITS:
                own = _go_on(own, text, a)
            hit = _try(own, text, a)
        if hit is not None:
            out.append(hit)
            last_end = hit[0].end()
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
    if text.isascii():
        return text
    try:  # below U+0100 the only decimal digits are the ASCII ones; the check is a copy, not a scan
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        pass
    if _NON_ASCII_DIGIT.search(text) is None:
        return text
    table: dict[int, int] = cached(("newsnorm.dates", "digits"), _digit_table)
    return text.translate(table)


def scan(
    text: str, lang: str, pub: dt.date | None, *, fallback: bool = True
) -> list[tuple[int, int, str, str, str | None]]:
    """Find and resolve dates: ``(start, end, value, type, mod)`` tuples in text order."""
    lex, text = _prepared(text, lang)
    if lex is None:
        return []
    return _finish(lex, text, _resolve_all(lex, text, pub, _matches(lex, text), fallback), pub)


def scan_many(
    items: Sequence[tuple[str, str, dt.date | None]], *, fallback: bool = True
) -> list[list[tuple[int, int, str, str, str | None]]]:
    """:func:`scan` of each ``(text, lang, pub)`` of ``items``, phase by phase over all of them: the candidates
    of every text, then their resolutions, then the combination (one phase's tables stay in the processor's
    caches: about 8% less time per new article than one :func:`scan` after the other)."""
    texts = [_prepared(text, lang) for text, lang, _ in items]
    found = [_matches(lex, text) if lex is not None else [] for lex, text in texts]
    resolved = [
        _resolve_all(lex, text, pub, matches, fallback) if lex is not None else []
        for (lex, text), matches, (_, _, pub) in zip(texts, found, items, strict=True)
    ]
    return [
        _finish(lex, text, out, pub) if lex is not None else []
        for (lex, text), out, (_, _, pub) in zip(texts, resolved, items, strict=True)
    ]


def _prepared(text: str, lang: str) -> tuple[Lexicon | None, str]:
    """The language's lexicon (read through a lock-free shortcut) and the text as the scanner reads it (ASCII
    digits); no lexicon for a language without one or an empty text, which have no dates."""
    known = _LEXICONS.get(lang)
    if known is None:
        known = _LEXICONS[lang] = (lexicon(lang),)
    lex = known[0]
    if lex is None or not text:
        return None, text
    return lex, _ascii_digits(text)


def _resolve_all(lex: Lexicon, text: str, pub: dt.date | None, found: list[Any], fallback: bool) -> list[Item]:
    """The resolved scanner matches ``found`` of ``text``: ``(start, end, value, type, mod, rule)`` in text order."""
    out: list[Item] = []
    for k, (m, names, compiled, idx) in enumerate(found):
        limit = found[k + 1][0].start() if k + 1 < len(found) else len(text)
        res, m, start, end = _resolve_at(lex, text, pub, m, names, compiled, idx, limit)
        if (
            res is None
            and fallback
            and end > start
            and any(r in m.re.groupindex and m.group(r) is not None for r in _FALLBACK_RULES)
        ):
            from . import _count

            _count("fallback_calls")
            res = _fallback(text[start:end], lex.lang, pub)
        if res is None or not res.value:
            continue
        out.append((start, end, res.value, res.type, res.mod, (m.lastgroup or "").split("__", 1)[0]))
    return out


def _finish(
    lex: Lexicon, text: str, out: list[Item], pub: dt.date | None
) -> list[tuple[int, int, str, str, str | None]]:
    """The mentions' tuples: the resolved matches combined into ranges and compounds."""
    return [item[:5] for item in combine(lex, text, out, pub)]


def _resolve_at(
    lex: Lexicon, text: str, pub: dt.date | None, m: Any, names: Any, compiled: Any, idx: int, limit: int
) -> tuple[Resolved | None, Any, int, int]:
    """Resolve a scanner match; when its rule gives nothing ("Dalam beberapa tahun" is no count), the later
    rules at the same start are read (within ``limit``). Returns the result, the match used and its trimmed span."""
    first = (m, names)
    while True:
        res, used, start, end = _resolve_one(lex, text, pub, m, names)
        if res is not None:
            return res, used, start, end
        nxt = _first(compiled, text, m.start(), idx + 1)
        # only a reading that covers at least as much: "2月30日" must not become "2月" (two months)
        if nxt is None or nxt[0].end() > limit or nxt[0].end() < first[0].end():
            m, names = first
            return None, m, *_trim(text, m.start(), m.end())
        m, names, compiled, idx = nxt


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces and commas it may carry at its edges."""
    while end > start and text[end - 1] in " ,\t\n":
        end -= 1
    while start < end and text[start] in " ,\t\n":
        start += 1
    return start, end


def _resolve_one(
    lex: Lexicon, text: str, pub: dt.date | None, m: Any, names: Any
) -> tuple[Resolved | None, Any, int, int]:
    """Resolve one match (with the weekday-and-number retry): the result, the match used, its trimmed span."""
    start, end = _trim(text, *m.span())
    if end <= start:
        return None, m, start, end
    res = _resolved(lex, text, pub, m, names, start, end)
    span = names.get("span") if res is not None else None
    if span is not None and m.group(span) is not None:
        start = m.start(span)  # the mention leaves out what the rule reads before it ("for years": "years")
    if res is None and (m.lastgroup or "").split("__", 1)[0] in _RETRY:
        # a weekday (or "día") with a number that is not its day: read the match again without that rule
        retry = _first(_pattern(lex, _ALL_RULES - _RETRY)[0], text, m.start())
        if retry is not None and retry[0].end() > retry[0].start():
            m2, retry_names = retry[0], retry[1]
            start, end = m2.start(), m2.end()
            while end > start and text[end - 1] in " ,\t\n":
                end -= 1
            res = _resolved(lex, text, pub, m2, retry_names, start, end)
            if res is not None:
                return res, m2, start, end
    return res, m, start, end


#: (language, id of a rule's pattern, matched text, its groups[, date or tense tags]) -> (that pattern, the result,
#: or a marker of what else it depends on): results are reused across matches and documents ("2023", "six weeks"
#: in any document; "Thursday", "last year" in documents of the same day); a lock-free memo, emptied when full
_RESOLVED: dict[tuple[Any, ...], tuple[Any, Any]] = memo_table()
_RESOLVED_MAX = 20_000
#: markers: the result depends on the publication date (the key goes on with it), on the sentence's tense (the
#: same), or on the text around the match (never reused)
_BY_DATE = object()
_BY_TENSE = object()
_IN_CONTEXT = object()
_RESOLVE_ERRORS = (ValueError, OverflowError, KeyError, TypeError, IndexError, AttributeError)


def _resolved(
    lex: Lexicon, text: str, pub: dt.date | None, m: Any, names: Any, start: int, end: int
) -> Resolved | None:
    """:func:`resolve` of match ``m`` (trimmed to ``text[start:end]``), reusing an earlier result where the resolver
    read nothing but the match, the language and, when it read them, the publication date and the sentence's tense.

    The memo is a chain: the key of the match alone leads to a result or to a marker that names what the result
    also read; the key then goes on with that value. A result is stored under a key that holds every value its
    resolution read, so any later match with the same key takes the same path to the same result."""
    pattern = m.re
    key: tuple[Any, ...] = (lex.lang, id(pattern), m.group(), m.groups())
    found = _RESOLVED.get(key)
    if found is not None and found[0] is pattern:
        value = found[1]
        if value is not _BY_DATE and value is not _BY_TENSE and value is not _IN_CONTEXT:
            return value  # type: ignore[no-any-return]  # the common hit, before any context is built
    ctx = Ctx(lex, pub, partial(tense_at, lex, text, start, end), text, start, end)
    by_date = by_tense = False
    while found is not None and found[0] is pattern:
        value = found[1]
        if value is _BY_DATE:
            key, by_date = (*key, _BY_DATE, pub), True
        elif value is _BY_TENSE:
            key, by_tense = (*key, _BY_TENSE, ctx.tense), True
        elif value is _IN_CONTEXT:
            return _resolve_fresh(m, ctx, names)[0]
        else:
            return value  # type: ignore[no-any-return]
        found = _RESOLVED.get(key)
    res, ok = _resolve_fresh(m, ctx, names)
    if not ok:
        return res
    if ctx.used:
        _remember(key, pattern, _IN_CONTEXT)
        return res
    if ctx.dated and not by_date:
        _remember(key, pattern, _BY_DATE)
        key = (*key, _BY_DATE, pub)
    if ctx.asked and not by_tense:
        _remember(key, pattern, _BY_TENSE)
        key = (*key, _BY_TENSE, ctx.tense)
    _remember(key, pattern, res)
    return res


def _resolve_fresh(m: Any, ctx: Ctx, names: Any) -> tuple[Resolved | None, bool]:
    """:func:`resolve`, and False for a match it fails on (a surprise: never remembered)."""
    try:
        return resolve(m, ctx, names), True
    except _RESOLVE_ERRORS:
        return None, False


def _remember(key: tuple[Any, ...], pattern: Any, value: Any) -> None:
    _put(_RESOLVED, key, (pattern, value), _RESOLVED_MAX, clear=True)
