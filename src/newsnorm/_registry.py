"""The registry of normalisers: the entry-point group ``newsnorm.normalisers``.

The built-in normalisers register through this group exactly as third-party
plugins do (see ``pyproject.toml``). The group is scanned once, on first use,
without importing any plugin; a plugin's module is imported only when the plugin
is asked for by name, so a broken plugin breaks nothing but itself.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._pipeline import Normaliser

if TYPE_CHECKING:  # pragma: no cover
    from importlib.metadata import EntryPoint

__all__ = [
    "GROUP",
    "NormaliserLoadError",
    "Registry",
    "UnknownNormaliserError",
    "available",
    "default_registry",
    "get",
]

#: The entry-point group normalisers register in.
GROUP = "newsnorm.normalisers"

#: The names :func:`newsnorm.normalise` runs, in this order.
DEFAULT_PIPELINE = ("places", "dates", "numbers", "titles")


class UnknownNormaliserError(LookupError, ValueError):
    """No normaliser is registered under the name asked for."""


class NormaliserLoadError(RuntimeError):
    """A registered normaliser could not be imported or built."""


class Registry:
    """Entry points of one group, scanned on first use and loaded one by one on demand.

    ``entry_points`` lets tests pass :class:`importlib.metadata.EntryPoint`
    objects in instead of patching the environment.
    """

    def __init__(self, group: str = GROUP, entry_points: Iterable[EntryPoint] | None = None) -> None:
        self.group = group
        self._given = None if entry_points is None else tuple(entry_points)
        self._points: dict[str, EntryPoint] | None = None
        self._loaded: dict[str, Any] = {}
        self._lock = threading.RLock()

    def _scan(self) -> dict[str, EntryPoint]:
        points = self._points
        if points is None:
            with self._lock:
                if self._points is None:
                    from importlib.metadata import entry_points  # imported on first use: it is slow

                    found = self._given if self._given is not None else tuple(entry_points(group=self.group))
                    table: dict[str, EntryPoint] = {}
                    for point in found:
                        table.setdefault(point.name, point)  # first registration of a name wins
                    self._points = table
                points = self._points
        return points

    def refresh(self) -> None:
        """Forget the scan and the loaded factories (after installing a plugin at run time)."""
        with self._lock:
            self._points = None
            self._loaded.clear()

    def names(self) -> list[str]:
        """The registered names, sorted, without importing anything."""
        return sorted(self._scan())

    def factory(self, name: str) -> Any:
        """The class or function registered under ``name``, imported once."""
        if not isinstance(name, str):
            raise TypeError(f"a normaliser name must be a str (got {type(name).__name__})")
        points = self._scan()
        if name not in points:
            listed = ", ".join(sorted(points)) or "none"
            raise UnknownNormaliserError(
                f"no normaliser named {name!r} in entry-point group {self.group!r}. Available names: {listed}"
            )
        with self._lock:
            if name not in self._loaded:
                point = points[name]
                try:
                    self._loaded[name] = point.load()
                except Exception as exc:
                    raise NormaliserLoadError(
                        f"normaliser {name!r} is registered as {point.value!r} in {self.group!r} "
                        f"but could not be loaded: {type(exc).__name__}: {exc}"
                    ) from exc
            return self._loaded[name]

    def get(self, name: str, **options: Any) -> Normaliser:
        """A normaliser built from the factory registered under ``name`` with ``options``."""
        factory = self.factory(name)
        try:
            made = factory(**options)
        except TypeError as exc:
            raise TypeError(f"bad options for normaliser {name!r}: {exc}") from exc
        except ValueError as exc:
            raise ValueError(f"bad options for normaliser {name!r}: {exc}") from exc
        if not isinstance(made, Normaliser):
            raise NormaliserLoadError(
                f"normaliser {name!r} built {type(made).__name__}, which lacks 'kind', 'name', 'rewrite' or 'find'"
            )
        return made


def default_registry() -> Registry:
    """The process-wide registry of the ``newsnorm.normalisers`` group."""
    from ._resources import cached

    return cached(("newsnorm", "registry"), Registry)


def available() -> list[str]:
    """The names of all registered normalisers, plugins included, sorted.

    Nothing is imported: the names come from the installed packages' metadata.
    """
    return default_registry().names()


def get(name: str, **options: Any) -> Normaliser:
    """Return the normaliser registered under ``name``, configured with ``options``.

    Raises:
        UnknownNormaliserError: (a ``LookupError`` and ``ValueError``) no such name;
            the message lists the names that exist.
        NormaliserLoadError: the plugin is registered but cannot be imported or built.
        TypeError, ValueError: the options are not accepted.
    """
    return default_registry().get(name, **options)
