"""The recording hot path on SQLite: a batch of calls, one transaction, on a connection kept open.

Recording runs beside every sandbox request, so its cost is the sandbox's latency. SQLAlchemy's per-statement
bookkeeping costs more than SQLite's insert itself; this writer sends the statements SQLAlchemy compiles
once from the tables in schema.py (so the schema and its migrations keep one owner) straight through the
DB-API connection.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlalchemy.dialects import sqlite

from postman_kit.calls import CallRecord
from postman_kit.logstore import totals
from postman_kit.logstore.rows import call_row, resource_id_rows
from postman_kit.logstore.schema import call_resource_ids, calls


class _Compiled:
    def __init__(self, statement, engine: Engine) -> None:
        compiled = statement.compile(dialect=engine.dialect)
        self.sql, self.keys = str(compiled), tuple(compiled.positiontup or ())

    def parameters(self, row: dict) -> list:
        return [row[key] for key in self.keys]


def _own_connection(engine: Engine):
    """A DB-API connection with engine.py's pragmas, detached from the pool: the pragmas set on it here
    must not leak to the connections queries check out."""
    connection = engine.raw_connection()
    connection.detach()
    return connection


# a call as the store keeps it: its `calls` row and its `call_resource_ids` rows
StoredRows = tuple[dict[str, Any], list[dict[str, str]]]


class SqliteCallWriter:
    def __init__(self, engine: Engine) -> None:
        self._connection = _own_connection(engine)
        # a call whose id is stored already is skipped, not an error that would undo the rest of its batch
        self._call = _Compiled(sqlite.insert(calls).on_conflict_do_nothing(index_elements=["id"]), engine)
        self._resource_id = _Compiled(call_resource_ids.insert(), engine)
        self._totals = _Compiled(totals.adding_upsert(engine.dialect), engine)

    def write(self, batch: list[CallRecord]) -> int:
        """Insert `batch` and commit; returns how many calls were new. Not thread-safe: callers serialize."""
        return self.write_rows([(call_row(call), resource_id_rows(call)) for call in batch])

    def write_rows(self, batch: list[StoredRows]) -> int:
        """`write` for calls already turned into rows (a journal's)."""
        cursor = self._connection.cursor()
        try:
            added, id_rows = [], []
            for row, resource_ids in batch:
                cursor.execute(self._call.sql, self._call.parameters(row))
                if cursor.rowcount == 1:
                    added.append(row)
                    id_rows += resource_ids
            if id_rows:
                cursor.executemany(self._resource_id.sql, [self._resource_id.parameters(r) for r in id_rows])
            if added:
                cursor.executemany(
                    self._totals.sql, [self._totals.parameters(r) for r in totals.summed(added)]
                )
            self._connection.commit()
        except BaseException:
            self._connection.rollback()
            raise
        finally:
            cursor.close()
        return len(added)

    def close(self) -> None:
        self._connection.close()
