"""`diff` on what holds for every request: the spec's server (the base URL), a server variable, and the revision
the fork's requests are.

The cases are Train Travel's own spec (from the corpus), moved as vendors move theirs: a mock server swapped for
production under a new base path, a region variable added, and a fork whose `baseUrl` the user pointed at
staging.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from postman_kit.diff import diff, upgrade
from tests.support.diff import TODAY
from tests.support.generate import minimal_spec
from tests.tools import require_corpus


def train_travel(tmp_path: Path, name: str, servers: list[dict] | None = None) -> Path:
    spec = yaml.safe_load((require_corpus() / "real-world" / "train-travel" / "openapi.yaml").read_text())
    spec.pop("x-topics", None)  # a $ref to a markdown file beside the corpus's copy
    if servers is not None:
        spec["servers"] = servers
    path = tmp_path / name
    path.write_text(json.dumps(spec))
    return path


def test_a_new_base_path_breaks_every_request_and_is_reported(tmp_path, run_cli):
    old = train_travel(tmp_path, "old.json")
    new = train_travel(tmp_path, "new.json", [{"url": "https://api.example.com/v2"}])
    report = diff(str(old), str(new), today=TODAY)
    # Train Travel's production server, the second it lists, is one NEW no longer lists
    [change, dropped] = report.api_changes
    assert (dropped.kind, dropped.detail) == (
        "server-removed",
        "`https://api.example.com` is no longer a server of the API",
    )
    assert change.kind == "server-changed" and change.breaking
    assert change.where == "collection variable `baseUrl`"
    assert "'https://api.example.com/v2'" in change.detail
    assert report.breaking and report.has_differences
    result = run_cli("diff", str(old), str(new), "--fail-on", "breaking")
    assert result.exit_code == 1
    assert "2 change(s) for every request" in result.output
    assert "breaking: collection variable `baseUrl`" in result.output
    shown = json.loads(run_cli("diff", str(old), str(new), "--format", "json").output)
    assert shown["summary"]["apiChanges"] == 2 and shown["apiChanges"][0]["kind"] == "server-changed"


def test_another_host_on_the_same_path_is_said_not_judged_and_a_new_server_variable_listed(tmp_path):
    old = train_travel(tmp_path, "old.json", [{"url": "https://api.example.com/v1"}])
    new = train_travel(
        tmp_path,
        "new.json",
        [
            {
                "url": "https://{region}.example.com/v1",
                "variables": {"region": {"default": "eu", "enum": ["eu", "us"]}},
            }
        ],
    )
    report = diff(str(old), str(new), today=TODAY)
    changes = {c.where: c for c in report.api_changes}
    moved = changes["collection variable `baseUrl`"]
    assert not moved.breaking and "'https://{{region}}.example.com/v1'" in moved.detail
    assert changes["collection variable `region`"].kind == "variable-added"
    assert not report.breaking


def test_the_same_server_is_no_change(tmp_path):
    old = train_travel(tmp_path, "old.json")
    assert diff(str(old), str(train_travel(tmp_path, "new.json")), today=TODAY).api_changes == []


def test_a_fork_s_own_base_url_without_its_spec_is_said_as_it_is_and_its_key_never_shown(tmp_path, run_cli):
    old = train_travel(tmp_path, "old.json", [{"url": "https://api.example.com/v1"}])
    new = train_travel(tmp_path, "new.json", [{"url": "https://api.example.com/v2"}])
    assert run_cli("generate", str(old), "-o", str(tmp_path / "gen")).exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    fork = json.loads(collection.read_text())
    fork["info"]["name"] = "Trains (staging)"  # renamed: its version stamp gone, so OLD's spec is not known
    key = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"
    fork["variable"] = [
        {"key": "baseUrl", "value": "https://staging.example.com/v1"},
        {"key": "apiToken", "value": key},
    ]
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    report = diff(str(tmp_path / "fork.json"), str(new), today=TODAY)
    assert report.partial
    [change] = report.api_changes
    assert change.kind == "variable-changed" and not change.breaking
    assert change.detail == "'https://staging.example.com/v1' in OLD, 'https://api.example.com/v2' in NEW"
    result = run_cli("diff", str(tmp_path / "fork.json"), str(new), "--format", "json")
    assert key not in result.output


def test_the_upgrade_report_tells_the_user_to_move_their_environments_too(tmp_path, run_cli):
    old = train_travel(tmp_path, "old.json")
    new = train_travel(tmp_path, "new.json", [{"url": "https://api.example.com/v2"}])
    gen = tmp_path / "gen"
    assert run_cli("generate", str(old), "-o", str(gen)).exit_code == 0
    [collection] = gen.glob("*.postman_collection.json")
    upgraded, report = upgrade(str(collection), str(new), tmp_path / "up.json", today=TODAY, base=str(old))
    assert upgraded.variable("baseUrl").value == "https://api.example.com/v2"
    [change] = [c for c in report.diff.api_changes if c.kind == "server-changed"]
    assert change.breaking and "an environment still setting it" in change.detail


def test_a_field_named_like_a_keyword_is_a_field(tmp_path):
    """Box's folders have a `description` field; a form may have `title` or `example`: removing or retyping one
    is a contract change, not documentation left out of the comparison."""

    def spec(version: str, properties: dict) -> Path:
        body = {"type": "object", "properties": properties}
        content = {"application/json": {"schema": body}}
        operation = {
            "operationId": "createFolder",
            "requestBody": {"content": content},
            "responses": {"201": {"description": "ok", "content": content}},
        }
        document = minimal_spec(
            {"/folders": {"post": operation}}, info={"title": "Folders", "version": version}
        )
        path = tmp_path / f"{version}.json"
        path.write_text(json.dumps(document))
        return path

    old = spec(
        "1.0.0", {"name": {"type": "string"}, "description": {"type": "string"}, "title": {"type": "string"}}
    )
    new = spec("1.1.0", {"name": {"type": "string"}, "title": {"type": "integer"}})
    [operation] = diff(str(old), str(new), today=TODAY).changed
    found = {(c.kind, c.where) for c in operation.changes}
    assert ("field-removed", "request body /description") in found
    assert ("field-removed", "response 201 /description") in found
    [retyped] = [c for c in operation.changes if c.where == "request body /title"]
    assert retyped.breaking and "`string` to `integer`" in retyped.detail
    assert operation.breaking


def test_a_fork_whose_revision_variable_was_bumped_by_hand_is_judged_by_its_requests(tmp_path, run_cli):
    """A user sets an old fork's `revision` variable to the latest to try it: the requests are still the old
    revision's, so the fork is as stale as before, not `current`."""
    stable = require_corpus() / "klaviyo" / "stable"
    assert run_cli("generate", str(stable / "2023-02-22.json"), "-o", str(tmp_path / "gen")).exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    fork = json.loads(collection.read_text())
    for variable in fork["variable"]:
        if variable["key"] == "revision":
            variable["value"] = "2026-07-15"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    report = diff(str(tmp_path / "fork.json"), str(stable / "2026-07-15.json"), today=TODAY, revisions=stable)
    assert report.verdict.stale and report.verdict.old_revision == "2023-02-22"
    assert report.verdict.revisions_behind == 18
    assert any("`revision` variable says 2026-07-15" in note for note in report.notes)


