"""Benchmarks of newsnorm against the peers, on the same texts in the same run.

Run from the repository root (after ``pip install -e ".[bench]"``)::

    python -m bench                 # everything (a few minutes on 2 cores)
    python -m bench --quick         # a smaller run for CI (well under a minute or two)
    python -m bench --only dates,pipeline --json /tmp/bench.json
    python bench/run.py --quick     # the same without the package import

Sections (``--only``):

- ``dates``: the dates-only pipeline against ``dateparser.search_dates``.
- ``numbers``: the numbers-only pipeline against ``text2num.alpha2digit`` and
  ``number_parser.parse``, each on the languages it supports.
- ``places``: the places-only pipeline against ``geotext.GeoText`` (per
  article) and ``country_converter`` (per sentence, as its users call it).
- ``titles``: ``newsnorm.headline(..., case="title")`` against
  ``titlecase.titlecase`` on 10,000 headlines made from the corpus.
- ``pipeline``: the full default pipeline per article, with the language given
  and with detection; the acceptance ratio against ``dateparser.search_dates``.
  Both ``places`` and ``pipeline`` also time every article once as a new one
  ("new documents" rows): newsnorm remembers the names and dates it has judged,
  so the best of several passes over the same articles flatters it; there each
  half of the articles is timed in one pass after the other half, with what was
  remembered of texts emptied first (language data stays loaded).
- ``scaling``: the same at 1 kB, 10 kB, 100 kB and 1 MB per document, with the
  exponent of a log-log least-squares fit (1.0 is linear).
- ``memory``: in a fresh process, RSS after import, after one text in each of
  10 languages, and after 10,000 distinct documents (growth per document).
- ``startup``: import time of ``newsnorm`` (``-X importtime``) and first-use
  time of each normaliser per language, each in a fresh process.

Only the public API is used (``newsnorm.normalise``, ``newsnorm.get``,
``newsnorm.Pipeline``, ``newsnorm.headline``; and ``newsnorm._resources.forget_texts``
for the "new documents" rows), so the bench measures whatever
normalisers are installed when it runs. The corpus is ``bench/data`` (see its
``SOURCES.md``); nothing outside the repository is read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import logging
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
DEFAULT_JSON = HERE / "results.json"

SECTIONS = ("dates", "numbers", "places", "titles", "pipeline", "scaling", "memory", "startup")
NORMALISERS = ("places", "dates", "numbers", "titles")
#: The ten languages of the memory and first-use measurements.
TEN_LANGS = ("en", "es", "fr", "de", "it", "pt", "nl", "tr", "ar", "zh")
TEXT2NUM_LANGS = frozenset({"en", "es", "fr", "de", "pt", "it", "nl"})
NUMBER_PARSER_LANGS = frozenset({"en", "es", "hi", "ru", "uk"})
SCALING_SIZES = (1_000, 10_000, 100_000, 1_000_000)

#: Acceptance thresholds of issue 7 (benchmarks and reliability).
MIN_RATIO_VS_DATEPARSER = 16.0
MAX_MS_WITH_DETECTION = 5.0
MAX_RSS_TEN_LANGS_MB = 150.0
MAX_EXPONENT = 1.15
MAX_GROWTH_KB_PER_DOC = 0.5
#: Acceptance thresholds of the normalisers' issues (3 dates, 4 numbers, 5 places, 6 titles) that the bench measures.
MIN_DATES_RATIO_ON_SAMPLE = 20.0  # dates alone vs dateparser.search_dates on the AFP sample
MIN_NUMBERS_RATIO_VS_NUMBER_PARSER = 5.0
MIN_PLACES_RATIO_VS_GEOTEXT = 1.0  # on the same English articles
MAX_PLACES_MS_PER_5KB = 1.0
MIN_TITLES_RATIO_VS_TITLECASE = 1.0
MAX_FIRST_USE_S = 1.0  # first use of a normaliser in a language


class Article(NamedTuple):
    """One benchmark document."""

    id: str
    lang: str
    published: dt.date
    text: str
    source: str


class Row(NamedTuple):
    """One line of the result table."""

    section: str
    task: str
    tool: str
    docs: int
    chars: int
    seconds: float  # one pass over the docs
    ratio: float | None  # peer time / newsnorm time on the same docs (> 1: newsnorm is faster)
    note: str = ""

    @property
    def ms_per_doc(self) -> float:
        """Milliseconds per document."""
        return 1e3 * self.seconds / self.docs if self.docs else float("nan")

    @property
    def chars_per_s(self) -> float:
        """Characters per second."""
        return self.chars / self.seconds if self.seconds > 0 else float("inf")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the row."""
        return {
            "section": self.section, "task": self.task, "tool": self.tool, "docs": self.docs, "chars": self.chars,
            "seconds": self.seconds, "ms_per_doc": self.ms_per_doc, "chars_per_s": self.chars_per_s,
            "ratio": self.ratio, "note": self.note,
        }  # fmt: skip


# --------------------------------------------------------------------------- corpus


