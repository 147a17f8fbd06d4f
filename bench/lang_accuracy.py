"""Accuracy and speed of language detection, per language, on sentences and on whole documents.

Run from the repository root::

    python -m bench.lang_accuracy            # newsnorm's detector and the langdetect baseline
    python -m bench.lang_accuracy --json /tmp/lang.json

The test set is text already in the repository, each piece with the language its
file declares:

- sentences: the ``input`` of every row of ``tests/cases/*/*.jsonl`` (deduplicated);
- documents: the articles of ``bench/data`` (MEANTIME, Recognizers pseudo-articles, the AFP sample).

The baseline is the detector newsnorm used before its own n-gram scorer:
langdetect's profiles through a private ``DetectorFactory`` seeded with 0,
``n_trial=2``, on the same 300-character prefix and behind the same script rule.
Both answer with an ISO 639-1 code; ``zh-cn``/``zh-tw`` count as ``zh``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
DATA = ROOT / "bench" / "data"


def sentences() -> list[tuple[str, str]]:
    """(lang, text) for every distinct case-file input."""
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str]] = []
    for path in sorted(CASES.glob("*/*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                text, lang = row.get("input"), row.get("lang")
                if isinstance(text, str) and isinstance(lang, str) and text.strip():
                    key = (lang.split("-")[0], text)
                    if key not in seen:
                        seen.add(key)
                        out.append(key)
    return out


def documents() -> list[tuple[str, str]]:
    """(lang, text) for every benchmark article."""
    out: list[tuple[str, str]] = []
    for name in ("meantime.jsonl", "recognizers.jsonl"):
        with open(DATA / name, encoding="utf-8") as f:
            out += [(r["lang"], r["text"]) for r in map(json.loads, filter(str.strip, f))]
    out.append(("en", (DATA / "ceasefire-talks.txt").read_text(encoding="utf-8")))
    return out


def langdetect_baseline() -> Callable[[str], str]:
    """The previous detector: script rule, then seeded langdetect (n_trial=2) on the 300-character prefix."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    from newsnorm._lang import ISO_639_1, UNDETERMINED, _by_script, _prefix, _script_pattern

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)

    def detect(text: str) -> str:
        sample = _prefix(text)
        by_script = _by_script(sample)
        if by_script is not None:
            return by_script
        if not _script_pattern().search(sample):
            return UNDETERMINED
        detector: Any = factory.create()
        detector.n_trial = 2
        try:
            detector.append(sample)
            code = str(detector.detect()).split("-")[0]
        except LangDetectException:
            return UNDETERMINED
        return code if code in ISO_639_1 else UNDETERMINED

    return detect


def newsnorm_detector() -> Callable[[str], str]:
    """newsnorm's detector (warm)."""
    from newsnorm._lang import detect

    detect("warm up")
    return detect


def evaluate(detect: Callable[[str], str], items: list[tuple[str, str]]) -> dict[str, Any]:
    """Per-language and overall accuracy, confusions and mean time per text."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    confusions: Counter[str] = Counter()
    start = time.process_time()
    answers = [detect(text) for _, text in items]
    seconds = time.process_time() - start
    for (lang, _), got in zip(items, answers, strict=True):
        total[lang] += 1
        if got == lang:
            right[lang] += 1
        else:
            confusions[f"{lang}->{got}"] += 1
    return {
        "per_lang": {lang: [right[lang], total[lang]] for lang in sorted(total)},
        "accuracy": sum(right.values()) / max(1, len(items)),
        "ms_per_text": 1e3 * seconds / max(1, len(items)),
        "confusions": dict(confusions.most_common(15)),
    }


def main() -> int:
    """Print the accuracy table of both detectors on sentences and documents."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", default=None, help="also write the results to this file")
    args = ap.parse_args()
    sets = {"sentences": sentences(), "documents": documents()}
    detectors = {"langdetect (before)": langdetect_baseline(), "newsnorm": newsnorm_detector()}
    results: dict[str, dict[str, Any]] = {}
    for set_name, items in sets.items():
        for det_name, fn in detectors.items():
            results.setdefault(set_name, {})[det_name] = evaluate(fn, items)
    for set_name, by_det in results.items():
        names = list(by_det)
        langs = sorted({lang for r in by_det.values() for lang in r["per_lang"]})
        print(f"\n{set_name} ({len(sets[set_name])} texts)")
        print(f"{'lang':6}" + "".join(f"{n:>22}" for n in names))
        for lang in langs:
            cells = []
            for n in names:
                ok, tot = by_det[n]["per_lang"].get(lang, [0, 0])
                cells.append(f"{ok:>4}/{tot:<4} {100 * ok / max(1, tot):6.1f}%    ")
            print(f"{lang:6}" + "".join(f"{c:>22}" for c in cells))
        print(f"{'all':6}" + "".join(f"{100 * by_det[n]['accuracy']:>21.1f}%" for n in names))
        print(f"{'ms':6}" + "".join(f"{by_det[n]['ms_per_text']:>22.3f}" for n in names))
        for n in names:
            print(f"  {n} confusions: {by_det[n]['confusions']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
