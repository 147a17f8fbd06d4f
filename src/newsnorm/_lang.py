"""Language codes: checking what callers pass and detecting what they do not.

Detection is a deterministic naive-Bayes scorer over character 1-, 2- and
3-grams, with the n-gram profiles of langdetect (55 languages, Apache-2.0, read
from the installed ``langdetect`` package on first use). It scores *every*
n-gram of a bounded prefix of the text (no random sampling, no seed), so the
answer for a text is the same in every run, thread and process, and the cost does
not grow with document length. A script rule runs first: Hangul is Korean, kana
is Japanese, a Han majority is Chinese, and scripts used by one language only
(Greek, Hebrew, Thai, Armenian, Georgian ...) need no statistics at all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

__all__ = ["ISO_639_1", "UNDETERMINED", "LangTag", "detect", "parse_lang"]

UNDETERMINED = "und"

#: ISO 639-1 two-letter codes (the standard's full list, plus "iw"/"in"/"ji"
#: legacy aliases mapped below).
ISO_639_1: frozenset[str] = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co
    cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl
    gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg
    ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk
    ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps
    pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta
    te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za
    zh zu
    """.split()  # noqa: SIM905
)

_LEGACY = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}

# Three-letter codes users commonly pass, for languages with a two-letter code.
_ISO_639_2 = {
    "ara": "ar", "chi": "zh", "zho": "zh", "deu": "de", "ger": "de", "ell": "el", "gre": "el",
    "eng": "en", "spa": "es", "fas": "fa", "per": "fa", "fra": "fr", "fre": "fr", "heb": "he",
    "hin": "hi", "ind": "id", "ita": "it", "jpn": "ja", "kor": "ko", "nld": "nl", "dut": "nl",
    "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru", "swe": "sv", "tur": "tr",
    "ukr": "uk", "urd": "ur", "vie": "vi",
}  # fmt: skip

_TAG = re.compile(
    r"""
    ^(?P<lang>[A-Za-z]{2,3})              # primary language subtag
    (?:[-_](?P<script>[A-Za-z]{4}))?      # optional script, e.g. Latn, Hant
    (?:[-_](?P<region>[A-Za-z]{2}|\d{3}))? # optional region, e.g. BR, 419
    (?:[-_][A-Za-z0-9]{1,8})*$            # variants and extensions, ignored
    """,
    re.VERBOSE,
)


class LangTag(NamedTuple):
    """A checked language tag: ISO 639-1 ``lang``, optional ``script`` and ``region``."""

    lang: str
    script: str | None = None
    region: str | None = None


def parse_lang(value: object) -> LangTag:
    """Check a caller's ``lang`` argument and split a BCP 47 tag.

    Raises:
        TypeError: ``value`` is not a string.
        ValueError: ``value`` is not an ISO 639-1 code or a BCP 47 tag of one.
    """
    if not isinstance(value, str):
        raise TypeError(
            "'lang' must be an ISO 639-1 code or BCP 47 tag such as 'en' or 'pt-BR', "
            f"or None to detect (got {value!r} that is a {type(value).__name__})"
        )
    return _parse_tag(value)


@functools.lru_cache(maxsize=512)
def _parse_tag(value: str) -> LangTag:
    """Split and check a language tag string (cached: tags repeat across documents)."""
    match = _TAG.match(value.strip())
    code = match.group("lang").lower() if match else ""
    code = _LEGACY.get(code, _ISO_639_2.get(code, code))
    if code == UNDETERMINED:
        return LangTag(UNDETERMINED)
    if not match or code not in ISO_639_1:
        raise ValueError(
            "'lang' must be an ISO 639-1 code or BCP 47 tag such as 'en' or 'pt-BR', "
            f"or None to detect (got {value!r})"
        )
    script = match.group("script")
    region = match.group("region")
    return LangTag(code, script.title() if script else None, region.upper() if region else None)


# --------------------------------------------------------------------------- detection

#: How many characters of a document detection reads (cut back to a word end).
PREFIX_CHARS = 300
#: langdetect's smoothing: an n-gram's probability in a language is ``count / n-grams of its length + _ALPHA``.
_ALPHA = 0.5 / 10_000
#: Log-probabilities are stored as whole multiples of this step (0 to about 500).
_STEP = 0.02
#: Bits per language in a packed score: room for the sum of 2,000 n-grams of the highest value (about 500).
_BITS = 20
#: At most this many characters are cut into n-grams (3 n-grams each), so no field of the packed sum overflows.
_MAX_CHARS = 2 * PREFIX_CHARS

