"""JSON the sandbox accepts: only what it can store, serve and read back later.

A request body is refused (400) when it nests deeper than MAX_JSON_DEPTH, holds NaN or Infinity, a lone
surrogate, invalid UTF-8, or an integer beyond 64 bits: orjson, which serves every response, cannot write
those, so a stored resource holding one would break every later read of its list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import orjson

# Containers inside containers: far beyond any real body (Klaviyo's deepest are under 10), far below the
# limits of orjson (254 when writing) and of Python's recursion, which every later read relies on.
MAX_JSON_DEPTH = 64
# what orjson writes as an integer: int64 and uint64
_SMALLEST_INTEGER = -(2**63)
_LARGEST_INTEGER = 2**64 - 1


class JsonRefused(ValueError):
    """A body that is not JSON the sandbox can keep; the message says why, in one line."""


def json_depth_exceeds(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether `value` nests containers deeper than `limit` (walked without recursion)."""
    pending = [(value, 1)]
    while pending:
        node, depth = pending.pop()
        children: Iterable[Any]
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _has_float(value: Any) -> bool:
    pending = [value]
    while pending:
        node = pending.pop()
        if isinstance(node, float):
            return True
        if isinstance(node, dict):
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return False


def _integer(text: str) -> int:
    # the length first: int() of thousands of digits is slow, and refused beyond 4,300
    number = int(text) if len(text) <= 21 else None
    if number is None or not _SMALLEST_INTEGER <= number <= _LARGEST_INTEGER:
        raise JsonRefused(f"the integer {text[:20]}{'…' if len(text) > 20 else ''} does not fit in 64 bits")
    return number


def parse_json_body(body: bytes) -> Any:
    """The body's value, or :class:`JsonRefused`."""
    try:
        # orjson refuses NaN/Infinity, lone surrogates, invalid UTF-8 and more than 1,024 levels, in C
        value = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise JsonRefused(f"not valid JSON: {exc}") from None
    if json_depth_exceeds(value):
        raise JsonRefused(f"it nests deeper than {MAX_JSON_DEPTH} levels")
    if _has_float(value):
        # orjson reads an integer beyond 64 bits as an imprecise float: read again, exactly, to tell.
        # Safe to recurse now: the depth is bounded above.
        value = json.loads(body, parse_int=_integer)
    return value


def storable(value: Any) -> bool:
    """Whether a stored value can be served again: bounded depth and writable by orjson."""
    if json_depth_exceeds(value):
        return False
    try:
        orjson.dumps(value)
    except orjson.JSONEncodeError:
        return False
    return True
