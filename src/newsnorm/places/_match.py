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
import unicodedata
from collections.abc import Iterable, Mapping
from itertools import accumulate, compress, repeat
from operator import is_
from types import MappingProxyType
from typing import Any, NamedTuple

from .._latin1 import latin1_bytes
from ._gazetteer import (
    KEY_LENGTH_BITS,
    LANGUAGE_KEY,
    QUOTES,
    ROW_SHIFT,
    Candidate,
    Entry,
    Gazetteer,
    _cities,
    city_entry,
    fold,
    fold_text,
)

__all__ = ["Hit", "Place", "scan"]

_WORD = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<!\w)\w")
_NEXT_WORD = re.compile(r"[ \t]+(\w+)")
_SENTENCE_OPENERS = frozenset('.!?:;"“”«»()[]—–-|•\n\r')
_MAX_PREFIX = 4
_LENGTH_MASK = (1 << KEY_LENGTH_BITS) - 1


class Hit(NamedTuple):
    """A place found in a text: span in the source, the entry and the chosen candidate."""

    start: int
    end: int
    entry: Entry
    candidate: Candidate


def _is_kana(ch: str) -> bool:
    return ("\u30a0" <= ch <= "\u30ff" and ch != "\u30fb") or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9f"


def _is_mark(ch: str) -> bool:
    """A Devanagari vowel sign or virama: it continues its word (फ्रांस is not inside फ्रांसिस).

    Hindi writes its case markers apart ("फ्रांस के"), so a vowel sign after a name is another word. Bengali,
    Tamil and other scripts glue case endings on with vowel signs ("ফ্রান্সের"), so their marks are left alone.
    """
    return "\u0900" <= ch <= "\u097f" and unicodedata.category(ch) in ("Mn", "Mc")


def _is_sign(ch: str) -> bool:
    """An Indic vowel sign, virama or nukta: where endings are glued on with them ("ভারতের") it continues its word."""
    return "\u0900" <= ch <= "\u0dff" and unicodedata.category(ch) in ("Mn", "Mc")


_WORD_SIGNS = re.compile(r"(?:\w|[\u0900-\u0963\u0966-\u0dff])+")  # not the danda


def _is_word_char(ch: str) -> bool:
    """A letter or digit of a script written with spaces (CJK, kana, Thai ... are no word neighbours)."""
    if not (ch.isalnum() or ch == "_"):
        return _is_mark(ch)
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
            if prefix.endswith(("ال", "لل")):  # the Arabic article belongs to the name: الخرطوم, للإسرائيليين
                start -= 2
        if g.signs and end < n:
            after, before = low[end], low[end - 1]
            if (_is_word_char(after) or _is_sign(after)) and (_is_word_char(before) or _is_sign(before)):
                m = _WORD_SIGNS.match(low, end)
                rest = fold(m.group()) if m else ""
                if rest not in entry.endings:
                    return None
                end += len(rest)
            elif not entry.full and "" not in entry.endings:
                return None
        elif end < n and _is_word_char(low[end]) and _is_word_char(low[end - 1]):
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


#: Latin-1 word characters (``\\w``) as their class, ``a`` lower-case letter, ``A`` other letter (a capital, or
#: ``ª``: a word but not a lower-case one), ``0`` digit or underscore; every other byte a space: a word then starts
#: at each space followed by a class letter.
_LATIN1_CLASSES = bytes(
    0x61 if chr(c).islower() else 0x41 if chr(c).isalpha() else 0x30 if chr(c).isalnum() or c == 0x5F else 0x20
    for c in range(256)
)


def _looks_like_headline(line: str) -> bool:
    """Fewer than three words that start with a letter, or fewer than a quarter of them in lower case and none of
    those a long word that only prose writes in lower case."""
    raw = latin1_bytes(line)
    if raw is not None:  # the common case (ASCII or Latin-1): byte operations only
        classes = b" " + raw.translate(_LATIN1_CLASSES)
        lower = classes.count(b" a")
        words = lower + classes.count(b" A")
    else:
        chars = "".join(_WORD_START.findall(line))  # the first character of every word
        words = sum(map(str.isalpha, chars))
        lower = sum(map(str.islower, chars))
    if words < 3 or lower * 4 >= words:
        return words < 3
    # few words in lower case, but one of them a long word no Title Case headline leaves in lower case: prose
    # full of names ("Israel Adesanya fought in Abu Dhabi, United Arab Emirates.")
    return not _lower_word(line, 6)


