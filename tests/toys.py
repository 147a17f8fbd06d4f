"""Toy normalisers for the core tests: simple, predictable, and typed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from newsnorm import Document, Edit, Mention, NormaliserBase


class Digits(NormaliserBase):
    """Runs of ASCII digits, value int; rewrites them as "<n>" when ``rewrite`` is true."""

    kind = "number"
    name = "toy-digits"

    def __init__(self, rewrite: bool = False) -> None:
        self.rewrite = rewrite

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self), self.rewrite))

    def find(self, doc: Document) -> Iterator[Mention]:
        for m in re.finditer(r"[0-9]+", doc.source):
            yield Mention("number", m.start(), m.end(), m.group(), int(m.group()[:18]), f"<{m.group()}>")


class Words(NormaliserBase):
    """Words of given strings, upper-cased as normalised form."""

    kind = "word"
    name = "toy-words"

    def __init__(self, *words: str, rewrite: bool = True) -> None:
        self.words = words
        self.rewrite = rewrite

    def find(self, doc: Document) -> Iterator[Mention]:
        for word in self.words:
            for m in re.finditer(re.escape(word), doc.source):
                yield Mention("word", m.start(), m.end(), m.group(), word, word.upper())


class DropFirstLine(NormaliserBase):
    """Asks the pipeline to remove the first line through an Edit; finds nothing."""

    kind = "edit"
    name = "toy-drop-first-line"

    def find(self, doc: Document) -> Iterable[Mention]:
        return ()

    def edits(self, doc: Document) -> Iterator[Edit]:
        end = doc.source.find("\n")
        if end >= 0:
            yield Edit(0, end + 1, "")


class Liar(NormaliserBase):
    """Returns a mention whose text does not match its offsets."""

    kind = "bad"
    name = "toy-liar"

    def find(self, doc: Document) -> Iterable[Mention]:
        return [Mention("bad", 0, 1, "not what is there", None, "")]
