"""The wire-conformance harness on a few small corpus specs: newman sends each generated request through the
recording proxy, and openapi-core finds them as the spec documents them."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from tests.support.generate import minimal_spec, write_spec
from tests.tools import ROOT, newman_path, require_corpus

pytestmark = [pytest.mark.newman, pytest.mark.corpus]
# with two that failed before stop 28: an AND of an API key, basic and OAuth 2 (the basic auth was dropped), and a
# body whose optional `oneOf` had no value valid under one branch only
SUBSET = (
    "readme-3.0/parameters-cookies",
    "readme-3.1/petstore-simple",
    "readme-3.1/petstore",
    "readme-3.0/security-multiple",
    "readme-3.0/schema-deprecated",
)


def load_harness():
    spec = importlib.util.spec_from_file_location(
        "wire_conformance", ROOT / "benchmarks" / "wire_conformance.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["wire_conformance"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_requests_conform_on_the_wire() -> None:
    corpus = require_corpus()
    newman_path()
    harness = load_harness()
    specs = [(name, path) for name, path in harness.corpus_specs(corpus) if name in SUBSET]
    assert len(specs) == len(SUBSET)
    outcomes = harness.run(specs, ("kit",), jobs=3)
    total = harness.totals(outcomes, "kit")
    assert total.requests >= 7
    assert total.conformant == total.requests, harness.report(outcomes, ("kit",), verbose=True)


def test_every_key_a_requirement_wants_together_reaches_the_wire(tmp_path) -> None:
    """Plaid's spec asks for three keys at once (client id, secret, version): openapi-core finds the request
    unauthenticated unless all three arrive."""
    newman_path()
    harness = load_harness()
    schemes = {
        "clientId": {"type": "apiKey", "in": "header", "name": "PLAID-CLIENT-ID"},
        "secret": {"type": "apiKey", "in": "header", "name": "PLAID-SECRET"},
        "region": {"type": "apiKey", "in": "query", "name": "region_key"},
    }
    body = {"type": "object", "required": ["count"], "properties": {"count": {"type": "integer"}}}
    operation = {
        "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
        "responses": {"200": {"description": "OK"}},
    }
    spec = minimal_spec(
        {"/accounts/get": {"post": operation}},
        security=[{"clientId": [], "secret": [], "region": []}],
        components={"securitySchemes": schemes},
    )
    assert_the_one_request_conforms(harness, write_spec(tmp_path, spec, "keys.json"))


def assert_the_one_request_conforms(harness, path) -> None:
    """Generate the spec at `path`, send its one request through newman, and have openapi-core accept it."""
    outcomes = harness.run([(path.stem, path)], ("kit",), jobs=1)
    total = harness.totals(outcomes, "kit")
    assert (total.conformant, total.requests) == (1, 1), harness.report(outcomes, ("kit",), verbose=True)


def test_a_documented_example_copied_from_a_response_is_sent_without_its_read_only_fields(tmp_path) -> None:
    """PagerDuty's and DigitalOcean's create examples hold fields their schemas mark readOnly (`id`, `self`, a
    `vpc` the server assigns): openapi-core refuses a request that sends one."""
    newman_path()
    harness = load_harness()
    entity = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "self": {"type": "string", "format": "uri", "readOnly": True},
            "type": {"type": "string"},
        },
    }
    team = {
        "type": "object",
        "required": ["id", "type"],
        "properties": {"id": {"type": "string"}, "type": {"type": "string"}},
    }
    ruleset = {
        "allOf": [
            {"$ref": "#/components/schemas/Entity"},
            {
                "type": "object",
                "required": ["name"],
                "properties": {"name": {"type": "string"}, "team": {"$ref": "#/components/schemas/Team"}},
            },
        ]
    }
    example = {
        "ruleset": {
            "id": "P5IYCNZ",
            "self": "https://api.example.test/rulesets/P5IYCNZ",
            "name": "MySQL Clusters",
            "team": {"id": "PWL7QXS", "type": "team_reference"},
        }
    }
    body = {"type": "object", "properties": {"ruleset": {"$ref": "#/components/schemas/Ruleset"}}}
    operation = {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": body, "example": example}},
        },
        "responses": {"201": {"description": "Created"}},
    }
    spec = minimal_spec(
        {"/rulesets": {"post": operation}},
        components={"schemas": {"Entity": entity, "Team": team, "Ruleset": ruleset}},
    )
    path = write_spec(tmp_path, spec, "rulesets.json")
    assert_the_one_request_conforms(harness, path)
    from postman_kit import generate

    collection = json.loads(generate(str(path), tmp_path / "out").files[0].read_text())
    sent = json.loads(collection["item"][0]["item"][0]["request"]["body"]["raw"])
    assert sent == {
        "ruleset": {"name": "MySQL Clusters", "team": {"id": "PWL7QXS", "type": "team_reference"}}
    }


def test_plus_signs_and_percent_signs_in_query_values_arrive_as_the_spec_gives_them(tmp_path) -> None:
    """A phone number (`+15005550006`), a date-time offset (`+00:00`) and `c++ 100%`: Postman sends `+` and `%`
    as typed and the server read a space and a broken escape, so each arrived as another value."""
    newman_path()
    harness = load_harness()
    parameters = [
        {"name": "q", "in": "query", "required": True, "schema": {"type": "string", "enum": ["c++ 100%"]}},
        {"name": "to", "in": "query", "required": True,
         "schema": {"type": "string", "pattern": "^\\+[1-9][0-9]{7,14}$", "example": "+15005550006"}},
        {"name": "since", "in": "query", "required": True,
         "schema": {"type": "string", "format": "date-time", "example": "2026-07-15T09:30:00+02:00"}},
    ]  # fmt: skip
    operation = {"parameters": parameters, "responses": {"200": {"description": "OK"}}}
    spec = minimal_spec({"/search": {"get": operation}})
    assert_the_one_request_conforms(harness, write_spec(tmp_path, spec, "plus.json"))
