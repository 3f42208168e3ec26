"""What the long fuzz run found, kept as plain regression cases: each is one edit of a real input (the example
spec, a Klaviyo fork), run through every command that reads a document of its kind, in-process. Each once gave a
traceback; now every command gives a result or the one-line error, leaves no partial file and changes no input.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.fuzzing import DOCUMENTS, Workspace
from tests.tools import EXAMPLE_SPEC


@pytest.fixture(scope="module")
def workspace() -> Iterator[Workspace]:
    space = Workspace()
    yield space
    space.remove()


def first_operation(spec: dict[str, Any], with_extension: str = "") -> dict[str, Any]:
    for path_item in spec["paths"].values():
        for operation in path_item.values():
            if isinstance(operation, dict) and (not with_extension or with_extension in operation):
                return operation
    raise AssertionError("the example spec has no such operation")


def queries(collection: dict[str, Any], key: str = "") -> list[dict[str, Any]]:
    """The query parameters (with this key, if given) of the fork's saved requests."""
    found, stack = [], list(collection["item"])
    while stack:
        node = stack.pop(0)
        stack[:0] = node.get("item", [])
        url = node.get("request", {}).get("url")
        for param in url.get("query") or [] if isinstance(url, dict) else []:
            if not key or param.get("key") == key:
                found.append(param)
    return found


def first_request(collection: dict[str, Any]) -> dict[str, Any]:
    stack = list(collection["item"])
    while stack:
        node = stack.pop(0)
        if "request" in node:
            return node
        stack[:0] = node.get("item", [])
    raise AssertionError("the fork has no request")


def _empty_ref(spec: dict[str, Any]) -> None:
    first_operation(spec)["responses"]["200"] = {"$ref": ""}


def _nul_in_ref(spec: dict[str, Any]) -> None:
    first_operation(spec)["responses"]["200"] = {"$ref": "parts\x00.yaml#/Ok"}


def _required_objects_in_items(spec: dict[str, Any]) -> None:
    item = {"type": "object", "required": [{"a": 1}], "properties": {"a": {"type": "string"}}}
    first_operation(spec)["responses"]["200"] = {
        "description": "OK",
        "content": {"application/json": {"schema": {"type": "array", "items": item}}},
    }


def _security_scheme_fields_as_lists(spec: dict[str, Any]) -> None:
    for scheme in spec["components"]["securitySchemes"].values():
        scheme["name"], scheme["scheme"] = ["Authorization"], ["bearer"]


def _filter_operators_as_text(spec: dict[str, Any]) -> None:
    filters = first_operation(spec, "x-klaviyo-filters")["x-klaviyo-filters"]
    next(iter(filters.values()))["operators"] = "equals"


def _filter_operator_names_as_lists(spec: dict[str, Any]) -> None:
    filters = first_operation(spec, "x-klaviyo-filters")["x-klaviyo-filters"]
    for rule in filters.values():
        rule["operators"] = {"single": [["equals"]], "list": [{"any": 1}]}


def _query_key_object(fork: dict[str, Any]) -> None:
    queries(fork)[0]["key"] = {"a": 1}


def _query_key_number(fork: dict[str, Any]) -> None:
    queries(fork)[0]["key"] = 5


def _query_value_list(fork: dict[str, Any]) -> None:
    for param in queries(fork, "page[size]"):  # a parameter the spec declares: validate checks its value
        param["value"] = [5]


def _item_id_list(fork: dict[str, Any]) -> None:
    first_request(fork)["id"] = [5]


CASES: dict[str, tuple[str, Callable[[Any], None]]] = {
    'a spec with `$ref: ""`': ("spec", _empty_ref),
    "a spec $ref whose file name holds a NUL byte": ("spec", _nul_in_ref),
    "an array's item schema whose required list holds an object": ("spec", _required_objects_in_items),
    "a security scheme whose name and scheme are lists": ("spec", _security_scheme_fields_as_lists),
    "x-klaviyo-filters operators given as text": ("spec", _filter_operators_as_text),
    "x-klaviyo-filters operator names given as a list and an object": (
        "spec",
        _filter_operator_names_as_lists,
    ),
    "a saved query parameter whose key is an object": ("collection", _query_key_object),
    "a saved query parameter whose key is a number": ("collection", _query_key_number),
    "a saved query parameter whose value is a list": ("collection", _query_value_list),
    "a saved request whose id is a list": ("collection", _item_id_list),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_case_the_long_fuzz_run_found_gives_a_result_or_one_line(workspace: Workspace, case: str) -> None:
    kind, edit = CASES[case]
    document = DOCUMENTS[kind]()
    edit(document)
    workspace.run_all(kind, json.dumps(document).encode())


def test_a_number_as_a_query_key_is_read_as_its_text(workspace: Workspace) -> None:
    """The shape check lets a number stand where Postman writes text; validate reads it as Postman sends it."""
    fork = DOCUMENTS["collection"]()
    query = queries(fork)[0]
    query["key"], query["value"] = 5, True
    outcomes = workspace.run_all("collection", json.dumps(fork).encode())
    assert all(code in (0, 1) for code in outcomes), outcomes


def test_a_yaml_spec_with_a_5000_digit_number_is_one_line(workspace: Workspace) -> None:
    """JSON's reader said so already; PyYAML's constructor raised Python's own digit-limit ValueError."""
    text = EXAMPLE_SPEC.read_text().replace(
        'version: "2026-07-15"', 'version: "2026-07-15"\n  x-n: ' + "9" * 5000
    )
    assert "9" * 5000 in text
    outcomes = workspace.run_all("spec", text.encode(), suffix=".yaml")
    assert outcomes[0] == 2  # generate
