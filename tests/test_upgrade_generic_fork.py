"""A fork of a dated, non-Klaviyo API's collection, edited as users edit one in the Postman app and exported
(v2.1), brought to the next version: what the user set on a request's docs pane, on an API folder and in a
request's params stays; a call to another service kept in the fork is neither judged against the API nor lost.
Clerk's Backend API, whose versions are dates like Klaviyo's revisions, is where these were found."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.notes import items, named, notes_spec


def generated_fork(
    tmp_path: Path, run_cli, old: dict[str, Any], new: dict[str, Any]
) -> tuple[dict, Path, Path]:
    """OLD and NEW written as specs, and the collection OLD generates, to edit as a fork."""
    old_spec, new_spec = tmp_path / "old.json", tmp_path / "new.json"
    old_spec.write_text(json.dumps(old))
    new_spec.write_text(json.dumps(new))
    assert run_cli("generate", old_spec, "-o", tmp_path / "gen").exit_code == 0
    [generated] = (tmp_path / "gen").glob("*.postman_collection.json")
    return json.loads(generated.read_text()), old_spec, new_spec


def saved_copy(fork: dict[str, Any], name: str) -> dict[str, Any]:
    """A copy of "List notes" the user saved at the end of the Notes folder, as Postman exports it (no ids)."""
    mine = copy.deepcopy(named(fork, "List notes"))
    mine.pop("id")
    mine.pop("x-postman-kit", None)
    mine["name"] = name
    next(node for node in fork["item"] if node["name"] == "Notes")["item"].append(mine)
    return mine


def edit_in_postman(collection: dict[str, Any]) -> dict[str, Any]:
    """What a user does in the app: a note on a request's docs pane, a folder pre-request script, a query param
    of their own, a request to their webhook relay in a folder of their own; then Export (v2.1) adds its ids."""
    fork = copy.deepcopy(collection)
    fork["info"]["_exporter_id"] = "31415926"
    named(fork, "Delete note")["request"]["description"] = "Careful: this is production data."
    listing = named(fork, "List notes")["request"]["url"]
    listing.setdefault("query", []).append(
        {"key": "debug", "value": "1", "description": "support asked for it"}
    )
    listing["raw"] += ("&" if "?" in listing["raw"] else "?") + "debug=1"
    notes = next(node for node in fork["item"] if node["name"] == "Notes")
    notes["event"] = [
        {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["console.log('notes');"]}}
    ]
    relay = {
        "name": "Tell the relay",
        "request": {
            "method": "POST",
            "header": [{"key": "Content-Type", "value": "application/json", "type": "text"}],
            "body": {"mode": "raw", "raw": '{"hello": "world"}', "options": {"raw": {"language": "json"}}},
            "url": {
                "raw": "https://relay.example.com/hook",
                "protocol": "https",
                "host": ["relay", "example", "com"],
                "path": ["hook"],
            },
        },
        "response": [],
    }
    fork["item"].append({"name": "Mine", "item": [relay]})
    return fork


@pytest.fixture
def fork_and_specs(tmp_path: Path, run_cli) -> tuple[Path, Path, Path]:
    old_spec, new_spec = tmp_path / "old.json", tmp_path / "new.json"
    old_spec.write_text(json.dumps(notes_spec("2025-04-10", with_archive=False)))
    new_spec.write_text(json.dumps(notes_spec("2026-05-12", with_archive=True)))
    assert run_cli("generate", old_spec, "-o", tmp_path / "gen").exit_code == 0
    [generated] = (tmp_path / "gen").glob("*.postman_collection.json")
    fork = tmp_path / "fork.json"
    fork.write_text(json.dumps(edit_in_postman(json.loads(generated.read_text())), indent="\t"))
    return fork, old_spec, new_spec


def test_the_users_docs_note_folder_script_and_own_query_param_survive_the_upgrade(fork_and_specs, run_cli):
    fork, old_spec, new_spec = fork_and_specs
    out = fork.parent / "upgraded.json"
    result = run_cli("upgrade", fork, "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    upgraded = json.loads(out.read_text())
    assert named(upgraded, "Delete note")["request"]["description"] == "Careful: this is production data."
    notes = next(node for node in upgraded["item"] if node["name"] == "Notes")
    assert notes["event"][0]["script"]["exec"] == ["console.log('notes');"]
    assert {"Archive note", "Tell the relay"} <= {item["name"] for item in items(upgraded["item"])}
    debug = [q for q in named(upgraded, "List notes")["request"]["url"]["query"] if q["key"] == "debug"]
    assert debug == [{"key": "debug", "value": "1", "description": "support asked for it"}]
    report = result.output
    assert "Delete note: description" in report and "folder 'Notes': scripts" in report
    assert "query `debug` (yours)" in report and "Dropped" not in report


def test_a_call_to_another_service_is_not_judged_against_the_api(fork_and_specs, run_cli):
    fork, old_spec, new_spec = fork_and_specs
    diff = run_cli("diff", fork, new_spec, "--base", old_spec)
    assert "[unchecked] Mine/Tell the relay" in diff.output
    assert "relay.example.com is none of the spec's server hosts (api.notes.example)" in diff.output
    assert "already-broken" not in diff.output
    checked = run_cli("validate", fork, "--spec", old_spec, "--format", "json")
    findings = json.loads(checked.output)["findings"]
    relay = [f for f in findings if f["item"] == "Mine/Tell the relay"]
    assert [(f["rule"], f["severity"]) for f in relay] == [("request/other-host", "info")]


def test_dated_versions_of_another_api_are_not_given_klaviyos_lifecycle(fork_and_specs, run_cli):
    fork, old_spec, new_spec = fork_and_specs
    diff = run_cli("diff", fork, new_spec, "--base", old_spec, "--today", "2027-06-01")
    first = diff.output.splitlines()[0]
    assert first == "STALE: v2025-04-10 is older than v2026-05-12"
    assert run_cli("diff", fork, new_spec, "--today", "2027-06-01", "--fail-on", "retired").exit_code == 0


def test_a_credential_typed_into_a_carried_auth_becomes_a_variable(fork_and_specs, run_cli):
    """A token pasted into an API folder's auth is sent from NEW's own token variable; one pasted into the relay
    request's auth gets a variable of its own (the API's token must not go to another service), and neither
    reaches the upgrade in full."""
    fork, old_spec, new_spec = fork_and_specs
    data = json.loads(fork.read_text())
    folder_token, relay_token = "sk_live_" + "f0" * 16, "rk_live_" + "e1" * 16
    notes = next(node for node in data["item"] if node["name"] == "Notes")
    notes["auth"] = {"type": "bearer", "bearer": [{"key": "token", "value": folder_token, "type": "string"}]}
    relay = named(data, "Tell the relay")
    relay["request"]["auth"] = {"type": "bearer", "bearer": [{"key": "token", "value": relay_token}]}
    fork.write_text(json.dumps(data))
    out = fork.parent / "upgraded.json"
    result = run_cli("upgrade", fork, "--to", new_spec, "--base", old_spec, "-o", out)
    text = out.read_text()
    assert folder_token not in text and relay_token not in text
    upgraded = json.loads(text)
    notes = next(node for node in upgraded["item"] if node["name"] == "Notes")
    assert notes["auth"]["bearer"] == [{"key": "token", "value": "{{bearerAuth}}", "type": "string"}]
    assert named(upgraded, "Tell the relay")["request"]["auth"]["bearer"][0]["value"] == "{{relayToken}}"
    assert "folder Notes: bearer auth (sk_…f0f0) → {{bearerAuth}}" in result.output
    assert "Mine/Tell the relay: bearer auth (…e1e1) → {{relayToken}}" in result.output


def test_a_credential_kept_in_a_collection_variable_is_left_empty(fork_and_specs, run_cli) -> None:
    """PayPal's collections keep `client_secret` in a collection variable: the upgrade wrote it again in full."""
    fork, old_spec, new_spec = fork_and_specs
    data = json.loads(fork.read_text())
    secret = "EKsTd1v8q2xYz0Lp3Wm5Rt7Uv9Aa1Bb3Cc5Dd"
    data.setdefault("variable", []).append({"key": "client_secret", "value": secret})
    fork.write_text(json.dumps(data))
    out = fork.parent / "upgraded.json"
    result = run_cli("upgrade", fork, "--to", new_spec, "--base", old_spec, "-o", out)
    assert secret not in out.read_text()
    kept = {v["key"]: v["value"] for v in json.loads(out.read_text())["variable"]}
    assert kept["client_secret"] == ""
    assert "variable `client_secret` held a credential (…c5Dd); it is left empty" in result.output


