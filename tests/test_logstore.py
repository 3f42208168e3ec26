"""The log store on both backends: what is kept, what searches find, retention and its daily totals; the
hourly totals every writer keeps equal to the stored calls, which the dashboard answers from; group commit."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text, update

from postman_kit.calls import CallRecord
from postman_kit.errors import InputError
from postman_kit.logstore import CallFilter, LogStore, open_store, parse_statuses
from postman_kit.logstore.committer import GroupCommitter
from postman_kit.logstore.journal import journal_path, read_rows
from postman_kit.logstore.migrations import LATEST_VERSION
from postman_kit.logstore.schema import calls, schema_version
from postman_kit.secrets import redact
from tests.support.logstore import (
    FULL_KEY,
    NOW,
    SHOWN_KEY,
    hourly_totals_and_calls,
    make_call,
    private_postgres,
    wait_until,
)

DAY = 86400.0


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with private_postgres() as url:
        if url is None:
            pytest.skip("no PostgreSQL server can be started here")
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LogStore]:
    if request.param == "sqlite":
        target: str | Path = tmp_path / "logs.sqlite3"
    else:
        target = request.getfixturevalue("postgres_url")
    opened = open_store(target)
    opened.clear()
    yield opened
    opened.clear()
    opened.close()


def ids(calls: list[CallRecord]) -> list[str]:
    return [call.path for call in calls]


def test_a_call_comes_back_in_full_with_the_key_truncated(store: LogStore) -> None:
    call = make_call(
        key=FULL_KEY,
        source="sandbox",
        revision="2026-07-15",
        query="filter=equals(email,'a@b.com')",
        request_headers={"Authorization": f"Klaviyo-API-Key {FULL_KEY}", "revision": "2026-07-15"},
        request_body='{"data": {"type": "profile"}}',
        response_headers={"content-type": "application/vnd.api+json"},
        response_body=f'{{"data": {{"id": "01H", "note": "{FULL_KEY}"}}}}',
        resource_ids=["01H"],
        job_url="http://127.0.0.1/api/jobs/9",
    )
    store.record(call)
    stored = store.get(call.id)
    assert stored is not None
    assert stored.key == SHOWN_KEY
    assert stored.request_headers == {
        "Authorization": f"Klaviyo-API-Key {SHOWN_KEY}",
        "revision": "2026-07-15",
    }
    assert stored.response_body == f'{{"data": {{"id": "01H", "note": "{SHOWN_KEY}"}}}}'
    assert (stored.request_body, stored.query, stored.revision, stored.source) == (
        call.request_body,
        call.query,
        "2026-07-15",
        "sandbox",
    )
    assert (stored.resource_ids, stored.job_url, stored.operation) == (
        ["01H"],
        call.job_url,
        "/api/profiles/{id}",
    )
    assert store.get("no-such-call") is None


def test_search_by_endpoint_template_ignores_parameter_names_and_trailing_slashes(store: LogStore) -> None:
    store.record_many(
        [
            make_call("/api/profiles/01H/", operation="/api/profiles/{id}/", timestamp=NOW - 30),
            make_call("/api/profiles/02J", operation="/api/profiles/{profile_id}", timestamp=NOW - 20),
            make_call("/api/profiles/02J/lists", operation="/api/profiles/{id}/lists", timestamp=NOW - 10),
            make_call(
                "/api/profiles/03K", operation=None, status=404, timestamp=NOW - 5
            ),  # matched no operation
            make_call("/api/profiles/03K/x/y", operation=None, status=404, timestamp=NOW - 4),
        ]
    )
    for pattern in ("/api/profiles/{id}", "/api/profiles/:id/"):
        assert ids(store.search(CallFilter(path=pattern))) == [
            "/api/profiles/03K",
            "/api/profiles/02J",
            "/api/profiles/01H/",
        ]
    assert ids(store.search(CallFilter(path="/api/profiles/{id}/lists"))) == ["/api/profiles/02J/lists"]
    assert ids(store.search(CallFilter(path="02J"))) == ["/api/profiles/02J/lists", "/api/profiles/02J"]
    assert store.count(CallFilter(path="/api/profiles/{id}")) == 3
    assert (
        store.count(CallFilter(path="/api/profiles/{id}"), cap=1) == 2
    )  # "1+": counting stopped past the cap
    assert store.count(CallFilter(path="profiles"), cap=10) == 5


def test_a_large_import_goes_in_batches_and_skips_what_is_stored(store: LogStore) -> None:
    calls = [make_call(f"/api/profiles/{n}", timestamp=NOW - n) for n in range(1200)]
    assert store.record_many(calls[:700]) == 700
    assert store.record_many(calls) == 500
    assert store.count() == 1200


def test_filters_narrow_by_status_method_source_revision_identifier_and_time(store: LogStore) -> None:
    store.record_many(
        [
            make_call(
                status=200, source="app", revision="2026-07-15", timestamp=NOW - 3 * DAY, resource_ids=["01H"]
            ),
            make_call(
                "/api/profiles/02J",
                status=404,
                source="app",
                revision="2026-04-15",
                timestamp=NOW - 2 * DAY,
                resource_ids=["02J"],
            ),
            make_call(
                status=409,
                method="POST",
                path="/api/profiles",
                operation="/api/profiles",
                source="newman",
                revision="2026-07-15",
                timestamp=NOW - DAY,
            ),
            make_call(status=503, source="newman", timestamp=NOW - 60, resource_ids=["01H", "03K"]),
        ]
    )

    def statuses(where: CallFilter) -> list[int]:
        return [call.status for call in store.search(where)]

    assert statuses(CallFilter()) == [503, 409, 404, 200]  # newest first
    assert statuses(CallFilter(statuses=parse_statuses(["404"]))) == [404]
    assert statuses(CallFilter(statuses=parse_statuses(["4xx"]))) == [409, 404]
    assert statuses(CallFilter(statuses=parse_statuses(["2xx,5xx"]))) == [503, 200]
    assert statuses(CallFilter(methods=("POST",))) == [409]
    assert statuses(CallFilter(sources=("newman",))) == [503, 409]
    assert statuses(CallFilter(revisions=("2026-04-15",))) == [404]
    assert statuses(CallFilter(resource_id="01H")) == [503, 200]
    assert statuses(CallFilter(since=NOW - 2.5 * DAY, until=NOW - 0.5 * DAY)) == [409, 404]
    assert statuses(CallFilter(path="/api/profiles/{id}", statuses=parse_statuses(["4xx"]))) == [404]
    assert [c.status for c in store.search(CallFilter(), limit=2, offset=1)] == [409, 404]


def test_bad_status_filter_is_one_clear_input_error() -> None:
    with pytest.raises(InputError, match=r"--status: expected a status such as 404 or a group such as 4xx"):
        parse_statuses(["40"])


def test_recording_the_same_call_twice_in_a_batch_keeps_one(store: LogStore) -> None:
    call = make_call()
    assert store.record_many([call, call]) == 1
    assert store.record_many([call]) == 0
    assert store.count() == 1


def test_pruning_keeps_daily_totals_equal_to_the_pruned_calls(store: LogStore) -> None:
    old = [
        make_call(status=200, timestamp=NOW - 20 * DAY, duration_ms=10),
        make_call(status=200, timestamp=NOW - 20 * DAY + 60, duration_ms=20),
        make_call(status=404, timestamp=NOW - 20 * DAY + 120),
        make_call(
            status=500,
            method="POST",
            path="/api/lists",
            operation="/api/lists",
            category="Lists",
            timestamp=NOW - 16 * DAY,
        ),
    ]
    recent = [make_call(status=200, timestamp=NOW - 2 * DAY), make_call(status=403, timestamp=NOW - 60)]
    store.record_many(old + recent)
    before = store.activity(now=NOW)

    result = store.prune(now=NOW)

    assert result.deleted == len(old)
    assert result.days == 2
    assert store.count() == len(recent)
    assert sorted(c.id for c in store.search(CallFilter())) == sorted(c.id for c in recent)
    after = store.activity(now=NOW)
    assert (after.total, after.errors) == (before.total, before.errors) == (6, 3)
    assert [b.to_json() for b in after.by_endpoint] == [b.to_json() for b in before.by_endpoint]
    assert [b.to_json() for b in after.by_status] == [b.to_json() for b in before.by_status]
    assert [b.to_json() for b in after.by_category] == [b.to_json() for b in before.by_category]
    # a later prune of the same day adds to that day's totals instead of replacing them
    store.record(make_call(status=404, timestamp=NOW - 20 * DAY + 180))
    store.prune(now=NOW)
    assert store.activity(CallFilter(statuses=parse_statuses(["404"])), now=NOW).total == 2
    # filters on what totals do not keep count live calls only, and say so
    by_source = store.activity(CallFilter(sources=("",)), now=NOW)
    assert (by_source.total, by_source.includes_pruned_totals) == (2, False)


def test_activity_counts_errors_by_category_status_group_and_time(store: LogStore) -> None:
    store.record_many(
        [
            make_call(status=200, timestamp=NOW - 3 * 3600),
            make_call(
                status=201,
                method="POST",
                path="/api/lists",
                operation="/api/lists",
                category="Lists",
                timestamp=NOW - 3 * 3600,
            ),
            make_call(status=401, timestamp=NOW - 2 * 3600),
            make_call(status=404, timestamp=NOW - 1800),
            make_call(
                status=500, category="Lists", path="/api/lists", operation="/api/lists", timestamp=NOW - 60
            ),
        ]
    )
    activity = store.activity(CallFilter(since=NOW - 4 * 3600), now=NOW)
    assert (activity.total, activity.errors, round(activity.error_rate, 2)) == (5, 3, 0.6)
    assert [(b.key, b.calls, b.errors) for b in activity.by_category] == [("Profiles", 3, 2), ("Lists", 2, 1)]
    assert [(b.key, b.calls) for b in activity.by_status_group] == [("2xx", 2), ("4xx", 2), ("5xx", 1)]
    assert activity.bucket_seconds == 300  # 4 hours in at most 60 bars
    assert sum(b.calls for b in activity.timeline) == 5
    assert sum(b.errors for b in activity.timeline) == 3
    assert activity.timeline[0].start <= NOW - 4 * 3600 < activity.timeline[0].start + 300
    assert activity.timeline[-1].start < NOW <= activity.timeline[-1].start + 300
    lists_only = store.activity(CallFilter(categories=("Lists",)), now=NOW)
    assert (lists_only.total, lists_only.errors) == (2, 1)
    errors_only = store.activity(CallFilter(statuses=parse_statuses(["4xx"])), now=NOW)
    assert [(b.key, b.calls) for b in errors_only.by_status] == [("401", 1), ("404", 1)]


def test_concurrent_recorders_lose_nothing(store: LogStore) -> None:
    def client(worker: int) -> None:
        for n in range(100):
            store.record(make_call(f"/api/profiles/{worker}-{n}", id=f"{worker:04d}{n:06d}"))

    threads = [threading.Thread(target=client, args=(w,)) for w in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count() == 2000


def test_a_killed_writer_loses_at_most_the_call_in_flight(tmp_path: Path) -> None:
    target = tmp_path / "logs.sqlite3"
    script = (
        "import sys\n"
        "from postman_kit.logstore import open_store\n"
        "from tests.support.logstore import make_call\n"
        f"store = open_store({str(target)!r})\n"
        "n = 0\n"
        "while True:\n"
        "    store.record(make_call(f'/api/profiles/{n}', id=f'{n:010d}'))\n"
        "    n += 1\n"
        "    print(n, flush=True)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    acknowledged = 0
    assert writer.stdout is not None
    for line in writer.stdout:
        acknowledged = int(line)
        if acknowledged >= 300:
            break
    writer.kill()
    writer.wait()
    # every call acknowledged before the kill is in the pipe: the last whole line is the last acknowledged
    acknowledged = max(
        [acknowledged, *(int(line) for line in writer.stdout.read().splitlines() if line.strip())]
    )
    with open_store(target, create=False) as store:
        assert acknowledged <= store.count() <= acknowledged + 1


def test_migrations_record_the_version_and_refuse_a_newer_store(tmp_path: Path) -> None:
    target = tmp_path / "logs.sqlite3"
    with open_store(target) as store:
        store.record(make_call())
    with open_store(target) as store:  # reopening migrates nothing and keeps the data
        assert store.count() == 1
        with store.engine.begin() as connection:
            assert connection.execute(schema_version.select()).scalar() == LATEST_VERSION
            connection.execute(update(schema_version).values(version=LATEST_VERSION + 1))
    with pytest.raises(
        InputError, match=rf"schema version {LATEST_VERSION + 1}, newer than this postman-kit"
    ):
        open_store(target)


def test_a_version_1_store_gains_the_status_class_column_and_the_new_indexes(tmp_path: Path) -> None:
    target = tmp_path / "logs.sqlite3"
    with open_store(target) as store:
        store.record_many([make_call(status=503), make_call(status=200), make_call(status=502)])
        with store.engine.begin() as connection:  # the store as version 1 left it
            connection.execute(text("ANALYZE"))  # statistics that predate the new indexes
            connection.execute(text("DROP INDEX ix_calls_route_status_timestamp"))
            connection.execute(text("DROP INDEX ix_calls_status_class_timestamp"))
            connection.execute(text("ALTER TABLE calls DROP COLUMN status_class"))
            connection.execute(update(schema_version).values(version=1))
    with open_store(target) as store:
        assert [c.status for c in store.search(CallFilter(statuses=parse_statuses(["5xx"])))] == [502, 503]
        with store.engine.connect() as connection:
            assert connection.execute(schema_version.select()).scalar() == LATEST_VERSION
            assert {"ix_calls_status_class_timestamp", "ix_calls_route_status_timestamp"} <= {
                index["name"] for index in inspect(connection).get_indexes("calls")
            }
            analyzed = {row[0] for row in connection.execute(text("SELECT idx FROM sqlite_stat1"))}
            assert {"ix_calls_status_class_timestamp", "ix_calls_route_status_timestamp"} <= analyzed


def search_plan(store: LogStore, pattern: str) -> list[str]:
    """SQLite's plan for each query `logs search PATTERN` runs for its first page."""
    plans = []
    with store.engine.connect() as connection:
        for branch in CallFilter(path=pattern).branches():
            newest = (calls.c.timestamp.desc(), calls.c.id.desc())
            query = select(calls).where(branch).order_by(*newest).limit(50)
            sql = str(query.compile(store.engine, compile_kwargs={"literal_binds": True}))
            plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)
            plans.append(" / ".join(row[3] for row in plan))
    return plans


