"""newman, the real Postman client, runs generated `--tests` collections against the sandbox over HTTP."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from postman_kit.openapi import load_api
from tests.support.sandbox import (
    FULL_KEY,
    NO_EVENTS_WRITE_KEY,
    generated_collection,
    run_newman,
    running_sandbox,
)
from tests.tools import EXAMPLE_SPEC, klaviyo_specs, newman_path, require_corpus

pytestmark = pytest.mark.newman


def executions(run: dict) -> list[dict[str, Any]]:
    """(request name, method, path, status, failed assertion messages) per request sent."""
    out = []
    for execution in run["executions"]:
        request = execution["request"]
        failed = [a["error"]["message"] for a in execution.get("assertions", []) if a.get("error")]
        out.append(
            {
                "name": execution["item"]["name"],
                "method": request["method"],
                "path": "/" + "/".join(request["url"]["path"]),
                "status": execution["response"]["code"],
                "passed": sum(1 for a in execution.get("assertions", []) if not a.get("error")),
                "failed": failed,
            }
        )
    return out


@pytest.fixture(scope="module")
def example_collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    newman_path()
    return generated_collection(str(EXAMPLE_SPEC), tmp_path_factory.mktemp("generated"))


def test_a_generated_collection_passes_its_contract_tests_against_the_sandbox(
    example_collection: Path, tmp_path: Path
) -> None:
    with running_sandbox(load_api(str(EXAMPLE_SPEC)), tmp_path / "data") as base_url:
        first = executions(run_newman(example_collection, base_url, FULL_KEY, tmp_path / "first.json"))
        again = executions(run_newman(example_collection, base_url, FULL_KEY, tmp_path / "again.json"))
    assert len(first) == 17
    assert [e for e in first if e["failed"]] == []
    assert all(e["passed"] >= 1 for e in first)
    assert (
        sum(e["passed"] for e in first) >= 40
    )  # status, Content-Type and schema on every request with a body
    # the second run creates a profile again, with an email and phone number of its own ({{$guid}}): no 409
    assert [e["name"] for e in again if e["failed"]] == []
    assert next(e for e in again if e["name"] == "Create Profile")["status"] == 201


def test_a_conflict_fails_with_an_assertion_that_says_why(example_collection: Path, tmp_path: Path) -> None:
    # a user pins Create Profile's email in Postman; the second run then creates the same profile again: 409,
    # and the assertion says why in Klaviyo's words
    data = json.loads(example_collection.read_text())
    create = next(
        item
        for folder in data["item"]
        for sub in folder["item"]
        for item in sub.get("item", [sub])
        if item["name"] == "Create Profile"
    )
    create["request"]["body"]["raw"] = re.sub(
        r'"email": "[^"]*"', '"email": "pinned@example.com"', create["request"]["body"]["raw"]
    )
    pinned = tmp_path / "pinned.postman_collection.json"
    pinned.write_text(json.dumps(data))
    with running_sandbox(load_api(str(EXAMPLE_SPEC)), tmp_path / "data") as base_url:
        executions(run_newman(pinned, base_url, FULL_KEY, tmp_path / "first.json"))
        again = executions(run_newman(pinned, base_url, FULL_KEY, tmp_path / "again.json"))
    conflict = next(e for e in again if e["name"] == "Create Profile")
    assert conflict["status"] == 409
    assert any("409 Conflict conflict: A profile with email" in m for m in conflict["failed"])
    assert [e["name"] for e in again if e["failed"]] == ["Create Profile"]


def test_a_wrong_key_fails_every_private_call_with_401_and_readable_assertions(
    example_collection: Path, tmp_path: Path
) -> None:
    with running_sandbox(load_api(str(EXAMPLE_SPEC)), tmp_path / "data") as base_url:
        run = executions(run_newman(example_collection, base_url, "pk_" + "9" * 34, tmp_path / "wrong.json"))
    private = [e for e in run if e["path"].startswith("/api/")]
    client = [e for e in run if e["path"].startswith("/client/")]
    assert private and {e["status"] for e in private} == {401}
    for execution in private:
        assert any(
            "401 Unauthorized not_authenticated: Missing or invalid private key." in m
            for m in execution["failed"]
        ), execution
        # the troubleshooting example's check: a 401 must carry not_authenticated, and it does
        assert not any("documented error" in m for m in execution["failed"])
    assert client and all(e["status"] == 202 and not e["failed"] for e in client)


def test_a_key_without_events_write_gets_403_on_create_event_naming_the_scope(
    example_collection: Path, tmp_path: Path
) -> None:
    with running_sandbox(load_api(str(EXAMPLE_SPEC)), tmp_path / "data") as base_url:
        run = executions(
            run_newman(example_collection, base_url, NO_EVENTS_WRITE_KEY, tmp_path / "scopes.json")
        )
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
def test_the_2026_07_15_profiles_events_lists_and_client_folders_pass_against_the_sandbox(
    tmp_path: Path,
) -> None:
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
