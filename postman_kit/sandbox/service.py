"""What the sandbox answers to one request, without the web server: pure apart from the resource store.

Checks run in the order the real API applies them: route (404/405), key (401/403), revision (400), rate limit
(429), query (400), body (400); then the resource action (404/409) or, for operations that hold no state,
the spec's example response.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from postman_kit.conformance import (
    FORM_MEDIA_TYPE,
    Problem,
    SentValue,
    body_problems,
    cookie_value,
    header_problems,
    is_json_media_type,
    operation_form,
    path_problems,
)
from postman_kit.examples import ExampleBuilder
from postman_kit.generation.error_examples import ERROR_MEDIA_TYPE as JSON_API
from postman_kit.ids import normalize_path
from postman_kit.json_lines import json_lines_read
from postman_kit.logstore.records import path_category
from postman_kit.openapi import Api, Operation, SecurityScheme, key_prefix, status_code
from postman_kit.profiles import Profile, detect_profile, find_revision
from postman_kit.routing import MethodNotAllowed, OperationIndex
from postman_kit.sandbox.api_errors import ApiError, method_not_allowed
from postman_kit.sandbox.jobs import DEFAULT_JOB_SECONDS, Job, is_job_type, progress, task_count
from postman_kit.sandbox.json_limits import parse_json_body
from postman_kit.sandbox.keys import KeyRing
from postman_kit.sandbox.list_query import ListQuery, check_query, encode_cursor, select
from postman_kit.sandbox.ratelimit import RateLimiter, parse_limit, retry_after
from postman_kit.sandbox.resource_store import ResourceStore
from postman_kit.sandbox.resources import ResourceKind, find_resource_kinds
from postman_kit.sandbox.revision_dates import RevisionError, resolve_revision
from postman_kit.sandbox.spec_errors import SpecErrors
from postman_kit.schema_validation import SchemaChecker, validator_classes

STORE_FILE = "sandbox.sqlite3"


@dataclass
class Incoming:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    base_url: str = "http://127.0.0.1"


@dataclass
class Outcome:
    status: int
    document: Any = None  # JSON body, None for none
    headers: dict[str, str] = field(default_factory=dict)
    operation: str | None = None  # the matched path template
    category: str | None = None
    source: str = ""
    key: str = ""  # the private key in full: truncated before it is recorded
    revision: str | None = None
    resource_ids: list[str] = field(default_factory=list)
    # the answer's Content-Type: the operation's success media type; a refusal's, the spec's error media type or
    # JSON:API
    media_type: str = JSON_API
    answered_by: Operation | None = None  # the operation the request was routed to, once it is


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _label(type_name: str) -> str:
    return type_name.replace("-", " ").replace("_", " ").capitalize()


class Sandbox:
    """One spec revision served from a resource store."""

    def __init__(
        self,
        api: Api,
        keys: KeyRing,
        data_dir: str | Path | None = None,
        rate_limits: bool = True,
        profile: Profile | None = None,
        reset: bool = False,
        job_seconds: float = DEFAULT_JOB_SECONDS,
    ) -> None:
        self.api = api
        self.keys = keys
        self.profile = profile or detect_profile(api)
        self.revision = find_revision(api, self.profile)
        self.index = OperationIndex(api)
        self.kinds = find_resource_kinds(api, self.profile)
        self.items = {kind.item: kind for kind in self.kinds.values()}
        self.store = ResourceStore(Path(data_dir) / STORE_FILE if data_dir is not None else None, reset=reset)
        self.limiter = RateLimiter() if rate_limits else None
        self.job_seconds = job_seconds
        self.jobs: dict[tuple[str, str], Job] = {}  # jobs created since start; older ones read as stored
        self.schemas = SchemaChecker(api.document, api.openapi_version, formats=True)
        validator_classes()  # a server pays jsonschema's import at start, not in its first request
        self._examples = ExampleBuilder(api.document, "response")
        # Klaviyo's API answers JSON:API error documents (ApiError's); any other, in its spec's own error shape
        self._spec_errors = (
            SpecErrors(api, self.schemas, self._examples)
            if self.profile.error_examples == "documented"
            else None
        )
        self._example_cache: dict[tuple[str, str], tuple[int, Any]] = {}
        self._fixtures = {(kind.type, rid) for kind in self.kinds.values() for rid in kind.fixture_ids}
        for kind in self.kinds.values():
            for resource_id in kind.fixture_ids:
                if self.store.get(kind.type, resource_id) is None:
                    self._seed(kind, resource_id)

    def close(self) -> None:
        self.store.close()

    # -- the request pipeline ----------------------------------------------------------------------------------
    def serve(self, incoming: Incoming) -> Outcome:
        outcome = Outcome(status=200)
        try:
            self._serve(incoming, outcome)
        except ApiError as error:
            outcome.status = error.status
            outcome.headers.update(error.headers)
            outcome.document, outcome.media_type = self.refusal(error, outcome.answered_by)
        return outcome

    def refusal(self, error: ApiError, op: Operation | None = None) -> tuple[Any, str]:
        """A refusal's body and media type: in the spec's own error shape (see spec_errors), else JSON:API's."""
        spec_shaped = self._spec_errors.answer(op, error) if self._spec_errors is not None else None
        return spec_shaped or (error.document(), JSON_API)

    def _serve(self, incoming: Incoming, outcome: Outcome) -> None:
        # HTTP's method names are case-sensitive (RFC 9110, 9.1): a lower-case `get` is a method no path takes
        match = self.index.match(incoming.method, incoming.path, exact_method=True)
        if match is None:
            raise ApiError(404, f"No endpoint matches {incoming.path}.")
        if isinstance(match, MethodNotAllowed):
            outcome.operation = match.template
            outcome.category = path_category(self.index, match)
            raise method_not_allowed(incoming.method, match.allowed)
        op = outcome.answered_by = match.operation
        outcome.media_type = _json_media_type(_success_media(op)) or JSON_API
        outcome.operation = match.template
        outcome.category = op.tags[0] if op.tags else None
        outcome.resource_ids = list(match.path_params.values())
        who = self._authenticate(op, incoming, outcome)
        outcome.revision = self._revision(op, incoming)
        self._throttle(op, who)
        _refuse(
            path_problems(self.api, op, [SentValue(name, value) for name, value in match.path_params.items()])
        )
        plan = check_query(self.api, op, self.profile, incoming.query)
        body = self._body(op, incoming)
        self._act(op, match.template, match.path_params, plan, body, incoming, outcome)

    def _authenticate(self, op: Operation, incoming: Incoming, outcome: Outcome) -> str:
        """Who is calling (for rate limits); raises 400/401/403."""
        if self.profile.is_client_operation(op):
            param = self.profile.public_key_param or ""
            if self._private_key(op, incoming) is not None:
                raise ApiError(
                    400,
                    "Client endpoints take the public key (company_id) only; "
                    "remove the private key from the Authorization header.",
                    parameter=param,
                )
            company_id = incoming.query.get(param)
            if not company_id:
                raise ApiError(400, f"Missing required query parameter {param}", parameter=param)
            if self.keys.company(company_id) is None:
                raise ApiError(400, f"{param} {company_id!r} is not a known public API key", parameter=param)
            outcome.source = "client"
            return "client:" + company_id
        if not op.security:
            return "anonymous"
        secret = self._private_key(op, incoming)
        if secret is None and any(not requirement for requirement in op.security):
            return "anonymous"  # `security: [{}, …]`: credentials are optional
        key = self.keys.key(secret) if secret else None
        if key is None:
            raise ApiError(401, _missing_key_detail(self.api, op))
        outcome.key = key.secret
        outcome.source = key.name
        missing = key.missing_scopes(self.profile.scopes(op))
        if missing:
            raise ApiError(403, "Your API key is missing required scopes: " + ", ".join(missing))
        return "key:" + key.secret

    def _private_key(self, op: Operation, incoming: Incoming) -> str | None:
        """The key the request carries where the operation's security schemes put it: an apiKey header (after
        its prefix, `Klaviyo-API-Key `), query parameter or cookie; a Bearer token (http bearer, OAuth 2.0,
        OpenID Connect); either half of Basic credentials (Stripe sends the key as the user name, Twilio as
        the password), whichever is a sandbox key. An operation without security is read by the API's (a client
        endpoint sent the private key)."""
        for requirement in op.security or self.api.security:
            for name in requirement:
                scheme = self.api.security_schemes.get(name)
                found = _credential(scheme, incoming, self.keys.key) if scheme is not None else None
                if found is not None:
                    return found
        return None

    def _revision(self, op: Operation, incoming: Incoming) -> str | None:
        """The revision that answers; raises 400 for a required header left out or a revision that is not one
        (judged as validate judges them), or one this sandbox does not serve."""
        sent = [SentValue(name, value) for name, value in incoming.headers.items()]
        _refuse(header_problems(self.profile, op, sent, self.revision))
        header = self.profile.revision_header
        if not header or op.parameter(header, "header") is None:
            return None
        try:
            return resolve_revision(incoming.headers.get(header.lower()), self.revision)
        except RevisionError as exc:
            raise ApiError(400, str(exc), parameter=header) from None

    def _throttle(self, op: Operation, who: str) -> None:
        if self.limiter is None:
            return
        limits = [
            limit for name, text in self.profile.rate_limit(op).items() if (limit := parse_limit(name, text))
        ]
        if not limits:
            return
        wait = self.limiter.take(who, f"{op.method} {op.path}", limits)
        if wait is not None:
            described = ", ".join(f"{k} {v}" for k, v in self.profile.rate_limit(op).items())
            raise ApiError(
                429,
                f"Request was throttled ({described}). Expected available in {retry_after(wait)} second(s).",
                headers={"Retry-After": retry_after(wait)},
            )

    def _body(self, op: Operation, incoming: Incoming) -> Any:
        """The parsed JSON body, or None; raises 400 (415 for a Content-Type the operation does not take) as
        validate judges the same body."""
        content_type = incoming.headers.get("content-type", "").split(";")[0].strip().lower()
        parsed: list[Any] = [None]

        def read() -> Any:
            if content_type == FORM_MEDIA_TYPE:
                # a form (Traccar's session, Stripe's every POST): its fields as the object its schema describes,
                # as validate reads the same form
                pairs = parse_qsl(incoming.body.decode("utf-8", "replace"), keep_blank_values=True)
                parsed[0] = operation_form(self.api, op, pairs)
                return parsed[0]
            parsed[0] = parse_json_body(incoming.body)  # JsonRefused is a ValueError: one line saying why
            return parsed[0]

        def read_lines() -> Any:
            text = incoming.body.decode("utf-8", "replace")
            return json_lines_read(text, lambda line: parse_json_body(line.encode()))

        _refuse(
            body_problems(
                self.schemas,
                op,
                sent=bool(incoming.body.strip()),
                content_type=content_type or None,
                read=read,
                read_lines=read_lines,
            )
        )
        return parsed[0]

    # -- resources ---------------------------------------------------------------------------------------------
    def _act(
        self,
        op: Operation,
        template: str,
        params: dict[str, str],
        plan: ListQuery,
        body: Any,
        incoming: Incoming,
        outcome: Outcome,
    ) -> None:
        path = normalize_path(template)
        kind = self.kinds.get(path)
        if kind is not None and op.method in ("GET", "POST"):
            if op.method == "POST":
                self._create(kind, op, body, incoming, outcome)
            else:
                self._list(kind, plan, incoming, outcome)
            return
        resource_id = next(iter(params.values()), None)
        kind = self.items.get(path)
        if kind is not None and resource_id is not None and op.method in ("GET", "PATCH", "DELETE"):
            self._item(kind, op, resource_id, plan, body, incoming, outcome)
            return
        parent = next((k for item, k in self.items.items() if path.startswith(item + "/")), None)
        if parent is not None and resource_id is not None:
            self._require(parent, resource_id)
        outcome.status, outcome.document = self._example(op)

    def _require(self, kind: ResourceKind, resource_id: str) -> dict[str, Any]:
        attributes = self.store.get(kind.type, resource_id)
        if attributes is None:
            raise ApiError(404, f"{_label(kind.type)} with id {resource_id} does not exist.")
        return attributes

    def _create(
        self, kind: ResourceKind, op: Operation, body: Any, incoming: Incoming, outcome: Outcome
    ) -> None:
        data = body.get("data") if isinstance(body, dict) else None
        given = data.get("attributes") if isinstance(data, dict) else None
        given = given if isinstance(given, dict) else {}
        for name in kind.unique:
            value = given.get(name)
            if value is None:
                continue
            existing = self.store.find(kind.type, name, value)
            if existing is not None:
                raise ApiError(
                    409,
                    f"A {_label(kind.type).lower()} with {name} {value!r} already exists "
                    f"(id {existing}). To change it, use PATCH {kind.item.replace('{}', existing)}.",
                    pointer="/data/attributes/" + name,
                )
        given_id = data.get("id") if isinstance(data, dict) else None
        # a job names what it works on by id (a campaign send job's id is the campaign's)
        named = is_job_type(kind.type) and isinstance(given_id, str) and given_id
        resource_id = given_id if named and isinstance(given_id, str) else kind.new_id()
        attributes = self._servable(kind, kind.accepted_attributes(given))
        for name in kind.required_attributes:
            attributes.setdefault(name, (kind.template.get("attributes") or {}).get(name))
        now = _now()
        for name in kind.timestamps:
            attributes[name] = now
        if is_job_type(kind.type):
            self.jobs[(kind.type, resource_id)] = Job(created=time.time(), total=task_count(body))
        self.store.put(kind.type, resource_id, attributes)
        outcome.resource_ids.append(resource_id)
        status, document = self._success(op)
        outcome.status = status
        if document is not None:
            outcome.document = {"data": self._resource(kind, resource_id, attributes, incoming, None)}

    def _list(self, kind: ResourceKind, plan: ListQuery, incoming: Incoming, outcome: Outcome) -> None:
        page, has_next = select(self.store.all(kind.type), plan)
        fields = plan.fields.get(kind.type)
        url = incoming.base_url + incoming.path
        links: dict[str, str] = {"self": _with_query(url, incoming.query)}
        if has_next:
            links["next"] = _with_query(
                url, {**incoming.query, "page[cursor]": encode_cursor(plan.offset + plan.page_size)}
            )
        if plan.offset > 0:
            links["prev"] = _with_query(
                url, {**incoming.query, "page[cursor]": encode_cursor(max(0, plan.offset - plan.page_size))}
            )
        outcome.document = {
            "data": [self._resource(kind, rid, attrs, incoming, fields) for rid, attrs in page],
            "links": links,
        }
        outcome.resource_ids.extend(rid for rid, _ in page)

    def _item(
        self,
        kind: ResourceKind,
        op: Operation,
        resource_id: str,
        plan: ListQuery,
        body: Any,
        incoming: Incoming,
        outcome: Outcome,
    ) -> None:
        attributes = self._require(kind, resource_id)
        if op.method == "DELETE":
            self.store.delete(kind.type, resource_id)
            if (kind.type, resource_id) in self._fixtures:
                # Generated collections use the spec's example ids: a fixture comes back after a delete, so a
                # collection that deletes and then updates the same example id still runs.
                self._seed(kind, resource_id)
            outcome.status, outcome.document = self._success(op)[0], None
            return
        if op.method == "PATCH":
            data = body.get("data") if isinstance(body, dict) else None
            if isinstance(data, dict) and data.get("id") not in (None, resource_id):
                raise ApiError(
                    400,
                    f"data.id {data.get('id')!r} does not match the id in the path ({resource_id}).",
                    pointer="/data/id",
                )
            given = data.get("attributes") if isinstance(data, dict) else None
            job = self.jobs.get((kind.type, resource_id))
            if job is not None and isinstance(given, dict) and given.get("action") == "cancel":
                self.jobs[(kind.type, resource_id)] = replace(job, cancelled=job.cancelled or time.time())
            given = kind.accepted_attributes(given if isinstance(given, dict) else {})
            attributes = {**attributes, **self._servable(kind, given)}
            if "updated" in kind.timestamps:
                attributes["updated"] = _now()
            self.store.put(kind.type, resource_id, attributes)
        outcome.status, schema = self._success(op)
        if schema is not None:  # an operation documented as 204 answers no body
            outcome.document = {
                "data": self._resource(kind, resource_id, attributes, incoming, plan.fields.get(kind.type))
            }

    def _servable(self, kind: ResourceKind, given: dict[str, Any]) -> dict[str, Any]:
        """The given attributes the resource's own schema describes; one the request schema took but the
        response schema does not (a flow definition's extra keys) is left out, so the default or the stored
        value is answered instead of a response that breaks the spec."""
        kept = {}
        for name, value in given.items():
            schema = kind.attribute_schemas.get(name)
            if isinstance(schema, dict) and self.schemas.errors(schema, value):
                continue
            kept[name] = value
        return kept

    def _job_attributes(self, kind: ResourceKind, job: Job) -> dict[str, Any]:
        """A running job's status, counts and times, as far as the job's schema describes them."""
        return {
            name: value
            for name, value in progress(job, time.time(), self.job_seconds).items()
            if name in kind.attribute_names and (value is not None or name in kind.nullable)
        }

    def _seed(self, kind: ResourceKind, resource_id: str) -> None:
        attributes = kind.fixture(resource_id)
        now = _now()
        for name in kind.timestamps:
            attributes[name] = now
        self.store.put(kind.type, resource_id, attributes)

    def _resource(
        self,
        kind: ResourceKind,
        resource_id: str,
        attributes: dict[str, Any],
        incoming: Incoming,
        fields: list[str] | None,
    ) -> dict[str, Any]:
        resource = {k: v for k, v in kind.template.items() if k not in ("type", "id", "attributes", "links")}
        resource["type"] = kind.type
        resource["id"] = resource_id
        job = self.jobs.get((kind.type, resource_id))
        if job is not None:
            attributes = {**attributes, **self._job_attributes(kind, job)}
        resource["attributes"] = (
            {k: v for k, v in attributes.items() if k in fields} if fields else attributes
        )
        if "links" in kind.template:
            resource["links"] = {"self": f"{incoming.base_url}{kind.item.replace('{}', resource_id)}"}
        return resource

    # -- operations without state: the spec's own example ----------------------------------------------------
    def _success(self, op: Operation) -> tuple[int, Any]:
        for response in op.success_responses:
            code = status_code(response.status)
            if code is not None:
                media = response.preferred
                return code, (media.schema if media is not None and media.schema is not None else None)
        return 200, None

    def _example(self, op: Operation) -> tuple[int, Any]:
        key = (op.method, op.path)
        if key not in self._example_cache:
            code, schema = self._success(op)
            self._example_cache[key] = (code, self._examples.build(schema) if schema is not None else None)
        return self._example_cache[key]


