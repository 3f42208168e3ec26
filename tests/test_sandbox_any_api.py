"""The sandbox serves any API, not only Klaviyo's: it takes a sandbox key wherever the spec's security schemes put
a credential, and answers in the media type the operation documents, so another vendor's generated collection
runs against it as it would against the real API."""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from postman_kit.openapi import load_api
from postman_kit.sandbox.keys import keys_from_data
from postman_kit.sandbox.service import Incoming, Outcome, Sandbox
from tests.support.generate import minimal_spec, write_spec
from tests.support.sandbox import FULL_KEY, generated_collection, running_sandbox
from tests.tools import CORPUS, newman_path, require_corpus

SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer"},
    "basic": {"type": "http", "scheme": "basic"},
    "oauth": {
        "type": "oauth2",
        "flows": {"clientCredentials": {"tokenUrl": "https://auth.example.test/token", "scopes": {}}},
    },
    "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://auth.example.test/.well-known/openid"},
    "queryKey": {"type": "apiKey", "in": "query", "name": "api_key"},
    "cookieKey": {"type": "apiKey", "in": "cookie", "name": "session"},
    "headerKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
}
OK_JSON = {
    "200": {
        "description": "OK",
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"ok": {"type": "boolean", "example": True}}}
            }
        },
    }
}


def operation(scheme: str | None) -> dict[str, Any]:
    security = [{scheme: []}] if scheme else [{}, {"bearer": []}]
    return {"get": {"summary": f"Get {scheme}", "security": security, "responses": OK_JSON}}


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Sandbox:
    paths = {f"/{name}": operation(name) for name in SCHEMES} | {"/optional": operation(None)}
    spec = write_spec(
        tmp_path_factory.mktemp("spec"), minimal_spec(paths, components={"securitySchemes": SCHEMES})
    )
    keys = keys_from_data({"keys": {FULL_KEY: {"name": "ci"}}}, "keys")
    return Sandbox(load_api(str(spec)), keys, None, rate_limits=False)


def call(sandbox: Sandbox, path: str, headers: dict[str, str] | None = None, **query: str) -> Outcome:
    return sandbox.serve(Incoming("GET", path, query, {k.lower(): v for k, v in (headers or {}).items()}))


def basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.mark.parametrize(
    ("path", "sent"),
    [
        ("/bearer", {"headers": {"Authorization": f"Bearer {FULL_KEY}"}}),
        ("/oauth", {"headers": {"Authorization": f"bearer {FULL_KEY}"}}),
        ("/oidc", {"headers": {"Authorization": f"Bearer {FULL_KEY}"}}),
        ("/basic", {"headers": basic(FULL_KEY, "")}),  # Stripe: the key is the user name
        ("/basic", {"headers": basic("AC0123", FULL_KEY)}),  # Twilio: the account, then the key as password
        ("/queryKey", {"api_key": FULL_KEY}),
        ("/cookieKey", {"headers": {"Cookie": f"theme=dark; session={FULL_KEY}"}}),
        ("/headerKey", {"headers": {"X-Api-Key": FULL_KEY}}),
        ("/optional", {}),  # `security: [{}, …]`: no credential is fine
        ("/optional", {"headers": {"Authorization": f"Bearer {FULL_KEY}"}}),
    ],
)
def test_a_sandbox_key_is_taken_wherever_the_scheme_puts_a_credential(
    sandbox: Sandbox, path: str, sent: dict[str, Any]
) -> None:
    outcome = call(sandbox, path, **sent)
    assert outcome.status == 200, outcome.document
    assert outcome.document == {"ok": True}
    assert outcome.media_type == "application/json"  # as documented, not JSON:API
    if path != "/optional" or sent:
        assert outcome.source == "ci"  # the call is the key's, for its logs and rate limits


@pytest.mark.parametrize(
    ("path", "headers", "says"),
    [
        ("/bearer", {}, "as the Bearer token"),
        ("/bearer", {"Authorization": "Bearer pk_not_a_sandbox_key_at_all_0000"}, "as the Bearer token"),
        ("/bearer", {"Authorization": f"Basic {FULL_KEY}"}, "as the Bearer token"),
        ("/oauth", {"X-Api-Key": FULL_KEY}, "as the Bearer token"),
        ("/basic", basic("someone", "wrong"), "Basic user name or password"),
        ("/basic", {"Authorization": "Basic not base64!"}, "Basic user name or password"),
        ("/headerKey", {"Authorization": f"Bearer {FULL_KEY}"}, "private key"),
        ("/cookieKey", {"Cookie": "session"}, "private key"),
    ],
)
def test_a_missing_or_unknown_credential_is_401_saying_where_the_key_goes(
    sandbox: Sandbox, path: str, headers: dict[str, str], says: str
) -> None:
    outcome = call(sandbox, path, headers)
    assert outcome.status == 401
    assert says in outcome.document["errors"][0]["detail"]
    assert outcome.media_type == "application/vnd.api+json"


