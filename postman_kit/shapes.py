"""The shape of what the kit reads from a spec or a collection, checked once where it is loaded.

Every later stage reads these documents as plain dicts and lists and trusts the shape: `servers` a list of
objects, `responses` a mapping, a request an object or a URL string. A document that breaks the shape is bad input,
reported as one line naming the first place (a JSON pointer) instead of an AttributeError somewhere deep. The
shapes are JSON Schemas checked with fastjsonschema (compiled once, fast enough for Stripe's 4 MB spec); they
cover only the fields the kit reads, never a spec's schemas or a collection's bodies.
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import Any

from postman_kit.errors import InputError

# Documents nest at most this deep: orjson's own limit, so a document reads the same through either parser, and
# every recursive walk (folders, schemas, bodies) stays far from Python's recursion limit.
MAX_NESTING = 254

_TEXT = {"type": ["string", "null"]}
_SCALAR = {"type": ["string", "number", "boolean", "null"]}
_OBJECT = {"type": "object"}
_OBJECTS = {"type": "array", "items": _OBJECT}
_MAP_OF_OBJECTS = {"type": "object", "additionalProperties": _OBJECT}
_SECURITY = {
    "type": "array",
    "items": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{name}"}


# Each part of the spec the kit reads is a definition of its own, referenced where it appears: fastjsonschema
# compiles a definition to a small function, and the error path it builds for every nested call costs in
# proportion to the calling function's size (one inlined OPENAPI_SHAPE took 0.45 s on Klaviyo's 3 MB spec, these
# parts 0.08 s; benchmarks/bench_diff.py).
_OPENAPI_PARTS: dict[str, Any] = {
    # the keywords example building and body checks walk; others are left to the JSON Schema validator
    "schema": {
        "type": ["object", "boolean"],
        "properties": {
            "type": {"type": ["string", "array"], "items": {"type": "string"}},
            "required": {"type": "array", "items": {"type": "string"}},
            "properties": _ref("schemaMap"),  # not a mapping: example building skips it
            "items": {"anyOf": [{"type": "array"}, _ref("schema")]},
            "additionalProperties": _ref("schema"),
            "allOf": _ref("schemas"),
            "anyOf": _ref("schemas"),
            "oneOf": _ref("schemas"),
            "not": _ref("schema"),
            "enum": {"type": "array"},
            "$ref": {"type": "string"},
            "nullable": {"type": "boolean"},
            "format": {"type": "string"},
            "pattern": {"type": "string"},
        },
    },
    "schemaMap": {"additionalProperties": _ref("schema")},
    "schemas": {"type": "array", "items": _ref("schema")},
    # `content: {$ref: …}`: no OpenAPI, but how Redocly-bundled repositories (Lob's) share a response's content;
    # read as the map it points to (openapi._read_media)
    "content": {
        "type": "object",
        "properties": {"$ref": {"type": "string"}},
        "additionalProperties": _ref("mediaType"),
    },
    "mediaType": {"type": "object", "properties": {"schema": _ref("schema"), "examples": _MAP_OF_OBJECTS}},
    "parameter": {
        "type": "object",
        "properties": {
            "name": _SCALAR,
            "in": {"type": "string"},
            "description": _TEXT,
            "schema": _ref("schema"),
            "content": _ref("content"),
            "examples": _MAP_OF_OBJECTS,
        },
    },
    "parameters": {"type": "array", "items": _ref("parameter")},
    "securityScheme": {
        "type": "object",
        "properties": {
            "type": _SCALAR,
            "name": _SCALAR,
            "in": _TEXT,
            "scheme": _TEXT,
            "description": _TEXT,
            "flows": _MAP_OF_OBJECTS,
        },
    },
    "response": {"type": "object", "properties": {"description": _TEXT, "content": _ref("content")}},
    "requestBody": {"type": "object", "properties": {"description": _TEXT, "content": _ref("content")}},
    "operation": {
        "type": "object",
        "properties": {
            "tags": {"type": "array", "items": _SCALAR},
            "summary": _TEXT,
            "description": _TEXT,
            "operationId": _SCALAR,
            "parameters": _ref("parameters"),
            "requestBody": _ref("requestBody"),
            "responses": {"type": "object", "additionalProperties": _ref("response")},
            "security": _SECURITY,
        },
    },
    "pathItem": {
        "type": "object",
        "properties": {
            "parameters": _ref("parameters"),
            **{method: _ref("operation") for method in _METHODS},
        },
    },
}
OPENAPI_SHAPE = {
    "definitions": _OPENAPI_PARTS,
    "type": "object",
    "properties": {
        "info": {
            "type": "object",
            "properties": {"title": _SCALAR, "version": _SCALAR, "description": _TEXT},
        },
        "servers": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"url": _SCALAR, "description": _TEXT, "variables": _MAP_OF_OBJECTS},
            },
        },
        "tags": {
            "type": "array",
            "items": {"type": "object", "properties": {"name": _SCALAR, "description": _TEXT}},
        },
        "security": _SECURITY,
        "paths": {"type": ["object", "null"], "additionalProperties": _ref("pathItem")},
        "components": {
            "type": "object",
            "properties": {
                "securitySchemes": {"type": "object", "additionalProperties": _ref("securityScheme")},
                "parameters": {"type": "object", "additionalProperties": _ref("parameter")},
                "responses": {"type": "object", "additionalProperties": _ref("response")},
                "requestBodies": _MAP_OF_OBJECTS,
                "schemas": {"type": "object", "additionalProperties": _ref("schema")},
            },
        },
    },
}

_KEY_VALUES = {"type": "array", "items": {"type": ["object", "string"]}}
_URL = {
    "type": ["object", "string"],
    "properties": {
        "raw": _TEXT,
        "host": {"type": ["array", "string"], "items": _SCALAR},
        "path": {"type": ["array", "string"], "items": {"type": ["string", "object"]}},
        "query": {
            "type": ["array", "null"],
            "items": {"type": "object", "properties": {"key": _SCALAR, "value": _SCALAR}},
        },
        "variable": _OBJECTS,
    },
}
_REQUEST = {
    "type": ["object", "string"],
    "properties": {
        "url": _URL,
        "method": _TEXT,
        "header": {"type": ["array", "string", "null"], "items": {"type": "object"}},
        "body": {"type": ["object", "null"], "properties": {"raw": _TEXT, "mode": _TEXT}},
        "auth": {"type": ["object", "null"]},
        "description": {"type": ["string", "object", "null"]},
    },
}
_NODE = {
    "type": "object",
    "properties": {
        "id": _SCALAR,
        "name": _SCALAR,
        "item": {"type": "array", "items": {"$ref": "#/definitions/node"}},
        "request": _REQUEST,
        "response": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "originalRequest": _REQUEST,
                    "code": {"type": ["integer", "string", "null"]},
                    "body": _TEXT,
                    "header": {"type": ["array", "string", "null"]},
                },
            },
        },
        "variable": _KEY_VALUES,
        "auth": {"type": ["object", "null"]},
        "event": _OBJECTS,
        "description": {"type": ["string", "object", "null"]},
    },
}
COLLECTION_SHAPE = {
    "definitions": {"node": _NODE},
    "type": "object",
    "properties": {
        "info": {
            "type": "object",
            "properties": {"name": _SCALAR, "description": {"type": ["string", "object", "null"]}},
        },
        "item": {"type": "array", "items": {"$ref": "#/definitions/node"}},
        "variable": _KEY_VALUES,
        "auth": {"type": ["object", "null"]},
        "event": _OBJECTS,
    },
}


VARIABLES_SHAPE = {
    "type": "object",
    "properties": {
        "name": _SCALAR,
        "values": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "key": _SCALAR,
                    "value": _SCALAR,
                    "type": _TEXT,
                    "enabled": {"type": ["boolean", "null"]},
                },
            },
        },
    },
}
_SHAPES = {"openapi": OPENAPI_SHAPE, "collection": COLLECTION_SHAPE, "variables": VARIABLES_SHAPE}


CHECKS_PACKAGE = "postman_kit.shape_checks"
_CHECKS_HEADER = """\
# Generated from postman_kit/shapes.py by postman_kit.shapes.write_compiled_checks(): do not edit.
# mypy: ignore-errors
"""


@functools.cache
def _validator(kind: str) -> Any:
    """The check of one shape: fastjsonschema's code for it, compiled ahead into postman_kit/shape_checks.
    Compiling at run time cost every command reading a spec 43 ms (a tenth of `generate` on Klaviyo's spec and
    a third on a small one); tests/test_shapes.py keeps the compiled checks equal to the shapes above."""
    return importlib.import_module(f"{CHECKS_PACKAGE}.{kind}").validate


def compiled_check(kind: str) -> str:
    """The source of the module in postman_kit/shape_checks that checks the shape `kind`."""
    import fastjsonschema

    return _CHECKS_HEADER + fastjsonschema.compile_to_code(_SHAPES[kind])


def write_compiled_checks() -> None:
    """Rewrite postman_kit/shape_checks from the shapes (after changing one of them)."""
    folder = Path(__file__).parent / "shape_checks"
    for kind in _SHAPES:
        (folder / f"{kind}.py").write_text(compiled_check(kind), encoding="utf-8")


# Keywords a spec may write in a form the kit cannot read where peers go on without them (InfluxDB's draft-3
# `required: true` on a property, beside a `$ref` that OpenAPI 3.0 says makes it ignored; Manticore's `type: {}`;
# Dropbox Sign's description given as a `$ref` to a Markdown file): left out, with a warning, not a refusal.
_IGNORABLE = frozenset(
    {"required", "type", "enum", "nullable", "format", "pattern", "properties", "items", "additionalProperties",
     "allOf", "anyOf", "oneOf", "not", "description", "summary", "title", "tags", "examples"}
)  # fmt: skip
# How many such slips one document may hold before it is refused as unreadable (each is a check of the whole)
MAX_IGNORED = 200


# Where a Parameter Object kept among the schemas (see _ignored) holds its `required`
PARAMETER_REQUIRED = "x-postman-kit-parameter-required"


def is_parameter_object(node: dict[str, Any]) -> bool:
    """`node` reads as an OpenAPI Parameter Object: a name and where it is sent."""
    return isinstance(node.get("name"), str) and node.get("in") in ("query", "header", "path", "cookie")


def check_openapi_shape(document: Any, source: str, *, nesting_checked: bool = False) -> list[str]:
    """Refuse an OpenAPI document whose structure the kit cannot read, naming the first bad place; a keyword in
    a form peers ignore too (see _IGNORABLE) is left out instead, and a warning for each is returned.
    `nesting_checked`: the loader's walk already found the document within MAX_NESTING."""
    import fastjsonschema

    if not nesting_checked:
        check_nesting(document, source)
    warnings: list[str] = []
    while True:
        try:
            _validator("openapi")(document)
            return warnings
        except fastjsonschema.JsonSchemaValueException as exc:
            path = [str(part) for part in exc.path[1:]]
            done = _ignored(document, path) if len(warnings) < MAX_IGNORED else None
            if done is None:
                raise _refusal(exc, source, "OpenAPI document") from None
            pointer = "/" + "/".join(pointer_token(part) for part in path)
            warnings.append(
                f"#{pointer} is not in a form the kit reads (it must be {_expected(exc)}): {done}"
            )


