"""Schema versions: each migration brings a store from the version before it to its own.

A store records its version in `postman_kit_schema`; opening a store applies the migrations it lacks in one
transaction, and refuses a store written by a newer postman-kit rather than guessing at its tables.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, text, update

from postman_kit.logstore import schema, totals


def _create_first_tables(connection: Connection) -> None:
    # Creates the tables as schema.py defines them now; later migrations check before they alter, so a
    # new store passes through them unchanged and an old one is brought up to date.
    schema.metadata.create_all(
        connection, tables=[schema.calls, schema.call_resource_ids, schema.daily_totals]
    )


def _add_status_class(connection: Connection) -> None:
    # Version 2: `--status 5xx` searched a range of codes and sorted every match; a status class column
    # with its own (status_class, timestamp) index returns the newest matches first without sorting.
    # A store created at version 2 or later has the column from _create_first_tables already.
    if "status_class" not in {column["name"] for column in inspect(connection).get_columns("calls")}:
        connection.execute(text("ALTER TABLE calls ADD COLUMN status_class INTEGER"))
        connection.execute(update(schema.calls).values(status_class=schema.calls.c.status // 100))
    _create_index(connection, "ix_calls_status_class_timestamp")


def _add_route_status_index(connection: Connection) -> None:
    # Version 3: an endpoint searched with a status checked each of the endpoint's calls for its status.
    _create_index(connection, "ix_calls_route_status_timestamp")


def _add_hourly_totals(connection: Connection) -> None:
    # Version 4: the dashboard summed every stored call (seconds over a million); it now reads hourly totals
    # that recording keeps. An existing store's calls are summed into them once, here.
    schema.hourly_totals.create(connection, checkfirst=True)
    totals.rebuild(connection)


def _add_attribution_and_identifiers(connection: Connection) -> None:
    # Version 5: every call carries its source kind, the revision as sent, its user agent and company id;
    # the identifier table says what each value is (an email, a job id, a private key's hash, ...); exact
    # paths and source kinds are searched through their own indexes.
    present = {column["name"] for column in inspect(connection).get_columns("calls")}
    for name in ("source_kind", "revision_sent", "user_agent", "company_id"):
        if name not in present:
            column = schema.calls.c[name]
            default = "" if column.server_default is not None else None
            spelled = f"{name} {column.type.compile(connection.dialect)}"
            if default is not None:
                spelled += " NOT NULL DEFAULT ''"
            connection.execute(text(f"ALTER TABLE calls ADD COLUMN {spelled}"))
    if "kind" not in {column["name"] for column in inspect(connection).get_columns("call_resource_ids")}:
        connection.execute(
            text("ALTER TABLE call_resource_ids ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'resource'")
        )
    schema.store_settings.create(connection, checkfirst=True)
    _create_index(connection, "ix_calls_path_timestamp")
    _create_index(connection, "ix_calls_source_kind_timestamp")


def _create_index(connection: Connection, name: str) -> None:
    next(index for index in schema.calls.indexes if index.name == name).create(connection, checkfirst=True)
    if connection.dialect.name == "sqlite" and connection.dialect.has_table(connection, "sqlite_stat1"):
        # With statistics for the old indexes and none for the new one, SQLite's planner takes the new
        # one for far more selective than it is; give it the new index's statistics too.
        connection.exec_driver_sql(f"ANALYZE {name}")


MIGRATIONS: list[Callable[[Connection], None]] = [
    _create_first_tables,
    _add_status_class,
    _add_route_status_index,
    _add_hourly_totals,
    _add_attribution_and_identifiers,
]
LATEST_VERSION = len(MIGRATIONS)


class NewerSchemaError(Exception):
    def __init__(self, found: int) -> None:
        super().__init__(
            f"the log store has schema version {found}, newer than this postman-kit understands "
            f"({LATEST_VERSION}); upgrade postman-kit to read it"
        )
        self.found = found


def current_version(connection: Connection) -> int:
    if not connection.dialect.has_table(connection, schema.schema_version.name):
        return 0
    return connection.execute(select(schema.schema_version.c.version)).scalar() or 0


def migrate(connection: Connection) -> int:
    """Bring the store up to LATEST_VERSION; returns the version it was at before."""
    found = current_version(connection)
    if found > LATEST_VERSION:
        raise NewerSchemaError(found)
    if found == LATEST_VERSION:
        return found
    schema.metadata.create_all(connection, tables=[schema.schema_version])
    for migration in MIGRATIONS[found:]:
        migration(connection)
    connection.execute(schema.schema_version.delete())
    connection.execute(schema.schema_version.insert().values(version=LATEST_VERSION))
    return found
