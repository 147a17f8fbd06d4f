"""The scan: one compiled pattern per language over a lower-cased copy of the text, then per-match decisions.

The pattern finds figures and number-word atoms only; the few matches are then joined into
runs (atoms separated by spaces, hyphens, connectors such as "and", or an article as in
"two and a half"), each run is read by :func:`._parse.parse_words`, and figures get their
suffixes (ordinal "5th", scale "3bn", "10 k", percent, exponent "1e10", fraction "3/4").
CJK languages use a numeral-character grammar (:func:`._parse.cjk_value`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from typing import Any

from .._document import Mention
from .._latin1 import latin1_bytes, lower_bytes
from .._resources import cached, memo_table, shortcut_table
from .._trie import trie_pattern
from ._lexicon import LANGS, Grammar, grammar
from ._parse import CJK_CHARS, Num, Tok, cjk_value, digit_value, parse_words

__all__ = ["scan"]

_WORD_AFTER = re.compile(r"^\W*([^\W\d_]+(?:\s+[^\W\d_]+)?)")
_LETTER = re.compile(r"[^\W\d_¼½¾⅐-⅞²³¹]")
_DE_DET = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "am",
        "im",
        "zum",
        "zur",
        "vom",
        "beim",
        "seinem",
        "ihrem",
        "seiner",
        "ihrer",
        "jeder",
        "jede",
    ]
)
_RANGE_AND = frozenset(
    ["and", "und", "et", "y", "e", "en", "и", "і", "و", "och", "i", "ile", "şi", "și", "και", "ל-", "ל־", "ו-", "ו־"]
)
_DASHES = frozenset("-–—~～〜")
_DOTTED = re.compile(r"\d+(?:[.,]\d+){2,}")
_CODE_AFTER = re.compile(r"(?:[-/]\d+){2,}|-\d{4,}(?![.,]?\d)|[ ]\d{3}-\d{4}")
_NEXT_WORD = re.compile(r"[ \t\u00a0]*(?:([^\W\d_]+)|\d)")
_TEMPERATURE = re.compile(r"\s?[cfk]\b|\s?celsius|\s?fahrenheit")
_KO_COPULA_NEXT = frozenset("다며고었었지라므")  # what follows the copula 이 (이다, 이며, 이고, 이었다, 이지만, 이라)
_KO_GLUED = re.compile(r"[0-9０-９][일이삼사오육칠팔구]")
_KO_DIGIT_BEFORE_PARTICLE = frozenset("0123456789０１２３４５６７８９일이삼사오육칠팔구")
_KO_AND_FRACTION = re.compile(r"[과와] ?[일이삼사오육칠팔구십백천0-9]+ ?분의")
_PLAIN_FIGURE = re.compile(r"[0-9０-９]+(?:[.,，．、][0-9０-９]+)*")
_FULLWIDTH = str.maketrans({"．": ".", "，": ",", "、": ",", "\u060c": ",", "\u066c": ",", "\u066b": "."})
_SI = {"k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "b": 1e9, "B": 1e9}
_SEPARATORS = ".,'’\u00a0\u202f，．、\u060c\u066b\u066c"
_VULGAR = frozenset("¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞")
_NONSPACE = re.compile(r"\S+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: Chinese and Japanese counters and units that follow a numeral character ("一个", "三人", "五年").
_COUNTERS = frozenset(
    "个個只匹人本枚台件回次年月日时時分秒岁歳才元円名位头頭条條张張种種家座部辆輛架艘棵句天周週倍成层層项項所间間号號届屆场場款份批起亿億万萬千百十度歩步杯冊册斤吨噸公里米克升点點小"
)
_CJK_APPROX = str.maketrans({"余": None, "多": None, "几": None, "幾": None})
_CJK_BIG_UNITS = "万萬亿億兆"
_SPACES = frozenset(" \u00a0\u202f")
_FIG_KINDS = frozenset(["FIG", "FIGX"])
#: Kinds of a one-token run read without the grammar: a figure is itself, a point or minus word alone is no
#: number, nor a fraction word alone without an article ("half", "quarter") unless the language says so.
_NO_GRAMMAR = frozenset(["FIG", "FIGX", "P", "NEG", "F"])
#: Common characters around figures that ``_LETTER`` never matches (a set test instead of a regex call).
_NOT_LETTER = frozenset(" \t\n\r\u00a0\u202f.,;:!?()[]{}\"'“”‘’«»-–—/%$€£+*=<>#&|")
_PREV_PLAIN = _NOT_LETTER - frozenset("-‐/:")  # before a figure: no name, code, date or time check needed
_SPACE_GROUP = re.compile(r"(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:[.,]\d+(?![.,]?\d))?")
_CJK_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
#: Scripts whose one-letter proclitics glue to a figure, with or without a hyphen ("و500", "ב-1948", "כ־1,500").
_PROCLITIC_SCRIPT = re.compile(
    r"[\u0590-\u05ff\ufb1d-\ufb4f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)


class _Item:
    """A number found in the text, before it becomes a :class:`Mention`.

    A plain class: the defaults live on the class, so making one sets three attributes only
    (the scan makes one per figure; a dataclass with eleven fields cost a fifth of the figure reader).
    """

    ordinal: bool = False
    percent: bool = False
    scale: float = 1
    year_like: bool = False
    fraction: bool = False
    attrs: dict[str, Any] | None = None  # created on first use: most numbers have none
    rng: list[int | float] | None = None  # [low, high] of a range
    lone_plural: bool = False  # a plural scale word alone: kept only after an approximator

    def __init__(self, start: int, end: int, value: float, ordinal: bool = False, percent: bool = False) -> None:
        self.start = start
        self.end = end
        self.value = value
        if ordinal:
            self.ordinal = True
        if percent:
            self.percent = True


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[:1] if len(c.lower()) != 1 else c.lower() for c in text)  # Turkish "İki": "iki"


def _gap_pattern(g: Grammar) -> Any:
    found = _GAPS.get(g.lang)
    return found if found is not None else _build_gap_pattern(g)


#: Per-language shortcuts to objects built once through :func:`cached` (a dict read instead of a key
#: tuple and a builder closure per document; the cache stays the one place where they are built).
#: ``shortcut_table`` dicts are emptied by ``clear_caches`` together with the cache.
_GAPS: dict[str, Any] = shortcut_table()
_GRAMMARS: dict[str, Grammar] = shortcut_table()
_TITLES: dict[str, Any] = shortcut_table()


def _grammar_of(lang: str) -> Grammar:
    g = _GRAMMARS.get(lang)
    if g is None:
        g = grammar(_lang_of(lang))
        if len(_GRAMMARS) < 512:  # bounded whatever tags callers pass
            _GRAMMARS[lang] = g
    return g


def _build_gap_pattern(g: Grammar) -> Any:
    def build() -> Any:
        conns = sorted(g.connectors, key=len, reverse=True)
        arts = sorted(g.one_article | g.article_one, key=len, reverse=True)
        c = "|".join(re.escape(x) for x in conns) or "(?!)"
        divs = sorted(g.overlay_table.get("fraction_between", []), key=len, reverse=True)
        d = "|".join(re.escape(x).replace("\\ ", " ") for x in divs) or "(?!)"
        a = "|".join(re.escape(x) for x in arts) or "(?!)"
        sp = r"[ \t\u00a0]"
        return re.compile(
            rf"(?P<s>{sp}{{0,20}})|{sp}?[-‐]{sp}?|{sp}{{1,3}}(?P<d>{d}){sp}{{1,3}}"
            rf"|{sp}{{1,20}}(?:(?P<c>{c}){sp}{{1,20}})?(?:(?P<a>{a}){sp}{{1,3}})?|[-‐](?P<ch>{c})[-‐]"
            + (rf"|(?P<c2>{c})" if g.cjk else "")
        )

    pattern = cached(("numbers", "gap", g.lang), build)
    _GAPS[g.lang] = pattern
    return pattern


#: The characters a figure can start with in a Latin-1 text (ASCII digits and "¼", "½", "¾": no other character
#: below U+0100 is a decimal digit): byte 0 for them, 1 for the others.
_FIGURE_STARTS = bytes(0 if chr(c) in "0123456789\u00bc\u00bd\u00be" else 1 for c in range(256))


def scan(text: str, lang: str, style: str = "canonical", ordinals: bool = True, words: bool = True) -> list[Mention]:
    """Find the numbers of ``text`` in language ``lang`` (options by position: this runs per document)."""
    if not text:
        return []
    g = _GRAMMARS.get(lang) or _grammar_of(lang)
    raw = latin1_bytes(text)
    if raw is not None:
        low = text.lower() if text.isascii() else lower_bytes(raw)
    else:
        low = text.lower()
        if len(low) != len(text):
            low = _lower(text)  # (as _lower gives it, without a call in the usual case)
        if "ё" in low:
            low = low.replace("ё", "е")  # Russian writes "трёх" and "трех": the lexicon has the second (same length)
    items = _scan_cjk(text, low, g) if g.cjk else _scan_words(text, low, g, words, raw)
    if g.non_latin and words:
        items = _merge(items, _latin_english(text, low))
    if not items:
        return []  # (every step below keeps an empty list empty)
    items = _mixed(low, items)
    if not ordinals:
        items = [it for it in items if not it.ordinal]
    percent_before, negative_before, plural_after_approx, titles, approx_after = g.steps
    if percent_before:
        _percent_before(low, items, g)
    if items and negative_before:
        _negative_before(low, items, g)
    _approx(low, items, g, approx_after)
    if plural_after_approx and any(it.lone_plural for it in items):
        items = [it for it in items if not it.lone_plural or (it.attrs and "approx" in it.attrs)]
    items = _ranges(low, items, g)
    out: list[Mention] = []
    plain_style = style == "canonical"
    for it in items:
        v = it.value
        if plain_style and type(v) is int and not (it.attrs or it.rng or it.ordinal or it.percent):
            s, e = it.start, it.end
            out.append(Mention("number", s, e, text[s:e], v, str(v), {}))  # the common case
        elif not (it.ordinal and titles and _in_title(text, low, it, g)):  # "le Premier ministre": no ordinal
            out.append(_mention(text, it, g, style))
    return out


#: A run of lower-case Latin words (with spaces or hyphens between them) in a text of another script.
#: (The letter comes first and the lookbehind after it, so the engine skips other characters at full speed.)
_LATIN_RUN = re.compile(r"[a-z](?<![A-Za-z].)[a-z]*(?:[ -]+[a-z]+)*(?![A-Za-z])")


def _latin_english(text: str, low: str) -> list[_Item]:
    """English number words written in lower-case Latin letters inside a non-Latin-script text.

    Code-mixed news and social text writes them so ("मुझे second list दिखाओ", "five hundred twenty
    rupees में"). Only runs that are lower case in the source are read (a capitalised Latin word in
    such a text is mostly a name: "Formula One", "First Solar").
    """
    out: list[_Item] = []
    eng = None
    for seg in _LATIN_RUN.finditer(text):
        if eng is None:
            eng = grammar("en")
        a, b = seg.start(), seg.end()
        for it in _scan_words(text[a:b], low[a:b], eng, True):
            it.start += a
            it.end += a
            out.append(it)
    return out


_MIXED_GAP = re.compile(r"[ \t\u00a0]{0,3}|[ ]?[と과와又和][ ]?")
_LEADING_MINUS = re.compile(r"[ \t]*[-−][ \t]{1,2}$")


def _mixed(low: str, items: list[_Item]) -> list[_Item]:
    """A whole number and a fraction: "2 1/4", "1と5分の4", "일과 이분의 일"; a lone leading "- 1 4/5"."""
    out: list[_Item] = []
    for it in items:
        if it.fraction:
            break
    else:
        out = items  # no fraction: nothing to join (a loop: cheaper than any() over a generator)
    for it in items if out is not items else ():
        prev = out[-1] if out else None
        if (
            it.fraction
            and prev is not None
            and not prev.fraction
            and not prev.ordinal
            and not prev.percent
            and prev.value == int(prev.value)
            and 0
            < abs(it.value)
            < (10 if _CJK_SCRIPT.search(low, prev.end, it.end) or "/" in low[it.start : it.end] else 1)
            and _MIXED_GAP.fullmatch(low, prev.end, it.start)
        ):
            prev.value = prev.value + (-1 if prev.value < 0 else 1) * abs(it.value)
            prev.end = it.end
            continue
        out.append(it)
    if out and low[0] in " \t-−" and out[0].value > 0 and _LEADING_MINUS.fullmatch(low, 0, out[0].start):
        out[0].value = -out[0].value  # "- 10  k" alone: a minus sign
        out[0].start = low.index("-") if "-" in low[: out[0].start] else low.index("−")
    return out


def _split_glued(g: Grammar, word: str) -> list[tuple[int, int, str]] | None:
    """Split a glued compound ("zweihundertdrei") into atoms, longest first with backtracking."""
    n = len(word)
    if n > 80:
        return None
    memo: dict[int, list[tuple[int, int, str]] | None] = {}

    def go(i: int) -> list[tuple[int, int, str]] | None:
        if i == n:
            return []
        if i in memo:
            return memo[i]
        j0 = i + 1 if word[i] == "-" and i > 0 else i
        res = None
        for j in range(n, j0, -1):
            piece = word[j0:j]
            if " " in piece and j < n and word[j] != "-":
                continue  # "cincuenta y dos" + "cientos": a spaced atom does not glue to the next
            if piece in g.words or (piece in g.glued_connectors and j0 > 0 and j < n):
                rest = go(j)
                if rest is not None:
                    res = [(j0, j, piece), *rest]
                    break
        memo[i] = res
        return res

    return go(0)


def _pieces(body: str, s: int) -> list[_Item]:
    out = []
    pos = s
    for piece in re.split(r"[.,]", body):
        out.append(_Item(pos, pos + len(piece), int(_ascii(piece))))
        pos += len(piece) + 1
    return out


def _ascii(s: str) -> str:
    return "".join(str(unicodedata.digit(c, 0)) for c in s)


#: The memos below are emptied when they reach this many entries, and keep no long run or figure: an entry
#: stays small whatever the text.
_RUNS_MAX = 4096
_MEMO_SPAN = 120  # characters from a run's first token to its last
_MEMO_CHARS = 40  # characters of a figure

#: Values of grouped and decimal figures ("27,840", "1.5"), per (figure, decimal mark, group mark).
_FIGURES: dict[tuple[str, str, str], float | None] = memo_table()


def _digit_value(body: str, g: Grammar) -> float | None:
    """``digit_value(body, g.decimal, g.group)``, memoised (the same figures come back across documents)."""
    if len(body) > _MEMO_CHARS:
        return digit_value(body, g.decimal, g.group)
    key = (body, g.decimal, g.group)
    found = _FIGURES.get(key, _UNSEEN)  # (a miss, usual in a new document, raises no KeyError)
    if found is not _UNSEEN:
        return found  # type: ignore[return-value]
    value = digit_value(body, g.decimal, g.group)
    if len(_FIGURES) >= _RUNS_MAX:
        _FIGURES.clear()
    _FIGURES[key] = value
    return value


_UNSEEN = object()


def _ordinal_prefix(low: str, s: int, g: Grammar) -> int:
    """Start of an ordinal prefix ("ke-") glued before the figure at ``s``, or -1."""
    for p in g.overlay_table["ordinal_prefix"]:
        a = s - len(p)
        if a >= 0 and low.startswith(p, a) and (a == 0 or not low[a - 1].isalpha()):
            return a
    return -1


#: Currency symbols written in letters and glued to the amount ("Rp15.600", "Rs500", "RM50", "USD5").
_CURRENCY_PREFIXES = frozenset(["rp", "rs", "rm", "usd", "eur", "gbp", "inr", "idr", "myr", "php", "sgd", "aed", "sar"])


def _currency_before(low: str, s: int) -> bool:
    """Whether the letters glued before position ``s`` are a currency ("Rp15.600"), not a name ("G7", "MH17")."""
    i = s
    while i > 0 and s - i < 4 and low[i - 1].isalpha():
        i -= 1
    return (i == 0 or not low[i - 1].isalpha()) and low[i:s] in _CURRENCY_PREFIXES


def _figure(
    text: str, low: str, m: Any, g: Grammar, plain_after: frozenset[str]
) -> tuple[_Item | list[_Item] | None, int, str]:
    """A figure and its tail: (item or None, end, kind "FIG" or "FIGX").

    ``plain_after`` is :func:`_plain_after` of ``g``.
    """
    s = m.start()
    body = m.group()
    plain = body.isdigit()  # digits only (the pattern's digits are all \d): the common case
    if plain:
        e = m.end()
    else:
        body = body[0] if body[0] in _VULGAR else body.rstrip(_SEPARATORS)
        e = s + len(body)
        if body in _VULGAR:
            it = _Item(s, e, unicodedata.numeric(body))
            it.fraction = True
            return it, e, "FIGX"  # "½", "¾"
        plain = body.isdigit()
    prev = text[s - 1] if s > 0 else " "
    if prev in _PREV_PLAIN_FIGURE and body.isascii():
        # a figure in plain surroundings (most of them): the checks below would all pass, so only these remain
        after = low[e : e + 1]
        if after in plain_after or (after in _WHITE and _no_tail(low, e, g)):
            if not plain:  # "27,840", "1.5": one grouped or decimal number (else the reader below decides)
                grouped = _digit_value(body, g)
                if grouped is not None:
                    return _Item(s, e, grouped), e, "FIG"
            elif len(body) < 300:
                it = _Item(s, e, int(body))
                if len(body) <= 4:
                    if len(body) == 4 and 1000 <= it.value <= 2100:
                        it.year_like = True
                    if s > 1 and text[s - 2].isalpha() and _caps_name_before(text, s):
                        return None, e, ""  # "Boeing 737", "Apollo 11"
                return it, e, "FIG"
    if plain and prev in ".," and (s == 1 or not text[s - 2].isalnum()):
        s -= 1  # ".08"
        body = prev + body
        plain = False
        prev = text[s - 1] if s > 0 else " "
    after = low[e : e + 1]
    if after in _SPACES and plain and low[e + 1 : e + 2].isdecimal():
        phone = _phone_end(text, s)
        if phone:
            return None, phone, ""  # "0800 123 4567", "01 23 45 67 89": a phone number
    if after in _SPACES and plain and len(body) <= 3 and low[e + 1 : e + 2].isdecimal():
        sg = _SPACE_GROUP.match(low, e)
        if sg is not None:
            e = sg.end()
            body = text[s:e]
            plain = False
            after = low[e : e + 1]
    ord_start = -1
    if prev not in _PREV_PLAIN:
        if g.overlay_table.get("ordinal_prefix"):
            ord_start = _ordinal_prefix(low, s, g)  # Indonesian "ke-3", Hebrew "ה-3", Arabic "الـ3": third
            if ord_start >= 0:
                prev = " "
        # names with numbers: "G7", "F-16", "Covid-19", "MH17"; codes "A4-B"; an Arabic-script letter is a
        # proclitic or the article glued to the figure ("و500", "ال١٩٢", "ب٣"), as Arabic and Persian write them
        if (
            _LETTER.match(prev)
            and not _CJK_SCRIPT.match(prev)
            and not _PROCLITIC_SCRIPT.match(prev)
            and not _currency_before(low, s)
        ):
            return None, e, ""
        if (
            prev in "-‐"
            and s > 1
            and _LETTER.match(text[s - 2])
            and not _CJK_SCRIPT.match(text[s - 2])
            and not _PROCLITIC_SCRIPT.match(text[s - 2])
        ):
            return None, e, ""
        if prev in "/:" and s > 1 and text[s - 2].isdigit() and (prev == "/" or len(body) == 2):
            return None, e, ""  # "3/4/2024", "10:30": dates and times ("3:1" is a score, "1:100" a ratio)
    if after in "-/" or (after == " " and low[e + 1 : e + 2].isdecimal()):  # ("" is in any str)
        code = _CODE_AFTER.match(low, e)
        if code is not None:
            return None, code.end(), ""  # "555-123-4567", "2024-02-08", "3/4/2024": codes, dates
    if plain and body.isascii():
        value: float | None = int(body) if len(body) < 300 else None
    else:
        if not body.isascii():
            body = body.translate(_FULLWIDTH)
        value = _digit_value(body, g) if body[0] not in ".," else digit_value("0" + body, ".", ",")
    if value is None:
        following = text[e : e + 1] or " "
        if _DOTTED.fullmatch(body) and (not _LETTER.match(following) or _CJK_SCRIPT.match(following)):
            return _pieces(body, s), e, "FIGX"  # "192.168.1.2": four numbers
        return None, e, ""
    it = _Item(s, e, value)
    kind = "FIG"
    t = None
    second = low[e + 1 : e + 2]
    if after in g.tail_first or (after.isspace() and (second in g.tail_after_space or second.isspace())):
        t = g.tail.match(low, e)  # a figure followed by anything else has no tail: no regex call
    if t is not None and t.end() > e:
        if t.group("exp"):
            exp = int(t.group("exp")[1:].replace("－", "-").replace("−", "-"))
            if abs(exp) > 300:
                return None, t.end(), ""
            it.value = float(f"{value}e{exp}")
            kind = "FIGX"
        elif t.group("pw") is not None:
            p = t.group("pw")
            sign = -1 if p.count("-") % 2 else 1
            try:
                power = value ** (sign * float(p.lstrip("+-")))
            except (OverflowError, ZeroDivisionError, ValueError):
                return None, e, ""
            if not isinstance(power, (int, float)) or not math.isfinite(power):
                return None, e, ""
            it.value = power
            kind = "FIGX"
        elif t.group("den"):
            den = int(t.group("den"))
            if "." in body or "," in body or den == 0 or (value >= den and not g.cjk):
                return None, t.end("den"), ""  # "24/7", "9.5/10": not a fraction
            it.value = value / den
            it.fraction = True
            kind = "FIGX"
        elif t.group("ordsuf"):
            if t.group("ordsuf") == "°" and _TEMPERATURE.match(low, t.end()):
                return None, t.end(), ""  # "30° C": a temperature
            it.ordinal = True
            kind = "FIGX"
        elif t.group("gabbr") or t.group("sabbr"):
            abbr = (t.group("gabbr") or t.group("sabbr")).strip()
            raw = text[t.end() - len(abbr) : t.end()]
            scale = float(g.overlay_table.get("glued_abbr", {}).get(abbr, 0) if t.group("gabbr") else 0)
            if not scale or (t.group("sabbr") and abbr != "k"):
                scale = _SI.get(raw, 0.0)  # "10 k", "-2.5 M", "10G"; "10 m" is ten metres
            if not scale and t.group("gabbr"):
                return None, t.end(), ""  # "10g", "5kg": a unit
            it.value = value * (scale or 1)
            it.scale = scale or 1
            kind = "FIGX"
        if t.group("pct"):
            it.percent = True
            kind = "FIGX"
        it.end = t.end()
        if t.group("sabbr") and it.value == value and not t.group("pct"):
            it.end = e  # "10 m": ten metres, the figure alone
            kind = "FIG"
    if ord_start >= 0 and kind == "FIG" and plain and value < 1000:  # "ke-3", "ה-21"; "ה-1,500" is "the 1,500"
        it.ordinal = True
        it.start = ord_start
        kind = "FIGX"
    nxt = text[it.end : it.end + 1] or " "
    if nxt not in _NOT_LETTER and _LETTER.match(nxt) and not _CJK_SCRIPT.match(nxt):
        return None, it.end, ""  # "180.25ml", "5kg", "737MAX": a unit or a code
    if prev in "-−－" and (s == 1 or text[s - 2] in " \t\n([" or _CJK_SCRIPT.match(text[s - 2])):
        it.value = -it.value
        it.start = s - 1
    if plain and kind == "FIG":
        if len(body) == 4 and 1000 <= value <= 2100:
            it.year_like = True
        if after == "." and text[e : e + 2] == ". " and e + 2 < len(text) and g.overlay_table.get("ordinal_dot"):
            nx = text[e + 2]
            wa, wb = _word_before(low, s)
            det = low[wa:wb] in _DE_DET
            if nx.isalpha() and (det or (nx.islower() and g.overlay_table.get("ordinal_dot_lower"))):
                it.ordinal = True
                it.end = e + 1
                return it, it.end, "FIGX"
        if len(body) <= 4 and s > 1 and text[s - 2].isalpha() and _caps_name_before(text, s):
            return None, e, ""  # "Boeing 737", "Apollo 11"
    return it, it.end, kind


def _no_tail(low: str, e: int, g: Grammar) -> bool:
    """After a figure ending at ``e`` and one whitespace character: no grouped digits, code, tail or unit."""
    second = low[e + 1 : e + 2]
    if second.isdecimal():
        return False  # "1 234", "0800 123", "2 3/4": groups, phone numbers, fractions
    if second not in g.tail_after_space and not second.isspace() and low[e] not in g.tail_first:
        return True
    if low[e] not in g.tail_first and second not in g.tail_space_heads and low[e + 1 : e + 3] not in g.tail_space_heads:
        # no percent sign or word starts after the whitespace, nor "k", "m", "g" alone after one or two of them
        # ("5 people", "2 million", "2009\n\nThe"): the tail pattern can match nothing (an exact test)
        if second.isspace():
            if low[e + 2 : e + 3] not in _KMG or _word_char(low[e + 3 : e + 4]):
                return True
        elif second not in _KMG or _word_char(low[e + 2 : e + 3]):
            return True
    t = g.tail.match(low, e)
    return t is None or t.end() == e  # "5 people", not "5 %", "10 k"


_KMG = frozenset("kmg")


#: Characters before a figure after which the figure reader makes no check ("5" in " 5", "(5"): no ".08", no sign.
_PREV_PLAIN_FIGURE = _PREV_PLAIN - frozenset(".,")
#: Whitespace in ``_NOT_LETTER``: after one of them, the next character decides whether a tail or group may follow.
_WHITE = frozenset(c for c in _NOT_LETTER if c.isspace())
_PLAIN_AFTER: dict[str, frozenset[str]] = shortcut_table()


def _plain_after(g: Grammar) -> frozenset[str]:
    """Characters after which a plain figure has no tail, code, group, ordinal dot or glued unit (``_figure``'s rules).

    The empty string (the end of the text) is one of them.
    """
    found = _PLAIN_AFTER.get(g.lang)
    if found is None:
        bad = g.tail_first | frozenset("-/") | (frozenset(".") if g.overlay_table.get("ordinal_dot") else frozenset())
        chars = frozenset(c for c in _NOT_LETTER if c not in bad and not c.isspace()) | {""}
        found = cached(("numbers", "plain_after", g.lang), lambda: chars)
        _PLAIN_AFTER[g.lang] = found
    return found


_SCAN_SETUP: dict[str, tuple[Any, frozenset[str], bool, frozenset[str], str]] = shortcut_table()


def _scan_setup(g: Grammar) -> tuple[Any, frozenset[str], bool, frozenset[str], str]:
    """What :func:`_scan_words` asks of the language once per text: the gap pattern, :func:`_plain_after`,
    :func:`_percent_alone` (one shortcut-table read instead of three calls), the first characters of the
    words (a run can start at 0 only with one of them) and :func:`_gap_chars`."""
    firsts: frozenset[str] = cached(("numbers", "word_firsts", g.lang), lambda: frozenset(w[:1] for w in g.words))
    found = (_gap_pattern(g), _plain_after(g), _percent_alone(g), firsts, _gap_chars(g))
    _SCAN_SETUP[g.lang] = found
    return found


def _gap_chars(g: Grammar) -> str:
    """Every character a match of the gap pattern can hold: spaces, hyphens and the letters of the connectors,
    articles and fraction words. A gap with another character ("," in "20, 2009") is no gap: ``gap.strip(chars)``
    is not empty, and the pattern need not be asked."""

    def build() -> str:
        words = [*g.connectors, *g.one_article, *g.article_one, *g.overlay_table.get("fraction_between", [])]
        return "".join(sorted(set(" \t\u00a0-‐").union(*words)))

    chars: str = cached(("numbers", "gap_chars", g.lang), build)
    return chars


_PERCENT_ALONE: dict[str, bool] = shortcut_table()


def _percent_alone(g: Grammar) -> bool:
    """Whether "%" right after a figure is read by the tail pattern as the percent sign alone (no suffix, scale
    abbreviation or longer percent word of the language starts with it)."""
    found = _PERCENT_ALONE.get(g.lang)
    if found is None:
        o = g.overlay
        items = [*o.get("ordinal_suffix", ()), *o.get("glued_abbr", {}), *o.get("percent", ())]
        alone = not any(i.lower().startswith("%") for i in items)
        found = cached(("numbers", "percent_alone", g.lang), lambda: alone)
        _PERCENT_ALONE[g.lang] = found
    return found


def _lone(
    low: str,
    gap: Any,
    found: _Item,
    run: list[Tok],
    last_end: int,
    pos: int,
    matches: list[Any],
    index: int,
    chars: str = "",
) -> bool:
    """Whether figure ``found`` joins neither the run before it nor the next match (exactly as the run rules decide).

    Before: no run, or a gap the gap pattern does not take. After: no next match, one more than 27 characters
    away (a token starts at most 2 characters before its match), or a figure whose start the reader cannot move
    ("-5", ".08") with a gap the pattern does not take.
    """
    if (
        run
        and found.start - last_end <= 24
        and not (chars and low[last_end : found.start].strip(chars))  # (see _gap_chars)
        and gap.fullmatch(low, last_end, found.start) is not None
    ):
        return False
    if index == len(matches):
        return True
    ns, is_word, _ = matches[index]
    if ns - found.end > 27:
        return True
    return (
        not is_word
        and ns >= pos
        and low[ns - 1] not in "-−－.,"
        and (bool(chars and low[found.end : ns].strip(chars)) or gap.fullmatch(low, found.end, ns) is None)
    )


_new_item = object.__new__


class _Head:
    """A run at the start of the text, matched in " " + text: the ``end()`` and ``group(1)`` the scan asks of a word
    match, at the text's positions."""

    __slots__ = ("_match",)

    def __init__(self, match: Any) -> None:
        self._match = match

    def end(self) -> int:
        """The end of the run in the text."""
        return int(self._match.end()) - 1

    def group(self, index: int) -> str:
        """The run (group 1, as ``Grammar.pattern`` gives it)."""
        return str(self._match.group(index))


def _checked_runs(low: str, pattern: Any, check: Any, at: int) -> list[tuple[int, int, Any]]:
    """The word matches of ``pattern`` from ``at`` whose first character ``check`` does not match, as the pattern with
    its lookbehind finds them: after a refused match the search goes on from its next character."""
    out: list[tuple[int, int, Any]] = []
    m = pattern.search(low, at)
    while m is not None:
        if check.match(low, m.start()) is None:
            out.append((m.start(1), 1, m))
            m = pattern.search(low, m.end())
        else:
            m = pattern.search(low, m.start() + 1)
    return out


def _figure_matches(low: str, raw: bytes, g: Grammar) -> list[tuple[int, int, Any]]:
    """``[(m.start(), 0, m) for m in g.figures.finditer(low)]`` for a Latin-1 text whose bytes are ``raw``.

    A figure of such a text starts at a digit or "¼", "½", "¾" (and always matches there): a byte table and
    ``bytes.find`` reach those at memory speed, where the pattern's search tests its first-character class at every
    character (two thirds of its cost).
    """
    mask = raw.translate(_FIGURE_STARTS)
    find = mask.find
    at = find(0)
    if at < 0:
        return []
    fmatch = g.figures.match
    out: list[tuple[int, int, Any]] = []
    while at >= 0:
        m = fmatch(low, at)
        if m is None:  # (never: the class takes every such character)
            return [(m.start(), 0, m) for m in g.figures.finditer(low)]
        out.append((at, 0, m))
        at = find(0, m.end())
    return out


def _scan_words(text: str, low: str, g: Grammar, words: bool, raw: bytes | None = None) -> list[_Item]:
    gap, plain_after, percent_alone, word_firsts, gap_chars = _SCAN_SETUP.get(g.lang) or _scan_setup(g)
    items: list[_Item] = []
    run: list[Tok] = []
    figs: dict[int, _Item] = {}
    last_end = -1
    pos = 0

    def close() -> None:
        if run:
            if len(run) == 1 and run[0][4] in _NO_GRAMMAR:
                kind = run[0][4]
                if kind in _FIG_KINDS:
                    items.append(figs[run[0][0]])  # a lone figure: as _read_run gives it
                elif kind == "F" and (run[0][6] >= 0 or g.parse_flags[5]):
                    items.extend(_read_run(text, low, run, figs, g))
                # (else a point or minus word alone, or "half" alone: no number, as parse_words reads them)
            else:
                items.extend(_read_run(text, low, run, figs, g))
            run.clear()
            figs.clear()

    matches = (
        [(m.start(), 0, m) for m in g.figures.finditer(low)] if raw is None else _figure_matches(low, raw, g)
    )  # (``raw``: the Latin-1 bytes of the text)
    if words:
        # a run at 0 (see Grammar.pattern), which starts with a word's first character
        first = g.pattern.match(" " + low) if g.word_prefix and low[:1] in word_firsts else None
        head = _Head(first) if first is not None else None
        at = head.end() if head is not None else 0
        word_matches = [(m.start(1), 1, m) for m in g.pattern.finditer(low, at)]
        check = g.prefix_check
        if check is not None and word_matches:
            for rs, _, _ in word_matches:  # (the character before the run starts the match)
                if low[rs - 1] >= "\x80" and check.match(low, rs - 1) is not None:
                    word_matches = _checked_runs(low, g.pattern, check, at)  # (rare: a run glued after "é")
                    break
        if head is not None:
            word_matches.insert(0, (0, 1, head))
        if word_matches:
            matches.extend(word_matches)
            matches.sort()  # starts are distinct (a figure starts with a digit, a word with a letter)
    edges = g.ascii_edges
    one_article = g.one_article  # (without them _article_before gives -1)
    n_low = len(low)
    tail_first, tail_after_space = g.tail_first, g.tail_after_space
    n_matches = len(matches)
    for index, (mstart, is_word, m) in enumerate(matches, 1):
        if mstart < pos:
            continue
        if is_word and edges:  # ASCII \b: drop runs glued to a non-ASCII letter ("éten")
            mend = m.end()
            if (mstart and ((c := low[mstart - 1]).isalnum() or c == "_")) or (
                mend < n_low and ((c := low[mend]).isalnum() or c == "_")
            ):  # (as _word_char, without a call)
                continue
        if not is_word:
            body = m.group()
            pos = end = m.end()
            digits = body.isdigit()
            if not digits:
                body = body.rstrip(_SEPARATORS)  # ("2010," "27,840.")
                end = mstart + len(body)
                digits = body.isdigit()
            found: _Item | None = None
            plain = body.isascii() and (text[mstart - 1] if mstart else " ") in _PREV_PLAIN_FIGURE
            after = low[end : end + 1]
            if plain and (
                after in plain_after
                or (
                    after in _WHITE
                    and (
                        (
                            (second := low[end + 1 : end + 2]) not in tail_after_space
                            and not second.isdecimal()
                            and not second.isspace()
                            and after not in tail_first
                        )
                        or _no_tail(low, end, g)
                    )
                )
            ):  # the commonest figures, read here as _figure reads them: ASCII, plain characters around
                year = False
                if not digits:
                    value = _digit_value(body, g)  # "27,840", "1.5"
                elif len(body) > 4:
                    value = int(body) if len(body) < 300 else None
                elif (
                    mstart > 1
                    and text[mstart - 2].isalpha()
                    and not (  # (the first test of _caps_name_before, without a call: a window with no capital)
                        (window := text[mstart - 13 if mstart > 13 else 0 : mstart - 1]).islower()
                        and (mstart <= 13 or not window.isalpha())
                    )
                    and _caps_name_before(text, mstart)
                ):
                    if run:
                        close()
                    last_end = -1
                    continue  # "Boeing 737", "Apollo 11": a name
                else:
                    value = int(body)
                    year = len(body) == 4 and 1000 <= value <= 2100
                if value is not None:
                    found = _new_item(_Item)  # (as _Item(mstart, end, value), a third faster)
                    found.start = mstart
                    found.end = end
                    found.value = value
                    if year:
                        found.year_like = True
                    kind = "FIG"
            elif (
                plain
                and after == "%"
                and percent_alone
                and ((nxt := text[end + 1 : end + 2]) in _NOT_LETTER or not nxt)
            ):
                value = (int(body) if len(body) < 300 else None) if digits else _digit_value(body, g)
                if value is not None:  # "78%", "4,08%": as _figure reads them (the tail is the percent sign alone)
                    found = _new_item(_Item)
                    found.start = mstart
                    found.end = end + 1
                    found.value = value
                    found.percent = True
                    kind = "FIGX"
                    if end + 1 > pos:
                        pos = end + 1
            if found is None:
                read, end, kind = _figure(text, low, m, g, plain_after)
                if end > pos:
                    pos = end
                if not isinstance(read, _Item):
                    if run:
                        close()
                    last_end = -1
                    if read is not None:
                        items.extend(read)
                    continue
                found = read
            if not run and (index == n_matches or matches[index][0] - found.end > 27):
                items.append(found)  # no run before it, no match close after it: alone (as _lone says)
                continue
            if _lone(low, gap, found, run, last_end, pos, matches, index, gap_chars):
                if run:
                    close()
                items.append(found)
                continue
            fig_item: _Item | None = found
            # the token (start, end, word, value, kind), its connector flag and article start set below
            ts, te, tw, tv, tk = found.start, found.end, m.group(), found.value, kind
            rest: list[Tok] | None = None  # more tokens of one match (a glued compound)
        else:
            fig_item = None
            pos = m.end()
            w = m.group(1)
            vk = g.word_table.get(w)
            rest = None
            if vk is not None:
                ts, te, tw, tv, tk = mstart, pos, w, vk[0], vk[1]
            else:
                parts = _split_glued(g, w)
                if not parts and " " in w:  # "cincuenta y doscientos": read the spaced words one by one
                    parts = []
                    for sm in _NONSPACE.finditer(w):
                        sub = _split_glued(g, sm.group()) if sm.group() not in g.connectors else None
                        if sub:
                            parts.extend((sm.start() + a, sm.start() + b, piece) for a, b, piece in sub)
                if not parts:
                    continue
                base = mstart
                tok: list[Tok] = []
                glue = False
                for a, b, piece in parts:
                    if piece not in g.words:
                        glue = True  # "honderdenzes": a connector inside the word
                        continue
                    v, k = g.words[piece]
                    tok.append((base + a, base + b, piece, v, k, glue, -1))
                    glue = False
                ts, te, tw, tv, tk, _, _ = tok[0]  # (its connector flag comes from the gap before it)
                rest = tok[1:]
        start = ts
        conn = False
        art = -1
        joined = False
        if run and last_end >= 0:
            gm = (
                gap.fullmatch(low, last_end, start)
                if start - last_end <= 24 and not low[last_end:start].strip(gap_chars)
                else None
            )
            if gm is not None and gm.group("s") is not None and g.overlay_table.get("tens_units_glued"):
                pk, pv = run[-1][4], run[-1][3]
                mode = g.overlay_table["tens_units_glued"]
                if mode == "french":  # a unit joins tens with a hyphen, "et un" after vingt ... soixante
                    apart = (tv == 1 and 20 <= pv <= 60) or (run[-1][2].endswith("dix") and tv < 7)
                else:
                    apart = mode != "vowel" or tw[:1] in "aeiou"
                if pk == "N" and tk in ("N", "O") and pv >= 10 and pv % 10 == 0 and pv < 100 and 0 < tv < 10 and apart:
                    gm = None  # "venti uno" (ventuno), "zwanzig drei", "vingt un": two numbers
            if gm is not None and gm.group("c") and gm.group("c") in g.overlay_table.get("scale_links", ()):
                if tk == "S" and not gm.group("a"):
                    gm = None
                    joined = True  # Romanian "douăzeci de mii", "20 de milioane": "de" links a count to its scale
                else:
                    gm = None
            if gm is not None:
                joined = True
                conn = bool(gm.group("c") or gm.group("ch") or (g.cjk and gm.groupdict().get("c2")))
                if gm.group("d"):  # "five over eight", "पांच बटा आठ", "واحد من تريليون"
                    run.append((gm.start("d"), gm.end("d"), gm.group("d"), 0, "DIV", False, -1))
                if gm.group("a"):
                    art = gm.start("a")
        if not joined:
            if run:
                close()
            if one_article:
                art = _article_before(low, start, g)
        if fig_item is not None:
            figs[fig_item.start] = fig_item
        run.append((ts, te, tw, tv, tk, conn, art))
        if rest:
            run.extend(rest)
            last_end = rest[-1][1]
        else:
            last_end = te
    if run:
        close()
    return items


# words after "a fifth" that keep it a fraction: partitives, comparisons ("a fifth of", "un tiers des", "a third more")
_FRACTION_NEXT = frozenset(
    [
        "of",
        "more",
        "less",
        "fewer",
        "than",
        "the",
        "de",
        "des",
        "du",
        "d",
        "del",
        "della",
        "dello",
        "delle",
        "dei",
        "degli",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "van",
        "der",
        "den",
        "des",
        "dels",
        "των",
        "του",
        "της",
        "από",
        "din",
        "dintre",
        "em",
        "en",
        "in",
        "meer",
        "minder",
        "plus",
        "moins",
        "más",
        "menos",
        "più",
        "meno",
        "mais",
        "menos",
    ]
)
_ARTICLE_ORDINAL_NEXT = re.compile(r"[ \u00a0]([^\W\d_]+)")


def _article_ordinal(low: str, nm: Num, g: Grammar) -> Num:
    """Article + ordinal word + a noun is an ordinal ("a fifth term", "une douzième prova"), not 1/n."""
    words = low[nm.start : nm.end].split()
    if len(words) != 2 or (words[0] not in g.one_article and words[0] not in g.article_one):
        return nm
    vk = g.word_table.get(words[1])
    if vk is None or vk[1] not in ("O", "OM", "OS") or vk[0] < 3:
        return nm
    word_start = nm.end - len(words[1])
    m = _ARTICLE_ORDINAL_NEXT.match(low, nm.end)
    if m is None or m.group(1) in _FRACTION_NEXT or m.group(1) in g.words or m.group(1) in g.connectors:
        return nm
    return Num(word_start, nm.end, vk[0], True, 1, words[1])


def _word_char(c: str) -> bool:
    """A character ``re``'s Unicode ``\\w`` matches."""
    return c.isalnum() or c == "_"


def _article_before(low: str, start: int, g: Grammar) -> int:
    """Start of an article ("a", "an") right before ``start``, or -1."""
    if not g.one_article or start < 2 or low[start - 1] not in " \t\u00a0":
        return -1
    c = low[start - 2]
    if c not in g.article_last and (c.isalpha() or start < 3 or low[start - 3] not in g.article_last):
        return -1  # the word before does not end like an article
    a, b = _word_before(low, start, 2)
    if a < 0 or (a > 0 and low[a - 1].isalnum()) or low[a:b] not in g.one_article:
        return -1
    return a


def _lone_scale(text: str, nm: Num, g: Grammar) -> bool:
    """A scale word alone after a capitalised word is a name ("Claudia Tausend")."""
    vk = g.word_table.get(nm.first)
    if vk is None or vk[1] not in ("S", "M"):
        return False
    return _caps_name_before(text, nm.start)


def _word_scale(value: float, figure: float) -> float:
    """The scale words multiply the figure by ("3 million" 10^6, "3 dozen" 12): a range's low end takes it."""
    if not figure or value <= figure:
        return 1.0
    ratio = abs(value / figure)
    return float(10 ** round(math.log10(ratio))) if ratio >= 1000 else ratio


def _tail(low: str, end: int, g: Grammar) -> Any:
    """``g.tail.match(low, end)`` when it can match something (the figure reader's first-character test)."""
    after = low[end : end + 1]
    if after in g.tail_first or (
        after.isspace() and (low[end + 1 : end + 2] in g.tail_after_space or low[end + 1 : end + 2].isspace())
    ):
        return g.tail.match(low, end)
    return None


#: Runs already read, per language: a run's tokens (positions made relative) -> its numbers (relative too).
#: The same runs come back across documents ("two million", "$2 billion", "the first"). Bounded: cleared when full.
_RUNS: dict[tuple[Any, ...], tuple[tuple[int, int, float, bool, int, str], ...]] = memo_table()
#: Positions in a memo key start here: differences between positions and comparisons with the -1
#: sentinel (or with any constant below this) come out as for the absolute positions.
_RUN_ORIGIN = 100
_INF = float("inf")


def _parse_run(run: list[Tok], g: Grammar) -> list[Num]:
    """:func:`parse_words` of ``run`` with the grammar's switches, memoised on the run's relative positions.

    Long runs (rare, and never repeated) are read directly: a memo entry stays small whatever the text.
    A memo key holds the figures of the run, so runs with figures are new in every document: a figure and a scale
    word ("2.700 millones", "$2 billion"), the commonest run, and a figure alone are read without the grammar, and a
    run is cut where the grammar surely ends a number (see :func:`_cut`), its parts read (and memoised) apart.
    """
    cut = _cut(run)
    if not cut:
        return _parse_piece(run, g)
    out: list[Num] = []
    start = 0
    while cut:  # a loop, not recursion: a run of thousands of figures is cut thousands of times
        out += _parse_piece(run[start:cut], g)
        start, cut = cut, _cut(run, cut)
    out += _parse_piece(run[start:], g)
    return out


def _parse_piece(run: list[Tok], g: Grammar) -> list[Num]:
    """:func:`_parse_run` of a run that :func:`_cut` does not cut."""
    n = len(run)
    if n == 1:
        s0, e0, w0, v0, k0, _, _ = run[0]
        if k0 in _FIG_KINDS:
            return [Num(s0, e0, 0 + 0 + v0, False, 1, w0)]  # (parse_words' sum, to the last bit)
    elif n == 2:
        s0, _, w0, v0, k0, _, _ = run[0]
        _, e1, _, v1, k1, c1, a1 = run[1]
        if k0 == "FIG" and k1 == "S" and not c1 and a1 < 0:
            closing = g.parse_flags[10]
            mult = 0 + v0 + 0  # parse_words' steps, in its order (the same value, to the last bit)
            if mult * v1 < _INF and (closing is None or w0 not in closing):
                return [Num(s0, e1, 0 + (mult or 1) * v1 + 0 + 0, False, 2, w0)]
    if run[-1][1] - run[0][0] > _MEMO_SPAN:
        return parse_words(run, *g.parse_flags)
    low_pos = run[0][0]
    for t in run:
        if 0 <= t[6] < low_pos:
            low_pos = t[6]
    shift = low_pos - _RUN_ORIGIN if low_pos > _RUN_ORIGIN else 0
    key = (
        g.lang,
        *[(s - shift, e - shift, w, v, type(v), k, c, a - shift if a >= 0 else -1) for s, e, w, v, k, c, a in run],
    )
    found = _RUNS.get(key)
    if found is None:
        rel = [(s - shift, e - shift, w, v, k, c, a - shift if a >= 0 else -1) for s, e, w, v, k, c, a in run]
        found = tuple(
            (nm.start, nm.end, nm.value, nm.ordinal, nm.tokens, nm.first) for nm in parse_words(rel, *g.parse_flags)
        )
        if len(_RUNS) >= _RUNS_MAX:
            _RUNS.clear()
        _RUNS[key] = found
    return [Num(a + shift, b + shift, v, o, n, f) for a, b, v, o, n, f in found]


#: Kinds after which a figure that stands alone ("78%") may still join the number: a minus word, "over", a point word.
_JOIN_FIGX = frozenset(["NEG", "DIV", "P"])


def _cut(run: list[Tok], start: int = 0) -> int:
    """The first index after ``start`` at which :func:`parse_words` surely closes the number before it and starts
    anew (reading ``run[start:]``), or 0.

    There ``parse_words(run)`` is ``parse_words(run[:i]) + parse_words(run[i:])`` (the tests check it): before and
    after a figure that stands alone ("un 78%": the figure takes no word) unless a minus word, "over" or a point
    word comes before it or a point word after it (which may lead a number); between two figures ("102 and 21")
    when no point word comes before (a figure after a figure always starts a number).
    """
    point = False
    for i in range(start + 1, len(run)):
        kind, before = run[i][4], run[i - 1][4]
        point = point or before == "P"
        if (
            (kind == "FIGX" and before not in _JOIN_FIGX)
            or (before == "FIGX" and kind != "P")
            or (kind == "FIG" and before == "FIG" and not point)
        ):
            return i
    return 0


def _read_run(text: str, low: str, run: list[Tok], figs: dict[int, _Item], g: Grammar) -> list[_Item]:
    if len(run) == 1:
        s0, e0, w0, v0, k0, _, a0 = run[0]
        if k0 in ("FIG", "FIGX"):
            return [figs[s0]]
        if a0 < 0 and k0 in ("N", "O", "H"):  # one word: no grammar needed
            # (as _keep_word_number says, without a Num: an ordinal word alone and a word that is neither one nor
            # an article are kept; an article word is judged by the next words when the language has no idioms)
            if k0 == "O" or (v0 != 1 and w0.lower() not in g.article_one):
                pass
            elif k0 != "O" and not g.one_idioms and w0.lower() in g.article_one:
                if not _article_counts(low, e0, g):
                    return []
            elif not _keep_word_number(low, Num(s0, e0, v0, k0 == "O", 1, w0), g):
                return []
            it = _new_item(_Item)  # (as _Item(s0, e0, v0, k0 == "O"), without a call)
            it.start = s0
            it.end = e0
            it.value = v0
            if k0 == "O":
                it.ordinal = True
            after = low[e0 : e0 + 1]  # (as _tail, without a call: most words have no percent after them)
            if after in g.tail_first or (
                after.isspace() and ((c := low[e0 + 1 : e0 + 2]) in g.tail_after_space or c.isspace())
            ):
                t = _tail(low, e0, g)
                if t is not None and t.group("pct"):
                    it.percent = True
                    it.end = t.end()
            return [it]
    elif len(run) == 2 and run[0][4] == "FIG" and run[1][4] == "S" and not run[1][5] and run[1][6] < 0:
        # a figure and a scale word ("2.700 millones", "$2 billion"), the commonest run: _cut keeps it whole and
        # _parse_piece reads it without the grammar; here, the loop below for its one number, without a Num
        s0, _, w0, v0, _, _, _ = run[0]
        e1, v1 = run[1][1], run[1][3]
        closing = g.parse_flags[10]
        mult = 0 + v0 + 0  # (as _parse_piece)
        fig = figs.get(s0)
        if fig is not None and mult * v1 < _INF and (closing is None or w0 not in closing):
            value = 0 + (mult or 1) * v1 + 0 + 0
            it = _Item(s0, e1, value)
            it.start = fig.start
            it.percent = fig.percent
            it.scale = _word_scale(value, fig.value)
            t = _tail(low, e1, g)
            if t is not None and t.group("pct"):
                it.percent = True
                it.end = t.end()
            return [it]
    nums = _parse_run(run, g)
    out: list[_Item] = []
    for nm in nums:
        fig = figs.get(nm.start)
        if fig is not None and nm.tokens == 1:
            out.append(fig)
            continue
        if fig is None and not _keep_word_number(low, nm, g):
            continue
        lone_plural = False
        if nm.tokens == 1 and fig is None:
            if _lone_scale(text, nm, g):
                continue  # "Tausend" after a name: not a count
            if nm.first in g.overlay_table.get("plural_scales", ()):
                if not g.overlay_table.get("plural_scale_after_approx"):
                    continue  # "thousands" alone: not a count ...
                lone_plural = True
        if fig is None and nm.tokens <= 2 and 0 < nm.value < 1 and not nm.ordinal:
            nm = _article_ordinal(low, nm, g)  # "a fifth term", "un cinquième mandat": an ordinal
        it = _Item(nm.start, nm.end, nm.value, nm.ordinal)
        if lone_plural:
            it.lone_plural = True  # ... unless an approximator says it is one: Russian "более тысячи" (genitive)
        if fig is not None:
            it.start = fig.start
            it.percent = fig.percent
            it.scale = _word_scale(nm.value, fig.value)
        t = _tail(low, it.end, g)
        if t is not None and t.group("pct"):
            it.percent = True
            it.end = t.end()
        out.append(it)
    return out


_CJK_RUN = (
    r"(?:[0-9０-９{c}]|[ ]?[.．点點][ ]?(?=[0-9０-９{d}])|[,，、](?=[0-9０-９]{{3}})"
    r"|[ ]?[余多几幾][ ]?(?=[万萬亿億]))+"
)


def _cjk_pattern(g: Grammar) -> Any:
    def build() -> Any:
        chars = "".join(ch for ch in CJK_CHARS if g.lang == "ko" or not ("\uac00" <= ch <= "\ud7af"))
        run = _CJK_RUN.format(c=re.escape(chars), d=re.escape("".join(c for c in chars if c not in "两兩俩倆")))
        cont = (
            r"(?:(?:[ \u3000]{1,2}(?=[" + re.escape(chars) + r"])|(?<=[万萬亿億千百])[ ](?=[0-9０-９])"
            r"|(?<=[조억만천백])[ ](?=[0-9０-９]+(?:[.,][0-9０-９]+)?[천백십만억])"
            r"|(?<=[조억만])[ ](?=[0-9０-９]{1,4}(?![0-9０-９.,])|[0-9]{1,3},[0-9]{3}(?![0-9.,])))" + run + r")*"
        )
        suf = sorted([*g.overlay_table.get("ordinal_suffix", [])], key=len, reverse=True)
        pct = sorted(["%", "％", *g.overlay_table.get("percent", [])], key=len, reverse=True)
        return re.compile(
            r"(?:(?P<neg>负|負|マイナス|마이너스|[-−－])[ ]?)?(?P<pre>第|百分之)?"
            r"(?P<a>(?![,，、])" + run + cont + r")"  # a number starts with no separator: "死亡，150万人"
            r"(?:[ ]{0,2}(?P<fz>分[ ]{0,2}之|分の|분의)[ ]{0,2}(?P<neg2>マイナス|마이너스|负|負)?[ ]?(?P<b>"
            + run
            + r"))?"
            r"(?P<ord>" + "|".join(re.escape(s) for s in suf if s) + r"|(?!))?"
            r"(?P<pct>" + "|".join(re.escape(s) for s in pct) + r")?"
            r"(?P<doz>ダース|打(?![\u3400-\u9fff]))?"
        )

    return cached(("numbers", "cjk", g.lang), build)


_KO_UNITS = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4, "다섯": 5, "여섯": 6,
             "일곱": 7, "여덟": 8, "아홉": 9}  # fmt: skip
