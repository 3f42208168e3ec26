"""The dashboard's figures: total calls, errors, error rate, breakdowns and a timeline.

When the filter only looks at what totals keep (time, category, status, method), stored calls are counted
from their hourly totals: whole hours inside the period from `hourly_totals`, the part-hours at its edges
from the calls themselves, so the figures are exact and a million calls cost a few thousand rows. The daily
totals of pruned calls join them, so history longer than the retention still counts. Any other filter
(path, source, revision, identifier), or a chart finer than an hour, groups the matching calls in SQL.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Connection, Select, Table, and_, case, func, or_, select, true

from postman_kit.logstore.filters import CallFilter
from postman_kit.logstore.schema import calls, daily_totals, hourly_totals

# chart bucket widths in minutes; the narrowest that draws the period in at most MAX_BUCKETS bars wins
BUCKET_MINUTES = (1, 5, 15, 60, 360, 1440, 10080)
MAX_BUCKETS = 60
STATUS_GROUPS = ("1xx", "2xx", "3xx", "4xx", "5xx")


@dataclass
class Breakdown:
    key: str
    calls: int = 0
    errors: int = 0

    @property
    def error_rate(self) -> float:
        return self.errors / self.calls if self.calls else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "calls": self.calls, "errors": self.errors, "error_rate": round(self.error_rate, 4)}


@dataclass
class TimeBucket:
    start: float  # seconds since the epoch, UTC
    calls: int = 0
    errors: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "calls": self.calls, "errors": self.errors}


@dataclass
class Activity:
    total: int
    errors: int
    since: float | None
    until: float
    bucket_seconds: int
    by_category: list[Breakdown] = field(default_factory=list)
    by_status_group: list[Breakdown] = field(default_factory=list)
    by_status: list[Breakdown] = field(default_factory=list)
    by_method: list[Breakdown] = field(default_factory=list)
    by_endpoint: list[Breakdown] = field(default_factory=list)
    timeline: list[TimeBucket] = field(default_factory=list)
    includes_pruned_totals: bool = False

    @property
    def error_rate(self) -> float:
        return self.errors / self.total if self.total else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "errors": self.errors,
            "error_rate": round(self.error_rate, 4),
            "since": self.since,
            "until": self.until,
            "bucket_seconds": self.bucket_seconds,
            "includes_pruned_totals": self.includes_pruned_totals,
            "by_category": [b.to_json() for b in self.by_category],
            "by_status_group": [b.to_json() for b in self.by_status_group],
            "by_status": [b.to_json() for b in self.by_status],
            "by_method": [b.to_json() for b in self.by_method],
            "by_endpoint": [b.to_json() for b in self.by_endpoint],
            "timeline": [b.to_json() for b in self.timeline],
        }


def compute(connection: Connection, where: CallFilter, now: float) -> Activity:
    until = where.until if where.until is not None else now
    use_totals = not where.needs_calls
    start = where.since if where.since is not None else _first_timestamp(connection, where, use_totals)
    bucket_minutes = choose_bucket_minutes(start, until)
    sources = _stored_call_sources(where, bucket_minutes, use_totals)
    if use_totals:
        sources.append(_PrunedTotals(where, until, bucket_minutes))

    result = Activity(total=0, errors=0, since=where.since, until=until, bucket_seconds=bucket_minutes * 60,
                      includes_pruned_totals=use_totals)
    categories: dict[str, Breakdown] = {}
    statuses: dict[str, Breakdown] = {}
    methods: dict[str, Breakdown] = {}
    endpoints: dict[str, Breakdown] = {}
    buckets: dict[int, TimeBucket] = {}
    for source in sources:
        for row in connection.execute(source.grouped()).mappings():
            count, errors = int(row["calls"]), int(row["errors"] or 0)
            result.total += count
            result.errors += errors
            for table, key in (
                (categories, row["category"] or "(none)"),
                (statuses, str(row["status"])),
                (methods, row["method"]),
                (endpoints, f"{row['method']} {row['endpoint']}"),
            ):
                entry = table.setdefault(key, Breakdown(key))
                entry.calls += count
                entry.errors += errors
            bucket = buckets.setdefault(int(row["bucket"]), TimeBucket(int(row["bucket"]) * bucket_minutes * 60))
            bucket.calls += count
            bucket.errors += errors

    groups = {group: Breakdown(group) for group in STATUS_GROUPS}
    for status in statuses.values():
        group = groups[f"{status.key[0]}xx"] if f"{status.key[0]}xx" in groups else groups.setdefault(
            status.key, Breakdown(status.key))
        group.calls += status.calls
        group.errors += status.errors
    result.by_status_group = [g for g in groups.values() if g.calls or g.key in ("2xx", "4xx", "5xx")]
    result.by_category = _ranked(categories)
    result.by_status = sorted(statuses.values(), key=lambda b: b.key)
    result.by_method = _ranked(methods)
    result.by_endpoint = _ranked(endpoints)
    result.timeline = _filled(buckets, start, until, bucket_minutes)
    return result


def choose_bucket_minutes(start: float | None, until: float) -> int:
    span_minutes = max(1.0, (until - (start if start is not None else until)) / 60)
    for minutes in BUCKET_MINUTES:
        if span_minutes / minutes <= MAX_BUCKETS:
            return minutes
    return BUCKET_MINUTES[-1]


def _ranked(table: dict[str, Breakdown]) -> list[Breakdown]:
    return sorted(table.values(), key=lambda b: (-b.calls, b.key))


def _filled(buckets: dict[int, TimeBucket], start: float | None, until: float, minutes: int) -> list[TimeBucket]:
    """Every bucket from the period's start to its end, empty ones included, so the chart's gaps show."""
    width = minutes * 60
    if start is None and not buckets:
        return []
    first = int(start // width) if start is not None else min(buckets)
    last = max(math.ceil(until / width) - 1, max(buckets, default=first))
    first = min(first, min(buckets, default=first))
    return [buckets.get(index, TimeBucket(index * width)) for index in range(first, last + 1)]


def _stored_call_sources(where: CallFilter, bucket_minutes: int, use_totals: bool) -> list[_Source]:
    """Whole hours from hourly totals and the part-hours around them from the calls, when both may be used."""
    if not use_totals or bucket_minutes % 60:
        return [_LiveCalls(where, bucket_minutes)]
    first_hour = math.ceil(where.since / 3600) if where.since is not None else None
    end_hour = math.floor(where.until / 3600) if where.until is not None else None
    if first_hour is not None and end_hour is not None and first_hour >= end_hour:
        return [_LiveCalls(where, bucket_minutes)]  # no whole hour inside the period
    sources: list[_Source] = [_HourlyTotals(where, first_hour, end_hour, bucket_minutes)]
    if first_hour is not None:
        sources.append(_LiveCalls(replace(where, until=first_hour * 3600.0), bucket_minutes))
    if end_hour is not None:
        sources.append(_LiveCalls(replace(where, since=end_hour * 3600.0), bucket_minutes))
    return sources


def _errors(status: ColumnElement[int], count: ColumnElement[int]) -> ColumnElement[int]:
    return func.sum(case((status >= 400, count), else_=0))


class _Source(Protocol):
    def grouped(self) -> Select: ...


class _LiveCalls:
    def __init__(self, where: CallFilter, bucket_minutes: int) -> None:
        self.where = where
        self.bucket_minutes = bucket_minutes

    def grouped(self):
        bucket = (calls.c.minute // self.bucket_minutes).label("bucket")
        endpoint = func.coalesce(calls.c.operation, calls.c.path).label("endpoint")
        category = calls.c.category.label("category")
        return (
            select(bucket, endpoint, category, calls.c.method, calls.c.status,
                   func.count().label("calls"), _errors(calls.c.status, 1).label("errors"))
            .where(self.where.condition())
            .group_by(bucket, endpoint, category, calls.c.method, calls.c.status)
        )


class _HourlyTotals:
    """Stored calls of the hours from `first_hour` up to (not including) `end_hour`; None: unbounded."""

    def __init__(self, where: CallFilter, first_hour: int | None, end_hour: int | None, bucket_minutes: int) -> None:
        self.where = where
        self.first_hour = first_hour
        self.end_hour = end_hour
        self.bucket_minutes = bucket_minutes

    def grouped(self):
        t = hourly_totals.c
        parts = _kept_dimensions(self.where, hourly_totals)
        if self.first_hour is not None:
            parts.append(t.hour >= self.first_hour)
        if self.end_hour is not None:
            parts.append(t.hour < self.end_hour)
        bucket = ((t.hour * 60) // self.bucket_minutes).label("bucket")
        return (
            select(bucket, t.operation.label("endpoint"), t.category.label("category"), t.method, t.status,
                   func.sum(t.calls).label("calls"), _errors(t.status, t.calls).label("errors"))
            .where(and_(true(), *parts))
            .group_by(bucket, t.operation, t.category, t.method, t.status)
        )


def _kept_dimensions(where: CallFilter, table: Table) -> list[ColumnElement[bool]]:
    """The filter's status, method and category conditions on a totals table."""
    parts: list[ColumnElement[bool]] = []
    if where.statuses:
        parts.append(or_(*(s.condition(table.c.status) for s in where.statuses)))
    if where.methods:
        parts.append(table.c.method.in_([m.upper() for m in where.methods]))
    if where.categories:
        parts.append(table.c.category.in_(where.categories))
    return parts


