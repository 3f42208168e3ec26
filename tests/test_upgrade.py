"""`postman-kit upgrade`: NEW's structure, the fork's saved requests and edits carried, conflicts marked."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from postman_kit.diff import upgrade
from postman_kit.generation import build_collection_from_spec
from postman_kit.secrets import truncate_key
from postman_kit.writer import dumps
from tests.support.diff import OLD_REVISION, TODAY, all_items, find_folder, find_item, make_specs


@pytest.fixture(scope="module")
def specs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_specs(tmp_path_factory.mktemp("upgrade"))


def saved_request(name: str, url: str, revision: str = "{{revision}}") -> dict[str, Any]:
    return {
        "name": name,
        "request": {"method": "GET", "header": [{"key": "revision", "value": revision}], "url": url},
        "response": [],
    }


@pytest.fixture
def fork(specs, tmp_path) -> Path:
    """The generated OLD collection as a user keeps it: saved requests, an edit, own variables."""
    collection = json.loads(specs["old_collection"].read_text())
    profiles = find_folder(collection, "Profiles", "Profiles")
    get_profiles = find_item(profiles, "Get Profiles")
    page_size = next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")
    page_size["value"] = "50"
    page_size.pop("disabled", None)
    profiles["item"].append(
        saved_request(
            "Get Profiles Created Date",
            "{{baseUrl}}/api/profiles/?fields[profile]=created&filter=greater-than(created,2023-08-10T23:00:00Z)",
            OLD_REVISION,
        )
    )
    collection["item"].append(
        {
            "name": "Mine",
            "item": [
                saved_request("Latest events", "{{baseUrl}}/api/events/?sort=-datetime"),
                saved_request("Events by uuid", "{{baseUrl}}/api/events/?sort=uuid"),
                saved_request("One event", "{{baseUrl}}/api/events/4H7KLscuSr/"),
                {
                    "name": "Forget event",
                    "request": {"method": "DELETE", "url": "{{baseUrl}}/api/events/4H7KLscuSr/"},
                    "response": [],
                },
            ],
        }
    )
    collection["variable"].append({"key": "listId", "value": "Y6nRLr"})
    path = tmp_path / "fork.postman_collection.json"
    path.write_text(json.dumps(collection, indent=2))
    return path


def test_generated_collection_upgrades_to_exactly_the_newer_generated_one(specs, tmp_path):
    expected = dumps(build_collection_from_spec(str(specs["new"])).collection.to_json())
    for revisions in (None, specs["revisions"]):  # with and without OLD's spec as the three-way base
        out = tmp_path / "upgraded.json"
        _, report = upgrade(
            str(specs["old_collection"]), str(specs["new"]), out, today=TODAY, revisions=revisions
        )
        assert out.read_bytes() == expected
        assert report.carried == [] and report.conflicts == [] and report.edits_kept == []
        assert report.dropped == ["DELETE /api/events/:id/ (Delete Event): not an operation in v2026-07-15"]


def test_saved_requests_stay_where_the_user_put_them_once(specs, fork, tmp_path):
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, revisions=specs["revisions"])
    upgraded = json.loads(out.read_text())
    placed = [(trail, item["name"]) for trail, item in all_items(upgraded["item"])]
    names = [name for _, name in placed]
    assert len(names) == len(set(names)) == 17 + 5
    assert [name for trail, name in placed if trail == ("Profiles", "Profiles")][
        -1
    ] == "Get Profiles Created Date"
    # the user's own folder, its requests in the user's order; the broken ones marked, not moved
    assert [name for trail, name in placed if trail == ("Mine",)] == [
        "Latest events",
        "⚠ Events by uuid",
        "One event",
        "⚠ Forget event",
    ]
    assert [n["name"] for n in upgraded["item"]][-1] == "Mine"
    assert report.folders_kept == ["Mine"]
    assert sorted(report.carried) == [
        "Mine/Latest events",
        "Mine/One event",
        "Profiles/Profiles/Get Profiles Created Date",
    ]


def test_a_custom_folder_and_a_request_of_no_operation_are_kept_in_place(specs, fork, tmp_path):
    collection = json.loads(fork.read_text())
    nowhere = saved_request("Undo everything", "{{baseUrl}}/api/undo/everything/")
    nowhere["request"]["method"] = "POST"
    collection["item"].insert(0, {"name": "Scratch", "item": [nowhere, {"name": "Empty", "item": []}]})
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, revisions=specs["revisions"])
    upgraded = json.loads(out.read_text())
    scratch = upgraded["item"][0]
    assert scratch["name"] == "Scratch" and [n["name"] for n in scratch["item"]] == [
        "Undo everything",
        "Empty",
    ]
    kept = scratch["item"][0]  # exactly as it was: no operation in either revision says otherwise
    assert (kept["request"]["url"]["raw"], kept["request"]["header"]) == (
        nowhere["request"]["url"],
        nowhere["request"]["header"],
    )
    assert report.unmatched == [
        "Scratch/Undo everything (POST /api/undo/everything/): not an operation of either revision; kept as it was"
    ]
    assert report.folders_kept == ["Scratch", "Scratch/Empty", "Mine"]


def test_saved_requests_are_moved_onto_new_paths_with_the_revision_bumped(specs, fork, tmp_path):
    out = tmp_path / "upgraded.json"
    upgrade(str(fork), str(specs["new"]), out, today=TODAY, revisions=specs["revisions"])
    items = {item["name"]: item for _, item in all_items(json.loads(out.read_text())["item"])}
    created = items["Get Profiles Created Date"]["request"]
    assert created["url"]["raw"] == (
        "{{baseUrl}}/api/profiles?fields[profile]=created&filter=greater-than(created,2023-08-10T23:00:00Z)"
    )
    assert {"key": "revision", "value": "2026-07-15"} in created["header"]
    one = items["One event"]["request"]
    assert one["url"]["path"] == ["api", "events", "4H7KLscuSr"]
    assert {"key": "revision", "value": "{{revision}}"} in one["header"]


def test_conflicting_saved_requests_are_kept_as_written_marked_and_listed(specs, fork, tmp_path):
    before = {item["name"]: item for _, item in all_items(json.loads(fork.read_text())["item"])}
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, revisions=specs["revisions"])
    items = {item["name"]: item for _, item in all_items(json.loads(out.read_text())["item"])}
    by_uuid = items["⚠ Events by uuid"]
    assert (
        by_uuid["x-postman-kit"]["conflicts"]
        and "`sort` does not accept `uuid`" in by_uuid["x-postman-kit"]["conflicts"][0]
    )
    assert by_uuid["request"]["url"]["query"] == [
        {"key": "sort", "value": "uuid"}
    ]  # still what the user sends
    assert by_uuid["request"]["description"].startswith("**Needs review after upgrading from v2024-07-15")
    assert "`sort` does not accept `uuid`" in by_uuid["request"]["description"].partition("\n\n")[0]
    forget = items["⚠ Forget event"]
    assert forget["request"]["url"]["raw"] == before["Forget event"]["request"]["url"]
    assert forget["request"]["method"] == "DELETE" and forget["request"]["header"] == []
    assert "not an operation in v2026-07-15" in forget["request"]["description"]
    assert {c.label for c in report.conflicts} == {"Mine/Events by uuid", "Mine/Forget event"}
    assert "x-postman-kit" not in items["Latest events"]


def test_upgrading_twice_marks_a_conflict_once(specs, fork, tmp_path):
    once = tmp_path / "once.json"
    upgrade(str(fork), str(specs["new"]), once, today=TODAY, revisions=specs["revisions"])
    twice = tmp_path / "twice.json"
    _, report = upgrade(str(once), str(specs["new"]), twice, today=TODAY, revisions=specs["revisions"])
    names = [item["name"] for _, item in all_items(json.loads(twice.read_text())["item"])]
    assert "⚠ Events by uuid" in names and not any(name.startswith("⚠ ⚠") for name in names)
    assert {c.label for c in report.conflicts} == {"Mine/Events by uuid"}
    # v2026-07-15 has no DELETE of an event: the request is the user's own now, kept with its mark
    assert report.unmatched == [
        "Mine/⚠ Forget event (DELETE /api/events/4H7KLscuSr/): not an operation of either revision; kept as it was"
    ]


def test_edits_to_upstream_requests_are_kept_with_the_base_spec(specs, fork, tmp_path):
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, base=str(specs["old"]))
    upgraded = json.loads(out.read_text())
    get_profiles = find_item(find_folder(upgraded, "Profiles", "Profiles"), "Get Profiles")
    page_size = next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")
    assert page_size == {"key": "page[size]", "value": "50", "description": page_size["description"]}
    assert "page[size]=50" in get_profiles["request"]["url"]["raw"]
    assert report.edits_kept == [
        "Profiles/Profiles/Get Profiles: query `page[size]`",
        "collection variable `listId` (yours)",  # the fork's own variable, kept
    ]
    for example in get_profiles["response"]:  # examples show the call NEW documents, not the user's edit
        saved_size = next(q for q in example["originalRequest"]["url"]["query"] if q["key"] == "page[size]")
        assert saved_size.get("disabled") is True and saved_size["value"] == "20"


def test_an_edit_new_refuses_is_kept_in_a_marked_copy_beside_new_s_request(specs, fork, tmp_path):
    """NEW's request keeps NEW's valid values; the user's value is not lost: a copy right after it sends it,
    marked ⚠ with the reason, and upgrading the upgrade again keeps that copy as the user's saved request."""
    collection = json.loads(fork.read_text())
    get_profiles = find_item(find_folder(collection, "Profiles", "Profiles"), "Get Profiles")
    page_size = next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")
    page_size["value"] = "500"
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, base=str(specs["old"]))
    upgraded = json.loads(out.read_text())
    folder = find_folder(upgraded, "Profiles", "Profiles")
    get_profiles = find_item(folder, "Get Profiles")
    page_size = next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")
    assert page_size.get("disabled") is True and page_size["value"] == "20"
    names = [item["name"] for item in folder["item"]]
    assert names[names.index("Get Profiles") + 1] == "⚠ Get Profiles (your edit)"
    copy = folder["item"][names.index("Get Profiles") + 1]
    sent = [q for q in copy["request"]["url"]["query"] if q["key"] == "page[size]"]
    assert sent == [{**sent[0], "value": "500"}] and not sent[0].get("disabled")
    assert "page[size]=500" in copy["request"]["url"]["raw"] and copy["response"] == []
    assert "`page[size]`=500 is out of range" in copy["request"]["description"]
    assert not any("page[size]" in line for line in report.dropped)
    [conflict] = [c for c in report.conflicts if "Get Profiles" in c.label]
    assert conflict.label == "Profiles/Profiles/Get Profiles (your edit)"
    assert any("out of range" in problem for problem in conflict.problems)

    again = tmp_path / "again.json"
    _, second = upgrade(str(out), str(specs["new"]), again, today=TODAY, base=str(specs["new"]))
    folder = find_folder(json.loads(again.read_text()), "Profiles", "Profiles")
    names = [item["name"] for item in folder["item"]]
    assert names.count("⚠ Get Profiles (your edit)") == 1 and names.count("Get Profiles") == 1
    assert names[names.index("Get Profiles") + 1] == "⚠ Get Profiles (your edit)"
    copy_again = folder["item"][names.index("Get Profiles") + 1]
    assert copy_again["request"] == copy["request"]
    assert not any("Get Profiles" in line for line in second.dropped)


