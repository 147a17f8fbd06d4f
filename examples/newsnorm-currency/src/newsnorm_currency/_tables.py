"""Per-language tables built from CLDR (through babel), once per process, on first use.

Everything here runs lazily inside :func:`newsnorm._resources.cached`; importing
this module imports nothing from babel.

For one language the table holds:

- **symbols**: every currency symbol of the language's CLDR locales
  (``en``, ``en_CA``, ``en_AU`` ...) plus the English ones ("US$", "€", "£",
  "R$"), each with the codes it may stand for and the code the base locale gives it;
- **codes**: the ISO 4217 codes in current use somewhere (CLDR territory data);
- **names**: the CLDR display names of those currencies in every plural form
  ("US dollars", "euros", "Euro", "円"), and their head nouns ("dollars",
  "livres") when the language's names share them;
- **scales**: the magnitude words of CLDR's compact decimal formats ("million",
  "Mio.", "milliards", "万", "млрд"), plus a few English newswire abbreviations
  ("bn", "mn", "tn") that CLDR does not list;
- the locale's decimal and grouping symbols, to read "1.000" and "1,5".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

__all__ = ["SDR_BASKET", "Table", "table"]

#: The currencies of the IMF's SDR basket (IMF, "Special Drawing Right", 2022 review),
#: by weight. They win when a symbol or noun ("$", "dollars", "pounds") is ambiguous
#: and nothing else in the document decides.
SDR_BASKET = ("USD", "EUR", "CNY", "JPY", "GBP")

#: English newswire abbreviations of magnitudes that CLDR does not list
#: (Reuters/AP/AFP style: "$5bn", "€3.2bn", "£40mn", "$1.2tn").
NEWSWIRE_SCALES = MappingProxyType({"bn": 9, "mn": 6, "m": 6, "tn": 12, "trn": 12, "k": 3})

#: Languages written without spaces between words: no word-boundary checks there.
UNSPACED = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo", "dz", "yue"})

_SPACE_LIKE = "\u00a0\u202f\u2009 "


@dataclass(frozen=True)
class Table:
    """Compiled matcher and lookup tables of one language (shared by every thread)."""

    lang: str
    pattern: re.Pattern[str]
    #: symbol or ISO code, exactly as written -> the codes it may stand for
    symbols: Mapping[str, tuple[str, ...]]
    #: lower-cased currency name or head noun -> the codes it may stand for
    names: Mapping[str, tuple[str, ...]]
    #: surface -> the code the language's base locale itself gives the symbol or name
    own: Mapping[str, str]
    scales: Mapping[str, int]
    decimal: str
    territory: str | None


def table(lang: str) -> Table:
    """The table of ``lang`` (an ISO 639 code; unknown languages get English), cached."""
    from newsnorm._resources import cached

    return cached(("newsnorm_currency.table", lang), lambda: _build(lang))


def _locale(tag: str) -> Any:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag)
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _current_codes() -> frozenset[str]:
    """ISO 4217 codes that are legal tender in some territory today (CLDR supplemental data)."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        try:
            codes.update(get_territory_currencies(territory))
        except Exception:  # pragma: no cover - defensive against odd CLDR rows
            continue
    return frozenset(codes)


def _variants(lang: str) -> list[str]:
    from babel.localedata import locale_identifiers

    return sorted(i for i in locale_identifiers() if i.startswith(lang + "_") and i.count("_") == 1)


def _scale_words(loc: Any) -> dict[str, int]:
    """Magnitude words of a locale's compact decimal formats: "0 million" at 1000000 -> million: 6."""
    out: dict[str, int] = {}
    formats = getattr(loc, "compact_decimal_formats", None) or {}
    for style in ("long", "short"):
        for per_count in (formats.get(style) or {}).values():
            for key, pattern in per_count.items():
                text = getattr(pattern, "pattern", str(pattern))
                if text.count("0") != 1 or not str(key).isdigit():
                    continue  # only the canonical "0 word" entry of each magnitude
                word = text.replace("'", "").replace("0", "").strip(_SPACE_LIKE).replace("\u00a0", " ")
                if not word or any(ch.isdigit() for ch in word) or "¤" in word:
                    continue
                out.setdefault(word.lower(), len(str(key)) - 1)
    return out


