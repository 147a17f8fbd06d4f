"""Page title -> headline: strip site names, section labels and repeats; then re-case.

The evidence is in the title itself: separators (" | ", " - ", " — ", " » "), shipped outlet
names and domains, site words ("News", "Blog", "Nachrichten"), dates, section labels
("EXCLUSIVE:", "(VIDEO)"), and the ``site`` argument when given. A trailing segment is
stripped when it is a known outlet, a domain, a date or names a site, or when it is short
and the rest is a full headline; sections between the headline and a site name go with it.
"""

from __future__ import annotations

import re
from typing import Any

from .._lang import UNDETERMINED, detect, parse_lang
from .._resources import cached
from ._casing import recase
from ._data import acronyms, any_language_list, norm_key, outlet_keys, source_stems, word_list

__all__ = ["CASES", "headline"]

#: The values ``case`` accepts.
CASES = (None, "title", "sentence")

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
_SEP = re.compile(
    r"\s+(?:\|{1,2}|-{1,2}|–|—|»|·|•|✩|★|›|>)\s+"
    r"|\s*[|｜]\s*"
    rf"|(?<=[{_CJK}])\s*[-–—]\s*(?=[{_CJK}])"
)
_PIPE_LIKE = frozenset({"|", "||", "｜", "»", "·", "•", "✩", "★", "›", ">"})
_HIERARCHY = frozenset({"»", "›", ">"})
_WORD = re.compile(r"[^\W_]+(?:['’.&][^\W_]+)*", re.UNICODE)
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?$", re.IGNORECASE)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc"
    "|ene|abr|ago|dic|gen|mag|giu|lug|set|ott|fev|out|dez|mär|okt|dez"
)
_DATE = re.compile(
    r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
    r"|(?:\w+,?\s+)?(?:\d{1,2}\.?\s+)?(?:" + _MONTHS + r")\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|(?:\w+,?\s+)?\d{1,2}\.?\s+(?:de\s+)?(?:" + _MONTHS + r")\w*\.?\s+(?:de\s+)?\d{4}"
    r"|(?:updated|mis à jour|actualizado|aktualisiert)?\s*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?)$",
    re.IGNORECASE,
)
_ENDS_SENTENCE = re.compile(r"[?!…]$|[^\W\d_]{2,}\.$")
_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"}
)
_MULTISPACE = re.compile(r"\s+")
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+){2,}(?:\.[a-z]{2,4})?$")  # "draft-dejong-remotestorage-04"
_BRACKETED = re.compile(r"\s\[[^\[\]]{2,40}\]\s*$")  # "... [Archive of Our Own]": a site's own marker
# "| by John C. Welch |", "- par Jean Dupont", "| von Anna Müller": a byline word and a name of two to four
# capitalised words or initials is the author, never part of the headline
_PARTICLES = "de|da|di|do|du|del|della|dos|das|van|von|der|den|ter|ten|le|la|al|el|bin|ibn"
_NAME_PART = r"(?:[^\W\d_]\.|[A-ZÀ-ÞĀ-ŽА-ЯΑ-Ω][\w'’-]+)"
_BYLINE = re.compile(
    rf"^\s*(?:[Bb]y|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Oo]leh|[Pp]rzez)\s+{_NAME_PART}"
    rf"(?:\s+(?:(?:{_PARTICLES})\s+)?{_NAME_PART}){{1,3}}\s*$"
)


def _words(text: str) -> float:
    cjk = len(_CJK_CHAR.findall(text))
    latin = len(_WORD.findall(_CJK_CHAR.sub(" ", text)))
    return latin + cjk / 2


def _words_of(name: str, lang: str) -> frozenset[str]:
    """A lexicon word list of ``lang``; of every language when the language is not known."""
    return any_language_list(name) if lang == UNDETERMINED else word_list(name, lang)