def test_a_credential_in_a_folder_variable_is_left_empty_and_one_found_elsewhere_goes_everywhere(
    fork_and_specs, run_cli
) -> None:
    """A live key kept in a folder's variables (Postman: folder > Variables) was written to the upgrade in full;
    a token found in a folder's auth stayed in full where the user also noted it, in another folder's
    description and in a request's script."""
    fork, old_spec, new_spec = fork_and_specs
    data = json.loads(fork.read_text())
    live, token = "sk_live_" + "9a" * 16, "opaqueToken" + "7b" * 12
    notes = next(node for node in data["item"] if node["name"] == "Notes")
    pasted = "pk_" + "0123456789abcdef" * 2 + "01"
    notes["variable"] = [
        {"key": "liveKey", "value": live, "type": "string"},
        {"key": "page", "value": "2"},
        {"key": "bearerAuth", "value": pasted},  # the key variable's own name: never `{{bearerAuth}}` itself
    ]
    notes["auth"] = {"type": "bearer", "bearer": [{"key": "token", "value": token, "type": "string"}]}
    mine = next(node for node in data["item"] if node["name"] == "Mine")
    mine["description"] = f"today's token: {token}"
    relay = named(data, "Tell the relay")
    relay["event"] = [
        {"listen": "prerequest", "script": {"type": "text/javascript", "exec": [f"// {token}"]}}
    ]
    fork.write_text(json.dumps(data))
    out = fork.parent / "upgraded.json"
    result = run_cli("upgrade", fork, "--to", new_spec, "--base", old_spec, "-o", out)
    text = out.read_text()
    assert live not in text and token not in text and live not in result.output and token not in result.output
    upgraded = json.loads(text)
    notes = next(node for node in upgraded["item"] if node["name"] == "Notes")
    assert notes["variable"] == [
        {"key": "liveKey", "value": "", "type": "string"},
        {"key": "page", "value": "2"},
        {"key": "bearerAuth", "value": ""},
    ]
    assert pasted not in text
    assert (
        "folder Notes variable `liveKey` held a credential (sk_…9a9a); it is left empty: revoke it"
        in result.output
    )
    mine = next(node for node in upgraded["item"] if node["name"] == "Mine")
    assert mine["description"] == "today's token: {{bearerAuth}}"
    assert named(upgraded, "Tell the relay")["event"][0]["script"]["exec"] == ["// {{bearerAuth}}"]


@pytest.mark.parametrize("with_base", [True, False])
def test_an_edited_request_whose_operation_new_removes_is_kept_marked(
    tmp_path: Path, run_cli, with_base: bool
):
    """NEW removes `POST /notes/{note_id}/archive`. The user had given that request a test script and a note id
    of theirs: the request went with the operation, script and all, under the same "Dropped" line an untouched
    request gets. Now it stays where it was, marked for review; an untouched one still goes."""
    old, new = notes_spec("2025-04-10", with_archive=True), notes_spec("2026-05-12", with_archive=False)
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    untouched = tmp_path / "untouched.json"
    untouched.write_text(json.dumps(fork))
    archive = named(fork, "Archive note")
    archive["event"] = [
        {
            "listen": "test",
            "script": {
                "type": "text/javascript",
                "exec": ["pm.test('archived', () => pm.response.to.have.status(200));"],
            },
        }
    ]
    archive["request"]["url"]["variable"][0]["value"] = "note_mine_42"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    base = ["--base", old_spec] if with_base else []
    out = tmp_path / "up.json"
    result = run_cli(
        "upgrade", tmp_path / "fork.json", "--to", new_spec, "-o", out, *base, "--format", "json"
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    kept = next(
        i for i in items(json.loads(out.read_text())["item"]) if "archive" in i["request"]["url"]["raw"]
    )
    assert kept["name"].startswith("⚠ ") and kept["event"] == archive["event"]
    assert kept["request"]["url"]["variable"][0]["value"] == "note_mine_42"
    assert [c["request"] for c in report["conflicts"]] == ["Notes/" + archive["name"]]
    assert not any("archive" in line for line in report["dropped"])
    result = run_cli(
        "upgrade", untouched, "--to", new_spec, "-o", tmp_path / "plain.json", *base, "--format", "json"
    )
    assert any("archive" in line for line in json.loads(result.stdout)["dropped"])
    assert "archive" not in (tmp_path / "plain.json").read_text()


@pytest.mark.parametrize("edit", ["description", "settings"])
def test_a_request_new_removes_is_kept_for_its_notes_or_settings_too(tmp_path: Path, run_cli, edit: str):
    """The user's notes on a request (its description) or its Settings tab were lost with the operation NEW
    removes, under the "Dropped" line an untouched request gets; a header edit was kept."""
    old, new = notes_spec("2025-04-10", with_archive=True), notes_spec("2026-05-12", with_archive=False)
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    archive = named(fork, "Archive note")
    if edit == "description":
        archive["request"]["description"] = "Archiving is how we close a ticket; ask Dana first."
    else:
        archive["protocolProfileBehavior"] = {"followRedirects": False}
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "-o", out, "--base", old_spec)
    assert result.exit_code == 0, result.output
    kept = [i for i in items(json.loads(out.read_text())["item"]) if "archive" in i["request"]["url"]["raw"]]
    assert [i["name"] for i in kept] == ["⚠ " + archive["name"]]
    if edit == "description":
        assert archive["request"]["description"] in kept[0]["request"]["description"]
    else:
        assert kept[0]["protocolProfileBehavior"] == {"followRedirects": False}


def test_a_renamed_request_new_removes_survives_upgrading_the_upgrade_again(tmp_path: Path, run_cli) -> None:
    """Kept as `⚠ Archive my note` for its new name, the request was dropped when the upgrade was upgraded again
    to the same version (as CI does): against that version's spec its name reads as upstream's."""
    old, new = notes_spec("2025-04-10", with_archive=True), notes_spec("2026-05-12", with_archive=False)
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    named(fork, "Archive note")["name"] = "Archive my note"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    once, twice = tmp_path / "once.json", tmp_path / "twice.json"
    assert (
        run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", once).exit_code
        == 0
    )
    assert "⚠ Archive my note" in [i["name"] for i in items(json.loads(once.read_text())["item"])]
    result = run_cli("upgrade", once, "--to", new_spec, "-o", twice)
    assert result.exit_code == 0 and "0 dropped" in result.output, result.output
    assert twice.read_bytes() == once.read_bytes()


def test_a_saved_example_keeps_its_cookies_and_no_id_is_made_up_for_it(fork_and_specs, run_cli):
    """Postman saves the cookies a response set with every example, and exports a user's example without an
    id: the upgrade emptied the cookies and wrote `"id": ""`."""
    fork, old_spec, new_spec = fork_and_specs
    data = json.loads(fork.read_text())
    listing = named(data, "List notes")
    cookie = {"domain": "api.notes.example", "path": "/", "secure": True, "httpOnly": True, "key": "__cf_bm",
              "value": "saved-cookie"}  # fmt: skip
    mine = {"name": "My saved response", "originalRequest": copy.deepcopy(listing["request"]), "status": "OK",
            "code": 200, "header": [], "cookie": [cookie], "body": "[]"}  # fmt: skip
    listing["response"].append(mine)
    fork.write_text(json.dumps(data))
    for base in (["--base", old_spec], []):
        out = fork.parent / "up.json"
        assert run_cli("upgrade", fork, "--to", new_spec, "-o", out, *base).exit_code == 0
        saved = next(
            r
            for r in named(json.loads(out.read_text()), "List notes")["response"]
            if r["name"] == mine["name"]
        )
        assert saved["cookie"] == [cookie] and "id" not in saved


