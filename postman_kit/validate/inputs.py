"""Reading what validate checks: collections, environments and globals, refusing what is not one."""

from __future__ import annotations

from typing import Any

import orjson

from postman_kit.errors import InputError
from postman_kit.loader import read_source
from postman_kit.shapes import check_collection_shape, check_variables_shape
from postman_kit.validate.target import VariablesFile


def load_json(source: str) -> tuple[str, Any, str | None]:
    """(display name, parsed JSON, the text as read — None when it is not UTF-8)."""
    raw, name, _ = read_source(source)
    if not raw.strip():
        raise InputError(name, "file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise InputError(name, f"not JSON ({exc}); expected a Postman collection exported as v2.1") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    return name, data, text


def load_collection(source: str) -> tuple[str, dict[str, Any], str | None]:
    """A v2.0/v2.1 collection's name, JSON and text as read; anything else is bad input named for what it is."""
    name, data, text = load_json(source)
    if not isinstance(data, dict):
        raise InputError(name, "not a Postman collection (the top level is not an object)")
    scope = data.get("_postman_variable_scope")
    if scope in ("environment", "globals") or ("values" in data and "info" not in data):
        kind = "a globals file" if scope == "globals" else "an environment file"
        option = "--globals" if scope == "globals" else "--environment"
        raise InputError(name, f"this is {kind}, not a collection; pass it with {option}")
    if "requests" in data and ("order" in data or "folders" in data) and "info" not in data:
        raise InputError(name, "a Postman v1 collection; open it in Postman and export it as Collection v2.1")
    if "openapi" in data or "swagger" in data:
        raise InputError(name, "an OpenAPI document, not a collection; pass it with --spec "
                               "(or turn it into a collection with `postman-kit generate`)")
    info = data.get("info")
    if not isinstance(info, dict) or "item" not in data:
        raise InputError(name, "not a Postman collection (no 'info' and 'item'); export it as Collection v2.1")
    check_collection_shape(data, name)
    schema = str(info.get("schema") or "")
    if schema and "/v2." not in schema:
        raise InputError(name, f"collection format {schema!r} is not supported; export it as Collection v2.1")
    return name, data, text


def load_variables_file(source: str, scope: str) -> VariablesFile:
    """An environment (`scope="environment"`) or globals file."""
    name, data, text = load_json(source)
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        if isinstance(data, dict) and "info" in data and "item" in data:
            kind = "an environment" if scope == "environment" else "a globals file"
            raise InputError(name, f"this is a collection, not {kind}; pass collections as arguments")
        raise InputError(name, f"not a Postman {scope} file (no 'values' list)")
    check_variables_shape(data, name, scope)
    return VariablesFile(name, data, scope, text)
