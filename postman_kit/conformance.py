"""Does a request fit the spec? The one judgement validate's saved-request rules, diff's "which saved
requests break" and the sandbox's 400/415 answers share.

Each check looks at one thing and reports a :class:`Problem` with a stable code, a message that says what is
allowed instead, and a JSON pointer inside the saved request. The judgements of sent values (`path_problems`,
`query_problems`, `header_problems`, `body_problems`) take plain values, so a saved Postman request and a call
arriving at the sandbox are judged by the same functions and never disagree.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import unquote_plus, urlsplit

from postman_kit.collection import Request, without_json_comments
from postman_kit.errors import InputError
from postman_kit.filters import FilterSyntaxError, check_filter, parse_filter
from postman_kit.json_lines import JSON_LINES_MEDIA_TYPES, json_lines_read
from postman_kit.loader import resolve_pointer
from postman_kit.openapi import Api, Operation, Parameter, RequestBody, split_path_key
from postman_kit.profiles import Profile
from postman_kit.routing import MethodNotAllowed, OperationIndex, RouteMatch, api_path, decoded
from postman_kit.scalars import bounded, listed_types, number_bounds, string_fits
from postman_kit.schema_validation import SchemaChecker

_VARIABLE = re.compile(r"\{\{([^{}]+)\}\}")
_REVISION = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:\.pre)?$")
_INTEGER = re.compile(r"^-?\d+$")
# headers a client sets from the request's auth and body, not the operation's parameters
_TRANSPORT_HEADERS = {"authorization", "content-type", "accept"}
_UNQUOTED_VARIABLE = re.compile(r'(?<!")\{\{[^{}]+\}\}(?!")')


@dataclass(frozen=True)
class Problem:
    code: str  # stable id, e.g. "unknown-query-param"
    message: str
    pointer: str  # JSON pointer inside the request object, e.g. /url/query/3/value
    severity: str = "error"
    parameter: str | None = None  # the path, query or header parameter it is about
    body_pointer: str | None = None  # where inside a JSON body, when it is about the body's content


@dataclass(frozen=True, slots=True)
class SentValue:
    """One path, query or header value as sent: `value` None when it is left to run time (a `{{variable}}`
    only Postman resolves), so it is not judged; `pointer` is where a saved request holds it."""

    name: str
    value: str | None
    pointer: str = ""


class NotRead:
    """What a body reader returns for a body it cannot judge offline (a `{{variable}}` outside quotes)."""


NOT_READ = NotRead()


class RequestChecker:
    """Checks requests against one API; build once, check many (indexes and validators are cached)."""

    def __init__(self, api: Api, profile: Profile) -> None:
        self.api = api
        self.profile = profile
        self.index = OperationIndex(api)
        # date-times checked as the sandbox checks them: a body it refuses is one validate reports
        self.schemas = SchemaChecker(api.document, api.openapi_version, formats=True, requests=True)

    def route(self, request: Request) -> RouteMatch | MethodNotAllowed | None:
        """The operation a request is for. Where several share its method and path (path keys told apart by a
        `#fragment` or a fixed `?query`), the one it fits best: the API tells them apart by what is sent."""
        found = self.index.match_segments(
            request.method, api_path(self.api, request.url.host, request.url.path)
        )
        if not isinstance(found, RouteMatch) or len(found.alternatives) < 2:
            return found
        sent = {query.key for query in request.url.enabled_query()}

        def fit(op: Operation) -> tuple[int, int]:
            # fewest problems; on a tie, the path key whose fixed query the request sends
            fixed = {name for name, _ in split_path_key(op.path)[1]}
            return len(self._problems(request, op, {})), -len(fixed & sent)

        return replace(found, operation=min(found.alternatives, key=fit))

    def check(self, request: Request, variables: dict[str, str] | None = None) -> list[Problem]:
        variables = variables or {}
        found = self.route(request)
        path = request.url.path_template
        if found is None:
            return [
                Problem(
                    "unknown-path",
                    f"no operation at {path} in revision {self.api.version}; "
                    + _suggest(path, self.index.templates()),
                    "/url/path",
                )
            ]
        if isinstance(found, MethodNotAllowed):
            allowed = ", ".join(found.allowed)
            return [
                Problem(
                    "method-not-allowed",
                    f"{request.method} is not allowed on {found.template} (a 405); allowed: {allowed}",
                    "/method",
                )
            ]
        return self._problems(request, found.operation, variables, found.path_params)

    def _problems(
        self,
        request: Request,
        op: Operation,
        variables: dict[str, str],
        path_params: dict[str, str] | None = None,
    ) -> list[Problem]:
        problems: list[Problem] = []
        problems += self._path_variables(request)
        problems += self._path_values(request, op, path_params or {}, variables)
        problems += self._query(request, op, variables)
        problems += self._headers(request, op, variables)
        problems += self._body(request, op, variables)
        return problems

    # -- what the saved request sends, handed to the shared judgements ---------------------------------------
    def _path_variables(self, request: Request) -> list[Problem]:
        problems = []
        values = {v.key: v.value for v in request.url.variable}
        for index, segment in enumerate(request.url.path):
            if segment.startswith(":"):
                name = segment[1:].split(".", 1)[0]  # as Postman reads it: `:Sid.json` is `Sid`, then `.json`
                if values.get(name) in (None, ""):
                    problems.append(
                        Problem(
                            "empty-path-variable", f"path variable :{name} has no value", f"/url/path/{index}"
                        )
                    )
        return problems

    def _path_values(
        self, request: Request, op: Operation, path_params: dict[str, str], variables: dict[str, str]
    ) -> list[Problem]:
        """Each path parameter's value: a Postman `:name` variable's, a `{{variable}}`'s where known, or the
        segment's text."""
        values = {v.key: v.value for v in request.url.variable}
        sent = []
        for name, segment in path_params.items():
            value = str(values.get(segment[1:]) or "") if segment.startswith(":") else segment
            value = _substitute(value, variables)
            value = (
                value if _VARIABLE.search(value) else decoded(value)
            )  # `a%20b` reaches the server as `a b`
            if not value:
                continue  # empty is empty-path-variable's
            index = next((i for i, part in enumerate(request.url.path) if segment in part), 0)
            sent.append(SentValue(name, None if _VARIABLE.search(value) else value, f"/url/path/{index}"))
        return path_problems(self.api, op, sent)

    def _query(self, request: Request, op: Operation, variables: dict[str, str]) -> list[Problem]:
        sent = []
        for index, query in enumerate(request.url.query):
            if query.disabled or query.key is None:
                continue
            value = _substitute(query.value or "", variables)
            # as the server reads it: Postman sends `%XX` and `+` as typed, and a query's `+` is a space
            known = None if _VARIABLE.search(value) else unquote_plus(value)
            sent.append(SentValue(query.key, known, f"/url/query/{index}"))
        return query_problems(self.api, self.profile, op, sent)

    def _headers(self, request: Request, op: Operation, variables: dict[str, str]) -> list[Problem]:
        sent = []
        for index, header in enumerate(request.header):
            if header.disabled:
                continue
            value = _substitute(header.value or "", variables).strip()
            sent.append(
                SentValue(header.key, None if _VARIABLE.search(value) else value, f"/header/{index}/value")
            )
        return header_problems(self.profile, op, sent, self.api.version)

    def _body(self, request: Request, op: Operation, variables: dict[str, str]) -> list[Problem]:
        body = request.body
        # a file body is one: Postman sends the file the user picks for it (generate cannot know which)
        sent = body is not None and bool(
            body.raw.strip() or body.urlencoded or body.formdata or body.mode == "file"
        )

        def sent_text() -> str:
            return _dynamic_values(_substitute(body.raw, variables)) if body is not None else ""

        def read() -> Any:
            text = sent_text()
            if body is not None and body.language in ("json", None):
                text = without_json_comments(text)  # as Postman sends it
            unresolved = bool(_UNQUOTED_VARIABLE.search(text))
            try:
                value = json.loads(_UNQUOTED_VARIABLE.sub("null", text))
            except json.JSONDecodeError as exc:
                where = f"at line {exc.lineno} column {exc.colno}"
                raise ValueError(f"not valid JSON: {exc.msg} {where}") from None
            # a string that is one variable (`"client_secret": "{{clientSecret}}"`) is the user's text at run
            # time, as a form field's is: a string whatever it holds
            quoted_run_time.extend(_whole_variables(value))
            return NOT_READ if unresolved else value

        run_time: list[str] = []  # where a form field's value is left to run time
        quoted_run_time: list[str] = []  # where a JSON string is left to run time

        def read_form() -> Any:
            fields = (
                [f for f in body.urlencoded if isinstance(f, dict) and not f.get("disabled")] if body else []
            )
            pairs = []
            for field in fields:
                text = _dynamic_values(_substitute(str(field.get("value") or ""), variables))
                pairs.append((str(field.get("key") or ""), _RUN_TIME if _VARIABLE.search(text) else text))
            fields_read = operation_form(self.api, op, pairs)
            run_time.extend(_pointers_to(fields_read, _RUN_TIME))
            return fields_read

        def read_lines() -> Any:
            text = sent_text()
            return NOT_READ if _UNQUOTED_VARIABLE.search(text) else json_lines_read(text)

        raw = body is not None and body.mode == "raw"
        form = body is not None and body.mode == "urlencoded"
        # with no Content-Type set, the one Postman sends: a form's, or a raw body's by its language
        implied = (
            FORM_MEDIA_TYPE
            if form
            else _IMPLIED_MEDIA_TYPES.get(body.language or "")
            if raw and body
            else None
        )
        problems = body_problems(
            self.schemas,
            op,
            sent=sent,
            content_type=request.header_value("Content-Type") or implied,
            read=read if raw else read_form if form else None,
            read_lines=read_lines if raw else None,
        )
        # A field whose value is a `{{variable}}` is sent, so it counts as present (and as unexpected where the
        # schema allows no such field: a key pasted into a Stripe form), but its value is not judged offline.
        return [
            replace(problem, pointer="/body/urlencoded")
            if form and problem.pointer == "/body/raw"
            else problem
            for problem in problems
            if not any(_at_or_under(problem.body_pointer, where) for where in run_time)
            and not (problem.body_pointer in quoted_run_time and _NOT_OF_TYPE not in problem.message)
        ]