def test_a_saved_copy_follows_upstreams_new_auth_and_its_examples_keep_what_they_recorded(
    tmp_path: Path, run_cli
):
    """NEW replaces the security scheme (`bearerAuth` → `tokenAuth`): upstream's requests send `{{tokenAuth}}`,
    but a copy the user saved kept `{{bearerAuth}}`, which nothing defines any more, and was called fine. And an
    example the copy saved with another query was rewritten to the copy's current query."""
    old = notes_spec("2025-04-10", with_archive=False)
    new = notes_spec("2026-05-12", with_archive=False)
    new["components"]["securitySchemes"] = {"tokenAuth": {"type": "http", "scheme": "bearer"}}
    for spec, scheme in ((old, "bearerAuth"), (new, "tokenAuth")):  # each operation's own, as Spotify's are
        spec["security"] = []
        for item in spec["paths"].values():
            for operation in item.values():
                operation["security"] = [{scheme: []}]
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    mine = saved_copy(fork, "My notes")
    recorded = copy.deepcopy(mine["request"])
    recorded["url"]["raw"] += "?limit=5"
    recorded["url"]["query"] = [{"key": "limit", "value": "5"}]
    mine["response"] = [
        {"name": "Five", "originalRequest": recorded, "status": "OK", "code": 200, "header": [], "body": "[]"}
    ]
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    upgraded = json.loads(out.read_text())
    upstream, copied = named(upgraded, "List notes"), named(upgraded, "My notes")
    assert copied["request"]["auth"] == upstream["request"]["auth"]
    assert "{{tokenAuth}}" in json.dumps(copied["request"]["auth"])
    assert copied["response"][0]["originalRequest"]["url"]["query"] == [{"key": "limit", "value": "5"}]


def test_upgrading_an_upgrade_again_to_the_same_version_changes_nothing(tmp_path: Path, run_cli):
    """Upgrading the upgrade again to the same version rewrote each conflict mark's "from" to that version."""
    old, new = notes_spec("2025-04-10", with_archive=False), notes_spec("2026-05-12", with_archive=True)
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    mine = saved_copy(fork, "Mine last")
    mine["request"]["url"]["query"] = [{"key": "limit", "value": "1000"}]  # over the maximum: a conflict
    mine["request"]["url"]["raw"] = mine["request"]["url"]["raw"].split("?")[0] + "?limit=1000"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    once, twice = tmp_path / "once.json", tmp_path / "twice.json"
    assert (
        run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", once).exit_code
        == 0
    )
    assert "⚠ Mine last" in once.read_text()
    assert run_cli("upgrade", once, "--to", new_spec, "--base", new_spec, "-o", twice).exit_code == 0
    assert twice.read_bytes() == once.read_bytes()


def test_a_value_an_earlier_version_wrote_with_a_bare_plus_is_not_taken_for_an_edit(tmp_path: Path, run_cli):
    """Collections generated before `+` was written `%2B` hold `to=+15005550006`: against OLD's spec as generated
    now, that read as the user's edit and was carried, so the server kept reading a space."""
    from tests.support.generate import OK, minimal_spec

    phone = {
        "name": "to",
        "in": "query",
        "required": True,
        "schema": {"type": "string", "example": "+15005550006"},
    }
    spec = minimal_spec(
        {"/messages": {"get": {"summary": "List messages", "parameters": [phone], "responses": OK}}}
    )
    old, new = copy.deepcopy(spec), copy.deepcopy(spec)
    old["info"]["version"], new["info"]["version"] = "1.0.0", "1.1.0"
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    url = named(fork, "List messages")["request"]["url"]
    assert url["query"][0]["value"] == "%2B15005550006"
    url["query"][0]["value"] = "+15005550006"  # as an earlier version wrote it
    url["raw"] = url["raw"].replace("%2B", "+")
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli(
        "upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out, "--format", "json"
    )
    assert json.loads(result.stdout)["editsKept"] == []
    assert (
        named(json.loads(out.read_text()), "List messages")["request"]["url"]["query"][0]["value"]
        == "%2B15005550006"
    )


def test_a_key_typed_as_a_basic_user_name_becomes_the_variable_new_sends_it_from(tmp_path: Path, run_cli):
    """Stripe takes its secret key as the Basic user name: one pasted there on an upstream request was carried
    whole as "Edits kept: auth", with no "Keys replaced (revoke them"."""
    old, new = notes_spec("2025-04-10", with_archive=False), notes_spec("2026-05-12", with_archive=False)
    for spec in (old, new):
        spec["components"]["securitySchemes"] = {"basicAuth": {"type": "http", "scheme": "basic"}}
        spec["security"] = [{"basicAuth": []}]
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    key = "sk_live_51HxQ2vLkdIwHu7ixZZZZZZZZZZZZZZ9876543210"
    named(fork, "List notes")["request"]["auth"] = {
        "type": "basic",
        "basic": [{"key": "username", "value": key}, {"key": "password", "value": ""}],
    }
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    assert key not in out.read_text() and key not in result.output
    upgraded = json.loads(out.read_text())
    sent = {a["key"]: a["value"] for a in named(upgraded, "List notes")["request"]["auth"]["basic"]}
    collection = {a["key"]: a["value"] for a in upgraded["auth"]["basic"]}
    assert sent["username"] == collection["username"]  # the variable NEW sends the user name from
    assert "Keys replaced (revoke them" in result.output


def test_without_olds_spec_a_copys_auth_is_the_users_and_stays(tmp_path: Path, run_cli):
    """Without OLD's spec, the fork's own upstream request may hold the user's edits too (a Twilio fork's Basic
    auth with their Account SID on both): the copy's auth was replaced by NEW's, the SID dropped unreported."""
    old, new = notes_spec("2025-04-10", with_archive=False), notes_spec("2026-05-12", with_archive=False)
    fork, _, new_spec = generated_fork(tmp_path, run_cli, old, new)
    mine = {
        "type": "basic",
        "basic": [{"key": "username", "value": "AC0123"}, {"key": "password", "value": "{{pw}}"}],
    }
    named(fork, "List notes")["request"]["auth"] = mine
    saved_copy(fork, "My notes")["request"]["auth"] = mine
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    assert run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "-o", out).exit_code == 0
    # kept as the user set it, and marked: NEW's operation takes a bearer token, which Basic auth is not
    auth = named(json.loads(out.read_text()), "⚠ My notes")["request"]["auth"]
    assert {a["key"]: a["value"] for a in auth["basic"]} == {"username": "AC0123", "password": "{{pw}}"}


