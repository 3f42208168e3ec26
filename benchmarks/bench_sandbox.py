"""`postman-kit sandbox` against Prism's mock server, and what recording every call costs the sandbox.

    python benchmarks/bench_sandbox.py                         # both parts, defaults below
    python benchmarks/bench_sandbox.py --part peer --rounds 5 --requests 5000 --concurrency 50
    python benchmarks/bench_sandbox.py --part recording --recording-rounds 9 --recording-requests 1000

Part "peer": Prism, side by side in one run: same spec, same calls.

Both servers run as child processes on 127.0.0.1: `postman-kit sandbox SPEC --no-rate-limits` (rate limits off,
so every call is served rather than throttled) and `prism mock SPEC` (@stoplight/prism-cli, pinned below and
installed once into ~/.cache/postman-kit/bench-prism). One asyncio client with `--concurrency` connections sends
the same mix of reads and creates to each, alternating which server goes first per round. It prints the median
requests per second and p50/p99 latency per tool, and the ratios sandbox : Prism.

The spec defaults to the example API (collections/example-api.openapi.yaml); its fixture ids make every call
succeed on both servers, so the numbers compare serving, not error paths.

Part "recording" (issue 7's goal: recording adds ≤ 10% to the sandbox's request latency): the same sandbox
app started twice as child processes, once with recording off (no recorder: no log entry built, nothing
written) and once recording into a SQLite log store as `postman-kit sandbox` does (each call appended to the
store's journal as its response goes out, folded into SQLite in batches by a thread; its CPU is counted). Each round sends the same calls to each server, alternating which goes first: sequentially over
one keep-alive connection, then from `--concurrency` concurrent clients. It prints per variant the median
per-request latency, the server's CPU time per request (from /proc: steadier than wall time on a busy
machine), and the latency ratio recording on : off against the goal.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT / "collections" / "example-api.openapi.yaml"
PRISM_PACKAGE = "@stoplight/prism-cli"
PRISM_VERSION = "5.16.0"
KEY = "pk_" + "b" * 34
START_TIMEOUT_SECONDS = 60
CALLS: list[tuple[str, str, dict | None]] = [
    ("GET", "/api/profiles", None),
    ("GET", "/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H", None),
    ("GET", "/api/lists", None),
    ("GET", "/api/events/4H7KLscuSr", None),
    ("POST", "/api/lists", {"data": {"type": "list", "attributes": {"name": "Bench"}}}),
]
HEADERS = {
    "Authorization": f"Klaviyo-API-Key {KEY}",
    "revision": "2026-07-15",
    "Content-Type": "application/vnd.api+json",
    "Accept": "application/vnd.api+json",
}


@dataclass(frozen=True)
class Round:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def cache_root() -> Path:
    return Path(os.environ.get("POSTMAN_KIT_CACHE") or Path.home() / ".cache" / "postman-kit")


def prism_binary() -> Path:
    """Prism, pinned, installed into the cache on first use."""
    target = cache_root() / "bench-prism"
    binary = target / "node_modules" / ".bin" / "prism"
    manifest = target / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    if binary.exists() and manifest.exists() and json.loads(manifest.read_text())["version"] == PRISM_VERSION:
        return binary
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("bench: npm is needed to install Prism (or pass --no-peer)")
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(target),
            "--cache",
            str(cache_root() / "npm"),
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            f"{PRISM_PACKAGE}@{PRISM_VERSION}",
        ],
        check=True,
        timeout=600,
    )
    return binary


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(base_url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(
                f"bench: server exited with {process.returncode}: {process.stderr.read()[-500:]!r}"
            )
        try:
            httpx.get(base_url + CALLS[0][1], headers=HEADERS, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"bench: nothing answered at {base_url} within {START_TIMEOUT_SECONDS} s")


def start_sandbox(spec: Path, work: Path) -> tuple[subprocess.Popen, str]:
    keys = work / "keys.json"
    keys.write_text(json.dumps({"keys": {KEY: {"name": "bench"}}}))
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "postman_kit.cli",
        "sandbox",
        str(spec),
        "--port",
        str(port),
        "--keys",
        str(keys),
        "--data",
        str(work / "sandbox-data"),
        "--no-rate-limits",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return process, f"http://127.0.0.1:{port}"


def start_prism(spec: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [str(prism_binary()), "mock", str(spec), "-h", "127.0.0.1", "-p", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return process, f"http://127.0.0.1:{port}"


async def drive(base_url: str, total: int, concurrency: int) -> Round:
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, headers=HEADERS, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            for index in counter:
                method, path, body = CALLS[index % len(CALLS)]
                started = time.perf_counter()
                response = await client.request(method, path, json=body)
                latencies.append(time.perf_counter() - started)
                if response.status_code >= 300:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return Round(
        total / elapsed,
        latencies[len(latencies) // 2] * 1000,
        latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        errors,
    )


def measure(name: str, starter, total: int, concurrency: int) -> Round:
    process, base_url = starter()
    try:
        wait_until_serving(base_url, process)
        asyncio.run(drive(base_url, min(200, total), concurrency))  # warm-up: imports, JIT, connections
        return asyncio.run(drive(base_url, total, concurrency))
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


RECORDING_GOAL = 0.10
RECORDING_SERVER = """
import sys, uvicorn
from postman_kit.logstore import open_store
from postman_kit.openapi import load_api
from postman_kit.sandbox.app import create_app
from postman_kit.sandbox.keys import keys_from_data
spec, port, data, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
keys = keys_from_data({"keys": {%r: {"name": "bench"}}}, "bench")
recorder = open_store(data + "/logs.sqlite3") if mode == "on" else None
app = create_app(load_api(spec), keys=keys, data_dir=data, recorder=recorder, rate_limits=False)
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
"""


@dataclass(frozen=True)
class Measured:
    p50_ms: float
    cpu_ms_per_call: float  # the server's user + system time per call
    requests_per_second: float


def start_app_server(spec: Path, work: Path, mode: str) -> tuple[subprocess.Popen, str]:
    """The sandbox app with recording `on` (a SQLite log store) or `off` (no recorder), as a child process."""
    port = free_port()
    data = work / f"recording-{mode}"
    data.mkdir()
    command = [sys.executable, "-c", RECORDING_SERVER % KEY, str(spec), str(port), str(data), mode]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    return process, f"http://127.0.0.1:{port}"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc; 0 elsewhere, and the CPU column reads 0)."""
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return 0.0