def edited_as_in_postman(fork: Path) -> None:
    """Edits to upstream requests as Postman saves them (tab indent, `type` on headers): a query value, a header
    added, a body field changed and OLD's revision typed over the variable. The examples stay as generated."""
    collection = json.loads(fork.read_text())
    profiles = find_folder(collection, "Profiles", "Profiles")
    get_profiles = find_item(profiles, "Get Profiles")["request"]
    get_profiles["header"].append({"key": "X-Trace", "value": "mine", "type": "text"})
    for header in get_profiles["header"]:
        header["type"] = "text"
        if header["key"] == "revision":
            header["value"] = OLD_REVISION
    create = find_item(profiles, "Create Profile")["request"]
    body = json.loads(create["body"]["raw"])
    body["data"]["attributes"]["first_name"] = "Ada"
    create["body"]["raw"] = json.dumps(body, indent=4)
    fork.write_text(json.dumps(collection, indent="\t"))


def test_without_the_base_spec_edits_are_told_from_upstream_by_the_examples(specs, fork, tmp_path):
    """No --base, no --revisions: what upstream generated is read from each request's own examples, which
    Postman leaves as they were; every edit still valid in NEW is carried, OLD's revision is bumped."""
    edited_as_in_postman(fork)
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY)
    profiles = find_folder(json.loads(out.read_text()), "Profiles", "Profiles")
    get_profiles = find_item(profiles, "Get Profiles")
    page_size = next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")
    assert page_size["value"] == "50" and not page_size.get("disabled")
    headers = {h["key"]: h["value"] for h in get_profiles["request"]["header"]}
    assert headers["X-Trace"] == "mine" and headers["revision"] == "{{revision}}"
    body = json.loads(find_item(profiles, "Create Profile")["request"]["body"]["raw"])
    assert body["data"]["attributes"]["first_name"] == "Ada"
    assert report.edits_kept == [
        "Profiles/Profiles/Get Profiles: query `page[size]`, header `X-Trace`",
        "Profiles/Profiles/Create Profile: body",
    ]
    assert (
        f"Profiles/Profiles/Get Profiles: revision header {OLD_REVISION} → {{{{revision}}}}"
        in report.rewritten
    )
    # the fork's own variable: without OLD's spec, whose it is is unknown; kept all the same
    assert report.diff.partial
    assert report.notes == ["collection variable `listId` is not in v2026-07-15; kept as the fork has it"]


