"""Per-language number grammar: word lexicon, digit symbols and the one compiled pattern.

Everything here is built lazily, once per language, through :func:`newsnorm._resources.cached`.
The word lexicon merges the CLDR RBNF spell-outs made by ``scripts/build_numbers.py``
(``data/numbers/rbnf/<lang>.json``) with a hand-written file of what CLDR lacks
(``data/numbers/lang/<lang>.json``: connectors, approximators, range words, percent
words, ordinal suffixes for figures, scale abbreviations, articles that are not counts).

The scanner is one plain :mod:`re` pattern per language, run over a lower-cased copy of
the text: figures (any script's decimal digits) and number-word atoms (a trie-shaped
alternation, glued compounds allowed: "siebenundzwanzigtausend"). Everything else
(joining atoms into numbers, suffixes, ranges) looks only at the matches.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from .._resources import cached
from .._trie import trie_pattern

__all__ = ["CJK_LANGS", "LANGS", "Grammar", "grammar"]

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
#: Languages read with the CJK numeral grammar (characters, no spaces between words).
CJK_LANGS = frozenset(["zh", "ja", "ko"])

#: Devanagari letters with nukta: precomposed form for each decomposed pair (both occur in text).
_NUKTA_PAIRS = tuple((unicodedata.normalize("NFD", chr(c)), chr(c)) for c in range(0x958, 0x960))
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_COMMA_TO_CEDILLA = str.maketrans("șț", "şţ")
_CEDILLA_TO_COMMA = str.maketrans("şţ", "șț")

#: Plural (or derived) forms of ordinals that name fractions ("fifths", "Fünftel", "cinquièmes").
_DENOM_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("", "s"),),
    "fr": (("", "s"),),
    "es": (("", "s"), ("o", "as")),
    "pt": (("", "s"), ("o", "as")),
    "ca": (("", "s"), ("", "os")),
    "it": (("o", "i"), ("o", "e")),
    "de": (("te", "tel"), ("ste", "stel")),
    "nl": (("", "n"),),
    "sv": (("", "del"), ("", "delar"), ("", "dels"), ("e", "el"), ("e", "elar"), ("e", "els")),
}


@dataclass(frozen=True)
class Grammar:
    """Everything the scanner needs for one language (immutable, shared by threads)."""

    lang: str
    figures: Any  # re.Pattern[str]: figures in any script's digits
    #: re.Pattern[str]: number-word runs, over lower-cased text, as group 1: the character before the run is part of
    #: the match (a class the engine skips letters with) when ``word_prefix``: a run at 0 is found in " " + text.
    pattern: Any
    atom: Any  # re.Pattern[str]: one atom (for splitting glued compounds)
    tail: Any  # re.Pattern[str]: what may follow a figure (suffixes, exponent, fraction, percent)
    words: MappingProxyType[str, tuple[float, str]]
    decimal: str
    group: str
    overlay: MappingProxyType[str, Any]
    approx: tuple[tuple[str, str], ...]  # (phrase, kind), longest first
    article_one: frozenset[str]
    one_article: frozenset[str]
    connectors: frozenset[str]
    glued_connectors: frozenset[str]
    cjk: bool
    ascii_edges: bool = False  # ``pattern`` uses ASCII \b (faster); the scanner re-checks Unicode word edges
    word_prefix: bool = False  # ``pattern`` takes the character before a run (see ``pattern``)
    #: re.Pattern[str] or None: when set, ``pattern`` leaves out its lookbehind (a third of its cost): a match whose
    #: first character (the one before the run) this class matches is no run there (see :func:`_word_patterns`).
    prefix_check: Any = None
    #: Characters a non-empty ``tail`` match may start with (besides whitespace), and those that may follow
    #: one leading whitespace character: a figure followed by anything else has no tail (no regex call).
    tail_first: frozenset[str] = frozenset()
    tail_after_space: frozenset[str] = frozenset()
    #: The percent signs and words may start after that whitespace character: each one-character sign, and the first
    #: two characters of each longer one (lower-cased): "5 people" has no tail, "5 per cent" may have one.
    tail_space_heads: frozenset[str] = frozenset()
    #: What must end right before a number for an approximation phrase to end there: last character ->
    #: (the last words of phrases that end with it, ((one of them, the words before it in those phrases, or
    #: ``None`` when one phrase is that word alone), ...))
    approx_ends: MappingProxyType[str, tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...] | None], ...]]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    approx_kinds: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))  # phrase: kind
    article_last: frozenset[str] = frozenset()  # last characters of ``one_article``
    #: ``words`` and ``overlay`` unwrapped (the same dicts, never written): a plain dict's ``get`` costs a third of a
    #: mapping proxy's (which looks the method up and calls it), and the scanner asks them per match.
    word_table: dict[str, tuple[float, str]] = field(default_factory=dict)
    overlay_table: dict[str, Any] = field(default_factory=dict)
    range_to: frozenset[str] = frozenset()  # lower-cased range words ("to", "-", "à")
    range_between: frozenset[str] = frozenset()  # lower-cased words that open a range ("between")
    #: The language switches of :func:`._parse.parse_words`, in its argument order (read once from the overlay).
    parse_flags: tuple[Any, ...] = ()
    non_latin: bool = False  # a word lexicon without Latin letters (Hindi, Arabic, Russian ...): English words in
    # Latin letters are read too (code-mixed text)
    range_between_after: frozenset[str] = frozenset()  # words that close one (Turkish "arasında")
    percent_words: tuple[str, ...] = ()  # lower-cased percent words ("por ciento", "per cent")
    percent_initials: frozenset[str] = frozenset()  # their first letters
    one_idioms: tuple[str, ...] = ()  # lower-cased phrases in which "one" is no count ("at one point")
    one_not_after_pairs: frozenset[str] = frozenset()  # last words of two-word ``one_not_after`` entries ("only")
    #: approximation phrase -> endings of the word before it that cancel it (Russian past verbs before "до")
    approx_not_after: MappingProxyType[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    #: Which of the scanner's optional steps the language's overlay asks for (read once, not per document):
    #: ``percent_before``, ``negative_before``, ``plural_scale_after_approx``, ``ordinal_titles``, ``approx_after``.
    steps: tuple[bool, bool, bool, bool, bool] = (False, False, False, False, False)


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
    word = unicodedata.normalize("NFC", word.lower())
    word = word.replace("ё", "е")  # the scanner folds "ё" to "е" in the text
    out = {word, unicodedata.normalize("NFD", word), word.translate(_FOLD)}
    if any(c in "şţșț" for c in word):  # Romanian s and t with comma below or (older fonts) cedilla: both occur
        out.add(word.translate(_COMMA_TO_CEDILLA))
        out.add(word.translate(_CEDILLA_TO_COMMA))
    if any(c in "'’ʼ" for c in word):  # Ukrainian "п'ять" is written with three apostrophes
        for w in list(out):
            for a in "'’ʼ":
                out.add(w.replace("'", a).replace("’", a).replace("ʼ", a))
    if any("\u0900" <= c <= "\u097f" for c in word):  # Devanagari: ँ/ं and nukta letters written both ways
        for w in list(out):
            out.add(w.replace("\u0901", "\u0902"))
            out.add(w.replace("\u0902", "\u0901"))
        for w in list(out):
            for pair, single in _NUKTA_PAIRS:
                w = w.replace(pair, single)
            out.add(w)
    stripped = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    if stripped.isascii() or word.isascii():
        out.add(stripped)
    return {w for w in out if w}


def _marks() -> str:
    """A character-class body of every combining mark of the BMP (as ranges)."""

    def build() -> str:
        ranges: list[list[int]] = []
        for cp in range(0x300, 0x10000):
            if unicodedata.category(chr(cp)).startswith("M"):
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1][1] = cp
                else:
                    ranges.append([cp, cp])
        return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)

    result: str = cached(("numbers", "marks"), build)
    return result


def _symbols(lang: str) -> tuple[str, str]:
    """The decimal and group symbols of ``lang`` (CLDR's, shipped in ``data/numbers/symbols.json``).

    A regional tag without entries of its own ("pt-BR") takes its language's; an unknown one "." and ",".
    The table is built from babel by ``scripts/build_numbers.py``: reading the symbols from babel at
    run time loaded each language's whole CLDR data (about 1 MB of memory per language).
    """
    table: dict[str, list[str]] = cached(("numbers", "symbols"), _load_symbols)
    key = lang.replace("-", "_")
    found = table.get(key) or table.get(key.split("_", 1)[0])
    return (found[0], found[1]) if found else (".", ",")


def _load_symbols() -> dict[str, list[str]]:
    try:
        data = json.loads(_data_dir().joinpath("symbols.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError, ValueError):
        return {}
    symbols: dict[str, list[str]] = data.get("symbols", {})
    return symbols


def _alt(items: list[str] | tuple[str, ...]) -> str:
    items = sorted({i.lower() for i in items if i}, key=lambda s: (-len(s), s))
    if not items:
        return "(?!)"
    return "(?:" + "|".join(re.escape(i).replace("\\ ", r"\s+") for i in items) + ")"


def _lexicon(lang: str, overlay: dict[str, Any]) -> dict[str, tuple[float, str]]:
    rbnf = _load("rbnf", lang).get("words", {})
    words: dict[str, tuple[float, str]] = {}
    for word, (value, kind) in rbnf.items():
        if kind != "C":
            words[word.lower()] = (value, kind)
    for word, (value, kind) in overlay.get("extra", {}).items():
        words[word.lower()] = (value, kind)
    for word, value in overlay.get("fractions", {}).items():
        words[word.lower()] = (value, "F")
    for word, value in overlay.get("additive_fractions", {}).items():
        words[word.lower()] = (value, "FA")
    for suffix in overlay.get("denominator_suffix", []):  # Spanish "veintiunavos", "treintavos"
        for word, (value, kind) in list(words.items()):
            if kind in ("N", "H") and value >= 11 and " " not in word:
                stem = word[:-1] if word.endswith(("a", "e", "o")) and not suffix.startswith("e") else word
                words.setdefault(stem + suffix, (value, "Q"))
                words.setdefault(word + suffix, (value, "Q"))
    for suf in overlay.get("scale_ordinal_suffixes", []):  # "tausendste", "Milliardsten"
        for word, (value, kind) in list(words.items()):
            if kind in ("S", "M") and " " not in word:
                base = word[:-1] if word.endswith("e") else word
                words.setdefault(base + suf, (value, "O" + kind))
    for end, alt in overlay.get("compound_ordinal_endings", {}).items():  # Catalan "vint-i-un" -> "vint-i-unè"
        for word, (value, kind) in list(words.items()):
            if kind == "N" and value > 20 and word.endswith(end):
                words.setdefault(word[: len(word) - len(end)] + alt, (value, "O"))
    if overlay.get("elided_hundreds"):  # Italian "novecent-ottanta": hundreds drop their final vowel before a vowel
        for word, (value, kind) in list(words.items()):
            hundreds = kind == "H" or (kind == "M" and value == 100)
            if hundreds and " " not in word and word.endswith("o") and len(word) >= 5:
                words.setdefault(word[:-1], (value, kind))
    for word in overlay.get("remove", []):
        words.pop(word, None)
    for word in overlay.get("point", []):
        words[word.lower()] = (0, "P")
    for word in overlay.get("dozen", []):
        words[word.lower()] = (12, "Z")
    for word in overlay.get("negative", []):
        words[word.lower()] = (-1, "NEG")
    for end, alts in overlay.get("ordinal_endings", {}).items():
        for word, (value, kind) in list(words.items()):
            if kind.startswith("O") and word.endswith(end):
                for alt in alts:
                    words.setdefault(word[: len(word) - len(end)] + alt, (value, kind))
    for end, alts in overlay.get("variant_endings", {}).items():  # Hindi "इक्यानबे" and "इक्यानवे"
        for word, (value, kind) in list(words.items()):
            if kind in ("N", "O") and word.endswith(end):
                for alt in alts:
                    words.setdefault(word[: len(word) - len(end)] + alt, (value, kind))
    for mod, delta in overlay.get("prefix_modifiers", {}).items():  # Hindi "साढ़े तीन" 3.5, "सवा दो" 2.25
        for word, (value, kind) in list(words.items()):
            if kind == "N" and 1 <= value <= 99 and value == int(value) and " " not in word:
                words.setdefault(f"{mod} {word}", (value + delta, "N"))
    rules = _DENOM_RULES.get(lang, ())
    for word, (value, kind) in list(words.items()):
        if kind in ("O", "OH", "OM", "OS") and value >= 3:
            for cut, add in rules:
                if word.endswith(cut):
                    d = word[: len(word) - len(cut)] + add
                    if d != word:
                        words[d] = (value, "Q")
    if lang == "ko":  # one Sino-Korean syllable alone is too often an ordinary word
        words = {w: vk for w, vk in words.items() if len(w) > 1 or vk[1] in "MS"}
    full: dict[str, tuple[float, str]] = {}
    for word, vk in words.items():
        for v in _variants(word):
            full.setdefault(v, vk)
    skip = frozenset(overlay.get("prefix_article_skip", ()))  # Hebrew "המאה" is "the century", not 100
    bare_words = list(full.items())  # one-letter particles go on the bare words only (not "ال...", not each other)
    for p in overlay.get("prefix_articles", []):  # Arabic "ال": "الواحد والعشرون"
        for word, (value, kind) in list(full.items()):
            if (
                kind in ("N", "H", "M", "S", "S2", "O", "OS", "OM", "OH")
                and (p + word) not in full
                and word not in skip
            ):
                full[p + word] = (value, kind)
    for p in overlay.get("prefix_particles", []):  # Hebrew "כ", "ב", "ל" glued to a count ("כשלושת אלפים"); not "one"
        for word, (value, kind) in bare_words:
            if ((kind in ("N", "H", "M", "S", "S2") and value >= 2) or kind == "F") and (p + word) not in full:
                full[p + word] = (value, kind)
    for p in overlay.get("prefix_connectors", []):  # Arabic "و" glued to the next word
        for word, (value, kind) in list(full.items()):
            if kind in ("N", "H", "M", "S", "S2", "O", "F", "OS", "OM", "OH", "Q") and (p + word) not in full:
                full[p + word] = (value, kind + "+")
    return full


_WORD_LISTS = ("connectors", "percent", "range_to", "range_between", "article_one", "one_article", "plural_scales")


def _both_marks(overlay: dict[str, Any]) -> dict[str, Any]:
    """Word lists with Romanian s/t written both with comma below and with cedilla."""
    for key in _WORD_LISTS:
        items = overlay.get(key)
        if items and any(c in "şţșț" for w in items for c in w):
            both = [
                *items,
                *(w.translate(_COMMA_TO_CEDILLA) for w in items),
                *(w.translate(_CEDILLA_TO_COMMA) for w in items),
            ]
            overlay[key] = list(dict.fromkeys(both))
    return overlay


def _build(lang: str) -> Grammar:
    overlay = _both_marks(_load("lang", lang))
    cjk = lang in CJK_LANGS
    ascii_edges = False
    full = _lexicon(lang, overlay)
    decimal, group = _symbols(lang)
    atoms = sorted(full)
    atom = trie_pattern(atoms)
    # a digit (or a vulgar fraction) then digits and separators; trailing separators are cut by the reader
    # a cheap class first (ASCII digits, vulgar fractions, anything from U+0660 on) confirmed by \d: same matches
    # as [\d¼½¾⅐-⅞] (no decimal digit lies between U+007F and U+0660), but the scan skips Latin letters faster
    fig = (
        r"[0-9¼½¾⅐-⅞\u0660-\U0001ffff](?<=[\d¼½¾⅐-⅞])[\d.,'’\u00a0\u202f"
        + ("，．、" if cjk else "\u060c\u066b\u066c")
        + "]*"
    )
    glue = "".join(f"(?:{re.escape(c)})?" for c in overlay.get("glued_connectors", []))
    run = atom + r"(?:-?" + glue + atom + r"){0,7}"
    if cjk:
        words = "(?!)"
        edge, after = "", ""
    elif any(unicodedata.category(c).startswith("M") for w in atoms for c in w):
        marks = _marks()  # Devanagari vowel signs are not \w: "सौ" must stay one word
        edge, after = r"(?<![\w" + marks + r"])", r"(?![\w" + marks + "])"
        words = edge + run + after
    else:
        edge, after = r"\b", r"\b"
        words = r"\b" + run + r"\b"
        # every atom begins and ends with an ASCII character: ASCII \b finds every Unicode-bounded run (and a few
        # more, "ten" in "éten", which the scanner drops), at about 60% of the cost
        ascii_edges = all(w[0].isascii() and w[-1].isascii() for w in atoms) and all(
            c.isascii() for c in overlay.get("glued_connectors", [])
        )
    flags = re.ASCII if ascii_edges else 0
    word_pattern, word_prefix, prefix_check = _word_patterns(words, run, edge, after, atoms, flags)
    glued = overlay.get("glued_abbr", {})
    ordsuf = _alt([*overlay.get("ordinal_suffix", []), *([] if cjk else ["º", "ª"])])
    pct = _alt(["%", "٪", "％", *overlay.get("percent", [])])
    tail = (
        r"(?:(?P<exp>e[-+－−]?\d+)(?![\w.])"
        r"|\^(?P<pw>[-+]*\d+(?:\.\d+)?)"
        r"|[/／](?P<den>\d{1,3})(?![\d/／])"
        r"|(?P<ordsuf>" + ordsuf + r")(?!\w)"
        r"|(?P<gabbr>" + _alt([*glued, "k", "g", "b"]) + r")(?!\w)"
        r"|(?P<sabbr>\s{1,2}[kmg])(?!\w))?"
        r"(?:\s?(?P<pct>" + pct + r")(?!\w))?"
    )
    approx: list[tuple[str, str]] = []
    for kind, phrases in overlay.get("approx", {}).items():
        for p in phrases:
            for v in {p.lower(), p.lower().translate(_COMMA_TO_CEDILLA), p.lower().translate(_CEDILLA_TO_COMMA)}:
                approx.append((v, kind))
    approx.sort(key=lambda pk: -len(pk[0]))
    ord_items = [*overlay.get("ordinal_suffix", []), *([] if cjk else ["º", "ª"])]
    pct_items = ["%", "٪", "％", *overlay.get("percent", [])]
    abbr_items = [*glued, "k", "g", "b"]
    firsts = {i.lower()[:1] for i in (*ord_items, *pct_items, *abbr_items) if i}
    one_article = frozenset(a.lower() for a in overlay.get("one_article", []))
    return Grammar(
        lang=lang,
        figures=re.compile(fig),
        pattern=word_pattern,
        word_prefix=word_prefix,
        prefix_check=prefix_check,
        atom=re.compile(atom),
        tail=re.compile(tail),
        words=MappingProxyType(full),
        word_table=full,
        decimal=decimal,
        group=group,
        overlay=MappingProxyType(overlay),
        overlay_table=overlay,
        approx=tuple(approx),
        article_one=frozenset(a.lower() for a in overlay.get("article_one", [])),
        one_article=one_article,
        connectors=frozenset(c.lower() for c in overlay.get("connectors", [])),
        glued_connectors=frozenset(overlay.get("glued_connectors", [])),
        cjk=cjk,
        ascii_edges=ascii_edges,
        tail_first=frozenset(firsts | set("e^/／")),
        tail_after_space=frozenset({i.lower()[:1] for i in pct_items if i} | set("kmg")),
        tail_space_heads=frozenset([*(i[:2] for i in pct_items if i), *(i.lower()[:2] for i in pct_items if i)]),
        approx_ends=_approx_ends([p for p, _ in approx]),
        approx_kinds=MappingProxyType(dict(approx)),
        article_last=frozenset(a[-1] for a in one_article if a),
        range_to=frozenset(w.lower() for w in overlay.get("range_to", ())),
        range_between=frozenset(w.lower() for w in overlay.get("range_between", ())),
        parse_flags=(
            bool(overlay.get("vigesimal")),
            bool(overlay.get("compound_ordinal")),
            bool(overlay.get("ordinal_words_add")),
            bool(overlay.get("connector_joins_fractions_only")),
            frozenset(overlay.get("first_standalone", ())),
            bool(overlay.get("bare_fractions")),
            bool(overlay.get("fused_hundreds")),
            bool(overlay.get("lone_plural_ordinal")),
            str(overlay.get("decimal_words", "")),
            _point_leads(overlay.get("point_leads", True)),
            MappingProxyType({w.lower(): str(k) for w, k in overlay["closing_words"].items()})
            if overlay.get("closing_words")
            else None,
            bool(overlay.get("one_apart")),
        ),
        non_latin=bool(full) and not cjk and not any(c.isascii() and c.isalpha() for w in full for c in w),
        range_between_after=frozenset(w.lower() for w in overlay.get("range_between_after", ())),
        percent_words=tuple(w.lower() for w in overlay.get("percent", ()) if w),
        percent_initials=frozenset(w[:1].lower() for w in overlay.get("percent", ()) if w),
        one_idioms=tuple(w.lower() for w in overlay.get("one_idioms", ())),
        one_not_after_pairs=frozenset(w.split()[-1] for w in overlay.get("one_not_after", ()) if " " in w),
        approx_not_after=MappingProxyType(
            {p.lower(): tuple(ends) for p, ends in overlay.get("approx_not_after", {}).items()}
        ),
        steps=(
            bool(overlay.get("percent_before")) and not cjk,
            bool(overlay.get("negative_before")),
            bool(overlay.get("plural_scale_after_approx")),
            bool(overlay.get("ordinal_titles")),
            bool(overlay.get("approx_after")),
        ),
    )


def _approx_ends(
    phrases: list[str],
) -> MappingProxyType[str, tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...] | None], ...]]]:
    """``Grammar.approx_ends`` of the approximation phrases (words separated by single spaces)."""
    before: dict[str, set[str] | None] = {}
    for phrase in phrases:
        if not phrase:
            continue
        *head, last = phrase.split(" ")
        if len(last) > 40:
            continue  # (the scanner looks 40 characters back at most)
        words = before.get(last, set())
        if not head or not head[-1] or words is None:
            before[last] = None  # a one-word phrase (or odd spacing): the last word alone must do
        else:
            words.add(head[-1])
            before[last] = words
    ends: dict[str, list[tuple[str, tuple[str, ...] | None]]] = {}
    for last, words in sorted(before.items()):
        ends.setdefault(last[-1], []).append((last, None if words is None else tuple(sorted(words))))
    return MappingProxyType({c: (tuple(w for w, _ in pairs), tuple(pairs)) for c, pairs in ends.items()})


def _word_patterns(words: str, run: str, edge: str, after: str, atoms: list[str], flags: int) -> tuple[Any, bool, Any]:
    """The compiled number-word pattern (group 1: the run), whether it takes the character before the run, and the
    class that character must not match when the pattern leaves its lookbehind out (else None).

    ``words`` is ``edge + run + after``, with ``edge`` a lookbehind or ``\\b`` that refuses a word character before
    the run. A run after another character is found as that character and the run: ``[^a-zA-Z0-9_]`` lets the
    engine skip ASCII letters, ``edge`` (a lookbehind at the run's start) keeps the same runs, and a run at the
    start of the text is found in the text after a space (one pattern: a second one doubled the compile time).
    With ``\\b`` this is exact when every atom starts and ends with a word character; otherwise the plain
    pattern stays. When every atom starts with an ASCII character the lookbehind itself is left out (``re`` runs it
    at every space and punctuation mark: a third of the scan): the scanner drops a match whose first character is a
    word character (only a non-ASCII one can be) or a mark, and searches again from the next character, which finds
    exactly the runs the lookbehind finds.
    """
    word = re.compile(r"[\w" + edge[5:-2] + "]" if edge.startswith("(?<![") else r"\w", flags)
    if not atoms or not edge or not all(word.match(a[0]) and (edge != r"\b" or word.match(a[-1])) for a in atoms):
        return re.compile("(" + words + ")", flags), False, None
    if flags & re.ASCII and edge == r"\b":
        # (the class is exactly what ASCII \w is not: no lookbehind)
        return re.compile(r"[^a-zA-Z0-9_](" + run + ")" + after, flags), True, None
    if all(a[0].isascii() for a in atoms):
        # runs start with an ASCII letter: a non-ASCII letter or a mark right before one ("éonce") is rare
        return re.compile(r"[^a-zA-Z0-9_](" + run + ")" + after, flags), True, word
    # (in a script of non-ASCII letters the class skips nothing and the lookbehind refuses the many runs inside words)
    lookbehind = r"(?<!\w)" if edge == r"\b" else edge
    return re.compile(r"[^a-zA-Z0-9_]" + lookbehind + "(" + run + ")" + after, flags), True, None


def _point_leads(value: Any) -> bool | frozenset[str]:
    """The ``point_leads`` key: true/false, or the point words that may open a number (a list)."""
    return frozenset(w.lower() for w in value) if isinstance(value, list) else bool(value)


def grammar(lang: str) -> Grammar:
    """The grammar of ``lang`` (a language without word data gets digits only)."""
    return cached(("numbers", "grammar3", lang), lambda: _build(lang))
