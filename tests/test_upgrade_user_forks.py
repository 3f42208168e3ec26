"""Forks as users keep them, of three Klaviyo revisions (../shared/corpus), upgraded to 2026-07-15.

Each fork is the generated collection edited as Klaviyo's guide has users do it in Postman: requests saved in
a sub-folder, directly in a top folder and in a folder of their own (with a folder inside it), the key as a
collection variable and pasted into a header, an upstream request edited, and mistakes: a request of no
operation, a revision header that is not a date, and a field the new revision no longer has (found here from the
two specs' raw JSON, not by the kit).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from postman_kit.diff import upgrade
from postman_kit.diff.fork_upgrade import CONFLICT_MARK, NOTE_HEADING
from postman_kit.diff.report import MARKDOWN_LIMIT, render_diff, render_upgrade
from postman_kit.generation import build_collection_from_spec
from postman_kit.generation.build import BuildOptions
from postman_kit.secrets import truncate_key
from postman_kit.writer import dumps
from tests.tools import CORPUS, require_corpus

pytestmark = pytest.mark.corpus

STABLE = CORPUS / "klaviyo" / "stable"
NEW = STABLE / "2026-07-15.json"
TODAY = date(2026, 11, 23)
KEY = "pk_" + "5e1f" * 8 + "c0"
REVISIONS = ("2023-10-15", "2024-10-15", "2025-07-15")
CUSTOM = "My requests"


def request(name: str, method: str, url: str, headers: list[tuple[str, str]]) -> dict[str, Any]:
    """A request as Postman saves it: a raw URL and a header list, no id of the kit's."""
    return {
        "name": name,
        "request": {"method": method, "header": [{"key": k, "value": v} for k, v in headers], "url": url},
        "response": [],
    }


def removed_field(old_spec: dict[str, Any], new_spec: dict[str, Any]) -> tuple[str, str, str]:
    """(path, query parameter, value): a `fields[…]` value OLD allows on a list endpoint and NEW does not, on an
    endpoint with no required query parameter in either."""

    def fields(spec: dict[str, Any]) -> dict[tuple[str, str], set[str]]:
        found = {}
        for path, item in spec["paths"].items():
            operation = item.get("get")
            if operation is None or "{" in path:
                continue
            parameters = operation.get("parameters", [])
            if any(p.get("required") and p.get("in") == "query" for p in parameters):
                continue
            for p in parameters:
                schema = p.get("schema", {})
                values = schema.get("items", {}).get("enum") or schema.get("enum")
                if p.get("in") == "query" and p["name"].startswith("fields[") and values:
                    found[(path.rstrip("/"), p["name"])] = set(values)
        return found

    old, new = fields(old_spec), fields(new_spec)
    path, name = min(k for k in old if k in new and old[k] - new[k])
    return path, name, min(old[(path, name)] - new[(path, name)])


def folder(nodes: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(n for n in nodes if n["name"] == name and "request" not in n)


def make_fork(revision: str, out: Path) -> dict[str, Any]:
    spec_path = STABLE / f"{revision}.json"
    old_spec = json.loads(spec_path.read_text())
    slash = "/" if revision < "2024-10-15" else ""
    base = "{{baseUrl}}"
    fork = json.loads(
        dumps(
            build_collection_from_spec(str(spec_path), BuildOptions(troubleshooting=())).collection.to_json()
        )
    )
    top = fork["item"]
    profiles = folder(top, "Profiles")
    # the guide's example, saved from Get Profiles (its Accept) in the Profiles sub-folder, the revision typed in
    get_profiles = next(
        i for i in folder(profiles["item"], "Profiles")["item"] if i["name"] == "Get Profiles"
    )
    accept = next(h["value"] for h in get_profiles["request"]["header"] if h["key"] == "Accept")
    folder(profiles["item"], "Profiles")["item"].append(
        request(
            "Get Profiles Created Date",
            "GET",
            f"{base}/api/profiles{slash}?fields[profile]=created&filter=greater-than(created,2023-08-10T23:00:00Z)",
            [("revision", revision), ("Accept", accept)],
        )
    )
    # saved directly in the top folder, between its sub-folders
    profiles["item"].insert(
        1,
        request(
            "Newest profiles",
            "GET",
            f"{base}/api/profiles{slash}?sort=-created",
            [("revision", "{{revision}}")],
        ),
    )
    path, name, value = removed_field(old_spec, json.loads(NEW.read_text()))
    mine = {
        "name": CUSTOM,
        "item": [
            request(
                "All lists (key pasted)",
                "GET",
                f"{base}/api/lists{slash}",
                [("revision", "{{revision}}"), ("Authorization", f"Klaviyo-API-Key {KEY}")],
            ),
            request(
                "Delete all events", "DELETE", f"{base}/api/events{slash}", [("revision", "{{revision}}")]
            ),
            request("Old revision format", "GET", f"{base}/api/lists{slash}", [("revision", "10-15-2023")]),
            request(
                "Field NEW dropped",
                "GET",
                f"{base}{path}{slash}?{name}={value}",
                [("revision", "{{revision}}")],
            ),
            {
                "name": "Drafts",
                "item": [
                    request(
                        "Profile by email",
                        "GET",
                        f"{base}/api/profiles{slash}?filter=equals(email,'sarah.mason@klaviyo-demo.com')",
                        [("revision", "{{revision}}")],
                    )
                ],
            },
        ],
    }
    events_at = next(i for i, n in enumerate(top) if n["name"] == "Events")
    top.insert(events_at + 1, mine)
    page_size = next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")
    page_size["value"], page_size["disabled"] = "50", False
    fork["variable"].append({"key": "privateKey", "value": KEY, "type": "string"})
    out.write_text(json.dumps(fork, indent="\t"))  # as Postman exports it
    return fork


SAVED = {  # name → (folder, status in diff, broken in NEW)
    "Get Profiles Created Date": (("Profiles", "Profiles"), "fine", False),
    "Newest profiles": (("Profiles",), "fine", False),
    "All lists (key pasted)": ((CUSTOM,), "fine", False),
    "Delete all events": ((CUSTOM,), "already-broken", False),  # no operation in either: kept as it was
    "Old revision format": ((CUSTOM,), "already-broken", True),
    "Field NEW dropped": ((CUSTOM,), "broken-by-new", True),
    "Profile by email": ((CUSTOM, "Drafts"), "fine", False),
}


def placed(nodes: list[dict[str, Any]], trail: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], dict]]:
    """Every node with the folder path it sits in, folders included, in order."""
    found = []
    for node in nodes:
        found.append((trail, node))
        if "request" not in node:
            found += placed(node["item"], trail + (node["name"],))
    return found


