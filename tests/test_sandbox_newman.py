"""newman, the real Postman client, runs generated `--tests` collections against the sandbox over HTTP."""

from __future__ import annotations

import contextlib
import json
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from postman_kit.calls import MemoryRecorder
from postman_kit.generate import generate
from postman_kit.generate.build import BuildOptions
from postman_kit.openapi import Api, load_api
from postman_kit.sandbox.app import create_app
from postman_kit.sandbox.keys import keys_from_data
from tests.tools import EXAMPLE_SPEC, klaviyo_specs, newman_path, require_corpus

FULL_KEY = "pk_" + "1" * 30 + "abcd"
NO_EVENTS_WRITE_KEY = "pk_" + "2" * 30 + "wxyz"
COMPANY_ID = "AbC123"
KEYS = {
    "keys": {
        FULL_KEY: {"name": "newman"},
        NO_EVENTS_WRITE_KEY: {"name": "readers", "scopes": [
            "profiles:write", "lists:write", "events:read", "flows:read", "metrics:read", "tags:read",
            "segments:read", "push-tokens:write", "conversations:read", "subscriptions:write", "catalogs:write"]},
    },
    "company_ids": [COMPANY_ID],
}


@contextlib.contextmanager
def running_sandbox(api: Api, data_dir: Path, rate_limits: bool = True,
                    recorder: Any = None) -> Iterator[str]:
    """The sandbox on a free 127.0.0.1 port in a background thread; yields its base URL."""
    app = create_app(api, keys=keys_from_data(KEYS, "keys"), data_dir=data_dir,
                     recorder=recorder or MemoryRecorder(), rate_limits=rate_limits)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the sandbox did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def generated_collection(spec: str, out_dir: Path) -> Path:
    result = generate(spec, str(out_dir), BuildOptions(tests=True))
    return next(Path(p) for p in result.files if str(p).endswith(".postman_collection.json"))


def run_newman(collection: Path, base_url: str, key: str, report: Path) -> dict:
    args = [newman_path(), "run", str(collection), "--env-var", f"baseUrl={base_url}", "--env-var",
            f"privateKey={key}", "--global-var", f"companyId={COMPANY_ID}", "--reporters", "json",
            "--reporter-json-export", str(report), "--timeout-request", "10000"]
    # newman exits 1 when an assertion fails; the JSON report says which, and the tests read that
    subprocess.run(args, check=False, capture_output=True, text=True, timeout=300)
    return json.loads(report.read_text())["run"]


def executions(run: dict) -> list[dict[str, Any]]:
    """(request name, method, path, status, failed assertion messages) per request sent."""
    out = []
    for execution in run["executions"]:
        request = execution["request"]
        failed = [a["error"]["message"] for a in execution.get("assertions", []) if a.get("error")]
        out.append({
            "name": execution["item"]["name"],
            "method": request["method"],
            "path": "/" + "/".join(request["url"]["path"]),
            "status": execution["response"]["code"],
            "passed": sum(1 for a in execution.get("assertions", []) if not a.get("error")),
            "failed": failed,
        })
    return out


@pytest.fixture(scope="module")
def example_collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    newman_path()
    return generated_collection(str(EXAMPLE_SPEC), tmp_path_factory.mktemp("generated"))


def test_a_generated_collection_passes_its_contract_tests_against_the_sandbox(
        example_collection: Path, tmp_path: Path) -> None:
    with running_sandbox(load_api(str(EXAMPLE_SPEC)), tmp_path / "data") as base_url:
        first = executions(run_newman(example_collection, base_url, FULL_KEY, tmp_path / "first.json"))
        again = executions(run_newman(example_collection, base_url, FULL_KEY, tmp_path / "again.json"))
    assert len(first) == 17
    assert [e for e in first if e["failed"]] == []
    assert all(e["passed"] >= 1 for e in first)
    assert sum(e["passed"] for e in first) >= 40  # status, Content-Type and schema on every request with a body
    # the second run creates the same profile again: 409, and the assertion says why in Klaviyo's words
    conflict = next(e for e in again if e["name"] == "Create Profile")
    assert conflict["status"] == 409
    assert any("409 Conflict conflict: A profile with email" in m for m in conflict["failed"])
    assert [e["name"] for e in again if e["failed"]] == ["Create Profile"]


def test_a_wrong_key_fails_every_private_call_with_401_and_readable_assertions(
        example_collection: Path, tmp_path: Path) -> None:
    with running_sandbox(load_api(str(EXAMPLE_SPEC)), tmp_path / "data") as base_url:
        run = executions(run_newman(example_collection, base_url, "pk_" + "9" * 34, tmp_path / "wrong.json"))
    private = [e for e in run if e["path"].startswith("/api/")]
    client = [e for e in run if e["path"].startswith("/client/")]
    assert private and {e["status"] for e in private} == {401}
    for execution in private:
        assert any("401 Unauthorized not_authenticated: Missing or invalid private key." in m
                   for m in execution["failed"]), execution
        # the troubleshooting example's check: a 401 must carry not_authenticated, and it does
        assert not any("documented error" in m for m in execution["failed"])
    assert client and all(e["status"] == 202 and not e["failed"] for e in client)


def test_a_key_without_events_write_gets_403_on_create_event_naming_the_scope(
        example_collection: Path, tmp_path: Path) -> None:
    with running_sandbox(load_api(str(EXAMPLE_SPEC)), tmp_path / "data") as base_url:
        run = executions(run_newman(example_collection, base_url, NO_EVENTS_WRITE_KEY, tmp_path / "scopes.json"))
    create_event = next(e for e in run if e["name"] == "Create Event")
    assert create_event["status"] == 403
    assert any("missing required scopes: events:write" in m for m in create_event["failed"])
    assert [e["name"] for e in run if e["status"] == 403] == ["Create Event"]


def only_folders(collection: Path, folders: tuple[str, ...]) -> Path:
    """The collection with only these top-level folders: newman then need not load all 345 requests."""
    data = json.loads(collection.read_text())
    data["item"] = [folder for folder in data["item"] if folder["name"] in folders]
    assert sorted(folder["name"] for folder in data["item"]) == sorted(folders)
    smaller = collection.with_name("folders." + collection.name)
    smaller.write_text(json.dumps(data))
    return smaller


@pytest.mark.corpus
def test_the_2026_07_15_profiles_events_lists_and_client_folders_pass_against_the_sandbox(tmp_path: Path) -> None:
    require_corpus()
    newman_path()
    spec = next(p for p in klaviyo_specs("stable") if p.name == "2026-07-15.json")
    folders = ("Profiles", "Events", "Lists", "Client")
    collection = only_folders(generated_collection(str(spec), tmp_path / "generated"), folders)
    with running_sandbox(load_api(str(spec)), tmp_path / "data") as base_url:
        run = executions(run_newman(collection, base_url, FULL_KEY, tmp_path / "corpus.json"))
    assert len(run) >= 70
    assert [(e["name"], e["status"], e["failed"][:1]) for e in run if e["failed"]] == []
    assert sum(e["passed"] for e in run) >= 150
