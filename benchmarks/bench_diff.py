"""`postman-kit diff` and `upgrade` against Postman's converter's `--sync`, side by side in one run.

    python benchmarks/bench_diff.py                    # 5 rounds: 2023-10-15 collection → 2026-07-15 spec
    python benchmarks/bench_diff.py --rounds 9 --old 2024-07-15 --no-peer

The OLD collection is the one `postman-kit generate` makes from the older Klaviyo revision. Each round runs, as
child processes and alternating who goes first, `postman-kit diff OLD NEW_SPEC`, `postman-kit upgrade OLD --to
NEW_SPEC -o OUT` and `openapi2postmanv2 -s NEW_SPEC --sync OLD -o OUT` (openapi-to-postmanv2 6.3.3, pinned in
benchmarks/node and installed by peers.py), taking each child's wall time, CPU time and peak RSS. It prints the
medians, the ratios to the peer and the goals (≤ 0.5 s and ≤ 100 MB each), and what each output holds (requests,
and for the peer how many revisions its synced collection mixes). `postman-kit --version`, run the same way,
shows the start-up floor every command pays before its own work: the interpreter and the package's imports.
postman-kit is this checkout installed as users get it (see peers.py); `--dev` times the development install.
With the default OLD revision, `postman-kit upgrade (fork)` times the three-way upgrade of tests/fixtures/forks'
fork of it (saved requests to check against NEW, edits, OLD's spec found in --revisions), the case a user with a
fork meets.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from pathlib import Path

from bench_generate import CORPUS, Run, add_kit_option, kit, median_run, run_child, use_development_kit
from peers import PeerUnavailable, peer_binary

STABLE = CORPUS / "klaviyo" / "stable"
SECONDS_GOAL = 0.5
MEMORY_GOAL_MB = 100.0
TODAY = "2026-11-23"
# A user's fork of the 2023-10-15 collection: saved requests (some conflicting), edits, own variables.
FORK = (
    Path(__file__).resolve().parent.parent
    / "tests"
    / "fixtures"
    / "forks"
    / "klaviyo-2023-10-15-fork.postman_collection.json"
)


def generated_collection(spec: Path, scratch: Path) -> Path:
    from postman_kit.generation import generate

    result = generate(str(spec), scratch / "old")
    return next(p for p in result.files if p.name.endswith(".postman_collection.json"))


def count_requests(path: Path) -> tuple[int, set[str]]:
    """Requests in a collection and the revisions they send (their `revision` headers, variables resolved)."""
    data = json.loads(path.read_text())
    variables = {v.get("key"): str(v.get("value", "")) for v in data.get("variable", [])}
    revisions: set[str] = set()
    count = 0

    def visit(nodes: list[dict]) -> None:
        nonlocal count
        for node in nodes:
            if "item" in node and "request" not in node:
                visit(node["item"])
                continue
            count += 1
            for header in node.get("request", {}).get("header", []):
                if isinstance(header, dict) and str(header.get("key", "")).lower() == "revision":
                    value = str(header.get("value", ""))
                    revisions.add(
                        re.sub(r"\{\{(\w+)\}\}", lambda m: variables.get(m.group(1), m.group(0)), value)
                    )

    visit(data.get("item", []))
    return count, revisions


def sync_peer() -> str | None:
    try:
        return peer_binary("openapi2postmanv2")
    except PeerUnavailable as exc:
        print(f"peer skipped: {exc}")
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default="2023-10-15", help="older stable revision (default: %(default)s)")
    parser.add_argument("--new", default="2026-07-15", help="newer stable revision (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per tool (default: %(default)s)")
    parser.add_argument("--no-peer", action="store_true", help="time postman-kit alone")
    add_kit_option(parser)
    args = parser.parse_args()
    if args.dev:
        use_development_kit()
    old_spec, new_spec = STABLE / f"{args.old}.json", STABLE / f"{args.new}.json"
    for spec in (old_spec, new_spec):
        if not spec.is_file():
            raise SystemExit(f"bench: {spec}: no such file (the corpus lives in ../shared/corpus)")
    converter = None if args.no_peer else sync_peer()
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as tmp:
        scratch = Path(tmp)
        old = generated_collection(old_spec, scratch)
        outputs = {
            "upgrade": scratch / "upgraded.json",
            "fork": scratch / "fork.json",
            "peer": scratch / "synced.json",
        }
        commands = {
            "floor": [*kit(), "--version"],
            "diff": [*kit(), "diff", str(old), str(new_spec), "--today", TODAY, "--format", "json"],
            "upgrade": [
                *kit(),
                "upgrade",
                str(old),
                "--to",
                str(new_spec),
                "-o",
                str(outputs["upgrade"]),
                "--today",
                TODAY,
                "--format",
                "json",
            ],
        }
        if args.old == "2023-10-15" and FORK.is_file():
            # The three-way upgrade (OLD's spec found in --revisions) of a fork with saved requests to check.
            commands["fork"] = [
                *kit(),
                "upgrade",
                str(FORK),
                "--to",
                str(new_spec),
                "-o",
                str(outputs["fork"]),
                "--revisions",
                str(STABLE),
                "--today",
                TODAY,
                "--format",
                "json",
            ]
        if converter:
            commands["peer"] = [
                converter,
                "-s",
                str(new_spec),
                "--sync",
                str(old),
                "-o",
                str(outputs["peer"]),
            ]
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for command in commands.values():
            run_child(command)  # warm-up, not counted
        order = list(commands)
        for index in range(max(1, args.rounds)):
            for name in order if index % 2 == 0 else reversed(order):
                runs[name].append(run_child(commands[name]))
        medians = {name: median_run(r) for name, r in runs.items()}
        print(
            f"{args.old} collection ({old.stat().st_size / 1e6:.1f} MB) → {args.new} spec "
            f"({new_spec.stat().st_size / 1e6:.1f} MB), {args.rounds} rounds, medians; postman-kit is "
            f"{' '.join(kit())}"
        )
        labels = {
            "floor": "postman-kit --version",
            "diff": "postman-kit diff",
            "upgrade": "postman-kit upgrade",
            "fork": "postman-kit upgrade (fork)",
            "peer": "openapi2postmanv2 --sync",
        }
        for name, run in medians.items():
            print(
                f"  {labels[name]:26} {run.seconds:7.3f} s  {run.peak_rss_mb:7.1f} MB peak RSS"
                f"  {run.cpu_seconds:6.3f} s CPU"
            )
        print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        for name in ("diff", "upgrade"):
            run = medians[name]
            met = run.seconds <= SECONDS_GOAL and run.peak_rss_mb <= MEMORY_GOAL_MB
            line = (
                f"  {name}: goal <= {SECONDS_GOAL} s and <= {MEMORY_GOAL_MB:.0f} MB: "
                f"{'met' if met else 'MISSED'}"
            )
            if "peer" in medians:
                peer = medians["peer"]
                line += (
                    f"; {peer.seconds / run.seconds:.1f}x faster, "
                    f"{run.peak_rss_mb / peer.peak_rss_mb:.2f} of the peer's memory"
                )
            print(line)
        for name, path in outputs.items():
            if path.exists():
                requests, revisions = count_requests(path)
                print(
                    f"  {labels[name]} output: {requests} requests; revisions named: "
                    f"{', '.join(sorted(revisions)) or 'none'}"
                )


if __name__ == "__main__":
    main()
