"""Troubleshooting examples on generated requests: which statuses, what the bodies say, stable ids."""

from __future__ import annotations

import json

import jsonschema
import pytest

from postman_kit.collection import Request, Url
from postman_kit.generation import build_collection_from_spec
from postman_kit.generation.build import BuildOptions
from postman_kit.generation.error_examples import ERROR_KINDS, _example, error_document, parse_statuses
from postman_kit.validate.schemas import load_schema
from postman_kit.writer import json_text


def examples_by_item(options: BuildOptions | None = None) -> dict[str, dict]:
    build = build_collection_from_spec("collections/example-api.openapi.yaml", options)
    out = {}
    for trail, item in build.collection.walk():
        out["/".join(trail + (item.name,))] = {
            "method": item.request.method,
            "examples": [(r.code, r.name) for r in item.response],
            "responses": item.response,
        }
    return out


@pytest.fixture(scope="module")
def items() -> dict[str, dict]:
    return examples_by_item()


def codes(item: dict) -> list[int]:
    return [code for code, _ in item["examples"] if code >= 400]


def body(item: dict, name: str) -> dict:
    response = next(r for r in item["responses"] if r.name == name)
    return json.loads(response.body)["errors"][0]


def test_private_requests_get_401_and_403_naming_their_scopes(items):
    event = items["Events/Create Event"]
    assert codes(event)[:2] == [401, 403]
    assert body(event, "401 Unauthorized")["detail"] == "Missing or invalid private key."
    assert body(event, "403 Forbidden")["detail"] == "Your API key is missing required scopes: events:write"


def test_client_requests_get_no_key_examples(items):
    assert 401 not in codes(items["Client/Create Client Event"])
    assert 403 not in codes(items["Client/Create Client Event"])


def test_404_names_the_resource_type_and_the_example_id(items):
    error = body(items["Events/Get Event"], "404 Not Found")
    assert error["detail"] == "Event with id 4H7KLscuSr does not exist."
    assert error["code"] == "not_found"
    relationship = body(items["Profiles/Relationships/Get Lists for Profile"], "404 Not Found")
    assert relationship["detail"].startswith("Profile with id ")
    assert 404 not in codes(items["Events/Get Events"])


def test_405_sits_on_the_first_operation_of_a_path_with_the_unsupported_method(items):
    get_events = items["Events/Get Events"]
    assert [name for code, name in get_events["examples"] if code == 405] == [
        "405 Method Not Allowed (PATCH)",
        "405 Method Not Allowed (DELETE)",
    ]
    delete = next(r for r in get_events["responses"] if r.name == "405 Method Not Allowed (DELETE)")
    assert delete.original_request.method == "DELETE"
    assert delete.original_request.body is None
    assert body(get_events, "405 Method Not Allowed (DELETE)")["title"] == 'Method "DELETE" not allowed.'
    # the path's other operation does not repeat them
    assert 405 not in codes(items["Events/Create Event"])


def test_409_only_on_creates_and_points_to_the_update(items):
    assert 409 in codes(items["Lists/Create List"])
    detail = body(items["Lists/Create List"], "409 Conflict")["detail"]
    assert "already exists" in detail and "PATCH /api/lists/{id}" in detail
    assert 409 not in codes(items["Events/Create Event"])  # 202 Accepted: not a create
    assert 409 not in codes(items["Lists/Update List"])


def test_every_body_is_a_valid_error_document_whose_status_and_code_match(items):
    schema = load_schema("error-document")
    seen = 0
    for item in items.values():
        for response in item["responses"]:
            if response.code < 400:
                continue
            document = json.loads(response.body)
            jsonschema.validate(document, schema)
            error = document["errors"][0]
            assert error["status"] == response.code
            assert error["code"] == ERROR_KINDS[response.code].code
            assert error["source"] == {"pointer": "/data/"}
            assert response.content_type() == "application/vnd.api+json"
            seen += 1
    assert seen > 40


@pytest.mark.parametrize(
    "detail",
    [
        "Plain text.",
        'A "quoted" name, a back\\slash and a tab\t',
        "Ünïcode — ✓",
        "\x00id\x00 and \x00detail\x00 as text",
    ],
)
@pytest.mark.parametrize(
    ("status", "method"), [(401, None), (403, None), (404, None), (405, "PUT"), (409, None)]
)
def test_example_body_is_the_error_document_as_json_text(status, method, detail):
    # Bodies are cut from one rendered template per status; each must read exactly as the document itself would.
    example = _example(
        "item-1", status, detail, Request("GET", Url("{{baseUrl}}/x")), "application/json", "n", method=method
    )
    assert example.body == json_text(error_document("item-1", status, detail, method))


def test_ids_are_deterministic_and_unique():
    first = examples_by_item()
    second = examples_by_item()
    ids = [r.id for item in first.values() for r in item["responses"]]
    assert ids == [r.id for item in second.values() for r in item["responses"]]
    assert len(ids) == len(set(ids))
    error_ids = [
        json.loads(r.body)["errors"][0]["id"]
        for item in first.values()
        for r in item["responses"]
        if r.code >= 400
    ]
    assert len(error_ids) == len(set(error_ids))


def test_statuses_are_selectable():
    only = examples_by_item(BuildOptions(troubleshooting=(404,)))
    assert {code for item in only.values() for code in codes(item)} == {404}
    none = examples_by_item(BuildOptions(troubleshooting=()))
    assert not any(codes(item) for item in none.values())


def test_parse_statuses():
    assert parse_statuses("409, 401") == (401, 409)
    assert parse_statuses("429,500") == (429, 500)  # other APIs document more errors than Klaviyo's five
    assert parse_statuses("all") is None
    assert parse_statuses("none") == ()
    with pytest.raises(ValueError, match="400-599"):
        parse_statuses("401,302")
    with pytest.raises(ValueError, match="such as 401,403,404,405,409"):
        parse_statuses("4xx")


def test_klaviyo_all_is_its_five_statuses(items):
    assert {code for item in items.values() for code in codes(item)} == {401, 403, 404, 405, 409}


def test_generate_option(run_cli, tmp_path):
    result = run_cli(
        "generate", "collections/example-api.openapi.yaml", "-o", tmp_path, "--troubleshooting", "401"
    )
    assert result.exit_code == 0
    collection = json.loads(next(tmp_path.glob("*.postman_collection.json")).read_text())
    text = json.dumps(collection)
    assert '"code": 401' in text and '"code": 404' not in text
    bad = run_cli(
        "generate", "collections/example-api.openapi.yaml", "-o", tmp_path / "x", "--troubleshooting", "302"
    )
    assert bad.exit_code == 2
    assert "302" in bad.output
    assert not (tmp_path / "x").exists()
