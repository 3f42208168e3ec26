"""The recording journal (SQLite): calls a killed sandbox left are folded by the next open, a reader in another
process sees calls the live sandbox has not folded yet, and folding twice never counts a call twice."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from postman_kit.logstore import folder as folder_module
from postman_kit.logstore import open_store
from postman_kit.logstore.journal import journal_path, read_rows
from tests.support.logstore import FULL_KEY, SHOWN_KEY, hourly_totals_and_calls, make_call, wait_until

ROOT = Path(__file__).resolve().parent.parent

RECORD_THEN_DIE = """
import asyncio, os, signal, sys
from postman_kit.logstore import folder, open_store
from tests.support.logstore import FULL_KEY, make_call
folder.FOLD_DELAY_SECONDS = 3600  # nothing folded before the kill: it is all in the journal
store = open_store(sys.argv[1])

async def record() -> None:
    for n in range(5):
        await store.record_async(make_call(f"/api/lists/killed-{n}", key=FULL_KEY,
                                           request_headers={"authorization": f"Klaviyo-API-Key {FULL_KEY}"}))

asyncio.run(record())
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_calls_a_killed_sandbox_left_in_its_journal_are_stored_by_the_next_open(tmp_path: Path) -> None:
    target = tmp_path / "logs.sqlite3"
    died = subprocess.run(
        [sys.executable, "-c", RECORD_THEN_DIE, str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert died.returncode == -9, died.stderr[-2000:]
    journal = journal_path(target)
    assert len(read_rows(journal)) == 5
    assert FULL_KEY.encode() not in journal.read_bytes()  # on disk too, keys only truncated

    with open_store(target, create=False) as store:
        stored = store.search(limit=10)
        assert sorted(call.path for call in stored) == [f"/api/lists/killed-{n}" for n in range(5)]
        assert {call.key for call in stored} == {SHOWN_KEY}
        kept, summed = hourly_totals_and_calls(store)
        assert kept == summed and sum(row[5] for row in kept) == 5
    assert journal.stat().st_size == 0  # folded once, then emptied: the next open has nothing to do


def test_a_reader_sees_calls_the_live_recorder_has_not_folded_and_nothing_counts_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folder_module, "FOLD_DELAY_SECONDS", 3600)  # the owner folds only when it closes
    target = tmp_path / "logs.sqlite3"
    sandbox = open_store(target)

    async def record(paths: list[str]) -> None:
        for path in paths:
            await sandbox.record_async(make_call(path))

    asyncio.run(record(["/api/lists/1", "/api/lists/2", "/api/lists/3"]))
    # another process: the journal is locked by its owner, so it is read, folded idempotently, left in place
    with open_store(target, create=False) as reader:
        assert reader.count() == 3
        asyncio.run(record(["/api/lists/4"]))
        assert sorted(call.path for call in reader.search()) == [f"/api/lists/{n}" for n in range(1, 5)]
        assert len(read_rows(journal_path(target))) == 4
        sandbox.close()  # its own fold finds every call stored already
        assert journal_path(target).stat().st_size == 0
        assert reader.count() == 4
        kept, summed = hourly_totals_and_calls(reader)
        assert kept == summed and sum(row[5] for row in kept) == 4


def test_the_recorder_folds_its_journal_on_its_own_and_reads_in_its_process_see_every_call(
    tmp_path: Path,
) -> None:
    target = tmp_path / "logs.sqlite3"
    calls = [make_call(f"/api/lists/{n}") for n in range(20)]
    with open_store(target) as store:

        async def record() -> None:
            for call in calls:
                await store.record_async(call)

        asyncio.run(record())
        assert store.count() == 20  # its own journal folded before reading
        asyncio.run(record())  # the same calls again: stored once
        assert wait_until(lambda: journal_path(target).stat().st_size == 0)  # folded by its thread
        assert store.count() == 20
        kept, summed = hourly_totals_and_calls(store)
        assert kept == summed and sum(row[5] for row in kept) == 20
