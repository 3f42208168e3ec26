"""A scripted session through the sandbox (good, bad and read-only keys, OAuth, no key, client calls, every status
class), then `logs search` by source kind, identifier, path form, status group, method, revision and period
returns exactly the expected calls; failed calls carry their key, source and revision; retention folds old
calls away by itself while the dashboard keeps counting them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from postman_kit.activity.query import call_filter
from postman_kit.calls import CallRecord
from postman_kit.logstore import LogStore, open_store
from postman_kit.logstore.records import CALL_ID_HEADER
from postman_kit.openapi import load_api
from postman_kit.sandbox.app import create_app
from postman_kit.sandbox.keys import load_keys
from tests.support.logstore import COMPANY_ID, FULL_KEY, READ_ONLY_KEY, make_call, write_keys_file

BAD_KEY = "pk_" + "0" * 34


@pytest.fixture
def session(tmp_path: Path, example_spec: Path) -> Iterator[tuple[LogStore, dict[str, str], str]]:
    """Runs the session; yields the store, the call id of each named call, and the revision served."""
    store = open_store(tmp_path / "logs.sqlite3")
    app = create_app(
        load_api(str(example_spec)),
        keys=load_keys(write_keys_file(tmp_path)),
        data_dir=tmp_path,
        recorder=store,
        rate_limits=False,
    )
    revision = app.state.sandbox.revision
    ids: dict[str, str] = {}

    def send(
        name: str,
        method: str,
        path: str,
        key: str | None = None,
        scheme: str = "Klaviyo-API-Key",
        body: dict | None = None,
        **headers: str,
    ) -> None:
        sent = {
            "revision": revision,
            "user-agent": "session-test/1.0",
            "accept": "application/vnd.api+json",
            **headers,
        }
        if key is not None:
            sent["authorization"] = f"{scheme} {key}"
        if body is not None:
            sent["content-type"] = "application/vnd.api+json"
        response = client.request(method, path, headers=sent, json=body)
        ids[name] = response.headers[CALL_ID_HEADER]
        ids[name + ":status"] = str(response.status_code)
        if response.status_code == 201:
            ids[name + ":created"] = response.json()["data"]["id"]

    profile = {
        "data": {
            "type": "profile",
            "attributes": {
                "email": "Sarah.Mason@Example.com",
                "phone_number": "+15005550006",
                "external_id": "ext-77",
                "anonymous_id": "anon-kx-1",
            },
        }
    }
    with TestClient(app, base_url="http://127.0.0.1") as client:
        send("created", "POST", "/api/profiles", FULL_KEY, body=profile)
        send("missing", "GET", "/api/profiles/NOPE404", FULL_KEY)
        send(
            "forbidden",
            "POST",
            "/api/lists",
            READ_ONLY_KEY,
            body={"data": {"type": "list", "attributes": {"name": "VIP"}}},
        )
        send("bad-key", "GET", "/api/profiles", BAD_KEY)
        send("not-allowed", "DELETE", "/api/events", FULL_KEY)
        send("unknown", "GET", "/api/nothing-here", FULL_KEY)
        send("oauth", "GET", "/api/events", "token-abcdef123456", scheme="Bearer")
        send("anonymous", "GET", "/api/profiles")
        send(
            "onsite",
            "POST",
            f"/client/subscriptions?company_id={COMPANY_ID}",
            body={"data": {"type": "subscription", "attributes": {"email": "shopper@example.com"}}},
            origin="https://shop.example.com",
        )
        send(
            "server-client",
            "POST",
            f"/client/events?company_id={COMPANY_ID}",
            body={
                "data": {
                    "type": "event",
                    "attributes": {
                        "metric": {"data": {"type": "metric", "attributes": {"name": "Viewed Product"}}},
                        "profile": {"data": {"type": "profile", "attributes": {"_kx": "kx-token-9"}}},
                    },
                }
            },
        )
        send(
            "listed",
            "GET",
            "/api/profiles?filter=equals(email,'sarah.mason@example.com')",
            FULL_KEY,
            revision="2026-12-01",
        )
    try:
        yield store, ids, revision
    finally:
        store.close()


def found(store: LogStore, path: str | None = None, **options: object) -> set[str]:
    where = call_filter(time.time(), path, **options)
    return {call.id for call in store.search(where, limit=1000)}


def test_every_call_is_recorded_once_with_its_key_source_and_revision(session) -> None:
    store, ids, revision = session
    names = [name for name in ids if ":" not in name]
    assert store.count() == len(names)
    by_id = {call.id: call for call in store.search(limit=100)}
    calls = {name: by_id[ids[name]] for name in names}
    assert {ids[name + ":status"] for name in names} >= {"201", "404", "403", "401", "405", "200"}
    forbidden, bad = calls["forbidden"], calls["bad-key"]
    assert (forbidden.status, forbidden.key, forbidden.source, forbidden.source_kind, forbidden.revision) == (
        403,
        "pk_…beef",
        "dashboard",
        "private",
        revision,
    )
    assert (bad.status, bad.key, bad.source_kind, bad.revision, bad.revision_sent) == (
        401,
        "pk_…0000",
        "private",
        revision,
        revision,
    )
    for name in ("not-allowed", "unknown"):
        assert (calls[name].key, calls[name].source, calls[name].source_kind, calls[name].revision_sent) == (
            "pk_…f00d",
            "ci",
            "private",
            revision,
        )
    assert (calls["oauth"].source_kind, calls["oauth"].key) == ("oauth", "…3456")
    assert (calls["anonymous"].source_kind, calls["anonymous"].key) == ("none", "")
    onsite = calls["onsite"]
    assert (onsite.source_kind, onsite.company_id, onsite.source, onsite.key) == (
        "public-onsite",
        COMPANY_ID,
        "storefront",
        "",
    )
    assert calls["server-client"].source_kind == "public"
    assert all(call.user_agent == "session-test/1.0" for call in calls.values())
    assert calls["listed"].revision_sent == "2026-12-01"


def test_search_by_source_kind(session) -> None:
    store, ids, _ = session
    private = {
        ids[n] for n in ("created", "missing", "forbidden", "bad-key", "not-allowed", "unknown", "listed")
    }
    assert found(store, sources=("private",)) == private
    assert found(store, sources=("public",)) == {ids["onsite"], ids["server-client"]}
    assert found(store, sources=("onsite",)) == {ids["onsite"]}
    assert found(store, sources=("oauth",)) == {ids["oauth"]}
    assert found(store, sources=("none",)) == {ids["anonymous"]}
    assert found(store, sources=("dashboard",)) == {ids["forbidden"]}


def test_search_by_every_identifier_kind(session) -> None:
    store, ids, _ = session
    created = ids["created:created"]
    assert found(store, resource_id=ids["missing"]) == {ids["missing"]}  # call id
    assert found(store, resource_id="sarah.mason@example.com") == {ids["created"], ids["listed"]}  # email
    assert found(store, resource_id="SARAH.MASON@example.com") == {ids["created"], ids["listed"]}
    assert found(store, resource_id="+15005550006") == {ids["created"]}  # phone number
    assert found(store, resource_id="ext-77") == {ids["created"]}  # external id
    assert found(store, resource_id="anon-kx-1") == {ids["created"]}  # anonymous id
    assert found(store, resource_id="kx-token-9") == {ids["server-client"]}  # _kx
    assert found(store, resource_id="Viewed Product") == {ids["server-client"]}  # metric name
    assert ids["created"] in found(store, resource_id=created)  # resource id in the response
    assert found(store, resource_id="NOPE404") == {ids["missing"]}  # resource id in the path
    error = store.get(ids["missing"]).response_body.split('"id":"', 1)[1].split('"', 1)[0]
    assert found(store, resource_id=error) == {ids["missing"]}  # error id
    # a full private key finds the calls made with it, through a keyed hash: the store never holds the key
    assert found(store, resource_id=READ_ONLY_KEY) == {ids["forbidden"]}
    assert ids["created"] in found(store, resource_id=FULL_KEY)
    assert found(store, resource_id=BAD_KEY) == {ids["bad-key"]}
    assert found(store, resource_id="pk_…beef") == set()


def test_search_by_path_form_status_group_method_revision_and_period(session) -> None:
    store, ids, revision = session
    assert found(store, "/api/profiles") == {ids[n] for n in ("created", "bad-key", "anonymous", "listed")}
    assert found(store, "/api/profiles/{id}") == {ids["missing"]}
    assert found(store, "/api/profiles/NOPE404") == {ids["missing"]}
    assert found(store, "events") == {ids["not-allowed"], ids["oauth"], ids["server-client"]}
    assert found(store, "/api/events") == {ids["not-allowed"], ids["oauth"]}
    assert found(store, statuses=("failed",)) == {
        call_id for name, call_id in ids.items() if ":" not in name and int(ids[name + ":status"]) >= 400
    }
    assert found(store, statuses=("success",)) == {
        call_id for name, call_id in ids.items() if ":" not in name and int(ids[name + ":status"]) < 300
    }
    assert found(store, statuses=("405",)) == {ids["not-allowed"]}
    assert found(store, statuses=("all",)) == found(store)
    assert found(store, methods=("DELETE",)) == {ids["not-allowed"]}
    assert ids["bad-key"] in found(store, revisions=(revision,))
    assert found(store, since="today", timezone="UTC") == found(store)
    assert found(store, since="3h") == found(store)
    assert found(store, until="3d") == set()


def test_calls_past_the_retention_leave_the_logs_but_not_the_dashboard(tmp_path: Path) -> None:
    now = time.time()
    with open_store(tmp_path / "logs.sqlite3", retention_days=14, clock=lambda: now) as store:
        store.record_many(
            [make_call(timestamp=now - 20 * 86400, id="old-call"), make_call(timestamp=now - 60)]
        )
        assert [call.timestamp for call in store.search()] == [now - 60]
        assert store.last_prune is not None and store.last_prune.deleted == 1
        assert store.activity(now=now).total == 2


def test_newman_report_import_merges_the_calls_the_sandbox_recorded(tmp_path: Path, run_cli) -> None:
    from tests.support.logstore import newman_execution, newman_report

    store_path = tmp_path / "logs.sqlite3"
    with open_store(store_path) as store:
        store.record(
            CallRecord(
                id="0123sandboxcall",
                timestamp=time.time(),
                method="GET",
                path="/api/profiles",
                status=200,
                duration_ms=3.0,
            )
        )
    stamped = newman_execution("Profiles", ["api", "profiles"], ["api", "profiles"], 200)
    stamped["response"]["header"] = [{"key": "X-Call-Id", "value": "0123sandboxcall"}]
    report = tmp_path / "report.json"
    import json

    report.write_text(
        json.dumps(
            newman_report(
                [stamped, newman_execution("Profiles", ["api", "profiles"], ["api", "profiles"], 200)]
            )
        )
    )
    result = run_cli("logs", "import", str(report), "--store", str(store_path))
    assert result.exit_code == 0, result.output
    assert "imported 1 calls" in result.stdout and "merged 1" in result.stdout
    with open_store(store_path) as store:
        assert store.count() == 2