def _head_nouns(names: dict[str, set[str]]) -> dict[str, set[str]]:
    """The shared head noun of multi-word names: "dollars" of "US dollars", "dollars" of "dollars canadiens".

    Whether the head comes first (French, Spanish) or last (English, German) is read from
    the data: it is the end of the names whose words are shared by the most currencies.
    """
    first: dict[str, set[str]] = {}
    last: dict[str, set[str]] = {}
    for name, codes in names.items():
        words = [w for w in re.split(r"[\s\-\u00a0]+", name) if w]
        if len(words) < 2:
            continue
        first.setdefault(words[0], set()).update(codes)
        last.setdefault(words[-1], set()).update(codes)

    # A word several currencies share is a head noun wherever it stands ("dollars", "рублей");
    # a word of one currency only is taken from the side where the shared ones mostly stand ("yen").
    def shared(side: dict[str, set[str]]) -> int:
        return sum(len(codes) for codes in side.values() if len(codes) > 1)

    dominant = first if shared(first) > shared(last) else last
    heads: dict[str, set[str]] = {}
    for side in (first, last):
        for word, codes in side.items():
            if len(word) >= 3 and word.isalpha() and (len(codes) > 1 or side is dominant):
                heads.setdefault(word, set()).update(codes)
    return heads


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, shaped as a trie (fast, no backtracking blow-up)."""
    root: dict[str, Any] = {}
    for word in set(words):
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root) or "(?!)"


def _build(lang: str) -> Table:
    from babel.numbers import get_decimal_symbol, get_territory_currencies

    base = _locale(lang) if lang not in ("", "und") else None
    if base is None:
        lang, base = "en", _locale("en")
    current = _current_codes()

    # --- symbols ---------------------------------------------------------------------------
    symbols: dict[str, set[str]] = {}
    own: dict[str, str] = {}
    for tag in [lang, *_variants(lang), "en"]:
        loc = _locale(tag)
        for code, sym in (getattr(loc, "currency_symbols", None) or {}).items():
            sym = sym.strip(_SPACE_LIKE)
            if code not in current or not sym or sym == code or any(ch.isdigit() for ch in sym):
                continue
            if sym.isalpha() and len(sym) < 2:
                continue  # "K", "R", "L": too easily a letter of the text
            symbols.setdefault(sym, set()).add(code)
            if tag == lang or (tag == "en" and sym not in own):
                own.setdefault(sym, code)
    # A bare "$" or "¥" may be any currency whose local symbol ends or starts with it ("CA$", "CN¥").
    for sym, codes in list(symbols.items()):
        for other, other_codes in symbols.items():
            if other != sym and not sym.isalpha() and (other.endswith(sym) or other.startswith(sym)):
                codes.update(other_codes)

    # --- names -----------------------------------------------------------------------------
    names: dict[str, set[str]] = {}
    plural = getattr(base, "_data", {}).get("currency_names_plural", {})
    for code in sorted(current):
        forms = {(getattr(base, "currencies", None) or {}).get(code) or ""}
        forms.update((plural.get(code) or {}).values())
        for form in forms:
            form = form.strip()
            if form and not any(ch.isdigit() or ch in "()" for ch in form):
                names.setdefault(form.lower(), set()).add(code)
    for head, codes in _head_nouns(names).items():
        names.setdefault(head, set()).update(codes)

    # --- scales ----------------------------------------------------------------------------
    scales = _scale_words(base)
    if lang == "en":
        for word, exp in NEWSWIRE_SCALES.items():
            scales.setdefault(word, exp)

    territory = getattr(base, "territory", None)
    if territory is None:  # "ru" -> "ru_Cyrl_RU" in CLDR's likely subtags -> RU
        from babel.core import get_global

        likely = str(get_global("likely_subtags").get(lang, ""))
        territory = next((part for part in likely.split("_")[1:] if len(part) == 2 and part.isupper()), None)
    local_codes: tuple[str, ...] = ()
    if territory:
        try:
            local_codes = tuple(get_territory_currencies(territory))
        except Exception:  # pragma: no cover
            local_codes = ()

    by_symbol = {sym: tuple(sorted(codes)) for sym, codes in symbols.items()}
    by_symbol.update((code, (code,)) for code in current)

    decimal = get_decimal_symbol(base) or "."
    pattern = _compile(lang, symbols, current, names, scales, decimal, base)
    return Table(
        lang=lang,
        pattern=pattern,
        symbols=MappingProxyType(by_symbol),
        names=MappingProxyType({name: tuple(sorted(codes)) for name, codes in names.items()}),
        own=MappingProxyType(own),
        scales=MappingProxyType(scales),
        decimal=decimal,
        territory=local_codes[0] if local_codes else None,
    )


def _compile(
    lang: str,
    symbols: Mapping[str, object],
    codes: Iterable[str],
    names: Mapping[str, object],
    scales: Mapping[str, int],
    decimal: str,
    base: Any,
) -> re.Pattern[str]:
    from babel.numbers import get_group_symbol

    group = get_group_symbol(base) or ","
    seps = ",." + (_SPACE_LIKE if group in _SPACE_LIKE else "".join(ch for ch in group if ch in "'’"))
    sep = "[" + re.escape(seps) + "]"
    num = rf"(?:\d{{1,3}}(?:{sep}\d{{3}})+|\d+)(?:[.,]\d+)?(?!\d)"
    space = "[ \u00a0\u202f\u2009]"
    unspaced = lang in UNSPACED
    end = "" if unspaced else r"(?!\w)"
    before = r"(?<![\d.,])" if unspaced else r"(?<![\w.,])"
    word_syms = [s for s in symbols if s[0].isalnum()] + list(codes)
    mark_syms = [s for s in symbols if not s[0].isalnum()]
    scale = "(?i:" + _trie(scales) + ")"
    name = "(?i:" + _trie(names) + ")"
    connector = r"(?:\w{1,3}" + space + r"+|\w['’])"
    word_guard = r"(?<!\d)" if unspaced else r"(?<!\w)"
    pre = rf"(?:{word_guard}(?P<pw>{_trie(word_syms)})|(?P<pm>{_trie(mark_syms)})){space}?"
    dash = rf"{space}?[-–]{space}?"
    amount = rf"(?P<NUM>{num})(?:{dash}(?P<HIGH>{num}))?(?:{space}?(?P<SCALE>{scale}){end})?"
    first = pre + amount.replace("NUM", "n1").replace("HIGH", "h1").replace("SCALE", "s1") + r"(?![\d.,]\d)"
    second = (
        rf"{before}(?<!\d{space})"
        + amount.replace("NUM", "n2").replace("HIGH", "h2").replace("SCALE", "s2")
        + rf"(?:{space}?(?P<post>{_trie(mark_syms + word_syms)})"
        + rf"|{space}*(?(s2){connector}?)(?P<name>{name})){end}"
    )
    # Every match starts with a digit or the first character of a symbol or code: a leading
    # lookahead on that class lets the engine skip all other positions cheaply (4x faster).
    starts = sorted({s[0] for s in word_syms + mark_syms} | set("0123456789"))
    gate = "(?=[" + "".join(re.escape(ch) for ch in starts) + "])"
    return re.compile(f"{gate}(?:{first}|{second})")
