"""Slips in vendors' specs that peers read past: each was a refusal (exit 2, nothing written) of a whole API, and
is now a warning, the request the spec means still generated. Found in InfluxDB's, SuperTokens', Dropbox Sign's
and Manticore's published specs, which openapi2postmanv2 converts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

OK = {"200": {"description": "OK"}}


def generated(run_cli, folder: Path, spec: dict[str, Any] | str, name: str = "spec.yaml") -> tuple[dict, str]:
    """The collection generated from `spec` (a document, or YAML text as written), and the warnings shown."""
    path = folder / name
    path.write_text(spec if isinstance(spec, str) else yaml.safe_dump(spec, sort_keys=False))
    result = run_cli("generate", path, "-o", folder / "out")
    assert result.exit_code == 0, result.stderr
    [collection] = (folder / "out").glob("*.postman_collection.json")
    return json.loads(collection.read_text()), result.stderr


def requests(collection: dict[str, Any]) -> list[dict[str, Any]]:
    def walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [leaf for node in nodes for leaf in (walk(node["item"]) if "item" in node else [node])]

    return walk(collection["item"])


def test_keywords_in_a_form_the_kit_cannot_read_are_left_out_with_a_warning(run_cli, tmp_path: Path) -> None:
    """InfluxDB's `required: true` beside a `$ref` (OpenAPI 3.0: ignored), a draft-3 `required: true` on a
    property, and Manticore's `type: {}` each refused the whole spec."""
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Slips", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            "/dbrps": {
                "post": {
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DBRP"}}}
                    },
                    "responses": OK,
                }
            }
        },
        "components": {
            "schemas": {
                "Org": {"type": "object", "properties": {"id": {"type": "string", "example": "o1"}}},
                "DBRP": {
                    "type": "object",
                    "properties": {
                        "org": {"$ref": "#/components/schemas/Org", "required": True},
                        "bucket": {"type": "string", "required": True, "example": "b1"},
                        "anything": {"type": {}},
                    },
                },
            }
        },
    }
    collection, shown = generated(run_cli, tmp_path, spec)
    [request] = requests(collection)
    assert json.loads(request["request"]["body"]["raw"])["bucket"] == "b1"
    ignored = [line for line in shown.splitlines() if "is not in a form the kit reads" in line]
    assert len(ignored) == 3
    assert any("#/components/schemas/DBRP/properties/org/required" in line for line in ignored)


def test_a_ref_to_a_key_yaml_reads_as_a_number_is_followed(run_cli, tmp_path: Path) -> None:
    """SuperTokens writes `500:` unquoted under components/responses, which YAML reads as the integer 500:
    `$ref: '#/components/responses/500'` was dangling and the spec refused."""
    text = """openapi: 3.0.0
info: {title: Keys, version: "1"}
servers: [{url: https://api.example.com}]
paths:
  /devices:
    post:
      responses:
        '200': {description: ok}
        '500': {$ref: '#/components/responses/500'}
components:
  responses:
    500:
      description: Internal error
      content:
        application/json:
          schema: {type: object, properties: {message: {type: string, example: boom}}}
"""
    collection, _ = generated(run_cli, tmp_path, text)
    [request] = requests(collection)
    assert [e["code"] for e in request["response"]] == [200, 500]
    assert json.loads(request["response"][1]["body"]) == {"message": "boom"}


