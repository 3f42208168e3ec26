"""Edits a user made in Postman to a fork's upstream requests, folders and saved examples, upgraded from Klaviyo
2024-10-15 to 2026-07-15 (../shared/corpus), with OLD's spec known (from the revisions) and without it: an
example's captured headers, cookies and recorded request, a header deleted, a folder renamed.

The fork is the generated collection edited as Postman's editors do; one only re-saved by Postman keeps no edit.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from postman_kit.diff import upgrade
from tests.tools import CORPUS, require_corpus

pytestmark = pytest.mark.corpus

STABLE = CORPUS / "klaviyo" / "stable"
TODAY = date(2026, 11, 23)


def find(nodes: list[dict[str, Any]], name: str) -> dict[str, Any]:
    for node in nodes:
        if node.get("name") == name and "request" in node:
            return node
        if "item" in node:
            try:
                return find(node["item"], name)
            except LookupError:
                pass
    raise LookupError(name)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_corpus()
    out = tmp_path_factory.mktemp("old")
    from click.testing import CliRunner

    from postman_kit.cli import cli

    result = CliRunner().invoke(cli, ["generate", str(STABLE / "2024-10-15.json"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    [collection] = out.glob("*.postman_collection.json")
    return collection


def upgraded(fork: dict[str, Any], tmp_path: Path, *, blind: bool = False) -> tuple[dict[str, Any], Any]:
    """The fork upgraded to 2026-07-15, with OLD's spec found in the revisions unless `blind`."""
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    _, report = upgrade(
        str(tmp_path / "fork.json"),
        str(STABLE / "2026-07-15.json"),
        tmp_path / "up.json",
        today=TODAY,
        revisions=None if blind else STABLE,
    )
    return json.loads((tmp_path / "up.json").read_text()), report


def test_an_upstream_example_s_headers_cookies_and_recorded_request_are_the_user_s(generated, tmp_path):
    fork = json.loads(generated.read_text())
    success = lambda name: find(fork["item"], name)["response"][0]  # noqa: E731
    success("Get Lists")["originalRequest"]["header"].append({"key": "X-Trace", "value": "abc123"})
    success("Get List")["originalRequest"]["url"]["variable"][0]["value"] = "LIST-777"
    success("Get Tags")["header"].append({"key": "X-RateLimit-Remaining", "value": "42"})
    success("Get Webhooks")["cookie"] = [
        {"domain": "a.klaviyo.com", "name": "sid", "value": "x", "path": "/"}
    ]
    result, report = upgraded(fork, tmp_path)
    kept = lambda name: find(result["item"], name)["response"][0]  # noqa: E731
    assert {"key": "X-Trace", "value": "abc123"} in kept("Get Lists")["originalRequest"]["header"]
    assert kept("Get List")["originalRequest"]["url"]["variable"][0]["value"] == "LIST-777"
    assert {"key": "X-RateLimit-Remaining", "value": "42"} in kept("Get Tags")["header"]
    assert kept("Get Webhooks")["cookie"][0]["name"] == "sid"
    assert sorted(report.edits_kept) == [
        "Lists/Get List: example `Success`",
        "Lists/Get Lists: example `Success`",
        "Tags/Tags/Get Tags: example `Success`",
        "Webhooks/Get Webhooks: example `Success`",
    ]


def test_examples_as_generated_or_re_saved_by_postman_are_not_edits(generated, tmp_path):
    fork = json.loads(generated.read_text())
    for example in find(fork["item"], "Upload Image From File")["response"]:
        # Postman writes a form's file entry with an empty `src`, its keys in another order, and a cookie list
        for entry in example["originalRequest"].get("body", {}).get("formdata", []):
            if entry.get("type") == "file":
                entry["src"] = ""
        example["originalRequest"]["header"].reverse()
        example["cookie"] = []
    _, report = upgraded(fork, tmp_path)
    assert report.edits_kept == []


def test_a_header_the_user_deleted_stays_out_and_is_listed(generated, tmp_path):
    """Deleting `Accept`, `Content-Type` or `revision` (a collection script sets it) came back unsaid, while a
    deleted query parameter stayed out."""
    fork = json.loads(generated.read_text())
    for name, key in (("Get Lists", "Accept"), ("Create List", "Content-Type"), ("Get List", "revision")):
        request = find(fork["item"], name)["request"]
        request["header"] = [h for h in request["header"] if h["key"] != key]
    result, report = upgraded(fork, tmp_path)
    sent = lambda name: [h["key"] for h in find(result["item"], name)["request"]["header"]]  # noqa: E731
    assert "Accept" not in sent("Get Lists") and "revision" in sent("Get Lists")
    assert "Content-Type" not in sent("Create List")
    assert "revision" not in sent("Get List")
    assert "Lists/Get List: removed header `revision`" in report.edits_kept