_KO_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80,
            "아흔": 90}  # fmt: skip
_KO_SINO = "일이삼사오육칠팔구십백천만억조"
_KO_NATIVE = re.compile(
    r"(?<![\uac00-\ud7af])(?P<sino>[" + _KO_SINO + r"]{0,12})"
    r"(?P<tens>" + "|".join(sorted(_KO_TENS, key=len, reverse=True)) + r")?[ ]?"
    r"(?P<units>" + "|".join(sorted(_KO_UNITS, key=len, reverse=True)) + r")?"
    r"(?P<ctr>[ ]?(?:번째|째)|(?=[ ]?(?:번|개|명|살|마리|권|가지|시간|달|해|사람)))"
)
_KO_FIRST = re.compile(r"(?<![\uac00-\ud7af])첫[ ]?(?:번째|째)?")


def _scan_korean_native(low: str) -> list[_Item]:
    """Native Korean numerals before a counter or "번째": "스물다섯 번째", "두 개"."""
    out = []
    for m in _KO_NATIVE.finditer(low):
        if not (m.group("tens") or m.group("units")):
            continue
        v = float(_KO_TENS.get(m.group("tens") or "", 0) + _KO_UNITS.get(m.group("units") or "", 0))
        if m.group("sino"):
            base = cjk_value(m.group("sino"), elide=False)
            if base is None:
                continue
            v += base
        end = m.end() if m.group("ctr") else (m.end("units") if m.group("units") else m.end("tens"))
        out.append(_Item(m.start(), end, v, ordinal=bool(m.group("ctr"))))
    out.extend(_Item(m.start(), m.end(), 1, ordinal=True) for m in _KO_FIRST.finditer(low))
    return out


