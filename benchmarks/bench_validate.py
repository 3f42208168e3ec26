"""`postman-kit validate` against python-jsonschema checking the official schema alone, side by side in one run.

    python benchmarks/bench_validate.py                 # 5 rounds on the Klaviyo 2026-07-15 collection
    python benchmarks/bench_validate.py --rounds 9 --spec ../shared/corpus/klaviyo/stable/2024-07-15.json

The collection is generated once from SPEC into a temporary directory. Each round then runs, as child
processes and alternating which goes first:
- `postman-kit validate COLLECTION --spec SPEC -e ENV -g GLOBALS` with every rule on (the goal: ≤ 1 s), and
- python-jsonschema's Draft 7 validator checking the same collection against the official v2.1.0 schema
  (../shared/postman-schema, assembled as its README says), which checks structure only.
It prints each side's median wall time and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SPEC = SHARED / "corpus" / "klaviyo" / "stable" / "2026-07-15.json"
OFFICIAL_SCHEMA = SHARED / "postman-schema" / "v2.1.0"
GOAL_SECONDS = 1.0
CHILD_TIMEOUT_SECONDS = 300


def official_schema() -> dict:
    """The official schema's draft-07 sources assembled into one document (see its README)."""

    def read(path: Path) -> dict:
        lines = path.read_text().splitlines()
        return json.loads("\n".join(line for line in lines if not line.lstrip().startswith("//")))

    root = read(OFFICIAL_SCHEMA / "collection.json")
    definitions = root.setdefault("definitions", {})
    for path in sorted((OFFICIAL_SCHEMA / "collection").glob("*.json")):
        definition = read(path)
        definition.pop("$id", None)
        definition.pop("$schema", None)
        definitions[path.stem] = definition
    return root


def check_with_jsonschema(collection: Path) -> None:
    """The peer, run in a child: load the collection and validate it against the official schema."""
    import jsonschema

    errors = list(
        jsonschema.Draft7Validator(official_schema()).iter_errors(json.loads(collection.read_text()))
    )
    if errors:
        raise SystemExit(f"official schema: {len(errors)} error(s), first: {errors[0].message[:200]}")


def child_environment() -> dict[str, str]:
    """The environment as a user's shell has it: Python keeps compiled modules (some sandboxes switch that off
    with PYTHONDONTWRITEBYTECODE, which would time the compiler); the cache goes under ~/.cache."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path.home() / ".cache" / "postman-kit" / "pycache"))
    return env


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one child; CPU time stays honest on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_SECONDS,
        check=False,
        env=child_environment(),
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(
            f"bench: {' '.join(command)} exited {result.returncode}: "
            f"{(result.stderr or result.stdout).strip()[-500:]}"
        )
    return seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def kit_prefix() -> list[str]:
    installed = shutil.which("postman-kit")
    return [installed] if installed else [sys.executable, "-m", "postman_kit.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--peer-check", type=Path, help=argparse.SUPPRESS)  # child mode for the peer
    args = parser.parse_args()
    if args.peer_check:
        check_with_jsonschema(args.peer_check)
        return
    if not args.spec.exists() or not OFFICIAL_SCHEMA.is_dir():
        raise SystemExit("bench: needs ../shared/corpus and ../shared/postman-schema")
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as tmp:
        out = Path(tmp)
        subprocess.run([*kit_prefix(), "generate", str(args.spec), "--out", str(out), "--quiet"], check=True)
        collection = next(out.glob("*.postman_collection.json"))
        environment = next(out.glob("*.postman_environment.json"))
        globals_file = next(out.glob("*.postman_globals.json"))
        ours = [
            *kit_prefix(),
            "validate",
            str(collection),
            "--spec",
            str(args.spec),
            "-e",
            str(environment),
            "-g",
            str(globals_file),
            "--format",
            "json",
            "--fail-on",
            "warning",
        ]
        peer = [sys.executable, __file__, "--peer-check", str(collection)]
        size_mb = collection.stat().st_size / 1e6
        print(
            f"collection: {collection.name} ({size_mb:.1f} MB) against {args.spec.name}, {args.rounds} rounds"
        )
        kit_runs: list[tuple[float, float]] = []
        peer_runs: list[tuple[float, float]] = []
        timed(ours)  # the first run compiles the schema validators into the user cache, as any first run does
        for round_number in range(args.rounds):
            pair = [(ours, kit_runs), (peer, peer_runs)]
            for command, runs in pair if round_number % 2 == 0 else reversed(pair):
                runs.append(timed(command))
    kit = statistics.median(wall for wall, _ in kit_runs)
    other = statistics.median(wall for wall, _ in peer_runs)
    kit_cpu = statistics.median(cpu for _, cpu in kit_runs)
    other_cpu = statistics.median(cpu for _, cpu in peer_runs)
    load = os.getloadavg()[0]
    print(f"postman-kit validate, every rule:    median {kit:.3f} s wall, {kit_cpu:.3f} s CPU")
    print(f"jsonschema, official schema alone:  median {other:.3f} s wall, {other_cpu:.3f} s CPU")
    print(
        f"ratio (wall): postman-kit takes {kit / other:.2f}× the peer's time ({other / kit:.1f}× faster); "
        f"(CPU): {kit_cpu / other_cpu:.2f}×"
    )
    print(
        f"load average during the run: {load:.1f} on {os.cpu_count()} CPUs"
        + ("  (busy machine: wall times are inflated, CPU times are the fairer figure)" if load > 1.5 else "")
    )
    verdict = "met" if kit <= GOAL_SECONDS else "MISSED"
    print(f"goal ≤ {GOAL_SECONDS:.1f} s wall: {verdict}")


if __name__ == "__main__":
    main()
