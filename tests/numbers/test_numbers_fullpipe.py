"""Numbers in the full default pipeline: what the dates normaliser leaves to numbers reads right."""

from __future__ import annotations

import newsnorm


def _numbers(text: str, lang: str) -> list[tuple[str, object]]:
    doc = newsnorm.normalise(text, lang=lang, published="2024-02-08")
    return [(m.text, m.value) for m in doc.mentions if m.kind == "number"]


def test_hyphenated_quarters_and_ages_are_numbers() -> None:
    got = _numbers("About three-quarters of voters backed the plan, a 45-year-old man said.", "en")
    assert got == [("three-quarters", 0.75), ("45", 45)]


def test_change_then_level_in_the_full_pipeline() -> None:
    got = _numbers("The Dow rose 0.4 per cent to 38,677.36 points on Friday.", "en")
    assert got == [("0.4 per cent", 0.4), ("38,677.36", 38677.36)]


def test_office_titles_are_no_ordinals_in_the_full_pipeline() -> None:
    assert _numbers("Le Premier ministre libanais a parlé pour la première fois.", "fr") == [("première", 1)]
