"""The result types: :class:`Mention` and :class:`Document`.

Both are frozen, slotted dataclasses holding plain data only, so they compare
by value, pickle under every protocol and serialise to JSON through
:meth:`Document.to_dict`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Union

__all__ = ["Document", "Mention", "Published", "Value"]

#: The machine value of a mention: a string (place code, TIMEX3 value, office),
#: a number, or a ``[low, high]`` range of numbers.
Value = Union[str, int, float, list[int | float], None]  # noqa: UP007 (a runtime alias on 3.10)

#: What a document may be anchored on.
Published = Union[_dt.date, _dt.datetime]  # noqa: UP007 (a runtime alias on 3.10)


@dataclass(frozen=True, slots=True, init=False)
class Mention:
    """One normalised span of a document's ``source``.

    ``source[start:end] == text`` always holds; the pipeline checks it.

    Attributes:
        kind: ``"place"``, ``"date"``, ``"number"``, ``"title"`` or a plugin's kind.
        start: Offset of the first character in ``Document.source``.
        end: Offset one past the last character (a Python slice end).
        text: The surface form, exactly as in the source.
        value: The machine value; its format depends on ``kind`` (see the docs).
        normalised: The canonical surface form, which a rewrite puts in ``Document.text``.
        attrs: Extra facts, per kind (``type``, ``mod``, ``ordinal``, ``person`` ...).
    """

    kind: str
    start: int
    end: int
    text: str
    value: Value
    normalised: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        text: str,
        value: Value,
        normalised: str,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        # the generated frozen __init__ goes through object.__setattr__ per field; the slot
        # descriptors set the same slots in a third less time (a mention is made per hit)
        _M_KIND(self, kind)
        _M_START(self, start)
        _M_END(self, end)
        _M_TEXT(self, text)
        _M_VALUE(self, value)
        _M_NORMALISED(self, normalised)
        _M_ATTRS(self, {} if attrs is None else attrs)

    def to_dict(self) -> dict[str, Any]:
        """Return the mention as a dict of plain JSON types."""
        value = self.value
        if isinstance(value, tuple):  # tolerate tuples from third-party normalisers
            value = list(value)
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": value,
            "normalised": self.normalised,
            "attrs": dict(self.attrs),
        }


@dataclass(frozen=True, slots=True, init=False)
class Document:
    """The result of normalising one text.

    Attributes:
        source: The input text, unchanged. All mention offsets refer to it.
        text: The normalised text: ``source`` with the chosen rewrites applied.
        lang: ISO 639-1 code, given or detected; ``"und"`` when unknown.
        mentions: The mentions, ordered by ``start``; they never overlap.
        published: The publication date or datetime relative expressions are
            resolved against, or ``None``.
        region: ISO 3166-1 region of a BCP 47 tag such as ``pt-BR``, else ``None``.
    """

    source: str
    text: str
    lang: str
    mentions: tuple[Mention, ...] = ()
    published: Published | None = None
    region: str | None = None

    def __init__(
        self,
        source: str,
        text: str,
        lang: str,
        mentions: tuple[Mention, ...] = (),
        published: Published | None = None,
        region: str | None = None,
    ) -> None:
        _D_SOURCE(self, source)
        _D_TEXT(self, text)
        _D_LANG(self, lang)
        _D_MENTIONS(self, mentions)
        _D_PUBLISHED(self, published)
        _D_REGION(self, region)

    def to_dict(self) -> dict[str, Any]:
        """Return the document as a dict of plain JSON types (str, int, float, list, dict, None)."""
        return {
            "source": self.source,
            "text": self.text,
            "lang": self.lang,
            "region": self.region,
            "published": None if self.published is None else self.published.isoformat(),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    def _repr_html_(self) -> str:  # pragma: no cover - exercised in notebooks
        from ._render import render

        return render(self)


def _setter(cls: type, name: str) -> Any:
    """The ``__set__`` of the slot ``name`` of ``cls`` (bypasses the frozen ``__setattr__``)."""
    return cls.__dict__[name].__set__


_M_KIND, _M_START, _M_END, _M_TEXT, _M_VALUE, _M_NORMALISED, _M_ATTRS = (
    _setter(Mention, n) for n in ("kind", "start", "end", "text", "value", "normalised", "attrs")
)
_D_SOURCE, _D_TEXT, _D_LANG, _D_MENTIONS, _D_PUBLISHED, _D_REGION = (
    _setter(Document, n) for n in ("source", "text", "lang", "mentions", "published", "region")
)