def _success_media(op: Operation) -> str | None:
    response = next(iter(op.success_responses), None)
    media = response.preferred if response is not None else None
    return media.media_type if media is not None else None


def _json_media_type(media_type: str | None) -> str | None:
    """A JSON media type as documented (`application/json`, `application/problem+json`); None for any other:
    the sandbox answers JSON."""
    if media_type and is_json_media_type(media_type.split(";")[0].strip().lower()):
        return media_type
    return None


def _credential(scheme: SecurityScheme, incoming: Incoming, known: Callable[[str], Any]) -> str | None:
    """What `incoming` carries where `scheme` puts a credential; None when it carries nothing there."""
    if scheme.type == "apiKey":
        name = scheme.param_name or "authorization"
        if scheme.location == "query":
            value = incoming.query.get(name)
        elif scheme.location == "cookie":
            value = cookie_value(incoming.headers.get("cookie", ""), name)
            if value is not None and len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]  # a quoted cookie value (RFC 6265) is read without its quotes
        else:
            value = incoming.headers.get(name.lower())
            prefix = key_prefix(scheme)
            if value is not None and prefix:
                if not value.startswith(prefix):
                    return None
                value = value[len(prefix) :]
        return (value or "").strip() or None
    if scheme.type not in ("http", "oauth2", "openIdConnect"):
        return None  # mutualTLS: a certificate, which a local HTTP server does not see
    word, _, value = incoming.headers.get("authorization", "").strip().partition(" ")
    value = value.strip()
    if scheme.type == "http" and (scheme.scheme or "").lower() == "basic":
        if word.lower() != "basic":
            return None
        try:
            user, _, password = base64.b64decode(value, validate=True).decode("utf-8").partition(":")
        except (binascii.Error, ValueError):  # not base64 (`é` included), or not UTF-8 once decoded
            return None
        return next((half for half in (user, password) if half and known(half) is not None), user or None)
    if scheme.type == "http" and (scheme.scheme or "bearer").lower() != "bearer":
        return value if word.lower() == (scheme.scheme or "").lower() and value else None
    return value if word.lower() == "bearer" and value else None


