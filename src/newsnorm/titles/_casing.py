"""Locale-aware case mapping and headline casing (title case and sentence case).

Title case follows the language's headline convention: English capitalises every word except
minor words (AP/Chicago), German keeps the input's capitals (nouns), and French, Spanish,
Italian, Portuguese, Dutch, Turkish and most other languages use sentence case. All-caps input
is first lowered, keeping acronyms and known proper names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from .._resources import cached
from ._data import _territories, acronyms, exact_list, mixed_case, proper_phrases, word_list

__all__ = ["capitalise", "is_all_caps", "lower", "recase", "upper"]

_DOTLESS_I = ("tr", "az")
# languages that inflect proper names with endings written without an apostrophe
_INFLECTING = frozenset(
    {"pl", "cs", "sk", "sl", "hr", "sr", "bs", "ru", "uk", "be", "bg", "lt", "lv", "fi", "et", "hu", "az"}
)
_LINES = re.compile(r"[\r\n]+")
_SPACE = re.compile(r"(\s+)")
_LEAD = re.compile(r"^[\"'“”‘’«»„‚‹›(\[{¿¡*]+")
_TRAIL = re.compile(r"[\"'“”‘’«»‹›)\]}.,:;!?…*]+$")
_URLISH = re.compile(r"://|\w@\w|[^\W\d_]\.[^\W\d_]")
_SUBPHRASE_END = re.compile(r"[:;?!.]$")
_INITIALISM = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]\.?$")  # "u.s", "d.c": single letters and periods, no URL
_DASHES = frozenset({"-", "–", "—", "--", "|", "/"})
_MC = re.compile(r"^(mc)([^\W\d_]{2,}.*)$", re.IGNORECASE)
_APOSTROPHE_NAME = re.compile(r"^([oOlLdD])(['’])([^\W\d_].*)$")
_VOWELS = frozenset("aeiouyæøœ")
_SENTENCE_CASE_LANGS = frozenset({"de"})  # title case keeps the input's capitals
_TITLE_BEFORE_NAME = frozenset({"en", "de"})  # "Prime Minister Rishi Sunak": a title before a name is capitalised


def lower(text: str, lang: str) -> str:
    """Lower-case ``text`` the way ``lang`` does (Turkish and Azerbaijani I/ı, İ/i; Greek final sigma)."""
    if lang in _DOTLESS_I:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def upper(text: str, lang: str) -> str:
    """Upper-case ``text`` the way ``lang`` does (Turkish i/İ; Greek capitals without accents)."""
    if lang in _DOTLESS_I:
        text = text.replace("i", "İ")
    if lang == "el":
        decomposed = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize("NFC", decomposed.replace("\u0301", "").replace("\u0342", ""))
    return text.upper()


def capitalise(word: str, lang: str) -> str:
    """Upper-case the first letter of ``word`` (Dutch "ij" becomes "IJ"); leave the rest alone."""
    for i, ch in enumerate(word):
        if ch.isalpha():
            if lang == "nl" and word[i : i + 2] in ("ij", "Ij"):
                return word[:i] + "IJ" + word[i + 2 :]
            first = upper(ch, lang)
            if len(first) > 1:  # "ß" -> "SS" would not be a capital initial
                first = first[0] + lower(first[1:], lang)
            return word[:i] + first + word[i + 1 :]
        if ch.isdigit():
            return word
    return word


def _has_upper(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def _has_lower(text: str) -> bool:
    return any(ch.islower() for ch in text)


def is_all_caps(text: str) -> bool:
    """True when ``text`` has cased letters and none of them is lower case."""
    return not _has_lower(text) and any(ch.isupper() for ch in text)


@functools.lru_cache(maxsize=16384)
def _brand(folded: str) -> str | None:
    """The written form of a brand with inner capitals ("iphone" -> "iPhone"), also before "'s"."""
    names = mixed_case()
    form = names.get(folded)
    if form is None and folded.endswith(("'s", "’s")):
        stem = names.get(folded[:-2])
        form = stem + folded[-2:] if stem is not None else None
    return form


def _vowelless(core: str) -> bool:
    letters = unicodedata.normalize("NFD", core.casefold())
    return core.isalpha() and len(core) >= 2 and not any(ch in _VOWELS for ch in letters)


class _Word:
    __slots__ = ("core", "first", "last", "lead", "start", "trail")

    def __init__(self, token: str) -> None:
        self.first = False
        self.last = False
        self.start = False
        if token.isalnum():
            self.lead = self.trail = ""
            self.core = token
            return
        lead = _LEAD.match(token)
        self.lead = lead.group() if lead else ""
        rest = token[len(self.lead) :]
        trail = _TRAIL.search(rest)
        self.trail = trail.group() if trail else ""
        self.core = rest[: len(rest) - len(self.trail)]


def _split_line(line: str) -> tuple[list[str], list[_Word | None]]:
    parts = _SPACE.split(line)
    words: list[_Word | None] = [None if i % 2 else _Word(p) if p else None for i, p in enumerate(parts)]
    return parts, words


def _mark_positions(words: list[_Word | None], minor: frozenset[str]) -> None:
    """Mark first and last words of the line and of each sub-phrase (after ':', '?', dashes ...)."""
    real = [w for w in words if w is not None and (w.core or w.lead or w.trail)]
    boundary = True
    sentence = True
    previous: _Word | None = None
    for w in real:
        token = w.lead + w.core + w.trail
        if not any(ch.isalnum() for ch in token):
            if token in _DASHES or token.strip("-–—|") == "":
                if previous is not None:
                    previous.last = True
                boundary = True
            continue
        if boundary:
            w.first = True
            boundary = False
        if sentence:
            w.start = True
            sentence = False
        token_end = w.core + w.trail
        if w.trail and _SUBPHRASE_END.search(w.trail):
            # "vs.", "J.", "U.S.", "d.c.": an abbreviation's period ends no sub-phrase
            abbreviation = w.core.casefold() + "." in minor or len(w.core) == 1 or "." in w.core
            if not (w.trail.startswith(".") and abbreviation):
                boundary = True
                ends = any(ch in w.trail for ch in ".?!")
                sentence = (ends and not w.core[:1].isupper()) or "?" in w.trail or "!" in w.trail
                if ":" in w.trail or "?" in w.trail or "!" in w.trail:
                    w.last = True
        elif token_end.endswith((":", ";")):
            boundary = True
        previous = w
    if previous is not None:
        previous.last = True


def _title_part(part: str, lang: str, first: bool, last: bool, minor: frozenset[str]) -> str:
    """Title-case one part of a word (between hyphens or slashes), English conventions."""
    if not part:
        return part
    folded = part.casefold()
    mc = _MC.match(part)
    if mc and lang == "en":
        rest = mc.group(2)
        rest = rest.lower() if rest.isupper() else rest
        return "Mc" + capitalise(rest, lang)
    name = _APOSTROPHE_NAME.match(part)
    if name and lang == "en" and len(name.group(3)) > 1:
        initial, mark, rest = name.groups()
        initial = "O" if initial in "oO" else initial.lower()
        return initial + mark + capitalise(rest, lang)
    if any(ch.isupper() for ch in part[1:]):
        return part  # iPhone, McCarthy, AT&T, TV: the writer's capitals
    brand = _brand(folded)
    if brand is not None and (part.islower() or part == capitalise(folded, lang)):
        return brand  # "iphone" -> "iPhone", "Jpmorgan" -> "JPMorgan"
    if _AMPERSAND_ABBREVIATION.match(part):
        return upper(part, lang)  # "q&a", "r&d", "m&a"
    if folded in minor and not first and not last:
        return lower(part, lang)
    if "." in part and _INITIALISM.match(part):  # a known initialism in capitals ("u.s." -> "U.S."), others as written
        return part.upper() if part.upper() in acronyms() or part.upper() + "." in acronyms() else part
    if "." in part and part[-2:] in ("'s", "’s") and _INITIALISM.match(part[:-2]):  # "e.u.'s" -> "E.U.'s"
        stem = part[:-2]
        known = stem.upper() in acronyms() or stem.upper() + "." in acronyms()
        return (stem.upper() if known else stem) + part[-2:]
    if part.islower() and folded not in word_list("ambiguous", lang):
        names = acronyms()
        if part.upper() in names:
            return part.upper()  # "uk"
        stem, mark, ending = part.rpartition("'") if "'" in part else part.rpartition("’")
        if mark and ending == "s" and stem.upper() in names and stem.casefold() not in word_list("ambiguous", lang):
            return stem.upper() + mark + ending  # "nato's"
        if (
            len(part) >= 4
            and part.endswith("s")
            and part[:-1].upper() in names
            and part[:-1] not in word_list("ambiguous", lang)
        ):
            return part[:-1].upper() + "s"  # "ngos", "ceos": an acronym's plural
    if lang == "en" and _vowelless(part) and folded not in word_list("vowelless", lang):
        return upper(part, lang)
    return capitalise(part, lang)


@functools.lru_cache(maxsize=32768)
def _title_word(core: str, lang: str, first: bool, last: bool) -> str:
    """:func:`_title_core` with the language's minor words, memoised (words repeat across headlines)."""
    return _title_core(core, lang, first, last, word_list("minor", lang))


