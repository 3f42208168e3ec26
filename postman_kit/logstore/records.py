"""Building CallRecords: ids sortable by time, the identifiers a call touched, async job links.

Shared by the sandbox (which records what it serves) and the newman import, so both fill the
searchable fields the same way.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

import orjson

from postman_kit.routing import MethodNotAllowed, OperationIndex, RouteMatch, split_path


def new_call_id(timestamp: float) -> str:
    """13 hex digits of milliseconds, then 8 random ones: unique, and sorting by id sorts by time."""
    return f"{int(timestamp * 1000):013x}{os.urandom(4).hex()}"


def content_call_id(timestamp: float, *parts: str) -> str:
    """Like new_call_id, but the same inputs give the same id (re-importing a report adds nothing)."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:8]
    return f"{int(timestamp * 1000):013x}{digest}"


def path_category(index: OperationIndex, not_allowed: MethodNotAllowed) -> str | None:
    """The category a 405 counts under: its path's, i.e. the tag of the first operation the path allows.
    The call reached a known endpoint with the wrong method; Klaviyo's dashboard files it there too."""
    for method in not_allowed.allowed:
        found = index.match(method, not_allowed.template)
        if isinstance(found, RouteMatch) and found.operation.tags:
            return found.operation.tags[0]
    return None


def path_resource_ids(template: str | None, path: str) -> list[str]:
    """The values a path gives its template's parameters: `/api/profiles/{id}` + `/api/profiles/01H` → 01H."""
    if not template:
        return []
    template_parts, path_parts = split_path(template), split_path(path)
    if len(template_parts) != len(path_parts):
        return []
    return [
        value
        for name, value in zip(template_parts, path_parts, strict=True)
        if name.startswith(("{", ":")) and value
    ]


def response_resource_ids(body: str) -> list[str]:
    """`data.id` of a JSON:API document, or every `data[].id` of a list."""
    document = _json(body)
    data = document.get("data") if isinstance(document, dict) else None
    items = data if isinstance(data, list) else [data]
    return [str(item["id"]) for item in items if isinstance(item, dict) and item.get("id") not in (None, "")]


def resource_ids(template: str | None, path: str, response_body: str) -> list[str]:
    return list(dict.fromkeys(path_resource_ids(template, path) + response_resource_ids(response_body)))


def job_url(status: int, response_body: str, response_headers: dict[str, str] | None = None) -> str | None:
    """Where an asynchronous job's details live: a 202's Location, or the `links.self` of a `*-job` resource."""
    headers = {name.lower(): value for name, value in (response_headers or {}).items()}
    if status == 202 and headers.get("location"):
        return headers["location"]
    document = _json(response_body)
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict):
        return None
    is_job = str(data.get("type", "")).endswith("job") or status == 202
    links = found if isinstance(found := data.get("links"), dict) else {}
    return str(links["self"]) if is_job and links.get("self") else None


def _json(text: str) -> Any:
    if not text or text.lstrip()[:1] not in ("{", "["):
        return None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return None


CALL_ID_HEADER = "x-call-id"  # the sandbox stamps each response with the id its call is recorded under


def credential_of(headers: dict[str, str], company_id: str = "") -> tuple[str, str]:
    """(source kind, credential as sent) from a request's lower-cased headers and its company_id: a private
    key (`Klaviyo-API-Key pk_…`), an OAuth bearer token, a public key (onsite tracking when a browser on a
    storefront page sent it, i.e. with an Origin or Referer), or none."""
    authorization = headers.get("authorization", "").strip()
    scheme, _, secret = authorization.rpartition(" ")
    if scheme.lower() == "bearer" and secret:
        return "oauth", secret
    if secret or authorization:
        return "private", secret or authorization
    if company_id:
        return ("public-onsite" if headers.get("origin") or headers.get("referer") else "public"), company_id
    return "none", ""
