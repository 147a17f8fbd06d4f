"""Places normaliser (placeholder: finds nothing yet)."""

from __future__ import annotations

from collections.abc import Iterable

from .._document import Document, Mention
from .._pipeline import NormaliserBase

__all__ = ["PlacesNormaliser"]


class PlacesNormaliser(NormaliserBase):
    """Country, territory and city names to ISO 3166-1 alpha-2 codes."""

    kind = "place"
    name = "places"

    def find(self, doc: Document) -> Iterable[Mention]:
        return ()
