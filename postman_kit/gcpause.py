"""Pausing Python's cyclic garbage collector while a large, acyclic object graph is built.

Loading a spec and building its collection allocates hundreds of thousands of dicts, lists and dataclasses and
frees them by reference counting alone: none of them form cycles. The cyclic collector still walks the growing
heap again and again as allocations pass its thresholds; on Klaviyo's 3 MB specs that is a third of a
`generate`. Pausing it for the duration (and restoring whatever state the caller had) removes that cost without
keeping any garbage alive longer than the call.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
