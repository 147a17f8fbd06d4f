"""How far TIMEX3 values can go on Recognizers-Text's DateTimeModel specs (a development measurement).

Usage::

    python bench/recognizers_bound.py --peers ../shared/peers

For each language it prints three figures over the rows the scorecard counts (``dotnet_passes``,
a reference time, ``span_ok`` not false):

- ``newsnorm``: the share of rows newsnorm passes under the scorecard's rule (every expected
  entity overlapped by a date mention whose value is one of the entity's ``timex``, ``value``,
  ``start`` or ``end`` strings, and no date mention outside the expected entities);
- ``bound``: the share of rows that *any* tool could pass while writing the TIMEX3 values of
  ``docs/timex3.md`` (TimeML/TempEval forms: ``2024-02-08T15:00``, ``2024-Q1``, ``P6W``,
  ``XXXX-WXX-1``, ``PRESENT_REF`` ...): a row counts when every expected entity accepts at least
  one string of that form. The others accept only Recognizers' own forms: intervals written
  ``(2019-08-01,2020-05-06,P279D)``, hour-only times ``2018-06-26T16`` / ``T16``, resolution
  strings with a space (``2018-06-26 16:00:00``), durations in seconds, ``not resolved``;
- ``bound, hour-only times too``: the same with ``2018-06-26T16`` and ``T16`` allowed, to show
  how much of the gap is that one convention.

The specs are read from ``--peers`` (the shared peer tables); nothing here ships or runs in tests.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: TIMEX3 values in newsnorm's conventions (docs/timex3.md)
TIMEX3 = re.compile(
    r"""^(?:
       (?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?
     | \d{2,3}
     | (?:\d{4}|XXXX)-W(?:\d\d|XX)(?:-(?:WE|[1-7]))?
     | (?:\d{4}|XXXX)-(?:Q[1-4X]|H[12]|SP|SU|FA|WI)
     | (?:\d{4}|XXXX)-\d\d-\d\dT(?:\d\d:\d\d(?::\d\d)?Z?|MO|AF|EV|NI|DT)
     | XXXX-WXX-[1-7]T(?:\d\d:\d\d|MO|AF|EV|NI)
     | P(?:[\dX.]+(?:Y|M|W|D|DE|CE|WE))+(?:T(?:[\dX.]+[HMS])+)?
     | PT(?:[\dX.]+[HMS])+
     | PRESENT_REF|PAST_REF|FUTURE_REF
    )$""",
    re.X,
)
#: the same with ISO 8601 hour-only times ("2018-06-26T16", "T16")
HOUR_ONLY = re.compile(r"^(?:(?:\d{4}|XXXX)-\d\d-\d\d)?T\d\d$")

LANGS = ("en", "es", "fr", "de", "pt", "it", "nl", "tr", "hi", "zh", "ja")


def rows(peers: Path, lang: str) -> Iterator[dict[str, Any]]:
    """The rows of a language that the scorecard counts."""
    path = peers / "recognizers" / f"DateTimeModel.{lang}.jsonl"
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("dotnet_passes") and r.get("reference") and r.get("span_ok") is not False:
                yield r


def accepted(entity: dict[str, Any]) -> set[str]:
    """The strings the scorecard accepts as the value of an expected entity."""
    out: set[str] = set()
    for v in entity.get("value") or []:
        if isinstance(v, dict):
            out.update(str(v[k]) for k in ("timex", "value", "start", "end") if v.get(k))
    return out


def passes(nn: Any, r: dict[str, Any], lang: str) -> bool:
    """Whether newsnorm passes a row under the scorecard's rule."""
    doc = nn.normalise(r["input"], lang=lang, published=r["reference"][:10])
    got = [m for m in doc.mentions if m.kind == "date"]

    def over(m: Any, e: dict[str, Any]) -> bool:
        return bool(m.start < e["end"] and e["start"] < m.end)

    for e in r["expected"]:
        ok = accepted(e)
        if not any(over(m, e) and str(m.value) in ok for m in got):
            return False
    return all(any(over(m, e) for e in r["expected"]) for m in got)


def main() -> None:
    """Print the three figures per language."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peers", type=Path, required=True, help="the shared peer tables (with recognizers/)")
    args = parser.parse_args()
    import newsnorm

    print(f"{'lang':5} {'rows':>5} {'newsnorm':>9} {'bound':>7} {'bound, hour-only times too':>27}")
    for lang in LANGS:
        table = list(rows(args.peers, lang))
        ours = sum(passes(newsnorm, r, lang) for r in table)
        strict = sum(all(any(TIMEX3.match(a) for a in accepted(e)) for e in r["expected"]) for r in table)
        loose = sum(
            all(any(TIMEX3.match(a) or HOUR_ONLY.match(a) for a in accepted(e)) for e in r["expected"])
            for r in table
        )
        n = len(table)
        print(f"{lang:5} {n:5d} {ours / n:9.3f} {strict / n:7.3f} {loose / n:27.3f}")


if __name__ == "__main__":
    main()
