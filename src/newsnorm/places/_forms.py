"""Last-resort name lookup: spelling skeletons and word votes with the form words of a language left out.

Two general rules for names that no gazetteer key spells exactly, both built from the
language's own CLDR names and aliases (nothing is learned from any evaluation list):

* **skeleton**: the name without marks (accents, Indic vowel signs, nukta, virama),
  spaces, hyphens and punctuation, case-folded ("Ă-ru-ba" -> "aruba"); a skeleton that
  means one country only answers.
* **word votes**: the *form words* of a language are the words its CLDR names share
  among three or more countries ("Republic", "Islands", "of", "Respublika", "e"); the
  other words of the query vote for the countries whose names hold a word with the same
  stem (a shared beginning that leaves at most two letters on either side:
  "Angolos" -> "Angola", "Argentinische" -> "Argentinien", "Shqipërisë" -> "Shqipëri").
  One country with the most votes answers ("Republika e Angolas", "Andoros
  Kunigaikštystė" need no list of government forms in every language).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from .._resources import cached

__all__ = ["by_words", "index", "is_brahmic", "near", "roman", "script_of", "skeleton", "words"]

_WORDS = re.compile(r"\w+")
_MIN_STEM = 4


#: Malayalam atomic chillu letters -> the consonant (the older spelling is consonant + virama + ZWJ).
_CHILLU = str.maketrans("\u0d7a\u0d7b\u0d7c\u0d7d\u0d7e\u0d7f", "\u0d23\u0d28\u0d30\u0d32\u0d33\u0d15")


def _bare(text: str) -> str:
    """Case-folded ``text`` without marks (accents, vowel signs, virama) and format characters (ZWJ)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_CHILLU))
    return "".join(c for c in decomposed if unicodedata.category(c)[0] not in "MC").casefold()


def skeleton(text: str) -> str:
    """``text`` without marks, spaces and punctuation, case-folded ("Côte d'Ivoire" -> "cotedivoire")."""
    return "".join(_WORDS.findall(_bare(text))).replace("_", "")


