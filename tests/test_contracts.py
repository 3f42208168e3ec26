"""Contract tests in generated collections (`generate --tests`) and the schema conversion behind them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from postman_kit.generation.build import BuildOptions, build
from postman_kit.generation.contracts import SCHEMAS_VARIABLE, SchemaBundle
from postman_kit.openapi import load_api
from postman_kit.writer import dumps
from tests.tools import EXAMPLE_SPEC, official_validator


def example_build(tests: bool = True):
    return build(load_api(str(EXAMPLE_SPEC)), BuildOptions(tests=tests))


def contract_of(item) -> dict:
    lines = item.event[0]["script"]["exec"]
    line = next(line for line in lines if line.startswith("const contract = "))
    return json.loads(line[len("const contract = ") :].rstrip(";"))


def test_nullable_and_exclusive_bounds_become_draft_07() -> None:
    bundle = SchemaBundle({"components": {"schemas": {}}})
    converted = bundle.convert(
        {
            "type": "object",
            "properties": {
                "name": {"type": "string", "nullable": True, "example": "x"},
                "kind": {"type": "string", "enum": ["a"], "nullable": True},
                "size": {"type": "integer", "minimum": 0, "exclusiveMinimum": True, "format": "int64"},
            },
        }
    )
    validator = jsonschema.Draft7Validator(converted)
    assert validator.is_valid({"name": None, "kind": None, "size": 1})
    assert not validator.is_valid({"size": 0})
    assert converted["properties"]["size"] == {"type": "integer", "exclusiveMinimum": 0}
    assert "example" not in converted["properties"]["name"]


def test_overlapping_one_of_branches_accept_what_either_accepts() -> None:
    bundle = SchemaBundle({})
    converted = bundle.convert({"oneOf": [{"type": "object"}, {"type": "object", "required": ["a"]}]})
    assert jsonschema.Draft7Validator(converted).is_valid({"a": 1})


def test_circular_schemas_convert_to_a_finite_document_that_validates_nested_values() -> None:
    api = load_api(str(EXAMPLE_SPEC))
    bundle = SchemaBundle(api.document)
    document = bundle.document_for({"$ref": "#/components/schemas/FlowDocument"})
    assert set(document["definitions"]) == {"FlowDocument", "Step"}
    validator = jsonschema.Draft7Validator(document)
    flow = {
        "data": {
            "type": "flow",
            "id": "XyZ123",
            "attributes": {"steps": [{"name": "wait", "steps": [{"name": "send", "steps": None}]}]},
        }
    }
    assert validator.is_valid(flow)
    flow["data"]["attributes"]["steps"][0]["steps"][0]["action"] = "teleport"
    assert not validator.is_valid(flow)


def test_write_only_properties_are_not_required_in_responses() -> None:
    bundle = SchemaBundle({}, "response")
    converted = bundle.convert(
        {
            "type": "object",
            "required": ["password", "id"],
            "properties": {"password": {"type": "string", "writeOnly": True}, "id": {"type": "string"}},
        }
    )
    assert converted["required"] == ["id"]


def test_every_request_gets_one_test_script_and_the_schemas_are_embedded_once() -> None:
    collection = example_build().collection
    items = [item for _, item in collection.walk()]
    assert len(items) == 17
    assert all(len(item.event) == 1 and item.event[0]["listen"] == "test" for item in items)
    schemas = [v for v in collection.variables if v.key == SCHEMAS_VARIABLE]
    assert len(schemas) == 1
    definitions = json.loads(schemas[0].value)
    assert {"ProfileCollection", "ErrorDocument", "Step"} <= set(definitions)
    text = dumps(collection.to_json()).decode()
    assert (
        text.count('ProfileResource\\":{') == 1
    )  # the definition is in the variable only, never per request


def test_a_contract_names_success_statuses_schemas_media_types_and_troubleshooting_codes() -> None:
    collection = example_build().collection
    items = {item.name: item for _, item in collection.walk()}
    create = contract_of(items["Create Profile"])
    assert create["success"] == ["201"]
    assert create["responses"]["201"] == {
        "mediaType": "application/vnd.api+json",
        "schema": {"$ref": "#/definitions/ProfileDocument"},
    }
    assert create["responses"]["4XX"]["schema"] == {"$ref": "#/definitions/ErrorDocument"}
    assert create["errors"]["401"] == "not_authenticated" and create["errors"]["409"] == "conflict"
    assert {"ProfileDocument", "ProfileResource", "ErrorDocument"} <= set(create["definitions"])
    assert "Step" not in create["definitions"]
    event = contract_of(items["Create Event"])
    assert event["success"] == ["202"] and "202" not in event["responses"]
    assert event["errors"]["403"] == "permission_denied"


def test_without_tests_there_are_no_scripts_and_no_schema_variable() -> None:
    collection = example_build(tests=False).collection
    assert all(not item.event for _, item in collection.walk())
    assert all(v.key != SCHEMAS_VARIABLE for v in collection.variables)


def test_collections_with_tests_are_deterministic_and_valid_postman_collections() -> None:
    first = dumps(example_build().collection.to_json())
    second = dumps(example_build().collection.to_json())
    assert first == second
    errors = list(official_validator().iter_errors(json.loads(first)))
    assert errors == []


def test_generate_tests_flag_writes_the_scripts(run_cli, tmp_path: Path) -> None:
    result = run_cli("generate", EXAMPLE_SPEC, "--tests", "-o", tmp_path, "-q")
    assert result.exit_code == 0
    written = json.loads(next(tmp_path.glob("*.postman_collection.json")).read_text())
    assert written["item"][0]["item"][0]["event"][0]["script"]["exec"][0].startswith("// Contract tests")
