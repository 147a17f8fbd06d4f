"""Composition: the :class:`Normaliser` protocol and the :class:`Pipeline` that runs normalisers.

How a pipeline builds a :class:`~newsnorm.Document`:

1. The language is taken from ``lang`` (checked) or detected from the text.
2. Every normaliser gets the same bare document (no mentions yet) and returns
   candidate mentions. Each mention of a third-party normaliser is checked
   (a :class:`Mention` with ``source[start:end] == text``, else ``TypeError`` or
   ``ValueError`` naming the step); the built-ins' mentions are checked by their
   tests instead, which saves a pass per document.
3. **Overlap resolution.** Candidates that overlap compete: the longer span wins;
   on equal length, the normaliser earlier in the pipeline wins; then the
   earlier start. The winners never overlap and are sorted by ``start``.
4. **Rewriting.** ``doc.text`` is ``source`` with, in one left-to-right pass,
   every winning mention of a normaliser whose ``rewrite`` is true replaced by its
   ``normalised`` form, and every :class:`Edit` a normaliser asks for through an
   optional ``edits(doc)`` method applied (edits beat rewrites where they
   overlap). ``source`` and all offsets stay as they were.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice, repeat
from operator import itemgetter
from typing import Any, NamedTuple, Protocol, Union, runtime_checkable

from ._args import check_text, parse_published
from ._document import Document, Mention
from ._lang import UNDETERMINED, detect, parse_lang

__all__ = ["Edit", "Normaliser", "NormaliserBase", "Pipeline", "Step"]


class Edit(NamedTuple):
    """A change to ``doc.text`` asked for by a normaliser: replace ``source[start:end]``."""

    start: int
    end: int
    replacement: str


@runtime_checkable
class Normaliser(Protocol):
    """What the pipeline needs of a normaliser.

    A normaliser has a ``kind`` (the kind of its mentions), a ``name`` (its
    registry name), a ``rewrite`` flag (whether its mentions' ``normalised``
    forms go into ``doc.text``) and a :meth:`find` method. It may also have
    ``edits(doc) -> Iterable[Edit]`` for rewrites that are not mentions, and
    ``find_many(docs) -> Sequence[Iterable[Mention]]``, which :meth:`Pipeline.map`
    calls with a batch of documents (one language after another): it must
    return, in order, what ``find`` returns for each document, only faster (for
    example by running each phase of the work over the whole batch).

    Normalisers must be picklable and safe to call from several threads: keep
    options on the object and compiled data in a process-wide, locked cache.
    """

    kind: str
    name: str
    rewrite: bool

    def find(self, doc: Document) -> Iterable[Mention]:
        """Return the mentions found in ``doc.source`` (``doc.lang`` and ``doc.published`` set)."""
        ...


#: What a pipeline accepts: a registry name or a normaliser object.
Step = Union[str, Normaliser]  # noqa: UP007 (a runtime alias on 3.10)


class NormaliserBase:
    """Optional base class for normalisers: ``|`` composition and a readable repr.

    Subclasses set ``kind`` and ``name`` and implement :meth:`find`.
    """

    kind: str = ""
    name: str = ""
    rewrite: bool = False

    def find(self, doc: Document) -> Iterable[Mention]:  # pragma: no cover - abstract
        raise NotImplementedError

    def __or__(self, other: Step | Pipeline) -> Pipeline:
        return Pipeline([self, other])

    def __ror__(self, other: Step | Pipeline) -> Pipeline:
        return Pipeline([other, self])

    def __eq__(self, other: object) -> bool:
        """Normalisers of the same class with the same options are equal (so pickled copies compare equal)."""
        if type(other) is not type(self):
            return NotImplemented
        return _options(self) == _options(other)

    def __hash__(self) -> int:
        return hash((type(self), repr(sorted(_options(self).items()))))

    def __call__(self, text: str, lang: str | None = None, published: Any = None) -> Document:
        """Run this normaliser alone, as a one-step pipeline."""
        return Pipeline([self])(text, lang=lang, published=published)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


def _options(obj: object) -> dict[str, Any]:
    """The instance attributes of a normaliser (its options), from ``__dict__`` and ``__slots__``."""
    found = dict(getattr(obj, "__dict__", {}))
    for cls in type(obj).__mro__:
        for slot in getattr(cls, "__slots__", ()):
            if hasattr(obj, slot):
                found[slot] = getattr(obj, slot)
    return found


def _resolve(step: Step | Pipeline) -> tuple[Normaliser, ...]:
    if isinstance(step, Pipeline):
        return step.steps
    if isinstance(step, str):
        from ._registry import get

        return (get(step),)
    if isinstance(step, Normaliser):
        return (step,)
    raise TypeError(
        "a pipeline step must be a registered name (see newsnorm.available()) or an object with "
        f"'kind', 'name', 'rewrite' and 'find(doc)' (got {step!r} that is a {type(step).__name__})"
    )


class Pipeline:
    """An ordered, immutable sequence of normalisers, called like :func:`newsnorm.normalise`.

    >>> import newsnorm
    >>> pipe = newsnorm.Pipeline(["places", "numbers"])
    >>> pipe
    Pipeline(['places', 'numbers'])

    ``a | b`` builds the same flat pipeline from normalisers, names and pipelines.
    """

    __slots__ = ("_plan", "steps")
    steps: tuple[Normaliser, ...]
    #: Per step, what the hot path needs: the step, its ``edits`` method or ``None``, and
    #: whether its mentions are checked (a plugin's are; a built-in's are by its tests).
    _plan: tuple[tuple[Normaliser, Any, bool], ...]

    def __init__(self, steps: Iterable[Step | Pipeline] = ()) -> None:
        if isinstance(steps, (str, Normaliser, Pipeline)):
            steps = [steps]
        flat: list[Normaliser] = []
        for step in steps:
            flat.extend(_resolve(step))
        object.__setattr__(self, "steps", tuple(flat))
        object.__setattr__(self, "_plan", _plan(self.steps))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Pipeline is immutable; build a new one with | or Pipeline([...])")

    def __getstate__(self) -> tuple[Normaliser, ...]:
        return self.steps

    def __setstate__(self, state: tuple[Normaliser, ...]) -> None:
        object.__setattr__(self, "steps", state)
        object.__setattr__(self, "_plan", _plan(state))

    def __or__(self, other: Step | Pipeline) -> Pipeline:
        return Pipeline([*self.steps, *_resolve(other)])

    def __ror__(self, other: Step | Pipeline) -> Pipeline:
        return Pipeline([*_resolve(other), *self.steps])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self.steps == other.steps

    def __hash__(self) -> int:
        return hash(tuple(id(s) for s in self.steps))

    def __len__(self) -> int:
        return len(self.steps)

    def __iter__(self) -> Iterator[Normaliser]:
        return iter(self.steps)

    def __repr__(self) -> str:
        return f"Pipeline({[getattr(s, 'name', type(s).__name__) for s in self.steps]!r})"

    @property
    def names(self) -> list[str]:
        """The names of the steps, in order."""
        return [s.name for s in self.steps]

    def __call__(self, text: str, lang: str | None = None, published: Any = None) -> Document:
        """Normalise ``text``; see :func:`newsnorm.normalise` for the arguments."""
        bare = _bare(text, lang, published)
        plan = self._plan
        if len(plan) == 1:
            return self._one(plan[0], bare)
        found = [_found(step, checked, bare) for step, _, checked in plan]
        edits = [e for _, more, _ in plan if more is not None for e in more(bare)]
        return self._merge(bare, found, edits)

    def map(
        self,
        items: Iterable[str | tuple[Any, ...]],
        lang: str | None = None,
        published: Any = None,
        *,
        batch_size: int = 128,
    ) -> Iterator[Document]:
        """Normalise many texts; yields one :class:`Document` per item, in order, lazily.

        Each item is a text, or a tuple ``(text,)``, ``(text, lang)`` or
        ``(text, lang, published)``; what an item leaves out comes from the ``lang``
        and ``published`` given here. Every document is the one ``self(text, lang,
        published)`` returns for that item: ``map`` only changes the order of the
        work. It reads ``batch_size`` items at a time and runs each step over the
        whole batch, language by language, before the next step, which keeps one
        normaliser's tables for one language in the processor's caches; a step
        with a ``find_many`` method gets the batch in one call (the dates
        normaliser then runs each phase of its scanner over the whole batch). On
        a stream of new articles this saves about a sixth of the time per
        document. Memory grows with ``batch_size``, not with the stream.

        Raises:
            TypeError: an item is neither a ``str`` nor a tuple of one to three
                items, or an argument has the wrong type (raised when that item's
                batch is read; the documents of earlier batches are yielded first).
            ValueError: ``batch_size`` is below 1, or a ``lang`` or ``published``
                is malformed.
        """
        if type(batch_size) is not int or batch_size < 1:
            raise ValueError(f"batch_size must be an int >= 1 (got {batch_size!r})")
        return self._map(iter(items), lang, published, batch_size)

    def _map(self, items: Iterator[str | tuple[Any, ...]], lang: str | None, published: Any,
             batch_size: int) -> Iterator[Document]:
        plan = self._plan
        many = [getattr(step, "find_many", None) for step, _, _ in plan]
        one = plan[0] if len(plan) == 1 and many[0] is None else None  # (a lone step with find_many: the batch path)
        while True:
            bares = [_bare(*_item(item, lang, published)) for item in islice(items, batch_size)]
            if not bares:
                return
            if one is not None:
                yield from [self._one(one, bare) for bare in bares]
                continue
            # step-major: each step over the whole batch, then the next step; within a step the documents go
            # language by language (one language's tables at a time), and come out in their own order
            order = list(range(len(bares)))
            if any(bare.lang != bares[0].lang for bare in bares):
                order.sort(key=lambda i: bares[i].lang)  # stable: the batch's order within a language
            work = [bares[i] for i in order]
            found = [
                _found_many(step, checked, work, batch) if batch is not None
                else [_found(step, checked, bare) for bare in work]
                for (step, _, checked), batch in zip(plan, many, strict=True)
            ]
            edits: list[list[Edit]] = [[] for _ in work]
            for _, more, _ in plan:
                if more is not None:
                    for out, bare in zip(edits, work, strict=True):
                        out.extend(more(bare))
            docs: list[Document] = list(bares)
            for k, (i, bare) in enumerate(zip(order, work, strict=True)):
                docs[i] = self._merge(bare, [per_step[k] for per_step in found], edits[k])
            yield from docs

    def _merge(self, bare: Document, found: list[list[Mention]], edits: list[Edit]) -> Document:
        """The document from what every step found in ``bare`` (``found[i]`` from step ``i``) and the edits asked."""
        candidates: list[tuple[int, Mention]] = []
        for index, mentions in enumerate(found):
            if mentions:
                candidates.extend(zip(repeat(index), mentions))
        if not candidates and not edits:
            return bare
        source = bare.source
        chosen = resolve_overlaps(candidates)
        rewriting = {i for i, (step, _, _) in enumerate(self._plan) if getattr(step, "rewrite", False)}
        if rewriting or edits:
            rewrites = [
                Edit(m.start, m.end, m.normalised) for i, m in chosen if i in rewriting and m.normalised != m.text
            ]
            new_text = apply_edits(source, edits, rewrites)
        else:
            new_text = source
        return Document(source, new_text, bare.lang, tuple(map(itemgetter(1), chosen)), bare.published, bare.region)

    @staticmethod
    def _one(planned: tuple[Normaliser, Any, bool], bare: Document) -> Document:
        """A one-step pipeline: no overlaps to resolve when the step's mentions come sorted and disjoint."""
        step, more, checked = planned
        source = bare.source
        found = _found(step, checked, bare)
        edits = list(more(bare)) if more is not None else []
        if not found and not edits:
            return bare
        end = -1
        for m in found:  # sorted by start and disjoint, as a normaliser's mentions usually are
            if m.start < end or m.end <= m.start:
                mentions = tuple(map(itemgetter(1), resolve_overlaps(list(zip(repeat(0), found)))))
                break
            end = m.end
        else:
            mentions = tuple(found)
        new_text = source
        rewrite = getattr(step, "rewrite", False)
        if edits or rewrite:
            rewrites = [Edit(m.start, m.end, m.normalised) for m in mentions if rewrite and m.normalised != m.text]
            new_text = apply_edits(source, edits, rewrites)
        return Document(source, new_text, bare.lang, mentions, bare.published, bare.region)


