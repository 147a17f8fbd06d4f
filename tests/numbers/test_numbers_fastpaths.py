"""The scanner's shortcuts read exactly as the general steps they stand for.

Each shortcut (the word pattern without its lookbehind, a lone article word read without a ``Num``, ...) is
compared here with the general step on texts made to reach both.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsnorm._latin1 import latin1_bytes, lower_bytes
from newsnorm.numbers import _scan
from newsnorm.numbers._parse import Num

#: Languages whose word pattern leaves its lookbehind out (non-ASCII atoms or marks), and English (ASCII edges).
CHECKED_LANGS = ["es", "fr", "de", "pt", "hi", "ru", "ar", "tr", "sv"]


def _with_lookbehind(g: Any) -> Any:
    """The word pattern as it was built with its lookbehind (the reference of the shortcut)."""
    p = g.pattern.pattern
    assert p.startswith("[^a-zA-Z0-9_](")
    edge = "(?<!" + g.prefix_check.pattern + ")"
    return re.compile(p[:13] + edge + p[13:], g.pattern.flags)


def _runs(pattern: Any, low: str) -> list[tuple[int, str]]:
    return [(m.start(1), m.group(1)) for m in pattern.finditer(low)]


TRICKY = [
    "xéonce-dos y tres",
    "ñuno dos, éuno; \u0300tres cuatro",
    "el único veinte y \u00e9dos mil",
    "дваéдва три",
    "सौ\u093eदो तीन",
    "élf zwölf éeins-zwei",
    "ünüç dört",
]


@pytest.mark.parametrize("lang", CHECKED_LANGS)
def test_word_runs_without_lookbehind_are_those_with_it(lang: str) -> None:
    g = _scan._grammar_of(lang)
    if g.prefix_check is None:
        pytest.skip("no lookbehind left out")
    ref = _with_lookbehind(g)
    words = [w for w in list(g.words)[:40] if " " not in w]
    texts = [*TRICKY, *(f"é{w}-{w} x{w} {w}é, \u0301{w} {w}" for w in words)]
    for text in texts:
        low = text.lower()
        got = [(s, m.group(1)) for s, _, m in _scan._checked_runs(low, g.pattern, g.prefix_check, 0)]
        assert got == _runs(ref, low), text


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["es", "fr", "de", "hi"]),
    st.lists(
        st.sampled_from(["é", "ñ", "\u0301", " ", "-", "x", ",", "dos", "tres", "zwei", "deux", "दो", "mil"]),
        max_size=14,
    ),
)
def test_property_checked_runs(lang: str, parts: list[str]) -> None:
    g = _scan._grammar_of(lang)
    if g.prefix_check is None:
        return
    low = "".join(parts).lower()
    got = [(s, m.group(1)) for s, _, m in _scan._checked_runs(low, g.pattern, g.prefix_check, 0)]
    assert got == _runs(_with_lookbehind(g), low)


@pytest.mark.parametrize(
    "text",
    [
        "dijo un beneficio",
        "un, dos",
        "un 5%",
        "un dos por ciento",
        "sube un",
        "uno millenovecentonovanta",
        "una persona",
        "un por ciento",
        "un\ttres",
        "una  mil",
    ],
)
def test_lone_article_word_reads_as_keep_word_number(text: str) -> None:
    g = _scan._grammar_of("es" if "millenove" not in text else "it")
    low = text.lower()
    for m in re.finditer(r"\b(?:un|una|uno)\b", low):
        if m.group() not in g.words:
            continue
        v, k = g.words[m.group()]
        run = [(m.start(), m.end(), m.group(), v, k, False, -1)]
        fast = _scan._read_run(text, low, run, {}, g)
        kept = _scan._keep_word_number(low, Num(m.start(), m.end(), v, k == "O", 1, m.group()), g)
        assert bool(fast) == kept, (text, m.group())


@pytest.mark.parametrize("lang", ["en", "es", "fr", "it", "pt", "de", "ar", "ru"])
def test_lone_word_reads_as_keep_word_number(lang: str) -> None:
    g = _scan._grammar_of(lang)
    one_words = [w for w, (v, k) in g.words.items() if k in ("N", "O", "H") and (v == 1 or w in g.article_one)]
    others = [w for w, (v, k) in g.words.items() if k in ("N", "O", "H")][:60]
    for w in [*one_words[:40], *others]:
        for text in (f"at {w} point", f"{w} beneficio", f"the only {w}", f"{w} por ciento", f"{w}", f"x {w}-off"):
            low = text.lower()
            s = low.index(w)
            v, k = g.words[w]
            run = [(s, s + len(w), w, v, k, False, -1)]
            fast = _scan._read_run(text, low, run, {}, g)
            kept = _scan._keep_word_number(low, Num(s, s + len(w), v, k == "O", 1, w), g)
            assert bool(fast) == kept, (lang, text)


def _no_tail_by_pattern(low: str, e: int, g: Any) -> bool:
    if low[e + 1 : e + 2].isdecimal():
        return False
    t = g.tail.match(low, e)
    return t is None or t.end() == e


TAIL_WORDS = [
    "people",
    "per cent",
    "percent",
    "por ciento",
    "pour cent",
    "prozent",
    "k",
    "m",
    "g",
    "mi",
    "million",
    "points",
    "%",
    "٪",
    "mln",
    "ki",
    "g.",
    "m,",
    "pe",
    "p",
    "",
    " k",
    "\u00a0%",
    "procent",
    "yüzde",
    "в",
]


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "tr", "ru", "nl", "hi"])
def test_no_tail_shortcut_reads_as_the_tail_pattern(lang: str) -> None:
    g = _scan._grammar_of(lang)
    for w in TAIL_WORDS:
        for space in (" ", "\t", "\u00a0"):
            low = f"5{space}{w}".lower()
            assert _scan._no_tail(low, 1, g) == _no_tail_by_pattern(low, 1, g), (lang, low)
            low = f"5{space}{w} x"
            assert _scan._no_tail(low, 1, g) == _no_tail_by_pattern(low, 1, g), (lang, low)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["en", "es", "fr", "de", "tr"]), st.text(alphabet=" kmgpercntoi%\u00a0.,x1", max_size=8))
def test_property_no_tail(lang: str, rest: str) -> None:
    g = _scan._grammar_of(lang)
    low = "5 " + rest
    assert _scan._no_tail(low, 1, g) == _no_tail_by_pattern(low, 1, g)


@pytest.mark.parametrize(
    "text", ["2 1/4 cups", "- 10 k", " -5", "-\t3", "1と5分の4", "½ and 2", "5 ½", "-1 4/5", "x 3", " 3", "\t-2 1/2"]
)
@pytest.mark.parametrize("lang", ["en", "ja", "es"])
def test_mixed_is_skipped_only_when_it_changes_nothing(text: str, lang: str) -> None:
    g = _scan._grammar_of(lang)
    low = text.lower()
    items = _scan._scan_cjk(text, low, g) if g.cjk else _scan._scan_words(text, low, g, True)
    if not items or any(it.fraction for it in items) or low[0] in " \t-−":
        return  # (scan calls _mixed)
    before = [(it.start, it.end, it.value) for it in items]
    assert [(it.start, it.end, it.value) for it in _scan._mixed(low, items)] == before


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "it", "pt", "ru", "hi", "ar", "nl"])
def test_figure_and_scale_run_reads_as_the_parsed_run(lang: str) -> None:
    g = _scan._grammar_of(lang)
    scales = [w for w, (_, k) in g.words.items() if k == "S"][:12]
    for w in scales:
        for fig in ("2", "2.7", "1,5", "27840", "0", "0.5"):
            for after in ("", " %", " per cent", " por ciento", " x", "%"):
                text = f"{fig} {w}{after}"
                low = text.lower()
                item = _scan._Item(0, len(fig), float(fig.replace(",", ".")) if not fig.isdigit() else int(fig))
                run = [
                    (0, len(fig), fig, item.value, "FIG", False, -1),
                    (len(fig) + 1, len(fig) + 1 + len(w), w, g.words[w][0], "S", False, -1),
                ]
                got = [
                    (it.start, it.end, it.value, it.percent, it.scale)
                    for it in _scan._read_run(text, low, run, {0: item}, g)
                ]
                want = []
                for nm in _scan._parse_run(run, g):
                    if nm.start == 0 and nm.tokens == 1:
                        want.append((0, item.end, item.value, item.percent, item.scale))
                        continue
                    end, pct = nm.end, False
                    t = _scan._tail(low, nm.end, g)
                    if t is not None and t.group("pct"):
                        end, pct = t.end(), True
                    scale = _scan._word_scale(nm.value, item.value) if nm.start == 0 else 1
                    want.append((nm.start, end, nm.value, pct, scale))
                assert got == want, (lang, text)


def _gap_pieces(g: Any) -> list[str]:
    words = [*g.connectors, *g.one_article, *g.article_one, *g.overlay.get("fraction_between", [])]
    return [*sorted(words)[:20], " ", "  ", "\t", "\u00a0", "-", "‐", ",", "x", "de", "and", "$", "é", "."]


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "hi", "ar", "tr", "ro", "he", "zh", "ja", "ru"])
def test_gap_chars_never_refuse_a_gap(lang: str) -> None:
    g = _scan._grammar_of(lang)
    gap, chars = _scan._gap_pattern(g), _scan._gap_chars(g)
    pieces = _gap_pieces(g)
    for a in pieces:
        for b in pieces:
            for c in ("", " ", "-"):
                span = a + c + b
                if gap.fullmatch(span) is not None:
                    assert not span.strip(chars), (lang, span)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["en", "es", "fr", "hi", "ar", "ro"]), st.data())
def test_property_gap_chars(lang: str, data: st.DataObject) -> None:
    g = _scan._grammar_of(lang)
    parts = data.draw(st.lists(st.sampled_from(_gap_pieces(g)), max_size=6))
    span = "".join(parts)
    if _scan._gap_pattern(g).fullmatch(span) is not None:
        assert not span.strip(_scan._gap_chars(g))


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["en", "es", "fr", "de", "tr", "ru", "hi", "ar", "it", "id"]),
    st.sampled_from([" ", "\n", "\t", "\u00a0"]),
    st.text(alphabet=" \t\n\u00a0kmgpercntoiuvhd%٪.,x1e^/ºª°-", max_size=7),
)
def test_property_no_tail_after_any_whitespace(lang: str, space: str, rest: str) -> None:
    g = _scan._grammar_of(lang)
    low = "5" + space + rest
    assert _scan._no_tail(low, 1, g) == _no_tail_by_pattern(low, 1, g), (lang, low)


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "tr", "ru", "nl", "hi", "id", "it", "pt"])
def test_no_tail_on_every_suffix(lang: str) -> None:
    g = _scan._grammar_of(lang)
    o = g.overlay
    items = [*o.get("ordinal_suffix", []), *o.get("glued_abbr", {}), *o.get("percent", []), "%", "k", "m", "g", "e5"]
    for item in items:
        for before in (" ", "  ", "\n", "\t", "\n\n", " \u00a0"):
            for after in ("", " x", "x"):
                low = ("7" + before + item + after).lower()
                assert _scan._no_tail(low, 1, g) == _no_tail_by_pattern(low, 1, g), (lang, low)


LATIN1_TEXTS = [
    "",
    "no figures at all",
    "27,840 and 1.5, ¼ and 3½ plus ¾; 2024-02-08, 10:30, '99 and 1'000'000 CHF",
    "Über 1.500 Menschen, ÀÉÎÕÜ ÿ ß µ 12\u00a0345,5 £, ×2 ÷3 ¹²³ 5º 3ª",
    "9",
    "1 2 3 4 5 6 7 8 9 0 .5 ,5 5. 5, 5'",
]


@pytest.mark.parametrize("text", LATIN1_TEXTS)
def test_latin1_figure_matches_are_the_pattern_matches(text: str) -> None:
    for lang in ("en", "es", "de", "fr"):
        g = _scan._grammar_of(lang)
        low = text.lower()
        fast = [(s, k, m.span()) for s, k, m in _scan._figure_matches(low, text.encode("latin-1"), g)]
        assert fast == [(m.start(), 0, m.span()) for m in g.figures.finditer(low)], (lang, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=255), max_size=40))
def test_property_latin1_figure_matches_and_lowering(text: str) -> None:
    g = _scan._grammar_of("es")
    raw = text.encode("latin-1")
    low = lower_bytes(raw)
    assert low == text.lower()
    fast = [(s, m.span()) for s, _, m in _scan._figure_matches(low, raw, g)]
    assert fast == [(m.start(), m.span()) for m in g.figures.finditer(low)]


@pytest.mark.parametrize("text", ["Ein Ärger: 1.500 Menschen", "ÉTÉ 2024: TRES MIL", "plain 5 and five", "über ’5’ €"])
def test_latin1_size_guess_takes_the_right_path(text: str) -> None:
    latin1 = not text.isascii() and max(text) <= "\u00ff"
    assert (latin1_bytes(text) is not None and not text.isascii()) == latin1
    ref = [(m.start, m.end, m.value) for m in _scan.scan(text + "\u2019", "de")]  # (a two-byte text: general path)
    assert [(m.start, m.end, m.value) for m in _scan.scan(text, "de")] == ref


def test_latin1_guess_falls_back_when_wrong() -> None:
    assert latin1_bytes("5 \u2019five\u2019") is None
    assert latin1_bytes("5 éf") == "5 éf".encode("latin-1")
