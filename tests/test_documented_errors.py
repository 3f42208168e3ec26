"""Error examples for any API: its own documented error responses, and a 401/403 in its own error schema.

Klaviyo's troubleshooting set (tests/test_troubleshooting.py) belongs to the Klaviyo profile only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from postman_kit.generation.contracts import SchemaBundle, documented_success
from postman_kit.openapi import Operation, Response
from tests.support.generate import OK, build_json, minimal_spec, requests_by_name

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["message", "status"],
            "properties": {"message": {"type": "string"}, "status": {"type": "integer"}},
        }
    },
}
ERROR_RESPONSE = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def spec(operations: dict[str, Any], security: list[Any] | None = None, **extra: Any) -> dict[str, Any]:
    components: dict[str, Any] = {"schemas": {"Error": ERROR}}
    if security is not None:
        components["securitySchemes"] = {
            "oauth": {
                "type": "oauth2",
                "flows": {
                    "clientCredentials": {
                        "tokenUrl": "https://auth.example.test/token",
                        "scopes": {"things:read": "read"},
                    }
                },
            }
        }
    top: dict[str, Any] = {"components": components, **extra}
    if security is not None:
        top["security"] = security
    return minimal_spec({"/things/{id}": operations}, **top)


def examples(collection: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in requests_by_name(collection)[name]["response"]}


def codes(collection: dict[str, Any], name: str) -> list[int]:
    return [e["code"] for e in requests_by_name(collection)[name]["response"]]


GET = {
    "summary": "Get thing",
    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
}


def test_every_documented_error_response_is_an_example_with_its_own_body(tmp_path: Path) -> None:
    responses = {
        **OK,
        "404": {
            "description": "No such thing. Check the id.",
            "content": {
                "application/json": {"example": {"error": {"message": "thing 7 not found", "status": 404}}}
            },
        },
        "429": {
            "description": "Slow down",
            "content": {
                "application/json": {
                    "examples": {"first": {"value": {"error": {"message": "too many", "status": 429}}}}
                }
            },
        },
        "5XX": {"description": "Server trouble", **ERROR_RESPONSE},
        "default": {"description": "Error response", **ERROR_RESPONSE},
    }
    collection = build_json(tmp_path, spec({"get": {**GET, "responses": responses}}))
    found = examples(collection, "Get thing")
    assert codes(collection, "Get thing") == [200, 404, 429, 500, 500]
    assert json.loads(found["404 No such thing"]["body"]) == {
        "error": {"message": "thing 7 not found", "status": 404}
    }
    assert json.loads(found["429 Slow down"]["body"])["error"]["message"] == "too many"  # from `examples`
    built = json.loads(found["5XX Server trouble"]["body"])
    jsonschema.validate(built, ERROR)  # built from the schema, with the example's own status in it
    assert built["error"]["status"] == 500
    assert found["Error response (default)"]["code"] == 500
    assert found["Error response (default)"]["header"] == [
        {"key": "Content-Type", "value": "application/json"}
    ]
    assert "not_authenticated" not in json.dumps(collection) and "private key" not in json.dumps(collection)


def test_a_secured_operation_gets_a_401_and_a_403_for_scopes_in_the_spec_s_error_schema(
    tmp_path: Path,
) -> None:
    operations = {
        "get": {
            **GET,
            "security": [{"oauth": ["things:read"]}],
            "responses": {**OK, "400": {"description": "Bad", **ERROR_RESPONSE}},
        },
        "delete": {**GET, "summary": "Delete thing", "responses": {"204": {"description": "Gone"}}},
    }
    collection = build_json(tmp_path, spec(operations, security=[{"oauth": []}]))
    assert codes(collection, "Get thing") == [200, 400, 401, 403]
    unauthorized = examples(collection, "Get thing")["401 Unauthorized"]
    body = json.loads(unauthorized["body"])
    jsonschema.validate(body, ERROR)
    assert body["error"]["status"] == 401
    assert codes(collection, "Delete thing") == [204, 401]  # no scopes named: no 403


def test_an_error_built_from_its_schema_leaves_out_the_resources_it_may_embed(tmp_path: Path) -> None:
    # Stripe's shape: an error that may carry the objects it concerns, each a schema of its own
    thing = {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}
    api_error = {
        "type": "object",
        "required": ["type"],
        "properties": {
            "type": {"type": "string", "enum": ["api_error", "card_error"]},
            "message": {"type": "string"},
            "details": {"type": "object", "properties": {"field": {"type": "string"}}},  # the error's own
            "thing": {"$ref": "#/components/schemas/Thing"},
            "source": {
                "anyOf": [{"$ref": "#/components/schemas/Thing"}, {"$ref": "#/components/schemas/Other"}]
            },
            "needed": {"$ref": "#/components/schemas/Other"},
        },
    }
    wrapped = {"type": "object", "properties": {"error": {"$ref": "#/components/schemas/ApiError"}}}
    responses = {
        **OK,
        "400": {"description": "Bad", "content": {"application/json": {"schema": wrapped}}},
        "404": {
            "description": "Gone",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
        },
    }
    document = minimal_spec(
        {"/things/{id}": {"get": {**GET, "responses": responses}}},
        components={
            "schemas": {
                "Thing": thing,
                "Other": thing,
                "ApiError": {**api_error, "required": ["type", "needed"]},
            }
        },
    )
    collection = build_json(tmp_path, document)
    found = examples(collection, "Get thing")
    body = json.loads(found["400 Bad"]["body"])
    assert set(body) == {"error"}  # the body's only property: kept, though optional and a $ref
    # its own fields and inline object stay, the required $ref too; the optional schemas it embeds go
    assert set(body["error"]) == {"type", "message", "details", "needed"}
    assert set(json.loads(found["404 Gone"]["body"])) == {"id", "name"}  # a schema as the body is the body


def test_a_401_documented_elsewhere_stands_in_for_operations_that_document_none(tmp_path: Path) -> None:
    unauthorized = {
        "description": "Bad or expired token",
        "content": {
            "application/json": {"example": {"error": {"message": "The access token expired", "status": 401}}}
        },
    }
    operations = {
        "get": {**GET, "responses": {**OK, "401": unauthorized}},
        "delete": {**GET, "summary": "Delete thing", "responses": {"204": {"description": "Gone"}}},
    }
    collection = build_json(tmp_path, spec(operations, security=[{"oauth": []}]))
    stand_in = examples(collection, "Delete thing")["401 Bad or expired token"]
    assert json.loads(stand_in["body"])["error"]["message"] == "The access token expired"
    assert codes(collection, "Get thing") == [200, 401]  # documented once, saved once


def test_no_401_without_security_or_where_auth_is_optional_or_off(tmp_path: Path) -> None:
    operations = {
        "get": {**GET, "security": [], "responses": OK},
        "put": {**GET, "summary": "Put thing", "security": [{}], "responses": OK},
    }
    assert codes(build_json(tmp_path, spec(operations, security=[{"oauth": []}])), "Get thing") == [200]
    assert codes(build_json(tmp_path, spec(operations, security=[{"oauth": []}])), "Put thing") == [200]
    plain = build_json(tmp_path, spec({"get": {**GET, "responses": OK}}))
    assert codes(plain, "Get thing") == [200]
    assert "auth" not in plain


def test_without_an_error_schema_the_401_has_no_invented_body(tmp_path: Path) -> None:
    collection = build_json(tmp_path, spec({"get": {**GET, "responses": OK}}, security=[{"oauth": []}]))
    unauthorized = examples(collection, "Get thing")["401 Unauthorized"]
    assert unauthorized["body"] == "" and unauthorized["header"] == []


def test_troubleshooting_selects_statuses_for_any_api(tmp_path: Path) -> None:
    responses = {
        **OK,
        "404": {"description": "Missing", **ERROR_RESPONSE},
        "429": {"description": "Slow down", **ERROR_RESPONSE},
    }
    doc = spec({"get": {**GET, "responses": responses}}, security=[{"oauth": []}])
    assert codes(build_json(tmp_path, doc, troubleshooting=(429,)), "Get thing") == [200, 429]
    assert codes(build_json(tmp_path, doc, troubleshooting=(401, 404)), "Get thing") == [200, 401, 404]
    assert codes(build_json(tmp_path, doc, troubleshooting=()), "Get thing") == [200]


def test_without_response_bodies_error_examples_keep_their_statuses_only(tmp_path: Path) -> None:
    doc = spec({"get": {**GET, "responses": {**OK, "404": {"description": "Missing", **ERROR_RESPONSE}}}})
    found = examples(build_json(tmp_path, doc, response_bodies=False), "Get thing")
    assert found["404 Missing"]["body"] == ""


def test_contracts_of_other_apis_check_no_troubleshooting_codes(tmp_path: Path) -> None:
    responses = {
        **OK,
        "404": {
            "description": "Missing",
            "content": {"application/json": {"example": {"errors": [{"code": "whatever_the_example_says"}]}}},
        },
    }
    collection = build_json(tmp_path, spec({"get": {**GET, "responses": responses}}), tests=True)
    script = "\n".join(requests_by_name(collection)["Get thing"]["event"][0]["script"]["exec"])
    contract = json.loads(script.split("const contract = ", 1)[1].split(";\n", 1)[0])
    assert contract["errors"] == {} and contract["success"] == ["200"]


def test_duplicate_required_names_make_a_schema_ajv_accepts() -> None:
    bundle = SchemaBundle(
        {
            "components": {
                "schemas": {
                    "Container": {
                        "type": "object",
                        "required": ["id", "name", "id", "name"],
                        "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
                    }
                }
            }
        }
    )
    converted = bundle.document_for({"$ref": "#/components/schemas/Container"})
    jsonschema.Draft7Validator.check_schema(converted)  # Ajv checks the same meta-schema before validating
    assert converted["definitions"]["Container"]["required"] == ["id", "name"]


def _operation(*statuses: str) -> Operation:
    return Operation(
        method="GET",
        path="/x",
        operation_id=None,
        summary="",
        description="",
        tags=[],
        parameters=[],
        request_body=None,
        responses=[Response(s) for s in statuses],
        security=[],
        deprecated=False,
        extensions={},
        path_methods=("GET",),
    )


def test_documented_success_statuses() -> None:
    assert documented_success(_operation("201", "default")) == ["201"]
    assert documented_success(_operation("302", "4XX")) == ["302"]  # a redirect is the documented outcome
    assert "204" in documented_success(_operation("2XX"))
    assert documented_success(_operation("default")) == ["200"]