# -- the shared judgements of sent values ----------------------------------------------------------------
def path_problems(api: Api, op: Operation, sent: list[SentValue]) -> list[Problem]:
    """Each path value against its parameter's enum, type, bounds and pattern: Klaviyo answers 400 to a
    path value outside its enum, Twilio 404 to a call id that is not `CA` and 32 hex digits."""
    problems: list[Problem] = []
    for item in sent:
        param = op.parameter(item.name, "path")
        if param is None or param.style in ("label", "matrix") or param.media_type or item.value is None:
            continue  # `.x` and `;x=1` carry their style's prefix; a `content` value is its media type's
        found = _value_problems(api, param, item.value, item.pointer)
        schema = api.parameter_schema(param)
        pattern = schema.get("pattern")
        if not found and isinstance(pattern, str) and not _matches(pattern, item.value):
            found = [
                Problem(
                    "pattern-mismatch",
                    f"path parameter `{item.name}`={item.value} does not match `{pattern}`",
                    item.pointer,
                    parameter=item.name,
                )
            ]
        if not found and schema.get("type") == "string" and not string_fits(schema, item.value, None):
            shortest, longest = schema.get("minLength"), schema.get("maxLength")
            found = [
                Problem(
                    "out-of-range",
                    f"path parameter `{item.name}`={item.value} has {len(item.value)} characters; allowed: "
                    f"{shortest if isinstance(shortest, int) else 0} to {longest if isinstance(longest, int) else 'any'}",
                    item.pointer,
                    parameter=item.name,
                )
            ]
        problems += found
    return problems