def test_a_query_value_for_a_parameter_new_removed_is_kept_in_a_marked_copy(tmp_path: Path, run_cli) -> None:
    """`legacy=yes`, set on an upstream request whose parameter NEW removes: NEW's request sends what NEW
    documents, and the user's value goes on in `⚠ List Things (your edit)` right after it; upgrading the result
    to the same NEW again changes nothing."""

    def spec(version: str, with_legacy: bool) -> dict[str, Any]:
        limit = {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 50, "example": 10}}
        legacy = {"name": "legacy", "in": "query", "schema": {"type": "string", "example": "no"}}
        ok = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}
        operation = {
            "operationId": "listThings",
            "summary": "List Things",
            "tags": ["Things"],
            "responses": ok,
        }
        operation["parameters"] = [limit, legacy] if with_legacy else [limit]
        return {
            "openapi": "3.0.3",
            "info": {"title": "Things", "version": version},
            "servers": [{"url": "https://api.things.test"}],
            "paths": {"/things": {"get": operation}},
        }

    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, spec("1.0.0", True), spec("2.0.0", False))
    for query in fork["item"][0]["item"][0]["request"]["url"]["query"]:
        if query["key"] == "legacy":
            query["value"] = "yes"
            query.pop("disabled", None)
    fork_path = tmp_path / "fork.json"
    fork_path.write_text(json.dumps(fork, indent="\t"))
    out, again = tmp_path / "up.json", tmp_path / "again.json"
    result = run_cli(
        "upgrade", fork_path, "--to", new_spec, "--base", old_spec, "-o", out, "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["dropped"] == []
    assert [c["request"] for c in report["conflicts"]] == ["Things/List Things (your edit)"]
    upgraded = json.loads(out.read_text())["item"][0]["item"]
    assert [item["name"] for item in upgraded] == ["List Things", "⚠ List Things (your edit)"]
    assert "legacy" not in upgraded[0]["request"]["url"]["raw"]
    assert upgraded[1]["request"]["url"]["raw"] == "{{baseUrl}}/things?legacy=yes"
    assert "`legacy` is not a query parameter" in upgraded[1]["request"]["description"]
    assert run_cli("upgrade", out, "--to", new_spec, "--base", new_spec, "-o", again).exit_code == 0
    assert json.loads(again.read_text())["item"] == json.loads(out.read_text())["item"]


def test_a_token_pasted_where_operations_carry_their_own_auth_becomes_their_variable(
    tmp_path: Path, run_cli
) -> None:
    """Spotify's operations each carry their OAuth auth (the collection has none): a token typed into a copy's
    `Authorization` header became Klaviyo's `{{privateKey}}`, which nothing defines."""

    def spec(version: str) -> dict[str, Any]:
        ok = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}
        operation = {"operationId": "getAlbum", "summary": "Get Album", "tags": ["Albums"], "responses": ok}
        operation["security"] = [{"oauth": ["read"]}]
        flows = {"authorizationCode": {"authorizationUrl": "https://auth.test/a", "tokenUrl": "https://auth.test/t",
                                       "scopes": {"read": "read"}}}  # fmt: skip
        return {
            "openapi": "3.0.3",
            "info": {"title": "Albums", "version": version},
            "servers": [{"url": "https://api.albums.test"}],
            "paths": {"/albums": {"get": operation}},
            "components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": flows}}},
        }

    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, spec("1.0.0"), spec("2.0.0"))
    upstream = fork["item"][0]["item"][0]
    sent = upstream["request"]["auth"]["bearer"][0]["value"]
    assert sent.startswith("{{") and "privateKey" not in sent
    token = "BQD" + "x7Yk2Lm9Qp" * 4
    mine = copy.deepcopy(upstream)
    mine.pop("id", None)
    mine.pop("x-postman-kit", None)
    mine["name"] = "Get Album Copy"
    mine["request"]["auth"] = {"type": "noauth"}
    mine["request"]["header"].append({"key": "Authorization", "value": f"Bearer {token}"})
    fork["item"][0]["item"].append(mine)
    fork_path = tmp_path / "fork.json"
    fork_path.write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", fork_path, "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert token not in out.read_text() and token not in result.stdout
    copied = named(json.loads(out.read_text()), "Get Album Copy")
    assert [h["value"] for h in copied["request"]["header"] if h["key"] == "Authorization"] == [
        f"Bearer {sent}"
    ]


def alternatives_spec(version: str) -> dict[str, Any]:
    """Operations that share a method and path, told apart by the path key: OpenAI's fixed `?beta=true` and Box's
    `#refresh` fragment."""

    def op(summary: str, operation_id: str) -> dict[str, Any]:
        return {"summary": summary, "operationId": operation_id, "responses": {"200": {"description": "OK"}}}

    return {
        "openapi": "3.0.3",
        "info": {"title": "Alternatives", "version": version},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            "/responses": {"post": op("Create response", "createResponse")},
            "/responses?beta=true": {"post": op("Create beta response", "createBetaResponse")},
            "/oauth2/token": {"post": op("Request token", "requestToken")},
            "/oauth2/token#refresh": {"post": op("Refresh token", "refreshToken")},
        },
    }


def test_operations_sharing_a_path_have_ids_of_their_own_and_an_untouched_fork_upgrades_to_new(
    tmp_path: Path, run_cli
) -> None:
    """OpenAI's `/responses?beta=true` beside `/responses` and Box's `/oauth2/token#refresh` beside `/oauth2/token`:
    both requests of a pair had one id, so upgrading an untouched collection called one of them the user's saved
    request, sent it to `/responses?beta=true?beta=true`, and added another copy at every upgrade."""
    fork, old_spec, new_spec = generated_fork(
        tmp_path, run_cli, alternatives_spec("1.0"), alternatives_spec("1.1")
    )
    ids_ = [item["id"] for item in items(fork["item"])]
    assert len(ids_) == len(set(ids_)) == 4
    assert run_cli("generate", new_spec, "-o", tmp_path / "new").exit_code == 0
    [expected] = (tmp_path / "new").glob("*.postman_collection.json")
    # as the previous version wrote it too: each pair's second request with the first one's id
    earlier = copy.deepcopy(fork)
    by_name = {item["name"]: item for item in items(earlier["item"])}
    by_name["Create beta response"]["id"] = by_name["Create response"]["id"]
    by_name["Refresh token"]["id"] = by_name["Request token"]["id"]
    for name, data in (("fork", fork), ("earlier", earlier)):
        path, out, again = (
            tmp_path / f"{name}.json",
            tmp_path / f"{name}-up.json",
            tmp_path / f"{name}-up2.json",
        )
        path.write_text(json.dumps(data))
        result = run_cli("upgrade", path, "--to", new_spec, "--base", old_spec, "-o", out)
        assert result.exit_code == 0, result.output
        assert "0 saved request(s) carried" in result.output
        assert out.read_bytes() == expected.read_bytes()
        assert run_cli("upgrade", out, "--to", new_spec, "-o", again).exit_code == 0
        assert again.read_bytes() == expected.read_bytes()


def test_secrets_a_url_holds_by_their_place_are_replaced_and_never_printed(fork_and_specs, run_cli) -> None:
    """A Slack webhook's secret is the last part of its path, a password sits in `user:password@`: both stayed in
    the upgrade in full, and the webhook's was printed in the report (CI logs, a pull request's comment)."""
    fork, old_spec, new_spec = fork_and_specs
    data = json.loads(fork.read_text())
    webhook_secret, password = "q9W8e7R6t5Y4u3I2o1P0aSdF", "hunter2hunter2x"
    requests = {
        "Slack webhook": f"https://hooks.slack.com/services/T0123ABCD/B0456EFGH/{webhook_secret}",
        "Basic in URL": f"https://bob:{password}@api.example.com/notes",
    }
    mine = next(node for node in data["item"] if node["name"] == "Mine")
    for name, raw in requests.items():
        mine["item"].append({"name": name, "request": {"method": "POST", "header": [], "url": raw}})
    fork.write_text(json.dumps(data))
    for report_format in ("text", "markdown", "json"):
        out = fork.parent / f"upgraded-{report_format}.json"
        result = run_cli(
            "upgrade", fork, "--to", new_spec, "--base", old_spec, "-o", out, "--format", report_format
        )
        assert result.exit_code == 0, result.output
        for secret in (webhook_secret, password):
            assert secret not in out.read_text() and secret not in result.output
        assert "…aSdF" in result.output and "…er2x" in result.output


