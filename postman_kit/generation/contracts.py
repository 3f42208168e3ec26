"""Contract tests for generated collections, and the spec's schemas as plain draft-07 JSON Schema.

`generate --tests` gives every request a test script: the status is a documented success status, the
Content-Type is the documented one, the body validates against the response schema, and (under a profile with a
troubleshooting set, Klaviyo's) a troubleshooting status carries its documented error code. Postman validates with Ajv (draft-07), which does not speak
OpenAPI 3.0's dialect (`nullable`, boolean `exclusiveMinimum`), so the schemas are converted here and embedded
once per collection, in a collection variable the scripts read.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

import orjson

from postman_kit.collection import Response, Variable
from postman_kit.loader import resolve_pointer
from postman_kit.openapi import Operation

# Ajv (Postman's validator) throws on formats it does not know; these it knows and the sandbox produces.
CHECKED_FORMATS = frozenset({"date-time", "date", "uuid"})
_COPIED = (
    "type",
    "enum",
    "const",
    "required",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "multipleOf",
)
_COMPONENT_PREFIX = "#/components/schemas/"


def definition_name(ref: str) -> str:
    """`#/components/schemas/Profile` → `Profile`; any other pointer keeps its path, made key-safe."""
    if ref.startswith(_COMPONENT_PREFIX):
        return ref[len(_COMPONENT_PREFIX) :]
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
        # definitions named but not yet converted: converted one after another, not one inside another, so a
        # chain of 300 schemas each `$ref`-ing the next is no recursion 300 deep
        self._pending: list[tuple[str, str]] = []

    def convert(self, schema: Any) -> Any:
        """`schema` as JSON Schema draft 7, every definition it reaches converted too."""
        out = self._convert(schema)
        while self._pending:
            name, ref = self._pending.pop()
            self.definitions[name] = self._convert(resolve_pointer(self.document, ref[1:], "spec"))
        return out

    def _convert(self, schema: Any) -> Any:
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
            out["properties"] = {name: self._convert(value) for name, value in schema["properties"].items()}
            hidden = "writeOnly" if self.direction == "response" else "readOnly"
            if "required" in out:
                out["required"] = [
                    name
                    for name in out["required"]
                    if not (
                        isinstance(schema["properties"].get(name), dict)
                        and schema["properties"][name].get(hidden)
                    )
                ]
                if not out["required"]:
                    del out["required"]
        if isinstance(out.get("required"), list):
            # Ajv rejects a schema whose `required` repeats a name (OpenAI's lists five twice); once each means
            # the same.
            out["required"] = list(dict.fromkeys(out["required"]))
        if "additionalProperties" in schema:
            out["additionalProperties"] = self._convert(schema["additionalProperties"])
        if "items" in schema:
            items = schema["items"]
            out["items"] = (
                [self._convert(i) for i in items] if isinstance(items, list) else self._convert(items)
            )
        for key in ("allOf", "anyOf"):
            if isinstance(schema.get(key), list):
                out[key] = [self._convert(part) for part in schema[key]]
        if isinstance(schema.get("oneOf"), list):
            # The specs' oneOf branches overlap (several accept the same object); exactly-one would reject
            # valid documents, so any-of is what can be checked honestly.
            out.setdefault("anyOf", []).extend(self._convert(part) for part in schema["oneOf"])
        if "not" in schema:
            out["not"] = self._convert(schema["not"])
        if schema.get("nullable") is True:
            out = _nullable(out)
        return out

    def document_for(self, schema: Any) -> dict[str, Any]:
        """A self-contained JSON Schema document: `schema` plus every definition it reaches."""
        root = self.convert(schema)
        names = self.reached([root])
        return {**root, "definitions": {name: self.definitions[name] for name in names}} if names else root

    def reached(self, converted: list[Any]) -> list[str]:
        """Names of the definitions that converted schemas refer to, directly or not, sorted."""
        found: set[str] = set()
        stack: list[Any] = list(converted)
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str) and ref.startswith("#/definitions/"):
                    name = ref[len("#/definitions/") :]
                    if name not in found:
                        found.add(name)
                        stack.append(self.definitions[name])
                stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
            elif isinstance(node, list):
                stack.extend(v for v in node if isinstance(v, (dict, list)))
        return sorted(found)

    def _define(self, ref: str) -> str:
        name = definition_name(ref)
        if name not in self.definitions:
            self.definitions[name] = {}  # placeholder first: a circular ref finds the name taken
            self._pending.append((name, ref))
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


# -- contract tests for `generate --tests` -------------------------------------------------------------------
SCHEMAS_VARIABLE = "postmanKitSchemas"
# How the test script generate writes begins: upgrade tells it from a script the user wrote by it.
CONTRACT_TEST_HEADER = "// Contract tests from the spec (postman-kit generate --tests)"
_SCRIPT = (
    CONTRACT_TEST_HEADER
    + """\