def test_an_example_value_given_as_a_ref_to_a_file_is_that_file_and_a_broken_one_a_warning(
    run_cli, tmp_path: Path
) -> None:
    """Dropbox Sign gives each example as `value: {$ref: examples/x.json}`: the body sent was the bundled
    pointer `{"$ref": "#/components/x-bundled/…"}`, and a file with a trailing comma (or missing) refused the
    spec; a description given as a `$ref` to a Markdown file did too."""
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "create.json").write_text('{"email_address": "newuser@example.com"}')
    (tmp_path / "examples" / "broken.json").write_text('{"error": {"msg": "bad",},}')
    (tmp_path / "intro.md").write_text("| a | b |\n|---|---|\n| 1 | 2 |\n")
    schema = {"type": "object", "properties": {"email_address": {"type": "string"}}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Files", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "tags": [{"name": "Accounts", "description": {"$ref": "intro.md"}}],
        "paths": {
            "/accounts": {
                "post": {
                    "tags": ["Accounts"],
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": schema,
                                "examples": {"default": {"value": {"$ref": "examples/create.json"}}},
                            }
                        }
                    },
                    "responses": {
                        "400": {
                            "description": "Bad",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object"},
                                    "examples": {"bad": {"value": {"$ref": "examples/broken.json"}}},
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"examples": {"Missing": {"value": {"$ref": "examples/missing.json"}}}},
    }
    collection, shown = generated(run_cli, tmp_path, spec)
    [request] = requests(collection)
    assert json.loads(request["request"]["body"]["raw"]) == {"email_address": "newuser@example.com"}
    assert "$ref" not in json.dumps(collection)
    assert "examples/broken.json" in shown and "examples/missing.json" in shown and "intro.md" in shown


def test_a_security_requirement_with_null_scopes_is_read_as_none_named(run_cli, tmp_path: Path) -> None:
    """Square's `security: [{oauth2: null}]` on one operation refused the whole spec (316 requests); the scheme is
    still required, with no scopes named, and the request still sends its token."""
    text = """
openapi: 3.0.0
info: {title: Square, version: "1"}
servers: [{url: "https://connect.squareup.com"}]
components:
  securitySchemes:
    oauth2:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://connect.squareup.com/oauth2/authorize
          tokenUrl: https://connect.squareup.com/oauth2/token
          scopes: {PAYMENTS_READ: read}
paths:
  /v2/payments:
    get:
      summary: List payments
      security:
      - oauth2: null
      responses: {"200": {description: OK}}
  /v2/locations:
    get:
      summary: List locations
      security:
      - oauth2: [PAYMENTS_READ]
      responses: {"200": {description: OK}}
"""
    collection, shown = generated(run_cli, tmp_path, text)
    assert "#/paths/~1v2~1payments/get/security/0/oauth2 is not in a form the kit reads" in shown
    assert "read as no scopes" in shown
    auth = {
        item["name"]: item["request"].get("auth", collection.get("auth")) for item in requests(collection)
    }
    assert auth["List payments"] == auth["List locations"] and auth["List payments"]["type"] == "bearer"


def test_a_parameter_object_kept_among_the_schemas_keeps_its_required(run_cli, tmp_path: Path) -> None:
    """Alchemy Notify keeps its Parameter Objects under components/schemas and `$ref`s them from operations: read
    there as a schema, `required: true` was left out, so the required `X-Alchemy-Token` header went disabled and
    no request sent it (openapi-core: missing required header; o2p sends it)."""
    token = {"name": "X-Alchemy-Token", "in": "header", "required": True, "schema": {"type": "string"},
             "example": "your-X-Alchemy-Token"}  # fmt: skip
    limit = {"name": "limit", "in": "query", "required": True, "schema": {"type": "integer"}, "example": 5}
    operation = {"summary": "Read variable", "responses": OK,
                 "parameters": [{"$ref": "#/components/schemas/X-Alchemy-Token"}, {"$ref": "#/components/schemas/limit"}]}  # fmt: skip
    spec = {"openapi": "3.1.0", "info": {"title": "Notify", "version": "1"},
            "servers": [{"url": "https://dashboard.alchemy.com/api"}], "paths": {"/variables": {"get": operation}},
            "components": {"schemas": {"X-Alchemy-Token": token, "limit": limit}}}  # fmt: skip
    collection, shown = generated(run_cli, tmp_path, spec)
    [request] = requests(collection)
    [header] = [h for h in request["request"]["header"] if h["key"] == "X-Alchemy-Token"]
    assert not header.get("disabled")
    [query] = request["request"]["url"]["query"]
    assert (query["key"], query["value"], query.get("disabled", False)) == ("limit", "5", False)
    assert shown.count("kept as the parameter's") == 2


def test_a_response_that_names_no_response_is_a_warning_not_a_refusal(run_cli, tmp_path: Path) -> None:
    """Miro points 131 error responses at `#/components/responses/…` it does not have: the kit refused the whole
    spec (o2p converts all 197 operations). The response is read as one with no body, with a warning."""
    ok = {"204": {"description": "Deleted"}, "429": {"$ref": "#/components/responses/429"}}
    spec = {"openapi": "3.0.1", "info": {"title": "Miro cut", "version": "2.0"},
            "servers": [{"url": "https://api.miro.example"}],
            "paths": {"/boards/{board_id}": {"delete": {"summary": "Delete board", "responses": ok,
                      "parameters": [{"name": "board_id", "in": "path", "required": True, "schema": {"type": "string"}}]}}}}  # fmt: skip
    collection, shown = generated(run_cli, tmp_path, spec)
    [request] = requests(collection)
    assert request["request"]["method"] == "DELETE"
    assert (
        "dangling $ref '#/components/responses/429'" in shown and "read as a response with no body" in shown
    )
    # a dangling ref where a request is built from it is still refused
    spec["paths"]["/boards/{board_id}"]["delete"]["requestBody"] = {
        "$ref": "#/components/requestBodies/Missing"
    }
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(spec))
    assert run_cli("generate", tmp_path / "bad.yaml", "-o", tmp_path / "bad").exit_code == 2