def test_without_the_base_spec_an_edit_new_rejects_is_kept_in_a_marked_copy(specs, fork, tmp_path):
    collection = json.loads(fork.read_text())
    get_profiles = find_item(find_folder(collection, "Profiles", "Profiles"), "Get Profiles")
    next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")["value"] = "500"
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY)
    assert not any("page[size]" in line for line in report.dropped)
    assert any("`page[size]`=500 is out of range" in p for c in report.conflicts for p in c.problems)
    names = [
        item["name"] for item in find_folder(json.loads(out.read_text()), "Profiles", "Profiles")["item"]
    ]
    assert "⚠ Get Profiles (your edit)" in names


def test_without_the_base_spec_or_examples_edits_are_not_guessed_and_the_note_says_so(specs, fork, tmp_path):
    collection = json.loads(fork.read_text())
    for _, item in all_items(collection["item"]):
        item["response"] = []
    fork.write_text(json.dumps(collection))
    _, report = upgrade(str(fork), str(specs["new"]), tmp_path / "upgraded.json", today=TODAY)
    assert report.edits_kept == []
    [note] = [n for n in report.notes if "upstream request(s)" in n]
    assert note.startswith("16 upstream request(s)") and "--revisions" in note


def test_a_fork_of_news_own_revision_needs_no_base_spec(specs, tmp_path):
    """OLD at NEW's revision: NEW's spec is OLD's own, so the user's edit counts and nothing is partial."""
    collection = build_collection_from_spec(str(specs["new"])).collection.to_json()
    get_profiles = find_item(find_folder(collection, "Profiles", "Profiles"), "Get Profiles")
    page_size = next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")
    page_size["value"] = "50"
    page_size.pop("disabled", None)
    fork = tmp_path / "fork.postman_collection.json"
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY)
    get_profiles = find_item(find_folder(json.loads(out.read_text()), "Profiles", "Profiles"), "Get Profiles")
    page_size = next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")
    assert page_size["value"] == "50" and not page_size.get("disabled")
    assert report.edits_kept == ["Profiles/Profiles/Get Profiles: query `page[size]`"]
    assert not report.diff.partial


def test_variables_name_and_one_revision(specs, fork, tmp_path):
    collection = json.loads(fork.read_text())
    collection["info"]["name"] = "Acme for the growth team (v2024-07-15)"
    collection["variable"].append({"key": "privateKey", "value": "pk_" + "ab12" * 9})
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, revisions=specs["revisions"])
    text = out.read_text()
    upgraded = json.loads(text)
    assert upgraded["info"]["name"] == "Acme for the growth team (v2026-07-15)"
    assert "collection name 'Acme for the growth team (v2026-07-15)' (yours)" in report.edits_kept
    variables = {v["key"]: v["value"] for v in upgraded["variable"]}
    assert variables["revision"] == "2026-07-15" and variables["listId"] == "Y6nRLr"
    assert "collection variable `listId` (yours)" in report.edits_kept
    assert not any("privateKey" in line for line in report.edits_kept)  # emptied, and told in a note
    assert variables["privateKey"] == "" and "pk_ab12" not in text
    assert any("pk_…ab12" in note for note in report.notes)
    assert OLD_REVISION not in text.replace("upgrading from v2024-07-15", "").replace('"2024-07-15"', "")


