"""Places normaliser: every spelling of countries, territories, regions and large cities to ISO 3166-1 alpha-2.

>>> from newsnorm.places import PlacesNormaliser, lookup
>>> lookup("Turquie", "fr")
'TR'
>>> [(m.text, m.value) for m in PlacesNormaliser()("Talks in Türkiye and Gaza.", lang="en").mentions]
[('Türkiye', 'TR'), ('Gaza', 'PS')]

The gazetteer of a language (CLDR names of every babel locale of that language and
English, curated aliases and demonyms, GeoNames capitals and large cities) is built
on first use of the language and kept for the life of the process.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from .._document import Document, Mention
from .._lang import UNDETERMINED, parse_lang
from .._pipeline import NormaliserBase
from .._resources import on_forget, shortcut_table
from ._gazetteer import cldr_name, fold, gazetteer, global_names, locale_names, spellings, strip_marks
from ._match import _places, _sentence_initial, scan

#: Language -> its gazetteer: a lock-free shortcut in front of ``gazetteer`` (see ``shortcut_table``).
_GAZETTEERS: dict[str, Any] = shortcut_table()


def _forget_runs() -> None:
    """Empty the memo of capital runs judged in texts, per gazetteer in use (``forget_texts``)."""
    for g in list(_GAZETTEERS.values()):
        g.memo.clear()


on_forget(_forget_runs)
#: (spelling, language) -> candidate -> its ``normalised`` ("": the surface form), filled as places are found.
_FORMS: dict[tuple[str | None, str], dict[Any, str]] = shortcut_table()

__all__ = ["SPELLINGS", "PlacesNormaliser", "lookup"]

_MARKS = re.compile("[\u0591-\u05c7\u064b-\u065f\u0670]")

#: Named choices of the ``spelling`` option (any babel locale identifier is accepted as well).
SPELLINGS = ("common", "official", "source")


def _check_spelling(spelling: object) -> str | None:
    if spelling is None:
        return None
    if not isinstance(spelling, str):
        raise TypeError(
            "'spelling' must be None, 'common', 'official', 'source' or a CLDR locale such as 'fr' "
            f"(got {spelling!r} that is a {type(spelling).__name__})"
        )
    if spelling in SPELLINGS:
        return spelling
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(spelling.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        raise ValueError(
            "'spelling' must be None, 'common', 'official', 'source' or a CLDR locale such as 'fr' or 'pt_BR' "
            f"(got {spelling!r})"
        ) from None
    return spelling.replace("-", "_")


class PlacesNormaliser(NormaliserBase):
    """Find country, territory, region and city names and demonyms; value: ISO 3166-1 alpha-2.

    Args:
        spelling: which name ``normalised`` carries for countries and territories:
            ``None`` (default) the CLDR name in the document's language; ``"common"`` the
            common English name ("Turkey"); ``"official"`` the current official English
            short name ("Türkiye"); ``"source"`` the text as written; or any CLDR locale
            ("fr" -> "Turquie"). Cities keep their GeoNames name, demonyms their surface form.
        rewrite: whether the pipeline writes ``normalised`` into ``doc.text`` (default ``False``).
    """

    kind = "place"
    name = "places"

    def __init__(self, *, spelling: str | None = None, rewrite: bool = False) -> None:
        if not isinstance(rewrite, bool):
            raise TypeError(f"'rewrite' must be True or False (got {rewrite!r} that is a {type(rewrite).__name__})")
        self.spelling = _check_spelling(spelling)
        self.rewrite = rewrite

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlacesNormaliser) and self.spelling == other.spelling and self.rewrite == other.rewrite

    def __hash__(self) -> int:
        return hash((PlacesNormaliser, self.spelling, self.rewrite))

    def __repr__(self) -> str:
        return f"PlacesNormaliser(spelling={self.spelling!r}, rewrite={self.rewrite!r})"

    def find(self, doc: Document) -> Iterable[Mention]:
        """Return the place mentions of ``doc.source`` (never raises on any string)."""
        text = doc.source
        if not text:
            return []
        lang = doc.lang if doc.lang and doc.lang != UNDETERMINED else "en"
        g = _GAZETTEERS.get(lang)
        if g is None:
            g = _GAZETTEERS[lang] = gazetteer(lang)
        found = _places(text, g)
        if not found:
            return []
        spelling = self.spelling
        forms = _FORMS.get((spelling, lang))
        if forms is None:
            forms = _FORMS[(spelling, lang)] = {}
        out = []
        kind = self.kind
        names_rule = g.person_rules
        offices = g.office_words
        for start, end, _entry, cand in found:
            if cand[1] == "demonym":
                if names_rule and _surname(text, start, cand[3]):
                    continue
                if _compound_after(text, end):  # "中国人民银行", "中国人口", "한국인권": the country, not its people
                    end -= 1
                    cand = _country(cand)
            elif offices and _after_office(text, start, offices):
                continue  # "le président Hollande", "il presidente Jordan": the person, not the place
            surface = text[start:end]
            normalised = forms.get(cand)
            if normalised is None:
                normalised = forms[cand] = _form(spelling, cand, lang)
            geonames = cand[2]
            attrs: dict[str, Any] = {"type": cand[1], "geonames": geonames} if geonames else {"type": cand[1]}
            out.append(Mention(kind, start, end, surface, cand[0], normalised or surface, attrs))
        return out


def _after_office(text: str, start: int, offices: frozenset[str]) -> bool:
    """The place name at ``start`` follows an office noun in lower case and one space: "le président Hollande".

    Only a place written with a capital counts, after a word wholly in lower case ("l'ex-président" too).
    """
    if start < 3 or text[start - 1] != " " or not text[start].isupper():
        return False
    i = start - 1
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "-") and start - i < 30:
        i -= 1
    word = text[i : start - 1]
    if not word or not word.islower():
        return False
    return word in offices or word.rsplit("-", 1)[-1] in offices


def _surname(text: str, start: int, form: str) -> bool:
    """A demonym written in lower case stands capitalised right after a capitalised word: a surname.

    "Francesca Albanese", "Mario Russo", "Francesco Greco" in Italian copy (only where the person rule holds);
    a capitalised word that opens a sentence is no given name ("Les Israéliens", "Deux Américains").
    """
    if not form[:1].islower() or not text[start].isupper() or start < 3 or text[start - 1] != " ":
        return False
    i = start - 1
    while i > 0 and text[i - 1].isalpha() and start - i < 30:
        i -= 1
    word = text[i : start - 1]
    return len(word) >= 2 and word[0].isupper() and word[1:].islower() and not _sentence_initial(text, i)


#: Second letters of common words that start with 人 (人民, 人口, 人工, 人权, 人大, 人质 ...): a country + 人 glued to
#: one of them names the country ("中国人民银行", "日本人気"), not its people.
_REN_WORDS = frozenset("民口工才权權大寿壽道力物气氣気质質形事员員类類生间間造体體心手数數性格情均材権")
#: Korean particles and the plural that may follow a country + 인 demonym ("미국인이", "미국인들"); another
#: syllable there makes a longer word ("한국인권", "중국인구").
_KO_AFTER_IN = frozenset("들이은을의과와도만에으로보처까부조끼마란라")


def _compound_after(text: str, end: int) -> bool:
    """The demonym ``text[:end]`` ends in 人 or 인 that starts a longer word glued to it."""
    if end >= len(text):
        return False
    last, nxt = text[end - 1], text[end]
    if last == "人":
        return nxt in _REN_WORDS
    return last == "인" and "\uac00" <= nxt <= "\ud7a3" and nxt not in _KO_AFTER_IN


def _country(cand: Any) -> Any:
    """The country or territory of a demonym candidate."""
    s = spellings().get(cand[0])
    return cand._replace(type=s.type if s is not None else "country", name=s.common if s is not None else cand[3])


def _form(spelling: str | None, cand: Any, lang: str) -> str:
    """The ``normalised`` of a candidate place, ``""`` for the surface form as written."""
    code, type_, _geonames, name, _population = cand
    if spelling == "source" or type_ == "demonym":
        return ""
    if type_ == "city" or type_ == "region":
        return name  # type: ignore[no-any-return]
    return _spelled(spelling, code, name, lang)


def _spelled(spelling: str | None, code: str, name: str, lang: str) -> str:
    """The ``normalised`` of a country or territory for a ``spelling`` option and document language."""
    if spelling == "common" or spelling == "official":
        s = spellings().get(code)
        if s is None:
            return name
        return s.common if spelling == "common" else s.official
    if spelling is None:
        return cldr_name(code, lang) or cldr_name(code, "en") or name
    return locale_names(spelling).get(code) or name


def lookup(name: str, lang: str = "en", *, fuzzy: bool | None = None) -> str | None:
    """ISO 3166-1 alpha-2 code of a place name or alias, or ``None``.

    Case- and diacritics-insensitive: ``lookup("turkiye")``, ``lookup("Türkei", "de")`` and
    ``lookup("Турции", "ru")`` all give ``"TR"``. Tried in order: the names of ``lang``
    (CLDR, aliases, demonyms, cities), "X, Republic of" turned round, the CLDR names of
    every other language, then the longest country name inside ``name`` ("Republic of
    Albania"). As a last resort a name one or two letters off a known name of ``lang`` is
    accepted ("Azerbaidjan"): by default (``fuzzy=None``) for names of seven letters or
    more that do not start in lower case, since short words come too close to short names
    ("Saint" to "Spain") and common words are written in lower case ("starting");
    ``fuzzy=True`` from four letters, ``fuzzy=False`` never. Cheap after the first call
    for a language.

    Raises:
        TypeError: ``name`` is not a string.
        ValueError: ``lang`` is not an ISO 639-1 code or BCP 47 tag.
    """
    if not isinstance(name, str):
        raise TypeError(f"'name' must be a str (got {name!r} that is a {type(name).__name__})")
    code = parse_lang(lang).lang
    g = gazetteer(code if code != UNDETERMINED else "en")
    text = " ".join(name.split()).replace("ʼ", "’")
    if not text:
        return None
    text = _MARKS.sub("", unicodedata.normalize("NFC", text))  # Arabic vowel marks and shadda, Hebrew niqqud
    tries = [text]
    if "," in text:
        head, _, tail = text.partition(",")
        tries.append(f"{tail.strip()} {head.strip()}")
    for t in tries:
        key = fold(t)
        entry = g.exact.get(key) or g.exact.get(strip_marks(key)) or g.city_exact.get(key)
        if entry is not None and entry.candidates:
            return entry.candidates[0].code
    names = global_names()
    for t in tries:
        key = fold(t)
        found = names.get(key) or names.get(strip_marks(key))
        if found is not None:
            return found
    own = code if code != UNDETERMINED else "en"
    if "," in text:  # a list name "Saint Helena, Ascension and Tristan da Cunha": its first element
        head, _, tail = text.partition(",")
        if not _only_form_words(tail, own):
            entry = g.exact.get(fold(head.strip()))
            if entry is not None and entry.candidates and entry.candidates[0].type in ("country", "territory"):
                return entry.candidates[0].code
    partial: tuple[str, str] | None = None  # (code, text) of a name found next to words that are no form words
    for strict in (True, False):
        for t in tries:
            hits = [
                h
                for h in scan(t, g, strict_case=strict, context=False)
                if (strict or h.candidate.type in ("country", "territory", "region"))
                and not _in_compound(t, h.start, h.end)
            ]
            if hits:
                best = max(
                    hits, key=lambda h: (h.candidate.type != "demonym", h.candidate.type != "city", h.end - h.start)
                )
                if _only_form_words(t[: best.start] + " " + t[best.end :], own):
                    return best.candidate.code
                partial = partial or (best.candidate.code, t[best.start : best.end])
    if partial is not None:
        longer = _longer_name(text, partial, own)
        if longer is not None:
            return longer
    found = _by_forms(text, own)
    if partial is not None and found != partial[0]:
        # the word votes may name a longer name holding the one found ("Guinea Equatorial"), not another country
        return found if found is not None and _holds(found, partial[1], own) else partial[0]
    if found is not None:
        return found
    found = _by_prefix(text, own)
    if found is not None:
        return found
    if own == "vi" and "-" in text:
        found = _by_syllables(text)
        if found is not None:
            return found
    key = fold(strip_marks(text))
    if fuzzy or (fuzzy is None and len(key) >= _AUTO_FUZZY and not text[0].islower()):  # "starting" is no name
        return _fuzzy(key, code if code != UNDETERMINED else "en")
    return None


#: The shortest name ``lookup`` matches fuzzily by default (shorter common words come close to short names).
_AUTO_FUZZY = 7


def _in_compound(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is glued by a hyphen to a word ("Wit-Rusland" holds no "Rusland")."""
    before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()
    return before or (end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha())


def _by_prefix(text: str, lang: str) -> str | None:
    """The one country whose names of ``lang`` start with the words of ``text`` ("Verenigde State"), or ``None``."""
    from .._resources import cached
    from . import _forms
    from ._gazetteer import cldr_pairs

    query = tuple(_forms.words(text))
    if sum(map(len, query)) < 6 or _only_form_words(text, lang):
        return None

    def build() -> tuple[tuple[tuple[str, ...], str], ...]:
        return tuple(sorted({(tuple(_forms.words(name)), code) for code, name in cldr_pairs(lang)}))

    codes = {code for words, code in cached(("newsnorm.places.prefix", lang), build) if words[: len(query)] == query}
    return codes.pop() if len(codes) == 1 else None


def _only_form_words(rest: str, lang: str) -> bool:
    """Whether ``rest`` (a query without the name found in it) holds only the language's form words.

    "República de Guinea Equatorial" holds "Guinea" but also "Equatorial": the word votes decide.
    """
    from . import _forms
    from ._gazetteer import cldr_pairs

    forms = _forms.index(lang, lambda: cldr_pairs(lang)).forms
    return all(w in forms for w in _forms.words(rest))


def _longer_name(text: str, partial: tuple[str, str], lang: str) -> str | None:
    """Another country whose name holds the name found in ``text`` and the query's other words, or ``None``.

    "Малки далечни острови на САЩ" holds САЩ (US), but its other words are words of the
    name "Отдалечени острови на САЩ" (UM), which holds САЩ too: the longer name answers
    ("Virgin Islands of the United States" VI by "U.S. Virgin Islands", "South Sudan",
    "Qvineya Bissau", "Amerikar Samoa" likewise), unless a longer name of the found
    country meets the other words as well. The query's other words (form words left out)
    must meet words of such a name, equal or nearly so (:func:`_forms.near`); the names of
    the language are tried first, then the names of every language written in the query's
    script.
    """
    from . import _forms
    from ._gazetteer import cldr_pairs

    code, name = partial
    inner = frozenset(_forms.words(name))
    own = _forms.index(lang, lambda: cldr_pairs(lang))
    rest = [w for w in _forms.words(text) if w not in inner and w not in own.forms]
    if not rest or not inner:
        return None
    script = _forms.script_of(text)
    keys = [lang, "script:" + script] if script else [lang]
    for key in keys:
        holders, names_of = _holders(key, lang, script)
        # the found name or a short other name of the found country ("U.S. Virgin Islands" holds "U.S.")
        held = {inner, *(ws for ws in names_of.get(code, ()) if ws and len(ws) < 4)}
        scores: dict[str, int] = {}
        for part in held:
            rarest = min(part, key=lambda w: len(holders.get(w, ())))
            for other, words in holders.get(rarest, ()):
                extra = words - part
                if extra and part <= words:
                    met = sum(1 for w in rest if any(_forms.near(w, e) for e in extra))
                    if met > scores.get(other, 0):
                        scores[other] = met
        if scores:  # names that meet the other words: the one that meets most answers
            top = max(scores.values())
            best = [c for c, n in scores.items() if n == top]
            # the found country's own longer name may explain the words as well ("Saint-Martin (part francesa)")
            return best[0] if len(best) == 1 and best[0] != code else None
    return None


_Holders = tuple[dict[str, tuple[tuple[str, frozenset[str]], ...]], Mapping[str, tuple[frozenset[str], ...]]]


def _holders(key: str, lang: str, script: str) -> _Holders:
    """Word -> the ``(code, words)`` of the names that hold it, and code -> the word sets of its names.

    Over the names of the word index ``key`` (a language, or ``"script:"`` and a script).
    """
    from .._resources import cached
    from . import _forms
    from ._gazetteer import cldr_pairs

    def build() -> _Holders:
        if key.startswith("script:"):
            idx = _forms.index(key, lambda: cldr_pairs("*", script))
        else:
            idx = _forms.index(key, lambda: cldr_pairs(lang))
        out: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for code, names in idx.code_names.items():
            for words in names:
                for w in words:
                    out.setdefault(w, []).append((code, words))
        return {w: tuple(v) for w, v in out.items()}, idx.code_names

    return cached(("newsnorm.places.holders", key), build)


def _holds(code: str, name: str, lang: str) -> bool:
    """Whether a name of ``code`` in ``lang`` holds every word of ``name``."""
    from . import _forms
    from ._gazetteer import cldr_pairs

    wanted = set(_forms.words(name))
    return any(wanted <= names for names in _forms.index(lang, lambda: cldr_pairs(lang)).code_names.get(code, ()))


def _by_forms(text: str, lang: str) -> str | None:
    """Skeleton match (own language, then any), then word votes with the language's form words left out."""
    from . import _forms
    from ._gazetteer import cldr_pairs

    own = _forms.index(lang, lambda: cldr_pairs(lang))
    key = _forms.skeleton(text)
    found = own.skeletons.get(key) or _forms.index("*", lambda: cldr_pairs("*")).skeletons.get(key)
    if found is not None:
        return found
    found = _forms.by_words(text, own, gazetteer(lang).prefixes, fuzzy=True)
    if found is not None:
        return found
    script = _forms.script_of(text)  # the names of every language written in the same script
    if not script:
        return None
    found = _forms.by_words(text, _forms.index("script:" + script, lambda: cldr_pairs("*", script)), fuzzy=True)
    if found is not None or not _forms.is_brahmic(script):
        return found
    # spelled out in Latin letters: "ଅଣ୍ଟୋରା" and "ଆଣ୍ଡୋରା" differ only in vowel length and a stop
    query = _forms.roman(text)
    for key in (lang, "*", "en"):  # last: English names, which many of these spellings transcribe
        idx = _forms.index(f"roman:{key}:{script}", functools.partial(_roman_pairs, key, script))
        found = idx.skeletons.get(_forms.skeleton(query)) or _forms.by_words(query, idx, fuzzy=True)
        if found is not None:
            return found
    return None


#: Vietnamese spellings of foreign sounds -> one letter for the sound, applied in order after marks are gone.
_VI_SOUNDS = (("ph", "f"), ("gi", "z"), ("x", "s"), ("z", "s"), ("qu", "k"), ("c", "k"), ("q", "k"), ("y", "i"),
              ("w", "u"), ("v", "b"), ("j", "s"))  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")


def _sounds(text: str) -> str:
    """A rough sound skeleton of Latin-script ``text`` ("Xam-bi-a" -> "sambia", "Zambia" -> "sambia")."""
    from . import _forms

    key = _forms.skeleton(text.replace("đ", "d").replace("Đ", "D"))
    for a, b in _VI_SOUNDS:
        key = key.replace(a, b)
    return _DOUBLED.sub(r"\1", key)


def _by_syllables(text: str) -> str | None:
    """The country a Vietnamese syllable-by-syllable transcription stands for ("Xam-bi-a" -> ZM), or ``None``.

    Older Vietnamese spells foreign names one hyphenated syllable at a time, by sound:
    the hyphenated words are reduced to a sound skeleton and compared with the skeletons
    of the English and French CLDR names (the sources of most such spellings); the one
    country of the closest skeleton answers, at a similarity of 0.75 or more.
    """
    from difflib import SequenceMatcher

    from .._resources import cached
    from ._gazetteer import cldr_pairs

    query = _sounds(" ".join(w for w in text.split() if "-" in w))
    if len(query) < 4:
        return None

    def build() -> tuple[tuple[str, frozenset[str]], ...]:
        keys: dict[str, set[str]] = {}
        for code, name in [*cldr_pairs("en"), *cldr_pairs("fr")]:
            keys.setdefault(_sounds(name), set()).add(code)
        return tuple(sorted((k, frozenset(v)) for k, v in keys.items() if k))

    best, codes = 0.75, set()
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(query)
    for key, owners in cached(("newsnorm.places.syllables",), build):
        matcher.set_seq1(key)
        if matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
            continue
        ratio = matcher.ratio()
        if ratio > best:
            best, codes = ratio, set(owners)
        elif ratio == best:
            codes |= owners
    return codes.pop() if len(codes) == 1 else None


def _roman_pairs(lang: str, script: str) -> list[tuple[str, str]]:
    """The CLDR names of ``lang`` (``"*"``: of every language, in ``script`` only) spelled out in Latin letters.

    English names are kept in Latin letters, lower-cased, with the same letters left out.
    """
    from . import _forms
    from ._gazetteer import cldr_pairs

    return [(code, _forms.roman(name)) for code, name in cldr_pairs(lang, script if lang == "*" else "")]


def _fuzzy(key: str, lang: str) -> str | None:
    """The code of the closest country or territory name of ``lang`` (similarity >= 0.8), or ``None``."""
    if len(key) < 4:
        return None
    from difflib import SequenceMatcher

    from .._resources import cached

    def build() -> tuple[tuple[str, str], ...]:
        g = gazetteer(lang)
        out = {
            fold(strip_marks(k)): e.candidates[0].code
            for k, e in g.exact.items()
            if e.candidates[0].type in ("country", "territory")
        }
        return tuple(sorted(out.items()))

    best, best_code = 0.8, None
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(key)
    for known, code in cached(("newsnorm.places.fuzzy", lang), build):
        if abs(len(known) - len(key)) > max(2, len(key) // 4):
            continue
        matcher.set_seq1(known)
        if matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
            continue
        ratio = matcher.ratio()
        if ratio > best or (ratio == best and best_code is None):
            best, best_code = ratio, code
    return best_code
