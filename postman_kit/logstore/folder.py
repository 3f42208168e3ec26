"""Folding a journal the process owns into the store: on a thread, a moment after the first unfolded append, so
that one commit carries every call appended meanwhile."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from postman_kit.calls import CallRecord
from postman_kit.logstore.committer import MAX_BATCH
from postman_kit.logstore.journal import CallJournal
from postman_kit.logstore.sqlite_writer import StoredRows

# how long appended calls wait to be folded: long enough to batch a busy sandbox's calls into one commit,
# short enough that a reader in another process rarely has a tail to fold itself
FOLD_DELAY_SECONDS = 0.1
RETRY_SECONDS = 1.0

log = logging.getLogger("postman_kit.logstore")


class JournalFolder:
    def __init__(
        self,
        journal: CallJournal,
        write_rows: Callable[[list[StoredRows]], int],
        name: str = "log-store-folder",
    ) -> None:
        self.journal = journal
        self._write_rows = write_rows
        self._appended = threading.Event()
        self._folding = threading.Lock()  # the thread and a reader of this process (fold_now) take turns
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def append(self, call: CallRecord) -> None:
        """Write `call` to the journal (it survives a killed process once this returns); folded soon."""
        self.journal.append(call)
        if not self._appended.is_set():
            self._appended.set()

    def fold_now(self) -> int:
        """Commit every call appended so far; returns how many calls were new to the store."""
        with self._folding:
            calls, offset = self.journal.take()
            added = sum(
                self._write_rows(calls[start : start + MAX_BATCH])
                for start in range(0, len(calls), MAX_BATCH)
            )
            self.journal.folded(offset)
            return added

    def close(self) -> None:
        """Fold what is left, stop the thread and give the journal up."""
        self._stopping.set()
        self._appended.set()
        self._thread.join()
        try:
            self.fold_now()
        except Exception as exc:  # noqa: BLE001 - the calls stay in the journal; the next open folds them
            log.warning("%s: calls left to fold on the next open: %s", self.journal.path, exc)
        self.journal.close()

    def _run(self) -> None:
        while not self._stopping.is_set():  # checked after each fold too: close() may have come meanwhile
            self._appended.wait()
            if self._stopping.wait(FOLD_DELAY_SECONDS):
                return  # close() folds the rest
            self._appended.clear()
            try:
                self.fold_now()
            except Exception as exc:  # noqa: BLE001 - e.g. another process holding the database for long
                log.warning("%s: cannot fold calls into the store yet (%s); retrying", self.journal.path, exc)
                self._appended.set()
                self._stopping.wait(RETRY_SECONDS)
