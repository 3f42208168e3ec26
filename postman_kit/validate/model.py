"""The result model every rule produces and every reporter reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postman_kit.validate.target import Target


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}; choose from info, warning, error") from None


@dataclass(frozen=True)
class Hit:
    """What a rule found, before the engine stamps it with the rule's id and severity.

    A rule that covers several stable problems (the saved-request checks) sets `code` to name the one it found;
    the finding's rule id is then ``family/code``.
    """

    message: str
    pointer: str = ""
    item: str | None = None  # item path such as `Profiles/Get Profiles Created Date`
    file: str | None = None  # when the hit is in the environment or globals file, not the collection
    code: str | None = None
    severity: Severity | None = None


@dataclass(frozen=True)
class Finding:
    rule: str  # stable id, e.g. auth/literal-key
    severity: Severity
    message: str
    file: str
    item: str | None = None
    pointer: str = ""
    line: int | None = None  # in a v3 collection's YAML file; a JSON file's line is found from `pointer`

    @property
    def family(self) -> str:
        return self.rule.split("/", 1)[0]

    def sort_key(self) -> tuple[str, str, str, str, str]:
        return (self.file, self.item or "", self.pointer, self.rule, self.message)


@dataclass(frozen=True)
class Rule:
    """A named check: a stable id, a default severity and what it looks at."""

    id: str
    severity: Severity
    summary: str  # what it checks, one line
    why: str  # why it matters
    check: Callable[[Target], Iterator[Hit]]
    needs_spec: bool = False
    profile: str | None = None  # one API profile's convention (its name): runs only on that API's collections

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]


@dataclass
class Report:
    """Every finding of one validate run, sorted, plus what was checked."""

    files: list[str]
    findings: list[Finding] = field(default_factory=list)
    items: dict[str, list[str]] = field(default_factory=dict)  # file → every request path checked
    rules: list[Rule] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    sources: dict[str, str] = field(
        default_factory=dict
    )  # file → its text as read, where findings are located
    read: list[str] = field(default_factory=list)  # the other files read: those the spec's `$ref`s named

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def failed(self) -> bool:
        return any(f.severity >= self.fail_on for f in self.findings)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s.label}{'s' if self.count(s) != 1 else ''}" for s in reversed(Severity)]
        return f"{len(self.findings)} finding(s) in {len(self.files)} file(s): " + ", ".join(parts)
