"""The /_activity pages as plain HTML: the dashboard, the logs view and one call in full.

Everything is inline (style and SVG) so the pages work with no network; every value is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import Any
from urllib.parse import urlencode

from postman_kit.activity.chart import timeline_svg
from postman_kit.activity.periods import format_instant
from postman_kit.activity.text_views import matching_count
from postman_kit.calls import CallRecord
from postman_kit.logstore import Activity, Breakdown

BASE = "/_activity"
PERIODS = (
    ("today", "Today"),
    ("all", "All stored"),
    ("1h", "Last hour"),
    ("3h", "Last 3 hours"),
    ("24h", "Last 24 hours"),
    ("3d", "Last 3 days"),
    ("7d", "Last 7 days"),
    ("14d", "Last 14 days"),
    ("30d", "Last 30 days"),
    ("90d", "Last 90 days"),
    ("custom", "Custom range"),
)
# what the pages show when no period is chosen, as Klaviyo's dashboard does; "all" is every stored call
DEFAULT_PERIOD = "today"
STATUS_GROUPS = (
    ("", "All"),
    ("success", "All success"),
    ("failed", "All failed"),
    ("2xx", "2xx"),
    ("3xx", "3xx"),
    ("4xx", "All 4xx"),
    ("5xx", "All 5xx"),
    *(
        (code, code)
        for code in (
            "200",
            "201",
            "202",
            "204",
            "400",
            "401",
            "403",
            "404",
            "405",
            "409",
            "415",
            "429",
            "500",
        )
    ),
)
METHODS = ("", "GET", "POST", "PUT", "PATCH", "DELETE")

STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f8}
header{background:#232f3e;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
header a{color:#fff;text-decoration:none}header a.current{font-weight:bold;text-decoration:underline}
main{padding:16px 24px;max-width:1100px}
form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin-bottom:16px}
form.filters label{display:flex;flex-direction:column;font-size:12px;color:#555}
.cards{display:flex;gap:16px;margin-bottom:16px}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 20px;min-width:140px}
.card .value{font-size:28px;font-weight:bold}
table{border-collapse:collapse;background:#fff;margin-bottom:16px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
td.num{text-align:right}
.chart .calls{fill:#4a7bd0}.chart .errors{fill:#d0452f}.chart .axis{stroke:#999}
.chart .label{font-size:10px;fill:#555}
pre{background:#fff;border:1px solid #ddd;padding:8px;white-space:pre-wrap;word-break:break-all}
.error{color:#b00020}.empty{color:#777}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
"""


def page(title: str, current: str, body: str) -> str:
    links = "".join(
        f'<a href="{href}"{" class=current" if name == current else ""}>{label}</a>'
        for name, href, label in (("dashboard", BASE, "Dashboard"), ("logs", f"{BASE}/logs", "Logs"))
    )
    # the empty data: icon keeps browsers from asking the sandbox for /favicon.ico, a call it would log
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)}</title>"
        '<link rel="icon" href="data:,">'
        f"<style>{STYLE}</style></head><body><header><strong>postman-kit activity</strong>{links}</header>"
        f"<main><h1>{escape(title)}</h1>{body}</main></body></html>"
    )


def _select(
    name: str, label: str, options: tuple[tuple[str, str], ...] | tuple[str, ...], chosen: str
) -> str:
    pairs = [(o, o or "All") if isinstance(o, str) else o for o in options]
    if chosen and chosen not in {value for value, _ in pairs}:
        pairs.append((chosen, chosen))  # a value typed into the URL (status 404) stays selected
    items = "".join(
        f'<option value="{escape(v)}"{" selected" if v == chosen else ""}>{escape(t)}</option>'
        for v, t in pairs
    )
    return f'<label>{label}<select name="{name}">{items}</select></label>'


def _text(name: str, label: str, value: str, placeholder: str = "", size: int = 14) -> str:
    return (
        f'<label>{label}<input type="text" name="{name}" value="{escape(value)}" size="{size}" '
        f'placeholder="{escape(placeholder)}"></label>'
    )


def _date(name: str, label: str, value: str) -> str:
    """A custom range's end: an ISO date or datetime, read when the period is "Custom range"."""
    return (
        f'<label>{label}<input type="text" name="{name}" value="{escape(value)}" size="19" '
        f'placeholder="2026-07-15 or …T09:30"></label>'
    )


def _filters_form(action: str, form: Mapping[str, str], categories: list[str], extra: str = "") -> str:
    category_options = ("", *categories)
    return (
        f'<form class="filters" method="get" action="{action}">{extra}'
        + _select("since", "Period", PERIODS, form.get("since", DEFAULT_PERIOD))
        + _date("from", "From", form.get("from", ""))
        + _date("to", "To", form.get("to", ""))
        + _select("category", "Category", category_options, form.get("category", ""))
        + _select("status", "Status", STATUS_GROUPS, form.get("status", ""))
        + _select("method", "Method", METHODS, form.get("method", ""))
        + f'<button type="submit">Apply</button> <a id="clear" href="{action}">Clear</a></form>'
    )


