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

from tests.support.notes import items, named, notes_spec


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


def forked_versions(tmp_path: Path, run_cli: Any, edit: Any) -> tuple[list[Path], dict[str, Any]]:
    """Notes API 1.0.0 and 1.1.0 (with archiving), each changed by `edit`, and 1.0.0's collection exported."""
    specs = []
    for version in ("1.0.0", "1.1.0"):
        spec = notes_spec(version, with_archive=version == "1.1.0")
        edit(spec)
        specs.append(tmp_path / f"{version}.json")
        specs[-1].write_text(json.dumps(spec))
    assert run_cli("generate", specs[0], "-o", tmp_path / "gen").exit_code == 0
    [generated] = (tmp_path / "gen").glob("*.postman_collection.json")
    return specs, exported(json.loads(generated.read_text()))


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


STRIPE_KEY = "sk_live_51HxYzAbCdEfGh1234567890abcdWXYZ"
AWS_KEY_ID = "AKIAZQ3DX7V2ABCDE9KQ"
GITHUB_TOKEN = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlX3NlY3JldF8xMjM0"
PASTED_BEARER = "Jq8x2LmN4pR7sT9vW1yZ3bC5dF6gH8kM0nP2qR4sT6u"
EXAMPLE_KEY = "key_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp"
NOTES_TOKEN = "tok_7Hq2Kd9Lm3Np5Rs8Tv1Wx4Yz6Ab0Cd"