def test_a_header_generate_now_writes_that_the_fork_never_had_is_no_deletion(generated, tmp_path):
    """A fork generated before a header was written (its examples record the request without it) gets NEW's."""
    fork = json.loads(generated.read_text())
    item = find(fork["item"], "Get Lists")
    for request in [item["request"], *(e["originalRequest"] for e in item["response"])]:
        request["header"] = [h for h in request["header"] if h["key"] != "Accept"]
    result, report = upgraded(fork, tmp_path)
    assert "Accept" in [h["key"] for h in find(result["item"], "Get Lists")["request"]["header"]]
    assert not any("removed header" in entry for entry in report.edits_kept)


def test_without_old_s_spec_an_upstream_example_renamed_or_recoded_is_kept_and_a_move_named(
    generated, tmp_path
):
    """Without OLD's spec, an upstream example the user renamed or gave another code was dropped as upstream's
    (its id is generate's), and an upstream request moved to another folder went back to NEW's unsaid."""
    fork = json.loads(generated.read_text())
    find(fork["item"], "Get Coupons")["response"][0]["name"] = "Coupons OK (captured 2025-03)"
    account = find(fork["item"], "Get Account")["response"][0]
    account["code"], account["status"] = 206, "Partial Content"
    tracking = next(f for f in fork["item"] if f["name"] == "Tracking Settings")
    moved = find(tracking["item"], "Get Tracking Settings")
    tracking["item"].remove(moved)
    next(f for f in fork["item"] if f["name"] == "Accounts")["item"].append(moved)
    result, report = upgraded(fork, tmp_path, blind=True)
    assert "Coupons OK (captured 2025-03)" in [
        e["name"] for e in find(result["item"], "Get Coupons")["response"]
    ]
    assert 206 in [e["code"] for e in find(result["item"], "Get Account")["response"]]
    assert "Tracking Settings/Get Tracking Settings: folder Accounts" in report.not_carried


def test_without_old_s_spec_examples_as_generated_are_upstream_s(generated, tmp_path):
    """The examples NEW no longer has (a 405 for a method the path now takes) are not kept as the user's; the
    requests named as in another folder are those NEW moved (2026-07-15 split Metrics into subfolders and moved
    some of Profiles/Profiles to Consent and Push Tokens), which
    without OLD's spec may as well be the user's."""
    result, report = upgraded(json.loads(generated.read_text()), tmp_path, blind=True)
    assert not any("saved example" in entry for entry in report.edits_kept)
    moves = [entry for entry in report.not_carried if ": folder " in entry]
    assert {entry.split(": folder ")[1] for entry in moves} == {"Metrics", "Profiles/Profiles"}


def test_without_old_s_spec_a_folder_the_user_renamed_keeps_its_name(generated, tmp_path):
    """Without OLD's spec an upstream folder the user renamed went back to NEW's name, unsaid. Its id, which
    generate derives from the folder's path, is NEW's folder's: named otherwise, the user renamed it."""
    fork = json.loads(generated.read_text())
    next(f for f in fork["item"] if f["name"] == "Coupons")["name"] = "My coupons"
    result, report = upgraded(fork, tmp_path, blind=True)
    names = [node["name"] for node in result["item"]]
    assert "My coupons" in names and "Coupons" not in names
    mine = next(f for f in result["item"] if f["name"] == "My coupons")
    assert "Get Coupons" in [node["name"] for node in mine["item"]]
    assert "folder 'Coupons' renamed 'My coupons'" in report.edits_kept


