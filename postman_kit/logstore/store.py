"""The log store: one small interface over SQLite or PostgreSQL.

LogStore is a :class:`postman_kit.calls.CallRecorder` (the sandbox records through it) and answers the
questions `logs` and `activity` ask. Every query is SQLAlchemy Core, so both backends share them.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Self

from sqlalchemy import Connection, Engine, RowMapping, delete, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from postman_kit.calls import CallRecord
from postman_kit.errors import InputError
from postman_kit.logstore import activity_figures as activity_queries
from postman_kit.logstore import prune as prune_queries
from postman_kit.logstore import totals
from postman_kit.logstore.call_filter import CallFilter
from postman_kit.logstore.committer import GroupCommitter
from postman_kit.logstore.database import create_store_engine, display_target, is_postgres, sqlite_path
from postman_kit.logstore.folder import JournalFolder
from postman_kit.logstore.identifiers import KeyHasher, is_private_key, normalized
from postman_kit.logstore.journal import CallJournal, journal_path, read_rows
from postman_kit.logstore.migrations import NewerSchemaError, migrate
from postman_kit.logstore.rows import call_from_row, call_row, resource_id_rows
from postman_kit.logstore.schema import call_resource_ids, calls, daily_totals, hourly_totals, store_settings
from postman_kit.logstore.sqlite_writer import SqliteCallWriter, StoredRows
from postman_kit.private_files import create_private_file

DEFAULT_RETENTION_DAYS = 14
# searches say "10000+ matching calls" rather than read a million rows to count them exactly
SEARCH_COUNT_CAP = 10_000
BATCH_SIZE = 500  # calls per INSERT of an import: well under every backend's bound-parameter limit
# the sandbox's default data directory: `postman-kit sandbox SPEC` then `postman-kit activity` share one log
DEFAULT_DATA_DIR = ".postman-kit/sandbox"
STORE_FILE_NAME = "logs.sqlite3"
# Retention runs by itself as the store is written, at most this often per process: deleting a day of
# calls is one indexed range, and an hour's delay past 14 days is nothing a user sees.
PRUNE_INTERVAL_SECONDS = 3600
# identifiers shown as a call's resource ids (the others are searchable, not listed)
RESOURCE_KINDS = ("resource", "job", "catalog", "coupon")
_HASH_SECRET = "private_key_hash_secret"

log = logging.getLogger("postman_kit.logstore")


def store_target(data_dir: str | Path = DEFAULT_DATA_DIR, store: str | None = None) -> str | Path:
    """`--store URL` when given, else the SQLite file in `--data DIR`."""
    return store if store else Path(data_dir) / STORE_FILE_NAME


class LogStore:
    """Calls kept in full for `retention_days`, daily totals for ever."""

    def __init__(
        self,
        engine: Engine,
        name: str,
        retention_days: float = DEFAULT_RETENTION_DAYS,
        journal: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.engine = engine
        self.name = name
        self.retention_days = retention_days
        self.clock = clock
        self.last_prune: prune_queries.PruneResult | None = None  # what retention last removed by itself
        self._next_prune = 0.0
        self._prune_lock = threading.Lock()
        self._hasher: KeyHasher | None = None
        sqlite = engine.dialect.name == "sqlite"
        # SQLite has one writer at a time; queueing our own threads here beats retrying on SQLITE_BUSY.
        self._write_lock = threading.Lock() if sqlite else None
        self._fast_writer = SqliteCallWriter(engine) if sqlite else None
        self._committer = GroupCommitter(self._write_batch)
        self._journal_path = journal  # SQLite only: where record_async appends (journal.py says why)
        self._may_own_journal = journal is not None  # False once another live process is found owning it
        self._journal_seen: tuple[int, int, int] | None = None  # the other owner's journal as last folded
        self._folder: JournalFolder | None = None
        self._claim_lock = threading.Lock()

    # -- recording (CallRecorder) -------------------------------------------------------------------
    def record(self, call: CallRecord) -> None:
        """Store one call; committed before this returns. Storing a call whose id is stored is a no-op.
        Calls recorded at the same time from several threads share one commit."""
        self._committer.record(self._sealed(call))

    async def record_async(self, call: CallRecord) -> None:
        """`record` for a caller on an event loop (the sandbox), which must not wait for a commit.

        On SQLite the call is appended to the store's journal, where it survives a killed process, and
        folded into the database within FOLD_DELAY_SECONDS (every read here or in another process folds
        first, so nothing reads stale). On PostgreSQL, or while another process owns the journal, the call
        is committed by the group committer's thread while the loop keeps serving.
        """
        call = self._sealed(call)
        folder = self._folder or (self._claim_journal() if self._may_own_journal else None)
        if folder is not None:
            folder.append(call)
        else:
            await self._committer.record_async(call)

    def record_many(self, records: Iterable[CallRecord]) -> int:
        """Store calls in one transaction; a call whose id is already stored is skipped."""
        batch = [self._sealed(call) for call in records]
        if not batch:
            return 0
        added = 0
        try:
            with self._writing(), self.engine.begin() as connection:
                for start in range(0, len(batch), BATCH_SIZE):
                    added += self._insert_new(connection, batch[start : start + BATCH_SIZE])
        except IntegrityError:
            if len(batch) > 1:
                raise
            return 0  # that call is stored already
        self._prune_if_due()
        return added

    def _write_rows(self, batch: list[StoredRows]) -> int:
        if self._fast_writer is None:
            raise RuntimeError("journal rows are written to SQLite stores only")  # the journal is SQLite's
        with self._writing():
            added = self._fast_writer.write_rows(batch)
        self._prune_if_due()
        return added

    def _write_batch(self, batch: list[CallRecord]) -> int:
        if self._fast_writer is None:
            return self.record_many(batch)
        with self._writing():
            added = self._fast_writer.write(batch)
        self._prune_if_due()
        return added

    def _prune_if_due(self) -> None:
        """Retention by itself: calls past it fold into the daily totals, at most once an hour per process."""
        now = self.clock()
        if now < self._next_prune or not self._prune_lock.acquire(blocking=False):
            return
        try:
            self._next_prune = now + PRUNE_INTERVAL_SECONDS
            with self._writing(), self.engine.begin() as connection:
                self.last_prune = prune_queries.prune_before(connection, now - self.retention_days * 86400)
        except DBAPIError as exc:  # recording must not fail for it; the next hour tries again
            log.warning("%s: retention could not run: %s", self.name, exc)
        finally:
            self._prune_lock.release()

    # -- private keys: indexed by a keyed hash, never stored ------------------------------------------
    def key_hash(self, key: str) -> str:
        if self._hasher is None:
            self._hasher = KeyHasher(self._hash_secret())
        return self._hasher(key)

    def _hash_secret(self) -> bytes:
        # The secret lives in the store (SQLite and PostgreSQL alike, shared by every process writing it).
        # A private key has 136 random bits, so the hash is not there to stop guessing: it keeps a key from
        # being matched against hashes made anywhere else.
        stored = select(store_settings.c.value).where(store_settings.c.name == _HASH_SECRET)
        with self.engine.connect() as connection:
            found = connection.execute(stored).scalar()
        if found is None:
            try:
                with self._writing(), self.engine.begin() as connection:
                    if connection.execute(stored).scalar() is None:  # another process may have won the race
                        connection.execute(
                            store_settings.insert().values(name=_HASH_SECRET, value=secrets.token_hex(32))
                        )
                    found = connection.execute(stored).scalar()
            except (OperationalError, IntegrityError):
                # a store we may only read has never hashed a key: a fresh secret rightly matches nothing
                with self.engine.connect() as connection:
                    found = connection.execute(stored).scalar() or secrets.token_hex(32)
        return bytes.fromhex(str(found))

    def _sealed(self, call: CallRecord) -> CallRecord:
        """The call as it may be written: its credential replaced by the credential's keyed hash."""
        if not call.credential:
            return call
        return replace(call, credential="", key_hash=self.key_hash(call.credential))

    def _searchable(self, where: CallFilter | None) -> CallFilter:
        """`--id` as the identifier table holds it: a private key as its hash, an email in lower case."""
        where = where or CallFilter()
        if not where.resource_id:
            return where
        value = where.resource_id.strip()
        return replace(
            where, resource_id=self.key_hash(value) if is_private_key(value) else normalized(value)
        )

    def _claim_journal(self) -> JournalFolder | None:
        with self._claim_lock:
            if self._folder is None and self._may_own_journal and self._journal_path is not None:
                journal = CallJournal.claim(self._journal_path)
                if journal is None:
                    self._may_own_journal = False  # another sandbox records into this store: commit directly
                else:
                    self._folder = JournalFolder(journal, self._write_rows)
                    self._folder.fold_now()  # what a killed owner left
            return self._folder

    def fold_journal(self) -> int:
        """Commit the calls the journal holds (this process's or another's); how many were new."""
        if self._folder is not None:
            return self._folder.fold_now()
        if self._journal_path is None:
            return 0
        try:
            status = self._journal_path.stat()
        except FileNotFoundError:
            return 0
        seen = (status.st_ino, status.st_size, status.st_mtime_ns)
        if status.st_size == 0 or seen == self._journal_seen:
            return 0
        try:
            left = CallJournal.claim(self._journal_path)
        except OSError:
            left = None  # a store we may only read: fold what we can see, leave the file as it is
        if left is None:  # its owner is alive and folds it too; ours is idempotent, and never empties it
            found = read_rows(self._journal_path)
            try:
                added = self._write_rows(found) if found else 0
            except sqlite3.OperationalError:
                return 0  # a store this user may only read: its owner folds the tail soon
            self._journal_seen = seen
            return added
        try:  # a killed owner's journal: fold it and empty it
            found, offset = left.take()
            added = self._write_rows(found) if found else 0
            left.folded(offset)
        finally:
            left.close()
        return added

    @staticmethod
    def _insert_new(connection: Connection, chunk: list[CallRecord]) -> int:
        if len(chunk) > 1:  # a batch (an import) looks first; a single call just inserts
            known = set(
                connection.execute(select(calls.c.id).where(calls.c.id.in_([c.id for c in chunk]))).scalars()
            )
            chunk = [c for c in {c.id: c for c in chunk}.values() if c.id not in known]
            if not chunk:
                return 0
        rows = [call_row(c) for c in chunk]
        connection.execute(calls.insert(), rows)
        id_rows = [row for c in chunk for row in resource_id_rows(c)]
        if id_rows:
            connection.execute(call_resource_ids.insert(), id_rows)
        totals.add(connection, rows)
        return len(chunk)

    def close(self) -> None:
        if self._folder is not None:
            self._folder.close()
        self._committer.close()
        if self._fast_writer is not None:
            self._fast_writer.close()
            with contextlib.suppress(DBAPIError), self.engine.connect() as connection:
                # SQLite's advice for long-lived databases: refresh the planner's statistics when needed
                connection.exec_driver_sql("PRAGMA optimize")
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------------------
    def get(self, call_id: str) -> CallRecord | None:
        self.fold_journal()
        with self.engine.connect() as connection:
            row = connection.execute(select(calls).where(calls.c.id == call_id)).mappings().first()
            if row is None:
                return None
            return call_from_row(row, self._resource_ids(connection, [call_id]).get(call_id, []))

    def search(self, where: CallFilter | None = None, limit: int = 50, offset: int = 0) -> list[CallRecord]:
        """Calls matching `where`, newest first."""
        self.fold_journal()
        newest = (calls.c.timestamp.desc(), calls.c.id.desc())
        with self.engine.connect() as connection:
            rows: list[RowMapping] = []
            for branch in self._searchable(where).branches():
                query = select(calls).where(branch).order_by(*newest).limit(offset + limit)
                rows += connection.execute(query).mappings().all()
            # branches are disjoint, each newest first: merge them and cut the page
            rows = sorted(rows, key=lambda row: (row["timestamp"], row["id"]), reverse=True)[
                offset : offset + limit
            ]
            ids = self._resource_ids(connection, [row["id"] for row in rows])
        return [call_from_row(row, ids.get(row["id"], [])) for row in rows]

    def count(self, where: CallFilter | None = None, cap: int | None = None) -> int:
        """How many calls match; with `cap`, counting stops past it (a result above `cap` means "more")."""
        self.fold_journal()
        total = 0
        with self.engine.connect() as connection:
            for branch in self._searchable(where).branches():
                matching = select(calls.c.id).where(branch)
                if cap is not None:
                    matching = matching.limit(cap + 1 - total)
                total += connection.execute(
                    select(func.count()).select_from(matching.subquery())
                ).scalar_one()
                if cap is not None and total > cap:
                    break
        return total

    def categories(self) -> list[str]:
        """Endpoint categories seen in stored calls (their hourly totals) and daily totals, sorted."""
        self.fold_journal()
        with self.engine.connect() as connection:
            found = set(connection.execute(select(hourly_totals.c.category).distinct()).scalars())
            found |= set(connection.execute(select(daily_totals.c.category).distinct()).scalars())
        return sorted(category for category in found if category)

    def activity(
        self, where: CallFilter | None = None, now: float | None = None
    ) -> activity_queries.Activity:
        """Totals, error rate and breakdowns; includes pruned calls' daily totals unless the filter
        looks at something they do not keep (path, source, revision, identifier)."""
        self.fold_journal()
        with self.engine.connect() as connection:
            return activity_queries.compute(
                connection, self._searchable(where), self.clock() if now is None else now
            )

    def prune(
        self, now: float | None = None, retention_days: float | None = None
    ) -> prune_queries.PruneResult:
        """Delete calls older than the retention, folding them into the daily totals first."""
        self.fold_journal()
        days = self.retention_days if retention_days is None else retention_days
        # a retention reaching past the epoch keeps all
        cutoff = max((self.clock() if now is None else now) - days * 86400, 0.0)
        with self._writing(), self.engine.begin() as connection:
            return prune_queries.prune_before(connection, cutoff)

    def clear(self) -> None:
        """Forget every call and total (tests and `sandbox --reset` style runs)."""
        self.fold_journal()
        with self._writing(), self.engine.begin() as connection:
            for table in (call_resource_ids, calls, hourly_totals, daily_totals):
                connection.execute(delete(table))

    # -- internals ----------------------------------------------------------------------------------
    def _writing(self) -> AbstractContextManager[object]:
        return self._write_lock or nullcontext()

    @staticmethod
    def _resource_ids(connection, call_ids: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        if not call_ids:
            return found
        query = select(call_resource_ids.c.call_id, call_resource_ids.c.resource_id).where(
            call_resource_ids.c.call_id.in_(call_ids), call_resource_ids.c.kind.in_(RESOURCE_KINDS)
        )
        for call_id, resource_id in connection.execute(query):
            found.setdefault(call_id, []).append(resource_id)
        return found


def open_store(
    target: str | Path,
    retention_days: float = DEFAULT_RETENTION_DAYS,
    create: bool = True,
    clock: Callable[[], float] = time.time,
) -> LogStore:
    """Open (and migrate) the store at `target`: a SQLite file path or a postgresql:// URL.

    With `create=False` a missing SQLite file is an error instead of a new empty store. Writing prunes
    calls older than `retention_days` by `clock` (at most once an hour).
    """
    name = display_target(target)
    if not is_postgres(target):
        path = sqlite_path(target)
        if not path.exists() and not create:
            raise InputError(
                name, "no log store here yet: run the sandbox or `postman-kit logs import` first"
            )
        if path.is_dir():
            raise InputError(name, "is a directory; give the store file (or --data DIR)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            create_private_file(
                path
            )  # calls hold request bodies: owner-only, and its -wal/-shm take its mode
        except OSError as exc:
            raise InputError(name, f"cannot create the store: {exc.strerror or exc}") from None
    engine = create_store_engine(target)
    try:
        with engine.begin() as connection:
            migrate(connection)
    except NewerSchemaError as exc:
        engine.dispose()
        raise InputError(name, str(exc)) from None
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise InputError(name, f"cannot open the log store: {reason}") from None
    store = LogStore(
        engine, name, retention_days, journal=None if is_postgres(target) else journal_path(path), clock=clock
    )
    store.fold_journal()  # calls a killed sandbox left
    return store