#: The ``lang`` arguments seen so far and their parsed tags (a bounded, lock-free shortcut).
_TAGS: dict[str, Any] = {}
_DATES = (dt.date, dt.datetime)


def _bare(text: str, lang: str | None, published: Any) -> Document:
    """The document the steps get: ``text`` checked, language given or detected, ``published`` parsed; no mentions."""
    # the common argument types skip the checks' calls: this runs once per document
    source = text if type(text) is str else check_text(text)
    when = published if published is None or type(published) in _DATES else parse_published(published)
    if lang is None:
        tag_lang, region = detect(source), None
    else:
        tag = _TAGS.get(lang) if type(lang) is str else None
        if tag is None:
            tag = parse_lang(lang)
            if len(_TAGS) < 256:
                _TAGS[lang] = tag
        tag_lang, region = tag.lang, tag.region
    # positional arguments: keywords cost a third more
    return Document(source, source, tag_lang or UNDETERMINED, (), when, region)


def _item(item: str | tuple[Any, ...], lang: str | None, published: Any) -> tuple[Any, Any, Any]:
    """``(text, lang, published)`` of one item of :meth:`Pipeline.map`, the defaults filling what it leaves out."""
    if type(item) is str:
        return item, lang, published
    if isinstance(item, tuple) and 1 <= len(item) <= 3:
        return (*item, *(lang, published)[len(item) - 1 :])
    raise TypeError(
        "Pipeline.map expects texts (str) or tuples (text,), (text, lang) or (text, lang, published); "
        f"got {type(item).__name__}" + (f" of {len(item)} items" if isinstance(item, tuple) else "")
    )


