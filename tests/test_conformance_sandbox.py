"""validate --spec and the sandbox judge a request's Content-Type the same way: what validate calls a mismatch
the sandbox answers 415, and what the sandbox accepts (201) validate does not report."""

from __future__ import annotations

import json

import pytest

from postman_kit.collection import Body, Header, Request, Url, parse_raw_url
from postman_kit.conformance import RequestChecker
from postman_kit.openapi import Api, load_api
from postman_kit.profiles import detect_profile
from postman_kit.sandbox.keys import keys_from_data
from postman_kit.sandbox.service import Incoming, Sandbox
from tests.tools import CORPUS, EXAMPLE_SPEC

KEY = "pk_" + "d" * 34
CONTENT_TYPES = (
    "application/vnd.api+json",
    "application/json",
    "application/json; charset=utf-8",
    "application/vnd.api+json;charset=UTF-8",
    "text/plain",
    "application/x-www-form-urlencoded",
)


def judgements(api: Api, path: str, attributes: dict) -> dict[str, tuple[bool, int]]:
    """Content-Type → (validate reports content-type-mismatch, the sandbox's status) for one create request."""
    checker = RequestChecker(api, detect_profile(api))
    found: dict[str, tuple[bool, int]] = {}
    for number, content_type in enumerate(CONTENT_TYPES):
        sandbox, headers = sandbox_and_headers(api, content_type)
        body = json.dumps(
            {"data": {"type": "profile", "attributes": {**attributes, "email": f"same{number}@example.com"}}}
        )
        request = Request(
            method="POST",
            url=Url(host=["{{baseUrl}}"], path=path.strip("/").split("/")),
            header=[Header("Content-Type", content_type)],
            body=Body(mode="raw", raw=body),
        )
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
    return sandbox, {
        "authorization": f"Klaviyo-API-Key {KEY}",
        "revision": sandbox.revision,
        "content-type": content_type,
    }


@pytest.mark.corpus
def test_validate_and_the_sandbox_agree_on_klaviyo_2026_07_15() -> None:
    assert_agree(judgements(klaviyo_2026_07_15(), "/api/profiles", {}))


@pytest.mark.corpus
def test_the_multipart_upload_klaviyo_documents_is_not_refused() -> None:
    api = klaviyo_2026_07_15()
    upload = next(
        op
        for op in api.operations
        if op.request_body is not None
        and any(m.media_type.startswith("multipart/") for m in op.request_body.content)
    )
    sandbox, headers = sandbox_and_headers(api, "multipart/form-data; boundary=x")
    outcome = sandbox.serve(
        Incoming(
            upload.method,
            upload.path,
            {},
            headers,
            b'--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nGIF89a\r\n--x--\r\n',
        )
    )
    assert outcome.status not in (400, 415), outcome.document


# -- one judgement: every kind of request fault, judged by validate --spec and answered by the sandbox -----
# (method, path, query, revision or None for none, body or None): each valid, or wrong in one way
GOOD_PROFILE = {"data": {"type": "profile", "attributes": {"email": "agree@example.com"}}}
SHARED_CASES = [
    ("GET", "/api/profiles", {}, "2026-07-15", None),
    ("GET", "/api/profiles", {"page[size]": "50", "sort": "-created"}, "2026-07-15", None),
    ("GET", "/api/profiles", {"fields[profile]": "email,created"}, "2026-07-15", None),
    ("GET", "/api/profiles", {"filter": "greater-than(created,2023-08-10T23:00:00Z)"}, "2026-07-15", None),
    ("GET", "/api/profiles", {"sort": "colour"}, "2026-07-15", None),  # outside the enum
    ("GET", "/api/profiles", {"fields[profile]": "email,emial"}, "2026-07-15", None),  # an array item
    ("GET", "/api/profiles", {"page[size]": "500"}, "2026-07-15", None),  # out of range
    ("GET", "/api/profiles", {"page[size]": "ten"}, "2026-07-15", None),  # not a number
    ("GET", "/api/profiles", {"page[size]": "1.5"}, "2026-07-15", None),  # not an integer
    ("GET", "/api/profiles", {"filter": "equals(created"}, "2026-07-15", None),  # does not parse
    ("GET", "/api/profiles", {"filter": "equals(colour,'red')"}, "2026-07-15", None),  # field not allowed
    ("GET", "/api/profiles", {"colour": "red"}, "2026-07-15", None),  # unknown parameter
    ("GET", "/api/profiles", {}, "10-15-2023", None),  # not a revision
    ("GET", "/api/profiles", {}, "2026-02-30", None),  # no such date
    ("GET", "/api/profiles", {}, None, None),  # required header left out
    ("POST", "/api/profiles", {}, "2026-07-15", GOOD_PROFILE),
    ("POST", "/api/profiles", {}, "2026-07-15", ""),  # required body left out
    ("POST", "/api/profiles", {}, "2026-07-15", "{not json"),
    ("POST", "/api/profiles", {}, "2026-07-15", {"data": {"type": "profile", "attributes": {"email": 7}}}),
    ("POST", "/api/profiles", {}, "2026-07-15", {"data": {"attributes": {}}}),  # required member left out
]
KLAVIYO_CASES = [
    ("GET", "/api/mapped-metrics/revenue", {}, "2026-07-15", None),
    ("GET", "/api/mapped-metrics/profit", {}, "2026-07-15", None),  # a path value outside its enum
    ("GET", "/api/profiles", {"include": "push-tokens,lists"}, "2026-07-15", None),
    # the spec's own example
    ("GET", "/api/coupon-codes", {"filter": "equals(coupon.id,'10OFF')"}, "2026-07-15", None),
    ("GET", "/api/coupon-codes", {"filter": "any(coupon.id,'10OFF')"}, "2026-07-15", None),
    (
        "POST",
        "/api/profiles",
        {},
        "2026-07-15",
        {
            "data": {"type": "profile", "attributes": {"email": "dates@example.com"}},
            "meta": {"patch_properties": {"append": {"signed_up": "AAA"}}},
        },
    ),
    (
        "POST",
        "/api/coupon-codes",
        {},
        "2026-07-15",
        {
            "data": {
                "type": "coupon-code",
                "attributes": {"unique_code": "X1", "expires_at": "AAA"},
                "relationships": {"coupon": {"data": {"type": "coupon", "id": "10OFF"}}},
            }
        },
    ),  # not a date-time
]


