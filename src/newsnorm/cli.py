"""The ``newsnorm`` command: normalise a text file, standard input or a JSONL corpus.

Examples::

    newsnorm --sample                       # the bundled AFP article, as JSON
    newsnorm article.txt --lang en --published 2024-02-08
    newsnorm corpus.jsonl > out.jsonl       # {"text", "lang", "published"} per line
    cat article.txt | newsnorm --text       # only the normalised text
    newsnorm article.txt --html view.html   # a page that highlights the mentions
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from itertools import islice
from typing import IO, Any

__all__ = ["main"]

SAMPLE_PUBLISHED = "2024-02-08"


def _parser() -> Any:
    import argparse

    p = argparse.ArgumentParser(
        prog="newsnorm",
        description="Normalise places, dates, numbers and titles in news text.",
        epilog="JSONL input (a .jsonl file or --jsonl) has one object per line with 'text' and "
        "optionally 'lang', 'published' and 'id'; output is one JSON object per line.",
    )
    p.add_argument("file", nargs="?", help="a text or .jsonl file; '-' or nothing reads standard input")
    p.add_argument("--sample", action="store_true", help="run on the bundled sample article (published 2024-02-08)")
    p.add_argument("--lang", help="ISO 639-1 code or BCP 47 tag; detected when omitted")
    p.add_argument("--published", help="publication date, ISO 8601 (e.g. 2024-02-08)")
    p.add_argument("--only", nargs="+", metavar="KIND", help="run only these normalisers (see --list)")
    p.add_argument("--text", action="store_true", help="print only the normalised text")
    p.add_argument("--jsonl", action="store_true", help="read JSONL even if the file name does not end in .jsonl")
    p.add_argument("--strict", action="store_true", help="stop at the first bad JSONL line")
    p.add_argument("--html", metavar="OUT", help="write an HTML page highlighting the mentions to OUT")
    p.add_argument("--list", action="store_true", help="list the registered normalisers and exit")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    return p


def _pipeline(only: Sequence[str] | None) -> Any:
    import newsnorm

    if not only:
        from newsnorm._api import default_pipeline

        return default_pipeline()
    kinds = {"place": "places", "date": "dates", "number": "numbers", "title": "titles"}
    return newsnorm.Pipeline([kinds.get(name, name) for name in only])


class _Progress:
    """A line counter on stderr, shown only when stderr is a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.on = stream.isatty()
        self.count = 0

    def tick(self) -> None:
        self.count += 1
        if self.on and self.count % 50 == 0:
            self.stream.write(f"\rnewsnorm: {self.count} documents")
            self.stream.flush()

    def close(self) -> None:
        if self.on and self.count:
            self.stream.write(f"\rnewsnorm: {self.count} documents\n")


#: How many JSONL records go through :meth:`newsnorm.Pipeline.map` at a time.
_BATCH = 128


def _run_jsonl(pipe: Any, lines: IO[str], args: Any, out: IO[str], err: IO[str]) -> int:
    """Normalise one JSON record per line; a bad line is reported on ``err`` with its number and skipped.

    Records go through ``pipe.map`` in batches (the same documents as one call each, faster); a batch
    with a bad argument in it is redone one record at a time, so every bad line is reported by itself.
    """
    import json

    progress = _Progress(err)
    failures = 0
    numbered = ((number, line) for number, line in enumerate(lines, 1) if line.strip())
    while chunk := list(islice(numbered, _BATCH)):
        records: list[tuple[int, Any]] = []  # (line number, the record or why it is not one)
        for number, line in chunk:
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError("expected an object with a string 'text'")
            except ValueError as exc:
                record = exc
            records.append((number, record))
        items = [(r["text"], r.get("lang") or args.lang, r.get("published") or args.published)
                 for _, r in records if not isinstance(r, Exception)]
        try:
            docs: list[Any] = list(pipe.map(items))
        except (ValueError, TypeError):
            docs = [_call(pipe, item) for item in items]
        results = iter(docs)
        for number, record in records:
            doc = record if isinstance(record, Exception) else next(results)
            if isinstance(doc, Exception):
                failures += 1
                err.write(f"newsnorm: line {number}: {doc}\n")
                if args.strict:
                    progress.close()
                    return 1
                continue
            result: dict[str, Any] = doc.to_dict()
            if "id" in record:
                result = {"id": record["id"], **result}
            out.write((json.dumps({"id": result.get("id"), "text": doc.text}, ensure_ascii=False)
                       if args.text else json.dumps(result, ensure_ascii=False)) + "\n")
            progress.tick()
    progress.close()
    return 1 if failures and args.strict else 0


def _call(pipe: Any, item: tuple[str, Any, Any]) -> Any:
    """``pipe(*item)``, or the ``ValueError`` / ``TypeError`` it raised (a bad record's reason)."""
    try:
        return pipe(*item)
    except (ValueError, TypeError) as exc:
        return exc


def main(argv: Sequence[str] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 bad input, 2 bad usage)."""
    import json

    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = _parser().parse_args(argv)
    import newsnorm

    if args.version:
        out.write(f"newsnorm {newsnorm.__version__}\n")
        return 0
    if args.list:
        out.write("\n".join(newsnorm.available()) + "\n")
        return 0
    try:
        pipe = _pipeline(args.only)
    except (LookupError, ValueError, TypeError, newsnorm.NormaliserLoadError) as exc:
        err.write(f"newsnorm: {exc}\n")
        return 2
    if args.sample:
        from newsnorm._resources import read_text

        text = read_text("sample.txt")
        args.published = args.published or SAMPLE_PUBLISHED
        args.lang = args.lang or "en"
    elif args.file and args.file != "-":
        try:
            handle = open(args.file, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            err.write(f"newsnorm: cannot read {args.file!r}: {exc.strerror}\n")
            return 1
        with handle:
            if args.jsonl or args.file.endswith(".jsonl"):
                return _run_jsonl(pipe, handle, args, out, err)
            text = handle.read()
    else:
        if args.jsonl:
            return _run_jsonl(pipe, sys.stdin, args, out, err)
        text = sys.stdin.read()
    try:
        doc = pipe(text, lang=args.lang, published=args.published)
    except (ValueError, TypeError) as exc:
        err.write(f"newsnorm: {exc}\n")
        return 2
    if args.html:
        from newsnorm._render import render

        page = f'<!doctype html><meta charset="utf-8"><title>newsnorm</title>\n{render(doc)}\n'
        with open(args.html, "w", encoding="utf-8") as f:
            f.write(page)
    if args.text:
        out.write(doc.text if doc.text.endswith("\n") else doc.text + "\n")
    else:
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
