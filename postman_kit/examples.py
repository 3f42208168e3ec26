"""Example values synthesized from JSON Schemas (request bodies, parameters, example responses).

Deterministic by construction: the same schema always yields the same value. Recursive schemas are cut off
at the first repeated `$ref`; `readOnly` properties are left out of requests and `writeOnly` ones out of
responses.
"""

from __future__ import annotations

from typing import Any

from postman_kit.loader import resolve_pointer
from postman_kit.valueclass import value_class

# Klaviyo's bulk-job bodies nest JSON:API documents 15+ levels deep and flow definitions 25; a cut there leaves
# required values null.
MAX_DEPTH = 28
_CUT = object()


@value_class(frozen=True)
class _Built:
    """A value built for a `$ref`, the refs met while building it, and how deep below the ref it reached."""

    value: Any
    refs_met: frozenset[str]
    height: int
    depth: int  # where it was built
    cut_by_depth: bool  # MAX_DEPTH cut something short: the value holds at `depth` only

    def holds_at(self, depth: int, enclosing: tuple[str, ...]) -> bool:
        # A value built without meeting MAX_DEPTH is the same value at any depth that leaves it room; one that
        # met it holds only where it was built. Either way, recursion cut at an enclosing ref must match.
        if not self.refs_met.isdisjoint(enclosing):
            return False
        return depth == self.depth if self.cut_by_depth else depth + self.height <= MAX_DEPTH

FORMAT_EXAMPLES: dict[str, Any] = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "00:00:00",
    "email": "user@example.com",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "uri": "https://example.com",
    "url": "https://example.com",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "ZXhhbXBsZQ==",
    "binary": "",
    "password": "********",
}


