"""Requests: names, descriptions, URLs, query parameters, filters, headers, bodies and success examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from postman_kit.filters import check_filter, parse_filter, rules_from_description
from tests.support.generate import OK, build_json, headers, minimal_spec, query, requests_by_name

JSON_API = "application/vnd.api+json"


def one_request(
    tmp_path: Path, operation: dict[str, Any], path: str = "/api/things", method: str = "get", **top: Any
) -> dict[str, Any]:
    operation = {"responses": OK, **operation}
    (item,) = requests_by_name(
        build_json(tmp_path, minimal_spec({path: {method: operation}}, **top))
    ).values()
    return item


def body_of(item: dict[str, Any]) -> Any:
    return json.loads(item["request"]["body"]["raw"])


@pytest.fixture(scope="module")
def example_items(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    from postman_kit.generation import build_collection_from_spec
    from tests.tools import EXAMPLE_SPEC

    return requests_by_name(build_collection_from_spec(str(EXAMPLE_SPEC)).collection.to_json())


# -- names and descriptions -------------------------------------------------------------------------------------
def test_name_is_summary_then_operation_id_then_method_and_path(tmp_path: Path) -> None:
    paths = {
        "/a": {
            "get": {"summary": "  Get A  ", "operationId": "get_a", "responses": OK},
            "put": {"operationId": "put_a", "responses": OK},
            "delete": {"responses": OK},
        }
    }
    names = list(requests_by_name(build_json(tmp_path, minimal_spec(paths))))
    assert names == ["Get A", "put_a", "DELETE /a"]


def test_description_lists_scopes_rate_limits_and_filters(example_items: dict[str, Any]) -> None:
    description = example_items["Get Profiles"]["request"]["description"]
    assert description.startswith("Get all profiles in an account.")
    assert "**Scopes:** `profiles:read`" in description
    assert "**Rate limits:** Burst: `75/s`, Steady: `750/m`" in description
    assert "**Allowed filters:**\n- `id`: `any`, `equals`" in description
    assert "- `created`: `greater-than`, `less-than`" in description
    assert "Operation ID: `get_profiles`" in description
    assert "Pre-release" not in description


def test_pre_release_and_deprecated_operations_say_so(tmp_path: Path) -> None:
    item = one_request(
        tmp_path,
        {
            "summary": "Beta thing",
            "deprecated": True,
            "x-klaviyo-pre-release": "BETA",
            "x-klaviyo-scopes": ["things:read"],
            "tags": ["Things"],
        },
        components={
            "securitySchemes": {
                "Klaviyo-API-Key": {"type": "apiKey", "in": "header", "name": "Authorization"}
            }
        },
        security=[{"Klaviyo-API-Key": []}],
    )
    description = item["request"]["description"]
    assert description.startswith(
        "**Pre-release:** this operation is in beta and may change.\n\n**Deprecated.**"
    )


# -- URL ---------------------------------------------------------------------------------------------------------
def test_url_uses_base_url_variable_and_path_variables(example_items: dict[str, Any]) -> None:
    url = example_items["Get Profile"]["request"]["url"]
    assert url["raw"] == "{{baseUrl}}/api/profiles/:id"
    assert url["host"] == ["{{baseUrl}}"] and url["path"] == ["api", "profiles", ":id"]
    assert url["variable"] == [
        {"key": "id", "value": "01GDDKASAP8TKDDA2GRZDSVP4H", "description": "ID of the profile"}
    ]


def test_required_query_parameters_are_enabled_optional_ones_disabled(tmp_path: Path) -> None:
    item = one_request(
        tmp_path,
        {
            "parameters": [
                {
                    "name": "limit",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 5},
                },
                {"name": "cursor", "in": "query", "schema": {"type": "string"}, "example": "abc"},
                {"name": "when", "in": "query", "schema": {"type": "string", "format": "date-time"}},
                {"name": "flag", "in": "query", "schema": {"type": "boolean"}},
            ]
        },
    )
    params = query(item)
    assert params["limit"] == {"key": "limit", "value": "5"}
    assert params["cursor"] == {"key": "cursor", "value": "abc", "disabled": True}
    assert params["when"]["value"] == "2024-01-01T00:00:00Z" and params["when"]["disabled"]
    assert params["flag"]["value"] == "true"
    assert item["request"]["url"]["raw"] == "{{baseUrl}}/api/things?limit=5"  # disabled ones stay out of raw


def test_json_api_query_parameters_get_examples_from_their_enums(example_items: dict[str, Any]) -> None:
    params = query(example_items["Get Events"])
    assert params["fields[event]"]["value"] == "datetime"
    assert params["sort"]["value"] == "datetime"
    assert query(example_items["Get Profiles"])["page[size]"]["value"] == "20"  # the schema default


def test_include_parameter_example_from_enum(tmp_path: Path) -> None:
    item = one_request(
        tmp_path,
        {
            "parameters": [
                {
                    "name": "include",
                    "in": "query",
                    "explode": False,
                    "schema": {"type": "array", "items": {"type": "string", "enum": ["lists", "segments"]}},
                }
            ]
        },
    )
    assert query(item)["include"] == {"key": "include", "value": "lists", "disabled": True}


# -- filters -----------------------------------------------------------------------------------------------------
FILTER_DESCRIPTION = (
    "For more information please visit https://developers.klaviyo.com/en/v2023-10-15/reference/"
    "api-overview#filtering<br>Allowed field(s)/operator(s):<br>`id`: `any`, `equals`<br>"
    "`email` : `any`, `equals`<br>`created`: `greater-than`, `less-than`"
)


def test_filter_example_from_the_parameter_description(tmp_path: Path) -> None:
    item = one_request(
        tmp_path,
        {
            "parameters": [
                {
                    "name": "filter",
                    "in": "query",
                    "description": FILTER_DESCRIPTION,
                    "schema": {"type": "string"},
                }
            ]
        },
        components={
            "securitySchemes": {
                "Klaviyo-API-Key": {"type": "apiKey", "in": "header", "name": "Authorization"}
            }
        },
        security=[{"Klaviyo-API-Key": []}],
    )
    param = query(item)["filter"]
    assert param["disabled"] is True
    assert param["value"] == "greater-than(created,2024-01-01T00:00:00Z)"
    assert check_filter(parse_filter(param["value"]), rules_from_description(FILTER_DESCRIPTION)) == []


def test_filter_example_from_x_klaviyo_filters(tmp_path: Path) -> None:
    extension = {
        "status": {
            "operators": {"single": ["equals"]},
            "value": {"type": "string", "enum": ["draft", "sent"]},
        },
        "id": {"operators": {"list": ["any"]}, "value": {"type": "string"}},
    }
    item = one_request(
        tmp_path,
        {
            "x-klaviyo-filters": extension,
            "parameters": [
                {
                    "name": "filter",
                    "in": "query",
                    "description": "No list here.",
                    "schema": {"type": "string"},
                }
            ],
        },
    )
    assert query(item)["filter"]["value"] == "equals(status,'draft')"


def test_example_spec_filters_are_valid_for_their_operations(example_items: dict[str, Any]) -> None:
    from postman_kit.openapi import load_api
    from postman_kit.profiles import KLAVIYO
    from tests.tools import EXAMPLE_SPEC

    api = load_api(str(EXAMPLE_SPEC))
    checked = 0
    for op in api.operations:
        if op.parameter("filter", "query") is None:
            continue
        value = query(example_items[op.summary])["filter"]["value"]
        assert check_filter(parse_filter(value), KLAVIYO.allowed_filters(op)) == [], (op.summary, value)
        checked += 1
    assert checked == 3


# -- headers -----------------------------------------------------------------------------------------------------
def test_headers_accept_content_type_and_revision(example_items: dict[str, Any]) -> None:
    assert headers(example_items["Create List"]["request"]) == {
        "Accept": JSON_API,
        "revision": "{{revision}}",
        "Content-Type": JSON_API,
    }
    assert headers(example_items["Delete List"]["request"]) == {"revision": "{{revision}}"}


def test_spec_declared_authorization_and_content_type_headers_are_not_duplicated(tmp_path: Path) -> None:
    item = one_request(
        tmp_path,
        {
            "parameters": [
                {"name": "Authorization", "in": "header", "required": True, "schema": {"type": "string"}},
                {"name": "Content-Type", "in": "header", "schema": {"type": "string"}},
                {"name": "X-Trace", "in": "header", "schema": {"type": "string", "example": "t-1"}},
            ]
        },
    )
    assert item["request"]["header"] == [{"key": "X-Trace", "value": "t-1", "disabled": True}]


# -- bodies ------------------------------------------------------------------------------------------------------
def test_body_uses_the_specs_own_example(tmp_path: Path) -> None:
    item = one_request(
        tmp_path,
        {
            "requestBody": {
                "content": {
                    JSON_API: {
                        "schema": {"type": "object", "properties": {"a": {"type": "string"}}},
                        "example": {"data": {"type": "thing", "attributes": {"a": "from the spec"}}},
                    }
                }
            }
        },
        method="post",
    )
    assert body_of(item) == {"data": {"type": "thing", "attributes": {"a": "from the spec"}}}
    assert item["request"]["body"]["options"] == {"raw": {"language": "json"}}
    assert headers(item["request"])["Content-Type"] == JSON_API


def test_body_from_named_examples(tmp_path: Path) -> None:
    item = one_request(
        tmp_path,
        {
            "requestBody": {
                "content": {
                    "application/json": {
                        "examples": {"first": {"value": {"n": 1}}, "second": {"value": {"n": 2}}}
                    }
                }
            }
        },
        method="post",
    )
    assert body_of(item) == {"n": 1}


def test_body_synthesized_from_schema(tmp_path: Path) -> None:
    schemas = {
        "Base": {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"type": "string", "enum": ["a", "b"]}},
        },
        "Thing": {
            "allOf": [
                {"$ref": "#/components/schemas/Base"},
                {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "readOnly": True},
                        "created": {"type": "string", "format": "date-time", "readOnly": True},
                        "email": {"type": "string", "format": "email"},
                        "count": {"type": "integer", "minimum": 3},
                        "ratio": {"type": "number"},
                        "note": {"type": "string", "nullable": True},
                        "shape": {
                            "oneOf": [
                                {
                                    "type": "object",
                                    "properties": {"radius": {"type": "number", "example": 2}},
                                },
                                {"type": "string"},
                            ]
                        },
                        "tags": {"type": "array", "items": {"type": "string"}},
                        "code": {"type": "string", "minLength": 8},
                        "secret": {"type": "string", "writeOnly": True, "example": "s3cret"},
                    },
                },
            ]
        },
    }
    paths = {
        "/things": {
            "post": {
                "summary": "Create thing",
                "requestBody": {
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}
                },
                "responses": {
                    "201": {
                        "description": "Created",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            }
        }
    }
    item = requests_by_name(build_json(tmp_path, minimal_spec(paths, components={"schemas": schemas})))[
        "Create thing"
    ]
    # realistic values, never the word `string`: by format, by name, padded to minLength; an email that may
    # be unique is made so per request with a Postman dynamic variable
    assert body_of(item) == {
        "kind": "a",
        "email": "jane.doe+{{$guid}}@example.com",
        "count": 3,
        "ratio": 1,
        "note": "An example note.",
        "shape": {"radius": 2},
        "tags": ["example"],
        "code": "example0",
        "secret": "s3cret",
    }
    (created,) = [r for r in item["response"] if r["code"] == 201]
    response_body = json.loads(created["body"])
    assert response_body["id"] == "abc123" and response_body["created"] == "2024-01-01T00:00:00Z"
    assert "secret" not in response_body  # writeOnly stays out of responses


def test_a_malformed_schema_still_gives_a_body(tmp_path: Path) -> None:
    item = one_request(
        tmp_path,
        {
            "requestBody": {
                "content": {"application/json": {"schema": {"type": "object", "properties": "name"}}}
            }
        },
        method="post",
    )
    assert body_of(item) == {}


def test_recursive_schema_is_cut_off(example_items: dict[str, Any]) -> None:
    (ok,) = [r for r in example_items["Get Flow"]["response"] if r["code"] == 200]
    steps = json.loads(ok["body"])["data"]["attributes"]["steps"]
    assert steps == [{"name": "Send welcome email", "action": "send-email", "steps": []}]


def test_form_bodies_become_urlencoded_fields(tmp_path: Path) -> None:
    item = one_request(
        tmp_path,
        {
            "requestBody": {
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "required": ["To"],
                            "properties": {
                                "To": {"type": "string", "example": "+15005550006"},
                                "Body": {"type": "string"},
                            },
                        }
                    }
                }
            }
        },
        method="post",
    )
    body = item["request"]["body"]
    assert body["mode"] == "urlencoded"
    assert body["urlencoded"] == [
        {"key": "To", "value": "+15005550006"},
        {"key": "Body", "value": "Hello from the example."},
    ]
    assert headers(item["request"]).get("Content-Type") is None  # Postman sets it for urlencoded bodies


# -- success examples ----------------------------------------------------------------------------------------------
def test_one_success_example_per_documented_2xx(tmp_path: Path) -> None:
    responses = {
        "200": {"description": "Found", "content": {"application/json": {"example": {"ok": True}}}},
        "202": {"description": "Accepted"},
        "400": {"description": "Bad", "content": {"application/json": {"example": {"error": "bad"}}}},
        "default": {"description": "Other"},
    }
    item = one_request(tmp_path, {"summary": "Do", "responses": responses})
    success = [r for r in item["response"] if 200 <= r["code"] < 300]
    assert [(r["name"], r["code"], r["status"]) for r in success] == [
        ("Found", 200, "OK"),
        ("Accepted", 202, "Accepted"),
    ]
    found = success[0]
    assert json.loads(found["body"]) == {"ok": True}
    assert found["header"] == [{"key": "Content-Type", "value": "application/json"}]
    assert found["_postman_previewlanguage"] == "json"
    assert found["originalRequest"]["url"]["raw"] == item["request"]["url"]["raw"]
    assert "description" not in found["originalRequest"]
    assert success[1]["body"] == ""
    assert all(r["code"] != 400 or r["name"] != "Bad" for r in item["response"])


def test_response_bodies_can_be_left_out_keeping_every_example(tmp_path: Path) -> None:
    spec = minimal_spec(
        {
            "/api/things": {
                "get": {
                    "summary": "Do",
                    "responses": {
                        "200": {
                            "description": "Found",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "properties": {"id": {"type": "string"}}}
                                }
                            },
                        }
                    },
                }
            }
        }
    )
    full = requests_by_name(build_json(tmp_path, spec))["Do"]["response"]
    bare = requests_by_name(build_json(tmp_path, spec, response_bodies=False))["Do"]["response"]
    assert json.loads(full[0]["body"]) == {"id": "abc123"}
    assert [(r["id"], r["name"], r["code"], r["header"]) for r in bare] == [
        (r["id"], r["name"], r["code"], r["header"]) for r in full
    ]
    assert bare[0]["body"] == "" and "_postman_previewlanguage" not in bare[0]


def test_example_response_ids_are_distinct(example_items: dict[str, Any]) -> None:
    ids = [r["id"] for item in example_items.values() for r in item["response"]]
    assert len(ids) == len(set(ids))


def test_a_spec_example_of_placeholder_words_is_mended(tmp_path: Path) -> None:
    """Plaid's request examples hold `"string"` for every string (a mock tool's output): an optional field so
    given is left out, a required one and list entries get values; a word an enum holds, or a property naming a
    type, keeps it."""
    schemas = {
        "AccessToken": {"type": "string"},
        "AccountsGetRequest": {
            "type": "object",
            "required": ["access_token", "field"],
            "properties": {
                "client_id": {"type": "string"},
                "access_token": {"$ref": "#/components/schemas/AccessToken"},
                "options": {
                    "type": "object",
                    "properties": {"account_ids": {"type": "array", "items": {"type": "string"}}},
                },
                "field": {
                    "type": "object",
                    "properties": {
                        "data_type": {"type": "string"},
                        "kind": {"type": "string", "enum": ["string", "number"]},
                    },
                },
            },
        },
    }
    example = {
        "client_id": "string",
        "access_token": "string",
        "options": {"account_ids": ["string"]},
        "field": {"data_type": "string", "kind": "string"},
    }
    media = {
        "schema": {"$ref": "#/components/schemas/AccountsGetRequest"},
        "examples": {"one": {"value": example}},
    }
    paths = {
        "/accounts/get": {
            "post": {
                "summary": "Retrieve accounts",
                "requestBody": {"content": {"application/json": media}},
                "responses": OK,
            }
        }
    }
    doc = minimal_spec(paths, components={"schemas": schemas})
    body = json.loads(
        requests_by_name(build_json(tmp_path, doc))["Retrieve accounts"]["request"]["body"]["raw"]
    )
    assert "client_id" not in body
    assert body["access_token"] not in ("string", "") and body["options"]["account_ids"][0] != "string"
    assert body["field"] == {"data_type": "string", "kind": "string"}


def test_a_path_template_variable_no_path_parameter_declares_gets_a_value(tmp_path: Path) -> None:
    """Intercom's `/export/reporting_data/{job_identifier}` declares `job_identifier` `in: query`; the path
    still needs a value (an empty segment is another URL), the same-named parameter's; a name no parameter
    declares at all gets one as its name suggests."""
    job = {"name": "job_identifier", "in": "query", "required": True, "schema": {"type": "string"}}
    job["example"] = "job1"
    item = one_request(tmp_path, {"parameters": [job]}, path="/export/{job_identifier}/parts/v{version}")
    url = item["request"]["url"]
    assert url["variable"] == [{"key": "job_identifier", "value": "job1"}]
    assert url["path"][:2] == ["export", ":job_identifier"] and url["path"][3] not in ("", "v")
    assert [q["key"] for q in url["query"]] == ["job_identifier"]


def test_a_body_of_any_media_type_goes_out_as_its_example_with_a_real_content_type(tmp_path: Path) -> None:
    """Apideck's proxy takes `*/*`, an object (with its example) or text: the request sends the example as
    JSON, typed `application/json`; no request can be of type `*/*`."""
    company = {"type": "object", "properties": {}, "example": {"name": "Bluth Company"}}
    schema = {"anyOf": [company, {"type": "string"}]}
    body = {"required": False, "content": {"*/*": {"schema": schema}}}
    item = one_request(tmp_path, {"requestBody": body}, method="patch")
    assert body_of(item) == {"name": "Bluth Company"}
    assert headers(item["request"])["Content-Type"] == "application/json"
    text = {"content": {"*/*": {"schema": {"type": "string", "example": "hello"}}}}
    item = one_request(tmp_path, {"requestBody": text}, method="post")
    assert (
        item["request"]["body"]["raw"] == "hello" and headers(item["request"])["Content-Type"] == "text/plain"
    )


def test_express_style_path_segments_are_path_parameters(tmp_path: Path, run_cli) -> None:
    """Hono and Express exports write `/todos/:id` for `/todos/{id}`; requests went out holding `:id` with no
    value, and a spec giving one path both ways (`{slug}` for GET, `:slug` for DELETE) made validate call the
    DELETE a 405. Both spellings are one path parameter, with a warning."""
    paths = {
        "/articles/{slug}": {
            "get": {"summary": "Get article", "responses": OK},
            "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}],
        },
        "/articles/:slug": {"delete": {"summary": "Delete article", "responses": OK}},
        "/todos/:id/progress": {
            "get": {
                "summary": "Todo progress",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": OK,
            }
        },
        "/a:b/x": {"get": {"summary": "Colon inside", "responses": OK}},
    }
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(minimal_spec(paths)))
    result = run_cli("generate", spec, "-o", tmp_path / "out")
    assert "path /articles/:slug: read as /articles/{slug}" in result.stderr
    collection = json.loads(next((tmp_path / "out").glob("*.postman_collection.json")).read_text())
    requests = requests_by_name(collection)
    url = requests["Delete article"]["request"]["url"]
    assert url["path"] == ["articles", ":slug"] and url["variable"][0]["value"]
    progress = requests["Todo progress"]["request"]["url"]["variable"]
    assert progress[0]["key"] == "id" and progress[0]["value"].isdigit()
    assert requests["Colon inside"]["request"]["url"]["path"] == [
        "a:b",
        "x",
    ]  # not a parameter: kept as written
    checked = run_cli("validate", next((tmp_path / "out").glob("*.postman_collection.json")), "--spec", spec)
    assert checked.exit_code == 0, checked.output


def test_requests_sharing_a_name_in_a_folder_are_told_apart(tmp_path: Path) -> None:
    """Plaid's `Get transaction data` for /transactions/get and /processor/transactions/get, and OpenAI's paths
    told apart by `?beta=true`: one name per request in a folder; a summary cut short stays in the description."""
    paths = {
        "/transactions/get": {"post": {"summary": "Get transaction data", "tags": ["t"], "responses": OK}},
        "/processor/transactions/get": {
            "post": {"summary": "Get transaction data", "tags": ["t"], "responses": OK}
        },
        "/responses": {"post": {"summary": "Create a response", "tags": ["t"], "responses": OK}},
        "/responses?beta=true": {"post": {"summary": "Create a response", "tags": ["t"], "responses": OK}},
        "/other": {"get": {"summary": "Get transaction data", "tags": ["u"], "responses": OK}},
        "/long": {
            "get": {
                "summary": "Lists things. Returns a page of things, newest first.\n" + "More. " * 20,
                "responses": OK,
            }
        },
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    assert {
        "Get transaction data (POST /transactions/get)",
        "Get transaction data (POST /processor/transactions/get)",
        "Create a response (POST /responses)",
        "Create a response (POST /responses?beta=true)",
        "Get transaction data",  # alone in its folder: as the spec names it
        "Lists things",
    } == set(requests)
    assert requests["Lists things"]["request"]["description"].startswith("Lists things. Returns a page")


def test_a_required_query_parameter_whose_default_is_empty_is_sent_with_a_value(tmp_path: Path) -> None:
    """Mattermost's `members_minus_group_members`: `group_ids` is required with `default: ""`, and went out as
    `?group_ids=`, which OpenAPI 3.0 refuses; an optional one keeps its empty default, switched off."""
    parameters = [
        {"name": "group_ids", "in": "query", "required": True, "schema": {"type": "string", "default": ""}},
        {"name": "note", "in": "query", "schema": {"type": "string", "default": ""}},
    ]
    doc = minimal_spec(
        {"/members": {"get": {"summary": "Members", "parameters": parameters, "responses": OK}}}
    )
    sent = {
        q["key"]: q for q in requests_by_name(build_json(tmp_path, doc))["Members"]["request"]["url"]["query"]
    }
    assert sent["group_ids"]["value"] != "" and not sent["group_ids"].get("disabled")
    assert sent["note"]["value"] == "" and sent["note"]["disabled"] is True
