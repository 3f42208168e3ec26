"""Asynchronous jobs the sandbox runs: a bulk job goes queued → processing → complete over a few seconds.

A resource whose type ends in `-job` (profile-bulk-import-job, catalog-item-bulk-create-job, ...) is a job.
Its progress is a function of the time since it was created, so reading it twice a second apart shows the
counts moving, as Klaviyo's do, without a worker thread: the first tenth of the run is `queued`, then
`processing` with `completed_count` rising, then `complete`. Tasks are the items the request carried (the
longest list under `data.attributes`, e.g. `profiles.data`); expiry is a week after creation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

DEFAULT_JOB_SECONDS = 5.0
QUEUED_SHARE = 0.1  # of the run spent queued
EXPIRES_AFTER = timedelta(days=7)


def is_job_type(type_name: str) -> bool:
    return type_name.endswith("-job")


@dataclass(frozen=True)
class Job:
    created: float  # epoch seconds
    total: int
    cancelled: float | None = None  # when a cancel action stopped it; its counts stay as they were then


def task_count(body: Any) -> int:
    """How many tasks a job request carries: its longest list under `data.attributes`, at least one."""
    data = body.get("data") if isinstance(body, dict) else None
    attributes = data.get("attributes") if isinstance(data, dict) else None
    longest = 1
    pending = [attributes]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            longest = max(longest, len(node))
            pending.extend(item for item in node if isinstance(item, (dict, list)))
        elif isinstance(node, dict):
            pending.extend(value for value in node.values() if isinstance(value, (dict, list)))
    return longest


def _stamp(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def progress(job: Job, now: float, seconds: float) -> dict[str, Any]:
    """The job's attributes at `now`: status, counts, and the times it started, completed and expires."""
    stopped = job.cancelled is not None and job.cancelled < job.created + seconds
    elapsed = max(0.0, (job.cancelled if stopped and job.cancelled is not None else now) - job.created)
    queued_for = seconds * QUEUED_SHARE
    if elapsed >= seconds:
        status, done = "complete", job.total
    elif elapsed < queued_for:
        status, done = "queued", 0
    else:
        status, done = (
            "processing",
            min(job.total - 1, int(job.total * (elapsed - queued_for) / (seconds - queued_for))),
        )
    if stopped:
        status = "cancelled"
    attributes: dict[str, Any] = {
        "status": status,
        "created_at": _stamp(job.created),
        "total_count": job.total,
        "completed_count": done,
        "failed_count": 0,
        "skipped_count": 0,
        "expires_at": _stamp(job.created + EXPIRES_AFTER.total_seconds()),
    }
    if status != "queued":
        attributes["started_at"] = _stamp(job.created + queued_for)
    attributes["completed_at"] = _stamp(job.created + seconds) if status == "complete" else None
    return attributes
