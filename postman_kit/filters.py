"""JSON:API `filter` parameters in Klaviyo's style: which fields and operators an operation allows.

Two sources, both read: the `x-klaviyo-filters` extension (2026-04-15 and later) and the `filter`
parameter's description (``Allowed field(s)/operator(s):<br>`id`: `any`, `equals`<br>…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

LIST_OPERATORS = frozenset({"any"})
COMPARISON_OPERATORS = frozenset({"greater-than", "greater-or-equal", "less-than", "less-or-equal"})
_ALLOWED_MARKER = re.compile(r"Allowed field\(s\)/operator\(s\):", re.IGNORECASE)
_RULE_LINE = re.compile(r"`([^`]+)`\s*:\s*((?:`[^`]+`\s*,?\s*)+)")
_DATETIME_FIELD = re.compile(r"(^|[._])(created|updated|datetime|timestamp|date|[a-z_]*_at|[a-z_]*_date)$")


@dataclass(slots=True, frozen=True)
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


@dataclass(slots=True)
class AllowedFilters:
    """The filter rules an operation allows, by field, and where they were read from."""

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
        operators = spec.get("operators")
        if not isinstance(operators, dict):
            operators = {}
        value = spec.get("value") or {}
        enum = value.get("enum") if isinstance(value, dict) else None
        value_format = value.get("format") if isinstance(value, dict) else None
        rules[str(name)] = FilterRule(
            field=str(name),
            single=_names(operators.get("single")),
            list=_names(operators.get("list")),
            value_type=str(value.get("type") or "string") if isinstance(value, dict) else "string",
            value_format=value_format if isinstance(value_format, str) else None,
            value_enum=tuple(enum) if isinstance(enum, list) else (),
        )
    return AllowedFilters(rules=rules, source="x-klaviyo-filters")


def _names(value: Any) -> tuple[str, ...]:
    """The operator names of a list; anything else in a hand-edited extension is not an operator."""
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def rules_from_description(description: str) -> AllowedFilters:
    """Parse the ``Allowed field(s)/operator(s):`` list of a `filter` parameter's description."""
    match = _ALLOWED_MARKER.search(description or "")
    if not match:
        return AllowedFilters()
    rules: dict[str, FilterRule] = {}
    for line in re.split(r"<br\s*/?>|\n", description[match.end() :]):
        rule = _RULE_LINE.search(line)
        if not rule:
            continue
        name = rule.group(1).strip()
        operators = tuple(op.strip() for op in re.findall(r"`([^`]+)`", rule.group(2)))
        is_datetime = bool(_DATETIME_FIELD.search(name)) or (
            bool(set(operators) & COMPARISON_OPERATORS)
            and not set(operators) - COMPARISON_OPERATORS - {"equals"}
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


# -- the filter grammar ----------------------------------------------------------------------------------------
# Written by hand because it is Klaviyo's own small language (no library parses it): a recursive-descent parser
# over `op(field,value)` calls, `and(...)` groups, quoted strings with '' escapes, unquoted ISO datetimes,
# numbers, booleans, null and [lists].

_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$.\-\[\]]*")
# and(...) groups and [lists] nest no deeper than this: deeper input is a syntax error, not a RecursionError
MAX_FILTER_DEPTH = 32


class FilterSyntaxError(ValueError):
    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} at position {position + 1}")
        self.position = position
        self.reason = message


@dataclass(slots=True, frozen=True)
class FilterValue:
    """A literal in a filter expression: a string, datetime, number, boolean, null or list."""

    kind: str  # string, datetime, number, boolean, null, list
    value: Any

    def literal(self) -> str:
        if self.kind == "list":
            return "[" + ",".join(v.literal() for v in self.value) + "]"
        if self.kind == "string":
            return _literal(self.value)
        if self.kind == "boolean":
            return "true" if self.value else "false"
        if self.kind == "null":
            return "null"
        return str(self.value)

    def python(self) -> Any:
        if self.kind == "list":
            return [v.python() for v in self.value]
        return self.value