def sequential(base_url: str, total: int) -> tuple[float, float, int]:
    """One client, one keep-alive connection: median latency (ms), requests per second, errors."""
    latencies, errors = [], 0
    with httpx.Client(base_url=base_url, headers=HEADERS, timeout=30) as client:
        started = time.perf_counter()
        for index in range(total):
            method, path, body = CALLS[index % len(CALLS)]
            sent = time.perf_counter()
            response = client.request(method, path, json=body)
            latencies.append(time.perf_counter() - sent)
            errors += response.status_code >= 300
        elapsed = time.perf_counter() - started
    return statistics.median(latencies) * 1000, total / elapsed, errors


def measure_recording(
    process: subprocess.Popen, base_url: str, total: int, concurrency: int | None
) -> Measured:
    cpu_before = cpu_seconds(process.pid)
    if concurrency is None:
        p50, rps, errors = sequential(base_url, total)
    else:
        result = asyncio.run(drive(base_url, total, concurrency))
        p50, rps, errors = result.p50_ms, result.requests_per_second, result.errors
    if errors:
        raise SystemExit(
            f"bench: {errors} calls to {base_url} failed; the comparison would not be like for like"
        )
    return Measured(p50, (cpu_seconds(process.pid) - cpu_before) * 1000 / total, rps)


