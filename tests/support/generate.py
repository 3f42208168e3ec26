"""Small specs and helpers shared by the generate tests (no tests here).

Specs are written for each test as plain dicts, so a test shows the input it depends on.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from postman_kit.generation import build_collection_from_spec
from postman_kit.generation.build import BuildOptions

OK = {"200": {"description": "OK"}}


def minimal_spec(paths: dict[str, Any] | None = None, **top: Any) -> dict[str, Any]:
    """An OpenAPI 3.0 document with one server and, unless `paths` says otherwise, one GET."""
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Test API", "version": "1.0"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": paths
        if paths is not None
        else {"/things": {"get": {"summary": "List things", "responses": OK}}},
    }
    doc.update(copy.deepcopy(top))
    return doc


def write_spec(folder: Path, doc: Any, name: str = "spec.yaml") -> Path:
    """Write `doc` as YAML or JSON, chosen by the file name."""
    path = folder / name
    if name.endswith(".json"):
        path.write_text(json.dumps(doc, indent=2))
    else:
        path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return path


def build_json(folder: Path, doc: dict[str, Any], **options: Any) -> dict[str, Any]:
    """The collection JSON generate would write for `doc` (through a file, as a user's spec arrives)."""
    path = write_spec(folder, doc, "built-spec.json")
    return build_collection_from_spec(str(path), BuildOptions(**options)).collection.to_json()


def requests_by_name(collection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every request item of a collection JSON, by name (names are unique in these tests)."""
    found: dict[str, dict[str, Any]] = {}

    def visit(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if "item" in node:
                visit(node["item"])
            else:
                found[node["name"]] = node

    visit(collection["item"])
    return found


def folder_tree(nodes: list[dict[str, Any]]) -> list[Any]:
    """Folders as (name, children) pairs and requests as names, to compare layouts at a glance."""
    return [(n["name"], folder_tree(n["item"])) if "item" in n else n["name"] for n in nodes]


def query(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {q["key"]: q for q in item["request"]["url"].get("query", [])}


def headers(request: dict[str, Any]) -> dict[str, str]:
    return {h["key"]: h["value"] for h in request.get("header", [])}


def auth_attributes(auth: dict[str, Any]) -> dict[str, Any]:
    """Postman stores auth as [{key, value, type}]; as a dict for assertions."""
    return {entry["key"]: entry["value"] for entry in auth.get(auth["type"], [])}


def assert_one_line_error(result: Any, source: str, *fragments: str) -> None:
    """Exit 2, one line on stderr naming `source`, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"postman-kit: error: {source}: "), lines[0]
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


class _QuietFiles(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve_directory(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on 127.0.0.1 for the duration; yields the base URL."""
    handler = functools.partial(_QuietFiles, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def request_items(collection: dict[str, Any]) -> list[dict[str, Any]]:
    """Every request of a collection's JSON, folders walked in order."""
    found: list[dict[str, Any]] = []

    def visit(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if "item" in node:
                visit(node["item"])
            else:
                found.append(node)

    visit(collection["item"])
    return found
