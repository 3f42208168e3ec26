"""The sandbox answers as Klaviyo's 2026-07-15 spec documents: 204 without a body, JSON:API errors for any
path, links that are URIs, no request `null` in a non-nullable field, the spec's forbidden inputs refused and
its own examples accepted (with the same filter judgement as `validate`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from postman_kit.calls import MemoryRecorder
from postman_kit.conformance import SentValue, query_problems
from postman_kit.filters import check_filter, parse_filter
from postman_kit.openapi import Api, load_api
from postman_kit.profiles import detect_profile
from postman_kit.sandbox.app import create_app
from postman_kit.sandbox.keys import keys_from_data
from postman_kit.schema_validation import SchemaChecker
from tests.tools import CORPUS

KEY = "pk_" + "d" * 34
SPEC = CORPUS / "klaviyo" / "stable" / "2026-07-15.json"
JSON_API = "application/vnd.api+json"
HEADERS = {
    "Authorization": f"Klaviyo-API-Key {KEY}",
    "revision": "2026-07-15",
    "Accept": JSON_API,
    "Content-Type": JSON_API,
}
# RFC 3986's characters: what a `format: uri` link may hold
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]*")
pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def api() -> Api:
    if not SPEC.exists():
        pytest.skip("../shared/corpus is absent")
    return load_api(str(SPEC))


@pytest.fixture(scope="module")
def recorder() -> MemoryRecorder:
    return MemoryRecorder()


@pytest.fixture(scope="module")
def client(
    api: Api, recorder: MemoryRecorder, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    keys = keys_from_data({"keys": {KEY: {"name": "spec answers"}}}, "keys")
    data: Path = tmp_path_factory.mktemp("sandbox")
    app = create_app(api, keys=keys, data_dir=data, recorder=recorder, rate_limits=False)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as test_client:
        yield test_client


def schema_problems(api: Api, method: str, template: str, status: int, document: object) -> list[str]:
    op = api.operation(method, template)
    response = next(r for r in op.responses if r.status == str(status))
    return SchemaChecker(api.document, api.openapi_version).errors(response.preferred.schema, document)


def only_error(response) -> dict:
    assert response.headers["content-type"] == JSON_API, response.text
    [error] = response.json()["errors"]
    return error


@pytest.mark.parametrize(("path", "type_name"), [("/api/tags", "tag"), ("/api/tag-groups", "tag-group")])
def test_an_update_documented_as_204_answers_no_body_and_is_recorded(
    client: TestClient, recorder: MemoryRecorder, path: str, type_name: str
) -> None:
    resource_id = client.get(path, headers=HEADERS).json()["data"][0]["id"]
    body = {"data": {"type": type_name, "id": resource_id, "attributes": {"name": "Renamed"}}}
    response = client.patch(f"{path}/{resource_id}", headers=HEADERS, json=body)
    assert (response.status_code, response.content) == (204, b"")
    assert "content-type" not in response.headers
    assert any(call.path == f"{path}/{resource_id}" and call.status == 204 for call in recorder.calls)
    # the update took effect
    read = client.get(f"{path}/{resource_id}", headers=HEADERS)
    assert read.json()["data"]["attributes"]["name"] == "Renamed"


@pytest.mark.parametrize(
    ("raw", "detail"),
    [
        ("/api/pro%0Afiles", "No endpoint matches"),
        ("/api/profiles/%0A", "does not exist"),
        ("/api/profiles%0D%0A", "No endpoint matches"),
        ("/api/profiles/%09", "does not exist"),
    ],
)
def test_any_odd_path_is_a_recorded_json_api_404(
    client: TestClient, recorder: MemoryRecorder, raw: str, detail: str
) -> None:
    response = client.get(raw, headers=HEADERS)
    assert response.status_code == 404
    assert detail in only_error(response)["detail"]
    assert recorder.calls[-1].status == 404 and recorder.calls[-1].path.startswith("/api/")


def test_list_links_are_percent_encoded_uris_that_lead_to_the_next_page(client: TestClient, api: Api) -> None:
    first = client.get(
        "/api/profiles", headers=HEADERS, params={"page[size]": "1", "fields[profile]": "email"}
    )
    assert first.status_code == 200
    links = first.json()["links"]
    assert set(links) >= {"self", "next"}
    for link in links.values():
        assert URI.fullmatch(link) and "[" not in link, link
    second = client.get(links["next"], headers=HEADERS)
    assert second.status_code == 200 and second.json()["data"][0]["id"] != first.json()["data"][0]["id"]
    assert URI.fullmatch(second.json()["links"]["prev"])
    assert schema_problems(api, "GET", "/api/profiles", 200, second.json()) == []


def test_a_request_null_is_not_echoed_into_a_non_nullable_field(client: TestClient, api: Api) -> None:
    attributes = {"name": None, "import_from_url": "https://example.com/a.png"}
    body = {"data": {"type": "image", "attributes": attributes}}
    created = client.post("/api/images", headers=HEADERS, json=body)
    assert created.status_code == 201
    assert isinstance(created.json()["data"]["attributes"]["name"], str)
    assert schema_problems(api, "POST", "/api/images", 201, created.json()) == []
    image_id = created.json()["data"]["id"]
    patch = {"data": {"type": "image", "id": image_id, "attributes": {"name": None, "hidden": None}}}
    updated = client.patch(f"/api/images/{image_id}", headers=HEADERS, json=patch)
    assert updated.status_code == 200
    assert schema_problems(api, "PATCH", "/api/images/{id}", 200, updated.json()) == []


def test_inputs_the_spec_forbids_are_400_naming_where(client: TestClient) -> None:
    code = {
        "data": {
            "type": "coupon-code",
            "attributes": {"unique_code": "SPRING", "expires_at": "AAA"},
            "relationships": {"coupon": {"data": {"type": "coupon", "id": "10OFF"}}},
        }
    }
    error = only_error(client.post("/api/coupon-codes", headers=HEADERS, json=code))
    assert error["status"] == 400 and error["source"] == {"pointer": "/data/attributes/expires_at"}
    report = {
        "data": {
            "type": "campaign-values-report",
            "attributes": {
                "statistics": ["opens"],
                "timeframe": {"start": "2024-01-01T00:00:00+00:00", "end": ""},
                "conversion_metric_id": "RESQ6t",
            },
        }
    }
    error = only_error(client.post("/api/campaign-values-reports", headers=HEADERS, json=report))
    assert error["status"] == 400 and error["source"]["pointer"].startswith("/data/attributes/timeframe")
    error = only_error(client.get("/api/mapped-metrics/not_a_metric", headers=HEADERS))
    assert error["status"] == 400 and error["source"] == {"parameter": "id"}
    assert client.get("/api/mapped-metrics/revenue", headers=HEADERS).status_code == 200
    # a well-formed date-time, with or without an offset, is taken
    code["data"]["attributes"]["expires_at"] = "2030-01-01T00:00:00Z"
    assert client.post("/api/coupon-codes", headers=HEADERS, json=code).status_code < 300


def test_integers_beyond_64_bits_and_nan_are_refused_and_never_stored(client: TestClient) -> None:
    before = client.get("/api/templates", headers=HEADERS).json()["data"]
    for literal in ("18446744073709551616", "NaN", "-Infinity"):
        text = (
            '{"data":{"type":"template","attributes":{"name":"Big","editor_type":"CODE",'
            '"html":"<p>x</p>","text":' + literal + "}}}"
        )
        error = only_error(client.post("/api/templates", headers=HEADERS, content=text.encode()))
        assert error["status"] == 400, literal
    after = client.get("/api/templates", headers=HEADERS)
    assert after.status_code == 200 and len(after.json()["data"]) == len(before)


def test_every_documented_filter_example_is_accepted_by_the_sandbox_and_validate(
    client: TestClient, api: Api
) -> None:
    profile = detect_profile(api)
    examples = []
    for op in api.operations:
        param = op.parameter("filter", "query")
        example = (param.schema or {}).get("example") if param is not None else None
        if isinstance(example, str):
            examples.append((op, example))
            assert check_filter(parse_filter(example), profile.allowed_filters(op)) == [], (op.path, example)
    assert len(examples) >= 50
    # Get Coupon Codes: x-klaviyo-filters lists `equals` on coupon.id as a list operator; its example
    # gives a single value.
    # The sandbox refuses a filter exactly when validate reports it.
    op = api.operation("GET", "/api/coupon-codes")
    verdicts = []
    for text in (
        "equals(coupon.id,'10OFF')",
        "equals(coupon.id,['10OFF','5OFF'])",
        "any(coupon.id,'10OFF')",
        "any(coupon.id,['10OFF'])",
        "equals(status,'USED')",
        "equals(status,'SPENT')",
        "greater-than(expires_at,2024-01-01T00:00:00Z)",
        "equals(expires_at,2024-01-01T00:00:00Z)",
    ):
        response = client.get("/api/coupon-codes", headers=HEADERS, params={"filter": text})
        refused = response.status_code == 400
        assert refused == bool(query_problems(api, profile, op, [SentValue("filter", text)])), text
        assert response.status_code in (200, 400), response.text
        verdicts.append(refused)
    assert verdicts == [False, False, True, False, False, True, False, True]


def test_seeded_profiles_carry_the_spec_example_email_tagged(client: TestClient) -> None:
    """Realistic, distinct, and never the example itself, which a generated collection's create sends."""
    listed = client.get("/api/profiles", headers=HEADERS, params={"page[size]": "100"}).json()["data"]
    emails = [profile["attributes"]["email"] for profile in listed]
    assert emails[:2] == ["sarah.mason+1@klaviyo-demo.com", "sarah.mason+2@klaviyo-demo.com"]
    assert len(set(emails)) == len(emails)


def test_a_204_whose_spec_shows_a_body_still_sends_none(tmp_path: Path) -> None:
    """HTTP forbids a body on 204: a spec documenting one (an example under a 204) gets none."""
    spec = tmp_path / "odd.json"
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.0.3",
                "info": {"title": "Odd", "version": "1"},
                "paths": {
                    "/api/ping": {
                        "get": {
                            "responses": {
                                "204": {
                                    "description": "pong",
                                    "content": {
                                        "application/json": {
                                            "schema": {"type": "object", "example": {"pong": True}}
                                        }
                                    },
                                }
                            }
                        }
                    }
                },
            }
        )
    )
    app = create_app(
        load_api(str(spec)),
        keys=keys_from_data({"keys": {KEY: {"name": "x"}}}, "keys"),
        data_dir=None,
        recorder=MemoryRecorder(),
    )
    with TestClient(app, base_url="http://127.0.0.1") as odd:
        response = odd.get("/api/ping")
    assert (response.status_code, response.content) == (204, b"")