def _scan_cjk(text: str, low: str, g: Grammar) -> list[_Item]:
    found = _scan_cjk_chars(low, g)
    if g.lang == "ko":
        found = _merge(_scan_korean_native(low), found)
    return _merge(found, _scan_words(text, low, g, False))


def _merge(first: list[_Item], second: list[_Item]) -> list[_Item]:
    """Items of ``first`` and those of ``second`` that overlap none of them, in order."""
    if not first or not second:
        return first or second
    taken = sorted((it.start, it.end) for it in first)
    starts = [a for a, _ in taken]
    reach: list[int] = []  # reach[j]: the furthest end among taken[0..j]
    for _, b in taken:
        reach.append(max(b, reach[-1]) if reach else b)
    rest = []
    for it in second:  # overlaps a taken span iff one starting before its end reaches past its start
        i = bisect_left(starts, it.end)
        if i == 0 or reach[i - 1] <= it.start:
            rest.append(it)
    return sorted(first + rest, key=lambda it: it.start)


def _scan_cjk_chars(low: str, g: Grammar) -> list[_Item]:
    out: list[_Item] = []
    hangul = re.compile(r"[\uac00-\ud7af]")
    for m in _cjk_pattern(g).finditer(low):
        a = m.group("a")
        s = m.start()
        if not a.strip():
            continue
        sa = m.start("a")
        glued = _KO_GLUED.search(a)
        if glued is not None:  # "4일" is a day, not 41
            a = a[: glued.start() + 1]
            if m.group("b") or m.group("ord") or m.group("pct"):
                continue
        b_text = m.group("b")
        end = m.end() if glued is None else sa + len(a)
        if g.lang == "ko" and glued is None and not (m.group("ord") or m.group("pct") or m.group("doz")):
            key = "b" if b_text else "a"
            grp = m.group(key)
            if (
                len(grp) > 1
                and grp[-1] == "이"
                and (low[m.end(key) : m.end(key) + 1] in _KO_COPULA_NEXT or grp[-2] in _KO_DIGIT_BEFORE_PARTICLE)
            ):
                # "백분의 일이다", "이십이었다": the copula 이다, not the numeral 2; "3분의 1이", "삼분의 일이": after a
                # digit (not a unit: "십이" is 12) 이 is the subject particle
                end = m.end(key) - 1
                if b_text:
                    b_text = grp[:-1]
                else:
                    a = a[:-1]
        sign = m.group("neg")
        plain = not (m.group("pre") or m.group("b") or m.group("ord") or m.group("pct") or m.group("doz"))
        plain = plain and (not sign or sign in "-−－")
        if plain and _PLAIN_FIGURE.fullmatch(a):
            continue  # plain figures are read by the figure scanner
        if g.lang == "ko" and hangul.match(a[0]) and not m.group("neg"):
            if sa > 0 and hangul.match(low[sa - 1]):
                continue  # inside a word
            special = m.group("ord") or m.group("b") or _KO_AND_FRACTION.match(low, m.end()) or low.strip() == a
            if len(a) == 1 and not special:
                continue  # one syllable is a word: "사는", "이 가방"
        if a[0] in ",，、" or (sa > 0 and low[sa - 1].isascii() and low[sa - 1].isalnum() and not m.group("neg")):
            continue
        if len(a) == 1 and a in "万萬亿億兆만억조백천십百千" and not m.group("pre") and not m.group("b"):
            continue  # a unit alone is no count; as a denominator it is ("백분의 일" 1/100, "千分之三" 3/1000)
        if len(a) == 1 and g.lang != "ko" and plain and not sign and not a.isdigit():
            after = low[m.end() : m.end() + 1]
            if after and _HAN.match(after) and after not in _COUNTERS:
                continue  # "一切", "四川", "西九条": a numeral character inside a word
        if a.isascii() or all(c.isdigit() or c in ".,，、．" for c in a):
            v = digit_value(a.replace("、", ",").replace("，", ",").replace("．", "."), g.decimal, g.group)
        else:
            core = a.replace(" ", "").replace("\u3000", "")
            bare = core.translate(_CJK_APPROX)
            if not bare.strip(_CJK_BIG_UNITS):
                continue  # "万万": units without a count
            v = cjk_value(bare, elide=g.lang == "zh")
        if v is None:
            if _DOTTED.fullmatch(a):
                out.extend(_pieces(a, m.start("a")))
            continue
        it = _Item(s if m.group("neg") or m.group("pre") else sa, end, v)
        if b_text:
            b = cjk_value(b_text)
            if b is None or v == 0:
                continue
            it.value = (-b if m.group("neg2") else b) / v
        if m.group("neg"):
            it.value = -it.value
        if m.group("pre") == "第" or m.group("ord"):
            it.ordinal = True
        if m.group("pre") == "百分之" or m.group("pct"):
            it.percent = True
        if m.group("doz"):
            it.value *= 12
        it.fraction = bool(m.group("b"))
        if any(c in a for c in "余多几幾"):
            it.attrs = {"approx": "more_than"}  # "五百余万": more than five million
        out.append(it)
    return out