Verdict = tuple[str, list[str], str, int, str]


def verdicts(api: Api, cases: list[tuple]) -> list[Verdict]:
    """Each case as (what it is, validate's problem codes, its first message, the sandbox's status, the
    sandbox's error detail)."""
    checker = RequestChecker(api, detect_profile(api))
    found = []
    for method, path, query, revision, body in cases:
        sandbox, headers = sandbox_and_headers(api, "application/vnd.api+json")
        text = body if isinstance(body, str) else json.dumps(body) if body is not None else ""
        sent = (
            {**headers, "revision": revision}
            if revision is not None
            else {k: v for k, v in headers.items() if k != "revision"}
        )
        saved = Request(
            method=method,
            url=parse_raw_url(
                "{{baseUrl}}" + path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
            ),
            header=[Header(k, v) for k, v in sent.items() if k != "authorization"],
            body=Body(mode="raw", raw=text) if text else None,
        )
        problems = checker.check(saved)
        outcome = sandbox.serve(Incoming(method, path, dict(query), sent, text.encode()))
        error = (outcome.document or {}).get("errors", [{}])[0] if outcome.status >= 400 else {}
        found.append(
            (
                f"{method} {path} {query} {revision} {text[:60]}",
                [p.code for p in problems],
                problems[0].message if problems else "",
                outcome.status,
                error.get("detail", ""),
            )
        )
        sandbox.close()
    return found


def assert_one_judgement(found: list[Verdict]) -> list[list[str]]:
    """A request validate finds nothing wrong with is answered (2xx); one it reports is refused with 400,
    or 415 for a Content-Type, and the sandbox's error says what validate's first finding says (JSON that
    does not parse aside: each names its own parser's reason). Returns each case's first problem code."""
    for case, codes, message, status, detail in found:
        if not codes:
            assert 200 <= status < 300, (case, status, detail)
            continue
        assert status == (415 if codes[0] == "content-type-mismatch" else 400), (case, codes, status, detail)
        if codes[0] != "invalid-json-body":
            assert detail == message, case
    return [codes[:1] for _, codes, _, _, _ in found]


def test_validate_and_the_sandbox_judge_every_fault_alike_on_the_example_api() -> None:
    first_codes = assert_one_judgement(verdicts(load_api(str(EXAMPLE_SPEC)), SHARED_CASES))
    assert first_codes == [
        [],
        [],
        [],
        [],
        ["invalid-enum-value"],
        ["invalid-enum-value"],
        ["out-of-range"],
        ["invalid-number"],
        ["invalid-number"],
        ["filter-syntax"],
        ["filter-not-allowed"],
        ["unknown-query-param"],
        ["invalid-revision-header"],
        ["invalid-revision-header"],
        ["missing-header"],
        [],
        ["missing-body"],
        ["invalid-json-body"],
        ["body-schema"],
        ["body-schema"],
    ]


@pytest.mark.corpus
def test_validate_and_the_sandbox_judge_every_fault_alike_on_klaviyo_2026_07_15() -> None:
    found = verdicts(klaviyo_2026_07_15(), SHARED_CASES + KLAVIYO_CASES)
    first_codes = assert_one_judgement(found)
    assert first_codes[len(SHARED_CASES) :] == [
        [],
        ["invalid-enum-value"],
        ["invalid-enum-value"],
        [],
        ["filter-not-allowed"],
        [],
        ["body-schema"],
    ]
    detail = found[len(SHARED_CASES) + 1][4]
    assert "`id` does not accept `profit`" in detail and "revenue" in detail
