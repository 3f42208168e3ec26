"""The identifiers a call carries, found once as it is stored, so `logs search --id VALUE` is an index lookup.

What Klaviyo's logs tool searches by, in the path, the request (query and body) and the response body: call
ID, error ID, async job ID, resource ID (relationship data included), email, phone number, external ID,
anonymous ID (`_kx`), private key, catalog item/variant/category ID, coupon ID and metric name. Each value is
stored with its kind; a private key only as a keyed hash (`KeyHasher`), never as itself.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterator
from typing import Any

from postman_kit.calls import CallRecord
from postman_kit.logstore.records import _json
from postman_kit.routing import split_path

RESOURCE = "resource"
PRIVATE_KEY = "private-key"
# attribute names whose string value is an identifier of that kind
_FIELD_KINDS = {
    "email": "email",
    "phone_number": "phone",
    "external_id": "external",
    "anonymous_id": "anonymous",
    "_kx": "anonymous",
}
# `filter=equals(email,'a@b.com')`, `any(id,['01H','01J'])` in a query string
_FILTER_FIELD = re.compile(r"(?:equals|any|contains|starts-with|ends-with)\(([\w.]+),\s*\[?([^)\]]*)")
_QUOTED = re.compile(r"'((?:[^']|'')*)'")
# Bounded as addresses are (64 characters before the `@`, labels of 63): unbounded, a body of 200,000 letters
# took the pattern 40 s, each start scanning to the end, and held the sandbox that records it
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_PRIVATE_KEY_SHAPE = re.compile(r"^pk_[A-Za-z0-9]{20,}$")
MAX_IDENTIFIERS = 500  # per call: a list response of 100 resources stays whole, a pathological body is capped
MAX_LENGTH = 256


def kind_of_type(resource_type: str) -> str:
    """The kind of a JSON:API resource type's ids: `profile-bulk-import-job` → job, `catalog-item` → catalog."""
    if resource_type.endswith(("job", "jobs")):
        return "job"
    if resource_type.startswith("catalog-"):
        return "catalog"
    if resource_type.startswith("coupon"):
        return "coupon"
    return RESOURCE


def kind_of_segment(segment: str) -> str:
    """The kind of the id that follows a path segment: `/api/coupon-codes/{id}` → coupon."""
    return kind_of_type(segment.rstrip("s") if not segment.endswith("jobs") else segment)


def is_private_key(value: str) -> bool:
    return bool(_PRIVATE_KEY_SHAPE.match(value.strip()))


class KeyHasher:
    """HMAC-SHA-256 of a private key under the store's own secret: a full key given to a search finds the
    calls made with it, while the store never holds the key (nor a plain hash anyone could precompute)."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def __call__(self, key: str) -> str:
        return "hmac:" + hmac.new(self._secret, key.strip().encode(), hashlib.sha256).hexdigest()[:32]


def normalized(value: str) -> str:
    """The form a value is stored and searched in: emails compare case-insensitively."""
    value = value.strip()
    return value.lower() if "@" in value else value


def identifiers(call: CallRecord) -> dict[str, str]:
    """value → kind for every identifier in `call`; the first kind found for a value wins, a specific kind
    (email, job, ...) over a plain resource id."""
    return identifiers_of(
        call.id,
        call.key_hash,
        call.operation,
        call.path,
        call.resource_ids,
        call.query,
        call.request_body,
        call.response_body,
    )


def identifiers_of(
    call_id: str,
    key_hash: str,
    template: str | None,
    path: str,
    resource_ids: list[str],
    query: str,
    request_body: str,
    response_body: str,
) -> dict[str, str]:
    """`identifiers` from a call's fields (a journal's rows hold them, not a CallRecord)."""
    found: dict[str, str] = {}

    def add(value: Any, kind: str) -> None:
        if not isinstance(value, (str, int)) or isinstance(value, bool) or len(found) >= MAX_IDENTIFIERS:
            return
        text = normalized(str(value))
        if not text or len(text) > MAX_LENGTH:
            return
        if found.get(text, RESOURCE) == RESOURCE:
            found[text] = kind

    add(call_id, "call")
    if key_hash:
        add(key_hash, PRIVATE_KEY)
    for kind, value in _path_identifiers(template, path):
        add(value, kind)
    for value in resource_ids:
        add(value, RESOURCE)
    for kind, value in _query_identifiers(query):
        add(value, kind)
    for body, is_response in ((request_body, False), (response_body, True)):
        document = _json(body)
        if document is None:
            for email in _EMAIL.findall(body) if body and "@" in body else ():
                add(email, "email")
            continue
        if is_response and isinstance(document, dict) and isinstance(document.get("errors"), list):
            for error in document["errors"]:
                if isinstance(error, dict):
                    add(error.get("id"), "error")
        for kind, value in _document_identifiers(document):
            add(value, kind)
    return found


def _path_identifiers(template: str | None, path: str) -> Iterator[tuple[str, str]]:
    if not template:
        return
    template_parts, path_parts = split_path(template), split_path(path)
    if len(template_parts) != len(path_parts):
        return
    previous = ""
    for name, value in zip(template_parts, path_parts, strict=True):
        if name.startswith(("{", ":")) and value:
            yield kind_of_segment(previous), value
        previous = name


def _query_identifiers(query: str) -> Iterator[tuple[str, str]]:
    if not query or "(" not in query:
        return
    from urllib.parse import unquote_plus

    text = unquote_plus(query)
    for field, values in _FILTER_FIELD.findall(text):
        name = field.rsplit(".", 1)[-1]
        kind = _FIELD_KINDS.get(name) or (RESOURCE if name == "id" or name.endswith("_id") else None)
        if kind is None:
            continue
        for quoted in _QUOTED.findall(values):
            yield kind, quoted.replace("''", "'")


def _document_identifiers(node: Any, depth: int = 0) -> Iterator[tuple[str, str]]:
    """Walk a JSON document: resource objects' ids by their type, identifier-named attributes, metric names."""
    if depth > 32:
        return
    if isinstance(node, dict):
        resource_type = node.get("type")
        if isinstance(resource_type, str) and "id" in node:
            yield kind_of_type(resource_type), node["id"]
        if resource_type == "metric":
            attributes = node.get("attributes")
            if isinstance(attributes, dict) and isinstance(attributes.get("name"), str):
                yield "metric", attributes["name"]
        for name, value in node.items():
            kind = _FIELD_KINDS.get(name)
            if kind is not None and isinstance(value, str):
                yield kind, value
            elif isinstance(value, (dict, list)):
                yield from _document_identifiers(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _document_identifiers(item, depth + 1)