def _clean(v: float) -> int | float:
    if isinstance(v, int):
        return v
    if math.isfinite(v) and v.is_integer() and abs(v) < 1e18:
        return int(v)
    return float(f"{v:.12g}") if math.isfinite(v) else v


def _fmt(v: int | float) -> str:
    if isinstance(v, int):
        return str(v)
    s = f"{v:.12f}".rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


def _lang_of(lang: str) -> str:
    if lang in LANGS:
        return lang
    if lang in ("und", "", "no", "nn"):
        return "en" if lang == "und" or not lang else "nb"
    return lang


def _word_before(text: str, start: int, spaces: int = 30) -> tuple[int, int]:
    """(start, end) of the word before ``start`` across up to ``spaces`` non-letters; (-1, -1) if none."""
    i = start
    lo = max(0, start - spaces)
    while i > lo and not text[i - 1].isalpha():
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha() and i - j < 40:
        j -= 1
    return (j, i) if j < i else (-1, -1)


def _caps_name_before(text: str, start: int) -> bool:
    """A capitalised word (not the first of a sentence) right before: a name with a number."""
    if start == 0 or text[start - 1] not in " \u00a0":
        return False
    lo = start - 13 if start > 13 else 0
    window = text[lo : start - 1]
    if window.islower() and (lo == 0 or not window.isalpha()):
        return False  # (the usual case) the word before lies in the window, which has no capital: none below either
    b = start - 1  # the word right before the space (as _word_before(text, start - 1, 0)): up to 40 letters
    lo = b - 40 if b > 40 else 0
    a = max(text.rfind(" ", lo, b), text.rfind("\n", lo, b)) + 1 or lo  # after the last space, else all letters
    if not text[a:b].isalpha():  # other characters between: letter by letter
        a = b
        while a > 0 and text[a - 1].isalpha() and b - a < 40:
            a -= 1
    if a == b:
        return False
    if not text[a].isupper():  # "iPhone 15", "iPad 10": a lower-case letter, then a capital is a product name
        return b - a >= 3 and text[a + 1].isupper() and text[a].isalpha() and text[a + 2].islower()
    word = text[a:b]
    if len(word) == 1 and word not in "GV":
        return False
    before = text[max(0, a - 40) : a].rstrip()
    if not before or before[-1] in '.!?:;"“«(—–-\n':
        return False
    return word.upper() != word or len(word) <= 4


