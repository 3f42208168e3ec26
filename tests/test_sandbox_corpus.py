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
    return Sandbox(
        load_api(str(spec)),
        keys_from_data({"keys": {KEY: {"name": "corpus"}}}, "keys"),
        None,
        rate_limits=False,
    )


def call(sandbox: Sandbox, method: str, path: str, body: dict | None = None, **query: str) -> Outcome:
    headers = {
        "authorization": f"Klaviyo-API-Key {KEY}",
        "revision": sandbox.revision,
        "content-type": "application/vnd.api+json",
    }
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
        op = next(
            (
                op
                for op in sandbox.api.operations
                if op.method == "GET"
                and "{" not in op.path
                and op.path.startswith("/api/")
                and not any(p.required for p in op.params_in("query"))
            ),
            None,
        )
        if op is None:  # a beta holding only client endpoints or item paths
            continue
        checked += 1
        assert call(sandbox, "GET", op.path).status != 400, spec.name  # the .pre revision header is accepted
        stable_revision = sandbox.revision.removesuffix(".pre")
        refused = sandbox.serve(
            Incoming(
                "GET", op.path, {}, {"authorization": f"Klaviyo-API-Key {KEY}", "revision": stable_revision}
            )
        )
        assert refused.status == 400 and "beta" in refused.document["errors"][0]["detail"]
    assert checked >= len(betas) // 2


def test_the_multipart_image_upload_the_spec_documents_is_accepted() -> None:
    """Upload Image documents multipart/form-data with a binary `file` part; any other non-JSON type is 415."""
    spec = CORPUS / "klaviyo" / "stable" / "2026-07-15.json"
    if not spec.exists():
        pytest.skip("../shared/corpus is absent")
    sandbox = sandbox_for(spec)
    boundary = "kit-boundary"
    form = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="logo.png"\r\n'
        f"Content-Type: image/png\r\n\r\n\x89PNG\r\n--{boundary}\r\n"
        f'Content-Disposition: form-data; name="name"\r\n\r\nlogo\r\n--{boundary}--\r\n'
    ).encode("latin-1")
    headers = {
        "authorization": f"Klaviyo-API-Key {KEY}",
        "revision": sandbox.revision,
        "content-type": f"multipart/form-data; boundary={boundary}",
    }
    uploaded = sandbox.serve(Incoming("POST", "/api/image-upload", {}, headers, form))
    assert uploaded.status in (200, 201, 202), uploaded.document
    as_csv = sandbox.serve(
        Incoming("POST", "/api/image-upload", {}, {**headers, "content-type": "text/csv"}, b"a,b")
    )
    assert as_csv.status == 415
