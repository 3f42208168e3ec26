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

from sqlalchemy import ColumnElement, Connection, Select, Table, and_, case, func, literal, or_, select, true

from postman_kit.logstore.call_filter import CallFilter
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
        return {
            "key": self.key,
            "calls": self.calls,
            "errors": self.errors,
            "error_rate": round(self.error_rate, 4),
        }


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

    result = Activity(
        total=0,
        errors=0,
        since=where.since,
        until=until,
        bucket_seconds=bucket_minutes * 60,
        includes_pruned_totals=use_totals,
    )
    categories: dict[str, Breakdown] = {}
    statuses: dict[str, Breakdown] = {}
    methods: dict[str, Breakdown] = {}
    endpoints: dict[str, Breakdown] = {}
    buckets: dict[int, TimeBucket] = {}
    for source in sources:
        for row in connection.execute(source.counted().breakdown()):
            count, errors = int(row.calls), int(row.errors or 0)
            result.total += count
            result.errors += errors
            for table, key in (
                (categories, row.category or "(none)"),
                (statuses, str(row.status)),
                (methods, row.method),
                (endpoints, f"{row.method} {row.endpoint}"),
            ):
                entry = table.setdefault(key, Breakdown(key))
                entry.calls += count
                entry.errors += errors
        for row in connection.execute(source.counted().timeline()):
            bucket = buckets.setdefault(int(row.bucket), TimeBucket(int(row.bucket) * bucket_minutes * 60))
            bucket.calls += int(row.calls)
            bucket.errors += int(row.errors or 0)

    groups = {group: Breakdown(group) for group in STATUS_GROUPS}
    for status in statuses.values():
        group = (
            groups[f"{status.key[0]}xx"]
            if f"{status.key[0]}xx" in groups
            else groups.setdefault(status.key, Breakdown(status.key))
        )
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
    # longer than MAX_BUCKETS weeks (`--since 99999999d`): whole weeks a bar, still MAX_BUCKETS bars, not one a
    # week over 270,000 years
    week = BUCKET_MINUTES[-1]
    return week * math.ceil(span_minutes / week / MAX_BUCKETS)


def _ranked(table: dict[str, Breakdown]) -> list[Breakdown]:
    return sorted(table.values(), key=lambda b: (-b.calls, b.key))


def _filled(
    buckets: dict[int, TimeBucket], start: float | None, until: float, minutes: int
) -> list[TimeBucket]:
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


@dataclass(frozen=True)
class _Counted:
    """Rows that count calls: what each is keyed by, how many calls it stands for, which rows to take.
    The breakdown and the timeline are two small groupings of them rather than one large one."""

    endpoint: ColumnElement[str]
    category: ColumnElement[str]
    method: ColumnElement[str]
    status: ColumnElement[int]
    count: ColumnElement[int]
    bucket: ColumnElement[int]
    condition: ColumnElement[bool]

    def _sums(self) -> tuple[ColumnElement[int], ColumnElement[int]]:
        return (
            func.sum(self.count).label("calls"),
            func.sum(case((self.status >= 400, self.count), else_=0)).label("errors"),
        )

    def breakdown(self) -> Select:
        keys = (
            self.endpoint.label("endpoint"),
            self.category.label("category"),
            self.method.label("method"),
            self.status.label("status"),
        )
        return select(*keys, *self._sums()).where(self.condition).group_by(*keys)

    def timeline(self) -> Select:
        bucket = self.bucket.label("bucket")
        return select(bucket, *self._sums()).where(self.condition).group_by(bucket)


class _Source(Protocol):
    def counted(self) -> _Counted: ...


class _LiveCalls:
    def __init__(self, where: CallFilter, bucket_minutes: int) -> None:
        self.where = where
        self.bucket_minutes = bucket_minutes

    def counted(self) -> _Counted:
        c = calls.c
        return _Counted(
            func.coalesce(c.operation, c.path),
            c.category,
            c.method,
            c.status,
            literal(1),
            c.minute // self.bucket_minutes,
            self.where.condition(),
        )


class _HourlyTotals:
    """Stored calls of the hours from `first_hour` up to (not including) `end_hour`; None: unbounded."""

    def __init__(
        self, where: CallFilter, first_hour: int | None, end_hour: int | None, bucket_minutes: int
    ) -> None:
        self.where = where
        self.first_hour = first_hour
        self.end_hour = end_hour
        self.bucket_minutes = bucket_minutes

    def counted(self) -> _Counted:
        t = hourly_totals.c
        parts = _kept_dimensions(self.where, hourly_totals)
        if self.first_hour is not None:
            parts.append(t.hour >= self.first_hour)
        if self.end_hour is not None:
            parts.append(t.hour < self.end_hour)
        return _Counted(
            t.operation,
            t.category,
            t.method,
            t.status,
            t.calls,
            (t.hour * 60) // self.bucket_minutes,
            and_(true(), *parts),
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

    def counted(self) -> _Counted:
        t = daily_totals.c
        return _Counted(
            t.operation,
            t.category,
            t.method,
            t.status,
            t.calls,
            (t.day * 1440) // self.bucket_minutes,
            self.condition(),
        )


def _first_timestamp(connection: Connection, where: CallFilter, use_totals: bool) -> float | None:
    """When the period has no start: the first matching call's time, or the first pruned day's."""
    if not use_totals:
        return connection.execute(select(func.min(calls.c.timestamp)).where(where.condition())).scalar()
    # The first hour with matching calls comes from the totals; only that hour's calls are read. (A status or
    # method filter could otherwise make finding the first call a walk through most of the calls.)
    hours = and_(true(), *_kept_dimensions(where, hourly_totals))
    if where.until is not None:
        hours = and_(hours, hourly_totals.c.hour * 3600 < where.until)
    first_hour = connection.execute(select(func.min(hourly_totals.c.hour)).where(hours)).scalar()
    first = None
    if first_hour is not None:
        in_hour = replace(
            where,
            since=first_hour * 3600.0,
            until=min((first_hour + 1) * 3600.0, where.until if where.until is not None else math.inf),
        )
        first = connection.execute(select(func.min(calls.c.timestamp)).where(in_hour.condition())).scalar()
    days = and_(true(), *_kept_dimensions(where, daily_totals))
    first_day = connection.execute(select(func.min(daily_totals.c.day)).where(days)).scalar()
    if first_day is not None:
        first = min(first if first is not None else math.inf, first_day * 86400.0)
    return first