def test_no_credential_a_user_typed_reaches_the_upgrade_or_its_report(specs, run_cli, tmp_path: Path) -> None:
    """Where users paste credentials in the app, each of which the upgrade wrote in full: a Stripe key in an
    `X-Api-Key` header, an AWS key id in an `api_key` query, a key in a saved example's body (truncated there: a
    response is never sent), a token in the bearer auth its example recorded, a GitHub token in a script, a JWT typed into an `Authorization` header
    (written truncated, so the request sent `Bearer …1234`), a token in a `notesToken` variable. Each becomes a
    variable the request sends, listed truncated to revoke; the JSON report does not print them either."""
    old_spec, new_spec, generated = specs
    fork = exported(generated)
    listing = named(fork, "List notes")["request"]
    listing["header"].append({"key": "X-Api-Key", "value": STRIPE_KEY, "type": "text"})
    listing["url"]["query"].append({"key": "api_key", "value": AWS_KEY_ID})
    listing["url"]["raw"] += f"&api_key={AWS_KEY_ID}"
    deleting = named(fork, "Delete note")
    deleting["request"]["auth"] = {"type": "bearer", "bearer": [{"key": "token", "value": PASTED_BEARER}]}
    deleting["response"].append(
        {
            "name": "Deleted (mine)",
            "originalRequest": copy.deepcopy(deleting["request"]),
            "status": "No Content",
            "code": 204,
            "header": [],
            "body": json.dumps({"id": 1, "api_key": EXAMPLE_KEY}),
        }
    )
    deleting["event"] = [
        {
            "listen": "prerequest",
            "script": {
                "type": "text/javascript",
                "exec": [
                    f"pm.request.headers.upsert({{key: 'Authorization', value: 'Bearer {GITHUB_TOKEN}'}});"
                ],
            },
        }
    ]
    notes = next(node for node in fork["item"] if node["name"] == "Notes")
    notes["item"].append(
        {
            "name": "Mine, by hand",
            "request": {
                "method": "GET",
                "header": [{"key": "Authorization", "value": f"Bearer {JWT}", "type": "text"}],
                "url": {"raw": "{{baseUrl}}/notes", "host": ["{{baseUrl}}"], "path": ["notes"]},
            },
        }
    )
    fork["variable"].append({"key": "notesToken", "value": NOTES_TOKEN})
    fork["variable"].append({"key": "pageToken", "value": "CAoQAAxyz12345"})
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli(
        "upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out, "--format", "json"
    )
    assert result.exit_code == 0, result.output
    secrets = (STRIPE_KEY, AWS_KEY_ID, GITHUB_TOKEN, JWT, PASTED_BEARER, EXAMPLE_KEY, NOTES_TOKEN)
    for text in (out.read_text(), result.output):
        assert not [secret for secret in secrets if secret in text]
    upgraded = json.loads(out.read_text())
    listing = named(upgraded, "List notes")["request"]
    assert {"key": "X-Api-Key", "value": "{{xApiKey}}", "type": "text"} in listing["header"]
    assert {"key": "api_key", "value": "{{apiKey}}"} in listing["url"]["query"]
    assert "api_key={{apiKey}}" in listing["url"]["raw"]
    mine = named(upgraded, "Mine, by hand")["request"]["header"]
    assert mine == [{"key": "Authorization", "value": "Bearer {{bearerAuth}}", "type": "text"}]
    deleting = named(upgraded, "Delete note")
    example = next(r for r in deleting["response"] if r["name"] == "Deleted (mine)")
    assert example["originalRequest"]["auth"]["bearer"][0]["value"] == "{{bearerAuth}}"
    # what a saved response shows is never sent: truncated there, not a variable nothing sends
    assert json.loads(example["body"])["api_key"] == "…q0Pp"
    assert "apiKey2" not in {v["key"] for v in upgraded["variable"]}
    assert "Bearer {{bearerAuth}}" in deleting["event"][0]["script"]["exec"][0]
    variables = {v["key"]: v["value"] for v in upgraded["variable"]}
    assert variables["notesToken"] == "" and variables["pageToken"] == "CAoQAAxyz12345"
    report = json.loads(result.output)
    replaced = {(k["request"], k["where"], k["key"], k["variable"]) for k in report["keysReplaced"]}
    assert ("Notes/List notes", "header `X-Api-Key`", "sk_…WXYZ", "xApiKey") in replaced
    assert ("Notes/List notes", "query `api_key`", "…E9KQ", "apiKey") in replaced
    assert ("Notes/Mine, by hand", "header `Authorization`", "…MjM0", "bearerAuth") in replaced
    assert ("Notes/Delete note", "scripts `Authorization`", "…3zA5", "bearerAuth") in replaced
    assert ("Notes/Delete note example `Deleted (mine)`", "bearer auth", "…sT6u", "bearerAuth") in replaced
    assert any("`notesToken` held a credential" in note for note in report["notes"])
    assert any("example `Deleted (mine)`" in note and "(…q0Pp)" in note for note in report["notes"])


def test_a_password_for_an_operations_own_basic_auth_becomes_news_variable(tmp_path: Path, run_cli) -> None:
    """Twilio's specs give each operation its own Basic security: a pasted password became `{{privateKey}}`,
    which neither the collection nor NEW's environment defines, so the request went out unauthenticated."""

    def per_operation_basic(spec: dict[str, Any]) -> None:
        spec.pop("security")
        spec["components"]["securitySchemes"] = {"accountSid_authToken": {"type": "http", "scheme": "basic"}}
        for path in spec["paths"].values():
            for operation in path.values():
                operation["security"] = [{"accountSid_authToken": []}]

    specs, fork = forked_versions(tmp_path, run_cli, per_operation_basic)
    listing = named(fork, "List notes")["request"]
    generated_auth = copy.deepcopy(listing["auth"])
    for attribute in listing["auth"]["basic"]:
        if attribute["key"] == "password":
            attribute["value"] = "0d9c4f2e7b1a3c5e8f6d2b4a9c7e1f3d"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", specs[1], "--base", specs[0], "-o", out)
    assert result.exit_code == 0, result.output
    sent = {
        a["key"]: a["value"]
        for a in named(json.loads(out.read_text()), "List notes")["request"]["auth"]["basic"]
    }
    generated_password = {a["key"]: a["value"] for a in generated_auth["basic"]}["password"]
    assert sent["password"] == generated_password and generated_password.startswith("{{")
    assert "0d9c4f2e7b1a3c5e8f6d2b4a9c7e1f3d" not in out.read_text()