def _percent_after(text: str, at: int, g: Grammar) -> bool:
    """A percent word of the language starts at ``at`` ("por ciento", "per cento", "por cento")."""
    words = g.percent_words
    if not words or text[at : at + 1].lower() not in g.percent_initials:
        return False
    head = text[at : at + 24].lower()
    if not head.startswith(words):
        return False
    return any(head.startswith(p) and not head[len(p) : len(p) + 1].isalpha() for p in words)


def _in_idiom(text: str, n: Num, idioms: tuple[str, ...]) -> bool:
    """The last word of ``n`` is inside one of the language's ``one_idioms`` ("at one point", "a one-off")."""
    base = max(0, n.start - 20)
    window = text[base : n.end + 20].lower()
    for idiom in idioms:
        i = window.find(idiom)
        while i >= 0:
            a, b = base + i, base + i + len(idiom)
            if a < n.end <= b and not (a > 0 and text[a - 1].isalpha()) and not text[b : b + 1].isalpha():
                return True
            i = window.find(idiom, i + 1)
    return False


def _article_counts(text: str, end: int, g: Grammar) -> bool:
    """Whether a word alone that may be the article ("un", "una", "uno"), ending at ``end``, is a count."""
    # "un chiffre" is an article; "un, deux", "un trois", "un." count
    follow = _NEXT_WORD.match(text, end, end + 40)
    if follow is None:
        return True
    nxt = follow.group(1)
    if nxt is None:
        return False  # a figure next ("un 5%")
    if nxt in g.words:
        two = _NEXT_WORD.match(text, follow.end(1), follow.end(1) + 40)  # "subió un dos por ciento": an article
        return two is None or two.group(1) is None or not _percent_after(text, two.start(1), g)
    return (g.atom.match(nxt) is not None and bool(_split_glued(g, nxt))) or (
        nxt[:1].lower() in g.percent_initials and _percent_after(text, follow.start(1), g)
    )  # "uno millenovecentonovanta": a glued compound counts as a number word; "uno por ciento": 1 %


