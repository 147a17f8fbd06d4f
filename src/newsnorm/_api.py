"""The top-level functions :func:`normalise` and :func:`headline`."""

from __future__ import annotations

from typing import Any

from ._document import Document
from ._pipeline import Pipeline
from ._registry import DEFAULT_PIPELINE
from ._resources import cached, shortcut_table

__all__ = ["default_pipeline", "headline", "normalise"]

#: The default pipeline once built: a lock-free shortcut in front of ``cached`` (``normalise`` runs per document).
_DEFAULT: dict[str, Pipeline] = shortcut_table()


def default_pipeline() -> Pipeline:
    """The pipeline :func:`normalise` runs: places, dates, numbers, titles (built once)."""
    pipe = _DEFAULT.get("pipeline")
    if pipe is None:
        pipe = _DEFAULT["pipeline"] = cached(("newsnorm", "default-pipeline"), _build_default)
    return pipe


def _build_default() -> Pipeline:
    return Pipeline(list(DEFAULT_PIPELINE))


def normalise(text: str, lang: str | None = None, published: Any = None) -> Document:
    """Normalise ``text`` with the default pipeline (places, dates, numbers, titles).

    Args:
        text: Any string. Odd input (control characters, lone surrogates, huge
            texts) never raises.
        lang: ISO 639-1 code or BCP 47 tag ("en", "pt-BR"); ``None`` detects it.
        published: Publication date as :class:`datetime.date`,
            :class:`datetime.datetime` or ISO 8601 string; relative dates
            ("Thursday", "last week") resolve against it. Without it they stay
            underspecified ("XXXX-10-07"), never the machine's today.

    Returns:
        A :class:`Document` with ``source``, ``text``, ``lang`` and ``mentions``.

    Raises:
        TypeError: ``text`` is not a ``str``, or an argument has the wrong type.
        ValueError: ``lang`` is not a language code or ``published`` not ISO 8601.
    """
    return default_pipeline()(text, lang=lang, published=published)


def headline(title: str, lang: str | None = None, case: str | None = None, **options: Any) -> str:
    """Clean a page title into a headline and optionally re-case it.

    Strips site names, section prefixes and suffixes ("| Reuters", " - BBC News"),
    then applies ``case``: ``None`` keeps the casing, ``"title"`` uses the
    language's title-case convention, ``"sentence"`` capitalises the first word
    and proper nouns. ``options`` go to :func:`newsnorm.titles.headline`
    (for example ``site="reuters.com"``).
    """
    from .titles import headline as _headline

    return _headline(title, lang=lang, case=case, **options)
