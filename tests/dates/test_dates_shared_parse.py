"""The word-list groups shared between rules: a rule parsed with them compiles to the very same code."""

from __future__ import annotations

from typing import Any

import pytest

from newsnorm.dates._lexicon import lexicon
from newsnorm.dates._scan import _compile_rule, _parse_shared, _sre_modules


def _code_of(monkeypatch: pytest.MonkeyPatch, body: str, fragments: tuple[str, ...]) -> list[Any]:
    mods = _sre_modules()
    assert mods is not None
    seen: list[Any] = []
    real = mods[1]._sre.compile

    def spy(pattern: Any, flags: int, code: Any, groups: int, groupindex: Any, indexgroup: Any) -> Any:
        seen.append((flags, list(code), groups, dict(groupindex), tuple(indexgroup)))
        return real(pattern, flags, code, groups, groupindex, indexgroup)

    with monkeypatch.context() as m:
        m.setattr(mods[1]._sre, "compile", spy)
        first = _compile_rule(body, fragments)[1]
    assert len(seen) == 1
    return [seen[0], first]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_shared_groups_compile_to_the_same_code(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    # Arabic word lists share a leading article across branches: the parser factors it out either way
    lex = lexicon(lang)
    assert lex is not None
    assert lex.fragments
    rules = dict(lex.rules)
    for tag in ("R_quarter", "R_relp", "R_holiday", "R_dur", "R_mdy"):
        if tag in rules:
            assert _code_of(monkeypatch, rules[tag], lex.fragments) == _code_of(monkeypatch, rules[tag], ())


def test_shared_parse_declines_what_it_cannot_keep_exact() -> None:
    mods = _sre_modules()
    assert mods is not None
    group = "(?:a(?:pril|ugust)|march)"
    assert _parse_shared(mods, rf"(?P<x>{group})\s(?P=x)", (group,)) is None  # a back reference
    assert _parse_shared(mods, f"\ue000{group}", (group,)) is None  # a private-use character of its own
    assert _parse_shared(mods, "(?:may)", ("(?:may)",)) is None  # all literal: nothing to share
    assert _parse_shared(mods, f"x{group}?y", (group,)) is not None
    assert _compile_rule(f"(?P<R_x>)x{group}?y", (group,))[0].match("xaugusty") is not None
