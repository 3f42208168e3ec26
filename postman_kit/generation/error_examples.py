"""Error examples: the error responses a user meets first, saved on each generated request.

The profile decides which (`Profile.error_examples`):
- "documented" (any API): the spec's own error responses, every 4xx/5xx/`default` an operation documents, and
  for an operation that needs credentials a 401 (a 403 when it names scopes) in the spec's own error shape
  (:class:`DocumentedErrors`).
- "troubleshooting" (Klaviyo): the five errors Klaviyo's guide teaches (401, 403, 404, 405, 409) as JSON:API
  error documents with deterministic ids, so regenerating gives the same bytes (:class:`Troubleshooter`). Which
  of them apply is decided in postman_kit/error_kinds.py, from the operation alone, so `validate` can ask the
  same question of a saved request (:func:`expected_statuses`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any, Protocol

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
from postman_kit.examples import ExampleBuilder
from postman_kit.openapi import Api, MediaType, Operation, status_code
from postman_kit.openapi import Response as DocumentedResponse
from postman_kit.profiles import Profile
from postman_kit.secrets import MIN_TOKEN_LENGTH, redact
from postman_kit.writer import json_text

ERROR_MEDIA_TYPE = "application/vnd.api+json"


def parse_statuses(text: str) -> tuple[int, ...] | None:
    """`"401,404"` → (401, 404); `"all"` → None (every status); `""` or `"none"` → (); raises ValueError naming
    what is allowed. A `default` response's example has status 500, a `4XX` one 400."""
    text = text.strip().lower()
    if text in ("", "none"):
        return ()
    if text == "all":
        return None
    statuses: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part.isdigit() or not 400 <= int(part) <= 599:
            raise ValueError(
                f"unknown error status {part!r}; choose error statuses (400-599) such as "
                f"{','.join(str(s) for s in TROUBLESHOOTING_STATUSES)}, or all or none"
            )
        statuses.append(int(part))
    return tuple(sorted(set(statuses)))


class ErrorExamples(Protocol):
    def examples(self, op: Operation, request: Request, item_id: str) -> list[Response]: ...


def error_examples(
    api: Api, profile: Profile, statuses: tuple[int, ...] | None, builder: ExampleBuilder | None
) -> ErrorExamples:
    """The profile's error examples for `api`, limited to `statuses` (None: all); `builder` makes bodies from
    schemas (None: documented error examples carry no body)."""
    if profile.error_examples == "troubleshooting":
        return Troubleshooter(api, profile, TROUBLESHOOTING_STATUSES if statuses is None else statuses)
    return DocumentedErrors(api, profile, statuses, builder)


class Troubleshooter:
    """The troubleshooting examples of one API's generated requests.

    What the examples of different operations share (which methods the API uses, which operation updates the
    items a create makes) is worked out once per API, not once per request.
    """

    def __init__(
        self, api: Api, profile: Profile, statuses: tuple[int, ...] = TROUBLESHOOTING_STATUSES
    ) -> None:
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
                    examples.append(
                        _example(
                            item_id,
                            status,
                            detail,
                            _with_method(request, method),
                            media_type,
                            f"405 Method Not Allowed ({method})",
                            method=method,
                        )
                    )
                continue
            detail = self._detail(op, request, status)
            examples.append(
                _example(item_id, status, detail, request, media_type, f"{status} {status_text(status)}")
            )
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
        kind = _singular(
            next((s for s in reversed(op.path.split("/")) if s and not s.startswith("{")), "resource")
        )
        detail = f"A {_humanize(kind).lower()} with these attributes already exists."
        update = self._updates.get(op.path.rstrip("/"))
        if update is not None:
            detail += f" To change it, send {update.method} {update.path} instead."
        return detail


class DocumentedErrors:
    """Examples of the errors an operation documents, in the spec's own words and shapes.

    An operation that needs credentials but documents no 401 still gets one (and a 403 when its requirement
    names scopes): the 401/403 response the spec documents on another operation, else a response in the error
    schema the spec's 4xx responses share, else one without a body, since no shape is known.
    """

    def __init__(
        self, api: Api, profile: Profile, statuses: tuple[int, ...] | None, builder: ExampleBuilder | None
    ) -> None:
        self.profile = profile
        self.statuses = statuses
        self.builder = builder
        shared = shared_error_media(api)
        self._stand_ins: dict[int, DocumentedResponse] = {}
        for code in (401, 403):
            documented = next(
                (r for op in api.operations for r in op.responses if r.status == str(code)), None
            )
            self._stand_ins[code] = documented or DocumentedResponse(
                str(code), "", [shared] if shared else []
            )

    def examples(self, op: Operation, request: Request, item_id: str) -> list[Response]:
        """The examples for one generated request, by status (a `default` stands as 500), documented order
        within a status; `request` is the request as examples carry it (no description)."""
        found: list[tuple[int, DocumentedResponse]] = []
        for response in op.responses:
            code = error_status(response.status)
            if code is not None:
                found.append((code, response))
        if needs_credentials(op):
            documented = {response.status for response in op.responses}
            for code in (401, 403):
                if str(code) not in documented and (code == 401 or self.profile.scopes(op)):
                    found.append((code, self._stand_ins[code]))
        examples: list[Response] = []
        names: set[str] = set()
        for code, response in sorted(found, key=lambda pair: pair[0]):
            if self.statuses is not None and code not in self.statuses:
                continue
            name = error_example_name(response, code)
            if name in names:
                name = f"{name} ({len(names) + 1})"
            names.add(name)
            media = response.preferred
            value = example_value(media, self.builder)
            if media is not None and media.example is None:
                value = with_status(value, code)
            body, language = _without_spec_credentials(body_text(value, media), media)
            examples.append(
                Response(
                    id=ids.example_id(item_id, name, code),
                    name=name,
                    original_request=request,
                    status=status_text(code),
                    code=code,
                    header=[Header("Content-Type", media.media_type)] if media is not None else [],
                    body=body,
                    preview_language=language,
                )
            )
        return examples


