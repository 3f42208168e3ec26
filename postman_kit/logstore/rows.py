"""CallRecord ↔ table rows, with secrets truncated on the way in.

The sandbox and the newman import already truncate keys; the store does it again because a store that
once held a full key has leaked it to every backup of the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import orjson

from postman_kit.calls import CallRecord
from postman_kit.ids import normalize_path
from postman_kit.logstore.identifiers import identifiers
from postman_kit.secrets import (
    COOKIE_HEADERS,
    is_credential_name,
    named_credentials,
    redact,
    truncate_key,
    without_credential,
)

# headers whose whole value is a credential (after an optional scheme word such as `Klaviyo-API-Key`)
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key", "api-key", "apikey"})
_SCHEME_AND_CREDENTIAL = re.compile(r"^(?:(?P<scheme>[A-Za-z][\w-]*)\s+)?(?P<credential>\S+)$")
_TRUNCATED = re.compile(r"^(?:pk_|sk_)?…[A-Za-z0-9]{0,4}$")


def scrubbed(text: str) -> str:
    """`redact` for text that may hold a key (redact's own substring tests keep it cheap on the rest)."""
    return redact(text) if text else text


@functools.lru_cache(maxsize=4096)
def route_of(operation: str) -> str:
    return normalize_path(operation)


def safe_key(key: str) -> str:
    """A key as the store keeps it: already truncated, or truncated now."""
    key = key.strip()
    return key if not key or _TRUNCATED.match(key) else truncate_key(key)


def safe_header_value(name: str, value: str) -> str:
    if name.lower() in COOKIE_HEADERS:  # a session is a credential; the cookie's name and flags stay
        return scrubbed(without_credential(name, value))
    authorization = name.lower().endswith("authorization")  # `X-Authorization` too
    if name.lower() not in CREDENTIAL_HEADERS and not is_credential_name(name) and not authorization:
        return scrubbed(value)  # `X-Auth-Token` is a credential name
    match = _SCHEME_AND_CREDENTIAL.match(value.strip())
    if not match:
        # `Token tk_… extra`: each word after the scheme that could be a credential
        for credential in named_credentials(name, value) if authorization else ():
            value = value.replace(credential, safe_key(credential))
        return redact(value)
    scheme, credential = match.group("scheme"), safe_key(match.group("credential"))
    return f"{scheme} {credential}" if scheme else credential


def safe_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {name: safe_header_value(name, str(value)) for name, value in headers.items()}


def call_row(call: CallRecord) -> dict[str, Any]:
    return {
        "id": call.id,
        "timestamp": call.timestamp,
        "minute": int(call.timestamp // 60),
        "method": call.method.upper(),
        "path": scrubbed(call.path),
        "query": scrubbed(call.query),
        "status": int(call.status),
        "status_class": int(call.status) // 100,
        "duration_ms": float(call.duration_ms),
        # a saved request's path or a folder's name (an operation, a category) may hold a key as much as a path
        "operation": scrubbed(call.operation) if call.operation else call.operation,
        "route": route_of(scrubbed(call.operation)) if call.operation else None,
        "category": scrubbed(call.category) if call.category else call.category,
        "source": scrubbed(call.source or ""),
        "key": safe_key(call.key or ""),
        "revision": scrubbed(call.revision) if call.revision else call.revision,
        "request_headers": orjson.dumps(safe_headers(call.request_headers)).decode(),
        "request_body": scrubbed(call.request_body or ""),
        "response_headers": orjson.dumps(safe_headers(call.response_headers)).decode(),
        "response_body": scrubbed(call.response_body or ""),
        "job_url": scrubbed(call.job_url) if call.job_url else call.job_url,
        "source_kind": call.source_kind or "",
        "revision_sent": scrubbed(call.revision_sent) if call.revision_sent else call.revision_sent,
        "user_agent": scrubbed(call.user_agent or ""),
        "company_id": scrubbed(call.company_id or ""),
    }


def resource_id_rows(call: CallRecord) -> list[dict[str, str]]:
    """The call's identifier rows (identifiers.py): every id, email, ... it carries, each with its kind."""
    found = identifiers(call)
    return [
        {"call_id": call.id, "resource_id": scrubbed(value), "kind": kind} for value, kind in found.items()
    ]


def call_from_row(row: Mapping[Any, Any], resource_ids: list[str] | None = None) -> CallRecord:
    """A stored call; `resource_ids` are its identifiers of the resource kinds (call_resource_ids)."""
    return CallRecord(
        id=row["id"],
        timestamp=row["timestamp"],
        method=row["method"],
        path=row["path"],
        query=row["query"],
        status=row["status"],
        duration_ms=row["duration_ms"],
        operation=row["operation"],
        category=row["category"],
        source=row["source"],
        key=row["key"],
        revision=row["revision"],
        request_headers=orjson.loads(row["request_headers"]),
        request_body=row["request_body"],
        response_headers=orjson.loads(row["response_headers"]),
        response_body=row["response_body"],
        resource_ids=resource_ids or [],
        job_url=row["job_url"],
        source_kind=row["source_kind"] or "",
        revision_sent=row["revision_sent"],
        user_agent=row["user_agent"] or "",
        company_id=row["company_id"] or "",
    )