def _found(step: Normaliser, checked: bool, bare: Document) -> list[Mention]:
    """The mentions ``step`` finds in ``bare``, as a list; a plugin's are checked (see :func:`_check`)."""
    found = step.find(bare)
    if not isinstance(found, list):
        found = list(found)
    if checked:
        _check(found, step, bare.source)
    return found


def _found_many(step: Normaliser, checked: bool, docs: list[Document], batch: Any) -> list[list[Mention]]:
    """What ``step.find_many(docs)`` finds, one list per document, checked like :func:`_found`."""
    out = [m if isinstance(m, list) else list(m) for m in batch(docs)]
    if len(out) != len(docs):
        name = getattr(step, "name", type(step).__name__)
        raise TypeError(
            f"normaliser {name!r}: find_many returned {len(out)} lists of mentions for {len(docs)} documents"
        )
    if checked:
        for found, doc in zip(out, docs, strict=True):
            _check(found, step, doc.source)
    return out


def _check(found: list[Any], step: Normaliser, source: str) -> None:
    """Raise for the first mention of a plugin's ``found`` that is no :class:`Mention` or does not match ``source``."""
    size = len(source)
    # one pass checks every mention (a function call per mention costs more than the check)
    for bad in (m for m in found if not isinstance(m, Mention) or not 0 <= m.start < m.end <= size
                or source[m.start : m.end] != m.text):
        _reject(bad, step)