def _keep_word_number(text: str, n: Num, g: Grammar) -> bool:
    idioms = g.one_idioms
    if idioms and n.value == 1 and n.tokens <= 2 and not n.ordinal and _in_idiom(text, n, idioms):
        return False  # "at one point", "a one-off", "one-sided"
    if n.tokens != 1 or n.ordinal:
        return True
    first = n.first.lower()
    if first in g.article_one:
        return _article_counts(text, n.end, g)
    if n.value == 1:
        if first in g.overlay_table.get("one_not_alone", ()):
            return False  # Arabic "أحد المفاوضين": "one of the negotiators"; "الأحد": Sunday
        wa, wb = _word_before(text, n.start)
        before = text[wa:wb].lower() if wa >= 0 else ""
        not_after = g.overlay_table.get("one_not_after", ())
        if before in not_after:
            return False
        if wa > 0 and before in g.one_not_after_pairs:  # "the only one" (but "only one person")
            pa, pb = _word_before(text, wa, 3)
            if pa >= 0 and f"{text[pa:pb].lower()} {before}" in not_after:
                return False
        if g.overlay_table.get("one_after_ordinal_is_pronoun") and g.word_table.get(before, (0, ""))[1] == "O":
            return False  # "the first one", "the second one": a pronoun after an ordinal
        after = _WORD_AFTER.match(text[n.end : n.end + 30])
        if after is not None:
            nxt = after.group(1).lower()
            for w in g.overlay_table.get("one_not_before", ()):
                if nxt == w or nxt.startswith(w + " "):
                    return False
    return True


