"""The sandbox against the example spec, in process: auth, routing, resources, queries, limits, recording."""

from __future__ import annotations

import json
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette nudges towards httpx2; the TestClient works the same on httpx, which the project declares.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from postman_kit.calls import MemoryRecorder
from postman_kit.errors import InputError
from postman_kit.openapi import Api, load_api
from postman_kit.sandbox.app import create_app
from postman_kit.sandbox.keys import default_keys, load_keys
from postman_kit.schema_validation import SchemaChecker
from tests.support.sandbox_client import (
    COMPANY_ID,
    FULL_KEY,
    LOCAL,
    READ_ONLY_KEY,
    REVISION,
    headers,
    key_ring,
    only_error,
    profile_body,
)
from tests.tools import EXAMPLE_SPEC


@pytest.fixture(scope="module")
def api() -> Api:
    return load_api(str(EXAMPLE_SPEC))


@pytest.fixture
def recorder() -> MemoryRecorder:
    return MemoryRecorder()


@pytest.fixture
def client(api: Api, recorder: MemoryRecorder, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=recorder)
    with TestClient(app, base_url=LOCAL) as test_client:
        yield test_client


# -- auth ---------------------------------------------------------------------------------------------------------
def test_a_missing_or_unknown_key_is_401_not_authenticated(client: TestClient) -> None:
    for auth in (
        {},
        {"Authorization": "Klaviyo-API-Key pk_unknown00000000000000000000"},
        {"Authorization": f"Bearer {FULL_KEY}"},
    ):
        response = client.get("/api/profiles", headers={"revision": REVISION, **auth})
        assert response.status_code == 401
        error = only_error(response)
        assert error["code"] == "not_authenticated"
        assert error["title"] == "Authentication credentials were not provided."


def test_a_key_without_the_operations_scope_is_403_naming_the_scope(client: TestClient) -> None:
    response = client.post("/api/events", headers=headers(READ_ONLY_KEY), json={})
    assert response.status_code == 403
    error = only_error(response)
    assert error["code"] == "permission_denied"
    assert error["detail"] == "Your API key is missing required scopes: events:write"
    # a :write scope grants the matching :read scope, as Klaviyo's scopes do
    assert client.get("/api/lists", headers=headers(READ_ONLY_KEY)).status_code == 200


def test_client_endpoints_take_a_known_company_id_and_never_a_private_key(client: TestClient) -> None:
    body = {
        "data": {"type": "event", "attributes": {"metric_name": "Viewed", "profile": {"email": "a@b.co"}}}
    }
    ok = client.post(f"/client/events?company_id={COMPANY_ID}", headers={"revision": REVISION}, json=body)
    assert ok.status_code == 202 and ok.content == b""
    unknown = client.post("/client/events?company_id=ZZZ999", headers={"revision": REVISION}, json=body)
    assert unknown.status_code == 400 and only_error(unknown)["source"] == {"parameter": "company_id"}
    missing = client.post("/client/events", headers={"revision": REVISION}, json=body)
    assert missing.status_code == 400
    with_key = client.post(f"/client/events?company_id={COMPANY_ID}", headers=headers(), json=body)
    assert with_key.status_code == 400
    assert "private key" in only_error(with_key)["detail"]


# -- revisions ----------------------------------------------------------------------------------------------------
def test_the_revision_header_is_required_and_resolved_to_the_latest_on_or_before_it(
    client: TestClient, recorder: MemoryRecorder
) -> None:
    missing = client.get("/api/lists", headers={"Authorization": f"Klaviyo-API-Key {FULL_KEY}"})
    assert missing.status_code == 400 and only_error(missing)["source"] == {"parameter": "revision"}
    for bad in ("2020-01-01", "2026-07-15.pre", "July 2026", "2026-02-30"):
        response = client.get("/api/lists", headers=headers(revision=bad))
        assert response.status_code == 400, bad
    later = client.get("/api/lists", headers=headers(revision="2026-09-01"))
    assert later.status_code == 200
    assert recorder.calls[-1].revision == REVISION


# -- routing ------------------------------------------------------------------------------------------------------
def test_unknown_paths_are_404_and_unsupported_methods_405(client: TestClient) -> None:
    assert only_error(client.get("/api/nothing-here", headers=headers()))["code"] == "not_found"
    response = client.delete("/api/events", headers=headers())
    assert response.status_code == 405
    error = only_error(response)
    assert error["code"] == "method_not_allowed"
    assert error["title"] == 'Method "DELETE" not allowed.'
    assert response.headers["allow"] == "GET, POST"


def test_trailing_slashes_reach_the_same_operation(client: TestClient) -> None:
    assert client.get("/api/lists/", headers=headers()).status_code == 200