def load_corpus() -> list[Article]:
    """All benchmark documents: MEANTIME articles, Recognizers pseudo-articles, the AFP sample."""
    articles: list[Article] = []
    for name in ("meantime.jsonl", "recognizers.jsonl"):
        with open(DATA / name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    articles.append(
                        Article(row["id"], row["lang"], dt.date.fromisoformat(row["published"]), row["text"],
                                row["source"])
                    )
    sample = (DATA / "ceasefire-talks.txt").read_text(encoding="utf-8")
    articles.append(Article("afp-ceasefire-talks", "en", dt.date(2024, 2, 8), sample, "AFP sample"))
    return articles


def sample_article(corpus: Sequence[Article]) -> Article:
    """The AFP sample article."""
    return next(a for a in corpus if a.id == "afp-ceasefire-talks")


def make_headlines(corpus: Sequence[Article], count: int) -> list[str]:
    """``count`` lower-case English headlines: 4-12-word windows over the English corpus sentences."""
    sentences: list[list[str]] = []
    for a in corpus:
        if a.lang == "en":
            for s in re.split(r"(?<=[.!?])\s+|\n+", a.text):
                words = s.rstrip(".").split()
                if len(words) >= 4:
                    sentences.append(words)
    out: list[str] = []
    width = 4
    while len(out) < count and sentences:
        for words in sentences:
            for start in range(0, max(1, len(words) - width + 1), width):
                out.append(" ".join(words[start : start + width]).lower())
                if len(out) >= count:
                    return out
        width = width + 1 if width < 12 else 4
    return out


def make_document(corpus: Sequence[Article], size: int, lang: str = "en") -> str:
    """A document of about ``size`` characters: articles of ``lang`` joined until long enough, cut at a space."""
    texts = [a.text for a in corpus if a.lang == lang]
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        t = texts[i % len(texts)]
        parts.append(t)
        total += len(t) + 2
        i += 1
    doc = "\n\n".join(parts)
    cut = doc.rfind(" ", 0, size)
    return doc[: cut if cut > size // 2 else size]


# --------------------------------------------------------------------------- timing


#: The clock of the per-article timings: CPU time of this process (default) or wall time (``--clock wall``).
CLOCK: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}
_clock: list[Callable[[], float]] = [time.process_time]


def time_pass(fn: Callable[[Article], object], docs: Sequence[Article], repeat: int) -> float:
    """Best (minimum) time of ``repeat`` passes of ``fn`` over ``docs``, after a warm-up call per language.

    The clock is CPU time of this process unless ``--clock wall`` is given: on a
    busy machine other processes inflate wall time unevenly, CPU time not; on an
    idle machine the two agree for this single-threaded work.
    """
    clock = _clock[0]
    seen: set[str] = set()
    for a in docs:
        if a.lang not in seen:
            seen.add(a.lang)
            fn(a)
    best = math.inf
    for _ in range(max(1, repeat)):
        gc.collect()
        start = clock()
        for a in docs:
            fn(a)
        best = min(best, clock() - start)
    return best


def time_new_documents(fn: Callable[[Article], object], docs: Sequence[Article],
                       forget: Callable[[], object] | None = None,
                       batch: Callable[[Sequence[Article]], object] | None = None) -> float:
    """Time of ``fn`` over every document of ``docs`` seen once, as if new.

    ``time_pass`` takes the best of several passes over the same documents, so whatever a
    tool remembers from a text it has seen (newsnorm's memos of capital runs, resolved
    dates and spelled numbers) is already there. Here every document is run once untimed
    (language data loaded, lazily built tables complete, as in a long-running process);
    then, for each half of the documents, ``forget`` empties what was remembered of texts
    (``newsnorm._resources.forget_texts``; ``None`` for a tool that keeps nothing per text),
    the other half is run untimed (the memos refilled with other articles' names and dates,
    as in a stream) and the half is timed in a single pass. The sum covers every document once.
    With ``batch``, each half goes to ``batch`` in one call (``Pipeline.map``) instead of
    ``fn`` per document.
    """
    clock = _clock[0]

    def run(half: Sequence[Article]) -> None:
        if batch is not None:
            batch(half)
        else:
            for a in half:
                fn(a)

    run(docs)
    halves = (list(docs[0::2]), list(docs[1::2]))
    total = 0.0
    for warm, timed in (halves, halves[::-1]):
        if forget is not None:
            forget()
        run(warm)
        gc.collect()
        start = clock()
        run(timed)
        total += clock() - start
    return total


def chars(docs: Sequence[Article]) -> int:
    """Total characters of ``docs``."""
    return sum(len(a.text) for a in docs)


def at_noon(day: dt.date) -> dt.datetime:
    """The datetime dateparser gets as RELATIVE_BASE for a publication date."""
    return dt.datetime(day.year, day.month, day.day, 12, 0)


class Bench:
    """Runs the sections and collects rows and extra facts."""

    def __init__(self, corpus: list[Article], quick: bool) -> None:
        self.corpus = corpus
        self.quick = quick
        self.repeat = 2 if quick else 5
        self.rows: list[Row] = []
        self.facts: dict[str, Any] = {}
        self.errors: list[str] = []

    # -- helpers

    def subset(self, docs: Sequence[Article], per_lang: int) -> list[Article]:
        """At most ``per_lang`` documents per language in quick mode (all otherwise); the sample always."""
        if not self.quick:
            return list(docs)
        out: list[Article] = []
        counts: dict[str, int] = {}
        for a in docs:
            if a.id == "afp-ceasefire-talks" or counts.get(a.lang, 0) < per_lang:
                counts[a.lang] = counts.get(a.lang, 0) + 1
                out.append(a)
        return out

    def newsnorm_row(self, section: str, task: str, steps: Sequence[str] | None, docs: Sequence[Article],
                     detect: bool = False, tool: str | None = None) -> Row | None:
        """Time a newsnorm pipeline (``steps`` None: the default one) over ``docs``."""
        import newsnorm

        try:
            pipe = newsnorm.Pipeline(list(steps)) if steps is not None else None
            run: Callable[[str, str | None, dt.date], object] = pipe if pipe is not None else newsnorm.normalise

            def fn(a: Article) -> object:
                return run(a.text, None if detect else a.lang, a.published)

            seconds = time_pass(fn, docs, self.repeat)
        except Exception as exc:  # a normaliser in progress may break: report it, keep going
            self.errors.append(f"{section}/{task}: newsnorm {steps}: {type(exc).__name__}: {exc}")
            return None
        name = tool or ("newsnorm " + ("+".join(steps) if steps is not None else "normalise") +
                        (" (detect)" if detect else ""))
        row = Row(section, task, name, len(docs), chars(docs), seconds, None)
        self.rows.append(row)
        return row

    def new_documents_rows(self, section: str, task: str, steps: Sequence[str] | None, docs: Sequence[Article],
                           peer: str, peer_fn: Callable[[Article], object], with_map: bool = False) -> None:
        """newsnorm and a peer on documents each seen once (see :func:`time_new_documents`), same documents.

        With ``with_map`` newsnorm is timed twice: one call per document, and the same documents streamed through
        ``Pipeline.map`` (each step over a batch of documents, then the next step). The peer's
        ratio is against the per-call time; the ``map`` row carries its own ratio to the same peer
        time. The best of up to three rounds is kept for each, as :func:`time_pass` keeps the best pass.
        """
        import newsnorm
        from newsnorm._api import default_pipeline
        from newsnorm._resources import forget_texts

        pipe = newsnorm.Pipeline(list(steps)) if steps is not None else default_pipeline()
        name = "newsnorm " + ("+".join(steps) if steps is not None else "normalise")

        def per_call(a: Article) -> object:
            return pipe(a.text, a.lang, a.published)

        def mapped(half: Sequence[Article]) -> object:
            return sum(1 for _ in pipe.map([(a.text, a.lang, a.published) for a in half]))

        ours = batched = theirs = float("inf")
        try:
            # rounds alternate the tools, so a busy spell of the machine weighs on all; best round of each
            for _ in range(min(3, self.repeat)):
                ours = min(ours, time_new_documents(per_call, docs, forget_texts))
                if with_map:
                    batched = min(batched, time_new_documents(per_call, docs, forget_texts, batch=mapped))
                theirs = min(theirs, time_new_documents(peer_fn, docs))
        except Exception as exc:
            self.errors.append(f"{section}/{task}: {type(exc).__name__}: {exc}")
            return
        self.rows.append(Row(section, task, name, len(docs), chars(docs), ours, None))
        self.rows.append(Row(section, task, peer, len(docs), chars(docs), theirs, theirs / ours if ours > 0 else None))
        if not with_map:
            return
        self.rows.append(Row(section, task + ", Pipeline.map", name + " (Pipeline.map)", len(docs), chars(docs),
                             batched, None))
        self.rows.append(Row(section, task + ", Pipeline.map", peer, len(docs), chars(docs), theirs,
                             theirs / batched if batched > 0 else None))

    def peer_row(self, section: str, task: str, tool: str, fn: Callable[[Article], object], docs: Sequence[Article],
                 ours: Row | None, repeat: int = 1, note: str = "") -> Row | None:
        """Time a peer over ``docs``; its ratio is against ``ours`` (same docs)."""
        try:
            seconds = time_pass(fn, docs, repeat)
        except Exception as exc:
            self.errors.append(f"{section}/{task}: {tool}: {type(exc).__name__}: {exc}")
            return None
        ratio = seconds / ours.seconds if ours is not None and ours.seconds > 0 else None
        row = Row(section, task, tool, len(docs), chars(docs), seconds, ratio, note)
        self.rows.append(row)
        return row

    def missing(self, section: str, tool: str, exc: Exception) -> None:
        """Record a peer that is not installed."""
        self.errors.append(f"{section}: {tool} not available ({type(exc).__name__}: {exc}); "
                           "install the bench extra: pip install -e '.[bench]'")

    # -- sections

    def dates(self) -> None:
        """Dates-only pipeline against dateparser.search_dates."""
        docs = self.subset([a for a in self.corpus if a.lang in ("en", "es")], 15)
        ours = self.newsnorm_row("dates", "dates en+es", ["dates"], docs)
        try:
            peer = dateparser_peer()
        except ImportError as exc:
            self.missing("dates", "dateparser", exc)
            return
        self.peer_row("dates", "dates en+es", "dateparser.search_dates", peer, docs, ours)
        sample = [sample_article(self.corpus)]
        ours_sample = self.newsnorm_row("dates", "dates, AFP sample (2.7 kB)", ["dates"], sample)
        self.peer_row("dates", "dates, AFP sample (2.7 kB)", "dateparser.search_dates", peer, sample, ours_sample,
                      repeat=3 if self.quick else 10)
        import newsnorm

        stats_fn = getattr(getattr(newsnorm, "dates", None), "stats", None)
        if stats_fn is None:
            try:
                import newsnorm.dates as dates_mod

                stats_fn = getattr(dates_mod, "stats", None)
            except Exception:
                stats_fn = None
        if callable(stats_fn):
            try:
                self.facts["dates_stats"] = json.loads(json.dumps(stats_fn(), default=str))
            except Exception as exc:
                self.errors.append(f"dates: newsnorm.dates.stats() failed: {type(exc).__name__}: {exc}")

    def numbers(self) -> None:
        """Numbers-only pipeline against text2num and number-parser, each on its languages."""
        docs = self.subset([a for a in self.corpus if a.lang in TEXT2NUM_LANGS], 6)
        ours = self.newsnorm_row("numbers", "numbers en,es,fr,de,pt,it,nl", ["numbers"], docs)
        try:
            from text_to_num import alpha2digit  # type: ignore[import-untyped, import-not-found, unused-ignore]

            self.peer_row("numbers", "numbers en,es,fr,de,pt,it,nl", "text2num.alpha2digit",
                          lambda a: alpha2digit(a.text, a.lang), docs, ours, repeat=self.repeat)
        except ImportError as exc:
            self.missing("numbers", "text2num", exc)
        docs = self.subset([a for a in self.corpus if a.lang in NUMBER_PARSER_LANGS], 8)
        ours = self.newsnorm_row("numbers", "numbers en,es,hi", ["numbers"], docs)
        try:
            import number_parser  # type: ignore[import-untyped, import-not-found, unused-ignore]

            self.peer_row("numbers", "numbers en,es,hi", "number_parser.parse",
                          lambda a: number_parser.parse(a.text, language=a.lang), docs, ours, repeat=self.repeat)
        except ImportError as exc:
            self.missing("numbers", "number-parser", exc)

    def places(self) -> None:
        """Places-only pipeline against geotext (per article) and country_converter (per sentence)."""
        docs = self.subset(list(self.corpus), 6)
        ours = self.newsnorm_row("places", "places all langs", ["places"], docs)
        try:
            from geotext import GeoText  # type: ignore[import-untyped, import-not-found, unused-ignore]

            self.peer_row("places", "places all langs", "geotext.GeoText", lambda a: GeoText(a.text), docs, ours,
                          repeat=self.repeat)
        except ImportError as exc:
            self.missing("places", "geotext", exc)
        docs = self.subset([a for a in self.corpus if a.lang == "en"], 15)
        ours = self.newsnorm_row("places", "places en", ["places"], docs)
        try:
            from geotext import GeoText  # type: ignore[import-untyped, import-not-found, unused-ignore]

            self.peer_row("places", "places en", "geotext.GeoText", lambda a: GeoText(a.text), docs, ours,
                          repeat=self.repeat)
            self.new_documents_rows("places", "places en, new documents", ["places"],
                                    [a for a in docs if a.id != "afp-ceasefire-talks"], "geotext.GeoText",
                                    lambda a: GeoText(a.text))
        except ImportError as exc:
            self.missing("places", "geotext", exc)
        try:
            logging.getLogger("country_converter").setLevel(logging.CRITICAL)
            import country_converter  # type: ignore[import-untyped, import-not-found, unused-ignore]

            converter = country_converter.CountryConverter()

            def coco(a: Article) -> object:
                sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", a.text) if s.strip()]
                return converter.convert(sentences, to="ISO2", not_found=None)

            self.peer_row("places", "places en", "country_converter (per sentence)", coco, docs, ours)
        except ImportError as exc:
            self.missing("places", "country_converter", exc)

    def titles(self) -> None:
        """headline(case="title") against titlecase.titlecase on 10,000 headlines."""
        import newsnorm

        count = 1_000 if self.quick else 10_000
        heads = make_headlines(self.corpus, count)
        docs = [Article(f"h{i}", "en", dt.date(2024, 2, 8), h, "meantime") for i, h in enumerate(heads)]
        ours: Row | None
        try:
            seconds = time_pass(lambda a: newsnorm.headline(a.text, lang="en", case="title"), docs, self.repeat)
            ours = Row("titles", f"{len(docs):,} headlines", 'newsnorm.headline(case="title")', len(docs), chars(docs),
                       seconds, None)
            self.rows.append(ours)
        except Exception as exc:
            self.errors.append(f"titles: newsnorm.headline: {type(exc).__name__}: {exc}")
            ours = None
        try:
            from titlecase import titlecase  # type: ignore[import-untyped, import-not-found, unused-ignore]

            self.peer_row("titles", f"{len(docs):,} headlines", "titlecase.titlecase", lambda a: titlecase(a.text),
                          docs, ours, repeat=self.repeat)
        except ImportError as exc:
            self.missing("titles", "titlecase", exc)

    def pipeline(self) -> None:
        """The full default pipeline, language given and detected; the acceptance ratio."""
        docs = self.subset(list(self.corpus), 6)
        self.newsnorm_row("pipeline", "full, all langs", None, docs)
        self.newsnorm_row("pipeline", "full, all langs", None, docs, detect=True)
        dated = self.subset([a for a in self.corpus if a.lang in ("en", "es")], 15)
        ours = self.newsnorm_row("pipeline", "full vs dates peer, en+es", None, dated)
        ours_detect = self.newsnorm_row("pipeline", "full vs dates peer, en+es", None, dated, detect=True)
        sample = [sample_article(self.corpus)]
        ours_sample = self.newsnorm_row("pipeline", "AFP sample (2.7 kB)", None, sample)
        self.newsnorm_row("pipeline", "AFP sample (2.7 kB)", None, sample, detect=True)
        self.newsnorm_row("pipeline", "AFP sample (2.7 kB)", [], sample, detect=True, tool="newsnorm detection alone")
        for name in NORMALISERS:  # where the time goes
            self.newsnorm_row("pipeline", "AFP sample (2.7 kB)", [name], sample)
        detect_ours = self.newsnorm_row("pipeline", "detection, en+es", [], dated, detect=True,
                                        tool="newsnorm detection alone")
        try:
            self.peer_row("pipeline", "detection, en+es", "langdetect (seeded, n_trial=2, script rule, same prefix)",
                          langdetect_peer(), dated, detect_ours, repeat=self.repeat)
        except ImportError as exc:
            self.missing("pipeline", "langdetect", exc)
        try:
            peer = dateparser_peer()
        except ImportError as exc:
            self.missing("pipeline", "dateparser", exc)
            return
        theirs = self.peer_row("pipeline", "full vs dates peer, en+es", "dateparser.search_dates", peer, dated, ours)
        theirs_sample = self.peer_row("pipeline", "AFP sample (2.7 kB)", "dateparser.search_dates", peer, sample,
                                      ours_sample, repeat=3 if self.quick else 10)
        self.new_documents_rows("pipeline", "full vs dates peer, en+es, new documents", None,
                                [a for a in dated if a.id != "afp-ceasefire-talks"], "dateparser.search_dates", peer,
                                with_map=True)
        if theirs is not None and ours_detect is not None and ours_detect.seconds > 0:
            self.facts["ratio_detect_vs_dateparser"] = theirs.seconds / ours_detect.seconds
        if theirs_sample is not None:
            self.facts["ratio_sample_vs_dateparser"] = theirs_sample.ratio

    def scaling(self) -> None:
        """Cost at 1 kB ... 1 MB per document and the fitted exponent, per normaliser and for the pipeline."""
        import newsnorm

        sizes = SCALING_SIZES[:3] if self.quick else SCALING_SIZES
        docs = {n: make_document(self.corpus, n) for n in sizes}
        fits: dict[str, Any] = {}
        targets: list[tuple[str, Callable[[str], object]]] = [
            ("pipeline", lambda t: newsnorm.normalise(t, lang="en", published="2024-02-08")),
            ("pipeline (detect)", lambda t: newsnorm.normalise(t, published="2024-02-08")),
        ]
        for name in NORMALISERS:
            try:
                pipe = newsnorm.Pipeline([name])
            except Exception as exc:
                self.errors.append(f"scaling: {name}: {type(exc).__name__}: {exc}")
                continue
            targets.append((name, lambda t, p=pipe: p(t, lang="en", published="2024-02-08")))  # type: ignore[misc]
        for name, fn in targets:
            times: list[float] = []
            try:
                fn(docs[sizes[0]])
                for n in sizes:
                    reps = 2 if n >= 100_000 or self.quick else 5
                    best = math.inf
                    for _ in range(reps):
                        gc.collect()
                        start = time.process_time()  # CPU time: other load on the machine does not bend the fit
                        fn(docs[n])
                        best = min(best, time.process_time() - start)
                    times.append(best)
            except Exception as exc:
                self.errors.append(f"scaling: {name}: {type(exc).__name__}: {exc}")
                continue
            exponent = fit_exponent([len(docs[n]) for n in sizes], times)
            upper = fit_exponent([len(docs[n]) for n in sizes[-2:]], times[-2:])
            fits[name] = {"sizes": [len(docs[n]) for n in sizes], "seconds": times, "exponent": exponent,
                          "exponent_100k_1M": upper}
        self.facts["scaling"] = fits

    def memory(self) -> None:
        """RSS in a fresh process: after import, after 10 languages, after 10,000 documents."""
        n_docs = 2_000 if self.quick else 10_000
        texts = {lang: next((a.text for a in self.corpus if a.lang == lang), "") for lang in TEN_LANGS}
        pool = [(a.lang, a.text) for a in self.corpus if a.lang in TEN_LANGS]
        result = run_child("memory", {"texts": texts, "pool": pool, "n_docs": n_docs})
        if "error" in result:
            self.errors.append(f"memory: {result['error']}")
        self.facts["memory"] = result

    def startup(self) -> None:
        """Import time and first use of each normaliser per language, each in a fresh process."""
        self.facts["import"] = import_time(repeat=3 if self.quick else 7)
        texts = {lang: next((a.text for a in self.corpus if a.lang == lang), "") for lang in TEN_LANGS}
        langs = TEN_LANGS[:4] if self.quick else TEN_LANGS
        first: dict[str, Any] = {}
        for name in (*NORMALISERS, "pipeline", "detect"):
            first[name] = run_child("first_use", {"name": name, "texts": {k: texts[k] for k in langs}})
        self.facts["first_use"] = first


def dateparser_peer() -> Callable[[Article], object]:
    """``dateparser.search_dates`` on an article, with its language and publication date (raises ImportError)."""
    from dateparser.search import search_dates

    def peer(a: Article) -> object:
        return search_dates(a.text, languages=[a.lang], settings={"RELATIVE_BASE": at_noon(a.published)})

    return peer


def langdetect_peer() -> Callable[[Article], object]:
    """langdetect as newsnorm used it before its own scorer (see :func:`bench.lang_accuracy.langdetect_baseline`)."""
    from bench.lang_accuracy import langdetect_baseline

    detect = langdetect_baseline()
    return lambda a: detect(a.text)


def fit_exponent(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """Slope of the least-squares line through (log size, log seconds): 1.0 is linear growth."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else float("nan")


# --------------------------------------------------------------------------- fresh processes


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, AttributeError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (``nan`` where unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def run_child(task: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Run ``task`` of this file in a fresh Python process and return its JSON answer."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False)
        path = f.name
    try:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", task, path],
                              capture_output=True, text=True, timeout=1800, check=False)
    finally:
        os.unlink(path)
    if proc.returncode != 0:
        tail = " | ".join(line.strip() for line in proc.stderr.strip().splitlines()[-3:])
        return {"error": f"child {task} exited {proc.returncode}: {tail}"}
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]
    except (json.JSONDecodeError, IndexError):
        return {"error": f"child {task} printed no JSON: {proc.stdout[-300:]} {proc.stderr[-300:]}"}


def child_memory(payload: dict[str, Any]) -> dict[str, Any]:
    """Fresh process: RSS after import, after 10 languages, after many distinct documents."""
    out: dict[str, Any] = {"rss_start_mb": rss_mb()}
    import newsnorm

    out["rss_import_mb"] = rss_mb()
    per_normaliser: dict[str, float] = {}
    for name in NORMALISERS:  # one normaliser at a time over the 10 languages: what each one costs
        before = rss_mb()
        try:
            pipe = newsnorm.Pipeline([name])
            for lang, text in payload["texts"].items():
                pipe(text, lang=lang, published="2024-02-08")
        except Exception as exc:
            out.setdefault("errors", []).append(f"{name}: {type(exc).__name__}: {exc}")
        per_normaliser[name] = rss_mb() - before
    out["rss_per_normaliser_mb"] = per_normaliser
    for lang, text in payload["texts"].items():
        newsnorm.normalise(text, lang=lang, published="2024-02-08")
    out["langs"] = list(payload["texts"])
    out["rss_ten_langs_mb"] = rss_mb()
    out["peak_ten_langs_mb"] = peak_rss_mb()
    for text in payload["texts"].values():
        newsnorm.normalise(text, published="2024-02-08")  # language detection loaded too
    out["rss_ten_langs_detect_mb"] = rss_mb()
    pool = payload["pool"]
    n_docs = int(payload["n_docs"])
    marks: dict[int, float] = {}
    # warm-up: the first pass over the pool builds what each language needs; growth is measured after it
    checkpoints = {min(len(pool), n_docs // 2), n_docs // 2, n_docs}
    start = time.perf_counter()
    for i in range(1, n_docs + 1):
        lang, text = pool[i % len(pool)]
        # every document is distinct, so a cache keyed by text would show up as growth
        newsnorm.normalise(f"{text}\n\nRef. {i}: {i * 7919 % 100_000} people.", lang=lang if i % 2 else None,
                           published="2024-02-08")
        if i in checkpoints:
            gc.collect()
            marks[i] = rss_mb()
    out["docs_seconds"] = time.perf_counter() - start
    out["n_docs"] = n_docs
    out["rss_after_docs_mb"] = marks
    first, last = n_docs // 2, n_docs
    out["growth_kb_per_doc"] = (marks[last] - marks[first]) * 1024 / (last - first) if last > first else 0.0
    out["peak_mb"] = peak_rss_mb()
    return out


def child_first_use(payload: dict[str, Any]) -> dict[str, Any]:
    """Fresh process: first call of one normaliser (or the pipeline, or detection) per language, then a warm call."""
    start = time.perf_counter()
    import newsnorm

    out: dict[str, Any] = {"import_s": time.perf_counter() - start}
    name = payload["name"]
    if name == "pipeline":
        run: Callable[..., object] = newsnorm.normalise
    elif name == "detect":
        run = newsnorm.Pipeline([])
    else:
        run = newsnorm.Pipeline([name])
    per_lang: dict[str, Any] = {}
    for lang, text in payload["texts"].items():
        given = None if name == "detect" else lang
        t0 = time.perf_counter()
        run(text, lang=given, published="2024-02-08")
        t1 = time.perf_counter()
        run(text, lang=given, published="2024-02-08")
        t2 = time.perf_counter()
        per_lang[lang] = {"first_ms": (t1 - t0) * 1e3, "warm_ms": (t2 - t1) * 1e3}
    out["per_lang"] = per_lang
    return out


def import_time(repeat: int) -> dict[str, Any]:
    """``newsnorm``'s cumulative import time from ``-X importtime`` (best of ``repeat`` fresh processes)."""
    best_us = math.inf
    wall = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import newsnorm"], capture_output=True,
                              text=True, check=False)
        wall = min(wall, time.perf_counter() - t0)
        for line in proc.stderr.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == "newsnorm":
                best_us = min(best_us, float(parts[1]))
    bare = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=False)
        bare = min(bare, time.perf_counter() - t0)
    return {"newsnorm_cumulative_ms": best_us / 1e3 if best_us < math.inf else None,
            "process_wall_ms": wall * 1e3, "bare_python_wall_ms": bare * 1e3}


