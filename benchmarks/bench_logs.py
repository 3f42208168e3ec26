"""The log store under load: `logs search` over 1,000,000 calls, and what recording adds to the sandbox.

    python benchmarks/bench_logs.py                    # 1,000,000 calls, 15 rounds per query, 2,000 sandbox calls
    python benchmarks/bench_logs.py --calls 200000 --rounds 9 --sandbox-calls 1000
    python benchmarks/bench_logs.py --keep /tmp/logs-1m.sqlite3     # reuse the generated store next time

Part 1 fills a SQLite store with synthetic calls (30 endpoints over 14 days, 85% 2xx, 10% 4xx, 5% 5xx, one
identifier each) through executemany, then times the searches `logs search` runs, in process, and prints the
medians against the goal (≤ 100 ms). The peer is what users have without a store: scanning the same calls
kept as JSON lines (newman's reports) and filtering each one; it runs on the same data in the same run.
`logs search` as a child process (Python start-up included) is printed too.

Part 2 starts the sandbox twice as child processes, once recording into an in-memory list and once into the
SQLite store, and sends the same sequential GETs over one keep-alive connection to each, alternating rounds;
it prints the median latency of each and the overhead recording adds (goal: ≤ 10%).
"""

from __future__ import annotations

import argparse
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from postman_kit.ids import normalize_path
from postman_kit.logstore import SEARCH_COUNT_CAP, CallFilter, open_store, parse_statuses

SEARCH_GOAL_MS = 100.0
RECORDING_GOAL = 0.10
EXAMPLE_SPEC = ROOT / "collections" / "example-api.openapi.yaml"
ENDPOINTS = [  # (method, template, category, weight)
    ("GET", "/api/profiles/{id}", "Profiles", 12), ("GET", "/api/profiles", "Profiles", 10),
    ("POST", "/api/profiles", "Profiles", 6), ("PATCH", "/api/profiles/{id}", "Profiles", 4),
    ("GET", "/api/profiles/{id}/lists", "Profiles", 2), ("GET", "/api/profiles/{id}/relationships/lists",
                                                         "Profiles", 2),
    ("GET", "/api/events", "Events", 10), ("POST", "/api/events", "Events", 10), ("GET", "/api/events/{id}",
                                                                                   "Events", 4),
    ("GET", "/api/lists", "Lists", 5), ("POST", "/api/lists", "Lists", 2), ("GET", "/api/lists/{id}", "Lists", 3),
    ("DELETE", "/api/lists/{id}", "Lists", 1), ("PATCH", "/api/lists/{id}", "Lists", 1),
    ("GET", "/api/flows/{id}", "Flows", 2), ("POST", "/client/events", "Client", 8),
    ("POST", "/client/subscriptions", "Client", 3),
] + [("GET", f"/api/catalog-items/{{id}}/variant-{n}", "Catalogs", 1) for n in range(13)]
SHOWN_KEY = "pk_…f00d"