@pytest.mark.parametrize("with_base", [True, False])
def test_a_folder_the_user_made_under_an_upstream_folders_name_stays_a_folder_of_its_own(
    fork_and_specs, run_cli, with_base: bool
) -> None:
    """The user's own "Notes" folder (No Auth, a status check in it) beside the API's "Notes" was merged into it:
    the API's requests then sat under the user's No Auth and sent no credentials."""
    fork, old_spec, new_spec = fork_and_specs
    data = json.loads(fork.read_text())
    mine = {
        "id": "6c0f1a9e-8f3b-4a6e-9d2c-1b7e5a3c9f10",  # Postman gives a folder it makes a random id
        "name": "Notes",
        "description": "MY folder",
        "auth": {"type": "noauth"},
        "item": [
            {
                "name": "Status",
                "request": {"method": "GET", "header": [], "url": "https://status.example.org/"},
            }
        ],
    }
    data["item"].append(mine)
    fork.write_text(json.dumps(data))
    out = fork.parent / "upgraded.json"
    base = ["--base", old_spec] if with_base else []
    result = run_cli("upgrade", fork, "--to", new_spec, "-o", out, *base)
    assert result.exit_code == 0, result.output
    folders = [node for node in json.loads(out.read_text())["item"] if node["name"] == "Notes"]
    assert len(folders) == 2
    api, own = folders
    assert "auth" not in api and "List notes" in [i["name"] for i in items(api["item"])]
    assert own["auth"] == {"type": "noauth"} and [i["name"] for i in own["item"]] == ["Status"]


def test_what_the_user_set_on_a_folder_follows_it_when_new_renames_its_tag(tmp_path: Path, run_cli) -> None:
    """NEW renames the tag Notes → Memos: the auth, script and description the user had set on the folder were
    lost without a word, and its requests sent the collection's credential instead of the user's token."""
    old = notes_spec("2025-04-10", with_archive=False)
    new = json.loads(json.dumps(notes_spec("2026-05-12", with_archive=False)).replace('"Notes"', '"Memos"'))
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    folder = next(node for node in fork["item"] if node["name"] == "Notes")
    folder["auth"] = {
        "type": "bearer",
        "bearer": [{"key": "token", "value": "{{notesToken}}", "type": "string"}],
    }
    folder["event"] = [{"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["// mine"]}}]
    folder["description"] = "Only the sandbox account, please."
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    [memos] = [node for node in json.loads(out.read_text())["item"] if node["name"] == "Memos"]
    assert memos["auth"] == folder["auth"] and memos["event"] == folder["event"]
    assert memos["description"] == folder["description"]
    assert "folder 'Notes' is 'Memos' in" in result.output


@pytest.mark.parametrize("with_base", [True, False])
def test_a_request_whose_method_the_user_switched_to_no_operations_is_kept_as_they_left_it(
    fork_and_specs, run_cli, with_base: bool
) -> None:
    """The user switched "List notes" to PUT (Postman's method menu) to probe the API: upgrade quietly turned it
    back into NEW's GET."""
    fork, old_spec, new_spec = fork_and_specs
    data = json.loads(fork.read_text())
    named(data, "List notes")["request"]["method"] = "PUT"
    fork.write_text(json.dumps(data))
    out = fork.parent / "upgraded.json"
    base = ["--base", old_spec] if with_base else []
    result = run_cli("upgrade", fork, "--to", new_spec, "-o", out, *base)
    assert result.exit_code == 0, result.output
    methods = [
        i["request"]["method"]
        for i in items(json.loads(out.read_text())["item"])
        if i["name"] == "List notes"
    ]
    assert "PUT" in methods
    assert "List notes (PUT /notes): not an operation of either revision; kept as it was" in result.output


def test_urls_pasted_from_the_docs_with_the_servers_path_keep_it(tmp_path: Path, run_cli) -> None:
    """Spotify's server is `https://api.spotify.com/v1`; users paste `https://api.spotify.com/v1/me` from its docs.
    The upstream request so edited went out as `https://api.spotify.com/me` (the `/v1` dropped), a copy of it
    was dropped as "not an operation", and a copy whose URL is only `raw` (valid v2.1) was read as `GET /`."""

    def spec(version: str) -> dict[str, Any]:
        me = {"get": {"summary": "Get current user", "responses": {"200": {"description": "OK"}}}}
        return {"openapi": "3.0.3", "info": {"title": "Music", "version": version},
                "servers": [{"url": "https://api.music.example/v1"}], "paths": {"/me": me}}  # fmt: skip

    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, spec("1.0"), spec("1.1"))
    pasted = "https://api.music.example/v1/me"
    upstream = named(fork, "Get current user")
    copy_ = saved_copy_of(upstream, "My me")
    raw_only = saved_copy_of(upstream, "My raw me")
    raw_only["request"]["url"] = {"raw": "{{baseUrl}}/me"}
    upstream["request"]["url"] = pasted
    copy_["request"]["url"] = pasted
    fork["item"] += [copy_, raw_only]
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    sent = {i["name"]: i["request"]["url"]["raw"] for i in items(json.loads(out.read_text())["item"])}
    assert sent == {"Get current user": pasted, "My me": pasted, "My raw me": "{{baseUrl}}/me"}
    assert "deleted" not in result.output and "Dropped" not in result.output


def saved_copy_of(item: dict[str, Any], name: str) -> dict[str, Any]:
    """A request the user duplicated, as Postman saves it: a new id, the copy's own name."""
    mine = copy.deepcopy(item)
    mine.pop("id", None)
    mine["name"] = name
    return mine


def test_revisions_may_be_any_apis_version_numbers(tmp_path: Path, run_cli) -> None:
    """`--revisions` took only Klaviyo's dates: a directory of another vendor's specs (1.2.1, 1.9.0, 1.10.0) or a
    file listing its versions was refused, and every upgrade needed `--base`."""
    fork, old_spec, new_spec = generated_fork(
        tmp_path, run_cli, alternatives_spec("1.2.1"), alternatives_spec("1.10.0")
    )
    revisions = tmp_path / "revisions"
    revisions.mkdir()
    for version in ("1.2.1", "1.9.0", "1.10.0"):
        (revisions / f"api-{version}.json").write_text(json.dumps(alternatives_spec(version)))
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    listed = tmp_path / "revisions.txt"
    listed.write_text("1.2.1\n1.10.0\n1.9.0\n")
    for source in (revisions, listed):
        result = run_cli("diff", tmp_path / "fork.json", new_spec, "--revisions", source)
        assert result.exit_code == 0, result.output
        assert "v1.2.1 is 2 revision(s) behind v1.10.0" in result.output
        assert ("PARTIAL" in result.output) == (source == listed)  # a directory holds OLD's own spec


def bookings_spec(version: str, search_path: str) -> dict[str, Any]:
    ok = {"200": {"description": "OK"}}
    search = {
        "get": {
            "summary": "Search bookings",
            "operationId": "searchBookings",
            "responses": ok,
            "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "example": "Rex"}}],
        }
    }
    one = {
        "get": {
            "summary": "Get a booking",
            "operationId": "getBooking",
            "responses": ok,
            "parameters": [
                {"name": "bookingId", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
        }
    }
    return {"openapi": "3.0.3", "info": {"title": "Bookings", "version": version},
            "servers": [{"url": "https://api.example.com"}],
            "paths": {"/bookings/{bookingId}": one, search_path: search}}  # fmt: skip


@pytest.mark.parametrize("with_base", [True, False])
def test_an_operation_moved_off_a_path_another_template_fits_is_followed_not_taken_for_a_saved_request(
    tmp_path: Path, run_cli, with_base: bool
) -> None:
    """Stripe's search moved from `/v1/customers/search`, which `/v1/customers/{customer}` also fits: the request
    was taken for a saved request of that operation, "broken by NEW", its script left on a ⚠ copy at the dead path;
    even an untouched collection did not upgrade to `generate NEW`."""
    fork, old_spec, new_spec = generated_fork(
        tmp_path, run_cli, bookings_spec("1.0", "/bookings/search"), bookings_spec("1.1", "/search/bookings")
    )
    assert run_cli("generate", new_spec, "-o", tmp_path / "new").exit_code == 0
    [expected] = (tmp_path / "new").glob("*.postman_collection.json")
    base = ["--base", old_spec] if with_base else []
    (tmp_path / "untouched.json").write_text(json.dumps(fork))
    out = tmp_path / "untouched-up.json"
    assert run_cli("upgrade", tmp_path / "untouched.json", "--to", new_spec, "-o", out, *base).exit_code == 0
    assert out.read_bytes() == expected.read_bytes()
    script = [{"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('ok', () => {});"]}}]
    named(fork, "Search bookings")["event"] = script
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "-o", out, *base)
    assert result.exit_code == 0 and "⚠" not in out.read_text(), result.output
    search = named(json.loads(out.read_text()), "Search bookings")
    assert (
        search["request"]["url"]["raw"].startswith("{{baseUrl}}/search/bookings")
        and search["event"] == script
    )


