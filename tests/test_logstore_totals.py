"""Hourly totals: kept equal to the stored calls by every writer, and what the dashboard answers from."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text, update

from postman_kit.calls import CallRecord
from postman_kit.logstore import CallFilter, LogStore, open_store, parse_statuses
from postman_kit.logstore.committer import GroupCommitter
from postman_kit.logstore.schema import schema_version
from tests.test_logstore_support import NOW, hourly_totals_and_calls, make_call, private_postgres, wait_until

HOUR = 3600.0
DAY = 86400.0


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with private_postgres() as url:
        if url is None:
            pytest.skip("no PostgreSQL server can be started here")
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LogStore]:
    target = tmp_path / "logs.sqlite3" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    opened = open_store(target)
    opened.clear()
    yield opened
    opened.clear()
    opened.close()


def spread_calls() -> list[CallRecord]:
    """Calls over three days at awkward minutes: statuses, methods and categories vary."""
    found = []
    for n in range(240):
        status = (200, 201, 404, 500, 429)[n % 5]
        method = ("GET", "POST", "PATCH")[n % 3]
        category = ("Profiles", "Lists", None)[n % 4 % 3]
        found.append(make_call(f"/api/profiles/{n}", status=status, method=method, category=category,
                               timestamp=NOW - 3 * DAY + n * 1079.0, duration_ms=n / 7))
    return found


def expected(calls: list[CallRecord], since: float | None, until: float | None) -> dict:
    inside = [c for c in calls if (since is None or c.timestamp >= since) and (until is None or c.timestamp < until)]
    return {"total": len(inside), "errors": sum(c.status >= 400 for c in inside),
            "by_status": dict(Counter(str(c.status) for c in inside)),
            "by_category": dict(Counter(c.category or "(none)" for c in inside)),
            "by_method": dict(Counter(c.method for c in inside))}


def figures(store: LogStore, where: CallFilter) -> dict:
    activity = store.activity(where, now=NOW)
    assert sum(bucket.calls for bucket in activity.timeline) == activity.total
    return {"total": activity.total, "errors": activity.errors,
            "by_status": {b.key: b.calls for b in activity.by_status},
            "by_category": {b.key: b.calls for b in activity.by_category},
            "by_method": {b.key: b.calls for b in activity.by_method}}


def test_every_way_of_storing_calls_keeps_hourly_totals_equal_to_the_calls(store: LogStore) -> None:
    calls = spread_calls()
    for call in calls[:20]:
        store.record(call)
    asyncio.run(store.record_async(calls[20], alone=True))
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
    periods = [(None, None), (NOW - 2.5 * DAY + 1234, None), (NOW - 2.7 * DAY + 59, NOW - 1.1 * DAY + 3599),
               (NOW - 2 * DAY + 600, NOW - 2 * DAY + 3000),  # inside one hour: no whole hour to use
               (NOW - 50 * HOUR, NOW - 3 * HOUR)]  # on hour boundaries
    for since, until in periods:
        assert figures(store, CallFilter(since=since, until=until)) == expected(calls, since, until), (since, until)
    errors_only = CallFilter(since=NOW - 2.5 * DAY + 1234, statuses=parse_statuses(["4xx"]))
    assert figures(store, errors_only)["by_status"] == {
        "404": sum(1 for c in calls if c.status == 404 and c.timestamp >= NOW - 2.5 * DAY + 1234),
        "429": sum(1 for c in calls if c.status == 429 and c.timestamp >= NOW - 2.5 * DAY + 1234)}
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
            store.record(make_call(f"/api/lists/{worker}-{n}", id=f"t{worker:04d}{n:06d}", timestamp=NOW - n * 60))

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


def test_a_store_another_process_is_writing_does_not_freeze_the_event_loop(tmp_path: Path) -> None:
    target = tmp_path / "logs.sqlite3"
    with open_store(target) as store:
        other = sqlite3.connect(target, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock (an import, a prune)

        async def scenario() -> int:
            ticks = 0

            async def ticker() -> None:
                nonlocal ticks
                while True:
                    ticks += 1
                    await asyncio.sleep(0.01)

            ticking = asyncio.create_task(ticker())
            recording = asyncio.create_task(store.record_async(make_call(), alone=True))
            await asyncio.sleep(0.3)
            assert not recording.done()  # not acknowledged before it is stored
            ticks_while_locked = ticks
            other.execute("COMMIT")
            await asyncio.wait_for(recording, 10)
            ticking.cancel()
            return ticks_while_locked

        assert asyncio.run(scenario()) >= 10  # the loop kept running while the call waited for the lock
        other.close()
        assert store.count() == 1
