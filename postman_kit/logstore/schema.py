"""The log store's tables, in SQLAlchemy Core so SQLite and PostgreSQL share one definition.

`calls` holds every call in full for the retention period; `call_resource_ids` indexes the identifiers
seen in a call's path, request and response (ids, emails, phone numbers, …, each with its kind) so `logs search --id` needs no scan; `hourly_totals` keeps, per UTC hour,
endpoint, category, method and status, the totals of the stored calls (kept as calls are recorded, so the
dashboard reads a few thousand rows instead of every call); `daily_totals` keeps the same per UTC day for
calls that pruning deleted, so the dashboard's history outlives the calls themselves.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_version = Table(
    "postman_kit_schema",
    metadata,
    Column("version", Integer, nullable=False),
)

calls = Table(
    "calls",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("timestamp", Float(53), nullable=False),
    # whole minutes since the epoch: integer division gives days and chart buckets alike on both backends
    Column("minute", Integer, nullable=False),
    Column("method", String(16), nullable=False),
    Column("path", Text, nullable=False),
    Column("query", Text, nullable=False, default=""),
    Column("status", Integer, nullable=False),
    Column("status_class", Integer),  # status // 100: `--status 5xx` is an equality the index can order
    Column("duration_ms", Float(53), nullable=False),
    Column("operation", Text),  # the matched path template as the spec spells it
    Column("route", Text),  # the template normalized (`/api/profiles/{}`): what path searches compare
    Column("category", Text),
    Column("source", Text, nullable=False, default=""),
    Column("key", Text, nullable=False, default=""),
    Column("revision", Text),
    Column("request_headers", Text, nullable=False, default="{}"),
    Column("request_body", Text, nullable=False, default=""),
    Column("response_headers", Text, nullable=False, default="{}"),
    Column("response_body", Text, nullable=False, default=""),
    Column("job_url", Text),
    # who called and with what (version 5): every call is attributed, failed ones included
    Column("source_kind", String(16), nullable=False, server_default=""),
    Column("revision_sent", Text),
    Column("user_agent", Text, nullable=False, server_default=""),
    Column("company_id", Text, nullable=False, server_default=""),
    Index("ix_calls_timestamp", "timestamp"),
    Index("ix_calls_route_timestamp", "route", "timestamp"),
    Index("ix_calls_status_timestamp", "status", "timestamp"),
    Index("ix_calls_category_timestamp", "category", "timestamp"),
    Index("ix_calls_status_class_timestamp", "status_class", "timestamp"),
    # `logs search /api/profiles/{id} --status 404`: both equalities, newest first, counted in the index
    Index("ix_calls_route_status_timestamp", "route", "status", "timestamp"),
    # `logs search /api/events` is that exact path; `--source oauth` a kind few calls have
    Index("ix_calls_path_timestamp", "path", "timestamp"),
    Index("ix_calls_source_kind_timestamp", "source_kind", "timestamp"),
)

call_resource_ids = Table(
    "call_resource_ids",
    metadata,
    Column("call_id", String(64), ForeignKey("calls.id", ondelete="CASCADE"), nullable=False),
    Column("resource_id", Text, nullable=False),  # any identifier's value (the name predates the kinds)
    # what the value is (identifiers.py): resource, call, error, job, email, phone, external, anonymous,
    # private-key (a keyed hash), catalog, coupon, metric
    Column("kind", String(16), nullable=False, server_default="resource"),
    Index("ix_call_resource_ids_resource", "resource_id"),
    Index("ix_call_resource_ids_call", "call_id"),
)

# Values the store keeps for itself, e.g. the secret that keys the private-key hash (identifiers.py).
store_settings = Table(
    "store_settings",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

daily_totals = Table(
    "daily_totals",
    metadata,
    Column("day", Integer, nullable=False),  # days since the epoch, UTC
    Column("operation", Text, nullable=False, default=""),  # the template, else the path ("" unknown)
    Column("category", Text, nullable=False, default=""),
    Column("method", String(16), nullable=False),
    Column("status", Integer, nullable=False),
    Column("calls", Integer, nullable=False),
    Column("duration_ms", Float(53), nullable=False),  # summed, for average latency
    Index("ux_daily_totals_key", "day", "operation", "category", "method", "status", unique=True),
)

# Every stored call counted once, under its hour: recording adds to a row, pruning subtracts from it.
# The key is the primary key (WITHOUT ROWID on SQLite: one b-tree, so a recorded call writes one page more),
# hour last: the dashboard's breakdown groups by the leading columns and so reads the rows in key order
# instead of sorting them.
hourly_totals = Table(
    "hourly_totals",
    metadata,
    Column("operation", Text, primary_key=True),  # as in daily_totals: the template, else the path
    Column("category", Text, primary_key=True),  # "" when the call has none
    Column("method", String(16), primary_key=True),
    Column("status", Integer, primary_key=True),
    Column("hour", Integer, primary_key=True),  # hours since the epoch, UTC (calls.minute // 60)
    Column("calls", Integer, nullable=False),
    Column("duration_ms", Float(53), nullable=False),
    sqlite_with_rowid=False,
)
