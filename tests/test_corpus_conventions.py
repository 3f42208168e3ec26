"""Other vendors' specs (../shared/corpus) get their own conventions, not Klaviyo's: their documented errors as
examples, auth from their own security schemes. Skipped when ../shared is absent."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from postman_kit import generate, ids
from postman_kit.generation.build import BuildOptions
from postman_kit.generation.contracts import SCHEMAS_VARIABLE
from postman_kit.generation.error_examples import error_status, needs_credentials
from postman_kit.openapi import Api
from tests.support.generate import auth_attributes, request_items
from tests.tools import CORPUS, require_corpus

pytestmark = pytest.mark.corpus

REAL_WORLD = CORPUS / "real-world"
SPECS = {
    "spotify": REAL_WORLD / "spotify.yml",
    "stripe": REAL_WORLD / "stripe-spec3-2022-04-12.json",
    "openai": REAL_WORLD / "openai.yaml",
    "box": REAL_WORLD / "box.json",
    "train-travel": REAL_WORLD / "train-travel" / "openapi.yaml",
    "twilio": CORPUS / "twilio" / "twilio_api_v2010.json",
}
# What only Klaviyo's conventions write: its troubleshooting texts, its key scheme and variable.
KLAVIYO_TEXT = (
    "Missing or invalid private key",
    "not_authenticated",
    "permission_denied",
    "Klaviyo-API-Key",
    "{{privateKey}}",
    "Your API key is missing required scopes",
)


@functools.cache
def built(name: str, out: Path, tests: bool = False) -> tuple[Api, dict[str, Any], dict[str, Any], str]:
    """The spec's API model, the collection and environment generate wrote, and the collection's text."""
    result = generate(str(SPECS[name]), out / (name + ("-tests" if tests else "")), BuildOptions(tests=tests))
    text = result.files[0].read_text()
    return result.build.api, json.loads(text), json.loads(result.files[1].read_text()), text


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_corpus()
    return tmp_path_factory.mktemp("conventions")


def by_operation(api: Api, collection: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    """Each operation with its request item, paired through the item id (derived from method and path)."""
    items = {item["id"]: item for item in request_items(collection)}
    return [(op, items[ids.operation_id(api.title, op.method, op.path)]) for op in api.operations]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_documented_error_is_an_example_and_secured_requests_have_a_401(
    name: str, out_dir: Path
) -> None:
    api, collection, _, text = built(name, out_dir)
    missing: list[str] = []
    for op, item in by_operation(api, collection):
        saved = [example["code"] for example in item["response"]]
        expected = [code for code in map(error_status, (r.status for r in op.responses)) if code is not None]
        if needs_credentials(op):
            expected.append(401)
        missing += [f"{op.method} {op.path}: {code}" for code in expected if code not in saved]
    assert missing == []
    for word in KLAVIYO_TEXT:
        assert word not in text, word


@pytest.mark.parametrize("name", sorted(SPECS))
def test_auth_variables_are_in_the_environment_and_secrets_are_marked(name: str, out_dir: Path) -> None:
    _, collection, environment, _ = built(name, out_dir)
    auths = [collection.get("auth")] + [item["request"].get("auth") for item in request_items(collection)]
    used = {
        var
        for auth in auths
        if auth
        for value in auth_attributes(auth).values()
        for var in re.findall(r"\{\{(\w+)\}\}", str(value))
    }
    kinds = {value["key"]: value["type"] for value in environment["values"]}
    assert used and used <= kinds.keys()
    credentials = {var for var in used if not var.endswith("Username")}
    assert {kinds[var] for var in credentials} == {"secret"}


def test_spotify_documented_403_and_429_with_their_status_and_a_bearer_token(out_dir: Path) -> None:
    api, collection, _, _ = built("spotify", out_dir)
    assert "auth" not in collection  # Spotify declares security per operation, none globally
    for op, item in by_operation(api, collection):
        examples = {example["code"]: example for example in item["response"]}
        documented = {r.status for r in op.responses}
        for code in (401, 403, 429):
            if str(code) in documented:
                assert json.loads(examples[code]["body"])["error"]["status"] == code, (op, code)
        assert item["request"]["auth"] == {
            "type": "bearer",
            "bearer": [{"key": "token", "value": "{{oauth20AccessToken}}", "type": "string"}],
        }
    assert (
        sum(
            1
            for _, item in by_operation(api, collection)
            if any(e["name"].startswith("429 The app has exceeded its rate limits") for e in item["response"])
        )
        == 97
    )
    assert "https://accounts.spotify.com/api/token" in collection["info"]["description"]


def test_stripe_default_error_on_every_request_and_basic_auth(out_dir: Path) -> None:
    api, collection, _, _ = built("stripe", out_dir)
    for op, item in by_operation(api, collection):
        default = [e for e in item["response"] if e["name"] == "Error response (default)"]
        assert len(default) == 1 and default[0]["code"] == 500, op
        assert set(json.loads(default[0]["body"])) == {"error"}  # Stripe's `error` component
        unauthorized = next(e for e in item["response"] if e["code"] == 401)
        assert set(json.loads(unauthorized["body"])) == {"error"}  # the same schema, Stripe's own
        # what the error says, not the PaymentIntent, PaymentMethod, SetupIntent or Source it may carry
        error = json.loads(default[0]["body"])["error"]
        assert {"type", "message", "code", "doc_url"} <= error.keys(), op
        assert not {"payment_intent", "payment_method", "setup_intent", "source"} & error.keys(), op
    assert auth_attributes(collection["auth"]) == {
        "username": "{{basicAuthUsername}}",
        "password": "{{basicAuthPassword}}",
    }


def test_openai_admin_operations_send_the_admin_key(out_dir: Path) -> None:
    api, collection, environment, _ = built("openai", out_dir)
    assert auth_attributes(collection["auth"]) == {"token": "{{apiKeyAuth}}"}
    admin = 0
    for op, item in by_operation(api, collection):
        if op.security == [{"AdminApiKeyAuth": []}]:
            admin += 1
            assert auth_attributes(item["request"]["auth"]) == {"token": "{{adminApiKeyAuth}}"}
        else:
            assert "auth" not in item["request"]
    assert admin == 119
    assert [value["key"] for value in environment["values"]] == ["baseUrl", "apiKeyAuth", "adminApiKeyAuth"]


def test_openai_contract_schemas_are_valid_json_schema(out_dir: Path) -> None:
    # A component lists its required names twice; Ajv refuses such a schema before validating anything.
    _, collection, _, _ = built("openai", out_dir, tests=True)
    (variable,) = [v for v in collection["variable"] if v["key"] == SCHEMAS_VARIABLE]
    definitions = json.loads(variable["value"])
    jsonschema.Draft7Validator.check_schema({"definitions": definitions})
    required = definitions["ContainerResource"]["required"]
    assert len(required) == len(set(required)) == 5


def test_box_operations_without_security_send_no_token(out_dir: Path) -> None:
    api, collection, _, _ = built("box", out_dir)
    assert auth_attributes(collection["auth"]) == {"token": "{{oauth2SecurityAccessToken}}"}
    open_ops = [(op, item) for op, item in by_operation(api, collection) if op.security == []]
    assert len(open_ops) == 5
    for op, item in open_ops:
        assert item["request"]["auth"] == {"type": "noauth"}, op
        assert not any(e["name"] == "401 Unauthorized" for e in item["response"]), op  # no credentials asked


def test_train_travel_errors_are_the_spec_s_own_examples(out_dir: Path) -> None:
    api, collection, _, _ = built("train-travel", out_dir)
    for op, item in by_operation(api, collection):
        for response in op.responses:
            code = error_status(response.status)
            media = response.preferred
            if code is None or media is None or media.example is None:
                continue
            (example,) = [e for e in item["response"] if e["code"] == code]
            assert json.loads(example["body"]) == media.example
            assert example["header"] == [{"key": "Content-Type", "value": "application/problem+json"}]


def test_twilio_basic_auth_and_a_401_in_its_error_schema(out_dir: Path) -> None:
    api, collection, _, _ = built("twilio", out_dir)
    assert collection["auth"]["type"] == "basic"
    for _, item in by_operation(api, collection):
        unauthorized = next(e for e in item["response"] if e["code"] == 401)
        assert set(json.loads(unauthorized["body"])) == {"code", "message", "more_info", "status"}
        assert json.loads(unauthorized["body"])["status"] == 401
