"""JSON:API `filter` parameters in Klaviyo's style: which fields and operators an operation allows.

Two sources, both read: the `x-klaviyo-filters` extension (2026-04-15 and later) and the `filter`
parameter's description (``Allowed field(s)/operator(s):<br>`id`: `any`, `equals`<br>…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

LIST_OPERATORS = frozenset({"any"})
COMPARISON_OPERATORS = frozenset({"greater-than", "greater-or-equal", "less-than", "less-or-equal"})
_ALLOWED_MARKER = re.compile(r"Allowed field\(s\)/operator\(s\):", re.IGNORECASE)
_RULE_LINE = re.compile(r"`([^`]+)`\s*:\s*((?:`[^`]+`\s*,?\s*)+)")
_DATETIME_FIELD = re.compile(r"(^|[._])(created|updated|datetime|timestamp|date|[a-z_]*_at|[a-z_]*_date)$")


@dataclass(frozen=True)
class FilterRule:
    """What one field allows: operators taking a single value, operators taking a list, the value type."""

    field: str
    single: tuple[str, ...] = ()
    list: tuple[str, ...] = ()
    value_type: str = "string"  # string, integer, number, boolean, array
    value_format: str | None = None  # date-time, ...
    value_enum: tuple[Any, ...] = ()

    @property
    def operators(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.single) | set(self.list)))


@dataclass
class AllowedFilters:
    rules: dict[str, FilterRule] = field(default_factory=dict)
    source: str = ""  # "x-klaviyo-filters" or "description"

    def __bool__(self) -> bool:
        return bool(self.rules)


def rules_from_extension(extension: Any) -> AllowedFilters:
    """Read `x-klaviyo-filters`: {field: {"operators": {"single": [...], "list": [...]}, "value": schema}}."""
    rules: dict[str, FilterRule] = {}
    if not isinstance(extension, dict):
        return AllowedFilters()
    for name, spec in extension.items():
        if not isinstance(spec, dict):
            continue
        operators = spec.get("operators") or {}
        value = spec.get("value") or {}
        enum = value.get("enum") if isinstance(value, dict) else None
        rules[str(name)] = FilterRule(
            field=str(name),
            single=tuple(operators.get("single") or ()),
            list=tuple(operators.get("list") or ()),
            value_type=str(value.get("type") or "string") if isinstance(value, dict) else "string",
            value_format=value.get("format") if isinstance(value, dict) else None,
            value_enum=tuple(enum) if isinstance(enum, list) else (),
        )
    return AllowedFilters(rules=rules, source="x-klaviyo-filters")


def rules_from_description(description: str) -> AllowedFilters:
    """Parse the ``Allowed field(s)/operator(s):`` list of a `filter` parameter's description."""
    match = _ALLOWED_MARKER.search(description or "")
    if not match:
        return AllowedFilters()
    rules: dict[str, FilterRule] = {}
    for line in re.split(r"<br\s*/?>|\n", description[match.end():]):
        rule = _RULE_LINE.search(line)
        if not rule:
            continue
        name = rule.group(1).strip()
        operators = tuple(op.strip() for op in re.findall(r"`([^`]+)`", rule.group(2)))
        is_datetime = bool(_DATETIME_FIELD.search(name)) or (
            bool(set(operators) & COMPARISON_OPERATORS) and not set(operators) - COMPARISON_OPERATORS - {"equals"}
        )
        previous = rules.get(name)
        single = tuple(op for op in operators if op not in LIST_OPERATORS)
        listed = tuple(op for op in operators if op in LIST_OPERATORS)
        if previous:
            single = tuple(dict.fromkeys(previous.single + single))
            listed = tuple(dict.fromkeys(previous.list + listed))
        rules[name] = FilterRule(
            field=name,
            single=single,
            list=listed,
            value_type="string",
            value_format="date-time" if is_datetime else None,
        )
    return AllowedFilters(rules=rules, source="description")


def example_value(rule: FilterRule) -> str:
    """A literal in filter syntax that `rule` accepts."""
    if rule.value_enum:
        return _literal(rule.value_enum[0])
    if rule.value_format == "date-time":
        return "2024-01-01T00:00:00Z"
    if rule.value_type == "boolean":
        return "true"
    if rule.value_type in ("integer", "number"):
        return "1"
    return "'example'"


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def example_filter(allowed: AllowedFilters) -> str | None:
    """A valid example `filter` value: a date-time comparison when one is allowed, else the first rule."""
    if not allowed:
        return None
    rules = list(allowed.rules.values())
    chosen = next((r for r in rules if r.value_format == "date-time" and r.single), None)
    rule = chosen or rules[0]
    if rule.single:
        operator = next((op for op in ("equals", "greater-than") if op in rule.single), rule.single[0])
        return f"{operator}({rule.field},{example_value(rule)})"
    if rule.list:
        return f"{rule.list[0]}({rule.field},[{example_value(rule)}])"
    return None
