"""`postman-kit activity` and its pieces: periods, the text report, the JSON figures."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from postman_kit.activity.periods import format_instant, parse_duration, parse_instant
from postman_kit.errors import InputError
from postman_kit.logstore import open_store
from tests.support.logstore import FULL_KEY, make_call


def test_periods_read_durations_and_dates() -> None:
    assert parse_duration("7d") == 7 * 86400
    assert parse_duration("90m") == 5400
    assert parse_instant("24h", now=100_000.0) == 100_000.0 - 86400
    assert parse_instant("2026-07-15", now=0) == 1784073600.0
    assert parse_instant("2026-07-15T12:00:00+02:00", now=0) == 1784073600.0 + 10 * 3600
    assert format_instant(1784073600.0) == "2026-07-15T00:00:00Z"
    with pytest.raises(InputError, match="--since: expected a duration such as 7d"):
        parse_instant("last week", now=0)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    now = time.time()
    with open_store(tmp_path / "logs.sqlite3") as store:
        store.record_many(
            [
                make_call(status=200, timestamp=now - 3600, key=FULL_KEY),
                make_call(status=404, timestamp=now - 1800),
                make_call(status=403, timestamp=now - 600, source="ci"),
                make_call(
                    "/api/lists",
                    status=500,
                    method="POST",
                    operation="/api/lists",
                    category="Lists",
                    timestamp=now - 300,
                ),
                make_call(status=200, timestamp=now - 9 * 86400),
            ]
        )
    return tmp_path


def test_activity_json_gives_totals_error_rate_and_breakdowns(run_cli, data: Path) -> None:
    result = run_cli("activity", "--since", "2h", "--data", data, "--format", "json")
    assert result.exit_code == 0
    figures = json.loads(result.stdout)
    assert (figures["total"], figures["errors"], figures["error_rate"]) == (4, 3, 0.75)
    assert [(b["key"], b["calls"], b["errors"]) for b in figures["by_category"]] == [
        ("Profiles", 3, 2),
        ("Lists", 1, 1),
    ]
    assert {b["key"]: b["calls"] for b in figures["by_status_group"]} == {"2xx": 1, "4xx": 2, "5xx": 1}
    assert [(b["key"], b["calls"]) for b in figures["by_endpoint"]] == [
        ("GET /api/profiles/{id}", 3),
        ("POST /api/lists", 1),
    ]
    assert sum(b["calls"] for b in figures["timeline"]) == 4
    assert figures["bucket_seconds"] == 300


def test_activity_filters_by_category_and_status_group(run_cli, data: Path) -> None:
    lists = json.loads(run_cli("activity", "--category", "Lists", "--data", data, "--format", "json").stdout)
    assert (lists["total"], lists["errors"]) == (1, 1)
    client_errors = json.loads(
        run_cli("activity", "--status", "4xx", "--data", data, "--format", "json").stdout
    )
    assert [(b["key"], b["calls"]) for b in client_errors["by_status"]] == [("403", 1), ("404", 1)]
    everything = json.loads(run_cli("activity", "--data", data, "--format", "json").stdout)
    assert everything["total"] == 5
    by_source = json.loads(run_cli("activity", "--source", "ci", "--data", data, "--format", "json").stdout)
    assert (by_source["total"], by_source["includes_pruned_totals"]) == (1, False)


def test_activity_text_report_reads_like_the_dashboard(run_cli, data: Path) -> None:
    text = run_cli("activity", "--since", "2h", "--data", data).stdout
    assert "  total calls  4\n  errors       3\n  error rate   75.0%\n" in text
    assert (
        "\nBy category\n  Profiles        3 calls       2 errors   66.7%\n  Lists           1 calls" in text
    )
    assert "Over time (5-minute buckets, errors in brackets)" in text
    assert FULL_KEY not in text


def test_a_period_of_any_length_is_drawn_in_a_bounded_number_of_bars(run_cli, data: Path) -> None:
    """`--since 99999999d` drew a bar a week over 270,000 years (6 GB, minutes); a period that ends before it
    starts is bad input."""
    started = time.monotonic()
    result = run_cli("activity", "--data", data, "--since", "99999999d", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["timeline"]) <= 61
    assert time.monotonic() - started < 20
    backwards = run_cli("activity", "--data", data, "--since", "2020-01-01", "--until", "0001-01-01")
    assert backwards.exit_code == 2
    assert backwards.stderr == "postman-kit: error: --until: '0001-01-01' is before --since '2020-01-01'\n"


@pytest.mark.parametrize(
    "args",
    [
        ("activity", "--since", "99999999999999999999h"),
        ("activity", "--since", "0001-01-01T00:00:00-14:00"),
        ("logs", "prune", "--retention", "99999999999w"),
        ("logs", "search", "--since", "9999999999999w"),
    ],
)
def test_a_period_past_what_dates_hold_is_read_as_all_of_time_not_a_traceback(
    run_cli, tmp_path, args
) -> None:
    """Durations past what a date or SQLite's integers hold, and a date whose UTC falls before year 1, ended
    activity and logs with OverflowError and ValueError tracebacks; the sandbox's pages answered 500."""
    data = tmp_path / "data"
    with open_store(data / "logs.sqlite3") as store:
        store.record(make_call())
    result = run_cli(*args, "--data", data)
    assert result.exit_code == 0, result.output
    assert parse_instant("99999999999999999999h", time.time()) == 0.0
    offset = run_cli("logs", "search", "--offset", "99999999999999999999", "--data", data)
    assert offset.exit_code == 2 and "--offset" in offset.stderr