@dataclass(slots=True, frozen=True)
class Condition:
    """One `operator(field,value)` term of a filter expression."""

    operator: str
    field: str
    value: FilterValue | None

    @property
    def is_list(self) -> bool:
        return self.value is not None and self.value.kind == "list"

    def text(self) -> str:
        if self.value is None:
            return f"{self.operator}({self.field})"
        return f"{self.operator}({self.field},{self.value.literal()})"


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0

    def enter(self) -> None:
        """One more level of and(...) or [list]; the parser recurses per level, so levels are bounded."""
        self.depth += 1
        if self.depth > MAX_FILTER_DEPTH:
            raise self.error(f"the filter nests deeper than {MAX_FILTER_DEPTH} levels")

    def error(self, message: str) -> FilterSyntaxError:
        return FilterSyntaxError(message, min(self.pos, max(len(self.text) - 1, 0)))

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def expect(self, char: str) -> None:
        self.skip_space()
        if self.pos >= len(self.text) or self.text[self.pos] != char:
            found = repr(self.text[self.pos]) if self.pos < len(self.text) else "end of filter"
            raise self.error(f"expected {char!r}, found {found}")
        self.pos += 1

    def peek(self) -> str:
        self.skip_space()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def name(self, what: str) -> str:
        self.skip_space()
        match = _NAME.match(self.text, self.pos)
        if not match:
            raise self.error(f"expected {what}")
        self.pos = match.end()
        return match.group(0)

    def expression(self) -> list[Condition]:
        start = self.pos
        operator = self.name("an operator such as equals(...)")
        if operator in ("and", "or"):
            if operator == "or":
                self.pos = start
                raise self.error(
                    "or(...) is not supported; join conditions with and(...) or use any(field,[...])"
                )
            self.expect("(")
            self.enter()
            conditions = self.expression()
            while self.peek() == ",":
                self.pos += 1
                conditions.extend(self.expression())
            self.expect(")")
            self.depth -= 1
            return conditions
        self.expect("(")
        field_name = self.name("a field name")
        value = None
        if self.peek() == ",":
            self.pos += 1
            value = self.value()
        self.expect(")")
        return [Condition(operator=operator, field=field_name, value=value)]

    def value(self) -> FilterValue:
        char = self.peek()
        if char == "[":
            self.pos += 1
            self.enter()
            items: list[FilterValue] = []
            if self.peek() != "]":
                items.append(self.value())
                while self.peek() == ",":
                    self.pos += 1
                    items.append(self.value())
            self.expect("]")
            self.depth -= 1
            return FilterValue("list", tuple(items))
        if char in ("'", '"'):
            return FilterValue("string", self.string(char))
        for pattern, kind in ((_DATETIME, "datetime"), (_NUMBER, "number")):
            match = pattern.match(self.text, self.pos)
            if match and (kind == "datetime" or not _DATETIME.match(self.text, self.pos)):
                end = match.end()
                if end < len(self.text) and self.text[end] not in ",)] \t":
                    continue
                self.pos = end
                if kind == "number":
                    number = float(match.group(0))
                    return FilterValue(
                        "number", int(number) if number.is_integer() and "." not in match.group(0) else number
                    )
                return FilterValue("datetime", match.group(0))
        for word, value in (
            ("true", FilterValue("boolean", True)),
            ("false", FilterValue("boolean", False)),
            ("null", FilterValue("null", None)),
        ):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return value
        raise self.error("expected a value: 'quoted string', datetime, number, true, false, null or [list]")

    def string(self, quote: str) -> str:
        self.pos += 1
        out: list[str] = []
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == quote:
                if self.text.startswith(quote * 2, self.pos):
                    out.append(quote)
                    self.pos += 2
                    continue
                self.pos += 1
                return "".join(out)
            if char == "\\" and self.pos + 1 < len(self.text):
                out.append(self.text[self.pos + 1])
                self.pos += 2
                continue
            out.append(char)
            self.pos += 1
        raise self.error("unterminated string")


def parse_filter(text: str) -> list[Condition]:
    """Parse a `filter` value into its conditions (`and(...)` flattened)."""
    parser = _Parser(text)
    if not text.strip():
        raise FilterSyntaxError("empty filter", 0)
    conditions = parser.expression()
    parser.skip_space()
    if parser.pos != len(text):
        raise parser.error("unexpected text after the filter expression")
    return conditions


def _value_matches(rule: FilterRule, value: FilterValue) -> bool:
    if value.kind == "null":
        return True
    if rule.value_enum:
        return value.python() in rule.value_enum
    if rule.value_format == "date-time":
        return value.kind == "datetime"
    if rule.value_type == "boolean":
        return value.kind == "boolean"
    if rule.value_type in ("integer", "number"):
        return value.kind == "number"
    if rule.value_type == "array":
        return True
    return value.kind == "string"