def _lower_word(line: str, n: int) -> bool:
    """Does ``line`` hold a word of at least ``n`` letters, all in lower case ("fought", "signed"), other than a
    preposition that Chicago-style Title Case leaves in lower case ("between", "against")?"""
    return any(len(w) >= n and w.islower() and w not in _LONG_PREPOSITIONS for w in _LETTERS.findall(line))


#: English prepositions of six letters or more that a Chicago-style Title Case headline writes in lower case
_LONG_PREPOSITIONS = frozenset(
    {"across", "against", "around", "before", "behind", "beside", "besides", "between", "beyond", "despite",
     "during", "inside", "outside", "through", "throughout", "toward", "towards", "within", "without", "versus"}
)


#: runs of letters (the words whose case the headline test reads)
_LETTERS = re.compile(r"[^\W\d_]+")


#: The memo of ``_line_is_headline`` that takes every line for prose (no look at the text).
_PROSE: dict[int, bool] = {}


def _line_is_headline(text: str, pos: int, memo: dict[int, bool]) -> bool:
    """True when the line around ``pos`` is in title case or all capitals (no case evidence there).

    Lines longer than 400 characters are judged by 400-character blocks; ``memo`` keeps the
    answer per line or block, so the cost per text stays linear.
    """
    if memo is _PROSE:
        return False
    n = len(text)
    lo = pos - 200 if pos > 200 else 0
    hi = pos + 200 if pos + 200 < n else n
    a = text.rfind("\n", lo, pos) + 1
    b = text.find("\n", pos, hi)
    if (a == 0 and lo) or (b < 0 and hi < n):  # a long line: judge its block
        key = -1 - pos // 400
        a = (pos // 400) * 400
        b = a + 400 if a + 400 < n else n
    else:
        key = a
        if b < 0:
            b = hi
    known = memo.get(key)
    if known is not None:
        return known
    answer = _looks_like_headline(text[a:b])
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
    initial: bool = False,
    following: bool = True,
    preceding: bool = True,
) -> bool:
    """The place name is part of a longer capitalised name (a person, a firm), not a place.

    ``edges``: starts and ends of the capital runs; a hit that starts (ends) a run has no
    capitalised word right before (after) it, which would have joined the run. ``initial``:
    a capitalised sentence-initial word before the name counts even without openers; ``following``:
    a capitalised word after the name counts; ``preceding``: a word before it counts.
    """
    if hit.entry.abbrev or hit.candidate.type == "demonym":
        return False
    if edges is not None and hit.start in edges[0] and hit.end in edges[1]:
        return False
    before = text[hit.start - 2 : hit.start] if hit.start >= 2 else ""
    after = text[hit.end : hit.end + 2]
    capital_after = len(after) == 2 and after[0] in " \t" and (after[1].isupper() or after[1] in " \t")
    word_before = len(before) == 2 and before[1] in " \t" and (before[0].isalnum() or before[0] in ". \t")
    capital_after = capital_after and following
    word_before = word_before and preceding
    if not (capital_after or word_before):
        return False
    if g.name_endings and _case_ending(fold(text[hit.start : hit.end]), hit.entry, g):
        return False  # a name with a case ending glued on is no part of a person's name ("Espainiako Gobernuak")
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
            and (fold(word) not in g.exempt or _given_name(text, nxt.end(1), fold(word), g))
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
            and (initial or g.initial_rule or not _sentence_initial(text, a))
            and fold(word) not in g.exempt
            and fold(word) not in g.openers
            and not _line_is_headline(text, hit.start, memo)
        ):
            return True
    return False


def _given_name(text: str, end: int, word: str, g: Gazetteer) -> bool:
    """The calendar word ``word`` ending at ``end`` is a given name: a capitalised word follows ("Georgia May Jagger").

    A weekday or a month after a place makes no name of it ("Gaza Thursday"), unless a
    surname follows; an office word ("President") always stands after a place.
    """
    if word not in g.calendar:
        return False
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return False
    after = nxt.group(1)
    return after[0].isupper() and not after.isupper() and fold(after) not in g.exempt


_GENITIVE_S = frozenset({"s", "es", "ns"})


