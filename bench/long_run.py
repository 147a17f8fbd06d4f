"""The long reliability run: hypothesis examples in a few big rounds, with a running count, and the slow tests.

Usage (from the repository root)::

    python bench/long_run.py --examples 100000 --log /tmp/hyp_long.log   # 100,000 examples in total
    python bench/long_run.py --examples 100000 --hours 1                  # stop starting rounds after an hour
    python bench/long_run.py --slow                                       # then the NEWSNORM_SLOW=1 tests

Each round is one pytest process running the five property tests of
``tests/reliability/test_reliability_hypothesis.py`` under the long profile
(``NEWSNORM_HYPOTHESIS_PROFILE=long``: texts of at most 120 code points or 12 glued
fragments) with ``NEWSNORM_HYPOTHESIS_EXAMPLES=<per test>`` and
``--hypothesis-show-statistics``. The count of examples is hypothesis's own
("N passing examples" per test), summed over tests and rounds, printed after each
round and appended to ``--log`` with the statistics. Rounds are few and big on
purpose: each fresh process first builds every language's tables (detection sends
random text to some 40 languages), about a minute that a small chunk would pay
again and again. The first failing round stops the run and its pytest output is
logged: hypothesis shows the shrunk input.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ["test_hypothesis_normalise_never_raises", "test_hypothesis_each_normaliser_never_raises",
         "test_hypothesis_idempotent", "test_hypothesis_headline_never_raises",
         "test_hypothesis_map_gives_the_documents_of_calls"]  # fmt: skip
#: hypothesis's statistics line: "12500 passing examples, 0 failing examples" before 6.16x,
#: "12500 passing, 0 failing, and 1311 invalid test cases" since
PASSING = re.compile(r"- (\d+) passing(?: examples?)?, (\d+) failing(?: examples?)?")


def main() -> int:
    """Run rounds until ``--examples`` have passed (or ``--hours`` are up); then, with ``--slow``, the slow tests."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=100_000, help="examples in total, over all property tests")
    ap.add_argument("--rounds", type=int, default=2, help="pytest processes to spread the examples over")
    ap.add_argument("--hours", type=float, default=None, help="stop starting new rounds after this long")
    ap.add_argument("--log", type=Path, default=None, help="append progress lines and statistics to this file")
    ap.add_argument("--slow", action="store_true", help="run the NEWSNORM_SLOW=1 tests afterwards")
    ap.add_argument("--tests", default=",".join(TESTS), help="comma-separated property tests to run")
    args = ap.parse_args()
    tests = [t.strip() for t in args.tests.split(",") if t.strip()]
    per_test = -(-args.examples // (len(tests) * max(1, args.rounds)))  # ceiling division
    start = time.monotonic()
    done = 0

    def say(line: str) -> None:
        print(line, flush=True)
        if args.log:
            with open(args.log, "a", encoding="utf-8") as f:
                f.write(line + "\n")

    say(f"long run: {args.examples:,} examples as {args.rounds} round(s) of {per_test:,} per test over {tests}")
    round_no = 0
    while done < args.examples:
        if args.hours is not None and time.monotonic() - start > args.hours * 3600:
            say(f"time limit reached after {done:,} examples")
            break
        round_no += 1
        env = {**os.environ, "NEWSNORM_HYPOTHESIS_PROFILE": "long", "NEWSNORM_HYPOTHESIS_EXAMPLES": str(per_test)}
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
               *(f"tests/reliability/test_reliability_hypothesis.py::{t}" for t in tests)]  # fmt: skip
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        counts = [(int(a), int(b)) for a, b in PASSING.findall(proc.stdout)]
        passed = sum(a for a, _ in counts)
        if proc.returncode != 0:
            say(f"FAILED in round {round_no} after {done:,} examples passed before it:")
            say(proc.stdout[-8000:] + proc.stderr[-2000:])
            return 1
        done += passed
        say(proc.stdout[-4000:])
        say(f"round {round_no}: {passed:,} examples passed ({counts}); {done:,} in total; "
            f"{(time.monotonic() - start) / 60:.1f} min")
    say(f"done: {done:,} examples passed, no failure")
    if args.slow:
        env = {**os.environ, "NEWSNORM_SLOW": "1"}
        slow = subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", "slow", "tests"], cwd=ROOT, env=env,
                              check=False)
        return slow.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
