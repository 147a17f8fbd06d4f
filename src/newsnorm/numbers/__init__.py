"""Numbers normaliser: every quantity in news text to its value.

Finds figures in each locale's format ("27,840", "27.840", "27 840", "1,00,000", "٢٧٨٤٠"),
number words (CLDR RBNF spell-outs for 30+ languages), scales ("1.5 million", "3 Mrd."),
ordinals ("fifth", "5th", "5e"), percentages, ranges ("400 to 500", "between 400 and 500")
and approximations ("at least", "about"). See ``docs/normalisers/numbers.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .._document import Document, Mention
from .._pipeline import NormaliserBase

__all__ = ["NumbersNormaliser"]

_STYLES = ("canonical", "locale")


class NumbersNormaliser(NormaliserBase):
    """Quantities in digits and words to numbers (kind ``"number"``).

    Args:
        rewrite: Replace each number in ``doc.text`` by its ``normalised`` form.
        style: ``"canonical"`` (digits, "." decimal mark, no grouping: ``"27840"``,
            ``"1.5"``, ``"400-500"``) or ``"locale"`` (the document language's CLDR
            format: ``"27.840"`` in German).
        ordinals: Also find ordinals ("fifth", "5th").
        words: Also find numbers written in words (figures only when false).
    """

    kind = "number"
    name = "numbers"

    def __init__(
        self, *, rewrite: bool = False, style: str = "canonical", ordinals: bool = True, words: bool = True
    ) -> None:
        for opt, val in (("rewrite", rewrite), ("ordinals", ordinals), ("words", words)):
            if not isinstance(val, bool):
                raise TypeError(f"'{opt}' must be a bool (got {val!r} that is a {type(val).__name__})")
        if not isinstance(style, str):
            raise TypeError(f"'style' must be a str, one of {_STYLES} (got {style!r} that is a {type(style).__name__})")
        if style not in _STYLES:
            raise ValueError(f"'style' must be one of {_STYLES} (got {style!r})")
        self.rewrite = rewrite
        self.style = style
        self.ordinals = ordinals
        self.words = words

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NumbersNormaliser) and self._options() == other._options()

    def __hash__(self) -> int:
        return hash(self._options())

    def _options(self) -> tuple[Any, ...]:
        return (self.rewrite, self.style, self.ordinals, self.words)

    def __repr__(self) -> str:
        return (
            f"NumbersNormaliser(rewrite={self.rewrite!r}, style={self.style!r}, "
            f"ordinals={self.ordinals!r}, words={self.words!r})"
        )

    def find(self, doc: Document) -> Iterable[Mention]:
        """Return the number mentions of ``doc.source`` (never raises on any str)."""
        scan = _scan_function[0] if _scan_function else _load_scan()
        found: list[Mention] = scan(doc.source, doc.lang, self.style, self.ordinals, self.words)  # by position: faster
        return found


#: The scanner, imported on first use (``import newsnorm`` stays light); a relative import statement
#: in ``find`` cost several microseconds per document.
_scan_function: list[Any] = []


def _load_scan() -> Any:
    from ._scan import scan

    if not _scan_function:
        _scan_function.append(scan)
    return scan