def test_an_api_that_keeps_its_version_is_not_taken_for_the_forks_own(tmp_path: Path, run_cli) -> None:
    """Pachca's spec says `1.0.0` in every revision. A fork at `1.0.0` was compared with NEW's spec as if it had
    been generated from it, so every upstream change looked like the user's edit and was carried back."""
    old_spec, new_spec = tmp_path / "old.json", tmp_path / "new.json"
    old_spec.write_text(json.dumps(notes_spec("1.0.0", with_archive=False)))
    changed = notes_spec("1.0.0", with_archive=True)
    changed["paths"]["/notes"]["get"]["summary"] = "List all notes"
    new_spec.write_text(json.dumps(changed))
    assert run_cli("generate", old_spec, "-o", tmp_path / "gen").exit_code == 0
    [fork] = (tmp_path / "gen").glob("*.postman_collection.json")
    diff = run_cli("diff", fork, new_spec)
    assert "PARTIAL comparison" in diff.output.splitlines()[0]
    out = tmp_path / "up.json"
    result = run_cli("upgrade", fork, "--to", new_spec, "-o", out)
    assert result.exit_code == 0, result.output
    assert "List all notes" in {item["name"] for item in items(json.loads(out.read_text())["item"])}
    assert "Edits kept" not in result.output


def test_settings_order_and_a_note_the_user_made_are_kept_and_a_deleted_request_is_named(
    specs, run_cli, tmp_path: Path
) -> None:
    """Each was lost without a word, OLD's spec given: a request's settings (Postman's `protocolProfileBehavior`),
    the order the user dragged an API folder's requests into, a note added to the collection's description. A
    request the user deleted comes back from NEW, and the report now says so."""
    old_spec, new_spec, generated = specs
    fork = exported(generated)
    notes = next(node for node in fork["item"] if node["name"] == "Notes")
    named(fork, "List notes")["protocolProfileBehavior"] = {"followRedirects": False, "strictSSL": False}
    notes["item"] = [item for item in reversed(notes["item"]) if item["name"] != "Get export"]
    fork["info"]["description"] += "\n\nOur team: ask #notes-api before deleting anything."
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    upgraded = json.loads(out.read_text())
    assert named(upgraded, "List notes")["protocolProfileBehavior"] == {
        "followRedirects": False,
        "strictSSL": False,
    }
    order = [item["name"] for item in next(n for n in upgraded["item"] if n["name"] == "Notes")["item"]]
    mine = [item["name"] for item in notes["item"]]
    assert [name for name in order if name in mine] == mine
    assert upgraded["info"]["description"].endswith("Our team: ask #notes-api before deleting anything.")
    assert upgraded["info"]["description"].startswith("Revision `1.1.0` of Notes API")
    report = result.output
    assert "Notes/List notes: `protocolProfileBehavior`" in report
    assert "folder 'Notes': your order of its requests" in report and "collection description" in report
    assert "1 upstream request(s) you had deleted are back from v1.1.0 (e.g. Get export" in report


