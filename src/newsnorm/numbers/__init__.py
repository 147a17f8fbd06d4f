"""Numbers normaliser (placeholder: finds nothing yet)."""

from __future__ import annotations

from collections.abc import Iterable

from .._document import Document, Mention
from .._pipeline import NormaliserBase

__all__ = ["NumbersNormaliser"]


class NumbersNormaliser(NormaliserBase):
    """Quantities in digits and words to numbers."""

    kind = "number"
    name = "numbers"

    def find(self, doc: Document) -> Iterable[Mention]:
        return ()
