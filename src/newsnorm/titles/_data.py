"""Shipped data of the titles normaliser, loaded lazily through the one process-wide cache.

Every accessor builds immutable structures (frozensets, tuples, ``MappingProxyType``) once per
key with :func:`newsnorm._resources.cached`; nothing here runs at import time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from .._resources import cached, read_json, shortcut_table

__all__ = [
    "Office",
    "acronyms",
    "any_language_list",
    "country_forms",
    "country_genitives",
    "exact_list",
    "latin1_language",
    "norm_key",
    "offices",
    "outlet_keys",
    "proper_phrases",
    "source_stems",
    "word_list",
]

_KIND = "titles"
_ALIASES = {"no": "nb", "nn": "nb"}


class Office(NamedTuple):
    """One surface form of an office, rank or honorific in one language."""

    canonical: str  # canonical English office ("Prime Minister")
    category: str  # office, military, religious, nobility, honorific, academic, judicial, other
    normalised: str  # the canonical title in the surface form's language
    country: str  # ISO2 the surface itself names ("US-Außenminister"), else ""
    abbreviation: bool  # "Dr.", "Lt. Gen.", "Mr" (a dotted form exists)


def _json(name: str) -> Any:
    return read_json(_KIND, name)


def acronyms() -> frozenset[str]:
    """Acronyms kept in capitals when an all-caps headline is lowered (as written, e.g. "U.S.")."""
    return cached((_KIND, "acronyms"), lambda: frozenset(_json("lexicon.json")["acronyms"]))


def mixed_case() -> dict[str, str]:
    """Casefolded word -> its written form, for brand and company names written with inner capitals
    ("iphone" -> "iPhone", "jpmorgan" -> "JPMorgan"): the lexicon's ``mixedcase`` list."""

    def build() -> dict[str, str]:
        words = _json("lexicon.json")["lists"].get("mixedcase", {}).get("*", ())
        return {w.casefold(): w for w in words}

    return cached((_KIND, "mixed_case"), build)


#: (casefolded?, list name, language) -> its words: a lock-free shortcut in front of :func:`cached` (see
#: ``shortcut_table``), as the office finder reads some lists once a title.
_LISTS: dict[tuple[bool, str, str], frozenset[str]] = shortcut_table()


def _lexicon_list(name: str, lang: str, fold: bool) -> frozenset[str]:
    """A word list of ``lexicon.json`` for ``lang`` plus its "*" part, casefolded or as written."""
    found = _LISTS.get((fold, name, lang))
    if found is not None:
        return found

    def build() -> frozenset[str]:
        lists = _json("lexicon.json")["lists"].get(name, {})
        words = [*lists.get("*", ()), *lists.get(lang, ())]
        return frozenset(w.casefold() for w in words) if fold else frozenset(words)

    found = _LISTS[fold, name, lang] = cached((_KIND, "list" if fold else "exact", name, lang), build)
    return found


def word_list(name: str, lang: str) -> frozenset[str]:
    """A casefolded word list of ``lexicon.json`` for ``lang`` plus its language-independent part."""
    return _lexicon_list(name, lang, True)


def any_language_list(name: str) -> frozenset[str]:
    """A casefolded word list of ``lexicon.json`` in every language at once (for text of unknown language)."""

    def build() -> frozenset[str]:
        lists = _json("lexicon.json")["lists"].get(name, {})
        return frozenset(w.casefold() for words in lists.values() for w in words)

    return cached((_KIND, "list_any", name), build)


def exact_list(name: str, lang: str) -> frozenset[str]:
    """A word list of ``lexicon.json`` for ``lang`` plus its "*" part, as written (case-sensitive)."""
    return _lexicon_list(name, lang, False)


def _strip_dots(form: str) -> str:
    return re.sub(r"[.\s]+", " ", form).strip().casefold()


_VOWELS = frozenset("aáeéiíoóöőuúüű")


def _inflected(form: str, endings: frozenset[str]) -> set[str]:
    """Case forms of a title in an agglutinative language (``ending`` list: Hungarian "elnököt",
    "miniszterelnökkel", "pápával"): each ending after the last word, a final a/e lengthened, and an
    ending in v- taking the sound of a final consonant. Forms that are no words never occur in text."""
    if not endings or not form[-1:].isalpha():
        return set()
    last = form[-1]
    stem = form[:-1] + {"a": "á", "e": "é"}.get(last, last)
    out: set[str] = set()
    for ending in endings:
        if ending.startswith("v") and last not in _VOWELS:
            out.add(form + last + ending[1:])  # elnök + vel: "elnökkel"
        else:
            out.add(stem + ending)
    return out


