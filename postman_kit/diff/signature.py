"""What an endpoint promises, as plain comparable data: the input to the fine-grained comparison.

Noise is left out here so the comparison never sees it: descriptions, examples and titles (unless docs are
asked for), the revision header's default (it changes every revision), ids and list order. Lists whose order
means nothing (enums, `required`) become mappings so additions and removals show as such.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from postman_kit.collection import Item, without_json_comments
from postman_kit.openapi import Api, MediaType, Operation, SecurityScheme
from postman_kit.profiles import Profile

DOC_KEYS = frozenset(
    {"description", "summary", "example", "examples", "title", "externalDocs", "x-stoplight"}
)
# a schema's maps of names to schemas
NAME_MAPS = frozenset({"properties", "patternProperties", "definitions", "$defs", "dependentSchemas"})
MAX_SCHEMA_DEPTH = 24


class SchemaShapes:
    """Resolved, doc-free schemas of one API, each `$ref` shaped once (circular refs cut at the repeat)."""

    def __init__(self, api: Api, include_docs: bool) -> None:
        self.api = api
        self.include_docs = include_docs
        self._by_ref: dict[str, Any] = {}
        self._open: set[str] = set()

    def shape(self, node: Any, depth: int = 0) -> Any:
        if isinstance(node, list):
            # Lists (allOf, oneOf, ...) become mappings by position: deepdiff pairs up list elements by
            # comparing every one with every other, which took minutes on Klaviyo's flow schemas.
            # A referenced alternative is keyed by its schema's name, so inserting one shifts nothing.
            return {_element_key(v, i): self.shape(v, depth + 1) for i, v in enumerate(node)}
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str):
            return self._ref(ref, depth)
        if depth > MAX_SCHEMA_DEPTH:
            return {"(truncated)": True}
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in DOC_KEYS and not self.include_docs:
                continue
            if key in ("enum", "required") and isinstance(value, list):
                out[key] = {_scalar_key(v): True for v in value}
            elif key in NAME_MAPS and isinstance(value, dict):
                # keyed by names, not keywords: a field called `description` or `title` is a field
                out[key] = {name: self.shape(v, depth + 2) for name, v in value.items()}
            else:
                out[key] = self.shape(value, depth + 1)
        return out

    def _ref(self, ref: str, depth: int) -> Any:
        if ref in self._by_ref:
            return self._by_ref[ref]
        if ref in self._open:
            return {"$ref": ref.rsplit("/", 1)[-1]}
        self._open.add(ref)
        try:
            shaped = self.shape(self.api.resolve({"$ref": ref}), depth + 1)
        finally:
            self._open.discard(ref)
        self._by_ref[ref] = shaped
        return shaped


def _element_key(value: Any, index: int) -> str:
    if isinstance(value, dict) and isinstance(value.get("$ref"), str):
        return value["$ref"].rsplit("/", 1)[-1]
    return f"[{index}]"


def _scalar_key(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def operation_signature(op: Operation, shapes: SchemaShapes, profile: Profile) -> dict[str, Any]:
    """Parameters, request body, responses, auth, filters and deprecation of a spec operation."""
    docs = shapes.include_docs
    parameters: dict[str, Any] = {}
    for param in op.parameters:
        schema = shapes.shape(param.schema)
        is_revision = (
            profile.revision_header
            and param.location == "header"
            and (param.name.lower() == profile.revision_header.lower())
        )
        if is_revision and isinstance(schema, dict):
            schema = {k: v for k, v in schema.items() if k != "default"}
        entry: dict[str, Any] = {"required": param.required, "schema": schema, "deprecated": param.deprecated}
        if docs and param.name != profile.filter_param:
            entry["description"] = param.description
        parameters[f"{param.location} {param.name}"] = entry
    body = None
    if op.request_body is not None:
        body = {
            "required": op.request_body.required,
            **_content(op.request_body.content, op.request_body.preferred, shapes),
        }
    responses = {r.status: _content(r.content, r.preferred, shapes) for r in op.responses}
    allowed = profile.allowed_filters(op)
    signature: dict[str, Any] = {
        "parameters": parameters,
        "requestBody": body,
        "responses": responses,
        "security": _security(op, shapes.api.security_schemes),
        "filters": {rule.field: {o: True for o in rule.operators} for rule in allowed.rules.values()},
        "deprecated": op.deprecated,
    }
    if docs:
        signature["docs"] = {"summary": op.summary, "description": op.description}
    return signature


def _content(content: list[MediaType], preferred: MediaType | None, shapes: SchemaShapes) -> dict[str, Any]:
    """Media types as a set and the preferred one's schema: a media type renamed keeps its schema compared."""
    return {
        "media": {m.media_type: True for m in content},
        "schema": shapes.shape(preferred.schema) if preferred is not None else None,
    }


