"""Byte-table shortcuts for text whose every character is Latin-1 (ASCII, and most Western European copy).

Such a text is one byte a character, and ``str.lower`` maps each of its characters to one Latin-1
character, so a 256-byte table lowers it at memory speed. The normalisers share these helpers.
"""

from __future__ import annotations

from sys import getsizeof

__all__ = ["LOWER", "latin1_bytes", "lower_bytes"]

#: ``str.lower`` of each Latin-1 character, as bytes (every one lowers to one Latin-1 character)
LOWER = bytes(ord(chr(c).lower()) for c in range(256))

#: ``sys.getsizeof(s) - len(s)`` of a str held one byte a character that is not ASCII (CPython's compact Latin-1
#: strings; ASCII, two- and four-byte strings give other values whatever their length): a cheap guess that spares
#: the encoding of other text, checked by the encoding itself
_LATIN1_SIZE = getsizeof("\u00e9") - 1


def latin1_bytes(text: str) -> bytes | None:
    """The Latin-1 bytes of ``text``, or None when a character is beyond U+00FF (or the text is not one of
    CPython's compact one-byte strings: then the caller's general path gives the same result)."""
    if text.isascii():
        return text.encode("ascii")
    if getsizeof(text) - len(text) != _LATIN1_SIZE:
        return None
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:  # (a wrong guess: never raise on any str)
        return None


def lower_bytes(raw: bytes) -> str:
    """``str.lower`` of the text whose Latin-1 bytes are ``raw`` (the same result, a third of its cost)."""
    return raw.translate(LOWER).decode("latin-1")
