"""The log store at scale: `logs search` and `activity` over 1,000,000 stored calls.

    python benchmarks/bench_logs.py                    # 1,000,000 calls, 15 rounds per query
    python benchmarks/bench_logs.py --calls 200000 --rounds 9
    python benchmarks/bench_logs.py --keep /tmp/logs-1m.sqlite3     # reuse the generated store next time

It fills a SQLite store with synthetic calls (30 endpoints over 14 days, 85% 2xx, 10% 4xx, 5% 5xx, one
identifier each) through executemany, sums their hourly totals as the store's migration does, then times, in
process, the searches `logs search` runs (goal: first page ≤ 100 ms) and the dashboard `activity` computes
(goal: ≤ 200 ms), and prints the medians against the goals. The peers run on the same data in the same run:
for searches, what users have without a store (scanning the same calls kept as JSON lines, newman's reports,
and filtering each one); for the dashboard, the same figures grouped from the calls themselves (what
`activity` did before hourly totals, and still does for filters the totals do not keep). `logs search` and
`activity` as child processes (Python start-up included) are printed too.

What recording costs the sandbox is measured by benchmarks/bench_sandbox.py (`--part recording`).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from postman_kit.activity.pages import dashboard_page
from postman_kit.ids import normalize_path
from postman_kit.logstore import SEARCH_COUNT_CAP, CallFilter, LogStore, open_store, parse_statuses
from postman_kit.logstore import totals as hourly_totals

SEARCH_GOAL_MS = 100.0
ACTIVITY_GOAL_MS = 200.0
ENDPOINTS = [  # (method, template, category, weight)
    ("GET", "/api/profiles/{id}", "Profiles", 12),
    ("GET", "/api/profiles", "Profiles", 10),
    ("POST", "/api/profiles", "Profiles", 6),
    ("PATCH", "/api/profiles/{id}", "Profiles", 4),
    ("GET", "/api/profiles/{id}/lists", "Profiles", 2),
    ("GET", "/api/profiles/{id}/relationships/lists", "Profiles", 2),
    ("GET", "/api/events", "Events", 10),
    ("POST", "/api/events", "Events", 10),
    ("GET", "/api/events/{id}", "Events", 4),
    ("GET", "/api/lists", "Lists", 5),
    ("POST", "/api/lists", "Lists", 2),
    ("GET", "/api/lists/{id}", "Lists", 3),
    ("DELETE", "/api/lists/{id}", "Lists", 1),
    ("PATCH", "/api/lists/{id}", "Lists", 1),
    ("GET", "/api/flows/{id}", "Flows", 2),
    ("POST", "/client/events", "Client", 8),
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
            response = (
                f'{{"errors": [{{"status": "{status}"}}]}}'
                if status >= 400
                else f'{{"data": {{"id": "{resource_id}"}}}}'
            )
            row = (
                call_id,
                timestamp,
                int(timestamp // 60),
                method,
                path_text,
                "",
                status,
                status // 100,
                12.5,
                template,
                normalize_path(template),
                category,
                "bench",
                SHOWN_KEY,
                "2026-07-15",
                '{"revision": "2026-07-15"}',
                "",
                '{"content-type": "application/vnd.api+json"}',
                response,
                None,
                "public" if category == "Client" else "private",
            )
            call_rows.append(row)
            id_rows.append((call_id, resource_id, "resource"))
            if n % 10 == 0:  # a profile's email on a tenth of the calls: each of 1,000 emails on ~100 calls
                id_rows.append((call_id, f"user{n // 10 % 1000}@example.com", "email"))
            lines.write(
                orjson.dumps(
                    {
                        "id": call_id,
                        "timestamp": timestamp,
                        "method": method,
                        "path": path_text,
                        "status": status,
                        "operation": template,
                        "resource_ids": [resource_id],
                        "response_body": response,
                    }
                )
                + b"\n"
            )
            if n == calls // 2:
                sought = resource_id
            if len(call_rows) == 50_000:
                _flush(connection, call_rows, id_rows)
    _flush(connection, call_rows, id_rows)
    connection.close()
    with open_store(path) as store, store.engine.begin() as transaction:
        hourly_totals.rebuild(transaction)  # what recording keeps call by call, summed at once
        transaction.exec_driver_sql("ANALYZE")
    return sought


def _flush(connection: sqlite3.Connection, call_rows: list[tuple], id_rows: list[tuple]) -> None:
    connection.executemany(
        "INSERT INTO calls (id, timestamp, minute, method, path, query, status, status_class, "
        "duration_ms, operation, route, category, source, key, revision, request_headers, "
        "request_body, response_headers, response_body, job_url, source_kind) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        call_rows,
    )
    connection.executemany(
        "INSERT INTO call_resource_ids (call_id, resource_id, kind) VALUES (?, ?, ?)", id_rows
    )
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


def filled_store(calls: int, keep: Path | None) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="bench-logs-"))
    store_path = keep or folder / "logs.sqlite3"
    jsonl = store_path.with_suffix(".jsonl")
    if not (store_path.exists() and jsonl.exists()):
        started = time.perf_counter()
        sought = fill_store(store_path, calls, jsonl)
        print(f"filled {calls:,} calls in {time.perf_counter() - started:.1f} s ({store_path})")
        (store_path.with_suffix(".sought")).write_text(sought)
    return store_path


def search_benchmark(store_path: Path, rounds: int) -> bool:
    jsonl = store_path.with_suffix(".jsonl")
    sought = store_path.with_suffix(".sought").read_text()
    store = open_store(store_path, create=False)
    total = store.count()
    print(f"\nlogs search over {total:,} stored calls (median of {rounds} rounds, in process)")
    not_found = parse_statuses(["404"])
    queries = [
        (
            "/api/profiles/{id} --status 404",
            CallFilter(path="/api/profiles/{id}", statuses=not_found),
            lambda c: c["operation"] == "/api/profiles/{id}" and c["status"] == 404,
        ),
        (
            "/api/profiles/{id}",
            CallFilter(path="/api/profiles/{id}"),
            lambda c: c["operation"] == "/api/profiles/{id}",
        ),
        ("--status 5xx", CallFilter(statuses=parse_statuses(["5xx"])), lambda c: 500 <= c["status"] <= 599),
        (f"--id {sought}", CallFilter(resource_id=sought), lambda c: sought in c["resource_ids"]),
        (
            "--id user7@example.com (an email on ~100 calls)",
            CallFilter(resource_id="user7@example.com"),
            lambda c: False,
        ),
        ("/api/events (exact path)", CallFilter(path="/api/events"), lambda c: c["path"] == "/api/events"),
        ("--status failed", CallFilter(statuses=parse_statuses(["failed"])), lambda c: c["status"] >= 400),
        ("--source private", CallFilter(sources=("private",)), lambda c: False),
        ("profiles (substring)", CallFilter(path="profiles"), lambda c: "profiles" in c["path"]),
        ("(newest 50)", CallFilter(), lambda c: True),
    ]
    ok = True
    print(
        f"  {'search':<44} {'first page':>11} {'+ count':>9} {'JSONL scan':>11} {'ratio':>8}"
        f"   (+ count: the page and its count up to {SEARCH_COUNT_CAP}, as the CLI prints them)"
    )
    for label, where, keep_call in queries:
        page = median_ms(lambda where=where: store.search(where, limit=50), rounds)
        with_count = median_ms(
            lambda where=where: (store.search(where, limit=50), store.count(where, cap=SEARCH_COUNT_CAP)),
            rounds,
        )
        scan = median_ms(lambda keep_call=keep_call: scan_jsonl(jsonl, keep_call), 1)
        ok &= page <= SEARCH_GOAL_MS
        print(
            f"  {label:<44} {page:>8.1f} ms {with_count:>6.0f} ms {scan:>8.0f} ms {scan / page:>7.0f}×"
            + ("" if page <= SEARCH_GOAL_MS else "  over goal")
        )
    rare = CallFilter(path="no-such-path-anywhere")
    print(
        f"  {'no-such-path-anywhere (substring, no match)':<44} {median_ms(lambda: store.search(rare), 3):>8.1f} ms"
        "   (a full scan: substrings without a match read every row)"
    )
    store.close()
    cli = [
        sys.executable,
        "-m",
        "postman_kit.cli",
        "logs",
        "search",
        "/api/profiles/{id}",
        "--status",
        "404",
        "--store",
        str(store_path),
    ]
    child = median_ms(lambda: subprocess.run(cli, capture_output=True, check=True), 5)
    print(
        f"  CLI `postman-kit logs search /api/profiles/{{id}} --status 404`: {child:.0f} ms wall "
        "(Python start-up and imports included)"
    )
    print(f"goal: first page ≤ {SEARCH_GOAL_MS:.0f} ms for indexed searches: {'met' if ok else 'NOT met'}")
    return ok


def activity_benchmark(store_path: Path, rounds: int) -> bool:
    store = open_store(store_path, create=False)
    now = time.time()
    print(f"\nactivity over {store.count():,} stored calls (median of {rounds} rounds, in process)")
    views = [
        ("activity (all stored)", CallFilter()),
        ("activity --since 7d", CallFilter(since=now - 7 * 86400)),
        ("activity --since 24h --category Profiles", CallFilter(since=now - 86400, categories=("Profiles",))),
        (
            "activity --status 5xx --method POST",
            CallFilter(statuses=parse_statuses(["5xx"]), methods=("POST",)),
        ),
        ("activity --since 6h (5-minute bars: from the calls)", CallFilter(since=now - 6 * 3600)),
    ]
    ok = True
    print(
        f"  {'view':<52} {'activity':>9} {'from calls':>11} {'ratio':>7}"
        "   (from calls: the same figures grouped from every matching call)"
    )
    for label, where in views:
        taken = median_ms(lambda where=where: store.activity(where, now=now), rounds)
        raw = median_ms(lambda where=where: grouped_from_calls(store, where, now), 3)
        ok &= taken <= ACTIVITY_GOAL_MS
        print(
            f"  {label:<52} {taken:>6.1f} ms {raw:>8.0f} ms {raw / taken:>6.0f}×"
            + ("" if taken <= ACTIVITY_GOAL_MS else "  over goal")
        )
    page = median_ms(
        lambda: dashboard_page(
            store.activity(CallFilter(since=now - 7 * 86400), now=now), {"since": "7d"}, store.categories()
        ),
        rounds,
    )
    print(f"  {'/_activity?since=7d (figures, categories, HTML)':<52} {page:>6.1f} ms")
    store.close()
    cli = [sys.executable, "-m", "postman_kit.cli", "activity", "--since", "7d", "--store", str(store_path)]
    child = median_ms(lambda: subprocess.run(cli, capture_output=True, check=True), 5)
    print(
        f"  CLI `postman-kit activity --since 7d`: {child:.0f} ms wall (Python start-up and imports included)"
    )
    print(f"goal: activity ≤ {ACTIVITY_GOAL_MS:.0f} ms over the stored calls: {'met' if ok else 'NOT met'}")
    return ok


def grouped_from_calls(store: LogStore, where: CallFilter, now: float) -> object:
    """The dashboard's figures summed from the calls, as before hourly totals: a source filter that every
    stored call matches makes `activity` group the calls themselves."""
    return store.activity(replace(where, sources=("bench",)), now=now)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=1_000_000, help="calls in the store (default 1,000,000)")
    parser.add_argument("--rounds", type=int, default=15, help="rounds per timed search (default 15)")
    parser.add_argument("--keep", type=Path, help="store file to create once and reuse")
    args = parser.parse_args()
    store_path = filled_store(args.calls, args.keep)
    searched = search_benchmark(store_path, args.rounds)
    summed = activity_benchmark(store_path, args.rounds)
    sys.exit(0 if searched and summed else 1)


if __name__ == "__main__":
    main()
