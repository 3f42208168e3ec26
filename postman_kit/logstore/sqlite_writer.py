"""The sandbox's hot path on SQLite: one call, one transaction, on a connection kept open.

Recording runs beside every sandbox request, so its cost is the sandbox's latency. SQLAlchemy's per-statement
bookkeeping costs more than SQLite's insert itself; this writer sends the same INSERT statements (compiled
once from the tables in schema.py) straight through the DB-API connection.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine

from postman_kit.calls import CallRecord
from postman_kit.logstore.rows import call_row, resource_id_rows
from postman_kit.logstore.schema import call_resource_ids, calls


class SqliteCallWriter:
    def __init__(self, engine: Engine) -> None:
        self._connection = engine.raw_connection()  # carries the WAL / busy-timeout pragmas of engine.py
        call_insert = calls.insert().compile(dialect=engine.dialect)
        id_insert = call_resource_ids.insert().compile(dialect=engine.dialect)
        self._call_sql, self._call_keys = str(call_insert), tuple(call_insert.positiontup or ())
        self._id_sql, self._id_keys = str(id_insert), tuple(id_insert.positiontup or ())

    def write(self, call: CallRecord) -> int:
        """Insert and commit one call; 0 when its id is stored already. Not thread-safe: callers serialize."""
        row = call_row(call)
        cursor = self._connection.cursor()
        try:
            cursor.execute(self._call_sql, [row[key] for key in self._call_keys])
            id_rows = resource_id_rows(call)
            if id_rows:
                cursor.executemany(self._id_sql, [[r[key] for key in self._id_keys] for r in id_rows])
            self._connection.commit()
        except sqlite3.IntegrityError:
            self._connection.rollback()
            return 0
        except BaseException:
            self._connection.rollback()
            raise
        finally:
            cursor.close()
        return 1

    def close(self) -> None:
        self._connection.close()