def _title_core(core: str, lang: str, first: bool, last: bool, minor: frozenset[str]) -> str:
    if "-" in core and core.isupper() and core not in acronyms():
        pieces = core.split("-")
        if all(len(p) >= 3 and p not in acronyms() for p in pieces):
            core = lower(core, lang)
    slashes = core.split("/")
    out = []
    for si, piece in enumerate(slashes):
        s_first = first and si == 0
        s_last = last and si == len(slashes) - 1
        hyphens = piece.split("-")
        if len(hyphens) == 1:
            out.append(_title_part(piece, lang, s_first, s_last, minor))
            continue
        parts = [
            _title_part(h, lang, hi == 0, hi == len(hyphens) - 1, minor)  # "State-of-the-Art"
            for hi, h in enumerate(hyphens)
        ]
        out.append("-".join(parts))
    return "/".join(out)


def _is_acronym(core: str, trail: str, lang: str = "en") -> bool:
    names = acronyms()
    if (core in names or (core + trail[:1]) in names) and lower(core, lang) not in word_list("common", lang):
        return True
    return "&" in core or bool(re.search(r"\w\.\w", core))


_AMPERSAND_ABBREVIATION = re.compile(r"^[^\W\d_]{1,2}&[^\W\d_]{1,2}$")
_ELIDED = re.compile(r"^([^\W\d_]{1,5}['’])([^\W\d_].*)$")
_SUFFIXED = re.compile(r"^([^\W\d_].*?)(['’])([^\W\d_]{1,5})$")


