"""What a logs search or the dashboard narrows calls down by, and how that becomes SQL.

Shared by `logs search`, `activity` and the web page so a filter means the same thing everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, not_, or_, select, true

from postman_kit.errors import InputError
from postman_kit.ids import normalize_path
from postman_kit.logstore.schema import call_resource_ids, calls

_STATUS = re.compile(r"^(?:([1-5])xx|([1-5]\d\d))$", re.IGNORECASE)
_TEMPLATE_SEGMENT = re.compile(r"\{[^}]*\}|^:")


@dataclass(frozen=True)
class StatusFilter:
    """One code (`404`) or one group (`4xx`)."""

    low: int
    high: int
    text: str

    @classmethod
    def parse(cls, text: str) -> StatusFilter:
        match = _STATUS.match(text.strip())
        if not match:
            raise InputError(
                "--status", f"expected a status such as 404 or a group such as 4xx, got {text!r}"
            )
        if match.group(1):
            group = int(match.group(1)) * 100
            return cls(group, group + 99, f"{match.group(1)}xx")
        code = int(match.group(2))
        return cls(code, code, str(code))

    def condition(self, column: ColumnElement[int] = calls.c.status) -> ColumnElement[bool]:
        if self.low == self.high:
            return column == self.low
        if column is calls.c.status:
            return calls.c.status_class == self.low // 100
        return column.between(self.low, self.high)


# the dashboard's status groups by name: "all" is no constraint
STATUS_WORDS = {"all": (), "success": ("2xx",), "failed": ("4xx", "5xx"), "errors": ("4xx", "5xx")}
# `--source` words for the kind of credential (anything else is a key's or an app's name)
SOURCE_KINDS = {
    "private": ("private",),
    "public": ("public", "public-onsite"),
    "onsite": ("public-onsite",),
    "public-onsite": ("public-onsite",),
    "public-other": ("public",),
    "oauth": ("oauth",),
    "none": ("none",),
}


def parse_statuses(values: list[str] | tuple[str, ...]) -> tuple[StatusFilter, ...]:
    """`--status 404 --status 5xx`, `--status 4xx,5xx`, or a group: all, success, failed."""
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    expanded = [code for part in parts for code in STATUS_WORDS.get(part.lower(), (part,))]
    return tuple(StatusFilter.parse(part) for part in expanded)


@dataclass(frozen=True)
class CallFilter:
    """Every field narrows; an empty tuple or None means no constraint."""

    path: str | None = None
    statuses: tuple[StatusFilter, ...] = ()
    methods: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    revisions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    resource_id: str | None = None
    since: float | None = None  # seconds since the epoch, inclusive
    until: float | None = None  # exclusive

    @property
    def needs_calls(self) -> bool:
        """True when the filter looks at something pruned calls' daily totals do not keep."""
        return bool(self.path or self.sources or self.revisions or self.resource_id)

    def condition(self) -> ColumnElement[bool]:
        return or_(*self.branches())

    def branches(self) -> list[ColumnElement[bool]]:
        """Disjoint conditions whose union is the filter. A path template gives two (calls matched to the
        endpoint, and unmatched calls of its shape), so each can use its own index when searched apart."""
        parts: list[ColumnElement[bool]] = []
        if self.statuses:
            parts.append(or_(*(status.condition() for status in self.statuses)))
        if self.methods:
            parts.append(calls.c.method.in_([m.upper() for m in self.methods]))
        if self.sources:
            kinds = [kind for source in self.sources for kind in SOURCE_KINDS.get(source.lower(), ())]
            names = [source for source in self.sources if source.lower() not in SOURCE_KINDS]
            parts.append(or_(calls.c.source_kind.in_(kinds), calls.c.source.in_(names)))
        if self.revisions:
            parts.append(calls.c.revision.in_(self.revisions))
        if self.categories:
            parts.append(calls.c.category.in_(self.categories))
        if self.resource_id:
            ids = select(call_resource_ids.c.call_id).where(
                call_resource_ids.c.resource_id == self.resource_id
            )
            parts.append(calls.c.id.in_(ids))
        if self.since is not None:
            parts.append(calls.c.timestamp >= self.since)
        if self.until is not None:
            parts.append(calls.c.timestamp < self.until)
        paths = path_branches(self.path) if self.path else [true()]
        return [and_(path, *parts) for path in paths]


def is_template(pattern: str) -> bool:
    return any(_TEMPLATE_SEGMENT.search(segment) for segment in pattern.split("/"))


def path_branches(pattern: str) -> list[ColumnElement[bool]]:
    """As Klaviyo's logs tool: `/api/events` is that exact path (and `/api/events/4Gxu5nDJ2qp` that id),
    `/api/events/{id}` wildcards the id, and a bare word (`event-bulk-create`, `events`) matches anywhere.

    A template matches the operation a call was matched to (parameter names and trailing slashes do not
    matter) and, for calls no operation matched, paths of the same shape: each `{…}` one non-empty segment.
    """
    pattern = pattern.strip().split("?", 1)[0]
    if not is_template(pattern):
        if pattern.startswith("/"):
            exact = pattern.rstrip("/") or "/"
            # one branch a spelling: each reads the (path, timestamp) index newest first, where one IN
            # would sort every call of the path to find the newest page
            return [calls.c.path == exact] + ([calls.c.path == exact + "/"] if exact != "/" else [])
        return [calls.c.path.like(f"%{_escape_like(pattern)}%", escape="\\")]
    route = normalize_path(pattern)
    segments = route.strip("/").split("/")
    shape = "/" + "/".join("_%" if s == "{}" else _escape_like(s) for s in segments)
    # `_%` may swallow a slash; ruling out one segment more keeps each wildcard to one segment.
    longer = "/_%" * (len(segments) + 1)
    # Unmatched calls are read through the (route, timestamp) index, newest first: `path || ''` keeps the
    # planner off the path index, which would walk every matched call under the same prefix (1.1 s at
    # 1,000,000 calls) and then sort them.
    path = calls.c.path.concat("")
    same_shape = and_(
        calls.c.route.is_(None),
        or_(path.like(shape, escape="\\"), path.like(shape + "/", escape="\\")),
        not_(path.like(longer)),
    )
    return [calls.c.route == route, same_shape]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