def test_path_searches_read_an_index_newest_first_instead_of_sorting_every_match(tmp_path: Path) -> None:
    """At 1,000,000 calls, sorting every call of `/api/events` took 4.6 s and walking every matched call
    under `/api/profiles/` to find the unmatched ones 1.1 s (benchmarks/bench_logs.py): each branch must
    read an index in timestamp order, with no index SQLite's `PRAGMA optimize` (run as a store closes)
    would analyze the whole table for (4 s at 1,000,000 calls)."""
    with open_store(tmp_path / "logs.sqlite3") as store:
        store.record_many(
            [
                make_call(
                    f"/api/events/{n}" if n % 3 else "/api/events",
                    timestamp=NOW - n,
                    operation="/api/events/{id}" if n % 3 else "/api/events",
                )
                for n in range(3000)
            ]
            + [make_call(f"/api/profiles/{n}", timestamp=NOW - n) for n in range(3000)]
            + [make_call("/api/profiles/x", operation=None, status=404, timestamp=NOW - 1)]
        )
        with store.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
        exact = search_plan(store, "/api/events")
        assert len(exact) == 2 and all("ix_calls_path_timestamp (path=?)" in plan for plan in exact)
        assert not any("TEMP B-TREE FOR ORDER BY" in plan for plan in exact), exact
        matched, unmatched = search_plan(store, "/api/profiles/{id}")
        assert "ix_calls_route" in matched and "TEMP B-TREE FOR ORDER BY" not in matched, matched
        assert "ix_calls_route_timestamp (route=?)" in unmatched, unmatched
        assert "TEMP B-TREE FOR ORDER BY" not in unmatched, unmatched
        assert [c.path for c in store.search(CallFilter(path="/api/profiles/{id}"), limit=2)] == [
            "/api/profiles/0",
            "/api/profiles/x",
        ]
        with store.engine.connect() as connection:  # what closing the store runs: nothing left to analyze
            for pattern in ("/api/events", "/api/profiles/{id}"):
                for branch in CallFilter(path=pattern).branches():
                    connection.execute(
                        select(calls.c.id).where(branch).order_by(calls.c.timestamp.desc()).limit(5)
                    )
            assert connection.exec_driver_sql("PRAGMA optimize(-1)").fetchall() == []


