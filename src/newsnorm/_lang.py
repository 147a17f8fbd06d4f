"""Language codes: checking what callers pass and detecting what they do not.

Detection uses langdetect through a private, seeded ``DetectorFactory`` (never
langdetect's global one), so the answer for a text is the same in every run and
every process. Only a bounded prefix of the text is read, so cost does not grow
with document length. A script rule runs first: Hangul is Korean, kana is
Japanese, a Han majority is Chinese, and scripts used by one language only
(Greek, Hebrew, Thai, Armenian, Georgian ...) need no statistics at all.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from langdetect.detector_factory import DetectorFactory

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
_SEED = 0
_N_TRIAL = 2

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


def _load_factory() -> DetectorFactory:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(_SEED)
    return factory


def _get_factory() -> DetectorFactory:
    """langdetect's profiles, loaded once into a factory of our own (never langdetect's global one)."""
    from ._resources import cached

    return cached(("newsnorm", "langdetect-factory"), _load_factory)


def _prefix(text: str) -> str:
    if len(text) <= PREFIX_CHARS:
        return text
    cut = text.rfind(" ", PREFIX_CHARS // 2, PREFIX_CHARS)
    return text[: cut if cut > 0 else PREFIX_CHARS]


def _script_pattern() -> Any:
    """One pattern with a group per script of ``_SCRIPTS`` and a last group for other letters."""
    global _script_re
    if _script_re is None:
        import regex

        groups = "|".join(rf"(\p{{{script}}})" for script, _ in _SCRIPTS)
        _script_re = regex.compile(rf"{groups}|(\p{{L}})")
    return _script_re


_script_re: Any = None


def _by_script(sample: str) -> str | None:
    """The language a script rule gives for ``sample``, or ``None`` (then statistics decide)."""
    counts = [0] * (len(_SCRIPTS) + 1)
    for m in _script_pattern().finditer(sample):
        counts[m.lastindex - 1] += 1
    letters = sum(counts)
    if not letters:
        return None
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


def detect(text: str) -> str:
    """Return the ISO 639-1 code of ``text``'s language, or ``"und"``.

    Deterministic: the same text gives the same answer in every run and process.
    """
    sample = _prefix(text)
    by_script = _by_script(sample)
    if by_script is not None:
        return by_script
    if not _script_pattern().search(sample):
        return UNDETERMINED
    from langdetect.lang_detect_exception import LangDetectException

    factory = _get_factory()
    detector: Any = factory.create()
    detector.n_trial = _N_TRIAL
    try:
        detector.append(sample)
        code = str(detector.detect())
    except LangDetectException:
        return UNDETERMINED
    code = code.split("-")[0]
    code = _LEGACY.get(code, code)
    return code if code in ISO_639_1 else UNDETERMINED
