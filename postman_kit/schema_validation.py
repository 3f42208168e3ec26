"""Validate JSON values against an OpenAPI document's schemas with jsonschema.

OpenAPI 3.0 schemas are Draft 4 plus `nullable`; jsonschema's Draft 4 validator is extended with that one
keyword instead of pulling in a heavier OpenAPI schema library. 3.1 schemas are plain Draft 2020-12.
`$ref`s resolve against the whole document, so circular schemas work.
"""

from __future__ import annotations

import contextvars
import functools
import re
from typing import Any

from postman_kit.scalars import bounded, is_date_time

MAX_ERRORS = 5
# How many alternatives (anyOf/oneOf branches) one value may be tried against before it is left unjudged: a value
# nested in alternatives that hold one another can take exponential time however it is checked (see _any_of)
MAX_BRANCH_CHECKS = 20_000
_branch_checks: contextvars.ContextVar[list[int]] = contextvars.ContextVar("branch_checks")


class _TooCostly(Exception):
    """Raised when a value has been tried against MAX_BRANCH_CHECKS alternatives."""


def _nullable(validator_fn: Any) -> Any:
    def check(validator: Any, value: Any, instance: Any, schema: dict[str, Any]) -> Any:
        if instance is None and schema.get("nullable") is True:
            return
        yield from validator_fn(validator, value, instance, schema)

    return check


def _readable_patterns(validator_fn: Any) -> Any:
    """`pattern` and `patternProperties` with a pattern Python's `re` cannot read (ECMA-262's `\\p{L}`, which
    PingOne's spec uses) judged by nothing, as scalars.pattern_matches does: jsonschema raised re.error out of
    `validate`, a traceback on the kit's own output."""

    def check(validator: Any, value: Any, instance: Any, schema: dict[str, Any]) -> Any:
        patterns = value if isinstance(value, dict) else [value]
        if not all(isinstance(p, str) and bounded(p) for p in patterns):
            return  # one a backtracking matcher could take exponential time on (`^(x+x+)+y$`): no constraint
        try:
            found = list(validator_fn(validator, value, instance, schema))
        except re.error:
            return
        yield from found

    return check


def _any_of(validator: Any, branches: Any, instance: Any, schema: dict[str, Any]) -> Any:
    """anyOf (and oneOf, read as anyOf below) that stops at the first branch the value fits and at the first
    problem of each branch it does not. jsonschema's collects every problem of every branch: a value nested in
    alternatives that hold one another (HubSpot's list filters, 7 branch kinds each holding the next level) was
    checked 7 times more for each level, and `validate` on the kit's own 6-level body took 24 GB and minutes."""
    from jsonschema import ValidationError

    if not isinstance(branches, list):
        return
    firsts = []
    for index, branch in enumerate(branches):
        budget = _branch_checks.get(None)
        if budget is not None:
            budget[0] += 1
            if budget[0] > MAX_BRANCH_CHECKS:
                raise _TooCostly
        first = next(iter(validator.descend(instance, branch, schema_path=index)), None)
        if first is None:
            return
        firsts.append(first)
    yield ValidationError(f"{instance!r} is not valid under any of the given schemas", context=firsts)


@functools.cache
def validator_classes() -> tuple[Any, Any]:
    """(OpenAPI 3.0 validator class, OpenAPI 3.1 validator class), made on first use: importing jsonschema
    costs about a tenth of a second, which `diff` and `upgrade` pay only when a saved request has a value to
    check against a schema."""
    import jsonschema
    from jsonschema import validators

    draft4 = jsonschema.Draft4Validator
    # Specs use oneOf for alternatives that overlap (`number` and `integer`; option objects whose properties are
    # all optional), and APIs accept a value that fits any of them: checked strictly, oneOf would reject requests
    # the API takes. A value must fit at least one branch, as with anyOf.
    openapi30 = validators.extend(
        draft4,
        {
            "type": _nullable(draft4.VALIDATORS["type"]),
            "enum": _nullable(draft4.VALIDATORS["enum"]),
            "format": _nullable(draft4.VALIDATORS["format"]),
            "anyOf": _any_of,
            "oneOf": _any_of,
            "pattern": _readable_patterns(draft4.VALIDATORS["pattern"]),
            "patternProperties": _readable_patterns(draft4.VALIDATORS["patternProperties"]),
        },
    )
    draft2020 = jsonschema.Draft202012Validator
    openapi31 = validators.extend(
        draft2020,
        {
            "anyOf": _any_of,
            "oneOf": _any_of,
            "pattern": _readable_patterns(draft2020.VALIDATORS["pattern"]),
            "patternProperties": _readable_patterns(draft2020.VALIDATORS["patternProperties"]),
        },
    )
    return openapi30, openapi31


@functools.cache
def request_validator_classes() -> tuple[Any, Any]:
    """validator_classes() for request bodies: a required property the schema marks `readOnly` is not asked of
    a request (OpenAPI 3.0, Schema Object: "required will take effect on the response only"), as openapi-core
    reads it; PagerDuty requires the `id` and `created_at` its servers assign."""
    from jsonschema import validators

    openapi30, openapi31 = validator_classes()
    return (
        validators.extend(openapi30, {"required": _writable_required(openapi30.VALIDATORS["required"])}),
        validators.extend(openapi31, {"required": _writable_required(openapi31.VALIDATORS["required"])}),
    )