def query_credentials(api: Api, op: Operation) -> set[str]:
    """The query parameters the operation's security schemes carry a key in (apiKey `in: query`)."""
    names: set[str] = set()
    for requirement in op.security:
        for name in requirement:
            scheme = api.security_schemes.get(name)
            if (
                scheme is not None
                and scheme.type == "apiKey"
                and scheme.location == "query"
                and scheme.param_name
            ):
                names.add(scheme.param_name)
    return names


def query_problems(api: Api, profile: Profile, op: Operation, sent: list[SentValue]) -> list[Problem]:
    """Unknown parameters, values outside their enum, type or bounds, filters the operation does not allow,
    and required parameters left out."""
    problems: list[Problem] = []
    known = {p.name: p for p in op.params_in("query")}
    # a query written into the path key (`/responses?beta=true`) is part of the operation: always sent, as is
    fixed = dict(split_path_key(op.path)[1])
    present: set[str] = set()
    spread = _spread_names(api, known)
    credentials = query_credentials(api, op)
    for item in sent:
        key, value = item.name, item.value
        param = known.get(key)
        if param is None and (owner := _serialized_owner(key, known, spread)) is not None:
            present.add(owner.name)  # one part of an object or array serialized by its style
            continue
        if param is None and key in credentials:
            continue  # an apiKey the operation's security takes in the query (`?api_key=…`)
        if param is None and key in fixed:
            present.add(key)
            if value is not None and value != fixed[key]:
                problems.append(
                    Problem(
                        "invalid-enum-value",
                        f"`{key}` does not accept `{value}`; the path {op.path} fixes it to `{fixed[key]}`",
                        item.pointer + "/value",
                        parameter=key,
                    )
                )
            continue
        if param is None:
            problems.append(
                Problem(
                    "unknown-query-param",
                    f"`{key}` is not a query parameter of {op.method} "
                    f"{op.path}; " + _suggest(key, list(known)),
                    item.pointer + "/key",
                    parameter=key,
                )
            )
            continue
        present.add(key)
        if value is None:
            continue  # a value left to run time cannot be checked offline
        if profile.filter_grammar and key == profile.filter_param:
            problems += _filter(profile, op, value, item.pointer + "/value")
        else:
            problems += _value_problems(api, param, value, item.pointer + "/value")
    for name, param in known.items():
        if param.required and name not in present:
            problems.append(
                Problem(
                    "missing-query-param",
                    f"required query parameter `{name}` is missing",
                    "/url/query",
                    parameter=name,
                )
            )
    for name, value in fixed.items():
        if name not in present and name not in known:
            problems.append(
                Problem(
                    "missing-query-param",
                    f"query parameter `{name}={value}` of the path {op.path} is missing",
                    "/url/query",
                    parameter=name,
                )
            )
    return problems


