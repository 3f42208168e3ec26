"""Identity: an endpoint keeps its item id across revisions, whatever Klaviyo renamed."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from postman_kit import ids
from tests.support.generate import OK, build_json, minimal_spec, requests_by_name


def revision(paths: dict[str, Any], version: str) -> dict[str, Any]:
    return minimal_spec(paths, info={"title": "Klaviyo API", "version": version})


def items_by_route(collection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        f"{i['request']['method']} {i['request']['url']['raw']}": i
        for i in requests_by_name(collection).values()
    }


def test_item_ids_survive_renamed_operation_ids_and_the_dropped_trailing_slash(tmp_path: Path) -> None:
    old = revision(
        {
            "/api/profiles/": {
                "get": {"operationId": "get_profiles", "summary": "Get Profiles", "responses": OK}
            },
            "/api/profiles/{id}/": {
                "get": {"operationId": "get_profile", "summary": "Get Profile", "responses": OK},
                "patch": {"operationId": "update_profile", "summary": "Update Profile", "responses": OK},
            },
            "/api/profiles/{id}/relationships/lists/": {
                "get": {
                    "operationId": "get_profile_relationships_lists",
                    "summary": "Get Profile Relationships Lists",
                    "responses": OK,
                }
            },
        },
        "2023-10-15",
    )
    new = revision(
        {
            "/api/profiles": {
                "get": {"operationId": "get_profiles", "summary": "Get Profiles", "responses": OK}
            },
            "/api/profiles/{profile_id}": {
                "get": {"operationId": "get_profile", "summary": "Get Profile", "responses": OK},
                "patch": {"operationId": "update_profile", "summary": "Update Profile", "responses": OK},
            },
            "/api/profiles/{id}/relationships/lists": {
                "get": {
                    "operationId": "get_list_ids_for_profile",
                    "summary": "Get List IDs for Profile",
                    "x-klaviyo-operation-aliases": ["get_profile_relationships_lists"],
                    "responses": OK,
                }
            },
        },
        "2026-07-15",
    )
    old_items = requests_by_name(build_json(tmp_path, old))
    new_items = requests_by_name(build_json(tmp_path, new))
    assert old_items["Get Profiles"]["id"] == new_items["Get Profiles"]["id"]
    assert old_items["Get Profile"]["id"] == new_items["Get Profile"]["id"]
    assert old_items["Update Profile"]["id"] == new_items["Update Profile"]["id"]
    assert old_items["Get Profile"]["id"] != old_items["Update Profile"]["id"]
    assert old_items["Get Profile Relationships Lists"]["id"] == new_items["Get List IDs for Profile"]["id"]


def test_operation_id_and_aliases_are_kept_on_the_item(tmp_path: Path) -> None:
    doc = revision(
        {
            "/api/lists": {
                "get": {
                    "operationId": "get_lists",
                    "summary": "Get Lists",
                    "x-klaviyo-operation-aliases": ["list_lists"],
                    "responses": OK,
                }
            }
        },
        "2026-07-15",
    )
    doc["components"] = {
        "securitySchemes": {"Klaviyo-API-Key": {"type": "apiKey", "in": "header", "name": "Authorization"}}
    }
    (item,) = requests_by_name(build_json(tmp_path, doc)).values()
    assert item["x-postman-kit"] == {"operationId": "get_lists", "aliases": ["list_lists"]}


def test_items_without_operation_id_carry_no_kit_metadata(tmp_path: Path) -> None:
    (item,) = requests_by_name(build_json(tmp_path, minimal_spec())).values()
    assert "x-postman-kit" not in item


def test_ids_are_distinct_within_a_collection(example_spec: Path) -> None:
    from postman_kit.generation import build_collection_from_spec

    collection = build_collection_from_spec(str(example_spec)).collection
    ids = [item.id for _, item in collection.walk()] + [folder.id for _, folder in collection.folders()]
    assert len(ids) == len(set(ids)) == 17 + 7


def test_different_apis_do_not_share_item_ids(tmp_path: Path) -> None:
    first = items_by_route(build_json(tmp_path, minimal_spec(info={"title": "One", "version": "1"})))
    second = items_by_route(build_json(tmp_path, minimal_spec(info={"title": "Two", "version": "1"})))
    assert first.keys() == second.keys()
    assert all(first[route]["id"] != second[route]["id"] for route in first)


def test_ids_are_standard_uuid5_of_their_parts() -> None:
    # Other tools (and earlier versions of this one) recompute ids with `uuid.uuid5`: the bytes must agree.
    namespace = uuid.UUID(ids.NAMESPACE_HEX)
    for parts in [
        ("operation", "Klaviyo API", "GET", "/api/profiles/{}"),
        ("example", "é", "Not Found", "404"),
        *[(str(n),) for n in range(64)],
    ]:
        expected = uuid.uuid5(namespace, "\x1f".join(parts))
        assert ids.stable_uuid(*parts) == str(expected)
        assert expected.version == 5 and expected.variant == uuid.RFC_4122