def _expected(exc: Any) -> str:
    expected = exc.message.rsplit(" must be ", 1)[-1]
    return expected if " cannot be validated" not in expected and "data." not in expected else "another form"


def _ignored(document: Any, path: list[str]) -> str | None:
    """Leave out the keyword (or the entry of an allOf/anyOf/oneOf list) at `path` when it may be, or read it as
    peers do: what was done, or None when it may not be."""
    if not path:
        return None
    parent: Any = document
    for part in path[:-1]:
        if isinstance(parent, dict) and part in parent:
            parent = parent[part]
        elif isinstance(parent, list) and part.isdigit() and int(part) < len(parent):
            parent = parent[int(part)]
        else:
            return None
    last = path[-1]
    if len(path) > 2 and path[-3] == "security" and isinstance(parent, dict) and parent.get(last) is None:
        # Square's `security: [{oauth2: null}]`: the scheme with no scopes named, as o2p reads it; leaving the
        # entry out would make the requirement `{}`, which asks for no credential at all
        parent[last] = []
        return "read as no scopes"
    if isinstance(parent, dict) and last == "required" and is_parameter_object(parent):
        # Alchemy keeps its Parameter Objects under components/schemas, read there as schemas: a parameter's
        # `required: true` is no schema's, and is kept for the parameter the operations' `$ref`s read
        parent[PARAMETER_REQUIRED] = parent.pop(last) is True
        return "kept as the parameter's"
    if isinstance(parent, dict) and last in _IGNORABLE and last in parent:
        del parent[last]
        return "ignored"
    if (
        isinstance(parent, list)
        and len(path) > 1
        and path[-2] in ("allOf", "anyOf", "oneOf")
        and last.isdigit()
    ):
        del parent[int(last)]
        return "ignored"
    return None


