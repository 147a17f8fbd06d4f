"""Dates normaliser (placeholder: finds nothing yet)."""

from __future__ import annotations

from collections.abc import Iterable

from .._document import Document, Mention
from .._pipeline import NormaliserBase

__all__ = ["DatesNormaliser"]


class DatesNormaliser(NormaliserBase):
    """Dates, times, durations and sets to TIMEX3 values."""

    kind = "date"
    name = "dates"

    def find(self, doc: Document) -> Iterable[Mention]:
        return ()