def test_a_path_value_the_user_set_follows_a_parameter_new_only_renamed(tmp_path: Path, run_cli) -> None:
    """NEW renames `{bookingId}` to `{booking_id}` (the same URL on the wire): the user's booking id was dropped for
    NEW's example."""
    old = bookings_spec("1.0", "/bookings/search")
    new = json.loads(json.dumps(old).replace("bookingId", "booking_id"))
    new["info"]["version"] = "1.1"
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    named(fork, "Get a booking")["request"]["url"]["variable"][0]["value"] = "MY-BOOKING-42"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0 and "Dropped" not in result.output, result.output
    url = named(json.loads(out.read_text()), "Get a booking")["request"]["url"]
    assert (url["variable"][0]["key"], url["variable"][0]["value"]) == ("booking_id", "MY-BOOKING-42")


def test_a_bearer_token_pasted_in_a_folder_goes_to_news_oauth_variable_not_its_api_key(
    tmp_path: Path, run_cli
) -> None:
    """NEW sends an API key collection-wide and OAuth tokens on some operations: a bearer token the user pasted
    into a folder's auth became `{{apiKey}}`, so the folder's requests sent the API key as a bearer token."""

    def spec(version: str) -> dict[str, Any]:
        ok = {"200": {"description": "OK"}}
        schemes = {
            "ApiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
            "OAuth2": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://api.example.com/token",
                                                                         "scopes": {}}}},
        }  # fmt: skip
        return {"openapi": "3.0.3", "info": {"title": "Trains", "version": version},
                "servers": [{"url": "https://api.example.com"}], "security": [{"ApiKey": []}],
                "components": {"securitySchemes": schemes},
                "paths": {"/trips": {"get": {"summary": "List trips", "tags": ["Trips"], "responses": ok}},
                          "/bookings": {"post": {"summary": "Book", "tags": ["Trips"], "responses": ok,
                                                 "security": [{"OAuth2": []}]}}}}  # fmt: skip

    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, spec("1.0"), spec("1.1"))
    token = "tok_" + "5f3c" * 10
    trips = next(node for node in fork["item"] if node["name"] == "Trips")
    trips["auth"] = {"type": "bearer", "bearer": [{"key": "token", "value": token, "type": "string"}]}
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    upgraded = json.loads(out.read_text())
    trips = next(node for node in upgraded["item"] if node["name"] == "Trips")
    book = named(upgraded, "Book")["request"]["auth"]
    assert trips["auth"]["bearer"][0]["value"] == book[book["type"]][0]["value"] != "{{apiKey}}"


def test_a_form_request_marked_for_a_pasted_key_stays_marked_when_upgraded_again(
    tmp_path: Path, run_cli
) -> None:
    """A copy of a form request with a live key pasted into a field the schema forbids (as a Stripe fork holds
    `key=sk_live_…`): the first upgrade marks it ⚠ and puts the key in a variable; upgrading that output again
    dropped the ⚠ and its note, since a field holding a `{{variable}}` left the whole form unjudged."""

    def spec(version: str) -> dict[str, Any]:
        form = {"type": "object", "additionalProperties": False, "properties": {"name": {"type": "string"}}}
        body = {"content": {"application/x-www-form-urlencoded": {"schema": form}}}
        operation = {
            "summary": "Create thing",
            "requestBody": body,
            "responses": {"200": {"description": "OK"}},
        }
        return {"openapi": "3.0.3", "info": {"title": "Forms", "version": version},
                "servers": [{"url": "https://api.forms.example"}], "security": [{"Bearer": []}],
                "components": {"securitySchemes": {"Bearer": {"type": "http", "scheme": "bearer"}}},
                "paths": {"/v1/things": {"post": operation}}}  # fmt: skip

    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, spec("1.0"), spec("1.1"))
    mine = copy.deepcopy(named(fork, "Create thing"))
    mine.pop("id")
    mine.pop("x-postman-kit", None)
    mine["name"] = "Create thing (live)"
    mine["request"]["body"]["urlencoded"].append({"key": "key", "value": "sk_live_" + "9aQ2" * 10})
    fork["item"].append(mine)
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    first, second = tmp_path / "up1.json", tmp_path / "up2.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", first)
    assert result.exit_code == 0, result.output
    assert "⚠ Create thing (live)" in {item["name"] for item in items(json.loads(first.read_text())["item"])}
    assert run_cli("upgrade", first, "--to", new_spec, "-o", second).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    validated = run_cli("validate", first, "--spec", new_spec)
    assert validated.exit_code == 1 and "'key' was unexpected" in validated.output


def test_an_upgrade_too_big_to_read_indented_is_written_on_one_line_and_upgrades_again(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 5,000-request fork kept on one line (41 MB) upgraded to 76 MB of indented JSON, which the next upgrade
    and validate refused as larger than the kit reads. Here the limit is made small instead of the fork big."""
    import postman_kit.writer

    fork, old_spec, new_spec = generated_fork(
        tmp_path,
        run_cli,
        notes_spec("2026-01-01", with_archive=False),
        notes_spec("2026-05-12", with_archive=True),
    )
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    compact = len(json.dumps(fork, ensure_ascii=False, separators=(",", ":")))
    monkeypatch.setattr(postman_kit.writer, "MAX_FILE_BYTES", compact * 3 // 2)
    first, second = tmp_path / "up1.json", tmp_path / "up2.json"
    assert run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "-o", first).exit_code == 0
    assert first.read_bytes().count(b"\n") == 1 and len(first.read_bytes()) <= compact * 3 // 2
    assert run_cli("upgrade", first, "--to", new_spec, "-o", second).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    monkeypatch.undo()
    run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "-o", second)
    assert json.loads(second.read_text()) == json.loads(first.read_text()) and b"\n  " in second.read_bytes()


def test_a_message_id_typed_into_a_twilio_style_segment_is_kept(tmp_path: Path, run_cli) -> None:
    """Twilio's `/Messages/{Sid}.json` is `:Sid.json` in Postman; a user who typed the id into the URL bar
    (`SM66…66.json`) had NEW's example id put back with "0 edit(s) kept"."""

    def spec(version: str) -> dict[str, Any]:
        sid = {"name": "Sid", "in": "path", "required": True,
               "schema": {"type": "string", "pattern": "^SM[0-9a-f]{32}$"}}  # fmt: skip
        get = {"summary": "Fetch a message", "parameters": [sid], "responses": {"200": {"description": "OK"}}}
        return {"openapi": "3.0.3", "info": {"title": "Messages", "version": version},
                "servers": [{"url": "https://api.twilio.example"}],
                "paths": {"/Messages/{Sid}.json": {"get": get},
                          "/Messages.json": {"get": {"summary": "List messages",
                                                     "responses": {"200": {"description": "OK"}}}}}}  # fmt: skip

    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, spec("1.0"), spec("1.1"))
    message = "SM" + "6" * 32
    url = named(fork, "Fetch a message")["request"]["url"]
    assert url["path"] == ["Messages", ":Sid.json"]
    url["path"] = ["Messages", f"{message}.json"]
    url["raw"] = url["raw"].replace(":Sid.json", f"{message}.json")
    url.pop("variable")
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0 and "Fetch a message: path variable `Sid`" in result.output, result.output
    url = named(json.loads(out.read_text()), "Fetch a message")["request"]["url"]
    assert [(v["key"], v["value"]) for v in url["variable"]] == [("Sid", message)]


