"""An operation that moved to another path, recognised by its operationId or an alias of it.

OLD (2024-01-15) nests templates under accounts; NEW (2024-04-15) moves them to the top level, once under the same
operationId and once under a new one that keeps the old as an alias. Klaviyo did this for real: in 2023-01-24
`POST /api/templates/{id}/render/` became `POST /api/template-render/`.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from postman_kit.collection import Request
from postman_kit.diff import diff, upgrade
from postman_kit.diff.transplant import transplant_request
from postman_kit.generation import build_collection_from_spec
from postman_kit.writer import dumps

TODAY = date(2026, 11, 23)


def operation(operation_id: str, summary: str, *params: str, aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": operation_id,
        "summary": summary,
        "tags": ["Templates"],
        "parameters": [
            {"name": p, "in": "path", "required": True, "schema": {"type": "string"}} for p in params
        ],
        "responses": {
            "200": {
                "description": "OK",
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "properties": {"id": {"type": "string"}}}
                    }
                },
            }
        },
    }
    if aliases:
        op["x-klaviyo-operation-aliases"] = list(aliases)
    return op


def spec(version: str, paths: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Moves API", "version": version},
        "servers": [{"url": "https://api.example.com"}],
        "paths": paths,
    }


OLD = spec(
    "2024-01-15",
    {
        "/api/accounts/{account_id}/templates/{id}": {
            "get": operation("get_template", "Get Template", "account_id", "id")
        },
        "/api/accounts/{account_id}/templates/{id}/render": {
            "post": operation("render_template", "Render Template", "account_id", "id")
        },
        "/api/lists": {"get": operation("get_lists", "Get Lists")},
    },
)
NEW = spec(
    "2024-04-15",
    {
        "/api/templates/{id}": {"get": operation("get_template", "Get Template", "id")},
        "/api/template-renders/{template_id}": {
            "post": operation(
                "create_template_render", "Render Template", "template_id", aliases=("render_template",)
            )
        },
        "/api/lists": {"get": operation("get_lists", "Get Lists")},
    },
)


def write(folder: Path, name: str, document: dict[str, Any]) -> str:
    path = folder / name
    path.write_text(json.dumps(document))
    return str(path)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    return write(tmp_path, "old.json", OLD), write(tmp_path, "new.json", NEW)


def test_a_moved_operation_is_one_breaking_change_not_removed_and_added(pair):
    report = diff(*pair, today=TODAY)
    assert report.added == [] and report.removed == []
    moved = {c.old.label: c for c in report.changed}
    render = moved["POST /api/accounts/{account_id}/templates/{id}/render"]
    assert render.new.label == "POST /api/template-renders/{template_id}" and render.matched_by == "alias"
    path = [c for c in render.changes if c.where == "path"]
    assert [(c.kind, c.breaking) for c in path] == [("path-moved", True)]
    assert "`/api/accounts/{account_id}/templates/{id}/render`" in path[0].detail
    same_id = moved["GET /api/accounts/{account_id}/templates/{id}"]
    assert same_id.new.label == "GET /api/templates/{id}" and same_id.breaking
    assert report.unchanged == 1 and report.breaking


def test_the_text_report_shows_the_move_under_changed_operations(pair, run_cli):
    result = run_cli("diff", *pair, "--today", "2026-11-23")
    assert "0 added, 0 removed, 2 changed (2 breaking)" in result.stdout
    assert "breaking: path: moved from `/api/accounts/{account_id}/templates/{id}/render`" in result.stdout


def test_an_ambiguous_alias_stays_removed_and_added_with_its_successor_named(tmp_path):
    twice = json.loads(json.dumps(NEW))
    twice["paths"]["/api/template-previews/{id}"] = {
        "post": operation("create_template_preview", "Preview Template", "id", aliases=("render_template",))
    }
    report = diff(write(tmp_path, "old.json", OLD), write(tmp_path, "twice.json", twice), today=TODAY)
    assert [e.label for e in report.removed] == ["POST /api/accounts/{account_id}/templates/{id}/render"]
    assert report.removed[0].successor is not None
    assert sorted(e.label for e in report.added) == [
        "POST /api/template-previews/{id}",
        "POST /api/template-renders/{template_id}",
    ]


def test_upgrade_moves_a_saved_request_onto_the_new_path_keeping_its_values(pair, tmp_path):
    old_spec, new_spec = pair
    fork = build_collection_from_spec(old_spec).collection.to_json()
    folder = fork["item"][0]["item"]
    render = next(item for item in folder if item["name"] == "Render Template")
    saved = json.loads(json.dumps(render))
    saved.pop("id")
    saved.pop("x-postman-kit", None)
    saved["name"] = "Render the welcome template"
    saved["request"]["url"]["raw"] = "{{baseUrl}}/api/accounts/ACME/templates/WELCOME/render"
    saved["request"]["url"]["path"] = ["api", "accounts", "ACME", "templates", "WELCOME", "render"]
    saved["request"]["url"]["variable"] = []
    folder.append(saved)
    fork_path = tmp_path / "fork.postman_collection.json"
    fork_path.write_bytes(dumps(fork))
    collection, report = upgrade(str(fork_path), new_spec, today=TODAY, base=old_spec)
    [carried] = [item for _, item in collection.walk() if item.name == "Render the welcome template"]
    assert carried.request.url.path == ["api", "template-renders", "WELCOME"]
    assert report.diff.saved[0].status == "fine"
    assert report.dropped == []


def test_transplant_onto_a_moved_path_takes_values_by_name_then_from_the_last():
    request = Request.from_json({"method": "GET", "url": "{{baseUrl}}/api/accounts/ACME/templates/WELCOME"})
    by_name = transplant_request(
        request, "/api/templates/{id}", None, "", {"account_id": "ACME", "id": "WELCOME"}
    )
    assert by_name.url.path == ["api", "templates", "WELCOME"]
    renamed = transplant_request(
        request, "/api/templates/{template_id}", None, "", {"account_id": "ACME", "id": "WELCOME"}
    )
    assert renamed.url.path == ["api", "templates", "WELCOME"]
    partly = transplant_request(
        request, "/api/templates/{id}/owners/{owner_id}", None, "", {"account_id": "ACME", "id": "WELCOME"}
    )
    assert partly.url.path == ["api", "templates", "WELCOME", "owners", "ACME"]


def test_transplant_keeps_a_twilio_style_segment_as_postman_holds_it():
    """Twilio's `/Messages/{Sid}.json` is Postman's `:Sid.json`: a saved request's `:Sid.json` (its value in the
    variable) or typed `SM…33.json` became a literal `{Sid}.json`, sent as is and marked broken by NEW."""
    template = "/Accounts/{AccountSid}/Messages/{Sid}.json"
    typed = Request.from_json({"method": "GET", "url": "{{baseUrl}}/Accounts/AC1/Messages/SM33.json"})
    assert transplant_request(typed, template, None, "").url.path == [
        "Accounts",
        "AC1",
        "Messages",
        "SM33.json",
    ]
    variable = Request.from_json(
        {"method": "GET", "url": "{{baseUrl}}/Accounts/:AccountSid/Messages/:Sid.json"}
    )
    kept = transplant_request(variable, template, None, "").url.path
    assert kept == ["Accounts", ":AccountSid", "Messages", ":Sid.json"]
    moved = transplant_request(typed, "/Messages/{Sid}.json", None, "", {"Sid": "SM33"})
    assert moved.url.path == ["Messages", "SM33.json"]


def test_upgrade_keeps_edits_of_a_moved_operation_where_new_has_the_parameter(pair, tmp_path):
    old_spec, new_spec = pair
    fork = build_collection_from_spec(old_spec).collection.to_json()
    get_template = next(item for item in fork["item"][0]["item"] if item["name"] == "Get Template")
    values = {"account_id": "ACME", "id": "WELCOME"}
    for variable in get_template["request"]["url"]["variable"]:
        variable["value"] = values[variable["key"]]
    fork_path = tmp_path / "fork.postman_collection.json"
    fork_path.write_bytes(dumps(fork))
    collection, report = upgrade(str(fork_path), new_spec, today=TODAY, base=old_spec)
    [moved] = [item for _, item in collection.walk() if item.name == "Get Template"]
    assert moved.request.url.path == ["api", "templates", ":id"]
    assert [(v.key, v.value) for v in moved.request.url.variable] == [("id", "WELCOME")]
    assert report.edits_kept == ["Templates/Get Template: path variable `id`"]
    assert report.dropped == [
        (
            "Templates/Get Template: your path variable `account_id=ACME` (not a parameter of "
            "/api/templates/:id in v2024-04-15)"
        )
    ]
