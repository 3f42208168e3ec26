"""Pausing Python's cyclic garbage collector while a large, acyclic object graph is built.

Loading a spec and building its collection allocates hundreds of thousands of dicts, lists and dataclasses and
frees them by reference counting alone: none of them form cycles. The cyclic collector still walks the growing
heap again and again as allocations pass its thresholds; on Klaviyo's 3 MB specs that is a third of a
`generate`. Pausing it for the duration (and restoring whatever state the caller had) removes that cost.

What survives the pause is handed to the collector's oldest generation: left in the youngest, the objects made
meanwhile would all be walked by its very next pass (tens of milliseconds) to free a few. Cycles made during the
pause are freed by the next full collection.
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
        gc.freeze()  # both O(1): every tracked object to the permanent generation, then back to the oldest
        gc.unfreeze()
        if was_enabled:
            gc.enable()
