"""Real specs (../shared/corpus): every one generates and validates against the official collection schema,
and Klaviyo's collections have the shape Klaviyo's own do. Skipped when ../shared is absent."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

import orjson
import pytest

from postman_kit import generate
from postman_kit.filters import check_filter, parse_filter
from postman_kit.ids import normalize_path
from postman_kit.openapi import load_api
from postman_kit.profiles import KLAVIYO
from tests.support.generate import folder_tree, headers, query, request_items, requests_by_name
from tests.tools import CORPUS, klaviyo_specs, official_collection_schema, official_validator, require_corpus

pytestmark = pytest.mark.corpus

OTHER_SPECS = sorted((CORPUS / "twilio").glob("*.json")) + sorted((CORPUS / "openapi-examples").glob("*"))
ALL_SPECS = klaviyo_specs("stable") + klaviyo_specs("beta") + OTHER_SPECS
KLAVIYO_STABLE = CORPUS / "klaviyo" / "stable"
KLAVIYO_BETA = CORPUS / "klaviyo" / "beta"


@functools.cache
def generated_with_count(spec: Path, out: Path) -> tuple[dict[str, Any], int]:
    """The collection generate wrote for `spec`, and how many operations the spec has."""
    result = generate(str(spec), out / spec.name)
    return orjson.loads(result.files[0].read_bytes()), len(result.build.api.operations)


def generated(spec: Path, out: Path) -> dict[str, Any]:
    return generated_with_count(spec, out)[0]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_corpus()
    return tmp_path_factory.mktemp("corpus")


# -- validity against the official schema --------------------------------------------------------------------------
# Strings whose value the official schema constrains (enums, a const, a maxLength); all others only need to be
# strings, so their text can go.
CONSTRAINED_STRINGS = frozenset({"type", "method", "mode", "identifier"})


def schema_shape(value: Any, key: str | None = None) -> Any:
    """The collection with every unconstrained string emptied and repeated array elements dropped.

    The official schema has no patterns, formats, uniqueItems or item counts, and checks each array element on
    its own, so a piece of a collection is valid exactly when its shape is; a whole Klaviyo revision has only
    a few dozen distinct request shapes, which makes checking 31 real collections take seconds, not minutes.
    """
    if isinstance(value, dict):
        return {k: schema_shape(v, k) for k, v in value.items()}
    if isinstance(value, list):
        shapes = (schema_shape(v) for v in value)
        return list({orjson.dumps(shape): shape for shape in shapes}.values())
    if isinstance(value, str) and key not in CONSTRAINED_STRINGS:
        return ""
    return value


REQUEST_STUB = "https://stub.example"


@functools.cache
def _part_validator(definition: str) -> Any:
    import jsonschema

    definitions = official_collection_schema()["definitions"]
    return jsonschema.Draft7Validator({"$ref": f"#/definitions/{definition}", "definitions": definitions})


@functools.cache
def _shape_errors(definition: str, shape: bytes) -> tuple[str, ...]:
    validator = official_validator() if definition == "collection" else _part_validator(definition)
    return tuple(
        f"{definition} /{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(orjson.loads(shape))
    )


def schema_errors(collection: dict[str, Any]) -> list[str]:
    """Official-schema errors, checked piece by piece: requests, example responses, items, then the folders.

    The schema checks each of these the same wherever it sits (a request item can never pass as a folder:
    folders require `item`), and most pieces share their shape with another, within a collection and across
    revisions, so each distinct shape is validated once per session.
    """
    pieces: list[tuple[str, Any]] = []
    for item in request_items(collection):
        pieces.append(("request", item["request"]))
        for response in item.get("response", []):
            if isinstance(response.get("originalRequest"), dict):
                pieces.append(("request", response["originalRequest"]))
            pieces.append(("response", {**response, "originalRequest": REQUEST_STUB}))
        pieces.append(("item", {**item, "request": REQUEST_STUB, "response": [{}]}))
    pieces.append(("collection", _stub_items(collection)))
    errors: list[str] = []
    for definition, piece in pieces:
        errors += _shape_errors(definition, orjson.dumps(schema_shape(piece)))
    return errors


def _stub_items(node: dict[str, Any]) -> dict[str, Any]:
    if "item" not in node:
        return {"request": REQUEST_STUB}
    return {**node, "item": [_stub_items(child) for child in node["item"]]}


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_spec_generates_a_valid_collection(spec: Path, out_dir: Path) -> None:
    collection, operations = generated_with_count(spec, out_dir)
    assert len(request_items(collection)) == operations
    assert schema_errors(collection) == []


def test_schema_shape_keeps_what_makes_a_collection_invalid() -> None:
    info = {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}
    good = {"info": info, "item": [{"name": "ok", "request": {"method": "GET", "url": "https://a.example"}}]}
    assert schema_errors(good) == []
    wrong_type = {
        "info": info,
        "item": [good["item"][0], {"name": "bad", "request": {"method": "GET", "url": 5}}],
    }
    assert schema_errors(wrong_type)
    wrong_enum = {
        "info": info,
        "item": [{"name": "bad", "request": {"method": "GET", "url": "u", "auth": {"type": "magic"}}}],
    }
    assert schema_errors(wrong_enum)
    missing_key = {"info": info, "item": [{"name": "bad", "request": {"url": "u", "header": [{"key": "A"}]}}]}
    assert schema_errors(missing_key)


# -- Klaviyo facts --------------------------------------------------------------------------------------------------
def profiles_folder(collection: dict[str, Any]) -> list[Any]:
    (profiles,) = [f for f in folder_tree(collection["item"]) if isinstance(f, tuple) and f[0] == "Profiles"]
    return [child[0] for child in profiles[1]]


def test_2023_10_15_profiles_folder_has_profiles_and_relationships(out_dir: Path) -> None:
    collection = generated(KLAVIYO_STABLE / "2023-10-15.json", out_dir)
    assert profiles_folder(collection) == ["Profiles", "Relationships"]


def test_2026_07_15_profiles_folder(out_dir: Path) -> None:
    collection = generated(KLAVIYO_STABLE / "2026-07-15.json", out_dir)
    assert profiles_folder(collection) == [
        "Profiles",
        "Bulk Import Profiles",
        "Consent",
        "Conversations",
        "Push Tokens",
    ]


def test_2026_07_15_stable_and_beta_names(out_dir: Path) -> None:
    assert (
        generated(KLAVIYO_STABLE / "2026-07-15.json", out_dir)["info"]["name"]
        == "(Stable) Klaviyo API (v2026-07-15)"
    )
    assert (
        generated(KLAVIYO_BETA / "2026-07-15.pre.json", out_dir)["info"]["name"]
        == "(Beta) Klaviyo API (v2026-07-15.pre)"
    )


def test_2026_07_15_auth_client_endpoints_and_revision(out_dir: Path) -> None:
    collection = generated(KLAVIYO_STABLE / "2026-07-15.json", out_dir)
    auth = {entry["key"]: entry["value"] for entry in collection["auth"]["apikey"]}
    assert auth == {"key": "Authorization", "value": "Klaviyo-API-Key {{privateKey}}", "in": "header"}
    items = request_items(collection)
    assert len(items) == 345
    client = [i for i in items if i["request"]["url"]["path"][0] == "client"]
    assert len(client) == 12
    for item in client:
        assert item["request"]["auth"] == {"type": "noauth"}, item["name"]
        assert query(item)["company_id"] == {
            "key": "company_id",
            "value": "{{companyId}}",
            "description": query(item)["company_id"].get("description", ""),
        }
    for item in items:
        assert headers(item["request"])["revision"] == "{{revision}}"
        if item["request"]["url"]["path"][0] == "api":
            assert "auth" not in item["request"], item["name"]


def test_item_ids_match_across_revisions_despite_renames(out_dir: Path) -> None:
    old = request_items(generated(KLAVIYO_STABLE / "2023-10-15.json", out_dir))
    new = request_items(generated(KLAVIYO_STABLE / "2026-07-15.json", out_dir))

    def route(item: dict[str, Any]) -> str:
        return (
            item["request"]["method"] + " " + normalize_path("/" + "/".join(item["request"]["url"]["path"]))
        )

    old_by_route = {route(i): i for i in old}
    new_by_route = {route(i): i for i in new}
    shared = old_by_route.keys() & new_by_route.keys()
    assert len(shared) >= 190  # 201 operations in 2023-10-15; a few endpoints were retired since
    assert all(old_by_route[r]["id"] == new_by_route[r]["id"] for r in shared)
    renamed = [
        r
        for r in shared
        if old_by_route[r]["x-postman-kit"]["operationId"] != new_by_route[r]["x-postman-kit"]["operationId"]
    ]
    assert len(renamed) >= 100
    # The old names stay findable on the new items.
    found = [
        r
        for r in renamed
        if old_by_route[r]["x-postman-kit"]["operationId"]
        in new_by_route[r]["x-postman-kit"].get("aliases", [])
    ]
    assert len(found) >= 0.9 * len(renamed)


@pytest.mark.parametrize("revision", ["2023-10-15", "2026-07-15"])
def test_filter_examples_are_allowed_by_their_operations(revision: str, out_dir: Path) -> None:
    spec = KLAVIYO_STABLE / f"{revision}.json"
    items = requests_by_name(generated(spec, out_dir))
    api = load_api(str(spec))
    checked = 0
    for op in api.operations:
        if op.parameter("filter", "query") is None or not KLAVIYO.allowed_filters(op):
            continue
        value = unquote_plus(query(items[op.summary])["filter"]["value"])  # as the server reads it
        assert check_filter(parse_filter(value), KLAVIYO.allowed_filters(op)) == [], (op.summary, value)
        checked += 1
    assert checked >= 30


def test_generating_a_real_spec_twice_is_byte_identical(out_dir: Path, tmp_path: Path) -> None:
    spec = KLAVIYO_STABLE / "2026-07-15.json"
    generated(spec, out_dir)
    again = generate(str(spec), tmp_path).files
    assert [p.read_bytes() for p in again] == [(out_dir / spec.name / p.name).read_bytes() for p in again]