def test_a_missing_store_is_an_input_error_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no log store here yet"):
        open_store(tmp_path / "absent.sqlite3", create=False)
    assert not (tmp_path / "absent.sqlite3").exists()


def test_an_unreachable_postgresql_store_is_an_input_error_without_the_password() -> None:
    with pytest.raises(InputError) as caught:
        open_store("postgresql://kit:s3cret@127.0.0.1:1/logs")
    message = str(caught.value)
    assert "cannot open the log store" in message
    assert "s3cret" not in message and "***" in message


# -- hourly totals and group commit ---------------------------------------------------------------------
HOUR = 3600.0


def spread_calls() -> list[CallRecord]:
    """Calls over three days at awkward minutes: statuses, methods and categories vary."""
    found = []
    for n in range(240):
        status = (200, 201, 404, 500, 429)[n % 5]
        method = ("GET", "POST", "PATCH")[n % 3]
        category = ("Profiles", "Lists", None)[n % 4 % 3]
        found.append(
            make_call(
                f"/api/profiles/{n}",
                status=status,
                method=method,
                category=category,
                timestamp=NOW - 3 * DAY + n * 1079.0,
                duration_ms=n / 7,
            )
        )
    return found


def expected(calls: list[CallRecord], since: float | None, until: float | None) -> dict:
    inside = [
        c for c in calls if (since is None or c.timestamp >= since) and (until is None or c.timestamp < until)
    ]
    return {
        "total": len(inside),
        "errors": sum(c.status >= 400 for c in inside),
        "by_status": dict(Counter(str(c.status) for c in inside)),
        "by_category": dict(Counter(c.category or "(none)" for c in inside)),
        "by_method": dict(Counter(c.method for c in inside)),
    }