# -- resources ----------------------------------------------------------------------------------------------------
def test_create_read_update_delete_with_klaviyo_style_ids(client: TestClient) -> None:
    created = client.post("/api/profiles", headers=headers(), json=profile_body("ada@example.com"))
    assert created.status_code == 201
    profile = created.json()["data"]
    assert len(profile["id"]) == 26 and profile["id"].isalnum() and profile["id"].isupper()
    assert profile["attributes"]["email"] == "ada@example.com"
    fetched = client.get(f"/api/profiles/{profile['id']}", headers=headers()).json()["data"]
    assert fetched["attributes"]["email"] == "ada@example.com"
    patch = {"data": {"type": "profile", "id": profile["id"], "attributes": {"first_name": "Ada"}}}
    updated = client.patch(f"/api/profiles/{profile['id']}", headers=headers(), json=patch)
    assert updated.json()["data"]["attributes"]["first_name"] == "Ada"
    assert updated.json()["data"]["attributes"]["email"] == "ada@example.com"

    new_list = client.post(
        "/api/lists", headers=headers(), json={"data": {"type": "list", "attributes": {"name": "VIP"}}}
    )
    list_id = new_list.json()["data"]["id"]
    assert len(list_id) == 6 and list_id.isalnum()
    assert client.delete(f"/api/lists/{list_id}", headers=headers()).status_code == 204
    gone = client.get(f"/api/lists/{list_id}", headers=headers())
    assert gone.status_code == 404
    assert only_error(gone)["detail"] == f"List with id {list_id} does not exist."


def test_a_second_profile_with_the_same_email_is_409_but_lists_may_share_a_name(client: TestClient) -> None:
    first = client.post("/api/profiles", headers=headers(), json=profile_body("dup@example.com"))
    second = client.post("/api/profiles", headers=headers(), json=profile_body("dup@example.com"))
    assert second.status_code == 409
    error = only_error(second)
    assert error["code"] == "conflict"
    assert first.json()["data"]["id"] in error["detail"] and "PATCH" in error["detail"]
    assert error["source"] == {"pointer": "/data/attributes/email"}
    lists = [
        client.post(
            "/api/lists", headers=headers(), json={"data": {"type": "list", "attributes": {"name": "News"}}}
        )
        for _ in range(2)
    ]
    assert [r.status_code for r in lists] == [201, 201]


def test_the_example_ids_a_generated_collection_uses_exist_from_the_start(client: TestClient) -> None:
    assert client.get("/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H", headers=headers()).status_code == 200
    assert client.get("/api/events/4H7KLscuSr", headers=headers()).status_code == 200
    # deleting a fixture resets it, so a collection that deletes and then updates the example id still runs
    assert client.delete("/api/lists/Y6nRLr", headers=headers()).status_code == 204
    assert client.get("/api/lists/Y6nRLr", headers=headers()).status_code == 200


def test_related_endpoints_answer_404_for_a_missing_parent(client: TestClient) -> None:
    assert client.get("/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H/lists", headers=headers()).status_code == 200
    missing = client.get("/api/profiles/NOPE/relationships/lists", headers=headers())
    assert only_error(missing)["detail"] == "Profile with id NOPE does not exist."


def test_request_bodies_are_validated_against_the_schema(client: TestClient) -> None:
    no_name = client.post("/api/lists", headers=headers(), json={"data": {"type": "list", "attributes": {}}})
    assert no_name.status_code == 400
    assert "name" in only_error(no_name)["detail"]
    wrong_type = client.post(
        "/api/lists", headers=headers(), json={"data": {"type": "profile", "attributes": {"name": "x"}}}
    )
    assert only_error(wrong_type)["source"]["pointer"] == "/data/type"
    as_form = client.post(
        "/api/lists",
        headers=headers(**{"Content-Type": "application/x-www-form-urlencoded"}),
        content=b"name=x",
    )
    assert as_form.status_code == 415 and only_error(as_form)["code"] == "unsupported_media_type"
    not_json = client.post("/api/lists", headers=headers(), content=b"{nope")
    assert not_json.status_code == 400 and "not valid JSON" in only_error(not_json)["detail"]
    mismatch = client.patch(
        "/api/lists/Y6nRLr",
        headers=headers(),
        json={"data": {"type": "list", "id": "other1", "attributes": {"name": "x"}}},
    )
    assert only_error(mismatch)["source"]["pointer"] == "/data/id"