def status_for(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.85:
        return 200
    if roll < 0.95:
        return rng.choice((400, 401, 403, 404, 404, 404, 405, 409, 429))
    return rng.choice((500, 502, 503))


def fill_store(path: Path, calls: int, jsonl: Path) -> str:
    """Write `calls` synthetic calls into a new store and the same calls as JSON lines; returns an id to find."""
    open_store(path).close()  # the real schema and indexes
    rng = random.Random(20261123)
    weights = [weight for *_, weight in ENDPOINTS]
    now = time.time()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    call_rows, id_rows = [], []
    sought = ""
    with jsonl.open("wb") as lines:
        for n in range(calls):
            method, template, category, _ = rng.choices(ENDPOINTS, weights)[0]
            resource_id = f"01H{n:023d}"
            path_text = template.replace("{id}", resource_id)
            timestamp = now - 14 * 86400 * (1 - n / calls)
            status = status_for(rng)
            call_id = f"{int(timestamp * 1000):013x}{n:08x}"
            response = (f'{{"errors": [{{"status": "{status}"}}]}}' if status >= 400
                        else f'{{"data": {{"id": "{resource_id}"}}}}')
            row = (call_id, timestamp, int(timestamp // 60), method, path_text, "", status, 12.5, template,
                   normalize_path(template), category, "bench", SHOWN_KEY, "2026-07-15",
                   '{"revision": "2026-07-15"}', "", '{"content-type": "application/vnd.api+json"}', response, None)
            call_rows.append(row)
            id_rows.append((call_id, resource_id))
            lines.write(orjson.dumps({"id": call_id, "timestamp": timestamp, "method": method, "path": path_text,
                                      "status": status, "operation": template, "resource_ids": [resource_id],
                                      "response_body": response}) + b"\n")
            if n == calls // 2:
                sought = resource_id
            if len(call_rows) == 50_000:
                _flush(connection, call_rows, id_rows)
    _flush(connection, call_rows, id_rows)
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()
    return sought


def _flush(connection: sqlite3.Connection, call_rows: list[tuple], id_rows: list[tuple]) -> None:
    connection.executemany("INSERT INTO calls (id, timestamp, minute, method, path, query, status, duration_ms, "
                           "operation, route, category, source, key, revision, request_headers, request_body, "
                           "response_headers, response_body, job_url) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", call_rows)
    connection.executemany("INSERT INTO call_resource_ids (call_id, resource_id) VALUES (?, ?)", id_rows)
    connection.commit()
    call_rows.clear()
    id_rows.clear()


def median_ms(action: Callable[[], object], rounds: int) -> float:
    action()  # warm the page cache and the statement cache
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def scan_jsonl(jsonl: Path, keep: Callable[[dict], bool], limit: int = 50) -> list[dict]:
    found = []
    with jsonl.open("rb") as lines:
        for line in lines:
            call = orjson.loads(line)
            if keep(call):
                found.append(call)
    found.sort(key=lambda c: c["timestamp"], reverse=True)
    return found[:limit]


def search_benchmark(calls: int, rounds: int, keep: Path | None) -> bool:
    folder = Path(tempfile.mkdtemp(prefix="bench-logs-"))
    store_path = keep or folder / "logs.sqlite3"
    jsonl = store_path.with_suffix(".jsonl")
    if not (store_path.exists() and jsonl.exists()):
        started = time.perf_counter()
        sought = fill_store(store_path, calls, jsonl)
        print(f"filled {calls:,} calls in {time.perf_counter() - started:.1f} s ({store_path})")
        (store_path.with_suffix(".sought")).write_text(sought)
    sought = store_path.with_suffix(".sought").read_text()
    store = open_store(store_path, create=False)
    total = store.count()
    print(f"\nlogs search over {total:,} stored calls (median of {rounds} rounds, in process)")
    not_found = parse_statuses(["404"])
    queries = [
        ("/api/profiles/{id} --status 404", CallFilter(path="/api/profiles/{id}", statuses=not_found),
         lambda c: c["operation"] == "/api/profiles/{id}" and c["status"] == 404),
        ("/api/profiles/{id}", CallFilter(path="/api/profiles/{id}"),
         lambda c: c["operation"] == "/api/profiles/{id}"),
        ("--status 5xx", CallFilter(statuses=parse_statuses(["5xx"])), lambda c: 500 <= c["status"] <= 599),
        (f"--id {sought}", CallFilter(resource_id=sought), lambda c: sought in c["resource_ids"]),
        ("profiles (substring)", CallFilter(path="profiles"), lambda c: "profiles" in c["path"]),
        ("(newest 50)", CallFilter(), lambda c: True),
    ]
    ok = True
    print(f"  {'search':<44} {'first page':>11} {'+ count':>9} {'JSONL scan':>11} {'ratio':>8}"
          f"   (+ count: the page and its count up to {SEARCH_COUNT_CAP}, as the CLI prints them)")
    for label, where, keep_call in queries:
        page = median_ms(lambda where=where: store.search(where, limit=50), rounds)
        with_count = median_ms(lambda where=where: (store.search(where, limit=50),
                                                     store.count(where, cap=SEARCH_COUNT_CAP)), rounds)
        scan = median_ms(lambda keep_call=keep_call: scan_jsonl(jsonl, keep_call), 1)
        ok &= page <= SEARCH_GOAL_MS
        print(f"  {label:<44} {page:>8.1f} ms {with_count:>6.0f} ms {scan:>8.0f} ms {scan / page:>7.0f}×"
              + ("" if page <= SEARCH_GOAL_MS else "  over goal"))
    rare = CallFilter(path="no-such-path-anywhere")
    print(f"  {'no-such-path-anywhere (substring, no match)':<44} {median_ms(lambda: store.search(rare), 3):>8.1f} ms"
          "   (a full scan: substrings without a match read every row)")
    activity = median_ms(lambda: store.activity(CallFilter(since=time.time() - 7 * 86400)), 3)
    print(f"  {'activity --since 7d':<44} {activity:>8.0f} ms")
    store.close()
    cli = [sys.executable, "-m", "postman_kit.cli", "logs", "search", "/api/profiles/{id}", "--status", "404",
           "--store", str(store_path)]
    child = median_ms(lambda: subprocess.run(cli, capture_output=True, check=True), 5)
    print(f"  CLI `postman-kit logs search /api/profiles/{{id}} --status 404`: {child:.0f} ms wall "
          "(Python start-up and imports included)")
    print(f"goal: first page ≤ {SEARCH_GOAL_MS:.0f} ms for indexed searches: {'met' if ok else 'NOT met'}")
    return ok


SERVER = """
import sys, uvicorn
from postman_kit.calls import MemoryRecorder
from postman_kit.logstore import open_store
from postman_kit.openapi import load_api
from postman_kit.sandbox.app import create_app
from postman_kit.sandbox.keys import keys_from_data
spec, port, data, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
keys = keys_from_data({"keys": {%r: {"name": "bench"}}}, "bench")
recorder = MemoryRecorder() if kind == "memory" else open_store(data + "/logs.sqlite3")
app = create_app(load_api(spec), keys=keys, data_dir=data, recorder=recorder, rate_limits=False)
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
"""
BENCH_KEY = "pk_" + "0123456789abcdef" * 2 + "f00d"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(kind: str, folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    data = folder / kind
    data.mkdir()
    process = subprocess.Popen([sys.executable, "-c", SERVER % BENCH_KEY, str(EXAMPLE_SPEC), str(port), str(data),
                                kind], cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process, f"http://127.0.0.1:{port}"
        time.sleep(0.05)
    process.kill()
    raise SystemExit("bench: the sandbox did not start")


def recording_benchmark(calls: int, rounds: int) -> bool:
    folder = Path(tempfile.mkdtemp(prefix="bench-record-"))
    servers = {kind: start_server(kind, folder) for kind in ("memory", "sqlite")}
    headers = {"Authorization": f"Klaviyo-API-Key {BENCH_KEY}", "revision": "2026-07-15"}
    latencies: dict[str, list[float]] = {kind: [] for kind in servers}
    try:
        clients = {kind: httpx.Client(base_url=url, headers=headers) for kind, (_, url) in servers.items()}
        for client in clients.values():
            for _ in range(100):  # warm-up
                client.get("/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H")
        per_round = max(calls // rounds, 1)
        for round_number in range(rounds):
            order = list(clients) if round_number % 2 == 0 else list(reversed(clients))
            for kind in order:
                client = clients[kind]
                for _ in range(per_round):
                    started = time.perf_counter()
                    client.get("/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H")
                    latencies[kind].append((time.perf_counter() - started) * 1000)
        for client in clients.values():
            client.close()
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait(timeout=10)
    memory, sqlite = (statistics.median(latencies[k]) for k in ("memory", "sqlite"))
    overhead = sqlite / memory - 1
    print(f"\nsandbox request latency, {len(latencies['memory']):,} sequential GETs each over one keep-alive "
          f"connection ({rounds} alternating rounds)")
    print(f"  recording into memory:       median {memory:.3f} ms")
    print(f"  recording into SQLite store: median {sqlite:.3f} ms")
    print(f"  overhead of the log store:   {overhead:+.1%} (goal ≤ {RECORDING_GOAL:.0%}): "
          + ("met" if overhead <= RECORDING_GOAL else "NOT met"))
    return overhead <= RECORDING_GOAL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=1_000_000, help="calls in the store (default 1,000,000)")
    parser.add_argument("--rounds", type=int, default=15, help="rounds per timed search (default 15)")
    parser.add_argument("--sandbox-calls", type=int, default=2000, help="GETs per sandbox (default 2,000)")
    parser.add_argument("--keep", type=Path, help="store file to create once and reuse")
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--skip-recording", action="store_true")
    args = parser.parse_args()
    ok = True
    if not args.skip_search:
        ok &= search_benchmark(args.calls, args.rounds, args.keep)
    if not args.skip_recording:
        ok &= recording_benchmark(args.sandbox_calls, 10)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