# Russian and Ukrainian case endings of a title's words (genitive, dative, instrumental, prepositional/locative;
# the animate accusative is the genitive). Both the hard and the soft series are given for a consonant-final noun:
# the forms that are no words of the language never occur in text.
_SLAVIC_NOUN = {
    "ru": {"": ("а", "у", "ом", "е", "я", "ю", "ем", "ём"), "ь": ("я", "ю", "ем", "ём", "е"),
           "й": ("я", "ю", "ем", "е"), "а": ("ы", "и", "е", "у", "ой", "ою"), "я": ("и", "е", "ю", "ей", "ёй")},
    "uk": {"": ("а", "у", "ові", "ом", "і", "я", "ю", "еві", "ем"), "ь": ("я", "ю", "еві", "ем", "і"),
           "й": ("я", "ю", "єві", "єм", "ї"), "а": ("и", "і", "у", "ою"), "я": ("і", "ю", "ею")},
}
# adjective ending -> its four case endings (genitive, dative, instrumental, prepositional/locative); each goes
# with every noun form: the pairs of different cases are no words and never occur in text
_SLAVIC_ADJECTIVE = {
    "ru": {"ый": ("ого", "ому", "ым", "ом"), "ой": ("ого", "ому", "ым", "ом"), "кий": ("кого", "кому", "ким", "ком"),
           "гий": ("гого", "гому", "гим", "гом"), "ний": ("него", "нему", "ним", "нем"),
           "ий": ("ого", "ому", "им", "ом"), "ая": ("ой", "ой", "ой", "ой")},
    "uk": {"ий": ("ого", "ому", "им", "ому"), "ій": ("ього", "ьому", "ім", "ьому"), "а": ("ої", "ій", "ою", "ій")},
}
_SLAVIC_CASES = 4
_SLAVIC_CONSONANT = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")


def _slavic_noun(word: str, lang: str) -> tuple[str, ...]:
    """Case forms of a Russian or Ukrainian noun (its last hyphen part inflects: "премьер-министра")."""
    table = _SLAVIC_NOUN[lang]
    last = word[-1:]
    if last in table and last:
        return tuple(word[:-1] + ending for ending in table[last])
    if _SLAVIC_CONSONANT.search(word):
        return tuple(word + ending for ending in table[""])
    return ()


def _slavic_adjective(word: str, lang: str) -> tuple[str, ...] | None:
    """The four case forms of a Russian or Ukrainian adjective in -ый/-ий/-ой/-ая (None: no adjective)."""
    for ending, cases in _SLAVIC_ADJECTIVE[lang].items():
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return tuple(word[: len(word) - len(ending)] + case for case in cases)
    return None


def _slavic_forms(form: str, lang: str) -> set[str]:
    """Oblique case forms of a Russian or Ukrainian title: the head noun (the first word that is no
    adjective) and the adjectives next to it inflect, a genitive complement stays ("министра иностранных
    дел", "генеральному секретарю", "госсекретарём", "папы римского")."""
    words = form.split(" ")
    adjectives = [_slavic_adjective(w, lang) for w in words]
    head = next((i for i, a in enumerate(adjectives) if a is None), None)
    if head is None:
        return set()
    nouns = _slavic_noun(words[head], lang)
    if not nouns:
        return set()
    # the adjectives before the head and one right after it ("папа римский") agree with it
    agree = [i for i in range(head) if adjectives[i] is not None]
    if head + 1 < len(words) and adjectives[head + 1] is not None and head + 2 == len(words):
        agree.append(head + 1)
    out: set[str] = set()
    for noun in nouns:
        if not agree:
            out.add(" ".join([*words[:head], noun, *words[head + 1 :]]))
            continue
        for case in range(_SLAVIC_CASES):  # an adjective form with every noun form: extra pairs never occur
            parts = list(words)
            parts[head] = noun
            for i in agree:
                parts[i] = adjectives[i][case]  # type: ignore[index]
            out.add(" ".join(parts))
    return out