def test_a_path_parameter_renamed_in_its_place_is_one_rename_no_caller_sees(tmp_path, run_cli):
    """Klaviyo's `/api/campaigns/{campaign_id}/tags/` became `/api/campaigns/{id}/tags`: every request sends the
    same URL, which read as a breaking removal and a breaking addition; and the id a user typed into the
    upstream request was dropped for NEW's example (a saved copy of it kept its own)."""
    stable = require_corpus() / "klaviyo" / "stable"
    report = diff(str(stable / "2023-02-22.json"), str(stable / "2026-07-15.json"), today=TODAY)
    [tags] = [c for c in report.changed if c.new.path == "/api/campaigns/{id}/tags"]
    path_changes = [c for c in tags.changes if c.where.startswith("path `")]
    assert [(c.kind, c.breaking, c.detail) for c in path_changes] == [
        ("parameter-renamed", False, "path parameter `campaign_id` is now `id`")
    ]
    assert run_cli("generate", str(stable / "2023-02-22.json"), "-o", str(tmp_path / "gen")).exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    fork = json.loads(collection.read_text())
    [campaigns] = [f for f in fork["item"] if f["name"] == "Campaigns"]
    [inner] = [f for f in campaigns["item"] if f["name"] == "Campaigns"]
    [item] = [i for i in inner["item"] if i["name"] == "Get Campaign Tags"]
    item["request"]["url"]["variable"][0]["value"] = "CAMP123"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    upgraded, result = upgrade(
        str(tmp_path / "fork.json"), str(stable / "2026-07-15.json"), today=TODAY, revisions=stable
    )
    [request] = [
        i.request for _, i in upgraded.walk() if i.request.url.raw.endswith("/api/campaigns/:id/tags")
    ]
    assert [(v.key, v.value) for v in request.url.variable] == [("id", "CAMP123")]
    assert not any("CAMP123" in entry for entry in result.dropped)


