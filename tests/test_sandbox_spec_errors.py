"""The sandbox refuses in the spec's own error shape: Train Travel's clients read a Problem
(`application/problem+json`), Spotify's an `{"error": {"status", "message"}}`; Klaviyo's API answers JSON:API.
Each refusal is checked against the spec by openapi-core, a validator no one here wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from postman_kit.openapi import load_api
from postman_kit.sandbox.keys import keys_from_data
from postman_kit.sandbox.service import Incoming, Outcome, Sandbox
from tests.support.generate import minimal_spec, write_spec
from tests.tools import CORPUS, require_corpus

KEY = "pk_" + "5" * 34
BASE = "http://127.0.0.1"


def sandbox_for(spec: str) -> Sandbox:
    return Sandbox(
        load_api(spec), keys_from_data({"keys": {KEY: {"name": "ci"}}}, "keys"), None, rate_limits=False
    )


def served(
    sandbox: Sandbox, method: str, path: str, headers: dict[str, str] | None = None, **query: str
) -> Outcome:
    return sandbox.serve(Incoming(method, path, query, {k.lower(): v for k, v in (headers or {}).items()}))


def assert_documented(spec: str, method: str, path: str, query: dict[str, str], outcome: Outcome) -> None:
    """openapi-core finds the answer to be one the operation documents, body and media type."""
    document = yaml.safe_load(Path(spec).read_text())  # read as peers read it
    document["servers"] = [{"url": BASE}]
    request = MockRequest(BASE, method.lower(), path, args=query)
    response = MockResponse(
        json.dumps(outcome.document).encode(), status_code=outcome.status, content_type=outcome.media_type
    )
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    OpenAPI.from_dict(document, config=config).validate_response(request, response)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("method", "path", "headers", "query", "status", "says"),
    [
        ("GET", "/stations", {}, {}, 401, "send a sandbox key as the Bearer token"),
        (
            "GET",
            "/trips",
            {"Authorization": f"Bearer {KEY}"},
            {"origin": "x"},
            400,
            "`destination` is missing",
        ),
    ],
)
def test_train_travel_s_refusals_are_its_documented_problems(
    method: str, path: str, headers: dict[str, str], query: dict[str, str], status: int, says: str
) -> None:
    spec = str(require_corpus() / "real-world" / "train-travel" / "openapi.yaml")
    outcome = served(sandbox_for(spec), method, path, headers, **query)
    assert outcome.status == status, outcome.document
    assert outcome.media_type == "application/problem+json"
    problem: dict[str, Any] = outcome.document
    assert problem["status"] == status and says in problem["detail"] and problem["title"]
    assert "errors" not in problem  # not Klaviyo's JSON:API
    assert_documented(spec, method, path, query, outcome)


@pytest.mark.corpus
def test_spotify_s_refusal_is_its_error_object() -> None:
    spec = str(require_corpus() / "real-world" / "spotify.yml")
    outcome = served(sandbox_for(spec), "GET", "/me")
    assert outcome.status == 401 and outcome.media_type == "application/json"
    assert outcome.document == {
        "error": {
            "status": 401,
            "message": "Missing or invalid credentials: send a sandbox key as the Bearer token.",
        }
    }
    assert_documented(spec, "GET", "/me", {}, outcome)


@pytest.mark.corpus
def test_klaviyo_s_refusals_stay_json_api() -> None:
    spec = str(CORPUS / "klaviyo" / "stable" / "2026-07-15.json")
    require_corpus()
    outcome = served(sandbox_for(spec), "GET", "/api/profiles")
    assert outcome.status == 401 and outcome.media_type == "application/vnd.api+json"
    [error] = outcome.document["errors"]
    assert (error["code"], error["detail"]) == ("not_authenticated", "Missing or invalid private key.")


ERROR = {
    "type": "object",
    "required": ["code", "message", "request_id"],
    "properties": {
        "code": {"type": "string", "enum": ["unauthorized", "not_found", "invalid"]},
        "message": {"type": "string"},
        "request_id": {"type": "string", "example": "req_1"},
        "docs": {"type": "string", "format": "uri"},
    },
}


def test_an_error_shape_s_own_rules_hold_where_the_sandbox_s_words_would_break_them(tmp_path) -> None:
    """A `code` the schema confines to an enum is the refusal's own only where the enum has it, a required `request_id` stays, and an
    operation that documents no 404 answers in the shape the spec's other errors share."""
    responses = {
        "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}},
        "4XX": {"description": "Client error", "content": {"application/json": {"schema": ERROR}}},
    }
    spec = str(
        write_spec(
            tmp_path,
            minimal_spec(
                {
                    "/things/{id}": {
                        "get": {
                            "parameters": [
                                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
                            ],
                            "responses": responses,
                        }
                    }
                },
                security=[{"key": []}],
                components={"securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}}},
            ),
        )
    )
    sandbox = sandbox_for(spec)
    refused = served(sandbox, "GET", "/things/1")
    assert refused.status == 401 and refused.media_type == "application/json"
    assert refused.document["code"] == "unauthorized" and refused.document["request_id"] == "req_1"
    assert refused.document["message"] == "Missing or invalid private key."
    assert_documented(spec, "GET", "/things/1", {}, refused)
    bad = served(sandbox, "GET", "/things/one", {"X-Key": KEY})
    assert bad.status == 400 and bad.document["code"] == "invalid" and "id" in bad.document["message"]
    assert_documented(spec, "GET", "/things/one", {}, bad)
    nowhere = served(sandbox, "GET", "/elsewhere", {"X-Key": KEY})
    assert nowhere.status == 404 and nowhere.document["request_id"] == "req_1"
    assert nowhere.document["message"] == "No endpoint matches /elsewhere."


@pytest.mark.corpus
def test_the_guard_s_refusals_come_in_the_spec_s_shape_too(tmp_path) -> None:
    """A body over --max-body (413) and a Host the sandbox does not answer to (421) are refused before routing,
    by the guard: they were JSON:API whatever the spec documents."""
    from starlette.testclient import TestClient

    from postman_kit.sandbox.app import create_app

    spec = str(require_corpus() / "real-world" / "train-travel" / "openapi.yaml")
    keys = keys_from_data({"keys": {KEY: {"name": "ci"}}}, "keys")
    app = create_app(load_api(spec), keys=keys, data_dir=None, recorder=None, max_body=16)
    with TestClient(app, base_url=BASE) as client:
        large = client.post("/bookings", content=b'{"passenger_name": "a long enough name"}',
                            headers={"Content-Type": "application/json"})  # fmt: skip
        elsewhere = client.get("/stations", headers={"Host": "evil.test"})
    for answer, status in ((large, 413), (elsewhere, 421)):
        assert answer.status_code == status
        assert answer.headers["content-type"] == "application/problem+json"
        problem = answer.json()
        assert problem["status"] == status and problem["detail"] and "errors" not in problem
    assert large.json()["title"] == "Request Entity Too Large."