# German nouns that take -en in every case but the nominative singular (weak masculine nouns: "des
# Präsidenten", "dem Ministerpräsidenten"); other masculine titles take -s in the genitive ("des Kanzlers")
_GERMAN_WEAK = re.compile(r"(?:ent|ant|at|ist|arch|prinz|fürst|graf|oge|soph|nom)$")
_GERMAN_NO_S = re.compile(r"(?:in|s|x|z|ß|e|chef|[^a-zäöü])$")


def _german_forms(form: str) -> set[str]:
    """Oblique forms of a one-word German title: "Präsidenten", "Bundeskanzlers", "Papstes"."""
    if " " in form or not form[-1:].isalpha():
        return set()
    if _GERMAN_WEAK.search(form):
        return {form + ("n" if form.endswith("e") else "en")}
    if form.endswith("e"):
        return {form + "n"}  # "des Kollegen"
    if _GERMAN_NO_S.search(form):
        return set()
    return {form + "s", form + "es"} if form.endswith(("st", "pst")) else {form + "s"}


# Arabic clitics written onto a title: "and", "so", "with/by", "like" before the article; "for" merges with it
_ARABIC_CLITICS = ("و", "ف", "ب", "ك", "وب", "فب")


def _arabic_forms(form: str) -> set[str]:
    """A title with the clitics Arabic writes onto it: "بالرئيس", "والرئيس", "للرئيس", "ووزير"."""
    out = {clitic + form for clitic in _ARABIC_CLITICS}
    if form.startswith("ال"):
        out |= {"لل" + form[2:], "ولل" + form[2:], "فلل" + form[2:]}
    else:
        out |= {"ل" + form, "ول" + form}
    return out


def case_forms(form: str, lang: str) -> set[str]:
    """Forms of a lower-cased title ``form`` that a language's grammar writes in running text, beyond the
    listed ones: Russian and Ukrainian cases, German genitive and weak-noun forms, Arabic clitics."""
    if lang in _SLAVIC_NOUN:
        return _slavic_forms(form, lang)
    if lang == "de":
        return _german_forms(form)
    if lang == "ar":
        return _arabic_forms(form)
    return set()


def possessive_forms(lang: str) -> frozenset[str]:
    """Lower-cased possessive forms of the titles of ``lang`` (``possessive`` list: Hungarian "elnöke",
    "miniszterelnöke"): the possessor stands before them, the person after."""

    def build() -> frozenset[str]:
        endings = word_list("possessive", lang)
        if not endings:
            return frozenset()
        data = _json("offices.json")["offices"].get(lang, {})
        out: set[str] = set()
        for form in data:
            out |= _inflected(form.lower(), endings)
        return frozenset(out - {form.lower() for form in data})

    return cached((_KIND, "possessive", lang), build)


def offices(lang: str) -> Mapping[str, Office]:
    """Lower-cased surface form -> :class:`Office` for ``lang`` (its own rows plus the "*" rows)."""

    def build() -> Mapping[str, Office]:
        data = _json("offices.json")["offices"]
        rows: dict[str, list[str]] = {}
        own = _ALIASES.get(lang, lang)  # Norwegian "no"/"nn" read the Bokmål table
        for part in ("*", "en" if own not in data else own):
            rows.update(data.get(part, {}))
        dotted = {_strip_dots(form) for form in rows if "." in form}
        table: dict[str, Office] = {}
        endings = word_list("ending", own) if own in data else frozenset()
        possessive = word_list("possessive", own) if own in data else frozenset()
        for form, (canonical, category, normalised, country) in rows.items():
            abbreviation = "." in form or _strip_dots(form) in dotted
            office = Office(canonical, category, normalised, country, abbreviation)
            table[form.lower()] = office
            table.setdefault(unicodedata.normalize("NFD", form).lower(), office)
            if "İ" in form:  # "İçişleri Bakanı": "İ" lowers to "i" + a dot above, which no text pattern reads as "İ"
                table.setdefault(form.replace("İ", "i").lower(), office)
            for inflected in _inflected(form.lower(), endings | possessive):
                table.setdefault(inflected, office)
            if own in data:
                for inflected in case_forms(form.lower(), own):
                    table.setdefault(inflected, office)
        return MappingProxyType(table)

    return cached((_KIND, "offices", lang), build)