def _expected(rule: FilterRule) -> str:
    if rule.value_enum:
        return "one of " + ", ".join(_literal(v) for v in rule.value_enum)
    if rule.value_format == "date-time":
        return "an unquoted datetime such as 2024-01-01T00:00:00Z"
    if rule.value_type == "boolean":
        return "true or false"
    if rule.value_type in ("integer", "number"):
        return "a number"
    return "a 'quoted string'"


def check_filter(conditions: list[Condition], allowed: AllowedFilters) -> list[str]:
    """Each problem with `conditions` under `allowed`, as a message that says what is allowed instead."""
    problems: list[str] = []
    for condition in conditions:
        rule = allowed.rules.get(condition.field)
        if rule is None:
            fields = ", ".join(f"`{f}`" for f in allowed.rules) or "none"
            problems.append(f"`{condition.field}` cannot be filtered on; allowed fields: {fields}")
            continue
        if condition.operator not in rule.operators:
            ops = ", ".join(f"`{o}`" for o in rule.operators)
            problems.append(
                f"operator `{condition.operator}` is not allowed on `{condition.field}`; allowed: {ops}"
            )
            continue
        value = condition.value
        if value is None:
            problems.append(f"`{condition.text()}` needs a value")
            continue
        # `equals` given a list means "is one of"; given one value it is that value's one-element list, so
        # a field listing `equals` only among its list operators still takes a single value (Get Coupon
        # Codes documents `equals(coupon.id,'10OFF')` while its x-klaviyo-filters lists `equals` as list-only)
        takes_list = (
            condition.operator in rule.list
            and condition.operator not in rule.single
            and condition.operator != "equals"
        )
        takes_single = condition.operator in rule.single and condition.operator not in rule.list
        if takes_list and not condition.is_list:
            problems.append(f"`{condition.operator}` on `{condition.field}` takes a [list] of values")
            continue
        if takes_single and condition.is_list:
            problems.append(f"`{condition.operator}` on `{condition.field}` takes a single value, not a list")
            continue
        values = value.value if condition.is_list else (value,)
        for item in values:
            if not _value_matches(rule, item):
                problems.append(f"`{condition.field}` compares with {_expected(rule)}, not {item.literal()}")
                break
    return problems


def _field_value(record: dict[str, Any], dotted: str) -> Any:
    node: Any = record
    for part in dotted.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def _comparable(value: Any) -> Any:
    if isinstance(value, str) and _DATETIME.fullmatch(value):
        text = value.replace("Z", "+00:00")
        try:
            parsed = datetime.fromisoformat(text)
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            return parsed.timestamp()
        except ValueError:
            return value
    return value


def evaluate(condition: Condition, record: dict[str, Any]) -> bool:
    """Does `record` (attributes, plus `id`) satisfy `condition`? Used by the sandbox to filter lists."""
    actual = _field_value(record, condition.field)
    wanted = condition.value.python() if condition.value is not None else None
    op = condition.operator
    if op == "equals":
        if isinstance(wanted, list):
            return actual in wanted
        return _comparable(actual) == _comparable(wanted) if actual is not None else wanted is None
    if op == "any":
        return actual in (wanted or [])
    if op in ("contains", "has"):
        if isinstance(actual, (list, tuple)):
            return wanted in actual
        if isinstance(actual, dict):
            return wanted in actual
        return isinstance(actual, str) and isinstance(wanted, str) and wanted in actual
    if op == "contains-any":
        return isinstance(actual, (list, tuple)) and any(w in actual for w in wanted or [])
    if op == "contains-all":
        return isinstance(actual, (list, tuple)) and all(w in actual for w in wanted or [])
    if op == "starts-with":
        return isinstance(actual, str) and actual.startswith(str(wanted))
    if op == "ends-with":
        return isinstance(actual, str) and actual.endswith(str(wanted))
    if op in COMPARISON_OPERATORS:
        if actual is None or wanted is None:
            return False
        left, right = _comparable(actual), _comparable(wanted)
        try:
            if op == "greater-than":
                return left > right
            if op == "greater-or-equal":
                return left >= right
            if op == "less-than":
                return left < right
            return left <= right
        except TypeError:
            return False
    return False


def allowed_example(example: Any, allowed: AllowedFilters) -> str | None:
    """The spec's own example filter when the operation's rules allow it (Get Campaigns documents
    `equals(messages.channel,'email')`); `None` when it gives none or one its own rules reject."""
    if not isinstance(example, str) or not example.strip():
        return None
    try:
        conditions = parse_filter(example)
    except FilterSyntaxError:
        return None
    return example if not allowed or not check_filter(conditions, allowed) else None
