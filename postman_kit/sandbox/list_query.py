"""Query parameters checked against the operation (enums, bounds, the filter grammar) and applied to lists."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from postman_kit.conformance import SentValue, query_problems
from postman_kit.filters import Condition, evaluate, parse_filter
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
        raise ApiError(
            400,
            f"Invalid page cursor {cursor!r}; use the links.next URL of the previous page",
            parameter=PAGE_CURSOR,
        ) from None


def _schema(api: Api, param: Parameter) -> dict[str, Any]:
    schema = api.resolve(param.schema) if param.schema else {}
    return schema if isinstance(schema, dict) else {}


def check_query(api: Api, op: Operation, profile: Profile, query: dict[str, str]) -> ListQuery:
    """Check `query` against `op`'s parameters as validate judges a saved request's (one judgement, in
    postman_kit.conformance); raise a 400 :class:`ApiError` naming the first bad one, else say what to
    list."""
    problems = query_problems(api, profile, op, [SentValue(name, value) for name, value in query.items()])
    if problems:
        raise ApiError(400, problems[0].message, parameter=problems[0].parameter)
    plan = ListQuery()
    for param in op.params_in("query"):
        value = query.get(param.name)
        if value is None:
            if param.name == PAGE_SIZE:
                default = _schema(api, param).get("default")
                plan.page_size = default if isinstance(default, int) else DEFAULT_PAGE_SIZE
        elif param.name == profile.filter_param:
            plan.conditions = parse_filter(value)
        elif param.name == PAGE_CURSOR:
            plan.offset = decode_cursor(value)
        elif param.name == PAGE_SIZE and _schema(api, param).get("type") == "integer":
            plan.page_size = int(value)
        elif param.name.startswith("fields[") and param.name.endswith("]"):
            plan.fields[param.name[7:-1]] = [v.strip() for v in value.split(",") if v.strip()]
        elif param.name == "sort":
            plan.sort = value
    return plan


def _sort_key(attributes: dict[str, Any], resource_id: str, name: str) -> tuple[int, Any]:
    value = resource_id if name == "id" else attributes.get(name)
    if value is None:
        return (1, "")
    return (0, value if isinstance(value, (int, float)) else str(value))


def select(
    records: list[tuple[str, dict[str, Any]]], plan: ListQuery
) -> tuple[list[tuple[str, dict[str, Any]]], bool]:
    """Filter, sort and page `records`; also says whether a next page exists."""
    if plan.conditions:
        records = [
            (rid, attrs)
            for rid, attrs in records
            if all(evaluate(c, {**attrs, "id": rid}) for c in plan.conditions)
        ]
    if plan.sort:
        name = plan.sort.lstrip("-")
        records = sorted(
            records, key=lambda r: _sort_key(r[1], r[0], name), reverse=plan.sort.startswith("-")
        )
    page = records[plan.offset : plan.offset + plan.page_size]
    return page, plan.offset + plan.page_size < len(records)
