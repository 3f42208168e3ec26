"""Where a log store lives: a SQLite file (the default) or a PostgreSQL URL, as a SQLAlchemy engine."""

from __future__ import annotations

import math
import os
import re
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from postman_kit.errors import InputError
from postman_kit.logstore.journal import JOURNAL_SUFFIX
from postman_kit.private_files import refuse_unless_regular
from postman_kit.secrets import truncate_key

POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_postgres(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def display_target(target: str | Path) -> str:
    """The target as it may be printed: a URL's password hidden, and one its query gives (`?sslpassword=…`,
    libpq's key password) truncated."""
    if not is_postgres(target):
        return str(target)
    text = _psycopg_url(str(target))
    try:
        text = make_url(text).render_as_string(hide_password=True)
    except (ValueError, ArgumentError):
        text = re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", text)  # a URL make_url cannot read (`h:port`)
    return _QUERY_SECRET.sub(lambda m: m.group(1) + truncate_key(m.group(2)), text)


_QUERY_SECRET = re.compile(r"(?i)([?&][^=&]*(?:password|secret|key)[^=&]*=)([^&]+)")


def sqlite_path(target: str | Path) -> Path:
    text = str(target)
    return Path(text[len("sqlite:///") :]) if text.startswith("sqlite:///") else Path(text)


def create_store_engine(target: str | Path) -> Engine:
    if is_postgres(target):
        try:
            return create_engine(_psycopg_url(str(target)), pool_pre_ping=True)
        except (ValueError, ArgumentError) as exc:  # a port that is no number (`h:port`, `h1:1,h2:1`)
            raise InputError(display_target(target), f"not a database URL the kit reads: {exc}") from None
    path = sqlite_path(target)
    if path.is_symlink() or (os.path.lexists(path) and not path.is_file()):
        # written only as the file it is: a link (a data directory shipped with one) would put the log's tables
        # into whatever database it points at
        raise InputError(str(path), "is not a regular file; give the log database's own path")
    for suffix in ("-wal", "-shm", "-journal", JOURNAL_SUFFIX):
        # nor the files beside it SQLite and the call journal write, empty and truncate
        refuse_unless_regular(path.with_name(path.name + suffix))
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _tune_sqlite)
    event.listen(engine, "before_cursor_execute", _start_statement)
    return engine


# How long one statement may run: a store edited by another program (its `calls` a recursive view that never
# ends) held `logs search` forever. SQLite calls the handler every _PROGRESS_STEPS virtual-machine steps, and a
# non-zero answer interrupts the statement (OperationalError: interrupted).
STATEMENT_SECONDS = 120.0
_PROGRESS_STEPS = 100_000
_DEADLINE = "postman_kit_deadline"  # in a DBAPI connection's info: [the deadline of the statement it runs]


def _start_statement(connection: Any, *_args: Any) -> None:
    deadline = connection.info.get(_DEADLINE)
    if deadline is not None:
        deadline[0] = time.monotonic() + STATEMENT_SECONDS


def _psycopg_url(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"postgresql+psycopg://{rest}" if scheme in ("postgresql", "postgres") else url


def _tune_sqlite(dbapi_connection, record) -> None:
    deadline = record.info[_DEADLINE] = [math.inf]
    dbapi_connection.set_progress_handler(lambda: time.monotonic() > deadline[0], _PROGRESS_STEPS)
    cursor = dbapi_connection.cursor()
    # WAL keeps readers (the dashboard) off the writer's back; NORMAL sync survives a killed process,
    # which is the durability the sandbox promises (a crash loses at most the call in flight).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    # PostgreSQL's LIKE is case-sensitive; paths compare the same way on both backends.
    cursor.execute("PRAGMA case_sensitive_like=ON")
    cursor.close()