def test_cli_writes_the_upgrade_and_never_touches_old(specs, fork, run_cli, tmp_path):
    before = fork.read_bytes()
    out = tmp_path / "out" / "upgraded.json"
    result = run_cli(
        "upgrade",
        fork,
        "--to",
        specs["new"],
        "-o",
        out,
        "--revisions",
        specs["revisions"],
        "--today",
        "2026-11-23",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["output"] == str(out) and report["summary"]["conflicts"] == 2
    assert report["verdict"]["revisionsBehind"] == 2
    assert fork.read_bytes() == before and json.loads(out.read_text())["info"]["name"].endswith(
        "(v2026-07-15)"
    )
    failing = run_cli("upgrade", fork, "--to", specs["new"], "-o", out, "--fail-on", "conflict")
    assert failing.exit_code == 1


def test_cli_refuses_to_write_over_old_and_writes_nothing_on_bad_input(specs, fork, run_cli, tmp_path):
    before = fork.read_bytes()
    result = run_cli("upgrade", fork, "--to", specs["new"], "-o", fork)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"postman-kit: error: {fork}: refusing to overwrite an input file"
    assert fork.read_bytes() == before
    out = tmp_path / "never.json"
    broken = tmp_path / "broken.json"
    broken.write_text('{"openapi": "3.0.2", "info": ')
    bad = run_cli("upgrade", fork, "--to", broken, "-o", out)
    assert bad.exit_code == 2 and bad.stderr.startswith(f"postman-kit: error: {broken}: invalid JSON")
    assert not out.exists() and list(tmp_path.glob(".never.json.*")) == []


def test_text_report_leads_with_the_verdict(specs, fork, run_cli, tmp_path):
    result = run_cli(
        "upgrade", fork, "--to", specs["new"], "-o", tmp_path / "u.json", "--today", "2026-11-23"
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("STALE: v2024-07-15 is older than v2026-07-15; retired since 2026-07-15")
    assert lines[1].endswith("5 saved request(s) (2 broken, 3 fine)")
    assert "PARTIAL comparison" in lines[0]
    assert lines[2].startswith("Upgrade: 3 saved request(s) carried, 2 conflict(s)")
    assert "Conflicts (kept as you wrote them, marked ⚠ for review) (2)" in result.stdout


def test_upgrade_keeps_a_copy_of_new_untouched(specs, fork):
    from postman_kit.diff import load_sides, upgrade_sides

    old, new, base, revisions = load_sides(str(fork), str(specs["new"]), base=str(specs["old"]))
    before = copy.deepcopy(new.collection.to_json())
    upgrade_sides(old, new, today=TODAY, base=base, revisions=revisions)
    assert new.collection.to_json() == before


def test_examples_saved_in_the_fork_are_carried_with_their_requests(specs, fork, tmp_path):
    collection = json.loads(fork.read_text())
    mine = find_folder(collection, "Mine")
    one_event = find_item(mine, "One event")
    one_event["response"] = [
        {
            "name": "Seen",
            "code": 200,
            "status": "OK",
            "body": "{}",
            "originalRequest": copy.deepcopy(one_event["request"]),
        }
    ]
    forget = find_item(mine, "Forget event")
    forget["response"] = [
        {
            "name": "Gone",
            "code": 204,
            "status": "No Content",
            "body": "",
            "originalRequest": copy.deepcopy(forget["request"]),
        }
    ]
    get_profiles = find_item(find_folder(collection, "Profiles", "Profiles"), "Get Profiles")
    get_profiles["response"].append(
        {
            "name": "My page of 50",
            "code": 200,
            "status": "OK",
            "body": "{}",
            "originalRequest": copy.deepcopy(get_profiles["request"]),
        }
    )
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    upgrade(str(fork), str(specs["new"]), out, today=TODAY, base=str(specs["old"]))
    items = {item["name"]: item for _, item in all_items(json.loads(out.read_text())["item"])}
    [seen] = items["One event"]["response"]
    assert seen["originalRequest"] == items["One event"]["request"]  # moved onto NEW's path with the request
    assert seen["originalRequest"]["url"]["path"] == ["api", "events", "4H7KLscuSr"]
    assert (seen["status"], seen["body"]) == (
        "OK",
        "{}",
    )  # the comparison reads names and codes; all is carried
    [gone] = items["⚠ Forget event"]["response"]
    assert gone["originalRequest"]["url"]["raw"] == "{{baseUrl}}/api/events/4H7KLscuSr/"
    mine_example = next(r for r in items["Get Profiles"]["response"] if r["name"] == "My page of 50")
    assert (mine_example["status"], mine_example["body"]) == ("OK", "{}")
    query = {q["key"]: q["value"] for q in mine_example["originalRequest"]["url"]["query"]}
    assert query["page[size]"] == "50"


def test_each_saved_request_is_checked_against_new_once(specs, fork, tmp_path, monkeypatch):
    from postman_kit.conformance import RequestChecker

    checked: list[str] = []
    edits_checked: list[str] = []
    check = RequestChecker.check

    def counting_check(self, request, *args, **kwargs):
        edited = any(q.key == "page[size]" and q.value == "50" and not q.disabled for q in request.url.query)
        (edits_checked if edited else checked).append(request.url.raw)
        return check(self, request, *args, **kwargs)

    monkeypatch.setattr(RequestChecker, "check", counting_check)
    _, report = upgrade(str(fork), str(specs["new"]), tmp_path / "upgraded.json", today=TODAY)
    assert report.conflicts and report.carried  # the verdicts and the merge both use the check
    with_an_operation_in_new = [s for s in report.diff.saved if s.new_operation is not None]
    # and the fork's one edit to an upstream request (Get Profiles' page[size]) once, where it lands
    assert len(edits_checked) == 1
    assert len(checked) == len(set(checked)) == len(with_an_operation_in_new) == 4


def test_a_renamed_upstream_folder_and_a_moved_upstream_request_stay_the_users(specs, fork, tmp_path):
    collection = json.loads(fork.read_text())
    lists = find_folder(collection, "Lists")
    lists["name"] = "Audiences"  # renamed in Postman
    get_list = find_item(lists, "Get List")
    lists["item"].remove(get_list)
    find_folder(collection, "Mine")["item"].insert(0, get_list)  # dragged into the user's folder
    get_list["event"] = [
        {"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('ok');"]}}
    ]
    find_item(lists, "Get Lists")["request"]["description"] = "my notes"
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, revisions=specs["revisions"])
    upgraded = json.loads(out.read_text())
    top = [node["name"] for node in upgraded["item"]]
    assert "Audiences" in top and "Lists" not in top
    assert [n["name"] for n in find_folder(upgraded, "Audiences")["item"]] == [
        "Get Lists",
        "Create List",
        "Delete List",
        "Update List",
    ]
    assert find_folder(upgraded, "Mine")["item"][0]["name"] == "Get List"
    names = [item["name"] for _, item in all_items(upgraded["item"])]
    assert names.count("Get List") == 1
    assert "folder 'Lists' renamed 'Audiences'" in report.edits_kept
    assert "Mine/Get List: kept where you moved it" in report.edits_kept
    # its edits are reported where it is, not in the folder NEW gives it
    assert (
        "Mine/Get List: scripts" in report.edits_kept
        and "Audiences/Get Lists: description" in report.edits_kept
    )
    assert not any(line.startswith("Lists/") for line in report.edits_kept)