def _case_ending(word: str, entry: Entry, g: Gazetteer) -> bool:
    """``word`` is a whole name of the language with one of its endings glued on.

    Names inside a person's or a firm's name stand in their dictionary form. Where the genitive "-s"
    is the language's only ending, one-letter endings are left out ("Sveriges Radio"); words that are
    keys themselves never count.
    """
    if word in g.exact:
        return False
    shortest = 2 if g.name_endings <= _GENITIVE_S else 1  # where "-s" is the only case, "Sveriges Radio"
    return any(len(e) >= shortest and word.endswith(e) and word[: -len(e)] in g.exact for e in entry.endings)


def _foreign_or_inside(
    text: str,
    hit: Hit,
    starts: set[int],
    ends: set[int],
    g: Gazetteer,
    memo: dict[int, bool],
    edges: tuple[set[int], set[int]] | None = None,
) -> bool:
    """:func:`_inside_name`, and for a key only an English name spells, :func:`_person_like` too.

    Where the person rule is off (a genitive country name may stand between a title and a
    name: "Premier Izraela Binjamin Netanjahu", Swahili "Rais wa China Xi Jinping"), an English
    spelling next to a capitalised word is still a person's name: "Michael Jordan" in Czech copy,
    "psycholog Jordan Peterson". A sentence-initial word counts there ("Michael Jordan přijel").
    """
    if _inside_name(text, hit, starts, ends, g, memo, edges):
        return True
    word = fold(text[hit.start : hit.end])
    # a name in its dictionary form before a capitalised word is a given name where a country before a
    # name stands in the genitive ("Kuba Novák", "Jordan Henderson"; not "premiér Izraele Benjamin")
    if (
        g.nominative
        and hit.candidate.type != "city"
        and word in g.exact
        and word[-1:] not in _INDECLINABLE.get(g.lang, _CYRILLIC_INDECLINABLE)  # "Президент Перу Дина Болуарте"
        and _person_like(text, hit, starts, ends, g, memo, edges, preceding=False)
    ):
        return True
    if word not in g.foreign and not any(
        e and word.endswith(e) and word[: -len(e)] in g.foreign for e in hit.entry.endings
    ):  # "Jordanas": the English "Jordan" with a Lithuanian ending
        return False
    return _person_like(text, hit, starts, ends, g, memo, edges, initial=True)


#: final letters of Cyrillic names that do not decline (Перу, Чили, Того, Гаити): their dictionary form is their
#: genitive too, so one before a capitalised word may still qualify a title
_CYRILLIC_INDECLINABLE = frozenset("оуиеюэіє")
#: per language where its Latin-script names do not decline either (Polish "Peru", "Chile", "Kongo", "Haiti")
_INDECLINABLE = {"pl": frozenset("oueiy")}


def _rule_of(g: Gazetteer) -> Any:
    """The context rule of a gazetteer's language."""
    if g.person_rules:
        return _person_like
    return _foreign_or_inside if g.foreign or g.nominative else _inside_name