def test_an_auth_whose_entries_postman_wrote_in_another_order_is_no_edit(tmp_path: Path, run_cli) -> None:
    """Postman exports a basic auth's `password` before its `username`: upgrade took that for the user's edit,
    kept OLD's Basic auth and dropped NEW's API key, so every request sent the wrong credential."""

    def spec(version: str, scheme: dict[str, Any]) -> dict[str, Any]:
        return {"openapi": "3.0.3", "info": {"title": "Trains", "version": version},
                "servers": [{"url": "https://api.example.com"}], "security": [{"S": []}],
                "components": {"securitySchemes": {"S": scheme}},
                "paths": {"/trips": {"get": {"summary": "List trips", "responses": {"200": {"description": "OK"}}}}}}  # fmt: skip

    old = spec("1.0", {"type": "http", "scheme": "basic"})
    new = spec("1.1", {"type": "apiKey", "in": "header", "name": "X-Api-Key"})
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    assert fork["auth"]["type"] == "basic"
    fork["auth"]["basic"] = fork["auth"]["basic"][::-1]
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0 and "collection auth" not in result.output, result.output
    assert json.loads(out.read_text())["auth"]["type"] == "apikey"


def test_credentials_typed_into_saved_requests_auth_each_get_a_variable_of_their_own(
    tmp_path: Path, run_cli
) -> None:
    """An API with no security of its own: a basic password and a bearer token typed into two saved requests'
    auth both became `{{privateKey}}` (Klaviyo's key variable), which the upgraded collection did not define."""

    def spec(version: str) -> dict[str, Any]:
        return {"openapi": "3.0.3", "info": {"title": "Open", "version": version},
                "servers": [{"url": "https://api.example.com"}],
                "paths": {"/x": {"get": {"summary": "Get x", "tags": ["x"], "responses": {"200": {"description": "OK"}}}}}}  # fmt: skip

    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, spec("1.0"), spec("1.1"))
    folder = next(node for node in fork["item"] if node["name"] == "x")
    for name, auth in (
        ("basic", {"type": "basic", "basic": [{"key": "username", "value": "me"}, {"key": "password", "value": "S3cretPassw0rd22"}]}),
        ("bearer", {"type": "bearer", "bearer": [{"key": "token", "value": "tok9Zq81mXk2Lw9pRt6789"}]}),
    ):  # fmt: skip
        mine = copy.deepcopy(named(fork, "Get x"))
        mine.pop("id")
        mine.pop("x-postman-kit", None)
        mine["name"], mine["request"]["auth"] = f"saved {name}", auth
        folder["item"].append(mine)
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0, result.output
    upgraded = json.loads(out.read_text())
    basic = named(upgraded, "saved basic")["request"]["auth"]["basic"]
    bearer = named(upgraded, "saved bearer")["request"]["auth"]["bearer"]
    used = {next(e["value"] for e in basic if e["key"] == "password"), bearer[0]["value"]}
    assert used == {"{{basicPassword}}", "{{bearerToken}}"}
    assert {"basicPassword", "bearerToken"} <= {v["key"] for v in upgraded["variable"]}


def test_a_path_value_follows_an_in_segment_parameter_new_only_renamed(tmp_path: Path, run_cli) -> None:
    """NEW renames Twilio's `{Sid}.json` to `{MessageSid}.json` (the same URL on the wire): the user's message id
    was dropped for NEW's example, and diff called it a breaking move ("the old path no longer answers")."""

    def spec(version: str, name: str) -> dict[str, Any]:
        sid = {
            "name": name,
            "in": "path",
            "required": True,
            "schema": {"type": "string"},
            "example": "SM" + "0" * 32,
        }
        get = {"summary": "Fetch a message", "parameters": [sid], "responses": {"200": {"description": "OK"}}}
        return {"openapi": "3.0.3", "info": {"title": "Messages", "version": version},
                "servers": [{"url": "https://api.twilio.example"}],
                "paths": {f"/Messages/{{{name}}}.json": {"get": get},
                          "/Messages.json": {"get": {"summary": "List messages", "responses": {"200": {"description": "OK"}}}}}}  # fmt: skip

    fork, old_spec, new_spec = generated_fork(
        tmp_path, run_cli, spec("1.0", "Sid"), spec("1.1", "MessageSid")
    )
    message = "SM" + "7" * 32
    named(fork, "Fetch a message")["request"]["url"]["variable"][0]["value"] = message
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", new_spec, "--base", old_spec, "-o", out)
    assert result.exit_code == 0 and "Dropped" not in result.output, result.output
    assert "no longer answers" not in result.output
    url = named(json.loads(out.read_text()), "Fetch a message")["request"]["url"]
    assert url["path"][-1] == ":MessageSid.json" and url["variable"][0]["value"] == message


def test_a_json_body_new_takes_only_as_a_form_is_a_conflict_and_a_saved_copy_broken(tmp_path: Path, run_cli):
    """NEW takes `POST /notes` as a form only. The user's edited JSON body took the place of NEW's form, listed
    as an edit kept with no conflict, and their saved JSON copy was `fine`: both are requests NEW refuses."""
    old = notes_spec("1.0.0", with_archive=False)
    new = notes_spec("2.0.0", with_archive=False)
    content = new["paths"]["/notes"]["post"]["requestBody"]["content"]
    content["application/x-www-form-urlencoded"] = content.pop("application/json")
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    create = named(fork, "Create note")
    create["request"]["body"]["raw"] = json.dumps({"text": "Buy oat milk"})
    mine = copy.deepcopy(create)
    mine.pop("id")
    mine["name"] = "Create groceries note"
    next(node for node in fork["item"] if node["name"] == "Notes")["item"].append(mine)
    path, out = tmp_path / "fork.json", tmp_path / "up.json"
    path.write_text(json.dumps(fork))
    result = run_cli("upgrade", path, "--to", new_spec, "--base", old_spec, "-o", out, "--format", "json")
    assert result.exit_code == 0, result.output
    upgraded = json.loads(out.read_text())
    assert named(upgraded, "Create note")["request"]["body"]["mode"] == "urlencoded"
    [copy_of_edit] = [i for i in items(upgraded["item"]) if i["name"].endswith("Create note (your edit)")]
    assert json.loads(copy_of_edit["request"]["body"]["raw"]) == {"text": "Buy oat milk"}
    report = json.loads(result.output)
    assert "Notes/Create note (your edit)" in {c["request"] for c in report["conflicts"]}
    saved = run_cli("diff", path, new_spec, "--base", old_spec)
    assert "[broken-by-new] Notes/Create groceries note" in saved.output


