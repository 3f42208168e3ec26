"""Values on the wire: parameters by OpenAPI style/explode, bodies by media type and encoding, servers, path keys."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from postman_kit.generation import serialize
from tests.support.generate import OK, build_json, headers, minimal_spec, requests_by_name

ARRAY, OBJECT = [3, 4, 5], {"role": "admin", "firstName": "Alex"}


def with_body(summary: str, media_type: str, schema: Any, required: bool | None = None) -> dict[str, Any]:
    """A path item with one POST sending `schema` as `media_type`."""
    body: dict[str, Any] = {"content": {media_type: {"schema": schema}}}
    if required is not None:
        body["required"] = required
    return {"post": {"summary": summary, "requestBody": body, "responses": OK}}


@pytest.mark.parametrize(
    ("style", "explode", "value", "wire"),
    [
        # the OpenAPI 3.0/3.1 "Style Examples" table, path styles
        ("simple", False, 5, "5"),
        ("simple", False, ARRAY, "3,4,5"),
        ("simple", False, OBJECT, "role,admin,firstName,Alex"),
        ("simple", True, OBJECT, "role=admin,firstName=Alex"),
        ("label", False, 5, ".5"),
        ("label", False, ARRAY, ".3,4,5"),
        ("label", True, ARRAY, ".3.4.5"),
        ("label", False, OBJECT, ".role,admin,firstName,Alex"),
        ("label", True, OBJECT, ".role=admin.firstName=Alex"),
        ("matrix", False, 5, ";id=5"),
        ("matrix", False, ARRAY, ";id=3,4,5"),
        ("matrix", True, ARRAY, ";id=3;id=4;id=5"),
        ("matrix", False, OBJECT, ";id=role,admin,firstName,Alex"),
        ("matrix", True, OBJECT, ";role=admin;firstName=Alex"),
        # a matrix string holding `;` or `=` stays one value (appNG's `params` example was split into three)
        ("matrix", False, "a=1;b=x%3Ay", ";id=a%3D1%3Bb%3Dx%253Ay"),
        ("simple", False, "a=1;b", "a=1;b"),
    ],
)
def test_path_styles_follow_the_openapi_table(style: str, explode: bool, value: Any, wire: str) -> None:
    assert serialize.path_text("id", value, style, explode) == wire


@pytest.mark.parametrize(
    ("style", "explode", "value", "wire"),
    [
        (None, None, 5, [("id", "5")]),
        ("form", True, ARRAY, [("id", "3"), ("id", "4"), ("id", "5")]),
        ("form", False, ARRAY, [("id", "3,4,5")]),
        ("form", True, OBJECT, [("role", "admin"), ("firstName", "Alex")]),
        ("form", False, OBJECT, [("id", "role,admin,firstName,Alex")]),
        ("spaceDelimited", False, ARRAY, [("id", "3 4 5")]),
        ("pipeDelimited", False, ARRAY, [("id", "3|4|5")]),
        ("deepObject", True, OBJECT, [("id[role]", "admin"), ("id[firstName]", "Alex")]),
        ("form", None, True, [("id", "true")]),
    ],
)
def test_query_styles_follow_the_openapi_table(
    style: str | None, explode: bool | None, value: Any, wire: list[tuple[str, str]]
) -> None:
    assert serialize.query_pairs("id", value, style, explode) == wire


def test_form_bodies_nest_brackets_as_stripe_documents() -> None:
    encoding = {
        "metadata": {"style": "deepObject", "explode": True},
        "expand": {"style": "deepObject", "explode": True},
        "items": {"style": "deepObject", "explode": True},
    }
    value = {
        "amount": 100,
        "metadata": {"order": "6735"},
        "expand": ["customer", "invoice"],
        "items": [{"price": "price_1"}],
        "tags": ["a", "b"],
        "live": False,
    }
    assert serialize.form_pairs(value, encoding) == [
        ("amount", "100"),
        ("metadata[order]", "6735"),
        ("expand[]", "customer"),
        ("expand[]", "invoice"),
        ("items[0][price]", "price_1"),
        ("tags", "a"),
        ("tags", "b"),
        ("live", "false"),
    ]


def test_path_keys_lose_fragments_and_keep_their_query() -> None:
    assert serialize.split_path_key("/files/{file_id}#get_shared_link") == ("/files/{file_id}", [])
    assert serialize.split_path_key("/responses/{id}?beta=true") == ("/responses/{id}", [("beta", "true")])
    # Polar AccessLink writes where its query parameters go: their values are the parameters', never `{from}`
    activities = "/v3/users/activities/?from={from}&to={to}&all=1"
    assert serialize.split_path_key(activities) == ("/v3/users/activities/", [("all", "1")])


def test_postman_path_variables_wherever_postman_can_hold_them() -> None:
    segments, names = serialize.postman_path("/Accounts/{AccountSid}/Calls/{Sid}.json", {})
    assert segments == ["Accounts", ":AccountSid", "Calls", ":Sid.json"] and names == ["AccountSid", "Sid"]
    # a parameter that does not start the segment cannot be a Postman variable: its value is written
    segments, names = serialize.postman_path("/v{version}/{name}:cancel", {"version": "2", "name": "op1"})
    assert segments == ["v2", "op1:cancel"] and names == []


@pytest.mark.parametrize(
    ("style", "explode", "value", "wire"),
    [
        ("label", True, {"name": "Ann", "note": "x=y"}, ".name=Ann.note=x%3Dy"),
        ("label", False, ["a b", "c,d"], ".a%20b,c%2Cd"),
        ("simple", False, ["a,b", "c"], "a%2Cb,c"),
        ("simple", True, {"k": "x=y"}, "k=x%3Dy"),
        ("matrix", True, {"k": "a;b"}, ";k=a%3Bb"),
        # a single value is not split by the server: its delimiters stay as written
        ("label", False, "v1.2", ".v1.2"),
        ("simple", False, "a,b", "a,b"),
    ],
)
def test_an_item_holding_its_styles_delimiter_is_escaped_so_the_server_splits_where_it_was_joined(
    style: str, explode: bool, value: Any, wire: str
) -> None:
    assert serialize.path_text("id", value, style, explode) == wire


def test_a_path_value_holding_a_url_stays_one_segment(tmp_path: Path) -> None:
    """Stripe's `/v1/file_links/{link}`: the name suggests a URL, whose slashes would make three segments."""
    assert (
        serialize.path_text("link", "https://example.com/a b?c#d")
        == "https:%2F%2Fexample.com%2Fa%20b%3Fc%23d"
    )
    assert serialize.path_text("id", "{{$guid}}") == "{{$guid}}"
    link = {"name": "link", "in": "path", "required": True, "schema": {"type": "string"}}
    doc = minimal_spec(
        {"/file_links/{link}": {"get": {"summary": "Get link", "parameters": [link], "responses": OK}}}
    )
    url = requests_by_name(build_json(tmp_path, doc))["Get link"]["request"]["url"]
    assert url["variable"] == [{"key": "link", "value": "https:%2F%2Fexample.com"}]