@pytest.fixture(scope="module", params=REVISIONS)
def upgraded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    require_corpus()
    folder_path = tmp_path_factory.mktemp(f"fork-{request.param}")
    fork_path = folder_path / "fork.postman_collection.json"
    fork = make_fork(request.param, fork_path)
    out = folder_path / "upgraded.postman_collection.json"
    _, report = upgrade(str(fork_path), str(NEW), out, today=TODAY, revisions=str(STABLE))
    return {
        "revision": request.param,
        "fork": fork,
        "fork_path": fork_path,
        "out": out,
        "report": report,
        "written": out.read_bytes(),
    }


def test_every_saved_request_and_folder_is_kept_once_in_place(upgraded):
    result = json.loads(upgraded["written"])
    nodes = placed(result["item"])
    names = [node["name"].removeprefix(CONFLICT_MARK) for _, node in nodes]
    for name, (trail, _, broken) in SAVED.items():
        [(where, node)] = [(t, n) for t, n in nodes if n["name"].removeprefix(CONFLICT_MARK) == name]
        assert where == trail, name
        assert node["name"].startswith(CONFLICT_MARK) is broken, name
    assert names.count(CUSTOM) == 1 and names.count("Drafts") == 1
    top = [node["name"] for node in result["item"]]
    assert top[top.index(CUSTOM) - 1] == "Events"  # where the user put it
    mine = folder(result["item"], CUSTOM)
    assert [n["name"].removeprefix(CONFLICT_MARK) for n in mine["item"]] == [
        "All lists (key pasted)",
        "Delete all events",
        "Old revision format",
        "Field NEW dropped",
        "Drafts",
    ]
    profiles = folder(result["item"], "Profiles")
    assert profiles["item"][1]["name"] == "Newest profiles"  # still between the sub-folders

    # after the request it followed in the fork (NEW's new operations come after the user's)
    def path_of(node: dict[str, Any]) -> str:
        url = node["request"]["url"]
        return (url if isinstance(url, str) else url["raw"]).split("?")[0].rstrip("/")

    sub = folder(profiles["item"], "Profiles")["item"]
    forked = folder(folder(upgraded["fork"]["item"], "Profiles")["item"], "Profiles")["item"]
    at = next(i for i, n in enumerate(sub) if n["name"] == "Get Profiles Created Date")
    assert (sub[at - 1]["request"]["method"], path_of(sub[at - 1])) == (
        forked[-2]["request"]["method"],
        path_of(forked[-2]),
    )
    # what the user never chose follows NEW: the revision typed in, and the Accept upstream's request had
    created = sub[at]["request"]
    upstream = next(n for n in sub if n["name"] == "Get Profiles")["request"]
    headers = {h["key"]: h["value"] for h in created["header"]}
    assert headers == {
        "revision": "2026-07-15",
        "Accept": next(h["value"] for h in upstream["header"] if h["key"] == "Accept"),
    }
    report = upgraded["report"]
    assert (
        f"Profiles/Profiles/Get Profiles Created Date: revision header {upgraded['revision']} → 2026-07-15"
        in report.rewritten
    )
    assert report.folders_kept == [CUSTOM, f"{CUSTOM}/Drafts"]
    assert [entry.partition(" (")[0] for entry in report.unmatched] == [f"{CUSTOM}/Delete all events"]


