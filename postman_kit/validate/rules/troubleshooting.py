"""troubleshooting: the 401/403/404/405/409 examples are there and say what their status says."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from postman_kit.error_kinds import ERROR_KINDS, expected_statuses
from postman_kit.profiles import KLAVIYO
from postman_kit.routing import RouteMatch
from postman_kit.validate.model import Hit, Severity
from postman_kit.validate.registry import rule
from postman_kit.validate.rules.requests import request_checker
from postman_kit.validate.schemas import json_pointer, schema_errors
from postman_kit.validate.target import Target


@rule(
    "troubleshooting/missing-example",
    Severity.INFO,
    "Each request has the troubleshooting examples that apply to it (401, 403, 404, 405, 409).",
    "The examples show what a wrong key, a missing scope, a bad id, a wrong method or a duplicate look like "
    "before a user meets them.",
    needs_spec=True,
)
def missing_example(target: Target) -> Iterator[Hit]:
    if target.profile.error_examples != "troubleshooting":
        return  # under other profiles generate saves the spec's own documented errors, not this set
    checker = request_checker(target)
    if target.api is None or checker is None:
        return
    for ref in target.own_items:  # requests users saved keep the examples they chose
        found = checker.route(ref.item.request)
        if not isinstance(found, RouteMatch):
            continue
        present = {example.code for example in ref.item.response}
        missing = [
            s for s in expected_statuses(target.api, found.operation, target.profile) if s not in present
        ]
        if missing:
            listed = ", ".join(str(s) for s in missing)
            yield Hit(
                f"no troubleshooting example for {listed}; regenerate with `postman-kit generate` to add "
                "them",
                ref.pointer + "/response",
                ref.path,
            )


@rule(
    "troubleshooting/error-body",
    Severity.ERROR,
    "Each troubleshooting example's body is a JSON:API error document (schemas/error-document.schema.json).",
    "Users and tests read `errors[0].code` and `detail`; a body of another shape teaches the wrong thing.",
    profile=KLAVIYO.name,
)
def error_body(target: Target) -> Iterator[Hit]:
    for ref, pointer, example, document in _error_examples(target):
        if document is None:
            yield Hit(
                f"example {example.name!r} ({example.code}) has a body that is not JSON",
                pointer + "/body",
                ref.path,
            )
            continue
        for error in schema_errors("error-document", document)[:3]:
            where = json_pointer(error.absolute_path) or "the top level"
            yield Hit(
                f"example {example.name!r} is not a JSON:API error document at {where}: {error.message}",
                pointer + "/body",
                ref.path,
            )


@rule(
    "troubleshooting/status-mismatch",
    Severity.ERROR,
    "The status inside each troubleshooting example's body is the example's own status code.",
    "An example saved as 404 whose body says 401 contradicts itself.",
    profile=KLAVIYO.name,
)
def status_mismatch(target: Target) -> Iterator[Hit]:
    for ref, pointer, example, error in _errors(target):
        status = error.get("status")
        if status is not None and str(status) != str(example.code):
            yield Hit(
                f"example {example.name!r} is saved as {example.code} but its body says status {status}",
                pointer + "/body",
                ref.path,
            )


@rule(
    "troubleshooting/code-mismatch",
    Severity.ERROR,
    "Each troubleshooting example's error code string fits its status (401 not_authenticated, 403 "
    "permission_denied, 404 not_found, 405 method_not_allowed, 409 conflict).",
    "Clients branch on the code string; it must be the one the API sends with that status.",
    profile=KLAVIYO.name,
)
def code_mismatch(target: Target) -> Iterator[Hit]:
    for ref, pointer, example, error in _errors(target):
        expected = ERROR_KINDS[example.code].code
        if error.get("code") is not None and error.get("code") != expected:
            yield Hit(
                f"example {example.name!r} ({example.code}) has code {error.get('code')!r}; "
                f"a {example.code} carries {expected!r}",
                pointer + "/body",
                ref.path,
            )


def _error_examples(target: Target) -> Iterator[tuple[Any, str, Any, Any]]:
    """(item, pointer, example, parsed body or None) for every example with a troubleshooting status."""
    for ref in target.items:
        for index, example in enumerate(ref.item.response):
            if example.code not in ERROR_KINDS:
                continue
            try:
                document = orjson.loads(example.body) if example.body.strip() else None  # bounded nesting
            except ValueError:
                document = None
            yield ref, f"{ref.pointer}/response/{index}", example, document


def _errors(target: Target) -> Iterator[tuple[Any, str, Any, dict[str, Any]]]:
    for ref, pointer, example, document in _error_examples(target):
        errors = document.get("errors") if isinstance(document, dict) else None
        for error in errors if isinstance(errors, list) else []:
            if isinstance(error, dict):
                yield ref, pointer, example, error
