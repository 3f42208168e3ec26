"""`postman-kit generate` against Postman's own converter, side by side in one run.

    python benchmarks/bench_generate.py                       # Klaviyo 2026-07-15, the real-world specs, all stable
    python benchmarks/bench_generate.py --rounds 9 --spec other.json --no-peer --no-real-world

Each round runs `postman-kit generate SPEC` (this checkout installed as users get it, see peers.py; `--dev`
times the development install instead) and `openapi2postmanv2 -s SPEC -o OUT -p` (openapi-to-postmanv2
6.3.3, pinned in benchmarks/node and installed into ~/.cache/postman-kit/bench-node by peers.py) as child
processes, alternating which goes first, and takes each child's wall time and peak RSS (ru_maxrss from wait4).
It prints the medians and the ratios against the goals (≥ 10× faster, ≤ 1/3 of the peer's peak memory), then
the same side by side for the other vendors' specs of the corpus (Stripe, OpenAI, Spotify, Box, Train Travel,
Twilio; goals: ≥ 5× faster on each, ≥ 10× on the set, summed medians), then generates every stable Klaviyo
revision in one process (goal: ≤ 5 s in all).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import peers
from peers import PeerUnavailable, peer_binary

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_SPEC = CORPUS / "klaviyo" / "stable" / "2026-07-15.json"
SPEED_GOAL = 10.0
MEMORY_GOAL = 1 / 3
ALL_STABLE_GOAL_SECONDS = 5.0
REAL_WORLD_GOAL_EACH = 5.0
REAL_WORLD_GOAL_SUM = 10.0
REAL_WORLD = {  # name → spec under ../shared/corpus
    "Stripe": "real-world/stripe-spec3-2022-04-12.json",
    "OpenAI": "real-world/openai.yaml",
    "Spotify": "real-world/spotify.yml",
    "Box": "real-world/box.json",
    "Train Travel": "real-world/train-travel/openapi.yaml",
    "Twilio": "twilio/twilio_api_v2010.json",
}
CHILD_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    cpu_seconds: float  # user + system: steadier than wall time on a busy machine


def child_environment() -> dict[str, str]:
    """The environment as a user's shell has it: Python caches compiled modules (some sandboxes switch that off
    with PYTHONDONTWRITEBYTECODE); the cache goes under ~/.cache so the checkout stays clean."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(peers.cache_root() / "pycache"))
    return env


