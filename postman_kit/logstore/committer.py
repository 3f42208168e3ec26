"""Group commit: one writer thread commits every call queued so far in one transaction, then releases each
caller waiting on one of them.

A caller is released only after its call is committed, so a killed process loses only calls no caller has
seen acknowledged. One at a time, a call costs one commit (as writing it directly would); under
concurrency, calls that arrive while a commit runs share the next one, so the commit's fixed cost is paid
once per batch instead of once per call. The writer starts on the first call, so a store opened only to
read starts no thread.

An asyncio caller (the sandbox on PostgreSQL, or on SQLite while another process owns the journal) awaits
a future the writer resolves through the event loop; this wakes the loop once per batch and costs far less
than handing each call to a thread pool and back.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from postman_kit.calls import CallRecord

MAX_BATCH = 500  # calls per transaction: bounds how long the first caller of a batch waits on the rest


@dataclass
class _ThreadWaiter:
    released: threading.Lock = field(default_factory=threading.Lock)
    error: BaseException | None = None

    def __post_init__(self) -> None:
        self.released.acquire()


@dataclass
class _LoopWaiter:
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future


_STOP = object()
_Queued = tuple[CallRecord, _ThreadWaiter | _LoopWaiter]  # a call and who waits for its commit


class GroupCommitter:
    """Calls handed to `record`/`record_async` are written by `write_batch` on one thread, in batches."""

    def __init__(
        self, write_batch: Callable[[list[CallRecord]], int], name: str = "log-store-writer"
    ) -> None:
        self._write_batch = write_batch
        self._name = name
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._closed = False

    def record(self, call: CallRecord) -> None:
        """Return once `call` is committed; raise what writing it raised."""
        waiter = _ThreadWaiter()
        self._submit(call, waiter)
        waiter.released.acquire()
        if waiter.error is not None:
            raise waiter.error

    async def record_async(self, call: CallRecord) -> None:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._submit(call, _LoopWaiter(loop, future))
        await future

    @property
    def queued(self) -> int:
        """Calls waiting for the writer thread (not counting a batch it is writing)."""
        return self._queue.qsize()

    def close(self) -> None:
        """Commit what is queued, then stop the writer."""
        with self._start_lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            self._queue.put(_STOP)
            thread.join()

    # -- the writer thread --------------------------------------------------------------------------
    def _submit(self, call: CallRecord, waiter: _ThreadWaiter | _LoopWaiter) -> None:
        if self._thread is None:
            with self._start_lock:
                if self._closed:
                    raise RuntimeError("the log store is closed")
                if self._thread is None:
                    self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                    self._thread.start()
        self._queue.put((call, waiter))

    def _run(self) -> None:
        stopping = False
        while not stopping:
            batch = [self._queue.get()]
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            if _STOP in batch:
                stopping = True
                batch = [item for item in batch if item is not _STOP]
            if batch:
                self._release(batch, self._write(batch))

    def _write(self, batch: list[_Queued]) -> list[BaseException | None]:
        try:
            self._write_batch([call for call, _ in batch])
            return [None] * len(batch)
        except Exception as exc:  # noqa: BLE001 - handed to the waiting callers, who raise it
            if len(batch) == 1:
                return [exc]
        # one bad call must not fail the calls that happened to share its transaction: each on its own
        return [self._write([item])[0] for item in batch]

    @staticmethod
    def _release(batch: list[_Queued], errors: list[BaseException | None]) -> None:
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future, BaseException | None]]] = {}
        for (_, waiter), error in zip(batch, errors, strict=True):
            if isinstance(waiter, _LoopWaiter):
                by_loop.setdefault(waiter.loop, []).append((waiter.future, error))
            else:
                waiter.error = error
                waiter.released.release()
        for loop, futures in by_loop.items():
            try:
                loop.call_soon_threadsafe(_resolve, futures)
            except RuntimeError:
                pass  # that loop has closed: nobody is waiting any more


def _resolve(futures: list[tuple[asyncio.Future, BaseException | None]]) -> None:
    for future, error in futures:
        if future.done():  # the caller gave up (a client that disconnected); the call is stored anyway
            continue
        if error is None:
            future.set_result(None)
        else:
            future.set_exception(error)