def _plan(steps: tuple[Normaliser, ...]) -> tuple[tuple[Normaliser, Any, bool], ...]:
    """What :meth:`Pipeline.__call__` needs of each step, looked up once."""
    return tuple(
        (step, getattr(step, "edits", None), type(step).__module__.partition(".")[0] != "newsnorm") for step in steps
    )


def _reject(mention: Any, step: Normaliser) -> None:
    """Raise for a mention the pipeline's check refused, naming the step that returned it."""
    name = getattr(step, "name", type(step).__name__)
    if not isinstance(mention, Mention):
        raise TypeError(f"normaliser {name!r} returned {type(mention).__name__}, expected newsnorm.Mention")
    raise ValueError(
        f"normaliser {name!r} returned a mention whose offsets do not match the source: "
        f"{mention.start}:{mention.end} {mention.text!r}"
    )


def resolve_overlaps(candidates: Sequence[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """Choose non-overlapping mentions: longest span first, then pipeline order, then start.

    ``candidates`` are ``(step index, mention)`` pairs; the result is sorted by start.
    Candidates are first split into clusters of transitively overlapping spans (one
    sweep by start), so the cost is ``O(n log n)`` however many mentions a text has;
    the greedy choice runs inside each cluster.
    """
    by_start = sorted(candidates, key=_start_end)
    chosen: list[tuple[int, Mention]] = []
    cluster: list[tuple[int, Mention]] = []
    cluster_end = -1
    for item in by_start:
        m = item[1]
        if m.start >= cluster_end:  # a new cluster starts: the last one is settled
            if len(cluster) == 1:
                chosen.append(cluster[0])
            elif cluster:
                chosen.extend(_greedy(cluster))
            cluster = [item]
            cluster_end = m.end
        else:
            cluster.append(item)
            if m.end > cluster_end:
                cluster_end = m.end
    if len(cluster) == 1:
        chosen.append(cluster[0])
    elif cluster:
        chosen.extend(_greedy(cluster))
    return chosen


def _start_end(candidate: tuple[int, Mention]) -> tuple[int, int]:
    m = candidate[1]
    return m.start, m.end


def _pick(a: tuple[int, Mention], b: tuple[int, Mention]) -> tuple[int, Mention]:
    """The winner of two overlapping candidates, ``a`` first by start: what :func:`_greedy` keeps of them."""
    ma, mb = a[1], b[1]
    return a if (ma.start - ma.end, a[0], ma.start) <= (mb.start - mb.end, b[0], mb.start) else b


def _greedy(cluster: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """The greedy choice within one cluster of overlapping candidates, sorted by start."""
    if len(cluster) == 2:  # the usual clash (a year that is a date and a number): they overlap, one wins
        return [_pick(cluster[0], cluster[1])]
    order = sorted(cluster, key=lambda c: (c[1].start - c[1].end, c[0], c[1].start))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[tuple[int, Mention]] = []
    for index, m in order:
        pos = bisect.bisect_right(starts, m.start)
        if pos and ends[pos - 1] > m.start:  # the previous chosen span reaches into this one
            continue
        if pos < len(starts) and starts[pos] < m.end:  # the next chosen span starts inside this one
            continue
        starts.insert(pos, m.start)
        ends.insert(pos, m.end)
        chosen.append((index, m))
    chosen.sort(key=lambda c: c[1].start)
    return chosen


def apply_edits(source: str, edits: Sequence[Edit], rewrites: Sequence[Edit]) -> str:
    """Apply ``edits`` and ``rewrites`` to ``source`` in one pass.

    Edits come first: an edit that overlaps an earlier-kept edit, or lies outside the
    source, is dropped; a rewrite (these never overlap each other) that overlaps a
    kept edit is dropped.
    """
    if not edits and not rewrites:
        return source
    kept: list[Edit] = []
    spans: list[tuple[int, int]] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if not 0 <= e.start <= e.end <= len(source) or _clashes(spans, e):
            continue
        bisect.insort(spans, (e.start, e.end))
        kept.append(e)
    if spans:
        kept.extend(r for r in rewrites if not _clashes(spans, r))
    else:
        kept.extend(rewrites)
    kept.sort(key=lambda e: (e.start, e.end))
    out: list[str] = []
    last = 0
    for e in kept:
        out.append(source[last : e.start])
        out.append(e.replacement)
        last = e.end
    out.append(source[last:])
    return "".join(out)


def _clashes(spans: list[tuple[int, int]], e: Edit) -> bool:
    """Whether ``e`` overlaps one of the sorted, disjoint ``spans`` (an insertion at a span's start does too)."""
    pos = bisect.bisect_right(spans, (e.start, e.end))
    if pos and spans[pos - 1][1] > e.start:
        return True
    return pos < len(spans) and (spans[pos][0] < e.end or spans[pos][0] == e.start)