def test_without_the_base_spec_upstream_folders_are_not_taken_for_the_users(specs, fork, tmp_path):
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY)
    assert report.folders_kept == ["Mine"]
    assert not any("moved it" in edit for edit in report.edits_kept)


def test_a_saved_request_holding_an_integer_beyond_64_bits_is_carried_exactly(specs, fork, tmp_path):
    """A value Postman keeps as a JSON number past 64 bits (here in a request setting and a body) is searched
    for pasted keys and written back digit for digit, not a crash."""
    big = 123456789012345678901234567890
    collection = json.loads(fork.read_text())
    saved = saved_request("Big id", "{{baseUrl}}/api/events/?sort=-datetime")
    saved["request"]["body"] = {
        "mode": "raw",
        "raw": json.dumps({"id": big}),
        "options": {"raw": {"language": "json", "limit": big}},
    }
    saved["protocolProfileBehavior"] = {"maxRedirects": big}
    find_folder(collection, "Mine")["item"].append(saved)
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY)
    item = find_item(find_folder(json.loads(out.read_text()), "Mine"), "Big id")
    assert item["protocolProfileBehavior"] == {"maxRedirects": big}
    assert item["request"]["body"]["raw"] == json.dumps({"id": big})
    assert "Mine/Big id" in report.carried


def test_without_olds_spec_a_folder_the_user_made_keeps_the_upstream_requests_dragged_into_it(
    specs, fork, tmp_path
):
    """The fork still carries the folder ids generate derived, so a folder with an id Postman made at random is
    the user's: what they dragged into it stays there, and diff does not call it upstream's move."""
    collection = json.loads(fork.read_text())
    lists = find_folder(collection, "Lists")
    get_list = find_item(lists, "Get List")
    lists["item"].remove(get_list)
    collection["item"].append(
        {"id": "3f0c2a9e-7b1d-4c56-9e8f-0a1b2c3d4e5f", "name": "Favourites", "item": [get_list]}
    )
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY)
    assert report.diff.partial  # OLD's spec not known
    upgraded = json.loads(out.read_text())
    assert [n["name"] for n in find_folder(upgraded, "Favourites")["item"]] == ["Get List"]
    names = [item["name"] for _, item in all_items(upgraded["item"])]
    assert names.count("Get List") == 1
    assert "Favourites/Get List: kept where you moved it" in report.edits_kept
    moves = [c.detail for e in report.diff.changed for c in e.changes if c.kind == "moved"]
    assert not any("Favourites" in detail for detail in moves)


KEY_PASTED = "pk_" + "a1b2c3d4e5" * 3 + "beef"


def _apikey_value(auth: dict[str, Any] | None) -> str | None:
    return next((kv["value"] for kv in (auth or {}).get("apikey", []) if kv["key"] == "value"), None)


@pytest.mark.parametrize(
    "auth",
    [
        # their own key variable
        {"type": "apikey", "apikey": [{"key": "key", "value": "Authorization"},
                                      {"key": "value", "value": "Klaviyo-API-Key {{myKlaviyoKey}}"},
                                      {"key": "in", "value": "header"}]},
        {"type": "bearer", "bearer": [{"key": "token", "value": "{{klaviyoOAuthToken}}"}]},  # OAuth
    ],
)  # fmt: skip
def test_the_collection_auth_the_user_set_is_kept(specs, fork, tmp_path, auth):
    """Every request inheriting the collection's auth went on sending NEW's `{{privateKey}}`, which the user's
    environment does not define, and the report said nothing."""
    collection = json.loads(fork.read_text())
    collection["auth"] = auth
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, base=str(specs["old"]))
    upgraded = json.loads(out.read_text())["auth"]
    assert upgraded["type"] == auth["type"]
    sent = {kv["key"]: kv["value"] for kv in upgraded[auth["type"]]}
    assert sent == {kv["key"]: kv["value"] for kv in auth[auth["type"]]}
    assert "collection auth" in report.edits_kept
    _, blind = upgrade(str(fork), str(specs["new"]), tmp_path / "blind.json", today=TODAY)
    if auth["type"] == "apikey":
        # the same on the wire but for the variable it reads: the user's is kept, whoever named it, and said
        kept = json.loads((tmp_path / "blind.json").read_text())["auth"]["apikey"]
        assert {kv["key"]: kv["value"] for kv in kept} == {kv["key"]: kv["value"] for kv in auth["apikey"]}
        assert any("reads {{myKlaviyoKey}} as your fork did" in line for line in blind.notes)
    else:
        assert any(line.startswith("collection auth") for line in blind.not_carried)  # yours or upstream's


def test_a_key_pasted_into_the_collection_or_a_folder_auth_is_listed_and_keeps_its_scheme(
    specs, fork, tmp_path
):
    """The folder's `Klaviyo-API-Key pk_…` became `{{privateKey}}` without the scheme word (every request in it
    401), and the collection's was replaced without a word: neither was listed to revoke."""
    collection = json.loads(fork.read_text())
    pasted = {"type": "apikey", "apikey": [{"key": "key", "value": "Authorization"},
                                           {"key": "value", "value": f"Klaviyo-API-Key {KEY_PASTED}"},
                                           {"key": "in", "value": "header"}]}  # fmt: skip
    collection["auth"] = pasted
    find_folder(collection, "Profiles")["auth"] = json.loads(json.dumps(pasted))
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, base=str(specs["old"]))
    upgraded = json.loads(out.read_text())
    assert KEY_PASTED not in out.read_text()
    assert _apikey_value(upgraded["auth"]) == "Klaviyo-API-Key {{privateKey}}"
    assert _apikey_value(find_folder(upgraded, "Profiles")["auth"]) == "Klaviyo-API-Key {{privateKey}}"
    listed = {(k.label, k.key) for k in report.keys_replaced}
    assert {("collection", "pk_…beef"), ("folder Profiles", "pk_…beef")} <= listed
    assert "collection auth" not in report.edits_kept  # the key went back to NEW's own variable


