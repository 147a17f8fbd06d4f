"""Titles normaliser and headline cleaning (placeholder)."""

from __future__ import annotations

from collections.abc import Iterable

from .._document import Document, Mention
from .._pipeline import NormaliserBase

__all__ = ["TitlesNormaliser", "headline"]


class TitlesNormaliser(NormaliserBase):
    """Office titles before a person's name."""

    kind = "title"
    name = "titles"

    def find(self, doc: Document) -> Iterable[Mention]:
        return ()


def headline(title: str, lang: str | None = None, case: str | None = None) -> str:
    """Clean a page title (placeholder: collapses whitespace only)."""
    if not isinstance(title, str):
        raise TypeError(f"'title' must be a str (got {type(title).__name__})")
    return " ".join(title.split())