def _site_words(lang: str) -> tuple[frozenset[str], re.Pattern[str]]:
    def build() -> tuple[frozenset[str], re.Pattern[str]]:
        words = _words_of("site", lang) | word_list("site", "zh") | word_list("site", "ja") | word_list("site", "ko")
        latin = sorted((w for w in words if not _CJK_CHAR.search(w)), key=len, reverse=True)
        cjk = sorted((w for w in words if _CJK_CHAR.search(w)), key=len, reverse=True)
        alts = [r"(?<![^\W_])" + re.escape(w) + r"(?![^\W_])" for w in latin if not w.startswith(".")]
        alts += [re.escape(w) + r"(?![^\W_])" for w in latin if w.startswith(".")]
        alts += [re.escape(w) + r"$" for w in cjk]
        return words, re.compile("|".join(alts), re.IGNORECASE)

    return cached(("titles", "site_words", lang), build)


def _labels(lang: str, live: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    def build() -> tuple[re.Pattern[str], re.Pattern[str]]:
        words = set(_words_of("label", lang))
        if live:
            words |= _words_of("live", lang)
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        prefix = re.compile(
            rf"^\s*[\[(【［]?(?:{alt})(?:\s+\d{{1,2}})?[\])】］]?\s*(?:[:|–—]\s*|-\s*(?=\S)|(?<=[\])])\s+|(?<=[】］]))",
            re.IGNORECASE,
        )
        suffix = re.compile(
            rf"\s*(?:[\[(【［](?:{alt})(?:\s+\d{{1,2}})?[\])】］]|\s[-–—|:]\s+(?:{alt}))\s*$", re.IGNORECASE
        )
        return prefix, suffix

    return cached(("titles", "labels", lang, live), build)


_KICKER = re.compile(r"^([^\W\d_](?:[^\W\d_]|['’ -]){0,40}[^\W\d_])\. +(?=[^\W\d_\s]|[«\"“])")


def _strip_kicker(text: str, lang: str, live: bool) -> str:
    """"VIDÉO. Les images ...", "INFO FRANCEINFO. Le gouvernement ...": a kicker of one to three
    words in capitals closed by a full stop goes when a headline in mixed case follows."""
    m = _KICKER.match(text)
    if not m:
        return text
    words = m.group(1).split()
    rest = text[m.end() :]
    if (
        len(words) > 3
        or not all(len(w) >= 2 and w.isupper() for w in words)
        or (len(words) == 1 and words[0] in acronyms())
        or (not live and m.group(1).casefold() in _words_of("live", lang))  # "DIRECT." stays unless asked
        or rest.isupper()
        or _words(rest) < 3
    ):
        return text
    return rest


def _strip_labels(text: str, lang: str, live: bool) -> str:
    """Drop section labels at either end ("EXCLUSIVE:", "(VIDEO)"), at most twice each."""
    text = _strip_kicker(text, lang, live)
    prefix, suffix = _labels(lang, live)
    for _ in range(2):
        stripped = suffix.sub("", prefix.sub("", text, count=1), count=1)
        if stripped == text or not stripped.strip():
            break
        text = stripped
    return text


class _Evidence:
    """What a segment of a page title looks like: a site name, a date, or part of the headline."""

    def __init__(self, lang: str, site: str | None) -> None:
        self.lang = lang
        self.outlets = outlet_keys()
        self.stems = source_stems()
        self.site_pattern = _site_words(lang)[1]
        self.site_keys: set[str] = set()
        if site:
            self.site_keys.add(norm_key(site))
            host = re.sub(r"^(?:https?://)?(?:www\.)?", "", site.strip().casefold()).split("/")[0]
            for part in host.split("."):
                if len(part) > 2 and part not in ("com", "net", "org", "www", "news", "blog", "co"):
                    self.site_keys.add(norm_key(part))

    def is_site(self, seg: str, home: bool = False) -> bool:
        """Whether ``seg`` names a site. ``home``: a leading segment, where the news-domain stems
        ("Google - Site Reliability Engineering") and home words count only as the curated names do."""
        key = norm_key(seg)
        if not key:
            return False
        if key in self.outlets or _DOMAIN.match(seg.strip()) or (not home and key in self.stems):
            return True
        if self.site_keys and any(k and (k == key or (len(k) > 3 and k in key)) for k in self.site_keys):
            return True
        if _words(seg) <= 6 and self.site_pattern.search(seg):
            return True
        if home:
            home_words = word_list("home", self.lang)
            return any(w.casefold() in home_words for w in _WORD.findall(seg))
        return False

    def is_date(self, seg: str) -> bool:
        return bool(_DATE.match(seg.strip()))


def _weak_suffix(seg: str, sep: str, dashes: int) -> bool:
    """A short trailing segment that reads like a name, not like the end of a headline."""
    text = seg.strip()
    if not text or _ENDS_SENTENCE.search(text):
        return False
    if text[0] in "\"'“‘«(":
        return False
    if text[0].islower() and " " in text:
        return False
    limit = 4 if sep.strip() in _PIPE_LIKE or dashes <= 1 else 2
    return _words(text) <= limit


def _is_section(seg: str, sep: str = "") -> bool:
    """A section name between a headline and its site ("Politics", "Culture / Next"): one or two
    words (three between pipes when one is in lower case, as topics are and names are not: "| Israel-Gaza
    war |", not "| Eleanor Ainge Roy |"), capitalised, no digits ("Day 100" and " - sources" belong to
    the headline)."""
    text = seg.strip()
    topic = sep.strip() in _PIPE_LIKE and any(w[:1].islower() for w in _WORD.findall(text))
    return (
        bool(text)
        and _words(text) <= (3 if topic else 2)
        and not text[0].islower()
        and not any(ch.isdigit() for ch in text)
        and not _ENDS_SENTENCE.search(text)
    )


def _leading_section(seg: str, sep: str, rest: str, evidence: _Evidence) -> bool:
    """A section before the headline: one or two capitalised words set off by a pipe (a dash may join two names:
    "Iran - Israel: ...") before a headline of four words or more."""
    return (
        sep.strip() in _PIPE_LIKE
        and _words(seg) <= 2
        and _is_section(seg, sep)
        and not evidence.is_date(seg)
        and _words(rest) >= 4
    )


def _strip_site(title: str, evidence: _Evidence) -> str:
    pieces = _SEP.split(title)
    seps = _SEP.findall(title)
    if not seps:
        return title
    segs = pieces
    n = len(segs)
    dashes = sum(1 for s in seps if s.strip() in ("-", "--", "–", "—") or not s.strip())
    # 1. trailing site name (and the sections before it)
    cut = n
    last = segs[-1]
    head_words = _words(" ".join(segs[:-1]))
    strong = (
        evidence.is_site(last) or evidence.is_date(last) or bool(_BRACKETED.search(last)) or bool(_BYLINE.match(last))
    )
    longest_head = max(_words(seg) for seg in segs[:-1])
    weak = head_words >= 4 and _words(last) < longest_head and _weak_suffix(last, seps[-1], dashes)
    if last.strip() and (strong or weak):
        cut = n - 1
        while cut >= 2:
            seg = segs[cut - 1]
            if evidence.is_site(seg) or evidence.is_date(seg) or _BYLINE.match(seg):
                strong = True
                cut -= 1
                continue
            if strong and _is_section(seg, seps[cut - 1]):
                cut -= 1
                continue
            break
    start = 0
    # 2. leading site name ("Pluralsight Tech Blog | ..."), or a leading section of a page title that named its
    # site ("Politik | ... | DR", "Kotimaa | ... | Yle")
    rest = " ".join(segs[1:cut])
    site_first = cut - start >= 2 and evidence.is_site(segs[0], home=True) and _words(rest) >= 2
    if site_first or (cut < n and strong and cut >= 2 and _leading_section(segs[0], seps[0], rest, evidence)):
        start = 1
    kept_segs = segs[start:cut]
    kept_seps = seps[start : cut - 1]
    # 3. breadcrumbs ("Home » World » Title"): the longest segment, the last on ties
    if len(kept_segs) > 1 and all(s.strip() in _HIERARCHY for s in kept_seps):
        best = max(range(len(kept_segs)), key=lambda i: (_words(kept_segs[i]), i))
        kept_segs, kept_seps = [kept_segs[best]], []
    # 4. a headline repeated in full ("A - B - A - B")
    half = len(kept_segs) // 2
    if half and len(kept_segs) % 2 == 0 and kept_segs[:half] == kept_segs[half:]:
        kept_segs, kept_seps = kept_segs[:half], kept_seps[: half - 1]
    out = kept_segs[0]
    for sep, seg in zip(kept_seps, kept_segs[1:], strict=False):
        out += sep + seg
    if _SLUG.match(out.strip()):
        # "draft-dejong-remotestorage-04 - remoteStorage": a file or URL name is no headline
        named = [seg.strip() for seg in segs if seg.strip() and not _SLUG.match(seg.strip())]
        return max(named, key=_words) if named else title
    if _words(out) < 2 and _words(title) > _words(out) and not _CJK_CHAR.search(out):
        return title  # never reduce a title to a single word
    return out


_CJK_SITE_TAIL = re.compile(r"[：:]\s*([^：:、。，！？\s][^：:、。，！？]{1,24})$")
_CJK_GAP = re.compile(r"[ \u3000]+")
_PHOTO_COUNT = re.compile(r"^(?:写真|画像|图片|圖片|사진)\s*\d+\s*(?:枚|张|張|장)?$")  # "写真1枚": N photos


def _strip_cjk_site_tail(title: str, evidence: _Evidence) -> str:
    """"見出し 写真1枚 国際ニュース：AFPBB News": a CJK title ending in "section：site" loses the
    site, the section and a photo count set off by spaces."""
    if not _CJK_CHAR.search(title):
        return title
    m = _CJK_SITE_TAIL.search(title)
    if not m or not evidence.is_site(m.group(1)):
        return title
    pieces = _CJK_GAP.split(title[: m.start()].rstrip())
    if len(pieces) < 2:
        return title
    while len(pieces) > 1 and len(pieces[-1]) <= 12 and (
        evidence.is_site(pieces[-1]) or _PHOTO_COUNT.match(pieces[-1])
    ):
        pieces.pop()
    if len(pieces) == len(_CJK_GAP.split(title[: m.start()].rstrip())):
        if norm_key(m.group(1)) in evidence.outlets:
            return title[: m.start()].rstrip()  # "...：朝日新聞デジタル": a curated outlet goes on its own
        return title  # no section before the site: "動画：..." is a label, not a site
    head = title[: m.start()].rstrip()
    kept = " ".join(pieces)
    # keep the original spacing of what stays
    return head[: len(kept)] if head.startswith(kept) else kept


_PAREN_TAIL = re.compile(r"\s*[（(]([^（）()]{2,30})[）)]\s*$")


def _strip_bracketed_outlet(title: str, evidence: _Evidence) -> str:
    """"岸田首相、訪米へ（共同通信）", "Oil prices rise (Reuters)": a curated outlet, a domain or a name ending in a
    site word in brackets at the end is the source's credit, not the headline's."""
    if not title.endswith((")", "）")):
        return title
    m = _PAREN_TAIL.search(title)
    if not m:
        return title
    seg = m.group(1).strip()
    # a site as the suffix rules judge one, of at most four words and not a figure ("(2 Reuters reporters)")
    named = _words(seg) <= 4 and seg[:1] not in "0123456789" and evidence.is_site(seg)
    head = title[: m.start()]
    if not named or _words(head) < 2:
        return title
    return head


def _check_options(options: dict[str, Any]) -> dict[str, Any]:
    known = {
        "site": None,
        "strip_site": True,
        "strip_labels": True,
        "strip_live": False,
        "collapse_whitespace": False,
        "straight_quotes": False,
    }
    unknown = set(options) - set(known)
    if unknown:
        raise TypeError(
            f"headline() got unknown option(s) {sorted(unknown)!r}; the options are {sorted(known)!r}"
        )
    merged = {**known, **options}
    site = merged["site"]
    if site is not None and not isinstance(site, str):
        raise TypeError(f"'site' must be a str (a name or domain such as 'reuters.com') or None (got {site!r})")
    for name in known:
        if name != "site" and not isinstance(merged[name], bool):
            raise TypeError(f"{name!r} must be True or False (got {merged[name]!r})")
    return merged


def headline(title: str, lang: str | None = None, case: str | None = None, **options: Any) -> str:
    """Clean a page title into a headline and optionally re-case it.

    Args:
        title: The page title (``<title>``, ``og:title``, a feed item's title ...). Any string.
        lang: ISO 639-1 code or BCP 47 tag; ``None`` detects it when casing needs it.
        case: ``None`` keeps the casing; ``"title"`` uses the language's title-case convention;
            ``"sentence"`` capitalises the first word and proper names. (Locale-correct
            upper and lower case: :func:`newsnorm.titles.upper` and :func:`newsnorm.titles.lower`.)
        **options: ``site`` (outlet name or domain: strip it wherever it stands),
            ``strip_site`` (default True), ``strip_labels`` ("EXCLUSIVE:", "(VIDEO)"; default True),
            ``strip_live`` ("LIVE:"; default False), ``collapse_whitespace`` (default False: only
            runs of line breaks become one), ``straight_quotes`` (curly quotes and guillemets to
            ASCII; default False).

    Returns:
        The headline.

    Raises:
        TypeError: ``title`` is not a str, or an option has the wrong type or name.
        ValueError: ``lang`` or ``case`` is not one the function knows.
    """
    if not isinstance(title, str):
        raise TypeError(f"'title' must be a str (got {title!r} that is a {type(title).__name__})")
    if case not in CASES:
        raise ValueError(f"'case' must be one of {CASES!r} (got {case!r})")
    opts = _check_options(options)
    code = parse_lang(lang).lang if lang is not None else None
    text = title
    if opts["collapse_whitespace"]:
        text = _MULTISPACE.sub(" ", text).strip()
    if opts["straight_quotes"]:
        text = text.translate(_QUOTES)
    if code is None and (case is not None or opts["strip_labels"]):
        code = detect(text) if case is not None else UNDETERMINED
    lang_code = code or UNDETERMINED
    if opts["strip_labels"] and text.strip():
        text = _strip_labels(text, lang_code, opts["strip_live"])
    if opts["strip_site"] and text.strip():
        evidence = _Evidence(lang_code, opts["site"])
        before = text
        text = _strip_site(text, evidence)
        if ": " in text:
            text = _strip_site_prefix(text, evidence)
        text = _strip_cjk_site_tail(text, evidence)
        text = _strip_bracketed_outlet(text, evidence)
        if opts["strip_labels"] and text != before and text.strip():
            # "Gaza aid convoy attacked (VIDEO) - RT World News": the label was inside the site suffix
            text = _strip_labels(text, lang_code, opts["strip_live"])
    if case is not None and text:
        text = recase(text, lang_code, case)
    return text


def _strip_site_prefix(text: str, evidence: _Evidence) -> str:
    """"Site Name: headline" loses its prefix when the prefix names a site.

    With a ``site`` given, any prefix that names it goes. Without one, the prefix must read as a
    site's name: two to four capitalised words ending in a site word or naming a known outlet
    ("Python Insider: ...", "Fox News: ..."), followed by a headline of at least three words.
    """
    head, colon, rest = text.partition(": ")
    if not colon or not rest.strip() or _words(rest) < 2:
        return text
    if evidence.site_keys:
        return rest if evidence.is_site(head) else text
    words = head.split()
    if len(words) == 1 and _words(rest) >= 3 and norm_key(head) in evidence.outlets:
        return rest  # "CNN: ...", "Reuters: ..."
    if not 2 <= len(words) <= 4 or _words(rest) < 3 or not all(w[:1].isupper() for w in words):
        return text
    if norm_key(head) in evidence.outlets or evidence.site_pattern.search(words[-1]):
        return rest
    return text
