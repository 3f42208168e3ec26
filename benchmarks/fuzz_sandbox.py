"""A long schemathesis run against the sandbox: every operation of a spec, N generated requests each.

    python benchmarks/fuzz_sandbox.py                       # Klaviyo 2026-07-15, 50 examples per operation
    python benchmarks/fuzz_sandbox.py --examples 200 --seed 7 --only /api/profiles

Prints calls, statuses, and one example per (check, operation) that failed; exit 1 when anything failed.
The suite's bounded run is tests/test_sandbox_fuzz.py (2 examples per operation).

Measured (2 cores shared by other work): 10 examples per operation, seed 3: 345 operations, 3,450 calls in
160 s (200: 817, 201: 216, 202: 164, 204: 75, 400: 670, 404: 1,496, 405: 12); no failure, no 5xx, no server
exception; 10 operations answer values more than one of the spec's overlapping oneOf branches describe.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sandbox_fuzzing import fuzz_sandbox

DEFAULT_SPEC = ROOT.parent / "shared" / "corpus" / "klaviyo" / "stable" / "2026-07-15.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--examples", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", help="only operations whose path contains this text")
    args = parser.parse_args()
    started = time.perf_counter()
    report = fuzz_sandbox(args.spec, examples=args.examples, seed=args.seed, only=args.only)
    print(
        f"{report.operations} operations, {report.calls} calls in {time.perf_counter() - started:.0f} s; "
        f"statuses {dict(sorted(report.statuses.items()))}"
    )
    for key, example in sorted(report.failures.items()):
        print(f"FAIL {key}: {example}")
    for message in report.server_errors:
        print(f"SERVER {message}")
    overlaps = len(report.overlapping_one_of)
    print(f"{overlaps} answer(s) matching more than one oneOf branch (the spec's overlap)")
    return 1 if report.failures or report.server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
