"""Troubleshooting examples: the error responses a user meets first, saved on each generated request.

Klaviyo's guide teaches five of them (401, 403, 404, 405, 409); converters emit only a generic 400/500. Each
example's body is a JSON:API error document with a deterministic id, so regenerating gives the same bytes.
Which statuses apply to an operation is decided in postman_kit/error_kinds.py, from the operation alone, so
`validate` can ask the same question of a saved request (:func:`expected_statuses`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from postman_kit import ids
from postman_kit.collection import Header, Request, Response, status_text
from postman_kit.error_kinds import (
    _PATH_PARAMETER,
    ERROR_KINDS,
    TROUBLESHOOTING_STATUSES,
    expected_statuses,
    first_path_parameter,
    unsupported_methods,
)
from postman_kit.openapi import Api, Operation
from postman_kit.profiles import Profile
from postman_kit.writer import json_text

ERROR_MEDIA_TYPE = "application/vnd.api+json"


def parse_statuses(text: str) -> tuple[int, ...]:
    """`"401,404"` → (401, 404); `""` or `"none"` → (); raises ValueError naming what is allowed."""
    text = text.strip().lower()
    if text in ("", "none"):
        return ()
    if text == "all":
        return TROUBLESHOOTING_STATUSES
    statuses: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part.isdigit() or int(part) not in ERROR_KINDS:
            allowed = ",".join(str(s) for s in TROUBLESHOOTING_STATUSES)
            raise ValueError(f"unknown troubleshooting status {part!r}; choose from {allowed}, all or none")
        statuses.append(int(part))
    return tuple(sorted(set(statuses)))


class Troubleshooter:
    """The troubleshooting examples of one API's generated requests.

    What the examples of different operations share (which methods the API uses, which operation updates the
    items a create makes) is worked out once per API, not once per request.
    """

    def __init__(self, api: Api, profile: Profile, statuses: tuple[int, ...] = TROUBLESHOOTING_STATUSES) -> None:
        self.api = api
        self.profile = profile
        self.statuses = statuses
        # collection path → the first PATCH/PUT on one of its items (`/api/lists` → PATCH /api/lists/{id}/)
        self._updates: dict[str, Operation] = {}
        for other in api.operations:
            if other.method in ("PATCH", "PUT"):
                parent, _, last = other.path.rstrip("/").rpartition("/")
                if _PATH_PARAMETER.fullmatch(last):
                    self._updates.setdefault(parent, other)

    def examples(self, op: Operation, request: Request, item_id: str) -> list[Response]:
        """The examples for one generated request, in status order; `request` is the request as examples carry
        it (no description), shared by all of them."""
        api = self.api
        wanted = [s for s in expected_statuses(api, op, self.profile) if s in self.statuses]
        media_type = error_media_type(api, op)
        examples: list[Response] = []
        for status in wanted:
            if status == 405:
                for method in unsupported_methods(api, op):
                    detail = f'Method "{method}" not allowed.'
                    examples.append(_example(item_id, status, detail, _with_method(request, method), media_type,
                                             f"405 Method Not Allowed ({method})", method=method))
                continue
            detail = self._detail(op, request, status)
            examples.append(_example(item_id, status, detail, request, media_type,
                                     f"{status} {status_text(status)}"))
        return examples

    def _detail(self, op: Operation, request: Request, status: int) -> str:
        if status == 401:
            return "Missing or invalid private key."
        if status == 403:
            return "Your API key is missing required scopes: " + ", ".join(self.profile.scopes(op))
        if status == 404:
            param = first_path_parameter(op) or "id"
            value = next((v.value for v in request.url.variable if v.key == param), "") or f"{{{param}}}"
            return f"{resource_type(self.api, op)} with id {value} does not exist."
        # 409: Klaviyo's guide adds that an update was perhaps meant; name the method that updates, when there is
        # one.
        kind = _singular(next((s for s in reversed(op.path.split("/")) if s and not s.startswith("{")), "resource"))
        detail = f"A {_humanize(kind).lower()} with these attributes already exists."
        update = self._updates.get(op.path.rstrip("/"))
        if update is not None:
            detail += f" To change it, send {update.method} {update.path} instead."
        return detail


def error_id(item_id: str, status: int, method: str | None = None) -> str:
    """The id of an example's error: derived from the item, the status and the method, never random."""
    return ids.stable_uuid("troubleshooting", item_id, str(status), method or "")


