"""Office titles before a person's name: one compiled pattern per language, run once over the text.

A match is a title surface form (from ``offices.json``) possibly chained with more titles
("Prof. Dr.", "Mr. and Mrs.", "Cardinal Secretary of State") and preceded by a style
("His Excellency"). Around it the finder reads a country qualifier ("U.S.", "Israel's",
"français", "Израиля", "الإسرائيلي"), an "of ..." complement ("President of the United
States") and the person's name that follows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from .._document import Document, Mention
from .._resources import cached, shortcut_table
from .._trie import trie_pattern
from ._data import (
    Office,
    acronyms,
    country_forms,
    country_genitives,
    exact_list,
    latin1_language,
    offices,
    possessive_forms,
    styles,
    word_list,
)

__all__ = ["find_titles"]

_BEFORE = 48  # characters read before a title for a country qualifier
_AFTER = 120  # characters read after a title for qualifiers and the name
# languages whose script has no capitals: a name is read by its words, up to a function word
_CASELESS = frozenset(
    {"ar", "fa", "ur", "ps", "he", "yi", "zh", "ja", "ko", "th", "lo", "km", "my", "hi", "bn", "mr", "ne", "pa",
     "gu", "or", "ta", "te", "kn", "ml", "si", "ka", "am"}
)
_ARABIC_SCRIPT = frozenset({"ar", "fa", "ur", "ps"})  # a third name word is read as in Arabic ("رجب طيب أردوغان")
_AR_STOP = frozenset(
    """في على إن أن قال يوم من عن إلى مع خلال بعد قبل الذي التي الذين لدى حول أمام منذ
    عند إنه أنه وقال وأضاف أكد أعلن قالت كان كانت هو هي""".split()  # noqa: SIM905
)
_TOKEN = re.compile(r"\s*(\"[^\"\n]{1,30}\"|“[^”\n]{1,30}”|\([^)\n]{1,20}\)|[^\s,;:()\"“”]+)")
_INITIAL = re.compile(r"^[^\W\d_]\.?$|^(?:[^\W\d_]\.){2,}$")
_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|I{1,3}|IV|V|VI{0,3})$")
_CONNECT = re.compile(r"\s*(?:(?:and|&)\s+)?", re.IGNORECASE)
_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_TO = re.compile(r"\s+to\s+(?:the\s+)?", re.IGNORECASE)  # "Ambassador to the United Nations", "envoy to Ukraine"
_ACCREDITED = frozenset({"Ambassador", "Envoy", "Special Envoy"})  # offices held "to" a country or body
#: the preposition (and article) before the country an ambassador is posted to, per language: "aux États-Unis",
#: "en México", "в США", "in Deutschland" (English: ``_TO``)
_POSTING = {
    lang: re.compile(pattern, re.IGNORECASE)
    for lang, pattern in {
        "fr": r"\s+(?:aux|au|en|à)\s+",
        "es": r"\s+(?:en|ante)\s+(?:el\s+|los\s+)?",
        "pt": r"\s+(?:em|no|na|nos|nas|junto\s+(?:a|ao|à))\s+",
        "it": r"\s+(?:in|negli|nel|nella|presso)\s+(?:gli\s+|il\s+|la\s+)?",
        "de": r"\s+(?:in|bei)\s+(?:der\s+|den\s+|dem\s+)?",
        "nl": r"\s+(?:in|bij)\s+(?:de\s+|het\s+)?",
        "ru": r"\s+(?:в|во|при)\s+",
        "uk": r"\s+(?:в|у|при)\s+",
        "pl": r"\s+(?:w|we|przy)\s+",
        "ro": r"\s+(?:în|la)\s+",
    }.items()
}


_BLANK = re.compile(r"\s")


def _posting(text: str, pos: int, lang: str, places: Callable[[int, int], Iterable[Mention]]) -> int | None:
    """Where a posting complement after an ambassador's title ends ("aux États-Unis", "в США"), or ``None``.

    The preposition must be followed at once by a place the places normaliser finds there; the host
    country is not the office's country (that is the sending one: "de France", "России").
    """
    m = _POSTING[lang].match(text, pos)
    if m is None:
        return None
    # windows of one to four words from the blank before the country (the places window starts at a word): a
    # window that also holds the name after it would make the country part of a person's name ("Russia Giorgio")
    best = None
    limit = min(len(text), m.end() + 60)
    ends = [*[w.start() for w in _BLANK.finditer(text, m.end(), limit)][:3], limit]
    for end in ends:
        for p in places(m.end() - 1, end):
            if p.start == m.end() and isinstance(p.value, str) and (best is None or p.end > best):
                best = p.end
    return best
_CAPWORDS = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][\w'’.-]*){0,3}")
_AMBIGUOUS = frozenset({"nobility", "military", "judicial", "other", "honorific", "religious"})
# Arabic name parts that join the next word to the name ("عبد الفتاح", "محمد بن سلمان", "أبو مازن"),
# so a two-word name limit counts them as one word
# (and Hebrew "בן": "איתמר בן גביר")
_AR_JOINERS = frozenset({"عبد", "عبدال", "أبو", "ابو", "بن", "ابن", "بنت", "آل", "בן"})
_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|ud|ul|bin|ibn|abu|abd|bint|ben)-[^\W\d_]", re.IGNORECASE)
_NAME_OPENERS = frozenset({"abdul", "abd", "al", "el", "bin", "ibn"})
_LOWER_OK = frozenset({"office", "military", "judicial", "religious", "nobility"})


class _Tables(NamedTuple):
    pattern: re.Pattern[str]
    automaton: Any  # ahocorasick.Automaton over the lower-cased surface forms
    table: Mapping[str, Office]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    forms: Mapping[str, str]
    style: re.Pattern[str] | None
    notname: frozenset[str]
    orgwords: frozenset[str]  # nouns that end an organisation's name: the words before one are no person's
    particles: frozenset[str]
    modifiers: frozenset[str]
    postnominals: frozenset[str]
    notabbrev: frozenset[str]
    appositive: re.Pattern[str] | None
    stars: tuple[tuple[str, str], ...]  # qualifier forms ending in "*": (prefix, ISO2)
    zh_stop: frozenset[str]  # Chinese function characters that end a name after a title
    former: tuple[str, ...]  # lower-case prefixes joined to a title: "then-", "ex-", "ex" (es), longest first
    former_ends: frozenset[str]  # their last characters: a hit inside a word after another needs no look-up
    postmod: re.Pattern[str] | None  # an adjective between title and name: "président sortant", "presidente electo"
    deputy: re.Pattern[str] | None  # a word before a title naming the deputy's office: "Deputy", "نائب"
    lang: str  # the language the tables are of
    complement: re.Pattern[str] | None  # an institution between a title and the name: "Пресс-секретарь Кремля"
    compounds: bool  # a capitalised word joined by a hyphen belongs to the title ("Nato-Generalsekretär")
    # Aho-Corasick over :func:`_word_starts` text: a surface form between a word-start and a word-end
    # character, or None (a language written beyond Latin-1)
    starts: Any
    form_ends: frozenset[str]  # the last words of the qualifier forms: no look-up of a phrase ending otherwise
    deputy_len: int  # the longest deputy word: a match of ``deputy`` starts no earlier before the last word
    style_len: int  # the longest style
    after_any: re.Pattern[str] | None  # ``after`` with the forms as a trie: whether it matches at all, at a glance
    star_forms: tuple[tuple[str, str], ...]  # qualifier forms ending in "*", as written and in order: (prefix, ISO2)


def _form_regex(forms: Iterable[str]) -> str:
    alts = []
    for form in sorted(forms, key=len, reverse=True):
        if form.endswith("*"):
            alts.append(re.escape(form[:-1]) + r"\w*")
        else:
            alts.append(re.escape(form))
    return "|".join(alts)


def _form_set_regex(lang: str, forms: Iterable[str]) -> str:
    """The strings of :func:`_form_regex` as a trie (one branch per character at each offset): for a search
    where only the offset of a match counts, not which form it took. ``forms`` are ``lang``'s, built once."""

    def build() -> str:
        plain = sorted(form for form in forms if not form.endswith("*"))
        stars = [re.escape(form[:-1]) + r"\w*" for form in sorted(forms) if form.endswith("*")]
        return "|".join([trie_pattern(plain), *stars] if plain else stars)

    return cached(("titles", "form_set", lang), build)


def _appositive_pattern(lang: str, forms: Mapping[str, str]) -> re.Pattern[str] | None:
    """The end of "Name, [article] [qualifier] " before a title put after a name."""
    if lang in _CASELESS:
        return None
    articles = sorted(word_list("article", lang), key=len, reverse=True)
    spaced = "|".join(re.escape(a) + r"\s+" for a in articles if not a.endswith(("'", "’")))
    elided = "|".join(re.escape(a) for a in articles if a.endswith(("'", "’")))
    article = "|".join(x for x in (spaced, elided) if x)
    # a country form or an organisation's acronym ("NATO's secretary general", "the UN secretary-general")
    acronym = r"[A-Z]{2,6}(?:['’]s)?\s+"
    qualifier = rf"(?:(?:{_form_set_regex(lang, forms)})(?:['’]s)?\s+|{acronym})?" if forms else rf"(?:{acronym})?"
    # "the former British prime minister": an article and a modifier of the list may both open it
    opening = rf"(?:{article}){{0,2}}" if article else ""
    return re.compile(rf",[ \t]+{opening}{qualifier}$", re.IGNORECASE)


