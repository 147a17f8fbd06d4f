"""One pass of the language's automaton over the folded text, then boundary, case and context checks.

The automaton reports every key that ends at every position (Aho-Corasick); a hit is
kept when it starts and ends at word boundaries (or takes an allowed prefix or
ending), has its capitals where the known spellings have them, and is not part of a
longer hit. Context rules then drop names used as parts of person names
("Jordan Peterson", "Michael Jordan") and choose among places that share a name
("Georgia") by the other places of the same text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any, NamedTuple

from ._gazetteer import Candidate, Entry, Gazetteer, city_entry, fold

__all__ = ["Hit", "scan"]

_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"[ \t]+(\w+)")
_SENTENCE_OPENERS = frozenset('.!?:;"“”«»()[]—–-|•\n\r')
_MAX_PREFIX = 4


class Hit(NamedTuple):
    """A place found in a text: span in the source, the entry and the chosen candidate."""

    start: int
    end: int
    entry: Entry
    candidate: Candidate


def _is_kana(ch: str) -> bool:
    return ("\u30a0" <= ch <= "\u30ff" and ch != "\u30fb") or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9f"


def _is_word_char(ch: str) -> bool:
    """A letter or digit of a script written with spaces (CJK, kana, Thai ... are no word neighbours)."""
    if not (ch.isalnum() or ch == "_"):
        return False
    o = ord(ch)
    return not (
        0x0E00 <= o <= 0x0EFF  # Thai, Lao
        or 0x1000 <= o <= 0x109F  # Myanmar
        or 0x1780 <= o <= 0x17FF  # Khmer
        or 0x2E80 <= o <= 0xA4CF  # CJK, kana, Yi
        or 0xAC00 <= o <= 0xD7AF  # Hangul
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3FFFF
    )


def _accept(text: str, start: int, end: int, entry: Entry, g: Gazetteer, strict_case: bool) -> tuple[int, int] | None:
    """Return the accepted span (with an ending or the Arabic article), or ``None``.

    Letters are tested on ``text`` itself (case changes no letter into a non-letter); the
    prefix and ending compared with the gazetteer's folded ones are folded here.
    """
    low = text
    n = len(text)
    key_start = start
    if entry.nobound:
        # a katakana word is a whole run of katakana: ハマ is not inside ハマス
        if start > 0 and _is_kana(low[start]) and _is_kana(low[start - 1]):
            return None
        if end < n and _is_kana(low[end - 1]) and _is_kana(low[end]):
            return None
    else:
        if start > 0 and _is_word_char(low[start - 1]) and _is_word_char(low[start]):
            if not g.prefixes:
                return None
            w = start
            while w > 0 and low[w - 1].isalpha() and start - w <= _MAX_PREFIX:
                w -= 1
            prefix = fold(low[w:start])
            if (w > 0 and _is_word_char(low[w - 1])) or prefix not in g.prefixes:
                return None
            if prefix.endswith("ال"):  # the Arabic article belongs to the name: الخرطوم, الإسرائيلي
                start -= 2
        if end < n and _is_word_char(low[end]) and _is_word_char(low[end - 1]):
            m = _WORD.match(low, end)
            rest = fold(m.group()) if m else ""
            if rest not in entry.endings:
                return None
            end += len(rest)
        elif not entry.full and "" not in entry.endings:
            return None
    if strict_case:
        for pos in entry.mask:
            if not text[key_start + pos].isupper():
                return None
    return start, end


def _line_is_headline(text: str, pos: int, memo: dict[int, bool]) -> bool:
    """True when the line around ``pos`` is in title case or all capitals (no case evidence there).

    Lines longer than 400 characters are judged by 400-character blocks; ``memo`` keeps the
    answer per line or block, so the cost per text stays linear.
    """
    lo = max(0, pos - 200)
    hi = min(len(text), pos + 200)
    a = text.rfind("\n", lo, pos) + 1
    b = text.find("\n", pos, hi)
    if (a == 0 and lo > 0) or (b < 0 and hi < len(text)):  # a long line: judge its block
        key = -1 - pos // 400
        a, b = (pos // 400) * 400, min(len(text), (pos // 400) * 400 + 400)
    else:
        key = a
        b = b if b >= 0 else hi
    known = memo.get(key)
    if known is not None:
        return known
    words = [w for w in _WORD.findall(text, a, b) if w[0].isalpha()]
    lower = sum(1 for w in words if w[0].islower())
    answer = len(words) < 3 or lower * 4 < len(words)
    memo[key] = answer
    return answer


def _prev_word(text: str, pos: int) -> tuple[int, int] | None:
    """Span of the word before ``pos`` when only spaces or tabs separate them."""
    i = pos - 1
    while i >= 0 and pos - i <= 3 and text[i] in " \t":
        i -= 1
    if i >= 1 and i < pos - 1 and text[i] == "." and text[i - 1].isupper() and (i < 2 or not text[i - 2].isalnum()):
        return i - 1, i  # an initial: "John F. Kennedy"
    if i == pos - 1 or i < 0 or not (text[i].isalnum() or text[i] == "_"):
        return None
    end = i + 1
    lo = max(0, i - 40)
    cut = max(text.rfind(" ", lo, end), text.rfind("\n", lo, end)) + 1
    if cut > 0 and end - cut <= 40 and text[cut:end].isalnum():  # the common case: a plain word after a space
        return cut, end
    while i >= 0 and end - i <= 40 and (text[i].isalnum() or text[i] == "_"):
        i -= 1
    return i + 1, end


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def _person_like(
    text: str,
    hit: Hit,
    starts: set[int],
    ends: set[int],
    g: Gazetteer,
    memo: dict[int, bool],
    edges: tuple[set[int], set[int]] | None = None,
) -> bool:
    """The place name is part of a longer capitalised name (a person, a firm), not a place.

    ``edges``: starts and ends of the capital runs; a hit that starts (ends) a run has no
    capitalised word right before (after) it, which would have joined the run.
    """
    if hit.entry.abbrev or hit.candidate.type == "demonym":
        return False
    if edges is not None and hit.start in edges[0] and hit.end in edges[1]:
        return False
    before = text[hit.start - 2 : hit.start] if hit.start >= 2 else ""
    after = text[hit.end : hit.end + 2]
    capital_after = len(after) == 2 and after[0] in " \t" and (after[1].isupper() or after[1] in " \t")
    word_before = len(before) == 2 and before[1] in " \t" and (before[0].isalnum() or before[0] in ". \t")
    if not (capital_after or word_before):
        return False
    if edges is not None:
        capital_after = capital_after and hit.end not in edges[1]
        word_before = word_before and hit.start not in edges[0]
    nxt = _NEXT_WORD.match(text, hit.end) if capital_after else None
    if nxt is not None:
        word = nxt.group(1)
        if (
            word[0].isupper()
            and not word.isupper()
            and not (len(word) <= 4 and text.startswith(".", nxt.end(1)))  # "Texas Gov. Greg Abbott"
            and nxt.start(1) not in starts
            and fold(word) not in g.exempt
            and not _line_is_headline(text, hit.start, memo)
        ):
            return True
    prev = _prev_word(text, hit.start) if word_before else None
    if prev is not None:
        a, b = prev
        word = text[a:b]
        if (
            word[0].isupper()
            and (not word.isupper() or len(word) == 1)  # a capitalised word or an initial
            and b not in ends
            and (not _sentence_initial(text, a) or g.initial_rule)
            and fold(word) not in g.exempt
            and fold(word) not in g.openers
            and not _line_is_headline(text, hit.start, memo)
        ):
            return True
    return False


def _inside_name(
    text: str,
    hit: Hit,
    starts: set[int],
    ends: set[int],
    memo: dict[int, bool],
    edges: tuple[set[int], set[int]] | None = None,
) -> bool:
    """A city name between two capitalised words is part of a longer name ("Uluslararası Adalet Divanı")."""
    if hit.candidate.type != "city" or hit.entry.abbrev:
        return False
    if edges is not None and (hit.start in edges[0] or hit.end in edges[1]):
        return False
    nxt = _NEXT_WORD.match(text, hit.end)
    prev = _prev_word(text, hit.start)
    if nxt is None or prev is None:
        return False
    a, b = text[prev[0] : prev[1]], nxt.group(1)
    return (
        a[0].isupper()
        and b[0].isupper()
        and prev[1] not in ends
        and nxt.start(1) not in starts
        and not _sentence_initial(text, prev[0])
        and not _line_is_headline(text, hit.start, memo)
    )


_TOKEN = re.compile(r"[ \t]+(\S+)")
_PUNCT = ".,;:!?)]}\"'’”»"


_QUOTES = frozenset("'’‘`")


def _raw_hits(
    text: str, pairs: Iterable[tuple[int, tuple[int, Any]]], g: Gazetteer, strict_case: bool, capitals: bool
) -> list[tuple[int, int, int, Entry]]:
    """The accepted automaton hits ``(start, end, rank, entry)`` of ``text`` (one run or a whole text)."""
    found: list[tuple[int, int, int, Entry]] = []
    n = len(text)
    glued = bool(g.prefixes)
    slavic, name_endings, shadow = g.slavic, g.name_endings, g.shadow
    for last, (size, value) in pairs:
        if capitals:  # cheap rejections before the entry: a key inside a word, a lower-case first letter
            first = last + 1 - size
            if (first and not glued and text[first - 1].isalnum() and _is_word_char(text[first - 1])) or (
                text[first].isalpha() and not text[first].isupper()
            ):
                continue
        if type(value) is int:
            if value in shadow:
                continue  # the language's own key (a country, an alias) wins over the city key
            city = city_entry(value, slavic, name_endings)
            if city is None:
                continue
            entry = city
        else:
            entry = value
        start = last + 1 - size
        end = last + 1
        # fast path: a key standing between non-letters, right case, nothing to add
        _cands, mask, full, _endings, nobound, _abbrev, _ambiguous, _trap = entry
        if (
            full
            and not nobound
            and (start == 0 or not text[start - 1].isalnum())
            and (end == n or not text[end].isalnum())
        ):
            if strict_case and mask:
                if not text[start + mask[0]].isupper():
                    continue
                if len(mask) > 1 and not all(text[start + pos].isupper() for pos in mask):
                    continue
            found.append((start, end, 0, entry))
            continue
        span = _accept(text, start, end, entry, g, strict_case)
        if span is not None:
            # rank: a key that covers the whole word beats a stem with an ending ("Philippines")
            found.append((span[0], span[1], span[1] - end + (start - span[0]), entry))
    return found


_MEMO_SIZE = 1 << 13


def _run_hits(text: str, g: Gazetteer, edges: tuple[set[int], set[int]]) -> list[tuple[int, int, int, Entry]]:
    """Accepted hits in the runs of capitalised words, each distinct run judged once per process.

    A run ends before a space or the end of the text, so what is found inside it depends on
    its own characters only; a hit at the run's first letter still needs a non-word before it.
    ``edges`` gets the starts and ends of the runs that hold a hit (the person-name rule needs
    no neighbour look-up there: a capitalised neighbour would have joined the run).
    """
    run_starts, run_ends = edges
    memo = g.memo
    automaton, cities = g.automaton, g.cities
    found: list[tuple[int, int, int, Entry]] = []
    for m in g.runs.finditer(text):
        a, b = m.span()
        if a and text[a - 1] in _QUOTES:  # a run takes the apostrophe before it: keys such as "‘Amman"
            a -= 1
        run = text[a:b]
        hits = memo.get(run)
        if hits is None:
            low = fold(run)
            pairs = [*automaton.iter(low), *cities.iter(low)] if cities is not None else automaton.iter(low)
            hits = tuple(_raw_hits(run, pairs, g, True, True))
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[run] = hits
        if not hits:
            continue
        inside = a > 0 and text[a - 1].isalnum() and _is_word_char(text[a - 1])
        run_starts.add(a)
        run_ends.add(b)
        for start, end, rank, entry in hits:
            if start == 0 and inside:
                continue
            found.append((a + start, a + end, rank, entry))
    return found


def scan(text: str, g: Gazetteer, *, strict_case: bool = True, context: bool = True) -> list[Hit]:
    """Find the places of ``text`` with gazetteer ``g``: non-overlapping hits sorted by start."""
    if not text:
        return []
    if strict_case and g.runs is not None:  # every key starts with a capital (or an apostrophe)
        run_edges: tuple[set[int], set[int]] = (set(), set())
        edges: tuple[set[int], set[int]] | None = run_edges
        found = _run_hits(text, g, run_edges)
    else:
        edges = None
        low = fold(text)
        pairs = [*g.automaton.iter(low), *g.cities.iter(low)] if g.cities is not None else g.automaton.iter(low)
        found = _raw_hits(text, pairs, g, strict_case, False)
    if not found:
        return []
    # leftmost-longest: at each start the longest key wins, and a hit never overlaps an earlier one
    found.sort(key=lambda h: (h[0], h[0] - h[1], h[2]))
    taken: list[tuple[int, int, Entry]] = []
    last_end = 0
    for start, end, _rank, entry in found:
        if start < last_end:
            continue
        taken.append((start, end, entry))
        last_end = end
    hits = [Hit(s, e, entry, entry.candidates[0]) for s, e, entry in taken if not entry.trap]
    if context and hits:
        memo: dict[int, bool] = {}
        start_set = {s for s, _, _ in taken}
        end_set = {e for _, e, _ in taken}
        if g.person_rules:
            hits = [h for h in hits if not _person_like(text, h, start_set, end_set, g, memo, edges)]
        else:
            hits = [h for h in hits if not _inside_name(text, h, start_set, end_set, memo, edges)]
    return _choose(hits)


def _choose(hits: list[Hit]) -> list[Hit]:
    """Resolve names shared by several places by the unambiguous places of the same text."""
    if not any(h.entry.ambiguous for h in hits):
        return hits
    codes = Counter(h.candidate.code for h in hits if not h.entry.ambiguous)
    out = []
    for h in hits:
        cands = h.entry.candidates
        if h.entry.ambiguous:
            best = max(cands, key=lambda c: (codes.get(c.code, 0), -cands.index(c)))
            h = h._replace(candidate=best)
        out.append(h)
    return out
