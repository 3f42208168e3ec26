"""Refusals in the spec's own error shape, for an API that is not Klaviyo's.

A client written against Train Travel's spec reads an `application/problem+json` Problem from a 401, Spotify's
reads `{"error": {"status", "message"}}`: the sandbox answers in that shape, not in Klaviyo's JSON:API error
documents. The shape is the one the operation documents for the status (the status itself, then its `4XX`
range, then `default`), else the one another operation documents for that status, else the error schema most
of the spec's 4xx responses share (as generate's error examples choose it). The body is the spec's example of
that response or one built from its schema, with the sandbox's own words put where the shape keeps them: an
integer `status` set to the status, a `message`/`detail`/`error_description` to what is wrong, a `title` to
the status's title, a word `code` to the refusal's code. It is sent lean (only what an error is read by) when
the schema takes that, else whole; a word the schema refuses (a `code` outside Box's enum) is left as built.

A spec that documents no JSON error shape (and Klaviyo's profile, whose API answers JSON:API) is answered as
ApiError.document() has it.
"""

from __future__ import annotations

from typing import Any

from postman_kit.conformance import is_json_media_type
from postman_kit.examples import ExampleBuilder
from postman_kit.generation.error_examples import shared_error_media, with_status
from postman_kit.openapi import Api, MediaType, Operation, status_code
from postman_kit.sandbox.api_errors import ApiError
from postman_kit.schema_validation import SchemaChecker

# Where error shapes keep what went wrong and its summary, by property name in lower case.
_MESSAGE_KEYS = frozenset(
    {
        "message",
        "detail",
        "details",
        "error_description",
        "error_message",
        "errormessage",
        "description",
        "msg",
    }
)
_TITLE_KEYS = frozenset({"title", "summary"})
_STATUS_KEYS = frozenset({"status", "status_code", "statuscode", "code", "http_status", "httpstatus"})
_CODE_KEYS = frozenset({"code", "error_code", "errorcode"})  # when a word, not a number
# What a lean error body keeps besides those: what kind of error it is, and the objects that hold the rest.
_KIND_KEYS = frozenset({"type", "error", "errors", "error_code", "errorcode", "kind", "reason"})


class SpecErrors:
    """The error bodies of one spec; `answer` gives a refusal's body and media type, or None for JSON:API."""

    def __init__(self, api: Api, checker: SchemaChecker, builder: ExampleBuilder) -> None:
        self.checker = checker
        self.builder = builder
        self.shared = shared_error_media(api)
        self._documented: dict[int, MediaType] = {}  # status → the first operation's media for it
        for op in api.operations:
            for response in op.responses:
                code = status_code(response.status)
                media = response.preferred
                if code is not None and code >= 400 and media is not None and code not in self._documented:
                    self._documented[code] = media
        self._bodies: dict[tuple[int, int], Any] = {}  # (id(media), status) → the body before our words

    def answer(self, op: Operation | None, error: ApiError) -> tuple[Any, str] | None:
        media = self._media(op, error.status)
        if media is None or not is_json_media_type(media.media_type.split(";")[0].strip().lower()):
            return None
        key = (id(media), error.status)
        if key not in self._bodies:
            if media.example is not None:
                body = media.example
            else:
                body = self.builder.build(media.schema) if media.schema is not None else None
                body = with_status(body, error.status)
            self._bodies[key] = body
        body = self._bodies[key]
        if not isinstance(body, dict):
            return None  # no place for the words: JSON:API says more than a bare value would
        # The first the schema takes of: the lean body (an error schema built whole may hold a payment intent, as
        # Stripe's does), then the whole one, each with the refusal's code as a word `code` (not where Box's enum
        # refuses it) and then without; last, the body without the refusal's words.
        for worded in (_worded(body, error, codes=True), _worded(body, error, codes=False)):
            for candidate in (_lean(worded), worded):
                if media.schema is None or not self.checker.errors(media.schema, candidate):
                    return candidate, media.media_type
        return body, media.media_type

    def _media(self, op: Operation | None, status: int) -> MediaType | None:
        if op is not None:
            by_status = {response.status.upper(): response.preferred for response in op.responses}
            for key in (str(status), f"{str(status)[0]}XX", "DEFAULT"):
                if by_status.get(key) is not None:
                    return by_status[key]
        return self._documented.get(status) or (self.shared if 400 <= status < 500 else None)


def _lean(body: dict[str, Any]) -> dict[str, Any]:
    """Only the entries an error is read by (its kind, status, title and message), at the top and one level
    down; the caller checks the result against the schema, which may ask for more."""
    keep = _MESSAGE_KEYS | _TITLE_KEYS | _STATUS_KEYS | _KIND_KEYS

    def lean(node: dict[str, Any], depth: int) -> dict[str, Any]:
        kept: dict[str, Any] = {}
        for key, value in node.items():
            if key.lower() not in keep:
                continue
            if depth == 0 and isinstance(value, dict):
                value = lean(value, 1)
            elif depth == 0 and isinstance(value, list) and value and isinstance(value[0], dict):
                value = [lean(value[0], 1)]
            kept[key] = value
        return kept

    return lean(body, 0)


def _worded(body: dict[str, Any], error: ApiError, *, codes: bool) -> dict[str, Any]:
    """`body` with the refusal's status, title and detail (and, with `codes`, its code) where its shape keeps
    them: at its top and in an object (or the first object of a list) one level down, as Spotify's `error` or
    JSON:API's `errors`."""

    def word(node: dict[str, Any], depth: int) -> dict[str, Any]:
        worded: dict[str, Any] = {}
        for key, value in node.items():
            name = key.lower()
            if name in _STATUS_KEYS and isinstance(value, int) and not isinstance(value, bool):
                value = error.status
            elif name in _STATUS_KEYS and isinstance(value, str) and value.isdigit():
                value = str(error.status)
            elif codes and name in _CODE_KEYS and isinstance(value, str):
                value = error.code
            elif name in _MESSAGE_KEYS and isinstance(value, str):
                value = error.detail
            elif name in _TITLE_KEYS and isinstance(value, str):
                value = error.title
            elif depth == 0 and isinstance(value, dict):
                value = word(value, 1)
            elif depth == 0 and isinstance(value, list) and value and isinstance(value[0], dict):
                value = [word(value[0], 1), *value[1:]]
            worded[key] = value
        return worded

    return word(body, 0)
