"""A schema's `$ref` may point anywhere in the document, not only under `components`: a root extension
(`#/x-defs/Tag`) or a root `$defs`, as some vendors bundle their schemas. generate reads them; validate and the
sandbox judge values by them (a request too long for `Tag` is a finding), never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postman_kit.openapi import load_api
from postman_kit.schema_validation import SchemaChecker
from postman_kit.validate import validate_collection
from tests.support.generate import OK, build_json, minimal_spec, requests_by_name, write_spec

TAG = {"type": "string", "minLength": 3, "maxLength": 3, "example": "abc"}


@pytest.mark.parametrize("where", ["x-defs", "$defs"])
@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_ref_into_a_root_extension_is_judged_not_a_crash(tmp_path: Path, where: str, version: str) -> None:
    body = {"type": "object", "required": ["tag"], "properties": {"tag": {"$ref": f"#/{where}/Tag"}}}
    operation = {
        "summary": "Create thing",
        "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
        "responses": OK,
    }
    document = minimal_spec({"/things": {"post": operation}}, openapi=version, **{where: {"Tag": TAG}})
    collection = build_json(tmp_path, document)
    item = requests_by_name(collection)["Create thing"]
    assert json.loads(item["request"]["body"]["raw"]) == {"tag": "abc"}
    api = load_api(str(write_spec(tmp_path, document, "spec.json")))
    assert validate_collection(collection, "c.json", api=api).findings == []
    item["request"]["body"]["raw"] = json.dumps({"tag": "toolong"})
    findings = validate_collection(collection, "c.json", api=api).findings
    assert [f.rule for f in findings] == ["request/body-schema"] and "too long" in findings[0].message
    checker = SchemaChecker(api.document, api.openapi_version)
    assert checker.errors(body, {"tag": "ab"}) == ["/tag: 'ab' is too short"]


def test_a_form_body_is_judged_by_its_schema_as_the_server_reads_it(tmp_path: Path) -> None:
    """x-www-form-urlencoded bodies were never checked: a saved request sending a field NEW removed and an enum
    value it dropped was "fine", kept as an edit and passed by validate. Fields are read as Stripe nests them
    and typed as their properties are (a form holds only text)."""
    customer = {
        "type": "object",
        "additionalProperties": False,
        "required": ["email"],
        "properties": {
            "email": {"type": "string"},
            "tax_exempt": {"type": "string", "enum": ["none", "exempt"]},
            "balance": {"type": "integer"},
            "metadata": {"anyOf": [{"type": "object", "additionalProperties": {"type": "string"}}, {"type": "string", "enum": [""]}]},
            "expand": {"type": "array", "items": {"type": "string"}},
            "preferred_locales": {"type": "array", "items": {"type": "string"}},
        },
    }  # fmt: skip
    body = {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": customer}}}
    document = minimal_spec(
        {"/v1/customers": {"post": {"summary": "Create customer", "requestBody": body, "responses": OK}}}
    )
    collection = build_json(tmp_path, document)
    api = load_api(str(write_spec(tmp_path, document, "spec.json")))
    assert validate_collection(collection, "c.json", api=api).findings == []  # the kit's own request
    fields = [
        ("email", "jane+{{$guid}}@example.com"), ("balance", "-50"), ("metadata[order_id]", "6735"),
        ("expand[]", "sources"), ("preferred_locales", "en"), ("preferred_locales", "fr"),
    ]  # fmt: skip
    request = requests_by_name(collection)["Create customer"]["request"]
    request["body"]["urlencoded"] = [{"key": k, "value": v} for k, v in fields]
    assert validate_collection(collection, "c.json", api=api).findings == []  # all as the schema reads them
    request["body"]["urlencoded"] += [
        {"key": "tax_exempt", "value": "reverse"},
        {"key": "invoice_prefix", "value": "ACME"},
    ]
    found = [f.message for f in validate_collection(collection, "c.json", api=api).findings]
    assert any("'reverse' is not one of" in m for m in found)
    assert any("'invoice_prefix' was unexpected" in m for m in found)
    request["body"]["urlencoded"] = [
        {"key": "email", "value": "{{email}}"},
        {"key": "balance", "value": "{{n}}"},
    ]
    assert validate_collection(collection, "c.json", api=api).findings == []  # values left to run time
    request["body"]["urlencoded"][1]["value"] = "lots"  # the other fields are still judged
    [wrong] = validate_collection(collection, "c.json", api=api).findings
    assert "'lots' is not of type 'integer'" in wrong.message
    assert wrong.pointer.endswith("/request/body/urlencoded")  # where the form is, not a raw body it has not