def latin1_language(lang: str) -> bool:
    """Is ``lang`` written in Latin-1: at most one in twenty of its own office forms (NFC) has a character
    beyond it ("président", "Präsident", "presidente"; not "başbakan", "prezydent Włodzimierz", "Президент")?
    A language without a table of its own reads the English one."""

    def build() -> bool:
        data = _json("offices.json")["offices"]
        own = _ALIASES.get(lang, lang)
        forms = [unicodedata.normalize("NFC", form) for form in data.get(own if own in data else "en", {})]
        beyond = sum(1 for form in forms if max(map(ord, form), default=0) > 0xFF)
        return bool(forms) and beyond * 20 <= len(forms)

    return cached((_KIND, "latin1", lang), build)


def styles(lang: str) -> tuple[str, ...]:
    """Styles that may precede a title in ``lang`` ("His Excellency"), longest first."""

    def build() -> tuple[str, ...]:
        data = _json("styles.json")["styles"]
        return tuple(sorted(data.get(lang, data.get("en", [])), key=len, reverse=True))

    return cached((_KIND, "styles", lang), build)


def norm_key(text: str) -> str:
    """Comparison key of a site or outlet name: casefolded letters and digits, no leading "the"."""
    key = unicodedata.normalize("NFKC", text).casefold().strip()
    if key.startswith("the "):
        key = key[4:]
    return "".join(ch for ch in key if ch.isalnum())


def outlet_keys() -> frozenset[str]:
    """Comparison keys (:func:`norm_key`) of every outlet name, other name and domain."""

    def build() -> frozenset[str]:
        keys: set[str] = set()
        for name, domains, others in _json("outlets.json")["outlets"]:
            for item in [name, *others, *domains]:
                key = norm_key(item)
                if key:
                    keys.add(key)
            for domain in domains:
                keys.add(norm_key(domain.split(".")[0]))
        return frozenset(keys)

    return cached((_KIND, "outlet_keys"), build)


def source_stems() -> frozenset[str]:
    """Name parts of ~19,000 news domains ("breitbart", "france24"): weaker evidence of a site name."""
    def build() -> frozenset[str]:
        stems = frozenset(_json("outlets.json").get("source_stems", ()))
        # a country's name ("jamaica.com") names a headline's subject more often than its site
        return stems - {norm_key(name) for name in _territories("en")}

    return cached((_KIND, "source_stems"), build)


def _territories(lang: str) -> dict[str, str]:
    """CLDR territory names of ``lang``: name -> ISO2 (every form: short, variant, official).

    Read from the places data (``cldr_names.tsv.gz``, built from babel's CLDR data), not from babel at
    run time: a babel locale loads the whole of its CLDR data, about a megabyte per language.
    """
    from ..places._gazetteer import cldr_territories

    return cldr_territories(lang)


# Genitive endings of a one-word country name in languages that put the country before a title in the
# genitive ("Ruslands præsident", "Rusijos prezidentas", "Krievijas prezidents", "Venäjän presidentti"):
# (name ending, genitive ending), the first that fits; "" fits every name
_GENITIVE = {
    "da": (("s", "s"), ("x", "x"), ("z", "z"), ("", "s")),
    "nb": (("s", "s"), ("x", "x"), ("z", "z"), ("", "s")),
    "sv": (("s", "s"), ("x", "x"), ("z", "z"), ("", "s")),
    "lt": (("ija", "ijos"), ("a", "os"), ("as", "o"), ("is", "io"), ("ė", "ės"), ("us", "aus")),
    "lv": (("a", "as"), ("e", "es")),
    "fi": (("a", "an"), ("ä", "än"), ("o", "on"), ("i", "in"), ("e", "en"), ("u", "un"), ("y", "yn"), ("", "in")),
    # Romanian: feminine names take -ei ("Rusiei", "Franței", "Ucrainei"), the others -ului ("Israelului")
    "ro": (("ia", "iei"), ("a", "ei"), ("ă", "ei"), ("b", "bului"), ("c", "cului"), ("d", "dului"), ("g", "gului"),
           ("k", "kului"), ("l", "lului"), ("m", "mului"), ("n", "nului"), ("p", "pului"), ("r", "rului"),
           ("s", "sului"), ("t", "tului"), ("z", "zului")),
}
_AZ_HARMONY = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}