def _missing_key_detail(api: Api, op: Operation) -> str:
    """The 401's detail: Klaviyo's words for a key scheme; for a token or Basic, where the sandbox's key goes."""
    for requirement in op.security:
        for name in requirement:
            scheme = api.security_schemes.get(name)
            if scheme is None or scheme.type == "apiKey":
                continue
            if scheme.type == "http" and (scheme.scheme or "").lower() == "basic":
                return (
                    "Missing or invalid credentials: send a sandbox key as the Basic user name or password."
                )
            if scheme.type in ("http", "oauth2", "openIdConnect"):
                word = (scheme.scheme or "Bearer") if scheme.type == "http" else "Bearer"
                return f"Missing or invalid credentials: send a sandbox key as the {word.capitalize()} token."
    return "Missing or invalid private key."


def _refuse(problems: list[Problem]) -> None:
    """Answer the first problem the shared judgement found: 415 for a Content-Type, 400 for the rest, naming
    the parameter or the place in the body."""
    if not problems:
        return
    problem = problems[0]
    status = 415 if problem.code == "content-type-mismatch" else 400
    if problem.parameter is not None and status == 400:
        raise ApiError(status, problem.message, parameter=problem.parameter)
    raise ApiError(status, problem.message, pointer=problem.body_pointer or "/data")


def _with_query(url: str, query: dict[str, str]) -> str:
    """`url` with `query` percent-encoded as a URI requires (`page%5Bcursor%5D`): links are `format: uri`."""
    return url + ("?" + urlencode(query, safe=",:()'") if query else "")