def figures(store: LogStore, where: CallFilter) -> dict:
    activity = store.activity(where, now=NOW)
    assert sum(bucket.calls for bucket in activity.timeline) == activity.total
    return {
        "total": activity.total,
        "errors": activity.errors,
        "by_status": {b.key: b.calls for b in activity.by_status},
        "by_category": {b.key: b.calls for b in activity.by_category},
        "by_method": {b.key: b.calls for b in activity.by_method},
    }


def test_every_way_of_storing_calls_keeps_hourly_totals_equal_to_the_calls(store: LogStore) -> None:
    calls = spread_calls()
    for call in calls[:20]:
        store.record(call)
    asyncio.run(store.record_async(calls[20]))  # SQLite: through the journal, folded before reading
    asyncio.run(store.record_async(calls[21]))
    store.record_many(calls[22:])
    store.record_many(calls[:50])  # stored already: nothing counted twice
    store.record(calls[0])
    kept, summed = hourly_totals_and_calls(store)
    assert kept == summed
    assert sum(row[5] for row in kept) == len(calls)


def test_the_dashboard_from_hourly_totals_is_exact_at_part_hours(store: LogStore) -> None:
    calls = spread_calls()
    store.record_many(calls)
    periods = [
        (None, None),
        (NOW - 2.5 * DAY + 1234, None),
        (NOW - 2.7 * DAY + 59, NOW - 1.1 * DAY + 3599),
        (NOW - 2 * DAY + 600, NOW - 2 * DAY + 3000),  # inside one hour: no whole hour to use
        (NOW - 50 * HOUR, NOW - 3 * HOUR),
    ]  # on hour boundaries
    for since, until in periods:
        assert figures(store, CallFilter(since=since, until=until)) == expected(calls, since, until), (
            since,
            until,
        )
    errors_only = CallFilter(since=NOW - 2.5 * DAY + 1234, statuses=parse_statuses(["4xx"]))
    assert figures(store, errors_only)["by_status"] == {
        "404": sum(1 for c in calls if c.status == 404 and c.timestamp >= NOW - 2.5 * DAY + 1234),
        "429": sum(1 for c in calls if c.status == 429 and c.timestamp >= NOW - 2.5 * DAY + 1234),
    }
    lists = figures(store, CallFilter(since=NOW - 2.5 * DAY, categories=("Lists",)))
    assert lists["total"] == sum(1 for c in calls if c.category == "Lists" and c.timestamp >= NOW - 2.5 * DAY)
    assert store.categories() == ["Lists", "Profiles"]