def test_an_upstream_example_the_user_edited_is_kept_with_the_base_spec(specs, fork, tmp_path):
    """A captured answer pasted into an upstream example's body was replaced by NEW's, unlisted."""
    collection = json.loads(fork.read_text())
    get_profiles = find_item(find_folder(collection, "Profiles", "Profiles"), "Get Profiles")
    success = next(e for e in get_profiles["response"] if e["code"] == 200)
    success["body"] = '{"data": [{"type": "profile", "id": "CAPTURED_FROM_PROD"}]}'
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, base=str(specs["old"]))
    upgraded = find_item(find_folder(json.loads(out.read_text()), "Profiles", "Profiles"), "Get Profiles")
    assert [e["body"] for e in upgraded["response"] if e["name"] == success["name"]] == [success["body"]]
    assert any(f"example `{success['name']}`" in line for line in report.edits_kept)
    assert (
        sum("example `" in line for line in report.edits_kept) == 1
    )  # upstream's own examples are not edits
    _, blind = upgrade(str(fork), str(specs["new"]), tmp_path / "blind.json", today=TODAY)
    assert any(f"example `{success['name']}`" in line for line in blind.not_carried)


@pytest.mark.parametrize("with_base", [True, False])
def test_a_request_the_user_pointed_at_another_host_keeps_it(specs, fork, tmp_path, with_base):
    """Get Profiles sent to a local mock (`http://localhost:4010`, as Postman splits it) went back to
    `{{baseUrl}}` without a word."""
    collection = json.loads(fork.read_text())
    url = find_item(find_folder(collection, "Profiles", "Profiles"), "Get Profiles")["request"]["url"]
    url["raw"] = url["raw"].replace("{{baseUrl}}", "http://localhost:4010")
    url.update(protocol="http", host=["localhost"], port="4010")
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    base = {"base": str(specs["old"])} if with_base else {}
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, **base)
    upgraded = find_item(find_folder(json.loads(out.read_text()), "Profiles", "Profiles"), "Get Profiles")
    assert upgraded["request"]["url"]["raw"].startswith("http://localhost:4010/api/profiles")
    assert any(
        line.startswith("Profiles/Profiles/Get Profiles:") and "host" in line for line in report.edits_kept
    )
    others = [
        item for _, item in all_items(json.loads(out.read_text())["item"]) if item["name"] != "Get Profiles"
    ]
    assert [i["name"] for i in others if not i["request"]["url"]["raw"].startswith("{{baseUrl}}")] == []


def test_a_base_that_is_not_old_s_spec_is_refused(specs, fork, tmp_path, run_cli):
    """Another revision (or another API) as --base was taken silently: every upstream difference between the two
    became a user's "edit kept", carried over NEW's requests."""
    out = tmp_path / "upgraded.json"
    result = run_cli("upgrade", fork, "--to", specs["new"], "--base", specs["between"], "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.strip().splitlines() == [
        f"postman-kit: error: {specs['between']}: --base is revision 2025-01-15, but OLD was generated from "
        f"{OLD_REVISION} (its name says so); give that revision's spec"
    ]


def test_revisions_find_old_s_spec_by_its_stamp_not_a_revision_variable_the_user_moved(specs, fork, tmp_path):
    """Users set the `revision` variable to try a newer revision; the requests are still OLD's stamped one's, and
    taking the newer spec for OLD's reported upstream's changes between the two as the user's edits."""
    collection = json.loads(fork.read_text())
    for variable in collection["variable"]:
        if variable["key"] == "revision":
            variable["value"] = "2025-01-15"
    fork.write_text(json.dumps(collection))
    _, found = upgrade(
        str(fork), str(specs["new"]), tmp_path / "a.json", today=TODAY, revisions=specs["revisions"]
    )
    _, given = upgrade(str(fork), str(specs["new"]), tmp_path / "b.json", today=TODAY, base=str(specs["old"]))
    assert found.edits_kept == given.edits_kept
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_without_the_base_spec_an_example_generate_made_is_not_taken_for_the_user_s(specs, fork, tmp_path):
    """An untouched fork upgraded without OLD's spec reported upstream's examples NEW no longer has (a 405 for a
    method the path now takes) as the user's and kept them; generate derives its examples' ids, Postman gives
    the ones a user saves random ones."""
    from postman_kit import ids

    collection = json.loads(fork.read_text())
    get_profiles = find_item(find_folder(collection, "Profiles", "Profiles"), "Get Profiles")
    template = copy.deepcopy(get_profiles["response"][0])
    upstream = {
        **template,
        "name": "405 Method Not Allowed (PUT)",
        "code": 405,
        "status": "Method Not Allowed",
    }
    upstream["id"] = ids.example_id(get_profiles["id"], upstream["name"], 405)
    mine = {**template, "name": "Prod capture", "id": "9b2f6a0e-3c1d-4e8f-9a7b-5c4d3e2f1a0b"}
    get_profiles["response"] += [upstream, mine]
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY)
    upgraded = find_item(find_folder(json.loads(out.read_text()), "Profiles", "Profiles"), "Get Profiles")
    names = [e["name"] for e in upgraded["response"]]
    assert "Prod capture" in names and "405 Method Not Allowed (PUT)" not in names
    assert [line for line in report.edits_kept if "Get Profiles:" in line and "example" in line] == [
        "Profiles/Profiles/Get Profiles: query `page[size]`, 1 saved example(s)"
    ]


