"""Values nested in alternatives that hold one another (`oneOf`/`anyOf` branches whose items are the same
alternatives again), as HubSpot's list filters are: seven branch kinds, each holding a list of branches. jsonschema
judged every branch of every level in full, so each level cost seven times the one below: `validate` of the kit's
own six-level body took 24 GB and minutes, and the sandbox could be made to do the same by one request. Each value
is now judged in time linear in its size, with a bound for schemas no order of checks makes cheap."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from postman_kit.openapi import load_api
from postman_kit.schema_validation import SchemaChecker
from tests.support.generate import OK, build_json, minimal_spec, requests_by_name, write_spec

KINDS = ["OR", "AND", "NOT_ALL", "NOT_ANY", "RESTRICTED", "UNIFIED_EVENTS", "ASSOCIATION"]
BRANCHES = {"oneOf": [{"$ref": f"#/components/schemas/{kind}Branch"} for kind in KINDS]}


def branch(kind: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["filterBranchType", "filterBranches", "filters"],
        "properties": {
            "filterBranchType": {"type": "string", "enum": [kind]},
            "filterBranches": {"type": "array", "items": BRANCHES},
            "filters": {"type": "array", "items": {"$ref": "#/components/schemas/PropertyFilter"}},
        },
    }


def hubspot_lists() -> dict[str, Any]:
    body = {"$ref": "#/components/schemas/ListFilterUpdateRequest"}
    operation = {
        "summary": "Update list filters",
        "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
        "responses": OK,
    }
    schemas = {f"{kind}Branch": branch(kind) for kind in KINDS}
    schemas["ListFilterUpdateRequest"] = {
        "type": "object",
        "required": ["filterBranch"],
        "properties": {"filterBranch": BRANCHES},
    }
    schemas["PropertyFilter"] = {
        "type": "object",
        "required": ["filterType", "property", "operation"],
        "properties": {
            "filterType": {"type": "string", "enum": ["PROPERTY"]},
            "property": {"type": "string"},
            "operation": {"oneOf": [{"$ref": "#/components/schemas/BoolOperation"}]},
        },
    }
    schemas["BoolOperation"] = {
        "type": "object",
        "required": ["operationType", "value"],
        "properties": {"operationType": {"type": "string", "enum": ["BOOL"]}, "value": {"type": "boolean"}},
    }
    return minimal_spec({"/lists/{listId}/filters": {"put": operation}}, components={"schemas": schemas})


def nested(levels: int, filter_type: Any) -> dict[str, Any]:
    node = {
        "filterBranchType": "OR",
        "filterBranches": [],
        "filters": [
            {
                "filterType": filter_type,
                "property": "x",
                "operation": {"operationType": "BOOL", "value": True},
            }
        ],
    }
    for _ in range(levels):
        node = {"filterBranchType": "AND", "filterBranches": [node], "filters": []}
    return {"filterBranch": node}


def nulls(value: Any) -> int:
    if isinstance(value, dict):
        return sum(nulls(v) for v in value.values())
    if isinstance(value, list):
        return sum(nulls(v) for v in value)
    return value is None


def test_the_generated_filter_ends_its_nesting_with_values_the_schema_takes(tmp_path: Path) -> None:
    """Past the kit's nesting limit, seven branch kinds down, the innermost branch was
    `{"filterBranchType": null, "filterBranches": null, "filters": null}`: required and not nullable."""
    collection = build_json(tmp_path, hubspot_lists())
    body = json.loads(requests_by_name(collection)["Update list filters"]["request"]["body"]["raw"])
    assert nulls(body) == 0
    api = load_api(str(write_spec(tmp_path, hubspot_lists(), "spec.json")))
    schema = api.document["paths"]["/lists/{listId}/filters"]["put"]["requestBody"]["content"][
        "application/json"
    ]
    assert SchemaChecker(api.document, api.openapi_version).errors(schema["schema"], body) == []


def test_a_deeply_nested_filter_is_judged_and_its_one_bad_value_named(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, hubspot_lists(), "spec.json")
    collection = build_json(tmp_path, hubspot_lists())
    item = requests_by_name(collection)["Update list filters"]
    outcomes = {}
    for name, filter_type in (("good", "PROPERTY"), ("bad", None)):
        item["request"]["body"]["raw"] = json.dumps(nested(30, filter_type))
        saved = tmp_path / f"{name}.json"
        saved.write_text(json.dumps(collection))
        outcomes[name] = subprocess.run(
            [sys.executable, "-m", "postman_kit.cli", "validate", str(saved), "--spec", str(spec)],
            capture_output=True,
            text=True,
            timeout=120,  # took minutes and gigabytes at 6 levels
            check=False,
        )
    assert outcomes["good"].returncode == 0, outcomes["good"].stdout
    assert outcomes["bad"].returncode == 1
    innermost = (
        "/filterBranch" + "/filterBranches/0" * 30 + "/filters/0/filterType: None is not of type 'string'"
    )
    assert innermost in outcomes["bad"].stdout.replace("\n", "")


def test_alternatives_no_order_makes_cheap_leave_the_value_unjudged_not_the_process_stuck(
    tmp_path: Path,
) -> None:
    """Each alternative holds the next level before the keyword that tells it apart, so every wrong branch judges
    the whole level below before failing: exponential in any order of checks. Judging stops at a bound and the
    value is left unjudged, as for a schema with no rule to judge by."""
    alternatives = {"anyOf": [{"$ref": f"#/components/schemas/K{n}"} for n in range(7)]}
    schemas = {
        f"K{n}": {
            "type": "object",
            "properties": {"kids": {"type": "array", "items": alternatives}, "kind": {"enum": [n]}},
            "required": ["kind"],
        }
        for n in range(7)
    }
    api = load_api(str(write_spec(tmp_path, minimal_spec(components={"schemas": schemas}), "spec.json")))
    value: dict[str, Any] = {"kind": 6}
    for _ in range(12):
        value = {"kids": [value], "kind": 6}
    checker = SchemaChecker(api.document, api.openapi_version)
    found: list[list[str]] = []
    judging = threading.Thread(target=lambda: found.append(checker.errors(alternatives, value)), daemon=True)
    judging.start()
    judging.join(timeout=120)  # 7^12 branch checks, unbounded, never finished
    assert found == [[]]
    assert checker.errors(alternatives, {"kids": [], "kind": 9}) != []  # a shallow value is still judged


def test_a_body_example_that_fits_one_branch_is_sent_as_the_spec_wrote_it(tmp_path: Path) -> None:
    """Lob's check: `oneOf` of words (`message` required) or an image (`check_bottom` required), both over the
    same properties. The example gives `check_bottom`; the first branch's `message` was added to it, and the body
    fit both branches, which `oneOf` refuses. Whichever order the branches come in, the example is sent as is."""
    props = {
        "type": "object",
        "required": ["amount"],
        "properties": {
            "amount": {"type": "number"},
            "message": {"type": "string"},
            "check_bottom": {"type": "string"},
        },
    }
    words = {"allOf": [{"required": ["message"]}, {"$ref": "#/components/schemas/Props"}]}
    image = {"allOf": [{"required": ["check_bottom"]}, {"$ref": "#/components/schemas/Props"}]}
    example = {"amount": 22.5, "check_bottom": "tmpl_23668b406d5afef"}
    for branches in ([words, image], [image, words]):
        body = {
            "required": True,
            "content": {"application/json": {"schema": {"oneOf": branches}, "example": example}},
        }
        doc = minimal_spec(
            {"/checks": {"post": {"summary": "Create", "requestBody": body, "responses": OK}}},
            components={"schemas": {"Props": props}},
        )
        request = requests_by_name(build_json(tmp_path, doc))["Create"]["request"]
        assert json.loads(request["body"]["raw"]) == example


def test_a_read_only_property_beside_its_ref_is_left_out_of_the_spec_s_own_example(tmp_path: Path) -> None:
    """PayPal's invoice: `status: {$ref: Status, readOnly: true}`. A body the kit made left `status` out, but the
    spec's own example was sent with it, which the API refuses."""
    invoice = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "status": {"$ref": "#/components/schemas/Status", "readOnly": True},
            "note": {"type": "string"},
        },
    }
    content = {
        "schema": {"$ref": "#/components/schemas/Invoice"},
        "example": {"id": "INV-1", "status": "DRAFT", "note": "hi"},
    }
    doc = minimal_spec(
        {
            "/invoices": {
                "post": {
                    "summary": "Create",
                    "requestBody": {"content": {"application/json": content}},
                    "responses": OK,
                }
            }
        },
        components={"schemas": {"Invoice": invoice, "Status": {"type": "string", "enum": ["DRAFT", "SENT"]}}},
    )
    request = requests_by_name(build_json(tmp_path, doc))["Create"]["request"]
    assert json.loads(request["body"]["raw"]) == {"note": "hi"}


