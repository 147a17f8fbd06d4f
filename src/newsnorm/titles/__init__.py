"""Titles: headline cleaning and casing (:func:`headline`), and office titles (:class:`TitlesNormaliser`).

Nothing heavy is loaded at import time: data files, CLDR names and compiled patterns are built
on first use through :func:`newsnorm._resources.cached`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from .._document import Document, Mention
from .._pipeline import Edit, NormaliserBase
from ._casing import lower, upper
from ._headline import CASES, headline

__all__ = ["CASES", "TitlesNormaliser", "headline", "lower", "upper"]

_LINE = re.compile(r"[^\n]*\n?")
_SQUASH = re.compile(r"\s+")


def _key(line: str) -> str:
    return _SQUASH.sub(" ", line).strip().rstrip(".:;!").casefold()


class TitlesNormaliser(NormaliserBase):
    """Office titles before a person's name, and a repeated headline dropped from ``doc.text``.

    Finds "Prime Minister" in "Israel's Prime Minister Benjamin Netanyahu" with ``value``
    "Prime Minister" (the canonical English office), ``attrs`` ``person`` ("Benjamin Netanyahu"),
    ``country`` ("IL") and ``category``; ``normalised`` is the canonical title in the document's
    language. Works in English, French, German, Spanish, Italian, Portuguese, Turkish, Arabic
    and Russian (other languages use the English and language-independent tables).

    Args:
        dedupe: Drop a headline repeated as the first line of the body from ``doc.text``
            (``doc.source`` and offsets stay as they are). Default True.
        honorifics: Also report courtesy titles and academic titles ("Mr", "Dr.", "Prof.",
            "Señora"). Default True.
        countries: Ask the places normaliser (when installed) for countries next to a title, in
            addition to the shipped qualifiers. Default True.
        rewrite: Put each title's ``normalised`` form into ``doc.text``. Default False.
    """

    kind = "title"
    name = "titles"

    def __init__(
        self, dedupe: bool = True, honorifics: bool = True, countries: bool = True, rewrite: bool = False
    ) -> None:
        options = (("dedupe", dedupe), ("honorifics", honorifics), ("countries", countries), ("rewrite", rewrite))
        for option, value in options:
            if not isinstance(value, bool):
                raise TypeError(f"{option!r} must be True or False (got {value!r} that is a {type(value).__name__})")
        self.dedupe = dedupe
        self.honorifics = honorifics
        self.countries = countries
        self.rewrite = rewrite

    def _options(self) -> tuple[bool, bool, bool, bool]:
        return (self.dedupe, self.honorifics, self.countries, self.rewrite)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TitlesNormaliser) and type(other) is type(self) and other._options() == self._options()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._options()))

    def __repr__(self) -> str:
        return (
            f"TitlesNormaliser(dedupe={self.dedupe}, honorifics={self.honorifics}, "
            f"countries={self.countries}, rewrite={self.rewrite})"
        )

    def _places(self, doc: Document) -> Callable[[int, int], list[Mention]] | None:
        """Places of a window of ``doc.source`` (offsets in the document), or None when off/missing."""
        if not self.countries:
            return None
        try:
            from ..places import PlacesNormaliser
        except Exception:  # places is optional here: fall back to the shipped qualifiers
            return None
        finder = PlacesNormaliser()
        source = doc.source

        def places(start: int, end: int) -> list[Mention]:
            if start > 0:  # never cut a word in two
                space = source.find(" ", start, end)
                start = space + 1 if space >= 0 else end
            window = source[start:end]
            if not window.strip():
                return []
            try:
                found = finder.find(Document(source=window, text=window, lang=doc.lang))
                return [
                    dataclasses.replace(m, start=m.start + start, end=m.end + start)
                    for m in found
                    if isinstance(m.value, str)
                ]
            except Exception:  # a failing peer never breaks titles
                return []

        return places

    def find(self, doc: Document) -> Iterable[Mention]:
        """Return the office titles of ``doc.source`` (see the class docstring)."""
        from ._offices import find_titles

        if not doc.source:
            return []
        try:
            return list(find_titles(doc, self.honorifics, self._places(doc)))
        except RecursionError:  # pragma: no cover - defensive: never raise on odd input
            return []

    def edits(self, doc: Document) -> Iterable[Edit]:
        """Drop a headline repeated as the first line of the body (the next non-blank line)."""
        if not self.dedupe:
            return []
        return _repeated_headline(doc.source)


def _repeated_headline(source: str) -> list[Edit]:
    """Edits that drop every repeat of the first non-blank line that follows it directly.

    "Headline / Headline / Headline / Body" loses both repeats in one pass (normalising the
    result again changes nothing), with the blank lines after each repeat.
    """
    lines: list[tuple[int, str]] = []
    for m in _LINE.finditer(source):
        if not m.group():
            break
        lines.append((m.start(), m.group()))
        if len(lines) > 80:
            break
    content = [(start, line) for start, line in lines if line.strip()]
    if len(content) < 2:
        return []
    key = _key(content[0][1])
    if not key or len(key) > 300:
        return []
    repeats = 0
    for _start, line in content[1:]:
        if _key(line) != key:
            break
        repeats += 1
    if not repeats:
        return []
    first_repeat = content[1][0]
    last_start, last_line = content[repeats]
    end = last_start + len(last_line)
    for start, line in lines:  # the blank lines after the last repeat go too
        if start >= end and not line.strip():
            end = start + len(line)
        elif start >= end:
            break
    return [Edit(first_repeat, end, "")]
