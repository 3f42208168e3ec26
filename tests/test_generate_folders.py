"""Folder layout: tags in the spec's order, Klaviyo sub-tags, and the paths / flat alternatives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.support.generate import OK, build_json, folder_tree, minimal_spec


def op(summary: str, tag: str | None = None, subtag: str | None = None) -> dict[str, Any]:
    operation: dict[str, Any] = {"summary": summary, "responses": OK}
    if tag:
        operation["tags"] = [tag]
    if subtag:
        operation["x-klaviyo-subtag"] = subtag
    return operation


def klaviyo_spec(paths: dict[str, Any], tags: list[dict[str, str]]) -> dict[str, Any]:
    return minimal_spec(
        paths,
        tags=tags,
        components={
            "securitySchemes": {
                "Klaviyo-API-Key": {"type": "apiKey", "in": "header", "name": "Authorization"}
            }
        },
        security=[{"Klaviyo-API-Key": []}],
    )


def test_example_spec_folders(run_cli, example_spec: Path, tmp_path: Path) -> None:
    run_cli("generate", example_spec, "--out", tmp_path)
    collection = json.loads((tmp_path / "acme-marketing-api-v2026-07-15.postman_collection.json").read_text())
    assert folder_tree(collection["item"]) == [
        ("Events", ["Get Events", "Create Event", "Get Event"]),
        ("Flows", ["Get Flow"]),
        ("Lists", ["Get Lists", "Create List", "Get List", "Delete List", "Update List"]),
        (
            "Profiles",
            [
                ("Profiles", ["Get Profiles", "Create Profile", "Get Profile", "Update Profile"]),
                ("Relationships", ["Get Lists for Profile", "Get List IDs for Profile"]),
            ],
        ),
        ("Client", ["Create Client Event", "Create Client Subscription"]),
    ]
    descriptions = {folder["name"]: folder.get("description") for folder in collection["item"]}
    assert descriptions["Flows"] == "Automations built from steps."


def test_folders_follow_the_declared_tag_order_then_first_use(tmp_path: Path) -> None:
    paths = {
        "/a": {"get": op("A", "Zebra")},
        "/b": {"get": op("B", "Undeclared")},
        "/c": {"get": op("C", "Apple")},
    }
    collection = build_json(
        tmp_path, minimal_spec(paths, tags=[{"name": "Apple"}, {"name": "Zebra"}, {"name": "Unused"}])
    )
    assert folder_tree(collection["item"]) == [("Apple", ["C"]), ("Zebra", ["A"]), ("Undeclared", ["B"])]


def test_subtags_make_subfolders_and_untagged_operations_join_the_tag_named_one(tmp_path: Path) -> None:
    paths = {
        "/api/profiles": {"get": op("Get Profiles", "Profiles"), "post": op("Create Profile", "Profiles")},
        "/api/profile-import": {"post": op("Bulk Import Profiles", "Profiles", "Bulk Import Profiles")},
        "/api/push-tokens": {"post": op("Create Push Token", "Profiles", "Push Tokens")},
        "/api/consent": {"post": op("Subscribe Profiles", "Profiles", "Consent")},
        "/api/lists": {"get": op("Get Lists", "Lists")},
    }
    collection = build_json(tmp_path, klaviyo_spec(paths, [{"name": "Lists"}, {"name": "Profiles"}]))
    assert folder_tree(collection["item"]) == [
        ("Lists", ["Get Lists"]),
        (
            "Profiles",
            [
                ("Profiles", ["Get Profiles", "Create Profile"]),
                ("Bulk Import Profiles", ["Bulk Import Profiles"]),
                ("Consent", ["Subscribe Profiles"]),
                ("Push Tokens", ["Create Push Token"]),
            ],
        ),
    ]


def test_a_tag_whose_operations_all_have_subtags_has_no_empty_tag_named_folder(tmp_path: Path) -> None:
    paths = {"/a": {"get": op("A", "Profiles", "Relationships")}}
    collection = build_json(tmp_path, klaviyo_spec(paths, [{"name": "Profiles"}]))
    assert folder_tree(collection["item"]) == [("Profiles", [("Relationships", ["A"])])]


def test_subtags_are_a_klaviyo_convention_only(tmp_path: Path) -> None:
    paths = {"/a": {"get": op("A", "Profiles", "Relationships")}}
    collection = build_json(tmp_path, klaviyo_spec(paths, [{"name": "Profiles"}]), profile="generic")
    assert folder_tree(collection["item"]) == [("Profiles", ["A"])]


def test_untagged_operations_are_grouped_by_path_next_to_tagged_ones(tmp_path: Path) -> None:
    paths = {"/api/things": {"get": op("List things", "Things")}, "/api/health": {"get": op("Health")}}
    collection = build_json(tmp_path, minimal_spec(paths))
    assert folder_tree(collection["item"]) == [("Things", ["List things"]), ("health", ["Health"])]


def test_a_spec_without_tags_is_grouped_by_path(tmp_path: Path) -> None:
    paths = {
        "/pets": {"get": op("List pets")},
        "/pets/{id}": {"get": op("Get pet")},
        "/": {"get": op("Root")},
    }
    collection = build_json(tmp_path, minimal_spec(paths))
    assert folder_tree(collection["item"]) == [("pets", ["List pets", "Get pet"]), ("root", ["Root"])]


def test_folders_by_paths_and_flat(run_cli, example_spec: Path, tmp_path: Path) -> None:
    run_cli("generate", example_spec, "--out", tmp_path / "paths", "--folders", "paths")
    run_cli("generate", example_spec, "--out", tmp_path / "flat", "--folders", "flat")
    name = "acme-marketing-api-v2026-07-15.postman_collection.json"
    by_path = json.loads((tmp_path / "paths" / name).read_text())
    assert [folder["name"] for folder in by_path["item"]] == [
        "profiles",
        "events",
        "lists",
        "flows",
        "client",
    ]
    flat = json.loads((tmp_path / "flat" / name).read_text())
    assert all("item" not in node for node in flat["item"]) and len(flat["item"]) == 17


def test_unknown_folder_mode_is_refused(run_cli, example_spec: Path, tmp_path: Path) -> None:
    result = run_cli("generate", example_spec, "--out", tmp_path, "--folders", "nested")
    assert result.exit_code == 2 and "nested" in result.stderr
    assert not any(tmp_path.iterdir())


def test_folder_ids_are_stable_and_distinct(tmp_path: Path) -> None:
    paths = {"/a": {"get": op("A", "Profiles")}, "/b": {"get": op("B", "Profiles", "Relationships")}}
    first = build_json(tmp_path, klaviyo_spec(paths, [{"name": "Profiles"}]))
    again = build_json(tmp_path, klaviyo_spec(paths, [{"name": "Profiles"}]))
    ids = [first["item"][0]["id"], *(sub["id"] for sub in first["item"][0]["item"])]
    assert len(set(ids)) == 3
    assert ids == [again["item"][0]["id"], *(sub["id"] for sub in again["item"][0]["item"])]