def test_another_services_token_never_takes_the_apis_own_variable(tmp_path: Path, run_cli) -> None:
    """A token pasted into a request to `relay.example.com` became `{{relayToken}}`, named by the host's first
    label: where the API's own auth sends `{{relayToken}}`, the API's credential went to the other service."""

    def relay_named_auth(spec: dict[str, Any]) -> None:
        spec["components"]["securitySchemes"] = {"relayToken": {"type": "http", "scheme": "bearer"}}
        spec["security"] = [{"relayToken": []}]

    specs, fork = forked_versions(tmp_path, run_cli, relay_named_auth)
    assert fork["auth"]["bearer"][0]["value"] == "{{relayToken}}"
    token = "Zq8x2LmN4pR7sT9vW1yZ3bC5dF6gH8kM0nP2qR4s"
    fork["item"].append(
        {
            "name": "Tell the relay",
            "request": {
                "method": "POST",
                "auth": {"type": "bearer", "bearer": [{"key": "token", "value": token}]},
                "url": {
                    "raw": "https://relay.example.com/hook",
                    "host": ["relay", "example", "com"],
                    "path": ["hook"],
                },
            },
        }
    )
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", specs[1], "--base", specs[0], "-o", out)
    assert result.exit_code == 0, result.output
    relay = named(json.loads(out.read_text()), "Tell the relay")["request"]["auth"]["bearer"][0]["value"]
    assert relay == "{{relayExampleToken}}"


def test_every_credential_an_auth_or_a_url_holds_becomes_a_variable(specs, run_cli, tmp_path: Path) -> None:
    """Left in full: OAuth 2.0's client secret, password and refresh token, a JWT's signing secret, a token
    followed by a variable, a password in a saved request's URL (`https://admin:…@host`, which Postman also
    keeps as `url.auth`), and a `sk_live_` key in a collection variable of any name."""
    old_spec, new_spec, generated = specs
    fork = exported(generated)
    secrets = [f"hunter2SuperSecretPw{letter}" for letter in "ABCDEFG"]
    oauth2 = [
        {"key": "accessToken", "value": "{{tok}}"},
        {"key": "clientSecret", "value": secrets[0]},
        {"key": "password", "value": secrets[1]},
        {"key": "refreshToken", "value": secrets[2]},
    ]
    url = {
        "raw": f"https://admin:{secrets[5]}@other.example.com/x",
        "protocol": "https",
        "host": ["other", "example", "com"],
        "path": ["x"],
        "auth": {"user": "admin", "password": secrets[5]},
    }
    fork["item"].append(
        {
            "name": "Mine",
            "item": [
                {
                    "name": "oauth2",
                    "request": {
                        "method": "GET",
                        "auth": {"type": "oauth2", "oauth2": oauth2},
                        "url": "{{baseUrl}}/notes",
                    },
                },
                {
                    "name": "jwt",
                    "request": {
                        "method": "GET",
                        "auth": {
                            "type": "jwt",
                            "jwt": [
                                {"key": "secret", "value": secrets[3]},
                                {"key": "algorithm", "value": "HS256"},
                            ],
                        },
                        "url": "{{baseUrl}}/notes",
                    },
                },
                {
                    "name": "bearer",
                    "request": {
                        "method": "GET",
                        "auth": {
                            "type": "bearer",
                            "bearer": [{"key": "token", "value": f"{secrets[4]} {{{{suffix}}}}"}],
                        },
                        "url": "{{baseUrl}}/notes",
                    },
                },
                {"name": "other", "request": {"method": "GET", "url": url}},
            ],
        }
    )
    fork["variable"].append({"key": "gh", "value": "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"})
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert not [secret for secret in [*secrets, "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"] if secret in text]
    assert not [secret for secret in secrets if secret in result.output]
    upgraded = json.loads(text)
    oauth = {a["key"]: a["value"] for a in named(upgraded, "oauth2")["request"]["auth"]["oauth2"]}
    assert oauth["clientSecret"] == "{{oauth2ClientSecret}}" and oauth["accessToken"] == "{{tok}}"
    other = named(upgraded, "other")["request"]["url"]
    assert (
        other["auth"]["password"] == "{{otherPassword}}"
        and "{{otherPassword}}@other.example.com" in other["raw"]
    )
    declared = {v["key"]: v["value"] for v in upgraded["variable"]}
    assert declared["otherPassword"] == ""  # defined, empty: its value belongs in the environment
    assert "Mine/oauth2: oauth2 auth `clientSecret` (…tPwA) → {{oauth2ClientSecret}}" in result.output


