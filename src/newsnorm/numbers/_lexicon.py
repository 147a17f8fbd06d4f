"""Per-language number grammar: word lexicon, digit symbols and the one compiled pattern.

Everything here is built lazily, once per language, through :func:`newsnorm._resources.cached`.
The word lexicon merges the CLDR RBNF spell-outs made by ``scripts/build_numbers.py``
(``data/numbers/rbnf/<lang>.json``) with a hand-written file of what CLDR lacks
(``data/numbers/lang/<lang>.json``: connectors, approximators, range words, percent
words, ordinal suffixes for figures, scale abbreviations, articles that are not counts).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Any

import regex

from .._resources import cached

__all__ = ["LANGS", "Grammar", "grammar"]

#: Languages with a word lexicon (CLDR RBNF); the hand-written overlay adds to some of them.
LANGS = frozenset(
    [
        "en",
        "fr",
        "de",
        "es",
        "it",
        "pt",
        "nl",
        "tr",
        "ru",
        "ar",
        "hi",
        "sv",
        "ca",
        "uk",
        "da",
        "pl",
        "cs",
        "ro",
        "el",
        "fi",
        "hu",
        "id",
        "bg",
        "hr",
        "sk",
        "sl",
        "he",
        "fa",
        "vi",
        "zh",
        "ja",
        "ko",
    ]
)

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True)
class Grammar:
    """Everything the scanner needs for one language (immutable, shared by threads)."""

    lang: str
    pattern: Any  # regex.Pattern[str]: the one scanner
    tokens: Any  # regex.Pattern[str]: splits a matched word run into atoms
    words: MappingProxyType[str, tuple[float, str]]
    decimal: str
    group: str
    overlay: MappingProxyType[str, Any]
    approx: tuple[tuple[str, str], ...]  # (phrase, kind), longest first
    article_one: frozenset[str]


def _data_dir() -> Any:
    return files("newsnorm").joinpath("data").joinpath("numbers")


def _load(kind: str, lang: str) -> dict[str, Any]:
    node = _data_dir().joinpath(kind).joinpath(f"{lang}.json")
    try:
        data: dict[str, Any] = json.loads(node.read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return {}
    return data


def _variants(word: str) -> set[str]:
    """The word, without diacritics, with German umlauts spelled out, NFC and NFD."""
    out = {word, unicodedata.normalize("NFD", word), word.translate(_FOLD)}
    stripped = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    if stripped.isascii() or word.isascii():
        out.add(stripped)
    return {w for w in out if w}


def _trie(words: list[str]) -> str:
    """A trie-shaped alternation (longest first) of literal words."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            alts.append(_esc(ch) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(root)


def _esc(ch: str) -> str:
    return " " if ch == " " else regex.escape(ch)


def _symbols(lang: str) -> tuple[str, str]:
    try:
        from babel.numbers import get_decimal_symbol, get_group_symbol

        return get_decimal_symbol(lang), get_group_symbol(lang)
    except Exception:
        return ".", ","


def _alt(items: list[str]) -> str:
    items = sorted({i for i in items if i}, key=lambda s: (-len(s), s))
    if not items:
        return "(?!)"
    return "(?:" + "|".join(regex.escape(i).replace("\\ ", "\\s+") for i in items) + ")"


