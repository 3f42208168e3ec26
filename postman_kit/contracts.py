"""OpenAPI schemas as plain draft-07 JSON Schema, sharing one `definitions` table.

Both the sandbox (validating requests, checking its own responses) and the contract tests that run inside
Postman (Ajv, draft-07) validate against what the spec says; neither understands OpenAPI 3.0's dialect
(`nullable`, boolean `exclusiveMinimum`, `example`), so schemas are converted once, here.
"""

from __future__ import annotations

from typing import Any

from postman_kit.loader import resolve_pointer

# Ajv (Postman's validator) throws on formats it does not know; these it knows and the sandbox produces.
CHECKED_FORMATS = frozenset({"date-time", "date", "uuid"})
_COPIED = (
    "type", "enum", "const", "required", "minimum", "maximum", "minLength", "maxLength", "pattern",
    "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "multipleOf",
)
_COMPONENT_PREFIX = "#/components/schemas/"


def definition_name(ref: str) -> str:
    """`#/components/schemas/Profile` → `Profile`; any other pointer keeps its path, made key-safe."""
    if ref.startswith(_COMPONENT_PREFIX):
        return ref[len(_COMPONENT_PREFIX):]
    return ref.lstrip("#/").replace("/", ".")


class SchemaBundle:
    """Converts schemas of one document for one direction (`request` or `response`).

    Every `$ref` becomes `#/definitions/<name>` and its target is converted once into :attr:`definitions`,
    which is what keeps circular schemas (a flow `Step` holding `Step`s) finite.
    """

    def __init__(self, document: dict[str, Any], direction: str = "response") -> None:
        self.document = document
        self.direction = direction
        self.definitions: dict[str, Any] = {}

    def convert(self, schema: Any) -> Any:
        if isinstance(schema, bool):
            return schema
        if not isinstance(schema, dict):
            return {}
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            return {"$ref": "#/definitions/" + self._define(ref)}
        out: dict[str, Any] = {k: schema[k] for k in _COPIED if k in schema}
        if schema.get("format") in CHECKED_FORMATS:
            out["format"] = schema["format"]
        self._exclusive_bounds(schema, out)
        if isinstance(schema.get("properties"), dict):
            out["properties"] = {name: self.convert(value) for name, value in schema["properties"].items()}
            hidden = "writeOnly" if self.direction == "response" else "readOnly"
            if "required" in out:
                out["required"] = [
                    name for name in out["required"]
                    if not (isinstance(schema["properties"].get(name), dict) and schema["properties"][name].get(hidden))
                ]
                if not out["required"]:
                    del out["required"]
        if "additionalProperties" in schema:
            out["additionalProperties"] = self.convert(schema["additionalProperties"])
        if "items" in schema:
            items = schema["items"]
            out["items"] = [self.convert(i) for i in items] if isinstance(items, list) else self.convert(items)
        for key in ("allOf", "anyOf"):
            if isinstance(schema.get(key), list):
                out[key] = [self.convert(part) for part in schema[key]]
        if isinstance(schema.get("oneOf"), list):
            # The specs' oneOf branches overlap (several accept the same object); exactly-one would reject
            # valid documents, so any-of is what can be checked honestly.
            out.setdefault("anyOf", []).extend(self.convert(part) for part in schema["oneOf"])
        if "not" in schema:
            out["not"] = self.convert(schema["not"])
        if schema.get("nullable") is True:
            out = _nullable(out)
        return out

    def document_for(self, schema: Any) -> dict[str, Any]:
        """A self-contained JSON Schema document: `schema` plus every definition it reaches."""
        root = self.convert(schema)
        reached: dict[str, Any] = {}
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str) and ref.startswith("#/definitions/"):
                    name = ref[len("#/definitions/"):]
                    if name not in reached:
                        reached[name] = self.definitions[name]
                        stack.append(reached[name])
                stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
            elif isinstance(node, list):
                stack.extend(v for v in node if isinstance(v, (dict, list)))
        return {**root, "definitions": dict(sorted(reached.items()))} if reached else root

    def _define(self, ref: str) -> str:
        name = definition_name(ref)
        if name not in self.definitions:
            self.definitions[name] = {}  # placeholder first: a circular ref finds the name taken
            self.definitions[name] = self.convert(resolve_pointer(self.document, ref[1:], "spec"))
        return name

    @staticmethod
    def _exclusive_bounds(schema: dict[str, Any], out: dict[str, Any]) -> None:
        for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
            value = schema.get(exclusive)
            if value is True and bound in schema:
                out[exclusive] = out.pop(bound)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                out[exclusive] = value


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema.get("type")
    if isinstance(kind, str):
        schema = {**schema, "type": [kind, "null"]}
        if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
            schema["enum"] = [*schema["enum"], None]
        return schema
    if isinstance(kind, list):
        return schema if "null" in kind else {**schema, "type": [*kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}