def run_child(command: list[str]) -> Run:
    """Run one command to completion; its wall time and peak resident memory (its own, via wait4)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_environment()
    )
    deadline = started + CHILD_TIMEOUT_SECONDS
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            raise SystemExit(f"bench: {command[0]} took over {CHILD_TIMEOUT_SECONDS} s")
        time.sleep(0.002)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed ({process.returncode}): {errors.strip()[-500:]}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)  # ru_maxrss: KiB on Linux


_kit: list[str] = []  # the program every round runs, chosen once


def kit() -> list[str]:
    """The `postman-kit` program the benchmarks time: this checkout installed as a release (peers.install_kit)."""
    if not _kit:
        try:
            _kit.append(str(peers.install_kit()))
        except PeerUnavailable as exc:
            print(f"bench: {exc}; timing the development install instead")
            use_development_kit()
    return _kit


def use_development_kit() -> None:
    """Time the `postman-kit` installed for the interpreter running the benchmark (`--dev`: usually an editable
    install, so its import hook and the interpreter's site hooks count too). Taken from that interpreter's bin/,
    not from PATH: a version manager's shim there (pyenv's is a bash script that runs `pyenv exec`) would add its
    own start-up to every round."""
    installed = Path(sys.executable).with_name("postman-kit")
    found = str(installed) if installed.is_file() else shutil.which("postman-kit")
    _kit[:] = [found] if found else [sys.executable, "-m", "postman_kit.cli"]


def add_kit_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dev",
        action="store_true",
        help="time the postman-kit beside this interpreter (an editable install) instead of a "
        "release install of the checkout",
    )


def postman_kit_command(spec: Path, out_dir: Path) -> list[str]:
    return [*kit(), "generate", str(spec), "--out", str(out_dir), "--quiet"]


def peer_command(converter: str, spec: Path, out_file: Path) -> list[str]:
    return [converter, "-s", str(spec), "-o", str(out_file), "-p"]


def median_run(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.peak_rss_mb for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
    )


def timed_rounds(spec: Path, rounds: int, converter: str | None, scratch: Path) -> tuple[Run, Run | None]:
    """The medians of `rounds` alternating runs of postman-kit and (with `converter`) the peer on `spec`."""
    commands = {"ours": postman_kit_command(spec, scratch / "kit")}
    if converter:
        commands["peer"] = peer_command(converter, spec, scratch / "peer.postman_collection.json")
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    order = list(commands)
    for command in commands.values():
        run_child(command)  # warm-up, not counted: page cache, compiled-module cache
    for index in range(rounds):
        # Alternate who goes first so neither always runs on a warmer page cache.
        for name in order if index % 2 == 0 else reversed(order):
            runs[name].append(run_child(commands[name]))
    return median_run(runs["ours"]), median_run(runs["peer"]) if runs.get("peer") else None


def side_by_side(spec: Path, rounds: int, converter: str | None, scratch: Path) -> None:
    mine, peer = timed_rounds(spec, rounds, converter, scratch)
    size_mb = spec.stat().st_size / 1e6
    print(f"spec: {spec} ({size_mb:.2f} MB), {rounds} rounds, medians; postman-kit is {' '.join(kit())}")
    print(
        f"  postman-kit generate        {mine.seconds:7.3f} s  {mine.peak_rss_mb:7.1f} MB peak RSS"
        f"  {mine.cpu_seconds:6.3f} s CPU"
    )
    if peer is None:
        return
    speedup = peer.seconds / mine.seconds
    memory = mine.peak_rss_mb / peer.peak_rss_mb
    print(
        f"  openapi2postmanv2 6.3.3     {peer.seconds:7.3f} s  {peer.peak_rss_mb:7.1f} MB peak RSS"
        f"  {peer.cpu_seconds:6.3f} s CPU"
    )
    print(
        f"  speed:  {speedup:5.1f}x faster      (goal >= {SPEED_GOAL:.0f}x: {'met' if speedup >= SPEED_GOAL else 'MISSED'})"
    )
    print(
        f"  memory: {memory:5.2f} of the peer's  (goal <= 0.33: {'met' if memory <= MEMORY_GOAL else 'MISSED'})"
    )
    print(f"  CPU:    {peer.cpu_seconds / mine.cpu_seconds:5.1f}x less")
    print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def real_world(rounds: int, converter: str | None, scratch: Path) -> None:
    """Each other vendor's spec side by side with the peer, then the set as a whole (summed medians)."""
    specs = {name: CORPUS / path for name, path in REAL_WORLD.items() if (CORPUS / path).is_file()}
    if not specs:
        print("real-world specs: ../shared/corpus is absent, skipped")
        return
    print(
        f"real-world specs, {rounds} rounds each, medians (goal: >= {REAL_WORLD_GOAL_EACH:.0f}x each, "
        f">= {REAL_WORLD_GOAL_SUM:.0f}x in sum)"
    )
    ours_total = peers_total = ours_cpu = peers_cpu = 0.0
    for name, spec in specs.items():
        mine, peer = timed_rounds(spec, rounds, converter, scratch)
        ours_total += mine.seconds
        ours_cpu += mine.cpu_seconds
        line = f"  {name:<13} {spec.stat().st_size / 1e6:5.2f} MB  postman-kit {mine.seconds:6.3f} s"
        if peer is not None:
            peers_total += peer.seconds
            peers_cpu += peer.cpu_seconds
            speedup = peer.seconds / mine.seconds
            verdict = "met" if speedup >= REAL_WORLD_GOAL_EACH else "MISSED"
            line += (
                f"  openapi2postmanv2 {peer.seconds:6.3f} s  {speedup:5.1f}x ({verdict}),"
                f" CPU {mine.cpu_seconds:5.2f} s vs {peer.cpu_seconds:5.2f} s"
            )
        print(line)
    if peers_total:
        speedup = peers_total / ours_total
        verdict = "met" if speedup >= REAL_WORLD_GOAL_SUM else "MISSED"
        print(
            f"  in sum        postman-kit {ours_total:6.3f} s  openapi2postmanv2 {peers_total:6.3f} s  "
            f"{speedup:5.1f}x ({verdict}), CPU {peers_cpu / ours_cpu:4.1f}x less"
        )
    print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def all_stable(scratch: Path) -> None:
    """Every stable Klaviyo revision generated in one process: the cost of a full history rebuild."""
    specs = sorted((CORPUS / "klaviyo" / "stable").glob("*.json"))
    if not specs:
        print("all stable revisions: ../shared/corpus/klaviyo/stable is absent, skipped")
        return
    from postman_kit import generate

    started, cpu_started = time.perf_counter(), time.process_time()
    for spec in specs:
        generate(str(spec), scratch / "stable")
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    verdict = "met" if seconds <= ALL_STABLE_GOAL_SECONDS else "MISSED"
    print(
        f"all {len(specs)} stable revisions in one process: {seconds:.2f} s ({cpu_seconds:.2f} s CPU, "
        f"{seconds / len(specs) * 1000:.0f} ms each; goal <= {ALL_STABLE_GOAL_SECONDS:.0f} s: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--spec", type=Path, default=DEFAULT_SPEC, help="spec to convert (default: %(default)s)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=11,
        help="rounds per tool (default: %(default)s; the medians of fewer move by 5%% between runs)",
    )
    parser.add_argument("--no-peer", action="store_true", help="time postman-kit alone")
    parser.add_argument("--no-all-stable", action="store_true", help="skip the all-revisions loop")
    parser.add_argument("--no-real-world", action="store_true", help="skip the other vendors' specs")
    parser.add_argument(
        "--real-world-rounds",
        type=int,
        default=5,
        help="rounds per tool on each real-world spec (default: %(default)s)",
    )
    add_kit_option(parser)
    args = parser.parse_args()
    if args.dev:
        use_development_kit()
    if not args.spec.is_file():
        raise SystemExit(f"bench: {args.spec}: no such file (the corpus lives in ../shared/corpus)")
    converter = None
    if not args.no_peer:
        try:
            converter = peer_binary("openapi2postmanv2")
        except PeerUnavailable as exc:
            print(f"peer skipped: {exc}")
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as tmp:
        scratch = Path(tmp)
        side_by_side(args.spec, max(1, args.rounds), converter, scratch)
        if not args.no_real_world:
            real_world(max(1, args.real_world_rounds), converter, scratch)
        if not args.no_all_stable:
            all_stable(scratch)


if __name__ == "__main__":
    main()