def recording_benchmark(spec: Path, rounds: int, total: int, concurrency: int) -> bool:
    modes = ("off", "on")
    shapes: dict[str, int | None] = {"sequential": None, f"{concurrency} concurrent": concurrency}
    results: dict[tuple[str, str], list[Measured]] = {(shape, mode): [] for shape in shapes for mode in modes}
    with tempfile.TemporaryDirectory(prefix="bench-recording-") as temp:
        servers = {mode: start_app_server(spec, Path(temp), mode) for mode in modes}
        try:
            for process, base_url in servers.values():
                wait_until_serving(base_url, process)
                sequential(base_url, 200)  # warm-up: imports, caches, the store's first pages
            for number in range(rounds):
                for shape, concurrency_or_none in shapes.items():
                    order = modes if number % 2 == 0 else tuple(reversed(modes))
                    for mode in order:
                        process, base_url = servers[mode]
                        results[shape, mode].append(
                            measure_recording(process, base_url, total, concurrency_or_none)
                        )
        finally:
            for process, _ in servers.values():
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=10)
    print(
        f"\nrecording every call into the SQLite log store, on vs off: {spec.name}, {total} calls per round "
        f"and mode, median of {rounds} alternating rounds, load average {os.getloadavg()[0]:.2f}"
    )
    print(
        f"  {'clients':<14} {'recording':<10} {'p50 latency':>12} {'server CPU/call':>16} {'throughput':>14}"
    )
    met = True
    for shape in shapes:
        medians = {}
        for mode in modes:
            rounds_measured = results[shape, mode]
            medians[mode] = Measured(
                *(
                    statistics.median(getattr(m, name) for m in rounds_measured)
                    for name in ("p50_ms", "cpu_ms_per_call", "requests_per_second")
                )
            )
            m = medians[mode]
            print(
                f"  {shape:<14} {mode:<10} {m.p50_ms:>9.3f} ms {m.cpu_ms_per_call:>13.3f} ms "
                f"{m.requests_per_second:>9.0f} req/s"
            )
        added = medians["on"].p50_ms / medians["off"].p50_ms - 1
        met &= added <= RECORDING_GOAL
        print(
            f"  {'':<14} {'→ adds':<10} {added:>+10.1%} {medians['on'].cpu_ms_per_call - medians['off'].cpu_ms_per_call:>+13.3f} ms "
            f"{medians['on'].requests_per_second / medians['off'].requests_per_second - 1:>+13.1%}"
            f"   latency goal ≤ {RECORDING_GOAL:.0%}: {'met' if added <= RECORDING_GOAL else 'NOT met'}"
        )
    return met


def peer_benchmark(args: argparse.Namespace) -> None:
    results: dict[str, list[Round]] = {"sandbox": [], "prism": []}
    with tempfile.TemporaryDirectory(prefix="bench-sandbox-") as temp:
        work = Path(temp)
        starters = {"sandbox": lambda: start_sandbox(args.spec, work)}
        if not args.no_peer:
            prism_binary()
            starters["prism"] = lambda: start_prism(args.spec)
        for number in range(args.rounds):
            order = list(starters) if number % 2 == 0 else list(reversed(starters))
            for name in order:
                result = measure(name, starters[name], args.requests, args.concurrency)
                results[name].append(result)
                print(
                    f"round {number + 1} {name:8} {result.requests_per_second:8.0f} req/s  "
                    f"p50 {result.p50_ms:6.1f} ms  p99 {result.p99_ms:6.1f} ms  errors {result.errors}"
                )
    print(
        f"\n{args.spec.name}: {args.requests} calls per round, {args.concurrency} concurrent, "
        f"median of {args.rounds} rounds"
    )
    medians = {}
    for name, rounds in results.items():
        if not rounds:
            continue
        medians[name] = (
            statistics.median(r.requests_per_second for r in rounds),
            statistics.median(r.p50_ms for r in rounds),
            statistics.median(r.p99_ms for r in rounds),
        )
        rps, p50, p99 = medians[name]
        print(f"  {name:8} {rps:8.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms")
    if "prism" in medians:
        sandbox, prism = medians["sandbox"], medians["prism"]
        print(
            f"  ratios   throughput sandbox/prism {sandbox[0] / prism[0]:.2f}×   "
            f"p99 latency sandbox/prism {sandbox[2] / prism[2]:.2f}× (lower is better)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--part", choices=["all", "peer", "recording"], default="all")
    parser.add_argument("--rounds", type=int, default=3, help="peer rounds (default 3)")
    parser.add_argument("--requests", type=int, default=2000, help="calls per peer round (default 2,000)")
    parser.add_argument("--concurrency", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--no-peer", action="store_true", help="Peer part: measure the sandbox only.")
    parser.add_argument("--recording-rounds", type=int, default=7, help="recording rounds (default 7)")
    parser.add_argument(
        "--recording-requests",
        type=int,
        default=1000,
        help="calls per recording round, mode and client shape (default 1,000)",
    )
    args = parser.parse_args()
    ok = True
    if args.part in ("all", "peer"):
        peer_benchmark(args)
    if args.part in ("all", "recording"):
        ok = recording_benchmark(args.spec, args.recording_rounds, args.recording_requests, args.concurrency)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
