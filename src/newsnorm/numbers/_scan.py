"""The scan: one compiled pattern per language over the text, then per-match decisions."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import regex

from .._document import Mention
from ._lexicon import LANGS, Grammar, grammar
from ._parse import Num, digit_value, parse_words

__all__ = ["scan"]

_CAPS_BEFORE = regex.compile(r"(?:^|(?<=[^.!?:;\"“«\s]\s*))[ \t]*(\p{Lu}[\p{L}]*)[ \t]$")
_WORD_BEFORE = regex.compile(r"(\p{L}+)\W*$")
_WORD_AFTER = regex.compile(r"^\W*(\p{L}+(?:\s+\p{L}+)?)")
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
_RANGE_AND = frozenset(["and", "und", "et", "y", "e", "en", "и", "і", "و", "och", "i", "ile"])
_DASHES = frozenset("-–—~～〜")


@dataclass
class _Item:
    start: int
    end: int
    value: float
    ordinal: bool = False
    percent: bool = False
    scale: float = 1
    year_like: bool = False
    attrs: dict[str, Any] = field(default_factory=dict)


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


def scan(text: str, lang: str, *, style: str = "canonical", ordinals: bool = True, words: bool = True) -> list[Mention]:
    """Find the numbers of ``text`` in language ``lang``."""
    if not text:
        return []
    g = grammar(_lang_of(lang))
    items: list[_Item] = []
    for m in g.pattern.finditer(text):
        if m.group("code") is not None:
            continue
        if m.group("dig") is not None:
            items.extend(_digits(text, m, g))
        elif words and m.group("words") is not None:
            items.extend(_words(text, m, g))
    items = [it for it in items if ordinals or not it.ordinal]
    _approx(text, items, g)
    items = _ranges(text, items, g)
    return [_mention(text, it, g, style) for it in items]


def _digits(text: str, m: Any, g: Grammar) -> list[_Item]:
    raw = m.group("dig")
    sign = m.group("sign") or ""
    start = m.start("dig") + len(sign)
    body = raw[len(sign) :]
    value = digit_value(body, g.decimal, g.group)
    if value is None:
        # not one number: "192.168.1.2" is four, "1 2 3" was never joined
        out = []
        pos = start
        for piece in regex.split(r"[.,]", body):
            if piece and piece.isdigit():
                v = digit_value(piece, g.decimal, g.group)
                if v is not None:
                    out.append(_Item(pos, pos + len(piece), v))
            pos += len(piece) + 1
        return out if all(c.isdigit() or c in ".," for c in body) else []
    if sign in ("-", "−") and (
        m.start("dig") == 0 or text[m.start("dig") - 1].isspace() or text[m.start("dig") - 1] in "(["
    ):
        value = -value
        start -= len(sign)
    end = m.end("dig")
    it = _Item(start, end, value)
    plain = body.isdigit()
    if m.group("ordsuf"):
        it.ordinal = True
        end = m.end("ordsuf")
    elif m.group("dscale"):
        scale = g.words.get(m.group("dscale").lower(), (1, "S"))[0]
        it.value = value * scale
        it.scale = scale
        end = m.end()
        end = m.end("dscale") + (
            1 if text[m.end("dscale") : m.end("dscale") + 1] == "." and m.group(0).endswith(".") else 0
        )
    elif m.group("gabbr"):
        scale = g.overlay.get("glued_abbr", {}).get(m.group("gabbr").lower(), 1)
        it.value = value * scale
        it.scale = scale
        end = m.end("gabbr")
    if m.group("pct") or m.group("pctpre"):
        it.percent = True
        if m.group("pct"):
            end = m.end("pct")
        if m.group("pctpre"):
            it.start = m.start("pctpre")
    if "ordsuf2" in m.re.groupindex and m.group("ordsuf2"):
        it.ordinal = True
        end = m.end("ordsuf2")
    it.end = end
    if plain and not it.ordinal and not it.percent and it.scale == 1:
        if len(body) == 4 and 1000 <= value <= 2100:
            it.year_like = True
        if g.overlay.get("ordinal_dot") and text[end : end + 2].startswith(". ") and end + 2 < len(text):
            nxt = text[end + 2]
            before = _WORD_BEFORE.search(text, max(0, start - 30), start)
            det = before is not None and before.group(1).lower() in _DE_DET
            if nxt.isalpha() and (det or (g.lang == "tr" and nxt.islower())):
                it.ordinal = True
                it.end = end + 1
                return [it]
        if len(body) <= 4 and _caps_name_before(text, start):
            return []  # "Boeing 737", "Apollo 11": names with numbers
    return [it]


def _caps_name_before(text: str, start: int) -> bool:
    """A capitalised word (not the first of a sentence) right before: a name with a number."""
    head = text[max(0, start - 40) : start]
    m = regex.search(r"(\p{Lu}[\p{Ll}\p{Lu}]*)[ \u00a0]$", head)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word not in "GV":
        return False
    before = head[: m.start(1)].rstrip()
    if not before or before[-1] in '.!?:;"“«(—–-\n':
        return False
    return word.upper() != word or len(word) <= 4


def _words(text: str, m: Any, g: Grammar) -> list[_Item]:
    toks: list[tuple[int, int, str, float, str]] = []
    for t in g.tokens.finditer(text, m.start("words"), m.end("words")):
        w = t.group(0)
        if t.group("pre"):
            toks.append((t.start(), t.end(), w, 0, "PRE"))
        elif "art" in t.re.groupindex and t.group("art"):
            toks.append((t.start(), t.end(), w, 1, "ART"))
        elif t.group("atom"):
            vk = g.words.get(w.lower()) or g.words.get(w.casefold())
            if vk is None:
                continue
            toks.append((t.start(), t.end(), w, vk[0], vk[1]))
        else:
            toks.append((t.start(), t.end(), w, 0, "C"))
    nums = parse_words(toks, vigesimal=bool(g.overlay.get("vigesimal")))
    out: list[_Item] = []
    for n in nums:
        if not _keep_word_number(text, n, g):
            continue
        it = _Item(n.start, n.end, n.value, n.ordinal)
        if n.end == m.end("words"):
            if m.group("pct"):
                it.percent = True
                it.end = m.end("pct")
            if "ordsuf2" in m.re.groupindex and m.group("ordsuf2"):
                it.ordinal = True
                it.end = m.end("ordsuf2")
        if n.start == m.start("words") and m.group("pctpre"):
            it.percent = True
            it.start = m.start("pctpre")
        out.append(it)
    return out


def _keep_word_number(text: str, n: Num, g: Grammar) -> bool:
    if n.tokens != 1 or n.ordinal:
        return True
    first = n.first.lower()
    if first in g.article_one:
        return False
    if n.value == 1:
        before = _WORD_BEFORE.search(text, max(0, n.start - 30), n.start)
        if before is not None and before.group(1).lower() in g.overlay.get("one_not_after", ()):
            return False
        after = _WORD_AFTER.match(text[n.end : n.end + 30])
        if after is not None:
            nxt = after.group(1).lower()
            for w in g.overlay.get("one_not_before", ()):
                if nxt == w or nxt.startswith(w + " "):
                    return False
    return True


def _approx(text: str, items: list[_Item], g: Grammar) -> None:
    if not g.approx:
        return
    for it in items:
        head = text[max(0, it.start - 30) : it.start].lower().rstrip()
        for phrase, kind in g.approx:
            if head.endswith(phrase):
                k = len(head) - len(phrase)
                if k == 0 or not head[k - 1].isalnum():
                    it.attrs["approx"] = kind
                    break


def _ranges(text: str, items: list[_Item], g: Grammar) -> list[_Item]:
    if len(items) < 2:
        return items
    to_words = {w.lower() for w in g.overlay.get("range_to", ())}
    between = {w.lower() for w in g.overlay.get("range_between", ())}
    out: list[_Item] = []
    i = 0
    while i < len(items):
        a = items[i]
        if i + 1 < len(items):
            b = items[i + 1]
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
            if ok and word in _RANGE_AND:
                before = _WORD_BEFORE.search(text, max(0, a.start - 30), a.start)
                ok = before is not None and before.group(1).lower() in between
            low, high = a.value, b.value
            if ok and b.scale > 1 and a.scale == 1 and a.value * b.scale <= b.value * b.scale and a.value < b.scale:
                low = a.value * b.scale
            if ok and low < high:
                r = _Item(a.start, b.end, 0, percent=a.percent or b.percent)
                r.attrs = {**a.attrs}
                r.attrs["range"] = [_clean(low), _clean(high)]
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _mention(text: str, it: _Item, g: Grammar, style: str) -> Mention:
    attrs = {k: v for k, v in it.attrs.items() if k != "range"}
    if it.ordinal:
        attrs["ordinal"] = True
    if it.percent:
        attrs["unit"] = "percent"
    value: Any
    if "range" in it.attrs:
        lo, hi = it.attrs["range"]
        value = [lo, hi]
        norm = f"{_show(lo, g, style)}-{_show(hi, g, style)}"
    else:
        value = _clean(it.value)
        norm = _show(value, g, style)
        if it.ordinal:
            norm = str(g.overlay.get("ordinal_out", "{n}.")).format(n=norm)
    if it.percent:
        norm += "%"
    return Mention("number", it.start, it.end, text[it.start : it.end], value, norm, attrs)


def _show(v: int | float, g: Grammar, style: str) -> str:
    if style == "locale":
        try:
            from babel.numbers import format_decimal

            return str(format_decimal(v, locale=g.lang, decimal_quantization=False))
        except Exception:
            pass
    return _fmt(v)
