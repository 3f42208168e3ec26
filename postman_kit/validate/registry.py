"""Rules register themselves here with `@rule(...)`; the engine reads :data:`RULES`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from postman_kit.validate.model import Hit, Rule, Severity

if TYPE_CHECKING:
    from postman_kit.validate.target import Target

RULES: list[Rule] = []
CheckFunction = Callable[["Target"], Iterator[Hit]]


def rule(
    rule_id: str,
    severity: Severity,
    summary: str,
    why: str,
    *,
    needs_spec: bool = False,
    profile: str | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function as the rule `rule_id` (`family/name`); with `profile`, the rule checks that
    API's conventions and runs only when the collection (or its spec) is that API's."""

    def register(check: CheckFunction) -> CheckFunction:
        if any(existing.id == rule_id for existing in RULES):
            raise RuntimeError(f"rule {rule_id} registered twice")
        RULES.append(Rule(rule_id, severity, summary, why, check, needs_spec, profile))
        return check

    return register