def test_a_saved_request_s_own_api_key_is_broken_where_new_takes_oauth_only(tmp_path: Path, run_cli):
    """NEW moves from an API key to OAuth 2.0: a saved request with its own `X-API-Key` auth was `fine` and
    carried without a mark, while validate on the upgrade called its auth an error."""
    old, new = notes_spec("1.0.0", with_archive=False), notes_spec("2.0.0", with_archive=False)
    old["components"]["securitySchemes"] = {"apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
    old["security"] = [{"apiKey": []}]
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    team_key = {
        "type": "apikey",
        "apikey": [{"key": "key", "value": "X-API-Key"}, {"key": "value", "value": "{{teamKey}}"}],
    }
    saved_copy(fork, "List with team key")["request"]["auth"] = team_key
    path, out = tmp_path / "fork.json", tmp_path / "up.json"
    path.write_text(json.dumps(fork))
    compared = run_cli("diff", path, new_spec, "--base", old_spec)
    assert "[broken-by-new] Notes/List with team key" in compared.output
    assert "its own apikey auth is none GET /notes takes" in compared.output
    assert (
        run_cli(
            "upgrade", path, "--to", new_spec, "--base", old_spec, "-o", out, "--fail-on", "conflict"
        ).exit_code
        == 1
    )
    kept = named(json.loads(out.read_text()), "⚠ List with team key")["request"]["auth"]
    assert {a["key"]: a["value"] for a in kept["apikey"]} == {"key": "X-API-Key", "value": "{{teamKey}}"}


def test_a_saved_copy_s_untouched_description_follows_new_and_an_edited_one_stays(tmp_path: Path, run_cli):
    """A copy of a generated request kept OLD's words (a beta's "a pre-release revision header is required" on an
    operation NEW made stable), though upstream's request itself gets NEW's."""
    old, new = notes_spec("1.0.0", with_archive=False), notes_spec("2.0.0", with_archive=False)
    new["paths"]["/notes/{note_id}"]["delete"]["description"] = "Deletes a note; archived notes stay."
    fork, old_spec, new_spec = generated_fork(tmp_path, run_cli, old, new)
    folder = next(node for node in fork["item"] if node["name"] == "Notes")
    for name, description in (("Delete my note", None), ("Delete with care", "Mine: ask first.")):
        mine = copy.deepcopy(named(fork, "Delete note"))
        mine.pop("id")
        mine["name"] = name
        if description:
            mine["request"]["description"] = description
        folder["item"].append(mine)
    path, out = tmp_path / "fork.json", tmp_path / "up.json"
    path.write_text(json.dumps(fork))
    assert run_cli("upgrade", path, "--to", new_spec, "--base", old_spec, "-o", out).exit_code == 0
    upgraded = json.loads(out.read_text())
    assert named(upgraded, "Delete my note")["request"]["description"].startswith("Deletes a note; archived")
    assert named(upgraded, "Delete with care")["request"]["description"] == "Mine: ask first."


@pytest.mark.corpus
@pytest.mark.parametrize("with_base", [True, False])
def test_a_security_scheme_renamed_keeps_the_variables_the_user_s_environment_sets(
    run_cli, tmp_path: Path, with_base: bool
) -> None:
    """Train Travel's NEW renames its scheme OAuth2 to OAuth and nothing else: upgrade switched the token to
    `{{oauthAccessToken}}`, which the environment generate wrote does not set (every request a 401), and diff
    called every operation's auth requirement changed (`--fail-on breaking` failed on a change no caller sees)."""
    import yaml

    from tests.tools import require_corpus

    old = require_corpus() / "real-world" / "train-travel" / "openapi.yaml"
    spec = yaml.safe_load(old.read_text())
    spec["info"]["version"] = "1.2.2"
    schemes = spec["components"]["securitySchemes"]
    schemes["OAuth"] = schemes.pop("OAuth2")
    renamed = json.loads(json.dumps(spec).replace('{"OAuth2":', '{"OAuth":'))
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(renamed, sort_keys=False))
    assert run_cli("generate", old, "-o", tmp_path / "gen", "-q").exit_code == 0
    [fork] = (tmp_path / "gen").glob("*.postman_collection.json")
    [environment] = (tmp_path / "gen").glob("*.postman_environment.json")
    base = ["--base", old] if with_base else []
    result = run_cli("upgrade", fork, "--to", new, *base, "-o", tmp_path / "up.json", "--format", "json")
    assert result.exit_code == 0, result.output
    auth = json.dumps(json.loads((tmp_path / "up.json").read_text())["auth"])
    set_by_environment = {value["key"] for value in json.loads(environment.read_text())["values"]}
    assert "{{oauth2AccessToken}}" in auth and "oauth2AccessToken" in set_by_environment
    assert any(
        "reads {{oauth2AccessToken}} as your fork did" in note for note in json.loads(result.output)["notes"]
    )
    diff = run_cli("diff", fork, new, *base, "--fail-on", "breaking")
    assert diff.exit_code == 0, diff.output
    assert "auth requirement changed" not in diff.output


@pytest.mark.corpus
def test_a_path_parameter_new_renames_says_so_where_a_script_reads_the_old_name(
    run_cli, tmp_path: Path
) -> None:
    """Train Travel's NEW renames `{bookingId}` to `{booking_id}`; the user set `bookingId` and a test reads it.
    The value moved over, but the report said "path variable `bookingId`" was kept and nothing of the script,
    which reads nothing now."""
    import yaml

    from tests.tools import require_corpus

    old = require_corpus() / "real-world" / "train-travel" / "openapi.yaml"
    renamed = (
        old.read_text().replace("{bookingId}", "{booking_id}").replace("name: bookingId", "name: booking_id")
    )
    spec = yaml.safe_load(renamed)
    spec["info"]["version"] = "1.2.2"
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(spec, sort_keys=False))
    assert run_cli("generate", old, "-o", tmp_path / "gen", "-q").exit_code == 0
    [generated] = (tmp_path / "gen").glob("*.postman_collection.json")
    fork = json.loads(generated.read_text())
    item = named(fork, "Get a booking")
    [variable] = item["request"]["url"]["variable"]
    variable["value"] = "BK123"
    item["event"] = [
        {"listen": "test", "script": {"exec": ["const id = pm.request.url.variables.get('bookingId');"]}}
    ]
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    result = run_cli(
        "upgrade",
        tmp_path / "fork.json",
        "--to",
        new,
        "--base",
        old,
        "-o",
        tmp_path / "up.json",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    kept = named(json.loads((tmp_path / "up.json").read_text()), "Get a booking")
    assert [(v["key"], v["value"]) for v in kept["request"]["url"]["variable"]] == [("booking_id", "BK123")]
    report = json.loads(result.output)
    assert any("path variable `bookingId`, `:booking_id` in v1.2.2" in line for line in report["editsKept"])
    assert any(
        "a script of yours that reads `bookingId` reads nothing now" in note for note in report["notes"]
    )


@pytest.mark.corpus
@pytest.mark.parametrize("change", ["bearer instead", "a scope more"])
def test_a_scheme_renamed_that_asks_another_credential_is_new_s_to_name(
    run_cli, tmp_path: Path, change: str
) -> None:
    """OAuth2 replaced by an HTTP bearer scheme, or renamed while its operations ask an `admin` scope more: the
    upgrade kept `{{oauth2AccessToken}}` and called it a rename, while diff rightly called it breaking."""
    import yaml

    from tests.tools import require_corpus

    old = require_corpus() / "real-world" / "train-travel" / "openapi.yaml"
    spec = yaml.safe_load(old.read_text())
    spec["info"]["version"] = "1.3.0"
    schemes = spec["components"]["securitySchemes"]
    schemes["BearerAuth"] = schemes.pop("OAuth2")
    if change == "bearer instead":
        schemes["BearerAuth"] = {"type": "http", "scheme": "bearer"}
    text = json.dumps(spec).replace('{"OAuth2":', '{"BearerAuth":')
    if change == "a scope more":
        text = text.replace('{"BearerAuth": ["read"]', '{"BearerAuth": ["admin", "read"]')
    renamed = json.loads(text)
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(renamed, sort_keys=False))
    assert run_cli("generate", old, "-o", tmp_path / "gen", "-q").exit_code == 0
    [fork] = (tmp_path / "gen").glob("*.postman_collection.json")
    result = run_cli(
        "upgrade", fork, "--to", new, "--base", old, "-o", tmp_path / "up.json", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    assert "oauth2AccessToken" not in json.dumps(json.loads((tmp_path / "up.json").read_text())["auth"])
    assert not [note for note in json.loads(result.output)["notes"] if "as your fork did" in note]
    assert run_cli("diff", fork, new, "--base", old, "--fail-on", "breaking").exit_code == 1
