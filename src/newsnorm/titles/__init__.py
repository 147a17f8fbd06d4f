"""Titles: headline cleaning and casing (:func:`headline`), and office titles (:class:`TitlesNormaliser`).

Nothing heavy is loaded at import time: data files, CLDR names and compiled patterns are built
on first use through :func:`newsnorm._resources.cached`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from .._document import Document, Mention
from .._pipeline import Edit, NormaliserBase
from ._casing import lower, upper
from ._headline import CASES, headline

__all__ = ["CASES", "TitlesNormaliser", "headline", "lower", "upper"]

_SQUASH = re.compile(r"\s+")
#: The office finder, imported on first use (``import newsnorm`` stays light).
_FINDER: dict[str, Callable[..., list[Mention]]] = {}
#: The places normaliser's ``find`` (default options, stateless), made on the first title that asks for a country.
_PLACES: dict[str, Callable[[Document], Iterable[Mention]]] = {}


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
        """Places of a window of ``doc.source`` (offsets in the document), or None when off.

        The places normaliser is imported and made on the first call only, once a process: most
        documents have no title that asks for a country. When it is missing or fails, the result is
        empty.
        """
        if not self.countries:
            return None
        source = doc.source

        def places(start: int, end: int) -> list[Mention]:
            finder = _PLACES.get("find")
            if finder is None:
                try:
                    from ..places import PlacesNormaliser
                except Exception:  # places is optional here: fall back to the shipped qualifiers
                    return []
                finder = _PLACES["find"] = PlacesNormaliser().find
            if start > 0:  # never cut a word in two
                space = source.find(" ", start, end)
                start = space + 1 if space >= 0 else end
            window = source[start:end]
            if not window.strip():
                return []
            try:
                found = finder(Document(window, window, doc.lang))  # positional: a third cheaper
                return [
                    Mention(m.kind, m.start + start, m.end + start, m.text, m.value, m.normalised, m.attrs)
                    for m in found
                    if isinstance(m.value, str)
                ]
            except Exception:  # a failing peer never breaks titles
                return []

        return places

    def find(self, doc: Document) -> Iterable[Mention]:
        """Return the office titles of ``doc.source`` (see the class docstring)."""
        if not doc.source:
            return []
        finder = _FINDER.get("find")
        if finder is None:
            from ._offices import find_titles

            finder = _FINDER["find"] = find_titles
        try:
            return finder(doc, self.honorifics, None, self._places)
        except RecursionError:  # pragma: no cover - defensive: never raise on odd input
            return []

    def edits(self, doc: Document) -> Iterable[Edit]:
        """Drop a headline repeated as the first line of the body (the next non-blank line)."""
        if not self.dedupe:
            return []
        return _repeated_headline(doc.source)


#: The first characters of the first two non-blank lines.
_FIRST_CHARS = re.compile(r"\s*(\S)[^\n]*\n\s*(\S)")
_MAX_LINES = 81  # lines read from the top of a document for a repeated headline


def _lines(source: str) -> Iterator[tuple[int, str]]:
    """(offset, line with its line break) of the first :data:`_MAX_LINES` lines, read lazily."""
    pos = 0
    size = len(source)
    for _ in range(_MAX_LINES):
        if pos >= size:
            return
        nl = source.find("\n", pos)
        end = size if nl < 0 else nl + 1
        yield pos, source[pos:end]
        pos = end


def _repeated_headline(source: str) -> list[Edit]:
    """Edits that drop every repeat of the first non-blank line that follows it directly.

    "Headline / Headline / Headline / Body" loses both repeats in one pass (normalising the
    result again changes nothing), with the blank lines after each repeat. Lines are read lazily:
    most documents stop at their second non-blank line.
    """
    two = _FIRST_CHARS.match(source)
    if two is None:
        return []  # fewer than two non-blank lines
    first, second = two.group(1, 2)
    if first != second and first.casefold()[:1] != second.casefold()[:1]:
        return []  # the keys start with these: most documents stop here (the loop below decides the rest)
    key = ""
    first_repeat = end = -1
    for start, line in _lines(source):
        if not line.strip():
            continue
        if not key:
            key = _key(line)
            if not key or len(key) > 300:
                return []
            continue
        # the key starts with the casefolded first character of its line: a cheap test first
        if not key.startswith(line.lstrip()[:1].casefold()) or _key(line) != key:
            break
        if first_repeat < 0:
            first_repeat = start
        end = start + len(line)
    if first_repeat < 0:
        return []
    for start, line in _lines(source):  # the blank lines after the last repeat go too
        if start < end:
            continue
        if line.strip():
            break
        end = start + len(line)
    return [Edit(first_repeat, end, "")]
