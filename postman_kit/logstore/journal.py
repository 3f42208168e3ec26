"""The sandbox's recording hot path on SQLite: each call appended to a journal file beside the store with one
write(2), and folded into SQLite in batches off the request path.

Why: a SQLite commit costs a fixed ~0.3-0.5 ms on our VMs whatever it holds, which is a quarter of a sandbox
request; one write of one line costs ~10 µs. A written line is in the kernel's page cache, so a killed process
loses nothing it wrote (a power cut may lose the last moments, as SQLite's synchronous=NORMAL may too).

One process at a time owns a journal (an exclusive flock, released by the kernel when the owner dies): it
appends, folds and empties it. Any process may fold what it finds, because folding is idempotent: a call
whose id is stored already is skipped, hourly totals included. So readers fold the tail before they read,
and whoever opens the store next folds what a killed owner left.
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

import orjson

from postman_kit.calls import CallRecord
from postman_kit.logstore.identifiers import identifiers_of
from postman_kit.logstore.rows import call_row, scrubbed
from postman_kit.logstore.sqlite_writer import StoredRows

JOURNAL_SUFFIX = ".calls.jsonl"
# columns a journal written by an older postman-kit lacks, as a call without them is stored
_ADDED_COLUMNS = {"source_kind": "", "revision_sent": None, "user_agent": "", "company_id": ""}


def journal_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + JOURNAL_SUFFIX)


def journal_line(call: CallRecord) -> bytes:
    """The call as the store's row (secrets already truncated: the journal is on disk too), one line. Its
    identifiers are found as the line is folded, off the request's path."""
    row = call_row(call)
    row["resource_ids"] = [scrubbed(value) for value in call.resource_ids]
    row["key_hash"] = call.key_hash
    return orjson.dumps(row) + b"\n"


def _stored(row: dict) -> StoredRows:
    """A journal line's call row and identifier rows (a line an older postman-kit wrote has no key hash)."""
    found = identifiers_of(
        row["id"],
        row.pop("key_hash", ""),
        row["operation"],
        row["path"],
        row.pop("resource_ids"),
        row["query"],
        row["request_body"],
        row["response_body"],
    )
    return row, [
        {"call_id": row["id"], "resource_id": scrubbed(value), "kind": kind} for value, kind in found.items()
    ]


def rows_in(data: bytes) -> tuple[list[StoredRows], int]:
    """The complete lines' calls, and how many bytes they span; a line still being written (no newline
    yet) and a line that does not read as a call are left out."""
    end = data.rfind(b"\n") + 1
    found = []
    for line in data[:end].splitlines():
        try:
            row = {**_ADDED_COLUMNS, **orjson.loads(line)}
            found.append(_stored(row))
        except (orjson.JSONDecodeError, KeyError, TypeError):
            continue  # torn by a concurrent truncation: its owner folds it
    return found, end


def read_rows(path: Path) -> list[StoredRows]:
    """The calls in a journal this process does not own (missing: none)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    return rows_in(data)[0]


class CallJournal:
    """A journal this process owns: `claim` it, `append` calls, `take` what is not folded yet, then
    `folded` once those calls are committed."""

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self._descriptor = descriptor
        self._folded_to = 0  # bytes already in the store
        self._truncating = threading.Lock()  # an append must not land between the size check and the truncate

    @classmethod
    def claim(cls, path: Path) -> CallJournal | None:
        """Own the journal at `path` (created if missing), or None while another process owns it."""
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return None
        return cls(path, descriptor)

    def append(self, call: CallRecord) -> None:
        line = journal_line(call)
        with self._truncating:
            os.write(self._descriptor, line)

    def take(self) -> tuple[list[StoredRows], int]:
        """The calls appended since the last fold, and the offset they end at (for `folded`)."""
        size = os.fstat(self._descriptor).st_size
        data = os.pread(self._descriptor, size - self._folded_to, self._folded_to)
        found, length = rows_in(data)
        return found, self._folded_to + length

    def folded(self, offset: int) -> None:
        """Everything before `offset` is committed: empty the journal when nothing was appended since."""
        with self._truncating:
            if os.fstat(self._descriptor).st_size == offset:
                os.ftruncate(self._descriptor, 0)
                offset = 0
        self._folded_to = offset

    @property
    def pending(self) -> bool:
        return os.fstat(self._descriptor).st_size > self._folded_to

    def close(self) -> None:
        os.close(self._descriptor)  # releases the flock