def _security(op: Operation, schemes: dict[str, SecurityScheme]) -> dict[str, Any]:
    return security_identity(op.security, schemes)


def security_identity(
    requirements: list[dict[str, Any]], schemes: dict[str, SecurityScheme]
) -> dict[str, Any]:
    """Each requirement by what its schemes send and the scopes it asks, not the schemes' names: a scheme renamed
    (Train Travel's OAuth2 → OAuth, Twilio's `accountSid_authToken` → `twilioBasic`) is no change a caller
    sees."""
    if not requirements:
        return {"none": True}
    return {
        "+".join(sorted(_scheme_identity(name, schemes.get(name)) for name in requirement)) or "optional": {
            scope: True for scopes in requirement.values() for scope in scopes or ()
        }
        for requirement in requirements
    }


def _scheme_identity(name: str, scheme: SecurityScheme | None) -> str:
    if scheme is None:
        return name
    kind = scheme.type.lower()
    if kind == "apikey":
        return f"API key in {scheme.location} `{scheme.param_name}`"
    if kind == "http":
        return f"HTTP {str(scheme.scheme or '').lower()}"
    if kind == "oauth2":
        return f"OAuth 2.0 ({', '.join(sorted(scheme.flows))})"
    return {"openidconnect": "OpenID Connect", "mutualtls": "mutual TLS"}.get(kind, name)


def item_signature(item: Item, include_docs: bool, revision_header: str | None) -> dict[str, Any]:
    """What a request shows when no spec is at hand: its parameters, body fields, auth and example codes."""
    request = item.request
    query = {q.key: {"required": not q.disabled} for q in request.url.query if q.key is not None}
    headers = {
        h.key.lower(): {"required": not h.disabled}
        for h in request.header
        if not revision_header or h.key.lower() != revision_header.lower()
    }
    variables = {v.key: True for v in request.url.variable}
    body: Any = None
    if request.body is not None:
        body = {"mode": request.body.mode, "fields": _body_fields(request.body.raw)}
    auth = request.auth.to_json() if request.auth is not None else {"inherit": True}
    signature: dict[str, Any] = {
        "parameters": {
            **{f"query {k}": v for k, v in query.items()},
            **{f"header {k}": v for k, v in headers.items()},
            **{f"path {k}": {"required": True} for k in variables},
        },
        "requestBody": body,
        # Success examples only: error examples (troubleshooting ones) say nothing about the contract.
        "responses": {str(r.code): True for r in item.response if 200 <= r.code < 300},
        "security": auth,
    }
    if include_docs:
        signature["docs"] = {"description": request.description}
    return signature


def _body_fields(raw: str) -> Any:
    """The shape of a JSON body (keys and value types); text bodies count as text."""
    try:
        raw = without_json_comments(raw)  # as Postman sends it
        value = orjson.loads(raw) if raw.strip() else None  # orjson refuses nesting past 254 levels
    except ValueError:
        return "text"
    return _value_shape(value)


def _value_shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _value_shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_value_shape(value[0])] if value else []
    return type(value).__name__