def _inside_name(
    text: str,
    hit: Hit,
    starts: set[int],
    ends: set[int],
    g: Gazetteer,
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


_QUOTES = frozenset(QUOTES)


def _raw_hits(
    text: str, pairs: Iterable[tuple[int, Any]], g: Gazetteer, strict_case: bool, capitals: bool
) -> list[tuple[int, int, int, Entry]]:
    """The accepted automaton hits ``(start, end, rank, entry)`` of ``text`` (one run or a whole text).

    ``pairs``: ``(last, value)`` of the automata, ``value`` the C integer of a language or city key (see
    ``KEY_LENGTH_BITS``).
    """
    found: list[tuple[int, int, int, Entry]] = []
    n = len(text)
    glued = bool(g.prefixes)
    slavic, name_endings, shadow, name_min = g.slavic, g.name_endings, g.shadow, g.name_min
    signs = g.signs
    is_mark = _is_sign if signs else _is_mark
    plain_cities = not (slavic or name_endings or signs)  # every city entry has no endings (see city_entry)
    masks = None  # the city table's masks (read when a city key is found in a whole text)
    listed = g.entries
    for last, value in pairs:
        size = value & _LENGTH_MASK
        if value & LANGUAGE_KEY:
            value = listed[value >> ROW_SHIFT]
        else:  # a city key: its row number (an int)
            value >>= ROW_SHIFT
        if capitals:  # cheap rejections before the entry: a key inside a word, a lower-case first letter
            first = last + 1 - size
            if first and not glued:
                c = text[first - 1]
                if c.isalnum() and (c.isascii() or _is_word_char(c)):
                    continue
            if text[first].isalpha() and not text[first].isupper():
                continue
        if type(value) is int:
            if value in shadow:
                continue  # the language's own key (a country, an alias) wins over the city key
            # a city key takes no ending here: one whose last letter is an ASCII letter (so it is no key of a
            # script without spaces) before an ASCII letter or digit is inside a word ("Chin" in "China")
            if (
                plain_cities
                and last + 1 < n
                and (c := text[last + 1]).isascii()
                and c.isalnum()
                and (c := text[last]).isascii()
                and c.isalpha()
            ):
                continue
            if strict_case and not capitals:  # the capital check below, before the entry is made
                if masks is None:
                    masks = _cities().masks
                mask = masks[value]
                if mask and not text[last + 1 - size + mask[0]].isupper():
                    continue
            city = city_entry(value, slavic, name_endings, name_min)
            if city is None:
                continue
            entry = city
        else:
            entry = value
        start = last + 1 - size
        end = last + 1
        _cands, mask, full, _endings, nobound, _abbrev, _ambiguous, _trap = entry
        if strict_case and mask and not text[start + mask[0]].isupper():
            continue  # a capital of the key in lower case (what _accept checks last): "roma" for "Roma"
        # fast path: a key standing between non-letters, right case, nothing to add
        if (
            full
            and not nobound
            # "चौ|थाई": a vowel sign (only letters from U+0900 on are marks)
            and (start == 0 or not ((c := text[start - 1]).isalnum() or (c >= "\u0900" and is_mark(c))))
            and (end == n or not ((c := text[end]).isalnum() or (c >= "\u0900" and is_mark(c))))
        ):
            if strict_case and len(mask) > 1 and not all(text[start + pos].isupper() for pos in mask):
                continue
            found.append((start, end, 0, entry))
            continue
        # what _accept rejects at once: a key inside a word where no prefix is glued on ("roma" in "aroma"),
        # a key that takes no ending before more letters ("Australia" in "Australian")
        # (an ASCII character is a word character when it is a letter, a digit or "_": no call for it)
        if not nobound and (
            (
                not glued
                and start
                and ((c.isalnum() or c == "_") if (c := text[start - 1]).isascii() else _is_word_char(c))
                and ((c.isalnum() or c == "_") if (c := text[start]).isascii() else _is_word_char(c))
            )
            or (
                not _endings
                and not signs
                and end < n
                and ((c.isalnum() or c == "_") if (c := text[end]).isascii() else _is_word_char(c))
                and ((c.isalnum() or c == "_") if (c := text[end - 1]).isascii() else _is_word_char(c))
            )
        ):
            continue
        span = _accept(text, start, end, entry, g, strict_case)
        if span is not None:
            # rank: a key that covers the whole word beats a stem with an ending ("Philippines")
            found.append((span[0], span[1], span[1] - end + (start - span[0]), entry))
    return found


_MEMO_SIZE = 1 << 13

#: A found place as a plain tuple: ``(start, end, entry, candidate)`` (the fields of :class:`Hit`).
Place = tuple[int, int, Entry, Candidate]


class _Run(NamedTuple):
    """What one run of capitalised words holds, judged once per process (run-relative offsets).

    ``raw``: the accepted automaton hits ``(start, end, rank, entry)``; ``taken``: the
    leftmost-longest of them that are no traps ``(start, end, entry, candidate)``; ``spans``:
    the offsets of every leftmost-longest hit, traps too (their offsets count as neighbours);
    ``context``: per taken hit, whether it needs the person-name or inner-name check (a hit
    that is a whole run never does: a capitalised neighbour would have joined the run);
    ``plain``: no hit needs the check or names several countries; ``quoted``: the run with
    an apostrophe or quote before it, for those that start a key there ("’Amman", "‘Irāq");
    ``initial``: per taken hit, whether the rules reject it even when the run starts a
    sentence (they reject less there); ``ambiguous``: some taken hit names several countries;
    ``checked``: some taken hit needs the rules.

    For a run that is not glued to the word before it, the rules' verdict in a text is
    therefore known from the run: a hit with ``context`` is rejected when the run does not
    start a sentence or ``initial`` holds, unless its line is a headline.
    """

    raw: tuple[tuple[int, int, int, Entry], ...]
    taken: tuple[Place, ...]
    spans: tuple[tuple[int, int], ...]
    context: tuple[bool, ...]
    plain: bool
    quoted: Mapping[str, _Run | tuple[()]]
    initial: tuple[bool, ...]
    ambiguous: bool
    checked: bool


_NO_QUOTES: Mapping[str, _Run | tuple[()]] = MappingProxyType({})


def _leftmost(found: list[tuple[int, int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """Leftmost-longest: at each start the longest key wins, and a hit never overlaps an earlier one."""
    if len(found) == 1:
        start, end, _rank, entry = found[0]
        return [(start, end, entry)]
    found.sort(key=lambda h: (h[0], h[0] - h[1], h[2]))
    taken: list[tuple[int, int, Entry]] = []
    last_end = 0
    for start, end, _rank, entry in found:
        if start < last_end:
            continue
        taken.append((start, end, entry))
        last_end = end
    return taken


def _may_reject(
    run: str, chosen: list[tuple[int, int, Entry]], kept: list[tuple[int, int, Entry]], g: Gazetteer
) -> tuple[bool, ...]:
    """Per kept hit of ``run``, whether the context rules may reject it wherever the run stands.

    The rules read the words next to a hit past a space; outside the run there is no
    capitalised word (it would have joined the run), so the rules are run on the run alone,
    after a lower-case word (no sentence start) and with every line taken for prose: the
    only facts they could still learn from the text make them reject less. A run glued to
    the word before it is checked in its text (see ``_places``).
    """
    return _run_verdicts("x ", run, chosen, kept, g)


def _run_verdicts(
    before: str, run: str, chosen: list[tuple[int, int, Entry]], kept: list[tuple[int, int, Entry]], g: Gazetteer
) -> tuple[bool, ...]:
    """Per kept hit, the rules' verdict on ``before + run`` with every line taken for prose."""
    n = len(run)
    # a hit with no space or tab on either side inside the run (the whole run, "China," "Japan's") has no word
    # next to it that a rule could read: no rule rejects it
    lonely = [(s == 0 or run[s - 1] not in " \t") and (e == n or run[e] not in " \t") for s, e, _entry in kept]
    if all(lonely):
        return (False,) * len(kept)
    if g.person_rules:  # the person rule reads a capitalised word right after the hit or any word right before it
        lonely = [
            alone or _no_person_next_to(run, s, e, entry) for (s, e, entry), alone in zip(kept, lonely, strict=True)
        ]
        if all(lonely):
            return (False,) * len(kept)
    return _rule_verdicts(before, run, chosen, kept, [not alone for alone in lonely], g)


def _rule_verdicts(
    before: str,
    run: str,
    chosen: list[tuple[int, int, Entry]],
    kept: list[tuple[int, int, Entry]],
    asked: list[bool],
    g: Gazetteer,
) -> tuple[bool, ...]:
    """The rule's verdict on each kept hit of ``before + run`` it is ``asked`` about (the others: kept)."""
    k = len(before)
    probe = before + run
    starts = {s + k for s, _e, _entry in chosen}
    ends = {e + k for _s, e, _entry in chosen}
    edges = ({k}, {k + len(run)})
    rule = _rule_of(g)
    return tuple(
        [
            ask and rule(probe, Hit(s + k, e + k, entry, entry.candidates[0]), starts, ends, g, _PROSE, edges)
            for (s, e, entry), ask in zip(kept, asked, strict=True)
        ]
    )


def _initial_same(g: Gazetteer) -> bool:
    """The rules give the same verdicts on a run at a sentence start and after a lower-case word.

    The person rule is the only rule of such a language, and it counts a capitalised sentence-initial
    word before a name (``initial_rule``): the text before the run is then never read, because a
    hit at the run's start has no word before it inside the run and every other hit's word before
    it lies inside the run.
    """
    return g.person_rules and g.initial_rule


def _no_person_next_to(run: str, s: int, e: int, entry: Entry) -> bool:
    """:func:`_person_like` spares the hit ``run[s:e]`` of a run wherever the run stands (read off the run).

    It spares abbreviations and demonyms; it reads the word after the hit only past a space or tab and
    when that word starts with a capital (or more blanks follow); the word before it only past a blank,
    and a word whose cased letters are all lower case (back to the blank before it; none when two blanks
    stand there) never starts with a capital. ``False`` means the rule must be asked.
    """
    if entry.abbrev or entry.candidates[0].type == "demonym":
        return True
    if e + 1 < len(run) and run[e] in " \t" and (run[e + 1].isupper() or run[e + 1] in " \t"):
        return False
    if s < 2:
        return s == 0 or run[0] not in " \t"
    if run[s - 1] not in " \t" or not (run[s - 2].isalnum() or run[s - 2] in ". \t"):
        return True
    lo = s - 44 if s > 44 else 0  # the rule reads at most 40 letters of the word before
    blank = max(run.rfind(" ", lo, s - 1), run.rfind("\t", lo, s - 1))
    return (blank >= 0 or lo == 0) and run[blank + 1 : s - 1].islower()


_SPARED: tuple[bool, ...] = (False,)
_ASKED = [True]


def _judged(
    run: str, raw: list[tuple[int, int, int, Entry]], g: Gazetteer, quoted: Mapping[str, _Run | tuple[()]] = _NO_QUOTES
) -> _Run | tuple[()]:
    """The :class:`_Run` of the accepted hits ``raw`` of ``run`` (``()`` when there are none)."""
    if not raw and not quoted:
        return ()
    if len(raw) == 1 and not raw[0][3].trap:  # the common case: what the general path gives, without its lists
        s, e, _rank, entry = raw[0]
        n = len(run)
        if ((s == 0 or run[s - 1] not in " \t") and (e == n or run[e] not in " \t")) or (
            g.person_rules and _no_person_next_to(run, s, e, entry)
        ):
            context = initial = _SPARED
        else:  # a word next to it that the rule must read
            chosen = [(s, e, entry)]
            context = initial = _rule_verdicts("x ", run, chosen, chosen, _ASKED, g)
            if context[0] and not _initial_same(g):
                initial = _run_verdicts("", run, chosen, chosen, g)
        checked = context[0]
        ambiguous = entry.ambiguous
        taken = ((s, e, entry, entry.candidates[0]),)
        plain = not checked and not ambiguous
        return _Run((raw[0],), taken, ((s, e),), context, plain, quoted, initial, ambiguous, checked)
    chosen = _leftmost(list(raw))
    kept = [(s, e, entry) for s, e, entry in chosen if not entry.trap]
    context = _may_reject(run, chosen, kept, g)
    # the same at a sentence start (no text before the run): only what context rejects can change, and only
    # where a sentence start weighs (the person rule weighs it only when it is not told to ignore it)
    checked = any(context)
    initial = _run_verdicts("", run, chosen, kept, g) if checked and not _initial_same(g) else context
    ambiguous = any(entry.ambiguous for _s, _e, entry in kept)
    return _Run(
        tuple(raw),
        tuple([(s, e, entry, entry.candidates[0]) for s, e, entry in kept]),
        tuple([(s, e) for s, e, _entry in chosen]),
        context,
        not any(context) and not ambiguous,
        quoted,
        initial,
        ambiguous,
        checked,
    )


def _run_raw(run: str, g: Gazetteer, low: str) -> list[tuple[int, int, int, Entry]]:
    """The accepted automaton hits of one run (``low``: the run folded)."""
    pairs = list(g.automaton.iter(low))
    cities = g.cities
    if cities is not None:
        pairs.extend(cities.iter(low))
    return _raw_hits(run, pairs, g, True, True) if pairs else []


def _judge_run(run: str, g: Gazetteer) -> _Run | tuple[()]:
    """The hits of one run (``()`` when it holds none), and of the run after each quote that starts a key there.

    Only a hit that takes the quote makes a difference: the others are the same hits one
    character further on.
    """
    # what fold_text and _run_raw do, without their calls (this runs for every new run of every text)
    low = run.lower() if run.isascii() else fold_text(run)
    cities = g.cities
    pairs = [*g.automaton.iter(low), *cities.iter(low)] if cities is not None else list(g.automaton.iter(low))
    found = _raw_hits(run, pairs, g, True, True) if pairs else []
    quotes = g.quote_rests.get(low[:1])
    if quotes is None or not low.startswith(quotes[0]):  # the common case: no key starts with a quote and the run
        return _judged(run, found, g) if found else ()
    quoted: dict[str, _Run | tuple[()]] = {}
    for q, rests in quotes[1]:
        if low.startswith(rests):  # some key starts with the quote and this run
            raw = _run_raw(q + run, g, q + low)
            if any(h[0] == 0 for h in raw):
                quoted[q] = _judged(q + run, raw, g)
    return _judged(run, found, g, MappingProxyType(quoted) if quoted else _NO_QUOTES)


def _places(text: str, g: Gazetteer, strict_case: bool = True, context: bool = True) -> list[Place]:
    """The places of ``text`` as :data:`Place` tuples sorted by start (what :func:`scan` returns).

    When every key starts with a capital (or an apostrophe), only the runs of capitalised
    words can hold a place. A run ends before a space or the end of the text, so what is
    found inside it depends on its own characters only: each distinct run is judged once per
    process (``g.memo``), and a text whose runs are all known costs one ``split`` and one
    dictionary look-up per run. The offsets (run ``i`` spans ``offsets[2 * i]`` to
    ``offsets[2 * i + 1]``) are the running sums of the lengths of the pieces.
    """
    if not text:
        return []
    if not (strict_case and g.runs is not None):  # some key may start in lower case: the whole text
        low = fold_text(text)
        pairs = [*g.automaton.iter(low), *g.cities.iter(low)] if g.cities is not None else g.automaton.iter(low)
        raw = _raw_hits(text, pairs, g, strict_case, False)
        if not raw:
            return []
        chosen = _leftmost(raw)
        kept: list[Place] = [(s, e, entry, entry.candidates[0]) for s, e, entry in chosen if not entry.trap]
        return _in_context(text, kept, [context] * len(kept), [(s, e) for s, e, _entry in chosen], None, g)
    memo = g.memo
    parts = g.runs.split(text)
    strs = parts[1::2]
    infos: list[Any] = list(map(memo.get, strs))
    if None in infos:
        for i in compress(range(len(infos)), map(is_, infos, repeat(None))):  # the runs not in the memo
            run = strs[i]
            info = memo.get(run)  # judged earlier in this text
            if info is None:
                info = _remember(memo, run, _judge_run(run, g))
            infos[i] = info
    if not any(infos):
        return []
    offsets = list(accumulate(map(len, parts)))
    found: list[Place] = []
    ambiguous = False
    lines: dict[int, bool] = {}  # per line: is it a headline (asked only for a hit the rules would reject)
    for i in compress(range(len(infos)), infos):
        info = infos[i]
        a = offsets[2 * i]
        if info.quoted and a > 0 and text[a - 1] in info.quoted:  # the run takes the quote before it
            a, info = _take_quote(text, infos, offsets, i)
            if not info:
                continue
        if a > 0:
            before = text[a - 1]
            if before.isalnum() or before == "_":  # glued to the word before ("iTunes"): rare
                if not _unglue(text, infos, offsets, i, g):
                    continue  # nothing left: the run does not count
                return _glued_places(text, infos, offsets, g, context)  # the rules run in the text
        taken = info.taken
        if info.plain:
            if not a:
                found.extend(taken)
            elif len(taken) == 1:  # the common case, without a comprehension's frame
                s, e, entry, cand = taken[0]
                found.append((a + s, a + e, entry, cand))
            else:
                found.extend([(a + s, a + e, entry, cand) for s, e, entry, cand in taken])
            continue
        ambiguous = ambiguous or info.ambiguous
        if not (context and info.checked):
            found.extend([(a + s, a + e, entry, cand) for s, e, entry, cand in taken])
            continue
        # the run's verdicts are known (see _Run): only the sentence start and the headline test are read here
        # a sentence start can only spare a hit when the verdicts differ there (rarely: English never)
        initial = info.initial != info.context and _sentence_initial(text, a)
        for (s, e, entry, cand), reject, reject_initial in zip(taken, info.context, info.initial, strict=True):
            if reject and (reject_initial or not initial) and not _line_is_headline(text, a + s, lines):
                continue
            found.append((a + s, a + e, entry, cand))
    return _choose(found) if ambiguous else found


def _remember(memo: dict[str, Any], key: str, info: _Run | tuple[()]) -> _Run | tuple[()]:
    """Store ``info`` under ``key`` in a run memo, emptied first when it is full (bounded per process)."""
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = info
    return info


def _take_quote(text: str, infos: list[Any], offsets: list[int], i: int) -> tuple[int, Any]:
    """Run ``i`` takes the quote before it ("’Amman"): its new start and judgement (idempotent)."""
    a = offsets[2 * i] - 1
    offsets[2 * i] = a
    info = infos[i] = infos[i].quoted[text[a]]
    return a, info


def _unglue(text: str, infos: list[Any], offsets: list[int], i: int, g: Gazetteer) -> Any:
    """Run ``i``, glued to a letter before it: without a hit at its first letter, the others
    choosing again (memoised); idempotent, ``()`` when nothing is left."""
    info = infos[i]
    a = offsets[2 * i]
    if text[a - 1] != "_" and _is_word_char(text[a - 1]) and any(h[0] == 0 for h in info.raw):
        run = text[a : offsets[2 * i + 1]]
        key = "\x00" + run  # no run starts with a control character: the glued form's own key
        memo = g.memo
        found = memo.get(key)
        if found is None:
            found = _remember(memo, key, _judged(run, [h for h in info.raw if h[0] != 0], g))
        info = infos[i] = found
    return info


def _glued_places(text: str, infos: list[Any], offsets: list[int], g: Gazetteer, context: bool) -> list[Place]:
    """The places of a text with a run glued to the word before it ("McIsrael", "xGaza", "iTunes Music Store").

    Such a run's first word may start before it, so its hits are checked by the rules in the
    text (and so are the others, for their neighbours). ``infos`` and ``offsets`` are those of
    :func:`_places`; taking a quote is idempotent, so a pass begun there is simply redone.
    """
    found: list[Place] = []
    glued: set[int] = set()
    for i in compress(range(len(infos)), infos):
        info = infos[i]
        a = offsets[2 * i]
        if info.quoted and a > 0 and text[a - 1] in info.quoted:
            a, info = _take_quote(text, infos, offsets, i)
            if not info:
                continue
        if a > 0 and (text[a - 1].isalnum() or text[a - 1] == "_"):
            info = _unglue(text, infos, offsets, i, g)
            if not info:
                continue
            glued.add(i)
        found.extend([(a + s, a + e, entry, cand) for s, e, entry, cand in info.taken])
    if not found:
        return found
    needs: list[bool] = []
    spans: list[tuple[int, int]] = []
    edges: tuple[set[int], set[int]] = (set(), set())
    for i in compress(range(len(infos)), infos):
        info = infos[i]
        a = offsets[2 * i]
        if not context:
            needs.extend([False] * len(info.taken))
        elif i in glued:
            needs.extend([True] * len(info.taken))
        else:
            needs.extend(info.context)
        spans.extend([(a + s, a + e) for s, e in info.spans])
        if info.taken:
            edges[0].add(a)
            edges[1].add(offsets[2 * i + 1])
    return _in_context(text, found, needs, spans, edges, g)


def _in_context(
    text: str,
    found: list[Place],
    needs: list[bool],
    spans: Iterable[tuple[int, int]],
    edges: tuple[set[int], set[int]] | None,
    g: Gazetteer,
) -> list[Place]:
    """``found`` without the hits the context rules reject (those whose ``needs`` is true), places chosen."""
    if any(needs):
        memo: dict[int, bool] = {}
        start_set = set()
        end_set = set()
        for s, e in spans:
            start_set.add(s)
            end_set.add(e)
        rule = _rule_of(g)
        found = [
            h
            for h, need in zip(found, needs, strict=True)
            if not need or not rule(text, Hit._make(h), start_set, end_set, g, memo, edges)
        ]
    return _choose(found)


def scan(text: str, g: Gazetteer, *, strict_case: bool = True, context: bool = True) -> list[Hit]:
    """Find the places of ``text`` with gazetteer ``g``: non-overlapping hits sorted by start."""
    return [Hit._make(h) for h in _places(text, g, strict_case, context)]


def _choose(hits: list[Place]) -> list[Place]:
    """Resolve names shared by several places by the unambiguous places of the same text.

    An ambiguous name takes the candidate whose country the text names most often, the
    first candidate on ties (plain loops: this runs for every text with such a name).
    """
    codes: dict[str, int] = {}
    ambiguous = False
    for h in hits:
        if h[2].ambiguous:
            ambiguous = True
        else:
            code = h[3].code
            codes[code] = codes.get(code, 0) + 1
    if not ambiguous:
        return hits
    out = []
    for h in hits:
        entry = h[2]
        if entry.ambiguous:
            best, most = h[3], -1
            for c in entry.candidates:
                n = codes.get(c.code, 0)
                if n > most:
                    best, most = c, n
            h = (h[0], h[1], entry, best)
        out.append(h)
    return out