def error_status(status: str) -> int | None:
    """The code an example of a documented response has when that response is an error: `404` → 404, `4XX` →
    400, `default` → 500 (as Postman's converter has it); None for any other status."""
    if status.lower() == "default":
        return 500
    code = status_code(status)
    return code if code is not None and 400 <= code <= 599 else None


def needs_credentials(op: Operation) -> bool:
    """Every alternative of the operation's security requirement asks for a credential (`[{}]` does not)."""
    return bool(op.security) and all(op.security)


def error_example_name(response: DocumentedResponse, code: int) -> str:
    """`403 Bad OAuth request`: the status and the description's first sentence, or the reason phrase when the
    description is empty or long; a `default` response is named by its description, `(default)` after it."""
    summary = response.description.strip().split("\n", 1)[0].split(". ", 1)[0].strip().rstrip(".")
    if not summary or len(summary) > 60:
        summary = status_text(code)
    if response.status.lower() == "default":
        return f"{summary} (default)"
    return f"{response.status.upper()} {summary}"


def saved_body(media: MediaType | None, builder: ExampleBuilder | None) -> tuple[str, str | None]:
    """An example response's body and preview language: the media type's own example, else one built from its
    schema (no body without a builder)."""
    return _without_spec_credentials(body_text(example_value(media, builder), media), media)


def _without_spec_credentials(
    body: tuple[str, str | None], media: MediaType | None
) -> tuple[str, str | None]:
    """A spec's own example, a credential in it (an OAuth response's `access_token: eyJ…`, a `ghp_…`, an
    `"api_key": "…"`) truncated, as every output writes a key; a body built from a schema holds none."""
    text, language = body
    if media is None or media.example is None or len(text) < MIN_TOKEN_LENGTH:
        return body
    return redact(text), language


def example_value(media: MediaType | None, builder: ExampleBuilder | None) -> Any:
    """The media type's own example, else one built from its schema; None without a builder."""
    if media is None or builder is None:
        return None
    if media.example is not None:
        return (
            builder.spelled(media.schema, media.example)
            if "json" in media.media_type.lower()
            else media.example
        )
    return builder.build(media.schema) if media.schema is not None else None


def body_text(value: Any, media: MediaType | None) -> tuple[str, str | None]:
    if media is not None and isinstance(value, str) and not media.media_type.endswith("json"):
        return value, "text"
    if value is not None:
        return json_text(value), "json"
    return "", None


def with_status(value: Any, code: int, depth: int = 0) -> Any:
    """A body built from an error schema, with the integer `status` its schema has (at the top, as Box's, or in
    an `error` object one level down, as Spotify's) set to the example's own status."""
    if not isinstance(value, dict):
        return value
    if depth == 0:
        value = {key: with_status(inner, code, 1) for key, inner in value.items()}
    if isinstance(value.get("status"), int) and not isinstance(value["status"], bool):
        value = {**value, "status": code}
    return value


def shared_error_media(api: Api) -> MediaType | None:
    """The error schema most of the spec's 4xx and `default` responses use (the first one, on a tie)."""
    seen: dict[str, MediaType] = {}
    counts: Counter[str] = Counter()
    for op in api.operations:
        for response in op.responses:
            if not (response.status.startswith("4") or response.status.lower() == "default"):
                continue
            media = response.preferred
            if media is None or not media.schema:
                continue
            ref = media.schema.get("$ref")
            key = ref if isinstance(ref, str) else json_text(media.schema)
            seen.setdefault(key, MediaType(media.media_type, media.schema))
            counts[key] += 1
    return seen[counts.most_common(1)[0][0]] if counts else None


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


def _example(
    item_id: str,
    status: int,
    detail: str,
    original: Request,
    media_type: str,
    name: str,
    method: str | None = None,
) -> Response:
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
        data = api.resolve(_property(schema, "data"))
        if isinstance(data, dict) and data.get("type") == "array":
            data = api.resolve(data.get("items"))
        type_schema = api.resolve(_property(data, "type"))
        if isinstance(type_schema, dict):
            enum = type_schema.get("enum")
            if isinstance(enum, list) and enum:
                return str(enum[0])
    return None


def _property(schema: Any, name: str) -> Any:
    """A schema's property `name`, or None when the schema or its `properties` is not a mapping."""
    properties = schema.get("properties") if isinstance(schema, dict) else None
    return properties.get(name) if isinstance(properties, dict) else None


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
    "DocumentedErrors",
    "Troubleshooter",
    "error_document",
    "error_examples",
    "error_id",
    "expected_statuses",
    "parse_statuses",
]