def _writable_required(required_fn: Any) -> Any:
    def check(validator: Any, names: Any, instance: Any, schema: dict[str, Any]) -> Any:
        properties = schema.get("properties")
        if isinstance(properties, dict) and isinstance(names, list):
            names = [n for n in names if not _read_only(validator, properties.get(n))]
        yield from required_fn(validator, names, instance, schema)

    return check


def _read_only(validator: Any, schema: Any, depth: int = 0) -> bool:
    """The property schema (through `$ref`s and `allOf` parts) says `readOnly`."""
    if not isinstance(schema, dict) or depth > 8:
        return False
    ref = schema.get("$ref")
    if isinstance(ref, str):
        try:
            schema = validator._resolver.lookup(ref).contents
        except Exception:  # noqa: BLE001 - an unresolvable ref marks nothing; validation reports it
            return False
        if not isinstance(schema, dict):
            return False
    if schema.get("readOnly") is True:
        return True
    parts = schema.get("allOf")
    return isinstance(parts, list) and any(_read_only(validator, part, depth + 1) for part in parts)


@functools.cache
def _format_checker() -> Any:
    """The formats a server refuses to store wrongly: date-times, which every later read and filter
    compares."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date-time")(is_date_time)
    return checker


# Keywords that are no assertion yet change how a schema's references resolve.
_IDENTIFYING_KEYWORDS = frozenset({"$id", "$schema", "$anchor", "$dynamicAnchor", "$vocabulary", "id"})


class SchemaChecker:
    """Validators for one document, built once per schema and reused.

    `formats=True` also checks the `date-time` format (the sandbox refuses `expires_at: "AAA"` as the API
    does); without it formats are annotations, as for checking saved requests whose values are placeholders.
    `requests=True` reads schemas as a request's: a required `readOnly` property is not asked for.
    """

    def __init__(
        self,
        document: dict[str, Any],
        openapi_version: str = "3.0",
        *,
        formats: bool = False,
        requests: bool = False,
    ) -> None:
        self.document = document
        self.is_31 = openapi_version.startswith("3.1")
        self.formats = formats
        self.requests = requests
        self._validators: dict[int, Any] = {}

    def _validator(self, schema: dict[str, Any]) -> Any:
        key = id(schema)
        validator = self._validators.get(key)
        if validator is None:
            openapi30, openapi31 = request_validator_classes() if self.requests else validator_classes()
            # The schema, with the document's other top-level entries beside it for its `$ref`s to resolve in:
            # `#/components/schemas/…`, but also `#/x-defs/…` or a root `$defs` (JSON references may point
            # anywhere in the document). An entry named as a JSON Schema keyword is left out: it would apply.
            keywords = (openapi31 if self.is_31 else openapi30).VALIDATORS.keys() | _IDENTIFYING_KEYWORDS
            root = {key: value for key, value in self.document.items() if key not in keywords} | schema
            format_checker = _format_checker() if self.formats else None
            validator = (openapi31 if self.is_31 else openapi30)(root, format_checker=format_checker)
            self._validators[key] = validator
        return validator

    def errors(self, schema: dict[str, Any], instance: Any) -> list[str]:
        """Readable problems, most specific first: `/data/attributes/email: 5 is not of type 'string'`."""
        validator = self._validator(schema)
        budget = _branch_checks.set([0])
        try:
            found = sorted(
                map(_furthest, validator.iter_errors(instance)),
                key=lambda e: (-len(e.absolute_path), str(e.message)),
            )
        except (AttributeError, TypeError, RecursionError, _TooCostly):
            # A keyword of the wrong type in the spec's schema (`properties: null`) that the reader tolerates, or
            # schemas that include one another in a loop with nothing in between (`A: allOf: [B]`, `B: allOf: [A]`,
            # which no validator finishes): the spec gives no rule to judge the value by, so nothing is reported
            # against the user's request; nor when judging it would take more than MAX_BRANCH_CHECKS tries.
            return []
        finally:
            _branch_checks.reset(budget)
        messages = []
        for error in found[:MAX_ERRORS]:
            where = "/" + "/".join(str(p) for p in error.absolute_path)
            messages.append(f"{where}: {_short(error.message)}")
        return messages


def _furthest(error: Any) -> Any:
    """For a value no alternative fits, the problem of the alternative it got furthest into, where one got
    further than the others (`/filter/branches/0/filters/0/type: None is not of type 'string'`, not the whole
    value `is not valid under any of the given schemas`)."""
    while error.context:
        depths = sorted({len(e.absolute_path) for e in error.context})
        if depths[-1] <= len(error.absolute_path) or len(depths) == 1:
            break
        error = next(e for e in error.context if len(e.absolute_path) == depths[-1])
    return error


def _short(message: str, limit: int = 160) -> str:
    message = message.splitlines()[0]
    return message if len(message) <= limit else message[: limit - 1] + "…"
