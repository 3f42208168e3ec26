"""Hourly totals of the stored calls: added to as calls are recorded, subtracted from as they are pruned.

The dashboard answers from these rows rather than from the calls (a few thousand rows instead of a million).
Invariant, kept by every writer: `hourly_totals` equals the calls grouped by hour, endpoint, category, method
and status. Increments and decrements (never read-then-write) keep it true under concurrent writers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Dialect, Table, and_, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from postman_kit.logstore.schema import calls, hourly_totals

KEY_COLUMNS = ("hour", "operation", "category", "method", "status")
HourKey = tuple[int, str, str, str, int]


def hour_key(row: Mapping[str, Any]) -> HourKey:
    """The totals row a stored call (a row of `calls`) counts under."""
    operation = row["operation"] if row["operation"] is not None else row["path"]  # SQL's coalesce()
    return (row["minute"] // 60, operation, row["category"] or "", row["method"], row["status"])


def summed(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Call rows summed per totals row, in key order (writers then lock rows in one order: no deadlocks)."""
    sums: dict[HourKey, list[float]] = {}
    for row in rows:
        entry = sums.setdefault(hour_key(row), [0, 0.0])
        entry[0] += 1
        entry[1] += row["duration_ms"]
    return [
        {**dict(zip(KEY_COLUMNS, key, strict=True)), "calls": int(count), "duration_ms": duration}
        for key, (count, duration) in sorted(sums.items())
    ]


def adding_upsert(dialect: Dialect, table: Table = hourly_totals, key: tuple[str, ...] = KEY_COLUMNS):
    """INSERT … ON CONFLICT (key) DO UPDATE adding `calls` and `duration_ms` to the row there: one atomic
    statement that SQLite and PostgreSQL spell alike."""
    insert_for = postgresql.insert if dialect.name == "postgresql" else sqlite.insert
    statement = insert_for(table)
    return statement.on_conflict_do_update(
        index_elements=list(key),
        set_={
            "calls": table.c.calls + statement.excluded.calls,
            "duration_ms": table.c.duration_ms + statement.excluded.duration_ms,
        },
    )


def add(connection: Connection, call_rows: Iterable[Mapping[str, Any]]) -> None:
    rows = summed(call_rows)
    if rows:
        connection.execute(adding_upsert(connection.dialect), rows)


def subtract(connection: Connection, grouped: Iterable[Mapping[str, Any]]) -> None:
    """Take pruned calls' sums (rows keyed like hourly_totals) away; rows left at zero calls go."""
    hours = set()
    for row in grouped:
        hours.add(row["hour"])
        key = and_(*(hourly_totals.c[name] == row[name] for name in KEY_COLUMNS))
        connection.execute(
            update(hourly_totals)
            .where(key)
            .values(
                calls=hourly_totals.c.calls - row["calls"],
                duration_ms=hourly_totals.c.duration_ms - float(row["duration_ms"] or 0),
            )
        )
    if hours:
        connection.execute(
            delete(hourly_totals).where(hourly_totals.c.hour <= max(hours), hourly_totals.c.calls <= 0)
        )


def grouped_calls(where=None):
    """The stored calls summed per totals row (optionally only those matching `where`)."""
    hour = (calls.c.minute // 60).label("hour")
    operation = func.coalesce(calls.c.operation, calls.c.path).label("operation")
    category = func.coalesce(calls.c.category, "").label("category")
    query = select(
        hour,
        operation,
        category,
        calls.c.method,
        calls.c.status,
        func.count().label("calls"),
        func.sum(calls.c.duration_ms).label("duration_ms"),
    )
    if where is not None:
        query = query.where(where)
    return query.group_by(hour, operation, category, calls.c.method, calls.c.status)


def rebuild(connection: Connection) -> None:
    """Recompute every row from the calls (the migration that introduces the table, for existing stores)."""
    connection.execute(delete(hourly_totals))
    connection.execute(
        insert(hourly_totals).from_select([*KEY_COLUMNS, "calls", "duration_ms"], grouped_calls())
    )
