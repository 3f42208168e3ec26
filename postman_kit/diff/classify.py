"""Fine-grained comparison of two endpoint signatures (jsondiff, deepdiff where lists of scalars need aligning),
and what each difference means.

A removal, a new required input, a narrowed enum, a changed type or changed auth is breaking; the rest is not.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from postman_kit.diff.changes import Change
from postman_kit.diff.jsondiff import Entry, NeedsDeepDiff, json_differences

_ADDED = ("dictionary_item_added", "iterable_item_added")
_REMOVED = ("dictionary_item_removed", "iterable_item_removed")
_SCHEMA_STRUCTURE = frozenset({"properties", "items", "allOf", "oneOf", "anyOf", "additionalProperties"})


# deepdiff try-imports numpy, pydantic, pandas and polars to compare their types; signatures are plain JSON
# data, and numpy and pydantic alone cost about 0.2 s of a command meant to finish in 0.5 s.
_OPTIONAL_IMPORTS = ("numpy", "pydantic", "pandas", "polars")
_lean_import = ContextVar("lean_deepdiff_import", default=False)


@contextmanager
def lean_deepdiff_import() -> Iterator[None]:
    """Within this block, deepdiff (if first imported here) loads without its numpy, pydantic, pandas and polars
    support.

    For the CLI, whose process is ours alone; a library caller's deepdiff is left as they would import it.
    """
    token = _lean_import.set(True)
    try:
        yield
    finally:
        _lean_import.reset(token)


@cache
def _deep_diff() -> Any:
    """The DeepDiff class, imported on first use: signatures that are equal never need it."""
    lean = _lean_import.get() and "deepdiff" not in sys.modules
    hidden = [name for name in _OPTIONAL_IMPORTS if name not in sys.modules] if lean else []
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    try:
        from deepdiff import DeepDiff
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return DeepDiff


class SignatureComparer:
    """Compares endpoint signatures; a schema shared by many operations is diffed once.

    Schema shapes of one API are shared objects (each `$ref` is shaped once), so the same pair of response
    schemas turns up for many operations; deepdiff is slow on big trees, so its findings are kept per pair.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int], tuple[Any, Any, list[Entry]]] = {}

    def compare(self, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
        """Every difference between two signatures, classified; unique and in a stable order."""
        if old == new:
            return []
        changes: dict[tuple[str, str, str], Change] = {}
        for report_type, path, before, after in self._entries(old, new, [], depth=0):
            change = _classify(report_type, path, before, after)
            if change is not None:
                changes.setdefault((change.kind, change.where, change.detail), change)
        removed = {c.where for c in changes.values() if c.kind == "field-removed"}
        kept = [c for c in changes.values() if not _removed_field_no_longer_required(c, removed)]
        return sorted(kept, key=lambda c: (not c.breaking, c.where, c.kind, c.detail))

    def _entries(self, old: Any, new: Any, prefix: list[str], depth: int) -> list[Entry]:
        # Split down to each parameter, body and response, the units that share schemas across operations.
        if depth < 3 and isinstance(old, dict) and isinstance(new, dict):
            entries: list[Entry] = []
            for key in old.keys() | new.keys():
                if key in old and key in new:
                    if old[key] is not new[key] and old[key] != new[key]:
                        entries += self._entries(old[key], new[key], prefix + [key], depth + 1)
                elif key in old:
                    entries.append(("dictionary_item_removed", prefix + [key], old[key], None))
                else:
                    entries.append(("dictionary_item_added", prefix + [key], None, new[key]))
            return entries
        return [(kind, prefix + path, before, after) for kind, path, before, after in self._deep(old, new)]

    def _deep(self, old: Any, new: Any) -> list[Entry]:
        key = (id(old), id(new))
        cached = self._cache.get(key)
        if cached is not None and cached[0] is old and cached[1] is new:
            return cached[2]
        pruned_old, pruned_new = prune_equal(old, new)
        try:
            entries = json_differences(pruned_old, pruned_new)
        except NeedsDeepDiff:
            entries = _deepdiff_entries(pruned_old, pruned_new)
        self._cache[key] = (old, new, entries)
        return entries


def _deepdiff_entries(old: Any, new: Any) -> list[Entry]:
    tree = _deep_diff()(old, new, view="tree", threshold_to_diff_deeper=0)
    return [
        (
            report_type,
            [str(p) for p in level.path(output_format="list")],
            _present(level.t1),
            _present(level.t2),
        )
        for report_type, levels in tree.items()
        for level in levels
    ]


def _present(value: Any) -> Any:
    return None if type(value).__name__ == "NotPresent" else value


def prune_equal(old: Any, new: Any) -> tuple[Any, Any]:
    """Drop keys whose values are equal on both sides, recursively.

    Klaviyo's schemas run to thousands of nodes per operation and deepdiff walks (and copies) every node it
    visits; equal subtrees are found far faster by ==, so deepdiff only sees the parts that differ.
    """
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return old, new
    pruned_old: dict[str, Any] = {}
    pruned_new: dict[str, Any] = {}
    for key, value in old.items():
        if key not in new:
            pruned_old[key] = value
        elif value != new[key]:
            pruned_old[key], pruned_new[key] = prune_equal(value, new[key])
    for key, value in new.items():
        if key not in old:
            pruned_new[key] = value
    return pruned_old, pruned_new


def _state(report_type: str, before: Any, after: Any) -> str:
    if report_type in _ADDED:
        return "added"
    if report_type in _REMOVED:
        return "removed"
    if before is None and after is not None:
        return "added"
    if after is None and before is not None:
        return "removed"
    return "changed"


def _removed_field_no_longer_required(change: Change, removed: set[str]) -> bool:
    """`field name is now optional` beside `field name removed`: it is gone, not optional (a reader took the
    line for old callers still working: Twilio's `AlphaSender` renamed `AlphaSenderName`)."""
    found = re.fullmatch(r"field `(.+)` is now optional", change.detail)
    if change.kind != "field-optional" or found is None:
        return False
    name = found.group(1)
    return any(place in removed for place in (f"{change.where}/{name}", f"{change.where} /{name}"))


def _classify(report_type: str, path: list[str], before: Any, after: Any) -> Change | None:
    if not path or "(truncated)" in path:
        return None  # depth cut-offs differ when nesting changes; what lies below them is not compared
    if report_type == "type_changes" and before is None:
        report_type = "dictionary_item_added"
    elif report_type == "type_changes" and after is None:
        report_type = "dictionary_item_removed"
    state = _state(report_type, before, after)
    section = path[0]
    if section == "parameters" and len(path) >= 2:
        return _parameter(state, path[1], path[2:], before, after)
    if section == "requestBody":
        return _request_body(state, path[1:], before, after)
    if section == "responses" and len(path) >= 2:
        return _response(state, path[1], path[2:], before, after)
    if section == "security":
        return Change("auth-changed", True, "auth", f"auth requirement changed: {_auth_text(path, state)}")
    if section == "filters" and len(path) >= 2:
        return _filter(state, path[1], path[2:])
    if section == "deprecated":
        if after is True:
            return Change("deprecated", False, "operation", "operation is now deprecated")
        return Change("undeprecated", False, "operation", "operation is no longer deprecated")
    if section == "docs":
        return Change("docs-changed", False, "/".join(path[1:]) or "docs", "documentation text changed")
    return None


def _parameter(state: str, name: str, rest: list[str], before: Any, after: Any) -> Change:
    location, _, param = name.partition(" ")
    where = f"{location} `{param}`"
    if not rest:
        if state == "added":
            required = isinstance(after, dict) and bool(after.get("required"))
            return Change(
                "parameter-added",
                required,
                where,
                f"new {'required' if required else 'optional'} {location} parameter `{param}`",
            )
        if state == "removed":
            return Change("parameter-removed", True, where, f"{location} parameter `{param}` removed")
    if rest == ["required"]:
        if after is True:
            return Change(
                "parameter-required", True, where, f"{location} parameter `{param}` is now required"
            )
        return Change("parameter-optional", False, where, f"{location} parameter `{param}` is now optional")
    if rest == ["deprecated"]:
        return Change(
            "parameter-deprecated",
            False,
            where,
            f"{location} parameter `{param}` is {'now' if after else 'no longer'} deprecated",
        )
    if rest and rest[0] == "description":
        return Change("docs-changed", False, where, "description changed")
    return _schema_change(
        state, where, rest[1:] if rest and rest[0] == "schema" else rest, before, after, removal_breaks=False
    )


def _request_body(state: str, rest: list[str], before: Any, after: Any) -> Change:
    where = "request body"
    if not rest:
        if state == "added":
            required = isinstance(after, dict) and bool(after.get("required"))
            return Change(
                "body-added",
                required,
                where,
                "operation now takes a request body" + (" (required)" if required else ""),
            )
        if state == "removed":
            return Change("body-removed", True, where, "operation no longer takes a request body")
    if rest == ["required"]:
        return Change(
            "body-required" if after else "body-optional",
            bool(after),
            where,
            "request body is now " + ("required" if after else "optional"),
        )
    if rest[0] == "mode":
        return Change("body-type-changed", True, where, f"body mode changed from {before} to {after}")
    if rest[0] == "media" and len(rest) == 2:
        if state == "added":
            return Change("media-type-added", False, where, f"now accepts `{rest[1]}`")
        return Change("media-type-removed", True, where, f"no longer accepts `{rest[1]}`")
    if rest[0] == "fields":
        return _body_field_change(state, where, rest[1:], before, after)
    return _schema_change(state, where, rest[1:], before, after, removal_breaks=True)


def _body_field_change(state: str, where: str, path: list[str], before: Any, after: Any) -> Change:
    """A change in the shape of a saved JSON body (no spec at hand): keys are fields, values their types."""
    at = f"{where} /" + "/".join(path)
    name = path[-1] if path else "body"
    if state == "added":
        return Change("field-added", False, at, f"new field `{name}`")
    if state == "removed":
        return Change("field-removed", True, at, f"field `{name}` removed")
    return Change("type-changed", True, at, f"`{name}` changed from {before} to {after}")


def _response(state: str, status: str, rest: list[str], before: Any, after: Any) -> Change:
    where = f"response {status}"
    if not rest:
        if state == "added":
            return Change("response-added", False, where, f"new response {status}")
        if state == "removed":
            return Change("response-removed", True, where, f"response {status} removed")
    if rest[0] == "media" and len(rest) == 2:
        # Callers read the body, not the label: a response's media type changing breaks no request.
        verb = "now" if state == "added" else "no longer"
        return Change(
            f"response-media-{'added' if state == 'added' else 'removed'}",
            False,
            where,
            f"response {status} {verb} comes as `{rest[1]}`",
        )
    change = _schema_change(state, where, rest[1:], before, after, removal_breaks=True)
    if change.kind in ("enum-narrowed", "field-required", "field-optional"):
        # What a response may contain narrowing, or promising a field, never breaks a caller.
        return Change(change.kind, False, change.where, change.detail)
    return change


def _filter(state: str, field: str, rest: list[str]) -> Change:
    where = f"filter `{field}`"
    if not rest:
        if state == "added":
            return Change("filter-added", False, where, f"`{field}` can now be filtered on")
        return Change("filter-removed", True, where, f"`{field}` can no longer be filtered on")
    operator = rest[0]
    if state == "added":
        return Change("filter-operator-added", False, where, f"`{operator}` now allowed on `{field}`")
    return Change("filter-operator-removed", True, where, f"`{operator}` no longer allowed on `{field}`")


def _schema_change(
    state: str, where: str, path: list[str], before: Any, after: Any, *, removal_breaks: bool
) -> Change:
    """A change inside a schema (or a body's shape), located by a JSON pointer of property names."""
    pointer = _pointer(path)
    at = f"{where} {pointer}" if pointer not in ("/", "/[]") else where
    last = path[-1] if path else ""
    parent = path[-2] if len(path) >= 2 else ""
    if parent == "enum":
        if state == "removed":
            return Change("enum-narrowed", True, at, f"value `{last}` no longer allowed")
        if state == "added":
            return Change("enum-widened", False, at, f"value `{last}` now allowed")
    if last == "enum" and state in ("added", "removed"):
        return Change(
            "enum-narrowed" if state == "added" else "enum-widened",
            state == "added",
            at,
            "values are now restricted" if state == "added" else "values are no longer restricted",
        )
    if last == "required" and state in ("added", "removed"):
        if state == "added":
            return Change("field-required", True, at, "fields are now required: " + _names(after))
        return Change("field-optional", False, at, "fields are no longer required: " + _names(before))
    if last in ("type", "format") and state in ("added", "removed"):
        return Change("schema-changed", False, at, f"schema `{last}` {state}")
    if parent == "required":
        if state == "added":
            return Change("field-required", True, at, f"field `{last}` is now required")
        if state == "removed":
            return Change("field-optional", False, at, f"field `{last}` is now optional")
    if parent == "properties":
        if state == "added":
            return Change("field-added", False, at, f"new field `{last}`")
        if state == "removed":
            return Change(
                "field-removed", removal_breaks or where.startswith("response"), at, f"field `{last}` removed"
            )
    if last in ("type", "format") or (
        state == "changed" and not isinstance(before, dict) and type(before) is not type(after)
    ):
        return Change("type-changed", True, at, f"{last or 'type'} changed from `{before}` to `{after}`")
    return Change("schema-changed", False, at, f"schema `{last or 'value'}` {state}")


def _names(value: Any) -> str:
    return ", ".join(f"`{v}`" for v in value) if isinstance(value, dict) else str(value)


def _pointer(path: list[str]) -> str:
    """`properties/data/properties/attributes/...` → `/data/attributes/...`; array items as `[]`."""
    parts: list[str] = []
    skip_next = False
    for index, part in enumerate(path):
        if skip_next:
            skip_next = False
            continue
        if part == "properties" and index + 1 < len(path):
            parts.append(path[index + 1])
            skip_next = True
        elif part == "items":
            parts.append("[]")
        elif part in ("enum", "required", "type", "format") or part in _SCHEMA_STRUCTURE:
            if part in ("enum", "required"):
                break
        elif index > 0 and path[index - 1] in ("allOf", "oneOf", "anyOf"):
            continue  # which alternative is not part of where a field sits
        else:
            parts.append(part)
            if index == len(path) - 1:
                break
    return "/" + "/".join(parts)


def _auth_text(path: list[str], state: str) -> str:
    return f"{'/'.join(path[1:]) or 'security'} {state}"