def error_document(item_id: str, status: int, detail: str, method: str | None = None) -> dict[str, Any]:
    """A JSON:API error document with its :func:`error_id`."""
    kind = ERROR_KINDS[status]
    return {
        "errors": [
            {
                "id": error_id(item_id, status, method),
                "status": status,
                "code": kind.code,
                "title": kind.title.format(method=method or ""),
                "detail": detail,
                "source": {"pointer": "/data/"},
            }
        ]
    }


def error_media_type(api: Api, op: Operation) -> str:
    """The media type the spec gives its 4XX responses; JSON:API's when it gives none."""
    for response in op.responses:
        if response.status.upper() in ("4XX", "DEFAULT") or response.status.startswith("4"):
            media = response.preferred
            if media is not None:
                return media.media_type
    return ERROR_MEDIA_TYPE


def resource_type(api: Api, op: Operation) -> str:
    """What a path id names: the response's `data.type` when the id ends the path, else the segment before it."""
    param = first_path_parameter(op)
    segments = [s for s in op.path.split("/") if s]
    if param is None:
        return "Resource"
    index = next(i for i, s in enumerate(segments) if "{" + param + "}" in s)  # also `{Sid}.json`
    if index == len(segments) - 1:
        declared = _declared_type(api, op)
        if declared:
            return _humanize(declared)
    return _humanize(_singular(segments[index - 1])) if index > 0 else "Resource"


def _example(item_id: str, status: int, detail: str, original: Request, media_type: str, name: str,
             method: str | None = None) -> Response:
    before_id, before_detail, after = _body_template(status, method)
    return Response(
        id=ids.example_id(item_id, name, status),
        name=name,
        original_request=original,
        status=status_text(status),
        code=status,
        header=[Header("Content-Type", media_type)],
        body=f"{before_id}{error_id(item_id, status, method)}{before_detail}{json_text(detail)[1:-1]}{after}",
        preview_language="json",
    )


_ID_MARK = "\x00id\x00"  # escaped by JSON as \u0000: cannot collide with a title's text
_DETAIL_MARK = "\x00detail\x00"


@functools.cache
def _body_template(status: int, method: str | None) -> tuple[str, str, str]:
    """`json_text(error_document(…))` cut around its id and detail: the thousands of bodies a build writes
    differ in those two strings only (a string's JSON text is the same wherever it stands)."""
    marked = error_document("", status, _DETAIL_MARK, method)
    marked["errors"][0]["id"] = _ID_MARK
    text = json_text(marked)
    before_id, _, rest = text.partition(json_text(_ID_MARK)[1:-1])
    before_detail, _, after = rest.partition(json_text(_DETAIL_MARK)[1:-1])
    return before_id, before_detail, after


def _with_method(request: Request, method: str) -> Request:
    # The body belongs to the method the path does support; a 405 is answered before any body is read.
    headers = [h for h in request.header if h.key.lower() != "content-type"]
    return Request(method=method, url=request.url, header=headers, body=None, auth=request.auth)


def _declared_type(api: Api, op: Operation) -> str | None:
    for response in op.success_responses:
        media = response.preferred
        schema = api.resolve(media.schema) if media is not None and media.schema else None
        data = api.resolve(schema.get("properties", {}).get("data")) if isinstance(schema, dict) else None
        if isinstance(data, dict) and data.get("type") == "array":
            data = api.resolve(data.get("items"))
        type_schema = api.resolve(data.get("properties", {}).get("type")) if isinstance(data, dict) else None
        if isinstance(type_schema, dict):
            enum = type_schema.get("enum")
            if isinstance(enum, list) and enum:
                return str(enum[0])
    return None


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _humanize(name: str) -> str:
    text = re.sub(r"[-_]+", " ", name).strip()
    return text[:1].upper() + text[1:] if text else "Resource"


__all__ = [
    "ERROR_KINDS",
    "ERROR_MEDIA_TYPE",
    "TROUBLESHOOTING_STATUSES",
    "Troubleshooter",
    "error_document",
    "error_id",
    "expected_statuses",
    "parse_statuses",
]
