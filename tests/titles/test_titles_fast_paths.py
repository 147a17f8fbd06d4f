"""The speed paths of the office finder find what the plain paths find (no timing here)."""

from __future__ import annotations

import random

import pytest
from titles_helpers import read_cases

from newsnorm import Document, Mention
from newsnorm.titles import TitlesNormaliser, _offices

LATIN = ["en", "es", "fr", "de", "it", "pt", "nl", "sv", "ca", "id", "da", "fi", "nb", "sw"]
# characters around a title that the word-start text maps: marks, joiners, quotes, "?", beyond Latin-1
ODD = [
    *" \n\t-'’.?_x(\"“«»¿¡—…ıİßẞŸ\u212a\u212bœ\u0301\u0308\u200c\u200d\x01",
    *("ex", "then-", "ex-", "l'", "dell’", "Nato-", "экс-", "Генсек ", "??"),
]


def _plain(text: str, lang: str) -> list[tuple[int, int, int]]:
    """The candidates of the automaton over every form anywhere (the word-start automaton left out)."""
    tables = _offices._tables(lang)
    return _offices._candidates(text, tables._replace(starts=None))


def _texts(lang: str, count: int, seed: int) -> list[str]:
    forms = sorted(_offices._tables(lang).table)
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        pieces = []
        for _ in range(rnd.randint(1, 12)):
            form = rnd.choice(forms)
            pieces.append(rnd.choice([rnd.choice(ODD), form, form.upper(), form.title(), " " + form + " "]))
        out.append("".join(pieces))
    return out


def test_word_start_automaton_is_built_for_latin_languages() -> None:
    assert all(_offices._tables(lang).starts is not None for lang in ("en", "es", "fr", "de"))
    # written beyond Latin-1: the plain automaton
    assert all(_offices._tables(lang).starts is None for lang in ("ru", "ar", "zh", "hi", "tr", "pl", "cs", "vi"))


@pytest.mark.parametrize("lang", LATIN)
def test_word_start_candidates_are_the_plain_ones(lang: str) -> None:
    rows = [r["input"] for r in read_cases("*.jsonl") if isinstance(r.get("input"), str)]
    for text in rows + _texts(lang, 400, seed=len(lang) * 7919 + ord(lang[0])):
        assert _offices._candidates(text, _offices._tables(lang)) == _plain(text, lang), text


def test_word_start_text_keeps_offsets() -> None:
    text = "«Ex-presidente» Ωmega ?Dr. l’ambassadeur\u0301 — x"
    mapped = _offices._word_starts(text.lower())
    assert len(mapped) == len(text) + 2
    assert mapped[0] == mapped[-1] == " "
    assert mapped[1] == " "  # "«" starts a word
    assert mapped[mapped.index("dr") - 1] == _offices._UNKNOWN  # "?" may or may not



@pytest.mark.parametrize(
    ("text", "lang", "want", "reads"),
    [
        # the places before a title are read for a title kept (a demonym the shipped qualifiers lack) ...
        ("Fijian Prime Minister Sitiveni Rabuka met farmers.", "en", [("Prime Minister", "Sitiveni Rabuka", "FJ")], 1),
        ("Apple Computer CEO Steve Jobs gave a keynote.", "en", [("CEO", "Steve Jobs", None)], 1),
        # ... and for an ambiguous title after a capitalised word (a country would keep it) ...
        ("Ford Motor Company General Motors said on Monday.", "en", [], 1),
        ("The company's Three major rivals", "en", [], 1),
        # ... not for a title dropped anyway
        ("Apple Computer CEO and co-founder Steve Jobs spoke.", "en", [], 0),
        ("Fabricante estadounidense de automóviles General Motors anunció", "es", [], 0),
    ],
)
def test_places_before_a_title_are_read_only_when_needed(
    text: str, lang: str, want: list[tuple[str, str | None, str | None]], reads: int
) -> None:
    doc = Document(source=text, text=text, lang=lang)
    finder = TitlesNormaliser()._places(doc)
    assert finder is not None
    calls: list[tuple[int, int]] = []

    def places(start: int, end: int) -> list[Mention]:
        calls.append((start, end))
        return list(finder(start, end))

    found = _offices.find_titles(doc, True, places)
    got = [(m.text, m.attrs.get("person"), m.attrs.get("country")) for m in found]
    assert got == want
    starts = {start for start, _end, _lead in _offices._candidates(text, _offices._tables(lang))}
    assert len([end for _start, end in calls if end in starts]) == reads



def test_characters_lowered_into_latin1_are_listed() -> None:
    # beyond Latin-1, exactly these lower-case into it (or into two characters): the fast path leaves them out
    listed = _offices._LOWERS_INTO_LATIN1
    for code in range(0x100, 0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        lower = ch.lower()
        assert bool(listed.match(ch)) == (len(lower) != 1 or ord(lower) <= 0xFF), hex(code)
