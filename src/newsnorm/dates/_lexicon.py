"""Per-language data and the one compiled scanner pattern per language.

A language's data is the CLDR month and weekday names (generated into
``data/dates/_generated/cldr.json`` by ``scripts/build_dates_cldr.py``) merged with
the hand-made lexicon ``data/dates/lexicon/<lang>.json`` (relative words, units,
number words, approximators, set words, tense cues). Everything is built on first
use through :func:`newsnorm._resources.cached` and is immutable afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from string import capwords
from types import MappingProxyType
from typing import Any

import regex

from .._resources import cached, read_json, read_text
from .._trie import trie_pattern

__all__ = ["LANGUAGES", "OPTIONAL_KEYS", "WORD_MARKS", "Lexicon", "fold", "lexicon"]

#: Languages with a shipped lexicon (the scanner works on these only).
LANGUAGES: tuple[str, ...] = (
    "ar", "bg", "bn", "bs", "ca", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fr", "he", "hi", "hr", "hu", "id",
    "it", "ja", "ko", "ms", "nb", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sv", "th", "tr", "uk", "vi", "zh",
)

#: languages that read another language's lexicon (and CLDR names): Norwegian text is most often tagged "no"
#: (Bokmål); Bosnian is written like Croatian
_LEXICON_OF: dict[str, str] = {"no": "nb", "bs": "hr"}

#: lexicon keys a language may leave out (the engine then uses a safe default; see docs/normalisers/dates.md)
OPTIONAL_KEYS: frozenset[str] = frozenset({
    "lower_names", "lower_ambiguous", "lower_month_cues", "holidays", "shift_after", "shift_before",
    "time_date_links", "range_words", "h_is_hour", "half_past", "quarter_past", "quarter_to", "at_hour", "same",
    "half_to", "all_words", "wd_part_compound", "decade_words", "decade_suffixes", "am_pre", "pm_pre",
    "start_post", "mid_post", "end_post", "clause_words", "same_alone", "the_unit_words",
    "age_words", "conj", "months_alone", "verb_final", "vague_units", "vague_preps",
    "every_other", "freq_words", "times_words", "freq_links", "wd_plural_suffix", "parts_plural", "fiscal_words",
    "future_wd_preps",
})

_NEVER = "\U000fffff\U000ffffe"  # a list item that never occurs in text (regex named lists must not be empty)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The lookup key of a surface form: NFC, case-folded, inner whitespace squashed, trailing period dropped."""
    key = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    key = key.replace("’", "'").replace("i̇", "i")
    return key[:-1] if key.endswith(".") and len(key) > 1 else key


def _variants(words: Iterable[str], case_sensitive: bool = False, dotted: bool = False) -> set[str]:
    """Surface variants of words: as written, lower, Capitalised, UPPER; with a trailing period if ``dotted``."""
    out: set[str] = set()
    for word in words:
        word = unicodedata.normalize("NFC", word.strip())
        if word.startswith("="):  # exact form only: German "morgen" (tomorrow), not "Morgen" (morning)
            out.add(word[1:])
            continue
        if not word:
            continue
        forms = {word, word[:1].upper() + word[1:], word.upper()}
        if "i" in word or "ı" in word:  # Turkish dotted and dotless capitals
            tr_up = word.replace("i", "İ").replace("ı", "I")
            forms |= {tr_up[:1] + word[1:], tr_up.upper()}
        if not case_sensitive:
            forms |= {word.lower(), word[:1].upper() + word[1:].lower()}
        for form in list(forms):
            forms.add(form.replace("'", "’"))
            if dotted and not form.endswith("."):
                forms.add(form + ".")
            if form.endswith(".") and len(form) > 2:
                forms.add(form[:-1])
        out |= forms
    return out


#: a word-list group at least this long is parsed once and shared by the rules that hold it
_FRAGMENT_MIN = 24


@dataclass(frozen=True)
class Lexicon:
    """The compiled data of one language (shared, immutable)."""

    lang: str
    rules: tuple[tuple[str, str], ...]  # (rule name, regex source) in pattern order
    word_rules: Mapping[str, frozenset[str]]  # folded anchor word -> the rules it can take part in
    anchor: Any  # re.Pattern[str]: words and digits every date expression contains
    anchor_words: frozenset[str]  # the surface forms the anchor pattern finds (for the Aho-Corasick scan)
    anchor_open_end: bool  # a word anchor needs no word end after it (agglutinating languages)
    starters: frozenset[str]  # folded words a match may start with
    rule_starters: Mapping[str, frozenset[str]]  # rule -> the folded words a match of that rule may start with
    rule_heads: Mapping[str, frozenset[str]]  # rule -> every folded word it may begin with, at its anchor too
    prefixed: bool  # words may carry an attached prefix (ar, he)
    tense: Any  # regex.Pattern[str]
    months: Mapping[str, int]
    wide_months: frozenset[str]
    weekdays: Mapping[str, int]
    words: Mapping[str, Any]  # fold(surface) -> value, per lexicon key
    order: str
    spaced: bool
    case_sensitive: bool
    #: the word-list groups of :attr:`rules` wide enough to parse once and share between rules, longest first
    fragments: tuple[str, ...] = ()
    #: the verb ends the clause (Turkish): a verb ending right after a date is its own clause's tense
    verb_final: bool = False


#: Languages with CLDR month and weekday names but no lexicon: full dates, month-year, ISO and
#: numeric dates and weekday names only (no relative words, durations or sets).
CLDR_ONLY: tuple[str, ...] = (
    "et", "lt", "lv", "sl", "sr",
)


def _load(lang: str) -> dict[str, Any]:
    if lang in CLDR_ONLY:
        # a minimal lexicon: CLDR names plus the day "7." and year "2024." punctuation those languages use
        return {"names_case_sensitive": False, "spaced": True, "day_suffix": "\\.", "year_suffix": ["."]}
    data: dict[str, Any] = dict(read_json("dates", "lexicon", f"{_LEXICON_OF.get(lang, lang)}.json"))
    return data


def _cldr(lang: str) -> dict[str, Any]:
    table = read_json("dates", "_generated", "cldr.json")
    langs: dict[str, Any] = table["languages"]
    if lang not in langs:
        lang = _LEXICON_OF.get(lang, lang)
    return dict(langs.get(lang, {"months": {}, "weekdays": {}, "order": "DMY"}))


#: a word character, combining marks of Indic, Hebrew and Arabic scripts and the Persian ZWNJ included
_WCH = r"[\w\u0300-\u036F\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0900-\u0963\u0966-\u0DFF\u200c]"


#: the characters beside letters, digits and "_" that the scanner counts as part of a word (combining marks)
WORD_MARKS: frozenset[str] = frozenset(
    chr(c)
    for a, b in ((0x300, 0x36F), (0x591, 0x5C7), (0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670), (0x6D6, 0x6ED),
                 (0x900, 0x963), (0x966, 0xDFF), (0x200C, 0x200C))
    for c in range(a, b + 1)
)


