"""End to end: a newman run of a generated collection against `postman-kit sandbox`, then `activity`,
`logs search` and the /_activity pages report exactly those calls, and so does the run's imported report.
Also the load promises: 2,000 calls from 20 clients all land; a killed server loses at most the call in flight."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from postman_kit.generation import generate
from postman_kit.generation.build import BuildOptions
from postman_kit.logstore import CallFilter, open_store
from postman_kit.logstore.journal import journal_path
from tests.support.logstore import (
    COMPANY_ID,
    FULL_KEY,
    READ_ONLY_KEY,
    hourly_totals_and_calls,
    running_sandbox,
    wait_until,
    write_keys_file,
)
from tests.tools import newman_path

pytestmark = pytest.mark.slow  # starts servers or subprocesses, one per case

SECRETS = (FULL_KEY, READ_ONLY_KEY)


def extra_request(
    name: str,
    method: str,
    path: list[str],
    *,
    variables: dict[str, str] | None = None,
    key: str | None = None,
    body: dict | None = None,
) -> dict[str, Any]:
    """A saved request that provokes one of Klaviyo's troubleshooting answers (401/403/404/405/409)."""
    headers = [
        {"key": "revision", "value": "{{revision}}"},
        {"key": "Accept", "value": "application/vnd.api+json"},
    ]
    request: dict[str, Any] = {
        "method": method,
        "header": headers,
        "url": {
            "host": ["{{baseUrl}}"],
            "path": path,
            "variable": [{"key": k, "value": v} for k, v in (variables or {}).items()],
        },
    }
    if key is not None:
        request["auth"] = {"type": "noauth"}
        headers.append({"key": "Authorization", "value": f"Klaviyo-API-Key {key}"})
    if body is not None:
        headers.append({"key": "Content-Type", "value": "application/vnd.api+json"})
        request["body"] = {"mode": "raw", "raw": json.dumps(body)}
    return {"name": name, "request": request}


def collection_with_troubleshooting_calls(folder: Path, spec: Path) -> Path:
    result = generate(str(spec), str(folder), BuildOptions())
    collection_path = next(p for p in result.files if p.name.endswith(".postman_collection.json"))
    collection = json.loads(collection_path.read_text())
    folders = {item["name"]: item for item in collection["item"]}
    duplicate = {"data": {"type": "profile", "attributes": {"email": "twice@example.com"}}}
    folders["Profiles"]["item"] += [
        extra_request("Missing profile", "GET", ["api", "profiles", ":id"], variables={"id": "NOPE404"}),
        extra_request(
            "Another missing profile", "GET", ["api", "profiles", ":id"], variables={"id": "GONE404"}
        ),
        extra_request("Unknown key", "GET", ["api", "profiles"], key="pk_" + "9" * 34),
        extra_request("First profile", "POST", ["api", "profiles"], body=duplicate),
        extra_request("Same profile again", "POST", ["api", "profiles"], body=duplicate),
    ]
    folders["Events"]["item"] += [
        extra_request("Events with a profiles-only key", "GET", ["api", "events"], key=READ_ONLY_KEY),
        extra_request("Delete every event", "DELETE", ["api", "events"]),
    ]
    collection_path.write_text(json.dumps(collection))
    return collection_path