def _postmod_pattern(lang: str) -> re.Pattern[str] | None:
    words = sorted(word_list("postmodifier", lang), key=len, reverse=True)
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s+(?:{alts})(?![\w'’-])(?=,?\s+[^\W\d_])", re.IGNORECASE)


_BARE_NAME_LANGS = frozenset({"en", "fr", "es", "it", "pt", "nl", "ca", "ro"})
_NEXT_CAPITAL = re.compile(r"\s+[^\W\d_]")


def _name_not_country(text: str, pos: int, am: re.Match[str], lang: str) -> bool:
    """"el expresidente Mauricio Macri": in languages that put a country after a title only as a lower-case
    adjective or after a preposition ("presidente argentino", "presidente de Argentina"), a bare
    capitalised country name followed by another capitalised word opens the person's name."""
    if lang not in _BARE_NAME_LANGS or text[pos : am.start("q")].strip():
        return False
    if not am.group("q")[:1].isupper() or am.group("q") in country_genitives(lang):
        return False  # "Premierul Rusiei Mihail Mișustin": a genitive is no given name
    nxt = _NEXT_CAPITAL.match(text, am.end())
    return nxt is not None and text[nxt.end() - 1].isupper()


def _deputy_pattern(lang: str) -> re.Pattern[str] | None:
    words = sorted(word_list("deputy", lang), key=len, reverse=True)
    if not words:
        return None
    alts = "|".join(re.escape(w) + ("" if w.endswith("-") else r"\s+") for w in words)
    return re.compile(rf"(?:^|(?<=[\s(\"“«]))(?:{alts})$", re.IGNORECASE)


_COMPOUND_HEAD = re.compile(r"(?:^|(?<=[\s(\"“„«]))[A-ZÄÖÜ][\w]{1,11}-$")


def _compound_prefix(text: str, start: int) -> int:
    """Length of "Nato-" in "Nato-Generalsekretär": a capitalised word joined to a title by a hyphen
    (German compounds), or 0."""
    m = _COMPOUND_HEAD.search(text, max(0, start - 13), start)
    return start - m.start() if m else 0


def _people_parts(lang: str) -> frozenset[str]:
    """Casefolded parts of the names of newsworthy people (`people` list), particles and titles left out."""

    def build() -> frozenset[str]:
        parts = {part for person in word_list("people", lang) for part in re.split(r"[\s-]+", person)}
        return frozenset(p for p in parts if len(p) > 2) - word_list("particle", lang) - frozenset(offices(lang))

    return cached(("titles", "people_parts", lang), build)


def _complement_pattern(lang: str) -> re.Pattern[str] | None:
    words = sorted(exact_list("complement", lang), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def _former_prefix(low: str, start: int, t: _Tables) -> int:
    """Length of a former-office prefix joined to the title at ``start`` ("then-", "ex-", "ex"), or 0."""
    for prefix in t.former:
        begin = start - len(prefix)
        if begin >= 0 and low.startswith(prefix, begin) and (begin == 0 or not low[begin - 1].isalnum()):
            return len(prefix)
    return 0


def _tables(lang: str) -> _Tables:
    def build() -> _Tables:
        table = offices(lang)
        body = trie_pattern(sorted(set(table)))
        pattern = re.compile(r"(?<![\w\-.’'])(?:" + body + r")(?![\w\u0300-\u036f])", re.IGNORECASE)
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for form in table:
            automaton.add_word(form, len(form))
        automaton.make_automaton()
        forms = country_forms(lang)
        before = after = after_any = None
        if forms:
            alts = _form_regex(forms)
            before = re.compile(r"(?:^|(?<=[\s(\"“«]))(?P<q>" + alts + r")(?:['’]s)?\s+$")
            # "président français", "Президент России", "presidente do Brasil", "Präsident von Frankreich"
            preps = "|".join(re.escape(p) for p in sorted(word_list("particle", lang), key=len, reverse=True))
            prep = rf"(?:(?:{preps})\s+(?:(?:{preps})\s+)?)?" if preps and lang != "en" else ""
            after = re.compile(r"\s+" + prep + r"(?P<q>" + alts + r")(?![\w])")
            after_any = re.compile(r"\s+" + prep + r"(?:" + _form_set_regex(lang, forms) + r")(?![\w])")
        style_list = styles(lang)
        style = None
        if style_list:
            style = re.compile(r"(?:^|(?<=\s))(?:" + "|".join(re.escape(s) for s in style_list) + r")\s+$")
        return _Tables(
            pattern,
            automaton,
            table,
            before,
            after,
            forms,
            style,
            word_list("notname", lang),
            word_list("orgword", lang),
            word_list("particle", lang) - word_list("notparticle", lang),
            word_list("modifier", lang),
            exact_list("postnominal", lang),
            exact_list("notabbrev", lang),
            _appositive_pattern(lang, forms),
            tuple((form[:-1].lower(), code) for form, code in forms.items() if form.endswith("*")),
            frozenset("".join(word_list("zh_stop", lang))),
            tuple(sorted(word_list("former", lang), key=len, reverse=True)),
            frozenset(prefix[-1] for prefix in word_list("former", lang)),
            _postmod_pattern(lang),
            _deputy_pattern(lang),
            lang,
            _complement_pattern(lang),
            lang in _HYPHEN_COMPOUNDS,
            _starts_automaton(table, frozenset(prefix[-1] for prefix in word_list("former", lang)), lang),
            frozenset(form.rsplit(" ", 1)[-1] for form in forms),
            max(map(len, word_list("deputy", lang)), default=0),
            max(map(len, style_list), default=0),
            after_any,
            tuple((form[:-1], code) for form, code in forms.items() if form.endswith("*")),
        )

    found = _TABLES.get(lang)
    if found is None:
        found = _TABLES[lang] = cached(("titles", "tables", lang), build)
    return found


#: Language -> its tables: a lock-free shortcut in front of :func:`cached` (see ``shortcut_table``).
_TABLES: dict[str, _Tables] = shortcut_table()


def _latin_starts() -> bytes:
    """A ``bytes.translate`` table over Latin-1: a character before which a word starts (no letter, digit,
    "_", "-", ".", apostrophe or mark) becomes a space; "?" becomes "\\x01", as does every character beyond
    Latin-1 (encoded as "?")"""
    out = bytearray(range(256))
    for b in range(256):
        ch = chr(b)
        if ch == "?":
            out[b] = 1
        elif not (ch.isalnum() or ch == "_" or ch in _BEFORE_WORD or _joins(ch)):
            out[b] = 32
    return bytes(out)


_UNKNOWN = "\x01"  # a character beyond Latin-1 (or "?"): it may start a word or not
_TRAILS = (" ", _UNKNOWN, "-", ".", "'")  # what may follow a form in :func:`_word_starts` text


def _word_starts(low: str) -> str:
    """``low`` between two spaces, every Latin-1 character that starts a word after it made a space
    (``\\x01`` beyond Latin-1): a form found after offset ``i + 1`` of it is at ``i`` of ``low``."""
    return (b" " + low.encode("latin-1", "replace") + b" ").translate(_STARTS_MAP).decode("latin-1")


def _starts_automaton(table: Mapping[str, Office], former_ends: frozenset[str], lang: str) -> Any:
    """The surface forms in :func:`_word_starts` text after each character a title may follow (a space: a
    word start; ``\\x01``, a hyphen, an apostrophe, the last letters of former-office prefixes) and before
    each one that may end it (a space, ``\\x01``, a hyphen, a dot, an apostrophe: not a letter or digit).

    Only the first letters of forms after those few characters are looked up, so the automaton runs at
    about twice the speed of one over every form anywhere, and a form inside a longer word ("gen" of
    "general") is no hit; :func:`_candidates` checks each hit as before. Languages written beyond Latin-1
    (their own forms are: Turkish "başbakan", Polish "minister spraw zagranicznych" too but "wicepremier
    Włodzimierz") get None: their text would mostly take the plain automaton after a failed try.
    """
    forms = sorted(table)
    if not forms or not latin1_language(lang):
        return None
    import ahocorasick

    leads = {" ", _UNKNOWN, "-", "'"} | {_word_starts(ch)[1] for ch in former_ends}
    keys: dict[str, list[str]] = {}
    for form in forms:
        mapped = _word_starts(form)[1:-1]
        for lead in sorted(leads):
            for trail in _TRAILS:  # forms that map alike are told apart by the text
                keys.setdefault(lead + mapped + trail, []).append(form)
    automaton = ahocorasick.Automaton()
    for key, same in keys.items():
        automaton.add_word(key, tuple(same))
    automaton.make_automaton()
    return automaton


def _after(t: _Tables, text: str, pos: int) -> re.Match[str] | None:
    """``t.after.match(text, pos)``, tried only when its trie-shaped twin matches (the same strings: most
    titles have no qualifier after them, and the twin tells at one branch per character)."""
    if t.after is None or t.after_any is None or t.after_any.match(text, pos) is None:
        return None
    return t.after.match(text, pos)


def _country_of(form: str, t: _Tables) -> str | None:
    """ISO2 of a qualifier form, or of the first form ending in "*" that it starts with, or None."""
    code = t.forms.get(form)
    if code is not None:
        return code
    for prefix, value in t.star_forms:
        if form.startswith(prefix):
            return value
    return None


def _qualifier_before(window: str, t: _Tables, cut: bool) -> str | None:
    """ISO2 of a country qualifier ending just before a title ("Israel's ", "U.S. ", "French ").

    Dictionary look-ups of the last one to four words (longest first), so no pattern over every
    qualifier form runs per title. ``cut``: the window starts inside the text (its first word may
    be cut in two).
    """
    if not window[-1:].isspace():
        return None
    tail = window.rsplit(None, 1)
    if not tail:
        return None
    last = tail[-1]
    if not (t.stars or (t.modifiers and last.casefold() in t.modifiers) or _may_end_form(last, t.form_ends)):
        return None  # most windows: the look-ups below would all fail
    if t.modifiers:
        # "Pakistan's caretaker Prime Minister", "Israel's former Prime Minister": past the modifiers
        rest = window.rstrip()
        for _ in range(2):
            head, _sep, last = rest.rpartition(" ")
            if not head or last.casefold() not in t.modifiers:
                break
            rest = head.rstrip()
        window = rest + " "
    pieces = window.rsplit(None, 4)
    if cut and len(pieces) <= 4:
        pieces = pieces[1:]
    words = pieces[-4:]
    if words:
        # every phrase looked up ends with the last word (its quotes stripped when it is the only one)
        last = words[-1]
        bare = last.lstrip("(\"“«")
        if not _may_end_form(last, t.form_ends):
            if not bare or not t.stars:
                return None
            return (_star_country(bare[:-2], t) if bare.endswith(("'s", "’s")) else None) or _star_country(bare, t)
    for k in range(len(words), 0, -1):
        phrase = " ".join(words[-k:]).lstrip("(\"“«")
        if not phrase:
            continue
        code = t.forms.get(phrase)
        if code is None and phrase.endswith(("'s", "’s")):
            code = t.forms.get(phrase[:-2])
            if code is None and k == 1:
                code = _star_country(phrase[:-2], t)
        if code is None and k == 1:
            code = _star_country(phrase, t)
        if code is not None:
            return code
    return None


def _may_end_form(last: str, ends: frozenset[str]) -> bool:
    """May a phrase ending with the word ``last`` be a qualifier form (``ends``: their last words), or the
    same before "'s", or either with quotes stripped before it?"""
    bare = last.lstrip("(\"“«")
    return (
        last in ends
        or bare in ends
        or (last.endswith(("'s", "’s")) and (last[:-2] in ends or bare[:-2] in ends))
    )


def _star_country(word: str, t: _Tables) -> str | None:
    word = word.lower()
    for prefix, code in t.stars:
        if word.startswith(prefix):
            return code
    return None


def _is_capital(word: str) -> bool:
    """Is the first letter of ``word`` upper or title case?"""
    first = word[:1]
    if first.isalpha():  # most words: no loop
        return first.isupper() or first.istitle()
    for ch in word:
        if ch.isalpha():
            return ch.isupper() or ch.istitle()
    return False


class _Name(NamedTuple):
    start: int
    end: int
    text: str


def _takes_name(text: str, pos: int, t: _Tables) -> bool:
    """Is ``pos`` followed by a name (or another title), so that a title there is not itself a name?"""
    tm = _TOKEN.match(text, pos)
    if not tm or text[pos:tm.start(1)].strip() != "" or tm.start(1) == pos:
        return False
    tok = tm.group(1)
    word = tok.rstrip(".,;:")
    if _SUFFIX.match(word) or word.casefold() in t.notname or tok in t.postnominals or word in t.postnominals:
        return False
    return _is_capital(word) or word.casefold() in t.particles or tok.lower() in t.table


_APP_AFTER = re.compile(
    r"(?:\s+(?:of|de|del|do|da|di|della|du|des|von|der)\s+(?:the\s+|la\s+|l['’])?[^\W\d_][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*){0,3})?\s*(?:[,;.!?)]|$)"
)
_APP_WORD = re.compile(r"[^\W\d_][\w'’.-]*$")


def _after_last_space(text: str, end: int) -> int:
    """The offset after the last whitespace of ``text[:end]`` (0 without any): a word matched up to ``end``, or
    up to a line break just before it, starts there or later, so a search for it need not start before."""
    head = text[: max(0, end)]
    if head[-1:].isspace():
        return len(head)
    last = head.rsplit(None, 1)
    return len(head) - len(last[-1]) if last else 0


def _appositive(text: str, start: int, pos: int, t: _Tables) -> _Name | None:
    """The name before a title put after it: "Olaf Scholz, the German chancellor," (the title closes
    the clause). Two capitalised words at least, or one after a lower-case word."""
    if t.appositive is None or not _APP_AFTER.match(text, pos):
        return None
    window = text[max(0, start - _BEFORE) : start]
    m = t.appositive.search(window)
    if not m:
        return None
    before = window[: m.start()]
    words: list[tuple[int, int]] = []
    cut = len(before)
    while len(words) < 5:
        wm = _APP_WORD.search(before, _after_last_space(before, cut - 1), cut)
        if not wm or (cut < len(before) and not before[wm.end() : cut + 1].isspace()):
            break
        word = wm.group()
        capital = _is_capital(word) and word.casefold() not in t.notname and word.lower() not in t.table
        if not (capital or (word.casefold() in t.particles and words)):
            break
        words.append((wm.start(), wm.end()))
        ws = before[: wm.start()]
        cut = len(ws.rstrip())
        if cut == len(ws) or "\n" in ws[cut:]:
            break
    while words and before[words[-1][0] : words[-1][1]].casefold() in t.particles:
        words.pop()
    if not words:
        return None
    first, last = words[-1][0], words[0][1]
    if len(words) == 1 and before[first:last].casefold() not in _people_parts(t.lang):
        # one word is a name after a lower-case word, or a part of a known person's name ("Lula, ...")
        preceding = before[:first].rstrip()
        prev = preceding.split()[-1] if preceding.split() else ""
        if not prev or _is_capital(prev) or prev.endswith((".", "!", "?", ":")):
            return None
    offset = max(0, start - _BEFORE)
    return _Name(offset + first, offset + last, before[first:last])


_AR_VERB_START = ("ال", "ي", "ت", "و")


def _third_name_word(text: str, word: str, end: int, stop: frozenset[str] = frozenset()) -> bool:
    """A third word of an Arabic name ("رجب طيب أردوغان") when it reads as a name (no article, not
    a verb's prefix) and a function word, punctuation or the end of the text follows it."""
    if word.startswith(_AR_VERB_START) or word.startswith("لل") or word[1:3] == "ال" or word in _AR_STOP:
        return False  # an article, a clitic + article ("بالمسؤولين"), a verb's prefix
    nxt = _TOKEN.match(text, end)
    if not nxt:
        return True
    following = nxt.group(1)
    return (
        following in _AR_STOP
        or following in stop  # Urdu "صدر آصف علی زرداری نے": a postposition after the third word
        or not following[0].isalpha()
        or text[end : nxt.start(1)].strip() != ""
    )


_UNSPACED_WORDS = frozenset({"th", "lo", "km", "my"})  # spaces part phrases, not words


def _notname_prefixes(lang: str) -> tuple[str, ...]:
    """The ``notname`` words of ``lang`` itself (no language-independent part), for prefix tests."""
    def build() -> tuple[str, ...]:
        return tuple(sorted(exact_list("notname", lang) - exact_list("notname", "*")))

    return cached(("titles", "notname_prefixes", lang), build)


def _surname_follows(text: str, pos: int, t: _Tables) -> bool:
    """A capitalised particle inside a name ("Bruno Le Maire", "Marine Le Pen") is followed by a
    capitalised word that is neither a function word nor a title."""
    nxt = _TOKEN.match(text, pos)
    if not nxt:
        return False
    word = nxt.group(1).rstrip(".,;:!?")
    return _is_capital(word) and word.casefold() not in t.notname


def _person(text: str, pos: int, lang: str, t: _Tables, limit: int) -> _Name | None:
    """The person's name starting at ``pos`` (after spaces and at most one comma), or None."""
    i = pos
    m = _GAP.match(text, i)
    if not m or m.end() == i:
        return None
    if "\n\n" in m.group():
        return None
    i = m.end()
    # an organisation between the title and the name: "Генсек НАТО Єнс Столтенберг" (a lower-case second
    # letter is no acronym's)
    org = None if text[i + 1 : i + 2].islower() else _ORG_ACRONYM.match(text, i)
    if (
        org
        and org.group(1).isupper()
        and (len(org.group(1)) > 2 or org.group(1) in acronyms())  # not "Senator JD Vance"
        and org.group(2)[:1].isupper()
        and not org.group(2).isupper()
    ):
        i = org.start(2)
    # a Latin-script title in Chinese, Japanese, Korean ... text takes a Latin-script name
    caseless = lang in _CASELESS and not (pos > 0 and text[pos - 1].isascii())
    tokens: list[tuple[int, int]] = []
    postnominals, particles, notname, table = t.postnominals, t.particles, t.notname, t.table
    case_end = _CASE_END.get(lang)
    suffixes = lang in ("tr", "az")
    capital = False
    while len(tokens) < 5 and i < limit:
        tm = _TOKEN.match(text, i)
        if not tm:
            break
        tok = tm.group(1)
        start = tm.start(1)
        # an initial ("J.", "J.F.") or a suffix ("Jr.", "III") keeps its dot
        special = ((len(tok) <= 2 or tok[1] == ".") and _INITIAL.match(tok)) or (
            tok[0] in "JSIV" and _SUFFIX.match(tok)
        )
        word = tok if special else tok.rstrip(".,;:!?،؛؟।॥")
        if not word:
            break
        if tokens and (tok in postnominals or word in postnominals):
            break
        possessive = word.endswith(("'s", "’s"))  # a word holds no line break: what "['’]s$" finds
        if possessive:
            word = word[:-2]
        suffixed = suffixes and _TR_SUFFIX.search(word)
        if suffixed:
            if len(tokens) >= 2:
                break
            word = word[: suffixed.start()]
            possessive = True
        if case_end is not None and len(tokens) >= 2 and case_end.search(word):
            break  # "Ceyhun Bayramov Vaşinqtona", "Joe Biden Kijevbe": a place in a case without an apostrophe
        fold = word.casefold()
        if not caseless:
            capital = _is_capital(word)
        if caseless:
            if not word or word in _AR_STOP or (word.startswith("و") and len(word) > 3 and word[1:] in _AR_STOP):
                break
            if fold in notname:  # "प्रधानमंत्री ने", "ראש הממשלה אמר": a function word or a verb
                break
            if lang in _UNSPACED_WORDS and word.startswith(_notname_prefixes(lang)):
                break  # Thai "ของไทย": words run together, so a phrase opening with a function word
            if not tokens and (word.startswith(("ال", "لل")) or not word[0].isalpha()):
                break
            joined = sum(1 for a, b in tokens if text[a:b] in _AR_JOINERS)
            if not word[0].isalpha():
                break
            if not (tokens and text[tokens[-1][0] : tokens[-1][1]] in _AR_JOINERS):  # "عبد" takes the next word
                if len(tokens) - joined >= 3:
                    break
                if len(tokens) - joined == 2 and not (
                    lang in _ARABIC_SCRIPT
                    and (
                        (word in _AR_JOINERS and _TOKEN.match(text, tm.end()))
                        or _third_name_word(text, word, tm.end(), t.notname)
                    )
                ):
                    break
        elif tok[0] in "\"“(":
            if not tokens:
                # a nickname may open the name: Senator "Rick" Edmonds
                pass
            if tok[0] == "(":
                break
        elif fold in particles and not tokens and lang != "en":
            break
        elif fold in particles:
            nxt = _TOKEN.match(text, tm.end())
            if nxt and nxt.group(1).casefold() in particles:  # "von der Leyen", "de la Fuente"
                nxt = _TOKEN.match(text, nxt.end())
            if not nxt or not _is_capital(nxt.group(1)):
                break
        elif (
            not capital
            and not (fold in _NAME_OPENERS and not tokens)
            and not (tokens and _ARTICLE_NAME.match(word))  # "Abdel Fattah al-Sisi"
        ):
            break
        if len(tokens) >= 2 and not caseless and len(word) > 1 and word.isupper() and word in acronyms():
            break  # "Yaşar Güler NATO toplantısına": an organisation's acronym ends a name
        in_table = word.lower() in table or tok.rstrip(",;:").lower() in table
        if in_table and not caseless and tokens and capital:
            # "Giuseppe Conte ha detto", "Martin Luther King Jr.": a rank of nobility closing a name is a surname
            inner = table.get(word.lower())
            if inner is not None and inner.category == "nobility" and not _takes_name(text, tm.end(1), t):
                in_table = False
        if in_table and caseless and tokens and lang == "ar" and not word.startswith("ال"):
            # "حسين أمير عبد اللهيان": a courtesy title without the article inside a name is a given name
            inner = table.get(word.lower())
            in_table = inner is None or inner.category not in ("nobility", "honorific")
        if (
            not caseless
            and capital
            and fold in notname
            and not (tokens and fold in particles and _surname_follows(text, tm.end(), t))
        ) or (in_table and not (tokens and text[tokens[-1][0] : tokens[-1][1]].casefold() in particles)):
            if tokens and capital and fold in t.orgwords and text[tokens[-1][1] : start] == " ":
                return None  # "commander of U.S. Central Command": the capitalised words name the organisation
            break
        end = start + len(word)
        if tok[0] not in "\"“":
            tokens.append((start, end))
        else:
            tokens.append((start, tm.end(1)))
        i = tm.end(1)
        dotted_end = tok.endswith(".") and not special
        if dotted_end and caseless and lang not in _ARABIC_SCRIPT and len(tok) <= 4:
            dotted_end = False  # "রাষ্ট্রপতি মো. সাহাবুদ্দিন": an abbreviated given name
        if possessive or tok.endswith((",", ";", ":", "!", "?", "،", "؛", "؟", "।", "॥")) or dotted_end:
            break
    while tokens and text[tokens[-1][0]] in "\"“":
        tokens.pop()
    named = [tk for tk in tokens if text[tk[0]] not in "\"“"]
    if not named:
        return None
    if len(named) == 1 and text[named[0][0] : named[0][1]] in acronyms():
        return None  # "menteri luar negeri ASEAN": an organisation, not a person
    first, last = tokens[0][0], tokens[-1][1]
    while first < last and text[first] in "\"“":
        later = [tk for tk in tokens if tk[0] > first]
        first = later[0][0] if later else last
    words = text[first:last].split()
    if words and words[-1].casefold() in t.particles:
        return None
    return _Name(first, last, text[first:last])


_BEFORE_WORD = frozenset("-.’'")
_CAPITAL_CHAR = re.compile(r"[A-Z\u00c0-\u024f\u0400-\u04ff]")


def _last_word(window: str) -> tuple[str, int] | None:
    """The last word of ``window`` and its offset when whitespace closes it (what ``([^\\s]+)\\s+$`` finds,
    read from the end instead of tried at every offset)."""
    stripped = window.rstrip()
    if len(stripped) == len(window) or not stripped:
        return None
    word = stripped.rsplit(None, 1)[-1]
    return word, len(stripped) - len(word)


_CLAUSE_START = re.compile(r"[.!?:]\s+$|^\s*$")
_NONSPACE = re.compile(r"\S+")
_NEXT_WORD = re.compile(r"\s+(\S+)")
# case endings of a capitalised word after two name words that end the name (a place or an object)
_CASE_END = {
    "az": re.compile(r"(?:y[aə]|[^ovy]a|ə|d[aə]n?|n[aə])$"),  # dative, locative, ablative (not "-ova", "-yeva")
    "hu": re.compile(  # "Kijevbe", "Brüsszelben", "Budapestre", "Bidennel"
        r"(?:b[ae]n?|b[óő]l|h[oeö]z|n[áé]l|t[óő]l|r[óő]l|n[ae]k|v[ae]l|([^aáeéiíoóöőuúüű])\1[ae]l|r[ae])$"
    ),
}
_TR_SUFFIX = re.compile(r"['’][^\W\d_]+$")
_ELECT = re.compile(r"-(?:elect|designate)(?![\w-])", re.IGNORECASE)
# an elided article or preposition before a title (fr, ca, it): "l'", "d'", "dell'", "all'", "nell'"
_ELIDED_ARTICLE = re.compile(r"(?:^|(?<=[^\w]))(?:l|d|dell|all|nell|sull|dall)['’]$")
_ORG_ACRONYM = re.compile(r"([^\W\d_]{2,6})[ \t]+([^\W\d_]+)")
_GAP = re.compile(r"\s*,?\s+|\s+")
_CAP_AFTER = re.compile(r"\s[^\W\d_]")


def _joins(ch: str) -> bool:
    """A character inside a word that is no letter: a combining mark (accents, Indic vowel signs,
    Thai vowels) or a zero-width (non-)joiner ("نخست‌وزیر" is one word)."""
    return ch >= "\u0300" and (ch in "\u200c\u200d" or unicodedata.category(ch)[0] == "M")


_STARTS_MAP = _latin_starts()  # 256 characters, made when the offices are first used
# the same of each character's lower case: a Latin-1 character lower-cases to one Latin-1 character
_STARTS_LOWER = bytes(_STARTS_MAP[ord(chr(b).lower())] for b in range(256))
# the characters beyond Latin-1 whose lower case is in it or is two characters: "İ", "Ÿ", "ẞ", the Kelvin and
# Ångström signs (``test_titles_fast_paths`` checks the list against all of Unicode)
_LOWERS_INTO_LATIN1 = re.compile("[\u0130\u0178\u1e9e\u212a\u212b]")


_NAME_FIRST = frozenset({"hu"})  # languages that write the title after the name: "Orbán Viktor miniszterelnök"
_NAME_WINDOW = 60  # characters read before such a title


def _name_before(text: str, start: int, t: _Tables) -> _Name | None:
    """The name right before a title in a name-first language, past a lower-case country adjective:
    "Szijjártó Péter külügyminiszter", "Joe Biden amerikai elnök" (one to three capitalised words)."""
    offset = max(0, start - _NAME_WINDOW)
    words = list(_NONSPACE.finditer(text, offset, start))
    if offset > 0 and words:
        words = words[1:]  # the first word may be cut in two
    for _ in range(2):  # "Donald Trump volt amerikai elnök": a modifier and a country adjective
        if words and not _is_capital(words[-1].group()) and (
            words[-1].group() in t.forms
            or _star_country(words[-1].group(), t)
            or words[-1].group().casefold() in t.modifiers
        ):
            start = words.pop().start()
    names: list[re.Match[str]] = []
    end = start
    for w in reversed(words):
        word = w.group()
        if (
            text[w.end() : end].strip()
            or "\n" in text[w.end() : end]
            or not _is_capital(word)
            or not word[-1:].isalpha()
            or word.casefold() in t.notname
            or word.lower() in t.table
        ):
            break
        names.append(w)
        end = w.start()
        if len(names) == 3:
            break
    if not names:
        return None
    first, last = names[-1].start(), names[0].end()
    return _Name(first, last, text[first:last])


def _hits(low: str, t: _Tables) -> Iterator[tuple[int, int]]:
    """(start, end) of every surface form in ``low`` that may start a word: each form anywhere (the plain
    automaton), or, through :func:`_word_starts` text, each form after a character a title may follow
    (a superset of what :func:`_candidates` keeps, checked there)."""
    if t.starts is not None:
        mapped = _word_starts(low)
        if _UNKNOWN + _UNKNOWN not in mapped:  # text beyond Latin-1 could match many forms' unknown characters
            for last, forms in t.starts.iter(mapped):
                for form in forms:  # the key's last character follows the form, at offset ``last - 1`` of low
                    start = last - 1 - len(form)
                    if low.startswith(form, start):
                        yield start, last - 1
            return
    for last, length in t.automaton.iter(low):
        yield last - length + 1, last + 1


def _latin_hits(text: str, t: _Tables) -> list[tuple[int, tuple[str, ...]]] | None:
    """(last, forms) of the word-start automaton over ``text`` made lower-case and mapped by one
    ``bytes.translate`` (no ``str.lower`` before it; characters beyond Latin-1 become "\\x01"), or None where
    that does not apply: no such automaton, a character whose lower case is in Latin-1 or longer, a run of
    "?" or unknown characters."""
    if t.starts is None:
        return None
    try:
        raw = text.encode("latin-1")  # a copy of a Latin-1 string's bytes
    except UnicodeEncodeError:
        # every other character beyond Latin-1 lower-cases to one beyond it: "?", then "\x01", as in
        # :func:`_word_starts` of the lower-cased text
        if _LOWERS_INTO_LATIN1.search(text):
            return None
        raw = text.encode("latin-1", "replace")
    mapped = (b" " + raw + b" ").translate(_STARTS_LOWER).decode("latin-1")
    if _UNKNOWN + _UNKNOWN in mapped:
        return None
    return list(t.starts.iter(mapped))


def _candidates(text: str, t: _Tables) -> list[tuple[int, int, int]]:
    """(start, end, prefix) of the longest title surface form at each word start, in text order;
    ``prefix`` is the length of a former-office prefix joined to it ("then-", "ex-"), else 0.

    An Aho-Corasick automaton runs once over the text (C speed): in a Latin-1 language over its
    word-start copy (:func:`_latin_hits`, :func:`_word_starts`), so that most texts end there; the
    few hits are checked for word boundaries here. Text whose lower-casing changes its length (a
    rare "İ") falls back to the compiled pattern.
    """
    found = _latin_hits(text, t)
    if found is not None and not found:
        return []  # Latin-1 text without a form at a word start: most documents stop here
    low = text.lower()
    if len(low) != len(text):
        return [(m.start(), m.end(), 0) for m in t.pattern.finditer(text)]
    best: dict[int, int] = {}
    prefixed: dict[int, int] = {}
    n = len(low)
    former_ends = t.former_ends
    hits: Iterable[tuple[int, int]] = _hits(low, t) if found is None else [
        (last - 1 - len(form), last - 1)
        for last, forms in found
        for form in forms
        if low.startswith(form, last - 1 - len(form))
    ]
    for start, end in hits:
        if start > 0:
            ch = low[start - 1]
            if ch.isalnum() or ch == "_" or ch in _BEFORE_WORD or _joins(ch):
                prefix = _former_prefix(low, start, t) if ch in former_ends else 0
                if not prefix and ch == "-" and t.compounds:
                    prefix = -_compound_prefix(text, start)  # negative: a name joined by a hyphen
                elided = not prefix and ch in "'’" and _ELIDED_ARTICLE.search(low, max(0, start - 6), start)
                if not prefix and not elided:  # "L'alcalde Jaume Collboni", "l'ambassadeur": a word start
                    continue
                if prefix:
                    prefixed[start] = prefix
        if end < n:
            ch = low[end]
            if ch.isalnum() or ch == "_" or _joins(ch):
                continue
        if best.get(start, 0) < end:
            best[start] = end
    if not best:
        return []
    return [(start, best[start], prefixed.get(start, 0)) for start in sorted(best)]


_AND = re.compile(r"\s+(?:and|&)\s+")
#: a preposition and the article after it, or the elided article glued to it ("de la", "della", "dell'")
_PREP_ARTICLE = (
    r"\s+(?P<prep>[^\W\d_]{2,5})(?:['’]|\s+(?:(?:la|le|les|el|los|las|il|lo|gli|o|os|a|as)\s+|l['’])?)"
)
_COMPLEMENT = re.compile(  # "de la Comisión Europea", "dell'AIEA"
    _PREP_ARTICLE + r"(?P<noun>[A-ZÀ-ÝĀ-ŽΑ-ΩΆ-ΏЀ-Я][\w'’-]*)(?:\s+[a-zà-ÿ][\w'’-]*){0,2}"
)
# Danish, Norwegian and Swedish put the place or body after a one-letter "i": "ordfører i Oslo Anne Lindboe",
# "generalsekretær i NATO Mark Rutte"
_NORDIC = frozenset({"da", "nb", "no", "nn", "sv"})
_NORDIC_COMPLEMENT = re.compile(r"\s+(?P<prep>i)\s+(?P<noun>[A-ZÀ-ÝÆØÅ][\w'’-]*)")
_COMMA_COMPLEMENT = re.compile(_PREP_ARTICLE + r"[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,3},(?=\s)")
# "للأمم المتحدة" (lil- and a definite noun), "لجامعة الدول العربية" (li- and a feminine construct noun before a
# definite one: a given name with li- before a family name with al- ends in no ta marbuta)
_AR_COMPLEMENT = re.compile(r"\s+(?:لل\S+(?:\s+ال\S+){0,2}|ل\S+ة(?:\s+ال\S+){1,2})")
_AR_DEFINITE = re.compile(r"(?:\s+ال\S+){1,3}")
_AR_CONSTRUCT = re.compile(r"\s+\S+ة(?:\s+ال\S+){1,2}")  # a feminine noun before a definite one
_ADJ = re.compile(r"\s+[a-zà-ÿ][\w'’-]*")
# "Banque de France", "Banca d'Italia", "Comunidad de Madrid": a capitalised name after "of" inside a complement
_OF_NAME = re.compile(r"\s+(?:de|d['’]|di|da|do|du|del|della|dos|das)\s*[A-ZÀ-Ý][\w'’-]*(?=\s+[A-ZÀ-Ý])")
_NOUN_CAPITALS = frozenset({"de", "lb"})  # languages that capitalise nouns: no lower-case word ends a complement
_HYPHEN_COMPOUNDS = frozenset({"de", "lb", "nl", "sv", "da", "no", "fi"})
_CYRILLIC_GENITIVE = frozenset({"ru", "uk", "be"})
_GENITIVE_BEFORE_NAME = re.compile(
    r"(?P<gen>\s+[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+(?:(?:ой|ей|ої)\s+(?:области|края|округа|района|республики|області|району)"
    r"|а|я|ы|и|у|ю|ов|ев|ей))(?=\s+(?P<given>[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+)\s+[А-ЯЁІЇЄҐ])"
)
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|ич|овна|евна|ична|инична)$")
# the same in the Slavic languages written in Latin letters: "Prezydent Warszawy Rafał Trzaskowski", "Primátor
# Prahy Bohuslav Svoboda", "Županja Ljubljane ...". Only the feminine genitives (-y, -i, -e, -ě, and -u): a word in -a
# may as well be a woman's given name before a two-word family name ("Predsednica Nataša Pirc Musar")
_LATIN_GENITIVE = frozenset({"pl", "cs", "sk", "hr", "sr", "sl", "bs"})
_LATIN_GENITIVE_BEFORE_NAME = re.compile(
    r"(?P<gen>\s+[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]+(?:e|i|y|u|ě))(?=\s+(?P<given>[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]+)\s+[A-ZÀ-ÞĀ-Ž])"
)
_MAX_CHAIN = 6  # titles in one chain at most ("Lt. Gen. Dr."): a run of titles stays linear
_NAME_LINE = 60  # longest text read as a bare name line ("Xyz. (Bud) Smith")
_DOTTED = re.compile(r"\s*([^\W\d_]{2,4}\.)(?=\s|$)")
_INVERTED = re.compile(r"\s*[A-Z][\w'’-]+,")
_NAME_TOKEN = re.compile(r"\(?[A-Z][\w'’.-]*\)?,?|[A-Z]\.")


def _name_line_prefix(text: str, t: _Tables) -> Mention | None:
    """A bare name line opened by dotted words no table knows: "Foo. John Smith", "xyz. John Smith",
    or an inverted one ("Doe, John. A. Kenneth", "John, Si.").

    Only a short single line whose other words are all capitalised (a byline, a signature, a
    list of names) qualifies, so a sentence never does. A suffix cannot open a name, so a
    line-opening "Jr." is read the same way.
    """
    if "\n" in text.strip():
        return None
    found = _dotted_run(text, 0, t, inverted=False)
    if found is None:
        inverted = _INVERTED.match(text)
        if inverted:
            found = _dotted_run(text, inverted.end(), t, inverted=True)
    return found


def _dotted_run(text: str, pos: int, t: _Tables, inverted: bool) -> Mention | None:
    spans: list[tuple[int, int]] = []
    while True:
        m = _DOTTED.match(text, pos)
        if not m:
            break
        word = m.group(1)
        if (
            word.lower() in t.table
            or word in t.notabbrev
            or word in t.forms
            or word in t.postnominals
            or (_SUFFIX.match(word) and (spans or inverted or pos > 0))
            or (spans and not word[:1].isupper())
        ):
            break
        spans.append((m.start(1), m.end(1)))
        pos = m.end(1)
    if not spans:
        return None
    end = spans[-1][1]
    nxt = t.pattern.match(text, end + 1) if text[end : end + 1] == " " else None
    if nxt is not None and nxt.group()[:1].isupper():
        end = nxt.end()  # "Xyz. Sir John"
    words = text[end:].split()
    if not words and not inverted:
        return None
    if words and not _NAME_TOKEN.fullmatch(words[0]):
        return None
    for word in words:
        if not (_NAME_TOKEN.fullmatch(word) or word.casefold() in t.particles):
            return None
    start = spans[0][0]
    office = t.table.get(text[spans[-1][1] + 1 : end].lower()) if end > spans[-1][1] else None
    surface = text[start:end]
    return Mention(
        kind="title",
        start=start,
        end=end,
        text=surface,
        value=office.canonical if office else surface,
        normalised=surface,
        attrs={"category": office.category if office else "other"},
    )


_ROMAN = re.compile(r"^[IVXL]+$")


def _regnal_name(name: _Name) -> _Name:
    """A pope's name: one name, or the names up to a regnal number ("John Paul II"), never the
    capitalised word after it ("Papa Franciscus Gazze için ...")."""
    words = list(re.finditer(r"\S+", name.text))
    keep = 1
    for k, word in enumerate(words[:4]):
        if _ROMAN.match(word.group().rstrip(".,")):
            keep = k + 1
            break
    if keep >= len(words):
        return name
    end = words[keep - 1].end()
    return _Name(name.start, name.start + end, name.text[:end])


#: categories of a title that outranks a courtesy title after it ("Emir Sheikh Tamim", "Supreme Leader Ayatollah ...")
_RANKS = frozenset({"office", "nobility", "military", "judicial"})
_OF_AFTER_NAME = re.compile(r"\.?\s+of(?=\s)")


def _country_after_name(text: str, name: _Name, t: _Tables, lang: str) -> tuple[_Name, str | None]:
    """A country named after the person is the title's: "King Abdullah II of Jordan", "le roi Abdallah II de
    Jordanie", "il re Abdallah di Giordania" (the name reader took "di Giordania" for name words: it is cut)."""
    assert t.after is not None
    if lang == "en":
        of = _OF_AFTER_NAME.match(text, name.end)
        am = _after(t, text, of.end()) if of else None
        return name, _country_of(am.group("q"), t) if am else None
    words = name.text.split(" ")
    for i in range(1, len(words) - 1):
        if words[i].casefold() in t.particles:
            cut = name.start + len(" ".join(words[:i]))
            am = _after(t, text, cut)
            code = _country_of(am.group("q"), t) if am and am.end() == name.end else None
            if code:
                return _Name(name.start, cut, text[name.start : cut]), code
    pos = name.end + 1 if text.startswith(".", name.end) else name.end  # "König Abdullah II. von Jordanien"
    am = _after(t, text, pos)
    if am and am.group().split()[0].casefold() in t.particles:  # a particle first: "von Jordanien", not "Jordanien"
        return name, _country_of(am.group("q"), t)
    return name, None


_LOCAL = frozenset({"Mayor", "Governor"})  # offices of a city or a region, named after the person in some languages


def _city_after_name(name: _Name, t: _Tables, lang: str) -> _Name:
    """"Burgemeester Femke Halsema van Amsterdam", "le maire Anne Hidalgo de Paris": a particle and a known place
    closing a name of three words or more are the office's city, not the name's."""
    words = name.text.split(" ")
    if len(words) < 3 or words[-2].casefold() not in t.particles or not _is_capital(words[-1]):
        return name
    from ._casing import _place_checker

    place = _place_checker(lang)
    if place is None or not place(words[-1].rstrip(".,;:")):
        return name
    cut = len(" ".join(words[:-2]))
    return _Name(name.start, name.start + cut, name.text[:cut])


def _former_before(window: str, t: _Tables, lang: str) -> bool:
    """A word right before the title, or before a country qualifier right before it, makes it a former office
    ("former President", "Former British Prime Minister", "l'ancien Premier ministre", "Eski Başbakan")."""
    words = window.split()[-2:]
    if not words:
        return False
    formers = word_list("former_word", lang)
    if not formers:
        return False
    last = words[-1].casefold()
    if last in formers:
        return True
    qualifier = words[-1].rstrip("'’s")
    return len(words) == 2 and words[0].casefold() in formers and (
        _country_of(qualifier, t) is not None or _country_of(words[-1], t) is not None
    )


def _canonical(office: Office, country: str | None, lang: str) -> str:
    """The office's canonical English name; a US foreign minister is the Secretary of State, and where
    "canciller" names a foreign minister, a chancellor of a state without one is its foreign minister."""
    canonical = office.canonical
    if canonical == "Chancellor" and country:
        states = word_list("chancellor_states", lang)
        if states and country.casefold() not in states:
            canonical = "Foreign Minister"
    if canonical == "Foreign Minister" and country == "US":
        return "Secretary of State"
    return canonical


def _mention(text: str, start: int, end: int, value: str, normalised: str, attrs: dict[str, Any]) -> Mention:
    return Mention(
        kind="title", start=start, end=end, text=text[start:end], value=value, normalised=normalised, attrs=attrs
    )


_SPACELESS = frozenset({"zh", "ja", "ko"})
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_ZH_NAME = re.compile(rf"[{_HAN}·・]{{2,8}}")
# a katakana name, or two to four Han characters (five when no Han character stands before: "小池百合子知事")
_JA_NAME = re.compile(rf"(?:[\u30a0-\u30ff・ー]{{2,12}}|(?<![{_HAN}])[{_HAN}]{{5}}|[{_HAN}]{{2,4}})$")
_JA_NAME_AFTER = re.compile(r"[\u30a0-\u30ff・ー]{2,12}(?:[0-9０-９]+世)?")
_HAN_ONLY = re.compile(rf"^[{_HAN}]+$")
_KO_PARTICLE_ENDS = frozenset("은는이가을를의에와과도로서")  # a word ending in a case particle is no name
_HANGUL_WORD = re.compile(r"^[\uac00-\ud7af]{1,6}$")
# characters before "前"/"原" that make a word of it ("目前" at present, "此前" before, "之前", "以前", "提前")
_NOT_FORMER_BEFORE = frozenset("目此之以提当當日年眼面向生事从從空")


def _cjk_country_before(text: str, pos: int, t: _Tables) -> str | None:
    found = _cjk_country_span(text, pos, t)
    return found[0] if found else None


def _cjk_country_span(text: str, pos: int, t: _Tables) -> tuple[str, int] | None:
    """(ISO2, start) of a country name or one-character abbreviation ending at ``pos``."""
    for k in (5, 4, 3, 2, 1):
        if pos - k >= 0:
            code = t.forms.get(text[pos - k : pos])
            if code is None:
                continue
            if k == 1 and pos - 2 >= 0 and _HAN_ONLY.match(text[pos - 2]):
                continue  # "田中首相": the last character of a name, not "中" (China)
            return code, pos - k
    return None


def _find_spaceless(text: str, t: _Tables, lang: str) -> Iterator[Mention]:
    """Titles in Chinese (title + name), Japanese (name + title) and Korean (name, space, title).

    No spaces mark word boundaries, so the name is read by script: Chinese takes the Han
    characters after the title up to a function character (``zh_stop`` list), Japanese the
    katakana or two to four Han characters before it, Korean the Hangul word before it (and
    the given name before that when a country stands between).
    """
    low = text.lower()
    if len(low) != len(text):
        return
    formers = exact_list("former_cjk", lang)
    best: dict[int, int] = {}
    for last, length in t.automaton.iter(low):
        start, end = last - length + 1, last + 1
        if text[start:end].isascii():
            continue  # Latin honorifics need word boundaries and Latin names
        if lang == "ko" and start > 0 and not text[start - 1].isspace():
            continue
        if best.get(start, 0) < end:
            best[start] = end
    consumed = 0
    reach = 0
    for start in sorted(best):
        end = best[start]
        inner = lang == "ko" and start < reach  # "외교부 장관 후보자가": "장관" is part of "외교부 장관"
        reach = max(reach, end)
        if start < consumed or inner:
            continue
        office = t.table.get(text[start:end].lower())
        if office is None:
            continue
        country: str | None = office.country or None
        person: tuple[int, int] | None = None
        # "前总统", "元首相": a former-office character joined before the title (not "目前", "此前": "at present")
        former = (
            lang != "ko"
            and start > 0
            and text[start - 1] in formers
            and not (start > 1 and text[start - 2] in _NOT_FORMER_BEFORE)
        )
        at = start - 1 if former else start  # where what stands before the title ends
        if lang == "zh":
            country = _cjk_country_before(text, at, t) or country
            m = _ZH_NAME.match(text, end)
            if m:
                name_end = m.end()
                for k, ch in enumerate(m.group()):
                    if k >= 2 and ch in t.zh_stop:
                        name_end = m.start() + k
                        break
                person = (m.start(), name_end)
        elif lang == "ja":
            # "ブリンケン米国務長官": name, country, title; "米国のバイデン大統領": country, の, name, title
            direct = _cjk_country_span(text, at, t)
            name_end = direct[1] if direct else at
            if not direct:
                # "グテーレス国連事務総長": an organisation between the name and the title
                for org in exact_list("complement", lang):
                    if text.endswith(org, 0, at) and at - len(org) > 0:
                        name_end = at - len(org)
                        break
            m = _JA_NAME.search(text, max(0, name_end - 12), name_end)
            if direct:
                country = direct[0]
            if m:
                person = (m.start(), m.end())
                if not direct:
                    before = m.start() - 1 if m.start() > 0 and text[m.start() - 1] == "の" else m.start()
                    country = _cjk_country_before(text, before, t) or country
            else:
                # "ローマ教皇フランシスコ", "英国王チャールズ": a title opening the phrase takes the name after it
                after = _JA_NAME_AFTER.match(text, end)
                if after:
                    person = (after.start(), after.end())
        else:
            words = list(re.finditer(r"\S+", text[max(0, start - 40) : start]))
            offset = max(0, start - 40)
            if words and words[-1].group() in formers and len(words) > 1:
                former = True  # "문재인 전 대통령": "전" (former) between the name and the title
                words = words[:-1]
            between = bool(words) and (
                words[-1].group() in t.forms or words[-1].group() in exact_list("complement", lang)
            )
            if between:
                # "기시다 후미오 일본 총리", "안토니우 구테흐스 유엔 사무총장": a country or an organisation
                # between the name and the title; a foreign name of two words may stand before it
                country = t.forms.get(words[-1].group()) or country
                words = words[:-1]
                if len(words) > 1 and words[-1].group() in formers:
                    former = True  # "도널드 트럼프 전 미국 대통령": "전" before the country
                    words = words[:-1]
                if (
                    len(words) >= 2
                    and _HANGUL_WORD.match(words[-2].group())
                    and len(words[-2].group()) <= 4
                    and words[-2].group()[-1] not in _KO_PARTICLE_ENDS
                ):
                    first, last_word = words[-2], words[-1]
                    if _HANGUL_WORD.match(last_word.group()):
                        person = (offset + first.start(), offset + last_word.end())
            if person is None and words and _HANGUL_WORD.match(words[-1].group()) and len(words[-1].group()) >= 2:
                person = (offset + words[-1].start(), offset + words[-1].end())
        if person is None:
            continue
        attrs: dict[str, Any] = {"category": office.category, "person": text[person[0] : person[1]]}
        if country:
            attrs["country"] = country
        if former:
            attrs["former"] = True
        consumed = max(end, person[1])
        yield _mention(text, start, end, _canonical(office, country, lang), office.normalised, attrs)


_ONE_CAPITAL_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)(?:[ \t]+([^\W\d_]))?")


def _city_opens_name(text: str, p: Mention) -> bool:
    """A city right after a title that is followed by one capitalised word and no more ("Finanšu ministrs Arvils
    Ašeradens iesniedza", "Waziri wa Ulinzi Aden Duale amezuru"): the first word of a two-word name, not a
    qualifier (not "Präsident Frankreichs Emmanuel Macron", a country; not "... Berlins Kai Wegner", two words)."""
    if p.attrs.get("type") != "city":
        return False
    m = _ONE_CAPITAL_WORD.match(text, p.end)
    return m is not None and m.group(1)[:1].isupper() and not (m.group(2) or "").isupper()


def _place_before(
    places: Callable[[int, int], Iterable[Mention]] | None, text: str, start: int, lang: str
) -> str | None:
    """ISO2 of the last place the places normaliser finds ending just before a title at ``start`` ("Australian ",
    "Israel's "), not a common word or an institution, or None."""
    if places is None:
        return None
    country = None
    for p in places(max(0, start - _BEFORE), start):
        if (
            p.end in (start - 1, start - 3, start - 4)
            and isinstance(p.value, str)
            and p.text.casefold() not in word_list("common", lang)  # Indonesian "Para" (plural), not Pará
            and p.text.casefold() not in word_list("institution", lang)  # "White House", not Casablanca
        ):
            country = p.value
    return country


def find_titles(
    doc: Document,
    honorifics: bool,
    places: Callable[[int, int], Iterable[Mention]] | None = None,
    make_places: Callable[[Document], Callable[[int, int], Iterable[Mention]] | None] | None = None,
) -> list[Mention]:
    """The title mentions of ``doc`` (see the module docstring).

    ``places(start, end)`` returns the place mentions of ``doc.source[start:end]`` with offsets in
    ``doc.source``; it is called only around the titles found. Without it, ``make_places(doc)``
    makes it when the text holds a title word (most documents hold none).
    """
    text = doc.source
    lang = doc.lang if doc.lang and doc.lang != "und" else "en"
    t = _TABLES.get(lang) or _tables(lang)
    if lang in _SPACELESS:
        return list(_find_spaceless(text, t, lang))
    found: list[Mention] = []
    consumed = 0
    if lang == "en" and len(text) <= _NAME_LINE:
        prefix = _name_line_prefix(text, t)
        if prefix is not None:
            found.append(prefix)
            consumed = prefix.end
    candidates = _candidates(text, t)
    if not candidates:
        return found  # no office word: most documents stop here
    if places is None and make_places is not None:
        places = make_places(doc)
    found.extend(_titles(text, lang, t, candidates, consumed, honorifics, places))
    return found


def _titles(
    text: str,
    lang: str,
    t: _Tables,
    candidates: list[tuple[int, int, int]],
    consumed: int,
    honorifics: bool,
    places: Callable[[int, int], Iterable[Mention]] | None,
) -> Iterator[Mention]:
    """The titles at ``candidates`` (see :func:`_candidates`) in text order, after offset ``consumed``."""
    for start, end, lead in candidates:
        compound = -lead if lead < 0 else 0  # "Nato-" of "Nato-Generalsekretär"
        lead = max(lead, 0)
        if start - lead - compound < consumed:
            continue
        office = t.table.get(text[start:end].lower())
        if office is None:
            continue
        parts = [office]
        # chain: "Prof. Dr.", "Mr. and Mrs.", "Cardinal Secretary of State", "Her Majesty Queen"
        while len(parts) < _MAX_CHAIN:
            c = _CONNECT.match(text, end)
            nxt = t.pattern.match(text, c.end()) if c else None
            if not c or not nxt or c.end() == end or "\n" in text[end : c.end()]:
                break
            other = t.table.get(nxt.group().lower())
            if other is None:
                break
            courteous = {office.category, other.category} <= {"honorific", "academic"}
            if c.group().strip() and not courteous:
                break
            if not nxt.group()[:1].isupper() and lang == "en":
                break
            courtesy = other.abbreviation or other.category in ("honorific", "academic")
            if not (courtesy or _takes_name(text, nxt.end(), t)):
                break
            parts.append(other)
            end = nxt.end()
        elect = _ELECT.match(text, end)
        if elect:
            end = elect.end()  # "President-elect Donald Trump", "Prime Minister-designate"
        surface = text[start:end]
        capital = _is_capital(surface)
        head = parts[-1]
        if parts[0].category in _RANKS and (
            head.category in ("honorific", "religious", "academic") or head.category == parts[0].category == "nobility"
        ):  # "Emir Sheikh Tamim", "Crown Prince Sheikh Mohammed": the first rank, not the style after it
            head = parts[0]  # "Supreme Leader Ayatollah Ali Khamenei": the office, not the courtesy title
        lower_only = lang == "en" and not capital and not head.abbreviation and head.category not in _LOWER_OK
        if not honorifics and all(p.category in ("honorific", "academic") for p in parts):
            continue
        # what precedes: a style, "The", a country, or a name the title belongs to ("Burger King")
        fused = lead and text[start - 1] != "-"  # "expresidente": the whole word is the title
        span_start = start - lead if fused else start - compound
        window = text[max(0, span_start - _BEFORE) : span_start]
        deputy = ""
        if t.deputy is not None and not lead and not head.canonical.startswith(("Deputy", "Vice")):
            dm = t.deputy.search(window, max(0, len(window.rstrip()) - t.deputy_len - 1))  # it ends the window
            if (
                dm
                and (lang != "en" or dm.group()[:1].isupper() == _is_capital(surface))
                # "Under Secretary of State", but "Under President Biden, ..." is a preposition
                and not (dm.group().strip().casefold() == "under" and not head.canonical.startswith("Secretary"))
            ):
                span_start -= len(window) - dm.start()
                window = window[: dm.start()]
                # "Assistant Secretary of State", "Under Secretary ..." keep their English word
                deputy = dm.group().strip().capitalize() if lang == "en" else "Deputy"
        if t.style is not None:
            sm = t.style.search(window, max(0, len(window.rstrip()) - t.style_len - 1))
            if sm:
                span_start -= len(window) - sm.start()
        if span_start == start and head.canonical == "Honourable" and window.endswith("The "):
            span_start = start - 4
        country: str | None = head.country or None
        if compound:
            country = _country_of(text[start - compound : start - 1], t) or country
        if t.before is not None:
            country = _qualifier_before(window, t, start > _BEFORE) or country
        previous_word = _last_word(window)
        # a capitalised word just before ("[A-Z...][^\s]*\s+$"): a place may end there. The places are read
        # only when the country is needed (a title kept, a country after it to weigh, the check below):
        # ``pending`` says the country is None until then
        pending = bool(
            country is None and places is not None and previous_word and _CAPITAL_CHAR.search(previous_word[0])
        )
        if (
            country is None
            and span_start == start
            and previous_word
            and parts[0].category in _AMBIGUOUS
            and not parts[0].abbreviation
        ):
            pw = previous_word[0]
            rejected = (
                _is_capital(pw) and pw.casefold() not in t.modifiers and pw.lower() not in t.table
                and not pw.endswith((".", ":", "!", "?", '"', "”", ",", ";", ")"))
                and not _CLAUSE_START.search(window[: previous_word[1]] or "")
            ) or (  # "the Prince of Wales's", "the Royal Courts of Justice"
                pw.casefold() == "of" and (parts[0].category == "nobility" or not _takes_name(text, end, t))
            )
            if rejected and pending:
                country, pending = _place_before(places, text, start, lang), False
            if rejected and country is None:
                continue
        # what follows: "of the United States", a country qualifier, then the person
        pos = end
        span_end = end
        limit = min(len(text), end + _AFTER)
        if lang == "en":
            om = _OF.match(text, end)
            host = om is None and head.canonical in _ACCREDITED  # "to Israel" names the host, not the office's state
            if host:
                om = _TO.match(text, end)
            if om:
                rest = text[om.end() : limit]
                cm = _CAPWORDS.match(rest)
                q = _after(t, " " + rest, 0)
                if q and q.start("q") == 1:
                    code = _country_of(q.group("q"), t)
                    if code and not host:
                        country, pending = code, False
                    span_end = pos = om.end() + q.end() - 1
                elif cm:
                    words = list(_NONSPACE.finditer(cm.group()))
                    for k in range(len(words), 0, -1):
                        cut = words[k - 1].end()
                        last_word = words[k - 1].group()
                        if (
                            last_word.casefold() in ("of", "and", "the")
                            or _SUFFIX.match(last_word.rstrip(".,"))
                            or last_word in t.postnominals
                            or (k > 1 and last_word.lower() in t.table)
                        ):
                            continue
                        tail = rest[cut:]
                        nxt_tok = tail.split()[0] if tail.split() else ""
                        joined = _AND.match(tail)
                        courtesy_title = t.pattern.match(tail, joined.end()) if joined else None
                        courtesy_office = t.table.get(courtesy_title.group().lower()) if courtesy_title else None
                        if courtesy_title and courtesy_office and courtesy_office.category in (
                            "honorific",
                            "academic",
                        ):  # "Minister of the Interior and Mrs."
                            span_end = pos = om.end() + cut + courtesy_title.end()
                            break
                        if (
                            not tail.strip()
                            or tail.lstrip()[:1] in ",.;:)"
                            or t.pattern.match(tail.lstrip())
                            or _SUFFIX.match(nxt_tok.rstrip(".,"))
                        ):
                            span_end = pos = om.end() + cut
                            break
                    else:
                        # "Speaker of the House Mike Johnson said", "Governor of New York Kathy Hochul
                        # said": the complement ends where a two-word name closing the run begins
                        after_run = rest[words[-1].end() :]
                        closes = not after_run.strip() or not _is_capital(after_run.split()[0])
                        if len(words) >= 3 and closes:
                            last_word = words[-3].group()
                            if last_word.casefold() not in ("of", "and", "the") and last_word.lower() not in t.table:
                                span_end = pos = om.end() + words[-3].end()
        if t.complement is not None:
            inst = t.complement.match(text, pos)
            if inst and _person(text, inst.end(), lang, t, limit + (inst.end() - pos)) is not None:
                span_end = pos = inst.end()
        found_after = False
        former_after = False  # "الرئيس السابق", "رئیس‌جمهور پیشین": a former-office adjective after the title
        if t.postmod is not None:
            pm = t.postmod.match(text, pos)
            if pm:
                pos = pm.end()
                former_after = pm.group().strip().casefold() in word_list("former_after", lang)
        if t.after is not None:
            am = _after(t, text, pos)
            if am and _name_not_country(text, pos, am, lang):
                am = None
            if am:
                code = _country_of(am.group("q"), t)
                if code is not None:
                    if pending:
                        country, pending = _place_before(places, text, start, lang), False
                    country = country or code
                    pos = am.end()
                    found_after = True
        if (
            not found_after
            and places is not None
            and lang != "en"
            and lang not in _NAME_FIRST  # "Orbán Viktor miniszterelnök Brüsszelbe": a destination, not a qualifier
            and _CAP_AFTER.match(text, pos)
        ):
            # "Präsident Frankreichs", "presidente da Colômbia" (English puts the country before
            # the title or in its "of ..." complement, both read above)
            for p in places(pos, min(len(text), pos + 40)):
                whole = p.end >= len(text) or not (text[p.end].isalnum() or _joins(text[p.end]))
                if p.start == pos + 1 and isinstance(p.value, str) and whole and not _city_opens_name(text, p):
                    if pending:
                        country, pending = _place_before(places, text, start, lang), False
                    country = country or p.value
                    pos = p.end
                    found_after = True
                    break
        if found_after and t.postmod is not None:
            pm = t.postmod.match(text, pos)
            if pm:
                pos = pm.end()  # "le président américain élu Donald Trump": the adjective after the country
                former_after = former_after or pm.group().strip().casefold() in word_list("former_after", lang)
        if head.canonical in _ACCREDITED and places is not None and lang in _POSTING:
            posted = _posting(text, pos, lang, places)
            if posted is not None:  # "l'ambassadeur de France aux États-Unis, Laurent Bili": the host country
                span_end = pos = posted
        adjective_end = pos if found_after else -1  # where a country adjective after the title ends
        if not found_after and lang in _CYRILLIC_GENITIVE:
            gm = _GENITIVE_BEFORE_NAME.match(text, pos)
            if gm and not _PATRONYMIC.search(gm.group("given")):
                # "Мер Києва Віталій Кличко", "Мэр Москвы Сергей Собянин": a genitive complement, then
                # a given name that is no patronymic (that would make three words one name)
                span_end = pos = gm.end("gen")
        if not found_after and lang in _LATIN_GENITIVE:
            gm = _LATIN_GENITIVE_BEFORE_NAME.match(text, pos)
            if gm:
                span_end = pos = gm.end("gen")
        # in a name-first language a lower-case title takes no name after it ("a miniszterelnök Brüsszelben"),
        # but a possessive one ("az Európai Bizottság elnöke, Ursula von der Leyen") or one before a comma
        # ("az orosz elnök, Vlagyimir Putyin") does, of two words or more
        possessive = lang in _NAME_FIRST and surface.lower() in possessive_forms(lang)
        apposed = possessive or (lang in _NAME_FIRST and text.startswith(",", end))
        before_name = _name_before(text, span_start, t) if lang in _NAME_FIRST and not possessive else None
        name = before_name or (
            _person(text, pos, lang, t, limit) if capital or apposed or lang not in _NAME_FIRST else None
        )
        if name is not None and name is not before_name and apposed and " " not in name.text:
            name = None  # "Magyarország miniszterelnöke Brüsszelben": an inflected place, not a name
        if lang == "ar" and (name is None or name is not before_name):
            # "الأمين العام للأمم المتحدة أنطونيو غوتيريش": a genitive complement ("of the United Nations")
            # between the office and the name; a name read across it was the complement's words
            am2 = _AR_COMPLEMENT.match(text, pos)
            if am2 is None and text[start:end].endswith("باسم"):
                # "المتحدث باسم الخارجية الأمريكية ماثيو ميلر", "المتحدث باسم منظمة الصحة العالمية ...": the
                # body spoken for, then the name
                am2 = _AR_DEFINITE.match(text, pos) or _AR_CONSTRUCT.match(text, pos)
                if am2:
                    if pending:
                        country, pending = _place_before(places, text, start, lang), False
                    for word in am2.group().split():
                        country = country or _country_of(word, t)
            if am2 and (name is None or name.start < am2.end()):
                name = _person(text, am2.end(), lang, t, limit + (am2.end() - pos)) or name
        if name is None and lang not in _CASELESS and lang != "en":
            # "la presidenta de la Comisión Europea, Ursula von der Leyen,": a capitalised complement
            # closed by a comma, then the name
            cc = _COMMA_COMPLEMENT.match(text, pos)
            if cc and cc.group("prep").casefold() in t.particles:
                found = _person(text, cc.end(), lang, t, limit + (cc.end() - pos))
                if found is not None and found.text.lower() not in t.table:
                    name = found
                    span_end = cc.end() - 1
        if name is None and lang not in _CASELESS and lang != "en":
            # "présidente de la Commission européenne, Ursula von der Leyen", "presidente della
            # Repubblica Sergio Mattarella": a complement naming the institution, then the name
            cm2 = (_NORDIC_COMPLEMENT if lang in _NORDIC else _COMPLEMENT).match(text, pos)
            if cm2 and cm2.group("prep").casefold() in t.particles:
                tails = [cm2.end("noun")]
                if lang not in _NOUN_CAPITALS:  # "Commission européenne"; in German a lower-case word is a verb
                    tails += [a.end() for a in _ADJ.finditer(text, cm2.end("noun"), cm2.end())]
                    named_of = _OF_NAME.match(text, cm2.end("noun"))
                    if named_of:  # "gouverneur de la Banque de France François Villeroy de Galhau"
                        tails.append(named_of.end())
                for cut in sorted(set(tails), reverse=True):
                    found = _person(text, cut, lang, t, limit + (cut - pos))
                    if found is not None and found.text.lower() not in t.table:
                        name = found
                        span_end = cut
                        break
        if name is not None and name.text.lower() in t.table:
            name = None
        if name is not None and head.canonical == "Pope":
            name = _regnal_name(name)
        after_name = name is not None and name is before_name
        if name is None and lang in _CASELESS:
            # "وزير الخارجية السعودي الأمير فيصل بن فرحان": a courtesy title between office and name;
            # the office takes the name, and the courtesy title is reported on its own too
            gap = _GAP.match(text, pos)
            inner = t.pattern.match(text, gap.end()) if gap else None
            other = t.table.get(inner.group().lower()) if inner else None
            if inner and other is not None and other.category in ("honorific", "nobility", "religious"):
                name = _person(text, inner.end(), lang, t, limit)
                after_name = name is not None  # leave the courtesy title to be found
        if name is None:
            name = _appositive(text, span_start, pos, t)
            after_name = name is not None
        if name is None:
            if lower_only:
                continue
            following = text[span_end : span_end + 3]
            standalone = not following.strip() or following.lstrip()[:1] in ",.;:)!?" or following.startswith(("\n",))
            nxt_word = _NEXT_WORD.match(text[span_end : span_end + 40])
            before_title = bool(nxt_word and t.pattern.match(text, span_end + nxt_word.start(1)))
            particle = bool(nxt_word and nxt_word.group(1).casefold() in t.particles)
            if nxt_word and nxt_word.group(1).rstrip(".,;:") in t.postnominals:
                standalone = True  # "Smith, Chancellor of the Exchequer MP": letters after a name close it
            if not (
                (head.abbreviation and lang not in _CASELESS)
                or (capital and (before_title or particle) and lang not in _CASELESS and lang not in _NOUN_CAPITALS)
                or (lang == "en" and capital and (standalone or span_end > end))
            ):
                continue
        if span_start == start and lang == "en" and start >= 4 and text[start - 4 : start] == "The ":
            # "The Secretary of State Hillary Clinton", "The Lord of the Universe": a name line
            line_start = start == 4 or text[start - 5] == "\n"
            direct = name is not None and not text[span_end : name.start].strip()
            line_end = text.find("\n", span_end)
            rest = text[span_end : line_end if line_end >= 0 else len(text)]
            if line_start and (direct or not rest.strip()):
                span_start = start - 4
        if name is not None and not after_name and t.after is not None and lang not in _CASELESS:
            name, code = _country_after_name(text, name, t, lang)
            if pending and code:
                country, pending = _place_before(places, text, start, lang), False
            country = country or code
        if name is not None and not after_name and head.canonical in _LOCAL and lang != "en" and lang not in _CASELESS:
            name = _city_after_name(name, t, lang)
        if pending:
            country = _place_before(places, text, start, lang)
        if 0 <= adjective_end < span_end and span_start == start:
            # "ministre français des Affaires étrangères", "ministro español de Asuntos Exteriores": the
            # country adjective stands inside the office's name; the office is the name without it
            named = " ".join((text[start:end] + " " + text[adjective_end:span_end]).split()).lower()
            portfolio = t.table.get(named)
            if portfolio is not None:
                head = portfolio
        canonical = _canonical(head, country, lang)
        if deputy:
            canonical = f"{deputy} {canonical}"
        attrs: dict[str, Any] = {"category": head.category}
        if name is not None:
            attrs["person"] = name.text
            consumed = span_end if after_name else name.end
        else:
            consumed = span_end
        if country:
            attrs["country"] = country
        if lead or former_after or _former_before(text[max(0, span_start - _BEFORE) : span_start], t, lang):
            attrs["former"] = True
        if len(parts) > 1:
            attrs["titles"] = [p.canonical for p in parts]
        plain = len(parts) == 1 and span_start == start and span_end == end
        normalised = head.normalised if plain else text[span_start:span_end]
        yield _mention(text, span_start, span_end, canonical, normalised, attrs)
