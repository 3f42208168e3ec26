"""The diff and upgrade tests' specs: the shipped example set back to an older revision, as Klaviyo's history
runs, and walks over a collection's JSON."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from postman_kit.generation import build_collection_from_spec
from postman_kit.writer import dumps
from tests.tools import EXAMPLE_SPEC

OLD_REVISION = "2024-07-15"
TODAY = date(2026, 11, 23)


def example_document() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE_SPEC.read_text())


def older_example_document(revision: str = OLD_REVISION) -> dict[str, Any]:
    doc = copy.deepcopy(example_document())
    doc["info"]["version"] = revision
    doc["components"]["parameters"]["Revision"]["schema"]["default"] = revision
    doc["components"]["parameters"]["CompanyId"]["required"] = False
    paths = {}
    for path, item in doc["paths"].items():
        if path == "/api/flows/{id}":
            continue  # added later
        paths[path.rstrip("/") + "/"] = item
    doc["paths"] = paths
    events_item = paths["/api/events/{id}/"]
    events_item["delete"] = {
        "operationId": "delete_event",
        "summary": "Delete Event",
        "tags": ["Events"],
        "parameters": [
            {"$ref": "#/components/parameters/Revision"},
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
        ],
        "responses": {"204": {"description": "Success"}},
    }
    events_item["get"]["security"] = []
    relationships = paths["/api/profiles/{id}/relationships/lists/"]["get"]
    relationships["operationId"] = "get_profile_relationships_lists"
    relationships.pop("x-klaviyo-operation-aliases", None)
    sort = paths["/api/events/"]["get"]["parameters"][2]
    sort["schema"]["enum"] = sort["schema"]["enum"] + ["uuid"]
    return doc


def write_spec(folder: Path, document: dict[str, Any], name: str) -> Path:
    path = folder / name
    path.write_text(json.dumps(document))
    return path


def make_specs(folder: Path) -> dict[str, Path]:
    """OLD (2024-07-15), a revision between, NEW (the example), a revisions directory, OLD's collection."""
    revisions = folder / "revisions"
    revisions.mkdir()
    old = write_spec(revisions, older_example_document(), f"{OLD_REVISION}.json")
    between = write_spec(revisions, older_example_document("2025-01-15"), "2025-01-15.json")
    new = write_spec(revisions, example_document(), "2026-07-15.json")
    old_collection = folder / "old.postman_collection.json"
    old_collection.write_bytes(dumps(build_collection_from_spec(str(old)).collection.to_json()))
    return {
        "old": old,
        "new": new,
        "between": between,
        "revisions": revisions,
        "old_collection": old_collection,
    }


def find_folder(collection: dict[str, Any], *names: str) -> dict[str, Any]:
    nodes = collection["item"]
    folder: dict[str, Any] = {}
    for name in names:
        folder = next(n for n in nodes if n["name"] == name and "item" in n)
        nodes = folder["item"]
    return folder


def find_item(folder: dict[str, Any], name: str) -> dict[str, Any]:
    return next(n for n in folder["item"] if n["name"] == name)


def all_items(nodes: list[dict[str, Any]], trail: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], dict]]:
    found = []
    for node in nodes:
        if "item" in node and "request" not in node:
            found += all_items(node["item"], trail + (node["name"],))
        else:
            found.append((trail, node))
    return found