def _spread_names(api: Api, known: dict[str, Parameter]) -> dict[str, Parameter]:
    """Keys a form-style, exploded object parameter sends on its own: its properties' names (Intercom's
    `filter`, one of `{user_id}`, `{email}`, … is sent as `user_id=…`)."""
    spread: dict[str, Parameter] = {}
    for param in known.values():
        if (param.style or "form") != "form" or param.explode is False:
            continue
        for name in _property_names(api, param.schema, 0):
            spread.setdefault(name, param)
    return spread


def _property_names(api: Api, schema: Any, depth: int) -> list[str]:
    schema = api.resolve(schema) if isinstance(schema, dict) else None
    if not isinstance(schema, dict) or depth > 8:
        return []
    properties = schema.get("properties")
    names = [name for name in properties if isinstance(name, str)] if isinstance(properties, dict) else []
    for key in ("allOf", "oneOf", "anyOf"):
        parts = schema.get(key)
        for part in parts if isinstance(parts, list) else ():
            names += _property_names(api, part, depth + 1)
    return names


def _serialized_owner(
    key: str, known: dict[str, Parameter], spread: dict[str, Parameter]
) -> Parameter | None:
    """The parameter a query key serializes a part of: `created[gt]` and `expand[]` (deepObject, brackets) or
    an exploded form object's property."""
    head = key.partition("[")[0]
    if head != key and key.endswith("]") and head in known:
        return known[head]
    return spread.get(key)


def header_problems(
    profile: Profile, op: Operation, sent: list[SentValue], own_revision: str = ""
) -> list[Problem]:
    """Required headers left out, and a revision header that names no revision: the API answers 400 to
    `10-15-2023`. Authorization, Content-Type and Accept come from the request's auth and body instead."""
    problems: list[Problem] = []
    names = {item.name.lower() for item in sent}
    for param in op.params_in("header"):
        lowered = param.name.lower()
        if param.required and lowered not in _TRANSPORT_HEADERS and lowered not in names:
            problems.append(
                Problem(
                    "missing-header",
                    f"required header `{param.name}` is missing",
                    "/header",
                    parameter=param.name,
                )
            )
    name = (profile.revision_header or "").lower()
    revision = next((item for item in sent if name and item.name.lower() == name), None)
    if revision is not None and revision.value is not None and not is_revision(revision.value):
        own = f" ({own_revision})" if is_revision(own_revision) else ""
        problems.append(
            Problem(
                "invalid-revision-header",
                f"{revision.name} header `{revision.value}` is not a revision: send a date, YYYY-MM-DD{own}",
                revision.pointer,
                parameter=profile.revision_header,
            )
        )
    return problems


# The Content-Type Postman sends for a raw body of each language when the request sets none
_IMPLIED_MEDIA_TYPES = {"json": "application/json", "xml": "application/xml"}