def _negative_before(low: str, items: list[_Item], g: Grammar) -> None:
    """A minus word right before a number ("零下5度", "氷点下5度", "영하 5도", "למינוס 5"): the value is negative."""
    for it in items:
        if it.value <= 0:
            continue
        j = it.start
        while j > 0 and it.start - j < 3 and low[j - 1] in " \u00a0":
            j -= 1
        for w in g.overlay_table["negative_before"]:
            a = j - len(w)
            if a >= 0 and low.startswith(w, a) and (g.cjk or a == 0 or not low[a - 1].isalpha()):
                it.value = -it.value
                it.start = a
                break


def _percent_before(low: str, items: list[_Item], g: Grammar) -> None:
    def build() -> Any:
        alt = "|".join(re.escape(p.lower()) for p in sorted(g.overlay_table["percent_before"], key=len, reverse=True))
        return re.compile(r"(?<!\w)(?:" + alt + r")[ \t\u00a0%]*$")

    pat = cached(("numbers", "pctpre", g.lang), build)
    for it in items:
        m = pat.search(low, max(0, it.start - 20), it.start)
        if m is not None and not it.ordinal:
            it.percent = True
            it.start = m.start()


def _approx_pattern(g: Grammar) -> Any:
    def build() -> Any:
        # trie-shaped (the search tries up to 30 starts): a phrase must end where the spaces before the number
        # begin, so at any start at most one phrase (up to its spaces) can match, as with a flat alternation
        alt = trie_pattern(p for p, _ in g.approx).replace("\\ ", r"\s+") if g.approx else "(?!)"
        edge = "" if g.cjk else r"(?<!\w)"  # no spaces between Chinese or Japanese words: "で少なくとも15人"
        return re.compile(edge + alt + r"[ \t\u00a0]*$")

    return cached(("numbers", "approx", g.lang), build)


def _approx_after_pattern(g: Grammar) -> Any:
    def build() -> Any:
        phrases = {p.lower(): kind for kind, ps in g.overlay_table["approx_after"].items() for p in ps}
        alt = "|".join(re.escape(p).replace("\\ ", r"[ \u00a0]") for p in sorted(phrases, key=len, reverse=True))
        cjk = bool(g.overlay_table.get("approx_after_counter"))  # no spaces between words: no word edge after either
        counter = r"(?:[^\W\d_]{1,2}[ \u00a0]?)??" if cjk else ""
        return re.compile(r"[ \u00a0]?" + counter + r"(?P<p>" + alt + r")" + ("" if cjk else r"(?!\w)")), phrases

    return cached(("numbers", "approx_after", g.lang), build)


def _approx_after(low: str, items: list[_Item], g: Grammar) -> None:
    """Approximators written after the number: Hindi "300 से ज्यादा", Turkish "400'den fazla",
    Japanese "3000人以上", Korean "100명 이상", "100여 명" (a counter word may stand between in CJK)."""
    pat, phrases = _approx_after_pattern(g)
    for it in items:
        if it.ordinal or (it.attrs is not None and "approx" in it.attrs):
            continue
        m = pat.match(low, it.end)
        if m is not None and (len(m.group("p")) > 1 or low[m.start("p") - 1] not in " \u00a0"):
            # a one-character phrase is glued to the number or its counter ("100여 명", "3000人超", not "3 여성")
            kind = phrases.get(" ".join(m.group("p").split()))
            if kind is not None:
                if it.attrs is None:
                    it.attrs = {}
                it.attrs["approx"] = kind


_APPROX_SPACE_CHARS = " \t\u00a0\n"
_APPROX_SPACE = frozenset(_APPROX_SPACE_CHARS)


def _approx(low: str, items: list[_Item], g: Grammar, approx_after: bool) -> None:
    if items and approx_after:
        _approx_after(low, items, g)
    if not g.approx or not items:
        return
    glued = g.overlay_table.get("approx_prefix")
    if glued:  # Hebrew "כשלושת אלפים": "about" is a letter glued to the number word
        for it in items:
            kind = glued.get(low[it.start : it.start + 1])
            if kind is not None and low[it.start + 1 : it.start + 2].isalpha():
                it.attrs = {**(it.attrs or {}), "approx": kind}
    pat = None
    kinds = g.approx_kinds
    ends = g.approx_ends
    for index, it in enumerate(items):
        j = it.start
        c = low[j - 1 : j]
        if c in _APPROX_SPACE:  # the phrase ends at the last of up to 30 spaces before the number
            c = low[j - 2 : j - 1]
            if c in _APPROX_SPACE:
                base = j - 30 if j > 30 else 0
                j = base + len(low[base:j].rstrip(_APPROX_SPACE_CHARS))
                c = low[j - 1 : j]
            else:
                j -= 1  # (one space: the commonest)
        tails = ends.get(c)  # ("" at the start of the text: none)
        if tails is None or not low.endswith(tails[0], 0, j):
            continue  # no phrase ends right before the number (no tail is longer than 40: see Grammar.approx_ends)
        for tail, words_before in tails[1]:  # a phrase's last word, and the word before it, end right before it
            if low.endswith(tail, 0, j):  # (no tail is longer than 40 characters: see Grammar.approx_ends)
                if words_before is None:
                    break
                k = j - len(tail)
                if k and low[k - 1].isspace() and low[k - 40 if k > 40 else 0 : k].rstrip().endswith(words_before):
                    break
        else:
            continue
        # the end of the number before (by position: `items.index` made "about six ... about six ..." quadratic)
        before = items[index - 1].end if index else -10
        if pat is None:
            pat = _approx_pattern(g)
        m = pat.search(low, max(0, it.start - 30), it.start)
        if m is not None:
            phrase = " ".join(m.group().split())
            kind = kinds.get(phrase)
            if kind is not None and phrase in g.approx_not_after:
                wa, wb = _word_before(low, m.start(), 3)
                if wa >= 0 and low[wa:wb].endswith(g.approx_not_after[phrase]):
                    kind = None  # Russian "выросла до 7,5%": "rose to", not "up to"
            if kind is not None and phrase in g.range_to and m.start() - before <= 3:
                kind = None  # "на 0,3 пункта, до 7,4%": a number right before, so "to", not "up to"
            if kind is not None:
                if it.attrs is None:
                    it.attrs = {}
                it.attrs["approx"] = kind