: documented status, Content-Type, body schema.
const contract = __CONTRACT__;
const status = String(pm.response.code);
const text = pm.response.text();
let json = null;
try { json = text ? JSON.parse(text) : null; } catch (e) { json = undefined; }
const problems = json && Array.isArray(json.errors) ? json.errors.map(e => `${e.code}: ${e.detail}`).join("; ") : "";
pm.test(`Status ${status} is a documented success status (${contract.success.join(", ")})`, function () {
    pm.expect(contract.success, `${status} ${pm.response.status} ${problems}`.trim()).to.include(status);
});
if (contract.errors[status]) {
    pm.test(`${status} is the documented error ${contract.errors[status]}`, function () {
        pm.expect(json && json.errors && json.errors[0].code).to.eql(contract.errors[status]);
    });
}
const key = [status, status[0] + "XX", "default"].find(k => contract.responses[k]);
const expected = key && contract.responses[key];
if (expected && text) {
    pm.test(`Content-Type is ${expected.mediaType}`, function () {
        pm.expect(pm.response.headers.get("Content-Type") || "").to.include(expected.mediaType);
    });
    if (expected.schema) {
        pm.test(`Body matches the ${key} response schema`, function () {
            pm.expect(json, "the body is not JSON").to.not.be.undefined;
            const all = JSON.parse(pm.collectionVariables.get("__VARIABLE__") || "{}");
            const definitions = {};
            contract.definitions.forEach(name => { definitions[name] = all[name]; });
            pm.response.to.have.jsonSchema(Object.assign({}, expected.schema, { definitions: definitions }));
        });
    }
}
"""
)


class ContractBuilder:
    """Test scripts for one collection; the response schemas they share are embedded once (:meth:`variable`)."""

    def __init__(self, document: dict[str, Any], troubleshooting_codes: bool = True) -> None:
        """`troubleshooting_codes`: the error examples are a JSON:API troubleshooting set whose `errors[0].code`
        a response must carry; otherwise error examples are the spec's own, illustrations, not contracts."""
        self.bundle = SchemaBundle(document, "response")
        self.troubleshooting_codes = troubleshooting_codes

    def contract(self, op: Operation, examples: list[Response]) -> dict[str, Any]:
        """What a response to `op` must look like: success statuses, schema per status, troubleshooting codes."""
        responses: dict[str, Any] = {}
        for response in op.responses:
            media = response.preferred
            if media is None:
                continue
            schema = self.bundle.convert(media.schema) if media.schema is not None else None
            status = response.status if response.status.isdigit() else response.status.upper()
            responses["default" if status == "DEFAULT" else status] = {
                "mediaType": media.media_type,
                "schema": schema,
            }
        errors: dict[str, str] = {}
        for example in examples if self.troubleshooting_codes else []:
            code = _error_code(example)
            if example.code is not None and example.code >= 400 and code:
                errors[str(example.code)] = code
        # Each script hands Ajv only the definitions its schemas reach: Ajv checks a whole schema document
        # against the meta-schema before validating, and the full table costs a tenth of a second per request.
        definitions = self.bundle.reached(
            [r["schema"] for r in responses.values() if r["schema"] is not None]
        )
        return {
            "success": documented_success(op),
            "responses": responses,
            "errors": dict(sorted(errors.items())),
            "definitions": definitions,
        }

    def test_event(self, op: Operation, examples: list[Response]) -> dict[str, Any]:
        """A Postman `test` event checking a response to `op` against the spec."""
        contract = json.dumps(self.contract(op, examples), sort_keys=True, separators=(",", ":"))
        script = _SCRIPT.replace("__CONTRACT__", contract).replace("__VARIABLE__", SCHEMAS_VARIABLE)
        return {"listen": "test", "script": {"type": "text/javascript", "exec": script.splitlines()}}

    def variable(self) -> Variable:
        """The collection variable holding every schema definition the test scripts refer to."""
        definitions = dict(sorted(self.bundle.definitions.items()))
        return Variable(
            SCHEMAS_VARIABLE,
            json.dumps(definitions, sort_keys=True, separators=(",", ":")),
            "string",
            "Response schemas the contract tests validate against (generated; do not edit).",
        )


_KNOWN_2XX = tuple(str(status.value) for status in HTTPStatus if 200 <= status.value <= 299)


def documented_success(op: Operation) -> list[str]:
    """The statuses a successful call may answer with: the documented 2xx (a `2XX` range as every 2xx code);
    without any, the documented 1xx/3xx (a redirect can be the documented outcome); `200` when nothing is
    documented but errors."""
    statuses: list[str] = []
    for response in op.success_responses:
        if response.status.isdigit():
            statuses.append(response.status)
        elif response.status.upper() == "2XX":
            statuses.extend(_KNOWN_2XX)
    if not statuses:
        statuses = [r.status for r in op.responses if r.status.isdigit() and r.status[0] in "13"]
    return list(dict.fromkeys(statuses)) or ["200"]


def _error_code(example: Response) -> str | None:
    try:
        body = orjson.loads(example.body or "null")  # bounded nesting, unlike json.loads
    except ValueError:
        return None
    errors = body.get("errors") if isinstance(body, dict) else None
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        code = errors[0].get("code")
        return str(code) if code else None
    return None