def renamed_booking_id(tmp_path: Path, suffix: str = "") -> tuple[Path, Path]:
    """Train Travel's `/bookings/{bookingId}` (with `suffix` after it, Twilio-style) and NEW's, where the
    parameter is `booking_id`."""
    spec = yaml.safe_load((require_corpus() / "real-world" / "train-travel" / "openapi.yaml").read_text())
    spec.pop("x-topics", None)
    item = spec["paths"].pop("/bookings/{bookingId}")
    spec["paths"]["/bookings/{bookingId}" + suffix] = item
    old = tmp_path / "old.json"
    old.write_text(json.dumps(spec))
    text = json.dumps(spec).replace('"bookingId"', '"booking_id"').replace("{bookingId}", "{booking_id}")
    new = tmp_path / "new.json"
    new.write_text(text)
    return old, new


def test_a_parameter_renamed_inside_a_segment_is_no_breaking_change(tmp_path):
    """Twilio's `/Messages/{Sid}.json` as `/Messages/{MessageSid}.json`: two breaking changes, and
    `--fail-on breaking` failed, for a URL no caller sees change."""
    old, new = renamed_booking_id(tmp_path, ".json")
    changed = [c for c in diff(str(old), str(new), today=TODAY).changed if c.new.path.endswith(".json")]
    assert {c.new.method for c in changed} == {"GET", "DELETE"}
    for operation in changed:
        path_changes = [c for c in operation.changes if c.where.startswith("path `")]
        assert [(c.kind, c.breaking) for c in path_changes] == [("parameter-renamed", False)]


def test_an_id_typed_over_a_parameter_new_renames_in_place_is_carried(tmp_path, run_cli):
    """An id typed into the URL bar (`/bookings/bk_typed_1`, the `:bookingId` variable gone) was dropped when NEW
    named the parameter `booking_id`, and NEW's example id sent; set in the variables table it was carried."""
    old, new = renamed_booking_id(tmp_path)
    assert run_cli("generate", str(old), "-o", str(tmp_path / "gen")).exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    fork = json.loads(collection.read_text())
    [item] = [i for folder in fork["item"] for i in folder.get("item", []) if i["name"] == "Get a booking"]
    url = item["request"]["url"]
    url.update(raw="{{baseUrl}}/bookings/bk_typed_1", path=["bookings", "bk_typed_1"])
    url.pop("variable")
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    upgraded, report = upgrade(str(tmp_path / "fork.json"), str(new), today=TODAY, base=str(old))
    [request] = [i.request for _, i in upgraded.walk() if i.name == "Get a booking"]
    assert [(v.key, v.value) for v in request.url.variable] == [("booking_id", "bk_typed_1")]
    assert report.dropped == []


def test_an_id_less_export_s_request_for_an_operation_new_removed_is_upstream_s(tmp_path, run_cli):
    """The generated collection exported from Postman untouched (no ids, no marks); NEW removes DELETE
    /bookings/{bookingId}. Without OLD's spec, diff said "0 removed" and called upstream's own request the
    user's broken saved request; its description still names the operation generate wrote it for."""
    old = train_travel(tmp_path, "old.json")
    spec = json.loads(old.read_text())
    del spec["paths"]["/bookings/{bookingId}"]["delete"]
    spec["info"]["version"] = "1.3.0"
    new = tmp_path / "new.json"
    new.write_text(json.dumps(spec))
    assert run_cli("generate", str(old), "-o", str(tmp_path / "gen")).exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    text = collection.read_text()

    def exported(node):
        if isinstance(node, dict):
            return {k: exported(v) for k, v in node.items() if k not in ("id", "x-postman-kit")}
        return [exported(v) for v in node] if isinstance(node, list) else node

    (tmp_path / "fork.json").write_text(json.dumps(exported(json.loads(text))))
    report = diff(str(tmp_path / "fork.json"), str(new), today=TODAY)
    assert [e.label for e in report.removed] == ["DELETE /bookings/:bookingId"]
    assert report.saved == []