def test_no_key_in_full_anywhere_and_the_pasted_one_is_the_key_variable(upgraded):
    assert KEY.encode() not in upgraded["written"]
    report = upgraded["report"]
    for fmt in ("text", "json", "markdown"):
        assert KEY not in render_upgrade(report, fmt)
    mine = folder(json.loads(upgraded["written"])["item"], CUSTOM)
    headers = {h["key"]: h["value"] for h in mine["item"][0]["request"]["header"]}
    assert headers["Authorization"] == "Klaviyo-API-Key {{privateKey}}"
    assert [(k.label, k.where, k.key) for k in report.keys_replaced] == [
        (f"{CUSTOM}/All lists (key pasted)", "header `Authorization`", truncate_key(KEY))
    ]
    variables = {v["key"]: v["value"] for v in json.loads(upgraded["written"])["variable"]}
    assert variables["privateKey"] == ""


def test_broken_ones_keep_what_they_send_and_say_why(upgraded):
    result = json.loads(upgraded["written"])
    before = {node["name"]: node for _, node in placed(upgraded["fork"]["item"])}
    after = {node["name"].removeprefix(CONFLICT_MARK): node for _, node in placed(result["item"])}
    for name, (_, _, broken) in SAVED.items():
        if not broken:
            continue
        mine, theirs = after[name], before[name]
        raw = theirs["request"]["url"]
        assert mine["request"]["url"]["raw"].split("?")[1:] == raw.split("?")[1:], (
            name
        )  # the query as written
        assert [
            h for h in mine["request"]["header"] if h["key"] != "revision" or h["value"] == "10-15-2023"
        ] == [h for h in theirs["request"]["header"] if h["key"] != "revision" or h["value"] == "10-15-2023"]
        assert all(not q.get("disabled") for q in mine["request"]["url"].get("query", []))
        note = mine["request"]["description"].partition("\n\n")[0]
        assert note.startswith(NOTE_HEADING) and "- " in note, name
    conflicts = {c.label for c in upgraded["report"].conflicts}
    assert conflicts == {f"{CUSTOM}/Old revision format", f"{CUSTOM}/Field NEW dropped"}
    text = render_upgrade(upgraded["report"], "text")
    assert f"- [already-broken] {CUSTOM}/Old revision format" in text
    assert f"- [broken-by-new] {CUSTOM}/Field NEW dropped" in text


def test_validate_on_the_upgrade_still_reports_the_broken_ones(upgraded, run_cli):
    shown = run_cli("validate", upgraded["out"], "--spec", NEW, "--select", "request", "--format", "json")
    findings = json.loads(shown.stdout)["findings"]
    # what the request checks (the spec's judgement of what a request sends) find; auth and lint are validate's own
    errors = {f["item"] for f in findings if f["severity"] == "error" and f["rule"].startswith("request/")}
    for name, (trail, _, broken) in SAVED.items():
        label = "/".join(trail + ((CONFLICT_MARK if broken else "") + name,))
        if name == "Delete all events":
            assert label in errors  # no operation in NEW: kept, and validate says so
        else:
            assert (label in errors) is broken, label


def test_diff_tells_already_broken_from_broken_by_new_and_fits_a_comment(upgraded):
    report = upgraded["report"].diff  # what `diff FORK NEW --revisions DIR` reports, from the same comparison
    assert not report.partial
    assert {s.name: s.status for s in report.saved} == {
        name: status for name, (_, status, _) in SAVED.items()
    }
    old_format = next(s for s in report.saved if s.name == "Old revision format")
    assert "is not a revision" in old_format.old_problems[0]
    markdown = render_diff(report, "markdown")
    assert len(markdown) <= MARKDOWN_LIMIT
    assert markdown.index("### Saved requests") < markdown.index("<details>")
    assert len(render_upgrade(upgraded["report"], "markdown")) <= MARKDOWN_LIMIT
    assert markdown.startswith(f"**STALE: v{upgraded['revision']}")


