#!/usr/bin/env python3
"""Benchmark the places normaliser against geotext and country_converter, same texts, same run.

* tagging: ``PlacesNormaliser.find`` and ``geotext.GeoText`` on the bundled sample
  article and on the English case sentences (``tests/cases/places/en.jsonl``): time per
  article, characters per second, and mention recall/precision on the case sentences
  (geotext's country codes via ``country_mentions``; its city hits count by name);
* names: ``newsnorm.places.lookup`` and ``country_converter.convert(..., to="ISO2")`` on
  the names of the English case file: accuracy and time per name;
* first use: a fresh interpreter's import + first English document.

Peers are optional (``pip install geotext country_converter``); missing ones are skipped.
Usage: ``python scripts/eval_places_speed.py``
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def best(fn: Callable[[], object], n: int) -> float:
    fn()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    import newsnorm
    from newsnorm import Document
    from newsnorm._resources import read_text
    from newsnorm.places import PlacesNormaliser, lookup

    code = (
        "import time; t=time.perf_counter(); import newsnorm; "
        "from newsnorm.places import PlacesNormaliser as P; import newsnorm as n; "
        "n.Pipeline([P()])('Israel', lang='en'); print(time.perf_counter()-t)"
    )
    first = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    print(f"first use (fresh interpreter, import + first English document): {first:.3f} s")

    article = read_text("sample.txt")
    cases = [json.loads(x) for x in (ROOT / "tests/cases/places/en.jsonl").read_text(encoding="utf-8").splitlines()]
    sentences = "\n".join(c["input"] for c in cases)
    norm = PlacesNormaliser()

    def ours(text: str) -> list[Any]:
        return list(norm.find(Document(source=text, text=text, lang="en")))

    try:
        from geotext import GeoText  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover
        GeoText = None

    for label, text in (("sample article", article), ("en case sentences", sentences)):
        t_ours = best(lambda text=text: ours(text), 50)  # type: ignore[misc]
        line = (
            f"{label:18} {len(text):6} chars  newsnorm {t_ours * 1e3:6.3f} ms ({len(text) / t_ours / 1e6:5.2f} Mchar/s)"
        )
        if GeoText is not None:
            t_geo = best(lambda text=text: GeoText(text), 50)  # type: ignore[misc]
            rate = len(text) / t_geo / 1e6
            line += f"  geotext {t_geo * 1e3:6.3f} ms ({rate:5.2f} Mchar/s)  ratio {t_geo / t_ours:4.1f}x"
        print(line)
    per5k = best(lambda: ours(article), 50) * 5000 / len(article)
    print(f"newsnorm per 5 kB of article text: {per5k * 1e3:.3f} ms")

    # mention quality on the English case sentences
    tp = fp = fn = 0
    gtp = gfp = gfn = 0
    for case in cases:
        want = Counter(e["value"] for e in case["expect"])
        got = Counter(str(m.value) for m in newsnorm.Pipeline([norm])(case["input"], lang="en").mentions)
        tp += sum((got & want).values())
        fp += sum((got - want).values())
        fn += sum((want - got).values())
        if GeoText is not None:
            g = GeoText(case["input"])
            ggot = Counter(g.country_mentions)
            gtp += sum((ggot & want).values())
            gfp += sum((ggot - want).values())
            gfn += sum((want - ggot).values())
    print(f"en cases, codes: newsnorm P={tp / max(1, tp + fp):.3f} R={tp / max(1, tp + fn):.3f}", end="")
    if GeoText is not None:
        print(f"  geotext P={gtp / max(1, gtp + gfp):.3f} R={gtp / max(1, gtp + gfn):.3f}")
    else:
        print()

    names = sorted({(e["text"], e["value"]) for c in cases for e in c["expect"]})
    t = time.perf_counter()
    ok = sum(lookup(n, "en") == v for n, v in names)
    t_lookup = (time.perf_counter() - t) / len(names)
    print(f"names ({len(names)}): newsnorm.lookup {ok / len(names):.3f} acc, {t_lookup * 1e6:.1f} us/name", end="")
    try:
        import logging

        import country_converter as coco  # type: ignore[import-untyped]

        logging.getLogger("country_converter").setLevel(logging.CRITICAL)
        cc = coco.CountryConverter()
        t = time.perf_counter()
        converted = [cc.convert(n, to="ISO2", not_found=None) for n, _ in names]
        t_coco = (time.perf_counter() - t) / len(names)
        ok = sum(g == v for g, (_, v) in zip(converted, names, strict=True))
        print(f"  country_converter {ok / len(names):.3f} acc, {t_coco * 1e6:.1f} us/name")
    except ImportError:  # pragma: no cover
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