def body_problems(
    schemas: SchemaChecker,
    op: Operation,
    *,
    sent: bool,
    content_type: str | None,
    read: Callable[[], Any] | None,
    read_lines: Callable[[], Any] | None = None,
) -> list[Problem]:
    """A required body left out, a Content-Type the operation does not take, and a JSON body that does not
    parse or does not match the request schema. `read` parses the body as its sender holds it (raising
    ValueError with the reason, or returning NOT_READ); None for a body that is not text (a file, a form).
    `read_lines` parses newline-delimited JSON the same way, into the list of its documents."""
    spec_body = op.request_body
    if spec_body is None:
        return []
    if not sent:
        if spec_body.required:
            return [Problem("missing-body", f"{op.method} {op.path} requires a request body", "/body")]
        return []
    media = spec_body.preferred
    if media is None:
        return []
    problems: list[Problem] = []
    if content_type and not accepts_content_type(spec_body, content_type):
        problems.append(
            Problem(
                "content-type-mismatch",
                f"Content-Type `{content_type}` is not accepted; use `{media.media_type}`",
                "/header",
                parameter="Content-Type",
            )
        )
        return problems
    judged = (content_type or media.media_type).split(";")[0].strip().lower()
    lines = judged in JSON_LINES_MEDIA_TYPES
    if lines:
        read = read_lines
    if read is None or not (is_json_media_type(judged) or judged == FORM_MEDIA_TYPE or lines):
        return problems  # a multipart or binary body the operation takes: accepted as it is
    try:
        value = read()
    except ValueError as exc:
        return [Problem("invalid-json-body", f"the body is refused: {exc}", "/body/raw")]
    schema = media.schema
    if lines and isinstance(value, list) and isinstance(schema, dict):
        # the lines are the array a schema of `type: array` describes, else each a document of the schema; a
        # `type: string` one describes the body's text (Manticore's bulk), which parsing it judged already
        whole = _local_target(schemas.document, schema)
        if isinstance(whole, dict) and whole.get("type") == "string":
            schema = None
        elif not (isinstance(whole, dict) and (whole.get("type") == "array" or "items" in whole)):
            schema = {"type": "array", "items": schema}
    if schema is not None and not isinstance(value, NotRead) and not _admits_no_value(schemas, schema):
        for message in schemas.errors(schema, value):
            where, _, _ = message.partition(": ")
            problems.append(
                Problem(
                    "body-schema",
                    f"body does not match the request schema at {message}",
                    "/body/raw",
                    body_pointer=where if where.startswith("/") else None,
                )
            )
    return problems


def _admits_no_value(schemas: SchemaChecker, schema: Any) -> bool:
    """A body schema whose `allOf` parts share no type (readme's `allOf: [{type: string}, {type: integer}]`): no
    body can match it, so none is reported against the user's request (what generate sends is no better)."""
    schema = _local_target(schemas.document, schema)
    parts = schema.get("allOf") if isinstance(schema, dict) else None
    if not isinstance(parts, list):
        return False
    allowed: set[str] | None = None
    for part in parts:
        part = _local_target(schemas.document, part)
        kind = part.get("type") if isinstance(part, dict) else None
        kinds = {kind} if isinstance(kind, str) else set(kind) if isinstance(kind, list) else None
        if kinds is None:
            continue
        if "number" in kinds:
            kinds.add("integer")  # every integer is a number
        allowed = kinds if allowed is None else allowed & kinds
    return allowed is not None and not allowed


def _local_target(document: dict[str, Any], schema: Any) -> Any:
    """The schema a local `$ref` names (one step), else the schema itself."""
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return schema
    try:
        return resolve_pointer(document, ref[1:], "spec")
    except InputError:
        return schema


def is_revision(text: str) -> bool:
    """Whether `text` names a revision: a real date, YYYY-MM-DD, with `.pre` for a beta."""
    match = _REVISION.match(text.strip())
    if match is None:
        return False
    try:
        date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return False
    return True


