"""Building a collection's requests in more than one process, for a collection that is only written.

An item depends on its operation and the spec alone (the example builders' caches save work; what they hold is
the same whichever item asked first), so items can be built anywhere, in any order. With `jobs` > 1 the builder
lays out its folders first, forks a worker for each contiguous run of items but the first (in the order the
collection lists them) and builds that first run itself meanwhile. Every item is then written as the JSON text the
collection file holds, indented for where it stands: the workers' come through a pipe, the builder writes its own
as it goes, and the collection holds them all as :class:`SerializedItem`s, so writing the file is copying. The
file is byte for byte the one a single process writes (the tests compare them on every spec of the corpus).

A `SerializedItem` has no request model to read, so only builds that are written and not read use workers (the
command line's `generate`); a build with contract tests, whose items add to one shared test script, uses one
process. So does a platform without `fork`, and a spec with too few operations to repay a second process. A
worker that fails leaves its items to the builder, which then builds them itself (and meets whatever error the
worker met).
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from typing import Any

import orjson

from postman_kit.valueclass import value_class
from postman_kit.writer import dumps_at

MIN_ITEMS_PER_PROCESS = 40  # below this many items apiece, starting a process costs more than it saves
# The builder's own run against a worker's: a worker starts with a copy of the builder's memory and pays for
# every page it touches, and sends its text through a pipe; 1.25 measured best with two processes on Klaviyo's specs.
OWN_SHARE = 1.25


def default_jobs() -> int:
    """Two where fork exists and two CPUs are ours to use, else one (more processes copy more memory for little)."""
    if not hasattr(os, "fork"):
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        cpus = os.cpu_count() or 1
    return min(2, cpus)


@value_class(frozen=True)
class SerializedItem:
    """An item as the JSON text a collection file holds at its place."""

    text: bytes

    def to_json(self) -> Any:
        return orjson.Fragment(self.text)


@value_class(frozen=True)
class Placement:
    """Where an item goes: its operation and the indentation of its line in the collection file."""

    operation: Any
    indent: int


class _Worker:
    def __init__(self, pid: int, pipe: int, count: int) -> None:
        self.pid, self.pipe, self.count = pid, pipe, count
        self._items: list[SerializedItem] | None = None
        self._collected = False

    def items(self) -> list[SerializedItem] | None:
        """The worker's items once it has finished (waiting for it the first time); None if it failed."""
        if not self._collected:
            self._collected = True
            with os.fdopen(self.pipe, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(self.pid, 0)
            if os.waitstatus_to_exitcode(status) == 0:
                try:
                    texts = marshal.loads(data)
                except (EOFError, ValueError, TypeError):
                    texts = None
                if isinstance(texts, list) and len(texts) == self.count:
                    self._items = [SerializedItem(text) for text in texts]
        return self._items


class Workers:
    """Every item of a build as text, found by operation: the workers' and the builder's own."""

    def __init__(self, placements: list[Placement]) -> None:
        self._indents = {id(p.operation): p.indent for p in placements}
        self._slots: dict[int, tuple[_Worker, int]] = {}  # id(operation) → its worker and its place in the run
        self._workers: list[_Worker] = []

    def item(self, operation: Any, build_item: Callable[[Any], Any]) -> Any:
        """`operation`'s item: its worker's, else built by `build_item` here and written as text at once, as a
        worker would (the builder's own run: done while the workers work, it leaves them less to wait for)."""
        slot = self._slots.get(id(operation))
        if slot is not None:
            items = slot[0].items()
            if items is not None:
                return items[slot[1]]
        return SerializedItem(_text(build_item(operation), self._indents[id(operation)]))

    def finish(self) -> None:
        """Wait for every worker, used or not (an error may stop the build before it reaches their items)."""
        for worker in self._workers:
            worker.items()


def start_workers(placements: list[Placement], build_item: Callable[[Any], Any], jobs: int) -> Workers | None:
    """Fork workers for all runs of `placements` but the first; None when one process is the better choice."""
    runs = min(jobs, len(placements) // MIN_ITEMS_PER_PROCESS)
    if runs < 2 or not hasattr(os, "fork"):
        return None
    workers = Workers(placements)
    share = len(placements) / (runs - 1 + OWN_SHARE)
    start = round(share * OWN_SHARE)
    for index in range(1, runs):
        end = len(placements) if index == runs - 1 else start + round(share)
        run = placements[start:end]
        worker = _fork(run, build_item)
        if worker is None:
            break
        workers._workers.append(worker)
        for position, placement in enumerate(run):
            workers._slots[id(placement.operation)] = (worker, position)
        start = end
    return workers


def _fork(run: list[Placement], build_item: Callable[[Any], Any]) -> _Worker | None:
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the worker: build, write, and leave without running anything of the parent's
        code = 1
        try:
            os.close(read)
            texts = [_text(build_item(placement.operation), placement.indent) for placement in run]
            with os.fdopen(write, "wb") as pipe:
                pipe.write(marshal.dumps(texts))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return _Worker(pid, read, len(run))


def _text(item: Any, indent: int) -> bytes:
    return dumps_at(item.to_json(), indent)
