"""validate --spec and the sandbox judge a request's Content-Type the same way: what validate calls a mismatch
the sandbox answers 415, and what the sandbox accepts (201) validate does not report."""

from __future__ import annotations

import json

import pytest

from postman_kit.collection import Body, Header, Request, Url
from postman_kit.conformance import RequestChecker
from postman_kit.openapi import Api, load_api
from postman_kit.profiles import detect_profile
from postman_kit.sandbox.keys import keys_from_data
from postman_kit.sandbox.service import Incoming, Sandbox
from tests.tools import CORPUS, EXAMPLE_SPEC

KEY = "pk_" + "d" * 34
CONTENT_TYPES = ("application/vnd.api+json", "application/json", "application/json; charset=utf-8",
                 "application/vnd.api+json;charset=UTF-8", "text/plain", "application/x-www-form-urlencoded")


def judgements(api: Api, path: str, attributes: dict) -> dict[str, tuple[bool, int]]:
    """Content-Type → (validate reports content-type-mismatch, the sandbox's status) for one create request."""
    checker = RequestChecker(api, detect_profile(api))
    found: dict[str, tuple[bool, int]] = {}
    for number, content_type in enumerate(CONTENT_TYPES):
        sandbox, headers = sandbox_and_headers(api, content_type)
        body = json.dumps({"data": {"type": "profile", "attributes": {**attributes,
                                                                      "email": f"same{number}@example.com"}}})
        request = Request(method="POST", url=Url(host=["{{baseUrl}}"], path=path.strip("/").split("/")),
                          header=[Header("Content-Type", content_type)], body=Body(mode="raw", raw=body))
        mismatch = any(p.code == "content-type-mismatch" for p in checker.check(request))
        outcome = sandbox.serve(Incoming("POST", path, {}, headers, body.encode()))
        found[content_type] = (mismatch, outcome.status)
    return found


def assert_agree(found: dict[str, tuple[bool, int]]) -> None:
    for content_type, (mismatch, status) in found.items():
        assert mismatch == (status == 415), (content_type, mismatch, status)
    assert found["application/json"] == (False, 201)
    assert found["text/plain"] == (True, 415)


def test_validate_and_the_sandbox_agree_on_the_example_api() -> None:
    assert_agree(judgements(load_api(str(EXAMPLE_SPEC)), "/api/profiles", {}))


def klaviyo_2026_07_15() -> Api:
    spec = CORPUS / "klaviyo" / "stable" / "2026-07-15.json"
    if not spec.is_file():
        pytest.skip("../shared/corpus is absent")
    return load_api(str(spec))


def sandbox_and_headers(api: Api, content_type: str) -> tuple[Sandbox, dict[str, str]]:
    sandbox = Sandbox(api, keys_from_data({"keys": {KEY: {"name": "t"}}}, "keys"), None, rate_limits=False)
    return sandbox, {"authorization": f"Klaviyo-API-Key {KEY}", "revision": sandbox.revision,
                     "content-type": content_type}


@pytest.mark.corpus
def test_validate_and_the_sandbox_agree_on_klaviyo_2026_07_15() -> None:
    assert_agree(judgements(klaviyo_2026_07_15(), "/api/profiles", {}))


@pytest.mark.corpus
def test_the_multipart_upload_klaviyo_documents_is_not_refused() -> None:
    api = klaviyo_2026_07_15()
    upload = next(op for op in api.operations if op.request_body is not None
                  and any(m.media_type.startswith("multipart/") for m in op.request_body.content))
    sandbox, headers = sandbox_and_headers(api, "multipart/form-data; boundary=x")
    outcome = sandbox.serve(Incoming(upload.method, upload.path, {}, headers,
                                     b'--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nGIF89a\r\n--x--\r\n'))
    assert outcome.status not in (400, 415), outcome.document
