"""Does a saved request still fit the spec? The checks validate's saved-request rules and diff's
"which saved requests break" share.

Each check looks at one thing and reports a :class:`Problem` with a stable code, a message that says what is
allowed instead, and a JSON pointer inside the request.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from postman_kit.collection import Request
from postman_kit.filters import FilterSyntaxError, check_filter, parse_filter
from postman_kit.openapi import Api, Operation, Parameter, RequestBody, split_path_key
from postman_kit.profiles import Profile
from postman_kit.routing import MethodNotAllowed, OperationIndex, RouteMatch
from postman_kit.schema_validation import SchemaChecker

_VARIABLE = re.compile(r"\{\{([^{}]+)\}\}")
_REVISION = re.compile(r"^\d{4}-\d{2}-\d{2}(?:\.pre)?$")
_UNQUOTED_VARIABLE = re.compile(r'(?<!")\{\{[^{}]+\}\}(?!")')


@dataclass(frozen=True)
class Problem:
    code: str  # stable id, e.g. "unknown-query-param"
    message: str
    pointer: str  # JSON pointer inside the request object, e.g. /url/query/3/value
    severity: str = "error"


class RequestChecker:
    """Checks requests against one API; build once, check many (indexes and validators are cached)."""

    def __init__(self, api: Api, profile: Profile) -> None:
        self.api = api
        self.profile = profile
        self.index = OperationIndex(api)
        self.schemas = SchemaChecker(api.document, api.openapi_version)

    def route(self, request: Request) -> RouteMatch | MethodNotAllowed | None:
        """The operation a request is for. Where several share its method and path (path keys told apart by a
        `#fragment` or a fixed `?query`), the one it fits best: the API tells them apart by what is sent."""
        found = self.index.match_segments(request.method, request.url.path)
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
            return [Problem("unknown-path", f"no operation at {path} in revision {self.api.version}; "
                            + _suggest(path, self.index.templates()), "/url/path")]
        if isinstance(found, MethodNotAllowed):
            allowed = ", ".join(found.allowed)
            return [Problem("method-not-allowed",
                            f"{request.method} is not allowed on {found.template} (a 405); allowed: {allowed}",
                            "/method")]
        return self._problems(request, found.operation, variables, found.path_params)

    def _problems(self, request: Request, op: Operation, variables: dict[str, str],
                  path_params: dict[str, str] | None = None) -> list[Problem]:
        problems: list[Problem] = []
        problems += self._path_variables(request)
        problems += self._path_values(request, op, path_params or {}, variables)
        problems += self._query(request, op, variables)
        problems += self._headers(request, op)
        problems += self._revision(request, variables)
        problems += self._body(request, op, variables)
        return problems

    # -- path --------------------------------------------------------------------------------------------------
    def _path_variables(self, request: Request) -> list[Problem]:
        problems = []
        values = {v.key: v.value for v in request.url.variable}
        for index, segment in enumerate(request.url.path):
            if segment.startswith(":"):
                name = segment[1:].split(".", 1)[0]  # as Postman reads it: `:Sid.json` is `Sid`, then `.json`
                if values.get(name) in (None, ""):
                    problems.append(Problem("empty-path-variable", f"path variable :{name} has no value",
                                            f"/url/path/{index}"))
        return problems

    def _path_values(self, request: Request, op: Operation, path_params: dict[str, str],
                     variables: dict[str, str]) -> list[Problem]:
        """Each path parameter's value (a Postman `:name` variable's, a `{{variable}}`'s where known, or the
        segment's text) against the parameter's enum, type, bounds and pattern: Twilio answers 404 to a call
        id that is not `CA` and 32 hex digits."""
        problems: list[Problem] = []
        values = {v.key: v.value for v in request.url.variable}
        for name, sent in path_params.items():
            param = op.parameter(name, "path")
            if param is None or param.style in ("label", "matrix") or param.media_type:
                continue  # `.x` and `;x=1` carry their style's prefix; a `content` value is its media type's
            value = str(values.get(sent[1:]) or "") if sent.startswith(":") else sent
            value = _substitute(value, variables)
            if not value or _VARIABLE.search(value):
                continue  # empty is empty-path-variable's; a value left to run time cannot be checked offline
            index = next((i for i, segment in enumerate(request.url.path) if sent in segment), 0)
            pointer = f"/url/path/{index}"
            found = self._query_value(op, param, value, pointer)
            schema = self.api.resolve(param.schema) if param.schema else {}
            pattern = schema.get("pattern") if isinstance(schema, dict) else None
            if not found and isinstance(pattern, str) and not _matches(pattern, value):
                found = [Problem("pattern-mismatch", f"path parameter `{name}`={value} does not match "
                                 f"`{pattern}`", pointer)]
            problems += found
        return problems

    # -- query -------------------------------------------------------------------------------------------------
    def _query(self, request: Request, op: Operation, variables: dict[str, str]) -> list[Problem]:
        problems: list[Problem] = []
        known = {p.name: p for p in op.params_in("query")}
        # a query written into the path key (`/responses?beta=true`) is part of the operation: always sent, as is
        fixed = dict(split_path_key(op.path)[1])
        present: set[str] = set()
        for index, query in enumerate(request.url.query):
            if query.disabled or query.key is None:
                continue
            pointer = f"/url/query/{index}"
            key = query.key
            param = known.get(key)
            if param is None and key in fixed:
                present.add(key)
                value = _substitute(query.value or "", variables)
                if value != fixed[key] and not _VARIABLE.search(value):
                    problems.append(Problem("invalid-enum-value",
                                            f"`{key}` does not accept `{value}`; the path {op.path} fixes it "
                                            f"to `{fixed[key]}`", pointer + "/value"))
                continue
            if param is None:
                problems.append(Problem("unknown-query-param",
                                        f"`{key}` is not a query parameter of {op.method} {op.path}; "
                                        + _suggest(key, list(known)), pointer + "/key"))
                continue
            present.add(key)
            value = _substitute(query.value or "", variables)
            if _VARIABLE.search(value):
                continue  # a value left to run time cannot be checked offline
            problems += self._query_value(op, param, value, pointer + "/value")
        for name, param in known.items():
            if param.required and name not in present:
                problems.append(Problem("missing-query-param", f"required query parameter `{name}` is missing",
                                        "/url/query"))
        for name, value in fixed.items():
            if name not in present and name not in known:
                problems.append(Problem("missing-query-param",
                                        f"query parameter `{name}={value}` of the path {op.path} is missing",
                                        "/url/query"))
        return problems

    def _query_value(self, op: Operation, param: Parameter, value: str, pointer: str) -> list[Problem]:
        if self.profile.filter_grammar and param.name == self.profile.filter_param:
            return self._filter(op, value, pointer)
        schema = self.api.resolve(param.schema) if param.schema else {}
        if not isinstance(schema, dict):
            return []
        if schema.get("type") == "array":
            items = self.api.resolve(schema.get("items") or {})
            enum = items.get("enum") if isinstance(items, dict) else None
            if isinstance(enum, list):
                for part in (p.strip() for p in value.split(",")):
                    if part not in enum:
                        return [Problem("invalid-enum-value",
                                        f"`{param.name}` does not accept `{part}`; " + _allowed(part, enum),
                                        pointer)]
            return []
        enum = schema.get("enum")
        if isinstance(enum, list) and value not in [str(e) for e in enum]:
            return [Problem("invalid-enum-value", f"`{param.name}` does not accept `{value}`; "
                            + _allowed(value, [str(e) for e in enum]), pointer)]
        if schema.get("type") in ("integer", "number"):
            try:
                number = float(value)
            except ValueError:
                return [Problem("invalid-number", f"`{param.name}` takes a number, not `{value}`", pointer)]
            minimum, maximum = schema.get("minimum"), schema.get("maximum")
            if (isinstance(minimum, (int, float)) and number < minimum) or (
                isinstance(maximum, (int, float)) and number > maximum
            ):
                return [Problem("out-of-range",
                                f"`{param.name}`={value} is out of range; allowed: {minimum} to {maximum}", pointer)]
        return []

    def _filter(self, op: Operation, value: str, pointer: str) -> list[Problem]:
        try:
            conditions = parse_filter(value)
        except FilterSyntaxError as exc:
            return [Problem("filter-syntax", f"filter `{value}` does not parse: {exc}", pointer)]
        allowed = self.profile.allowed_filters(op)
        if not allowed:
            return []
        return [Problem("filter-not-allowed", message, pointer) for message in check_filter(conditions, allowed)]

    # -- headers -----------------------------------------------------------------------------------------------
    def _headers(self, request: Request, op: Operation) -> list[Problem]:
        problems = []
        for param in op.params_in("header"):
            skipped = param.name.lower() in {"authorization", "content-type", "accept"}
            if param.required and not skipped and request.header_value(param.name) is None:
                problems.append(Problem("missing-header", f"required header `{param.name}` is missing", "/header"))
        return problems

    def _revision(self, request: Request, variables: dict[str, str]) -> list[Problem]:
        """A literal revision header must name a revision: the API answers 400 to `10-15-2023`."""
        name = self.profile.revision_header
        if not name:
            return []
        for index, header in enumerate(request.header):
            if header.disabled or header.key.lower() != name.lower():
                continue
            value = _substitute(header.value or "", variables).strip()
            if _VARIABLE.search(value) or _REVISION.match(value):
                continue
            own = f" ({self.api.version})" if _REVISION.match(self.api.version or "") else ""
            return [Problem("invalid-revision-header",
                            f"{header.key} header `{value}` is not a revision: send a date, YYYY-MM-DD{own}",
                            f"/header/{index}/value")]
        return []

    # -- body --------------------------------------------------------------------------------------------------
    def _body(self, request: Request, op: Operation, variables: dict[str, str]) -> list[Problem]:
        spec_body = op.request_body
        body = request.body
        # a file body is one: Postman sends the file the user picks for it (generate cannot know which)
        has_body = body is not None and (body.raw.strip() or body.urlencoded or body.formdata or body.mode == "file")
        if spec_body is None:
            return []
        if not has_body:
            if spec_body.required:
                return [Problem("missing-body", f"{op.method} {op.path} requires a request body", "/body")]
            return []
        media = spec_body.preferred
        if media is None or body is None:
            return []
        problems: list[Problem] = []
        expected = media.media_type
        content_type = request.header_value("Content-Type")
        if content_type and not accepts_content_type(spec_body, content_type):
            problems.append(Problem("content-type-mismatch",
                                    f"Content-Type `{content_type}` is not accepted; use `{expected}`", "/header"))
        if body.mode != "raw" or not (expected.endswith("json") or "+json" in expected):
            return problems
        text = _substitute(body.raw, variables)
        unresolved = bool(_UNQUOTED_VARIABLE.search(text))
        try:
            value = json.loads(_UNQUOTED_VARIABLE.sub("null", text))
        except json.JSONDecodeError as exc:
            problems.append(Problem("invalid-json-body",
                                    f"body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                                    "/body/raw"))
            return problems
        if media.schema is not None and not unresolved:
            for message in self.schemas.errors(media.schema, value):
                problems.append(Problem("body-schema", f"body does not match the request schema at {message}",
                                        "/body/raw"))
        return problems


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
    return _is_json(sent) and any(_is_json(media) for media in listed)


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _substitute(text: str, variables: dict[str, str]) -> str:
    if not variables or "{{" not in text:
        return text
    return _VARIABLE.sub(lambda m: str(variables.get(m.group(1), m.group(0))), text)


def _matches(pattern: str, value: str) -> bool:
    """JSON Schema's `pattern`: a search, not a full match; a pattern Python cannot read judges nothing."""
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


def _allowed(value: str, enum: list[Any]) -> str:
    close = difflib.get_close_matches(value, [str(e) for e in enum], n=1, cutoff=0.6)
    listed = ", ".join(f"`{e}`" for e in enum[:15]) + (", …" if len(enum) > 15 else "")
    hint = f"did you mean `{close[0]}`? " if close else ""
    return f"{hint}allowed: {listed}"