def test_the_upstream_edit_is_kept_with_and_without_revisions(upgraded, tmp_path):
    """Get Profiles' page[size] set to 50: kept with OLD's spec found in --revisions, and without it (told from
    upstream's by the request the item's examples recorded), the rest of the tree the same either way."""

    def page_size(collection: dict[str, Any]) -> dict[str, Any]:
        get_profiles = next(n for _, n in placed(collection["item"]) if n["name"] == "Get Profiles")
        return next(q for q in get_profiles["request"]["url"]["query"] if q["key"] == "page[size]")

    with_revisions = json.loads(upgraded["written"])
    out = tmp_path / "upgraded-partial.postman_collection.json"
    _, report = upgrade(str(upgraded["fork_path"]), str(NEW), out, today=TODAY)
    without = json.loads(out.read_text())
    for collection in (with_revisions, without):
        assert page_size(collection)["value"] == "50" and not page_size(collection).get("disabled")
    for edits in (upgraded["report"].edits_kept, report.edits_kept):
        assert "Profiles/Profiles/Get Profiles: query `page[size]`" in edits
    assert report.diff.partial and not upgraded["report"].diff.partial
    assert [(t, n["name"]) for t, n in placed(without["item"])] == [
        (t, n["name"]) for t, n in placed(with_revisions["item"])
    ]
    assert KEY.encode() not in out.read_bytes()


def exported_from_postman(nodes: list[dict[str, Any]]) -> None:
    """`nodes` as Postman exports them: neither the kit's item and example ids nor its extensions."""
    for node in nodes:
        node.pop("id", None)
        node.pop("x-postman-kit", None)
        for example in node.get("response", []):
            example.pop("id", None)
        exported_from_postman(node.get("item", []))


def test_a_postman_export_without_ids_is_not_taken_for_the_users_requests(tmp_path: Path) -> None:
    """Postman keeps neither the kit's item ids nor its extensions: a 2023-02-22 fork exported untouched, upgraded
    without OLD's spec, had the requests 2026-07-15 renamed ("Get Campaign Tags" → "Get Tags for Campaign")
    carried as the user's own, beside NEW's, some marked ⚠ as conflicts. A copy the user duplicated in the
    same folder is still theirs."""
    require_corpus()
    old = json.loads(
        json.dumps(build_collection_from_spec(str(STABLE / "2023-02-22.json")).collection.to_json())
    )

    old["item"] = [folder(old["item"], "Campaigns")]
    exported_from_postman(old["item"])
    campaigns = folder(folder(old["item"], "Campaigns")["item"], "Campaigns")["item"]
    listing = next(i for i in campaigns if i["name"] == "Get Campaigns")
    copy = json.loads(json.dumps(listing))
    copy["name"] = "Get Campaigns Copy"
    campaigns.insert(campaigns.index(listing) + 1, copy)
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(old))
    collection, report = upgrade(str(path), str(NEW), today=TODAY)
    # the copy is the user's (NEW requires a `filter` it lacks); no upstream request is anyone's conflict
    assert [c.label for c in report.conflicts] == ["Campaigns/Campaigns/Get Campaigns Copy"]
    # nothing else counts as the user's but the one NEW moved to another folder as well as renamed (unknowable)
    assert [c for c in report.carried if "/Relationships/" not in c] == []
    names = [item.name for _, item in collection.walk()]
    assert "Get Campaign Tags" not in names and "Get Tags for Campaign" in names


def test_a_postman_export_follows_an_operation_new_moved_to_another_path_with_the_base_spec(
    tmp_path: Path,
) -> None:
    """Unsubscribe Profiles moved in 2026-07-15 to /api/profile-subscription-bulk-delete-jobs under its old
    operationId as an alias. A fork exported from Postman (no ids, no x-postman-kit) had the user's test script
    left on a ⚠ copy at the dead path, and the untouched Unsuppress Profiles listed as dropped; OLD's spec names
    each request's operation, as the marks of a fork that kept them do."""
    require_corpus()
    old = json.loads(
        json.dumps(build_collection_from_spec(str(STABLE / "2023-02-22.json")).collection.to_json())
    )

    exported_from_postman(old["item"])

    def find(nodes: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
        for node in nodes:
            if node.get("name") == name and "request" in node:
                return node
            found = find(node.get("item", []), name)
            if found is not None:
                return found
        return None

    script = {
        "listen": "test",
        "script": {"type": "text/javascript", "exec": ["pm.test('USER TEST', () => {});"]},
    }
    unsubscribe = find(old["item"], "Unsubscribe Profiles")
    assert unsubscribe is not None
    unsubscribe["event"] = [*unsubscribe.get("event", []), script]
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(old))
    collection, report = upgrade(str(path), str(NEW), today=TODAY, base=str(STABLE / "2023-02-22.json"))
    carried = find(json.loads(json.dumps(collection.to_json()))["item"], "Bulk Unsubscribe Profiles")
    assert carried is not None and "USER TEST" in json.dumps(carried.get("event"))
    assert report.conflicts == []
    assert not any("Unsuppress Profiles" in line or "Unsubscribe Profiles" in line for line in report.dropped)