def _value_problems(api: Api, param: Parameter, value: str, pointer: str) -> list[Problem]:
    """One value against its parameter's schema: enum (of each item for an array, split as its style joins
    them), integer or number, minimum and maximum (exclusive ones too)."""
    schema = api.parameter_schema(param)
    name = param.name
    if schema.get("type") == "array" or "items" in schema:
        items = api.resolve(schema.get("items") or {})
        enum = items.get("enum") if isinstance(items, dict) else None
        if isinstance(enum, list):
            # the items joined by the style's delimiter: `red green` (spaceDelimited), `asc|desc` (pipeDelimited)
            delimiter = {"spacedelimited": " ", "pipedelimited": "|"}.get((param.style or "").lower(), ",")
            parts = value.replace("%20", " ").split(delimiter) if delimiter == " " else value.split(delimiter)
            for part in (p.strip() for p in parts):
                if part and part not in _enum_texts(enum):
                    return [
                        Problem(
                            "invalid-enum-value",
                            f"`{name}` does not accept `{part}`; " + _allowed(part, _enum_texts(enum)),
                            pointer,
                            parameter=name,
                        )
                    ]
        return []
    enum = schema.get("enum")
    if isinstance(enum, list) and value not in _enum_texts(enum):
        return [
            Problem(
                "invalid-enum-value",
                f"`{name}` does not accept `{value}`; " + _allowed(value, _enum_texts(enum)),
                pointer,
                parameter=name,
            )
        ]
    kind = schema.get("type")
    if kind not in ("integer", "number"):
        return []
    try:
        number = float(value) if kind == "number" else int(value) if _INTEGER.match(value.strip()) else None
    except ValueError:
        number = None
    if number is None:
        wanted = "an integer" if kind == "integer" else "a number"
        return [Problem("invalid-number", f"`{name}` takes {wanted}, not `{value}`", pointer, parameter=name)]
    minimum, maximum = schema.get("minimum"), schema.get("maximum")
    if (isinstance(minimum, (int, float)) and number < minimum) or (
        isinstance(maximum, (int, float)) and number > maximum
    ):
        return [
            Problem(
                "out-of-range",
                f"`{name}`={value} is out of range; allowed: {minimum} to {maximum}",
                pointer,
                parameter=name,
            )
        ]
    # exclusive bounds: 3.1's numbers (`exclusiveMinimum: 10`), or 3.0's flags on minimum and maximum
    low, low_open, high, high_open = number_bounds(schema)
    wrong = [
        f"more than {low}" if low_open and low is not None and number <= low else "",
        f"less than {high}" if high_open and high is not None and number >= high else "",
    ]
    if any(wrong):
        allowed = " and ".join(text for text in wrong if text)
        return [
            Problem(
                "out-of-range",
                f"`{name}`={value} is out of range; allowed: {allowed}",
                pointer,
                parameter=name,
            )
        ]
    return []


def _filter(profile: Profile, op: Operation, value: str, pointer: str) -> list[Problem]:
    name = profile.filter_param
    try:
        conditions = parse_filter(value)
    except FilterSyntaxError as exc:
        return [Problem("filter-syntax", f"filter `{value}` does not parse: {exc}", pointer, parameter=name)]
    allowed = profile.allowed_filters(op)
    if not allowed:
        return []  # the operation documents no filter rules: nothing to judge against
    return [
        Problem("filter-not-allowed", message, pointer, parameter=name)
        for message in check_filter(conditions, allowed)
    ]


def accepts_content_type(body: RequestBody, content_type: str) -> bool:
    """Whether an operation takes a body sent with `content_type`: a media type it lists (or a range such as
    `*/*` or `application/*` it lists), or any JSON type when it takes JSON, as JSON APIs do
    (`application/json` for `application/vnd.api+json`).

    The one judgement validate's saved-request check and the sandbox's 415 share.
    """
    sent = content_type.split(";")[0].strip().lower()
    listed = {m.media_type.split(";")[0].strip().lower() for m in body.content}
    if sent in listed or "*/*" in listed or f"{sent.split('/')[0]}/*" in listed:
        return True
    return is_json_media_type(sent) and any(is_json_media_type(media) for media in listed)


def cookie_pairs(text: str) -> list[tuple[str, str]]:
    """A Cookie header's `name=value` pairs (`a=1; b={{b}}`), as a server reads them: each pair alone, so one
    a strict parser refuses (`flag`, `a=b c`) costs only itself."""
    pairs = []
    for part in text.split(";"):
        name, equals, value = part.partition("=")
        if equals and name.strip():
            pairs.append((name.strip(), value.strip()))
    return pairs


def cookie_value(text: str, name: str) -> str | None:
    """The value of cookie `name` in a Cookie header's text (its first), or None when it is not there."""
    return next((value for key, value in cookie_pairs(text) if key == name), None)


FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"


