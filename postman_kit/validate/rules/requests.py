"""request: saved requests against the spec (with --spec) — one rule per conformance problem code."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from postman_kit.collection import without_json_comments
from postman_kit.conformance import Problem, RequestChecker, other_host
from postman_kit.examples import ExampleBuilder
from postman_kit.profiles import KLAVIYO
from postman_kit.routing import RouteMatch
from postman_kit.validate.model import Hit, Severity
from postman_kit.validate.registry import CheckFunction, rule
from postman_kit.validate.target import ItemRef, Target

# code → (summary, why); the codes are postman_kit.conformance's stable problem ids.
PROBLEM_RULES: dict[str, tuple[str, str]] = {
    "other-host": (
        "A request to a host none of the spec's servers names is not checked against the spec.",
        "A fork holds the user's calls to other services (a webhook relay); their paths are not this API's.",
    ),
    "unknown-path": (
        "The request's path exists in the spec's revision.",
        "A path that no longer exists answers 404 at run time.",
    ),
    "method-not-allowed": (
        "The path supports the request's method.",
        "The API answers 405 Method Not Allowed.",
    ),
    "empty-path-variable": ("Every path variable (`:id`) has a value.", "An empty id calls the wrong URL."),
    "unknown-query-param": (
        "Every query parameter is one the operation knows.",
        "Unknown parameters are rejected with 400, often after a typo.",
    ),
    "missing-query-param": ("Required query parameters are present.", "The API answers 400."),
    "invalid-enum-value": (
        (
            "`fields[type]`, `sort`, `include`, `additional-fields[type]` and other enumerated "
            "parameters use allowed values."
        ),
        "A misspelled field is rejected with 400.",
    ),
    "invalid-number": ("Numeric parameters hold numbers.", "The API answers 400."),
    "out-of-range": (
        "`page[size]` and other bounded parameters are within their bounds.",
        "The API answers 400.",
    ),
    "pattern-mismatch": (
        "Path parameters with a `pattern` hold values that match it.",
        "A malformed id (Twilio's `CA` and 32 hex digits) answers 404 or 400.",
    ),
    "filter-syntax": (
        "`filter` parses with the filter grammar.",
        "An unparsable filter is rejected with 400.",
    ),
    "filter-not-allowed": (
        "Every filter field, operator and value type is allowed for the operation.",
        "Filters are allowed per field and operator; anything else is rejected with 400.",
    ),
    "missing-header": ("Required headers are present.", "The API answers 400."),
    "missing-body": ("Operations that need a body are sent one.", "The API answers 400."),
    "content-type-mismatch": ("Content-Type is one the operation accepts.", "The API answers 415."),
    "invalid-json-body": ("The JSON body parses.", "A malformed body is rejected with 400."),
    "body-schema": ("The JSON body validates against the request schema.", "The API answers 400 or 422."),
}
OTHER = "other"
# Codes of one profile's conventions (its filter grammar): their rules run only on that API's collections.
PROFILE_CODES = {"filter-syntax": KLAVIYO.name, "filter-not-allowed": KLAVIYO.name}


def request_checker(target: Target) -> RequestChecker | None:
    """One checker per target (its route index and schema validators are built once), shared by the rules."""
    return target.checker


def request_problems(target: Target) -> list[tuple[ItemRef, Problem]]:
    """Every saved request checked once against the spec; the rules below each report their own code."""
    if "request-problems" not in target.memo:
        found: list[tuple[ItemRef, Problem]] = []
        checker = request_checker(target)
        if checker is not None:
            for ref in target.items:
                elsewhere = other_host(ref.item.request, checker.api)
                if elsewhere is not None:
                    found.append((ref, elsewhere))
                    continue
                found.extend((ref, problem) for problem in checker.check(ref.item.request, target.variables))
        target.memo["request-problems"] = found
    return target.memo["request-problems"]


def _check_for(code: str) -> CheckFunction:
    def check(target: Target) -> Iterator[Hit]:
        for ref, problem in request_problems(target):
            known = problem.code in PROBLEM_RULES
            if problem.code == code or (code == OTHER and not known):
                if problem.code == "body-schema" and _documented_example(target, ref):
                    yield Hit(
                        "the spec's own example for this request does not match its schema: "
                        + problem.message.removeprefix("body does not match the request schema at "),
                        ref.pointer + "/request" + problem.pointer,
                        ref.path,
                        severity=Severity.INFO,
                    )
                    continue
                yield Hit(
                    problem.message,
                    ref.pointer + "/request" + problem.pointer,
                    ref.path,
                    severity=_severity(problem.severity),
                )

    check.__name__ = code.replace("-", "_")
    return check


def _documented_example(target: Target, ref: ItemRef) -> bool:
    """The request is one of the API's own, generated with the body the spec documents for it (PagerDuty's
    examples leave out fields its schemas require): what the body lacks is the spec's to mend, so it is told as
    information, not held against the collection. A copy the user saved is judged in full."""
    if id(ref.item) not in target.generated_ids:
        return False
    checker, body = target.checker, ref.item.request.body
    if checker is None or body is None or body.mode not in ("raw", "urlencoded"):
        return False
    route = checker.route(ref.item.request)
    request_body = route.operation.request_body if isinstance(route, RouteMatch) else None
    media = request_body.preferred if request_body is not None else None
    if media is None or not isinstance(media.example, dict | list):
        return False

    def mended() -> Any:
        # as generate sends it: placeholders mended, optional readOnly fields left out; built only where the
        # example as written is not what was sent, one builder per target (its index of the spec's property
        # examples is built on first use)
        if "request-examples" not in target.memo:
            target.memo["request-examples"] = ExampleBuilder(checker.api.document, "request")
        return target.memo["request-examples"].mended(media.schema, media.example)

    if body.mode == "urlencoded":
        # a form the spec documents (Bolt's OAuth token request), its fields as generate writes them; imported
        # here: `validate` loads no generator for collections without one (test_generate_validation)
        from postman_kit.generation.serialize import form_pairs

        sent_fields = [
            (str(f.get("key")), str(f.get("value")))
            for f in body.urlencoded
            if isinstance(f, dict) and not f.get("disabled")
        ]
        return sent_fields == form_pairs(media.example, media.encoding) or sent_fields == form_pairs(
            mended(), media.encoding
        )
    try:
        sent = json.loads(without_json_comments(body.raw or ""))
    except ValueError:
        return False
    return bool(sent == media.example or sent == mended())


def _severity(name: str) -> Severity | None:
    try:
        return Severity.parse(name)
    except ValueError:
        return None


def _register(code: str, summary: str, why: str) -> Callable[..., Iterator[Hit]]:
    return rule(
        f"request/{code}", Severity.ERROR, summary, why, needs_spec=True, profile=PROFILE_CODES.get(code)
    )(_check_for(code))


for _code, (_summary, _why) in PROBLEM_RULES.items():
    _register(_code, _summary, _why)
_register(OTHER, "Any other way a saved request does not fit the spec.", "The API would reject the request.")