def error_block(message: str | None) -> str:
    return f'<p class="error">{escape(message)}</p>' if message else ""


def dashboard_page(
    activity: Activity | None, form: Mapping[str, str], categories: list[str], message: str | None = None
) -> str:
    body = _filters_form(BASE, form, categories) + error_block(message)
    if activity is not None and activity.total == 0:
        body += '<p class="empty" id="no-data">No data available</p>'
    elif activity is not None:
        body += (
            '<div class="cards">'
            f'<div class="card"><div>Total API calls</div><div class="value" id="total-calls">{activity.total}</div></div>'
            f'<div class="card"><div>Errors</div><div class="value" id="errors">{activity.errors}</div></div>'
            f'<div class="card"><div>Error rate</div><div class="value" id="error-rate">'
            f"{activity.error_rate:.1%}</div></div></div>"
            f"<h2>Calls over time</h2>{timeline_svg(activity.timeline)}"
            '<div class="grid">'
            + _breakdown_table("By category", "category", activity.by_category, form)
            + _breakdown_table("By status group", "status", activity.by_status_group, form)
            + "</div>"
            + _breakdown_table("By endpoint", None, activity.by_endpoint, form)
        )
    return page("API activity", "dashboard", body)


def _breakdown_table(title: str, field: str | None, rows: list[Breakdown], form: Mapping[str, str]) -> str:
    lines = []
    for row in rows:
        label = escape(row.key)
        if field is not None and row.calls:
            label = f'<a href="{escape(BASE + "?" + urlencode({**form, field: row.key}))}">{label}</a>'
        elif field is None and row.calls:
            method, _, endpoint = row.key.partition(" ")
            query = {"path": endpoint, "method": method, **{k: v for k, v in form.items() if k != "path"}}
            label = f'<a href="{escape(BASE + "/logs?" + urlencode(query))}">{label}</a>'
        lines.append(
            f'<tr><td>{label}</td><td class="num">{row.calls}</td><td class="num">{row.errors}</td>'
            f'<td class="num">{row.error_rate:.1%}</td></tr>'
        )
    body = "".join(lines) or '<tr><td colspan="4" class="empty">No calls</td></tr>'
    return (
        f"<section><h2>{title}</h2><table><thead><tr><th></th><th>Calls</th><th>Errors</th>"
        f"<th>Error rate</th></tr></thead><tbody>{body}</tbody></table></section>"
    )


def logs_page(
    calls: list[CallRecord] | None,
    total: int,
    form: Mapping[str, str],
    categories: list[str],
    offset: int,
    limit: int,
    message: str | None = None,
) -> str:
    search = (
        _text("path", "Path", form.get("path", ""), "/api/profiles/{id} or part of a path", 34)
        + _text("id", "Identifier", form.get("id", ""), "01H…")
        + _text("source", "Source", form.get("source", ""), "private, public, onsite, oauth, a key name")
        + _text("revision", "Revision", form.get("revision", ""), "2026-07-15", 11)
    )
    body = _filters_form(f"{BASE}/logs", form, categories, search) + error_block(message)
    if calls is not None:
        body += f'<p id="match-count">{matching_count(total)} matching calls, newest first</p>'
        rows = "".join(_call_row(call) for call in calls)
    if calls is not None and not rows:
        body += '<p class="empty" id="no-requests">No requests available</p>'
    elif calls is not None:
        body += (
            "<table id=calls><thead><tr><th>Time (UTC)</th><th>Method</th><th>Status</th><th>Path</th>"
            "<th>Category</th><th>Key</th><th>Source</th><th>Revision</th><th>ms</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>" + _pager(form, total, offset, limit)
        )
    return page("API logs", "logs", body)


def _call_row(call: CallRecord) -> str:
    target = call.path + (f"?{call.query}" if call.query else "")
    job = f' <a href="{escape(job_link(call.job_url))}">job</a>' if call.job_url else ""
    return (
        f'<tr class="call"><td><a href="{BASE}/logs/{escape(call.id)}">{format_instant(call.timestamp)}</a></td>'
        f"<td>{escape(call.method)}</td><td>{call.status}</td><td>{escape(target)}{job}</td>"
        f"<td>{escape(call.category or '')}</td><td>{escape(call.key or '')}</td>"
        f"<td>{escape(call.source or '')}</td><td>{escape(call.revision or '')}</td>"
        f'<td class="num">{milliseconds(call.duration_ms)}</td></tr>'
    )