# --------------------------------------------------------------------------- report


def fmt_num(x: float | None, digits: int = 2) -> str:
    """A number for the table (``-`` for None/nan)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if abs(x) >= 1e6:
        return f"{x / 1e6:.{digits}f}M"
    if abs(x) >= 1e4:
        return f"{x / 1e3:.0f}k"
    return f"{x:.{digits}f}"


def report(bench: Bench) -> list[str]:
    """The printed table and summary lines."""
    lines: list[str] = []
    header = f"{'section':9} {'task':40} {'tool':42} {'docs':>6} {'ms/doc':>9} {'chars/s':>8} {'ratio':>8}"
    lines += [header, "-" * len(header)]
    for r in bench.rows:
        ratio = f"{r.ratio:.1f}x" if r.ratio is not None else ""
        lines.append(f"{r.section:9} {r.task[:40]:40} {r.tool[:42]:42} {r.docs:6d} {r.ms_per_doc:9.3f} "
                     f"{fmt_num(r.chars_per_s, 1):>8} {ratio:>8}")
    lines.append("ratio = peer time / newsnorm time on the same documents (above 1: newsnorm is faster); "
                 f"clock: {'CPU time' if _clock[0] is time.process_time else 'wall time'}")
    facts = bench.facts
    if "scaling" in facts:
        lines.append("")
        first_fit: dict[str, Any] = next(iter(facts["scaling"].values()), {"sizes": []})
        lines.append("scaling (CPU time per document at " + ", ".join(f"{n:,}" for n in first_fit["sizes"]) + " chars)")
        for name, fit in facts["scaling"].items():
            secs = "  ".join(f"{s * 1e3:9.2f}ms" for s in fit["seconds"])
            last = fit["exponent_100k_1M"]
            lines.append(f"  {name:20} {secs}   exponent {fit['exponent']:.2f} (last step {last:.2f})")
    if "memory" in facts and "error" not in facts["memory"]:
        m = facts["memory"]
        lines.append("")
        lines.append(f"memory: RSS {m['rss_start_mb']:.0f} MB at start, {m['rss_import_mb']:.0f} MB after import, "
                     f"{m['rss_ten_langs_mb']:.0f} MB after 10 languages ({', '.join(m['langs'])}), "
                     f"{m['rss_ten_langs_detect_mb']:.0f} MB with detection loaded")
        per = ", ".join(f"{k} +{v:.0f} MB" for k, v in m.get("rss_per_normaliser_mb", {}).items())
        lines.append(f"        the 10 languages by normaliser: {per}")
        marks = ", ".join(f"{int(k):,} docs {v:.0f} MB" for k, v in m["rss_after_docs_mb"].items())
        lines.append(f"        after documents: {marks}; growth {m['growth_kb_per_doc']:.3f} kB/doc; "
                     f"peak {m['peak_mb']:.0f} MB; {1e3 * m['docs_seconds'] / m['n_docs']:.2f} ms/doc")
    if "import" in facts:
        imp = facts["import"]
        lines.append("")
        lines.append(f"import newsnorm: {fmt_num(imp['newsnorm_cumulative_ms'])} ms cumulative (-X importtime); "
                     f"process {imp['process_wall_ms']:.0f} ms vs bare python {imp['bare_python_wall_ms']:.0f} ms")
    if "first_use" in facts:
        lines.append("first use (ms, fresh process; warm in brackets):")
        for name, res in facts["first_use"].items():
            if "error" in res:
                lines.append(f"  {name:9} error: {res['error'][:200]}")
                continue
            cells = "  ".join(f"{lang} {v['first_ms']:.0f} ({v['warm_ms']:.2f})" for lang, v in res["per_lang"].items())
            lines.append(f"  {name:9} {cells}")
    if "dates_stats" in facts:
        lines.append("")
        lines.append(f"newsnorm.dates.stats(): {json.dumps(facts['dates_stats'], ensure_ascii=False)[:400]}")
    acceptance = check_acceptance(bench)
    if acceptance:
        lines.append("")
        lines.append("acceptance (issues 3-7, as measured in this run):")
        lines += [f"  [{'PASS' if ok else 'FAIL'}] {text}" for text, ok in acceptance]
    for e in bench.errors:
        lines.append("! " + " ".join(e.split())[:300])
    return lines


def check_acceptance(bench: Bench) -> list[tuple[str, bool]]:
    """The measured acceptance lines of issues 3-7 that the bench can check: (description, holds).

    Each line names its issue; a line is left out when its section did not run or its peer is missing.
    """
    out: list[tuple[str, bool]] = []
    rows = {(r.task, r.tool): r for r in bench.rows}

    def ratio_line(issue: str, task: str, peer: str, what: str, minimum: float) -> None:
        theirs = rows.get((task, peer))
        if theirs is None or theirs.ratio is None:
            return
        ours_ms = theirs.ms_per_doc / theirs.ratio
        out.append((f"[{issue}] {what}: {theirs.ratio:.1f}x {peer} on {theirs.docs} doc(s) of {task} "
                    f"({ours_ms:.3f} vs {theirs.ms_per_doc:.3f} ms per doc; >= {minimum:g}x)", theirs.ratio >= minimum))

    ratio_line("7", "full vs dates peer, en+es", "dateparser.search_dates",
               "full pipeline (lang given) per article", MIN_RATIO_VS_DATEPARSER)
    ratio_line("7", "AFP sample (2.7 kB)", "dateparser.search_dates",
               "full pipeline (lang given) on the AFP sample", MIN_RATIO_VS_DATEPARSER)
    ratio_line("7", "full vs dates peer, en+es, new documents", "dateparser.search_dates",
               "full pipeline (lang given) per article, each article seen once", MIN_RATIO_VS_DATEPARSER)
    ratio_line("7", "full vs dates peer, en+es, new documents, Pipeline.map", "dateparser.search_dates",
               "full pipeline (lang given) per article, each article seen once, through Pipeline.map",
               MIN_RATIO_VS_DATEPARSER)
    for task in ("full vs dates peer, en+es", "AFP sample (2.7 kB)", "full, all langs"):
        det = rows.get((task, "newsnorm normalise (detect)"))
        if det is not None:
            out.append((f"[7] full pipeline with detection {det.ms_per_doc:.2f} ms per article ({task}; "
                        f"<= {MAX_MS_WITH_DETECTION:g} ms)", det.ms_per_doc <= MAX_MS_WITH_DETECTION))
    mem = bench.facts.get("memory", {})
    if "rss_ten_langs_mb" in mem:
        out.append((f"[7] RSS with 10 languages loaded {mem['rss_ten_langs_mb']:.0f} MB "
                    f"(<= {MAX_RSS_TEN_LANGS_MB:.0f} MB; {mem['rss_ten_langs_detect_mb']:.0f} MB with detection)",
                    mem["rss_ten_langs_mb"] <= MAX_RSS_TEN_LANGS_MB))
        out.append((f"[7] RSS does not grow per document ({mem['growth_kb_per_doc']:.3f} kB/doc over "
                    f"{mem['n_docs']:,} distinct documents; <= {MAX_GROWTH_KB_PER_DOC} kB/doc)",
                    mem["growth_kb_per_doc"] <= MAX_GROWTH_KB_PER_DOC))
    for name, fit in bench.facts.get("scaling", {}).items():
        lo, hi = fit["sizes"][0], fit["sizes"][-1]
        issue = {"dates": "4, 7", "numbers": "5, 7"}.get(name, "7")
        out.append((f"[{issue}] {name}: cost grows with exponent {fit['exponent']:.2f} from {lo:,} to {hi:,} chars "
                    f"(<= {MAX_EXPONENT}; {fit['exponent_100k_1M']:.2f} over the largest step)",
                    fit["exponent"] <= MAX_EXPONENT))
    ratio_line("4", "dates, AFP sample (2.7 kB)", "dateparser.search_dates", "dates alone (lang given) on the sample",
               MIN_DATES_RATIO_ON_SAMPLE)
    stats = bench.facts.get("dates_stats")
    if isinstance(stats, dict):
        calls = {k: v for k, v in stats.items() if "dateparser" in k or "fallback" in k}
        out.append((f"[4] the dates normaliser's dateparser fallback over the whole bench: {calls or stats} "
                    "(reported; the common path must not call it)", True))
    ratio_line("5", "numbers en,es,hi", "number_parser.parse", "numbers throughput", MIN_NUMBERS_RATIO_VS_NUMBER_PARSER)
    t2n = rows.get(("numbers en,es,fr,de,pt,it,nl", "text2num.alpha2digit"))
    if t2n is not None and t2n.ratio is not None:
        out.append((f"[5] numbers vs text2num.alpha2digit (Rust): ratio {t2n.ratio:.2f} (reported, no threshold)",
                    True))
    ratio_line("3", "places en", "geotext.GeoText", "places tagging on the same English articles",
               MIN_PLACES_RATIO_VS_GEOTEXT)
    ratio_line("3", "places en, new documents", "geotext.GeoText",
               "places tagging on the same English articles, each seen once", MIN_PLACES_RATIO_VS_GEOTEXT)
    places_en = rows.get(("places en", "newsnorm places"))
    if places_en is not None and places_en.chars:
        per_5kb = places_en.seconds * 1e3 * 5_000 / places_en.chars
        out.append((f"[3] places warm: {per_5kb:.3f} ms per 5 kB of English articles (<= {MAX_PLACES_MS_PER_5KB:g} ms)",
                    per_5kb <= MAX_PLACES_MS_PER_5KB))
    heads = next((r for r in bench.rows if r.section == "titles" and r.tool == "titlecase.titlecase"), None)
    if heads is not None and heads.ratio is not None:
        out.append((f"[6] headline(case='title') {heads.ratio:.2f}x titlecase.titlecase on {heads.docs:,} headlines "
                    f"(>= {MIN_TITLES_RATIO_VS_TITLECASE:g}x)", heads.ratio >= MIN_TITLES_RATIO_VS_TITLECASE))
    for name, res in bench.facts.get("first_use", {}).items():
        if "per_lang" not in res or name == "pipeline":
            continue
        worst_lang, worst = max(((lang, v["first_ms"]) for lang, v in res["per_lang"].items()), key=lambda x: x[1])
        issue = {"places": "3, 7", "dates": "4, 7", "numbers": "5, 7", "titles": "6, 7"}.get(name, "7")
        out.append((f"[{issue}] first use of {name}: at most {worst:.0f} ms per language ({worst_lang}; over "
                    f"{len(res['per_lang'])} languages; <= {MAX_FIRST_USE_S * 1e3:.0f} ms)",
                    worst <= MAX_FIRST_USE_S * 1e3))
    return out


def environment() -> dict[str, Any]:
    """Versions of Python, newsnorm and the peers."""
    from importlib.metadata import PackageNotFoundError, version

    env: dict[str, Any] = {"python": platform.python_version(), "platform": platform.platform(),
                           "cpus": os.cpu_count()}
    for dist in ("newsnorm", "dateparser", "text2num", "number-parser", "geotext", "country_converter", "titlecase",
                 "langdetect", "babel", "regex", "pyahocorasick"):
        try:
            env[dist] = version(dist)
        except PackageNotFoundError:
            env[dist] = None
    return env


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point (``python -m bench``)."""
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer documents and repeats (CI)")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections of: {', '.join(SECTIONS)}")
    ap.add_argument("--json", default=str(DEFAULT_JSON), help="results file (default: bench/results.json)")
    ap.add_argument("--no-json", action="store_true", help="do not write the JSON file")
    ap.add_argument("--strict", action="store_true", help="exit 1 when an acceptance line fails")
    ap.add_argument("--clock", choices=sorted(CLOCK), default="cpu",
                    help="per-article timings in CPU time of this process (default) or wall time")
    ap.add_argument("--child", nargs=2, metavar=("TASK", "PAYLOAD"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        task, path = args.child
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        result = {"memory": child_memory, "first_use": child_first_use}[task](payload)
        print(json.dumps(result))
        return 0
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(only) - set(SECTIONS))
    if unknown:
        ap.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    _clock[0] = CLOCK[args.clock]
    bench = Bench(load_corpus(), quick=args.quick)
    started = time.perf_counter()
    for section in SECTIONS:
        if section in only:
            print(f"... {section}", file=sys.stderr, flush=True)
            getattr(bench, section)()
    lines = report(bench)
    print("\n".join(lines))
    env = environment()
    print(f"\n{env['python']} on {env['platform']}, {env['cpus']} CPUs; newsnorm {env['newsnorm']}; "
          f"{'quick' if args.quick else 'full'} run in {time.perf_counter() - started:.0f} s")
    acceptance = check_acceptance(bench)
    if not args.no_json:
        out = {"environment": env, "quick": args.quick, "clock": args.clock, "sections": only,
               "rows": [r.as_dict() for r in bench.rows],
               "facts": bench.facts, "acceptance": [{"line": t, "holds": ok} for t, ok in acceptance],
               "errors": bench.errors}
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        print(f"results written to {args.json}")
    if args.strict and not all(ok for _, ok in acceptance):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