_SCRIPTS = (
    # (Unicode script, language): the first rule whose script holds most letters wins.
    ("Hangul", "ko"),
    ("Hiragana", "ja"),
    ("Katakana", "ja"),
    ("Han", "zh"),
    ("Greek", "el"),
    ("Hebrew", "he"),
    ("Thai", "th"),
    ("Armenian", "hy"),
    ("Georgian", "ka"),
    ("Khmer", "km"),
    ("Lao", "lo"),
    ("Myanmar", "my"),
    ("Sinhala", "si"),
    ("Tamil", "ta"),
    ("Telugu", "te"),
    ("Kannada", "kn"),
    ("Malayalam", "ml"),
    ("Gujarati", "gu"),
    ("Gurmukhi", "pa"),
    ("Ethiopic", "am"),
)


#: Languages the script rule decides before any statistics (their profiles are not loaded).
_BY_SCRIPT_ONLY = frozenset(lang for _, lang in _SCRIPTS)


class _Model(NamedTuple):
    """The n-gram scorer's table, built once per process.

    Every n-gram maps to one packed integer: ``_BITS`` bits per language, holding
    ``(log(p + alpha) - log(alpha)) / _STEP`` rounded, where ``p`` is the n-gram's
    probability in that language. Adding the integers of a text's n-grams adds up
    every language's log-likelihood at once (no field overflows at our text sizes),
    in C, whatever the number of languages. Languages are ordered by script (Latin
    first), so an n-gram of one script has no high fields and its integer stays small.
    """

    langs: tuple[str, ...]  # ISO 639-1 code per field, lowest field first
    packed: Mapping[str, int]  # n-gram -> packed scores
    fold: Mapping[int, Any]  # str.translate table: langdetect's character normalisation


def _profile_dir() -> Any:
    """The ``profiles`` directory of the installed langdetect (found without importing langdetect)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("langdetect")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
        raise ImportError("language detection needs the 'langdetect' package (pip install langdetect)")
    return Path(next(iter(spec.submodule_search_locations))) / "profiles"


def _fold_table() -> dict[int, Any]:
    """langdetect's normalisation of characters as a ``str.translate`` table (spaces for separators)."""
    table: dict[int, Any] = {c: " " for c in range(0x80) if not chr(c).isascii() or not chr(c).isalpha()}
    table.update((c, " ") for c in (0xA0, 0xAB, 0xB0, 0xBB))  # the Latin-1 signs langdetect drops
    table.update((c, " ") for c in range(0x2000, 0x2070))  # general punctuation
    table[0x0219] = "\u015f"  # Romanian s and t with comma below -> with cedilla, as in the profiles
    table[0x021B] = "\u0163"
    table[0x06CC] = "\u064a"  # Farsi yeh -> Arabic yeh
    table.update((c, "\u1ec3") for c in range(0x1EA0, 0x1F00))  # Vietnamese letters with two marks
    table.update((c, "\u3042") for c in range(0x3040, 0x30A0))  # hiragana
    table.update((c, "\u30a2") for c in range(0x30A0, 0x3100))  # katakana
    return table


def _load_model() -> _Model:
    import json
    import math
    from array import array

    floor = math.log(_ALPHA)
    one: dict[str, str] = {}  # one str object per n-gram, whichever profiles have it
    profiles: list[tuple[int, str, list[str], array[int]]] = []
    for path in _profile_dir().iterdir():
        name = path.name  # the profile's language: "en", "zh-cn" ...
        code = _LEGACY.get(name.split("-")[0], name.split("-")[0])
        if code in _BY_SCRIPT_ONLY or code not in ISO_639_1:
            continue
        profile = json.loads(path.read_text(encoding="utf-8"))
        totals = profile["n_words"]
        grams: list[str] = []
        values = array("H")
        for gram, count in profile["freq"].items():
            n = len(gram)
            if 1 <= n <= 3 and " " not in gram.strip():
                value = round((math.log(count / totals[n - 1] + _ALPHA) - floor) / _STEP)
                if value > 0:
                    grams.append(one.setdefault(gram, gram))
                    values.append(value)
        del profile
        top = sorted((v, g) for g, v in zip(grams, values, strict=True) if len(g) == 1)[-5:]
        script = 0 if any(g.isascii() for _, g in top) else min((ord(g) for _, g in top), default=0)
        profiles.append((script, name, grams, values))  # Latin first, then by script
    profiles.sort(key=lambda p: p[:2])
    packed: dict[str, int] = {}
    for field, (_, _, grams, values) in enumerate(profiles):
        shift = field * _BITS
        for gram, value in zip(grams, values, strict=True):
            packed[gram] = packed.get(gram, 0) | value << shift
    langs = tuple(_LEGACY.get(name.split("-")[0], name.split("-")[0]) for _, name, _, _ in profiles)
    return _Model(langs, packed, _fold_table())


def _get_model() -> _Model:
    """The scorer's tables, loaded once (under the shared lock) for the whole process."""
    from ._resources import cached

    return cached(("newsnorm", "lang-ngram-model"), _load_model)


