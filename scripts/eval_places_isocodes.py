#!/usr/bin/env python3
"""Evaluate ``newsnorm.places.lookup`` on the iso-codes country-name translations.

The iso-codes project's translations of ISO 3166-1 names (LGPL-2.1 data) ship with
pycountry as gettext catalogues; this script reads them from the installed
pycountry (``pip install -e ".[data]"``) and is never part of the package: nothing
of them is shipped or used to build the gazetteer.

For every language whose code newsnorm accepts and every country name, official
name and common name with a translation, it asks ``lookup(translation, lang)`` and
counts the answers equal to the ISO alpha-2 code. Prints accuracy per field,
overall, and the worst languages.

Usage: ``python scripts/eval_places_isocodes.py [--fails N] [--lang xx]``
"""

from __future__ import annotations

import argparse
import gettext
import sys
import time
from collections import Counter
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fails", type=int, default=0, help="print N failures")
    ap.add_argument("--lang", help="only this catalogue (directory name under pycountry/locales)")
    ap.add_argument("--fuzzy", action="store_true", help="lookup(..., fuzzy=True); default: the default fuzzy=None")
    args = ap.parse_args()

    import pycountry

    from newsnorm._lang import parse_lang
    from newsnorm.places import lookup

    locales = Path(pycountry.LOCALES_DIR)
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    per_lang: dict[str, list[int]] = {}
    fails: list[tuple[str, str, str, str | None]] = []
    t0 = time.perf_counter()
    for mo in sorted(locales.glob("*/LC_MESSAGES/iso3166-1.mo")):
        ident = mo.parent.parent.name
        if args.lang and ident != args.lang:
            continue
        try:
            lang = parse_lang(ident.split("@")[0]).lang
        except ValueError:
            continue
        with mo.open("rb") as f:
            catalogue = gettext.GNUTranslations(f)
        for country in pycountry.countries:
            for field in ("name", "official_name", "common_name"):
                english = getattr(country, field, None)
                if not english:
                    continue
                translated = catalogue.gettext(english)
                if translated == english:  # no translation in this catalogue
                    continue
                got = lookup(translated, lang, fuzzy=True if args.fuzzy else None)
                ok = got == country.alpha_2
                total[field] += 1
                good[field] += ok
                stats = per_lang.setdefault(ident, [0, 0])
                stats[0] += ok
                stats[1] += 1
                if not ok:
                    fails.append((ident, translated, country.alpha_2, got))
    elapsed = time.perf_counter() - t0
    n, k = sum(total.values()), sum(good.values())
    for field in ("name", "official_name", "common_name"):
        if total[field]:
            print(f"{field:14} {good[field] / total[field]:.3f}  ({good[field]}/{total[field]})")
    print(f"{'all':14} {k / n:.3f}  ({k}/{n})  in {len(per_lang)} catalogues, {elapsed:.1f} s")
    worst = sorted(per_lang.items(), key=lambda kv: kv[1][0] / kv[1][1])[:10]
    print("worst:", ", ".join(f"{ident} {a / b:.2f}" for ident, (a, b) in worst))
    for fail in fails[: args.fails]:
        print("FAIL", *fail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
