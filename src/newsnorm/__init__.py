"""newsnorm: composable normalisers for multilingual news text.

>>> import newsnorm
>>> doc = newsnorm.normalise("Hello", lang="en")
>>> doc.lang
'en'

Importing this package is cheap: no dateparser, langdetect or locale data is
loaded until a normaliser needs it.
"""

from ._api import headline, normalise
from ._document import Document, Mention
from ._pipeline import Edit, Normaliser, NormaliserBase, Pipeline
from ._registry import NormaliserLoadError, UnknownNormaliserError, available, get
from ._render import render

__all__ = [
    "Document",
    "Edit",
    "Mention",
    "Normaliser",
    "NormaliserBase",
    "NormaliserLoadError",
    "Pipeline",
    "UnknownNormaliserError",
    "__version__",
    "available",
    "get",
    "headline",
    "normalise",
    "render",
]

for _name in ("Document", "Edit", "Mention", "Normaliser", "NormaliserBase", "NormaliserLoadError",
              "Pipeline", "UnknownNormaliserError", "available", "get", "headline", "normalise", "render"):
    globals()[_name].__module__ = "newsnorm"
del _name


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("newsnorm")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    raise AttributeError(f"module 'newsnorm' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