@pytest.mark.parametrize("marks", [True, False], ids=["as generated", "as Postman exports"])
def test_requests_merged_in_from_another_api_are_the_user_s_and_unchecked(generated, tmp_path, marks):
    """A Twilio folder copied from its generated collection into the Klaviyo fork, sent to `{{twilioBaseUrl}}`
    (a collection variable: https://api.twilio.com). With Twilio's marks, diff counted none of them and upgrade
    made each a conflict (⚠, a review note: "not an operation in v2026-07-15"); without, they were "already
    broken" rather than another service's."""
    from click.testing import CliRunner

    from postman_kit.cli import cli
    from postman_kit.diff import diff

    twilio_out = tmp_path / "twilio"
    spec = CORPUS / "twilio" / "twilio_api_v2010.json"
    assert CliRunner().invoke(cli, ["generate", str(spec), "-o", str(twilio_out), "-q"]).exit_code == 0
    [twilio_file] = twilio_out.glob("*.postman_collection.json")
    twilio = json.loads(twilio_file.read_text())
    folder = twilio["item"][0]
    folder.update(name="Twilio (merged)", auth=twilio["auth"])
    for item in folder["item"]:
        url = item["request"]["url"]
        url["raw"] = url["raw"].replace("{{baseUrl}}", "{{twilioBaseUrl}}")
        url["host"] = ["{{twilioBaseUrl}}"]
        if not marks:
            item.pop("x-postman-kit", None)
            item.pop("id", None)
    fork = json.loads(generated.read_text())
    fork["item"].append(folder)
    fork["variable"].append({"key": "twilioBaseUrl", "value": "https://api.twilio.com"})
    merged = len(folder["item"])
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    report = diff(str(tmp_path / "fork.json"), str(STABLE / "2026-07-15.json"), today=TODAY, revisions=STABLE)
    assert [s.status for s in report.saved] == ["unchecked"] * merged
    result, upgrade_report = upgraded(fork, tmp_path)
    assert upgrade_report.conflicts == []
    kept = next(node for node in result["item"] if node["name"] == "Twilio (merged)")
    assert [item["name"] for item in kept["item"]] == [item["name"] for item in folder["item"]]


def test_an_auth_the_user_set_that_new_s_own_request_auth_shadows_is_said(generated, tmp_path):
    """Asana's operations each name OAuth in a later revision: the user's collection and folder tokens were
    reported kept, yet every request sent NEW's own auth instead, unsaid."""
    fork = json.loads(generated.read_text())
    bearer = {"type": "bearer", "bearer": [{"key": "token", "value": "{{myToken}}", "type": "string"}]}
    next(f for f in fork["item"] if f["name"] == "Client")["auth"] = bearer  # client requests carry their own
    next(f for f in fork["item"] if f["name"] == "Lists")["auth"] = bearer  # Lists' inherit it
    _, report = upgraded(fork, tmp_path)
    shadowed = [note for note in report.notes if "does not reach" in note]
    assert len(shadowed) == 1 and "folder 'Client'" in shadowed[0], shadowed


def test_what_the_user_put_in_a_folder_new_splits_keeps_its_place(generated, tmp_path):
    """2026-07-15 splits Metrics into Metrics/Metrics, Custom Metrics and Mapped Metrics: a request the user saved
    after Get Metric, and a folder of theirs last, went to the top of Metrics, the folder before the request."""
    fork = json.loads(generated.read_text())
    metrics = next(f for f in fork["item"] if f["name"] == "Metrics")
    names = [node["name"] for node in metrics["item"]]
    mine = json.loads(json.dumps(find(metrics["item"], "Get Metric")))
    mine.update(name="My metric XYZ", response=[])
    mine.pop("id", None)
    metrics["item"].insert(names.index("Get Metric") + 1, mine)
    metrics["item"].append({"name": "Zeta tools", "item": []})
    result, _ = upgraded(fork, tmp_path)
    upgraded_metrics = next(f for f in result["item"] if f["name"] == "Metrics")
    order = [node["name"] for node in upgraded_metrics["item"]]
    assert order.index("Metrics") < order.index("My metric XYZ") < order.index("Zeta tools"), order


@pytest.mark.parametrize("blind", [False, True], ids=["with OLD's spec", "without"])
def test_a_variable_the_user_switched_off_stays_off_and_is_not_said_to_be_new(generated, tmp_path, blind):
    """The user pointed `baseUrl` at staging and switched it off, so their environment decides the host: the
    upgrade switched it back on (newman then sends every request to it), and diff without OLD's spec said
    `baseUrl` was new in NEW."""
    from postman_kit.diff import diff

    fork = json.loads(generated.read_text())
    [base_url] = [v for v in fork["variable"] if v["key"] == "baseUrl"]
    base_url.update(value="https://staging.example.test", disabled=True)
    result, report = upgraded(fork, tmp_path, blind=blind)
    [carried] = [v for v in result["variable"] if v["key"] == "baseUrl"]
    assert carried["disabled"] is True
    assert carried["value"] == "https://staging.example.test"
    assert "collection variable `baseUrl` (switched off, as you had it)" in report.edits_kept
    compared = diff(str(tmp_path / "fork.json"), str(STABLE / "2026-07-15.json"), today=TODAY)
    assert [c for c in compared.api_changes if "baseUrl" in c.where] == []