def check_collection_shape(document: Any, source: str, *, nesting_checked: bool = False) -> None:
    """Refuse a Postman collection whose structure the kit cannot read, naming the first bad place.
    `nesting_checked`: the loader's walk already found the document within MAX_NESTING."""
    _check(document, source, "collection", "Postman collection", nesting_checked)


def check_variables_shape(document: Any, source: str, scope: str) -> None:
    """Refuse an environment or globals file whose `values` the kit cannot read."""
    _check(document, source, "variables", f"Postman {scope} file")


def _check(document: Any, source: str, kind: str, what: str, nesting_checked: bool = False) -> None:
    if not nesting_checked:
        check_nesting(document, source)
    import fastjsonschema

    try:
        _validator(kind)(document)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise _refusal(exc, source, what) from None


def _refusal(exc: Any, source: str, what: str) -> InputError:
    """The one line refusing a document the shape check failed on, naming the first bad place."""
    pointer = "/" + "/".join(pointer_token(str(part)) for part in exc.path[1:])
    expected = exc.message.rsplit(" must be ", 1)[-1]
    return InputError(source, f"not a valid {what}: #{pointer} must be {expected}")


def pointer_token(key: str) -> str:
    """A mapping key as one JSON pointer segment: `/api/profiles` → `~1api~1profiles`."""
    return key.replace("~", "~0").replace("/", "~1")


def check_nesting(document: Any, source: str, limit: int = MAX_NESTING) -> None:
    """Refuse a document nesting deeper than `limit` (walked with a stack: the depth is the user's to choose)."""
    if nesting_exceeds(document, limit):
        raise InputError(source, f"document nests deeper than {limit} levels")


def nesting_exceeds(value: Any, limit: int = MAX_NESTING) -> bool:
    """Whether `value` holds lists or objects nested more than `limit` deep.

    Walked a level at a time (no recursion: the depth is the user's to choose). A level's containers are
    gathered with a plain loop: three times faster than a stack of (node, depth) pairs on Klaviyo's 3 MB spec
    (0.07 s against 0.22 s), which every command reading a spec pays (benchmarks/bench_diff.py).
    """
    level = [value] if isinstance(value, dict | list) else []
    depth = 0
    while level:
        if depth >= limit:
            return True
        deeper: list[Any] = []
        for node in level:
            for child in node.values() if isinstance(node, dict) else node:
                if isinstance(child, dict | list):
                    deeper.append(child)
        level = deeper
        depth += 1
    return False