@pytest.mark.newman
def test_train_travel_s_collection_passes_its_contract_tests_against_the_sandbox(tmp_path: Path) -> None:
    """Train Travel (../shared/corpus, OAuth 2.0, `application/json`): every generated request, with the sandbox's
    key as the OAuth token the collection sends, passes its status, media type and schema tests."""
    require_corpus()
    newman = newman_path()
    spec = CORPUS / "real-world" / "train-travel" / "openapi.yaml"
    collection = generated_collection(str(spec), tmp_path / "out")
    report = tmp_path / "report.json"
    with running_sandbox(load_api(str(spec)), tmp_path / "data", rate_limits=False) as base_url:
        command = [newman, "run", str(collection), "--env-var", f"baseUrl={base_url}"]
        command += ["--env-var", f"oauth2AccessToken={FULL_KEY}", "--reporters", "json"]
        subprocess.run(
            [*command, "--reporter-json-export", str(report)], check=False, capture_output=True, timeout=300
        )
    run = json.loads(report.read_text())["run"]
    codes = [execution["response"]["code"] for execution in run["executions"]]
    assert len(codes) == 7 and all(200 <= code < 300 for code in codes), codes
    failed = [a["assertion"] for e in run["executions"] for a in e.get("assertions", []) if a.get("error")]
    assert failed == []
    assert run["stats"]["assertions"]["total"] >= 19


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        ("/basic", {"Authorization": "Basic éé"}, 401),  # not base64: a 401, not a 500
        ("/basic", {"Authorization": "Basic " + base64.b64encode(b"\xff\xfe:x").decode()}, 401),
        (
            "/cookieKey",
            {"Cookie": f"flag; theme=a b; session={FULL_KEY}"},
            200,
        ),  # a pair a strict parser refuses
    ],
)
def test_malformed_credentials_cost_only_themselves(
    sandbox: Sandbox, path: str, headers: dict[str, str], status: int
):
    assert call(sandbox, path, headers).status == status


def test_a_form_body_the_operation_takes_is_read_as_a_form(tmp_path: Path) -> None:
    """Traccar's session and password operations take only `application/x-www-form-urlencoded`: the sandbox
    read every body as JSON and answered 400 "not valid JSON" to the very form generate writes and validate
    passes. Read as validate reads it (types from the schema, Stripe's bracketed keys), a form missing a required
    field is still a 400."""
    form = {
        "type": "object",
        "required": ["email", "password"],
        "properties": {
            "email": {"type": "string", "format": "email"},
            "password": {"type": "string"},
            "remember": {"type": "boolean"},
            "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
    body = {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": form}}}
    created = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}
    spec = write_spec(
        tmp_path,
        minimal_spec(
            {"/session": {"post": {"summary": "Log in", "requestBody": body, "responses": created}}}
        ),
    )
    sandbox = Sandbox(load_api(str(spec)), keys_from_data({"keys": {FULL_KEY: {"name": "ci"}}}, "keys"), None)

    def post(text: str) -> Outcome:
        headers = {"content-type": "application/x-www-form-urlencoded"}
        return sandbox.serve(Incoming("POST", "/session", {}, headers, text.encode()))

    accepted = post("email=a%40example.com&password=s3cret&remember=true&metadata%5Bteam%5D=ops")
    assert accepted.status == 200, accepted.document
    refused = post("email=a%40example.com&remember=true")
    assert refused.status == 400 and "password" in json.dumps(refused.document)
    assert post("email=a%40example.com&password=x&remember=maybe").status == 400


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "FOO", "get"])
def test_a_method_no_route_takes_is_the_api_s_405_and_recorded(tmp_path: Path, method: str) -> None:
    """TRACE, PROPFIND, an unknown word or a lower-case `get` were answered by the web framework: plain text, an
    Allow header of all seven methods in another order each run, no call id and no call in the logs."""
    import http.client
    from urllib.parse import urlsplit

    from postman_kit.calls import MemoryRecorder

    paths = {
        "/things": {
            "get": {"summary": "List", "responses": OK_JSON},
            "post": {"summary": "Add", "responses": OK_JSON},
        }
    }
    spec = write_spec(tmp_path, minimal_spec(paths))
    recorder = MemoryRecorder()
    with running_sandbox(load_api(str(spec)), tmp_path / "data", recorder=recorder) as base:
        address = urlsplit(base)
        connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
        connection.request(method, "/things", headers={"Authorization": f"Bearer {FULL_KEY}"})
        response = connection.getresponse()
        document = json.loads(response.read())
        connection.close()
    assert response.status == 405
    assert response.getheader("Content-Type") == "application/vnd.api+json"
    assert response.getheader("Allow") == "GET, POST"
    assert document["errors"][0]["code"] == "method_not_allowed"
    assert response.getheader("x-call-id") and [call.method.upper() for call in recorder.calls] == [
        method.upper()
    ]