def _marks(src: str) -> str:
    """Word boundaries that do not split a word at a combining vowel sign (Hindi कला is not कल + ा)."""
    return src.replace(r"(?<!\w)", f"(?<!{_WCH})").replace(r"(?!\w)", f"(?!{_WCH})")


#: the rules each kind of anchor can take part in (the scanner tries only these at an anchor)
_CATEGORY_RULES: dict[str, tuple[str, ...]] = {
    "digit": (
        "R_iso", "R_num", "R_md", "R_dm", "R_cjk", "R_cjkyear", "R_cjkday", "R_mdy", "R_dmy", "R_wdday", "R_dayword",
        "R_my", "R_quarter", "R_q",
        "R_ago", "R_agob",
        "R_fiscal", "R_freq", "R_dur", "R_hdur", "R_decade", "R_decmod", "R_mod", "R_every", "R_time", "R_year",
        "R_year2", "R_yy",
        "R_ym", "R_ymon", "R_century", "R_theday",
    ),
    "month": ("R_weekof", "R_cjk", "R_mdy", "R_dmy", "R_my", "R_mod", "R_rel", "R_relp", "R_month"),
    "weekday": (
        "R_cjk", "R_mdy", "R_dmy", "R_wdday", "R_wdrel", "R_wdrel2", "R_rel", "R_relp", "R_wdset", "R_wd", "R_every",
    ),
    "wdset": ("R_wdset", "R_every"),
    "freq": ("R_freq",),
    "relday": ("R_relword", "R_relday"),
    "ref": ("R_ref",),
    "dayword": ("R_dmy", "R_dayword"),
    "unit": (
        "R_weekof", "R_theunit", "R_cjk", "R_quarter", "R_ago", "R_agob", "R_wdrel", "R_rel", "R_relp", "R_dur",
        "R_hdur", "R_mod",
        "R_weekend", "R_freq", "R_every", "R_set", "R_century", "R_all", "R_vague",
    ),
    "set": ("R_set",),
    "season": ("R_rel", "R_relp", "R_mod", "R_season"),
    "holiday": ("R_holiday",),
    "same": ("R_same",),
    "enmonth": ("R_enfull",),
    "oclock": ("R_clockw",),
    "wdpart": ("R_wdpart",),
    "quarter": ("R_quarter",),
    "time": ("R_time", "R_cjk", "R_mdy", "R_dmy", "R_wd", "R_relday"),
    "part": ("R_relday", "R_thispart", "R_every", "R_rel", "R_relp", "R_clockw"),
    "decade": ("R_decade", "R_decmod"),
    "agob": ("R_agob",),
    "mod": ("R_quarter", "R_decade", "R_decmod", "R_mod", "R_rel", "R_relp", "R_relday", "R_weekend"),
    "weekend": ("R_weekend", "R_rel", "R_relp", "R_mod"),
    "rel": ("R_wdrel", "R_rel", "R_relp", "R_thispart", "R_quarter"),
}

#: the word lists whose first words may begin a match of each rule before its anchor (a rule not listed
#: begins at its anchor: a digit, "Q", a quote); the scanner tries only starts among these words
_RULE_FIRST: dict[str, tuple[str, ...]] = {
    "R_mdy": ("wd_a", "mon_a"),
    "R_dmy": ("wd_a", "the", "daywords", "day_word"),
    "R_wdday": ("wd_a",),
    "R_dayword": ("day_word",),
    "R_weekof": ("the", "ordinals"),
    "R_my": ("mon_a",),
    "R_quarter": ("the", "ordinals", "last", "next", "this"),
    "R_ago": ("approx", "more_than", "less_than", "numbers", "some"),
    "R_agob": ("ago_before", "later_before"),
    "R_wdrel": ("last", "next", "this"),
    "R_wdrel2": ("wd_w",),
    "R_rel": ("start", "mid", "end", "the", "last", "next", "this"),
    "R_relp": ("start", "mid", "end", "the", "rel_target"),
    "R_dur": ("approx", "more_than", "less_than", "at_least", "at_most", "the", "last", "next", "numbers", "some"),
    "R_hdur": ("numbers",),
    "R_vague": ("vague_preps",),
    "R_decade": ("the", "decade_pre", "decade_words", "start", "mid", "end"),
    "R_decmod": ("start", "mid", "end"),
    "R_century": ("the", "daywords", "romans"),
    "R_weekend": ("the", "conn", "preps", "last", "next", "this", "weekend"),
    "R_mod": ("start", "mid", "end"),
    "R_season": ("seasons",),
    "R_holiday": ("last", "next", "this", "the", "holidays"),
    "R_theunit": ("the",),
    "R_wd": ("wd_w",),
    "R_relword": ("rel_words",),
    "R_relday": (
        "start", "end", "today", "yesterday", "tomorrow", "yesterday_or_tomorrow", "day_before_yesterday",
        "day_after_tomorrow", "tonight", "last_night",
    ),
    "R_thispart": ("this",),
    "R_every": ("every",),
    "R_set": ("sets",),
    "R_wdset": ("wd_w", "wd_plural"),
    "R_freq": ("numbers", "freq_words"),
    "R_fiscal": ("fiscal_words",),
    "R_time": (
        "at", "time_pre", "noon", "midnight", "half_past", "quarter_past", "quarter_to", "at_hour", "half_to",
        "am_pre", "pm_pre",
    ),
    "R_clockw": ("at", "time_pre", "at_hour", "numbers"),
    "R_all": ("all_words",),
    "R_wdpart": ("last", "next", "this", "wd_part"),
    "R_theday": ("the",),
    "R_same": ("the", "same"),
    "R_ref": ("present", "past", "future"),
    "R_month": ("mon_w",),
}

#: the word lists a rule's match may also begin with at its own anchor (added to ``_RULE_FIRST`` for the scanner's
#: filter at the anchor: there a rule is tried only if the anchor's first word may begin it)
_RULE_FIRST_AT_ANCHOR: dict[str, tuple[str, ...]] = {
    "R_enfull": ("en_months",),
    "R_quarter": ("quarter",),
    "R_century": ("cent_units",),
    "R_set": ("sets",),
}

#: English full month names: a dateline such as "October 04 , 2005" kept in a translated story
_EN_MONTHS: dict[str, int] = {
    m: i + 1
    for i, m in enumerate(
        ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December")
    )
}

#: Roman numerals of centuries ("siglo XV", "XVe siècle")
_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
           "XVII", "XVIII", "XIX", "XX", "XXI", "XXII")

