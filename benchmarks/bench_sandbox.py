"""`postman-kit sandbox` against Prism's mock server, side by side in one run: same spec, same calls.

    python benchmarks/bench_sandbox.py                         # 3 rounds, 2,000 calls each, 20 at a time
    python benchmarks/bench_sandbox.py --rounds 5 --requests 5000 --concurrency 50 --no-peer

Both servers run as child processes on 127.0.0.1: `postman-kit sandbox SPEC --no-rate-limits` (rate limits off,
so every call is served rather than throttled) and `prism mock SPEC` (@stoplight/prism-cli, pinned below and
installed once into ~/.cache/postman-kit/bench-prism). One asyncio client with `--concurrency` connections sends
the same mix of reads and creates to each, alternating which server goes first per round. It prints the median
requests per second and p50/p99 latency per tool, and the ratios sandbox : Prism.

The spec defaults to the example API (collections/example-api.openapi.yaml); its fixture ids make every call
succeed on both servers, so the numbers compare serving, not error paths.
"""

from __future__ import annotations

import argparse
import asyncio
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
HEADERS = {"Authorization": f"Klaviyo-API-Key {KEY}", "revision": "2026-07-15",
           "Content-Type": "application/vnd.api+json", "Accept": "application/vnd.api+json"}


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
    subprocess.run([npm, "install", "--prefix", str(target), "--cache", str(cache_root() / "npm"),
                    "--no-audit", "--no-fund", "--loglevel=error", f"{PRISM_PACKAGE}@{PRISM_VERSION}"],
                   check=True, timeout=600)
    return binary


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(base_url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bench: server exited with {process.returncode}: {process.stderr.read()[-500:]!r}")
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
    command = [sys.executable, "-m", "postman_kit.cli", "sandbox", str(spec), "--port", str(port), "--keys",
               str(keys), "--data", str(work / "sandbox-data"), "--no-rate-limits"]
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
    return Round(total / elapsed, latencies[len(latencies) // 2] * 1000,
                 latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, errors)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--no-peer", action="store_true", help="Measure the sandbox only.")
    args = parser.parse_args()
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
                print(f"round {number + 1} {name:8} {result.requests_per_second:8.0f} req/s  "
                      f"p50 {result.p50_ms:6.1f} ms  p99 {result.p99_ms:6.1f} ms  errors {result.errors}")
    print(f"\n{args.spec.name}: {args.requests} calls per round, {args.concurrency} concurrent, "
          f"median of {args.rounds} rounds")
    medians = {}
    for name, rounds in results.items():
        if not rounds:
            continue
        medians[name] = (statistics.median(r.requests_per_second for r in rounds),
                         statistics.median(r.p50_ms for r in rounds), statistics.median(r.p99_ms for r in rounds))
        rps, p50, p99 = medians[name]
        print(f"  {name:8} {rps:8.0f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms")
    if "prism" in medians:
        sandbox, prism = medians["sandbox"], medians["prism"]
        print(f"  ratios   throughput sandbox/prism {sandbox[0] / prism[0]:.2f}×   "
              f"p99 latency sandbox/prism {sandbox[2] / prism[2]:.2f}× (lower is better)")


if __name__ == "__main__":
    main()
