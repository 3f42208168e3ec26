"""Stable identities: ids are derived from content, never random.

An operation's item id is a UUIDv5 of the API title, the method and the normalized path template, so the
same endpoint keeps its id across revisions even when Klaviyo renames its operationId or drops the trailing
slash of its paths.
"""

from __future__ import annotations

import re
from hashlib import sha1

# The UUIDv5 namespace of every id postman-kit derives (kept as bytes: importing `uuid` costs more than using it).
NAMESPACE_HEX = "6f1b1f5e3c1a5b8e9a517d0c2b1e4f20"
_NAMESPACE_BYTES = bytes.fromhex(NAMESPACE_HEX)
_NAMESPACE_HASH = sha1(_NAMESPACE_BYTES)  # each id continues a copy of it: cheaper than hashing afresh
# RFC 4122 variant: the high bits of the 17th hex digit become 10 (0-3 → 8-b, 4-7 → 8-b, …).
_VARIANT_DIGIT = {digit: "89ab"[int(digit, 16) % 4] for digit in "0123456789abcdef"}
_TEMPLATE_SEGMENT = re.compile(r"^(\{[^}]*\}|:[^/]+)$")
_IN_SEGMENT = re.compile(r"\{[^{}]*\}")


def normalize_path(path: str) -> str:
    """`/api/profiles/{id}/` and `/api/profiles/:profile_id` both become `/api/profiles/{}`. Request ids are made of
    it, so it stays as it is (a segment that is not a whole parameter is kept as written); see endpoint_path."""
    segments = [s for s in path.strip().split("?", 1)[0].split("/") if s]
    return "/" + "/".join("{}" if _TEMPLATE_SEGMENT.match(s) else s for s in segments)


def endpoint_path(path: str) -> str:
    """normalize_path, with a parameter inside a segment too: Twilio's `{Sid}.json` and Postman's `:Sid.json` are
    `{}.json` whatever the parameter is named, so renaming one is no move of the endpoint."""
    segments = [s for s in path.strip().split("?", 1)[0].split("/") if s]
    return "/" + "/".join(_normal_segment(s) for s in segments)


def path_variable(segment: str) -> tuple[str, str] | None:
    """The variable a Postman path segment holds and the text after it: Postman reads `:name` up to the segment's
    first `.` (`:Sid.json` is `Sid`, then `.json`); None for a segment that holds none."""
    if not segment.startswith(":"):
        return None
    name, dot, rest = segment[1:].partition(".")
    return name, dot + rest


def without_trailing_slash(segments: list[str]) -> list[str]:
    """A path's segments without the empty one a trailing slash leaves (Klaviyo's older revisions end each
    path with one)."""
    return segments[:-1] if len(segments) > 1 and segments[-1] == "" else segments


def _normal_segment(segment: str) -> str:
    if (variable := path_variable(segment)) is not None:
        return "{}" + variable[1]
    if "{" not in segment or "{{" in segment:  # a Postman `{{variable}}` is a value, as it always was
        return segment
    return _IN_SEGMENT.sub("{}", segment)


def stable_uuid(*parts: str) -> str:
    """`str(uuid.uuid5(UUID(NAMESPACE_HEX), "\\x1f".join(parts)))`, computed directly: generate makes thousands."""
    digest = _NAMESPACE_HASH.copy()
    digest.update("\x1f".join(parts).encode())
    text = digest.hexdigest()
    return f"{text[:8]}-{text[8:12]}-5{text[13:16]}-{_VARIANT_DIGIT[text[16]]}{text[17:20]}-{text[20:32]}"


def is_derived(text: str | None) -> bool:
    """Is `text` an id of the form `stable_uuid` makes (a version 5 UUID)? Postman gives what it creates random,
    version 4, ones."""
    return text is not None and len(text) == 36 and text[14] == "5" and text.count("-") == 4


def operation_id(api_title: str, method: str, path: str) -> str:
    """The id of the request generated for an operation. A path key's fixed query or fragment (OpenAI's
    `/responses?beta=true` beside `/responses`, Box's `/oauth2/token#refresh`) tells operations that share a
    method and path apart, so it is part of the id (two requests of one collection had one id); an ordinary
    path's id is as it always was."""
    path, apart = split_apart(path)
    parts = ("operation", api_title, method.upper(), normalize_path(path))
    return stable_uuid(*parts, apart) if apart else stable_uuid(*parts)


def split_apart(path: str) -> tuple[str, str]:
    """A path key as its path and, as written, what tells operations sharing that path apart: its fixed query
    and fragment (`/responses?beta=true` → `/responses`, `?beta=true`)."""
    cut = min((at for at in (path.find("?"), path.find("#")) if at >= 0), default=len(path))
    return path[:cut], path[cut:]


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