def test_collection_scripts_and_a_key_in_a_folder_description_are_listed(specs, fork, tmp_path):
    """The collection's own test script was carried but not listed; a key pasted into a folder's description was
    truncated in place but never listed to revoke."""
    collection = json.loads(fork.read_text())
    collection["event"] = [
        {"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('x', () => {});"]}}
    ]
    find_folder(collection, "Profiles")["description"] = f"staging key {KEY_PASTED}"
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, base=str(specs["old"]))
    assert "collection scripts" in report.edits_kept
    assert ("folder Profiles", "description", "pk_…beef") in [
        (k.label, k.where, k.key) for k in report.keys_replaced
    ]
    assert KEY_PASTED not in out.read_text()
    assert find_folder(json.loads(out.read_text()), "Profiles")["description"] == "staging key {{privateKey}}"


def test_the_order_the_user_dragged_top_level_folders_into_is_kept(specs, fork, tmp_path):
    """The user's order of the API's folders went back to upstream's without a word; NEW's folders take the
    places NEW gives them, in the fork's order."""
    collection = json.loads(fork.read_text())
    upstream = [node["name"] for node in collection["item"] if "item" in node and node["name"] != "Mine"]
    last = next(node for node in collection["item"] if node["name"] == upstream[-1])
    collection["item"].remove(last)
    collection["item"].insert(0, last)
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, base=str(specs["old"]))
    names = [node["name"] for node in json.loads(out.read_text())["item"]]
    assert names.index(upstream[-1]) < names.index(upstream[0])
    assert "folder 'the collection's top level': your order of its folders" in report.edits_kept
    _, untouched = upgrade(str(specs["old_collection"]), str(specs["new"]), tmp_path / "u.json", today=TODAY,
                           base=str(specs["old"]))  # fmt: skip
    assert not any("order of its folders" in line for line in untouched.edits_kept)


def test_an_id_typed_into_the_url_and_a_path_pointed_elsewhere_stay_the_users(specs, fork, tmp_path):
    """The commonest edit, an id typed into Postman's URL bar (`/api/lists/MYLIST77`, the `:id` variable gone),
    was replaced by NEW's example id with no word; a request the user pointed at an endpoint the spec does not
    document (`DELETE /api/lists-archive/:id`) got NEW's documented path back: it would delete the list."""
    collection = json.loads(fork.read_text())
    lists = find_folder(collection, "Lists")
    url = find_item(lists, "Get List")["request"]["url"]
    url["path"] = ["MYLIST77" if part == ":id" else part for part in url["path"]]
    url["raw"] = url["raw"].replace(":id", "MYLIST77")
    url.pop("variable", None)
    url = find_item(lists, "Delete List")["request"]["url"]
    url["path"] = ["api", "lists-archive", ":id"]
    url["raw"] = "{{baseUrl}}/api/lists-archive/:id"
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, revisions=specs["revisions"])
    lists = find_folder(json.loads(out.read_text()), "Lists")
    get_list = find_item(lists, "Get List")["request"]["url"]
    assert [(v["key"], v["value"]) for v in get_list["variable"]] == [("id", "MYLIST77")]
    delete = find_item(lists, "Delete List")["request"]
    assert delete["method"] == "DELETE" and delete["url"]["path"] == ["api", "lists-archive", ":id"]
    assert "lists-archive" in delete["url"]["raw"]
    assert "Lists/Get List: path variable `id`" in report.edits_kept
    assert "Lists/Delete List: path /api/lists-archive/:id" in report.edits_kept
    assert not any("deleted are back" in note for note in report.notes)


def test_settings_on_the_collection_and_on_upstream_requests_and_a_removed_body_stay_the_users(
    specs, fork, tmp_path
):
    """Collection settings (`protocolProfileBehavior`: redirects and SSL off), a request's `proxy` and
    `certificate`, a body's `disabled`, and a body the user took out were dropped or brought back with no word."""
    collection = json.loads(fork.read_text())
    collection["protocolProfileBehavior"] = {"followRedirects": False, "strictSSL": False}
    lists = find_folder(collection, "Lists")
    get_lists = find_item(lists, "Get Lists")["request"]
    get_lists["proxy"] = {"host": "proxy.internal", "port": 3128}
    get_lists["certificate"] = {"matches": ["https://a.klaviyo.com/*"], "key": {"src": "client.key"}}
    find_item(lists, "Create List")["request"]["body"]["disabled"] = True
    find_item(lists, "Update List")["request"].pop("body")
    fork.write_text(json.dumps(collection))
    out = tmp_path / "upgraded.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, revisions=specs["revisions"])
    upgraded = json.loads(out.read_text())
    assert upgraded["protocolProfileBehavior"] == {"followRedirects": False, "strictSSL": False}
    lists = find_folder(upgraded, "Lists")
    request = find_item(lists, "Get Lists")["request"]
    assert request["proxy"]["host"] == "proxy.internal" and request["certificate"]["key"] == {
        "src": "client.key"
    }
    assert find_item(lists, "Create List")["request"]["body"]["disabled"] is True
    assert "body" not in find_item(lists, "Update List")["request"]
    assert "collection settings: `protocolProfileBehavior`" in report.edits_kept
    assert "Lists/Update List: body removed" in report.edits_kept


def test_query_parameters_the_user_removed_are_reported_in_the_requests_order(specs, fork, tmp_path):
    """The same upgrade printed the "removed query" entries in another order from run to run (a set's), so a
    pull request's comment of the report churned though the upgraded file did not."""
    collection = json.loads(fork.read_text())
    url = find_item(find_folder(collection, "Lists"), "Get Lists")["request"]["url"]
    generated = [q["key"] for q in url["query"]]
    url["query"] = url["query"][:1]
    fork.write_text(json.dumps(collection))
    _, report = upgrade(
        str(fork), str(specs["new"]), tmp_path / "up.json", today=TODAY, revisions=specs["revisions"]
    )
    [line] = [line for line in report.edits_kept if line.startswith("Lists/Get Lists:")]
    removed = re.findall(r"removed query `([^`]+)`", line)
    assert len(removed) == len(generated) - 1 and removed == [key for key in generated[1:] if key in removed]