def _build(lang: str) -> Grammar:
    overlay = _load("lang", lang)
    rbnf = _load("rbnf", lang).get("words", {})
    words: dict[str, tuple[float, str]] = {}
    for word, (value, kind) in rbnf.items():
        words[word] = (value, kind)
    for word, (value, kind) in overlay.get("extra", {}).items():
        words[word.lower()] = (value, kind)
    for word, value in overlay.get("fractions", {}).items():
        words.setdefault(word.lower(), (value, "F"))
    for word in overlay.get("connectors", []):
        words.setdefault(word.lower(), (0, "C"))
    for word in overlay.get("remove", []):
        words.pop(word, None)
    if lang == "ko":  # one Sino-Korean syllable alone is too often an ordinary word
        words = {w: vk for w, vk in words.items() if len(w) > 1 or vk[1] in "MS"}
    full: dict[str, tuple[float, str]] = {}
    for word, vk in words.items():
        for v in _variants(word):
            full.setdefault(v, vk)
    decimal, group = _symbols(lang)
    atoms = [w for w, (_, k) in full.items() if k != "C"]
    conns = [w for w, (_, k) in full.items() if k == "C"]
    atom = "(?>" + _trie(atoms) + ")" if atoms else "(?!)"
    pfx = _alt(overlay.get("prefix_connectors", []))
    art = _alt(overlay.get("one_article", []))
    art_in = (r"(?:" + art + r"\s+)?") if overlay.get("one_article") else ""
    sep = (
        r"(?:\s*[-‐]\s*|\s+(?:"
        + _alt(conns)
        + r"\s+"
        + art_in
        + r")?|"
        + (_alt(conns) if overlay.get("cjk") else "")
        + ")?"
    )
    if overlay.get("prefix_connectors"):
        sep += pfx + "?"
    multi = [w for w, (_, k) in full.items() if k in ("M", "S", "F")]
    lead = (r"(?:" + art + r"\s+(?=" + _alt(multi) + r"(?!\p{L})))?") if overlay.get("one_article") else ""
    ord_pre = _alt(overlay.get("ordinal_prefix", []))
    words_re = f"(?P<ordpre>{ord_pre})?" + lead + atom + "(?:" + sep + atom + "){0,40}"
    spacegroup = group.isspace() or group in ("\u00a0", "\u202f")
    sp = r"|[ ](?=\d{3}(?!\d))" if spacegroup else ""
    digits = r"(?P<sign>[-+−])?(?<![\d.,])\d+(?:(?:[.,'’\u00a0\u202f]" + sp + r")\d+)*"
    scales = [w for w, (_, k) in full.items() if k in ("S", "M")]
    glued = overlay.get("glued_abbr", {})
    dscale = r"(?:(?P<dsp>\s?)(?P<dscale>" + _alt(scales) + r")\.?|(?P<gabbr>" + _alt(list(glued)) + r"))"
    ordsuf = _alt(overlay.get("ordinal_suffix", []))
    pct_words = _alt(["%", "٪", *overlay.get("percent", [])])
    pct_before = _alt(["%", *overlay.get("percent_before", [])])
    ords = "(?P<ordsuf>" + ordsuf + ")" if overlay.get("ordinal_suffix") else "(?P<ordsuf>(?!))"
    cjk = bool(overlay.get("cjk"))
    after = r"(?![\p{L}\p{N}])" if not cjk else r"(?!\p{N})"
    before = r"(?<![\p{L}\p{N}_])(?<!\p{L}-)" if not cjk else r"(?<![\p{N}])"
    starters = {w[0] for w in atoms} | {w[0] for w in overlay.get("one_article", [])}
    starters |= {w[0] for w in overlay.get("percent_before", [])} | {w[0] for w in overlay.get("ordinal_prefix", [])}
    starters |= {c.upper() for c in starters} | {c.lower() for c in starters}
    first = "(?=[\\d%+\\-−(" + "".join(regex.escape(c) for c in sorted(starters)) + "])"
    pattern = first + (
        r"(?P<code>(?<![\p{L}\p{N}])\+?\(?\d{2,4}\)?(?:[-/]\d{1,4}){2,}(?![\p{L}\p{N}]))"
        + "|"
        + before
        + r"(?:(?P<pctpre>"
        + pct_before
        + r")\s?)?"
        + "(?:(?P<dig>"
        + digits
        + ")(?:"
        + ords
        + "|"
        + dscale
        + ")?"
        + "|(?P<words>"
        + words_re
        + "))"
        + r"(?:\s?(?P<pct>"
        + pct_words
        + r"))?"
        + (r"(?P<ordsuf2>" + _alt(overlay.get("ordinal_suffix", [])) + ")?" if cjk else "")
        + after
    )
    tokens = regex.compile(
        "(?P<pre>"
        + ord_pre
        + ")|"
        + (("(?P<art>" + art + r")(?=\s)|") if overlay.get("one_article") else "")
        + "(?P<atom>"
        + atom
        + ")|(?P<conn>"
        + _alt(conns)
        + ")|(?P<pfx>"
        + pfx
        + ")",
        regex.IGNORECASE,
    )
    approx: list[tuple[str, str]] = []
    for kind, phrases in overlay.get("approx", {}).items():
        for p in phrases:
            approx.append((p.lower(), kind))
    approx.sort(key=lambda pk: -len(pk[0]))
    return Grammar(
        lang=lang,
        pattern=regex.compile(pattern, regex.IGNORECASE),
        tokens=tokens,
        words=MappingProxyType(full),
        decimal=decimal,
        group=group,
        overlay=MappingProxyType(overlay),
        approx=tuple(approx),
        article_one=frozenset(a.lower() for a in overlay.get("article_one", [])),
    )


def grammar(lang: str) -> Grammar:
    """The grammar of ``lang`` (a language without word data gets digits only)."""
    return cached(("numbers", "grammar", lang), lambda: _build(lang))
