"""Calls read from newman's JSON report: endpoint, category, key, identifiers and timing."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from postman_kit.errors import InputError
from postman_kit.logstore.newman import calls_from_newman_report, read_newman_report
from postman_kit.openapi import load_api
from postman_kit.routing import OperationIndex
from tests.support.logstore import (
    FULL_KEY,
    NOW,
    SHOWN_KEY,
    newman_execution,
    newman_report,
    profile_not_found,
)


def sample_report() -> dict:
    return newman_report(
        [
            profile_not_found(response_time=12),
            newman_execution(
                "Profiles",
                ["api", "profiles"],
                ["api", "profiles"],
                201,
                method="POST",
                body=f'{{"data": {{"type": "profile", "note": "{FULL_KEY}"}}}}',
                response_body='{"data": {"type": "profile", "id": "01NEW"}}',
                response_time=30,
            ),
            newman_execution(
                "Events",
                ["api", "events"],
                ["api", "events"],
                202,
                method="POST",
                response_body='{"data": {"type": "event-bulk-create-job", "id": "J1", '
                '"links": {"self": "http://127.0.0.1:8000/api/jobs/J1"}}}',
            ),
            newman_execution(
                "Lists",
                ["api", "lists", "{{listId}}"],
                ["api", "lists", "Y6nRLr"],
                200,
                query=[
                    {"key": "fields[list]", "value": "name"},
                    {"key": "sort", "value": "name", "disabled": True},
                ],
            ),
        ]
    )


def test_each_execution_becomes_a_call_with_its_endpoint_category_and_truncated_key() -> None:
    imported = calls_from_newman_report(sample_report(), source="ci")
    first, created, job, listed = imported.calls
    assert (first.method, first.path, first.status, first.operation, first.category) == (
        "GET",
        "/api/profiles/01GDD",
        404,
        "/api/profiles/{id}",
        "Profiles",
    )
    assert (first.source, first.revision, first.key) == ("ci", "2026-07-15", SHOWN_KEY)
    assert first.request_headers["Authorization"] == f"Klaviyo-API-Key {SHOWN_KEY}"
    assert first.resource_ids == ["01GDD"]
    assert created.resource_ids == ["01NEW"]
    assert FULL_KEY not in created.request_body and SHOWN_KEY in created.request_body
    assert job.job_url == "http://127.0.0.1:8000/api/jobs/J1"
    assert (listed.operation, listed.query) == ("/api/lists/{listId}", "fields[list]=name")
    assert FULL_KEY not in json.dumps([call.to_json() for call in imported.calls])


def test_calls_are_spaced_from_the_run_start_by_response_times_and_ids_repeat_on_reimport() -> None:
    report = sample_report()
    calls = calls_from_newman_report(copy.deepcopy(report)).calls
    assert [round(call.timestamp - NOW, 3) for call in calls] == [0.0, 0.012, 0.042, 0.052]
    assert [call.id for call in calls] == sorted(call.id for call in calls)
    assert [c.id for c in calls] == [c.id for c in calls_from_newman_report(report).calls]


def test_executions_without_a_response_are_counted_as_skipped() -> None:
    report = sample_report()
    del report["run"]["executions"][1]["response"]
    imported = calls_from_newman_report(report)
    assert (len(imported.calls), imported.skipped) == (3, 1)


def test_a_spec_names_endpoints_and_categories_exactly(example_spec: Path) -> None:
    report = newman_report(
        [
            newman_execution("Hand-made", ["api", "profiles", "01GDD"], ["api", "profiles", "01GDD"], 200),
            newman_execution("Hand-made", ["api", "events"], ["api", "events"], 405, method="DELETE"),
        ]
    )
    index = OperationIndex(load_api(str(example_spec)))
    matched, not_allowed = calls_from_newman_report(report, index=index).calls
    assert (matched.operation, matched.category) == ("/api/profiles/{id}", "Profiles")
    # a method the path does not allow still counts under the path's category, as the sandbox files it
    assert (not_allowed.operation, not_allowed.category) == ("/api/events", "Events")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"run": {}}', r"not a newman JSON report \(no run.executions\)"),
    ],
)
def test_a_file_that_is_not_a_report_is_an_input_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "report.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as caught:
        read_newman_report(path)
    assert caught.value.source == str(path)


def test_credentials_a_run_sent_or_received_are_stored_truncated(tmp_path: Path, run_cli) -> None:
    """An `access_token` query, an `X-Auth-Token` header, a `client_secret` form field and a token in the
    response were stored and shown (`logs show --format json`) in full."""
    secret = "4f9c2b7e1a8d3f6c0b5e9a2d7c4f1b8e"
    body = json.dumps({"access_token": secret + "R"}).encode()
    execution = {
        "id": "e1",
        "item": {"id": "i1", "name": "token"},
        "request": {
            "method": "POST",
            "url": {
                "protocol": "https",
                "host": ["api", "example", "com"],
                "path": ["token"],
                "query": [{"key": "access_token", "value": secret + "Q"}],
            },
            "header": [{"key": "X-Auth-Token", "value": secret + "H"}],
            "body": {"mode": "urlencoded", "urlencoded": [{"key": "client_secret", "value": secret + "B"}]},
        },
        "response": {
            "code": 200,
            "responseTime": 5,
            "header": [],
            "stream": {"type": "Buffer", "data": list(body)},
        },
    }
    report = tmp_path / "report.json"
    report.write_text(
        json.dumps(
            {
                "collection": {"item": []},
                "run": {"timings": {"started": 1796611820076}, "executions": [execution]},
            }
        )
    )
    assert run_cli("logs", "import", report, "--data", tmp_path / "data").exit_code == 0
    found = json.loads(run_cli("logs", "search", "--data", tmp_path / "data", "--format", "json").output)
    [call] = found["calls"]
    shown = run_cli("logs", "show", call["id"], "--data", tmp_path / "data", "--format", "json").output
    assert "/token" in shown and "…b8eQ" in shown
    stored = (tmp_path / "data" / "logs.sqlite3").read_bytes()
    for suffix in "QHBR":
        assert secret + suffix not in shown
        assert (secret + suffix).encode() not in stored