def _genitive(name: str, lang: str) -> str | None:
    """The genitive of a one-word country name in ``lang`` (see ``_GENITIVE``; Azerbaijani by vowel
    harmony: "Rusiyanın", "İranın", "Türkiyənin"), or None."""
    if " " in name or not name[-1:].isalpha() or name.isupper():
        return None
    if lang == "az":
        vowels = [ch for ch in name.lower() if ch in _AZ_HARMONY]
        if not vowels:
            return None
        suffix = _AZ_HARMONY[vowels[-1]]
        return name + ("n" + suffix + "n" if name[-1].lower() in _AZ_HARMONY else suffix + "n")
    for ending, genitive in _GENITIVE.get(lang, ()):
        if name.endswith(ending):
            return name[: len(name) - len(ending)] + genitive
    return None


def country_forms(lang: str) -> Mapping[str, str]:
    """Country qualifier forms of ``lang`` -> ISO2: shipped demonyms and abbreviations plus CLDR names,
    and the genitive of a one-word name where the language puts it before a title ("Ruslands").

    A form ending in ``*`` stands for any word ending (``französisch*``).
    """

    def build() -> Mapping[str, str]:
        forms: dict[str, str] = {}
        if lang not in ("und", "zh", "ja", "ko"):
            forms.update(_territories(lang))
        for code, by_lang in _json("countries.json")["countries"].items():
            for form in by_lang.get(lang, ()):
                forms[form] = code
        for genitive, code in _genitives(lang, forms).items():
            forms.setdefault(genitive, code)
        return MappingProxyType(forms)

    return cached((_KIND, "countries", lang), build)


def _genitives(lang: str, forms: Mapping[str, str]) -> dict[str, str]:
    """The genitives :func:`_genitive` makes of the one-word names among ``forms`` (form -> ISO2)."""
    if lang not in _GENITIVE and lang != "az":
        return {}
    out: dict[str, str] = {}
    for name, code in forms.items():
        genitive = None if name.endswith("*") else _genitive(name, lang)
        if genitive is not None and genitive not in forms:
            out.setdefault(genitive, code)
    return out


def country_genitives(lang: str) -> frozenset[str]:
    """The qualifier forms of ``lang`` that are genitives made by rule ("Rusiei", "Ruslands"): never a given name."""

    def build() -> frozenset[str]:
        forms = country_forms(lang)
        made = {_genitive(name, lang) for name in forms if not name.endswith("*")}
        return frozenset(form for form in made if form is not None and form in forms)

    return cached((_KIND, "country_genitives", lang), build)


_CAPITALISED_CALENDAR = frozenset({"en", "de"})  # languages that write month and weekday names with a capital


def _calendar_names(lang: str) -> set[str]:
    """Casefolded CLDR month and weekday names of ``lang`` (babel, loaded lazily)."""
    try:
        from babel import Locale

        locale = Locale.parse(lang)
        out: set[str] = set()
        for table in (locale.months, locale.days):
            for width in ("wide",):
                for context in ("format", "stand-alone"):
                    out.update(str(v).casefold() for v in table.get(context, {}).get(width, {}).values())
        return out
    except Exception:  # unknown locale or babel data missing
        return set()


def proper_phrases(lang: str) -> frozenset[str]:
    """Casefolded proper names of ``lang`` a re-cased headline keeps capitalised (countries, outlets)."""

    def build() -> frozenset[str]:
        names: set[str] = set()
        for form in country_forms(lang):
            if not form.endswith("*") and form[:1].isupper():
                names.add(form.casefold())
        for name, _domains, others in _json("outlets.json")["outlets"]:
            for item in (name, *others):
                if " " not in item and item[:1].isupper():
                    names.add(item.casefold())
        try:
            from babel import Locale

            names.update(str(n).casefold() for n in Locale.parse(lang).territories.values() if " " not in str(n))
        except Exception:  # unknown locale: the shipped names only
            pass
        lists = _json("lexicon.json")["lists"].get("names", {})
        names.update(w.casefold() for w in [*lists.get("*", ()), *lists.get(lang, ())])
        # name parts of newsworthy people, except particles ("da", "von") and titles ("Pope")
        people = _json("lexicon.json")["lists"].get("people", {})
        titles = offices(lang)
        particles = word_list("particle", lang)
        for person in [*people.get("*", ()), *people.get(lang, ())]:
            for part in re.split(r"[\s-]+", person):
                folded = part.casefold()
                if folded and folded not in particles and folded not in titles:
                    names.add(folded)
        if lang in _CAPITALISED_CALENDAR:
            names.update(_calendar_names(lang))
        return frozenset(names - word_list("common", lang))

    return cached((_KIND, "proper", lang), build)
