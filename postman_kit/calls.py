"""One recorded API call, and the one interface every call recorder implements.

The sandbox records each call it serves through a :class:`CallRecorder`; the log store (SQLite or
PostgreSQL) is the real implementation, :class:`MemoryRecorder` the one tests use.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass
class CallRecord:
    id: str  # unique, sortable by time (e.g. a ULID-like string)
    timestamp: float  # seconds since the epoch, UTC
    method: str
    path: str  # as requested, without the query string
    status: int
    duration_ms: float
    query: str = ""
    operation: str | None = None  # matched path template, e.g. /api/profiles/{id}
    category: str | None = None  # endpoint category: the operation's tag / folder
    source: str = ""  # who called: the key's name, "newman", an app
    key: str = ""  # the key, truncated (pk_…1234); never in full
    revision: str | None = None  # the revision that answered the call (resolved from the one sent)
    # private | public | public-onsite | oauth | none: the kind of credential the request carried
    source_kind: str = ""
    revision_sent: str | None = None  # the `revision` header as the request sent it
    user_agent: str = ""
    company_id: str = ""  # the public key of a client call
    request_headers: dict[str, str] = field(default_factory=dict)  # Authorization truncated
    request_body: str = ""
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: str = ""
    resource_ids: list[str] = field(default_factory=list)  # ids in the path and the response
    job_url: str | None = None  # async job details, when the call started one
    # The credential as sent, for the store to index by a keyed hash (never stored, never serialized); the
    # store replaces it by `key_hash` before the call is written anywhere.
    credential: str = field(default="", repr=False, compare=False)
    key_hash: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "timestamp": self.timestamp,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "status": self.status,
            "duration_ms": self.duration_ms,
            "operation": self.operation,
            "category": self.category,
            "source": self.source,
            "key": self.key,
            "revision": self.revision,
            "source_kind": self.source_kind,
            "revision_sent": self.revision_sent,
            "user_agent": self.user_agent,
            "company_id": self.company_id,
            "request_headers": self.request_headers,
            "request_body": self.request_body,
            "response_headers": self.response_headers,
            "response_body": self.response_body,
            "resource_ids": self.resource_ids,
            "job_url": self.job_url,
        }


class CallRecorder(Protocol):
    def record(self, call: CallRecord) -> None:
        """Store one call durably before returning (a crash loses at most the call in flight)."""

    async def record_async(self, call: CallRecord) -> None:
        """`record` for a caller on an event loop, which must not block while the call is stored: once it
        returns, the call survives a killed process."""

    def close(self) -> None: ...


class MemoryRecorder:
    """Keeps calls in a list; for tests and for `sandbox --no-log`-style runs."""

    def __init__(self) -> None:
        self.calls: list[CallRecord] = []
        self._lock = threading.Lock()

    def record(self, call: CallRecord) -> None:
        with self._lock:
            self.calls.append(call)

    async def record_async(self, call: CallRecord) -> None:
        self.record(call)  # an append never blocks the loop long enough to hand it to a thread

    def close(self) -> None:
        pass
