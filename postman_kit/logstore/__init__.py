"""The log store behind `logs`, `activity` and the sandbox's /_activity pages.

from postman_kit.logstore import open_store, CallFilter
with open_store(".postman-kit/logs.sqlite3") as store:
    store.record(call)                                  # a CallRecorder: committed when it returns
    await store.record_async(call)                      # from an event loop (the sandbox): on SQLite one
                                                        # journal write, folded in batches (journal.py)
    store.search(CallFilter(path="/api/profiles/{id}", statuses=parse_statuses(["404"])))
    store.activity(CallFilter(since=...))               # from hourly totals kept as calls are stored
    store.prune()                                       # keep 14 days, fold the rest into daily totals
"""

from postman_kit.logstore.activity_figures import Activity, Breakdown, TimeBucket
from postman_kit.logstore.call_filter import CallFilter, StatusFilter, parse_statuses
from postman_kit.logstore.prune import PruneResult
from postman_kit.logstore.store import (
    DEFAULT_DATA_DIR,
    DEFAULT_RETENTION_DAYS,
    SEARCH_COUNT_CAP,
    STORE_FILE_NAME,
    LogStore,
    open_store,
    store_target,
)

__all__ = [
    "DEFAULT_DATA_DIR",
    "DEFAULT_RETENTION_DAYS",
    "SEARCH_COUNT_CAP",
    "STORE_FILE_NAME",
    "Activity",
    "Breakdown",
    "CallFilter",
    "LogStore",
    "PruneResult",
    "StatusFilter",
    "TimeBucket",
    "open_store",
    "parse_statuses",
    "store_target",
]