def test_a_response_the_user_saved_under_the_generated_example_s_name_is_theirs_beside_new_s(
    generated, tmp_path
):
    """After a run, the user saved a real response as an example under the name generate's own has (`Success`,
    or `OK` in older revisions): upstream's old example was carried as the user's edit beside it, or the user's
    took the place of NEW's."""
    fork = json.loads(generated.read_text())
    item = find(fork["item"], "Get Profiles")
    saved = {
        "id": "0e0e0e0e-0000-4000-8000-000000000001",  # Postman's random one
        "name": "Success",
        "originalRequest": item["request"],
        "status": "OK",
        "code": 200,
        "header": [{"key": "Content-Type", "value": "application/vnd.api+json"}],
        "cookie": [],
        "responseTime": 63,
        "body": '{"data": [], "links": {"self": "https://a.klaviyo.com/api/profiles/"}}',
    }
    item["response"].append(saved)
    result, report = upgraded(fork, tmp_path)
    examples = [r for r in find(result["item"], "Get Profiles")["response"] if r["name"] == "Success"]
    assert [r["body"] == saved["body"] for r in examples] == [False, True]  # NEW's, then the user's
    request = find(result["item"], "Get Profiles")["request"]
    assert examples[0]["originalRequest"]["url"] == request["url"]  # NEW's, not OLD's as generated
    assert [line for line in report.edits_kept if "Get Profiles" in line] == [
        "Profiles/Profiles/Get Profiles: example `Success`"
    ]


def test_a_cookie_a_saved_response_shows_is_truncated_there_not_made_a_variable(generated, tmp_path):
    """A response saved after a run records the `Set-Cookie` the server answered (and Postman's cookie jar entry
    for it): it became `{{setCookie}}`, with an empty `setCookie` variable and a line to revoke a key, on every
    saved response of a newman-run fork. A response is never sent: the value is truncated where it stands."""
    fork = json.loads(generated.read_text())
    item = find(fork["item"], "Get Lists")
    cookie = "Zq3x.Ab9-1733615443-1.0.1.1-abcdefGHIJ"
    item["response"].append(
        {
            "id": "0e0e0e0e-0000-4000-8000-000000000009",
            "name": "Run on staging",
            "originalRequest": item["request"],
            "status": "OK",
            "code": 200,
            "header": [
                {"key": "Content-Type", "value": "application/vnd.api+json"},
                {"key": "Set-Cookie", "value": f"__cf_bm={cookie}; path=/; HttpOnly; Secure"},
            ],
            "cookie": [{"domain": ".klaviyo.com", "path": "/", "key": "__cf_bm", "value": cookie}],
            "body": '{"data": []}',
        }
    )
    result, report = upgraded(fork, tmp_path)
    [saved] = [r for r in find(result["item"], "Get Lists")["response"] if r["name"] == "Run on staging"]
    assert {"key": "Set-Cookie", "value": "__cf_bm=…GHIJ; path=/; HttpOnly; Secure"} in saved["header"]
    assert saved["cookie"][0]["value"] == "…GHIJ"
    assert cookie not in json.dumps(result)
    assert [v["key"] for v in result["variable"]] == [v["key"] for v in fork["variable"]]
    assert report.keys_replaced == []
    assert [n for n in report.notes if "Run on staging" in n] == [
        "Lists/Get Lists: example `Run on staging` header `Set-Cookie` held a credential (…GHIJ); it is "
        "truncated there (revoke it if it still works)"
    ]


def test_the_api_s_key_a_saved_response_echoes_is_truncated_there_not_made_the_key_variable(
    generated, tmp_path
):
    """A response saved as an example echoed the private key the request was made with: the recorded answer
    read `{{privateKey}}`, which Postman never resolves in a response; any other credential there was already
    truncated in place."""
    key = "pk_" + "0123456789abcdef0123456789abcdef12"
    fork = json.loads(generated.read_text())
    item = find(fork["item"], "Get Lists")
    answer = dict(item["response"][0], id="0e0e0e0e-0000-4000-8000-00000000000a", name="what the server said")
    answer["body"] = json.dumps({"data": [], "meta": {"echo": f"request made with {key}"}})
    item["response"].append(answer)
    result, report = upgraded(fork, tmp_path)
    [saved] = [
        r for r in find(result["item"], "Get Lists")["response"] if r["name"] == "what the server said"
    ]
    assert json.loads(saved["body"])["meta"]["echo"] == "request made with pk_…ef12"
    assert key not in json.dumps(result)
    assert any("saved response held a private key (pk_…ef12)" in note for note in report.notes)


