"""A fork of an API versioned by numbers (`1.0.0` → `1.1.0`, as most specs are), edited in the Postman app and
exported as the app exports v2.1 (a new `_postman_id`, an `_exporter_id`, no item or example ids), brought to
the next version with and without OLD's spec. Found by forking real revision pairs (Pachca's and Twilio
Messaging's public specs) the way users do."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.test_upgrade_generic_fork import items, named, notes_spec


def versioned_spec(version: str, *, with_archive: bool) -> dict[str, Any]:
    spec = notes_spec(version, with_archive=with_archive)
    spec["paths"]["/notes"]["get"]["parameters"].append(
        {
            "name": "tags",
            "in": "query",
            "schema": {"type": "array", "items": {"type": "string"}},
            "example": ["home", "work"] if with_archive else ["home", "errands"],
        }
    )
    spec["paths"]["/notes/exports/{export_id}"] = {
        "get": {
            "operationId": "GetExport",
            "summary": "Get export",
            "tags": ["Notes"],
            "parameters": [
                {"name": "export_id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {"200": {"description": "OK"}},
        }
    }
    return spec


def exported(collection: dict[str, Any]) -> dict[str, Any]:
    """As the Postman app exports a collection (v2.1): its own ids, none on items, folders or examples."""
    fork = copy.deepcopy(collection)
    fork["info"]["_postman_id"] = "0b6f5b1e-3f0e-4d8e-9a53-5d7c2f3e9a10"
    fork["info"]["_exporter_id"] = "41523897"

    def strip(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            node.pop("id", None)
            strip(node.get("item", []))
            for example in node.get("response", []):
                example.pop("id", None)

    strip(fork["item"])
    return fork


@pytest.fixture
def specs(tmp_path: Path, run_cli) -> tuple[Path, Path, dict[str, Any]]:
    old_spec, new_spec = tmp_path / "old.json", tmp_path / "new.json"
    old_spec.write_text(json.dumps(versioned_spec("1.0.0", with_archive=False)))
    new_spec.write_text(json.dumps(versioned_spec("1.1.0", with_archive=True)))
    assert run_cli("generate", old_spec, "-o", tmp_path / "gen").exit_code == 0
    [generated] = (tmp_path / "gen").glob("*.postman_collection.json")
    return old_spec, new_spec, json.loads(generated.read_text())


def test_a_request_to_a_path_of_neither_version_keeps_calling_it(specs, run_cli, tmp_path: Path) -> None:
    """`/notes/:note_id/legacy_export` was routed onto `/notes/exports/{export_id}` (`:note_id` taken for the
    literal `exports`) and rewritten to call that endpoint, reported as "fixed for you"."""
    old_spec, new_spec, generated = specs
    fork = exported(generated)
    notes = next(node for node in fork["item"] if node["name"] == "Notes")
    url = {
        "raw": "{{baseUrl}}/notes/:note_id/legacy_export",
        "host": ["{{baseUrl}}"],
        "path": ["notes", ":note_id", "legacy_export"],
        "variable": [{"key": "note_id", "value": "9"}],
    }
    notes["item"].append({"name": "Legacy export", "request": {"method": "GET", "header": [], "url": url}})
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    kept = named(json.loads(out.read_text()), "Legacy export")["request"]["url"]
    assert kept["raw"] == "{{baseUrl}}/notes/:note_id/legacy_export"
    assert "not an operation of either revision; kept as it was" in result.output
    assert "Fixed for you" not in result.output


def test_without_olds_spec_nothing_the_user_made_is_reverted_unsaid(specs, run_cli, tmp_path: Path) -> None:
    """Without --base, a test script, a saved example and a `baseUrl` pointed at staging were reverted to NEW's
    with "0 dropped"; a rename, a docs note and an auth change were too. Scripts where NEW has none and
    examples NEW has not can only be the user's: kept. The others may be upstream's change: NEW's is kept and
    each is named under "Not carried"."""
    old_spec, new_spec, generated = specs
    fork = exported(generated)
    listing = named(fork, "List notes")
    listing["event"] = [
        {"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('ok', () => {});"]}}
    ]
    listing["response"].append(
        {
            "name": "Two notes",
            "originalRequest": copy.deepcopy(listing["request"]),
            "status": "OK",
            "code": 200,
            "header": [],
            "body": '{"data": [1, 2]}',
        }
    )
    deleting = named(fork, "Delete note")
    deleting["name"] = "Delete a note ⚠️"
    deleting["request"]["description"] = "Careful: production data."
    deleting["request"]["auth"] = {"type": "noauth"}
    for variable in fork["variable"]:
        if variable["key"] == "baseUrl":
            variable["value"] = "https://staging.notes.example/v1"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "-o", out, "--format", "json")
    assert result.exit_code == 0, result.output
    upgraded = json.loads(out.read_text())
    kept = named(upgraded, "List notes")
    assert kept["event"] == listing["event"]
    assert [r["name"] for r in kept["response"] if r["name"] == "Two notes"] == ["Two notes"]
    base_url = {v["key"]: v["value"] for v in upgraded["variable"]}["baseUrl"]
    assert base_url == "https://staging.notes.example/v1"
    report = json.loads(result.output)
    assert "Notes/List notes: scripts, 1 saved example(s)" in report["editsKept"]
    assert any(entry.startswith("collection variable `baseUrl` (yours") for entry in report["editsKept"])
    assert report["notCarried"] == ["Notes/Delete note: name 'Delete a note ⚠️', description, auth"]
    assert report["summary"]["notCarried"] == 1


def test_version_numbers_are_revisions_too(specs, run_cli, tmp_path: Path) -> None:
    """A fork at `1.1.0` was "an unknown revision older than v1.1.0", so upgrading it again without --base
    reverted its edits; and an unedited upgrade kept OLD's `(v1.0.0)` in its name."""
    old_spec, new_spec, generated = specs
    (tmp_path / "fork.json").write_text(json.dumps(exported(generated)))
    first = tmp_path / "up.json"
    assert run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "-o", first).exit_code == 0
    assert json.loads(first.read_text())["info"]["name"] == "(Stable) Notes API (v1.1.0)"
    diff = run_cli("diff", first, new_spec)
    assert diff.output.splitlines()[0] == "v1.1.0 is current against v1.1.0"
    renamed = json.loads(first.read_text())
    named(renamed, "Delete note")["name"] = "Delete for good"
    (tmp_path / "renamed.json").write_text(json.dumps(exported(renamed)))
    again = tmp_path / "again.json"
    assert run_cli("upgrade", tmp_path / "renamed.json", "--to", new_spec, "-o", again).exit_code == 0
    assert "Delete for good" in {item["name"] for item in items(json.loads(again.read_text())["item"])}
    stale = run_cli("diff", tmp_path / "fork.json", new_spec, "--base", old_spec)
    assert stale.output.splitlines()[0] == "STALE: v1.0.0 is older than v1.1.0"


