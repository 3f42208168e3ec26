"""The diff's result model: what changed, whether it breaks callers, and the stale verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from postman_kit.diff.lifecycle import Lifecycle
from postman_kit.naming import stamped


@dataclass(slots=True, frozen=True)
class Change:
    """One difference of a matched operation."""

    kind: str  # stable id, e.g. "parameter-required", "enum-narrowed", "auth-changed"
    breaking: bool
    where: str  # "query `filter`", "request body /data/attributes/email", "response 200"
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "breaking": self.breaking, "where": self.where, "detail": self.detail}


@dataclass(slots=True, frozen=True)
class EndpointRef:
    """An endpoint as reports name it."""

    method: str
    path: str
    name: str
    folder: tuple[str, ...]
    operation_id: str | None = None
    successor: str | None = None  # a removed operation's operationId or name now at this method + path

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    def to_json(self) -> dict[str, Any]:
        out = {
            "method": self.method,
            "path": self.path,
            "name": self.name,
            "folder": "/".join(self.folder),
            "operationId": self.operation_id,
        }
        if self.successor:
            out["successor"] = self.successor
        return out


@dataclass(slots=True)
class OperationChange:
    """An operation both sides have, and what changed in it (empty `changes` never reaches a report)."""

    old: EndpointRef
    new: EndpointRef
    matched_by: str  # id, path, alias (moved to another path under its operationId or an alias of it)
    changes: list[Change]

    @property
    def breaking(self) -> bool:
        return any(c.breaking for c in self.changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old.to_json(),
            "new": self.new.to_json(),
            "matchedBy": self.matched_by,
            "breaking": self.breaking,
            "changes": [c.to_json() for c in self.changes],
        }


BREAKING_STATUSES = ("broken-by-new", "broken")
SAVED_STATUSES = ("broken-by-new", "broken", "already-broken", "fixed-by-new", "fine", "unchecked")


@dataclass(slots=True)
class SavedRequestVerdict:
    """A user's saved request and whether it still works in NEW."""

    name: str
    folder: tuple[str, ...]
    method: str
    url: str
    operation: EndpointRef | None  # the endpoint it calls in OLD, when one matches
    new_operation: EndpointRef | None  # the same endpoint in NEW
    # fine, already-broken, broken-by-new, fixed-by-new; broken (OLD's spec unknown), unchecked (NEW's spec unknown, or a request to another service's host)
    status: str
    problems: list[str] = field(default_factory=list)  # NEW's
    old_problems: list[str] = field(default_factory=list)  # OLD's own spec's, when known

    @property
    def breaks(self) -> bool:
        """Broken by NEW, or broken in NEW with no way to tell whether it was before."""
        return self.status in BREAKING_STATUSES

    @property
    def label(self) -> str:
        return "/".join(self.folder + (self.name,))

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "folder": "/".join(self.folder),
            "method": self.method,
            "url": self.url,
            "operation": self.operation.to_json() if self.operation else None,
            "newOperation": self.new_operation.to_json() if self.new_operation else None,
            "status": self.status,
            "problems": self.problems,
            "oldProblems": self.old_problems,
        }


@dataclass(slots=True)
class Verdict:
    """How stale OLD is: its revision against NEW's and, with the list of revisions, its lifecycle."""

    old_revision: str | None
    new_revision: str | None
    today: str
    stale: bool
    lifecycle: Lifecycle | None
    revisions_behind: int | None  # None when the list of revisions is unknown
    missed_revisions: list[str] = field(default_factory=list)
    newer_than_new: list[str] = field(default_factory=list)  # known revisions after NEW
    old_newer: bool = False  # OLD's revision is later than NEW's: the two were likely given swapped

    @property
    def status(self) -> str:
        return self.lifecycle.status if self.lifecycle else "unknown"

    def headline(self) -> str:
        old = stamped(self.old_revision) if self.old_revision else "an unknown revision"
        new = stamped(self.new_revision) if self.new_revision else "NEW"
        if self.old_newer:
            parts = [f"WARNING: {old} is newer than {new} (OLD and NEW swapped?)"]
        elif not self.stale:
            parts = [f"{old} is current against {new}"]
        else:
            behind = (
                f"{self.revisions_behind} revision(s) behind {new}"
                if self.revisions_behind is not None
                else f"older than {new}"
            )
            parts = [f"STALE: {old} is {behind}"]
        if self.lifecycle is not None:
            parts.append(f"{self.lifecycle.label} (as of {self.today}, {self.lifecycle.age_days} days old)")
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        life = self.lifecycle
        return {
            "oldRevision": self.old_revision,
            "newRevision": self.new_revision,
            "today": self.today,
            "stale": self.stale,
            "status": self.status,
            "ageDays": life.age_days if life else None,
            "deprecatedOn": life.deprecated_on.isoformat() if life else None,
            "retiredOn": life.retired_on.isoformat() if life else None,
            "effectiveRevision": life.effective_revision if life else None,
            "revisionsBehind": self.revisions_behind,
            "missedRevisions": self.missed_revisions,
            "newerRevisions": self.newer_than_new,
            "oldNewerThanNew": self.old_newer,
        }


@dataclass(slots=True)
class DiffReport:
    """Everything `diff` found; every output format renders this one value."""

    old_source: str
    new_source: str
    verdict: Verdict
    added: list[EndpointRef]
    removed: list[EndpointRef]
    changed: list[OperationChange]
    unchanged: int
    saved: list[SavedRequestVerdict]
    notes: list[str] = field(default_factory=list)
    partial: bool = False  # OLD's own spec was not known: upstream changes compare requests only
    # what changed for every request: the server URL (`baseUrl`), a server variable's default
    api_changes: list[Change] = field(default_factory=list)

    @property
    def breaking(self) -> bool:
        return (
            bool(self.removed)
            or any(c.breaking for c in self.changed)
            or any(s.breaks for s in self.saved)
            or any(c.breaking for c in self.api_changes)
        )

    def saved_counts(self) -> dict[str, int]:
        """How many saved requests have each status, in SAVED_STATUSES order, zeros left out."""
        counts = {status: sum(1 for s in self.saved if s.status == status) for status in SAVED_STATUSES}
        return {status: n for status, n in counts.items() if n}

    @property
    def has_differences(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.api_changes or self.verdict.stale)

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old_source,
            "new": self.new_source,
            "verdict": self.verdict.to_json(),
            "summary": {
                "added": len(self.added),
                "removed": len(self.removed),
                "changed": len(self.changed),
                "breakingChanges": sum(1 for c in self.changed if c.breaking),
                "apiChanges": len(self.api_changes),
                "unchanged": self.unchanged,
                "savedRequests": len(self.saved),
                "savedRequestsBreaking": sum(1 for s in self.saved if s.breaks),
                "savedRequestsByStatus": self.saved_counts(),
                "breaking": self.breaking,
                "partial": self.partial,
            },
            "apiChanges": [c.to_json() for c in self.api_changes],
            "added": [e.to_json() for e in self.added],
            "removed": [e.to_json() for e in self.removed],
            "changed": [c.to_json() for c in self.changed],
            "savedRequests": [s.to_json() for s in self.saved],
            "notes": self.notes,
        }
