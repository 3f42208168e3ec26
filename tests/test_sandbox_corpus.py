"""The sandbox serves every Klaviyo revision in the corpus: old trailing-slash paths, new ones, and the betas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postman_kit.openapi import load_api
from postman_kit.sandbox.keys import keys_from_data
from postman_kit.sandbox.service import Incoming, Outcome, Sandbox
from postman_kit.schema_validation import SchemaChecker
from tests.tools import CORPUS, klaviyo_specs

KEY = "pk_" + "c" * 34
pytestmark = pytest.mark.corpus


def sandbox_for(spec: Path) -> Sandbox:
    return Sandbox(load_api(str(spec)), keys_from_data({"keys": {KEY: {"name": "corpus"}}}, "keys"), None,
                   rate_limits=False)


def call(sandbox: Sandbox, method: str, path: str, body: dict | None = None, **query: str) -> Outcome:
    headers = {"authorization": f"Klaviyo-API-Key {KEY}", "revision": sandbox.revision,
               "content-type": "application/vnd.api+json"}
    return sandbox.serve(Incoming(method, path, query, headers, json.dumps(body).encode() if body else b""))


@pytest.mark.parametrize("spec", klaviyo_specs("stable") or [CORPUS / "absent"], ids=lambda p: p.stem)
def test_every_stable_revision_serves_profiles_with_klaviyos_errors(spec: Path) -> None:
    if not spec.exists():
        pytest.skip("../shared/corpus is absent")
    sandbox = sandbox_for(spec)
    api = sandbox.api
    slash = "/" if api.operation("POST", "/api/profiles/") else ""
    body = {"data": {"type": "profile", "attributes": {"email": "corpus@example.com"}}}
    created = call(sandbox, "POST", "/api/profiles" + slash, body)
    assert created.status == 201, created.document
    schema = api.operation("POST", "/api/profiles" + slash).success_responses[0].preferred.schema
    assert SchemaChecker(api.document, api.openapi_version).errors(schema, created.document) == []
    profile_id = created.document["data"]["id"]
    # the same endpoint is reached with and without the trailing slash
    for path in (f"/api/profiles/{profile_id}", f"/api/profiles/{profile_id}/"):
        assert call(sandbox, "GET", path).status == 200
    assert call(sandbox, "POST", "/api/profiles", body).document["errors"][0]["code"] == "conflict"
    assert call(sandbox, "GET", "/api/profiles/NOPE").status == 404
    assert call(sandbox, "DELETE", "/api/events").document["errors"][0]["code"] == "method_not_allowed"
    bad = call(sandbox, "GET", "/api/profiles", filter="equals(shoe_size,'44')")
    assert bad.status == 400 and bad.document["errors"][0]["source"] == {"parameter": "filter"}
    found = call(sandbox, "GET", "/api/profiles", filter="equals(email,'corpus@example.com')")
    assert [p["id"] for p in found.document["data"]] == [profile_id]


def test_beta_revisions_are_served_under_their_pre_release_revision() -> None:
    betas = klaviyo_specs("beta")
    if not betas:
        pytest.skip("../shared/corpus is absent")
    checked = 0
    for spec in betas:
        sandbox = sandbox_for(spec)
        assert sandbox.revision.endswith(".pre")
        op = next((op for op in sandbox.api.operations if op.method == "GET" and "{" not in op.path
                   and op.path.startswith("/api/") and not any(p.required for p in op.params_in("query"))), None)
        if op is None:  # a beta holding only client endpoints or item paths
            continue
        checked += 1
        assert call(sandbox, "GET", op.path).status != 400, spec.name  # the .pre revision header is accepted
        stable_revision = sandbox.revision.removesuffix(".pre")
        refused = sandbox.serve(Incoming("GET", op.path, {}, {"authorization": f"Klaviyo-API-Key {KEY}",
                                                               "revision": stable_revision}))
        assert refused.status == 400 and "beta" in refused.document["errors"][0]["detail"]
    assert checked >= len(betas) // 2