def _lower_all_caps(w: _Word, lang: str, proper: Callable[[str], bool]) -> None:
    """Lower a word of an all-caps headline unless it is an acronym or a known proper name."""
    w.core = _lower_caps_word(w.core, w.trail, lang, proper)


def _lower_caps_word(core: str, trail: str, lang: str, proper: Callable[[str], bool]) -> str:
    if not core or _is_acronym(core, trail, lang):
        return core
    if "-" in core:
        head, *rest = core.split("-")
        phrases = proper_phrases(lang)
        tail = [_lower_caps_word(p, "", lang, lambda x: x.casefold() in phrases) for p in rest]
        return "-".join([_lower_caps_word(head, "", lang, proper), *tail])
    if lang in ("fr", "it", "ca"):
        elided = _ELIDED.match(core)
        if elided:
            return lower(elided.group(1), lang) + _lower_caps_word(elided.group(2), trail, lang, proper)
    if lang in ("tr", "az", "en", "fi"):
        suffixed = _SUFFIXED.match(core)
        if suffixed:
            stem, mark, suffix = suffixed.groups()
            return _lower_caps_word(stem, "", lang, proper) + mark + lower(suffix, lang)
    low = lower(core, lang)
    brand = _brand(low)
    if brand is not None:
        return brand  # "IPHONE" -> "iPhone", "OPENAI" -> "OpenAI"
    if (
        lang == "en"
        and len(core) >= 3
        and core[-1] == "S"
        and core[:-1] in acronyms()
        and low not in word_list("ambiguous", lang)
        and low not in word_list("common", lang)
    ):
        return core[:-1] + "s"  # "CEOS" -> "CEOs", "MPS" -> "MPs": an English acronym's plural
    if lang == "el":
        accents = _accent_map(lang)
        form = accents.get(_unaccented(low))
        if form is None and low.endswith(("η", "α", "ο")):
            # a genitive or vocative that drops the final sigma: "ΜΗΤΣΟΤΑΚΗ" -> "Μητσοτάκη"
            nominative = accents.get(_unaccented(low + "ς"))
            form = nominative[:-1] if nominative else None
        if form is None and low.endswith(("ας", "ης")):
            # a feminine genitive adds a final sigma: "ΡΩΣΙΑΣ" -> "Ρωσίας", "ΚΡΗΤΗΣ" -> "Κρήτης"
            nominative = accents.get(_unaccented(low[:-1]))
            form = nominative + "ς" if nominative and nominative[-1:] in "αάηή" else None
        if form is not None:  # "ΣΕΙΣΜΟΣ" -> "σεισμός", "ΚΡΗΤΗ" -> "Κρήτη"
            return form if form[:1].isupper() or not proper(low) else capitalise(form, lang)
    return capitalise(low, lang) if proper(low) else low


def _unaccented(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch)).casefold()


