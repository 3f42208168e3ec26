"""Stable identities: ids are derived from content, never random.

An operation's item id is a UUIDv5 of the API title, the method and the normalized path template, so the
same endpoint keeps its id across revisions even when Klaviyo renames its operationId or drops the trailing
slash of its paths.
"""

from __future__ import annotations

import hashlib
import re
import uuid

NAMESPACE = uuid.UUID("6f1b1f5e-3c1a-5b8e-9a51-7d0c2b1e4f20")
_NAMESPACE_BYTES = NAMESPACE.bytes
_TEMPLATE_SEGMENT = re.compile(r"^(\{[^}]*\}|:[^/]+)$")


def normalize_path(path: str) -> str:
    """`/api/profiles/{id}/` and `/api/profiles/:profile_id` both become `/api/profiles/{}`."""
    segments = [s for s in path.strip().split("?", 1)[0].split("/") if s]
    return "/" + "/".join("{}" if _TEMPLATE_SEGMENT.match(s) else s for s in segments)


def stable_uuid(*parts: str) -> str:
    """`str(uuid.uuid5(NAMESPACE, "\\x1f".join(parts)))`, computed directly: generate makes thousands of them."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "\x1f".join(parts).encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def operation_id(api_title: str, method: str, path: str) -> str:
    return stable_uuid("operation", api_title, method.upper(), normalize_path(path))


def folder_id(api_title: str, folder_path: tuple[str, ...]) -> str:
    return stable_uuid("folder", api_title, *folder_path)


def example_id(item_id: str, name: str, code: int) -> str:
    return stable_uuid("example", item_id, name, str(code))


def collection_id(api_title: str, revision: str) -> str:
    return stable_uuid("collection", api_title, revision)


def environment_id(api_title: str, revision: str) -> str:
    return stable_uuid("environment", api_title, revision)


def globals_id(api_title: str) -> str:
    return stable_uuid("globals", api_title)
