"""`generate --jobs`: requests built in forked worker processes give the very bytes one process writes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from postman_kit.generate import parallel
from postman_kit.generate.build import BuildOptions, _CollectionBuilder, build
from postman_kit.generate.parallel import SerializedItem
from postman_kit.openapi import load_api
from postman_kit.writer import dumps
from tests.tools import klaviyo_specs, run_program

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


def wide_spec(path: Path, operations: int = 120) -> Path:
    """A spec with enough operations for workers: tags with and without sub-tags, shared and recursive schemas."""
    schemas: dict[str, Any] = {
        "Node": {"type": "object", "properties": {"name": {"type": "string"},
                                                  "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}},
        "Shared": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string", "format": "uuid"}, "tree": {"$ref": "#/components/schemas/Node"},
            "when": {"type": "string", "format": "date-time"}, "count": {"type": "integer", "minimum": 3}}},
    }
    paths: dict[str, Any] = {}
    for index in range(operations // 2):
        tag = f"Tag{index % 6}"
        extra = {"x-klaviyo-subtag": f"Sub{index % 3}"} if index % 6 < 3 else {}
        schemas[f"Thing{index}"] = {"allOf": [{"$ref": "#/components/schemas/Shared"},
                                              {"type": "object", "properties": {f"field{index}": {"type": "number"}}}]}
        ref = {"$ref": f"#/components/schemas/Thing{index}"}
        body = {"content": {"application/json": {"schema": ref}}}
        paths[f"/api/things{index}"] = {
            "get": {"tags": [tag], "summary": f"List things {index}", "operationId": f"list{index}", **extra,
                    "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {"200": {"description": "ok", **body}}},
            "post": {"tags": [tag], "summary": f"Create thing {index}", "operationId": f"create{index}", **extra,
                     "requestBody": body, "responses": {"201": {"description": "made", **body}}},
        }
    spec = {"openapi": "3.0.3", "info": {"title": "Wide API", "version": "1.0"},
            "servers": [{"url": "https://api.example.com"}],
            "components": {"schemas": schemas,
                           "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}}},
            "security": [{"key": []}], "tags": [{"name": f"Tag{i}", "description": f"Tag {i}"} for i in range(6)],
            "paths": paths}
    path.write_text(json.dumps(spec))
    return path


def written(spec: Path, **options: Any) -> tuple[bytes, int]:
    """The collection file's bytes, and how many of its items are text (built where workers were used)."""
    result = build(load_api(str(spec)), BuildOptions(**options))
    as_text = sum(1 for _, item in result.collection.walk() if isinstance(item, SerializedItem))
    return dumps(result.collection.to_json()), as_text


@pytest.mark.parametrize("folders", ["tags", "paths", "flat"])
def test_workers_write_the_bytes_one_process_writes(tmp_path: Path, folders: str) -> None:
    spec = wide_spec(tmp_path / "wide.json")
    alone, as_text = written(spec, folders=folders)
    for jobs in (2, 3):
        together, as_text_together = written(spec, folders=folders, jobs=jobs)
        assert together == alone
        assert as_text_together == 120  # workers were used
    assert as_text == 0


def test_cli_output_is_the_same_for_any_number_of_jobs(tmp_path: Path) -> None:
    spec = wide_spec(tmp_path / "wide.json")
    outputs = {}
    for jobs in ("1", "2"):
        result = run_program("generate", str(spec), "--out", str(tmp_path / jobs), "--jobs", jobs)
        assert result.returncode == 0, result.stderr
        assert "120 requests in" in result.stdout
        outputs[jobs] = {p.name: p.read_bytes() for p in (tmp_path / jobs).iterdir()}
    assert outputs["1"] == outputs["2"]
    assert run_program("generate", str(spec), "--jobs", "0").returncode == 2


def test_a_failed_worker_leaves_its_items_to_the_builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = wide_spec(tmp_path / "wide.json")
    alone, _ = written(spec)
    builder = os.getpid()
    text = parallel._text

    def broken_in_workers(item: Any, indent: int) -> bytes:
        if os.getpid() != builder:
            raise RuntimeError("worker died")
        return text(item, indent)

    built_here: list[str] = []
    item = _CollectionBuilder._item

    def counted(self: _CollectionBuilder, op: Any) -> Any:
        built_here.append(op.path)
        return item(self, op)

    monkeypatch.setattr(parallel, "_text", broken_in_workers)  # forked workers inherit both
    monkeypatch.setattr(_CollectionBuilder, "_item", counted)
    together, _ = written(spec, jobs=2)
    assert together == alone
    assert len(built_here) == 120  # every item, the failed worker's too, built by the builder itself


def test_small_specs_and_contract_tests_use_one_process(tmp_path: Path, example_spec: Path) -> None:
    assert written(example_spec, jobs=2)[1] == 0  # too few operations to repay a second process
    spec = wide_spec(tmp_path / "wide.json")
    assert written(spec, jobs=2, tests=True)[1] == 0  # items add to one shared test script


@pytest.mark.corpus
@pytest.mark.parametrize("revision", ["2023-10-15", "2026-07-15"])
def test_klaviyo_collections_are_the_same_built_by_workers(revision: str) -> None:
    spec = next((s for s in klaviyo_specs("stable") if s.stem == revision), None)
    if spec is None:
        pytest.skip("../shared/corpus is absent")
    alone, _ = written(spec)
    together, as_text = written(spec, jobs=2)
    assert together == alone
    assert as_text > 0
