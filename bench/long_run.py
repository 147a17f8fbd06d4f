"""The long reliability run: hypothesis examples in chunks, with a running count, and the slow tests.

Usage (from the repository root)::

    python bench/long_run.py --examples 100000            # property tests, 100,000 examples in total
    python bench/long_run.py --examples 100000 --hours 2   # stop after two hours, whatever the count
    python bench/long_run.py --slow                        # then the NEWSNORM_SLOW=1 tests (doubling up to 1 MB ...)

Each chunk is one pytest run of the property tests of
``tests/reliability/test_reliability_hypothesis.py`` with
``NEWSNORM_HYPOTHESIS_EXAMPLES=<chunk>`` and a fresh random seed, so the
examples of all chunks add up; the count of examples passed so far is printed
after every chunk (and appended to ``--log``). The first failing chunk stops
the run and its pytest output is printed: hypothesis shows the shrunk input.
Running ``NEWSNORM_HYPOTHESIS_PROFILE=long NEWSNORM_SLOW=1 python -m pytest`` does
the same in one go (100,000 examples per property test), without a running count.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ["test_hypothesis_normalise_never_raises", "test_hypothesis_each_normaliser_never_raises",
         "test_hypothesis_idempotent", "test_hypothesis_headline_never_raises"]  # fmt: skip


def main() -> int:
    """Run chunks until ``--examples`` have passed (or ``--hours`` are up); then, with ``--slow``, the slow tests."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=100_000, help="examples in total, over all property tests")
    ap.add_argument("--chunk", type=int, default=2_000, help="examples per pytest run")
    ap.add_argument("--hours", type=float, default=None, help="stop starting new chunks after this long")
    ap.add_argument("--log", type=Path, default=None, help="append progress lines to this file")
    ap.add_argument("--slow", action="store_true", help="run the NEWSNORM_SLOW=1 tests afterwards")
    ap.add_argument("--keep-going", action="store_true", help="log a failing chunk and go on (it counts no examples)")
    ap.add_argument("--tests", default=",".join(TESTS), help="comma-separated property tests to cycle through")
    args = ap.parse_args()
    start = time.monotonic()
    done = 0
    failed = 0
    chunk_no = 0
    tests = [t.strip() for t in args.tests.split(",") if t.strip()]

    def say(line: str) -> None:
        print(line, flush=True)
        if args.log:
            with open(args.log, "a", encoding="utf-8") as f:
                f.write(line + "\n")

    while done < args.examples:
        if args.hours is not None and time.monotonic() - start > args.hours * 3600:
            say(f"time limit reached after {done:,} examples")
            break
        test = tests[chunk_no % len(tests)]
        chunk_no += 1
        env = {**os.environ, "NEWSNORM_HYPOTHESIS_EXAMPLES": str(args.chunk)}
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               f"tests/reliability/test_reliability_hypothesis.py::{test}"]  # fmt: skip
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            failed += 1
            say(f"FAILED in chunk {chunk_no} ({test}) after {done:,} examples passed:")
            say(proc.stdout[-6000:] + proc.stderr[-2000:])
            if not args.keep_going:
                return 1
            continue
        done += args.chunk
        say(f"{done:,} examples passed ({test} +{args.chunk:,}); {(time.monotonic() - start) / 60:.1f} min")
    say(f"done: {done:,} examples passed, {failed} failing chunk(s)")
    if args.slow:
        env = {**os.environ, "NEWSNORM_SLOW": "1"}
        slow = subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", "slow", "tests"], cwd=ROOT, env=env,
                              check=False)
        return slow.returncode or int(failed > 0)
    return int(failed > 0)


if __name__ == "__main__":
    raise SystemExit(main())