def _accent_map(lang: str) -> dict[str, str]:
    """Unaccented lower-case key -> the word as written, for languages whose capitals drop accents (Greek):
    the shipped ``accented`` words and CLDR territory, month and weekday names (babel, lazily)."""

    def build() -> dict[str, str]:
        forms: dict[str, str] = {}
        try:
            from babel import Locale

            locale = Locale.parse(lang)
            names = [str(n) for n in locale.territories.values()]
            for table in (locale.months, locale.days):
                for context in ("format", "stand-alone"):
                    names += [str(v) for v in table.get(context, {}).get("wide", {}).values()]
            for name in names:
                for word in name.split():
                    forms.setdefault(_unaccented(word), word)
        except Exception:  # babel data missing: the shipped words only
            pass
        shipped: dict[str, str] = {}
        ambiguous: set[str] = set()
        for word in sorted(exact_list("accented", lang)):
            key = _unaccented(word)
            if key in shipped and shipped[key] != word:
                ambiguous.add(key)  # "η" (the) and "ή" (or): leave the word as it comes
            shipped[key] = word
        forms.update(shipped)
        for key in ambiguous:
            forms.pop(key, None)
        return forms

    return cached(("titles", "accent_map", lang), build)


def _institutions(lang: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One pattern over the multi-word proper names of ``lang`` ("Casa Bianca") and their written forms."""

    def build() -> tuple[re.Pattern[str], dict[str, str]] | None:
        # the shipped institutions, and CLDR's country names of several words ("North Korea", "Corée du Nord")
        names = [*_territories(lang), *exact_list("institution", lang), *_big_cities(lang)]
        # several words, or an elided article glued to the name ("l'État")
        forms = {form.casefold(): form for form in names if " " in form or "-" in form or "'" in form}
        if not forms:
            return None
        alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<![^\W_])(?:{alts})(?![^\W_])", re.IGNORECASE), forms

    return cached(("titles", "institutions", lang), build)


#: population from which a city of several words gets its capitals back in a lowered headline ("new york")
_BIG_CITY = 1_000_000


def _script(ch: str) -> str:
    """The script word of a letter's Unicode name ("LATIN", "CYRILLIC", "GREEK" ...)."""
    return unicodedata.name(ch, "").split(" ", 1)[0]


def _big_cities(lang: str) -> list[str]:
    """Written names of the places gazetteer's cities of several words and a million people or more ("New York",
    "Hong Kong", "Rio de Janeiro"), for the script of ``lang``; none that starts with an article of ``lang``
    ("La Paz" would capitalise "por la paz")."""
    try:
        from ..places._gazetteer import _cities, fold
    except Exception:  # places not installed or changed: the shipped names only
        return []
    script = next((_script(ch) for name in _territories(lang) for ch in name if ch.isalpha()), "")
    if not script:
        return []
    articles = {w for w in word_list("article", lang) | word_list("minor", lang) if len(w) <= 3} - {"new"}
    table = _cities()
    out: list[str] = []
    for key, mask, flags, index in zip(table.keys, table.masks, table.flags, table.indexes, strict=True):
        if " " not in key or not flags & 1 or _script(key[0]) != script or key.split(" ", 1)[0] in articles:
            continue
        cands = [table.candidates[i] for i in index]
        big = [c for c in cands if c.population >= _BIG_CITY and c.type == "city"]
        if not big:
            continue
        named = [c.name for c in big if fold(c.name) == key]
        if named:
            out.append(named[0])
        elif all(len(w) >= 2 for w in key.split(" ")) and len(mask) == key.count(" ") + 1:
            chars = list(key)
            for pos in mask:
                chars[pos] = chars[pos].upper()
            out.append("".join(chars))  # every word capitalised in the source name: "New York"
    return out


def _restore_institutions(line: str, lang: str) -> str:
    """Give multi-word proper names their written capitals back ("alla casa bianca" -> "alla Casa Bianca")."""
    found = _institutions(lang)
    if found is None:
        return line
    pattern, forms = found

    def put(m: re.Match[str]) -> str:
        form = forms.get(m.group().casefold())
        if form is None:
            return m.group()
        return capitalise(form, lang) if m.group()[:1].isupper() else form

    return pattern.sub(put, line)


def _proper_checker(lang: str) -> Callable[[str], bool]:
    """Is a (lower-cased) word a known proper name of ``lang``? Built once per language."""
    return cached(("titles", "proper_checker", lang), lambda: _build_proper_checker(lang))


def _place_checker(lang: str) -> Callable[[str], bool] | None:
    """Exact place names of ``lang`` in the places gazetteer (countries, aliases, cities), or None.

    Only exact names: ``newsnorm.places.lookup`` also tries other languages' names, skeletons and
    word votes, which is right for a place mention but too loose to decide whether an
    everyday word of an all-caps headline keeps a capital.
    """
    try:
        from ..places._gazetteer import fold, gazetteer

        g = gazetteer(lang if lang and lang != "und" else "en")
    except Exception:  # places not installed or changed: the shipped names only
        return None

    def place(word: str) -> bool:
        try:
            key = fold(word)
            entry = g.exact.get(key) or g.city_exact.get(key)
            if entry is None or not entry.candidates:
                return False
            # a nationality word the language writes in lower case ("français", "español") is no name
            return not all(c.type == "demonym" and c.name[:1].islower() for c in entry.candidates)
        except Exception:
            return False

    return place


# nominative endings a case ending replaces in a name ("Ukraina" -> "Ukrainę", "Россия" -> "России")
_NOMINATIVE_ENDINGS = {
    "pl": ("a", "ja"),
    "cs": ("a", "ie"),
    "ru": ("а", "я", "ия"),
    "uk": ("а", "я", "ія"),
}


def _build_proper_checker(lang: str) -> Callable[[str], bool]:
    phrases = proper_phrases(lang)
    common = word_list("common", lang)
    place = _place_checker(lang)

    accents = _accent_map(lang) if lang == "el" else {}

    def known(word: str) -> bool:
        folded = word.casefold()
        if folded in phrases:
            return True
        if accents and accents.get(_unaccented(word), "")[:1].isupper():
            return True
        if folded.endswith(("'s", "’s")) and folded[:-2] in phrases:
            return True
        if place is not None and len(word) >= 4 and folded not in common:
            return place(capitalise(word, lang))
        return False

    if lang == "el":
        return lambda word: (
            known(word)
            or (word.endswith(("η", "α", "ο")) and known(word + "ς"))
            or (word.endswith(("ας", "ης")) and known(word[:-1]))  # "Ρωσίας", "Κρήτης"
        )
    if lang not in _INFLECTING:
        return known

    nominative = _NOMINATIVE_ENDINGS.get(lang, ())

    def inflected(word: str) -> bool:
        # "SCHOLZEM", "BERLINIE", "ПУТИНА": a known name with a case ending of one to three letters;
        # "UKRAINĘ", "FRANCJI", "УКРАИНЫ": a known name whose own ending is replaced by the case's
        if known(word):
            return True
        if any(len(word) - k >= 4 and known(word[:-k]) for k in (1, 2, 3)):
            return True
        return any(len(word) - k >= 4 and known(word[:-k] + v) for k in (1, 2) for v in nominative)

    return inflected


#: words after which French writes a nationality as a capitalised noun ("les Français", "deux Palestiniens")
_NOUN_DETERMINERS: dict[str, frozenset[str]] = {
    "fr": frozenset({
        "le", "la", "les", "un", "une", "des", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
        "dix", "onze", "douze", "vingt", "cent", "mille", "quelques", "plusieurs", "ces", "aux", "au", "du", "de",
        "nombreux", "certains",
    }),
}


def _demonym_checker(lang: str) -> Callable[[str], bool]:
    """Is a word a nationality word (any ending) that ``lang`` writes in lower case ("palestiniens")? Built once."""

    def build() -> Callable[[str], bool]:
        try:
            from ..places._gazetteer import gazetteer
            from ..places._match import scan

            g = gazetteer(lang)
        except Exception:  # places not installed or changed: no nationality words
            return lambda word: False
        @functools.lru_cache(maxsize=4096)
        def demonym(word: str) -> bool:
            try:
                hits = scan(capitalise(word, lang), g, context=False)
            except Exception:
                return False
            return any(
                h.start == 0 and h.end == len(word) and h.candidate.type == "demonym" and h.candidate.name[:1].islower()
                for h in hits
            )

        return demonym

    return cached(("titles", "demonym_checker", lang), build)


def _noun_after_determiner(prev: str | None, word: str, lang: str) -> bool:
    """French capitalises a nationality used as a noun, after a determiner or a number ("Deux Palestiniens tués")."""
    determiners = _NOUN_DETERMINERS.get(lang)
    if determiners is None or prev is None or not word[:1].isalpha():
        return False
    before = lower(prev, lang)
    if not (before in determiners or before.isdigit()):
        return False
    return _demonym_checker(lang)(lower(word, lang))


def _elision(core: str, lang: str, first: bool) -> str | None:
    """French/Italian elided article or pronoun + word: "l'Élysée", "L'Élysée" at the start."""
    if lang not in ("fr", "it", "ca") or len(core) < 3 or core[1] not in "'’":
        return None
    head, rest = core[:2], core[2:]
    if not head[0].isalpha() or not rest[:1].isalpha():
        return None
    head = capitalise(head.lower(), lang) if first else head.lower()
    return head + rest


def recase(text: str, lang: str, case: str) -> str:
    """Re-case a headline: ``case`` is "title", "sentence", "upper" or "lower"."""
    if case == "upper":
        return upper(text, lang)
    if case == "lower":
        return lower(text, lang)
    lines = _LINES.split(text)
    if len(lines) > 1:
        return "\n".join(_recase_line(line, lang, case) if line else line for line in lines)
    return _recase_line(text, lang, case)


def _recase_line(line: str, lang: str, case: str) -> str:
    all_caps = is_all_caps(line)
    minor = word_list("minor", lang) if lang == "en" else frozenset()
    parts, words = _split_line(line)
    _mark_positions(words, minor)
    proper = _proper_checker(lang)
    title_like = False
    if not all_caps and (case == "sentence" or lang != "en"):
        title_like = _looks_title_cased(words, minor or word_list("minor", "en"))
    kept = _titled_names(line, lang) if title_like else ()
    offset = 0
    prev: str | None = None  # the word before, when nothing but a space stands between
    for i, w in enumerate(words):
        start = offset
        offset += len(parts[i])
        if w is None or not w.core:
            continue
        if kept and any(a <= start < b for a, b in kept):
            continue  # "Prime Minister Rishi Sunak": a title before a name and the name keep their capitals
        if _URLISH.search(w.core) and not (all_caps and _is_acronym(w.core, w.trail, lang)) and not (
            case == "title" and lang == "en" and _INITIALISM.match(w.core.removesuffix("'s").removesuffix("’s"))
        ):
            continue
        if all_caps:
            _lower_all_caps(w, lang, proper)
        core = w.core
        if case == "title" and lang == "en":
            if all_caps and (core.isupper() or _is_acronym(core, w.trail, lang)):
                new = core
            else:
                new = _title_word(core, lang, w.first, w.last)
        else:
            keep = case == "title" and lang in _SENTENCE_CASE_LANGS
            new = _sentence_core(core, lang, w, all_caps, title_like, proper, keep_caps=keep)
            if (all_caps or title_like) and not w.lead and _noun_after_determiner(prev, new, lang):
                new = capitalise(new, lang)  # "DEUX PALESTINIENS TUÉS" -> "Deux Palestiniens tués"
        parts[i] = w.lead + new + w.trail
        prev = None if w.trail.strip() else new
    if all_caps and lang == "de":
        _german_nouns(parts, words)
    out = "".join(parts)
    if (all_caps or title_like) and (case == "sentence" or lang != "en"):
        out = _restore_institutions(out, lang)
    return out


#: adjective endings after a hyphen: "US-amerikanische", "deutsch-französisch" keep the lower case
_GERMAN_ADJECTIVE = re.compile(r"(?:isch|lich|ig|bar|los|sam|haft)(?:e|en|er|es|em)?$")


#: an inflected adjective that opens a noun phrase without a determiner ("neues Gesetz", "russische Truppen",
#: "schärfere Regeln"): a common adjective stem or an -isch/-lich adjective, with a strong ending
_GERMAN_STRONG_ADJECTIVE = re.compile(
    r"^(?:neu|alt|gro[sß]|klein|hoh|schwer|stark|weit|lang|kurz|jung|frei|voll|ganz|erst|zweit|dritt|letzt"
    r"|nächst|früher|schärfer|härter|höher|weiter|mehrer|einig|zahlreich|heftig|massiv|tödlich"
    r"|[^\W\d_]{3,}(?:isch|lich))(?:e|en|er|es|em)$"
)


#: auxiliaries after which a clause may end in a past participle ("wurden ins Krankenhaus gebracht")
_GERMAN_AUXILIARIES = frozenset(
    {"wurde", "wurden", "worden", "ist", "sind", "war", "waren", "hat", "haben", "hatte", "hatten"}
)
#: a past participle: "gebracht", "festgenommen", "verhaftet" (ge- inside or a ver-/be-/er-/ent-/zer- verb ending -t)
_GERMAN_PAST_PARTICIPLE = re.compile(r"^(?:[^\W\d_]*ge[^\W\d_]{2,}(?:t|en)|(?:ver|be|er|ent|zer)[^\W\d_]{2,}t)$")
#: an inflected participle ("vermissten", "verletzte", "gestohlenen"): an adjective before a noun, a noun before a verb
_GERMAN_PARTICIPLE = re.compile(r"^(?:ge|ver|er|be|ent|zer|[^\W\d_]+ge)[^\W\d_]{2,}(?:t|en)(?:e|en|er|es|em)$")


def _german_word_after(words: list[_Word | None], i: int, func: frozenset[str]) -> bool:
    """The next word is a letter word that is no function word or modal ("Kinder" after "vermissten", not "wurden")."""
    for w in words[i + 1 :]:
        if w is None or not w.core:
            continue
        return w.core[:1].isalpha() and w.core.casefold() not in func
    return False


def _german_nouns(parts: list[str], words: list[_Word | None]) -> None:
    """Give the nouns of a lowered all-caps German headline their capitals back, by position.

    A run of words after a determiner or preposition ends in a noun ("über die Grenze", "für
    weitere Gespräche", "das Angebot der Hamas"); words with a noun-only ending ("-ung", "-heit",
    "-tion") are nouns anywhere; after an acronym and a hyphen comes a noun ("NATO-Staaten").
    """
    articles = word_list("determiner", "de")
    det = articles | word_list("preposition", "de")
    modals = word_list("modal", "de") | _GERMAN_AUXILIARIES
    func = word_list("function", "de")
    suffixes = tuple(sorted(word_list("noun_suffix", "de")))

    def core(i: int) -> str:
        w = words[i]
        assert w is not None
        return parts[i][len(w.lead) : len(parts[i]) - len(w.trail)]

    def cap(i: int) -> None:
        w = words[i]
        assert w is not None
        c = core(i)
        pieces = c.split("-")
        compound = len(pieces) > 1 and pieces[-1][:1].isalpha() and not _GERMAN_ADJECTIVE.search(pieces[-1])
        # "NATO-Staaten", "Ukraine-Hilfe", "Corona-Regeln", "E-Auto-Prämie": a noun compound's parts are nouns
        c = "-".join(capitalise(p, "de") for p in pieces) if compound else capitalise(c, "de")
        parts[i] = w.lead + c + w.trail

    def close(run: list[int], modal: bool, named: bool = False) -> None:
        """The run's noun is its last word, unless that is an infinitive after a modal verb (after a name, the
        infinitive may stand alone: "will in Brüssel verhandeln")."""
        last = core(run[-1]) if run else ""
        participle = bool(_GERMAN_PAST_PARTICIPLE.match(last.casefold()))
        if modal and participle and len(run) == 1 and not named:
            return  # "Der Täter wurde festgenommen"
        if modal and (len(run) > 1 or named) and (
            last.endswith(("en", "ln", "rn")) or participle
        ):  # "senken", "ändern"; after an auxiliary a past participle: "ins Krankenhaus gebracht"
            if len(run) > 1:
                cap(run[-2])
        elif run:
            cap(run[-1])

    run: list[int] = []
    open_run = False
    modal = False  # a modal verb earlier in the clause: the clause may end in an infinitive
    adjective = False  # the word before was an inflected adjective without a determiner ("neues Gesetz")
    named = False  # the open run's noun was a name ("die EZB")
    subject = False  # the open run was opened by an article starting the line or a sub-phrase
    verb = False  # the subject's noun was the word before: this word is its verb
    for i, w in enumerate(words):
        if w is None or not w.core:
            continue
        c = core(i)
        folded = c.casefold()
        after_adjective, adjective = adjective, False
        number = c[:1].isdigit() and not any(ch in w.trail for ch in ",.:;!?")  # "auf 2,2 Prozent", "15 Tote"
        if folded in det or number:
            if open_run and run and not (named and folded in articles):  # "die EZB erhöht die", not "... zu"
                cap(run[-1])
            run, open_run, named, verb = [], True, False, False
            # "Die Polizei sucht Zeugen", "20 Menschen sterben": a subject opens the line, a number its noun
            subject = number or (w.first and folded in articles)
            continue
        if subject and open_run and c[:1].isalpha() and folded not in func:
            if _GERMAN_STRONG_ADJECTIVE.match(folded.rsplit("-", 1)[-1]) and not any(ch in w.trail for ch in ",.:;!?"):
                continue  # "Die neue Regierung": the noun comes after the adjectives
            if (
                _GERMAN_PARTICIPLE.match(folded)
                and not any(ch in w.trail for ch in ",.:;!?")
                and _german_word_after(words, i, func | modals)
            ):
                continue  # "Die vermissten Kinder": a participle before a word that is no verb is its adjective
            # the subject's noun is its first word after the adjectives; the verb follows
            if not c[:1].isupper():
                cap(i)
            run, open_run, named, subject = [], False, False, False
            verb = not any(ch in w.trail for ch in ",.:;!?")  # the verb comes next, then an object may
            if not verb:
                modal = False
            continue
        if verb:
            verb = False
            modal = modal or folded in modals
            if not any(ch in w.trail for ch in ",.:;!?"):
                run, open_run = [], True  # "Die Polizei sucht Zeugen": the object after the verb
            continue
        if folded in func or not c[:1].isalpha():
            if open_run and run:
                cap(run[-1])
            run, open_run, named, verb = [], False, False, False
            modal = modal or folded in modals
            continue
        if open_run and c[:1].isupper() and not w.first and "-" not in c:
            # "die EZB erhöht die Zinsen": a name or an acronym after the determiner is the run's noun; what
            # follows up to the next determiner is a verb, but "der Ukraine mehr Luftabwehr zu" ends in a noun;
            # a name after words of the run follows their noun ("in der Region Charkiw")
            if run and not named:
                cap(run[-1])
            run, named = [], True
            if any(ch in w.trail for ch in ",.:;!?"):
                open_run, named, modal = False, False, False
            continue
        strong = bool(_GERMAN_STRONG_ADJECTIVE.match(folded.rsplit("-", 1)[-1]))  # "deutsch-französische"
        if not open_run and strong:
            adjective = True  # "beschließt neues Gesetz", "fordert schärfere Regeln": the noun comes next
        elif after_adjective and not open_run:
            cap(i)
        head, dash, rest = c.partition("-")
        if (len(folded) >= 5 and folded.endswith(suffixes)) or (dash and rest and head.isupper()):
            cap(i)
        if open_run:
            run.append(i)
        modal = modal or folded in modals
        if any(ch in w.trail for ch in ",.:;!?"):
            if open_run:
                close(run, modal, named)
            run, open_run, modal, named = [], False, False, False
    if open_run:
        close(run, modal, named)


def _titled_names(line: str, lang: str) -> list[tuple[int, int]]:
    """Spans of office titles directly followed by a name, with the name (the titles finder)."""
    try:
        from .._document import Document
        from ._offices import find_titles

        spans = []
        for m in find_titles(Document(source=line, text=line, lang=lang), True, None):
            person = m.attrs.get("person")
            if not person:
                continue
            at = line.find(person, m.end)
            if at < 0 or line[m.end : at].strip():
                continue  # only "Title Name", not "Name, the title"
            if person.split()[0].casefold() in word_list("common", lang):
                continue  # "Le Président De La République En Visite": a Title-Cased word ("en"), not a name
            # the first name word, then the words known as names ("Rishi Sunak", not "Biden Signs")
            proper = _proper_checker(lang)
            name_end = at
            for k, word in enumerate(re.finditer(r"\S+", person)):
                if k and not proper(word.group().rstrip(".,:;!?'’").casefold()):
                    break
                name_end = at + word.end()
            spans.append((m.start if lang in _TITLE_BEFORE_NAME else at, name_end))
        return spans
    except Exception:  # casing never fails because of the finder
        return []


_CAPITALISED = re.compile(r"^[^\W\d_][^\W\d_A-Z]*$")  # "Day", "Range": a capital, then no capital


def _sentence_core(
    core: str,
    lang: str,
    w: _Word,
    all_caps: bool,
    title_like: bool,
    proper: Callable[[str], bool],
    keep_caps: bool,
) -> str:
    elided = _elision(core, lang, w.start)
    if elided is not None:
        head, rest = elided[:2], elided[2:]
        if title_like and not all_caps and rest[:1].isupper() and not _has_upper(rest[1:]) and not proper(rest):
            return head + lower(rest, lang)  # "Sur L'Immigration" -> "sur l'immigration"
        return elided
    if all_caps:
        if w.start and core[:1].islower() and any(ch.isupper() for ch in core[1:]):
            return core  # "iPhone" from "IPHONE", "eBay": the brand's own small first letter
        return capitalise(core, lang) if w.start else core
    if (
        title_like
        and lang == "en"
        and "-" in core
        and all(_CAPITALISED.match(p) and not proper(p) for p in core.split("-"))
        and not proper(core)
    ):
        # "Four-Day", "Long-Range" in an English Title Case headline: no part is a known name
        out = lower(core, lang)
        return capitalise(out, lang) if w.start else out
    if any(ch.isupper() for ch in core[1:]):
        return core  # iPhone, NATO, McCarthy
    brand = _brand(core.casefold()) if core.islower() or core[1:].islower() else None
    if brand is not None:
        return brand  # "Iphone", "iphone" -> "iPhone" (a brand keeps its small first letter at the start too)
    if w.start:
        return capitalise(core, lang)
    if keep_caps or lang == "de":
        return core
    if title_like and core[:1].isupper() and not proper(core):
        if len(core) == 1 and core.casefold() not in word_list("common", lang) | word_list("minor", lang):
            return core  # "Elon Musk's X", "Plan B": a lone capital letter is a name
        return lower(core, lang)
    return core


def _looks_title_cased(words: list[_Word | None], minor: frozenset[str]) -> bool:
    """Is a mixed-case line in Title Case (most non-minor words capitalised)?"""
    caps = total = 0
    for w in words:
        if w is None or not w.core or w.first or not w.core[:1].isalpha():
            continue
        if w.core.casefold() in minor:
            continue
        total += 1
        caps += w.core[:1].isupper()
    return total >= 3 and caps * 4 >= total * 3