def test_an_all_of_part_whose_other_properties_have_a_schema_keeps_out_what_does_not_fit(
    tmp_path: Path,
) -> None:
    """OpenSearch's geo queries: `allOf: [QueryBase, {properties: {ignore_unmapped}, additionalProperties: Field}]`
    makes QueryBase's optional `boost` and `_name` fields of the Field kind (objects); they were sent as a number
    and a text, a body the API refuses."""
    base = {"type": "object", "properties": {"boost": {"type": "number"}, "_name": {"type": "string"}}}
    field = {"type": "object", "properties": {"shape": {"type": "object"}}}
    query = {
        "allOf": [
            {"$ref": "#/components/schemas/QueryBase"},
            {
                "type": "object",
                "properties": {"ignore_unmapped": {"type": "boolean"}},
                "additionalProperties": {"$ref": "#/components/schemas/Field"},
            },
        ]
    }
    body = {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Geo"}}},
    }
    doc = minimal_spec(
        {"/search": {"post": {"summary": "Search", "requestBody": body, "responses": OK}}},
        components={"schemas": {"QueryBase": base, "Field": field, "Geo": query}},
    )
    sent = json.loads(requests_by_name(build_json(tmp_path, doc))["Search"]["request"]["body"]["raw"])
    assert "boost" not in sent and "_name" not in sent
