"""Build the number-word lexicons in ``src/newsnorm/data/numbers/rbnf/`` from CLDR RBNF spell-out rules.

Source: the CLDR rule-based number format (RBNF) files as shipped inside the
``unicode-rbnf`` package (MIT; the CLDR data itself is under the Unicode licence),
evaluated with that package's engine. For each language we spell out the
"atoms" a number-word grammar needs, in every cardinal and ordinal rule set:

* 0-99 as whole words (so glued forms such as "siebenundzwanzig", "ventotto" are atoms),
* the hundreds 100-900 and the multiplier morphemes ("hundred", "hundert", "百"),
* the scales (thousand, million, billion, trillion, lakh, crore, 万, 亿) with their
  plural and case forms (spelled as k times the scale, last word kept),
* ordinals of the same atoms, and connector words found between the atoms
  ("y", "e", "et", "و").

Kinds: N small number (0-99), H hundreds (100-900), M multiplier (hundred, 十, 百, 千),
S scale (1000 and up), C connector, O ordinal 1-99, OH ordinal hundreds, OM ordinal
"hundredth", OS ordinal scale ("thousandth").

It also writes ``data/numbers/symbols.json``: the decimal and group symbols (Latin digits) of
every locale babel has, from CLDR's number symbols, so that the scanner reads no babel locale
data at run time (a locale's whole data is about a megabyte once loaded).

Usage: ``pip install unicode-rbnf babel && python scripts/build_numbers.py``.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from newsnorm.numbers._lexicon import LANGS  # the one list of languages with a word lexicon

OUT = Path(__file__).resolve().parent.parent / "src" / "newsnorm" / "data" / "numbers" / "rbnf"
SCALES = [1000, 10**6, 10**9, 10**12]
INDIAN = [10**5, 10**7]
CJK = [10**4, 10**8, 10**12]


def split(text: str) -> list[str]:
    return [t for t in text.replace("\u00ad", "").split() if t]


def forms(engine: Any, n: int, ordinal: bool) -> set[str]:
    from unicode_rbnf import FormatPurpose

    try:
        result = engine.format_number(n, FormatPurpose.ORDINAL if ordinal else None)
    except Exception:
        return set()
    out = set()
    for name, text in result.text_by_ruleset.items():
        if "year" in name or "digits" in name or "verbose" in name:
            continue
        if ordinal != ("ordinal" in name):
            continue
        out.add(unicodedata.normalize("NFC", text.strip().lower()))
    return out


def build(lang: str) -> dict[str, Any]:
    from unicode_rbnf import RbnfEngine

    engine = RbnfEngine.for_language(lang)
    words: dict[str, list[Any]] = {}

    def add(word: str, value: int, kind: str) -> None:
        word = word.strip("-")
        if not word or any(ch.isdigit() for ch in word):
            return
        if word not in words:
            words[word] = [value, kind]

    cjk = lang in ("zh", "ja", "ko")
    scales = sorted(set(SCALES + (INDIAN if lang in ("hi", "bn", "mr", "ne") else []) + (CJK if cjk else [])))
    cardinal_text: dict[int, set[str]] = {}
    for n in [*range(100), *range(100, 1000, 100)]:
        cardinal_text[n] = forms(engine, n, False)
        for text in cardinal_text[n]:
            toks = split(text)
            if len(toks) == 1:
                add(toks[0], n, "N" if n < 100 else "H")
            elif n < 100:
                add(" ".join(toks), n, "N")

    def add_multiples(base: int, kind: str, ks: tuple[int, ...], replace_hundreds: bool) -> None:
        """The word of ``base`` from the spell-outs of k * base: the last word of a spaced form, or what follows
        the unit word in a glued one ("dreihundert" -> "hundert"); k = 1 may give the bare word."""
        for k in ks:
            for text in forms(engine, k * base, False):
                toks = split(text)
                last = toks[-1]
                if len(toks) > 1:
                    add(last, base, kind)
                    continue
                for unit in cardinal_text.get(k, set()):
                    if unit and last.startswith(unit) and len(last) > len(unit):
                        add(last[len(unit) :], base, kind)
                if k == 1 and replace_hundreds and (last not in words or words[last][1] == "H"):
                    words.pop(last, None)  # "hundred" read as the multiplier, not as the hundreds value
                    add(last, base, kind)
                elif k == 1 and not replace_hundreds:
                    add(last, base, kind)

    for m in [100] + ([10, 1000] if cjk else []):
        add_multiples(m, "M", (1, 2, 3, 5), True)
    for s in scales:
        add_multiples(s, "S", (1, 2, 3, 5, 11, 21), False)
    connectors: dict[str, int] = {}
    for n in [*range(21, 100), *range(101, 1000, 7), 1001, 2021, 100001]:
        for text in forms(engine, n, False):
            for tok in split(text):
                for part in tok.split("-"):
                    if part and part not in words and len(part) <= 3:
                        connectors[part] = connectors.get(part, 0) + 1
    for part, count in connectors.items():
        if count >= 3:
            words.setdefault(part, [0, "C"])
    for n in [*range(1, 100), *range(100, 1000, 100), *scales]:
        for text in forms(engine, n, True):
            toks = split(text)
            if len(toks) == 1:
                add(toks[0], n, "O" if n < 100 else ("OH" if n < 1000 else "OS"))
            elif n < 100:
                add(" ".join(toks), n, "O")
            elif n == 100:
                add(toks[-1], n, "OM")
            elif n in scales:
                add(toks[-1], n, "OS")
    return {
        "_note": "generated by scripts/build_numbers.py from CLDR RBNF (unicode-rbnf); do not edit",
        "lang": lang,
        "words": dict(sorted(words.items())),
    }


def build_symbols() -> None:
    """``symbols.json``: locale identifier -> [decimal symbol, group symbol], for every babel locale.

    A locale whose symbols are its language's (``pt_BR`` as ``pt``) is left out.
    """
    import babel
    from babel.localedata import locale_identifiers
    from babel.numbers import get_decimal_symbol, get_group_symbol

    table: dict[str, list[str]] = {}
    for locale in sorted(locale_identifiers()):
        try:
            table[locale] = [get_decimal_symbol(locale), get_group_symbol(locale)]
        except Exception:  # a locale babel lists but cannot load: the scanner's default applies
            continue
    # a regional or script locale that writes its language's symbols is left out (the reader falls back)
    table = {k: v for k, v in table.items() if "_" not in k or table.get(k.split("_", 1)[0]) != v}
    data = {
        "_note": "generated by scripts/build_numbers.py from CLDR number symbols (babel); do not edit",
        "source": f"Unicode CLDR number symbols via babel {babel.__version__}",
        "symbols": table,
    }
    path = OUT.parent / "symbols.json"
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print("symbols", len(table))


def main() -> int:
    import importlib.metadata as md

    build_symbols()

    OUT.mkdir(parents=True, exist_ok=True)
    version = md.version("unicode-rbnf")
    for lang in sorted(LANGS):
        data = build(lang)
        data["source"] = f"CLDR RBNF via unicode-rbnf {version}"
        (OUT / f"{lang}.json").write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", "utf-8")
        print(lang, len(data["words"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