def milliseconds(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def _pager(form: Mapping[str, str], total: int, offset: int, limit: int) -> str:
    links = []
    if offset > 0:
        links.append(f'<a href="{escape(_logs_url({**form, "offset": max(offset - limit, 0)}))}">Newer</a>')
    if offset + limit < total:
        links.append(f'<a href="{escape(_logs_url({**form, "offset": offset + limit}))}">Older</a>')
    return f"<p>{' · '.join(links)}</p>" if links else ""


def _logs_url(query: Mapping[str, object]) -> str:
    return f"{BASE}/logs?{urlencode(query)}"


def job_path(job_url: str) -> str:
    """The path of an async job's own URL (`/api/profile-bulk-import-jobs/01H…`)."""
    path = "/" + job_url.split("://", 1)[-1].split("/", 1)[-1] if "://" in job_url else job_url
    return path.split("?", 1)[0]


def job_link(job_url: str) -> str:
    """An async job's details: the calls made to the job's own URL, found by its path."""
    return _logs_url({"path": job_path(job_url)})


def job_state(response_body: str) -> dict[str, Any] | None:
    """An async job's status and counts as a job resource in `response_body` shows them, or None."""
    try:
        document = json.loads(response_body)
    except ValueError:
        return None
    data = document.get("data") if isinstance(document, dict) else None
    attributes = data.get("attributes") if isinstance(data, dict) else None
    if not isinstance(attributes, dict) or "status" not in attributes:
        return None
    return attributes


def job_table(job: Mapping[str, Any], as_of: CallRecord) -> str:
    """Job details as the API activity tool shows them: status, progress, task counts, expiry."""
    total = job.get("total_count")
    done = job.get("completed_count") or 0
    failed = job.get("failed_count") or 0
    facts = [("Job status", str(job.get("status", "")))]
    if isinstance(total, int) and total > 0 and isinstance(done, int) and isinstance(failed, int):
        facts += [
            ("Progress", f"{100 * (done + failed) // total}%"),
            ("Completed", str(done)),
            ("Pending", str(max(0, total - done - failed))),
            ("Errored", str(failed)),
            ("Total", str(total)),
        ]
    if job.get("expires_at"):
        facts.append(("Expires", str(job["expires_at"])))
    facts.append(("As of", f"{format_instant(as_of.timestamp)} ({as_of.method} {as_of.path})"))
    rows = "".join(f"<tr><th>{name}</th><td>{escape(value)}</td></tr>" for name, value in facts)
    return f"<h2>Job details</h2><table id=job>{rows}</table>"


def call_page(call: CallRecord, job_call: CallRecord | None = None) -> str:
    """One call's details; `job_call`, for a call that started or read an async job, is the latest recorded
    read of that job, whose answer gives the job details shown."""
    target = call.path + (f"?{call.query}" if call.query else "")
    facts = [
        ("Call ID", call.id),
        ("Status", str(call.status)),
        ("Path", call.path),
        ("Method", call.method),
        ("Time (UTC)", format_instant(call.timestamp)),
        ("Duration", f"{milliseconds(call.duration_ms)} ms"),
        ("Endpoint", f"{call.method} {call.operation or '(no operation matched)'}"),
        ("Category", call.category or ""),
        ("Source", call.source or ""),
        ("Key", call.key or ""),
        ("Source kind", call.source_kind or ""),
        ("Company ID", call.company_id or ""),
        ("Revision", call.revision or ""),
        ("Revision sent", call.revision_sent or ""),
        ("User agent", call.user_agent or ""),
        ("Identifiers", ", ".join(call.resource_ids)),
    ]
    rows = "".join(f"<tr><th>{name}</th><td>{escape(value)}</td></tr>" for name, value in facts)
    if call.job_url:
        rows += (
            f'<tr><th>Async job</th><td><a id="job-link" href="{escape(job_link(call.job_url))}">'
            f"{escape(call.job_url)}</a></td></tr>"
        )
    request = "\n".join(
        [
            f"{call.method} {target}",
            *(f"{k}: {v}" for k, v in call.request_headers.items()),
            "",
            call.request_body,
        ]
    )
    response = "\n".join(
        [str(call.status), *(f"{k}: {v}" for k, v in call.response_headers.items()), "", call.response_body]
    )
    latest = job_call or call
    job = job_state(latest.response_body) if call.job_url else None
    job_html = job_table(job, latest) if job is not None else ""
    body = (
        f"<table>{rows}</table>{job_html}"
        f"<div class=grid><section><h2>Request</h2><pre id=request>{escape(request)}</pre>"
        f"</section><section><h2>Response</h2><pre id=response>{escape(response)}</pre></section></div>"
    )
    return page(f"{call.method} {call.path} → {call.status}", "logs", body)