def test_a_copy_saved_after_a_request_stays_after_it_when_the_user_reordered_the_folder(
    specs, fork, tmp_path
):
    """The user dragged Get List to the top of Lists and saved a copy of it after Get Lists: upgrade put the copy
    before Get Lists, and upgrading that output again moved it once more, after Create List."""
    collection = json.loads(fork.read_text())
    lists = find_folder(collection, "Lists")
    get_list = find_item(lists, "Get List")
    lists["item"].remove(get_list)
    lists["item"].insert(0, get_list)
    copy = json.loads(json.dumps(get_list))
    copy.pop("id", None)
    copy.pop("x-postman-kit", None)
    copy["name"] = "Get List copy"
    lists["item"].insert(2, copy)
    names = [node["name"] for node in lists["item"]]
    assert names[:4] == ["Get List", "Get Lists", "Get List copy", "Create List"]
    fork.write_text(json.dumps(collection))
    first, second = tmp_path / "up1.json", tmp_path / "up2.json"
    upgrade(str(fork), str(specs["new"]), first, today=TODAY, revisions=specs["revisions"])
    upgrade(str(first), str(specs["new"]), second, today=TODAY, revisions=specs["revisions"])
    for out in (first, second):
        upgraded = [node["name"] for node in find_folder(json.loads(out.read_text()), "Lists")["item"]]
        assert upgraded[:4] == ["Get List", "Get Lists", "Get List copy", "Create List"], out.name
    assert second.read_bytes() == first.read_bytes()


def test_a_key_in_the_collections_or_a_folders_name_is_listed_to_revoke(specs, fork, tmp_path):
    """A key pasted into the collection's name, a folder's name or a variable's name or description was truncated
    in place but never named to revoke, though the shared collection had held it."""
    collection = json.loads(fork.read_text())
    collection["info"]["name"] += " " + KEY_PASTED
    find_folder(collection, "Lists")["name"] = "Lists " + KEY_PASTED
    collection["variable"].append({"key": "note", "value": "x", "description": "prod key " + KEY_PASTED})
    fork.write_text(json.dumps(collection))
    out = tmp_path / "up.json"
    _, report = upgrade(str(fork), str(specs["new"]), out, today=TODAY, revisions=specs["revisions"])
    [note] = [
        note for note in report.notes if note.startswith("credential(s) written where no request sends")
    ]
    short = truncate_key(KEY_PASTED)
    assert note.count(f"({short})") == 3 and KEY_PASTED not in out.read_text() + note
    assert "the collection's name" in note and "variable `note` description" in note


def test_a_fork_the_user_named_with_a_version_of_their_own_is_still_known_by_its_revision(
    specs, fork, tmp_path
):
    """`Klaviyo prod (v2)`: the `(v2)` was read as OLD's revision `2` though the `revision` variable says which
    Klaviyo revision it is: every edit went to "Not carried" and `--base` was refused."""
    collection = json.loads(fork.read_text())
    collection["info"]["name"] = "Klaviyo prod (v2)"
    fork.write_text(json.dumps(collection))
    _, report = upgrade(
        str(fork), str(specs["new"]), tmp_path / "a.json", today=TODAY, revisions=specs["revisions"]
    )
    assert not report.diff.partial
    _, report = upgrade(
        str(fork), str(specs["new"]), tmp_path / "b.json", today=TODAY, base=str(specs["old"])
    )
    assert not report.diff.partial


OLD_WORDS = "Get accounts.\n\nRevision `2024-02-15` of Klaviyo API.\n\n*Scopes:* `accounts:read`\n\nOperation ID: `get_accounts`"
NEW_WORDS = (
    "Get accounts.\n\nRevision `2026-07-15` of Klaviyo API.\n\n*Scopes:* `accounts:read`\n\n"
    "Operation ID: `get_accounts`\n\n[OpenAPI Spec](https://example.test/spec)"
)


@pytest.mark.parametrize(
    ("mine", "merged"),
    [
        # a note before Operation ID: there in NEW's, not after NEW's first paragraph (a blank line is no place)
        (
            OLD_WORDS.replace("\n\nOperation ID", "\n\nNOTE: ours\n\nOperation ID"),
            NEW_WORDS.replace("\n\nOperation ID", "\n\nNOTE: ours\n\nOperation ID"),
        ),
        # notes in two places: both go into NEW's, the stale revision line does not survive
        (
            OLD_WORDS.replace("Get accounts.\n\n", "Get accounts.\n\nTOP\n\n") + "\n\nEND",
            NEW_WORDS.replace("Get accounts.\n\n", "Get accounts.\n\nTOP\n\n").replace(
                "`get_accounts`\n\n", "`get_accounts`\n\nEND\n\n"
            ),
        ),
        # a note after a line NEW changed goes before the line that follows it
        (
            OLD_WORDS.replace("API.\n\n", "API.\n\nSTAGING ONLY\n\n"),
            NEW_WORDS.replace("*Scopes:*", "STAGING ONLY\n\n*Scopes:*"),
        ),
        # Windows line breaks and a note at the end
        (
            OLD_WORDS.replace("\n", "\r\n") + "\r\n\r\nEND",
            NEW_WORDS.replace("`get_accounts`\n\n", "`get_accounts`\n\nEND\n\n"),
        ),
        # a line of upstream's edited: the text is the user's whole
        (
            OLD_WORDS.replace("Get accounts.", "Get our accounts."),
            OLD_WORDS.replace("Get accounts.", "Get our accounts."),
        ),
    ],
)
def test_words_the_user_added_go_where_the_same_lines_stand_in_new_s_text(mine: str, merged: str) -> None:
    """Found on Klaviyo forks: a note put before `Operation ID` went under the request's first line (the merge
    anchored on a blank line, and NEW's first is anywhere); a note between paragraphs beside one at the end kept
    OLD's whole text, its stale `Revision 2024-02-15` line and without NEW's new link."""
    from postman_kit.diff.fork_upgrade import _merged_words

    assert _merged_words(mine, OLD_WORDS, NEW_WORDS) == merged
