"""Query parameters checked against the operation (enums, bounds, the filter grammar) and applied to lists."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from postman_kit.filters import Condition, FilterSyntaxError, check_filter, evaluate, parse_filter
from postman_kit.openapi import Api, Operation, Parameter
from postman_kit.profiles import Profile
from postman_kit.sandbox.api_errors import ApiError

DEFAULT_PAGE_SIZE = 20
PAGE_SIZE = "page[size]"
PAGE_CURSOR = "page[cursor]"


@dataclass
class ListQuery:
    fields: dict[str, list[str]] = field(default_factory=dict)  # type → sparse fieldset
    sort: str | None = None
    page_size: int = DEFAULT_PAGE_SIZE
    offset: int = 0
    conditions: list[Condition] = field(default_factory=list)


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix != "offset" or not number.isdigit():
            raise ValueError
        return int(number)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(400, f"Invalid page cursor {cursor!r}; use the links.next URL of the previous page",
                       parameter=PAGE_CURSOR) from None


def _schema(api: Api, param: Parameter) -> dict[str, Any]:
    schema = api.resolve(param.schema) if param.schema else {}
    return schema if isinstance(schema, dict) else {}


def _check_enum(api: Api, param: Parameter, value: str) -> None:
    schema = _schema(api, param)
    if schema.get("type") == "array" or "items" in schema:
        items = api.resolve(schema.get("items") or {})
        enum = items.get("enum") if isinstance(items, dict) else None
        values = [v for v in value.split(",") if v] if (param.explode is False or "[" in param.name
                                                        or param.name in ("include", "sort")) else [value]
    else:
        enum = schema.get("enum")
        values = [value]
    if not isinstance(enum, list):
        return
    for item in values:
        if item not in enum:
            allowed = ", ".join(str(e) for e in enum)
            raise ApiError(400, f"'{item}' is not a valid value for {param.name}; allowed: {allowed}",
                           parameter=param.name)


def _check_integer(api: Api, param: Parameter, value: str) -> int | None:
    schema = _schema(api, param)
    if schema.get("type") != "integer":
        return None
    try:
        number = int(value)
    except ValueError:
        raise ApiError(400, f"{param.name} must be an integer, not {value!r}", parameter=param.name) from None
    minimum, maximum = schema.get("minimum"), schema.get("maximum")
    if isinstance(minimum, int) and number < minimum or isinstance(maximum, int) and number > maximum:
        raise ApiError(400, f"{param.name} must be between {minimum} and {maximum}, not {number}",
                       parameter=param.name)
    return number


def check_query(api: Api, op: Operation, profile: Profile, query: dict[str, str]) -> ListQuery:
    """Check `query` against `op`'s parameters; raise a 400 :class:`ApiError` naming the first bad one."""
    plan = ListQuery()
    for param in op.params_in("query"):
        value = query.get(param.name)
        if value is None:
            if param.required:
                raise ApiError(400, f"Missing required query parameter {param.name}", parameter=param.name)
            if param.name == PAGE_SIZE:
                default = _schema(api, param).get("default")
                plan.page_size = default if isinstance(default, int) else DEFAULT_PAGE_SIZE
            continue
        if param.name == profile.filter_param:
            plan.conditions = _check_filter(op, profile, value)
            continue
        if param.name == PAGE_CURSOR:
            plan.offset = decode_cursor(value)
            continue
        _check_enum(api, param, value)
        number = _check_integer(api, param, value)
        if param.name == PAGE_SIZE and number is not None:
            plan.page_size = number
        elif param.name.startswith("fields[") and param.name.endswith("]"):
            plan.fields[param.name[7:-1]] = [v for v in value.split(",") if v]
        elif param.name == "sort":
            plan.sort = value
    return plan


def _check_filter(op: Operation, profile: Profile, text: str) -> list[Condition]:
    try:
        conditions = parse_filter(text)
    except FilterSyntaxError as exc:
        raise ApiError(400, f"Invalid filter: {exc}", parameter=profile.filter_param) from None
    problems = check_filter(conditions, profile.allowed_filters(op))
    if problems:
        raise ApiError(400, "Invalid filter: " + "; ".join(problems), parameter=profile.filter_param)
    return conditions


def _sort_key(attributes: dict[str, Any], resource_id: str, name: str) -> tuple[int, Any]:
    value = resource_id if name == "id" else attributes.get(name)
    if value is None:
        return (1, "")
    return (0, value if isinstance(value, (int, float)) else str(value))


def select(records: list[tuple[str, dict[str, Any]]], plan: ListQuery) -> tuple[list[tuple[str, dict[str, Any]]], bool]:
    """Filter, sort and page `records`; also says whether a next page exists."""
    if plan.conditions:
        records = [
            (rid, attrs) for rid, attrs in records
            if all(evaluate(c, {**attrs, "id": rid}) for c in plan.conditions)
        ]
    if plan.sort:
        name = plan.sort.lstrip("-")
        records = sorted(records, key=lambda r: _sort_key(r[1], r[0], name), reverse=plan.sort.startswith("-"))
    page = records[plan.offset: plan.offset + plan.page_size]
    return page, plan.offset + plan.page_size < len(records)
