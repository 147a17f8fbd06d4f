"""Rebuild ``bench/data/`` from its recorded sources (build time only; the bench never reads them at run time).

Usage::

    python bench/build_data.py --peers ../shared/peers --sample ../shared/samples/ceasefire-talks.txt

Writes:

- ``bench/data/meantime.jsonl``: MEANTIME (Wikinews, CC BY 2.5) English and Spanish
  sentences regrouped into whole articles by their ``doc`` id, in corpus order,
  with the document creation time as ``published``. The corpus ships tokenised
  text ("October 04 , 2005"); a light detokeniser joins punctuation back.
- ``bench/data/recognizers.jsonl``: sentences of Microsoft Recognizers-Text's
  NumberModel and DateTimeModel specs (MIT) for the languages MEANTIME lacks,
  grouped into pseudo-articles of about 1,500 characters so every language has
  a few documents of article size.
- ``bench/data/ceasefire-talks.txt``: the AFP sample article shipped with the
  package (``src/newsnorm/data/sample.txt``), published 2024-02-08.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from collections import OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

#: Languages taken from Recognizers-Text (MEANTIME covers en and es).
RECOGNIZERS_LANGS = ("fr", "de", "it", "pt", "nl", "tr", "ar", "zh", "ja", "ko", "hi", "sv")
PSEUDO_ARTICLE_CHARS = 1500
MAX_PER_LANG = 12  # pseudo-articles per language

_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b|'m\b)")
_SPACE_AFTER = re.compile(r"(?<=[(\[{¿¡]) ")


def detokenise(sentence: str) -> str:
    """Undo the corpus tokenisation: ``"October 04 , 2005"`` -> ``"October 04, 2005"``."""
    text = _SPACE_BEFORE.sub("", sentence)
    text = _SPACE_AFTER.sub("", text)
    text = re.sub(r'" ([^"]*?) "', r'"\1"', text)
    return text


def build_meantime(peers: Path) -> list[dict[str, str]]:
    """Regroup MEANTIME sentences into articles (one row per ``doc``)."""
    articles: list[dict[str, str]] = []
    for lang in ("en", "es"):
        docs: OrderedDict[str, tuple[str, OrderedDict[str, None]]] = OrderedDict()
        with open(peers / "dates" / f"meantime-{lang}.jsonl", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                dct, sentences = docs.setdefault(row["doc"], (row["dct"], OrderedDict()))
                sentences[row["sentence"]] = None
        for doc_id, (dct, sentences) in docs.items():
            lines = [detokenise(s) for s in sentences]
            articles.append({"id": doc_id, "lang": lang, "published": dct, "text": "\n\n".join(lines),
                             "source": "MEANTIME (Wikinews), CC BY 2.5"})
    return articles


def build_recognizers(peers: Path) -> list[dict[str, str]]:
    """Group Recognizers-Text spec sentences into pseudo-articles per language."""
    rows: list[dict[str, str]] = []
    for lang in RECOGNIZERS_LANGS:
        seen: OrderedDict[str, str] = OrderedDict()
        for model in ("DateTimeModel", "NumberModel"):
            path = peers / "recognizers" / f"{model}.{lang}.jsonl"
            if not path.exists():
                continue
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    text = " ".join(rec["input"].split())
                    if len(text) >= 20 and text not in seen:
                        seen[text] = rec.get("reference") or ""
        chunk: list[str] = []
        size = 0
        count = 0
        for text in seen:
            chunk.append(text)
            size += len(text) + 1
            if size >= PSEUDO_ARTICLE_CHARS:
                count += 1
                rows.append({"id": f"recognizers-{lang}-{count:03d}", "lang": lang, "published": "2024-02-08",
                             "text": "\n".join(chunk), "source": "Microsoft Recognizers-Text specs, MIT"})
                chunk, size = [], 0
                if count >= MAX_PER_LANG:
                    break
        if chunk and count < MAX_PER_LANG:
            count += 1
            rows.append({"id": f"recognizers-{lang}-{count:03d}", "lang": lang, "published": "2024-02-08",
                         "text": "\n".join(chunk), "source": "Microsoft Recognizers-Text specs, MIT"})
    return rows


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> None:
    """Write rows as JSON lines (UTF-8, not ASCII-escaped)."""
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    """Build every file of ``bench/data``."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peers", type=Path, default=HERE.parent.parent / "shared" / "peers")
    ap.add_argument("--sample", type=Path, default=HERE.parent / "src" / "newsnorm" / "data" / "sample.txt")
    args = ap.parse_args()
    DATA.mkdir(exist_ok=True)
    meantime = build_meantime(args.peers)
    write_jsonl(DATA / "meantime.jsonl", meantime)
    recognizers = build_recognizers(args.peers)
    write_jsonl(DATA / "recognizers.jsonl", recognizers)
    shutil.copyfile(args.sample, DATA / "ceasefire-talks.txt")
    print(f"meantime.jsonl: {len(meantime)} articles; recognizers.jsonl: {len(recognizers)} pseudo-articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
