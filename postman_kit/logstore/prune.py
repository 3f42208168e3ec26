"""Retention: calls older than the cutoff are deleted after their totals are added to `daily_totals`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, and_, delete, func, select, update

from postman_kit.logstore.schema import call_resource_ids, calls, daily_totals


@dataclass(frozen=True)
class PruneResult:
    deleted: int
    cutoff: float
    days: int  # distinct days whose totals grew


def prune_before(connection: Connection, cutoff: float) -> PruneResult:
    """Fold calls with timestamp < cutoff into daily totals and delete them, in the caller's transaction."""
    old = calls.c.timestamp < cutoff
    day = (calls.c.minute // 1440).label("day")
    endpoint = func.coalesce(calls.c.operation, calls.c.path).label("operation")
    category = func.coalesce(calls.c.category, "").label("category")
    grouped = connection.execute(
        select(day, endpoint, category, calls.c.method, calls.c.status,
               func.count().label("calls"), func.sum(calls.c.duration_ms).label("duration_ms"))
        .where(old)
        .group_by(day, endpoint, category, calls.c.method, calls.c.status)
    ).mappings().all()
    for row in grouped:
        _add_to_totals(connection, dict(row))
    connection.execute(delete(call_resource_ids).where(call_resource_ids.c.call_id.in_(select(calls.c.id).where(old))))
    deleted = connection.execute(delete(calls).where(old)).rowcount
    return PruneResult(deleted=deleted, cutoff=cutoff, days=len({row["day"] for row in grouped}))


def _add_to_totals(connection: Connection, row: dict) -> None:
    # Read-then-write rather than a dialect's upsert: the same statement runs on SQLite and PostgreSQL,
    # and the caller's transaction (with SQLite's single writer) keeps it safe.
    key = and_(*(daily_totals.c[name] == row[name] for name in ("day", "operation", "category", "method", "status")))
    changed = connection.execute(
        update(daily_totals).where(key).values(
            calls=daily_totals.c.calls + row["calls"],
            duration_ms=daily_totals.c.duration_ms + float(row["duration_ms"] or 0),
        )
    ).rowcount
    if not changed:
        connection.execute(daily_totals.insert().values(
            day=row["day"], operation=row["operation"], category=row["category"], method=row["method"],
            status=row["status"], calls=row["calls"], duration_ms=float(row["duration_ms"] or 0),
        ))
