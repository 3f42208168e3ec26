"""schemas/: the JSON Schemas of what postman-kit writes, and our collection schema against the official one.

That both schemas accept every collection generated from the Klaviyo corpus is checked in
tests/test_validate_corpus.py, on the collections it builds anyway.
"""

from __future__ import annotations

import copy

import jsonschema
import pytest

from postman_kit.generation import build_collection_from_spec
from postman_kit.validate.schemas import SCHEMA_DIR, SCHEMA_FILES, load_schema
from tests.tools import official_validator

SPEC = "collections/example-api.openapi.yaml"


@pytest.fixture(scope="module")
def example_build():
    return build_collection_from_spec(SPEC)


def ours() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(load_schema("collection"))


def test_every_schema_is_valid_draft_07_with_an_id():
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(SCHEMA_FILES.values())
    for name in SCHEMA_FILES:
        schema = load_schema(name)
        jsonschema.Draft7Validator.check_schema(schema)
        assert schema["$id"].endswith(SCHEMA_FILES[name])


def test_generated_environment_and_globals_validate(example_build):
    jsonschema.validate(example_build.environment, load_schema("environment"))
    jsonschema.validate(example_build.globals, load_schema("globals"))
    key = next(v for v in example_build.environment["values"] if v["key"] == "privateKey")
    assert key["type"] == "secret"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {**example_build.environment, "_postman_variable_scope": "globals"}, load_schema("environment")
        )
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"values": [{"value": "no key"}]}, load_schema("globals"))


def test_error_document_schema():
    guide = {
        "errors": [
            {
                "id": "8a7f3c1e-0000-4000-8000-000000000000",
                "status": 405,
                "code": "method_not_allowed",
                "title": 'Method "DELETE" not allowed.',
                "detail": 'Method "DELETE" not allowed.',
                "source": {"pointer": "/data/"},
            }
        ]
    }
    jsonschema.validate(guide, load_schema("error-document"))
    for broken in (
        {"errors": []},
        {"error": {}},
        {"errors": [{**guide["errors"][0], "status": 200}]},
        {"errors": [{k: v for k, v in guide["errors"][0].items() if k != "code"}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, load_schema("error-document"))


def test_kit_config_schema():
    schema = load_schema("kit-config")
    jsonschema.validate(
        {
            "validate": {
                "select": ["auth", "request/filter-not-allowed"],
                "fail-on": "warning",
                "severity": {"lint": "error"},
            },
            "other-command": {"x": 1},
        },
        schema,
    )
    for broken in (
        {"validate": {"selct": ["auth"]}},
        {"validate": {"select": ["Auth Rules"]}},
        {"validate": {"fail-on": "fatal"}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


# -- our collection schema against the official v2.1.0 schema ------------------------------------------------


def _first_request(data: dict) -> dict:
    return data["item"][0]["item"][0]


def _edited(valid: dict, edits: dict) -> dict[str, dict]:
    out = {}
    for name, edit in edits.items():
        data = copy.deepcopy(valid)
        edit(data)
        out[name] = data
    return out


def broken_samples(valid: dict) -> dict[str, dict]:
    """Ways a collection goes wrong when edited by hand, each on a copy of a valid one."""
    first = _first_request
    return _edited(
        valid,
        {
            "no info": lambda d: d.pop("info"),
            "no item": lambda d: d.pop("item"),
            "info without schema": lambda d: d["info"].pop("schema"),
            "info name not a string": lambda d: d["info"].update(name=42),
            "node without request or item": lambda d: d["item"][0]["item"].append({"name": "empty"}),
            "top-level node with both request and item": lambda d: d["item"].append({**first(d), "item": []}),
            "header without value": lambda d: first(d)["request"]["header"].append({"key": "X"}),
            "unknown body mode": lambda d: first(d)["request"].update(body={"mode": "binary"}),
            "unknown auth type": lambda d: d.update(auth={"type": "magic"}),
            "variable without key or id": lambda d: d["variable"].append({"value": "x"}),
            "variable of unknown type": lambda d: d["variable"][0].update(type="secret"),
            "response code as text": lambda d: first(d)["response"][0].update(code="200"),
            "query not a list": lambda d: first(d)["request"]["url"].update(query={"a": "b"}),
            "event without listen": lambda d: d.update(event=[{"script": {"exec": []}}]),
            "request as a number": lambda d: first(d).update(request=5),
            "version without patch": lambda d: d["info"].update(version={"major": 1, "minor": 0}),
            "path segment of wrong type": lambda d: first(d)["request"]["url"].update(path=[1]),
            "urlencoded field without key": lambda d: first(d)["request"].update(
                body={"mode": "urlencoded", "urlencoded": [{"value": "x"}]}
            ),
        },
    )


def valid_variants(valid: dict) -> dict[str, dict]:
    """Shapes the format allows that postman-kit does not write itself."""
    first = _first_request
    return _edited(
        valid,
        {
            "request as a string": lambda d: first(d).update(request="https://example.com"),
            "url as a string": lambda d: first(d)["request"].update(url="https://example.com/a?b=c"),
            "header as a string": lambda d: first(d)["request"].update(header="Accept: */*"),
            "description object": lambda d: d["info"].update(
                description={"content": "x", "type": "text/plain"}
            ),
            "null auth and body": lambda d: (d.update(auth=None), first(d)["request"].update(body=None)),
            "string version": lambda d: d["info"].update(version="1.0.0"),
            "empty folder": lambda d: d["item"].append({"name": "Empty", "item": []}),
            "nested node with both request and item": lambda d: first(d).update(item=[]),
        },
    )


def test_both_schemas_accept_the_generated_example(example_build):
    data = example_build.collection.to_json()
    assert not list(ours().iter_errors(data))
    assert not list(official_validator().iter_errors(data))


def test_both_schemas_reject_the_same_broken_samples(example_build):
    valid = example_build.collection.to_json()
    valid["item"] = valid["item"][:1]  # one folder shows every shape and keeps the many checks quick
    official = official_validator()
    for name, data in broken_samples(valid).items():
        assert not ours().is_valid(data), f"ours accepts: {name}"
        assert not official.is_valid(data), f"official accepts: {name}"
    for name, data in valid_variants(valid).items():
        assert ours().is_valid(data), f"ours rejects: {name}"
        assert official.is_valid(data), f"official rejects: {name}"
