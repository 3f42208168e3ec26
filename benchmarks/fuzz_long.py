"""The long fuzz run: random mutations of real inputs through every command, past failures, each one logged.

    python benchmarks/fuzz_long.py spec --cases 10000 --seed 1          # one kind
    python benchmarks/fuzz_long.py all --cases 10000                   # every kind, one after another
    python benchmarks/fuzz_long.py --replay fuzz-spec-1.jsonl          # the logged cases again, on this checkout

Kinds: `spec`, `collection`, `environment` and `report` mutate a document (tests/fuzzing.py: retype, delete,
duplicate, deepen, inject, rekey, swap) and run every command that reads one (tests/fuzzing.commands); `yamltext`
damages the example spec's YAML text (bytes inserted and cut); `corpus` mutates the OpenAPI examples of
../shared/corpus. Each case is checked as `pytest -m fuzz` checks it (exit 0/1/2, one error line, no traceback,
no partial or temp file, inputs unchanged, bounded CPU and wall time), but a failing case does not stop the run:
it is written to `fuzz-KIND-SEED.jsonl` (the case, the message, the traceback) and the run goes on, so one run
finds every kind of failure, not the first. Cases are drawn from the seed alone: a seed and a count name a run.

`POSTMAN_KIT_FUZZ_EXAMPLES=N python -m pytest -m fuzz` is the same check through Hypothesis, which stops at a
test's first failure and shrinks it; this script is for the 10,000-case runs.

Results (2 cores shared with other work): 10,000 cases each of spec, collection, environment and report on
ea9cf70, 0 failures (spec 27 min, collection 24, report 8, environment 3.5); the runs before it found the cases
now in tests/test_fuzz_found.py.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import fuzzing  # noqa: E402 - the checkout's tests, whichever directory this runs from
from tests.fuzzing import DOCUMENTS, KINDS, TEXT_INSERTS, Mutation, Workspace  # noqa: E402
from tests.tools import CORPUS, EXAMPLE_SPEC  # noqa: E402

DOCUMENT_KINDS = tuple(DOCUMENTS)
TEXT_KINDS = ("yamltext", "corpus")


def corpus_documents() -> list[Any]:
    import yaml

    folder = CORPUS / "openapi-examples"
    return [yaml.safe_load(path.read_text()) for path in sorted(folder.glob("*.yaml"))]


def draw(kind: str, rng: random.Random, corpus: list[Any]) -> Any:
    """One case, as plain data (so the log can replay it)."""
    if kind == "yamltext":
        return [rng.randrange(10**6), rng.randrange(len(TEXT_INSERTS)), rng.randrange(41)]
    changes = [
        [rng.randrange(10**6 + 1), rng.choice(KINDS), rng.randrange(10**6 + 1)]
        for _ in range(rng.randint(1, 3))
    ]
    return [rng.randrange(len(corpus)), changes] if kind == "corpus" else changes


def run_case(workspace: Workspace, kind: str, case: Any, corpus: list[Any]) -> None:
    if kind == "yamltext":
        offset, insert, cut = case
        raw = fuzzing.mutate_text(EXAMPLE_SPEC.read_bytes(), offset, TEXT_INSERTS[insert], cut)
        workspace.run_all("spec", raw, suffix=".yaml")
        return
    if kind == "corpus":
        which, changes = case
        document = corpus[which]
        kind = "spec"
    else:
        changes, document = case, DOCUMENTS[kind]()
    mutated = fuzzing.apply(document, [Mutation(*change) for change in changes])
    workspace.run_all(kind, fuzzing.dumps(mutated))


def fuzz(kind: str, cases: int, seed: int, out: Path) -> int:
    """Run `cases` cases of `kind`; the number that failed."""
    corpus = corpus_documents() if kind == "corpus" else []
    if kind == "corpus" and not corpus:
        print("fuzz_long: ../shared/corpus is absent: corpus skipped")
        return 0
    rng = random.Random(seed)
    workspace = Workspace()
    log = out / f"fuzz-{kind}-{seed}.jsonl"
    failed, started = 0, time.monotonic()
    try:
        with log.open("a", encoding="utf-8") as failures:
            for index in range(cases):
                case = draw(kind, rng, corpus)
                if not record(workspace, kind, case, corpus, failures, index):
                    failed += 1
                if (index + 1) % 500 == 0:
                    print(
                        f"{kind}: {index + 1} cases, {failed} failed, {time.monotonic() - started:.0f} s",
                        flush=True,
                    )
    finally:
        workspace.remove()
    where = f"; failures in {log}" if failed else ""
    print(f"{kind}: {cases} cases, {failed} failed, {time.monotonic() - started:.0f} s{where}")
    if not failed and log.exists() and not log.stat().st_size:
        log.unlink()
    return failed


def record(workspace: Workspace, kind: str, case: Any, corpus: list[Any], failures: Any, index: int) -> bool:
    try:
        run_case(workspace, kind, case, corpus)
    except Exception as exc:  # noqa: BLE001 - every failure of a case is the finding, whatever its class
        entry = {"kind": kind, "index": index, "case": case, "error": str(exc)[-3000:]}
        entry["traceback"] = traceback.format_exc()[-6000:]
        failures.write(json.dumps(entry) + "\n")
        failures.flush()
        for leftover in workspace.inputs.glob("mutant*"):
            leftover.unlink()
        return False
    return True


def replay(log: Path) -> int:
    """Run the logged cases again; the number that still fail."""
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = corpus_documents() if any(e["kind"] == "corpus" for e in entries) else []
    workspace = Workspace()
    still = 0
    try:
        for entry in entries:
            try:
                run_case(workspace, entry["kind"], entry["case"], corpus)
            except Exception as exc:  # noqa: BLE001
                still += 1
                print(
                    f"still fails: {entry['kind']} {json.dumps(entry['case'])}: {str(exc).splitlines()[-1][:200]}"
                )
                for leftover in workspace.inputs.glob("mutant*"):
                    leftover.unlink()
    finally:
        workspace.remove()
    print(f"{len(entries)} logged cases, {still} still fail")
    return still


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", nargs="?", choices=(*DOCUMENT_KINDS, *TEXT_KINDS, "all"))
    parser.add_argument("--cases", type=int, default=1000, help="cases per kind (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("."), help="where the failure logs go")
    parser.add_argument("--replay", type=Path, help="a failure log to run again instead")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return 1 if replay(args.replay) else 0
    if args.kind is None:
        parser.error("a kind (or --replay LOG) is needed")
    kinds = (*DOCUMENT_KINDS, *TEXT_KINDS) if args.kind == "all" else (args.kind,)
    args.out.mkdir(parents=True, exist_ok=True)
    failed = sum(fuzz(kind, args.cases, args.seed, args.out) for kind in kinds)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
