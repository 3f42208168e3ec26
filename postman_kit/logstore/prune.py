"""Retention: calls older than the cutoff are deleted after their totals move from `hourly_totals` to
`daily_totals`, so what the dashboard counts stays the same."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, select

from postman_kit.logstore import totals
from postman_kit.logstore.schema import call_resource_ids, calls, daily_totals

DAILY_KEY = ("day", "operation", "category", "method", "status")


@dataclass(frozen=True)
class PruneResult:
    deleted: int
    cutoff: float
    days: int  # distinct days whose totals grew


def prune_before(connection: Connection, cutoff: float) -> PruneResult:
    """Fold calls with timestamp < cutoff into daily totals and delete them, in the caller's transaction."""
    old = calls.c.timestamp < cutoff
    grouped = [dict(row) for row in connection.execute(totals.grouped_calls(old)).mappings()]
    daily: dict[tuple, dict] = {}
    for row in grouped:
        key = (row["hour"] // 24, row["operation"], row["category"], row["method"], row["status"])
        entry = daily.setdefault(
            key, {**dict(zip(DAILY_KEY, key, strict=True)), "calls": 0, "duration_ms": 0.0}
        )
        entry["calls"] += row["calls"]
        entry["duration_ms"] += float(row["duration_ms"] or 0)
    if daily:
        upsert = totals.adding_upsert(connection.dialect, daily_totals, DAILY_KEY)
        connection.execute(upsert, [daily[key] for key in sorted(daily)])
    totals.subtract(connection, grouped)
    connection.execute(
        delete(call_resource_ids).where(call_resource_ids.c.call_id.in_(select(calls.c.id).where(old)))
    )
    deleted = connection.execute(delete(calls).where(old)).rowcount
    return PruneResult(deleted=deleted, cutoff=cutoff, days=len({key[0] for key in daily}))
