"""Build the case files ``tests/cases/numbers/<lang>.jsonl``.

Rows come from two places:

* hand-written news sentences in ``scripts/build_numbers_cases_data.py`` (ids ``<lang>-news-<n>``);
  a row the normaliser does not pass yet is written with ``xfail``;
* peer test rows copied with attribution (licences in ``tests/cases/numbers/SOURCES.md``):
  Microsoft Recognizers-Text number specs (MIT), allo-media text2num tests (MIT),
  scrapinghub number-parser tests (BSD-3-Clause), read from the peer dumps in ``--peers``
  (default ``/work/shared/peers``). Only peer rows the normaliser passes are copied.

Rows already in a case file whose id this script does not produce (added by hand later) are kept,
after the generated ones. Usage: ``python scripts/build_numbers_cases.py [--peers DIR] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsnorm.numbers import NumbersNormaliser

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "cases" / "numbers"
N = NumbersNormaliser()
RECOGNIZERS = "microsoft/Recognizers-Text@90e968ea Specs/Number (MIT)"
TEXT2NUM = "allo-media/text2num@v2.5.2 tests (MIT)"
NUMBER_PARSER = "scrapinghub/number-parser@a4c2b21c tests (BSD-3-Clause)"


def _load_module(name: str, path: Path) -> Any:
    """A Python file of the repository loaded by path (the scripts and tests folders are not packages)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _hand_rows() -> list[tuple[str, str, list[tuple[str, Any, dict[str, Any]]]]]:
    rows: list[tuple[str, str, list[tuple[str, Any, dict[str, Any]]]]] = _load_module(
        "build_numbers_cases_data", ROOT / "scripts" / "build_numbers_cases_data.py"
    ).H
    return rows


def as_number(v: Any) -> int | float | None:
    """A spec value (number or string with a decimal comma) as a number, or None."""
    if isinstance(v, (int, float)):
        return v
    s = str(v).strip().replace("\u00a0", "").replace(" ", "")
    if "," in s and "." not in s:
        s = s.replace(",", ".")
    try:
        f = float(s)
    except ValueError:
        return None
    return int(f) if f.is_integer() and abs(f) < 1e15 else f


#: ``tests/numbers/numbers_helpers.py``: the case-file reader and the case rule the tests use.
H = _load_module("numbers_helpers", ROOT / "tests" / "numbers" / "numbers_helpers.py")


def passes(inp: str, lang: str, expect: list[dict[str, Any]]) -> bool:
    """The normaliser finds every expected mention and nothing else (the case-test rule)."""
    missing, extra = H.unmatched(list(N(inp, lang=lang).mentions), expect)
    return not missing and not extra


def _peer_case(r: dict[str, Any], expect: list[dict[str, Any]], source: str) -> dict[str, Any]:
    """A case row copied from a peer's test row ``r``."""
    keys = {"id": r["id"], "input": r["input"], "lang": r["lang"], "published": None}
    return {**keys, "expect": expect, "source": source}


def peer_rows(path: Path, lang: str, model: str, limit: int) -> Iterator[dict[str, Any]]:
    """Recognizers-Text rows of one model and language that the normaliser passes."""
    n = 0
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        if not r.get("dotnet_passes") or r.get("span_ok") is False:
            continue
        if any(as_number(e["value"]) is None or e.get("start") is None for e in r["expected"]):
            continue
        expect = [
            {
                "text": r["input"][e["start"] : e["end"]],
                "start": e["start"],
                "end": e["end"],
                "value": as_number(e["value"]),
            }
            for e in r["expected"]
        ]
        if model == "OrdinalModel":
            for e in expect:
                e["attrs"] = {"ordinal": True}
        if not passes(r["input"], lang, expect):
            continue
        yield _peer_case({**r, "lang": lang}, expect, RECOGNIZERS)
        n += 1
        if n >= limit:
            return


def main() -> None:
    """Write the case files."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peers", type=Path, default=Path("/work/shared/peers"), help="directory of the peer test dumps")
    ap.add_argument("--out", type=Path, default=OUT, help="directory of the case files")
    args = ap.parse_args()
    peers: Path = args.peers
    out: Path = args.out
    by: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for i, (lang, inp, exp) in enumerate(_hand_rows()):
        expect = []
        for t, v, a in exp:
            s = inp.find(t)
            assert s >= 0, (inp, t)
            d: dict[str, Any] = {"text": t, "start": s, "end": s + len(t), "value": v}
            if a:
                d["attrs"] = a
            expect.append(d)
        row: dict[str, Any] = {
            "id": f"{lang}-news-{i}",
            "input": inp,
            "lang": lang,
            "published": "2024-02-08",
            "expect": expect,
        }
        if not passes(inp, lang, expect):
            row["xfail"] = "known gap: see docs/normalisers/numbers.md"
            print("XFAIL", lang, inp, file=sys.stderr)
        by[lang].append(row)
    for lang in ["en", "fr", "de", "es", "it", "pt", "nl", "tr", "ar", "hi", "sv", "zh", "ja", "ko"]:
        for model, lim in (("NumberModel", 14), ("OrdinalModel", 6)):
            by[lang].extend(peer_rows(peers / "recognizers" / f"{model}.{lang}.jsonl", lang, model, lim))
    cnt: collections.Counter[str] = collections.Counter()
    for line in (peers / "text2num.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r.get("raises") or r["function"] != "text2num" or cnt[r["lang"]] >= 8:
            continue
        inp = r["input"]
        expect = [{"text": inp, "start": 0, "end": len(inp), "value": r["expected"]}]
        if passes(inp, r["lang"], expect):
            cnt[r["lang"]] += 1
            by[r["lang"]].append(_peer_case(r, expect, TEXT2NUM))
    cnt.clear()
    for line in (peers / "number_parser.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["function"] not in ("parse_number", "parse_ordinal") or not r["lang"] or r["expected"] is None:
            continue
        if cnt[r["lang"]] >= 12:
            continue
        inp = r["input"]
        s = inp.find(inp.strip())
        expect = [{"text": inp.strip(), "start": s, "end": s + len(inp.strip()), "value": r["expected"]}]
        if passes(inp, r["lang"], expect):
            cnt[r["lang"]] += 1
            by[r["lang"]].append(_peer_case(r, expect, NUMBER_PARSER))
    for lang, rows in sorted(by.items()):
        path = out / f"{lang}.jsonl"
        ids = {r["id"] for r in rows}
        if path.exists():  # keep rows added by hand after the last run
            rows.extend(old for old in H.read_case_file(path) if old["id"] not in ids)
        with path.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(lang, len(rows), sum("xfail" in r for r in rows))


if __name__ == "__main__":
    main()