def test_without_old_s_spec_a_header_the_user_added_is_no_parameter_new_removed(tmp_path, run_cli):
    """A user's `X-Trace` header on an upstream request read "breaking: header parameter `x-trace` removed", and
    `--fail-on breaking` failed, though NEW only bumped its version: upstream's request is the one its examples
    recorded."""
    old = train_travel(tmp_path, "old.json")
    spec = json.loads(old.read_text())
    spec["info"]["version"] = "1.3.0"
    new = tmp_path / "new.json"
    new.write_text(json.dumps(spec))
    assert run_cli("generate", str(old), "-o", str(tmp_path / "gen")).exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    fork = json.loads(collection.read_text())
    for folder in fork["item"]:
        for item in folder.get("item", []):
            item["request"]["header"].append({"key": "X-Trace", "value": "abc"})
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    report = diff(str(tmp_path / "fork.json"), str(new), today=TODAY)
    assert report.partial and report.changed == [] and not report.breaking
    assert run_cli("diff", tmp_path / "fork.json", new, "--fail-on", "breaking").exit_code == 0


def test_an_api_that_changes_without_a_new_version_is_not_taken_for_the_fork_s_own(tmp_path, run_cli):
    """OpenAI's spec stayed `2.0.0` while operations went (`/edits`, `/fine-tunes`): NEW's spec was taken for
    OLD's own, so diff said "current, 0 removed" and upgrade kept every upstream change as the user's edit."""
    old = train_travel(tmp_path, "old.json")
    spec = json.loads(old.read_text())
    del spec["paths"]["/bookings/{bookingId}"]["delete"]
    spec["paths"]["/trips"]["get"]["parameters"].append(
        {"name": "dogs_allowed", "in": "query", "required": True, "schema": {"type": "boolean"}}
    )
    new = tmp_path / "new.json"
    new.write_text(json.dumps(spec))  # the same version, 1.2.1
    assert run_cli("generate", str(old), "-o", str(tmp_path / "gen")).exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    report = diff(str(collection), str(new), today=TODAY)
    assert [e.label for e in report.removed] == ["DELETE /bookings/:bookingId"]
    assert any("without a new version" in note for note in report.notes)
    upgraded, result = upgrade(str(collection), str(new), today=TODAY)
    [trips] = [i.request for _, i in upgraded.walk() if i.name == "Get available train trips"]
    assert "dogs_allowed" in [q.key for q in trips.url.query]
    assert not any("your edit" in c.label for c in result.conflicts)


def test_without_old_s_spec_a_body_field_new_requires_is_breaking(tmp_path, run_cli):
    """Train Travel's booking given a required `passenger_email`: diff of the untouched collection read "new
    field" and `--fail-on breaking` passed, while validate failed the same request; a new optional field is
    still no break."""
    old = train_travel(tmp_path, "old.json")
    spec = json.loads(old.read_text())
    spec["info"]["version"] = "1.3.0"
    booking = spec["components"]["schemas"]["Booking"]
    booking["properties"]["passenger_email"] = {"type": "string", "format": "email"}
    booking["properties"]["seat_preference"] = {"type": "string", "enum": ["window", "aisle"]}
    booking["required"] = [*booking.get("required", []), "passenger_email"]
    new = tmp_path / "new.json"
    new.write_text(json.dumps(spec))
    assert run_cli("generate", str(old), "-o", str(tmp_path / "gen")).exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    report = diff(str(collection), str(new), today=TODAY)
    assert report.partial and report.breaking
    [create] = [c for c in report.changed if (c.new.method, c.new.path) == ("POST", "/bookings")]
    fields = {c.where: (c.kind, c.breaking) for c in create.changes if c.where.startswith("request body /")}
    assert fields == {
        "request body /passenger_email": ("field-required", True),
        "request body /seat_preference": ("field-added", False),
    }
    assert run_cli("diff", str(collection), str(new), "--fail-on", "breaking").exit_code == 1


def test_a_server_new_drops_or_adds_past_the_first_is_said(tmp_path):
    """OLD lists an EU server beside its main one and NEW drops it for an AP one: the report said nothing of it,
    though a fork's `baseUrl` pointed at the EU server."""
    main, eu, ap = "https://api.example.com", "https://eu.example.com", "https://ap.example.com"
    old = train_travel(tmp_path, "old.json", [{"url": main}, {"url": eu}])
    new = train_travel(tmp_path, "new.json", [{"url": main}, {"url": ap}])
    report = diff(str(old), str(new), today=TODAY)
    assert [(c.kind, c.breaking, c.detail) for c in report.api_changes] == [
        ("server-removed", False, f"`{eu}` is no longer a server of the API"),
        ("server-added", False, f"`{ap}` is a new server of the API"),
    ]
    assert (
        diff(
            str(old), str(train_travel(tmp_path, "same.json", [{"url": main}, {"url": eu}])), today=TODAY
        ).api_changes
        == []
    )
