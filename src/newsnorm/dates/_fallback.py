"""dateparser, as a last resort on one short candidate span, with the language given."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ._resolve import Resolved

__all__ = ["parse"]


def parse(span: str, lang: str, pub: dt.date | None) -> Resolved | None:
    """Ask dateparser about ``span`` (never a whole document); None if it cannot say or is not installed."""
    if len(span) > 64:
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    try:
        when = dateparser.parse(span, languages=[lang], settings=settings)
    except Exception:
        return None
    if when is None or pub is None:
        return None
    return Resolved(when.date().isoformat(), "DATE")
