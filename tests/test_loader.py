"""Reading specs: every input form generate accepts, and every bad input it refuses in one line."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postman_kit.errors import InputError
from postman_kit.loader import collect_refs, load_document, parse_text
from postman_kit.openapi import load_api
from postman_kit.shapes import MAX_NESTING, nesting_exceeds
from tests.support.generate import (
    OK,
    assert_one_line_error,
    minimal_spec,
    requests_by_name,
    serve_directory,
    write_spec,
)
from tests.tools import require_corpus

COLLECTION = "test-api-v1.0.postman_collection.json"


def collection_in(folder: Path) -> dict:
    return json.loads((folder / COLLECTION).read_text())


# -- input forms -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["spec.yaml", "spec.json"])
def test_generate_reads_yaml_and_json_paths(run_cli, tmp_path: Path, name: str) -> None:
    spec = write_spec(tmp_path, minimal_spec(), name)
    result = run_cli("generate", spec, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert list(requests_by_name(collection_in(tmp_path / "out"))) == ["List things"]


def test_generate_reads_stdin(run_cli, tmp_path: Path) -> None:
    text = json.dumps(minimal_spec())
    result = run_cli("generate", "-", "--out", tmp_path, input=text)
    assert result.exit_code == 0, result.output
    assert collection_in(tmp_path)["info"]["name"] == "(Stable) Test API (v1.0)"


def test_generate_reads_a_url_and_its_relative_refs(run_cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "schemas").mkdir(parents=True)
    doc = minimal_spec(
        {
            "/things": {
                "post": {
                    "summary": "Create thing",
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "schemas/thing.yaml#/Thing"}}}
                    },
                    "responses": OK,
                }
            }
        }
    )
    write_spec(site, doc, "api.yaml")
    write_spec(
        site / "schemas",
        {"Thing": {"type": "object", "properties": {"name": {"type": "string", "example": "kettle"}}}},
        "thing.yaml",
    )
    with serve_directory(site) as base:
        result = run_cli("generate", f"{base}/api.yaml", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    body = requests_by_name(collection_in(tmp_path / "out"))["Create thing"]["request"]["body"]["raw"]
    assert json.loads(body) == {"name": "kettle"}


@pytest.mark.parametrize("ref", ["../outside.yaml#/Thing", "http://169.254.169.254/latest/meta-data#/Thing"])
def test_a_spec_read_from_a_url_reads_no_url_outside_its_own_directory(
    run_cli, tmp_path: Path, ref: str
) -> None:
    """A spec fetched from a URL could `$ref` any URL (another host: an internal service, a cloud's metadata
    address; its own server's other paths) and the answer went into the collection. It reads what is under its
    own URL's directory, as a file's refs stay inside its directory."""
    site = tmp_path / "site"
    (site / "specs").mkdir(parents=True)
    body = {"content": {"application/json": {"schema": {"$ref": ref}}}}
    doc = minimal_spec(
        {"/things": {"post": {"summary": "Create thing", "requestBody": body, "responses": OK}}}
    )
    write_spec(site / "specs", doc, "api.yaml")
    write_spec(site, {"Thing": {"type": "object"}}, "outside.yaml")
    with serve_directory(site) as base:
        result = run_cli("generate", f"{base}/specs/api.yaml", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "points outside the spec's own URL directory" in result.stderr, (
        result.output
    )
    assert not (tmp_path / "out").exists()


def test_relative_file_refs_are_bundled_including_refs_between_external_files(tmp_path: Path) -> None:
    (tmp_path / "common").mkdir()
    doc = minimal_spec(
        {
            "/things/{id}": {
                "get": {
                    "summary": "Get thing",
                    "parameters": [{"$ref": "common/parameters.yaml#/ThingId"}],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {
                                "application/json": {"schema": {"$ref": "./common/schemas.json#/Thing"}}
                            },
                        }
                    },
                }
            }
        }
    )
    spec = write_spec(tmp_path, doc, "api.yaml")
    write_spec(
        tmp_path / "common",
        {
            "ThingId": {
                "name": "id",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "example": "th_1"},
            }
        },
        "parameters.yaml",
    )
    write_spec(
        tmp_path / "common",
        {
            "Thing": {
                "type": "object",
                "properties": {"id": {"type": "string", "example": "th_1"}, "owner": {"$ref": "#/Owner"}},
            },
            "Owner": {"type": "object", "properties": {"name": {"type": "string", "example": "Ada"}}},
        },
        "schemas.json",
    )
    api = load_api(str(spec))
    (op,) = api.operations
    assert (
        op.parameter("id", "path").example is None and op.parameter("id", "path").schema["example"] == "th_1"
    )
    schema = api.resolve(op.success_responses[0].preferred.schema)
    assert set(schema["properties"]) == {"id", "owner"}
    assert api.resolve(schema["properties"]["owner"])["properties"]["name"]["example"] == "Ada"
    assert all(ref.startswith("#") for ref in collect_refs(api.document))


def test_yaml_dates_stay_strings(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, minimal_spec(), "spec.yaml")
    spec.write_text(spec.read_text().replace("version: '1.0'", "version: 2026-07-15"))
    assert load_api(str(spec)).version == "2026-07-15"


def test_json_keeps_integers_beyond_64_bits_exact() -> None:
    data = parse_text(b'{"big": 123456789012345678901234567890, "small": 1.5}', "spec.json")
    assert data == {"big": 123456789012345678901234567890, "small": 1.5}
    assert isinstance(data["big"], int)


@pytest.mark.parametrize("levels", [MAX_NESTING, MAX_NESTING + 1, 700])
def test_the_loader_refuses_what_nests_too_deep_as_the_shape_check_does(tmp_path: Path, levels: int) -> None:
    # One walk finds `$ref`s, rounded numbers and the nesting; 700 levels take its path past Python's recursion.
    path = tmp_path / "deep.json"
    path.write_text('{"a": ' + "[" * (levels - 1) + "]" * (levels - 1) + "}")
    data = json.loads(path.read_text())
    if nesting_exceeds(data):
        with pytest.raises(InputError, match=f"nests deeper than {MAX_NESTING} levels"):
            load_document(str(path))
    else:
        assert load_document(str(path)).nesting_checked
    assert nesting_exceeds(data) == (levels > MAX_NESTING)


def test_byte_order_mark_is_accepted() -> None:
    assert parse_text(b'\xef\xbb\xbf{"openapi": "3.0.0"}', "spec.json") == {"openapi": "3.0.0"}


def test_json_looking_yaml_is_read_as_yaml() -> None:
    assert parse_text(b"{openapi: 3.0.0, info: {title: T}}", "spec.yaml") == {
        "openapi": "3.0.0",
        "info": {"title": "T"},
    }


YAML_BY_PYYAML_RULES = """\
base: &base {type: object, required: [id], nullable: true}
merged:
  <<: *base
  description: merge keys and aliases
shared: [*base, *base]
responses: {200: ok, 4XX: error, 1.5: float, true: yes, ~: empty key, 0x1F: hex}
numbers: [1_000, 0o17, .inf, -.Inf, 6.02e+23, 190:20:30]
text: ["007", "true", 'null', 2026-07-15, !!str 12, !!binary aGk=]
empty:
nested: [[[{a: [1, {b: [2]}]}]]]
"""


def _pyyaml_data(text: str, loader_class: type) -> object:
    loader = loader_class(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def test_yaml_reads_as_pyyaml_constructs_it() -> None:
    # Mappings, lists and strings are built directly: the data must be PyYAML's own, value for value and with
    # an alias's object shared, whatever the tags, merge keys, key types and nesting.
    from postman_kit.loader import _yaml12_loader_class, parse_yaml_with_lines

    data = parse_text(YAML_BY_PYYAML_RULES.encode(), "spec.yaml")
    assert data == _pyyaml_data(YAML_BY_PYYAML_RULES, _yaml12_loader_class(merge=True))
    assert data["merged"] == {
        "type": "object",
        "required": ["id"],
        "nullable": True,
        "description": "merge keys and aliases",
    }
    assert data["shared"][0] is data["shared"][1] is data["base"]
    assert list(data["responses"]) == [200, "4XX", 1.5, True, None, 31]
    # YAML 1.2's core schema, as OpenAPI recommends and js-yaml reads: `yes` and `1_000` are strings, `0o17` octal
    assert data["responses"][True] == "yes"
    assert data["numbers"][:2] == ["1_000", 15]
    with_lines, _ = parse_yaml_with_lines(YAML_BY_PYYAML_RULES.encode(), "spec.yaml")
    assert with_lines == _pyyaml_data(YAML_BY_PYYAML_RULES, _yaml12_loader_class())


def test_yaml_as_deep_as_allowed_reads_as_pyyaml_reads_it() -> None:
    """A document deeper than the builder's recursion goes (and within the loader's bound): PyYAML builds it."""
    levels = 990  # libyaml 0.2.6 (PyYAML 6.0.4) refuses 1,000 levels and more itself
    text = "".join(" " * level + "k:\n" for level in range(levels)) + " " * levels + "x\n"
    data = parse_text(text.encode(), "spec.yaml")
    for _ in range(levels):
        data = data["k"]
    assert data == "x"


@pytest.mark.corpus
def test_corpus_yaml_specs_read_as_pyyaml_constructs_them() -> None:
    from postman_kit.loader import _yaml12_loader_class

    specs = sorted(p for p in require_corpus().rglob("*") if p.suffix in (".yaml", ".yml"))
    assert specs
    for spec in specs:
        text = spec.read_text(encoding="utf-8")
        assert parse_text(spec.read_bytes(), str(spec)) == _pyyaml_data(text, _yaml12_loader_class(True)), (
            spec
        )


def test_circular_schemas_load_and_generate(run_cli, tmp_path: Path) -> None:
    doc = minimal_spec(
        {
            "/steps": {
                "post": {
                    "summary": "Create step",
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Step"}}}
                    },
                    "responses": {
                        "201": {
                            "description": "Created",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Step"}}
                            },
                        }
                    },
                }
            }
        },
        components={
            "schemas": {
                "Step": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "example": "wait"},
                        "steps": {"type": "array", "items": {"$ref": "#/components/schemas/Step"}},
                    },
                }
            }
        },
    )
    result = run_cli("generate", write_spec(tmp_path, doc), "--out", tmp_path)
    assert result.exit_code == 0, result.output
    item = requests_by_name(collection_in(tmp_path))["Create step"]
    assert json.loads(item["request"]["body"]["raw"]) == {"name": "wait", "steps": []}


def test_load_document_records_where_it_came_from(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, minimal_spec(), "spec.json")
    loaded = load_document(str(spec))
    assert loaded.source == str(spec)
    assert loaded.base == str(tmp_path.resolve())
    assert loaded.refs == frozenset()


# -- bad input: one line naming the file, exit 2, nothing written ---------------------------------------------
BAD_DOCUMENTS = {
    "malformed.json": ('{"openapi": "3.0.0", "info": ', "invalid JSON", "line 1"),
    "malformed.yaml": ("openapi: 3.0.0\ninfo: [title\n", "invalid YAML", "line"),
    "empty.yaml": ("", "file is empty"),
    "blank.json": ("  \n\n", "file is empty"),
    "list.yaml": ("- a\n- b\n", "not an OpenAPI document"),
    "other.json": ('{"name": "package", "version": "1.0.0"}', "not an OpenAPI document", "'openapi'"),
    "swagger.json": (
        '{"swagger": "2.0", "info": {"title": "Old", "version": "1"}, "paths": {}}',
        "Swagger 2.0 is not supported",
        "OpenAPI 3",
    ),
    "openapi2.yaml": (
        "openapi: 2.5.0\ninfo: {title: T, version: '1'}\npaths: {}\n",
        "unsupported OpenAPI version",
    ),
    "noinfo.yaml": ("openapi: 3.0.0\npaths: {}\n", "no 'info'"),
    "dangling.json": (  # a response that names none is read as one with no body; a parameter is refused
        json.dumps(
            minimal_spec(
                {
                    "/a": {
                        "get": {"parameters": [{"$ref": "#/components/parameters/Missing"}], "responses": OK}
                    }
                }
            )
        ),
        "dangling $ref",
        "#/components/parameters/Missing",
        "/paths/~1a/get/parameters/0",
    ),
    "bad-scheme.json": (
        json.dumps(minimal_spec(components={"securitySchemes": {"key": "apiKey"}})),
        "#/components/securitySchemes/key must be object",
    ),
    "deep.json": ("[" * 100_000 + "]" * 100_000, "nests too deeply"),
    "alias-bomb.yaml": (
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
        ),
        "alias bomb",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_DOCUMENTS))
def test_bad_documents_fail_in_one_line_and_write_nothing(run_cli, tmp_path: Path, name: str) -> None:
    text, *fragments = BAD_DOCUMENTS[name]
    spec = tmp_path / name
    spec.write_text(text)
    out = tmp_path / "out"
    result = run_cli("generate", spec, "--out", out)
    assert_one_line_error(result, str(spec), *fragments)
    assert not out.exists() or not any(out.iterdir())


def test_dangling_ref_in_a_schema_is_any_value_with_a_warning_naming_where(tmp_path: Path) -> None:
    """Keycloak's one unresolvable property type (in a schema only responses use) refused all 316 operations;
    peers read it as any value. Elsewhere (a parameter) a dangling ref is still refused; a response's is read as
    a response with no body (tests/test_lenient_specs.py)."""
    doc = minimal_spec(
        components={
            "schemas": {
                "A": {"$ref": "#/components/schemas/B"},
                "C": {
                    "type": "object",
                    "properties": {"d": {"$ref": "#/components/schemas/B", "description": "x"}},
                },
            }
        }
    )
    api = load_api(str(write_spec(tmp_path, doc, "spec.json")))
    assert api.document["components"]["schemas"]["C"]["properties"]["d"] == {"description": "x"}
    assert sorted(api.warnings) == [
        "dangling $ref '#/components/schemas/B' at #/components/schemas/A: read as any value",
        "dangling $ref '#/components/schemas/B' at #/components/schemas/C/properties/d: read as any value",
    ]
    doc["paths"]["/things"]["get"]["parameters"] = [{"$ref": "#/components/parameters/Gone"}]
    with pytest.raises(InputError) as caught:
        load_api(str(write_spec(tmp_path, doc, "spec.json")))
    assert "dangling $ref '#/components/parameters/Gone' at #/paths/~1things/get/parameters/0" in str(
        caught.value
    )


def test_a_ref_inside_an_example_value_is_data_not_a_reference(tmp_path: Path) -> None:
    """Okta's examples show JSON Schemas of its own (`{"$ref": "#/definitions/custom"}` in a user schema
    example): the example is data, so the spec loads; a dangling ref in a schema still does not."""
    shown = {"properties": {"profile": {"allOf": [{"$ref": "#/definitions/custom"}]}}}
    examples = {"UserSchema": {"value": shown}}
    media = {"schema": {"type": "object"}, "example": shown, "examples": {"inline": {"value": shown}}}
    doc = minimal_spec(
        {
            "/schemas": {
                "get": {"responses": {"200": {"description": "OK", "content": {"application/json": media}}}}
            }
        },
        components={"examples": examples},
    )
    api = load_api(str(write_spec(tmp_path, doc, "spec.json")))
    assert api.document["components"]["examples"]["UserSchema"]["value"] == shown
    doc["components"]["schemas"] = {"A": {"$ref": "#/definitions/custom"}}
    assert load_api(str(write_spec(tmp_path, doc, "spec.json"))).warnings == [
        "dangling $ref '#/definitions/custom' at #/components/schemas/A: read as any value"
    ]  # a schema's dangling ref is found, and read as any value


def test_not_utf8_is_refused(run_cli, tmp_path: Path) -> None:
    spec = tmp_path / "latin1.yaml"
    spec.write_bytes("openapi: 3.0.0\ninfo: {title: Caf\u00e9}\n".encode("latin-1"))
    assert_one_line_error(run_cli("generate", spec, "--out", tmp_path / "out"), str(spec), "not UTF-8")


def test_missing_file_and_directory_are_refused(run_cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert_one_line_error(
        run_cli("generate", missing, "--out", tmp_path / "out"), str(missing), "no such file"
    )
    assert_one_line_error(
        run_cli("generate", tmp_path, "--out", tmp_path / "out"), str(tmp_path), "directory"
    )
    assert not (tmp_path / "out").exists()


def test_missing_relative_ref_file_names_the_file(run_cli, tmp_path: Path) -> None:
    doc = minimal_spec(components={"schemas": {"A": {"$ref": "elsewhere.yaml#/A"}}})
    spec = write_spec(tmp_path, doc)
    result = run_cli("generate", spec, "--out", tmp_path / "out")
    assert_one_line_error(result, str(tmp_path.resolve() / "elsewhere.yaml"), "no such file")


def test_unreachable_url_is_refused(run_cli, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on: bound, never accepted
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/api.yaml"
        result = run_cli("generate", url, "--out", tmp_path / "out")
    assert_one_line_error(result, url, "cannot fetch URL")
    assert not (tmp_path / "out").exists()


def test_url_that_answers_404_is_refused(run_cli, tmp_path: Path) -> None:
    with serve_directory(tmp_path) as base:
        result = run_cli("generate", f"{base}/missing.yaml", "--out", tmp_path / "out")
    assert_one_line_error(result, f"{base}/missing.yaml", "HTTP 404")


def test_empty_stdin_is_refused(run_cli, tmp_path: Path) -> None:
    assert_one_line_error(run_cli("generate", "-", "--out", tmp_path, input=""), "<stdin>", "empty")


@given(st.text(alphabet="&: \t\n\r\x0b\x1c[]{},ab\u00a0\u2028", max_size=30))
def test_an_anchor_is_looked_for_where_yaml_can_start_one(text: str) -> None:
    """The quick look for anchors agrees with the rule it stands for: an `&` at the start, after whitespace, a
    flow indicator or a colon, followed by a character an anchor name may hold."""
    import re

    from postman_kit.loader import _may_hold_anchor

    rule = re.compile(r"(?:^|[\s\[{,:])&[^\s\[\]{},]", re.MULTILINE)
    assert _may_hold_anchor(text) == bool(rule.search(text))


def test_openapi_31_schemas_named_by_id_or_anchor_resolve(tmp_path: Path) -> None:
    """JSON Schema 2020-12 resources in a 3.1 spec: `#/$defs/line` inside a schema with `$id` is that schema's
    own, `https://example.com/schemas/address` and `inner` name schemas by `$id`, `#skuAnchor` a `$anchor`. Each
    was refused (dangling, a URL fetch, a missing file); each body is now built from the schema it names."""
    import jsonschema

    from postman_kit.generation import build_collection_from_spec

    cart = {
        "$id": "https://example.com/schemas/cart",
        "type": "object",
        "required": ["lines", "to", "sku", "v", "note"],
        "properties": {
            "lines": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/line"}},
            "to": {"$ref": "https://example.com/schemas/address"},
            "sku": {"$ref": "#skuAnchor"},
            "v": {"$ref": "inner"},
            # a document-wide pointer inside a schema with `$id`, as specs write them: still the document's
            "note": {"$ref": "#/components/schemas/Note"},
        },
        "$defs": {
            "line": {
                "type": "object",
                "required": ["qty"],
                "properties": {"qty": {"type": "integer", "minimum": 2}},
            }
        },
    }
    schemas = {
        "Cart": cart,
        "Address": {
            "$id": "https://example.com/schemas/address",
            "type": "object",
            "required": ["zip"],
            "properties": {"zip": {"type": "string", "pattern": "^[0-9]{5}$"}},
        },
        "Inner": {"$id": "https://example.com/schemas/inner", "type": "string", "pattern": "^in[0-9]$"},
        "Sku": {"$anchor": "skuAnchor", "type": "string", "pattern": "^SKU[0-9]{3}$"},
        "Note": {"type": "string", "enum": ["gift"]},
    }
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Cart"}}}
    doc = minimal_spec(
        {
            "/carts": {
                "post": {"summary": "Create cart", "requestBody": {"content": content}, "responses": OK}
            }
        },
        components={"schemas": schemas},
    )
    doc["openapi"] = "3.1.0"
    spec = tmp_path / "carts.json"
    spec.write_text(json.dumps(doc))
    collection = build_collection_from_spec(str(spec)).collection.to_json()
    body = json.loads(collection["item"][0]["item"][0]["request"]["body"]["raw"])
    resolved = {
        **cart,
        "properties": {
            "lines": {"type": "array", "minItems": 1, "items": cart["$defs"]["line"]},
            "to": schemas["Address"],
            "sku": schemas["Sku"],
            "v": schemas["Inner"],
        },
    }
    jsonschema.Draft202012Validator(resolved).validate(body)


def test_a_json_file_with_output_ahead_of_its_document_is_said_to_be_bad_json() -> None:
    """A FastAPI app's committed `openapi.json` starts with two lines its program printed: the error spoke of
    YAML only. A YAML document in a `.json` file still reads."""
    raw = b'Loading app...\nServer ready\n{"openapi": "3.0.0", "paths": {}}\n'
    with pytest.raises(InputError, match=r"invalid JSON: it starts with 'L', not \{ or \[ \(read as YAML: "):
        parse_text(raw, "openapi.json")
    assert parse_text(b"openapi: 3.0.0\npaths: {}\n", "openapi.json") == {"openapi": "3.0.0", "paths": {}}


def test_a_content_map_given_as_a_ref_is_read_as_the_map_it_points_to(tmp_path: Path) -> None:
    """Lob's repository shares a response's content as `content: {$ref: responses/….yml}` (as Redocly bundles
    it): inside a path item in another file it became a media type named `$ref` (`Accept: $ref` on 52
    requests); written inline, the spec was refused. Both now read the map the ref points to."""
    shared = {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}}}}}
    (tmp_path / "content.yaml").write_text(json.dumps(shared))
    (tmp_path / "things.yaml").write_text(
        json.dumps(
            {"get": {"responses": {"200": {"description": "OK", "content": {"$ref": "content.yaml"}}}}}
        )
    )
    doc = minimal_spec(
        {
            "/things": {"$ref": "things.yaml"},
            "/others": {
                "get": {"responses": {"200": {"description": "OK", "content": {"$ref": "#/x-content"}}}}
            },
        },
        **{"x-content": shared},
    )
    api = load_api(str(write_spec(tmp_path, doc, "spec.json")))
    for op in api.operations:
        assert [m.media_type for m in op.responses[0].content] == ["application/json"], op.path


@pytest.mark.parametrize("target", ["text", [1, 2], {"application/json": 5}])
def test_a_content_ref_to_anything_but_a_map_of_media_types_is_refused(tmp_path: Path, target: Any) -> None:
    body = {"required": True, "content": {"$ref": "#/x-shared"}}
    doc = minimal_spec({"/a": {"post": {"requestBody": body, "responses": {"200": {"description": "OK"}}}}})
    doc["x-shared"] = target
    with pytest.raises(InputError, match="content \\$ref '#/x-shared' is not a map of media types"):
        load_api(str(write_spec(tmp_path, doc, "spec.json")))


def test_an_anchor_named_again_stands_for_its_latest_node_as_yaml_and_js_yaml_read_it() -> None:
    """OpenAI's spec of April to August 2024 names `&run_temperature_description` twice: PyYAML refused it as
    invalid YAML, so no revision of those four months could be generated, diffed or upgraded to."""
    from postman_kit.loader import parse_text

    text = b"a: &x 1\nb: &x [2]\nc: *x\nd: {e: &x 3, f: *x}\n"
    assert parse_text(text, "spec.yaml") == {"a": 1, "b": [2], "c": [2], "d": {"e": 3, "f": 3}}
    laughs = b"a: &x [1, 1]\nb: &x [*x, *x, *x, *x, *x, *x, *x, *x, *x]\n" + b"".join(
        b"l%d: &x [*x, *x, *x, *x, *x, *x, *x, *x, *x]\n" % n for n in range(12)
    )
    with pytest.raises(InputError):
        parse_text(laughs, "laughs.yaml")  # the alias limits hold on this path too


def test_a_path_item_taken_from_another_file_s_escaped_pointer_is_bundled(tmp_path: Path) -> None:
    """Matrix's client-server spec gathers path items from its files by escaped pointers
    (`whoami.yaml#/paths/~1account~1whoami`): the bundled key kept the escapes, a pointer read them as `/`, and
    generate refused the spec with a dangling $ref of its own making."""
    part = minimal_spec({"/account/whoami": {"get": {"summary": "Who am I", "responses": OK}}})
    write_spec(tmp_path, part, "whoami.yaml")
    doc = minimal_spec(
        {
            "/account/whoami": {"$ref": "whoami.yaml#/paths/~1account~1whoami"},
            "/odd~name": {"$ref": "whoami.yaml#/paths/~1account~1whoami"},
        }
    )
    api = load_api(str(write_spec(tmp_path, doc, "main.yaml")))
    assert sorted((op.method, op.path) for op in api.operations) == [
        ("GET", "/account/whoami"),
        ("GET", "/odd~name"),
    ]
