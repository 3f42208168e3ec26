"""`postman-kit logs search|show|import|prune` through the command line."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from postman_kit.logstore import open_store
from tests.support.logstore import (
    FULL_KEY,
    SHOWN_KEY,
    make_call,
    newman_execution,
    newman_report,
    profile_not_found,
)


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    now_ms = time.time() * 1000 - 60_000
    report = newman_report(
        [
            profile_not_found(),
            newman_execution(
                "Profiles",
                ["api", "profiles", ":id"],
                ["api", "profiles", "02ABC"],
                200,
                response_body='{"data": {"type": "profile", "id": "02ABC"}}',
            ),
            newman_execution(
                "Profiles", ["api", "profiles", ":id", "lists"], ["api", "profiles", "01GDD", "lists"], 404
            ),
            newman_execution("Events", ["api", "events"], ["api", "events"], 405, method="DELETE"),
        ],
        started_ms=now_ms,
    )
    path = tmp_path / "newman-report.json"
    path.write_text(json.dumps(report))
    return path


def stored_bytes(data: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(data.iterdir()) if path.is_file())


def test_import_then_search_finds_exactly_the_404s_of_an_endpoint(
    run_cli, tmp_path: Path, report_file: Path
) -> None:
    data = tmp_path / "data"
    imported = run_cli("logs", "import", report_file, "--data", data)
    assert imported.exit_code == 0
    assert imported.stdout == f"imported 4 calls from {report_file} into {data / 'logs.sqlite3'}\n"
    again = run_cli("logs", "import", report_file, "--data", data)
    assert "imported 0 calls" in again.stdout and "(4 already stored)" in again.stdout

    found = run_cli(
        "logs", "search", "/api/profiles/{id}", "--status", "404", "--data", data, "--format", "json"
    )
    assert found.exit_code == 0
    result = json.loads(found.stdout)
    assert result["total"] == 1
    assert [(c["method"], c["path"], c["status"]) for c in result["calls"]] == [
        ("GET", "/api/profiles/01GDD", 404)
    ]

    text = run_cli("logs", "search", "/api/profiles/{id}", "--data", data).stdout
    lines = text.splitlines()
    assert lines[-1] == "2 of 2 matching calls, newest first"
    assert "/api/profiles/02ABC" in lines[0] and SHOWN_KEY in lines[0] and "newman" in lines[0]
    assert "/api/profiles/01GDD" in lines[1] and "404" in lines[1]

    by_id = json.loads(run_cli("logs", "search", "--id", "01GDD", "--data", data, "--format", "json").stdout)
    assert sorted(c["path"] for c in by_id["calls"]) == ["/api/profiles/01GDD", "/api/profiles/01GDD/lists"]
    assert FULL_KEY.encode() not in stored_bytes(data)
    assert FULL_KEY not in text


def test_show_prints_one_call_request_and_response(run_cli, tmp_path: Path, report_file: Path) -> None:
    data = tmp_path / "data"
    run_cli("logs", "import", report_file, "--data", data)
    found = json.loads(
        run_cli(
            "logs", "search", "--method", "GET", "--status", "2xx", "--data", data, "--format", "json"
        ).stdout
    )
    call_id = found["calls"][0]["id"]
    shown = run_cli("logs", "show", call_id, "--data", data)
    assert shown.exit_code == 0
    assert shown.stdout.startswith(f"call {call_id} at ")
    assert "--- request\nGET /api/profiles/02ABC\n" in shown.stdout
    assert f"Authorization: Klaviyo-API-Key {SHOWN_KEY}" in shown.stdout
    assert "--- response\n200\n" in shown.stdout and '"id": "02ABC"' in shown.stdout
    as_json = json.loads(run_cli("logs", "show", call_id, "--data", data, "--format", "json").stdout)
    assert (as_json["id"], as_json["operation"], as_json["category"]) == (
        call_id,
        "/api/profiles/{id}",
        "Profiles",
    )


def test_prune_deletes_old_calls_and_reports_the_cutoff(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    now = time.time()
    with open_store(data / "logs.sqlite3") as store:
        store.record_many(
            [
                make_call(timestamp=now - 10 * 86400),
                make_call(timestamp=now - 3 * 86400),
                make_call(timestamp=now - 60),
            ]
        )
    pruned = run_cli("logs", "prune", "--retention", "7d", "--data", data)
    assert pruned.exit_code == 0
    assert pruned.stdout.startswith("pruned 1 calls older than ")
    assert pruned.stdout.endswith("; daily totals updated for 1 day(s)\n")
    remaining = json.loads(run_cli("logs", "search", "--data", data, "--format", "json").stdout)
    assert remaining["total"] == 2


def test_an_old_import_says_its_calls_are_counted_not_listed(run_cli, tmp_path: Path) -> None:
    """Calls older than the retention go straight into the daily totals: the output says so."""
    events = [newman_execution("Events", ["api", "events"], ["api", "events"], 200) for _ in range(3)]
    report = newman_report(events, started_ms=(time.time() - 20 * 86400) * 1000)
    path = tmp_path / "old-report.json"
    path.write_text(json.dumps(report))
    data = tmp_path / "data"
    imported = run_cli("logs", "import", path, "--data", data)
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.startswith("imported 3 calls from ")
    assert imported.stdout.endswith(
        "; 3 calls older than 14 days folded into daily totals (counted by activity, no longer listed)\n"
    )
    assert json.loads(run_cli("logs", "search", "--data", data, "--format", "json").stdout)["total"] == 0
    assert json.loads(run_cli("activity", "--data", data, "--format", "json").stdout)["total"] == 3


def test_store_option_takes_a_store_file_instead_of_the_data_directory(
    run_cli, tmp_path: Path, report_file: Path
) -> None:
    store_file = tmp_path / "elsewhere.sqlite3"
    assert run_cli("logs", "import", report_file, "--store", store_file).exit_code == 0
    found = json.loads(run_cli("logs", "search", "--store", store_file, "--format", "json").stdout)
    assert found["total"] == 4


def test_without_data_or_store_the_commands_read_the_log_the_sandbox_writes(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store(
        tmp_path / ".postman-kit" / "sandbox" / "logs.sqlite3"
    ) as store:  # `postman-kit sandbox`'s
        store.record(make_call(timestamp=time.time()))
    assert json.loads(run_cli("logs", "search", "--format", "json").stdout)["total"] == 1
    assert json.loads(run_cli("activity", "--format", "json").stdout)["total"] == 1


@pytest.mark.parametrize(
    ("store_exists", "args", "message"),
    [
        (False, ("logs", "search"), "no log store here yet"),
        (False, ("activity",), "no log store here yet"),
        (
            True,
            ("logs", "search", "--status", "40x"),
            "--status: expected a status such as 404 or a group such as 4xx",
        ),
        (
            True,
            ("logs", "search", "--since", "yesterday"),
            "--since: expected a duration such as 7d or a date",
        ),
        (
            True,
            ("logs", "prune", "--retention", "forever"),
            "--retention: expected a duration such as 30m, 24h, 7d",
        ),
        (True, ("logs", "show", "nope"), "no call with this id"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    run_cli, tmp_path: Path, store_exists: bool, args: tuple[str, ...], message: str
) -> None:
    data = tmp_path / "data"
    if store_exists:
        open_store(data / "logs.sqlite3").close()
    result = run_cli(*args, "--data", data)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("postman-kit: error: ")
    assert message in result.stderr


def test_a_bad_report_creates_no_store(run_cli, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text('{"collection": {}}')
    result = run_cli("logs", "import", report, "--data", tmp_path / "data")
    assert result.exit_code == 2
    assert result.stderr == (
        f"postman-kit: error: {report}: not a newman JSON report (no run.executions); "
        "write one with `newman run ... -r json --reporter-json-export FILE`\n"
    )
    assert not (tmp_path / "data").exists()