def wire_spec() -> dict[str, Any]:
    binary = {"type": "string", "format": "binary"}
    return minimal_spec(
        {
            "/Accounts/{AccountSid}/Calls/{Sid}.json": {
                "get": {
                    "summary": "Fetch call",
                    "responses": OK,
                    "parameters": [
                        {
                            "name": "AccountSid",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "example": "AC0123",
                        },
                        {
                            "name": "Sid",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "example": "CA9",
                        },
                        {
                            "name": "created",
                            "in": "query",
                            "required": True,
                            "style": "deepObject",
                            "explode": True,
                            "schema": {"type": "object"},
                            "example": {"gt": 1},
                        },
                        {
                            "name": "session",
                            "in": "cookie",
                            "required": True,
                            "schema": {"type": "string"},
                            "example": "s1",
                        },
                        {"name": "theme", "in": "cookie", "schema": {"type": "string"}, "example": "dark"},
                    ],
                }
            },
            "/files/{file_id}#get_shared_link": {
                "get": {
                    "summary": "Get shared link",
                    "responses": OK,
                    "parameters": [
                        {
                            "name": "file_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "example": "12345",
                        }
                    ],
                }
            },
            "/responses?beta=true": {"post": {"summary": "Create response", "responses": OK}},
            "/uploads": {
                "post": {
                    "summary": "Upload",
                    "responses": OK,
                    "servers": [{"url": "https://upload.example.test/api"}],
                    "requestBody": {
                        "content": {
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "file": binary,
                                        "name": {"type": "string", "example": "a"},
                                    },
                                }
                            }
                        }
                    },
                }
            },
            "/content": {
                "put": {
                    "summary": "Put content",
                    "responses": OK,
                    "requestBody": {"content": {"image/png": {"schema": binary}}},
                }
            },
        },
        servers=[
            {
                "url": "https://{region}.example.test/v1",
                "variables": {"region": {"default": "eu", "enum": ["eu", "us"]}},
            }
        ],
    )


def test_requests_carry_their_values_as_the_spec_serializes_them(tmp_path: Path) -> None:
    collection = build_json(tmp_path, wire_spec())
    items = requests_by_name(collection)
    call = items["Fetch call"]["request"]
    assert call["url"]["path"] == ["Accounts", ":AccountSid", "Calls", ":Sid.json"]
    assert {v["key"]: v["value"] for v in call["url"]["variable"]} == {"AccountSid": "AC0123", "Sid": "CA9"}
    assert call["url"]["query"] == [{"key": "created[gt]", "value": "1"}]
    cookies = [h for h in call["header"] if h["key"] == "Cookie"]
    assert cookies == [
        {"key": "Cookie", "value": "session=s1"},
        {"key": "Cookie", "value": "session=s1; theme=dark", "disabled": True},
    ]
    shared = items["Get shared link"]["request"]["url"]
    assert shared["path"] == ["files", ":file_id"] and "#" not in shared["raw"]
    beta = items["Create response"]["request"]["url"]
    assert beta["path"] == ["responses"] and beta["query"] == [{"key": "beta", "value": "true"}]
    upload = items["Upload"]["request"]
    assert upload["url"]["host"] == ["{{uploadBaseUrl}}"]
    assert upload["body"]["formdata"][0] == {"key": "file", "type": "file"}
    put = items["Put content"]["request"]
    assert put["body"]["mode"] == "file" and headers(put)["Content-Type"] == "image/png"
    variables = {v["key"]: v["value"] for v in collection["variable"]}
    assert variables["baseUrl"] == "https://{{region}}.example.test/v1"
    assert variables["region"] == "eu" and variables["uploadBaseUrl"] == "https://upload.example.test/api"


