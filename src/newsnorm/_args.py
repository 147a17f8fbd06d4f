"""Checking the arguments of :func:`newsnorm.normalise` and :class:`newsnorm.Pipeline`."""

from __future__ import annotations

import datetime as dt
import functools

from ._document import Published

__all__ = ["check_text", "parse_published"]

_EXPECTED = "'published' must be a datetime.date, a datetime.datetime or an ISO 8601 string such as '2024-02-08'"


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; raise :class:`TypeError` otherwise."""
    if isinstance(text, str):
        return text
    hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
    raise TypeError(f"'text' must be a str (got {type(text).__name__}){hint}")


def parse_published(value: object) -> Published | None:
    """Check a caller's ``published`` argument.

    Accepts ``None``, :class:`datetime.date`, :class:`datetime.datetime` (aware or
    naive) or an ISO 8601 string ("2024-02-08", "2024-02-08T10:30:00Z",
    "2024-02-08 10:30+01:00"). A string with only a date gives a ``date``.

    Raises:
        TypeError: ``value`` is of another type.
        ValueError: ``value`` is a string that is not ISO 8601.
    """
    if value is None or isinstance(value, (dt.datetime, dt.date)):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{_EXPECTED} (got {value!r} that is a {type(value).__name__})")
    return _parse_iso(value)


@functools.lru_cache(maxsize=1024)
def _parse_iso(value: str) -> Published:
    """Parse an ISO 8601 date or datetime string (cached: corpora repeat publication dates)."""
    raw = value.strip()
    try:
        if len(raw) == 10:
            return dt.date.fromisoformat(raw)
        if raw.endswith(("Z", "z")):  # Python 3.10's fromisoformat does not take "Z"
            raw = raw[:-1] + "+00:00"
        return dt.datetime.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"{_EXPECTED} (got {value!r})") from None