#: the word lists whose words anchor a scan, and their kind
_ANCHOR_LISTS: dict[str, str] = {
    "mon_a": "month", "wd_a": "weekday", "rel_words": "relday", "today": "relday", "yesterday": "relday",
    "tomorrow": "relday",
    "yesterday_or_tomorrow": "relday", "day_before_yesterday": "relday", "day_after_tomorrow": "relday",
    "tonight": "relday", "last_night": "relday", "present": "ref", "past": "ref", "future": "ref",
    "units": "unit", "sets": "set", "seasons": "season", "quarter": "quarter", "noon": "time",
    "midnight": "time", "parts": "part", "decade_pre": "decade", "ago_before": "agob", "later_before": "agob",
    "start": "mod", "mid": "mod", "end": "mod", "weekend": "weekend", "day_word": "dayword",
    "en_months": "enmonth", "wd_part": "wdpart", "holidays": "holiday", "decade_words": "decade",
    "half_past": "time", "quarter_past": "time",
    "quarter_to": "time", "same": "same",
    "half_to": "time", "oclock": "oclock", "half": "quarter",
    "wd_plural": "wdset", "freq_words": "freq", "times_words": "freq",
}


def _prefixed(tag: str, head: str, tail: str, g: Any) -> str:
    return f"{head}{tag}__{g.group(1)}{tail}"


def _dedupe(body: str, tag: str) -> str:
    """Number repeated group names inside one rule (``hh``, ``hh_2`` ...): stdlib re wants them unique."""
    seen: dict[str, int] = {}

    def rename(g: Any) -> str:
        name = g.group(1)
        seen[name] = seen.get(name, 0) + 1
        return f"(?P<{name}>" if seen[name] == 1 else f"(?P<{name}_{seen[name]}>"

    return regex.sub(r"\(\?P<(\w+)>", rename, body)


def _num_value(lex: dict[str, Any], surface: str) -> float:
    key = fold(surface)
    for word, value in lex.get("numbers", {}).items():
        if fold(word) == key:
            return float(value)
    return 0.0


