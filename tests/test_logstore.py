"""The log store on both backends: what is kept, what searches find, retention and its daily totals."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text, update

from postman_kit.calls import CallRecord
from postman_kit.errors import InputError
from postman_kit.logstore import CallFilter, LogStore, open_store, parse_statuses
from postman_kit.logstore.migrations import LATEST_VERSION
from postman_kit.logstore.schema import schema_version
from tests.test_logstore_support import FULL_KEY, NOW, SHOWN_KEY, make_call, private_postgres

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
        key=FULL_KEY, source="sandbox", revision="2026-07-15", query="filter=equals(email,'a@b.com')",
        request_headers={"Authorization": f"Klaviyo-API-Key {FULL_KEY}", "revision": "2026-07-15"},
        request_body='{"data": {"type": "profile"}}',
        response_headers={"content-type": "application/vnd.api+json"},
        response_body=f'{{"data": {{"id": "01H", "note": "{FULL_KEY}"}}}}',
        resource_ids=["01H"], job_url="http://127.0.0.1/api/jobs/9",
    )
    store.record(call)
    stored = store.get(call.id)
    assert stored is not None
    assert stored.key == SHOWN_KEY
    assert stored.request_headers == {"Authorization": f"Klaviyo-API-Key {SHOWN_KEY}", "revision": "2026-07-15"}
    assert stored.response_body == f'{{"data": {{"id": "01H", "note": "{SHOWN_KEY}"}}}}'
    assert (stored.request_body, stored.query, stored.revision, stored.source) == (
        call.request_body, call.query, "2026-07-15", "sandbox")
    assert (stored.resource_ids, stored.job_url, stored.operation) == (["01H"], call.job_url, "/api/profiles/{id}")
    assert store.get("no-such-call") is None


def test_search_by_endpoint_template_ignores_parameter_names_and_trailing_slashes(store: LogStore) -> None:
    store.record_many([
        make_call("/api/profiles/01H/", operation="/api/profiles/{id}/", timestamp=NOW - 30),
        make_call("/api/profiles/02J", operation="/api/profiles/{profile_id}", timestamp=NOW - 20),
        make_call("/api/profiles/02J/lists", operation="/api/profiles/{id}/lists", timestamp=NOW - 10),
        make_call("/api/profiles/03K", operation=None, status=404, timestamp=NOW - 5),  # matched no operation
        make_call("/api/profiles/03K/x/y", operation=None, status=404, timestamp=NOW - 4),
    ])
    for pattern in ("/api/profiles/{id}", "/api/profiles/:id/"):
        assert ids(store.search(CallFilter(path=pattern))) == [
            "/api/profiles/03K", "/api/profiles/02J", "/api/profiles/01H/"]
    assert ids(store.search(CallFilter(path="/api/profiles/{id}/lists"))) == ["/api/profiles/02J/lists"]
    assert ids(store.search(CallFilter(path="02J"))) == ["/api/profiles/02J/lists", "/api/profiles/02J"]
    assert store.count(CallFilter(path="/api/profiles/{id}")) == 3
    assert store.count(CallFilter(path="/api/profiles/{id}"), cap=1) == 2  # "1+": counting stopped past the cap
    assert store.count(CallFilter(path="profiles"), cap=10) == 5


def test_a_large_import_goes_in_batches_and_skips_what_is_stored(store: LogStore) -> None:
    calls = [make_call(f"/api/profiles/{n}", timestamp=NOW - n) for n in range(1200)]
    assert store.record_many(calls[:700]) == 700
    assert store.record_many(calls) == 500
    assert store.count() == 1200


def test_filters_narrow_by_status_method_source_revision_identifier_and_time(store: LogStore) -> None:
    store.record_many([
        make_call(status=200, source="app", revision="2026-07-15", timestamp=NOW - 3 * DAY, resource_ids=["01H"]),
        make_call(status=404, source="app", revision="2026-04-15", timestamp=NOW - 2 * DAY, resource_ids=["02J"]),
        make_call(status=409, method="POST", path="/api/profiles", operation="/api/profiles",
                  source="newman", revision="2026-07-15", timestamp=NOW - DAY),
        make_call(status=503, source="newman", timestamp=NOW - 60, resource_ids=["01H", "03K"]),
    ])

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
        make_call(status=500, method="POST", path="/api/lists", operation="/api/lists", category="Lists",
                  timestamp=NOW - 16 * DAY),
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
    store.record_many([
        make_call(status=200, timestamp=NOW - 3 * 3600),
        make_call(status=201, method="POST", path="/api/lists", operation="/api/lists", category="Lists",
                  timestamp=NOW - 3 * 3600),
        make_call(status=401, timestamp=NOW - 2 * 3600),
        make_call(status=404, timestamp=NOW - 1800),
        make_call(status=500, category="Lists", path="/api/lists", operation="/api/lists", timestamp=NOW - 60),
    ])
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
        "from tests.test_logstore_support import make_call\n"
        f"store = open_store({str(target)!r})\n"
        "n = 0\n"
        "while True:\n"
        "    store.record(make_call(f'/api/profiles/{n}', id=f'{n:010d}'))\n"
        "    n += 1\n"
        "    print(n, flush=True)\n"
    )
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parent.parent)
    acknowledged = 0
    assert writer.stdout is not None
    for line in writer.stdout:
        acknowledged = int(line)
        if acknowledged >= 300:
            break
    writer.kill()
    writer.wait()
    # every call acknowledged before the kill is in the pipe: the last whole line is the last acknowledged
    acknowledged = max([acknowledged, *(int(line) for line in writer.stdout.read().splitlines() if line.strip())])
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
    with pytest.raises(InputError, match=rf"schema version {LATEST_VERSION + 1}, newer than this postman-kit"):
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
                index["name"] for index in inspect(connection).get_indexes("calls")}
            analyzed = {row[0] for row in connection.execute(text("SELECT idx FROM sqlite_stat1"))}
            assert {"ix_calls_status_class_timestamp", "ix_calls_route_status_timestamp"} <= analyzed


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
