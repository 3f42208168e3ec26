"""Plain-text reports for the terminal: the activity summary, a list of calls, one call in full."""

from __future__ import annotations

from postman_kit.activity.periods import format_instant
from postman_kit.calls import CallRecord
from postman_kit.logstore import SEARCH_COUNT_CAP, Activity, Breakdown

BAR_WIDTH = 30


def activity_text(activity: Activity) -> str:
    period = f"since {format_instant(activity.since)}" if activity.since is not None else "all stored history"
    lines = [
        f"API activity ({period}, until {format_instant(activity.until)})",
        f"  total calls  {activity.total}",
        f"  errors       {activity.errors}",
        f"  error rate   {activity.error_rate:.1%}",
    ]
    for title, rows in (
        ("By category", activity.by_category),
        ("By status group", activity.by_status_group),
        ("By status", activity.by_status),
        ("By endpoint", activity.by_endpoint),
    ):
        lines += ["", title] + _breakdown_lines(rows)
    lines += ["", f"Over time ({_bucket_name(activity.bucket_seconds)} buckets, errors in brackets)"]
    peak = max((bucket.calls for bucket in activity.timeline), default=0)
    for bucket in activity.timeline:
        bar = "#" * (round(bucket.calls / peak * BAR_WIDTH) if peak else 0)
        lines.append(f"  {format_instant(bucket.start)}  {bucket.calls:>7} [{bucket.errors:>5}]  {bar}")
    if not activity.includes_pruned_totals:
        lines += [
            "",
            (
                "(calls older than the retention are not counted: their daily totals do not keep "
                "path, source, revision or identifiers)"
            ),
        ]
    return "\n".join(lines) + "\n"


def _breakdown_lines(rows: list[Breakdown]) -> list[str]:
    if not rows:
        return ["  (no calls)"]
    width = max(len(row.key) for row in rows)
    return [
        f"  {row.key:<{width}}  {row.calls:>7} calls  {row.errors:>6} errors  {row.error_rate:>6.1%}"
        for row in rows
    ]


def _bucket_name(seconds: int) -> str:
    for unit, size in (("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds % size == 0:
            count = seconds // size
            return f"{count}-{unit}"
    return f"{seconds} s"


def call_line(call: CallRecord) -> str:
    target = call.path + (f"?{call.query}" if call.query else "")
    fields = [
        call.id,
        format_instant(call.timestamp),
        f"{call.method:<6}",
        str(call.status),
        target,
        call.category or "-",
        call.key or "-",
        call.source or "-",
        call.revision or "-",
        f"{call.duration_ms:.0f} ms",
    ]
    return "  ".join(fields)


def matching_count(total: int, cap: int = SEARCH_COUNT_CAP) -> str:
    return f"{cap}+" if total > cap else str(total)


def calls_text(calls: list[CallRecord], total: int) -> str:
    if not calls:
        return "No requests available: no calls match\n"
    shown = f"{len(calls)} of {matching_count(total)} matching calls, newest first"
    return "\n".join([*(call_line(call) for call in calls), shown]) + "\n"


def call_detail_text(call: CallRecord) -> str:
    target = call.path + (f"?{call.query}" if call.query else "")
    lines = [
        f"call {call.id} at {format_instant(call.timestamp)}, {call.duration_ms:.0f} ms",
        f"endpoint  {call.method} {call.operation or '(no operation matched)'}"
        + (f"  [{call.category}]" if call.category else ""),
        (
            f"source    {call.source or '-'} ({call.source_kind or '-'})   key {call.key or '-'}   "
            f"revision {call.revision or '-'} (sent {call.revision_sent or '-'})"
        ),
        f"client    user agent {call.user_agent or '-'}"
        + (f"   company_id {call.company_id}" if call.company_id else ""),
    ]
    if call.resource_ids:
        lines.append(f"ids       {', '.join(call.resource_ids)}")
    if call.job_url:
        lines.append(f"job       {call.job_url}")
    lines += ["", "--- request", f"{call.method} {target}"]
    lines += [f"{name}: {value}" for name, value in call.request_headers.items()]
    if call.request_body:
        lines += ["", call.request_body]
    lines += ["", "--- response", str(call.status)]
    lines += [f"{name}: {value}" for name, value in call.response_headers.items()]
    if call.response_body:
        lines += ["", call.response_body]
    return "\n".join(lines) + "\n"