def _build(lang: str) -> Lexicon:
    lex = _load(lang)
    cldr = _cldr(lang)
    cs = bool(lex.get("names_case_sensitive"))
    spaced = bool(lex.get("spaced", True))

    months: dict[str, int] = {}
    wide: set[str] = set()
    abbrev_surface: set[str] = set()
    wide_surface: set[str] = set()
    for num, names in cldr["months"].items():
        for i, name in enumerate(names):
            if not name or (len(name) < 2 and spaced):
                continue
            months[fold(name)] = int(num)
            is_wide = i == 0 or len(name.rstrip(".")) > 4 or not spaced
            target = wide_surface if is_wide else abbrev_surface
            target |= _variants([name], cs, dotted=not is_wide)
            if is_wide:
                wide.add(fold(name))
    for name, num in lex.get("months", {}).items():
        months[fold(name)] = int(num)
        is_wide = not name.endswith(".")  # the lexicon's own names are full names ("maju", "мае") unless dotted
        (wide_surface if is_wide else abbrev_surface).update(_variants([name], cs, dotted=not is_wide))
        if is_wide:
            wide.add(fold(name))
    weekdays: dict[str, int] = {}
    wd_wide: set[str] = set()
    wd_abbr: set[str] = set()
    for num, names in cldr["weekdays"].items():
        for i, name in enumerate(names):
            if not name or len(name) < 2:  # one-letter names (日, 月, M) are far too ambiguous
                continue
            weekdays[fold(name)] = int(num)
            if i == 0 or len(name.rstrip(".")) > 4 or not spaced:
                wd_wide |= _variants([name], cs)
            else:
                wd_abbr |= _variants([name], cs, dotted=True)
    for name, num in lex.get("weekdays", {}).items():
        weekdays[fold(name)] = int(num)
        (wd_wide if not name.endswith(".") else wd_abbr).update(_variants([name], cs, dotted=len(name) <= 5))
    if cs and lex.get("lower_names"):
        # "april 2017", "every monday": lower-case full names are dates too in a case-sensitive language;
        # the ambiguous ones ("may", "march") need a day, a year or a strict cue (checked by the resolver)
        wide_surface |= {w.lower() for w in wide_surface if not w.endswith(".")}
        wd_wide |= {w.lower() for w in wd_wide if not w.endswith(".")}
    taken = {fold(w) for key in ("numbers", "ordinals", "the", "preps", "conn") for w in lex.get(key, [])}
    wd_wide = {w for w in wd_wide if fold(w) not in taken}
    wd_abbr = {w for w in wd_abbr if fold(w) not in taken}
    if not spaced:  # CJK: single-character abbreviations (月, 木) are far too ambiguous
        wd_wide = {w for w in wd_wide if len(w) > 1}
        wide_surface = {w for w in wide_surface if len(w) > 1}

    def words(key: str) -> list[str]:
        value = lex.get(key, [])
        return list(value.keys()) if isinstance(value, dict) else list(value)

    lists: dict[str, set[str]] = {
        "mon_w": wide_surface,
        "mon_a": wide_surface | abbrev_surface,
        "wd_w": wd_wide,
        "wd_a": wd_wide | wd_abbr,
    }
    for key in [
        "rel_words", "today", "yesterday", "tomorrow", "yesterday_or_tomorrow", "day_before_yesterday",
        "day_after_tomorrow",
        "tonight", "last_night", "present", "past", "future", "parts", "units", "numbers", "some", "filler",
        "last", "next", "this", "last_post", "next_post", "this_post", "ago", "ago_before", "later",
        "later_before", "approx", "more_than", "less_than", "at_least", "at_most", "start", "mid", "end",
        "sets", "every", "seasons", "quarter", "half", "ordinals", "weekend", "the", "preps", "noon",
        "midnight", "am", "pm", "oclock", "at", "timezones", "conn", "year_suffix", "decade_pre", "time_pre",
        "the_unit_stop",
        "day_word", "half_past", "quarter_past", "quarter_to", "at_hour", "same", "half_to", "all_words",
        "decade_words", "am_pre", "pm_pre", "vague_units", "vague_preps",
        "every_other", "freq_words", "times_words", "freq_links", "parts_plural", "fiscal_words",
    ]:
        lists[key] = _variants(words(key))
    # singular units (for "12-year", "last week"): those whose folded form has a unit value and is listed first
    unit_values: dict[str, str] = {fold(k): v for k, v in lex.get("units", {}).items()}
    # day numbers written as words ("cuatro de julio"); short words such as "a", "un" are left out
    lists["daywords"] = {w for w in lists["numbers"] if len(w) >= 4 and 1 <= _num_value(lex, w) <= 31}
    # day numbers written as ordinals or compounds ("second of Aug.", "May twenty-nine", "primero de mayo")
    lists["daywords"] |= _variants(words("day_words"))
    holidays = words("holidays")
    lists["holidays"] = _variants(holidays) | _variants([capwords(h) for h in holidays], case_sensitive=True)
    if lex.get("wd_part_compound"):  # nl "vrijdagochtend", de "Freitagabend": weekday and part of day in one word
        part_forms = {p.lower() for p in lists["parts"]}
        lists["wd_part"] = {w + p for w in wd_wide for p in part_forms if w != _NEVER and p != _NEVER}
    else:
        lists["wd_part"] = set()
    # hour words for a clock time without "o'clock": "five in the morning" (not "a", "un": too short to be sure)
    lists["hourwords"] = {w for w in lists["numbers"] if len(w) >= 3 and 1 <= _num_value(lex, w) <= 12}
    # "Fridays", "vrijdags": a weekday written with the language's plural or habitual ending is a set
    plural = lex.get("wd_plural_suffix") or ""
    lists["wd_plural"] = {w + plural for w in wd_wide if plural and w != _NEVER and not w.endswith(".")}
    lists["en_months"] = set() if lang == "en" else _variants(list(_EN_MONTHS), case_sensitive=True)
    lists["cent_units"] = _variants([k for k, v in lex.get("units", {}).items() if v == "C"])
    # "Tuesday next week": a weekday with a relative unit only reads a week ("화요일 다음 달" is two dates)
    lists["week_units"] = _variants([k for k, v in lex.get("units", {}).items() if v == "W"])
    lists["romans"] = {f"{r}{x}" for r in _ROMANS for x in ("", "e", "ème", "er", ".")}
    lists["rel_target"] = lists["units"] | lists["seasons"] | wide_surface | wd_wide
    lists["cue"] = (
        lists["preps"] | lists["last"] | lists["next"] | lists["this"] | lists["start"] | lists["mid"]
        | lists["end"] | lists["the"] | lists["conn"]
    )
    for name, items in lists.items():
        if not items:
            lists[name] = {_NEVER}

    b = r"(?<!\w)" if spaced else ""
    pre = lex.get("prefix") or ""
    if pre:
        b = b + f"(?:{pre})?"
    suf = lex.get("suffix") or ""
    e = (rf"(?=(?:{suf})(?!\w)|(?!\w))" if suf else r"(?!\w)") if spaced else ""
    sp = r"\s+" if spaced else r"\s*"
    osp = r"\s*"
    comma = r"(?:\s*,\s*|\s+)" if spaced else r"\s*,?\s*"
    day_suf = lex.get("day_suffix") or ""
    ds = f"(?:{day_suf})?" if day_suf else ""

    tries: dict[str, str] = {}

    def L(name: str) -> str:
        if name not in tries:
            tries[name] = trie_pattern(lists[name])
        return tries[name]

    def LS(name: str) -> str:
        """A word of list ``name`` and the space after it; elided forms ("l'", "dell'") take no space."""
        key = name + " sp"
        if key not in tries:
            elided = {w for w in lists[name] if w.endswith(("'", "’"))}
            whole = lists[name] - elided
            tries[key] = (
                rf"(?:{trie_pattern(whole or {_NEVER})}{sp}|{trie_pattern(elided)}{osp})"
                if elided
                else rf"{L(name)}{sp}"
            )
        return tries[key]

    num = rf"(?P<num>\d{{1,4}}(?:[.,]\d+)?|{L('numbers')})"
    day = rf"(?:(?P<day>3[01]|[12]\d|0?[1-9])(?!\d){ds}|(?P<dayw>{L('daywords')})(?!\w))"
    year = r"(?P<year>(?:1[5-9]|2[01])\d\d)(?!\d)"
    year_suf = rf"(?:{osp}{L('year_suffix')})?"
    mpre = rf"(?:{pre})?" if pre else ""
    mon = rf"{mpre}(?P<month>{L('mon_a')})"
    monw = rf"(?P<month>{L('mon_w')})"
    wd_opt = rf"(?:(?P<wd>{L('wd_a')}){e}{comma})?"
    conn = rf"(?:{LS('conn')})?"
    ampm = rf"(?:{osp}(?P<ampm>{L('am')}|{L('pm')}))"
    tz = rf"(?:{osp}(?P<tz>{L('timezones')}))?"
    hsep = "h|" if lex.get("h_is_hour", True) else ""  # "15h30", "15h" (fr, pt); en "3h" is a duration
    h_word = r"|h(?!\w)" if hsep else ""
    hword = rf"(?P<hw>1[0-2]|0?[1-9]|{L('numbers')})(?!\w)"
    time_core = (
        rf"(?:(?P<ap>{L('am_pre')}|{L('pm_pre')}){osp})?"  # ko "오후 4시", ja "午後3時", zh "下午3点"
        rf"(?:(?P<hh>[01]?\d|2[0-3])(?::|{hsep}\.(?=[0-5]\d{osp}(?:{L('am')}|{L('pm')}|{L('oclock')}(?!\w))))"
        rf"(?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?(?!\d){ampm}?(?:{osp}{L('oclock')}(?!\w))?{tz}"
        rf"|(?P<hh>1[0-2]|0?[1-9])(?!\d){ampm}{tz}"
        rf"|(?P<hh>[01]?\d|2[0-3])(?P<mi>[0-5]\d){osp}(?P<tz>{L('timezones')})"
        rf"|(?P<hh>[01]?\d|2[0-3]){osp}(?:{L('oclock')}{h_word}){tz}"
        rf"|(?P<qh>{L('half_past')}|{L('quarter_past')}|{L('quarter_to')}|{L('half_to')}){sp}{hword}"
        rf"(?:{osp}{L('oclock')}(?!\w))?{ampm}?"
        rf"|{L('at_hour')}{sp}(?P<hh>[01]?\d|2[0-3])(?:[.:h](?P<mi>[0-5]\d))?(?![\d.,:]\d|\d|{osp}%)"
        rf"|(?P<noon>{L('noon')}|{L('midnight')}))"
    )
    # "tomorrow morning", "Friday evening at 8", "domani mattina alle 8:30"
    at_time = rf"(?:,?{sp}(?:(?:{L('at')}|{L('time_pre')}){sp})?{time_core}{e})"
    # a bare hour after "at" counts after a part of day or "tonight": "Friday evening at 7", "tonight at 8"
    at_bare = rf"(?:,?{sp}{L('at')}{sp}(?P<hh>1[0-2]|0?[1-9])(?![\w:]|[.,]\d|{osp}%))"
    time_sfx = rf"(?:{at_time}|{sp}(?P<part>{L('parts')}){e}(?:{at_time}|{at_bare})?)?"
    time_sfx_late = rf"(?:{at_time}|{at_bare}|{sp}(?P<part>{L('parts')}){e}(?:{at_time}|{at_bare})?)?"
    cjk = lex.get("ymd_marks") or []
    rules: list[str] = []
    # ISO and numeric dates
    rules.append(
        r"(?P<R_iso>)(?<![\d\-/.])(?P<year>(?:1[5-9]|2[01])\d\d)-(?P<mn>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d\-])"
        r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?P<tz>Z)?(?!\d))?"
    )
    rules.append(
        r"(?P<R_num>)(?<![\d/.,])(?<!\d-)(?P<na>\d{1,2})(?P<sep>[/.\-])(?P<nb>\d{1,2})(?P=sep)(?P<nc>\d{4}|\d{2})"
        r"(?![\d/]|[.,]\d|-\d)"
    )
    # month/day or day/month without a year, slash only ("on 11/20", "22/04"); fractions are left out by the resolver
    rules.append(r"(?P<R_md>)(?<![\w/.,:\-$€£#])(?P<na>\d{1,2})/(?P<nb>\d{1,2})(?![\w/%]|[.,]\d|-\d)")
    # year and month: "2015-3", "2019/10"
    rules.append(
        r"(?P<R_ym>)(?<![\w\-/.,])(?P<year>(?:1[5-9]|20)\d\d)[-/](?P<mn>1[0-2]|0?[1-9])(?![\w\-/]|[.,]\d)"
    )
    if day_suf == "\\.":  # German and Polish "am 27.11." without a year
        rules.append(
            r"(?P<R_dm>)(?<![\d.,])(?P<day>3[01]|[12]\d|0?[1-9])\.\s?(?P<mn>1[0-2]|0?[1-9])\.(?![\d.]|\s?\d)"
        )
    if cjk:
        y_m, m_m, d_m = cjk[0], cjk[1], cjk[2]
        rules.append(
            rf"(?P<R_cjk>)(?<!\d)(?:(?P<year>\d{{4}}){osp}(?:{y_m}){osp})?(?P<mn>1[0-2]|0?[1-9]){osp}(?:{m_m})"
            rf"(?:{osp}(?P<day>3[01]|[12]\d|0?[1-9]){osp}(?:{d_m}))?"
            rf"(?:{osp}[(（]?{osp}(?P<wd>{L('wd_a')}){osp}[)）]?)?{time_sfx}"
        )
        rules.append(rf"(?P<R_cjkyear>)(?<!\d)(?P<year>(?:1[5-9]|2[01])\d\d){osp}(?:{y_m})(?!{osp}\d)")
        if not spaced:  # ja "首相は8日、", zh "总理8日在北京": the day of the month alone, as news write it
            rules.append(
                rf"(?P<R_cjkday>)(?<![\d{m_m}])(?<!まる)(?P<day>3[01]|[12]\d|0?[1-9])(?:{d_m})"
                rf"(?!{osp}(?:間|间|{L('ago')}|{L('later')}|以上|以内|以来|余|多|来|後|后|前|内|ぶり|連続|にわたり|ごと|おき|까지))"
            )
    # weekday? month day, year / weekday? day month year
    rules.append(
        rf"(?P<R_mdy>){b}{wd_opt}{mon}(?:{e}{osp}|[/\-]){day}(?!\w)"
        rf"(?:(?:{comma}|[/\-]){year}{year_suf})?{e}{time_sfx}"
    )
    rules.append(
        rf"(?P<R_dmy>){b}{wd_opt}(?:{LS('the')})?(?:{LS('day_word')})?{day}(?:{osp}{conn}|[/\-]){mon}{e}"
        rf"(?:(?:{comma}{conn}|[/\-]){year}{year_suf})?{e}{time_sfx}"
    )
    # weekday and day of month without the month ("el viernes 9", "Friday 13th"); "el día 18", "dia 12"
    # with names capitalised (English) the bare number must end the clause: "Monday 12 people were killed"
    wd_end = rf"(?:{day_suf})(?!\w)|(?!{osp}\w)" if cs and day_suf else ""
    wd_num = rf"(?P<day>3[01]|[12]\d|0?[1-9])(?:{wd_end})" if wd_end else rf"(?P<day>3[01]|[12]\d|0?[1-9])(?:{ds})"
    rules.append(
        rf"(?P<R_wdday>){b}(?P<wd>{L('wd_a')}){e}(?:{comma}(?:{L('day_word')}{sp})?{wd_num}"
        rf"|{sp}(?:{LS('the')})?(?P<dayw>{L('daywords')})(?!{osp}\w))(?![\w.,:/\-]\w|\d|{osp}%)"
    )
    if lex.get("day_word_dates"):
        rules.append(
            rf"(?P<R_dayword>){b}{L('day_word')}{sp}(?P<day>3[01]|[12]\d|0?[1-9])(?![\w.,:/\-]\w|\d|{osp}%)"
        )
    # "the last week of March", "la primera semana de julio": an ISO week
    rules.append(
        rf"(?P<R_weekof>){b}(?:{LS('the')})?(?P<ord>{L('ordinals')}){sp}(?P<unit>{L('units')}){sp}{LS('conn')}"
        rf"(?:{LS('the')})?(?P<month>{L('mon_w')}){e}(?:{comma}(?:{conn})?{year})?"
    )
    if lang != "en":  # "October 04 , 2005" in a translated story: English full month, day AND year
        rules.append(
            rf"(?P<R_enfull>)(?<!\w)(?P<enmonth>{L('en_months')}){sp}(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
            rf"{osp},?{osp}(?P<year>(?:1[5-9]|2[01])\d\d)(?!\d)"
        )
    rules.append(rf"(?P<R_my>){b}{mon}{e}(?:{comma}|{osp}[/\-]{osp}){conn}{year}{year_suf}{e}")
    # year and month name: "2017 april" (not "2017 March 5")
    rules.append(rf"(?P<R_ymon>)(?<![\w.,$€£#+\-/]){year}{sp}{monw}{e}(?!{osp}\d)")
    # quarters
    rules.append(
        # "the fourth quarter", "third-quarter profit", "the first half of 2023" (half years: H1, H2)
        rf"(?P<R_quarter>){b}(?:{LS('the')})?(?:(?:(?P<ord>{L('ordinals')})|(?P<rel>{L('last')}|{L('next')}|{L('this')}))"
        rf"(?:{sp}|(?P<hy>-))(?:{L('quarter')}|(?P<half>{L('half')})){e}"
        rf"|{L('quarter')}{sp}(?:{LS('the')})?(?P<ord>{L('ordinals')}){e})"
        # "of 2023", "of this year", "di quest'anno"; "of the year", "do ano passado", "de l'année dernière"
        rf"(?:{sp}(?:(?:(?:{L('conn')}|{L('preps')}){sp}(?:(?:{L('the')}|{L('this')}){sp})?)?"
        rf"(?:{year}|(?P<rel2>{L('this')}|{L('last')}|{L('next')})(?:{sp}|(?<=['’]){osp})(?P<unit2>{L('units')}){e})"
        rf"|(?:{L('conn')}|{L('preps')}){sp}(?:{LS('the')})?(?P<unit2>{L('units')}){e}"
        rf"(?:{sp}(?P<rel2>{L('last_post')}|{L('next_post')}|{L('this_post')}){e})?))?"
    )
    rules.append(r"(?P<R_q>)(?<!\w)[Qq](?P<ord>[1-4])(?:\s*(?:/|-)?\s*(?P<year>(?:19|20)\d\d))?(?!\w)")
    # relative expressions with units and counts
    rules.append(
        rf"(?P<R_ago>){b}(?:(?P<approx>{L('approx')}|{L('more_than')}|{L('less_than')}){sp})?"
        rf"(?:{num}|(?P<some>{L('some')})){osp}(?:{L('filler')}{sp})?(?P<unit>{L('units')}){e}{sp}(?P<ago>{L('ago')}|{L('later')}){e}"
    )
    rules.append(
        rf"(?P<R_agob>){b}(?P<ago>{L('ago_before')}|{L('later_before')}){sp}(?:(?P<approx>{L('approx')}){sp})?"
        rf"(?:{num}|(?P<some>{L('some')})){sp}(?:{L('filler')}{sp})?(?P<unit>{L('units')}){e}"
    )
    rels = rf"(?P<rel>{L('last')}|{L('next')}|{L('this')})"
    rels_post = rf"(?P<relp>{L('last_post')}|{L('next_post')}|{L('this_post')})"
    modw = rf"(?P<mod>{L('start')}|{L('mid')}|{L('end')})"
    rules.append(
        rf"(?P<R_wdrel>){b}(?P<rel>{L('last')}|{L('next')}|{L('this')}){osp}(?P<unit>{L('week_units')}){osp},?{osp}"
        rf"(?:{L('preps')}{sp})?"
        rf"(?P<wd>{L('wd_w')}){e}{time_sfx}"
    )
    # "Tuesday of next week", "el martes de la próxima semana", "am Dienstag nächster Woche", "dinsdag volgende week"
    rules.append(
        rf"(?P<R_wdrel2>){b}(?P<wd>{L('wd_w')}){e}{sp}(?:{LS('conn')})?(?:{LS('the')})?"
        rf"(?:(?P<rel>{L('last')}|{L('next')}|{L('this')}){osp}(?P<unit>{L('week_units')})"
        rf"|(?P<unit>{L('week_units')}){sp}(?P<rel>{L('last_post')}|{L('next_post')}|{L('this_post')})){e}{time_sfx}"
    )
    rules.append(
        rf"(?P<R_rel>){b}(?:{modw}{osp}(?:{LS('conn')})?(?:{LS('the')})?)?(?:{LS('the')})?{rels}{osp}"
        rf"(?P<target>{L('rel_target')}){e}{time_sfx}"
    )
    rules.append(
        rf"(?P<R_relp>){b}(?:{modw}{osp}(?:{LS('conn')})?)?(?:{LS('the')})?(?P<target>{L('rel_target')}){e}"
        rf"{sp}{rels_post}{e}{time_sfx}"
    )
    # fiscal years: "fiscal 2023", "fiscal year 2024", "FY2023" (TimeML FY2023)
    rules.append(rf"(?P<R_fiscal>){b}{L('fiscal_words')}{osp}(?P<year>(?:19|20)\d\d)(?![\d%]|[.,]\d)")
    # frequencies: "twice a year", "three times a week", "zweimal im Monat", "dos veces al año" (a set of the unit)
    rules.append(
        rf"(?P<R_freq>){b}(?:(?:\d{{1,2}}|{L('numbers')}){sp}{L('times_words')}|{L('freq_words')}){sp}"
        rf"(?:{L('freq_links')}(?:{sp}|(?<=['’])))?(?P<unit>{L('units')}){e}"
    )
    # durations
    rules.append(
        rf"(?P<R_dur>){b}(?:(?P<approx>{L('approx')}|{L('more_than')}|{L('less_than')}|{L('at_least')}|{L('at_most')}){sp})?"
        rf"(?:(?:{LS('the')})?(?P<rel>{L('last')}|{L('next')}){sp})?"
        rf"(?:{num}|(?P<some>{L('some')})){osp}(?:{L('filler')}{sp})?(?P<unit>{L('units')}){e}"
        rf"(?:{sp}(?P<relp>{L('last_post')}|{L('next_post')}){e})?"
    )
    rules.append(rf"(?P<R_hdur>){b}(?P<num>\d{{1,3}}|{L('numbers')})-(?P<unit>{L('units')}){e}")
    # a count left unsaid: "in minutes", "for years", "over the years", "seit Jahren", "durante meses"; the
    # preposition is read but not part of the mention (``span``)
    rules.append(
        rf"(?P<R_vague>){b}{LS('vague_preps')}(?P<span>(?:{LS('the')})?(?P<unit>{L('vague_units')})){e}"
    )
    # centuries: "the 15th century", "the twentieth century", "siglo XV", "XVe siècle", "15. Jahrhundert"
    roman = r"(?P<roman>X{0,2}(?:IX|IV|V?I{0,3}))"
    rules.append(
        rf"(?P<R_century>){b}(?:{LS('the')})?(?:(?P<cnum>[12]?\d)(?:{day_suf}|\.|e|ème|er|º|°)?"
        rf"|(?P<cword>{L('daywords')})|(?=[IVX]){roman}(?:e|ème|er|\.)?){sp}{L('cent_units')}{e}"
        rf"|(?P<R_century2>){b}(?:{LS('the')})?{L('cent_units')}{sp}(?=[IVX]){roman}{e}"
    )
    dsuf = "|".join(regex.escape(x) for x in lex.get("decade_suffixes", []) if x) or _NEVER
    # the 1990s, the '90s
    decade_forms = (
        rf"(?:{LS('the')})?(?P<dec>(?:1[5-9]|20)\d0)(?:['’]?s|er(?:n|jahren?)?)(?!\w)"
        rf"|(?P<pre>{L('decade_pre')}){sp}(?:(?P<dec>(?:1[5-9]|20)\d0)|['’]?(?P<dec2>[1-9]0))(?!\w)"
        rf"|['’](?P<dec2>\d0)s(?!\w)"
        rf"|(?:{LS('the')})(?P<dec2>[1-9]0)['’]?s(?!\w)"
        # lexicon suffixes: ru "1990-е", "90-х", sv "1990-talet", tr "1990'lar", ko "1990년대", ja "1990年代"
        rf"|(?P<dec>(?:1[5-9]|20)\d0)(?:{dsuf}){e}|(?<!\d)(?P<dec2>[2-9]0)(?:{dsuf}){e}"
        # decades in words: "the nineties", "negli anni Novanta", "de jaren negentig"
        rf"|(?:(?P<pre>{L('decade_pre')}){sp}|{LS('the')})(?P<decw>{L('decade_words')}){e}"
    )
    # the 1990s, the '90s; a modifier may open it ("the late 1990s", "Ende der 1990er Jahre", "the mid-90s"), and
    # after one a decade in words needs no article ("eind jaren negentig")
    rules.append(
        rf"(?P<R_decade>){b}(?:{modw}{osp}(?:{LS('conn')})?(?:{LS('the')})?)?(?:{decade_forms})"
    )
    rules.append(rf"(?P<R_decmod>){b}{modw}{osp}(?:(?<=-)(?P<dec2>[1-9]0)['’]?s(?!\w)|(?P<decw>{L('decade_words')}){e})")
    rules.append(
        rf"(?P<R_weekend>){b}(?:(?:{L('the')}|{L('conn')}|{L('preps')}){sp})?(?:(?P<rel>{L('last')}|{L('next')}|{L('this')}){sp})?"
        rf"{L('weekend')}{e}(?:{sp}(?P<relp>{L('last_post')}|{L('next_post')}){e})?"
    )
    # modifiers: early 2009, mid-2024, late October, principios de junio
    rules.append(
        rf"(?P<R_mod>){b}{modw}{osp}(?:{LS('conn')})?(?:{LS('the')})?"
        rf"(?:{year}|(?P<month>{L('mon_w')}){e}(?:,?{sp}{conn}{year})?|(?P<season>{L('seasons')}){e}|(?P<unitm>{L('units')}){e})"
    )
    # holidays: "Christmas", "last Easter", "Easter Monday 2018", "Thanksgiving Day at noon"
    rules.append(
        rf"(?P<R_holiday>){b}(?:{LS('the')})?(?:(?P<rel>{L('last')}|{L('next')}|{L('this')}){sp})?"
        rf"(?P<hol>{L('holidays')}){e}(?:{comma}{conn}{year})?{time_sfx}"
    )
    # "all day", "den ganzen Tag", "toda la semana": one unit long
    rules.append(rf"(?P<R_all>){b}{L('all_words')}{sp}(?:{LS('the')})?(?P<unit>{L('units')}){e}")
    # "the 18th", "on the 4th": a day of the month named by its ordinal alone (languages with letter day endings)
    if regex.search(r"[a-z]", day_suf):
        rules.append(
            rf"(?P<R_theday>){b}{LS('the')}(?P<day>3[01]|[12]\d|0?[1-9])(?:{day_suf})(?![\w'’]|{osp}[\-–]?\w)"
        )
    # "the same day", "lo stesso giorno": the day (month, year) last named, or the publication's
    rules.append(rf"(?P<R_same>){b}(?P<art>{LS('the')})?{L('same')}{sp}(?:{LS('the')})?(?P<unit>{L('units')}){e}")
    # seasons
    rules.append(rf"(?P<R_season>){b}(?P<season>{L('seasons')}){e}(?:{sp}{conn}{year})?")
    # weekdays, relative days, parts of day
    # "the day", "the year" (the current one: "ended the day up 2%", "el día"), in languages that list "the_unit_stop"
    if lex.get("the_unit_stop"):
        rules.append(
            rf"(?P<R_theunit>){b}(?:{L('the')}){sp}(?P<unit>{L('units')}){e}"
            rf"(?!{osp}[\d'’-]|{sp}(?:{L('the')}|{L('conn')}|{L('the_unit_stop')}|{L('ago')}|{L('later')}){e})"
        )
    if lex.get("wd_part_compound"):
        rules.append(
            rf"(?P<R_wdpart>){b}(?:(?P<rel>{L('last')}|{L('next')}|{L('this')}){sp})?(?P<wdp>{L('wd_part')}){e}"
            rf"{at_time}?"
        )
    # habitual weekdays: "on Fridays", "Sunday nights", "Tuesday afternoons", "Fridays at 9"
    rules.append(
        rf"(?P<R_wdset>){b}(?:(?P<wdp>{L('wd_plural')}){e}(?:{sp}(?P<pp>{L('parts_plural')}){e}{at_bare}?)?"
        rf"|(?P<wd>{L('wd_w')}){sp}(?P<pp>{L('parts_plural')}){e}{at_bare}?){at_time}?"
    )
    rules.append(rf"(?P<R_wd>){b}(?P<wd>{L('wd_w')}){e}{time_sfx}")
    rules.append(rf"(?P<R_relword>){b}(?P<relword>{L('rel_words')}){e}")
    rules.append(
        rf"(?P<R_relday>){b}(?:(?P<mod>{L('start')}|{L('end')}){sp})?(?P<relday>{L('today')}|{L('yesterday')}|{L('tomorrow')}|"
        rf"{L('yesterday_or_tomorrow')}|{L('day_before_yesterday')}|{L('day_after_tomorrow')}|{L('tonight')}|"
        rf"{L('last_night')}){e}{time_sfx_late}"
    )
    rules.append(rf"(?P<R_thispart>){b}(?P<rel>{L('this')}){sp}(?P<part>{L('parts')}){e}")
    # sets
    rules.append(
        rf"(?P<R_every>){b}(?P<every>{L('every')}){sp}(?:(?P<other>{L('every_other')}){sp})?(?:(?P<wd>{L('wd_w')}){e}{time_sfx}|{num}{sp}(?P<unit>{L('units')})|"
        rf"(?P<unit>{L('units')})|(?P<part>{L('parts')})){e}"
    )
    rules.append(rf"(?P<R_set>){b}(?P<set>{L('sets')}){e}")
    # "ten o'clock", "zehn Uhr": a number word and the o'clock word
    # "ten o'clock", "zehn Uhr" (and a meridiem after it); "five in the morning", "las cinco de la tarde": an hour
    # word of three letters or more and a meridiem phrase ("a PM" is a prime minister, not 1 p.m.)
    rules.append(
        rf"(?P<R_clockw>){b}(?:(?:{L('at')}|{L('time_pre')}|{L('at_hour')}){sp})?"
        rf"(?:(?P<hw>{L('numbers')}){sp}{L('oclock')}(?!\w)(?:{ampm})?|(?P<hw>{L('hourwords')}){ampm}(?!\w))"
    )
    # times
    rules.append(rf"(?P<R_time>){b}(?:(?:{L('at')}|{L('time_pre')}){sp})?{time_core}{e}")
    # references
    rules.append(
        rf"(?P<R_ref>){b}(?P<ref>{L('present')}|{L('past')}|{L('future')}){e}"
        rf"(?!{sp}(?:(?:{num}|{L('some')}){sp})?{L('units')}{e})"  # "in the past few months" is a duration
    )
    # bare month and year after a cue word
    cue = ""  # the word before a bare month or year is checked by the resolver
    rules.append(rf"(?P<R_month>){cue}{b}{mpre}{monw}{e}")
    rules.append(
        rf"(?P<R_year>)(?:(?<=[12]\d\d\d[-–])|(?<![\w.,$€£#+\-–/])){year}{year_suf}"
        rf"(?![\d%])(?!{osp}[.,]\d)"
    )
    if not spaced:
        rules.append(rf"(?P<R_year2>)(?<!\d)(?P<year>(?:19|20)\d\d)(?={L('year_suffix')})")
    rules.append(rf"(?P<R_yy>){cue}['’](?P<yy>\d\d)(?![\d\w])")

    first: set[str] = set()
    for name, items in lists.items():
        if name in ("rel_target", "cue"):
            continue
        for item in items:
            head = item.split()[0] if spaced else item[:1]
            if head:
                first.add(head)
    starters = frozenset(fold(w) for w in first)

    def heads(names: tuple[str, ...]) -> frozenset[str]:
        return frozenset(
            fold(item.split()[0] if spaced else item[:1])
            for name in names
            for item in lists.get(name, ())
            if item != _NEVER and item.strip()
        )

    rule_starters = {rule: heads(names) for rule, names in _RULE_FIRST.items()}
    rule_heads = {
        rule: heads(_RULE_FIRST.get(rule, ()) + _RULE_FIRST_AT_ANCHOR.get(rule, ()))
        for rule in set(_RULE_FIRST) | set(_RULE_FIRST_AT_ANCHOR)
    }
    # stdlib re is several times faster than regex here; it needs unique group names, so each
    # rule's groups are prefixed with the rule's name (the resolver reads them through RuleMatch)
    renamed: list[str] = []
    tags: list[str] = []
    for r in rules:
        rule = regex.match(r"\(\?P<(R_\w+)>\)", r)
        assert rule is not None
        tag = rule.group(1)
        body = regex.sub(r"\(\?P<(?!R_)(\w+)>", partial(_prefixed, tag, "(?P<", ">"), r)
        body = regex.sub(r"\(\?P=(\w+)\)", partial(_prefixed, tag, "(?P=", ")"), body)
        body = _dedupe(body, tag)
        renamed.append(_marks(body))
        tags.append(tag)
    # which rules an anchor word can start or sit in: the scanner tries only those
    word_rules: dict[str, set[str]] = {}
    for list_name, cat in _ANCHOR_LISTS.items():
        for w in lists.get(list_name, ()):
            if w != _NEVER:
                word_rules.setdefault(fold(w), set()).update(_CATEGORY_RULES[cat])
    if suf:
        for list_name in ("last", "next", "this"):
            for w in lists[list_name]:
                if w != _NEVER:
                    word_rules.setdefault(fold(w), set()).update(_CATEGORY_RULES["rel"])
    anchor_words: set[str] = set()
    for name in _ANCHOR_LISTS:
        anchor_words |= lists[name]
    if suf:  # agglutinating languages write "last week" as one word (지난주): relative words anchor too
        anchor_words |= lists["last"] | lists["next"] | lists["this"]
    anchor_words.discard(_NEVER)
    words_re = trie_pattern(anchor_words or {_NEVER})
    if spaced:
        end = "" if suf else r"(?!\w)"  # agglutinating languages: the scanner pattern checks the word end
        lead = rf"(?:{pre})?" if pre else ""
        anchor_src = rf"\d|(?<!\w)(?:[Qq](?=[1-4](?!\w))|['’](?=\d\d)|{lead}{words_re}{end})"
    else:
        anchor_src = rf"\d|{words_re}"
    anchor = re.compile(_marks(anchor_src))

    fut = _variants(lex.get("future_cues", []))
    past = _variants(lex.get("past_cues", []))
    psuf = "|".join(regex.escape(s) for s in lex.get("past_suffixes", []) if s)
    lb, la = (r"(?<!\w)", r"(?!\w)") if spaced else ("", "")
    # fixed-width lookbehinds, one per suffix length, for stdlib re
    fsuf_lb = "|".join(f"(?<={regex.escape(x)})" for x in lex.get("future_suffixes", []) if x and x[0] != "^")
    fpre = "|".join(regex.escape(x[1:]) for x in lex.get("future_suffixes", []) if x.startswith("^"))
    psuf_lb = "|".join(f"(?<={regex.escape(x)})" for x in lex.get("past_suffixes", []) if x)
    lb0, wb0 = r"(?<!\w)", r"\b"  # word starts of the suffix cues where words are not spaced
    tense_parts = [
        rf"(?P<fut>{trie_pattern(fut or {_NEVER})}){la}",
        rf"(?P<past>{trie_pattern(past or {_NEVER})}){la}",
    ]
    if fpre:  # future prefixes such as Arabic سـ: "سيلتقي"
        tense_parts.append(rf"(?P<fut3>{'' if spaced else lb0}(?:{fpre})\w{{3,}})")
    if fsuf_lb:
        tense_parts.append(rf"(?P<fut2>{'' if spaced else wb0}\w{{3,}}(?!\w)(?:{fsuf_lb}))")
    if psuf:
        tense_parts.append(rf"(?P<past2>{'' if spaced else wb0}\w{{3,}}(?!\w)(?:{psuf_lb}))")
    # one word-start check shared by every alternative (several times faster than one per alternative); the
    # word-end check comes before the suffix look-behinds, so the backtracking over a word fails at once
    tense_src = f"{lb}(?:{'|'.join(tense_parts)})" if spaced else "|".join(tense_parts)
    tense = re.compile(_marks(tense_src).replace(r"\w{3,}", _WCH + "{3,}"))

    table: dict[str, Any] = {}
    for key, value in lex.items():
        if isinstance(value, dict):
            table[key] = MappingProxyType({fold(k): v for k, v in value.items()})
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            table[key] = frozenset(fold(v.lstrip("=")) for v in value)
        else:
            table[key] = value
    table["units"] = MappingProxyType(unit_values)
    # the language writes its month names in lower case (fr "mars", es "marzo"): a capitalised one inside a
    # sentence is another word ("vers Mars", the planet)
    wide_cldr = [names[0] for names in cldr["months"].values() if names and names[0]]
    table["months_lower"] = spaced and bool(wide_cldr) and all(n[:1].islower() for n in wide_cldr)
    return Lexicon(
        lang=lang,
        rules=tuple(zip(tags, renamed, strict=True)),
        word_rules=MappingProxyType({k: frozenset(v) for k, v in word_rules.items()}),
        anchor=anchor,
        anchor_words=frozenset(anchor_words) if spaced and not pre else frozenset(),
        anchor_open_end=bool(suf),
        starters=starters,
        rule_starters=MappingProxyType(rule_starters),
        rule_heads=MappingProxyType(rule_heads),
        prefixed=bool(pre),
        tense=tense,
        months=MappingProxyType(months),
        wide_months=frozenset(wide),
        weekdays=MappingProxyType(weekdays),
        words=MappingProxyType(table),
        order=str(cldr.get("order") or "DMY"),
        spaced=spaced,
        case_sensitive=cs,
        fragments=tuple(sorted({t for t in tries.values() if len(t) >= _FRAGMENT_MIN}, key=lambda t: (-len(t), t))),
        verb_final=bool(lex.get("verb_final", False)),
    )


def lexicon(lang: str) -> Lexicon | None:
    """The compiled lexicon of ``lang``, built once per process; ``None`` for an unsupported language."""
    if lang not in LANGUAGES and lang not in CLDR_ONLY:
        return None
    return cached(("newsnorm.dates", "lexicon", lang), lambda: _build_or_none(lang))


def _build_or_none(lang: str) -> Lexicon | None:
    try:
        return _build(lang)
    except FileNotFoundError:  # a language listed without its lexicon file: find nothing rather than fail
        return None


def data_files() -> tuple[str, ...]:
    """Names of the shipped lexicon files (for tests)."""
    return tuple(f"{lang}.json" for lang in LANGUAGES if lang not in _LEXICON_OF)


def raw_lexicon(lang: str) -> dict[str, Any]:
    """The parsed lexicon file of ``lang`` (a fresh dict; for tests and docs)."""
    import json

    parsed: dict[str, Any] = json.loads(read_text("dates", "lexicon", f"{_LEXICON_OF.get(lang, lang)}.json"))
    return parsed