# -- queries ------------------------------------------------------------------------------------------------------
def test_filters_filter_and_bad_filters_are_400_on_the_filter_parameter(client: TestClient) -> None:
    for email in ("a@x.com", "b@x.com", "c@x.com"):
        client.post("/api/profiles", headers=headers(), json=profile_body(email))
    found = client.get("/api/profiles", params={"filter": "equals(email,'b@x.com')"}, headers=headers())
    assert [p["attributes"]["email"] for p in found.json()["data"]] == ["b@x.com"]
    several = client.get(
        "/api/profiles", params={"filter": "any(email,['a@x.com','c@x.com'])"}, headers=headers()
    )
    assert len(several.json()["data"]) == 2
    future = client.get(
        "/api/profiles", params={"filter": "greater-than(created,2100-01-01T00:00:00Z)"}, headers=headers()
    )
    assert future.json()["data"] == []
    for bad, says in (
        ("equals(first_name,'x')", "`first_name` cannot be filtered on"),
        ("contains(email,'x')", "operator `contains` is not allowed on `email`"),
        ("equals(email,'x'", "expected ')'"),
    ):
        response = client.get("/api/profiles", params={"filter": bad}, headers=headers())
        assert response.status_code == 400, bad
        error = only_error(response)
        assert error["source"] == {"parameter": "filter"} and says in error["detail"], error["detail"]


def test_sparse_fieldsets_sort_and_enums(client: TestClient) -> None:
    for email in ("m@x.com", "z@x.com", "a@x.com"):
        client.post("/api/profiles", headers=headers(), json=profile_body(email, first_name="F"))
    sparse = client.get(
        "/api/profiles", params={"fields[profile]": "email", "sort": "-email"}, headers=headers()
    )
    data = sparse.json()["data"]
    assert all(set(p["attributes"]) == {"email"} for p in data)
    emails = [p["attributes"]["email"] for p in data]
    assert emails == sorted(emails, reverse=True)
    bad_field = client.get("/api/profiles", params={"fields[profile]": "email,shoe_size"}, headers=headers())
    assert only_error(bad_field)["source"] == {"parameter": "fields[profile]"}
    assert "shoe_size" in only_error(bad_field)["detail"]
    bad_sort = client.get("/api/profiles", params={"sort": "shoe_size"}, headers=headers())
    assert only_error(bad_sort)["source"] == {"parameter": "sort"}


def test_cursor_pagination_walks_every_resource_once(client: TestClient) -> None:
    for index in range(7):
        client.post("/api/profiles", headers=headers(), json=profile_body(f"p{index}@x.com"))
    seen: list[str] = []
    url: str | None = "/api/profiles?page[size]=3"
    while url:
        page = client.get(url, headers=headers()).json()
        assert len(page["data"]) <= 3
        seen.extend(p["id"] for p in page["data"])
        url = page["links"].get("next")
    assert len(seen) == len(set(seen)) == 8  # 7 created and the example profile
    for size in ("0", "101", "ten"):
        response = client.get("/api/profiles", params={"page[size]": size}, headers=headers())
        assert only_error(response)["source"] == {"parameter": "page[size]"}
    assert (
        client.get("/api/profiles", params={"page[cursor]": "garbage!"}, headers=headers()).status_code == 400
    )


def test_every_success_response_is_valid_against_the_spec(client: TestClient, api: Api) -> None:
    checker = SchemaChecker(api.document, api.openapi_version)
    created = client.post("/api/profiles", headers=headers(), json=profile_body("v@x.com")).json()["data"][
        "id"
    ]
    calls = [
        ("GET", "/api/profiles", None),
        ("GET", f"/api/profiles/{created}", None),
        ("GET", "/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H/lists", None),
        ("GET", "/api/events", None),
        ("GET", "/api/events/4H7KLscuSr", None),
        ("GET", "/api/lists", None),
        ("GET", "/api/flows/XyZ123", None),
        ("POST", "/api/lists", {"data": {"type": "list", "attributes": {"name": "N"}}}),
    ]
    for method, path, body in calls:
        response = client.request(method, path, headers=headers(), json=body)
        assert response.status_code in (200, 201), (path, response.text)
        assert response.headers["content-type"] == "application/vnd.api+json"
        op = api.operation(method, path if path.count("/") == 2 else _template(path))
        schema = op.success_responses[0].preferred.schema
        assert checker.errors(schema, response.json()) == [], path


def _template(path: str) -> str:
    parts = path.split("/")
    return "/".join(["", parts[1], parts[2], "{id}", *parts[4:]])


# -- rate limits --------------------------------------------------------------------------------------------------
def test_bursts_over_the_spec_limit_are_429_throttled_with_retry_after(api: Api, tmp_path: Path) -> None:
    app = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder())
    with TestClient(app, base_url=LOCAL) as client:  # get_lists_for_profile allows a burst of 3/s
        statuses = [
            client.get("/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H/lists", headers=headers()).status_code
            for _ in range(5)
        ]
        throttled = client.get("/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H/lists", headers=headers())
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    assert only_error(throttled)["code"] == "throttled"
    assert int(throttled.headers["retry-after"]) >= 1
    unlimited = create_app(api, keys=key_ring(), data_dir=None, recorder=MemoryRecorder(), rate_limits=False)
    with TestClient(unlimited, base_url=LOCAL) as client:
        assert {
            client.get("/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H/lists", headers=headers()).status_code
            for _ in range(10)
        } == {200}