def run_newman(collection: Path, base_url: str, report: Path) -> dict[str, Any]:
    folder = collection.parent
    environment = next(folder.glob("*.postman_environment.json"))
    globals_file = next(folder.glob("*.postman_globals.json"))
    completed = subprocess.run(
        [
            newman_path(),
            "run",
            str(collection),
            "-e",
            str(environment),
            "-g",
            str(globals_file),
            "--env-var",
            f"baseUrl={base_url}",
            "--env-var",
            f"privateKey={FULL_KEY}",
            "--global-var",
            f"companyId={COMPANY_ID}",
            "-r",
            "json",
            "--reporter-json-export",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert report.exists(), completed.stderr[-2000:]
    return json.loads(report.read_text())


def figures(activity: dict[str, Any]) -> dict[str, Any]:
    keep = ("total", "errors", "by_category", "by_status_group", "by_status", "by_method", "by_endpoint")
    return {name: activity[name] for name in keep}


def store_bytes(data: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(data.glob("logs.sqlite3*")))


@pytest.mark.newman
def test_a_newman_run_against_the_sandbox_is_reported_exactly(
    run_cli, tmp_path: Path, example_spec: Path
) -> None:
    newman_path()
    collection = collection_with_troubleshooting_calls(tmp_path / "collection", example_spec)
    data = tmp_path / "sandbox"
    report_path = tmp_path / "newman-report.json"
    with running_sandbox(example_spec, data, write_keys_file(tmp_path)) as (base_url, _process):
        report = run_newman(collection, base_url, report_path)
        sent = [
            (e["request"]["method"], "/" + "/".join(e["request"]["url"]["path"]), e["response"]["code"])
            for e in report["run"]["executions"]
        ]
        assert {401, 403, 404, 405, 409} <= {status for _, _, status in sent}
        with open_store(data / "logs.sqlite3") as store:
            assert wait_until(lambda: store.count() == len(sent))

        activity = json.loads(run_cli("activity", "--data", data, "--format", "json").stdout)
        assert activity["total"] == len(sent)
        assert activity["errors"] == sum(1 for _, _, status in sent if status >= 400)
        assert {b["key"]: b["calls"] for b in activity["by_status"]} == {
            str(code): sum(1 for _, _, status in sent if status == code) for code in {s for _, _, s in sent}
        }

        found = json.loads(
            run_cli(
                "logs", "search", "/api/profiles/{id}", "--status", "404", "--data", data, "--format", "json"
            ).stdout
        )
        expected_404s = sorted(
            path
            for method, path, status in sent
            if status == 404 and path.startswith("/api/profiles/") and path.count("/") == 3
        )
        assert expected_404s == ["/api/profiles/GONE404", "/api/profiles/NOPE404"]
        assert sorted(call["path"] for call in found["calls"]) == expected_404s
        assert found["total"] == 2

        outputs = [
            run_cli("activity", "--data", data).stdout,
            run_cli("logs", "search", "--data", data).stdout,
        ]
        outputs += [
            run_cli("logs", "show", call["id"], "--data", data).stdout
            for call in json.loads(
                run_cli("logs", "search", "--status", "4xx", "--data", data, "--format", "json").stdout
            )["calls"]
        ]
        pages = [
            httpx.get(f"{base_url}{url}", timeout=10).text
            for url in ("/_activity", "/_activity/logs", "/_activity/logs?status=4xx")
        ]
        pages += [
            httpx.get(f"{base_url}/_activity/logs/{call['id']}", timeout=10).text for call in found["calls"]
        ]
        assert f'id="total-calls">{len(sent)}<' in pages[0]
        for text in outputs + pages:
            assert not any(secret in text for secret in SECRETS)
        stored = store_bytes(data)
    assert stored and not any(secret.encode() in stored for secret in SECRETS)

    imported_data = tmp_path / "imported"
    # with the spec the import names endpoints and categories as the sandbox does (a 405 its path's)
    assert (
        run_cli("logs", "import", report_path, "--spec", example_spec, "--data", imported_data).exit_code == 0
    )
    imported = json.loads(run_cli("activity", "--data", imported_data, "--format", "json").stdout)
    assert figures(imported) == figures(activity)
    found_again = json.loads(
        run_cli(
            "logs",
            "search",
            "/api/profiles/{id}",
            "--status",
            "404",
            "--data",
            imported_data,
            "--format",
            "json",
        ).stdout
    )
    assert sorted(call["path"] for call in found_again["calls"]) == expected_404s
    assert not any(secret.encode() in store_bytes(imported_data) for secret in SECRETS)

    # imported into the sandbox's own store, each execution is matched to its call by X-Call-Id: counted once
    merged = run_cli("logs", "import", report_path, "--spec", example_spec, "--data", data)
    assert "imported 0 calls" in merged.stdout and f"merged {len(sent)} " in merged.stdout
    with open_store(data / "logs.sqlite3") as store:
        assert store.count() == len(sent)


def test_two_thousand_calls_from_twenty_clients_all_land(tmp_path: Path, example_spec: Path) -> None:
    data = tmp_path / "sandbox"
    headers = {"Authorization": f"Klaviyo-API-Key {FULL_KEY}", "revision": "2026-07-15"}
    failures: list[str] = []
    with running_sandbox(example_spec, data, write_keys_file(tmp_path)) as (base_url, _process):

        def client(worker: int) -> None:
            with httpx.Client(base_url=base_url, headers=headers, timeout=30) as http:
                for n in range(100):
                    status = http.get(f"/api/profiles/W{worker}N{n}").status_code
                    if status != 404:
                        failures.append(f"{worker}/{n}: {status}")

        threads = [threading.Thread(target=client, args=(worker,)) for worker in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        with open_store(data / "logs.sqlite3") as store:
            assert wait_until(lambda: store.count() == 2000)
            assert store.count(CallFilter(path="/api/profiles/{id}")) == 2000
            # the dashboard's hourly totals, kept call by call through group commits, count every one
            activity = store.activity()
            assert (activity.total, activity.errors) == (2000, 2000)
            kept, summed = hourly_totals_and_calls(store)
            assert kept == summed
    # stopped gracefully: the sandbox folded its journal into the store as it closed
    assert journal_path(data / "logs.sqlite3").stat().st_size == 0
    with open_store(data / "logs.sqlite3", create=False) as store:
        assert store.count() == 2000


def test_a_killed_sandbox_loses_at_most_the_call_in_flight(tmp_path: Path, example_spec: Path) -> None:
    data = tmp_path / "sandbox"
    headers = {"Authorization": f"Klaviyo-API-Key {FULL_KEY}", "revision": "2026-07-15"}
    sent = [f"/api/profiles/CALL{n:04d}" for n in range(202)]  # one path per call: the store's order shows
    answered = 0

    def stored_paths(store) -> list[str]:
        return sorted(call.path for call in store.search(limit=len(sent) + 1))

    with running_sandbox(example_spec, data, write_keys_file(tmp_path)) as (base_url, process):
        with (
            httpx.Client(base_url=base_url, headers=headers, timeout=10) as http,
            open_store(data / "logs.sqlite3", create=False) as store,
        ):
            while answered < 201:
                assert http.get(sent[answered]).status_code == 404
                answered += 1
            # A call is recorded as its response goes out, before the server reads another request: once the
            # client has made its next request, every earlier call is stored.
            assert stored_paths(store)[:200] == sent[:200]
            assert len(stored_paths(store)) <= 201
            # one more call goes out as the server dies
            killer = threading.Timer(0.0, os.kill, args=(process.pid, signal.SIGKILL))
            killer.start()
            try:
                http.get(sent[answered])
                answered += 1
            except httpx.HTTPError:
                pass
            killer.join()
        process.wait()
    with open_store(data / "logs.sqlite3", create=False) as store:
        kept = stored_paths(store)
        # every answered call but perhaps the last (killed between its answer and its journal line), perhaps
        # the call in flight, and nothing else
        assert kept == sent[: len(kept)] and answered - 1 <= len(kept) <= answered + 1, (answered, len(kept))
        totals, summed = hourly_totals_and_calls(store)
        assert totals == summed