def test_pruning_moves_totals_from_hours_to_days_and_keeps_both_equal_to_the_calls(store: LogStore) -> None:
    calls = spread_calls()
    store.record_many(calls)
    before = figures(store, CallFilter())
    cutoff = NOW - 1.5 * DAY + 1500  # mid-hour: that hour keeps its newer calls
    pruned = [c for c in calls if c.timestamp < cutoff]
    result = store.prune(now=NOW, retention_days=(NOW - cutoff) / DAY)
    assert result.deleted == len(pruned)
    kept, summed = hourly_totals_and_calls(store)
    assert kept == summed
    assert sum(row[5] for row in kept) == len(calls) - len(pruned)
    with store.engine.connect() as connection:
        daily = dict(connection.execute(text("SELECT day, SUM(calls) FROM daily_totals GROUP BY day")).all())
    assert daily == dict(Counter(int(c.timestamp // DAY) for c in pruned))
    assert figures(store, CallFilter()) == before


def test_the_migration_to_version_4_sums_an_existing_stores_calls(tmp_path: Path) -> None:
    target = tmp_path / "logs.sqlite3"
    calls = spread_calls()
    with open_store(target) as store:
        store.record_many(calls)
        before = figures(store, CallFilter(since=NOW - 2.5 * DAY))
        with store.engine.begin() as connection:  # the store as version 3 left it
            connection.execute(text("DROP TABLE hourly_totals"))
            connection.execute(update(schema_version).values(version=3))
    with open_store(target) as store:
        kept, summed = hourly_totals_and_calls(store)
        assert kept == summed and sum(row[5] for row in kept) == len(calls)
        assert figures(store, CallFilter(since=NOW - 2.5 * DAY)) == before


def test_twenty_threads_recording_at_once_share_commits_and_lose_nothing(store: LogStore) -> None:
    def client(worker: int) -> None:
        for n in range(50):
            store.record(
                make_call(f"/api/lists/{worker}-{n}", id=f"t{worker:04d}{n:06d}", timestamp=NOW - n * 60)
            )

    threads = [threading.Thread(target=client, args=(w,)) for w in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count() == 1000
    kept, summed = hourly_totals_and_calls(store)
    assert kept == summed


def test_one_bad_call_fails_alone_not_the_calls_sharing_its_commit() -> None:
    written: list[str] = []
    started = threading.Event()
    release = threading.Event()

    def write_batch(batch: list[CallRecord]) -> int:
        if not started.is_set():  # hold the first commit so the others queue up into one batch
            started.set()
            release.wait(5)
        if any(call.path == "/bad" for call in batch):
            raise ValueError("cannot store /bad")
        written.extend(call.path for call in batch)
        return len(batch)

    committer = GroupCommitter(write_batch)
    errors: dict[str, str] = {}

    def record(path: str) -> None:
        try:
            committer.record(make_call(path))
        except ValueError as exc:
            errors[path] = str(exc)

    first = threading.Thread(target=record, args=("/first",))
    first.start()
    started.wait(5)
    others = [threading.Thread(target=record, args=(path,)) for path in ("/a", "/bad", "/b")]
    for thread in others:
        thread.start()
    assert wait_until(lambda: committer.queued == 3)
    release.set()
    for thread in [first, *others]:
        thread.join(5)
    committer.close()
    assert errors == {"/bad": "cannot store /bad"}
    assert sorted(written) == ["/a", "/b", "/first"]


def test_recording_from_the_event_loop_never_waits_for_another_process_holding_the_store(
    tmp_path: Path,
) -> None:
    target = tmp_path / "logs.sqlite3"
    with open_store(target) as store:
        other = sqlite3.connect(target, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock (an import, a prune)

        async def record_while_locked() -> float:
            started = time.perf_counter()
            await asyncio.wait_for(store.record_async(make_call("/api/lists/while-locked")), 5)
            return time.perf_counter() - started

        assert asyncio.run(record_while_locked()) < 0.5
        # in the journal already: a kill now would not lose it
        assert [row["path"] for row, _ in read_rows(journal_path(target))] == ["/api/lists/while-locked"]
        other.execute("COMMIT")
        other.close()
        assert [call.path for call in store.search()] == ["/api/lists/while-locked"]


@pytest.mark.parametrize("suffix", [".calls.jsonl", "-wal", "-shm", "-journal"])
def test_a_linked_file_beside_the_log_database_is_refused_not_emptied(run_cli, tmp_path, suffix) -> None:
    """A data directory shipped with the call journal (`logs.sqlite3.calls.jsonl`) linked to a user's file had
    that file emptied by `logs search`, a command that only reads; SQLite's -wal/-shm/-journal likewise."""
    from postman_kit.logstore import open_store

    data = tmp_path / "data"
    data.mkdir()
    open_store(data / "logs.sqlite3").close()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious data outside DATA\n")
    for file in data.glob(f"logs.sqlite3{suffix}"):
        file.unlink()
    (data / f"logs.sqlite3{suffix}").symlink_to(victim)
    result = run_cli("logs", "search", "--data", data)
    assert result.exit_code == 2 and "is a symbolic link" in result.stderr, result.output
    assert victim.read_text() == "precious data outside DATA\n"


def test_a_linked_log_database_is_refused_not_written_through(tmp_path) -> None:
    """A data directory shipped with `logs.sqlite3` linked to another application's database had the log's
    tables added to it by `logs import`."""
    from postman_kit.errors import InputError
    from postman_kit.logstore.database import create_store_engine

    other = tmp_path / "other-app.db"
    connection = sqlite3.connect(other)
    connection.execute("create table mine(x)")
    connection.commit()
    connection.close()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "logs.sqlite3").symlink_to(other)
    with pytest.raises(InputError, match="not a regular file"):
        create_store_engine(tmp_path / "data" / "logs.sqlite3")
    tables = [row[0] for row in sqlite3.connect(other).execute("select name from sqlite_master")]
    assert tables == ["mine"]


@pytest.mark.parametrize(
    "url", ["postgresql://u:pw@h:port/db", "postgresql://u:pw@127.0.0.1:1,127.0.0.2:1/db"]
)
def test_a_postgres_url_the_kit_cannot_read_is_one_line_not_a_traceback(run_cli, url) -> None:
    """A port that is no number (or libpq's several hosts) ended logs and activity with a ValueError traceback."""
    for args in (("logs", "search"), ("activity",)):
        result = run_cli(*args, "--store", url)
        assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.output
        assert "not a database URL the kit reads" in result.stderr and ":pw@" not in result.stderr


def test_a_password_in_a_postgres_urls_query_is_never_printed() -> None:
    from postman_kit.logstore.database import display_target

    shown = display_target("postgresql://u@127.0.0.1:1/db?sslpassword=Secr3tPassw0rd&sslmode=require")
    assert "Secr3tPassw0rd" not in shown and "sslpassword=…w0rd" in shown and "sslmode=require" in shown


@pytest.mark.parametrize(
    "change",
    [
        "update calls set timestamp=1e308, minute=9223372036854775807",
        "update calls set request_headers='{bad'",
    ],
)
def test_a_store_holding_rows_the_kit_never_wrote_is_read_or_refused_in_one_line(
    run_cli, tmp_path, change
) -> None:
    """A store edited by hand or by another program: a timestamp past year 9999 ended logs and activity with an
    OverflowError traceback, headers that are no JSON with orjson's."""
    from tests.support.logstore import make_call

    data = tmp_path / "data"
    with open_store(data / "logs.sqlite3") as store:
        store.record(make_call())
        [call] = store.search()
    connection = sqlite3.connect(data / "logs.sqlite3")
    connection.execute(change)
    connection.commit()
    connection.close()
    for args in (("logs", "search"), ("logs", "show", call.id), ("activity",)):
        result = run_cli(*args, "--data", data)
        assert result.exit_code in (0, 2) and "Traceback" not in result.output, (args, result.output)
        assert result.exit_code == 0 or result.stderr.count("\n") == 1


def test_a_credential_in_a_stored_query_is_truncated_in_json_output_too() -> None:
    assert redact('{"query": "api_key=Zq9xK2mN7pL4vB8c"}') == '{"query": "api_key=…vB8c"}'


def test_a_store_whose_calls_are_an_endless_view_is_refused_in_bounded_time(
    run_cli, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store edited by another program, its `calls` table replaced by a recursive view that never ends, held
    `logs search` until it was killed: one statement runs at most STATEMENT_SECONDS (here made 1)."""
    import postman_kit.logstore.database as database
    from tests.support.logstore import make_call

    data = tmp_path / "data"
    with open_store(data / "logs.sqlite3") as store:
        store.record(make_call())
    columns = ", ".join(
        f"'' as {name}" for name in ("method", "path", "query", "operation", "route", "category")
    )
    connection = sqlite3.connect(data / "logs.sqlite3")
    connection.executescript(
        "drop table calls; create view calls as with recursive r(n) as (select 1 union all select n + 1 from r) "
        f"select 'x' || n as id, 1796665682.0 as timestamp, 29944428 as minute, {columns}, 200 as status, "
        "2 as status_class, 1.0 as duration_ms, '' as source, '' as key, '' as revision, '{}' as request_headers, "
        "'' as request_body, '{}' as response_headers, '' as response_body, NULL as job_url, '' as source_kind, "
        "NULL as revision_sent, '' as user_agent, '' as company_id from r"
    )
    connection.commit()
    connection.close()
    monkeypatch.setattr(database, "STATEMENT_SECONDS", 1.0)
    result = run_cli("logs", "search", "--data", data)
    assert result.exit_code == 2 and result.stderr.endswith("cannot be read: interrupted\n"), result.output


def test_a_key_in_a_folder_or_saved_path_never_reaches_the_store_in_full() -> None:
    """A newman run's folder (the call's category) and a saved request's path (its operation and route, and the
    hourly totals keyed by them) held a Stripe live key in full in logs.sqlite3, though every command printing
    them truncates it."""
    from postman_kit.calls import CallRecord
    from postman_kit.logstore.rows import call_row
    from postman_kit.secrets import truncate_key

    key = "sk_live_" + "51FolderAbc123Def456Ghi789"
    path = f"/api/keys/{key}"
    row = call_row(
        CallRecord(
            id="01",
            timestamp=0.0,
            method="GET",
            path=path,
            status=200,
            duration_ms=1.0,
            operation=path,
            category=f"Billing {key}",
        )
    )
    assert not any(key in str(value) for value in row.values())
    assert row["category"] == f"Billing {truncate_key(key)}" and row["operation"].endswith(truncate_key(key))


def test_credentials_in_authorization_headers_of_any_shape_are_stored_truncated(store: LogStore) -> None:
    """An `X-Authorization` header with no scheme word and an `Authorization: Token tk extra` went into the store,
    and `logs search --format json`, in full (newman reports of APIs with their own conventions)."""
    call = make_call(
        request_headers={
            "X-Authorization": "XAu1234567890abcdEF",
            "Authorization": "Token Tk1234567890abcdEF extra",
        }
    )
    store.record(call)
    stored = store.get(call.id)
    assert stored is not None
    assert stored.request_headers == {"X-Authorization": "…cdEF", "Authorization": "Token …cdEF extra"}