# -- recording and persistence ------------------------------------------------------------------------------------
def test_every_call_is_recorded_with_the_key_truncated(client: TestClient, recorder: MemoryRecorder) -> None:
    client.post("/api/profiles", headers=headers(), json=profile_body("rec@x.com"))
    client.get("/api/profiles/NOPE", headers=headers())
    client.delete("/api/events", headers=headers())
    client.get("/api/profiles", headers=headers("pk_wrongwrongwrongwrongwrong"))
    client.post(
        f"/client/events?company_id={COMPANY_ID}",
        headers={"revision": REVISION},
        json={"data": {"type": "event", "attributes": {"metric_name": "m", "profile": {}}}},
    )
    created, missing, not_allowed, unauthenticated, from_client = recorder.calls
    assert (created.status, created.operation, created.category, created.source) == (
        201,
        "/api/profiles",
        "Profiles",
        "ci",
    )
    assert created.key == "pk_…efab" and created.revision == REVISION
    assert created.resource_ids and len(created.resource_ids[0]) == 26
    assert "rec@x.com" in created.request_body and created.response_body.startswith('{"data"')
    assert (missing.status, missing.operation, missing.resource_ids) == (404, "/api/profiles/{id}", ["NOPE"])
    # a method the path does not allow counts under the path's category (as `logs import --spec` files it)
    assert (not_allowed.status, not_allowed.operation, not_allowed.category) == (405, "/api/events", "Events")
    # a refused key is still recorded, truncated, as the private key it was sent as
    assert (unauthenticated.status, unauthenticated.key, unauthenticated.source_kind) == (
        401,
        "pk_…rong",
        "private",
    )
    assert (from_client.source, from_client.source_kind, from_client.status) == ("storefront", "public", 202)
    for call in recorder.calls:
        assert FULL_KEY not in json.dumps(call.to_json())
    assert created.request_headers["authorization"] == "Klaviyo-API-Key pk_…efab"


def test_state_survives_a_restart_from_the_same_data_directory(api: Api, tmp_path: Path) -> None:
    app = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder())
    with TestClient(app, base_url=LOCAL) as client:
        profile_id = client.post("/api/profiles", headers=headers(), json=profile_body("kept@x.com")).json()[
            "data"
        ]["id"]
        client.patch(
            f"/api/profiles/{profile_id}",
            headers=headers(),
            json={"data": {"type": "profile", "id": profile_id, "attributes": {"first_name": "Kept"}}},
        )
    again = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder())
    with TestClient(again, base_url=LOCAL) as client:
        attributes = client.get(f"/api/profiles/{profile_id}", headers=headers()).json()["data"]["attributes"]
        assert (attributes["email"], attributes["first_name"]) == ("kept@x.com", "Kept")
        assert (
            client.post("/api/profiles", headers=headers(), json=profile_body("kept@x.com")).status_code
            == 409
        )


# -- keys files ---------------------------------------------------------------------------------------------------
def test_keys_files_are_read_and_bad_ones_named(tmp_path: Path) -> None:
    good = tmp_path / "keys.yaml"
    good.write_text(
        f"keys:\n  {FULL_KEY}: {{name: CI, scopes: [events:read]}}\ncompany_ids: [{COMPANY_ID}]\n"
    )
    ring = load_keys(good)
    assert ring.key(FULL_KEY).name == "CI" and ring.key(FULL_KEY).scopes == frozenset({"events:read"})
    assert ring.company(COMPANY_ID) == "client"
    for text, says in (
        ("[1, 2]", "is a mapping"),
        ("keys: {}\n", "no keys"),
        (f"keys: {{{FULL_KEY}: {{scopes: 3}}}}", "must be a list"),
    ):
        bad = tmp_path / "bad.yaml"
        bad.write_text(text)
        with pytest.raises(InputError) as caught:
            load_keys(bad)
        assert says in caught.value.message and caught.value.source == str(bad)
        assert FULL_KEY not in str(caught.value)
    with pytest.raises(InputError):
        load_keys(tmp_path / "absent.yaml")


def test_the_default_test_key_is_created_once_readable_only_by_its_owner(tmp_path: Path) -> None:
    ring, path = default_keys(tmp_path)
    again, _ = default_keys(tmp_path)
    assert list(ring.private) == list(again.private)
    secret = next(iter(ring.private))
    assert secret.startswith("pk_") and len(secret) == 37
    assert len(next(iter(ring.company_ids))) == 6
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
