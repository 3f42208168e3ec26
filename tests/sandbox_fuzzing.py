"""Schemathesis against the sandbox, in process: each operation of a spec fed generated requests with a key,
each answer checked against the spec's documented status codes, content types and schemas.

Used by the bounded run in the suite (tests/test_sandbox_fuzz.py) and the long one in
benchmarks/fuzz_sandbox.py. Sparse fieldsets are left out of the generated requests: `fields[type]=a` rightly
drops attributes the response schema requires, which no schema check can tell from a fault.
"""

from __future__ import annotations

import copy
import json
import logging
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hypothesis
from hypothesis import HealthCheck
from schemathesis.core.failures import FailureGroup

KEY = "pk_" + "f" * 34
_OVERLAPPING_ONE_OF = "is valid under more than one of the schemas listed in the 'oneOf' keyword"
JSON_API = "application/vnd.api+json"


@dataclass
class FuzzReport:
    """What a run found: failures by check and operation (one example each), calls and statuses seen."""

    calls: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: dict[str, str] = field(default_factory=dict)  # "check METHOD PATH" -> one example
    server_errors: list[str] = field(default_factory=list)  # exceptions logged by the server
    operations: int = 0
    overlapping_one_of: dict[str, str] = field(default_factory=dict)


def without_sparse_fieldsets(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of `document` whose operations no longer offer `fields[...]` query parameters."""
    document = copy.deepcopy(document)
    parameters = (document.get("components") or {}).get("parameters") or {}
    for path_item in (document.get("paths") or {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict) and isinstance(operation.get("parameters"), list):
                operation["parameters"] = [
                    p for p in operation["parameters"] if not _is_fieldset(p, parameters)
                ]
    return document


def _is_fieldset(parameter: Any, shared: dict[str, Any]) -> bool:
    if isinstance(parameter, dict) and "$ref" in parameter:
        parameter = shared.get(str(parameter["$ref"]).rsplit("/", 1)[-1], {})
    return isinstance(parameter, dict) and str(parameter.get("name", "")).startswith("fields[")


class _ServerErrors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}"[:300])


def fuzz_sandbox(spec: Path, *, examples: int, seed: int, only: str | None = None) -> FuzzReport:
    """Run `examples` generated requests per operation (positive and negative) against a fresh sandbox."""
    import schemathesis
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )
    from starlette.testclient import TestClient

    from postman_kit.calls import MemoryRecorder
    from postman_kit.openapi import load_api
    from postman_kit.sandbox.app import create_app
    from postman_kit.sandbox.keys import keys_from_data

    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    api = load_api(str(spec))
    raw = without_sparse_fieldsets(json.loads(spec.read_text()))
    schema = schemathesis.openapi.from_dict(raw)
    report = FuzzReport()
    errors = _ServerErrors()
    watched = [logging.getLogger(name) for name in ("postman_kit", "uvicorn.error", "starlette")]
    for logger in watched:
        logger.addHandler(errors)
    keys = keys_from_data({"keys": {KEY: {"name": "fuzzer"}}, "company_ids": {"PUBLIC": "fuzzer"}}, "keys")
    headers = {"Authorization": f"Klaviyo-API-Key {KEY}", "revision": api.version.split()[0]}
    try:
        with tempfile.TemporaryDirectory() as data:
            app = create_app(
                api,
                keys=keys,
                data_dir=data,
                recorder=MemoryRecorder(),
                rate_limits=False,
                allowed_hosts=("testserver",),
            )  # the Host schemathesis sends in process
            schema.app = app  # schemathesis calls the app in process, through Starlette's test client
            with TestClient(app):  # runs the app's start-up and shut-down around the run
                for operation in _operations(schema, only):
                    report.operations += 1
                    _fuzz_operation(api, operation, headers, checks, report, examples, seed)
    finally:
        for logger in watched:
            logger.removeHandler(errors)
    report.server_errors = errors.messages
    return report


def _operations(schema: Any, only: str | None) -> Iterator[Any]:
    for result in schema.get_all_operations():
        operation = result.ok()
        if only is None or only in operation.path:
            yield operation


def _valid_reading_one_of_as_any_of(api: Any, operation: Any, response: Any) -> bool:
    """Whether the answer fits its documented schema when oneOf means "at least one", as the sandbox
    reads it."""
    from postman_kit.schema_validation import SchemaChecker

    op = api.operation(operation.method.upper(), operation.path)
    responses = op.responses if op is not None else []
    documented = next((r for r in responses if r.status == str(response.status_code)), None)
    if documented is None or documented.preferred is None or documented.preferred.schema is None:
        return False
    try:
        body = json.loads(response.content)
    except ValueError:
        return False
    return SchemaChecker(api.document, api.openapi_version).errors(documented.preferred.schema, body) == []


def _fuzz_operation(
    api: Any,
    operation: Any,
    headers: dict[str, str],
    checks: list[Any],
    report: FuzzReport,
    examples: int,
    seed: int,
) -> None:
    name = f"{operation.method.upper()} {operation.path}"

    @hypothesis.seed(seed)
    @hypothesis.settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis.given(case=operation.as_strategy())
    def run(case: Any) -> None:
        sent_headers = {**(case.headers or {}), **headers}
        if case.path.startswith("/client/"):
            sent_headers.pop("Authorization", None)
        case.headers = sent_headers
        response = case.call()
        report.calls += 1
        report.statuses[response.status_code] += 1
        for check in checks:
            try:
                case.validate_response(response, checks=[check])
            except FailureGroup as failure:
                text = " ".join(str(failure).split())
                key = f"{check.__name__} {name}"
                overlap = _OVERLAPPING_ONE_OF in text or (
                    check.__name__ == "response_schema_conformance"
                    and _valid_reading_one_of_as_any_of(api, operation, response)
                )
                if overlap:
                    # A value more than one of the spec's oneOf branches describe (Klaviyo's send options,
                    # flow definitions, metric groups): the spec's ambiguity, which the API's own answers
                    # share, counted apart from faults.
                    report.overlapping_one_of.setdefault(key, text[:400])
                    continue
                report.failures.setdefault(key, f"{response.status_code} {case.query or ''} {text[:600]}")

    run()