@pytest.mark.parametrize(
    ("old", "new", "first_line"),
    [
        ("1.9.0", "1.10.0", "STALE: v1.9.0 is older than v1.10.0"),
        ("2.0", "2.0.0", "v2.0 is current against v2.0.0"),
        ("2.0.0-beta.1", "2.0.0", "STALE: v2.0.0-beta.1 is older than v2.0.0"),
        ("3.0.0", "2.5.0", "WARNING: v3.0.0 is newer than v2.5.0 (OLD and NEW swapped?)"),
    ],
)
def test_version_numbers_are_ordered_as_numbers(tmp_path: Path, run_cli, old: str, new: str, first_line: str):
    old_spec, new_spec = tmp_path / "old.json", tmp_path / "new.json"
    old_spec.write_text(json.dumps(notes_spec(old, with_archive=False)))
    new_spec.write_text(json.dumps(notes_spec(new, with_archive=False)))
    assert run_cli("diff", old_spec, new_spec).output.splitlines()[0] == first_line


def test_an_unedited_fork_reports_no_edit(specs, run_cli, tmp_path: Path) -> None:
    """An array query parameter sent as a repeated key (`tags=home&tags=errands`) whose example changed was
    reported as the user's edit, though the fork was never touched and the upgrade is NEW's collection."""
    old_spec, new_spec, generated = specs
    (tmp_path / "fork.json").write_text(json.dumps(generated))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert "0 edit(s) kept" in result.output and "Edits kept" not in result.output
    assert run_cli("generate", new_spec, "-o", tmp_path / "new").exit_code == 0
    [fresh] = (tmp_path / "new").glob("*.postman_collection.json")
    assert out.read_bytes() == fresh.read_bytes()
    assert "vNone" not in result.output and "vOLD" not in result.output