def script_of(text: str) -> str:
    """The Unicode script name of the first letter of ``text`` ("LATIN", "CYRILLIC" ...), or ``""``."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return name.split(" ", 1)[0] if name else ""
    return ""


_MUTATION = re.compile(r"\b[a-z]{1,2}(?=[A-ZÁÉÍÓÚ])")


def _unmutated(text: str) -> str:
    """Drop a lower-case head before a capital inside a word: Irish "hAlbáine", "tSiombáib" -> "Albáine"."""
    return _MUTATION.sub("", text)


def words(text: str) -> list[str]:
    """The words of ``text`` as the index keeps them (case-folded, without marks, digits left out)."""
    return _words(text)


def _words(text: str) -> list[str]:
    return [w for w in _WORDS.findall(_bare(_unmutated(text)).replace("_", " ")) if not w.isdigit()]


class _Index(NamedTuple):
    skeletons: Mapping[str, str]  # skeleton -> the one code it means
    words: Mapping[str, frozenset[str]]  # word -> codes whose names hold it (form words left out)
    by_start: Mapping[str, tuple[str, ...]]  # first three letters -> words
    forms: frozenset[str]
    whole: frozenset[tuple[str, str]]  # (word, code): the word is a one-word name of the country
    names: frozenset[str]  # the one-word names
    by_length: Mapping[int, tuple[str, ...]]  # length -> the kept words of that length (fuzzy fallback)
    code_names: Mapping[str, tuple[frozenset[str], ...]]  # code -> the word sets of its names (ties)


def _index(lang: str, names: Iterable[tuple[str, str]]) -> _Index:
    skeletons: dict[str, str] = {}
    clash: set[str] = set()
    words: dict[str, set[str]] = {}
    whole: set[tuple[str, str]] = set()
    code_names: dict[str, set[frozenset[str]]] = {}
    for code, name in names:
        code_names.setdefault(code, set()).add(frozenset(_words(name)))
        key = skeleton(name)
        if len(key) >= 3 and skeletons.setdefault(key, code) != code:
            clash.add(key)
        found = _words(name)
        for w in set(found):
            words.setdefault(w, set()).add(code)
        if len(found) == 1:
            whole.add((found[0], code))
    one_word = {w for w, _code in whole}  # a one-word country name is never a form word ("Ginea", "Guinea")
    forms = frozenset(w for w, codes in words.items() if (len(codes) >= 3 and w not in one_word) or len(w) < 3)
    # one word besides articles and the commonest form words is a whole name too ("An Airméin", "Republic of
    # Albania"); a form word of few names may carry the meaning ("Spojené království" is no "království")
    common = {w for w in forms if len(w) < 4 or len(words.get(w, ())) >= 6}
    for code, name_words in code_names.items():
        for ws in name_words:
            kept_words = [w for w in ws if w not in forms]
            if len(kept_words) == 1 and len(ws) <= 3 and ws - {kept_words[0]} <= common:
                whole.add((kept_words[0], code))
    kept = {w: frozenset(codes) for w, codes in words.items() if w not in forms}
    by_start: dict[str, list[str]] = {}
    for w in kept:
        if len(w) >= _MIN_STEM:
            by_start.setdefault(w[:3], []).append(w)
    by_length: dict[int, list[str]] = {}
    for w in sorted(kept):
        if len(w) >= _MIN_FUZZY - 2:
            by_length.setdefault(len(w), []).append(w)
    return _Index(
        MappingProxyType({k: v for k, v in skeletons.items() if k not in clash}),
        MappingProxyType(kept),
        MappingProxyType({k: tuple(v) for k, v in by_start.items()}),
        forms,
        frozenset(whole),
        frozenset(one_word),
        MappingProxyType({k: tuple(v) for k, v in by_length.items()}),
        MappingProxyType({k: tuple(sorted(v, key=sorted)) for k, v in code_names.items()}),
    )


def index(lang: str, names: Callable[[], Iterable[tuple[str, str]]]) -> _Index:
    """The skeleton and word index of ``lang`` over the ``(code, name)`` pairs ``names()``, built once."""
    return cached(("newsnorm.places.forms", lang), lambda: _index(lang, names()))


def near(a: str, b: str) -> bool:
    """Whether two words are one word spelled or inflected a little differently.

    Equal; or sharing a beginning of four letters or more that leaves at most two letters
    on either side ("Bisau"/"Bissau" no, "Судан"/"Судана" yes); or, from four letters, a
    similarity of 0.8 or more ("Bissau"/"Bisau", "দকষন"/"দকষণ").
    """
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    cp = _common(a, b)
    if cp >= _MIN_STEM and cp >= max(len(a), len(b)) - 2:
        return True
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def _common(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _scores(w: str, idx: _Index, fuzzy: bool = False) -> dict[str, int]:
    scores: dict[str, int] = {}
    for code in idx.words.get(w, ()):
        scores[code] = 4 if (w, code) in idx.whole else 2
    if len(w) >= _MIN_STEM:
        best = 0
        found: list[str] = []
        for known in idx.by_start.get(w[:3], ()):
            if known == w:
                continue
            cp = _common(w, known)
            if cp < _MIN_STEM or cp < min(len(w), len(known)) - 2:
                continue
            if cp * 5 < max(len(w), len(known)) * 3 and not (cp == len(known) and known in idx.names):
                continue  # a short shared beginning, unless the word starts with a whole name ("Kubánská")
            if cp > best:
                best, found = cp, [known]
            elif cp == best:
                found.append(known)
        for known in found:
            for code in idx.words[known]:
                score = 3 if (known, code) in idx.whole else 1
                if score > scores.get(code, 0):
                    scores[code] = score
    if not scores and fuzzy and len(w) >= _MIN_FUZZY:
        near = _closest(w, idx)
        if near:
            for code in idx.words[near]:
                scores[code] = 3 if (near, code) in idx.whole else 1
    return scores


_MIN_FUZZY = 5


def _closest(w: str, idx: _Index) -> str | None:
    """The one known word of about the same length with a similarity of 0.8 or more to ``w``, or ``None``.

    Spellings of one name drift by a letter or two between sources ("Bolivië"/"Bolivia",
    Gujarati "ઓસ્ટ્રિયા"/"ઑસ્ટ્રિયા"); a tie between words of different countries answers nothing.
    """
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(w)
    best, found = 0.8, []
    for size in range(len(w) - 2, len(w) + 3):
        for known in idx.by_length.get(size, ()):
            matcher.set_seq1(known)
            if matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
                continue
            ratio = matcher.ratio()
            if ratio > best:
                best, found = ratio, [known]
            elif ratio == best:
                found.append(known)
    # words that tie but name the same countries ("Armenia", "Armenien" for "Armeain") are one answer
    return found[0] if len({idx.words[w] for w in found}) == 1 else None


def by_words(text: str, idx: _Index, prefixes: Iterable[str] = (), *, fuzzy: bool = False) -> str | None:
    """The one country the words of ``text`` point to most (form words left out), or ``None``.

    A word scores for a country 4 when it is that country's one-word name, 3 when it has the
    stem of it, 2 when it is a word of a longer name, 1 when it has the stem of one; a
    country needs 3 or more and a strict lead. A word that scores nothing is tried again
    without a letter group the language glues in front (``prefixes``: Hebrew ה, Arabic ال), and
    with ``fuzzy`` as the one known word of about its length with 0.8 similarity or more.
    """
    votes: dict[str, int] = {}
    glued = sorted(prefixes, key=len, reverse=True)
    for w in _words(text):
        if w in idx.forms:
            continue
        scores = _scores(w, idx, fuzzy)
        if not scores:
            for p in glued:
                if w.startswith(p) and len(w) - len(p) >= 3 and w[len(p) :] not in idx.forms:
                    scores = _scores(w[len(p) :], idx)
                    if scores:
                        break
        if len(scores) > 2:  # a name shared by several countries: its one-word owner, if any
            top = max(scores.values())
            owners = [code for code, score in scores.items() if score == top]
            scores = {owners[0]: top} if top >= 3 and len(owners) == 1 else {}
        if scores:
            for code, score in scores.items():
                votes[code] = votes.get(code, 0) + score
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return _closest_name(text, [code for code, n in ranked if n == ranked[0][1]], idx)
    return ranked[0][0]


def _closest_name(text: str, codes: list[str], idx: _Index) -> str | None:
    """Of countries tied on votes, the one with a name whose words (form words too) overlap the query's most.

    "Korea, Democratic People's Republic of" shares more words with "Democratic People's
    Republic of Korea" than with "Republic of Korea"; a tie answers nothing.
    """
    query = set(_words(text))
    best, found = 0.0, []
    for code in codes:
        score = max((len(query & name) / len(query | name) for name in idx.code_names.get(code, ())), default=0.0)
        if score > best:
            best, found = score, [code]
        elif score == best:
            found.append(code)
    return found[0] if len(found) == 1 else None


_VOWELS = frozenset({"A", "AA", "I", "II", "U", "UU", "E", "EE", "AI", "O", "OO", "AU", "VOCALIC R", "VOCALIC RR"})
_ASPIRATED = re.compile(r"(?<=[kgcjtdpb])h")
_DOUBLED = re.compile(r"(.)\1+")
_BRAHMIC = frozenset(
    [
        "DEVANAGARI",
        "BENGALI",
        "GURMUKHI",
        "GUJARATI",
        "ORIYA",
        "TAMIL",
        "TELUGU",
        "KANNADA",
        "MALAYALAM",
        "SINHALA",
        "TIBETAN",
        "LAO",
        "THAI",
        "KHMER",
        "MYANMAR",
    ]
)


def _roman_char(ch: str) -> str:
    if ch.isspace() or ch in ",-":
        return " "
    name = unicodedata.name(ch, "")
    script, _, rest = name.partition(" ")
    if script in ("LAO", "THAI"):  # consonants named by a syllable in -o ("KO KAI"), vowels by shapes: left out
        if not rest.startswith(("LETTER ", "CHARACTER ")) or rest.startswith("CHARACTER SARA"):
            return ""
        return rest.split()[1].lower().removesuffix("o")
    for sep in (" LETTER ", " VOWEL SIGN ", " VOWEL "):
        if sep in name:
            part = name.split(sep, 1)[1]
            break
    else:
        return ch.lower() if ch.isascii() and ch.isalnum() else ""  # virama, anusvara, nukta, ZWJ, digits of a script
    if script == "SINHALA":  # consonants named "KAYANNA", "ALPAPRAANA KAYANNA"; vowel signs by shapes: left out
        word = part.split()[-1]
        return word.removesuffix("YANNA").removesuffix("A").lower() if " VOWEL" not in name else ""
    if part.startswith("VOCALIC "):
        return "r"
    if part not in _VOWELS and len(part) > 1 and part.endswith("A"):
        part = part[:-1]  # the inherent vowel of a consonant ("KHA" -> "KH")
    return part.split()[-1].lower()


def roman(text: str) -> str:
    """A rough Latin consonant-and-vowel skeleton of a Brahmic-script ``text`` from the Unicode character names.

    "ବୁରୁଣ୍ଡି" -> "burundi", "ଅଲବାନିୟା" -> "albaniya": vowel length, aspiration, retroflexion
    and doubled letters are left out, so spellings of one name that differ in them compare
    equal or close. For lookup only.
    """
    out = "".join(_roman_char(ch) for ch in text)
    return _DOUBLED.sub(r"\1", _ASPIRATED.sub("", out))


def is_brahmic(script: str) -> bool:
    """Whether ``script`` (a :func:`script_of` name) is one that :func:`roman` spells out."""
    return script in _BRAHMIC
