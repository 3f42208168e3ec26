"""Mutations of real inputs for the fuzz suite: what a careless user or an attacker does to a spec, a collection,
an environment or a newman report, applied to the parsed document and written back as text.

A mutation is plain data (`Mutation(target, kind, payload)`) so Hypothesis can draw and shrink it: `target` picks
a node of the document in walk order (modulo the node count), `kind` what to do to it, `payload` with what.
Values no `json.dumps` can write (integers of thousands of digits, nesting thousands deep) travel as marker
strings replaced in the written text.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

HUGE_INT_MARKER = "\x00HUGE-INT\x00"
DEEP_ARRAY_MARKER = "\x00DEEP-ARRAY\x00"
DEEP_OBJECT_MARKER = "\x00DEEP-OBJECT\x00"
HUGE_INT_TEXT = "9" * 5000  # beyond Python's 4,300-digit limit on int ↔ str
DEEP = 3000

# Values a field may be retyped to: wrong types, boundary numbers, hostile strings, deep and huge values.
ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    5,
    2**64,
    -(2**63) - 1,
    1e300,
    -1e300,
    0.5,
    "",
    "abc",
    "-1",
    "5",
    "\ud800",
    "a\x00b",
    "\x1b[31mred\r\nnext",
    "{{a}}{{a}}",
    "and(" * 2000,
    "../../x",
    "/",
    "%00",
    "[" * 5000,
    [],
    [5],
    [None],
    ["x"],
    {},
    {"a": 1},
    {"$ref": "#/nowhere"},
    {"$ref": "#"},
    {"$ref": 5},
    HUGE_INT_MARKER,
    DEEP_ARRAY_MARKER,
    DEEP_OBJECT_MARKER,
]
# Strings appended to a string value or a key.
INJECTIONS: list[str] = [
    "\ud800",
    "\x00",
    "\x1b]0;t\x07",
    "\r\n",
    "\u202e",
    "\udfff\ud800",
    "\t",
    "\x7f",
    "é",
    "{{",
    "}}",
    ":",
    "/",
    "..",
    "?a=1#f",
    "%",
    "(",
    "and(" * 600,
]
KINDS = ("retype", "delete", "duplicate", "deepen", "inject", "rekey", "swap")


@dataclass(frozen=True)
class Mutation:
    target: int
    kind: str
    payload: int


def nodes(document: Any) -> list[tuple[Any, Any]]:
    """(container, key) of every value below the root, in a fixed walk order."""
    found: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in list(node):
                found.append((node, key))
                stack.append(node[key])
        elif isinstance(node, list):
            for index in range(len(node)):
                found.append((node, index))
                stack.append(node[index])
    return found


def apply(document: Any, mutations: list[Mutation]) -> Any:
    """A mutated deep copy of `document`."""
    document = copy.deepcopy(document)
    for mutation in mutations:
        places = nodes(document)
        if not places:
            return ODD_VALUES[mutation.payload % len(ODD_VALUES)]
        container, key = places[mutation.target % len(places)]
        _mutate(container, key, mutation)
    return document


def _mutate(container: Any, key: Any, mutation: Mutation) -> None:
    value = container[key]
    payload = mutation.payload
    kind = mutation.kind
    if kind == "retype":
        container[key] = ODD_VALUES[payload % len(ODD_VALUES)]
    elif kind == "delete":
        del container[key]
    elif kind == "duplicate":
        if isinstance(container, list):
            container.insert(key, copy.deepcopy(value))
        else:
            container[f"{key}{INJECTIONS[payload % len(INJECTIONS)]}"] = copy.deepcopy(value)
    elif kind == "deepen":
        for _ in range(payload % 40 + 1):
            value = [value] if payload % 2 else {"item": [value], "name": "x"}
        container[key] = value
    elif kind == "inject":
        text = INJECTIONS[payload % len(INJECTIONS)]
        container[key] = value + text if isinstance(value, str) else text
    elif kind == "rekey" and isinstance(container, dict):
        container[f"{key}{INJECTIONS[payload % len(INJECTIONS)]}"] = container.pop(key)
    elif kind == "swap":
        # the value of another node moved here: a right-looking object in the wrong place
        places = nodes(value) if isinstance(value, dict | list) else []
        if places:
            inner, inner_key = places[payload % len(places)]
            container[key] = inner[inner_key]


def dumps(document: Any) -> bytes:
    """The document as JSON text, markers expanded; lone surrogates stay as `\\ud800` escapes."""
    text = json.dumps(document, ensure_ascii=True, indent=1)
    text = text.replace(json.dumps(HUGE_INT_MARKER), HUGE_INT_TEXT)
    text = text.replace(json.dumps(DEEP_ARRAY_MARKER), "[" * DEEP + "]" * DEEP)
    text = text.replace(json.dumps(DEEP_OBJECT_MARKER), '{"a":' * DEEP + "1" + "}" * DEEP)
    return text.encode()


def mutate_text(raw: bytes, offset: int, insert: bytes, cut: int = 0) -> bytes:
    """Bytes inserted (and some cut) at a position: what a bad paste or a truncated download does."""
    at = offset % (len(raw) + 1)
    return raw[:at] + insert + raw[at + cut :]