class ExampleBuilder:
    """Builds examples for one document and one direction (`request` or `response`)."""

    def __init__(self, document: dict[str, Any], direction: str = "request") -> None:
        self.document = document
        self.direction = direction
        # A ref's value depends on how much room MAX_DEPTH leaves it and on which enclosing refs cut recursion
        # short; an entry is reused only where it holds (see _Built.holds_at).
        self._cache: dict[str, _Built] = {}
        self._cut_cache: dict[tuple[str, int], _Built] = {}
        self._targets: dict[str, Any] = {}
        self._refs_met: list[set[str]] = []  # one set per ref being built, innermost last
        self._deepest = 0  # the deepest depth reached by the ref being built
        self._depth_cuts = 0  # how many times MAX_DEPTH has cut a value short

    def build(self, schema: Any) -> Any:
        value = self._build(schema, (), 0)
        return None if value is _CUT else value

    def _target(self, ref: str) -> Any:
        target = self._targets.get(ref)
        if target is None:
            target = self._targets[ref] = resolve_pointer(self.document, ref[1:], "spec")
        return target

    def _build_ref(self, ref: str, refs: tuple[str, ...], depth: int) -> Any:
        met = self._refs_met
        if ref in refs:
            if met:
                met[-1].add(ref)
            return _CUT
        built = self._cache.get(ref)
        if built is None or not built.holds_at(depth, refs):
            built = self._cut_cache.get((ref, depth))
            if built is None or not built.holds_at(depth, refs):
                built = self._build_new(ref, refs, depth)
        if met:
            met[-1].update(built.refs_met)
        self._deepest = max(self._deepest, depth + built.height)
        return built.value

    def _build_new(self, ref: str, refs: tuple[str, ...], depth: int) -> _Built:
        outer_deepest, cuts = self._deepest, self._depth_cuts
        self._deepest = depth
        self._refs_met.append({ref})
        try:
            value = self._build(self._target(ref), refs + (ref,), depth + 1)
        finally:
            inner = self._refs_met.pop()
            deepest, self._deepest = self._deepest, max(outer_deepest, self._deepest)
        built = _Built(value, frozenset(inner), deepest - depth, depth, self._depth_cuts != cuts)
        if built.refs_met.isdisjoint(refs):
            if built.cut_by_depth:
                self._cut_cache[(ref, depth)] = built
            else:
                self._cache[ref] = built
        return built

    def _build(self, schema: Any, refs: tuple[str, ...], depth: int) -> Any:
        if depth > MAX_DEPTH:
            self._depth_cuts += 1
            return _CUT
        if depth > self._deepest:  # noqa: PLR1730 - the hot path: a comparison costs less than max()
            self._deepest = depth
        if not isinstance(schema, dict):
            return None
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            return self._build_ref(ref, refs, depth)
        if "example" in schema and _fits(schema, schema["example"]):
            return schema["example"]
        examples = schema.get("examples")
        if isinstance(examples, list) and examples and _fits(schema, examples[0]):
            return examples[0]
        if "const" in schema:
            return schema["const"]
        enum = schema.get("enum")
        if isinstance(enum, list) and enum:
            non_null = [e for e in enum if e is not None]
            return non_null[0] if non_null else None
        if "default" in schema and schema["default"] is not None:
            return schema["default"]
        if "allOf" in schema:
            return self._all_of(schema, refs, depth)
        for key in ("oneOf", "anyOf"):
            branches = schema.get(key)
            if isinstance(branches, list) and branches:
                for branch in branches:
                    value = self._build(branch, refs, depth + 1)
                    if value is not _CUT and value is not None:
                        return value
                return _CUT
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), None)
        if kind is None:
            if "properties" in schema:
                kind = "object"
            elif "items" in schema:
                kind = "array"
        if kind == "object":
            return self._object(schema, refs, depth)
        if kind == "array":
            item = self._build(schema.get("items") or {}, refs, depth + 1)
            if item is _CUT or item is None:
                return []
            return [item] * max(1, min(int(schema.get("minItems") or 1), 3))
        if kind == "string":
            return self._string(schema)
        if kind == "integer":
            return int(self._number(schema))
        if kind == "number":
            return self._number(schema)
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        return None

    def _all_of(self, schema: dict[str, Any], refs: tuple[str, ...], depth: int) -> Any:
        merged: dict[str, Any] = {}
        other: Any = None
        for part in schema["allOf"]:
            value = self._build(part, refs, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
            elif value is not _CUT and value is not None:
                other = value
        rest = {k: v for k, v in schema.items() if k != "allOf"}
        if rest.get("properties"):
            own = self._object(rest, refs, depth)
            if isinstance(own, dict):
                merged.update(own)
        return merged if merged or other is None else other

    def _object(self, schema: dict[str, Any], refs: tuple[str, ...], depth: int) -> Any:
        out: dict[str, Any] = {}
        skip = "readOnly" if self.direction == "request" else "writeOnly"
        required = set(schema.get("required") or [])
        properties = schema.get("properties")
        for name, prop in properties.items() if isinstance(properties, dict) else ():
            target = prop
            if isinstance(prop, dict) and "$ref" in prop and skip not in prop:
                ref = prop["$ref"]
                if ref.startswith("#"):
                    target = self._target(ref)
            if isinstance(target, dict) and target.get(skip) and name not in required:
                continue
            if isinstance(target, dict) and target.get(skip):
                continue
            value = self._build(prop, refs, depth + 1)
            if value is _CUT:
                if name in required:
                    value = {} if _looks_object(target) else None
                else:
                    continue
            elif name not in required and isinstance(target, dict) and not _fits(target, value):
                continue  # the spec contradicts itself here (e.g. an enum of strings typed integer): leave it out
            out[name] = value
        return out

    @staticmethod
    def _string(schema: dict[str, Any]) -> str:
        fmt = schema.get("format")
        if fmt in FORMAT_EXAMPLES:
            return FORMAT_EXAMPLES[fmt]
        value = "string"
        min_length = schema.get("minLength")
        if isinstance(min_length, int) and min_length > len(value):
            value = value + "x" * (min_length - len(value))
        max_length = schema.get("maxLength")
        if isinstance(max_length, int) and 0 < max_length < len(value):
            value = value[:max_length]
        return value

    @staticmethod
    def _number(schema: dict[str, Any]) -> float | int:
        minimum = schema.get("minimum")
        maximum = schema.get("maximum")
        if isinstance(minimum, (int, float)):
            value = minimum + (1 if schema.get("exclusiveMinimum") is True else 0)
        elif isinstance(schema.get("exclusiveMinimum"), (int, float)):
            value = schema["exclusiveMinimum"] + 1
        else:
            value = 1
        if isinstance(maximum, (int, float)) and value > maximum:
            value = maximum
        return value


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "array": (list,),
    "object": (dict,),
}


def _fits(schema: dict[str, Any], value: Any) -> bool:
    """A shallow check of a spec's own example against its schema's type, enum and required keys.

    Specs carry examples that contradict their schema (`"APNs"` for an enum of `apns`, `fcm`; a JSON text where
    an array is declared); a request built from one fails validation, so a synthesized value is used instead.
    """
    if value is None:
        return bool(schema.get("nullable")) or "null" in (schema.get("type") or ())
    enum = schema.get("enum")
    if isinstance(enum, list) and value not in enum:
        return False
    kind = schema.get("type")
    if isinstance(kind, str):  # the common case, checked without building a list and a generator
        if not _is_json_type(value, kind):
            return False
    elif isinstance(kind, list) and kind and not any(_is_json_type(value, k) for k in kind):
        return False
    required = schema.get("required")
    return not (isinstance(value, dict) and isinstance(required, list) and not set(required) <= set(value))


def _is_json_type(value: Any, kind: Any) -> bool:
    types = _JSON_TYPES.get(kind) if isinstance(kind, str) else None
    return types is not None and isinstance(value, types) and not (
        isinstance(value, bool) and kind in ("integer", "number"))


def _looks_object(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "object" or "properties" in schema)