_FIGURE_HEAD = re.compile(r"[\d.,'’\s\u00a0\u202f٫٬]*")


def _unit_of(text: str, it: _Item) -> str:
    """The words after the figure of a percentage ("percentage points" in "0.25 percentage points")."""
    span = text[it.start : it.end]
    head = _FIGURE_HEAD.match(span)
    return (span[head.end() :] if head is not None else span).lower()


#: Figures of two to four digits in a row, spaced: a phone number ("0800 123 4567", "01 23 45 67 89").
_PHONE = re.compile(r"(?<![\w.,+])(\+\d{1,3}[ \u00a0])?\d{1,4}(?:[ \u00a0]\d{2,4}){2,5}(?![\w]|[.,]\d|[ \u00a0]\d)")


def _phone_end(text: str, start: int) -> int:
    """The end of a spaced phone number starting at ``start`` (0 if none): three groups or more led by "0"
    or "+", or four groups or more. Groups of three after a short first group are one grouped figure
    ("1 234 567" in French) and stay.
    """
    at = start - 1 if start > 0 and text[start - 1] == "+" else start
    m = _PHONE.match(text, at)
    if m is None:
        return 0
    groups = m.group().split()
    lead0 = groups[0].startswith("0")
    grouped = len(groups[0]) <= 3 and not lead0 and all(len(x) == 3 for x in groups[1:])  # "1 234 567"
    if (m.group(1) or (lead0 and len(groups[0]) > 1) or len(groups) >= 4) and not grouped:
        return m.end()
    return 0


#: The word right after an ordinal, across one space or hyphen ("Premier ministre", "primeiro-ministro").
_TITLE_NEXT = re.compile(r"[ \u00a0\-‐]([^\W\d_][\w'’-]*)")


_TitleTable = tuple[dict[str, tuple[tuple[str, ...], tuple[str, ...]]], dict[str, tuple[str, ...]]]


def _title_table(g: Grammar) -> _TitleTable:
    """``ordinal_titles`` as {ordinal: (next-word stems, next-word stems after a capitalised ordinal only)}
    and {ordinal: ends of the word before} (tuples: one ``startswith``/``endswith`` call tests them all)."""

    def build() -> _TitleTable:
        free: dict[str, list[str]] = {}
        capital: dict[str, list[str]] = {}
        before: dict[str, list[str]] = {}
        for phrase in g.overlay_table.get("ordinal_titles", ()):
            first, _, second = phrase.partition(" ")
            free.setdefault(first.lower(), [])
            capital.setdefault(first.lower(), [])
            (capital if first[:1].isupper() else free)[first.lower()].append(second.lower())
            before.setdefault(second.lower(), []).append(first.lower())
        after = {w: (tuple(free[w]), tuple(capital[w])) for w in free}
        return after, {w: tuple(ends) for w, ends in before.items()}

    table: _TitleTable | None = _TITLES.get(g.lang)
    if table is None:
        table = cached(("numbers", "titles2", g.lang), build)
        _TITLES[g.lang] = table
    return table


def _in_title(text: str, low: str, it: _Item, g: Grammar) -> bool:
    """An ordinal word inside a lexicalised office title ("Premier ministre", "First Lady", "السيدة الأولى")."""
    after, before = _title_table(g)
    word = low[it.start : it.end]
    stems = after.get(word)
    if stems:
        m = _TITLE_NEXT.match(low, it.end)
        if m is not None:
            nxt = m.group(1)
            free, capital = stems
            if nxt.startswith(free) or (capital and text[it.start].isupper() and nxt.startswith(capital)):
                return True
    ends = before.get(word)
    if ends and it.start > 1 and low[it.start - 1] == " ":
        wa, wb = _word_before(low, it.start, 1)
        return wa >= 0 and low[wa:wb].endswith(ends)
    return False


def _change_then_level(text: str, a: _Item, b: _Item, g: Grammar) -> bool:
    """A change verb right before the low end ("fell 120 to 16,000", "stieg um 3 auf 5"): no range.

    A unit written only after the high end ("rose 10 to 20 percent", "grew 2 to 3 million") keeps the range:
    both ends are the change.
    """
    if a.scale == 1 and not a.percent and (b.percent or b.scale > 1):
        return False
    wa, wb = _word_before(text, a.start, 3)
    if wa >= 0 and text[wa:wb] in g.overlay_table.get("change_preps", ()):
        wa, wb = _word_before(text, wa, 3)
    return wa >= 0 and text[wa:wb] in g.overlay_table["change_verbs"]


def _ranges(text: str, items: list[_Item], g: Grammar) -> list[_Item]:
    to_words = g.range_to
    end = -100
    for it in items:
        if it.start - end <= 12 and text[end : it.start].strip().lower() in to_words:
            break
        end = it.end
    else:
        return items  # no range word between two numbers close enough for a range (the gap is at most 12 characters)
    between = g.range_between
    out: list[_Item] = []
    i = 0
    while i < len(items):
        a = items[i]
        if i + 1 < len(items):
            b = items[i + 1]
            if b.start - a.end > 12:  # too far apart for a range (the gap is at most 12 characters)
                out.append(a)
                i += 1
                continue
            gap = text[a.end : b.start]
            word = gap.strip().lower()
            ok = (
                len(gap) <= 12
                and word in to_words
                and not a.ordinal
                and not b.ordinal
                and not (a.year_like and b.year_like)
                and (word not in _DASHES or gap == word or gap == f" {word} ")
            )
            if not ok:  # (most neighbours: no range word between them)
                out.append(a)
                i += 1
                continue
            if word in _RANGE_AND:  # "between 400 and 500"; Turkish "400 ile 500 arasında"
                wa, wb = _word_before(text, a.start)
                ok = text[wa:wb].lower() in between
                if not ok and wa > 0 and text[wa:wb].lower() in g.overlay_table.get("range_between_article", ()):
                    wa, wb = _word_before(text, wa, 3)  # Dutch "tussen de 20.000 en 25.000"
                    ok = text[wa:wb].lower() in between
                if not ok and g.range_between_after and not (a.fraction or b.fraction):
                    nw = _NEXT_WORD.match(text, b.end, b.end + 40)
                    ok = nw is not None and nw.group(1) in g.range_between_after
                    if ok and g.overlay_table.get("range_not_after"):  # "saat 3 ile 5 arasında": hours, the dates' span
                        ok = text[wa:wb].lower() not in g.overlay_table["range_not_after"]
            if ok and a.percent and b.percent and a.end - a.start > 1 and _unit_of(text, a) != _unit_of(text, b):
                ok = False  # "by 0.25 percentage points to 4 percent": a change, then a level
            if ok and not text[a.end - 1].isdigit() and ((a.percent and not b.percent) or 1 < a.scale != b.scale):
                ok = False  # "rose 0.4 per cent to 38,677.36": a unit after the low end only: a change, then a level
            if ok and g.overlay_table.get("change_verbs") and _change_then_level(text, a, b, g):
                ok = False  # "the index fell 120 to 16,000": a change, then a level
            low, high = a.value, b.value
            if ok and b.scale > 1 and a.scale == 1 and a.value * b.scale <= b.value * b.scale and a.value < b.scale:
                low = a.value * b.scale
            if ok and low < high:
                r = _Item(a.start, b.end, 0, percent=a.percent or b.percent)
                r.attrs = dict(a.attrs) if a.attrs else None
                r.rng = [_clean(low), _clean(high)]
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _mention(text: str, it: _Item, g: Grammar, style: str) -> Mention:
    attrs = dict(it.attrs) if it.attrs else {}
    if it.ordinal:
        attrs["ordinal"] = True
    if it.percent:
        attrs["unit"] = "percent"
    value: Any
    if it.rng is not None:
        lo, hi = it.rng
        value = [lo, hi]
        norm = f"{_show(lo, g, style)}-{_show(hi, g, style)}"
    else:
        value = it.value
        if type(value) is int and style == "canonical":
            norm = str(value)  # the common case, as _show would give it
        else:
            value = _clean(value)
            norm = _show(value, g, style) if style == "locale" else _fmt(value)  # (as _show gives it)
        if it.ordinal:
            head, tail, fmt = _ORDINAL_OUT.get(g.lang) or _ordinal_out(g)
            if fmt:
                norm = fmt.format(n=norm, en_suffix=_en_suffix(value) if "{en_suffix}" in fmt else "")
            else:
                norm = head + norm + tail  # ("{n}.", "{n}º", "第{n}": as format() gives it)
    if it.percent:
        norm += "%"
    return Mention("number", it.start, it.end, text[it.start : it.end], value, norm, attrs)


_ORDINAL_OUT: dict[str, tuple[str, str, str]] = shortcut_table()


def _ordinal_out(g: Grammar) -> tuple[str, str, str]:
    """The language's ordinal format (``ordinal_out``; ``"{n}."`` by default) as (text before the number, text
    after it, "") when it is only those around "{n}", else ("", "", the format)."""
    fmt = str(g.overlay_table.get("ordinal_out", "{n}."))
    head, n, tail = fmt.partition("{n}")
    plain = n and not any(c in head + tail for c in "{}")
    found: tuple[str, str, str] = cached(
        ("numbers", "ordinal_out", g.lang), lambda: (head, tail, "") if plain else ("", "", fmt)
    )
    _ORDINAL_OUT[g.lang] = found
    return found


def _en_suffix(v: Any) -> str:
    """English ordinal suffix of ``v``: 1st, 2nd, 3rd, 4th, 11th-13th, 21st ..."""
    if not isinstance(v, int):
        return "th"
    if 10 <= abs(v) % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(abs(v) % 10, "th")


def _show(v: int | float, g: Grammar, style: str) -> str:
    if style == "locale":
        try:
            from babel.numbers import format_decimal

            return str(format_decimal(v, locale=g.lang, decimal_quantization=False))
        except Exception:
            pass
    return _fmt(v)