class _PrunedTotals:
    def __init__(self, where: CallFilter, until: float, bucket_minutes: int) -> None:
        self.where = where
        self.until = until
        self.bucket_minutes = bucket_minutes

    def condition(self) -> ColumnElement[bool]:
        parts = _kept_dimensions(self.where, daily_totals)
        # daily totals know the day only: a day counts when it starts inside the period
        if self.where.since is not None:
            parts.append(daily_totals.c.day >= math.ceil(self.where.since / 86400))
        parts.append(daily_totals.c.day * 86400 < self.until)
        return and_(true(), *parts)

    def grouped(self):
        t = daily_totals.c
        bucket = ((t.day * 1440) // self.bucket_minutes).label("bucket")
        return (
            select(bucket, t.operation.label("endpoint"), t.category.label("category"), t.method, t.status,
                   func.sum(t.calls).label("calls"), _errors(t.status, t.calls).label("errors"))
            .where(self.condition())
            .group_by(bucket, t.operation, t.category, t.method, t.status)
        )


def _first_timestamp(connection: Connection, where: CallFilter, use_totals: bool) -> float | None:
    first = connection.execute(select(func.min(calls.c.timestamp)).where(where.condition())).scalar()
    if use_totals:
        first_day = connection.execute(select(func.min(daily_totals.c.day))).scalar()
        if first_day is not None:
            first = min(first if first is not None else math.inf, first_day * 86400.0)
    return first