def _prefix(text: str) -> str:
    if len(text) <= PREFIX_CHARS:
        return text
    cut = text.rfind(" ", PREFIX_CHARS // 2, PREFIX_CHARS)
    return text[: cut if cut > 0 else PREFIX_CHARS]


class _Patterns(NamedTuple):
    script: Any  # a group per script of _SCRIPTS and a last group for other letters
    ruled: Any  # a letter of one of the scripts of _SCRIPTS
    letter: Any  # any letter
    capitals: Any  # two capitals in a row (acronyms: langdetect skips their n-grams)
    latin: Any  # an ASCII letter
    non_latin: Any  # what langdetect counts as a non-Latin character
    link: Any  # URLs and e-mail addresses


def _build_patterns() -> _Patterns:
    import regex

    groups = "|".join(rf"(\p{{{script}}})" for script, _ in _SCRIPTS)
    ruled = "".join(rf"\p{{{script}}}" for script, _ in _SCRIPTS)
    return _Patterns(
        script=regex.compile(rf"{groups}|(\p{{L}})"),
        ruled=regex.compile(rf"[{ruled}]"),
        letter=regex.compile(r"\p{L}"),
        capitals=regex.compile(r"\p{Lu}\p{Lu}"),
        latin=regex.compile(r"[A-Za-z]"),
        non_latin=regex.compile(r"[^\x00-\u02ff\u1e00-\u1eff]"),
        link=regex.compile(r"https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}|[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}"
                           r"[-_.0-9A-Za-z]{1,255}"),
    )


def _patterns() -> _Patterns:
    """The detection patterns, compiled once (under the shared lock) for the whole process."""
    from ._resources import cached

    return cached(("newsnorm", "lang-patterns"), _build_patterns)


def _script_pattern() -> Any:
    """One pattern with a group per script of ``_SCRIPTS`` and a last group for other letters."""
    return _patterns().script


def _by_script(sample: str) -> str | None:
    """The language a script rule gives for ``sample``, or ``None`` (then statistics decide)."""
    pats = _patterns()
    if pats.ruled.search(sample) is None:  # the common case: no script of the rule at all
        return None
    counts = [0] * (len(_SCRIPTS) + 1)
    for m in pats.script.finditer(sample):
        counts[m.lastindex - 1] += 1
    letters = sum(counts)
    per_lang: dict[str, int] = {}
    for (_, lang), count in zip(_SCRIPTS, counts, strict=False):
        per_lang[lang] = per_lang.get(lang, 0) + count
    for lang, count in per_lang.items():
        if lang in ("ko", "ja"):
            if count and count * 10 >= letters:  # some Hangul or kana decides
                return lang
        elif count * 2 > letters:
            return lang
    return None


def _words(sample: str, model: _Model) -> list[str]:
    """The words of ``sample`` after langdetect's normalisation (links, stray Latin and acronyms left out)."""
    import unicodedata

    pats = _patterns()
    text = sample if unicodedata.is_normalized("NFC", sample) else unicodedata.normalize("NFC", sample)
    if "@" in text or "://" in text:
        text = pats.link.sub(" ", text)
    if pats.non_latin.search(text) is not None and \
            len(pats.latin.findall(text)) * 2 < len(pats.non_latin.findall(text)):
        text = pats.latin.sub(" ", text)  # a few Latin words in another script: left out, as langdetect does
    words = text.translate(model.fold).split()
    if pats.capitals.search(text) is not None:  # acronyms (AFP, NATO) tell little: left out ...
        search = pats.capitals.search
        kept = [w for w in words if search(w) is None]
        # ... unless most of the text is capitals (a headline in capitals): then its lower case is read
        words = kept if 2 * sum(map(len, kept)) >= sum(map(len, words)) else [w.lower() for w in words]
    return words


def _score(words: list[str], model: _Model) -> str:
    """The language whose profile gives the words' 1-, 2- and 3-grams the highest likelihood (``und``: none known).

    The n-grams are langdetect's: those of each word padded with a space on both
    sides (n-grams across two words are in no profile, so they add nothing).
    """
    from itertools import chain, repeat
    from operator import add

    padded = " " + " ".join(words)[:_MAX_CHARS] + " "  # (NFC and lower() may lengthen the prefix a little)
    bigrams = list(map(add, padded, padded[1:]))
    grams = chain(padded, bigrams, map(add, bigrams, padded[2:]))
    total = sum(map(model.packed.get, grams, repeat(0)))
    if not total:
        return UNDETERMINED
    mask = (1 << _BITS) - 1
    scores = [total >> shift & mask for shift in range(0, _BITS * len(model.langs), _BITS)]
    return model.langs[scores.index(max(scores))]  # the first (lowest field) of equal scores: deterministic


def detect(text: str) -> str:
    """Return the ISO 639-1 code of ``text``'s language, or ``"und"``.

    Deterministic: the same text gives the same answer in every run, thread and process.
    """
    sample = _prefix(text)
    by_script = _by_script(sample)
    if by_script is not None:
        return by_script
    if _patterns().letter.search(sample) is None:
        return UNDETERMINED
    model = _get_model()
    return _score(_words(sample, model), model)