def operation_form(api: Api, op: Operation, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """A form's fields as the object the operation's body schema describes (see form_value), as validate reads a
    saved request's and the sandbox a request's."""
    media = op.request_body.preferred if op.request_body is not None else None
    schema = api.resolve(media.schema) if media is not None and media.schema else {}
    return form_value(pairs, schema, api.resolve, media.encoding if media is not None else {})


def form_value(
    pairs: list[tuple[str, str]],
    schema: Any,
    resolve: Callable[[Any], Any],
    encoding: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A form body's fields as the object its schema describes: bracketed keys nested as Stripe documents them
    (`metadata[order_id]`, `expand[]`, `items[0][price]`), a key repeated as the array it sends (`ids=1&ids=2`),
    a field the media type's `encoding` gives as JSON read as JSON, and each text read as the type its property
    has (a form holds only text: `amount=5` is the integer 5, `capture=false` the boolean)."""
    value: dict[str, Any] = {}
    json_fields = {
        name
        for name, entry in (encoding or {}).items()
        if isinstance(entry, dict)
        and is_json_media_type(str(entry.get("contentType", "")).split(";")[0].strip())
    }
    for key, text in pairs:
        if key in json_fields:
            try:
                value[key] = json.loads(text)
                continue
            except ValueError:
                pass  # judged as the text it is
        name, _, rest = key.partition("[")
        path = [name] + [part.rstrip("]") for part in rest.split("[")] if rest else [name]
        node: Any = value
        for index, part in enumerate(path):
            last = index == len(path) - 1
            if isinstance(node, list):
                if last:
                    node.append(text)
                    break
                if part == "" or not part.isdigit() or int(part) >= len(node):
                    node.append([] if path[index + 1] == "" else {})
                node = node[-1] if part == "" or not part.isdigit() else node[min(int(part), len(node) - 1)]
                continue
            if last:
                if part in node and not rest:  # a key sent again: the items of an exploded array
                    earlier = node[part]
                    node[part] = [*earlier, text] if isinstance(earlier, list) else [earlier, text]
                else:
                    node[part] = text
            else:
                node = node.setdefault(part, [] if path[index + 1] == "" or path[index + 1].isdigit() else {})
    return _typed(value, schema, resolve, 0)


def _typed(value: Any, schema: Any, resolve: Callable[[Any], Any], depth: int) -> Any:
    schema = resolve(schema) if isinstance(schema, dict) else {}
    if depth > 32 or not isinstance(schema, dict):
        return value
    parts = [schema] + [
        resolve(branch)
        for key in ("allOf", "anyOf", "oneOf")
        for branch in schema.get(key) or []
        if isinstance(branch, dict)
    ]
    parts = [part for part in parts if isinstance(part, dict)]
    if isinstance(value, dict):
        properties: dict[str, Any] = {}
        for part in parts:
            for name, prop in (
                (part.get("properties") or {}).items() if isinstance(part.get("properties"), dict) else ()
            ):
                # a property several branches describe is read by any of them (Stripe's `customer_acceptance`)
                properties[name] = {"anyOf": [properties[name], prop]} if name in properties else prop
        extra = schema.get("additionalProperties")
        fallback = extra if isinstance(extra, dict) else {}
        return {k: _typed(v, properties.get(k, fallback), resolve, depth + 1) for k, v in value.items()}
    items: Any = next((part["items"] for part in parts if isinstance(part.get("items"), dict)), {})
    # 3.1's tuple (`prefixItems: [integer, string]`): each position read as its own schema
    prefix: list[Any] = next(
        (part["prefixItems"] for part in parts if isinstance(part.get("prefixItems"), list)), []
    )
    if isinstance(value, list):
        return [
            _typed(v, prefix[index] if index < len(prefix) else items, resolve, depth + 1)
            for index, v in enumerate(value)
        ]
    kinds = {kind for part in parts for kind in listed_types(part.get("type"))}
    if not isinstance(value, str) or _free_string(parts, value):
        return value
    if "array" in kinds:
        # one value of an array (`MediaUrl=x`), or the array joined by its style's delimiter (`a b`, `a|b`, `a,b`)
        delimiter = next((d for d in (" ", "|", ",") if d in value), None)
        return [
            _typed(v, items, resolve, depth + 1) for v in (value.split(delimiter) if delimiter else [value])
        ]
    if "boolean" in kinds and value in ("true", "false"):
        return value == "true"
    if "integer" in kinds and re.fullmatch(r"-?\d+", value):
        return int(value)
    if "number" in kinds and re.fullmatch(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", value):
        return float(value)
    return value


def _free_string(parts: list[dict[str, Any]], value: str) -> bool:
    """A part of the schema takes `value` as text: a string with no enum, or one whose enum holds it."""
    for part in parts:
        if "string" in listed_types(part.get("type")) or (not part.get("type") and "enum" in part):
            enum = part.get("enum")
            if not isinstance(enum, list) or value in enum:
                return True
    return False


def is_json_media_type(media_type: str) -> bool:
    """`application/json` or a `+json` type (`application/vnd.api+json`), lower-cased without parameters."""
    return media_type == "application/json" or media_type.endswith("+json")


# A form field's value left to run time, as form_value reads it: text no value of the form's can be.
_RUN_TIME = "\x00{{run time}}\x00"


def _pointers_to(value: Any, target: str, where: str = "") -> list[str]:
    """The places in `value` that hold the text `target`, written as SchemaChecker.errors writes a place."""
    if value == target:
        return [where or "/"]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return [pointer for key, item in items for pointer in _pointers_to(item, target, f"{where}/{key}")]


def _whole_variables(value: Any, where: str = "") -> list[str]:
    """The places in a JSON body that hold a string of one `{{variable}}` only, written as _pointers_to writes
    them; Postman's dynamic variables (`{{$guid}}`) are judged as the values they stand for."""
    if isinstance(value, str):
        found = _VARIABLE.fullmatch(value)
        return [where or "/"] if found is not None and not found.group(1).startswith("$") else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return [pointer for key, item in items for pointer in _whole_variables(item, f"{where}/{key}")]


# How SchemaChecker.errors words a value of the wrong JSON type: a quoted variable is text, whatever it holds
_NOT_OF_TYPE = "is not of type"


def _at_or_under(pointer: str | None, where: str) -> bool:
    return pointer is not None and (pointer == where or pointer.startswith(where.rstrip("/") + "/"))


def _substitute(text: str, variables: dict[str, str]) -> str:
    if not variables or "{{" not in text:
        return text
    return _VARIABLE.sub(lambda m: str(variables.get(m.group(1), m.group(0))), text)


# What Postman's dynamic variables the kit writes (a unique email or phone per run) stand for when a body is
# judged: values of their form, so `jane.doe+{{$guid}}@example.com` is checked like any email, not skipped.
_DYNAMIC_VALUES = {
    "$guid": "00000000-0000-4000-8000-000000000000",
    "$randomUUID": "00000000-0000-4000-8000-000000000000",
    "$timestamp": "1700000000",
    "$isoTimestamp": "2024-01-01T00:00:00.000Z",
    "$randomInt": "1",
}


def _dynamic_values(text: str) -> str:
    if "{{$" not in text:
        return text
    return _VARIABLE.sub(lambda m: _DYNAMIC_VALUES.get(m.group(1), m.group(0)), text)


def _matches(pattern: str, value: str) -> bool:
    """JSON Schema's `pattern`: a search, not a full match; a pattern Python cannot read, or could not match in
    bounded time (scalars.bounded: `^(x+x+)+y$`), judges nothing."""
    if not bounded(pattern):
        return True
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return True


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(f"`{c}`" for c in close) + "?"
    if len(choices) <= 12:
        return "allowed: " + (", ".join(f"`{c}`" for c in sorted(choices)) or "none")
    return f"{len(choices)} are defined"


def _enum_texts(enum: list[Any]) -> list[str]:
    """An enum's values as a URL or header carries them: `true` (not Python's `True`), `1` for `1.0` too, and
    `null` as `null` or nothing."""
    texts: list[str] = []
    for item in enum:
        if isinstance(item, bool):
            texts.append("true" if item else "false")
        elif item is None:
            texts += ["null", ""]
        elif isinstance(item, float) and item.is_integer():
            texts += [str(item), str(int(item))]
        else:
            texts.append(str(item))
    return texts


def _allowed(value: str, enum: list[Any]) -> str:
    close = difflib.get_close_matches(value, [str(e) for e in enum], n=1, cutoff=0.6)
    listed = ", ".join(f"`{e}`" for e in enum[:15]) + (", …" if len(enum) > 15 else "")
    hint = f"did you mean `{close[0]}`? " if close else ""
    return f"{hint}allowed: {listed}"


# Hosts that may serve any API: the sandbox and a local copy of the API.
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"})


def other_host(request: Request, api: Api | None, variables: dict[str, str] | None = None) -> Problem | None:
    """A finding for a request written to another service's host (`https://relay.example.com/hook` in a fork of
    Clerk's collection, or `{{twilioBaseUrl}}` where `variables` make it `https://api.twilio.com`), which is not
    this API's to judge; None for a request to the API (one of its `server_hosts`), to a variable host left to
    run time (`{{baseUrl}}`) or to a local one, and without the API's spec."""
    hosts = api.server_hosts if api is not None else frozenset()
    host = ".".join(request.url.host).lower()
    if "{{" in host and variables:
        resolved = _substitute(".".join(request.url.host), variables)
        if "://" in resolved:
            resolved = urlsplit(resolved).hostname or ""
        host = resolved.split("/")[0].split(":")[0].lower()
    if not hosts or not host or "{{" in host or host in hosts or host in _LOCAL_HOSTS:
        return None
    named = ", ".join(sorted(hosts))
    return Problem(
        "other-host",
        f"not a request to this API: {host} is none of the spec's server hosts ({named}); not checked",
        "/url/host",
        severity="info",
    )