def test_a_body_the_user_gave_a_request_without_one_is_kept(specs, run_cli, tmp_path: Path) -> None:
    """A body added to an upstream request whose operation takes none was dropped, named neither under "Edits
    kept" nor "Dropped"."""
    old_spec, new_spec, generated = specs
    fork = exported(generated)
    body = {"mode": "raw", "raw": '{"reason": "duplicate"}', "options": {"raw": {"language": "json"}}}
    named(fork, "Delete note")["request"]["body"] = body
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert named(json.loads(out.read_text()), "Delete note")["request"]["body"] == body
    assert "Notes/Delete note: body (yours)" in result.output


def test_a_password_a_saved_request_sends_as_data_stays_as_written(specs, run_cli, tmp_path: Path) -> None:
    """A body's `password` is what the request sends (a test user to create), not the API's key: made a
    variable, the saved request would send `{{password}}`. An `api_key` field beside it is a credential."""
    old_spec, new_spec, generated = specs
    fork = exported(generated)
    body = {"email": "qa@example.com", "password": "Welcome123!x", "api_key": "ak_9f8e7d6c5b4a3f2e1d0c"}
    fork["item"].append(
        {
            "name": "Create test user",
            "request": {
                "method": "POST",
                "body": {"mode": "raw", "raw": json.dumps(body), "options": {"raw": {"language": "json"}}},
                "url": "https://accounts.example.com/users",
            },
        }
    )
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    assert (
        run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out).exit_code
        == 0
    )
    sent = json.loads(named(json.loads(out.read_text()), "Create test user")["request"]["body"]["raw"])
    assert sent["password"] == "Welcome123!x" and sent["api_key"].startswith("{{")


def test_a_fork_of_train_travel_edited_in_postman_upgrades_and_runs(tmp_path: Path, run_cli) -> None:
    """Train Travel (the corpus's real-world spec, versioned `1.2.1`), forked and edited as in the app — a key
    pasted into a header, a rename, a test script, `baseUrl` pointed at staging — upgraded without OLD's spec:
    the fork is at NEW's version, so every edit is known and kept, the key becomes a variable, and newman (the
    peer that runs collections in CI) runs every request of the upgrade."""
    import subprocess

    from tests.tools import newman_path, require_corpus

    spec = require_corpus() / "real-world" / "train-travel" / "openapi.yaml"
    assert run_cli("generate", spec, "-o", tmp_path / "gen").exit_code == 0
    [generated] = (tmp_path / "gen").glob("*.postman_collection.json")
    fork = exported(json.loads(generated.read_text()))
    first = items(fork["item"])[0]
    first["name"] = "My first call"
    first["request"]["header"].append({"key": "X-Api-Key", "value": STRIPE_KEY, "type": "text"})
    first["event"] = [
        {"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('ok', () => {});"]}}
    ]
    for variable in fork["variable"]:
        if variable["key"] == "baseUrl":
            variable["value"] = "https://staging.example.com"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", spec, "-o", out)
    assert result.exit_code == 0, result.output
    assert STRIPE_KEY not in out.read_text() and "Not carried" not in result.output
    upgraded = json.loads(out.read_text())
    mine = named(upgraded, "My first call")
    assert mine["event"] == first["event"]
    assert {"key": "X-Api-Key", "value": "{{xApiKey}}", "type": "text"} in mine["request"]["header"]
    assert {v["key"]: v["value"] for v in upgraded["variable"]}["baseUrl"] == "https://staging.example.com"
    report = tmp_path / "newman.json"
    subprocess.run(
        [
            newman_path(),
            "run",
            str(out),
            "--env-var",
            "baseUrl=http://127.0.0.1:9",
            "--timeout-request",
            "200",
            "--reporters",
            "json",
            "--reporter-json-export",
            str(report),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    executions = json.loads(report.read_text())["run"]["executions"]
    assert len(executions) == len(items(upgraded["item"]))