def test_a_json_example_written_as_text_is_sent_as_the_document_it_spells(tmp_path: Path) -> None:
    """readme's request examples: `examples.cat.value: "{\\n  \\"name\\": \\"Fluffy\\"\\n}"` for an object schema."""
    pet = {"type": "object", "properties": {"name": {"type": "string"}}}
    spelled = {
        "application/json": {"schema": pet, "examples": {"cat": {"value": '{\n  "name": "Fluffy"\n}'}}}
    }
    text = {"application/json": {"schema": {"type": "string"}, "example": '{"a": 1}'}}
    paths = {
        "/pets": {"post": {"summary": "Add pet", "requestBody": {"content": spelled}, "responses": OK}},
        "/notes": {"post": {"summary": "Add note", "requestBody": {"content": text}, "responses": OK}},
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    assert json.loads(requests["Add pet"]["request"]["body"]["raw"]) == {"name": "Fluffy"}
    # a string schema keeps its text, JSON-looking or not
    assert json.loads(requests["Add note"]["request"]["body"]["raw"]) == '{"a": 1}'


def test_a_file_body_the_spec_gives_as_base64_text_is_sent_as_that_text(tmp_path: Path) -> None:
    """Spotify's playlist cover: `image/jpeg` with `type: string, format: base64` and an example of the data."""
    jpeg = {"type": "string", "format": "base64", "example": "/9j/2wCEABoZGSccJz4l"}
    raw = {"type": "string", "format": "binary"}
    paths = {
        "/cover": {
            "put": {
                "summary": "Cover",
                "requestBody": {"content": {"image/jpeg": {"schema": jpeg}}},
                "responses": OK,
            }
        },
        "/upload": {
            "put": {
                "summary": "Upload",
                "requestBody": {"content": {"image/png": {"schema": raw}}},
                "responses": OK,
            }
        },
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    assert requests["Cover"]["request"]["body"]["raw"] == "/9j/2wCEABoZGSccJz4l"
    assert requests["Upload"]["request"]["body"] == {
        "mode": "file",
        "file": {},
    }  # bytes: the user picks a file


def test_bytes_the_spec_shows_as_text_are_sent(tmp_path: Path) -> None:
    """NHS MESH's required `application/octet-stream` body gives `example: "... message payload bytes..."`: an
    empty file slot sent nothing, where the spec shows what to send. Without an example the user picks a file."""
    content = {"schema": {"format": "binary"}, "example": "... message payload bytes..."}
    paths = {
        "/outbox": {
            "post": {
                "summary": "Send",
                "requestBody": {"required": True, "content": {"application/octet-stream": content}},
                "responses": OK,
            }
        }
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    assert requests["Send"]["request"]["body"]["raw"] == "... message payload bytes..."


def test_a_json_text_example_nested_past_the_limit_stays_text(tmp_path: Path) -> None:
    """Parsing the example's text must not recurse without bound: 100,000 brackets raised RecursionError."""
    for depth in (100_000, 300):
        text = "[" * depth + "]" * depth
        content = {"application/json": {"schema": {"type": "array"}, "example": text}}
        paths = {"/a": {"post": {"summary": "Deep", "requestBody": {"content": content}, "responses": OK}}}
        body = requests_by_name(build_json(tmp_path, minimal_spec(paths)))["Deep"]["request"]["body"]["raw"]
        assert json.loads(body) == text


def test_content_encoding_binary_is_a_file(tmp_path: Path) -> None:
    """Discord's sticker upload: a multipart `file` typed `contentEncoding: binary` (raw octets, as JSON Schema
    names them) is a file part, and so is such a body; base64 stays text."""
    octets = {"type": "string", "contentEncoding": "binary"}
    sticker = {
        "type": "object",
        "required": ["name", "file"],
        "properties": {"name": {"type": "string", "example": "wave"}, "file": octets},
    }
    paths = {
        "/stickers": {
            "post": {
                "summary": "Create sticker",
                "requestBody": {"content": {"multipart/form-data": {"schema": sticker}}},
                "responses": OK,
            }
        },
        "/raw": {
            "put": {
                "summary": "Upload",
                "requestBody": {"content": {"application/octet-stream": {"schema": octets}}},
                "responses": OK,
            }
        },
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths, openapi="3.1.0")))
    assert requests["Create sticker"]["request"]["body"]["formdata"] == [
        {"key": "name", "value": "wave", "type": "text"},
        {"key": "file", "type": "file"},
    ]
    assert requests["Upload"]["request"]["body"] == {"mode": "file", "file": {}}


def test_an_object_part_of_a_multipart_body_is_sent_as_json() -> None:
    """Onfido's live photo upload sends `location` (an object) beside the file: OpenAPI's default content type for
    an object part is `application/json`, which a server reading typed parts (Spring's @RequestPart) needs. A
    part the `encoding` types keeps that type; a text part stays plain."""
    location = {"type": "object", "properties": {"country": {"type": "string"}}}
    properties = {"location": location, "note": {"type": "string"}, "meta": location}
    value = {"location": {"country": "GBR"}, "note": "hi", "meta": {"country": "FRA"}}
    fields = serialize.multipart_fields(value, properties, {"meta": {"contentType": "application/xml"}})
    assert fields[0] == {
        "key": "location",
        "value": '{"country":"GBR"}',
        "type": "text",
        "contentType": "application/json",
    }
    assert fields[1] == {"key": "note", "value": "hi", "type": "text"}
    assert fields[2]["contentType"] == "application/xml"


def test_a_relative_path_server_beside_a_relative_base_is_its_own_variable(tmp_path: Path) -> None:
    """SlurmDB's spec serves the API under `/slurmdb/v0.0.37/` and its own description under a path-level `/`:
    both relative, the path's server was dropped and `/openapi` went to `/slurmdb/v0.0.37/openapi`."""
    spec = minimal_spec(
        {
            "/things": {"get": {"summary": "List things", "responses": OK}},
            "/openapi": {"servers": [{"url": "/"}], "get": {"summary": "Get description", "responses": OK}},
            "/same": {"servers": [{"url": "/slurmdb/v0.0.37/"}], "get": {"summary": "Same", "responses": OK}},
        },
        servers=[{"url": "/slurmdb/v0.0.37/"}],
    )
    collection = build_json(tmp_path, spec)
    requests = requests_by_name(collection)
    assert requests["List things"]["request"]["url"]["raw"] == "{{baseUrl}}/things"
    assert requests["Same"]["request"]["url"]["raw"] == "{{baseUrl}}/same"
    assert requests["Get description"]["request"]["url"]["raw"] == "{{rootBaseUrl}}/openapi"
    variables = {v["key"]: v["value"] for v in collection["variable"]}
    assert (variables["baseUrl"], variables["rootBaseUrl"]) == ("/slurmdb/v0.0.37", "")


def test_a_server_whose_scheme_is_a_variable_is_its_own_url_not_a_path_under_the_base(tmp_path: Path) -> None:
    """A path-level server `{scheme}://other.example.com/{version}` (scheme `https` or `http`): newman sent the
    request to `https://api.example.test/http://other.example.com/v9/other`, the URL glued under the base."""
    other = {
        "servers": [
            {
                "url": "{scheme}://other.example.com/{version}",
                "variables": {
                    "scheme": {"default": "https", "enum": ["https", "http"]},
                    "version": {"default": "v9"},
                },
            }
        ],
        "get": {"summary": "Get other", "responses": OK},
    }
    collection = build_json(tmp_path, minimal_spec({"/other": other}))
    request = requests_by_name(collection)["Get other"]["request"]
    assert request["url"]["raw"] == "{{otherBaseUrl}}/other"
    variables = {v["key"]: v["value"] for v in collection["variable"]}
    assert variables["otherBaseUrl"] == "{{scheme}}://other.example.com/{{version}}"
    assert (variables["scheme"], variables["version"]) == ("https", "v9")


def test_a_server_variable_ending_the_url_with_a_slash_does_not_double_every_request_path(
    tmp_path: Path,
) -> None:
    """Kong's Admin API: `{protocol}://{hostname}:{port}{path}` with `path` defaulting to `/` sent every request to
    `http://localhost:8001//services`, which no route takes (0 of 144 and 0 of 599 requests conformed)."""
    servers = [
        {
            "url": "{protocol}://{hostname}:{port}{path}",
            "variables": {
                "protocol": {"default": "http"},
                "hostname": {"default": "localhost"},
                "port": {"default": "8001"},
                "path": {"default": "/"},
            },
        }
    ]
    spec = minimal_spec(
        {"/services": {"get": {"summary": "List services", "responses": OK}}}, servers=servers
    )
    collection = build_json(tmp_path, spec)
    variables = {v["key"]: v["value"] for v in collection["variable"]}
    raw = requests_by_name(collection)["List services"]["request"]["url"]["raw"]
    for _ in range(2):
        raw = re.sub(r"\{\{(\w+)\}\}", lambda m: variables[m.group(1)], raw)
    assert raw == "http://localhost:8001/services"


def test_a_percent_sign_in_a_path_key_is_sent_escaped_and_an_escape_as_written() -> None:
    segments, names = serialize.postman_path("/files/100%/{id}/a%2Fb", {})
    assert segments == ["files", "100%25", ":id", "a%2Fb"] and names == ["id"]


def test_multipart_parts_offered_as_a_file_or_a_list_by_one_of_are_a_file_and_repeated_parts() -> None:
    """Together's transcription upload: `file: oneOf: [binary, uri]` is a file part (it was an empty text part),
    and `oneOf: [string, array]` with a list example is one part per item (it was one part of JSON text)."""
    properties = {
        "file": {"oneOf": [{"type": "string", "format": "binary"}, {"type": "string", "format": "uri"}]},
        "either": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
    }
    fields = serialize.multipart_fields({"either": ["word", "segment"]}, properties)
    assert fields == [
        {"key": "either", "value": "word", "type": "text"},
        {"key": "either", "value": "segment", "type": "text"},
        {"key": "file", "type": "file"},
    ]


def test_an_optional_json_body_with_no_value_to_give_is_left_out(tmp_path: Path) -> None:
    """Deepgram's Create a Project Key: an optional body `oneOf: [{description: Any type}, {description: Any
    type}]` was sent as `null`, which no schema of it accepts; a required one is still sent."""
    anything = {"oneOf": [{"description": "Any type"}, {"description": "Any type"}]}
    paths = {
        "/keys": with_body("Create False", "application/json", anything, required=False),
        "/must": with_body("Create True", "application/json", anything, required=True),
    }
    collection = build_json(tmp_path, minimal_spec(paths))
    requests = requests_by_name(collection)
    assert "body" not in requests["Create False"]["request"]
    assert not any(h["key"] == "Content-Type" for h in requests["Create False"]["request"]["header"])
    assert requests["Create True"]["request"]["body"]["mode"] == "raw"


def test_a_plain_text_body_of_a_boolean_or_number_is_its_text(tmp_path: Path) -> None:
    """Meilisearch's facet-search switch: `text/plain` with `{type: boolean}` was sent as an empty body."""
    paths = {
        "/switch": with_body("Switch", "text/plain", {"type": "boolean"}),
        "/count": with_body("Count", "text/plain", {"type": "integer", "example": 5}),
        "/name": with_body("Name", "text/plain", {"type": "string", "example": "ab"}),
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    assert [requests[name]["request"]["body"]["raw"] for name in ("Switch", "Count", "Name")] == [
        "true",
        "5",
        "ab",
    ]


def test_a_multipart_property_whose_one_of_refers_back_to_itself_ends(tmp_path: Path) -> None:
    """`X: {oneOf: [{$ref: X}, {type: string}]}` as a multipart field: looking for a file among its branches ran
    into Python's recursion limit, a traceback."""
    schemas = {"X": {"oneOf": [{"$ref": "#/components/schemas/X"}, {"type": "string"}]}}
    schema = {"type": "object", "properties": {"f": {"$ref": "#/components/schemas/X"}}}
    paths = {"/x": with_body("Upload", "multipart/form-data", schema)}
    collection = build_json(tmp_path, minimal_spec(paths, components={"schemas": schemas}))
    assert requests_by_name(collection)["Upload"]["request"]["body"]["mode"] == "formdata"


def test_an_array_of_enum_values_holds_as_many_as_min_items_asks(tmp_path: Path) -> None:
    """`tags` (enum items, `minItems: 2`) was sent as one value; a body's array of the same schema had two."""

    def array(**bounds: Any) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string", "enum": ["a", "b", "c"]}, **bounds}

    parameters = [
        {"name": "two", "in": "query", "required": True, "schema": array(minItems=2)},
        {"name": "five", "in": "query", "required": True, "schema": array(minItems=5)},
        {"name": "one", "in": "query", "required": True, "schema": array()},
    ]
    spec = minimal_spec(
        {"/search": {"get": {"summary": "Search", "parameters": parameters, "responses": OK}}}
    )
    query = requests_by_name(build_json(tmp_path, spec))["Search"]["request"]["url"]["query"]
    sent: dict[str, list[str]] = {}
    for entry in query:
        sent.setdefault(entry["key"], []).append(entry["value"])
    assert sent == {"two": ["a", "b"], "five": ["a", "b", "c", "a", "b"], "one": ["a"]}


@pytest.mark.parametrize(
    ("declared", "schema", "sent"),
    [
        ("image/*", {"type": "string", "format": "binary"}, "image/png"),  # Traccar's device image
        ("audio/*", {"type": "string", "format": "binary"}, "audio/mpeg"),
        ("text/*", {"type": "object", "properties": {"a": {"type": "string"}}}, "text/plain"),
        ("*/*", {"type": "string", "format": "binary"}, "application/octet-stream"),
        ("*/*", {"type": "object", "properties": {"a": {"type": "string"}}}, "application/json"),
    ],
)
def test_a_body_declared_as_a_range_goes_out_as_a_type_inside_it(
    tmp_path: Path, declared: str, schema: dict[str, Any], sent: str
) -> None:
    body = {"required": True, "content": {declared: {"schema": schema}}}
    spec = minimal_spec({"/upload": {"post": {"summary": "Upload", "requestBody": body, "responses": OK}}})
    request = requests_by_name(build_json(tmp_path, spec))["Upload"]["request"]
    assert {h["key"]: h["value"] for h in request["header"]}["Content-Type"] == sent


def test_an_xml_body_is_the_document_the_schemas_xml_objects_describe(tmp_path: Path) -> None:
    """A required `application/xml` body was sent empty (validate's own `missing-body`, the server's 400): it is
    the example written as XML, by OpenAPI's XML Object (name, attribute, wrapped, prefix and namespace)."""
    import xml.etree.ElementTree as ElementTree

    book = {
        "type": "object",
        "xml": {"name": "book", "prefix": "bk", "namespace": "https://example.com/books"},
        "required": ["id", "title", "authors", "tags"],
        "properties": {
            "id": {"type": "integer", "example": 7, "xml": {"attribute": True}},
            "title": {"type": "string", "example": "Dune & Co"},
            "authors": {"type": "array", "xml": {"wrapped": True}, "items": {"type": "string", "example": "Frank", "xml": {"name": "author"}}},
            "tags": {"type": "array", "items": {"type": "string", "example": "sf"}},
            "inStock": {"type": "boolean", "example": True},
        },
    }  # fmt: skip
    body = {
        "required": True,
        "content": {"application/xml": {"schema": {"$ref": "#/components/schemas/Book"}}},
    }
    spec = minimal_spec(
        {"/books": {"post": {"summary": "Add book", "requestBody": body, "responses": OK}}},
        components={"schemas": {"Book": book}},
    )
    raw = requests_by_name(build_json(tmp_path, spec))["Add book"]["request"]["body"]["raw"]
    assert raw.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<bk:book ')
    root = ElementTree.fromstring(raw.split("\n", 1)[1])  # well-formed, `&` escaped
    namespaced = "{https://example.com/books}"
    assert root.tag == namespaced + "book" and root.get("id") == "7"
    assert [child.tag for child in root] == ["title", "authors", "tags", "inStock"]
    assert root.find("title").text == "Dune & Co" and root.find("inStock").text == "true"
    assert [a.tag for a in root.find("authors")] == ["author"]


def test_an_xml_body_stays_well_formed_whatever_the_names_and_text(tmp_path: Path) -> None:
    """Property names no XML name may be (`first name`, `1a`, `<`, empty), a prefix without its namespace and
    control characters in text made documents no parser reads."""
    import xml.etree.ElementTree as ElementTree

    properties = {
        "first name": {"type": "string", "example": "Ada"},
        "1a": {"type": "string", "example": "x\x01y\x00z"},
        "<": {"type": "string", "example": "lt"},
        "tag": {"type": "string", "example": "t", "xml": {"prefix": "p"}},
    }
    schema = {"type": "object", "required": list(properties), "properties": properties}
    body = {"required": True, "content": {"application/xml": {"schema": schema}}}
    spec = minimal_spec({"/people": {"post": {"summary": "Add", "requestBody": body, "responses": OK}}})
    raw = requests_by_name(build_json(tmp_path, spec))["Add"]["request"]["body"]["raw"]
    root = ElementTree.fromstring(raw.split("\n", 1)[1])
    assert [(child.tag, child.text) for child in root] == [
        ("first_name", "Ada"),
        ("_1a", "xyz"),
        ("_", "lt"),
        ("tag", "t"),
    ]


def test_a_required_path_parameter_whose_example_is_empty_gets_a_value(tmp_path: Path) -> None:
    """Matrix's `stateKey` example is `""`: the path went out with `//` and the kit's own validate refused it."""
    parameter = {
        "name": "stateKey",
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
        "example": "",
    }
    spec = minimal_spec(
        {
            "/rooms/state/{stateKey}": {
                "get": {"summary": "Get state", "parameters": [parameter], "responses": OK}
            }
        }
    )
    request = requests_by_name(build_json(tmp_path, spec))["Get state"]["request"]
    assert request["url"]["variable"][0]["value"] != ""


def test_a_newline_delimited_json_body_is_one_document_a_line(tmp_path: Path) -> None:
    """OpenSearch's `_bulk` takes `application/x-ndjson`: its body was one pretty-printed JSON array, which the API
    refuses; it is each entry compact on a line of its own, the last line ended too."""
    action = {
        "type": "object",
        "properties": {
            "index": {"type": "object", "properties": {"_id": {"type": "string", "example": "1"}}},
            "title": {"type": "string", "example": "Moby Dick"},
        },
    }
    paths = {
        "/_bulk": with_body("Bulk", "application/x-ndjson", {"type": "array", "items": action}),
        "/_msearch": with_body("Msearch", "application/jsonl", action),
    }
    collection = build_json(tmp_path, minimal_spec(paths))
    for name, count in (("Bulk", 1), ("Msearch", 1)):
        request = requests_by_name(collection)[name]["request"]
        raw = request["body"]["raw"]
        assert raw.endswith("\n") and raw.count("\n") == count and "  " not in raw
        lines = [json.loads(line) for line in raw.splitlines()]
        assert lines == [{"index": {"_id": "1"}, "title": "Moby Dick"}]
        assert request["body"]["options"]["raw"]["language"] == "text"
    assert headers(requests_by_name(collection)["Bulk"]["request"])["Content-Type"] == "application/x-ndjson"


def test_a_binary_body_s_schema_example_is_sent_and_without_one_it_is_a_file_to_choose(
    tmp_path: Path,
) -> None:
    """Okta's certificate publish gives its base64 DER certificate as the schema's `example` (3.1: `examples`):
    the body was an empty file body, which sends nothing; a binary body with no example is a file to pick."""
    certificate = "MIIFgjCCA2qgAwIBAgICEAcwDQYJKoZIhvcNAQELBQAw"
    binary = {"type": "string", "format": "binary"}
    paths = {
        "/certs": with_body("Publish", "application/pkix-cert", {**binary, "example": certificate}),
        "/certs31": with_body("Publish 31", "application/pkix-cert", {**binary, "examples": [certificate]}),
        "/upload": with_body("Upload", "application/octet-stream", binary),
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    for name in ("Publish", "Publish 31"):
        assert requests[name]["request"]["body"]["raw"] == certificate
    assert requests["Upload"]["request"]["body"] == {"mode": "file", "file": {}}


def test_an_example_written_as_json_text_is_mended_as_one_written_as_yaml(tmp_path: Path) -> None:
    """Xero Projects writes its examples as JSON text: `"rate": "99.99"` for a number and a missing required
    `rate` went out as written (an object example was already mended), and `example: ""` went out as `""`."""
    task = {
        "type": "object",
        "required": ["name", "rate"],
        "properties": {"name": {"type": "string"}, "rate": {"type": "number"}, "status": {"type": "string"}},
    }

    def post(summary: str, example: Any) -> dict[str, Any]:
        content = {"application/json": {"schema": task, "example": example}}
        return {
            "post": {
                "summary": summary,
                "requestBody": {"required": True, "content": content},
                "responses": OK,
            }
        }

    paths = {
        "/projects": post("Text", '{ "name": "Kitchen", "rate": "99.99" }'),
        "/tasks": post("Partial", '{ "status": "INPROGRESS" }'),
        "/empty": post("Empty", ""),
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    bodies = {
        name: json.loads(requests[name]["request"]["body"]["raw"]) for name in ("Text", "Partial", "Empty")
    }
    assert bodies["Text"] == {"name": "Kitchen", "rate": 99.99}
    assert bodies["Partial"]["status"] == "INPROGRESS" and {"name", "rate"} <= set(bodies["Partial"])
    assert isinstance(bodies["Empty"], dict) and {"name", "rate"} <= set(bodies["Empty"])


def test_a_required_body_of_any_text_or_yaml_is_never_sent_empty(tmp_path: Path) -> None:
    """Jira's avatar uploads (`*/*`, an empty schema) and a YAML config body (an object schema) went out empty,
    which the API (and validate) read as no body: a file to pick, and the object written as YAML."""
    config = {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"type": "string", "example": "web"}},
    }
    paths = {
        "/avatar": with_body("Avatar", "*/*", {}, required=True),
        "/config": with_body("Config", "application/yaml", config, required=True),
        "/note": with_body("Note", "text/plain", {}, required=True),
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    assert requests["Avatar"]["request"]["body"] == {"mode": "file", "file": {}}
    assert requests["Config"]["request"]["body"]["raw"] == "name: web\n"
    assert requests["Note"]["request"]["body"]["raw"].strip()


def test_a_newline_delimited_body_typed_as_text_is_still_json_lines(tmp_path: Path) -> None:
    """Manticore's bulk body: `application/x-ndjson` with `type: string` was the bare word `example`, no JSON
    document, which validate (and the API) refuse; the spec's own JSON lines are sent as given."""
    lines = '{"insert": {"index": "t", "doc": {"a": 1}}}\n{"delete": {"index": "t", "id": 1}}'
    paths = {
        "/bulk": with_body("Bulk", "application/x-ndjson", {"type": "string"}, required=True),
        "/given": with_body(
            "Given", "application/x-ndjson", {"type": "string", "example": lines}, required=True
        ),
    }
    collection = build_json(tmp_path, minimal_spec(paths))
    requests = requests_by_name(collection)
    assert requests["Bulk"]["request"]["body"]["raw"] == "{}\n"
    assert requests["Given"]["request"]["body"]["raw"] == lines + "\n"
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(minimal_spec(paths)))
    from postman_kit.openapi import load_api
    from postman_kit.validate import validate_collection

    report = validate_collection(collection, "c.json", api=load_api(str(spec)))
    assert [f.rule for f in report.findings if f.severity == "error"] == []


def test_an_empty_object_has_no_form_field() -> None:
    """Salesloft's free-form `custom_fields` (objects with no properties) went out as the text `{}`."""
    assert serialize.form_pairs({"name": "Hogwarts", "custom_fields": [{}]}) == [("name", "Hogwarts")]
    assert serialize.form_pairs({"tags": [{}, "a"]}) == [("tags", "a")]


def test_a_required_octet_stream_body_of_text_is_sent(tmp_path: Path) -> None:
    """Typesense's JSONL import is a required `application/octet-stream` body whose 3.0 schema is a plain string:
    an empty file slot went out (newman sent nothing, the API answered 400). One of bytes (`format: binary`,
    Cribl's pack upload) stays a file for the user to pick."""
    paths = {
        "/import": with_body(
            "Import documents", "application/octet-stream", {"type": "string"}, required=True
        ),
        "/packs": with_body(
            "Upload pack", "application/octet-stream", {"type": "string", "format": "binary"}, required=True
        ),
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    text = requests["Import documents"]["request"]["body"]
    assert text["mode"] == "raw" and text["raw"].strip()
    assert requests["Upload pack"]["request"]["body"]["mode"] == "file"


def test_an_operation_server_using_the_document_s_variable_undeclared_is_sent_there(
    tmp_path: Path, run_cli
) -> None:
    """Sentry's `/api/0/seer/models/` repeats the document's `https://{region}.sentry.io` without declaring
    `region`: its requests went to a host literally named `{region}.sentry.io`, unsaid. One naming a variable
    nothing declares is said in a warning."""
    servers = [
        {
            "url": "https://{region}.sentry.io",
            "variables": {"region": {"default": "us", "enum": ["us", "de"]}},
        }
    ]
    paths: dict[str, Any] = {
        "/api/0/organizations/": {"get": {"summary": "List organizations", "responses": OK}},
        "/api/0/seer/models/": {
            "get": {
                "summary": "List models",
                "servers": [{"url": "https://{region}.sentry.io"}],
                "responses": OK,
            }
        },
        "/api/0/upload/": {
            "get": {
                "summary": "Upload",
                "servers": [{"url": "https://{region}.upload.sentry.io/{ver}"}],
                "responses": OK,
            }
        },
    }
    collection = build_json(tmp_path, minimal_spec(paths, servers=servers))
    requests = requests_by_name(collection)
    assert requests["List models"]["request"]["url"]["raw"].startswith("{{baseUrl}}/")
    variables = {v["key"]: v["value"] for v in collection["variable"]}
    assert "https://{{region}}.upload.sentry.io/{ver}" in variables.values()
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(minimal_spec(paths, servers=servers)))
    result = run_cli("generate", spec, "-o", tmp_path / "out")
    assert "'https://{region}.upload.sentry.io/{ver}' uses a variable it does not declare" in result.stderr


def test_an_object_patch_goes_out_as_a_merge_patch_not_as_json_patch(tmp_path: Path) -> None:
    """Kubernetes' PATCH bodies offer `application/json-patch+json` first, then merge and strategic merge patch,
    all with one object schema (`io.k8s.apimachinery.pkg.apis.meta.v1.Patch`): an object sent as JSON Patch,
    which must be an array of operations, is a request the API server refuses. A JSON Patch the spec offers
    alone (Box's metadata updates) is still sent as one."""
    patch_schema = {"type": "object", "properties": {"metadata": {"type": "object"}}}
    operations = {"type": "array", "items": {"type": "object", "properties": {"op": {"enum": ["add"]}}}}
    paths = {
        "/namespaces/{name}": {
            "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}],
            "patch": {
                "summary": "Patch Namespace",
                "requestBody": {
                    "required": True,
                    "content": {
                        media: {"schema": patch_schema}
                        for media in (
                            "application/json-patch+json",
                            "application/merge-patch+json",
                            "application/strategic-merge-patch+json",
                            "application/apply-patch+yaml",
                        )
                    },
                },
                "responses": OK,
            },
        },
        "/metadata": {
            "put": {
                "summary": "Update Metadata",
                "requestBody": {"content": {"application/json-patch+json": {"schema": operations}}},
                "responses": OK,
            }
        },
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    patch = requests["Patch Namespace"]["request"]
    assert headers(patch)["Content-Type"] == "application/merge-patch+json"
    assert isinstance(json.loads(patch["body"]["raw"]), dict)
    update = requests["Update Metadata"]["request"]
    assert headers(update)["Content-Type"] == "application/json-patch+json"
    assert isinstance(json.loads(update["body"]["raw"]), list)


def test_a_content_parameter_s_example_on_its_media_type_is_sent(tmp_path: Path) -> None:
    """Zulip writes JSON query parameters with `content` and may give the example on the media type: it was
    passed over for a made-up `["example"]`."""
    media = {"schema": {"type": "array", "items": {"type": "string"}}, "example": ["Verona", "Denmark"]}
    parameters = [
        {"name": "subscriptions", "in": "query", "required": True, "content": {"application/json": media}}
    ]
    doc = minimal_spec(
        {"/users/me/subscriptions": {"get": {"summary": "Subs", "parameters": parameters, "responses": OK}}}
    )
    url = requests_by_name(build_json(tmp_path, doc))["Subs"]["request"]["url"]
    assert [(q["key"], q["value"]) for q in url["query"]] == [("subscriptions", '["Verona","Denmark"]')]


def test_a_header_value_is_one_http_can_carry(tmp_path: Path) -> None:
    """A header example of `東京`, a default of `ok 👍` or a value with a line break was written as is: Node
    refuses such a header ("Invalid character in header content") and newman sent none of these requests.
    Latin-1 stays as written; past it, UTF-8 percent-encoded; a line break, a space."""
    cases = {
        "Latin": ("X-Display-Name", {"type": "string", "example": "Zoë Ångström"}, "Zoë Ångström"),
        "Cjk": ("X-City", {"type": "string", "example": "東京"}, "%E6%9D%B1%E4%BA%AC"),
        "Lines": ("X-Multi", {"type": "string", "example": "line1\nline2"}, "line1 line2"),
        "Emoji": ("X-Mood", {"type": "string", "default": "ok 👍"}, "ok %F0%9F%91%8D"),
    }
    paths = {
        f"/{name.lower()}": {
            "get": {
                "summary": name,
                "parameters": [{"name": header, "in": "header", "required": True, "schema": schema}],
                "responses": OK,
            }
        }
        for name, (header, schema, _) in cases.items()
    }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    for name, (header, _, sent) in cases.items():
        assert headers(requests[name]["request"])[header] == sent, name


def test_a_multipart_part_goes_out_as_one_media_type(tmp_path: Path) -> None:
    """The OpenAPI Specification's own Encoding Object example gives a part `contentType: image/png, image/jpeg`;
    newman sent the list as the part's Content-Type. The first of a list, a member of a range (`image/*`)."""
    paths = {}
    for name, declared in (("Avatar", "image/png, image/jpeg"), ("Banner", "image/*"), ("Blob", "*/*")):
        schema = {
            "type": "object",
            "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary"}},
        }
        content = {"multipart/form-data": {"schema": schema, "encoding": {"file": {"contentType": declared}}}}
        paths[f"/{name.lower()}"] = {
            "post": {"summary": name, "requestBody": {"required": True, "content": content}, "responses": OK}
        }
    requests = requests_by_name(build_json(tmp_path, minimal_spec(paths)))
    sent = {
        name: requests[name]["request"]["body"]["formdata"][0]["contentType"]
        for name in ("Avatar", "Banner", "Blob")
    }
    assert sent == {"Avatar": "image/png", "Banner": "image/png", "Blob": "application/octet-stream"}


def test_an_xml_attribute_keeps_its_prefix_and_namespace(tmp_path: Path) -> None:
    """`xsi:type` (an attribute with `prefix: xsi` and its namespace) was written as a plain `type`, another
    attribute than the one the schema names."""
    import xml.etree.ElementTree as ElementTree

    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    item = {
        "type": "object",
        "required": ["kind", "sku"],
        "xml": {"name": "item"},
        "properties": {
            "kind": {
                "type": "string",
                "enum": ["Widget"],
                "xml": {"attribute": True, "name": "type", "prefix": "xsi", "namespace": xsi},
            },
            "sku": {"type": "string", "xml": {"attribute": True}},
        },
    }
    body = {
        "required": True,
        "content": {"application/xml": {"schema": {"$ref": "#/components/schemas/Item"}}},
    }
    doc = minimal_spec(
        {"/items": {"post": {"summary": "Add", "requestBody": body, "responses": OK}}},
        components={"schemas": {"Item": item}},
    )
    raw = requests_by_name(build_json(tmp_path, doc))["Add"]["request"]["body"]["raw"]
    root = ElementTree.fromstring(raw.split("?>", 1)[1])
    assert root.attrib[f"{{{xsi}}}type"] == "Widget" and "sku" in root.attrib


def test_a_header_given_as_json_content_is_one_http_can_carry(tmp_path: Path) -> None:
    """A header parameter written with `content` (JSON text) took the other road to its value, past the check
    that makes a header sendable: `東京` in it went out raw."""
    media = {"schema": {"type": "object"}, "example": {"city": "東京"}}
    parameters = [
        {"name": "X-Filter", "in": "header", "required": True, "content": {"application/json": media}}
    ]
    doc = minimal_spec({"/x": {"get": {"summary": "X", "parameters": parameters, "responses": OK}}})
    request = requests_by_name(build_json(tmp_path, doc))["X"]["request"]
    assert headers(request)["X-Filter"] == '{"city":"%E6%9D%B1%E4%BA%AC"}'
