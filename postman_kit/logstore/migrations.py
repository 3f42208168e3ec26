"""Schema versions: each migration brings a store from the version before it to its own.

A store records its version in `postman_kit_schema`; opening a store applies the migrations it lacks in one
transaction, and refuses a store written by a newer postman-kit rather than guessing at its tables.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select

from postman_kit.logstore import schema


def _create_first_tables(connection: Connection) -> None:
    # Version 1 is the schema as first released: the tables in schema.py. A later change to a table
    # goes into a new migration below (ALTER TABLE ...), never into this one.
    schema.metadata.create_all(connection, tables=[schema.calls, schema.call_resource_ids, schema.daily_totals])


MIGRATIONS: list[Callable[[Connection], None]] = [_create_first_tables]
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