@pytest.mark.parametrize("blind", [False, True])
def test_a_header_row_the_user_added_beside_the_generated_one_switched_off_is_still_sent(
    generated, tmp_path, blind
):
    """Postman's way to pin a request or try a value: the generated row's checkbox off, a row of one's own under
    it. Both were one header: `revision: 2024-10-15` beside the switched-off `{{revision}}` became that switched-off
    row, sending no revision at all while the report said "Fixed for you"; an own `Accept` of the generated value
    was switched off."""
    fork = json.loads(generated.read_text())
    headers = {name: find(fork["item"], name)["request"]["header"] for name in ("Get Segment", "Get Lists")}
    for name, key, value in (("Get Segment", "revision", "2024-10-15"), ("Get Lists", "Accept", None)):
        [row] = [h for h in headers[name] if h["key"] == key]
        row["disabled"] = True
        headers[name].append({"key": key, "value": value or row["value"]})
    result, report = upgraded(fork, tmp_path, blind=blind)
    sent = {
        name: [
            (h["key"], h["value"])
            for h in find(result["item"], name)["request"]["header"]
            if not h.get("disabled")
        ]
        for name in ("Get Segment", "Get Lists")
    }
    assert ("revision", "{{revision}}") in sent["Get Segment"]
    assert ("Accept", "application/vnd.api+json") in sent["Get Lists"]
    assert [h["key"] for h in find(result["item"], "Get Lists")["request"]["header"]].count("Accept") == 2
    assert "Segments/Get Segment: revision header 2024-10-15 → {{revision}}" in report.rewritten


def test_a_folder_of_the_user_s_own_named_as_one_new_adds_stays_theirs(generated, tmp_path):
    """An exported fork (no ids) with a folder of the user's own, `Web Feeds`, holding a saved request, with a
    description, a bearer auth and a script; 2026-07-15 adds an upstream folder of that name. The two were
    merged: the description became NEW's, and the user's auth and script ruled NEW's requests (each a 401)."""
    fork = json.loads(generated.read_text())
    saved = json.loads(json.dumps(find(fork["item"], "Get Lists")))
    saved.update(name="Lists for my feeds", response=[])
    mine = {
        "name": "Web Feeds",
        "description": "MY-FOLDER-NOTES",
        "auth": {
            "type": "bearer",
            "bearer": [{"key": "token", "value": "{{myFeedsToken}}", "type": "string"}],
        },
        "event": [{"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["// MY-SCRIPT"]}}],
        "item": [saved],
    }
    fork["item"].append(mine)

    def without_ids(nodes):
        for node in nodes:
            node.pop("id", None)
            for response in node.get("response", []):
                response.pop("id", None)
            without_ids(node.get("item", []))

    without_ids(fork["item"])
    result, report = upgraded(fork, tmp_path)
    feeds = [node for node in result["item"] if node["name"] == "Web Feeds"]
    assert len(feeds) == 2
    theirs, upstream = sorted(feeds, key=lambda node: node.get("description") != "MY-FOLDER-NOTES")
    assert (theirs["description"], theirs["auth"], theirs["event"]) == (
        mine["description"],
        mine["auth"],
        mine["event"],
    )
    assert [item["name"] for item in theirs["item"]] == ["Lists for my feeds"]
    assert "auth" not in upstream and "event" not in upstream and upstream["item"]
    assert "folder 'Web Feeds' is yours; v2026-07-15 adds a folder of the same name beside it" in report.notes
    # upgraded again to the same revision, nothing changes (NEW's folder was taken for the user's, moved)
    again = tmp_path / "again"
    again.mkdir()
    assert upgraded(result, again)[0] == result


def test_a_path_variable_the_user_renamed_keeps_their_name(generated, tmp_path):
    """In Postman's URL bar `/api/coupons/:id` became `/api/coupons/:couponId`, a test reading `couponId`: the
    upgrade put `:id` back (the value moved over), the report said the variable was kept, and the script read
    nothing."""
    fork = json.loads(generated.read_text())
    url = find(fork["item"], "Get Coupon")["request"]["url"]
    url["path"] = [":couponId" if part == ":id" else part for part in url["path"]]
    url["raw"] = url["raw"].replace(":id", ":couponId")
    [variable] = url["variable"]
    variable.update(key="couponId", value="MYCOUPON")
    find(fork["item"], "Get Coupon")["event"] = [
        {
            "listen": "test",
            "script": {"exec": ["pm.expect(pm.request.url.variables.get('couponId')).to.be.ok;"]},
        }
    ]
    result, report = upgraded(fork, tmp_path)
    kept = find(result["item"], "Get Coupon")["request"]["url"]
    assert ":couponId" in kept["path"] and ":id" not in kept["path"] and ":couponId" in kept["raw"]
    assert [(v["key"], v["value"]) for v in kept["variable"]] == [("couponId", "MYCOUPON")]
    assert any("path variable `couponId` (your name for `:id`)" in line for line in report.edits_kept)
